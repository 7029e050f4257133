#pragma once

#include "models/db/result.h"
#include "tasks/job.h"

#include <QString>
#include <QTime>

class Database;
class TaskRegistry;

// Backup task kinds:
//   database.backup            {"path": "/…/office.rdb"}: one backup (DatabaseBackup)
//                              into that file, on the machine that runs the job.
//   database.backup_scheduled  {"folder": "/…", "keep_daily": 7, "keep_weekly": 4}: a
//                              backup named residesk-YYYYMMDD-HHMMSS.rdb in the folder,
//                              read back and checked (DatabaseRestore::verify), then the
//                              folder rotated (BackupRotation). A failure notifies every
//                              administrator (PostgreSQL: the logins of residesk_admin;
//                              SQLite: the one person) and the job's creator.
//
// The backup reads the database on a thread of its own, in one read transaction, acting
// for the job's creator on PostgreSQL; progress is rows written of the rows estimated.
// Cancel stops between fetches and leaves no file. A retried job writes the file anew
// (QSaveFile: the file appears only when complete). Only administrators may queue them
// (the kinds are not in job_kind_roles) and PostgreSQL refuses anybody else's backup.
//
// Result: {"path", "bytes", "rows", "tables", "schema_version"} (+ "verified",
// "deleted": [names] for scheduled ones).
namespace BackupTasks {
QString backupKind();
QString scheduledKind();
// The name of the recurring job that runs scheduled backups.
QString scheduleName();

JobRequest backupRequest(const QString &path);

struct Schedule
{
    bool enabled = false;
    QString folder;
    QTime time = QTime(2, 30); // UTC, as every schedule
    int keepDaily = 7;
    int keepWeekly = 4;
};
// The recurring job for `schedule` (JobStore::upsertRecurring); its payload and cron
// expression are where the settings live, shared by every desktop and worker.
RecurringJob recurringFor(const Schedule &schedule);
Schedule scheduleFrom(const RecurringJob &job);

void registerAll(TaskRegistry &registry);
} // namespace BackupTasks
