#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"
#include "tasks/job.h"
#include "tasks/jobclock.h"

#include <QCoroTask>
#include <QElapsedTimer>
#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <optional>
#include <type_traits>

class Database;
class QTimer;

// Where an engine collects the progress of its running jobs, to write the progress of
// all of them in one statement with one event a few times a second (JobEngine). Called
// from runner threads.
class JobProgressSink
{
public:
    virtual ~JobProgressSink() = default;
    virtual void report(const JobProgress &progress) = 0;
    // The job's progress not written yet, taken out (the attempt ended).
    virtual std::optional<JobProgress> take(qint64 jobId) = 0;
};

// Why a running job is asked to stop.
enum class CancelReason { None, UserRequest, Shutdown, LeaseLost };

// What a running task sees. It lives on the task's runner thread, for the duration of
// one attempt; everything here is used from that thread only, except cancel(), which
// the engine calls from its own thread.
//
//   QCoro::Task<JobOutcome> countTask(JobContext &ctx)
//   {
//       qint64 done = ctx.checkpoint().value(u"done"_s).toInteger();
//       const qint64 total = ctx.payload().value(u"total"_s).toInteger();
//       for (; done < total; ++done) {
//           if (ctx.isCancelled())
//               co_return JobOutcome::cancelled();
//           auto future = ctx.runCpu([] { return heavyStep(); });   // on the CPU pool
//           const int value = co_await future;
//           Transaction tx(ctx.database());                          // this thread's connection
//           ... write value ...
//           if (auto r = ctx.saveCheckpoint({{u"done"_s, done + 1}}); !r)
//               co_return JobOutcome::failure(r.error().message);  // rolls back
//           tx.commit();
//           ctx.setProgress(done + 1, total);                         // "3 of 20"
//       }
//       co_return JobOutcome::success({{u"count"_s, total}});
//   }
class JobContext
{
public:
    // With a `progressSink`, progress goes there (the engine writes it in batches);
    // without, this context writes it itself, at most ten times a second.
    JobContext(Database &db, const JobClock &clock, QThreadPool &cpuPool, Job job, QString owner,
               JobProgressSink *progressSink = nullptr);
    ~JobContext();
    JobContext(const JobContext &) = delete;
    JobContext &operator=(const JobContext &) = delete;

    const Job &job() const { return m_job; }
    qint64 id() const { return m_job.id; }
    const QJsonObject &payload() const { return m_job.payload; }
    // The last checkpoint saved (by this attempt or an earlier one).
    const QJsonObject &checkpoint() const { return m_job.checkpoint; }
    int attempt() const { return m_job.attempts; }
    // Who started the job (the creator acts; roles come with sign-in).
    Actor actor() const;
    const QString &owner() const { return m_owner; }

    // The database; SQL run on this thread uses this thread's own connection.
    Database &database() { return m_db; }
    const JobClock &clock() const { return m_clock; }

    bool isCancelled() const { return m_cancel.load() != CancelReason::None; }
    CancelReason cancelReason() const { return m_cancel.load(); }
    // Thread-safe. The first reason wins.
    void cancel(CancelReason reason);

    // Progress for people: written to the job and published at most 10 times a second;
    // the last value is always written (flushProgress()). Best called between
    // transactions: inside one, the job's row stays locked until it commits.
    // In an engine, the progress of all its jobs is written together, at most four
    // times a second, with one event (JobEngine).
    // Every view shows done and total itself (the jobs panel: "3,500 of 10,000 — chunk
    // 7", the command line: "job 42: 3500 of 10000  chunk 7"), so `message` says only
    // what they do not — the unit, the step, a chunk — never the counts again.
    // A QString message is shown as written; a StoredText one is stored as a message too
    // and read in the viewer's language:
    //   ctx.setProgress(done, total, StoredText("ImportTasks", QT_TRANSLATE_NOOP("ImportTasks", "rows")));
    void setProgress(qint64 done, qint64 total, const QString &message = {});
    void setProgress(qint64 done, qint64 total, const StoredText &message);
    VoidResult flushProgress();
    // The last progress reported, whether written or not.
    JobProgress lastProgress() const { return {m_job.id, m_done, m_total, m_message, m_msg}; }
    bool hasProgress() const { return m_reported; }

    // Saves the checkpoint, joining the caller's open transaction on this thread.
    // LeaseLost when the job is no longer this worker's: roll back and return.
    VoidResult saveCheckpoint(const QJsonObject &checkpoint);

    // Runs CPU work on the engine's bounded pool; co_await the future (held in a named
    // local). Pass values in and get values out: the pool thread has no database.
    template<typename F> auto runCpu(F &&work) -> QFuture<std::invoke_result_t<F>>
    {
        return QtConcurrent::run(&m_cpuPool, std::forward<F>(work));
    }
    QThreadPool &cpuPool() { return m_cpuPool; }

    // Waits `ms` on this thread's event loop; returns early, false, on cancel.
    QCoro::Task<bool> sleep(int ms);

private:
    void report(qint64 done, qint64 total, const QString &message, const StoredText &msg);
    VoidResult writeProgress();

    Database &m_db;
    const JobClock &m_clock;
    QThreadPool &m_cpuPool;
    Job m_job;
    QString m_owner;
    std::atomic<CancelReason> m_cancel = CancelReason::None;

    qint64 m_done = 0;
    qint64 m_total = 0;
    QString m_message;
    StoredText m_msg; // m_message as a message, when the task gave one
    bool m_progressDirty = false;
    QElapsedTimer m_sinceWrite;
    QTimer *m_progressTimer = nullptr;
    JobProgressSink *m_sink = nullptr;
    bool m_reported = false; // setProgress() was called in this attempt
};
