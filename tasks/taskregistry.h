#pragma once

#include "tasks/job.h"
#include "tasks/storedtext.h"

#include <QCoroTask>
#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>

class JobContext;

// One kind of job: its name (stored in jobs.kind), a title for people (a message,
// translated where it is shown, and stored inside the notifications that name the
// kind), its limits and the coroutine that does the work.
//
// The rule every task kind follows (a job may run more than once: a retry after a
// failure, or a resume after its worker died and its lease expired):
//  1. A side effect in the database commits in the same transaction as the checkpoint
//     that records it (JobContext::saveCheckpoint joins the open transaction, and fails
//     with LeaseLost if another worker took the job, so the work rolls back), or is
//     idempotent by itself (an upsert keyed by what it produces).
//  2. A side effect outside the database (an e-mail) records its attempt before it
//     starts and its acceptance after; an attempt without an acceptance is "uncertain"
//     and is never repeated blindly.
//  3. The task reads ctx.checkpoint() on start and skips what it records as done.
//  4. Between steps it checks ctx.isCancelled() and returns JobOutcome::cancelled(),
//     leaving every committed step in place.
//  5. It catches its own errors and returns JobOutcome::failure(text, retryable);
//     an exception escaping the coroutine is caught by the engine as a failure.
//  6. A dead claimant's batch is picked up within the lease time, with no person
//     acting and no new request. A task that claims rows in batches outside its job
//     row (today mail.send: the outbox's claim_owner and claim_expires_at, see
//     "Nothing left behind" in tasks/mail/outbox.h) names the claim after its worker
//     (the job's lease owner) and counts a claim as held only while that worker runs
//     a job of the kind with a live lease, and at most until the claim's expiry; so a
//     batch is free again the moment its claimant's lease expires. Then something must
//     come for it:
//      - the dead job itself: the engine claims a running job whose lease expired (or
//        fails it, when no attempts are left) at its first poll after the expiry;
//      - a running task of the kind takes free claims over before every batch;
//      - a task that ends while another worker's live claims remain schedules its
//        successor (run_after at the earliest moment those claims end unless renewed,
//        through the kind's unique keys, a waiting one brought forward rather than a
//        second queued), so that one comes if that worker dies;
//      - a claim (or an attempt) under the task's own worker's name is an earlier run's
//        of that worker, cut off mid-batch (a lost connection puts its job back in the
//        queue and this worker runs it again): it is taken over, never waited for. This
//        needs one task of the kind per engine at a time (maxConcurrency 1) and a worker
//        id no restart reuses (JobEngineOptions::workerId);
//      - a worker that starts queues a task of the kind when such work waits
//        (`residesk worker`, MailTasks::drainPendingOnStart).
//     The jobs table keeps the same rule for jobs: a dead worker's job is claimed again
//     at the first poll after its lease expires (JobStore::claim).
struct TaskKind
{
    using Run = std::function<QCoro::Task<JobOutcome>(JobContext &)>;

    QString name;           // "diag.noop", "residents.import" …
    StoredText title;       // StoredText("ImportTasks", QT_TRANSLATE_NOOP("ImportTasks", "Import residents"))
    int maxConcurrency = 0; // per engine; 0 = only the engine's own limit
    int maxAttempts = 3;    // at most this many attempts, even if a job asks for more
    Run run;
};

// The task kinds an engine can run. Filled once at start-up, then read-only (and so
// safe to read from any thread).
class TaskRegistry
{
public:
    void add(TaskKind kind);
    const TaskKind *find(const QString &name) const;
    QStringList names() const; // sorted
    // The kind's title in the current language, or the name itself for a kind this
    // build does not know.
    QString title(const QString &name) const;
    // The same as a message, to store (a verbatim name for an unknown kind).
    StoredText titleText(const QString &name) const;

private:
    QHash<QString, TaskKind> m_kinds;
};
