#pragma once

#include "models/backup/backupformat.h"
#include "models/db/result.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class Database;

// Restores a backup file (DatabaseBackup) into an empty database of the same schema
// version, from either database into either.
//
//  1. Checks first, writing nothing: the file's frame, manifest and every table's
//     checksum and rows (a damaged byte or a cut-off file is refused, the message names
//     the table and its bytes); the schema version; that the tables and columns match.
//  2. Then one transaction: refuses a database with rows in any table (but
//     job_kind_roles and recurring_jobs, which the schema and the application fill by
//     themselves and the restore replaces), writes every table in dependency order,
//     foreign keys checked at the end, and moves each id sequence past the highest id
//     and the value the backup recorded.
//
// Stored creators, signers and the audit trail stay as they were: the database's
// stamping and audit triggers do not run for restored rows. PostgreSQL: through the
// SECURITY DEFINER functions of migration 0017 (residesk_restore_begin, _finish;
// residesk_admin only), which switch the triggers off for this transaction alone. Every
// row goes in with COPY … FROM STDIN in that transaction: into the table itself where
// the restoring role may insert into it (its triggers are off for COPY as for INSERT);
// the others' (the audit trail, tables with row-level security) into a temporary table
// the owner makes for them (residesk_restore_stage, migration 0028), which
// residesk_restore_staged then inserts into the table as the owner, only while the
// restore is under way. A thread of its own reads, decompresses and encodes the file
// while the connection's thread writes.
// SQLite: the triggers are dropped and created again inside the transaction.
//
// The checks of step 1 (every table's checksum, every row decoded) run on as many
// threads as there are cores, before anything is written; the writing pass computes the
// checksums again as it reads, so a file changed in between is refused at the end of
// its table and the transaction rolls back.
//
// Values are converted to the target's column types: PostgreSQL timestamps keep their
// microseconds on PostgreSQL and become SQLite's millisecond text on SQLite.
// Runs on the calling thread's connection, outside any transaction.
class DatabaseRestore
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseRestore)
public:
    struct Options
    {
        // rows done, rows in all; `step` says what ("checking", "restoring").
        std::function<void(qint64, qint64, const QString &step)> progress;
    };
    struct Summary
    {
        BackupManifest manifest;
        qint64 rows = 0;
    };

    static Result<Summary> restore(Database &db, const QString &path, const Options &options = {});
    // Step 1 alone (no database): the manifest of a sound file, or why it is not.
    static Result<BackupManifest> verify(const QString &path,
                                         const std::function<void(qint64, qint64)> &progress = {});
};
