#include "tasks/jobengine.h"

#include "models/db/database.h"
#include "models/db/sqlstatement.h"
#include "models/db/threadjob.h"
#include "models/db/events.h"
#include "tasks/jobcontext.h"
#include "tasks/jobstore.h"
#include "tasks/taskregistry.h"

#include <QCoreApplication>
#include <QCoroFuture>
#include <QCoroTask>
#include <QCoroTimer>
#include <QDeadlineTimer>
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

#include <atomic>
#include <chrono>
#include <exception>

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

} // namespace

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

private:
    QCoro::Task<> execute(Job job)
    {
        const qint64 startedMs = m_s.clock->nowMs();
        auto context = std::make_unique<JobContext>(*m_s.db, *m_s.clock, *m_s.cpuPool, job, m_s.owner);
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
        if (context->cancelReason() != CancelReason::LeaseLost)
            context->flushProgress();

        if (!ThreadJob::set(*m_s.db, 0))
            m_s.db->closeThreadConnection(); // must not name this job in the next one's audit

        QCoro::Task<JobState> recording = record(*context, outcome, startedMs);
        const JobState after = co_await recording;
        if (actsFor && !SqlStatement::run(*m_s.db, u"SELECT set_config('role', 'none', false)"_s)) {
            // A connection still acting for somebody else must not run the next job.
            m_s.db->closeThreadConnection();
        }
        {
            QMutexLocker lock(&m_mutex);
            m_context = nullptr;
        }
        context.reset();
        m_busy = false;
        Q_EMIT finished(job.id, after);
        if (m_quitWhenIdle)
            thread()->quit();
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
                tr("This Residesk does not know jobs of kind “%1”.").arg(context.job().kind), false);
        if (context.isCancelled())
            co_return JobOutcome::cancelled();
        // An exception escaping a task is a failed attempt, never a crash: QCoro 0.8's
        // waitFor() would hang on it, and the worker must go on with other jobs.
        QString error;
        try {
            QCoro::Task<JobOutcome> task = kind->run(context);
            JobOutcome outcome = co_await task;
            co_return outcome;
        } catch (const std::exception &e) {
            error = tr("The job stopped with an internal error: %1").arg(QString::fromLocal8Bit(e.what()));
        } catch (...) {
            error = tr("The job stopped with an internal error.");
        }
        // A bug does not go away by trying again.
        co_return JobOutcome::failure(error, false);
    }

    // runTask(), acting for the job's creator first when `actsFor`.
    static QCoro::Task<JobOutcome> runFor(Database &db, bool actsFor, const TaskKind *kind,
                                          JobContext &context)
    {
        if (actsFor) {
            const VoidResult as =
                SqlStatement::run(db, u"SELECT set_config('role', ?, false)"_s, {context.job().createdBy});
            if (!as)
                co_return JobOutcome::failure(
                    tr("This job acts for %1, and this worker cannot act for them: %2")
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
                const Result<Job> r =
                    store.requeue(job.id, m_s.owner, outcome.error, m_s.clock->nowMs() + delay);
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
    };

    Private(JobEngine *q, Database &db, const TaskRegistry &registry, JobEngineOptions options,
            const JobClock &clock)
        : q(q)
        , db(db)
        , registry(registry)
        , options(std::move(options))
        , clock(clock)
    {}

    QCoro::Task<> claimLoop();
    QCoro::Task<> heartbeat();
    QCoro::Task<> fireRecurring();
    void onRunnerFinished(int slotIndex, qint64 id, JobState state);
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
    std::atomic<qint64> lastConnectionLossMs{0};

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
    d->graceTimer.setSingleShot(true);
    connect(&d->graceTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcJobs) << "jobs still running after the grace period; their leases will expire";
        d->finishStop();
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
    d->cpuPool.waitForDone();
}

void JobEngine::setEventBus(EventBus *bus)
{
    if (!bus)
        return;
    connect(bus, &EventBus::jobEvent, this, [this](const QJsonObject &event) {
        const QString state = event.value(u"state"_s).toString();
        const qint64 id = event.value(u"id"_s).toInteger();
        if (state == u"queued"_s) {
            if (d->kinds.contains(event.value(u"kind"_s).toString()))
                wake();
        } else if (state == u"running"_s && event.value(u"cancel"_s).toBool()) {
            cancelRunning(id);
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
                           d->options.backoffBaseMs, d->options.backoffMaxMs, &d->lastConnectionLossMs});
        slot.runner->moveToThread(slot.thread);
        connect(slot.thread, &QThread::finished, slot.runner, &QObject::deleteLater);
        connect(slot.runner, &JobRunner::finished, this,
                [this, i](qint64 id, JobState state) { d->onRunnerFinished(i, id, state); });
        slot.thread->start();
        d->m_slots.append(slot);
    }
    d->pollTimer.start();
    d->heartbeatTimer.start();
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
    bool anyRunning = false;
    for (const Private::Slot &slot : std::as_const(d->m_slots)) {
        slot.runner->cancelAll(CancelReason::Shutdown);
        anyRunning = anyRunning || slot.jobId != 0;
    }
    if (!anyRunning) {
        QTimer::singleShot(0, this, [this] { d->finishStop(); });
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

QCoro::Task<> JobEngine::Private::claimLoop()
{
    QPointer<JobEngine> guard(q);
    claimInFlight = true;
    do {
        wakeRequested = false;
        int free = 0;
        const QHash<QString, int> perKind = freeSlots(&free);
        if (free == 0 || perKind.isEmpty())
            break;
        const QString owner = options.workerId;
        const qint64 leaseMs = options.leaseMs;
        Database *database = &db;
        const JobClock *clk = &clock;
        const TaskRegistry *titles = &registry;
        const bool ownOnly = options.ownJobsOnly && db.isPostgreSQL();
        auto future =
            QtConcurrent::run(&controlPool, [database, clk, titles, owner, perKind, free, leaseMs, ownOnly] {
                QString creator;
                if (ownOnly) {
                    if (Result<QSqlDatabase> connected = database->connection(); !connected)
                        return Result<QList<Job>>(connected.error());
                    creator = database->sessionUser();
                }
                return JobStore(*database, *clk, titles).claim(owner, perKind, free, leaseMs, creator);
            });
        const Result<QList<Job>> claimed = co_await future;
        if (!guard)
            co_return;
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
            break;
        }
        for (const Job &job : claimed.value()) {
            const auto slot =
                std::find_if(m_slots.begin(), m_slots.end(), [](const Slot &s) { return s.jobId == 0; });
            if (slot == m_slots.end())
                break; // cannot happen: claimed at most the free m_slots
            slot->jobId = job.id;
            slot->kind = job.kind;
            JobRunner *runner = slot->runner;
            QMetaObject::invokeMethod(
                runner, [runner, job] { runner->start(job); }, Qt::QueuedConnection);
            qCDebug(lcJobs) << "started job" << job.id << job.kind << "attempt" << job.attempts;
            Q_EMIT q->jobStarted(job.id, job.kind);
        }
        if (claimed->isEmpty()) {
            bool anyRunning = false;
            for (const Slot &slot : m_slots)
                anyRunning = anyRunning || slot.jobId != 0;
            if (!anyRunning && !wakeRequested)
                Q_EMIT q->drained();
        } else if (claimed->size() == free) {
            // Every free slot got a job: there may be more once one frees up; the
            // runner's finish wakes the engine.
        }
    } while (wakeRequested && !stopping);
    if (guard)
        claimInFlight = false;
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

void JobEngine::Private::onRunnerFinished(int slotIndex, qint64 id, JobState state)
{
    Slot &slot = m_slots[slotIndex];
    if (slot.jobId == id) {
        slot.jobId = 0;
        slot.kind.clear();
    }
    qCDebug(lcJobs) << "job" << id << "ended as" << JobStates::code(state);
    Q_EMIT q->jobFinished(id, state);
    if (stopping) {
        bool anyRunning = false;
        for (const Slot &s : std::as_const(m_slots))
            anyRunning = anyRunning || s.jobId != 0;
        if (!anyRunning)
            finishStop();
        return;
    }
    q->wake();
}

void JobEngine::Private::finishStop()
{
    if (stoppedEmitted)
        return;
    stoppedEmitted = true;
    graceTimer.stop();
    heartbeatTimer.stop();
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
