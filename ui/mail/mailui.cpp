#include "ui/mail/mailui.h"

#include "ui/mail/mailoutboxchannel.h"
#include "ui/mail/mailsettingsdialog.h"
#include "ui/mail/residentmailingdialog.h"
#include "ui/outbox/outboxdock.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

using namespace Qt::StringLiterals;

MailUi::MailUi(const WindowServices &services, QMainWindow *window, QMenu *viewMenu, QMenu *toolsMenu)
    : QObject(window)
    , m_services(services)
    , m_window(window)
    , m_outbox(new OutboxDock(mailOutboxChannel(), services, window))
{
    setObjectName(u"mailUi"_s);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_outbox);
    m_outbox->hide(); // until the user asks, or the saved state says otherwise

    QAction *toggle = m_outbox->toggleViewAction();
    toggle->setObjectName(u"actionOutbox"_s);
    toggle->setText(tr("&Outbox"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    viewMenu->addAction(toggle);

    m_mailing = toolsMenu->addAction(tr("&E-mail residents…"), this, &MailUi::openResidentMailing);
    m_mailing->setObjectName(u"actionEmailResidents"_s);

    QMenu *settings = window->menuBar()->addMenu(tr("&Settings"));
    settings->setObjectName(u"menuSettings"_s);
    QAction *mail = settings->addAction(tr("&E-mail…"), this, &MailUi::openSettings);
    mail->setObjectName(u"actionMailSettings"_s);
}

void MailUi::setResidentMailingAllowed(bool allowed)
{
    m_mailing->setVisible(allowed);
}

void MailUi::start()
{
    m_outbox->start();
}

void MailUi::openSettings()
{
    auto *dialog = new MailSettingsDialog(m_services, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MailUi::openResidentMailing()
{
    auto *dialog = new ResidentMailingDialog(m_services, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ResidentMailingDialog::queued, this, [this](int count, int, const QString &error) {
        if (error.isEmpty() && count > 0) {
            m_outbox->show();
            m_outbox->raise();
        }
    });
    dialog->open();
}
