#pragma once

#include "models/backup/backupformat.h"
#include "models/db/result.h"

#include <QList>
#include <QString>
#include <QStringList>

class Database;

// The tables of the database as its catalogue describes them (PostgreSQL: pg_catalog
// of schema public; SQLite: sqlite_master and the table pragmas), so that a table a
// later migration adds is backed up and restored without a change here. Everything
// but schema_migrations (the manifest holds the schema version), in dependency order:
// a table comes after the tables its foreign keys point at (references of a table to
// itself do not count; cycles, should one appear, keep name order).
// Runs on the calling thread's connection.
struct SchemaTable
{
    QString name;
    QList<BackupColumn> columns;
    QStringList primaryKey;
    QStringList references; // other tables its foreign keys name
    bool hasSequence = false; // PostgreSQL identity column; SQLite AUTOINCREMENT
};

namespace SchemaInspector {
Result<QList<SchemaTable>> tables(Database &db);
// Tables whose rows the schema or the application put there by themselves
// (job_kind_roles, recurring_jobs, maintenance_rates and maintenance_targets): a restore replaces them, and they do not make a
// database "not empty".
bool isReplacedOnRestore(const QString &table);
// "name" quoted as an SQL identifier (the names come from the catalogue).
QString quoted(const QString &identifier);
} // namespace SchemaInspector
