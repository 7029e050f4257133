#pragma once

#include "models/db/databasebackend.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class QSqlError;

// One field that failed validation: the field's key ("email") and a translated message.
struct FieldError
{
    QString field;
    QString message;
};

// An error from the data layer. `message` is translated and fit for people;
// `detail` is the raw driver text and statement, for logs.
class DbError
{
    Q_DECLARE_TR_FUNCTIONS(DbError)
public:
    enum class Code {
        None,
        InvalidUrl,       // the database URL cannot be parsed
        ConnectionFailed, // could not open a connection
        ConnectionLost,   // a connection that worked went away
        SchemaTooNew,     // the database was migrated by a newer Residesk
        MigrationFailed,
        Validation, // see fields
        NotFound,
        Conflict,            // the row changed since it was read (stale version)
        Duplicate,           // a unique key was violated
        ConstraintViolation, // another database constraint (foreign key, check)
        QueryFailed,
        InvalidState,     // the operation is not allowed in the record's current state
        LeaseLost,        // a job's lease passed to another worker; its work must not commit
        PermissionDenied, // the database refused: the person's role may not do this
    };

    DbError() = default;
    DbError(Code code, QString message, QString detail = {}, QList<FieldError> fields = {})
        : code(code)
        , message(std::move(message))
        , detail(std::move(detail))
        , fields(std::move(fields))
    {}

    static DbError validation(QList<FieldError> fields);
    // Maps a driver error to a code: unique violations, constraint violations and lost
    // connections are recognised on both SQLite and PostgreSQL.
    static DbError fromSql(const QSqlError &error, const QString &statement, DatabaseBackend backend);

    // The message for a refusal by the database (SQLSTATE 42501): names what the person
    // may not do ("You may not change protocols: …") from the server's text and the
    // statement; the server's own words when they cannot be read.
    static QString permissionMessage(const QString &serverText, const QString &statement);

    bool isConnectionProblem() const
    {
        return code == Code::ConnectionLost || code == Code::ConnectionFailed;
    }
    // "message" plus, for validation errors, each field's message on its own line.
    QString text() const;
    QString codeName() const;

    Code code = Code::None;
    QString message;
    QString detail;
    QList<FieldError> fields;
};
