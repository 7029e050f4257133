#include "tasks/jobengine.h"

#include "models/db/database.h"
#include "models/db/events.h"
#include "models/db/sqlstatement.h"
#include "models/db/threadjob.h"
#include "models/db/transaction.h"
#include "tasks/jobcontext.h"
#include "tasks/jobstore.h"
#include "tasks/taskregistry.h"

#include <QCoreApplication>
#include <QCoroFuture>
#include <QCoroTask>
#include <QCoroTimer>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMutex>
#include <QPointer>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSysInfo>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <optional>
#include <utility>

Q_LOGGING_CATEGORY(lcJobs, "residesk.jobs")

using namespace Qt::StringLiterals;

namespace {

// Unique per engine, also across restarts: a container restarts a worker with the same
// host name and often the same pid, and leases and the outbox's claims name their
// holder by this id (32 random bits, so a restarted worker does not take a dead one's
// name).
QString defaultWorkerId()
{
    return u"%1:%2:%3"_s.arg(QSysInfo::machineHostName())
        .arg(QCoreApplication::applicationPid())
        .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
}

// At most this many finished jobs in one statement (their event must fit one NOTIFY).
constexpr int kMaxCompletionBatch = 32;
// Progress of all running jobs is written (with one event) this often at most.
constexpr int kProgressWriteMs = 250;
// On PostgreSQL the events of claims and completions go out together, at most this
// often (the first after a quiet spell at once). Each NOTIFY wakes every listening
// connection (a desktop each, every worker) and PostgreSQL serialises the commits of
// transactions that notify: one per claim round would cost a busy server more than the
// claims themselves.
constexpr int kEventFlushMs = 250;

} // namespace

// The progress of an engine's running jobs, collected from the runner threads and
// written together (JobStore::setProgressMany: one statement, one event) a few times a
// second; only the latest value of each job is kept.
class ProgressBatch : public JobProgressSink
{
public:
    void report(const JobProgress &progress) override
    {
        QMutexLocker lock(&m_mutex);
        m_pending.insert(progress.id, progress);
    }
    std::optional<JobProgress> take(qint64 jobId) override
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_pending.constFind(jobId);
        if (it == m_pending.constEnd())
            return std::nullopt;
        JobProgress progress = it.value();
        m_pending.erase(it);
        return progress;
    }
    QList<JobProgress> takeAll()
    {
        QMutexLocker lock(&m_mutex);
        QList<JobProgress> all = m_pending.values();
        m_pending.clear();
        return all;
    }

private:
    QMutex m_mutex;
    QHash<qint64, JobProgress> m_pending;
};

// Runs one job at a time on its own thread (the thread it lives in). The task coroutine
// resumes on this thread, so its SQL uses this thread's connection; the outcome is
// recorded here too, then finished() goes to the engine.
class JobRunner : public QObject
{
    Q_OBJECT
public:
    struct Setup
    {
        Database *db;
        const JobClock *clock;
        const TaskRegistry *registry;
        QThreadPool *cpuPool;
        QString owner;
        qint64 backoffBaseMs;
        qint64 backoffMaxMs;
        std::atomic<qint64> *lastConnectionLossMs;
        JobProgressSink *progress;
    };

    explicit JobRunner(Setup setup)
        : m_s(std::move(setup))
    {}

    // Runner thread.
    void start(const Job &job)
    {
        m_busy = true;
        QCoro::Task<> task = execute(job);
        Q_UNUSED(task) // eager; the frame lives until the coroutine ends
    }

    // Any thread.
    void cancel(qint64 jobId, CancelReason reason)
    {
        QMutexLocker lock(&m_mutex);
        if (m_context && m_context->id() == jobId)
            m_context->cancel(reason);
    }
    void cancelAll(CancelReason reason)
    {
        QMutexLocker lock(&m_mutex);
        m_shutdown = m_shutdown || reason == CancelReason::Shutdown;
        if (m_context)
            m_context->cancel(reason);
    }

Q_SIGNALS:
    void finished(qint64 id, JobState state);
    // The attempt ended for good (succeeded, failed, or cancelled by a person): the
    // engine records it with others in one statement. The runner is free.
    void handedOver(qint64 id, const JobCompletion &completion);

private:
    QCoro::Task<> execute(Job job)
    {
        const qint64 startedMs = m_s.clock->nowMs();
        auto context =
            std::make_unique<JobContext>(*m_s.db, *m_s.clock, *m_s.cpuPool, job, m_s.owner, m_s.progress);
        {
            QMutexLocker lock(&m_mutex);
            m_context = context.get();
            if (m_shutdown)
                context->cancel(CancelReason::Shutdown);
        }
        if (job.cancelRequested)
            context->cancel(CancelReason::UserRequest);

        // On PostgreSQL a worker runs a person's job as that person (SET ROLE on this
        // thread's connection), so that the database refuses what the person may not do.
        const bool actsFor =
            m_s.db->isPostgreSQL() && !job.createdBy.isEmpty() && job.createdBy != m_s.db->sessionUser();
        // Named locals for every awaited task: GCC 12 destroys temporaries of a co_await
        // expression twice (bug 100611).
        QCoro::Task<JobOutcome> attempt = runFor(*m_s.db, actsFor, m_s.registry->find(job.kind), *context);
        const JobOutcome outcome = co_await attempt;

        if (!ThreadJob::set(*m_s.db, 0))
            m_s.db->closeThreadConnection(); // must not name this job in the next one's audit
        if (actsFor && !ThreadJob::setRole(*m_s.db, QString())) {
            // A connection still acting for somebody else must not run the next job.
            m_s.db->closeThreadConnection();
        }

        // An attempt that ends the job is recorded by the engine, with others, in one
        // statement; its last progress goes with it. Until then the job stays running
        // under this worker's lease (renewed by the heartbeat): a worker that dies before
        // the batch is written leaves it to another, which resumes it from its last
        // checkpoint, so side effects committed with checkpoints still happen once.
        std::optional<JobCompletion> completion;
        if (context->cancelReason() != CancelReason::LeaseLost && endsTheJob(*context, outcome, startedMs)) {
            completion = JobCompletion{job.id, outcome, job.notifyCreator, false, 0, 0, {}};
            if (m_s.progress)
                m_s.progress->take(job.id);
            if (context->hasProgress()) {
                const JobProgress last = context->lastProgress();
                completion->hasProgress = true;
                completion->done = last.done;
                completion->total = last.total;
                completion->message = last.message;
                completion->msg = last.msg;
            }
        } else if (context->cancelReason() != CancelReason::LeaseLost) {
            context->flushProgress();
        } else if (m_s.progress) {
            m_s.progress->take(job.id);
        }

        JobState after = JobState::Running;
        if (!completion) {
            QCoro::Task<JobState> recording = record(*context, outcome, startedMs);
            after = co_await recording;
        }
        {
            QMutexLocker lock(&m_mutex);
            m_context = nullptr;
        }
        context.reset();
        m_busy = false;
        if (completion)
            Q_EMIT handedOver(job.id, *completion);
        else
            Q_EMIT finished(job.id, after);
        if (m_quitWhenIdle)
            thread()->quit();
    }

    // Whether record() would finish the job (rather than requeue or release it).
    bool endsTheJob(const JobContext &context, const JobOutcome &outcome, qint64 startedMs) const
    {
        const Job &job = context.job();
        switch (outcome.kind) {
        case JobOutcome::Kind::Succeeded:
            return true;
        case JobOutcome::Kind::Cancelled:
            return context.cancelReason() != CancelReason::Shutdown;
        case JobOutcome::Kind::Failed:
            if (m_s.lastConnectionLossMs->load() >= startedMs)
                return false;
            return !(outcome.retryable && job.attempts < maxAttempts(job));
        }
        return false;
    }

public:
    // Runner thread: ends the thread's loop once the current job has been recorded.
    void quitWhenIdle()
    {
        m_quitWhenIdle = true;
        if (!m_busy)
            thread()->quit();
    }

private:
    int maxAttempts(const Job &job) const
    {
        const TaskKind *kind = m_s.registry->find(job.kind);
        return kind && kind->maxAttempts > 0 ? qMin(job.maxAttempts, kind->maxAttempts) : job.maxAttempts;
    }

    static QCoro::Task<JobOutcome> runTask(const TaskKind *kind, JobContext &context)
    {
        if (!kind || !kind->run)
            co_return JobOutcome::failure(
                StoredText("JobRunner",
                           QT_TRANSLATE_NOOP("JobRunner", "This Residesk does not know jobs of kind “%1”."))
                    .arg(context.job().kind),
                false);
        if (context.isCancelled())
            co_return JobOutcome::cancelled();
        // An exception escaping a task is a failed attempt, never a crash: QCoro 0.8's
        // waitFor() would hang on it, and the worker must go on with other jobs.
        StoredText error;
        try {
            QCoro::Task<JobOutcome> task = kind->run(context);
            JobOutcome outcome = co_await task;
            co_return outcome;
        } catch (const std::exception &e) {
            error = StoredText("JobRunner",
                               QT_TRANSLATE_NOOP("JobRunner", "The job stopped with an internal error: %1"))
                        .arg(QString::fromLocal8Bit(e.what()));
        } catch (...) {
            error = StoredText("JobRunner",
                               QT_TRANSLATE_NOOP("JobRunner", "The job stopped with an internal error."));
        }
        // A bug does not go away by trying again.
        co_return JobOutcome::failure(error, false);
    }

    // runTask(), acting for the job's creator first when `actsFor`.
    static QCoro::Task<JobOutcome> runFor(Database &db, bool actsFor, const TaskKind *kind,
                                          JobContext &context)
    {
        if (actsFor) {
            const VoidResult as = ThreadJob::setRole(db, context.job().createdBy);
            if (!as)
                co_return JobOutcome::failure(
                    StoredText(
                        "JobRunner",
                        QT_TRANSLATE_NOOP("JobRunner",
                                          "This job acts for %1, and this worker cannot act for them: %2"))
                        .arg(context.job().createdBy, as.error().message),
                    false);
        }
        // The audit trail names the job every change it makes is for (0012_audit).
        if (const VoidResult job = ThreadJob::set(db, context.job().id); !job)
            co_return JobOutcome::failure(job.error().message, true);
        QCoro::Task<JobOutcome> task = runTask(kind, context);
        JobOutcome outcome = co_await task;
        co_return outcome;
    }

    // Writes the outcome, retrying while the database is unreachable. Returns the job's
    // state afterwards (Running when another worker owns it now).
    QCoro::Task<JobState> record(JobContext &context, const JobOutcome &outcome, qint64 startedMs)
    {
        const Job &job = context.job();
        qint64 delayMs = 500;
        for (;;) {
            const CancelReason reason = context.cancelReason();
            if (reason == CancelReason::LeaseLost) {
                qCInfo(lcJobs) << "job" << job.id << "lost its lease; its outcome is not recorded here";
                co_return JobState::Running;
            }
            JobStore store(*m_s.db, *m_s.clock, m_s.registry);
            DbError error;
            JobState state = JobState::Running;
            const bool connectionTrouble = m_s.lastConnectionLossMs->load() >= startedMs;
            if (outcome.kind == JobOutcome::Kind::Cancelled && reason == CancelReason::Shutdown) {
                const VoidResult r = store.release(job.id, m_s.owner);
                error = r ? DbError() : r.error();
                state = JobState::Queued;
            } else if (outcome.kind == JobOutcome::Kind::Failed && connectionTrouble) {
                // The database went away during the attempt: not the task's fault, so
                // no attempt is spent; it runs again when the database is back.
                const VoidResult r = store.release(job.id, m_s.owner);
                error = r ? DbError() : r.error();
                state = JobState::Queued;
            } else if (outcome.kind == JobOutcome::Kind::Failed && outcome.retryable &&
                       job.attempts < maxAttempts(job)) {
                const qint64 delay =
                    JobEngine::backoffDelay(job.attempts, m_s.backoffBaseMs, m_s.backoffMaxMs,
                                            QRandomGenerator::global()->generateDouble());
                const Result<Job> r = store.requeue(job.id, m_s.owner, outcome.error,
                                                    m_s.clock->nowMs() + delay, outcome.errorMsg);
                error = r ? DbError() : r.error();
                state = JobState::Queued;
            } else {
                const Result<Job> r = store.finish(job.id, m_s.owner, outcome);
                error = r ? DbError() : r.error();
                state = r ? r->state : JobState::Running;
            }
            if (error.code == DbError::Code::None)
                co_return state;
            if (error.code == DbError::Code::LeaseLost) {
                qCInfo(lcJobs) << "job" << job.id << "lost its lease before its outcome was recorded";
                co_return JobState::Running;
            }
            bool shuttingDown = false;
            {
                QMutexLocker lock(&m_mutex);
                shuttingDown = m_shutdown;
            }
            if (!error.isConnectionProblem() || shuttingDown) {
                // Give up: the lease runs out and another worker (or this one, later)
                // resumes the job from its checkpoint.
                qCWarning(lcJobs) << "job" << job.id << "outcome not recorded:" << error.message
                                  << error.detail;
                co_return JobState::Running;
            }
            qCInfo(lcJobs) << "job" << job.id << "outcome not recorded yet, retrying in" << delayMs
                           << "ms:" << error.message;
            QCoro::Task<> pause =
                QCoro::sleepFor(std::chrono::milliseconds(delayMs)); // named: GCC 12 bug 100611
            co_await pause;
            delayMs = qMin<qint64>(delayMs * 2, 10000);
        }
    }

    Setup m_s;
    QMutex m_mutex;
    JobContext *m_context = nullptr;
    bool m_shutdown = false;
    bool m_busy = false;         // runner thread only
    bool m_quitWhenIdle = false; // runner thread only
};

class JobEngine::Private
{
public:
    struct Slot
    {
        QThread *thread = nullptr;
        JobRunner *runner = nullptr;
        qint64 jobId = 0;
        QString kind;
        // A job claimed again (a retry) while its previous attempt's runner had not yet
        // reported: started once that report is in, so that its jobFinished comes first.
        std::optional<Job> waitingStart;
    };
    // Starts `job` in `slot` (claimed for it) and says so.
    void startInSlot(Slot &slot, const Job &job);
    // The slot waiting to start another attempt of `id`, once `id`'s runner reported.
    void startWaiting(qint64 id);

    Private(JobEngine *q, Database &db, const TaskRegistry &registry, JobEngineOptions options,
            const JobClock &clock)
        : q(q)
        , db(db)
        , registry(registry)
        , options(std::move(options))
        , clock(clock)
    {}

    QCoro::Task<> claimLoop();
    QCoro::Task<> writeProgress();
    // Claims' and completions' events (PostgreSQL): held, then sent together.
    void queueEvents(const QList<Job> &jobs, qint64 atMs);
    void scheduleEventFlush();
    QCoro::Task<> flushEvents();
    QCoro::Task<> heartbeat();
    QCoro::Task<> fireRecurring();
    void onRunnerFinished(int slotIndex, qint64 id, JobState state);
    void onRunnerHandedOver(int slotIndex, qint64 id, const JobCompletion &completion);
    bool anyRunning() const;
    void stopWhenIdle();
    QHash<QString, int> freeSlots(int *total) const;
    void scheduleRetry();
    void finishStop();
    void joinThreads(int graceMs);

    JobEngine *q;
    Database &db;
    const TaskRegistry &registry;
    JobEngineOptions options;
    const JobClock &clock;
    QStringList kinds;

    QThreadPool controlPool;
    QThreadPool cpuPool;
    QList<Slot> m_slots;
    QTimer pollTimer;
    QTimer heartbeatTimer;
    QTimer retryTimer;
    QTimer graceTimer;
    QTimer completionTimer; // a short wait for more completions to share one statement
    QTimer progressTimer;
    QTimer eventTimer;
    QList<Job> pendingEvents;   // changed by claims and completions, not announced yet
    qint64 pendingEventsAt = 0; // when the first of them changed
    QElapsedTimer lastEventFlush;
    bool eventFlushInFlight = false;
    std::atomic<qint64> lastConnectionLossMs{0};
    ProgressBatch progress;
    QList<JobCompletion> completions; // handed over, not recorded yet
    QList<JobCompletion> recording;   // being recorded now
    qint64 lastAbandonedCheckMs = 0;
    bool progressInFlight = false;
    bool graceOver = false;

    bool started = false;
    bool stopping = false;
    bool stoppedEmitted = false;
    bool claimInFlight = false;
    bool wakeRequested = false;
    bool heartbeatInFlight = false;
    bool recurringInFlight = false;
    bool databaseDown = false;
    qint64 retryDelayMs = 500;
};

JobEngineOptions JobEngineOptions::desktop()
{
    JobEngineOptions options;
    options.concurrency = 2;
    options.cpuThreads = qMax(1, QThread::idealThreadCount() - 1);
    options.cpuPriority = QThread::IdlePriority;
    options.ownJobsOnly = true;
    return options;
}

JobEngine::JobEngine(Database &db, const TaskRegistry &registry, JobEngineOptions options,
                     const JobClock &clock, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, db, registry, std::move(options), clock))
{
    if (d->options.workerId.isEmpty())
        d->options.workerId = defaultWorkerId();
    d->options.concurrency = qMax(1, d->options.concurrency);
    d->options.leaseMs = qMax<qint64>(1000, d->options.leaseMs);
    d->kinds = d->options.kinds.isEmpty() ? registry.names() : d->options.kinds;

    d->controlPool.setMaxThreadCount(1);
    d->controlPool.setExpiryTimeout(-1);
    d->cpuPool.setMaxThreadCount(d->options.cpuThreads > 0 ? d->options.cpuThreads
                                                           : QThread::idealThreadCount());
    d->cpuPool.setThreadPriority(d->options.cpuPriority);

    d->pollTimer.setInterval(qMax(50, d->options.pollIntervalMs));
    connect(&d->pollTimer, &QTimer::timeout, this, [this] {
        wake();
        if (d->options.runRecurring)
            d->fireRecurring();
    });
    d->heartbeatTimer.setInterval(int(qBound(qint64(200), d->options.leaseMs / 3, qint64(5000))));
    connect(&d->heartbeatTimer, &QTimer::timeout, this, [this] { d->heartbeat(); });
    d->retryTimer.setSingleShot(true);
    connect(&d->retryTimer, &QTimer::timeout, this, [this] { wake(); });
    d->completionTimer.setSingleShot(true);
    d->completionTimer.setInterval(qMax(0, d->options.completionWaitMs));
    connect(&d->completionTimer, &QTimer::timeout, this, [this] {
        if (d->stopping && !d->completions.isEmpty() && !d->claimInFlight)
            d->claimLoop(); // records them; claims nothing
        else
            wake();
    });
    d->eventTimer.setSingleShot(true);
    connect(&d->eventTimer, &QTimer::timeout, this, [this] { d->scheduleEventFlush(); });
    d->progressTimer.setInterval(kProgressWriteMs);
    connect(&d->progressTimer, &QTimer::timeout, this, [this] { d->writeProgress(); });
    d->graceTimer.setSingleShot(true);
    connect(&d->graceTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcJobs) << "jobs still running after the grace period; their leases will expire";
        d->graceOver = true;
        d->stopWhenIdle();
    });

    connect(
        &db, &Database::connectionLost, this,
        [this](const QString &) { d->lastConnectionLossMs.store(d->clock.nowMs()); }, Qt::DirectConnection);
}

JobEngine::~JobEngine()
{
    if (d->started && !d->stoppedEmitted) {
        d->stopping = true;
        d->pollTimer.stop();
        d->heartbeatTimer.stop();
        for (const Private::Slot &slot : std::as_const(d->m_slots))
            slot.runner->cancelAll(CancelReason::Shutdown);
    }
    d->joinThreads(d->options.shutdownGraceMs);
    d->controlPool.waitForDone();
    // Finished jobs not recorded yet: recorded now (else their leases expire and they
    // run again from their last checkpoints).
    if (!d->completions.isEmpty()) {
        Database *database = &d->db;
        const JobClock *clk = &d->clock;
        const TaskRegistry *titles = &d->registry;
        const QString owner = d->options.workerId;
        const QList<JobCompletion> batch = d->completions;
        QtConcurrent::run(&d->controlPool, [database, clk, titles, owner, batch] {
            for (qsizetype from = 0; from < batch.size(); from += kMaxCompletionBatch)
                JobStore(*database, *clk, titles).finishMany(owner, batch.mid(from, kMaxCompletionBatch));
        }).waitForFinished();
    }
    // Events not sent yet: sent now, so that listeners see how the jobs ended.
    if (!d->pendingEvents.isEmpty()) {
        Database *database = &d->db;
        const QList<Job> jobs = std::exchange(d->pendingEvents, {});
        const qint64 at = d->pendingEventsAt;
        QtConcurrent::run(&d->controlPool, [database, jobs, at] {
            JobStore::publishEvents(*database, jobs, at);
        }).waitForFinished();
    }
    d->cpuPool.waitForDone();
}

void JobEngine::setEventBus(EventBus *bus)
{
    if (!bus)
        return;
    connect(bus, &EventBus::jobsChanged, this, [this](const QList<JobChange> &changes) {
        for (const JobChange &change : changes) {
            if (change.state == u"queued"_s) {
                if (d->kinds.contains(change.kind))
                    wake();
            } else if (change.state == u"running"_s && change.cancel) {
                cancelRunning(change.id);
            }
        }
    });
    connect(bus, &EventBus::resynced, this, &JobEngine::wake);
}

void JobEngine::start()
{
    if (d->started)
        return;
    d->started = true;
    for (int i = 0; i < d->options.concurrency; ++i) {
        Private::Slot slot;
        slot.thread = new QThread(this);
        slot.thread->setObjectName(u"job-runner-%1"_s.arg(i + 1));
        slot.runner =
            new JobRunner({&d->db, &d->clock, &d->registry, &d->cpuPool, d->options.workerId,
                           d->options.backoffBaseMs, d->options.backoffMaxMs, &d->lastConnectionLossMs,
                           d->options.batchProgress ? &d->progress : nullptr});
        slot.runner->moveToThread(slot.thread);
        connect(slot.thread, &QThread::finished, slot.runner, &QObject::deleteLater);
        connect(slot.runner, &JobRunner::finished, this,
                [this, i](qint64 id, JobState state) { d->onRunnerFinished(i, id, state); });
        connect(slot.runner, &JobRunner::handedOver, this,
                [this, i](qint64 id, const JobCompletion &completion) {
                    d->onRunnerHandedOver(i, id, completion);
                });
        slot.thread->start();
        d->m_slots.append(slot);
    }
    d->pollTimer.start();
    d->heartbeatTimer.start();
    d->progressTimer.start();
    qCInfo(lcJobs) << "engine" << d->options.workerId << "started:" << d->options.concurrency
                   << "runners, kinds" << d->kinds;
    wake();
    if (d->options.runRecurring)
        d->fireRecurring();
}

void JobEngine::stop()
{
    if (!d->started || d->stopping)
        return;
    d->stopping = true;
    d->pollTimer.stop();
    d->retryTimer.stop();
    for (const Private::Slot &slot : std::as_const(d->m_slots))
        slot.runner->cancelAll(CancelReason::Shutdown);
    if (!d->anyRunning()) {
        QTimer::singleShot(0, this, [this] { d->stopWhenIdle(); });
        return;
    }
    d->graceTimer.start(qMax(0, d->options.shutdownGraceMs));
}

void JobEngine::wake()
{
    if (!d->started || d->stopping)
        return;
    if (d->claimInFlight) {
        d->wakeRequested = true;
        return;
    }
    d->claimLoop();
}

void JobEngine::cancelRunning(qint64 id)
{
    for (const Private::Slot &slot : std::as_const(d->m_slots)) {
        if (slot.jobId == id)
            slot.runner->cancel(id, CancelReason::UserRequest);
    }
}

QString JobEngine::workerId() const
{
    return d->options.workerId;
}

const JobEngineOptions &JobEngine::options() const
{
    return d->options;
}

void JobEngine::setRunRecurring(bool run)
{
    Q_ASSERT(!isStarted());
    d->options.runRecurring = run;
}

bool JobEngine::isStarted() const
{
    return d->started && !d->stopping;
}

int JobEngine::runningCount() const
{
    return int(runningJobs().size());
}

QList<qint64> JobEngine::runningJobs() const
{
    QList<qint64> ids;
    for (const Private::Slot &slot : std::as_const(d->m_slots)) {
        if (slot.jobId != 0)
            ids.append(slot.jobId);
    }
    return ids;
}

qint64 JobEngine::backoffDelay(int attempt, qint64 baseMs, qint64 maxMs, double jitter)
{
    const int exponent = qBound(0, attempt - 1, 30);
    const double raw = double(baseMs) * double(qint64(1) << exponent);
    const double capped = qMin(raw, double(maxMs));
    // ±20 %: workers that failed together do not all come back at the same moment.
    const double factor = 0.8 + 0.4 * qBound(0.0, jitter, 1.0);
    return qMax<qint64>(0, qint64(capped * factor));
}

QHash<QString, int> JobEngine::Private::freeSlots(int *total) const
{
    int free = 0;
    QHash<QString, int> runningPerKind;
    for (const Slot &slot : m_slots) {
        if (slot.jobId == 0)
            ++free;
        else
            ++runningPerKind[slot.kind];
    }
    *total = free;
    QHash<QString, int> result;
    if (free == 0)
        return result;
    for (const QString &kind : kinds) {
        const TaskKind *task = registry.find(kind);
        int allowed = free;
        if (task && task->maxConcurrency > 0)
            allowed = qMin(free, task->maxConcurrency - runningPerKind.value(kind));
        if (allowed > 0)
            result.insert(kind, allowed);
    }
    return result;
}

bool JobEngine::Private::anyRunning() const
{
    for (const Slot &slot : m_slots) {
        if (slot.jobId != 0)
            return true;
    }
    return false;
}

// One round of the control thread's work, repeated while there is more: record the
// completions handed over (one statement for all, one event), then claim jobs for the
// free runners (one statement, one event).
QCoro::Task<> JobEngine::Private::claimLoop()
{
    QPointer<JobEngine> guard(q);
    claimInFlight = true;
    do {
        wakeRequested = false;
        // Finished jobs go now unless they are waiting for others to share a statement.
        if (stopping || !completionTimer.isActive() || completions.size() >= kMaxCompletionBatch ||
            !anyRunning()) {
            completionTimer.stop();
            recording = completions.mid(0, kMaxCompletionBatch);
            completions.remove(0, recording.size());
        }
        int free = 0;
        const QHash<QString, int> perKind = stopping ? QHash<QString, int>() : freeSlots(&free);
        const bool claiming = free > 0 && !perKind.isEmpty();
        if (!claiming && recording.isEmpty())
            break;
        const QString owner = options.workerId;
        const qint64 leaseMs = options.leaseMs;
        Database *database = &db;
        const JobClock *clk = &clock;
        const TaskRegistry *titles = &registry;
        const bool ownOnly = options.ownJobsOnly && db.isPostgreSQL();
        const qint64 now = clock.nowMs();
        // Running jobs whose worker died are looked for about once a poll interval, not
        // on every claim: failed when no attempts are left, otherwise claimed again.
        const bool checkLeases = claiming && now - lastAbandonedCheckMs >= qMax(50, options.pollIntervalMs);
        if (checkLeases)
            lastAbandonedCheckMs = now;
        struct Round
        {
            Result<QList<Job>> recorded = QList<Job>();
            Result<QList<Job>> claimed = QList<Job>();
            QList<Job> events; // committed changes whose events are still to be sent
        };
        const QList<JobCompletion> batch = recording;
        auto future = QtConcurrent::run(&controlPool, [database, clk, titles, owner, perKind, free, leaseMs,
                                                       ownOnly, claiming, checkLeases, batch] {
            Round round;
            QString creator;
            if (claiming && ownOnly) {
                if (Result<QSqlDatabase> connected = database->connection(); !connected) {
                    round.claimed = connected.error();
                    round.recorded = connected.error();
                    return round;
                }
                creator = database->sessionUser();
            }
            JobStore store(*database, *clk, titles);
            QList<Job> events;
            store.deferEvents(&events);
            if (!batch.isEmpty() && claiming) {
                // Both in one transaction: one commit (the disk's flush is the cost that
                // counts) and one event for the jobs that ended and those that start; on
                // PostgreSQL usually one statement, one round trip.
                const Result<JobStore::FinishedAndClaimed> both =
                    store.finishAndClaim(owner, batch, perKind, free, leaseMs, creator, checkLeases);
                if (both) {
                    round.recorded = both->finished;
                    round.claimed = both->claimed;
                } else {
                    round.recorded = both.error();
                }
                if (round.recorded) {
                    round.events = events;
                    return round;
                }
                events.clear(); // rolled back
                if (round.recorded.error().isConnectionProblem())
                    return round;
                // The batch could not be written (a job's notification refused, say):
                // the claim alone, the batch is reported below.
                round.claimed = store.claim(owner, perKind, free, leaseMs, creator, checkLeases, checkLeases);
                round.events = events;
                return round;
            }
            if (!batch.isEmpty())
                round.recorded = store.finishMany(owner, batch);
            if (claiming)
                round.claimed = store.claim(owner, perKind, free, leaseMs, creator, checkLeases, checkLeases);
            round.events = events;
            return round;
        });
        const Round round = co_await future;
        if (!guard)
            co_return;
        queueEvents(round.events, now);

        // The completions: each job that was recorded ends here; a missing one lost its
        // lease meanwhile (another worker has it now).
        if (!batch.isEmpty()) {
            recording.clear();
            if (!round.recorded) {
                const DbError error = round.recorded.error();
                if (error.isConnectionProblem()) {
                    // Kept, in order, for the next round (the leases are still renewed).
                    completions = batch + completions;
                    if (!databaseDown) {
                        databaseDown = true;
                        qCWarning(lcJobs) << "cannot record finished jobs:" << error.message << error.detail;
                        Q_EMIT q->databaseProblem(error.message);
                    }
                    scheduleRetry();
                    break;
                }
                // Not recorded: the leases expire and the jobs run again from their last
                // checkpoints.
                qCWarning(lcJobs) << "finished jobs not recorded:" << error.message << error.detail;
                for (const JobCompletion &c : batch)
                    Q_EMIT q->jobFinished(c.id, JobState::Running);
            } else {
                QHash<qint64, JobState> states;
                for (const Job &job : round.recorded.value())
                    states.insert(job.id, job.state);
                for (const JobCompletion &c : batch) {
                    const JobState state = states.value(c.id, JobState::Running);
                    if (state == JobState::Running)
                        qCInfo(lcJobs) << "job" << c.id << "lost its lease before its outcome was recorded";
                    qCDebug(lcJobs) << "job" << c.id << "ended as" << JobStates::code(state);
                    Q_EMIT q->jobFinished(c.id, state);
                    if (!guard)
                        co_return;
                }
            }
        }
        if (!claiming)
            continue;

        const Result<QList<Job>> &claimed = round.claimed;
        if (!claimed) {
            const DbError error = claimed.error();
            if (!databaseDown) {
                databaseDown = true;
                qCWarning(lcJobs) << "cannot claim jobs:" << error.message << error.detail;
                Q_EMIT q->databaseProblem(error.message);
            }
            scheduleRetry();
            break;
        }
        if (databaseDown) {
            databaseDown = false;
            retryDelayMs = 500;
            Q_EMIT q->databaseRestored();
        }
        if (stopping) {
            // Claimed while a stop was requested: give the jobs straight back.
            for (const Job &job : claimed.value()) {
                Database *database2 = &db;
                auto release = QtConcurrent::run(&controlPool, [database2, clk, owner, id = job.id] {
                    return JobStore(*database2, *clk).release(id, owner);
                });
                co_await release;
                if (!guard)
                    co_return;
            }
            continue;
        }
        for (const Job &job : claimed.value()) {
            const auto slot =
                std::find_if(m_slots.begin(), m_slots.end(), [](const Slot &s) { return s.jobId == 0; });
            if (slot == m_slots.end())
                break; // cannot happen: claimed at most the free m_slots
            // A retry claimed before the runner of its previous attempt reported (it
            // recorded that attempt itself): started after that report.
            const bool previousUnreported =
                std::any_of(m_slots.cbegin(), m_slots.cend(),
                            [&job](const Slot &s) { return s.jobId == job.id && !s.waitingStart; });
            slot->jobId = job.id;
            slot->kind = job.kind;
            if (previousUnreported) {
                slot->waitingStart = job;
                continue;
            }
            startInSlot(*slot, job);
        }
        if (claimed->isEmpty() && !anyRunning() && completions.isEmpty() && !wakeRequested)
            Q_EMIT q->drained();
    } while ((wakeRequested && !stopping) || (!completions.isEmpty() && !completionTimer.isActive()));
    if (!guard)
        co_return;
    claimInFlight = false;
    if (stopping)
        stopWhenIdle();
}

QCoro::Task<> JobEngine::Private::writeProgress()
{
    if (progressInFlight)
        co_return;
    const QList<JobProgress> updates = progress.takeAll();
    if (updates.isEmpty())
        co_return;
    QPointer<JobEngine> guard(q);
    progressInFlight = true;
    Database *database = &db;
    const JobClock *clk = &clock;
    const QString owner = options.workerId;
    auto future = QtConcurrent::run(&controlPool, [database, clk, owner, updates] {
        return JobStore(*database, *clk).setProgressMany(owner, updates);
    });
    const Result<QList<qint64>> written = co_await future;
    if (!guard)
        co_return;
    progressInFlight = false;
    if (!written)
        qCWarning(lcJobs) << "progress not saved:" << written.error().message;
}

void JobEngine::Private::queueEvents(const QList<Job> &jobs, qint64 atMs)
{
    if (jobs.isEmpty())
        return;
    if (pendingEvents.isEmpty())
        pendingEventsAt = atMs;
    pendingEvents += jobs;
    if (stopping)
        return; // stopWhenIdle() sends them
    scheduleEventFlush();
}

void JobEngine::Private::scheduleEventFlush()
{
    if (eventFlushInFlight || pendingEvents.isEmpty())
        return;
    const qint64 since = lastEventFlush.isValid() ? lastEventFlush.elapsed() : qint64(kEventFlushMs);
    if (since >= kEventFlushMs || stopping)
        flushEvents();
    else if (!eventTimer.isActive())
        eventTimer.start(int(kEventFlushMs - since));
}

// One transaction with as few NOTIFYs as the entries need (JobStore::publishEvents):
// every listener wakes once for everything this engine did meanwhile. A lost
// connection loses them; the listeners resynchronise when theirs comes back.
QCoro::Task<> JobEngine::Private::flushEvents()
{
    QPointer<JobEngine> guard(q);
    eventFlushInFlight = true;
    lastEventFlush.start();
    eventTimer.stop();
    const QList<Job> jobs = std::exchange(pendingEvents, {});
    const qint64 at = pendingEventsAt;
    Database *database = &db;
    auto future = QtConcurrent::run(
        &controlPool, [database, jobs, at] { return JobStore::publishEvents(*database, jobs, at); });
    const VoidResult sent = co_await future;
    if (!guard)
        co_return;
    eventFlushInFlight = false;
    if (!sent)
        qCWarning(lcJobs) << "job events not sent:" << sent.error().message;
    if (stopping)
        stopWhenIdle();
    else
        scheduleEventFlush();
}

void JobEngine::Private::scheduleRetry()
{
    retryTimer.start(int(retryDelayMs));
    retryDelayMs = qMin<qint64>(retryDelayMs * 2, 30000);
}

QCoro::Task<> JobEngine::Private::heartbeat()
{
    if (heartbeatInFlight)
        co_return;
    QList<qint64> ids;
    for (const Slot &slot : m_slots) {
        if (slot.jobId != 0)
            ids.append(slot.jobId);
    }
    // Finished jobs not recorded yet keep their leases until they are.
    for (const QList<JobCompletion> *list : {&completions, &recording}) {
        for (const JobCompletion &c : *list)
            ids.append(c.id);
    }
    if (ids.isEmpty())
        co_return;
    QPointer<JobEngine> guard(q);
    heartbeatInFlight = true;
    Database *database = &db;
    const JobClock *clk = &clock;
    const QString owner = options.workerId;
    const qint64 leaseMs = options.leaseMs;
    auto future = QtConcurrent::run(&controlPool, [database, clk, owner, ids, leaseMs] {
        return JobStore(*database, *clk).heartbeat(owner, ids, leaseMs);
    });
    const Result<QHash<qint64, bool>> held = co_await future;
    if (!guard)
        co_return;
    heartbeatInFlight = false;
    if (!held) {
        qCWarning(lcJobs) << "heartbeat failed:" << held.error().message;
        co_return;
    }
    for (const Slot &slot : m_slots) {
        if (slot.jobId == 0 || !ids.contains(slot.jobId))
            continue;
        const auto it = held->constFind(slot.jobId);
        if (it == held->constEnd())
            slot.runner->cancel(slot.jobId, CancelReason::LeaseLost);
        else if (it.value())
            slot.runner->cancel(slot.jobId, CancelReason::UserRequest);
    }
}

QCoro::Task<> JobEngine::Private::fireRecurring()
{
    if (recurringInFlight || stopping)
        co_return;
    QPointer<JobEngine> guard(q);
    recurringInFlight = true;
    Database *database = &db;
    const JobClock *clk = &clock;
    auto future = QtConcurrent::run(&controlPool, [database, clk] {
        return JobStore(*database, *clk).fireDueRecurring(Actor{u"scheduler"_s, Actor::Role::Admin});
    });
    const Result<int> fired = co_await future;
    if (!guard)
        co_return;
    recurringInFlight = false;
    if (fired && fired.value() > 0)
        q->wake();
}

void JobEngine::Private::startInSlot(Slot &slot, const Job &job)
{
    slot.waitingStart.reset();
    JobRunner *runner = slot.runner;
    QMetaObject::invokeMethod(
        runner, [runner, job] { runner->start(job); }, Qt::QueuedConnection);
    qCDebug(lcJobs) << "started job" << job.id << job.kind << "attempt" << job.attempts;
    Q_EMIT q->jobStarted(job.id, job.kind);
}

void JobEngine::Private::startWaiting(qint64 id)
{
    for (Slot &slot : m_slots) {
        if (!slot.waitingStart || slot.waitingStart->id != id)
            continue;
        const Job job = *slot.waitingStart;
        if (!stopping) {
            startInSlot(slot, job);
            return;
        }
        // Stopping: the claim goes back to the queue instead.
        slot.waitingStart.reset();
        slot.jobId = 0;
        slot.kind.clear();
        Database *database = &db;
        const JobClock *clk = &clock;
        QtConcurrent::run(&controlPool, [database, clk, owner = options.workerId, id] {
            JobStore(*database, *clk).release(id, owner);
        });
        return;
    }
}

void JobEngine::Private::onRunnerFinished(int slotIndex, qint64 id, JobState state)
{
    Slot &slot = m_slots[slotIndex];
    if (slot.jobId == id) {
        slot.jobId = 0;
        slot.kind.clear();
    }
    qCDebug(lcJobs) << "job" << id << "ended as" << JobStates::code(state);
    Q_EMIT q->jobFinished(id, state);
    startWaiting(id);
    if (stopping) {
        stopWhenIdle();
        return;
    }
    q->wake();
}

void JobEngine::Private::onRunnerHandedOver(int slotIndex, qint64 id, const JobCompletion &completion)
{
    Slot &slot = m_slots[slotIndex];
    if (slot.jobId == id) {
        slot.jobId = 0;
        slot.kind.clear();
    }
    completions.append(completion);
    // Recorded (and the free runners fed) at once when no runner is busy any more or
    // the batch is full; otherwise after a few milliseconds, with whatever else ended.
    if (!anyRunning() || completions.size() >= kMaxCompletionBatch) {
        if (stopping) {
            if (!claimInFlight)
                claimLoop();
        } else {
            q->wake();
        }
    } else if (!completionTimer.isActive()) {
        completionTimer.start();
    }
}

void JobEngine::Private::stopWhenIdle()
{
    if (anyRunning() && !graceOver)
        return;
    if (!completions.isEmpty()) {
        if (!claimInFlight)
            claimLoop(); // records them, then comes back here
        return;
    }
    if (claimInFlight)
        return;
    // Listeners hear how the jobs ended before the engine says it stopped.
    if (!pendingEvents.isEmpty() || eventFlushInFlight) {
        if (!eventFlushInFlight)
            flushEvents(); // comes back here
        return;
    }
    finishStop();
}

void JobEngine::Private::finishStop()
{
    if (stoppedEmitted)
        return;
    stoppedEmitted = true;
    graceTimer.stop();
    heartbeatTimer.stop();
    completionTimer.stop();
    progressTimer.stop();
    eventTimer.stop();
    qCInfo(lcJobs) << "engine" << options.workerId << "stopped";
    Q_EMIT q->stopped();
}

void JobEngine::Private::joinThreads(int graceMs)
{
    // Let a job that is stopping record its outcome (release) before its thread ends;
    // after the deadline the thread's loop is stopped regardless, and the job's lease
    // expires (another worker resumes it from its checkpoint).
    for (const Slot &slot : std::as_const(m_slots)) {
        JobRunner *runner = slot.runner;
        QMetaObject::invokeMethod(
            runner, [runner] { runner->quitWhenIdle(); }, Qt::QueuedConnection);
    }
    QDeadlineTimer deadline(qMax(0, graceMs));
    for (const Slot &slot : std::as_const(m_slots)) {
        if (!slot.thread->wait(deadline)) {
            qCWarning(lcJobs) << slot.thread->objectName()
                              << "did not stop in time; its job's lease will expire";
            slot.thread->quit();
            slot.thread->wait();
        }
    }
}

#include "jobengine.moc"
