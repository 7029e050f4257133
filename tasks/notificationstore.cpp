#include "tasks/notificationstore.h"

#include "models/db/database.h"
#include "models/db/events.h"
#include "models/db/sqlstatement.h"
#include "tasks/storesql_p.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using StoreSql::clipped;

namespace {

const QString kSelect =
    u"SELECT id, username, kind, title, body, job_id, link, created_at, read_at, title_msg, body_msg "
    "FROM notifications"_s;

Notification readNotification(const SqlStatement &st)
{
    Notification n;
    n.id = st.value(0).toLongLong();
    n.username = st.value(1).toString();
    n.kind = Notification::kindFromCode(st.value(2).toString());
    n.title = st.value(3).toString();
    n.body = st.value(4).toString();
    n.jobId = st.value(5).isNull() ? 0 : st.value(5).toLongLong();
    n.link = st.value(6).toString();
    n.createdAt = st.value(7).toLongLong();
    n.readAt = st.value(8).isNull() ? 0 : st.value(8).toLongLong();
    // Rows written before messages were kept, or by a writer that had only words, have
    // none: their text is shown.
    n.titleMsg = StoredText::fromJson(st.value(9).toString()).value_or(StoredText());
    n.bodyMsg = StoredText::fromJson(st.value(10).toString()).value_or(StoredText());
    return n;
}

// A message as stored: its JSON, or NULL for none (a verbatim text is its plain column).
QVariant messageJson(const StoredText &message)
{
    if (message.isEmpty() || message.isVerbatim())
        return QVariant(QMetaType::fromType<QString>());
    return message.toJson();
}

} // namespace

QString Notification::kindCode(Kind kind)
{
    switch (kind) {
    case Kind::JobSucceeded:
        return u"job_succeeded"_s;
    case Kind::JobFailed:
        return u"job_failed"_s;
    case Kind::JobCancelled:
        return u"job_cancelled"_s;
    case Kind::Attention:
        return u"attention"_s;
    }
    return u"attention"_s;
}

Notification::Kind Notification::kindFromCode(const QString &code)
{
    for (Kind kind : {Kind::JobSucceeded, Kind::JobFailed, Kind::JobCancelled, Kind::Attention}) {
        if (kindCode(kind) == code)
            return kind;
    }
    return Kind::Attention;
}

NotificationStore::NotificationStore(Database &db, const JobClock &clock)
    : m_db(db)
    , m_clock(clock)
{}

Result<qint64> NotificationStore::add(const Notification &given)
{
    Notification notification = given;
    if (notification.title.trimmed().isEmpty() && !notification.titleMsg.isEmpty())
        notification.title = notification.titleMsg.toString();
    if (notification.body.isEmpty() && !notification.bodyMsg.isEmpty())
        notification.body = notification.bodyMsg.toString();
    QList<FieldError> errors;
    if (notification.username.trimmed().isEmpty())
        errors.append({u"username"_s, QCoreApplication::translate(
                                          "NotificationStore", "A notification needs the user it is for.")});
    if (notification.title.trimmed().isEmpty())
        errors.append(
            {u"title"_s, QCoreApplication::translate("NotificationStore", "A notification needs a title.")});
    if (!errors.isEmpty())
        return DbError::validation(std::move(errors));

    const qint64 now = notification.createdAt > 0 ? notification.createdAt : m_clock.nowMs();
    SqlStatement st(
        m_db, u"INSERT INTO notifications (username, kind, title, body, job_id, link, created_at, read_at, "
              "title_msg, body_msg) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s);
    st.bind(notification.username);
    st.bind(Notification::kindCode(notification.kind));
    st.bind(clipped(notification.title, 300));
    st.bind(notification.body.isNull() ? u""_s : notification.body);
    st.bind(notification.jobId > 0 ? QVariant(notification.jobId)
                                   : QVariant(QMetaType::fromType<qlonglong>()));
    st.bind(notification.link.isNull() ? u""_s : clipped(notification.link, 500));
    st.bind(now);
    st.bind(notification.readAt > 0 ? QVariant(notification.readAt)
                                    : QVariant(QMetaType::fromType<qlonglong>()));
    st.bind(messageJson(notification.titleMsg));
    st.bind(messageJson(notification.bodyMsg));
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return DbError(DbError::Code::QueryFailed,
                       QCoreApplication::translate("NotificationStore", "The notification was not stored."));
    const qint64 id = st.value(0).toLongLong();
    st.finish();

    if (auto r = Events::publishNotification(m_db, notification.username); !r)
        return r.error();
    return id;
}

Result<QList<Notification>> NotificationStore::list(const QString &username, int limit)
{
    SqlStatement st(m_db, kSelect + u" WHERE username = ? ORDER BY id DESC LIMIT ?"_s);
    st.bind(username).bind(qBound(1, limit, 10000));
    if (auto r = st.exec(); !r)
        return r.error();
    QList<Notification> out;
    while (st.next())
        out.append(readNotification(st));
    return out;
}

Result<int> NotificationStore::unreadCount(const QString &username)
{
    SqlStatement st(m_db, u"SELECT COUNT(*) FROM notifications WHERE username = ? AND read_at IS NULL"_s);
    st.bind(username);
    if (auto r = st.exec(); !r)
        return r.error();
    return st.next() ? st.value(0).toInt() : 0;
}

VoidResult NotificationStore::markRead(qint64 id, const QString &username)
{
    SqlStatement st(
        m_db, u"UPDATE notifications SET read_at = ? WHERE id = ? AND username = ? AND read_at IS NULL"_s);
    st.bind(m_clock.nowMs()).bind(id).bind(username);
    if (auto r = st.exec(); !r)
        return r.error();
    if (st.numRowsAffected() > 0)
        return Events::publishNotification(m_db, username);

    // Nothing changed: already read (fine) or not this user's notification.
    SqlStatement check(m_db, u"SELECT 1 FROM notifications WHERE id = ? AND username = ?"_s);
    check.bind(id).bind(username);
    if (auto r = check.exec(); !r)
        return r.error();
    if (!check.next())
        return DbError(
            DbError::Code::NotFound,
            QCoreApplication::translate("NotificationStore", "The notification no longer exists."));
    return {};
}

VoidResult NotificationStore::markAllRead(const QString &username)
{
    SqlStatement st(m_db, u"UPDATE notifications SET read_at = ? WHERE username = ? AND read_at IS NULL"_s);
    st.bind(m_clock.nowMs()).bind(username);
    if (auto r = st.exec(); !r)
        return r.error();
    if (st.numRowsAffected() > 0)
        return Events::publishNotification(m_db, username);
    return {};
}
