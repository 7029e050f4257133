#include "ui/sms/smsui.h"

#include "ui/outbox/outboxdock.h"
#include "ui/sms/smsoutboxchannel.h"
#include "ui/sms/smssettingsdialog.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>

using namespace Qt::StringLiterals;

SmsUi::SmsUi(const WindowServices &services, QMainWindow *window, QMenu *viewMenu, QMenu *settingsMenu)
    : QObject(window)
    , m_services(services)
    , m_window(window)
    , m_outbox(new OutboxDock(smsOutboxChannel(), services, window))
{
    setObjectName(u"smsUi"_s);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_outbox);
    // A tab beside the e-mail Outbox: both outboxes in one place, and the bottom area no
    // wider than before on a 1,366 px screen. A saved state puts it where it was.
    if (auto *mail = window->findChild<OutboxDock *>(u"outboxDock"_s))
        window->tabifyDockWidget(mail, m_outbox);
    m_outbox->hide(); // until the user asks, or the saved state says otherwise

    QAction *toggle = m_outbox->toggleViewAction();
    toggle->setObjectName(u"actionTextMessages"_s);
    toggle->setText(tr("&Text messages"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    viewMenu->addAction(toggle);

    if (settingsMenu) {
        QAction *settings = settingsMenu->addAction(tr("&Text messages…"), this, &SmsUi::openSettings);
        settings->setObjectName(u"actionSmsSettings"_s);
    }
}

void SmsUi::start()
{
    m_outbox->start();
}

void SmsUi::openSettings()
{
    // A closed dialog waits for its deletion: only a visible one is raised.
    if (auto *open = m_window->findChild<SmsSettingsDialog *>(); open && open->isVisible()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new SmsSettingsDialog(m_services, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}
