#include "models/housing/sqlhelpers_p.h"

#include "models/db/dialect.h"

#include "models/db/database.h"
#include "models/db/sqlstatement.h"

namespace HousingSql {

QString likePattern(const QString &search)
{
    QString escaped;
    const QString lower = search.toLower();
    escaped.reserve(lower.size() + 4);
    for (const QChar c : lower) {
        if (c == QLatin1Char('!') || c == QLatin1Char('%') || c == QLatin1Char('_'))
            escaped += QLatin1Char('!');
        escaped += c;
    }
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

void Where::addSearch(DatabaseBackend backend, const QStringList &columns, const QString &search)
{
    const QString trimmed = search.trimmed();
    if (trimmed.isEmpty() || columns.isEmpty())
        return;
    const QString pattern = likePattern(trimmed);
    QStringList parts;
    for (const QString &column : columns) {
        parts << Dialect::caseInsensitiveLike(backend, column);
        values << pattern;
    }
    clauses << QLatin1Char('(') + parts.join(QStringLiteral(" OR ")) + QLatin1Char(')');
}

void Where::add(const QString &clause, const QVariantList &clauseValues)
{
    clauses << clause;
    values << clauseValues;
}

void Where::addCursor(const QString &sortExpr, const QString &idExpr, const PageRequest &request)
{
    if (!request.hasCursor)
        return;
    const QString op = request.order == Qt::DescendingOrder ? QStringLiteral("<") : QStringLiteral(">");
    clauses << QStringLiteral("(%1 %2 ? OR (%1 = ? AND %3 %2 ?))").arg(sortExpr, op, idExpr);
    values << request.afterValue << request.afterValue << request.afterId;
}

QString Where::sql() const
{
    if (clauses.isEmpty())
        return {};
    return QStringLiteral(" WHERE ") + clauses.join(QStringLiteral(" AND "));
}

QString orderBy(const QString &sortExpr, const QString &idExpr, Qt::SortOrder order)
{
    const QString dir = order == Qt::DescendingOrder ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    return QStringLiteral(" ORDER BY ") + sortExpr + dir + QStringLiteral(", ") + idExpr + dir;
}

void bindAll(SqlStatement &st, const QVariantList &values)
{
    for (const QVariant &v : values)
        st.bind(v);
}

Result<qint64> scalarCount(Database &db, const QString &sql, const QVariantList &values)
{
    SqlStatement st(db, sql);
    bindAll(st, values);
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return qint64(0);
    return st.value(0).toLongLong();
}

Result<bool> exists(Database &db, const QString &sql, const QVariantList &values)
{
    SqlStatement st(db, sql);
    bindAll(st, values);
    if (auto r = st.exec(); !r)
        return r.error();
    return st.next();
}

DbError notFound(const QString &message)
{
    return DbError(DbError::Code::NotFound, message);
}

DbError conflict(const QString &message)
{
    return DbError(DbError::Code::Conflict, message);
}

} // namespace HousingSql
