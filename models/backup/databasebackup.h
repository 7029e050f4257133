#pragma once

#include "models/backup/backupformat.h"
#include "models/db/result.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>

class Database;

// Writes one consistent snapshot of the whole database into a backup file: every
// table (SchemaInspector) read in one transaction — PostgreSQL REPEATABLE READ READ
// ONLY, SQLite one read transaction — streamed (a cursor fetched a few thousand rows
// at a time on PostgreSQL, a forward-only query on SQLite) into the file's compressed
// chunks. Runs on the calling thread and its connection, which must not be inside a
// transaction (use a thread of its own: a job's progress writes go elsewhere).
//
// PostgreSQL: rows are read through residesk_backup_open() (migration 0017), which
// only administrators and workers may call; others get DbError::PermissionDenied.
//
//   DatabaseBackup::Options options;
//   options.progress = [](qint64 done, qint64 total, const QString &table) { ... };
//   Result<DatabaseBackup::Summary> r = DatabaseBackup::write(db, u"/backups/a.rdb"_s, options);
class DatabaseBackup
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseBackup)
public:
    struct Options
    {
        // done rows, estimated total rows, the table being read; called often (cheap).
        std::function<void(qint64, qint64, const QString &)> progress;
        const std::atomic<bool> *cancelled = nullptr;
        // The row of the job writing this backup (table jobs) is left out: restored, it
        // would run again as a job that is "running" with no worker.
        qint64 skipJobId = 0;
    };
    struct Summary
    {
        BackupManifest manifest;
        qint64 bytes = 0;
        bool cancelled = false; // nothing was written
    };

    static Result<Summary> write(Database &db, const QString &path, const Options &options);
};
