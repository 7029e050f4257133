#include "ui/notifications/notificationcentre.h"

#include "tasks/itemmodels/notificationsmodel.h"
#include "ui/widgets/icons.h"
#include "ui/windowservices.h"

#include <QApplication>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScreen>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QSystemTrayIcon>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// Unread entries in bold.
class NotificationDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (!index.data(NotificationsModel::ReadRole).toBool())
            option->font.setBold(true);
    }
};

} // namespace

NotificationCentre::NotificationCentre(const WindowServices &services, QWidget *parent)
    : QToolButton(parent)
    , m_model(new NotificationsModel(services.executor, services.actor.username, this))
    , m_popup(new QFrame(this, Qt::Popup))
    , m_list(new QListView(m_popup))
    , m_empty(new QLabel(tr("No notifications."), m_popup))
    , m_markAll(new QPushButton(tr("Mark all &read"), m_popup))
{
    setObjectName(u"notificationCentre"_s);
    setIcon(Icons::get(Icons::Notifications));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setAutoRaise(true);
    setToolTip(tr("Notifications"));
    m_model->setEventBus(&services.events);
    connect(this, &QToolButton::clicked, this, &NotificationCentre::showPopup);
    connect(m_model, &NotificationsModel::unreadCountChanged, this, &NotificationCentre::updateBadge);
    connect(m_model, &NotificationsModel::notificationArrived, this, &NotificationCentre::announce);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &NotificationCentre::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &NotificationCentre::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &NotificationCentre::updateEmptyState);

    m_popup->setObjectName(u"notificationPopup"_s);
    m_popup->setFrameShape(QFrame::StyledPanel);
    m_popup->setAccessibleName(tr("Notifications"));
    auto *title = new QLabel(tr("<b>Notifications</b>"), m_popup);
    m_list->setObjectName(u"notificationList"_s);
    m_list->setAccessibleName(tr("Notifications"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new NotificationDelegate(m_list));
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setSpacing(2);
    m_empty->setObjectName(u"notificationEmptyLabel"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_markAll->setObjectName(u"markAllReadButton"_s);
    m_markAll->setAutoDefault(false);

    auto openIndex = [this](const QModelIndex &index) {
        if (!index.isValid())
            return;
        const qint64 id = index.data(NotificationsModel::IdRole).toLongLong();
        m_popup->hide();
        openNotification(id);
    };
    connect(m_list, &QAbstractItemView::clicked, this, openIndex);
    connect(m_list, &QAbstractItemView::activated, this, openIndex);
    connect(m_markAll, &QPushButton::clicked, m_model, &NotificationsModel::markAllRead);

    auto *layout = new QVBoxLayout(m_popup);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch();
    top->addWidget(m_markAll);
    layout->addLayout(top);
    layout->addWidget(m_empty);
    layout->addWidget(m_list, 1);
    m_popup->resize(380, 420);

    // A fixed size with room for three digits in bold: a new count never asks the
    // main window for a new layout.
    QFont bold = font();
    bold.setBold(true);
    setFont(bold);
    setText(u"999"_s);
    setFixedSize(sizeHint());
    updateBadge(0);
    updateEmptyState();
}

NotificationCentre::~NotificationCentre() = default;

void NotificationCentre::start()
{
    m_model->start();
}

int NotificationCentre::unreadCount() const
{
    return m_model->unreadCount();
}

void NotificationCentre::updateBadge(int unread)
{
    setText(unread > 999 ? u"999+"_s : unread > 0 ? QString::number(unread) : QString());
    QFont f = font();
    f.setBold(unread > 0);
    setFont(f);
    const QString name = unread > 0 ? tr("Notifications, %n unread", nullptr, unread) : tr("Notifications");
    setAccessibleName(name);
    setToolTip(name);
    m_markAll->setEnabled(unread > 0);
}

void NotificationCentre::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0;
    m_empty->setVisible(empty);
    m_list->setVisible(!empty);
}

void NotificationCentre::showPopup()
{
    if (m_popup->isVisible()) {
        m_popup->hide();
        return;
    }
    m_model->reload();
    QPoint at = mapToGlobal(QPoint(width() - m_popup->width(), height()));
    if (const QScreen *screen = this->screen()) {
        const QRect area = screen->availableGeometry();
        at.setX(qBound(area.left(), at.x(), qMax(area.left(), area.right() - m_popup->width())));
        at.setY(qBound(area.top(), at.y(), qMax(area.top(), area.bottom() - m_popup->height())));
    }
    m_popup->move(at);
    m_popup->show();
    m_list->setFocus(Qt::PopupFocusReason);
    if (!m_list->currentIndex().isValid() && m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0));
}

void NotificationCentre::openNotification(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const Notification notification = m_model->notificationAt(row);
    m_model->markRead(id);
    const QString link = notification.link;
    if (link.startsWith(u"job:"_s)) {
        bool ok = false;
        const qint64 jobId = link.mid(4).toLongLong(&ok);
        if (ok && jobId > 0)
            Q_EMIT showJobRequested(jobId);
    } else if (link.isEmpty() && notification.jobId > 0) {
        Q_EMIT showJobRequested(notification.jobId);
    } else if (!link.isEmpty()) {
        Q_EMIT openLink(link);
    }
}

void NotificationCentre::announce(const Notification &notification)
{
    QWidget *top = window();
    if ((top && top->isActiveWindow()) || !QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_tray) {
        QIcon icon = QApplication::windowIcon();
        if (icon.isNull())
            icon = style()->standardIcon(QStyle::SP_MessageBoxInformation);
        m_tray = new QSystemTrayIcon(icon, this);
        m_tray->setToolTip(QApplication::applicationDisplayName());
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (QWidget *w = window()) {
                w->showNormal();
                w->raise();
                w->activateWindow();
            }
            if (m_trayNotification > 0)
                openNotification(m_trayNotification);
        });
        m_tray->show();
    }
    m_trayNotification = notification.id;
    m_tray->showMessage(notification.titleText(), notification.bodyText(),
                        notification.kind == Notification::Kind::JobFailed ? QSystemTrayIcon::Warning
                                                                           : QSystemTrayIcon::Information,
                        10000);
}
