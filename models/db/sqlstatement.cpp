#include "models/db/sqlstatement.h"

#include "models/db/database.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>

Q_DECLARE_LOGGING_CATEGORY(lcDatabase)

namespace {
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
    , m_query(makeQuery(db, m_prepareError))
{
    if (m_prepareError.code != DbError::Code::None) {
        m_db.noteError(m_prepareError);
        return;
    }
    m_prepared = m_query.prepare(sql);
    if (!m_prepared) {
        const QSqlError error = m_query.lastError();
        qCWarning(lcDatabase) << "prepare failed" << error.nativeErrorCode() << error.text() << sql;
        m_prepareError = DbError::fromSql(error, sql, db.config().backend);
        m_db.noteError(m_prepareError);
    }
}

SqlStatement &SqlStatement::bind(const QVariant &value)
{
    m_query.addBindValue(value);
    return *this;
}

VoidResult SqlStatement::exec()
{
    if (!m_prepared)
        return m_prepareError;
    if (!m_query.exec()) {
        const QSqlError error = m_query.lastError();
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
