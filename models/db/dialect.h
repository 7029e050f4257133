#pragma once

#include "models/db/databaseconfig.h"

#include <QList>
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

// "column IN <the ids bound as one value>": one parameter for any number of ids, so a
// statement over 500 ids prepares as fast as one over a single id (SQLite: json_each
// over a JSON array; PostgreSQL: = ANY of a bigint[] literal). Bind idListValue(ids).
QString inIdList(DatabaseConfig::Backend backend, const QString &column);
QString idListValue(DatabaseConfig::Backend backend, const QList<qint64> &ids);

// A FROM-clause source "… AS alias" of rows read from one bound JSON array of objects
// (bind QJsonDocument(array).toJson(Compact) as text): many rows for one parameter, so
// that a statement inserting 1,000 rows is as quick to send and prepare as one row
// (a multi-row VALUES list costs PostgreSQL about as much to parse as to insert, and
// Qt's SQLite driver binds in time quadratic in the parameters of one statement).
// `columns` are (key, PostgreSQL type) pairs: "entity_id", "BIGINT". PostgreSQL:
// json_to_recordset; SQLite: json_each with json_extract.
QString jsonRecordSource(DatabaseConfig::Backend backend, const QList<QPair<QString, QString>> &columns,
                         const QString &alias);

// The same for a bound JSON array of arrays, one per row, with the values in the order
// of `columns` ([[1,"P-1","received"],[2,"P-2","received"]]): PostgreSQL reads it
// several times faster than objects (jsonb_array_elements with positional ->>, no key
// per value), and the text to send and escape is shorter. Prefer it for thousands of
// rows. PostgreSQL: CAST(e->>i AS type) over jsonb_array_elements; SQLite:
// json_extract(value, '$[i]') over json_each.
QString jsonArrayRowsSource(DatabaseConfig::Backend backend, const QList<QPair<QString, QString>> &columns,
                            const QString &alias);

// "COALESCE(column, <1970-01-01 UTC>)": a nullable timestamp column as a sort key that
// keyset paging can compare (NULL compares as nothing). Bind epochTimestampValue() for
// a NULL cursor value.
QString timestampOrEpoch(DatabaseConfig::Backend backend, const QString &column);

// jsonTextList: the strings of one bound JSON array (one `?`) as a one-column subquery,
// for IN: the text counterpart of inIdList (see jsonRecordSource for why one value).
QString jsonTextList(DatabaseConfig::Backend backend);

bool isUniqueViolation(const QSqlError &error);
bool isConstraintViolation(const QSqlError &error);
// PostgreSQL SQLSTATE 42501 (insufficient_privilege): a grant, a row-level security
// policy or one of our triggers refused the statement.
bool isPermissionDenied(const QSqlError &error);
// SQLite reports every failed step with QSqlError::ConnectionError; only PostgreSQL
// has a connection to lose.
bool isConnectionError(DatabaseConfig::Backend backend, const QSqlError &error);

} // namespace Dialect
