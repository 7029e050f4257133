#pragma once

#include <QPointer>
#include <QToolButton>

class NotificationsModel;
class QFrame;
class QLabel;
class QListView;
class QPushButton;
class QSystemTrayIcon;
struct Notification;
struct WindowServices;

// The bell in the main toolbar: shows how many notifications of the signed-in user
// are unread (as the button's text and accessible name) and, when pressed, a popup
// list of them (title, body, time; unread ones in bold) with "Mark all read".
// Choosing one marks it read and opens its link: "job:<id>" asks the window to show
// the jobs dock at that job (showJobRequested), any other link is passed on
// (openLink). A notification that arrives while the window is not active also
// shows as a system-tray message where there is a tray (the icon is created on the
// first such message).
//
// GUI thread only; the services outlive it.
//
//   auto *bell = new NotificationCentre(services, toolbar);
//   toolbar->addWidget(bell);
//   connect(bell, &NotificationCentre::showJobRequested, dock, &JobsDock::showJob);
//   bell->start();   // once the schema is migrated
class NotificationCentre : public QToolButton
{
    Q_OBJECT
public:
    explicit NotificationCentre(const WindowServices &services, QWidget *parent = nullptr);
    ~NotificationCentre() override;

    void start();
    NotificationsModel *model() const { return m_model; }
    int unreadCount() const;
    // The popup (a Qt::Popup frame) and its list; hidden until showPopup().
    QFrame *popup() const { return m_popup; }
    QListView *list() const { return m_list; }

    void showPopup();
    // Marks the notification read and opens what it links to.
    void openNotification(qint64 id);

Q_SIGNALS:
    void showJobRequested(qint64 jobId);
    // A link the centre does not handle itself ("resident:7", "file:/path" …).
    void openLink(const QString &link);

private:
    void updateBadge(int unread);
    void updateEmptyState();
    void announce(const Notification &notification);

    NotificationsModel *m_model;
    QFrame *m_popup;
    QListView *m_list;
    QLabel *m_empty;
    QPushButton *m_markAll;
    QSystemTrayIcon *m_tray = nullptr;
    qint64 m_trayNotification = 0;   // what a click on the tray message opens
};
