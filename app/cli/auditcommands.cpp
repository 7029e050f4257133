#include "app/cli/auditcommands.h"

#include "app/cli/command.h"
#include "app/cli/commandcontext.h"
#include "app/cli/commandline.h"
#include "app/cli/commandregistry.h"
#include "app/cli/texttable.h"
#include "models/core/auditlog.h"
#include "models/db/database.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxListLimit = 10000;

QString tableOption()
{
    return u"table"_s;
}
QString userOption()
{
    return u"user"_s;
}
QString recordOption()
{
    return u"record"_s;
}
QString sinceOption()
{
    return u"since"_s;
}
QString untilOption()
{
    return u"until"_s;
}
QString jobOption()
{
    return u"job"_s;
}
QString limitOption()
{
    return u"limit"_s;
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject entryJson(const AuditEntry &e)
{
    return {{u"id"_s, e.id},
            {u"at"_s, isoTime(e.atMs)},
            {u"user"_s, e.username},
            {u"session_login"_s, e.sessionLogin},
            {u"entity"_s, e.entity},
            {u"record"_s, e.recordText()},
            {u"action"_s, e.action},
            {u"job_id"_s, e.jobId > 0 ? QJsonValue(e.jobId) : QJsonValue(QJsonValue::Null)},
            {u"before"_s, e.before.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(e.before)},
            {u"after"_s, e.after.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(e.after)}};
}

// A time given as an ISO 8601 date ("2026-12-01", the start of that day, UTC) or date
// and time; 0 when it is none of them.
qint64 parseTime(const QString &text)
{
    const QString t = text.trimmed();
    QDateTime when = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!when.isValid()) {
        const QDate day = QDate::fromString(t, Qt::ISODate);
        if (day.isValid())
            when = day.startOfDay(Qt::UTC);
    }
    if (when.isValid() && when.timeSpec() == Qt::LocalTime && !t.contains(u'T'))
        when.setTimeSpec(Qt::UTC);
    return when.isValid() ? when.toMSecsSinceEpoch() : 0;
}

} // namespace

void AuditCommands::registerCommands(CommandRegistry &registry)
{
    registry.add({
        {u"audit"_s, u"list"_s},
        tr("List the audit trail, newest first."),
        tr("Every change of buildings, rooms, residents, allocations, clients, protocols, work orders, "
           "reports and people is recorded by the database: who made it (on PostgreSQL the person, also when "
           "a worker ran their job), the login signed in, the job it ran for, and the record before and "
           "after. With --json: a JSON array of entries with the keys id, at (ISO 8601 UTC), user, "
           "session_login, entity, record, action, job_id, before, after. Otherwise an aligned text table. "
           "On PostgreSQL only administrators may read the trail."),
        {QCommandLineOption(tableOption(),
                            tr("Only changes of this table or record kind (protocols, or protocol; %1).")
                                .arg(AuditLog::entities().join(u", "_s)),
                            tr("table")),
         QCommandLineOption(userOption(), tr("Only changes made by this person."), tr("user")),
         QCommandLineOption(recordOption(), tr("Only changes of the record with this id (or login)."),
                            tr("id")),
         QCommandLineOption(sinceOption(), tr("Only changes from this time on (ISO 8601, UTC)."), tr("time")),
         QCommandLineOption(untilOption(), tr("Only changes before this time (ISO 8601, UTC)."), tr("time")),
         QCommandLineOption(jobOption(), tr("Only changes made by this job."), tr("id")),
         QCommandLineOption(limitOption(),
                            tr("At most this many entries (default 100, at most %1).").arg(kMaxListLimit),
                            tr("n"), u"100"_s)},
        &AuditCommands::list,
    });
}

int AuditCommands::list(CommandContext &context)
{
    const QCommandLineParser &parser = context.parser();
    AuditFilter filter;
    if (parser.isSet(tableOption())) {
        filter.entity = AuditLog::entityOf(parser.value(tableOption()).trimmed().toLower());
        if (!AuditLog::entities().contains(filter.entity))
            return context.usageError(
                tr("unknown table \"%1\"; audited tables: %2")
                    .arg(parser.value(tableOption()), AuditLog::entities().join(u", "_s)));
    }
    filter.username = parser.value(userOption()).trimmed();
    filter.record = parser.value(recordOption()).trimmed();
    for (const auto &[option, target] :
         {std::pair{sinceOption(), &filter.fromMs}, std::pair{untilOption(), &filter.toMs}}) {
        if (!parser.isSet(option))
            continue;
        *target = parseTime(parser.value(option));
        if (*target <= 0)
            return context.usageError(tr("--%1 must be an ISO 8601 date or time (2026-12-01 or "
                                         "2026-12-01T08:30:00Z), not \"%2\"")
                                          .arg(option, parser.value(option)));
    }
    bool ok = true;
    if (parser.isSet(jobOption())) {
        filter.jobId = parser.value(jobOption()).toLongLong(&ok);
        if (!ok || filter.jobId < 1)
            return context.usageError(
                tr("--job must be a job id, not \"%1\"").arg(parser.value(jobOption())));
    }
    PageRequest request;
    request.sortColumn = AuditLog::Time;
    request.order = Qt::DescendingOrder;
    request.limit = parser.value(limitOption()).toInt(&ok);
    if (!ok || request.limit < 1 || request.limit > kMaxListLimit)
        return context.usageError(tr("--limit must be a whole number from 1 to %1, not \"%2\"")
                                      .arg(kMaxListLimit)
                                      .arg(parser.value(limitOption())));

    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const Result<QList<AuditEntry>> entries = AuditLog(*db).page(filter, request);
    if (!entries) {
        context.error(tr("cannot list the audit trail: %1").arg(entries.error().message.simplified()));
        return CommandLine::ExitFailure;
    }
    if (context.json()) {
        QJsonArray array;
        for (const AuditEntry &e : entries.value())
            array.append(entryJson(e));
        context.printJson(array);
        return CommandLine::ExitSuccess;
    }
    TextTable table({tr("ID"), tr("TIME"), tr("USER"), tr("TABLE"), tr("RECORD"), tr("ACTION"), tr("JOB")});
    for (const AuditEntry &e : entries.value())
        table.addRow(
            {QString::number(e.id), QDateTime::fromMSecsSinceEpoch(e.atMs).toString(u"yyyy-MM-dd HH:mm:ss"_s),
             e.username == e.sessionLogin || e.sessionLogin.isEmpty()
                 ? e.username
                 : tr("%1 (via %2)").arg(e.username, e.sessionLogin),
             e.entity, e.recordText(), e.action, e.jobId > 0 ? QString::number(e.jobId) : QString()});
    context.out(table.toString().chopped(1));
    return CommandLine::ExitSuccess;
}
