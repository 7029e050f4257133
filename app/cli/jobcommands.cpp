#include "app/cli/jobcommands.h"

#include "app/cli/command.h"
#include "app/cli/commandcontext.h"
#include "app/cli/commandline.h"
#include "app/cli/commandregistry.h"
#include "app/cli/jobwaiter.h"
#include "app/cli/texttable.h"
#include "app/cli/unixsignals.h"
#include "models/db/database.h"
#include "models/db/events.h"
#include "tasks/job.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "tasks/mail/mailtasks.h"
#include "tasks/sms/smstasks.h"
#include "tasks/taskcatalog.h"
#include "tasks/taskregistry.h"

#include <QCommandLineParser>
#include <QCoroTask>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxConcurrency = 256;
constexpr int kMaxLeaseSeconds = 24 * 60 * 60;
constexpr qint64 kMaxRetryBaseMs = 60 * 60 * 1000;
constexpr int kMaxListLimit = 10000;

QString concurrencyOption()
{
    return u"concurrency"_s;
}
QString kindsOption()
{
    return u"kinds"_s;
}
QString onceOption()
{
    return u"once"_s;
}
QString leaseSecondsOption()
{
    return u"lease-seconds"_s;
}
QString retryBaseOption()
{
    return u"retry-base-ms"_s;
}
QString noListenOption()
{
    return u"no-listen"_s;
}
QString pollOption()
{
    return u"poll-ms"_s;
}
QString batchWaitOption()
{
    return u"batch-wait-ms"_s;
}
QString stateOption()
{
    return u"state"_s;
}
QString kindOption()
{
    return u"kind"_s;
}
QString limitOption()
{
    return u"limit"_s;
}
QString timeoutOption()
{
    return u"timeout"_s;
}

QStringList commandWords(const char *second)
{
    return {u"jobs"_s, QString::fromLatin1(second)};
}

QString stateCodes()
{
    QStringList codes;
    for (JobState state : JobStates::all())
        codes += JobStates::code(state);
    return codes.join(u", "_s);
}

QString localTime(qint64 ms)
{
    if (ms <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

int lookupFailure(CommandContext &context, qint64 id, const DbError &error)
{
    if (error.code == DbError::Code::NotFound)
        context.error(JobCommands::tr("no job with id %1").arg(id));
    else
        context.error(JobCommands::tr("cannot read job %1: %2").arg(id).arg(error.message.simplified()));
    return CommandLine::ExitFailure;
}

// The worker's output: one line per event, for people or (--json) one JSON object per
// line with "event", "worker" and "at" (ms since the epoch) keys. Lines go out when the
// event loop has handled what is pending (a busy worker writes a few thousand lines a
// second: one write for a round of them, not one each), and before the worker returns.
class WorkerOutput
{
public:
    WorkerOutput(CommandContext &context, QString workerId)
        : m_context(context)
        , m_worker(std::move(workerId))
    {}
    ~WorkerOutput() { std::fflush(stdout); }
    Q_DISABLE_COPY_MOVE(WorkerOutput)

    bool json() const { return m_context.json(); }

    void line(const QString &event, QJsonObject fields, const QString &text, bool problem = false)
    {
        if (m_context.json()) {
            fields.insert(u"event"_s, event);
            fields.insert(u"worker"_s, m_worker);
            fields.insert(u"at"_s, QDateTime::currentMSecsSinceEpoch());
            m_context.printJson(fields);
        } else if (problem) {
            m_context.error(text);
        } else {
            m_context.out(text);
        }
        if (!m_flushPending) {
            m_flushPending = true;
            QTimer::singleShot(0, &m_flusher, [this] {
                m_flushPending = false;
                std::fflush(stdout);
            });
        }
    }

private:
    CommandContext &m_context;
    QString m_worker;
    QObject m_flusher; // the pending flush goes with this output
    bool m_flushPending = false;
};

} // namespace

void JobCommands::registerCommands(CommandRegistry &registry)
{
    registry.add({
        {u"worker"_s},
        tr("Run queued jobs without a window until stopped."),
        tr("Claims runnable jobs (highest priority first), runs up to --concurrency of them at once, renews "
           "their leases and records each outcome; a failed attempt is retried with exponential backoff "
           "while "
           "attempts are left. It wakes at once on new jobs (PostgreSQL LISTEN/NOTIFY; on SQLite it polls "
           "every second). Any number of workers and desktops can share one PostgreSQL database; on SQLite "
           "run one.\n\n"
           "The worker never migrates: a database whose schema is older or newer than this Residesk is "
           "refused (exit code 1), so that a schema change stays an administrator's explicit step "
           "(\"residesk migrate\", then restart the workers).\n\n"
           "SIGTERM or SIGINT stops claiming; running jobs stop at their next checkpoint and go back to the "
           "queue without spending an attempt, then the worker exits with 0. A second signal quits at once "
           "(the leases of jobs still running expire and another worker resumes them from their checkpoint). "
           "A lost database connection is reported once and retried; the worker goes on when it returns.\n\n"
           "Prints one line per job start and end. With --json: one JSON object per line, with the keys "
           "\"event\" (worker_started, job_started, job_finished, database_problem, database_restored, "
           "stopping, worker_stopped), \"worker\" (this worker's id) and \"at\" (ms since the epoch); job "
           "lines add id, kind, and on job_finished state, duration_ms and error."),
        {QCommandLineOption(concurrencyOption(), tr("Jobs run at once (default 2)."), tr("n"), u"2"_s),
         QCommandLineOption(kindsOption(),
                            tr("Run only these job kinds, separated by commas (default: all)."), tr("kinds")),
         QCommandLineOption(onceOption(),
                            tr("Exit (with 0) once no runnable job is left for this worker and none runs.")),
         QCommandLineOption(
             leaseSecondsOption(),
             tr("How long a claim holds without a heartbeat (default 30); a dead worker's jobs "
                "are resumed by another after this."),
             tr("s"), u"30"_s),
         QCommandLineOption(retryBaseOption(),
                            tr("Advanced: the retry delay after a first failed attempt, doubled for each "
                               "further one, up to 10 minutes (default 2000)."),
                            tr("ms"), u"2000"_s),
         QCommandLineOption(noListenOption(),
                            tr("Do not LISTEN for events (behind PgBouncer in transaction mode, where NOTIFY "
                               "does not arrive): poll the queue every --poll-ms instead; cancel requests "
                               "arrive with the heartbeat.")),
         QCommandLineOption(pollOption(),
                            tr("How often to look for runnable jobs when no event wakes the worker (default "
                               "1000, with --no-listen 200)."),
                            tr("ms")),
         QCommandLineOption(batchWaitOption(),
                            tr("Advanced: how long a finished job waits for others to be recorded with it in "
                               "one statement while other jobs still run (default 5)."),
                            tr("ms"), u"5"_s)},
        &JobCommands::worker,
    });
    registry.add({
        commandWords("list"),
        tr("List jobs, newest first."),
        tr("With --json: a JSON array of jobs with the keys id, kind, state, progress_done, progress_total, "
           "progress_message, attempts, max_attempts, priority, error, result, payload, unique_key, "
           "cancel_requested, created_by, created_at, started_at, finished_at, run_after (times in ISO 8601 "
           "UTC, null when not set). Otherwise an aligned text table. States: %1.")
            .arg(stateCodes()),
        {QCommandLineOption(stateOption(), tr("Only jobs in this state (%1).").arg(stateCodes()),
                            tr("state")),
         QCommandLineOption(kindOption(), tr("Only jobs of this kind."), tr("kind")),
         QCommandLineOption(limitOption(),
                            tr("At most this many jobs (default 100, at most %1).").arg(kMaxListLimit),
                            tr("n"), u"100"_s)},
        &JobCommands::list,
    });
    registry.add({
        commandWords("show"),
        tr("Show one job: residesk jobs show ID."),
        tr("With --json: the job as one JSON object (the keys of \"jobs list\"). Exit code 1 if there is no "
           "job with that id."),
        {},
        &JobCommands::show,
    });
    registry.add({
        commandWords("cancel"),
        tr("Cancel a job: residesk jobs cancel ID."),
        tr("A queued job is cancelled at once; a running one is asked to stop and stops at its next "
           "checkpoint, keeping the work it committed. A finished job cannot be cancelled (exit code 1). "
           "With --json: the job after the request."),
        {},
        &JobCommands::cancel,
    });
    registry.add({
        commandWords("retry"),
        tr("Queue a failed or cancelled job again: residesk jobs retry ID."),
        tr("The job runs again with fresh attempts, from its last checkpoint. Other states are refused (exit "
           "code 1). With --json: the job after the request."),
        {},
        &JobCommands::retry,
    });
    registry.add({
        commandWords("stats"),
        tr("Show statistics per job kind."),
        tr("Per kind: how many jobs in each state, the success rate (succeeded / (succeeded + failed)) and "
           "the median and 95th percentile duration of succeeded jobs. With --json: a JSON array of objects "
           "with the keys kind, total, queued, running, succeeded, failed, cancelled, success_rate (0..1), "
           "median_ms, p95_ms."),
        {},
        &JobCommands::stats,
    });
    registry.add({
        commandWords("wait"),
        tr("Wait until a job is finished: residesk jobs wait ID."),
        tr("Runs jobs in this process meanwhile (like a worker), so the job runs even where no worker does; "
           "follows it if another worker has it. Prints the job when it ends (with --json: the job as one "
           "JSON object). Exit code 0 only if it succeeded; 1 if it failed or was cancelled, or the wait "
           "timed out or was interrupted."),
        {QCommandLineOption(timeoutOption(), tr("Give up after this many seconds (default 0: no limit)."),
                            tr("s"), u"0"_s)},
        &JobCommands::wait,
    });
}

qsizetype JobCommands::argumentCount(const Command &command)
{
    static const QList<QStringList> withId{commandWords("show"), commandWords("cancel"),
                                           commandWords("retry"), commandWords("wait")};
    return withId.contains(command.words) ? 1 : 0;
}

int JobCommands::worker(CommandContext &context)
{
    const QCommandLineParser &parser = context.parser();
    TaskRegistry registry;
    TaskCatalog::registerAll(registry);

    JobEngineOptions options;
    bool ok = false;
    options.concurrency = parser.value(concurrencyOption()).toInt(&ok);
    if (!ok || options.concurrency < 1 || options.concurrency > kMaxConcurrency)
        return context.usageError(tr("--concurrency must be a whole number from 1 to %1, not \"%2\"")
                                      .arg(kMaxConcurrency)
                                      .arg(parser.value(concurrencyOption())));
    if (parser.isSet(kindsOption())) {
        const QString known = registry.names().join(u", "_s);
        QStringList kinds;
        for (const QString &part : parser.value(kindsOption()).split(u',', Qt::SkipEmptyParts)) {
            const QString kind = part.trimmed();
            if (kind.isEmpty())
                continue;
            if (!registry.find(kind))
                return context.usageError(
                    tr("unknown job kind \"%1\" in --kinds; known kinds: %2").arg(kind, known));
            if (!kinds.contains(kind))
                kinds += kind;
        }
        if (kinds.isEmpty())
            return context.usageError(tr("--kinds needs at least one job kind; known kinds: %1").arg(known));
        options.kinds = kinds;
    }
    const int leaseSeconds = parser.value(leaseSecondsOption()).toInt(&ok);
    if (!ok || leaseSeconds < 1 || leaseSeconds > kMaxLeaseSeconds)
        return context.usageError(tr("--lease-seconds must be a whole number from 1 to %1, not \"%2\"")
                                      .arg(kMaxLeaseSeconds)
                                      .arg(parser.value(leaseSecondsOption())));
    options.leaseMs = qint64(leaseSeconds) * 1000;
    options.backoffBaseMs = parser.value(retryBaseOption()).toLongLong(&ok);
    if (!ok || options.backoffBaseMs < 0 || options.backoffBaseMs > kMaxRetryBaseMs)
        return context.usageError(tr("--retry-base-ms must be a whole number from 0 to %1, not \"%2\"")
                                      .arg(kMaxRetryBaseMs)
                                      .arg(parser.value(retryBaseOption())));
    const bool once = parser.isSet(onceOption());
    const bool listen = !parser.isSet(noListenOption());
    options.pollIntervalMs = listen ? 1000 : 200;
    if (parser.isSet(pollOption())) {
        options.pollIntervalMs = parser.value(pollOption()).toInt(&ok);
        if (!ok || options.pollIntervalMs < 50 || options.pollIntervalMs > 60000)
            return context.usageError(tr("--poll-ms must be a whole number from 50 to 60000, not \"%1\"")
                                          .arg(parser.value(pollOption())));
    }

    options.completionWaitMs = parser.value(batchWaitOption()).toInt(&ok);
    if (!ok || options.completionWaitMs < 0 || options.completionWaitMs > 3600000)
        return context.usageError(tr("--batch-wait-ms must be a whole number from 0 to 3600000, not \"%1\"")
                                      .arg(parser.value(batchWaitOption())));

    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;

    UnixSignals signalWatcher({SIGTERM, SIGINT});
    if (!signalWatcher.isValid()) {
        context.error(tr("cannot watch for SIGTERM and SIGINT: %1").arg(signalWatcher.errorString()));
        return CommandLine::ExitFailure;
    }
    EventBus bus(*db);
    JobEngine engine(*db, registry, options);
    if (listen)
        engine.setEventBus(&bus);
    WorkerOutput output(context, engine.workerId());
    JobStore store(*db);

    struct Running
    {
        QString kind;
        QElapsedTimer timer;
    };
    QHash<qint64, Running> running;
    int started = 0;
    int finished = 0;
    bool stopping = false;
    bool databaseDown = false;
    int stopSignal = 0;
    QEventLoop loop;

    QObject::connect(&engine, &JobEngine::jobStarted, &loop, [&](qint64 id, const QString &kind) {
        Running &job = running[id];
        job.kind = kind;
        job.timer.start();
        ++started;
        if (output.json())
            output.line(u"job_started"_s, {{u"id"_s, id}, {u"kind"_s, kind}}, {});
        else
            output.line(u"job_started"_s, {}, tr("job %1 started (%2)").arg(id).arg(kind));
    });
    QObject::connect(&engine, &JobEngine::jobFinished, &loop, [&](qint64 id, JobState state) {
        const Running job = running.take(id);
        const qint64 ms = job.timer.isValid() ? job.timer.elapsed() : 0;
        if (state != JobState::Queued)
            ++finished;
        // The reason of a failure is in the row (read on this thread only when there is one).
        std::optional<Job> row;
        if (state == JobState::Failed || (state == JobState::Queued && !stopping)) {
            if (Result<Job> r = store.get(id))
                row = r.value();
        }
        if (output.json()) {
            QJsonObject fields{{u"id"_s, id},
                               {u"kind"_s, job.kind},
                               {u"state"_s, JobStates::code(state)},
                               {u"duration_ms"_s, ms}};
            if (row && !row->error.isEmpty())
                fields.insert(u"error"_s, row->error);
            if (row)
                fields.insert(u"attempts"_s, row->attempts);
            output.line(u"job_finished"_s, fields, {});
            return;
        }
        const QString seconds = QString::number(double(ms) / 1000, 'f', 2);
        QString text;
        switch (state) {
        case JobState::Succeeded:
            text = tr("job %1 succeeded (%2, %3 s)").arg(id).arg(job.kind, seconds);
            break;
        case JobState::Failed:
            text = tr("job %1 failed (%2, %3 s): %4")
                       .arg(id)
                       .arg(job.kind, seconds, row ? row->error.simplified() : QString());
            break;
        case JobState::Cancelled:
            text = tr("job %1 cancelled (%2, %3 s)").arg(id).arg(job.kind, seconds);
            break;
        case JobState::Queued:
            if (row && !row->error.isEmpty())
                text = tr("job %1 failed, will be retried (%2, attempt %3 of %4): %5")
                           .arg(id)
                           .arg(job.kind)
                           .arg(row->attempts)
                           .arg(row->maxAttempts)
                           .arg(row->error.simplified());
            else
                text = tr("job %1 back in the queue (%2, %3 s)").arg(id).arg(job.kind, seconds);
            break;
        case JobState::Running:
            text = tr("job %1 left to another worker (%2, %3 s)").arg(id).arg(job.kind, seconds);
            break;
        }
        output.line(u"job_finished"_s, {}, text);
    });
    QObject::connect(&engine, &JobEngine::databaseProblem, &loop, [&](const QString &message) {
        if (databaseDown)
            return;
        databaseDown = true;
        output.line(
            u"database_problem"_s, {{u"message"_s, message.simplified()}},
            tr("the database cannot be reached (%1); retrying until it is back").arg(message.simplified()),
            true);
    });
    QObject::connect(&engine, &JobEngine::databaseRestored, &loop, [&] {
        if (!databaseDown)
            return;
        databaseDown = false;
        output.line(u"database_restored"_s, {}, tr("The database connection is back; running jobs again."));
    });
    const auto stop = [&](const QString &reason, const QString &text) {
        stopping = true;
        output.line(u"stopping"_s, {{u"reason"_s, reason}, {u"running"_s, engine.runningCount()}}, text);
        engine.stop();
    };
    // E-mail and text messages that wait (left by a dead worker, or for a worker with
    // settings) get a drain at start (tasks/mail/outbox.h, "Nothing left behind"; the
    // same for tasks/sms). --once waits for those looks, and the worker does not return
    // while one is under way.
    const QStringList kinds = options.kinds.isEmpty() ? registry.names() : options.kinds;
    const bool runsMail = kinds.contains(u"mail.send"_s);
    const bool runsSms = kinds.contains(u"sms.send"_s);
    int looksPending = int(runsMail) + int(runsSms);
    bool quitAfterLooks = false;
    QObject::connect(&engine, &JobEngine::drained, &loop, [&] {
        if (once && !stopping && looksPending == 0)
            stop(u"drained"_s, tr("No runnable job left: stopping (--once)."));
    });
    QObject::connect(&signalWatcher, &UnixSignals::received, &loop, [&](int signalNumber) {
        const QString name = UnixSignals::name(signalNumber);
        if (stopSignal) {
            output.line(u"worker_stopped"_s, {{u"reason"_s, name}, {u"forced"_s, true}},
                        tr("%1 again: quitting at once; the leases of running jobs expire and another worker "
                           "resumes them")
                            .arg(name),
                        true);
            std::_Exit(CommandLine::ExitFailure);
        }
        stopSignal = signalNumber;
        if (stopping)
            return; // already stopping (--once)
        stop(name, tr("%1 received: no new jobs; %n running job(s) stop at their next checkpoint.", nullptr,
                      engine.runningCount())
                       .arg(name));
    });
    QObject::connect(&engine, &JobEngine::stopped, &loop, [&] {
        output.line(u"worker_stopped"_s, {{u"started"_s, started}, {u"finished"_s, finished}},
                    tr("Worker stopped: %n job(s) finished.", nullptr, finished));
        if (looksPending == 0)
            loop.quit();
        else
            quitAfterLooks = true; // the keychain answers (or times out) soon
    });

    output.line(
        u"worker_started"_s,
        {{u"concurrency"_s, options.concurrency},
         {u"kinds"_s, QJsonArray::fromStringList(options.kinds.isEmpty() ? registry.names() : options.kinds)},
         {u"database"_s, db->config().displayUrl()},
         {u"once"_s, once},
         {u"listen"_s, listen}},
        tr("Worker %1 on %2: up to %n job(s) at once, kinds: %3.", nullptr, options.concurrency)
            .arg(engine.workerId(), db->config().displayUrl())
            .arg(options.kinds.isEmpty() ? tr("all") : options.kinds.join(u", "_s)));
    // Nightly pruning of the job history; installing it again is a no-op.
    for (const RecurringJob &recurring : TaskCatalog::defaultRecurring()) {
        if (const VoidResult installed = JobStore(*db).upsertRecurring(recurring); !installed)
            context.error(
                tr("cannot schedule %1: %2").arg(recurring.name, installed.error().message.simplified()));
    }
    if (listen)
        bus.start();
    engine.start();
    // One look per outbox the worker runs; each lives until it is done, and the loop does
    // not end before.
    const auto look = [&](QString kind, QCoro::Task<Result<qint64>> looking) -> QCoro::Task<> {
        const Result<qint64> queued = co_await looking;
        if (!queued)
            context.error(tr("cannot schedule %1: %2").arg(kind, queued.error().message.simplified()));
        if (--looksPending == 0 && quitAfterLooks)
            loop.quit();
        else if (!quitAfterLooks)
            engine.wake();
    };
    if (runsMail) {
        QCoro::Task<> looking = look(u"mail.send"_s, MailTasks::drainPendingOnStart(*db, context.actor()));
        Q_UNUSED(looking) // eager; its frame lives until it ends, before the loop does
    }
    if (runsSms) {
        QCoro::Task<> looking = look(u"sms.send"_s, SmsTasks::drainPendingOnStart(*db, context.actor()));
        Q_UNUSED(looking)
    }
    loop.exec();
    return CommandLine::ExitSuccess;
}

int JobCommands::list(CommandContext &context)
{
    const QCommandLineParser &parser = context.parser();
    JobStore::ListFilter filter;
    if (parser.isSet(stateOption())) {
        const QString code = parser.value(stateOption()).trimmed().toLower();
        filter.state = JobStates::fromCode(code);
        if (!filter.state)
            return context.usageError(tr("unknown job state \"%1\"; valid states: %2")
                                          .arg(parser.value(stateOption()), stateCodes()));
    }
    filter.kind = parser.value(kindOption()).trimmed();
    bool ok = false;
    filter.limit = parser.value(limitOption()).toInt(&ok);
    if (!ok || filter.limit < 1 || filter.limit > kMaxListLimit)
        return context.usageError(tr("--limit must be a whole number from 1 to %1, not \"%2\"")
                                      .arg(kMaxListLimit)
                                      .arg(parser.value(limitOption())));

    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const Result<QList<Job>> jobs = JobStore(*db).list(filter);
    if (!jobs) {
        context.error(tr("cannot list the jobs: %1").arg(jobs.error().message.simplified()));
        return CommandLine::ExitFailure;
    }
    if (context.json()) {
        QJsonArray array;
        for (const Job &job : jobs.value())
            array.append(job.toJson());
        context.printJson(array);
        return CommandLine::ExitSuccess;
    }
    TextTable table(
        {tr("ID"), tr("KIND"), tr("STATE"), tr("PROGRESS"), tr("ATTEMPTS"), tr("CREATED"), tr("ERROR")});
    for (const Job &job : jobs.value()) {
        const QString progress =
            job.progressTotal > 0 ? u"%1/%2"_s.arg(job.progressDone).arg(job.progressTotal) : QString();
        table.addRow({QString::number(job.id), job.kind, JobStates::code(job.state), progress,
                      u"%1/%2"_s.arg(job.attempts).arg(job.maxAttempts), localTime(job.createdAt),
                      TextTable::elided(job.error, 60)});
    }
    context.out(table.toString().chopped(1));
    return CommandLine::ExitSuccess;
}

int JobCommands::show(CommandContext &context)
{
    int code = 0;
    const std::optional<qint64> id = context.idArgument(tr("a job id"), &code);
    if (!id)
        return code;
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const Result<Job> job = JobStore(*db).get(*id);
    if (!job)
        return lookupFailure(context, *id, job.error());
    if (context.json()) {
        context.printJson(job->toJson());
        return CommandLine::ExitSuccess;
    }
    TaskRegistry registry;
    TaskCatalog::registerAll(registry);
    QList<QPair<QString, QString>> rows{
        {tr("Kind"), registry.title(job->kind) == job->kind
                         ? job->kind
                         : u"%1 (%2)"_s.arg(job->kind, registry.title(job->kind))},
        {tr("State"),
         JobStates::code(job->state) +
             (job->cancelRequested && !job->isFinished() ? tr(" (cancel requested)") : QString())},
        {tr("Progress"), job->progressTotal > 0 ? u"%1/%2 %3"_s.arg(job->progressDone)
                                                      .arg(job->progressTotal)
                                                      .arg(job->progressMessage)
                                                      .trimmed()
                                                : QString()},
        {tr("Attempts"), tr("%1 of %2").arg(job->attempts).arg(job->maxAttempts)},
        {tr("Priority"), QString::number(job->priority)},
        {tr("Created"), tr("%1 by %2").arg(localTime(job->createdAt), job->createdBy)},
        {tr("Run after"), localTime(job->runAfter)},
        {tr("Started"), localTime(job->startedAt)},
        {tr("Finished"), localTime(job->finishedAt)},
        {tr("Unique key"), job->uniqueKey},
        {tr("Payload"), job->payload.isEmpty() ? QString() : compactJson(job->payload)},
        {tr("Error"), job->error.simplified()},
        {tr("Result"), job->result.isEmpty() ? QString() : compactJson(job->result)},
    };
    qsizetype width = 0;
    for (const auto &[label, value] : rows)
        width = qMax(width, label.size());
    context.out(tr("Job %1").arg(job->id));
    for (const auto &[label, value] : rows) {
        if (!value.isEmpty())
            context.out(u"  %1  %2"_s.arg(label + u':', -int(width + 1)).arg(value));
    }
    return CommandLine::ExitSuccess;
}

int JobCommands::cancel(CommandContext &context)
{
    int code = 0;
    const std::optional<qint64> id = context.idArgument(tr("a job id"), &code);
    if (!id)
        return code;
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    TaskRegistry titles;
    TaskCatalog::registerAll(titles);
    JobStore store(*db, JobClock::system(), &titles);
    const Result<JobState> state = store.requestCancel(*id);
    if (!state) {
        const DbError error = state.error();
        if (error.code == DbError::Code::NotFound)
            return lookupFailure(context, *id, error);
        if (error.code != DbError::Code::InvalidState) {
            context.error(tr("cannot cancel job %1: %2").arg(*id).arg(error.message.simplified()));
            return CommandLine::ExitFailure;
        }
        const Result<Job> job = store.get(*id);
        context.error(job ? tr("job %1 has already finished (%2): there is nothing to cancel")
                                .arg(*id)
                                .arg(JobStates::code(job->state))
                          : tr("job %1 cannot be cancelled: %2").arg(*id).arg(error.message.simplified()));
        return CommandLine::ExitFailure;
    }
    if (context.json()) {
        const Result<Job> job = store.get(*id);
        if (!job)
            return lookupFailure(context, *id, job.error());
        context.printJson(job->toJson());
    } else if (state.value() == JobState::Cancelled) {
        context.out(tr("Job %1 is cancelled.").arg(*id));
    } else {
        context.out(tr("Job %1 is %2: asked it to stop at its next checkpoint.")
                        .arg(*id)
                        .arg(JobStates::code(state.value())));
    }
    return CommandLine::ExitSuccess;
}

int JobCommands::retry(CommandContext &context)
{
    int code = 0;
    const std::optional<qint64> id = context.idArgument(tr("a job id"), &code);
    if (!id)
        return code;
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    JobStore store(*db);
    const Result<Job> job = store.retry(*id, context.actor());
    if (!job) {
        const DbError error = job.error();
        if (error.code == DbError::Code::NotFound)
            return lookupFailure(context, *id, error);
        if (error.code != DbError::Code::InvalidState) {
            context.error(tr("cannot retry job %1: %2").arg(*id).arg(error.message.simplified()));
            return CommandLine::ExitFailure;
        }
        const Result<Job> current = store.get(*id);
        context.error(current ? tr("job %1 is %2: only failed or cancelled jobs can be retried")
                                    .arg(*id)
                                    .arg(JobStates::code(current->state))
                              : tr("job %1 cannot be retried: %2").arg(*id).arg(error.message.simplified()));
        return CommandLine::ExitFailure;
    }
    if (context.json())
        context.printJson(job->toJson());
    else
        context.out(tr("Job %1 (%2) is queued again with %n attempt(s).", nullptr, job->maxAttempts)
                        .arg(job->id)
                        .arg(job->kind));
    return CommandLine::ExitSuccess;
}

int JobCommands::stats(CommandContext &context)
{
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const Result<QList<JobKindStats>> stats = JobStore(*db).stats();
    if (!stats) {
        context.error(tr("cannot read the job statistics: %1").arg(stats.error().message.simplified()));
        return CommandLine::ExitFailure;
    }
    if (context.json()) {
        QJsonArray array;
        for (const JobKindStats &s : stats.value())
            array.append(s.toJson());
        context.printJson(array);
        return CommandLine::ExitSuccess;
    }
    TextTable table({tr("KIND"), tr("TOTAL"), tr("QUEUED"), tr("RUNNING"), tr("SUCCEEDED"), tr("FAILED"),
                     tr("CANCELLED"), tr("SUCCESS"), tr("MEDIAN"), tr("P95")});
    for (const JobKindStats &s : stats.value()) {
        const bool anyEnded = s.succeeded + s.failed > 0;
        table.addRow({s.kind, QString::number(s.total), QString::number(s.queued), QString::number(s.running),
                      QString::number(s.succeeded), QString::number(s.failed), QString::number(s.cancelled),
                      anyEnded ? tr("%1 %").arg(s.successRate * 100, 0, 'f', 1) : QString(),
                      s.succeeded > 0 ? tr("%1 ms").arg(s.medianMs) : QString(),
                      s.succeeded > 0 ? tr("%1 ms").arg(s.p95Ms) : QString()});
    }
    context.out(table.toString().chopped(1));
    return CommandLine::ExitSuccess;
}

int JobCommands::wait(CommandContext &context)
{
    int code = 0;
    const std::optional<qint64> id = context.idArgument(tr("a job id"), &code);
    if (!id)
        return code;
    bool ok = false;
    const double seconds = context.parser().value(timeoutOption()).toDouble(&ok);
    if (!ok || seconds < 0 || seconds > kMaxLeaseSeconds)
        return context.usageError(tr("--timeout must be a number of seconds from 0 to %1, not \"%2\"")
                                      .arg(kMaxLeaseSeconds)
                                      .arg(context.parser().value(timeoutOption())));
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    JobWaiter::Options options;
    options.timeoutMs = int(seconds * 1000);
    return JobWaiter(context, *db, options).wait(*id);
}
