#pragma once

#include "ui/windowservices.h"

#include <QCoroTask>
#include <QObject>

class QAction;
class QMainWindow;
class QMenu;

// Backups in the main window, installed with one call, for administrators (the
// server refuses everybody else anyway): Tools ▸ Back up now… (a file chosen, a
// database.backup job queued on this desktop's engine or a worker; the Jobs panel shows
// it) and Settings ▸ Scheduled backups…. Restoring stays on the command line, into an
// empty database. Owned by the window; GUI thread only; the services outlive it.
//
//   auto *backup = new BackupUi(services, window, toolsMenu, settingsMenu);
//   connect(backup, &BackupUi::queued, jobsDock, &JobsDock::showJob);
//   backup->setAllowed(rights.admin);
class BackupUi : public QObject
{
    Q_OBJECT
public:
    BackupUi(const WindowServices &services, QMainWindow *window, QMenu *toolsMenu, QMenu *settingsMenu);

    void setAllowed(bool allowed);
    void openSchedule();
    void backUpNow();
    // Queues a backup into `path` (also for tests, which skip the file dialog).
    QCoro::Task<> queueBackup(QString path);

Q_SIGNALS:
    void queued(qint64 jobId);
    void message(const QString &text);

private:
    WindowServices m_services;
    QMainWindow *m_window;
    QAction *m_backupAction;
    QAction *m_scheduleAction;
};
