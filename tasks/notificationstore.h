#pragma once

#include "models/db/result.h"
#include "tasks/jobclock.h"
#include "tasks/storedtext.h"

#include <QList>
#include <QMetaType>
#include <QString>

class Database;

// An entry of a user's notification centre, stored per user in the database.
struct Notification
{
    enum class Kind { JobSucceeded, JobFailed, JobCancelled, Attention };

    qint64 id = 0;
    QString username;
    Kind kind = Kind::JobSucceeded;
    QString title; // "Import residents finished", in the writer's language
    QString body;  // the reason of a failure, a summary of a result
    // The title and body as messages, translated when shown (notifications.title_msg,
    // body_msg). add() fills an empty title or body from them, so that psql, the command
    // line and older clients read the writer's words.
    StoredText titleMsg;
    StoredText bodyMsg;
    qint64 jobId = 0;
    QString link; // what a click opens: "job:42", "resident:7", "file:/path" …
    qint64 createdAt = 0;
    qint64 readAt = 0; // 0 = unread

    // For people, in the current language: the message when there is one, else the text.
    QString titleText() const { return titleMsg.isEmpty() ? title : titleMsg.toString(); }
    QString bodyText() const { return bodyMsg.isEmpty() ? body : bodyMsg.toString(); }

    static QString kindCode(Kind kind);
    static Kind kindFromCode(const QString &code);
};
Q_DECLARE_METATYPE(Notification)

// The SQL of the notifications table, on the calling thread's connection (never the
// GUI thread). add() joins the caller's open transaction (JobStore::finish uses it)
// and publishes a "notification" event for the user.
class NotificationStore
{
public:
    explicit NotificationStore(Database &db, const JobClock &clock = JobClock::system());

    Result<qint64> add(const Notification &notification);
    // Newest first.
    Result<QList<Notification>> list(const QString &username, int limit = 200);
    Result<int> unreadCount(const QString &username);
    VoidResult markRead(qint64 id, const QString &username);
    VoidResult markAllRead(const QString &username);

private:
    Database &m_db;
    const JobClock &m_clock;
};
