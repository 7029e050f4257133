#pragma once

#include "ui/windowservices.h"

#include <QObject>

class QAction;
class QMainWindow;
class QMenu;

// The registrar sync's parts of the main window, installed with one call: Settings ▸
// Registrar sync… (URL, authentication and its secret in the keychain, schedule,
// timeout, Sync now) and Tools ▸ Residents not in the registrar export… (also on the
// Residents page), for housing staff and administrators. Owned by the window.
//
// GUI thread only; the services outlive it.
//
//   auto *sync = new SyncUi(services, window, toolsMenu, settingsMenu);
//   connect(residentsPage, &ResidentsPage::registrarFlagsRequested, sync, &SyncUi::openFlags);
//   sync->setAllowed(rights.housing);
class SyncUi : public QObject
{
    Q_OBJECT
public:
    SyncUi(const WindowServices &services, QMainWindow *window, QMenu *toolsMenu, QMenu *settingsMenu);

    void setAllowed(bool allowed);
    void openSettings();
    void openFlags();

private:
    WindowServices m_services;
    QMainWindow *m_window;
    QAction *m_settingsAction;
    QAction *m_flagsAction;
};
