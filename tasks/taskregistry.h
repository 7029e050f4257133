#pragma once

#include "tasks/job.h"

#include <QCoroTask>
#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>

class JobContext;

// One kind of job: its name (stored in jobs.kind), a translated title for people, its
// limits and the coroutine that does the work.
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
struct TaskKind
{
    using Run = std::function<QCoro::Task<JobOutcome>(JobContext &)>;

    QString name;           // "diag.noop", "residents.import" …
    QString title;          // translated: "Import residents"
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
    // The kind's title, or the name itself for a kind this build does not know.
    QString title(const QString &name) const;

private:
    QHash<QString, TaskKind> m_kinds;
};
