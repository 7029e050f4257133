#pragma once

#include "tasks/job.h"
#include "tasks/jobclock.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QThread>

#include <memory>

class Database;
class EventBus;
class TaskRegistry;

struct JobEngineOptions
{
    QString workerId;          // empty: "<host>:<pid>:<random>"
    int concurrency = 2;       // jobs running at once (one runner thread each)
    QStringList kinds;         // kinds to run; empty: every registered kind
    qint64 leaseMs = 30000;    // a claim is good for this long, renewed by heartbeats
    int pollIntervalMs = 1000; // claim attempts when no event wakes the engine
    int cpuThreads = 0;        // CPU pool for JobContext::runCpu; 0: ideal thread count
    // Priority of the CPU pool's threads. IdlePriority (SCHED_IDLE on Linux) lets a
    // window's GUI thread take a core the moment it needs one.
    QThread::Priority cpuPriority = QThread::InheritPriority;
    bool runRecurring = true; // fire due recurring jobs
    // Claim only jobs the signed-in person queued (PostgreSQL): a desktop runs its own
    // person's jobs; `residesk worker` runs everybody's, each as its creator.
    bool ownJobsOnly = false;
    qint64 backoffBaseMs = 2000;          // retry delay: base * 2^(attempt-1), ±20 % jitter …
    qint64 backoffMaxMs = 10 * 60 * 1000; // … capped here
    int shutdownGraceMs = 10000;          // stop(): how long running jobs get to reach a checkpoint
    // How long a finished job waits for others to be recorded with it (one statement)
    // while other runners are still busy; with every runner free it is recorded at once.
    int completionWaitMs = 5;
    // The running jobs' progress is written by the engine, all of them together a few
    // times a second; false: each job writes its own from its runner thread (one
    // statement per report, at most ten a second) — for tests that hold a runner there.
    bool batchProgress = true;

    // What a desktop runs next to its window: two jobs at once, CPU work on all cores
    // but one, at idle priority, so that the event loop never waits for a core; only
    // its own person's jobs.
    static JobEngineOptions desktop();
};

// Runs durable jobs from the database: claims runnable jobs, runs each task coroutine
// on a runner thread of its own (with that thread's database connection), renews
// leases with heartbeats, passes cancel requests on, and records each outcome: retry
// with exponential backoff and jitter while attempts are left, otherwise succeeded,
// failed or cancelled.
//
// The database work is batched: one statement claims as many jobs as there are free
// runners (one event for all), the jobs that ended meanwhile are recorded together in
// one statement (one event), and the progress of all running jobs is written together
// at most four times a second (one event). A job that ended stays running under this
// engine's lease until its batch is written; a worker that dies before that leaves it
// to another, which resumes it from its last checkpoint (side effects commit with
// checkpoints, so they still happen once). Any number of engines (desktops and `residesk worker`
// processes) can share one PostgreSQL; on SQLite one process should run an engine.
//
// Lives on the thread that creates it (the GUI thread, or the command line's main
// thread) and never blocks it: its own database work runs on a private control thread.
// A lost database connection is retried with backoff; jobs continue when it returns.
//
//   JobEngine engine(db, registry, {.concurrency = 4});
//   engine.setEventBus(&bus);   // optional: wake on new jobs, cancel at once
//   engine.start();
//   ...
//   engine.stop();               // stop claiming; running jobs stop at a checkpoint
//   co_await qCoro(&engine, &JobEngine::stopped);
class JobEngine : public QObject
{
    Q_OBJECT
public:
    JobEngine(Database &db, const TaskRegistry &registry, JobEngineOptions options = {},
              const JobClock &clock = JobClock::system(), QObject *parent = nullptr);
    // Stops like stop() and waits for the runner threads (at most the grace period).
    ~JobEngine() override;

    void setEventBus(EventBus *bus);
    void start();
    // Before start(): whether this engine fires due recurring jobs (options().runRecurring).
    void setRunRecurring(bool run);
    // Stops claiming and asks running jobs to stop at their next checkpoint; a job that
    // stops is released (queued again, no attempt spent). Emits stopped() when no job
    // runs, or after shutdownGraceMs (the leases of jobs still running then expire and
    // another worker resumes them).
    void stop();
    // Claims now instead of at the next poll (after an enqueue in this process).
    void wake();
    // Asks a running job of this engine to stop now (the database already says so;
    // this saves waiting for the heartbeat).
    void cancelRunning(qint64 id);

    QString workerId() const;
    const JobEngineOptions &options() const;
    bool isStarted() const;
    int runningCount() const;
    QList<qint64> runningJobs() const;

    // The retry delay after failed attempt number `attempt` (1-based), for jitter in
    // 0..1 (0.5 = no jitter).
    static qint64 backoffDelay(int attempt, qint64 baseMs, qint64 maxMs, double jitter);

Q_SIGNALS:
    void jobStarted(qint64 id, const QString &kind);
    // The attempt ended: state is the job's state after it (Queued when it will be
    // retried or was released).
    void jobFinished(qint64 id, JobState state);
    // No job runs here and the last claim found nothing runnable for this engine.
    void drained();
    void stopped();
    // The database could not be reached (claims retry with backoff); cleared by
    // databaseRestored().
    void databaseProblem(const QString &message);
    void databaseRestored();

private:
    class Private;
    std::unique_ptr<Private> d;
};
