#pragma once

// Private helpers shared by the housing repositories: search patterns, keyset paging
// clauses and small read helpers. Every piece of SQL here is fixed text; values are
// always bound.

#include "models/core/listquery.h"
#include "models/db/result.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

class Database;
class SqlStatement;

namespace HousingSql {

// The bound value for `lower(col) LIKE ? ESCAPE '!'`: lower-cased, with the LIKE
// wildcards and the escape character in the user's text escaped, wrapped in %.
QString likePattern(const QString &search);

// A WHERE clause under construction: fixed SQL fragments and their bound values.
struct Where
{
    QStringList clauses;
    QVariantList values;

    // "(a LIKE ? ESCAPE '!' OR b LIKE ? ...)" (ILIKE on PostgreSQL) for a non-empty search.
    void addSearch(DatabaseBackend backend, const QStringList &columns, const QString &search);
    void add(const QString &clause, const QVariantList &clauseValues);
    // The keyset cursor: rows after (afterValue, afterId) in the given order.
    void addCursor(const QString &sortExpr, const QString &idExpr, const PageRequest &request);
    QString sql() const; // "" or " WHERE a AND b"
};

QString orderBy(const QString &sortExpr, const QString &idExpr, Qt::SortOrder order);

void bindAll(SqlStatement &st, const QVariantList &values);

// Runs a "SELECT COUNT(*) ..." statement.
Result<qint64> scalarCount(Database &db, const QString &sql, const QVariantList &values);

// Existence of a row: "SELECT 1 FROM <table> WHERE id = ?" style statements.
Result<bool> exists(Database &db, const QString &sql, const QVariantList &values);

DbError notFound(const QString &message);
DbError conflict(const QString &message);

} // namespace HousingSql
