#pragma once

#include "ui/windowservices.h"

#include <QObject>

class OutboxDock;
class QAction;
class QMainWindow;
class QMenu;

// The text message parts of the main window, installed with one call as MailUi installs
// e-mail's: the "Text messages" dock (View ▸ Text messages, Ctrl+Shift+T; a tab beside
// the Outbox dock until the person moves it) and Settings ▸ Text messages… (beside
// Settings ▸ E-mail…, offered to the same people). Owned by the window (its parent).
//
// GUI thread only; the services outlive it.
//
//   auto *sms = new SmsUi(services, window, viewMenu, settingsMenu);  // before restoreState()
//   ...
//   sms->start();   // once the schema is migrated
class SmsUi : public QObject
{
    Q_OBJECT
public:
    SmsUi(const WindowServices &services, QMainWindow *window, QMenu *viewMenu, QMenu *settingsMenu);

    void start();
    OutboxDock *outboxDock() const { return m_outbox; }
    void openSettings();

private:
    WindowServices m_services;
    QMainWindow *m_window;
    OutboxDock *m_outbox;
};
