#pragma once

#include "ui/windowservices.h"

#include <QObject>

class OutboxDock;
class QAction;
class QMainWindow;
class QMenu;

// The e-mail parts of the main window, installed with one call so the window's own
// code stays small: the Outbox dock (View ▸ Outbox, Ctrl+Shift+O), Tools ▸ E-mail
// residents…, and a Settings menu with E-mail… . Owned by the window (its parent).
//
// GUI thread only; the services outlive it.
//
//   auto *mail = new MailUi(services, window, viewMenu, toolsMenu);  // before restoreState()
//   ...
//   mail->start();   // once the schema is migrated
class MailUi : public QObject
{
    Q_OBJECT
public:
    MailUi(const WindowServices &services, QMainWindow *window, QMenu *viewMenu, QMenu *toolsMenu);

    void start();
    OutboxDock *outboxDock() const { return m_outbox; }
    void openSettings();
    void openResidentMailing();
    // E-mailing residents is housing staff's work (the residents are theirs to read).
    void setResidentMailingAllowed(bool allowed);

private:
    WindowServices m_services;
    QMainWindow *m_window;
    OutboxDock *m_outbox;
    QAction *m_mailing = nullptr;
};
