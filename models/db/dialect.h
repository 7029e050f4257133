#pragma once

#include "models/db/databaseconfig.h"

#include <QString>
#include <QStringList>

class QSqlError;

// Every difference between SQLite and PostgreSQL lives here, and nowhere else.
namespace Dialect {

// Replaces the placeholders used in resources/migrations/*.sql:
//   {{ID}}         auto-increment primary key column type
//   {{TIMESTAMP}}  timestamp column type
//   {{NOW}}        the current timestamp expression
//   {{BLOB}}       binary column type (BYTEA / BLOB); bind a QByteArray
QString translateDdl(DatabaseConfig::Backend backend, QString sql);

QString beginWrite(DatabaseConfig::Backend backend);

// "column LIKE ? ESCAPE '!'" matching case-insensitively: SQLite's LIKE already folds
// ASCII case (its lower() folds nothing more without ICU, and costs a call per row);
// PostgreSQL has ILIKE. `column` is fixed text from the repository, never user text.
QString caseInsensitiveLike(DatabaseConfig::Backend backend, const QString &column);
QString now(DatabaseConfig::Backend backend);
// Session settings for a bulk load on this thread's connection (a larger page cache on
// SQLite, so index inserts of 100,000 rows do not spill to disk page by page).
QStringList bulkWriteSettings(DatabaseConfig::Backend backend);

// Set-based writes with one bound value. A multi-row VALUES list costs PostgreSQL
// about as much to parse as to insert, and Qt's SQLite driver binds in time quadratic
// in the parameters of one statement; one JSON text costs neither.
// jsonRecordSet: the rows of a JSON array of objects (bind its text to the one `?`) as a
// table expression named v, with `columns` given as "name type" (type text, integer or bigint):
//   json_to_recordset(CAST(? AS json)) AS v(student_id text, version integer)   PostgreSQL
//   (SELECT json_extract(value, '$.student_id') AS student_id, … FROM json_each(?)) AS v
// jsonTextList: the strings of a JSON array (one `?`) as a one-column subquery, for IN.
QString jsonRecordSet(DatabaseConfig::Backend backend, const QStringList &columns);
QString jsonTextList(DatabaseConfig::Backend backend);

bool isUniqueViolation(const QSqlError &error);
bool isConstraintViolation(const QSqlError &error);
// SQLite reports every failed step with QSqlError::ConnectionError; only PostgreSQL
// has a connection to lose.
bool isConnectionError(DatabaseConfig::Backend backend, const QSqlError &error);

} // namespace Dialect
