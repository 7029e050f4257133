#include "models/db/events.h"

#include "models/db/database.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMetaMethod>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <functional>
#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcEvents, "residesk.events")

namespace {

// PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. The margin covers a server
// encoding other than UTF-8, where a character may take more bytes than it does here.
constexpr qsizetype kMaxPayloadBytes = 7900;

// The listener's health check and reconnect backoff.
constexpr int kCheckIntervalMs = 2000;
constexpr int kFirstRetryMs = 500;
constexpr int kMaxRetryMs = 10000;

QByteArray compact(const QJsonObject &event)
{
    return QJsonDocument(event).toJson(QJsonDocument::Compact);
}

// The bytes a character takes in the compact JSON text; an escaped control character
// is counted low, which only makes the cut a little longer.
qsizetype jsonBytes(QChar c)
{
    const char16_t u = c.unicode();
    if (u == u'"' || u == u'\\' || u < 0x20)
        return 2;
    if (u < 0x80)
        return 1;
    if (u < 0x800 || c.isSurrogate())
        return 2;
    return 3;
}

// The payload with its longest strings cut (ending in "…") until it fits under the
// NOTIFY limit: a progress message is worth less than the event that carries it.
std::optional<QByteArray> fittedPayload(QJsonObject event)
{
    QByteArray payload = compact(event);
    while (payload.size() >= kMaxPayloadBytes) {
        QString key;
        qsizetype longest = 1;
        for (auto it = event.constBegin(); it != event.constEnd(); ++it) {
            if (it->isString() && it->toString().size() > longest) {
                longest = it->toString().size();
                key = it.key();
            }
        }
        if (key.isEmpty())
            return std::nullopt;
        const QString value = event.value(key).toString();
        // Three more bytes pay for the ellipsis.
        const qsizetype needed = payload.size() - kMaxPayloadBytes + 1 + 3;
        qsizetype keep = value.size();
        for (qsizetype saved = 0; keep > 0 && saved < needed;)
            saved += jsonBytes(value.at(--keep));
        if (keep > 0 && value.at(keep - 1).isHighSurrogate())
            --keep;
        event.insert(key, QStringView(value).left(keep).toString() + QChar(0x2026));
        payload = compact(event);
    }
    return payload;
}

// What a string takes in the compact JSON text, quotes included; control characters
// count as the six bytes of their \u escape.
qsizetype jsonStringBytes(const QString &text)
{
    qsizetype bytes = 2;
    for (const QChar c : text)
        bytes += c.unicode() < 0x20 ? 6 : jsonBytes(c);
    return bytes;
}

qsizetype decimalBytes(qint64 value)
{
    qsizetype bytes = value < 0 ? 2 : 1;
    for (quint64 v = value < 0 ? 0 - quint64(value) : quint64(value); v >= 10; v /= 10)
        ++bytes;
    return bytes;
}

// One entry of a "jobs" event, [id,"kind","state",done,total,attempts,0|1], with the
// comma that separates it from the next.
qsizetype jobEntryBytes(const JobChange &change)
{
    return 2 + 6 + 1 + 1 + decimalBytes(change.id) + jsonStringBytes(change.kind) +
           jsonStringBytes(change.state) + decimalBytes(change.done) + decimalBytes(change.total) +
           decimalBytes(change.attempts);
}

// A "job" event as a change (without `details`).
JobChange jobChange(const QJsonObject &event)
{
    JobChange change;
    change.id = event.value(u"id"_s).toInteger();
    change.kind = event.value(u"kind"_s).toString();
    change.state = event.value(u"state"_s).toString();
    change.done = event.value(u"done"_s).toInteger();
    change.total = event.value(u"total"_s).toInteger();
    change.attempts = event.value(u"attempts"_s).toInt();
    change.cancel = event.value(u"cancel"_s).toBool();
    change.at = event.value(u"at"_s).toInteger();
    return change;
}

// `changes` as "jobs" events, in order, each with as many entries as fit the payload
// limit; `send` gets each.
VoidResult forEachJobsEvent(const QList<JobChange> &changes,
                            const std::function<VoidResult(const QJsonObject &)> &send)
{
    QJsonArray entries;
    qsizetype bytes = 0;
    qint64 at = 0;
    const auto flush = [&]() -> VoidResult {
        if (entries.isEmpty())
            return {};
        const VoidResult r = send(QJsonObject{{u"type"_s, u"jobs"_s}, {u"at"_s, at}, {u"j"_s, entries}});
        entries = QJsonArray();
        bytes = 0;
        return r;
    };
    for (const JobChange &change : changes) {
        const qsizetype entryBytes = jobEntryBytes(change);
        if (bytes + entryBytes > kMaxPayloadBytes - 100) {
            if (const VoidResult r = flush(); !r)
                return r;
        }
        at = qMax(at, change.at);
        entries.append(QJsonArray{change.id, change.kind, change.state, change.done, change.total,
                                  change.attempts, change.cancel ? 1 : 0});
        bytes += entryBytes;
    }
    return flush();
}

QString channelName()
{
    return QString::fromLatin1(Events::channel);
}

// The jobs of a "jobs" event as sendCombined() writes it,
//   {"type":"jobs","at":N,"j":[[id,"kind","state",done,total,attempts,0|1],…]}
// one change each, as if sent alone; entries of another length are skipped.
QList<JobChange> jobChanges(const QJsonObject &event)
{
    const qint64 at = event.value(u"at"_s).toInteger();
    const QJsonArray entries = event.value(u"j"_s).toArray();
    QList<JobChange> changes;
    changes.reserve(entries.size());
    for (const QJsonValue &entry : entries) {
        const QJsonArray e = entry.toArray();
        if (e.size() < 7)
            continue;
        changes.append({e.at(0).toInteger(),
                        e.at(1).toString(),
                        e.at(2).toString(),
                        e.at(3).toInteger(),
                        e.at(4).toInteger(),
                        e.at(5).toInt(),
                        e.at(6).toInt() != 0,
                        at,
                        {}});
    }
    return changes;
}

// What a listening side hands to its EventBus: a "jobs" event already read into
// `jobs`, or any other event as `event`.
struct Received
{
    QJsonObject event;
    QList<JobChange> jobs;
};

// What a listening side (PgListener, FeedReader) hands to its EventBus, called on the
// listening side's thread.
struct ListenerHooks
{
    std::function<void(Received)> event;
    std::function<void(bool resubscribed)> subscribed;
    std::function<void()> lost;
};

// The listening side on PostgreSQL. Lives on the EventBus's own thread, because QPSQL
// delivers notifications through a socket notifier on the thread of the connection,
// and owns a connection of its own: a LISTEN must not share a session with queries
// that block or run in transactions. The hooks run on this thread.
class PgListener : public QObject
{
public:
    PgListener(DatabaseConfig config, ListenerHooks hooks)
        : m_config(std::move(config))
        , m_hooks(std::move(hooks))
        , m_name(u"residesk-events-%1"_s.arg(s_listeners.fetchAndAddRelaxed(1) + 1))
        , m_check(new QTimer(this))
        , m_retry(new QTimer(this))
    {
        m_check->setInterval(kCheckIntervalMs);
        m_retry->setSingleShot(true);
        connect(m_check, &QTimer::timeout, this, &PgListener::check);
        connect(m_retry, &QTimer::timeout, this, &PgListener::subscribe);
    }

    // The connection belongs to this thread: it is closed and removed here, from the
    // thread's finished() (deleteLater), never from the EventBus's thread.
    ~PgListener() override
    {
        if (!QSqlDatabase::contains(m_name))
            return;
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }

    void subscribe()
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (!db.isValid()) {
            db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_name);
            if (!db.isValid()) {
                // Without the driver no retry can succeed.
                qCWarning(lcEvents) << "the Qt SQL driver for PostgreSQL is not installed; no events";
                return;
            }
            configure(db);
            connect(db.driver(), &QSqlDriver::notification, this, &PgListener::onNotification);
        }
        if (!db.open()) {
            qCWarning(lcEvents) << "cannot open the listening connection:" << db.lastError().text().trimmed();
            retryLater(db);
            return;
        }
        if (!db.driver()->subscribeToNotification(channelName())) {
            qCWarning(lcEvents) << "cannot LISTEN:" << db.driver()->lastError().text().trimmed();
            retryLater(db);
            return;
        }
        m_retryMs = kFirstRetryMs;
        m_check->start();
        m_hooks.subscribed(std::exchange(m_wasSubscribed, true));
    }

private:
    // The parameters of Database::connection(), so that the listener reaches the
    // server the same way; application_name marks the session in pg_stat_activity, and
    // tcp_user_timeout bounds how long the health check can block on a dead peer (the
    // EventBus's destructor waits for it).
    void configure(QSqlDatabase &db) const
    {
        db.setHostName(m_config.host);
        db.setPort(m_config.port);
        db.setUserName(m_config.user);
        db.setPassword(m_config.password);
        db.setDatabaseName(m_config.databaseName);
        QString options = u"connect_timeout=%1;tcp_user_timeout=%2;application_name=%3"_s
                              .arg(m_config.connectTimeoutSeconds)
                              .arg(qMax(1, m_config.connectTimeoutSeconds) * 1000)
                              .arg(QString::fromLatin1(Events::listenerApplicationName));
        if (!m_config.sslMode.isEmpty())
            options += u";sslmode="_s + m_config.sslMode;
        db.setConnectOptions(options);
    }

    // A terminated backend or a dropped network is not always visible on the socket
    // (no notifications arrive either way), so the session is asked to answer.
    void check()
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (!db.isOpen()) {
            lose(u"the connection was closed"_s);
            return;
        }
        QString problem;
        {
            QSqlQuery query(db);
            if (!query.exec(u"SELECT 1"_s))
                problem = query.lastError().text().trimmed();
        }
        if (!problem.isEmpty())
            lose(problem);
    }

    void lose(const QString &problem)
    {
        qCWarning(lcEvents) << "the listening connection was lost:" << problem;
        m_check->stop();
        m_hooks.lost();
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        retryLater(db);
    }

    void retryLater(QSqlDatabase &db)
    {
        db.close();
        m_retry->start(m_retryMs);
        m_retryMs = qMin(m_retryMs * 2, kMaxRetryMs);
    }

    void onNotification(const QString &name, QSqlDriver::NotificationSource, const QVariant &payload)
    {
        if (name != m_channel)
            return;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(payload.toString().toUtf8(), &error);
        if (!doc.isObject()) {
            qCWarning(lcEvents) << "ignoring an event that is not a JSON object:" << error.errorString();
            return;
        }
        Received received;
        received.event = doc.object();
        // Most events of a busy server: their jobs read here, once, on this thread.
        if (received.event.value(u"type"_s) == u"jobs"_s) {
            received.jobs = jobChanges(received.event);
            if (received.jobs.isEmpty())
                return;
            received.event = {};
        }
        m_hooks.event(std::move(received));
    }

    static inline QAtomicInteger<quint64> s_listeners;

    const QString m_channel = channelName();
    DatabaseConfig m_config;
    ListenerHooks m_hooks;
    QString m_name;
    QTimer *m_check;
    QTimer *m_retry;
    int m_retryMs = kFirstRetryMs;
    bool m_wasSubscribed = false;
};

} // namespace

// ---------------------------------------------------------------------------------
// Publishing

namespace {
VoidResult notify(Database &db, const QJsonObject &event);
} // namespace

VoidResult Events::publish(Database &db, const QJsonObject &event)
{
    if (!db.isPostgreSQL()) {
        db.emitLocalEvent(event);
        // For the other processes on this file. Job events stay in-process: they are
        // many (progress), and the jobs view polls the table on SQLite anyway.
        const QString type = event.value(u"type"_s).toString();
        if (type == u"records" || type == u"notification") {
            const VoidResult r = SqlStatement::run(
                db, u"INSERT INTO change_feed (origin, payload, at) VALUES (?, ?, ?)"_s,
                {db.origin(), QString::fromUtf8(compact(event)), QDateTime::currentMSecsSinceEpoch()});
            // The change itself stands; only other processes miss the news (and see it
            // when they next reload).
            if (!r)
                qCWarning(lcEvents) << "cannot record the event for other processes:" << r.error().detail;
        }
        return {};
    }
    if (Transaction::deferEvent(db, event, Transaction::Delivery::Notify))
        return {}; // sent, combined with the others, just before the commit
    return notify(db, event);
}

VoidResult Events::sendCombined(Database &db, const QList<QJsonObject> &events)
{
    QList<JobChange> jobs;
    QSet<QByteArray> others;
    QList<QJsonObject> otherEvents;
    for (const QJsonObject &event : events) {
        if (event.value(u"type"_s).toString() != u"job") {
            const QByteArray key = compact(event);
            if (!others.contains(key)) {
                others.insert(key);
                otherEvents.append(event);
            }
            continue;
        }
        if (events.size() == 1) {
            otherEvents.append(event);
            continue;
        }
        jobs.append(jobChange(event));
    }
    if (const VoidResult r = forEachJobsEvent(jobs, [&db](const QJsonObject &e) { return notify(db, e); });
        !r)
        return r;
    for (const QJsonObject &event : std::as_const(otherEvents)) {
        if (const VoidResult r = notify(db, event); !r)
            return r;
    }
    return {};
}

VoidResult Events::publishJobs(Database &db, const QList<JobChange> &changes)
{
    if (!db.isPostgreSQL()) {
        for (const JobChange &change : changes) {
            if (const VoidResult r = publish(db, change.toJson()); !r)
                return r;
        }
        return {};
    }
    return forEachJobsEvent(changes, [&db](const QJsonObject &e) { return publish(db, e); });
}

namespace {
VoidResult notify(Database &db, const QJsonObject &event)
{
    const std::optional<QByteArray> payload = fittedPayload(event);
    if (!payload)
        return DbError(
            DbError::Code::QueryFailed,
            QCoreApplication::translate("Events", "The event is too large to be sent to other clients."),
            QString::fromUtf8(compact(event).left(200)));
    SqlStatement st(db, u"SELECT pg_notify(?, ?)"_s);
    st.bind(channelName()).bind(QString::fromUtf8(*payload));
    return st.exec();
}
} // namespace

VoidResult Events::publishRecordsChanged(Database &db, const QString &table)
{
    return publish(db, QJsonObject{{u"type"_s, u"records"_s}, {u"table"_s, table}});
}

VoidResult Events::publishNotification(Database &db, const QString &username)
{
    // NOTIFY reaches every role on the server: there the event names nobody, and each
    // listener reads its own notifications (row-level security shows only those). In
    // this process (SQLite) it names the recipient, so other people's windows need not.
    QJsonObject event{{u"type"_s, u"notification"_s}};
    if (!db.isPostgreSQL())
        event.insert(u"user"_s, username);
    return publish(db, event);
}

// The reading side on SQLite: the events other processes wrote to change_feed.
// Lives on the EventBus's own thread, with that thread's connection; the hooks run
// there too.
class FeedReader : public QObject
{
public:
    FeedReader(Database &db, ListenerHooks hooks)
        : m_db(db)
        , m_hooks(std::move(hooks))
        , m_timer(new QTimer(this))
    {
        m_timer->setInterval(kFeedIntervalMs);
        connect(m_timer, &QTimer::timeout, this, &FeedReader::read);
    }

    // Starts after the newest row: what was written before this bus existed is old news.
    void start()
    {
        SqlStatement st(m_db, u"SELECT COALESCE(MAX(id), 0) FROM change_feed"_s);
        if (st.exec() && st.next())
            m_after = st.value(0).toLongLong();
        m_timer->start();
        m_hooks.subscribed(false);
    }

private:
    void read()
    {
        SqlStatement st(m_db,
                        u"SELECT id, origin, payload FROM change_feed WHERE id > ? ORDER BY id LIMIT ?"_s);
        st.bind(m_after).bind(kFeedBatch);
        if (!st.exec())
            return; // logged; tried again at the next tick
        const QString own = m_db.origin();
        while (st.next()) {
            m_after = st.value(0).toLongLong();
            if (st.value(1).toString() == own)
                continue;
            const QJsonObject event = QJsonDocument::fromJson(st.value(2).toString().toUtf8()).object();
            if (!event.isEmpty())
                m_hooks.event(Received{event, {}});
        }
        st.finish();
        if (++m_ticks % kPruneEveryTicks == 0) {
            SqlStatement::run(m_db, u"DELETE FROM change_feed WHERE at < ?"_s,
                              {QDateTime::currentMSecsSinceEpoch() - kFeedKeepMs});
        }
    }

    static constexpr int kFeedIntervalMs = 1000;
    static constexpr int kFeedBatch = 1000;
    static constexpr int kPruneEveryTicks = 600;
    static constexpr qint64 kFeedKeepMs = 3600 * 1000;

    Database &m_db;
    ListenerHooks m_hooks;
    QTimer *m_timer;
    qint64 m_after = 0;
    quint64 m_ticks = 0;
};

// ---------------------------------------------------------------------------------
// EventBus

QJsonObject JobChange::toJson() const
{
    if (!details.isEmpty())
        return details;
    // Filling in a copy of the shape takes less than half the time of inserting each key.
    static const QJsonObject shape{{u"type"_s, u"job"_s},   {u"id"_s, 0},         {u"kind"_s, QString()},
                                   {u"state"_s, QString()}, {u"done"_s, 0},       {u"total"_s, 0},
                                   {u"attempts"_s, 0},      {u"cancel"_s, false}, {u"at"_s, 0}};
    QJsonObject event = shape;
    event[u"id"_s] = id;
    event[u"kind"_s] = kind;
    event[u"state"_s] = state;
    event[u"done"_s] = done;
    event[u"total"_s] = total;
    event[u"attempts"_s] = attempts;
    event[u"cancel"_s] = cancel;
    event[u"at"_s] = at;
    return event;
}

class EventBus::Private
{
public:
    Private(EventBus *q, Database &db)
        : q(q)
        , db(db)
    {}

    ListenerHooks hooks();
    template<typename Worker> void startOnOwnThread(Worker *worker, void (Worker::*start)());
    void dispatch(const Received &received);
    void dispatch(const QJsonObject &event);
    void emitJobs(const QList<JobChange> &changes);
    void recordsEvent(const QString &table);

    EventBus *q;
    Database &db;
    int recordsDelayMs = 250;
    bool started = false;
    std::atomic<bool> listening{false};
    QSet<QString> pendingTables;
    QThread *thread = nullptr;
};

ListenerHooks EventBus::Private::hooks()
{
    // The hooks run on the listening thread; everything they hand over is queued to q,
    // so that the signals come from q's thread, and so that nothing queued outlives q
    // (QObject drops the posted events of a deleted receiver).
    ListenerHooks hooks;
    // One queued call per event received, whatever the number of jobs in it.
    hooks.event = [this](Received received) {
        QMetaObject::invokeMethod(
            q, [this, received = std::move(received)] { dispatch(received); }, Qt::QueuedConnection);
    };
    hooks.subscribed = [this](bool resubscribed) {
        listening.store(true);
        QMetaObject::invokeMethod(
            q,
            [this, resubscribed] {
                if (resubscribed)
                    Q_EMIT q->resynced();
                else
                    Q_EMIT q->listening();
            },
            Qt::QueuedConnection);
    };
    hooks.lost = [this] {
        listening.store(false);
    };
    return hooks;
}

// The listening side gets a thread of its own and is deleted on it when it ends.
template<typename Worker> void EventBus::Private::startOnOwnThread(Worker *worker, void (Worker::*start)())
{
    thread = new QThread;
    thread->setObjectName(u"residesk-events"_s);
    worker->moveToThread(thread);
    QObject::connect(thread, &QThread::started, worker, start);
    QObject::connect(thread, &QThread::finished, worker, &QObject::deleteLater);
    thread->start();
}

void EventBus::Private::dispatch(const Received &received)
{
    if (received.jobs.isEmpty())
        dispatch(received.event);
    else
        emitJobs(received.jobs);
}

void EventBus::Private::dispatch(const QJsonObject &event)
{
    const QString type = event.value(u"type"_s).toString();
    if (type == u"job") {
        JobChange change = jobChange(event);
        change.details = event;
        emitJobs({change});
    } else if (type == u"jobs") {
        // From the SQLite change feed (PgListener reads its own on the listening thread).
        const QList<JobChange> changes = jobChanges(event);
        if (!changes.isEmpty())
            emitJobs(changes);
    } else if (type == u"records") {
        const QString table = event.value(u"table"_s).toString();
        if (!table.isEmpty())
            recordsEvent(table);
    } else if (type == u"notification") {
        Q_EMIT q->notificationEvent(event.value(u"user"_s).toString());
    } else {
        // A newer client may send kinds this one does not know.
        qCDebug(lcEvents) << "ignoring an event of type" << type;
    }
}

void EventBus::Private::emitJobs(const QList<JobChange> &changes)
{
    Q_EMIT q->jobsChanged(changes);
    // The object per job only for those who asked for one.
    static const QMetaMethod jobEventSignal = QMetaMethod::fromSignal(&EventBus::jobEvent);
    if (!q->isSignalConnected(jobEventSignal))
        return;
    for (const JobChange &change : changes)
        Q_EMIT q->jobEvent(change.toJson());
}

// A bulk import or a busy office sends many events a second; views reload once per
// window instead of once per row.
void EventBus::Private::recordsEvent(const QString &table)
{
    if (pendingTables.contains(table))
        return;
    pendingTables.insert(table);
    QTimer::singleShot(recordsDelayMs, q, [this, table] {
        pendingTables.remove(table);
        Q_EMIT q->recordsChanged(table);
    });
}

EventBus::EventBus(Database &db, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, db))
{}

EventBus::~EventBus()
{
    if (d->thread) {
        // The listener is deleted on its thread once the loop ends (finished →
        // deleteLater); a step in progress is bounded by the connect timeout.
        d->thread->quit();
        d->thread->wait();
        delete d->thread;
        d->thread = nullptr;
    }
}

void EventBus::start()
{
    if (d->started)
        return;
    d->started = true;
    if (d->db.isPostgreSQL()) {
        d->startOnOwnThread(new PgListener(d->db.config(), d->hooks()), &PgListener::subscribe);
        return;
    }
    // Queued when published on another thread, direct on this one.
    connect(&d->db, &Database::localEvent, this, [this](const QJsonObject &event) { d->dispatch(event); });
    // Other processes on the same file: through the change feed (listening() once its
    // reader knows where the feed stands).
    d->startOnOwnThread(new FeedReader(d->db, d->hooks()), &FeedReader::start);
}

bool EventBus::isListening() const
{
    return d->listening.load();
}

void EventBus::setRecordsDelayMs(int ms)
{
    d->recordsDelayMs = qMax(0, ms);
}
