#include "models/db/dberror.h"

#include "models/db/dialect.h"

#include <QMetaEnum>
#include <QSqlError>

DbError DbError::validation(QList<FieldError> fields)
{
    return DbError(Code::Validation, tr("Some fields are not valid."), {}, std::move(fields));
}

DbError DbError::fromSql(const QSqlError &error, const QString &statement, DatabaseBackend backend)
{
    const QString detail =
        QStringLiteral("[%1] %2 -- %3").arg(error.nativeErrorCode(), error.text(), statement.simplified());
    if (Dialect::isConnectionError(backend, error))
        return DbError(Code::ConnectionLost, tr("The connection to the database was lost."), detail);
    if (Dialect::isUniqueViolation(error))
        return DbError(Code::Duplicate, tr("A record with the same key already exists."), detail);
    if (Dialect::isConstraintViolation(error))
        return DbError(Code::ConstraintViolation,
                       tr("The change was refused because it breaks a rule of the database."), detail);
    return DbError(Code::QueryFailed, tr("The database could not carry out the request."), detail);
}

QString DbError::text() const
{
    QString out = message;
    for (const FieldError &f : fields)
        out += QLatin1Char('\n') + f.field + QStringLiteral(": ") + f.message;
    return out;
}

QString DbError::codeName() const
{
    switch (code) {
    case Code::None:
        return QStringLiteral("none");
    case Code::InvalidUrl:
        return QStringLiteral("invalid_url");
    case Code::ConnectionFailed:
        return QStringLiteral("connection_failed");
    case Code::ConnectionLost:
        return QStringLiteral("connection_lost");
    case Code::SchemaTooNew:
        return QStringLiteral("schema_too_new");
    case Code::MigrationFailed:
        return QStringLiteral("migration_failed");
    case Code::Validation:
        return QStringLiteral("validation");
    case Code::NotFound:
        return QStringLiteral("not_found");
    case Code::Conflict:
        return QStringLiteral("conflict");
    case Code::Duplicate:
        return QStringLiteral("duplicate");
    case Code::ConstraintViolation:
        return QStringLiteral("constraint_violation");
    case Code::QueryFailed:
        return QStringLiteral("query_failed");
    case Code::InvalidState:
        return QStringLiteral("invalid_state");
    case Code::LeaseLost:
        return QStringLiteral("lease_lost");
    }
    return QStringLiteral("unknown");
}
