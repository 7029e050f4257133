#include "models/db/dberror.h"

#include "models/db/dialect.h"

#include <QHash>
#include <QMetaEnum>
#include <QRegularExpression>
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
    if (Dialect::isPermissionDenied(error))
        return DbError(Code::PermissionDenied, permissionMessage(error.databaseText(), statement), detail);
    if (Dialect::isUniqueViolation(error))
        return DbError(Code::Duplicate, tr("A record with the same key already exists."), detail);
    if (Dialect::isConstraintViolation(error))
        return DbError(Code::ConstraintViolation,
                       tr("The change was refused because it breaks a rule of the database."), detail);
    return DbError(Code::QueryFailed, tr("The database could not carry out the request."), detail);
}

namespace {

// What people call a table.
QString tableNoun(const QString &table)
{
    static const QHash<QString, const char *> nouns{
        {QStringLiteral("buildings"), QT_TRANSLATE_NOOP("DbError", "buildings")},
        {QStringLiteral("rooms"), QT_TRANSLATE_NOOP("DbError", "rooms")},
        {QStringLiteral("residents"), QT_TRANSLATE_NOOP("DbError", "residents")},
        {QStringLiteral("allocations"), QT_TRANSLATE_NOOP("DbError", "room allocations")},
        {QStringLiteral("waitlist_entries"), QT_TRANSLATE_NOOP("DbError", "waitlists")},
        {QStringLiteral("waitlist_offers"), QT_TRANSLATE_NOOP("DbError", "waitlist offers")},
        {QStringLiteral("allocation_deposits"), QT_TRANSLATE_NOOP("DbError", "deposits")},
        {QStringLiteral("import_rejections"), QT_TRANSLATE_NOOP("DbError", "rejected import rows")},
        {QStringLiteral("clients"), QT_TRANSLATE_NOOP("DbError", "lab clients")},
        {QStringLiteral("protocols"), QT_TRANSLATE_NOOP("DbError", "protocols")},
        {QStringLiteral("work_orders"), QT_TRANSLATE_NOOP("DbError", "work orders")},
        {QStringLiteral("work_order_analyses"), QT_TRANSLATE_NOOP("DbError", "work order analyses")},
        {QStringLiteral("reports"), QT_TRANSLATE_NOOP("DbError", "lab reports")},
        {QStringLiteral("report_results"), QT_TRANSLATE_NOOP("DbError", "report results")},
        {QStringLiteral("report_pdfs"), QT_TRANSLATE_NOOP("DbError", "report PDFs")},
        {QStringLiteral("bulk_jobs"), QT_TRANSLATE_NOOP("DbError", "bulk protocol changes")},
        {QStringLiteral("bulk_job_items"), QT_TRANSLATE_NOOP("DbError", "bulk protocol changes")},
        {QStringLiteral("audit_entries"), QT_TRANSLATE_NOOP("DbError", "the audit trail")},
        {QStringLiteral("audit_batches"), QT_TRANSLATE_NOOP("DbError", "the audit trail")},
        {QStringLiteral("people"), QT_TRANSLATE_NOOP("DbError", "people")},
        {QStringLiteral("maintenance_requests"), QT_TRANSLATE_NOOP("DbError", "maintenance requests")},
        {QStringLiteral("maintenance_request_list"), QT_TRANSLATE_NOOP("DbError", "maintenance requests")},
        {QStringLiteral("maintenance_comments"), QT_TRANSLATE_NOOP("DbError", "maintenance comments")},
        {QStringLiteral("maintenance_attachments"), QT_TRANSLATE_NOOP("DbError", "maintenance attachments")},
        {QStringLiteral("maintenance_technicians"), QT_TRANSLATE_NOOP("DbError", "technicians")},
        {QStringLiteral("maintenance_absences"), QT_TRANSLATE_NOOP("DbError", "technicians' absences")},
        {QStringLiteral("maintenance_rates"), QT_TRANSLATE_NOOP("DbError", "maintenance rates")},
        {QStringLiteral("maintenance_targets"), QT_TRANSLATE_NOOP("DbError", "response targets")},
        {QStringLiteral("maintenance_plans"), QT_TRANSLATE_NOOP("DbError", "maintenance plans")},
        {QStringLiteral("maintenance_plan_periods"),
         QT_TRANSLATE_NOOP("DbError", "maintenance plan periods")},
        {QStringLiteral("jobs"), QT_TRANSLATE_NOOP("DbError", "jobs")},
        {QStringLiteral("notifications"), QT_TRANSLATE_NOOP("DbError", "notifications")},
        {QStringLiteral("outbox_emails"), QT_TRANSLATE_NOOP("DbError", "outgoing e-mail")},
        {QStringLiteral("recurring_jobs"), QT_TRANSLATE_NOOP("DbError", "recurring jobs")},
        {QStringLiteral("job_kind_roles"), QT_TRANSLATE_NOOP("DbError", "the job kinds of each role")},
        {QStringLiteral("registrar_sync_settings"),
         QT_TRANSLATE_NOOP("DbError", "the registrar sync settings")},
        {QStringLiteral("registrar_sync_state"), QT_TRANSLATE_NOOP("DbError", "the registrar sync state")},
        {QStringLiteral("registrar_flags"),
         QT_TRANSLATE_NOOP("DbError", "residents flagged by the registrar sync")},
    };
    const auto it = nouns.constFind(table);
    return it == nouns.constEnd() ? table : DbError::tr(it.value());
}

// The statement's verb: SELECT, INSERT, UPDATE, DELETE (after a WITH clause's last
// parenthesis), or empty.
QString statementVerb(const QString &statement)
{
    static const QRegularExpression verb(QStringLiteral("\\b(SELECT|INSERT|UPDATE|DELETE|TRUNCATE)\\b"),
                                         QRegularExpression::CaseInsensitiveOption);
    QString text = statement.trimmed();
    if (text.startsWith(QLatin1String("WITH"), Qt::CaseInsensitive)) {
        const qsizetype close = text.lastIndexOf(QLatin1Char(')'));
        if (close > 0)
            text = text.mid(close + 1);
    }
    const QRegularExpressionMatch m = verb.match(text);
    return m.hasMatch() ? m.captured(1).toUpper() : QString();
}

} // namespace

QString DbError::permissionMessage(const QString &serverText, const QString &statement)
{
    const QString server = serverText.section(QLatin1Char('\n'), 0, 0).trimmed();
    static const QRegularExpression onTable(
        QStringLiteral("permission denied for (?:table|relation|view) (\\S+)"));
    static const QRegularExpression policy(
        QStringLiteral("violates row-level security policy for table \"([^\"]+)\""));
    static const QRegularExpression onFunction(QStringLiteral("permission denied for function (\\S+)"));
    static const QRegularExpression ownWords(QStringLiteral("^(?:ERROR:\\s*)?permission denied: (.+)$"));
    static const QRegularExpression setRole(QStringLiteral("permission denied to set role \"([^\"]+)\""));

    if (const QRegularExpressionMatch m = onTable.match(server); m.hasMatch()) {
        const QString table = tableNoun(m.captured(1));
        const QString verb = statementVerb(statement);
        if (verb == QLatin1String("SELECT"))
            return tr("You may not see %1: your role has no permission to read them.").arg(table);
        if (verb == QLatin1String("INSERT"))
            return tr("You may not add %1: your role has no permission to add them.").arg(table);
        if (verb == QLatin1String("DELETE") || verb == QLatin1String("TRUNCATE"))
            return tr("You may not delete %1: your role has no permission to delete them.").arg(table);
        if (verb == QLatin1String("UPDATE"))
            return tr("You may not change %1: your role has no permission to change them.").arg(table);
        return tr("Your role has no permission to use %1.").arg(table);
    }
    if (const QRegularExpressionMatch m = policy.match(server); m.hasMatch()) {
        if (m.captured(1) == QLatin1String("jobs"))
            return tr("Your role may not start this kind of job.");
        return tr("You may not write this row of %1: it belongs to somebody else.")
            .arg(tableNoun(m.captured(1)));
    }
    if (const QRegularExpressionMatch m = onFunction.match(server); m.hasMatch())
        return tr("Your role has no permission to run %1.").arg(m.captured(1));
    if (const QRegularExpressionMatch m = setRole.match(server); m.hasMatch())
        return tr("Your role may not act as %1.").arg(m.captured(1));
    if (const QRegularExpressionMatch m = ownWords.match(server); m.hasMatch()) {
        QString words = m.captured(1);
        if (!words.isEmpty())
            words[0] = words.at(0).toUpper();
        return tr("Your role does not allow this: %1.").arg(words);
    }
    return tr("Your role does not allow this (the database said: %1).").arg(server);
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
    case Code::PermissionDenied:
        return QStringLiteral("permission_denied");
    }
    return QStringLiteral("unknown");
}
