#pragma once

#include "models/db/result.h"
#include "tasks/notificationstore.h"

#include <QAbstractListModel>
#include <QCoroTask>
#include <QList>
#include <QPointer>

class DbExecutor;
class EventBus;

// One user's notification centre: their newest notifications (NotificationStore, up
// to 200) and the number still unread. Reloads when the EventBus says this user has
// a new notification (and after a resync); markRead() and markAllRead() show at once
// and write through the executor (a failure is reported and the list reloaded).
// notificationArrived() announces each new unread entry after the first load, for a
// tray message.
//
// Lives on the GUI thread; holds no SQL. The executor must outlive it.
//
//   auto *inbox = new NotificationsModel(executor, actor.username, this);
//   inbox->setEventBus(&bus);
//   connect(inbox, &NotificationsModel::unreadCountChanged, badge, &Badge::setCount);
//   inbox->start();
class NotificationsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        BodyRole,
        CreatedAtRole,  // ms since the epoch
        ReadRole,       // bool
        LinkRole,       // "job:42" …
        JobIdRole,
        NotificationRole, // QVariant holding the Notification
    };

    NotificationsModel(DbExecutor &executor, QString username, QObject *parent = nullptr);

    void setEventBus(EventBus *bus);
    // Loads the list; before this nothing loads and events are ignored.
    void start();
    void reload();
    const QString &username() const { return m_username; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    int unreadCount() const { return m_unread; }
    Notification notificationAt(int row) const;
    int rowOf(qint64 id) const;

    void markRead(qint64 id);
    void markAllRead();

Q_SIGNALS:
    void unreadCountChanged(int count);
    // A new unread notification (not those already there at the first load).
    void notificationArrived(const Notification &notification);
    void loaded();
    // Loading or marking failed; `message` is for people.
    void failed(const QString &message);

private:
    struct Snapshot
    {
        QList<Notification> items;
        int unread = 0;
    };
    void setUnread(int count);
    void apply(Snapshot snapshot);
    QCoro::Task<> load();
    QCoro::Task<> write(qint64 id);

    DbExecutor &m_executor;
    QString m_username;
    QPointer<EventBus> m_bus;
    QList<Notification> m_items;
    int m_unread = 0;
    qint64 m_newestSeen = 0;   // the highest id announced (or there at the first load)
    bool m_started = false;
    bool m_loading = false;
    bool m_loadAgain = false;
    bool m_firstLoad = true;
};
