#include "models/db/sqlstatement.h"

#include "models/db/database.h"
#include "models/db/pgquery.h"
#include "models/db/transaction.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlRecord>

Q_DECLARE_LOGGING_CATEGORY(lcDatabase)

namespace {
// A statement that cannot write (by its first word; WITH may, so it counts as a write).
bool isReadOnly(const QString &sql)
{
    const QStringView text = QStringView(sql).trimmed();
    for (const QLatin1String word : {QLatin1String("SELECT"), QLatin1String("PRAGMA"),
                                     QLatin1String("EXPLAIN"), QLatin1String("VALUES")}) {
        if (text.startsWith(word, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QSqlQuery makeQuery(Database &db, DbError &error)
{
    Result<QSqlDatabase> conn = db.connection();
    if (!conn) {
        error = conn.error();
        return QSqlQuery();
    }
    QSqlQuery query(conn.value());
    query.setForwardOnly(true);
    return query;
}
} // namespace

SqlStatement::SqlStatement(Database &db, const QString &sql)
    : m_db(db)
    , m_sql(sql)
{
    Result<QSqlDatabase> conn = db.connection();
    if (!conn) {
        m_prepareError = conn.error();
        m_db.noteError(m_prepareError);
        return;
    }
    if (db.isPostgreSQL() && PgQuery::canUse(conn.value())) {
        // Nothing is sent yet: libpq parses, binds and runs the text in one round trip.
        m_pg = std::make_unique<PgQuery>(conn.value());
        m_pgSql = PgQuery::placeholdersToDollar(sql);
        m_prepared = true;
        return;
    }
    m_query = QSqlQuery(conn.value());
    m_query.setForwardOnly(true);
    m_prepared = m_query.prepare(sql);
    if (!m_prepared) {
        const QSqlError error = m_query.lastError();
        qCWarning(lcDatabase) << "prepare failed" << error.nativeErrorCode() << error.text() << sql;
        m_prepareError = DbError::fromSql(error, sql, db.config().backend);
        m_db.noteError(m_prepareError);
    }
}

SqlStatement::~SqlStatement() = default;

SqlStatement &SqlStatement::bind(const QVariant &value)
{
    if (m_pg) {
        // As QSqlQuery: the values bound after an exec() replace the previous ones in order.
        if (m_bound < m_values.size())
            m_values[m_bound] = value;
        else
            m_values.append(value);
        ++m_bound;
    } else {
        m_query.addBindValue(value);
    }
    return *this;
}

SqlStatement &SqlStatement::keepPlan()
{
    if (m_pg)
        m_pg->setKeepPlan(true);
    return *this;
}

VoidResult SqlStatement::exec()
{
    if (!m_prepared)
        return m_prepareError;
    // A write of its own on SQLite (in a Transaction, the Transaction checks): only while
    // this process still holds the file's locks.
    if (!m_pg && !m_db.isPostgreSQL() && !Transaction::isOpen(m_db) && !isReadOnly(m_sql)) {
        if (const VoidResult held = m_db.verifyHold(); !held)
            return held.error();
    }
    const bool ok = m_pg ? m_pg->exec(m_pgSql, m_values) : m_query.exec();
    m_bound = 0;
    if (!ok) {
        const QSqlError error = m_pg ? m_pg->lastError() : m_query.lastError();
        const DbError mapped = DbError::fromSql(error, m_sql, m_db.config().backend);
        // Constraint failures are expected outcomes the caller maps; log others loudly.
        if (mapped.code == DbError::Code::Duplicate || mapped.code == DbError::Code::ConstraintViolation)
            qCDebug(lcDatabase) << "refused" << error.nativeErrorCode() << error.text() << m_sql;
        else
            qCWarning(lcDatabase) << "exec failed" << error.nativeErrorCode() << error.text() << m_sql;
        m_db.noteError(mapped);
        return mapped;
    }
    return {};
}

bool SqlStatement::next()
{
    return m_pg ? m_pg->next() : m_query.next();
}

QVariant SqlStatement::value(int index) const
{
    return m_pg ? m_pg->value(index) : m_query.value(index);
}

int SqlStatement::numRowsAffected() const
{
    return m_pg ? m_pg->numRowsAffected() : m_query.numRowsAffected();
}

int SqlStatement::columnCount() const
{
    return m_pg ? m_pg->columnCount() : m_query.record().count();
}

void SqlStatement::finish()
{
    if (m_pg)
        m_pg->finish();
    else
        m_query.finish();
}

VoidResult SqlStatement::run(Database &db, const QString &sql, const QVariantList &values)
{
    if (values.isEmpty()) {
        // Fixed statements (BEGIN, COMMIT, DDL, SET) are executed directly: the PostgreSQL
        // driver prepares through SQL PREPARE, which accepts only DML.
        DbError error;
        QSqlQuery query = makeQuery(db, error);
        if (error.code != DbError::Code::None) {
            db.noteError(error);
            return error;
        }
        if (!query.exec(sql)) {
            const QSqlError sqlError = query.lastError();
            qCWarning(lcDatabase) << "exec failed" << sqlError.nativeErrorCode() << sqlError.text() << sql;
            const DbError mapped = DbError::fromSql(sqlError, sql, db.config().backend);
            db.noteError(mapped);
            return mapped;
        }
        return {};
    }
    SqlStatement st(db, sql);
    for (const QVariant &v : values)
        st.bind(v);
    return st.exec();
}
