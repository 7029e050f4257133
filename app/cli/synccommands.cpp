#include "app/cli/synccommands.h"

#include "app/cli/command.h"
#include "app/cli/commandcontext.h"
#include "app/cli/commandline.h"
#include "app/cli/commandregistry.h"
#include "app/cli/jobwaiter.h"
#include "models/core/keychain.h"
#include "models/db/database.h"
#include "models/housing/registrarflagrepository.h"
#include "tasks/jobclock.h"
#include "tasks/jobstore.h"
#include "tasks/sync/registrarsyncstore.h"
#include "tasks/sync/synctasks.h"

#include <QCommandLineParser>
#include <QCoroTask>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <climits>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

QString urlOption()
{
    return u"url"_s;
}
QString authOption()
{
    return u"auth"_s;
}
QString userOption()
{
    return u"user"_s;
}
QString scheduleOption()
{
    return u"schedule"_s;
}
QString timeoutOption()
{
    return u"timeout"_s;
}
QString allOption()
{
    return u"all"_s;
}
QString secretStdinOption()
{
    return u"secret-stdin"_s;
}

QJsonObject settingsJson(const RegistrarSyncSettings &s)
{
    return {{u"url"_s, RegistrarSyncSettings::displayUrl(s.url)},
            {u"auth"_s, RegistrarSyncSettings::authCode(s.auth)},
            {u"user"_s, s.username},
            {u"schedule"_s, s.schedule},
            {u"timeout_seconds"_s, s.timeoutSeconds},
            {u"version"_s, s.version},
            {u"keychain_key"_s, s.auth == RegistrarSyncSettings::Auth::None ? QString() : s.keychainKey()}};
}

// The finished job as the import prints it: its result (the import's JSON) with
// --json, a line for people otherwise; a failure on stderr, exit code 1.
int reportSync(CommandContext &context, const Job &job)
{
    switch (job.state) {
    case JobState::Succeeded: {
        const QJsonObject r = job.result;
        if (context.json()) {
            context.printJson(r);
        } else if (r.value(u"not_modified"_s).toBool()) {
            context.out(SyncCommands::tr("%1 is unchanged since the last sync; nothing was written.")
                            .arg(r.value(u"url"_s).toString()));
        } else {
            context.out(
                SyncCommands::tr("Synced %1: %2 created, %3 updated, %4 unchanged, %5 rejected.")
                    .arg(r.value(u"url"_s).toString())
                    .arg(r.value(u"created"_s).toInteger())
                    .arg(r.value(u"updated"_s).toInteger())
                    .arg(r.value(u"unchanged"_s).toInteger())
                    .arg(r.value(u"rejected_count"_s).toInteger()) +
                u' ' +
                SyncCommands::tr("%n resident(s) newly flagged as not in the export.", nullptr,
                                 int(r.value(u"flagged"_s).toInteger())) +
                u' ' +
                SyncCommands::tr("%n flag(s) removed.", nullptr, int(r.value(u"unflagged"_s).toInteger())));
            for (const QJsonValue &row : r.value(u"rejected"_s).toArray())
                context.out(u"  "_s + row.toObject().value(u"reason"_s).toString());
        }
        std::fflush(stdout);
        return CommandLine::ExitSuccess;
    }
    case JobState::Failed:
        std::fflush(stdout);
        context.error(job.error.simplified());
        return CommandLine::ExitFailure;
    case JobState::Cancelled:
        std::fflush(stdout);
        context.error(
            SyncCommands::tr("job %1 (%2) was cancelled; the chunks before the cancel stay imported")
                .arg(job.id)
                .arg(job.kind));
        return CommandLine::ExitFailure;
    case JobState::Queued:
    case JobState::Running:
        break;
    }
    return CommandLine::ExitFailure;
}

} // namespace

void SyncCommands::registerCommands(CommandRegistry &registry)
{
    registry.add({
        {u"sync"_s, u"residents"_s},
        tr("Fetch the registrar's resident export and apply it: residesk sync residents [URL]."),
        tr("Queues a residents.sync job for URL (else the URL of \"sync settings\"). The job fetches the "
           "export over HTTP(S) (authentication and timeout from \"sync settings\"; the password or token "
           "from "
           "RESIDESK_SYNC_SECRET or the keychain), sending back the last applied copy's ETag and date, so an "
           "unchanged export costs one short request and writes nothing. A changed one is applied with the "
           "rules of \"import residents\" (the same validation, line numbers and rejected rows); residents "
           "the export does not list are flagged for review (\"sync flagged\"), never changed.\n\n"
           "With --wait it runs here and prints what \"import residents\" prints (with --json its JSON, "
           "plus \"url\", \"not_modified\", \"flagged\", \"unflagged\", \"flagged_open\"); an unreachable "
           "server, a TLS error, a 4xx/5xx answer or a body that is not CSV is an error naming the URL and "
           "the cause, exit code 1, and nothing is written. Without --wait: the job's id ({\"job_id\": n})."),
        {JobWaiter::waitOption()},
        &SyncCommands::syncResidents,
    });
    registry.add({
        {u"sync"_s, u"settings"_s},
        tr("Show or change the registrar sync settings: residesk sync settings [--url U] [--schedule CRON]."),
        tr("Without options prints the settings. --url sets the export's address (http:// or https://), "
           "--auth none|basic|bearer and --user the authentication (the secret itself goes into the keychain "
           "through the window's Settings ▸ Registrar sync…, or RESIDESK_SYNC_SECRET for workers), "
           "--schedule a cron expression such as \"0 6 * * *\" (\"\" for by hand only) and --timeout the "
           "seconds without an answer before a sync gives up. --secret-stdin reads the password (basic) or "
           "token (bearer) from the first line of standard input into the system keychain, under the key "
           "the settings name (\"keychain_key\" in the JSON); it is never printed or stored elsewhere."),
        {QCommandLineOption(urlOption(), tr("The export's URL."), tr("url")),
         QCommandLineOption(authOption(), tr("Authentication: none, basic or bearer."), tr("kind")),
         QCommandLineOption(userOption(), tr("The user name for basic authentication."), tr("name")),
         QCommandLineOption(scheduleOption(), tr("When to sync, as a cron expression (\"\": by hand only)."),
                            tr("cron")),
         QCommandLineOption(timeoutOption(), tr("Seconds without an answer before giving up."),
                            tr("seconds")),
         QCommandLineOption(secretStdinOption(),
                            tr("Read the password or token from standard input into the keychain."))},
        &SyncCommands::settings,
    });
    registry.add({
        {u"sync"_s, u"flagged"_s},
        tr("List the residents the registrar's export no longer lists: residesk sync flagged."),
        tr("The residents flagged by the last applied sync and not reviewed yet (--all: reviewed ones too). "
           "With --json: [{\"flag_id\", \"resident_id\", \"student_id\", \"first_name\", \"last_name\", "
           "\"email\", \"status\", \"flagged_at\", \"job_id\", \"reviewed_at\", \"reviewed_by\"}, …]."),
        {QCommandLineOption(allOption(), tr("Include flags already reviewed."))},
        &SyncCommands::flagged,
    });
    registry.add({
        {u"sync"_s, u"review"_s},
        tr("Clear the flags of residents reviewed: residesk sync review FLAG_ID…"),
        tr("Marks the flags as reviewed (the residents stay as they are; they are flagged again only if a "
           "later export lists them and then leaves them out again)."),
        {},
        &SyncCommands::review,
    });
}

qsizetype SyncCommands::argumentCount(const Command &command)
{
    if (command.words == QStringList{u"sync"_s, u"residents"_s})
        return 1;
    if (command.words == QStringList{u"sync"_s, u"review"_s})
        return 1000;
    return 0;
}

int SyncCommands::syncResidents(CommandContext &context)
{
    const QStringList positional = context.parser().positionalArguments();
    const QString url = positional.value(context.command().words.size());
    if (!url.isEmpty()) {
        RegistrarSyncSettings check;
        check.url = url;
        for (const FieldError &e : check.validate()) {
            if (e.field == u"url"_s)
                return context.usageError(e.message);
        }
    }
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const Result<EnqueueResult> queued =
        JobStore(*db).enqueue(SyncTasks::residentsRequest(url), context.actor());
    if (!queued) {
        context.error(tr("cannot queue the sync: %1").arg(queued.error().message.simplified()));
        return CommandLine::ExitFailure;
    }
    if (context.parser().isSet(JobWaiter::waitOption())) {
        JobWaiter::Options options;
        options.reporter = &reportSync;
        return JobWaiter(context, *db, options).wait(queued->id);
    }
    if (context.json())
        context.printJson(QJsonObject{{u"job_id"_s, queued->id}});
    else
        context.out(tr("Queued registrar sync job %1.").arg(queued->id));
    return CommandLine::ExitSuccess;
}

int SyncCommands::settings(CommandContext &context)
{
    const QCommandLineParser &parser = context.parser();
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    RegistrarSyncStore store(*db);
    Result<RegistrarSyncSettings> current = store.settings();
    if (!current) {
        context.error(current.error().message.simplified());
        return CommandLine::ExitFailure;
    }
    RegistrarSyncSettings s = current.value();
    bool change = false;
    if (parser.isSet(urlOption())) {
        s.url = parser.value(urlOption());
        change = true;
    }
    if (parser.isSet(authOption())) {
        const std::optional<RegistrarSyncSettings::Auth> auth =
            RegistrarSyncSettings::authFromCode(parser.value(authOption()));
        if (!auth)
            return context.usageError(
                tr("--auth takes none, basic or bearer, not \"%1\"").arg(parser.value(authOption())));
        s.auth = *auth;
        change = true;
    }
    if (parser.isSet(userOption())) {
        s.username = parser.value(userOption());
        change = true;
    }
    if (parser.isSet(scheduleOption())) {
        s.schedule = parser.value(scheduleOption());
        change = true;
    }
    if (parser.isSet(timeoutOption())) {
        bool ok = false;
        s.timeoutSeconds = parser.value(timeoutOption()).toInt(&ok);
        if (!ok)
            return context.usageError(
                tr("--timeout takes seconds, not \"%1\"").arg(parser.value(timeoutOption())));
        change = true;
    }
    const bool readSecret = parser.isSet(secretStdinOption());
    if (readSecret && s.auth == RegistrarSyncSettings::Auth::None)
        return context.usageError(tr("--secret-stdin needs basic or bearer authentication (--auth)"));
    if (readSecret) {
        // The key names the host (and the user): the settings must be valid first.
        for (const FieldError &e : s.validate()) {
            if (e.field == u"url"_s || e.field == u"username"_s)
                return context.usageError(e.message);
        }
        if (s.url.trimmed().isEmpty())
            return context.usageError(
                tr("--secret-stdin needs the export's URL (--url): the key names its host"));
    }
    if (change) {
        const Result<RegistrarSyncSettings> saved = store.save(s);
        if (!saved) {
            context.error(saved.error().text().simplified());
            return CommandLine::ExitFailure;
        }
        s = saved.value();
    }
    if (readSecret) {
        QTextStream in(stdin);
        const QString secret = in.readLine();
        if (secret.isEmpty()) {
            context.error(tr("no password or token on standard input"));
            return CommandLine::ExitFailure;
        }
        const QString error = QCoro::waitFor(Keychain::store(s.keychainKey(), secret));
        if (!error.isEmpty()) {
            context.error(tr("cannot store the password or token in the system keychain: %1").arg(error));
            return CommandLine::ExitFailure;
        }
    }
    if (context.json()) {
        context.printJson(settingsJson(s));
    } else {
        context.out(
            tr("URL: %1").arg(s.url.isEmpty() ? tr("(none)") : RegistrarSyncSettings::displayUrl(s.url)));
        context.out(
            tr("Authentication: %1%2")
                .arg(RegistrarSyncSettings::authCode(s.auth),
                     s.auth == RegistrarSyncSettings::Auth::Basic ? u" ("_s + s.username + u')' : QString()));
        context.out(tr("Schedule: %1").arg(s.schedule.isEmpty() ? tr("by hand only") : s.schedule));
        context.out(tr("Timeout: %1 s").arg(s.timeoutSeconds));
    }
    return CommandLine::ExitSuccess;
}

int SyncCommands::flagged(CommandContext &context)
{
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const Result<QList<RegistrarFlag>> flags =
        RegistrarFlagRepository(*db, context.actor()).list(context.parser().isSet(allOption()));
    if (!flags) {
        context.error(flags.error().message.simplified());
        return CommandLine::ExitFailure;
    }
    QJsonArray rows;
    for (const RegistrarFlag &f : flags.value()) {
        if (context.json()) {
            rows.append(
                QJsonObject{{u"flag_id"_s, f.id},
                            {u"resident_id"_s, f.resident.id},
                            {u"student_id"_s, f.resident.studentId},
                            {u"first_name"_s, f.resident.firstName},
                            {u"last_name"_s, f.resident.lastName},
                            {u"email"_s, f.resident.email},
                            {u"status"_s, Resident::statusCode(f.resident.status)},
                            {u"flagged_at"_s, f.flaggedAt},
                            {u"job_id"_s, f.jobId},
                            {u"reviewed_at"_s, f.reviewedAt > 0 ? QJsonValue(f.reviewedAt) : QJsonValue()},
                            {u"reviewed_by"_s, f.reviewedBy}});
        } else {
            context.out(u"%1  %2  %3 %4%5"_s.arg(f.id).arg(
                f.resident.studentId, f.resident.firstName, f.resident.lastName,
                f.reviewedAt > 0 ? tr("  (reviewed by %1)").arg(f.reviewedBy) : QString()));
        }
    }
    if (context.json())
        context.printJson(rows);
    return CommandLine::ExitSuccess;
}

int SyncCommands::review(CommandContext &context)
{
    const QStringList ids = context.parser().positionalArguments().mid(context.command().words.size());
    if (ids.isEmpty())
        return context.usageError(tr("\"sync review\" needs the ids of the flags (see \"sync flagged\")"));
    QList<qint64> flagIds;
    for (const QString &text : ids) {
        bool ok = false;
        const qint64 id = text.toLongLong(&ok);
        if (!ok || id <= 0)
            return context.usageError(tr("\"%1\" is not a flag id").arg(text));
        flagIds.append(id);
    }
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const Result<int> marked =
        RegistrarFlagRepository(*db, context.actor()).markReviewed(flagIds, JobClock::system().nowMs());
    if (!marked) {
        context.error(marked.error().message.simplified());
        return CommandLine::ExitFailure;
    }
    if (context.json())
        context.printJson(QJsonObject{{u"reviewed"_s, marked.value()}});
    else
        context.out(tr("%n flag(s) cleared.", nullptr, marked.value()));
    return CommandLine::ExitSuccess;
}
