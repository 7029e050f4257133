#include "tasks/backup/backuptasks.h"

#include "models/backup/backuprotation.h"
#include "models/backup/databasebackup.h"
#include "models/backup/databaserestore.h"
#include "models/db/database.h"
#include "models/db/sqlstatement.h"
#include "tasks/jobcontext.h"
#include "tasks/notificationstore.h"
#include "tasks/taskregistry.h"

#include <QCoreApplication>
#include <QCoroFuture>
#include <QCoroTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QSet>
#include <QThreadPool>

#include <atomic>
#include <chrono>
#include <memory>

using namespace Qt::StringLiterals;

namespace BackupTasks {
namespace {

// A message to store (a job's error or progress, a notification, a title), translated
// where it is shown; the source text is marked with QT_TRANSLATE_NOOP("BackupTasks", …).
StoredText msg(const char *text, int n = -1)
{
    return StoredText("BackupTasks", text, n);
}

struct Shared
{
    std::atomic<qint64> done = 0;
    std::atomic<qint64> total = 0;
    std::atomic<bool> cancel = false;
};

// The backup on a thread of its own with its own connection: its read transaction must
// not hold the runner's connection, where progress is written. On PostgreSQL that
// connection acts for the job's creator, as the runner's does.
QCoro::Task<Result<DatabaseBackup::Summary>> backupOnThread(JobContext &ctx, const QString &path)
{
    auto shared = std::make_shared<Shared>();
    Database &db = ctx.database();
    const QString actAs =
        db.isPostgreSQL() && !ctx.job().createdBy.isEmpty() && ctx.job().createdBy != db.sessionUser()
            ? ctx.job().createdBy
            : QString();
    const qint64 jobId = ctx.id();
    QThreadPool pool;
    pool.setMaxThreadCount(1);
    QFuture<Result<DatabaseBackup::Summary>> running =
        QtConcurrent::run(&pool, [&db, shared, actAs, path, jobId]() -> Result<DatabaseBackup::Summary> {
            Result<DatabaseBackup::Summary> result = [&]() -> Result<DatabaseBackup::Summary> {
                if (!actAs.isEmpty()) {
                    if (auto r = SqlStatement::run(db, u"SELECT set_config('role', ?, false)"_s, {actAs}); !r)
                        return r.error();
                }
                DatabaseBackup::Options options;
                options.progress = [shared](qint64 done, qint64 total, const QString &) {
                    shared->done = done;
                    shared->total = total;
                };
                options.cancelled = &shared->cancel;
                options.skipJobId = jobId;
                return DatabaseBackup::write(db, path, options);
            }();
            db.closeThreadConnection(); // never left acting for somebody on a pool thread
            return result;
        });
    while (!running.isFinished()) {
        if (ctx.isCancelled()) {
            shared->cancel = true;
            QCoro::Task<> pause = QCoro::sleepFor(std::chrono::milliseconds(50)); // named: GCC 12 bug 100611
            co_await pause;
        } else {
            QCoro::Task<bool> pause = ctx.sleep(200);
            co_await pause;
        }
        ctx.setProgress(shared->done, shared->total, msg(QT_TRANSLATE_NOOP("BackupTasks", "rows")));
    }
    co_return running.result();
}

QJsonObject resultOf(const QString &path, const DatabaseBackup::Summary &s)
{
    const qint64 rows = s.manifest.totalRows();
    // The counts are grouped in the reader's locale when shown.
    const StoredText summary = msg(QT_TRANSLATE_NOOP("BackupTasks", "%1: %2 rows, %3 bytes"))
                                   .arg(path)
                                   .argNumber(rows)
                                   .argNumber(s.bytes);
    return {{u"path"_s, path},
            {u"bytes"_s, s.bytes},
            {u"rows"_s, rows},
            {u"tables"_s, s.manifest.tables.size()},
            {u"schema_version"_s, s.manifest.schemaVersion},
            {u"summary"_s, summary.toString()},
            {u"summary_msg"_s, summary.toJsonObject()}};
}

QCoro::Task<JobOutcome> backup(JobContext &ctx)
{
    const QString path = ctx.payload().value(u"path"_s).toString();
    if (path.isEmpty() || !QFileInfo(path).isAbsolute())
        co_return JobOutcome::failure(
            msg(QT_TRANSLATE_NOOP("BackupTasks", "The backup names no absolute file path.")), false);
    QCoro::Task<Result<DatabaseBackup::Summary>> work = backupOnThread(ctx, path);
    const Result<DatabaseBackup::Summary> done = co_await work;
    if (!done)
        co_return JobOutcome::failure(msg(QT_TRANSLATE_NOOP("BackupTasks", "The backup into %1 failed: %2"))
                                          .arg(path, done.error().message),
                                      done.error().code == DbError::Code::ConnectionLost);
    if (done->cancelled)
        co_return JobOutcome::cancelled();
    ctx.flushProgress();
    co_return JobOutcome::success(resultOf(path, done.value()));
}

// Every administrator (PostgreSQL: login members of residesk_admin; SQLite: the one
// person, the job's creator) and the creator hear of a failed scheduled backup.
void notifyAdmins(JobContext &ctx, const StoredText &reason)
{
    Database &db = ctx.database();
    QSet<QString> people{ctx.job().createdBy};
    if (db.isPostgreSQL()) {
        SqlStatement admins(db, u"SELECT rolname::text FROM pg_roles WHERE rolcanlogin AND NOT rolsuper "
                                "AND pg_has_role(oid, 'residesk_admin', 'USAGE')"_s);
        if (admins.exec()) {
            while (admins.next())
                people.insert(admins.value(0).toString());
        }
    }
    NotificationStore store(db, ctx.clock());
    for (const QString &person : std::as_const(people)) {
        if (person.isEmpty())
            continue;
        Notification n;
        n.username = person;
        n.kind = Notification::Kind::JobFailed;
        n.titleMsg = msg(QT_TRANSLATE_NOOP("BackupTasks", "Scheduled backup failed"));
        n.bodyMsg = reason;
        n.jobId = ctx.id();
        n.link = u"job:%1"_s.arg(ctx.id());
        store.add(n);
    }
}

QCoro::Task<JobOutcome> scheduled(JobContext &ctx)
{
    const QJsonObject payload = ctx.payload();
    const QString folder = payload.value(u"folder"_s).toString();
    const int keepDaily = qMax(1, payload.value(u"keep_daily"_s).toInt(7));
    const int keepWeekly = qMax(0, payload.value(u"keep_weekly"_s).toInt(4));
    const auto failed = [&](const StoredText &reason) {
        notifyAdmins(ctx, reason);
        return JobOutcome::failure(reason, false);
    };
    if (folder.isEmpty() || !QFileInfo(folder).isAbsolute() || !QFileInfo(folder).isDir())
        co_return failed(
            msg(QT_TRANSLATE_NOOP("BackupTasks", "The backup folder %1 does not exist.")).arg(folder));
    const QString path = QDir(folder).filePath(
        BackupRotation::fileName(QDateTime::fromMSecsSinceEpoch(ctx.clock().nowMs(), Qt::UTC)));

    QCoro::Task<Result<DatabaseBackup::Summary>> work = backupOnThread(ctx, path);
    const Result<DatabaseBackup::Summary> done = co_await work;
    if (!done)
        co_return failed(msg(QT_TRANSLATE_NOOP("BackupTasks", "The backup into %1 failed: %2"))
                             .arg(path, done.error().message));
    if (done->cancelled)
        co_return JobOutcome::cancelled();

    // Read back: the whole file checked (checksums, every row decoded) as a restore
    // would, and its row counts compared with what was written.
    ctx.setProgress(0, done->manifest.totalRows(),
                    msg(QT_TRANSLATE_NOOP("BackupTasks", "checking the backup")));
    auto verifying = ctx.runCpu([path] { return DatabaseRestore::verify(path); });
    const Result<BackupManifest> read = co_await verifying;
    if (!read)
        co_return failed(msg(QT_TRANSLATE_NOOP("BackupTasks", "The backup %1 could not be read back: %2"))
                             .arg(path, read.error().message));
    if (read->totalRows() != done->manifest.totalRows())
        co_return failed(
            msg(QT_TRANSLATE_NOOP("BackupTasks", "The backup %1 reads back %2 rows, %3 were written."))
                .arg(path)
                .arg(read->totalRows())
                .arg(done->manifest.totalRows()));

    QJsonArray deleted;
    const QStringList names = QDir(folder).entryList(QDir::Files);
    for (const QString &name : BackupRotation::toDelete(names, keepDaily, keepWeekly)) {
        if (QFile::remove(QDir(folder).filePath(name)))
            deleted.append(name);
    }
    QJsonObject result = resultOf(path, done.value());
    result.insert(u"verified"_s, true);
    result.insert(u"deleted"_s, deleted);
    co_return JobOutcome::success(result);
}

} // namespace

QString backupKind()
{
    return u"database.backup"_s;
}

QString scheduledKind()
{
    return u"database.backup_scheduled"_s;
}

QString scheduleName()
{
    return u"database.backup_scheduled"_s;
}

JobRequest backupRequest(const QString &path)
{
    JobRequest request;
    request.kind = backupKind();
    request.payload = {{u"path"_s, path}};
    request.notifyCreator = true;
    return request;
}

RecurringJob recurringFor(const Schedule &schedule)
{
    RecurringJob job;
    job.name = scheduleName();
    job.kind = scheduledKind();
    job.enabled = schedule.enabled;
    job.payload = {{u"folder"_s, schedule.folder},
                   {u"keep_daily"_s, schedule.keepDaily},
                   {u"keep_weekly"_s, schedule.keepWeekly}};
    job.schedule = u"%1 %2 * * *"_s.arg(schedule.time.minute()).arg(schedule.time.hour());
    return job;
}

Schedule scheduleFrom(const RecurringJob &job)
{
    Schedule s;
    s.enabled = job.enabled;
    s.folder = job.payload.value(u"folder"_s).toString();
    s.keepDaily = job.payload.value(u"keep_daily"_s).toInt(7);
    s.keepWeekly = job.payload.value(u"keep_weekly"_s).toInt(4);
    const QStringList fields = job.schedule.split(u' ', Qt::SkipEmptyParts);
    if (fields.size() >= 2)
        s.time = QTime(fields.at(1).toInt(), fields.at(0).toInt());
    return s;
}

void registerAll(TaskRegistry &registry)
{
    // One backup at a time per engine: each reads the whole database.
    registry.add(
        {backupKind(), msg(QT_TRANSLATE_NOOP("BackupTasks", "Back up the database")), 1, 2, &backup});
    registry.add(
        {scheduledKind(), msg(QT_TRANSLATE_NOOP("BackupTasks", "Scheduled backup")), 1, 1, &scheduled});
}

} // namespace BackupTasks
