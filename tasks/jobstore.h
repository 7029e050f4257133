#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"
#include "tasks/job.h"
#include "tasks/jobclock.h"

#include <QHash>
#include <QList>

#include <optional>

class Database;
class TaskRegistry;

// The SQL of the durable job queue (jobs and recurring_jobs tables), on the calling
// thread's connection: use it on an executor, runner or worker thread, never on the
// GUI thread. Every state change publishes a job event (Events::publishJob) on the
// same connection, so on PostgreSQL the NOTIFY is delivered when the change commits.
//
// Methods that write open their own transaction, except enqueue(), which joins the
// caller's open transaction if there is one (so a job exists if and only if the
// change that asked for it committed):
//
//   Transaction tx(db);
//   ... change protocols ...
//   auto queued = JobStore(db).enqueue({.kind = u"mail.send"_s}, actor);
//   if (!queued) return queued.error();      // the transaction rolls back
//   tx.commit();
//
// Lease discipline: the owner-bound writes (setProgress, saveCheckpoint, finish,
// requeue, release) only touch a row that is still running under that owner's lease;
// otherwise they return DbError::LeaseLost and change nothing.
class JobStore
{
public:
    // `titles`, when given, names jobs in notifications by their kind's translated title
    // ("Import residents finished") instead of the kind's code.
    explicit JobStore(Database &db, const JobClock &clock = JobClock::system(),
                      const TaskRegistry *titles = nullptr);

    // A unique key held by another person's active job, which the actor may not read
    // (PostgreSQL's row-level security), is merged or refused all the same: the answer
    // names only that job's id (resources/migrations/0027_job_key_holder.postgresql.sql).
    Result<EnqueueResult> enqueue(const JobRequest &request, const Actor &actor);

    // PostgreSQL: the events of claim() and finishMany() are not sent with their change
    // but appended to `sink` once it is committed (at once when the caller's transaction
    // is open: it decides). The caller sends them later, many together (the job engine:
    // at most a few NOTIFYs a second, however many jobs it runs). SQLite ignores it.
    void deferEvents(QList<Job> *sink) { m_sink = sink; }

    // Sends a job's state as an event to every client (models/db/events.h). Texts and
    // the creator travel only in-process (SQLite); on PostgreSQL clients read them from
    // the job's row through their own permissions.
    static VoidResult publishEvent(Database &db, const Job &job, qint64 atMs);
    // The states of several jobs changed in one transaction: on PostgreSQL one NOTIFY
    // (a "jobs" event; split only where the entries would pass the payload limit), on
    // SQLite one in-process event each.
    static VoidResult publishEvents(Database &db, const QList<Job> &jobs, qint64 atMs);

    Result<Job> get(qint64 id);

    struct ListFilter
    {
        std::optional<JobState> state;
        QString kind;
        QString createdBy;
        qint64 beforeId = 0; // keyset paging: only ids below this; 0 = from the newest
        int limit = 500;
    };
    // Newest first.
    Result<QList<Job>> list(const ListFilter &filter);

    // Claims up to `limit` runnable jobs for `owner`: queued with run_after <= now, or
    // running with an expired lease (a crashed or cut-off worker; the job resumes from
    // its checkpoint). `freeSlots` maps each kind this worker runs to how many more it
    // may start (per-kind concurrency limits); kinds at 0 or absent are not claimed.
    // Highest priority first, then oldest run_after. Each claim increments attempts.
    // PostgreSQL: one statement (UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED
    // LIMIT n) RETURNING, with one NOTIFY for all), so concurrent workers never claim the
    // same row; SQLite: one write transaction. With `createdBy`, only jobs that person
    // queued (a desktop's engine runs its own person's jobs only). At most as many jobs
    // as one event can list (about 60 of short kinds).
    // With `failAbandoned`, running jobs of these kinds whose lease expired with no
    // attempts left are failed first; with `reclaimExpired`, running jobs whose lease
    // expired are claimed too (an engine asks for both about once a second: the claims
    // between are simpler statements that read the queued jobs only).
    Result<QList<Job>> claim(const QString &owner, const QHash<QString, int> &freeSlots, int limit,
                             qint64 leaseMs, const QString &createdBy = {}, bool failAbandoned = true,
                             bool reclaimExpired = true);

    // Extends the leases of `ids` held by `owner`. Returns, for each id still held,
    // whether a cancel was requested; an id missing from the answer lost its lease.
    Result<QHash<qint64, bool>> heartbeat(const QString &owner, const QList<qint64> &ids, qint64 leaseMs);

    // `msg`, when given, is `message` as a message (jobs.progress_msg), translated when
    // shown; without it the view shows `message` as written.
    VoidResult setProgress(qint64 id, const QString &owner, qint64 done, qint64 total, const QString &message,
                           const StoredText &msg = {});
    // Joins the caller's open transaction, so a task can commit its work and its
    // checkpoint together.
    VoidResult saveCheckpoint(qint64 id, const QString &owner, const QJsonObject &checkpoint);

    // Ends the job (Succeeded, Failed or Cancelled) with its result or error; writes a
    // notification for the creator when notifyCreator is set, in the same transaction.
    // A succeeded job's result may name the notification's title and link with the
    // string keys "notify_title" and "notify_link" (default: "<kind title> finished",
    // "job:<id>"); its body is the result's "summary". The notification's title and
    // body are stored as messages too (Notification::titleMsg): the kind's title inside
    // "%1 finished", the job's errorMsg, and the result's "notify_title_msg" and
    // "summary_msg" when the task gives them (StoredText::toJsonObject()), so that the
    // creator reads them in their own language.
    Result<Job> finish(qint64 id, const QString &owner, const JobOutcome &outcome);
    // finish() for several jobs of `owner` in one statement (PostgreSQL; one transaction
    // on SQLite) with one event. Returns the jobs recorded; a job missing from the answer
    // lost its lease (it was not changed). At most 32 completions.
    Result<QList<Job>> finishMany(const QString &owner, const QList<JobCompletion> &completions);
    struct FinishedAndClaimed
    {
        QList<Job> finished; // as finishMany() returns them
        QList<Job> claimed;  // as claim() returns them
    };
    // finishMany() and then claim() (without failing abandoned jobs) in one transaction:
    // both or neither. When a runner frees up, its job's outcome and the next claim
    // take one commit. On PostgreSQL with deferred events (deferEvents), no creator to
    // notify and no reclaim of expired leases, one statement: one round trip.
    Result<FinishedAndClaimed> finishAndClaim(const QString &owner, const QList<JobCompletion> &completions,
                                              const QHash<QString, int> &freeSlots, int limit, qint64 leaseMs,
                                              const QString &createdBy = {}, bool reclaimExpired = true);
    // setProgress() for several jobs of `owner` in one statement with one event. Returns
    // the ids written (the others lost their lease).
    Result<QList<qint64>> setProgressMany(const QString &owner, const QList<JobProgress> &updates);
    // A failed attempt with attempts left: back to queued, run after `runAfter`.
    Result<Job> requeue(qint64 id, const QString &owner, const QString &error, qint64 runAfter,
                        const StoredText &errorMsg = {});
    // Gives the job back without spending an attempt (worker shutting down).
    VoidResult release(qint64 id, const QString &owner);

    // A queued job is cancelled at once; a running one gets cancel_requested and stops
    // at its next checkpoint. Returns the state after the request. A finished job gives
    // DbError::InvalidState.
    Result<JobState> requestCancel(qint64 id);
    // A failed or cancelled job is queued again with fresh attempts; others give
    // DbError::InvalidState.
    Result<Job> retry(qint64 id, const Actor &actor);

    // Deletes finished jobs that finished before `finishedBefore`. Returns the count.
    Result<int> prune(qint64 finishedBefore);

    Result<QList<JobKindStats>> stats();
    // Counts per state of all jobs (for the status bar and `jobs stats`).
    Result<QHash<JobState, int>> countByState();

    // Recurring jobs: create or replace by name (keeps next_run_at when the schedule
    // is unchanged); enqueue every due one, each period once across all workers.
    VoidResult upsertRecurring(const RecurringJob &job);
    Result<QList<RecurringJob>> recurring();
    Result<int> fireDueRecurring(const Actor &actor);

private:
    struct ClaimSql
    {
        QString ctes;   // "a0 AS (…), …, picked AS (…)": the CTE list, without "WITH "
        QString update; // "UPDATE jobs … WHERE id IN (SELECT id FROM picked) RETURNING "
        QVariantList values;
    };
    std::optional<ClaimSql> claimStatement(const QHash<QString, int> &freeSlots, int limit, qint64 leaseMs,
                                           const QString &owner, const QString &createdBy,
                                           bool reclaimExpired, qint64 now) const;
    VoidResult failAbandonedJobs(const QStringList &kinds, qint64 now);

    Database &m_db;
    const JobClock &m_clock;
    const TaskRegistry *m_titles;
    QList<Job> *m_sink = nullptr;
};
