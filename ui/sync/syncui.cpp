#include "ui/sync/syncui.h"

#include "ui/sync/registrarflagsdialog.h"
#include "ui/sync/registrarsyncdialog.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>

using namespace Qt::StringLiterals;

SyncUi::SyncUi(const WindowServices &services, QMainWindow *window, QMenu *toolsMenu, QMenu *settingsMenu)
    : QObject(window)
    , m_services(services)
    , m_window(window)
{
    setObjectName(u"syncUi"_s);
    m_flagsAction = toolsMenu->addAction(tr("Residents &not in the registrar export…"), this, &SyncUi::openFlags);
    m_flagsAction->setObjectName(u"actionRegistrarFlags"_s);
    m_settingsAction = settingsMenu->addAction(tr("&Registrar sync…"), this, &SyncUi::openSettings);
    m_settingsAction->setObjectName(u"actionRegistrarSyncSettings"_s);
}

void SyncUi::setAllowed(bool allowed)
{
    m_flagsAction->setVisible(allowed);
    m_settingsAction->setVisible(allowed);
}

void SyncUi::openSettings()
{
    // A closed dialog waits for its deletion: only a visible one is raised.
    if (auto *open = m_window->findChild<RegistrarSyncDialog *>(); open && open->isVisible()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new RegistrarSyncDialog(m_services, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void SyncUi::openFlags()
{
    if (auto *open = m_window->findChild<RegistrarFlagsDialog *>(); open && open->isVisible()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new RegistrarFlagsDialog(m_services, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}
