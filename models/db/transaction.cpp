#include "models/db/transaction.h"

#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/events.h"
#include "models/db/sqlstatement.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>

namespace {
// Open Transactions per Database on this thread (a connection belongs to one thread,
// so the depth of its transaction is a per-thread fact).
thread_local QHash<const Database *, int> t_depth;
// Events published inside the open transaction: in-process ones, delivered after its
// commit, and (PostgreSQL) ones for NOTIFY, sent combined just before it.
struct DeferredEvent
{
    QJsonObject event;
    bool notify = false;
};
thread_local QHash<const Database *, QList<DeferredEvent>> t_events;
} // namespace

Transaction::Transaction(Database &db, Mode mode)
    : m_db(db)
{
    const int depth = t_depth.value(&db, 0);
    VoidResult r;
    if (depth > 0) {
        m_savepoint = QStringLiteral("residesk_sp_%1").arg(depth);
        r = SqlStatement::run(db, QStringLiteral("SAVEPOINT ") + m_savepoint);
    } else {
        const QString begin =
            mode == Mode::Write ? Dialect::beginWrite(db.config().backend) : QStringLiteral("BEGIN");
        if (db.isPostgreSQL()) {
            // Through libpq's own path (SqlStatement's PgQuery), which gives the
            // transaction the thread's job and acting role (ThreadJob) in the same round
            // trip; SqlStatement::run() would send a bare BEGIN.
            SqlStatement st(db, begin);
            r = st.exec();
        } else {
            r = SqlStatement::run(db, begin);
        }
    }
    m_active = r.ok();
    if (!m_active) {
        m_error = r.error();
        return;
    }
    m_write = depth == 0 && mode == Mode::Write;
    // A write on SQLite begins only while this process still holds the file's locks.
    if (m_write) {
        if (const VoidResult held = db.verifyHold(); !held) {
            // verifyHold() closed the connection, which rolled the transaction back.
            m_active = false;
            m_error = held.error();
            return;
        }
    }
    m_entered = true;
    m_eventMark = t_events.value(&db).size();
    t_depth[&db] = depth + 1;
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
    leave();
}

bool Transaction::isOpen(const Database &db)
{
    return t_depth.value(&db, 0) > 0;
}

bool Transaction::deferEvent(const Database &db, const QJsonObject &event, Delivery delivery)
{
    if (!isOpen(db))
        return false;
    t_events[&db].append({event, delivery == Delivery::Notify});
    return true;
}

void Transaction::leave()
{
    if (!m_entered)
        return;
    m_entered = false;
    const int depth = t_depth.value(&m_db, 0) - 1;
    if (depth <= 0)
        t_depth.remove(&m_db);
    else
        t_depth[&m_db] = depth;
}

VoidResult Transaction::commit()
{
    if (!m_active)
        return m_error.code != DbError::Code::None
                   ? m_error
                   : DbError(DbError::Code::QueryFailed, DbError::tr("The transaction is no longer active."));
    m_active = false;
    if (isNested()) {
        const VoidResult r = SqlStatement::run(m_db, QStringLiteral("RELEASE SAVEPOINT ") + m_savepoint);
        if (!r) {
            SqlStatement::run(m_db, QStringLiteral("ROLLBACK TO SAVEPOINT ") + m_savepoint);
            dropEvents();
            leave();
            return r.error();
        }
        leave();
        return {};
    }
    // ... and commits only while it still does: after losing them the commit could go
    // into a write-ahead log another process has deleted.
    if (m_write) {
        if (const VoidResult held = m_db.verifyHold(); !held) {
            dropEvents();
            leave(); // verifyHold() closed the connection, which rolled back
            return held.error();
        }
    }
    // PostgreSQL: the events published inside go out now, combined (one NOTIFY for
    // every job event, one per other event), and are delivered at COMMIT.
    QList<QJsonObject> local;
    QList<QJsonObject> notifications;
    for (DeferredEvent &d : t_events.take(&m_db))
        (d.notify ? notifications : local).append(std::move(d.event));
    if (!notifications.isEmpty()) {
        if (const VoidResult sent = Events::sendCombined(m_db, notifications); !sent) {
            SqlStatement::run(m_db, QStringLiteral("ROLLBACK"));
            leave();
            return sent.error();
        }
    }
    const VoidResult r = SqlStatement::run(m_db, QStringLiteral("COMMIT"));
    if (!r) {
        SqlStatement::run(m_db, QStringLiteral("ROLLBACK"));
        dropEvents();
        leave();
        return r.error();
    }
    leave();
    // Identical events of one transaction are delivered once, as PostgreSQL does with
    // identical NOTIFY payloads (a seed of many requests announces their table once).
    QSet<QByteArray> delivered;
    for (const QJsonObject &event : std::as_const(local)) {
        const QByteArray key = QJsonDocument(event).toJson(QJsonDocument::Compact);
        if (delivered.contains(key))
            continue;
        delivered.insert(key);
        m_db.emitLocalEvent(event);
    }
    return {};
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    if (isNested()) {
        // Undo this savepoint's work and drop it; the outer transaction stays usable
        // (on PostgreSQL also after a failed statement inside the savepoint).
        SqlStatement::run(m_db, QStringLiteral("ROLLBACK TO SAVEPOINT ") + m_savepoint);
        SqlStatement::run(m_db, QStringLiteral("RELEASE SAVEPOINT ") + m_savepoint);
    } else {
        SqlStatement::run(m_db, QStringLiteral("ROLLBACK"));
    }
    dropEvents();
    leave();
}

void Transaction::dropEvents()
{
    const auto it = t_events.find(&m_db);
    if (it == t_events.end())
        return;
    if (isNested() && m_eventMark < it->size())
        it->resize(m_eventMark);
    else if (!isNested())
        t_events.erase(it);
}
