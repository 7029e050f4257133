#include "tasks/itemmodels/notificationsmodel.h"

#include "models/db/dbexecutor.h"
#include "models/db/events.h"

#include <QCoroFuture>
#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

constexpr int kLimit = 200;

QString timeText(qint64 ms)
{
    if (ms <= 0)
        return {};
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(ms);
    const QLocale locale;
    if (when.date() == QDate::currentDate())
        return locale.toString(when.time(), QLocale::ShortFormat);
    return locale.toString(when, QLocale::ShortFormat);
}

bool sameIds(const QList<Notification> &a, qsizetype offset, const QList<Notification> &b)
{
    if (a.size() - offset != b.size())
        return false;
    for (qsizetype i = 0; i < b.size(); ++i) {
        if (a.at(offset + i).id != b.at(i).id)
            return false;
    }
    return true;
}

bool sameContent(const Notification &a, const Notification &b)
{
    return a.id == b.id && a.readAt == b.readAt && a.title == b.title && a.body == b.body &&
           a.link == b.link && a.kind == b.kind && a.createdAt == b.createdAt && a.jobId == b.jobId &&
           a.titleMsg == b.titleMsg && a.bodyMsg == b.bodyMsg;
}

} // namespace

NotificationsModel::NotificationsModel(DbExecutor &executor, QString username, QObject *parent)
    : QAbstractListModel(parent)
    , m_executor(executor)
    , m_username(std::move(username))
{}

void NotificationsModel::setEventBus(EventBus *bus)
{
    if (m_bus)
        disconnect(m_bus, nullptr, this, nullptr);
    m_bus = bus;
    if (!bus)
        return;
    connect(bus, &EventBus::notificationEvent, this, [this](const QString &username) {
        // An event naming nobody (PostgreSQL) may be ours: row-level security shows
        // only our own, so reading again is safe and cheap.
        if (username.isEmpty() || username == m_username)
            reload();
    });
    connect(bus, &EventBus::resynced, this, &NotificationsModel::reload);
}

void NotificationsModel::start()
{
    if (m_started)
        return;
    m_started = true;
    reload();
}

void NotificationsModel::reload()
{
    if (!m_started)
        return;
    if (m_loading) {
        m_loadAgain = true;
        return;
    }
    m_loading = true;
    m_loadAgain = false;
    load();
}

int NotificationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant NotificationsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const Notification &n = m_items.at(index.row());
    // Stored messages are read in the current language (the viewer's), whoever wrote
    // them; rows without one show their text as written.
    switch (role) {
    case Qt::DisplayRole: {
        QStringList lines{n.titleText()};
        if (const QString body = n.bodyText(); !body.isEmpty())
            lines.append(body);
        lines.append(timeText(n.createdAt));
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::ToolTipRole: {
        const QString body = n.bodyText();
        return body.isEmpty() ? n.titleText() : body;
    }
    case Qt::AccessibleTextRole:
        return n.readAt > 0 ? tr("%1, %2").arg(n.titleText(), timeText(n.createdAt))
                            : tr("Unread: %1, %2").arg(n.titleText(), timeText(n.createdAt));
    case IdRole:
        return n.id;
    case TitleRole:
        return n.titleText();
    case BodyRole:
        return n.bodyText();
    case CreatedAtRole:
        return n.createdAt;
    case ReadRole:
        return n.readAt > 0;
    case LinkRole:
        return n.link;
    case JobIdRole:
        return n.jobId;
    case NotificationRole:
        return QVariant::fromValue(n);
    default:
        return {};
    }
}

Notification NotificationsModel::notificationAt(int row) const
{
    if (row < 0 || row >= m_items.size())
        return {};
    return m_items.at(row);
}

int NotificationsModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).id == id)
            return row;
    }
    return -1;
}

void NotificationsModel::markRead(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0 || m_items.at(row).readAt > 0)
        return;
    m_items[row].readAt = QDateTime::currentMSecsSinceEpoch();
    Q_EMIT dataChanged(index(row), index(row));
    setUnread(qMax(0, m_unread - 1));
    write(id);
}

void NotificationsModel::markAllRead()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).readAt <= 0) {
            m_items[row].readAt = now;
            Q_EMIT dataChanged(index(row), index(row));
        }
    }
    setUnread(0);
    write(0);
}

void NotificationsModel::setUnread(int count)
{
    if (count == m_unread)
        return;
    m_unread = count;
    Q_EMIT unreadCountChanged(count);
}

void NotificationsModel::apply(Snapshot snapshot)
{
    QList<Notification> &fresh = snapshot.items;
    const qsizetype added = fresh.size() - m_items.size();
    if (sameIds(fresh, 0, m_items)) {
        for (int row = 0; row < fresh.size(); ++row) {
            if (!sameContent(fresh.at(row), m_items.at(row))) {
                m_items[row] = fresh.at(row);
                Q_EMIT dataChanged(index(row), index(row));
            }
        }
    } else if (added > 0 && sameIds(fresh, added, m_items)) {
        // The usual case: new ones on top.
        beginInsertRows({}, 0, int(added) - 1);
        m_items = fresh.mid(0, added) + m_items;
        endInsertRows();
        for (int row = int(added); row < fresh.size(); ++row) {
            if (!sameContent(fresh.at(row), m_items.at(row))) {
                m_items[row] = fresh.at(row);
                Q_EMIT dataChanged(index(row), index(row));
            }
        }
    } else {
        beginResetModel();
        m_items = fresh;
        endResetModel();
    }
    setUnread(snapshot.unread);

    qint64 newest = m_newestSeen;
    for (const Notification &n : std::as_const(m_items))
        newest = qMax(newest, n.id);
    if (!m_firstLoad) {
        // Oldest first, as they happened.
        for (auto it = m_items.crbegin(); it != m_items.crend(); ++it) {
            if (it->id > m_newestSeen && it->readAt <= 0)
                Q_EMIT notificationArrived(*it);
        }
    }
    m_firstLoad = false;
    m_newestSeen = newest;
}

QCoro::Task<> NotificationsModel::load()
{
    QPointer<NotificationsModel> self(this);
    // A named future, not a temporary: GCC 12 destroys temporaries of a co_await
    // expression twice (GCC bug 100611).
    auto future = m_executor.read([username = m_username](Database &db) -> Result<Snapshot> {
        NotificationStore store(db);
        Result<QList<Notification>> items = store.list(username, kLimit);
        if (!items)
            return items.error();
        const Result<int> unread = store.unreadCount(username);
        if (!unread)
            return unread.error();
        return Snapshot{std::move(items).value(), unread.value()};
    });
    Result<Snapshot> result = co_await future;
    if (!self)
        co_return;
    m_loading = false;
    if (!result)
        Q_EMIT failed(tr("The notifications could not be loaded: %1").arg(result.error().message));
    else
        apply(std::move(result).value());
    Q_EMIT loaded();
    if (m_loadAgain)
        reload();
}

QCoro::Task<> NotificationsModel::write(qint64 id)
{
    QPointer<NotificationsModel> self(this);
    auto future = m_executor.write([id, username = m_username](Database &db) {
        NotificationStore store(db);
        return id > 0 ? store.markRead(id, username) : store.markAllRead(username);
    });
    const VoidResult result = co_await future;
    if (!self)
        co_return;
    if (!result)
        Q_EMIT failed(tr("The notification could not be marked as read: %1").arg(result.error().message));
    // What the database now says (a failure undoes the early mark; another desktop
    // may have added one meanwhile).
    reload();
}
