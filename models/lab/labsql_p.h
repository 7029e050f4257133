#pragma once

// Private helpers shared by the lab repositories (on top of HousingSql's WHERE,
// keyset and read helpers): times, nullable ids and the records-changed event.

#include "models/db/databasebackend.h"
#include "models/db/result.h"

#include <QDateTime>
#include <QString>
#include <QVariant>

class Database;

namespace LabSql {

// A time as bound to a {{TIMESTAMP}} column: a UTC QDateTime on PostgreSQL; on SQLite
// ISO-8601 UTC text with milliseconds, exactly as Dialect::now() writes it, so that
// stored and bound times compare as text. Null for an invalid time.
QVariant timeParam(DatabaseBackend backend, const QDateTime &time);
// The value read from a {{TIMESTAMP}} column, in UTC (null for NULL).
QDateTime readTime(const QVariant &value);
// 0 → NULL.
QVariant nullableId(qint64 id);
qint64 readId(const QVariant &value); // NULL → 0

// Announces a change to `table` to other clients (tasks/events.h). Missing it only
// leaves other views stale until they reload, so a failure is logged, not returned.
void announceChange(Database &db, const QString &table);

} // namespace LabSql
