#include "ui/backup/backupui.h"

#include "models/db/dbexecutor.h"
#include "tasks/backup/backuptasks.h"
#include "tasks/jobstore.h"
#include "ui/backup/backupscheduledialog.h"
#include "ui/widgets/filedialogs.h"

#include <QAction>
#include <QCoroFuture>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QMainWindow>
#include <QMenu>
#include <QPointer>

using namespace Qt::StringLiterals;

BackupUi::BackupUi(const WindowServices &services, QMainWindow *window, QMenu *toolsMenu, QMenu *settingsMenu)
    : QObject(window)
    , m_services(services)
    , m_window(window)
{
    setObjectName(u"backupUi"_s);
    m_backupAction = toolsMenu->addAction(tr("&Back up now…"), this, &BackupUi::backUpNow);
    m_backupAction->setObjectName(u"actionBackUpNow"_s);
    m_backupAction->setStatusTip(tr("Write a backup of the whole database into a file, as a job."));
    m_scheduleAction = settingsMenu->addAction(tr("Scheduled &backups…"), this, &BackupUi::openSchedule);
    m_scheduleAction->setObjectName(u"actionBackupSchedule"_s);
}

void BackupUi::setAllowed(bool allowed)
{
    m_backupAction->setVisible(allowed);
    m_scheduleAction->setVisible(allowed);
}

void BackupUi::openSchedule()
{
    // A closed dialog waits for its deletion: only a visible one is raised.
    if (auto *open = m_window->findChild<BackupScheduleDialog *>(); open && open->isVisible()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new BackupScheduleDialog(m_services, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void BackupUi::backUpNow()
{
    const QString suggested =
        QDir::home().filePath(u"residesk-%1.rdb"_s.arg(QDate::currentDate().toString(Qt::ISODate)));
    QFileDialog *dialog = FileDialogs::create(m_window, FileDialogs::Mode::Save, tr("Back up the database"),
                                              suggested, tr("Residesk backups (*.rdb)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { queueBackup(path); });
    dialog->open();
}

QCoro::Task<> BackupUi::queueBackup(QString path)
{
    QPointer<BackupUi> self(this);
    auto future = m_services.executor.write([path, actor = m_services.actor](Database &db) {
        return JobStore(db).enqueue(BackupTasks::backupRequest(path), actor);
    });
    const Result<EnqueueResult> enqueued = co_await future;
    if (!self)
        co_return;
    if (!enqueued) {
        Q_EMIT message(tr("The backup could not be queued: %1").arg(enqueued.error().text()));
        co_return;
    }
    Q_EMIT message(tr("Backup job %1 queued: %2").arg(enqueued->id).arg(QDir::toNativeSeparators(path)));
    Q_EMIT queued(enqueued->id);
}
