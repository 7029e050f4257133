#include "app/cli/backupcommands.h"

#include "app/cli/command.h"
#include "app/cli/commandcontext.h"
#include "app/cli/commandline.h"
#include "app/cli/commandregistry.h"
#include "app/cli/jobwaiter.h"
#include "models/backup/databaserestore.h"
#include "models/db/database.h"
#include "models/db/databasefileguard.h"
#include "tasks/backup/backuptasks.h"
#include "tasks/jobstore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cstdio>
#include <optional>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

std::optional<QString> fileArgument(CommandContext &context, int *exitCode)
{
    const QStringList positional = context.parser().positionalArguments();
    const qsizetype at = context.command().words.size();
    if (positional.size() <= at) {
        *exitCode = context.usageError(BackupCommands::tr("\"%1\" needs a file name").arg(context.command().name()));
        return std::nullopt;
    }
    return QFileInfo(positional.at(at)).absoluteFilePath();
}

QJsonObject manifestJson(const BackupManifest &m)
{
    QJsonArray tables;
    for (const BackupTableEntry &t : m.tables)
        tables.append(QJsonObject{{u"name"_s, t.name}, {u"rows"_s, t.rows}});
    return {{u"schema_version"_s, m.schemaVersion},
            {u"source"_s, m.sourceBackend},
            {u"created_at"_s, m.createdAt},
            {u"rows"_s, m.totalRows()},
            {u"tables"_s, tables}};
}

} // namespace

void BackupCommands::registerCommands(CommandRegistry &registry)
{
    registry.add({
        {u"backup"_s},
        tr("Back up the whole database into FILE (administrators)."),
        tr("Queues a database.backup job that writes one consistent snapshot of every table into FILE "
           "(compressed, with a manifest and a checksum per table), on the machine that runs the job. With "
           "--wait it runs here and reports the result."),
        {JobWaiter::waitOption()},
        &BackupCommands::backup,
    });
    registry.add({
        {u"backup"_s, u"verify"_s},
        tr("Check a backup file without restoring it."),
        tr("Reads FILE whole: its manifest, every table's checksum and every row. Writes nothing."),
        {},
        &BackupCommands::verify,
    });
    registry.add({
        {u"backup"_s, u"schedule"_s},
        tr("Show or change the scheduled backups (administrators)."),
        tr("Every day at --time (UTC) a worker or an administrator's window writes a backup into --folder "
           "(a folder on the machine that runs it), reads it back, and keeps the newest of each of the last "
           "--keep-daily days and --keep-weekly weeks. --off stops them. Without options: the settings."),
        {QCommandLineOption(u"folder"_s, tr("Folder for the backups."), tr("DIR")),
         QCommandLineOption(u"time"_s, tr("Time of day, HH:MM, UTC."), tr("HH:MM")),
         QCommandLineOption(u"keep-daily"_s, tr("Days to keep (default 7)."), tr("N")),
         QCommandLineOption(u"keep-weekly"_s, tr("Weeks to keep (default 4)."), tr("N")),
         QCommandLineOption(u"off"_s, tr("Stop the scheduled backups."))},
        &BackupCommands::schedule,
    });
    registry.add({
        {u"restore"_s},
        tr("Restore a backup file into an empty database (administrators)."),
        tr("Checks FILE first (manifest, checksums, every row; a damaged or cut-off file is refused before "
           "anything is written), then writes every table in one transaction, keeping every id, creator, "
           "signature and audit entry, and resets the id sequences. The database must be migrated to the "
           "backup's schema version and hold no rows (there is no --force). Works from SQLite to PostgreSQL "
           "and back."),
        {},
        &BackupCommands::restore,
    });
}

qsizetype BackupCommands::argumentCount(const Command &command)
{
    const QString name = command.name();
    return name == u"backup" || name == u"backup verify" || name == u"restore" ? 1 : 0;
}

int BackupCommands::backup(CommandContext &context)
{
    int code = 0;
    const std::optional<QString> file = fileArgument(context, &code);
    if (!file)
        return code;
    if (const std::optional<QString> refused = DatabaseFileGuard::refusal(*file)) {
        context.error(*refused);
        return CommandLine::ExitFailure;
    }
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const Result<EnqueueResult> queued = JobStore(*db).enqueue(BackupTasks::backupRequest(*file), context.actor());
    if (!queued) {
        context.error(tr("cannot queue the backup: %1").arg(queued.error().message.simplified()));
        return CommandLine::ExitFailure;
    }
    if (context.parser().isSet(JobWaiter::waitOption()))
        return JobWaiter(context, *db).wait(queued->id);
    if (context.json())
        context.printJson(QJsonObject{{u"job_id"_s, queued->id}});
    else
        context.out(tr("Queued backup job %1 for %2.").arg(queued->id).arg(*file));
    return CommandLine::ExitSuccess;
}

int BackupCommands::verify(CommandContext &context)
{
    int code = 0;
    const std::optional<QString> file = fileArgument(context, &code);
    if (!file)
        return code;
    const Result<BackupManifest> read = DatabaseRestore::verify(*file);
    if (!read) {
        context.error(read.error().message);
        return CommandLine::ExitFailure;
    }
    if (context.json())
        context.printJson(manifestJson(read.value()));
    else
        context.out(tr("%1 is sound: schema version %2, %3 tables, %4 rows, written %5 from %6.")
                        .arg(*file)
                        .arg(read->schemaVersion)
                        .arg(read->tables.size())
                        .arg(QLocale().toString(read->totalRows()), read->createdAt, read->sourceBackend));
    return CommandLine::ExitSuccess;
}

int BackupCommands::schedule(CommandContext &context)
{
    const QCommandLineParser &parser = context.parser();
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    JobStore store(*db);
    BackupTasks::Schedule s;
    const Result<QList<RecurringJob>> all = store.recurring();
    if (!all) {
        context.error(all.error().message.simplified());
        return CommandLine::ExitFailure;
    }
    for (const RecurringJob &job : all.value()) {
        if (job.name == BackupTasks::scheduleName())
            s = BackupTasks::scheduleFrom(job);
    }
    const bool change = parser.isSet(u"folder"_s) || parser.isSet(u"time"_s) || parser.isSet(u"keep-daily"_s)
                        || parser.isSet(u"keep-weekly"_s) || parser.isSet(u"off"_s);
    if (change) {
        s.enabled = !parser.isSet(u"off"_s);
        if (parser.isSet(u"folder"_s))
            s.folder = QFileInfo(parser.value(u"folder"_s)).absoluteFilePath();
        if (parser.isSet(u"time"_s)) {
            const QTime t = QTime::fromString(parser.value(u"time"_s), u"H:mm"_s);
            if (!t.isValid())
                return context.usageError(tr("--time: \"%1\" is not a time of day such as 02:30").arg(parser.value(u"time"_s)));
            s.time = t;
        }
        for (const auto &[option, target, least] :
             {std::tuple{u"keep-daily"_s, &s.keepDaily, 1}, std::tuple{u"keep-weekly"_s, &s.keepWeekly, 0}}) {
            if (!parser.isSet(option))
                continue;
            bool ok = false;
            const int n = parser.value(option).toInt(&ok);
            if (!ok || n < least || n > 1000)
                return context.usageError(tr("--%1: \"%2\" is not a number from %3 to 1000").arg(option, parser.value(option)).arg(least));
            *target = n;
        }
        if (s.enabled && (s.folder.isEmpty() || !QFileInfo(s.folder).isDir()))
            return context.usageError(tr("--folder: \"%1\" is not a folder").arg(s.folder));
        if (const VoidResult r = store.upsertRecurring(BackupTasks::recurringFor(s)); !r) {
            context.error(tr("cannot change the scheduled backups: %1").arg(r.error().message.simplified()));
            return CommandLine::ExitFailure;
        }
    }
    const QJsonObject json{{u"enabled"_s, s.enabled},
                           {u"folder"_s, s.folder},
                           {u"time"_s, s.time.toString(u"HH:mm"_s)},
                           {u"keep_daily"_s, s.keepDaily},
                           {u"keep_weekly"_s, s.keepWeekly}};
    if (context.json())
        context.printJson(json);
    else if (!s.enabled)
        context.out(tr("Scheduled backups are off."));
    else
        context.out(tr("Every day at %1 UTC into %2, keeping %3 daily and %4 weekly backups.")
                        .arg(s.time.toString(u"HH:mm"_s), s.folder)
                        .arg(s.keepDaily)
                        .arg(s.keepWeekly));
    return CommandLine::ExitSuccess;
}

int BackupCommands::restore(CommandContext &context)
{
    int code = 0;
    const std::optional<QString> file = fileArgument(context, &code);
    if (!file)
        return code;
    if (const std::optional<QString> refused = DatabaseFileGuard::refusal(*file)) {
        context.error(*refused);
        return CommandLine::ExitFailure;
    }
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const bool showProgress = !context.json() && isatty(fileno(stderr));
    DatabaseRestore::Options options;
    if (showProgress) {
        options.progress = [](qint64 done, qint64 total, const QString &step) {
            std::fprintf(stderr, "\r%s: %lld of %lld rows   ", qPrintable(step), qlonglong(done), qlonglong(total));
        };
    }
    const Result<DatabaseRestore::Summary> restored = DatabaseRestore::restore(*db, *file, options);
    if (showProgress)
        std::fputs("\n", stderr);
    if (!restored) {
        context.error(tr("%1 was not restored; nothing was written: %2").arg(*file, restored.error().message.simplified()));
        return CommandLine::ExitFailure;
    }
    if (context.json()) {
        QJsonObject json = manifestJson(restored->manifest);
        json.insert(u"restored"_s, restored->rows);
        context.printJson(json);
    } else {
        context.out(tr("Restored %1 rows in %2 tables from %3.")
                        .arg(QLocale().toString(restored->rows))
                        .arg(restored->manifest.tables.size())
                        .arg(*file));
    }
    return CommandLine::ExitSuccess;
}
