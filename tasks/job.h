#pragma once

#include "tasks/storedtext.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// The states of a durable job. queued → running → succeeded | failed | cancelled;
// a failed attempt with attempts left goes back to queued with a later run_after.
enum class JobState { Queued, Running, Succeeded, Failed, Cancelled };

namespace JobStates {
// Stable lower-case codes stored in the database and printed by the command line.
QString code(JobState state);
std::optional<JobState> fromCode(const QString &code);
// Translated, for people ("Cancelled" — a user's cancel is never shown as an error).
QString label(JobState state);
bool isFinished(JobState state);
QList<JobState> all();
} // namespace JobStates

// One row of the jobs table. Times are milliseconds since the epoch (UTC), taken from
// the engine's JobClock, so that tests can move time without sleeping.
struct Job
{
    qint64 id = 0;
    QString kind;
    QJsonObject payload;
    JobState state = JobState::Queued;
    int priority = 0;
    qint64 progressDone = 0;
    qint64 progressTotal = 0;
    QString progressMessage; // as written, in the writer's language (English for workers)
    StoredText progressMsg;  // the same as a message, when the task gave one
    int attempts = 0;
    int maxAttempts = 3;
    qint64 runAfter = 0;
    QString leaseOwner;
    qint64 leaseExpiresAt = 0;
    bool cancelRequested = false;
    QString error;       // as written (English for workers; a driver's text as it came)
    StoredText errorMsg; // the same as a message, when the task gave one
    QJsonObject result;
    QJsonObject checkpoint;
    QString uniqueKey;
    bool notifyCreator = false;
    QString createdBy;
    qint64 createdAt = 0;
    qint64 startedAt = 0;  // first claim; 0 = never started
    qint64 finishedAt = 0; // 0 = not finished
    qint64 updatedAt = 0;

    bool isFinished() const { return JobStates::isFinished(state); }
    // For people, in the current language: the message when there is one, else the text.
    QString progressText() const { return progressMsg.isEmpty() ? progressMessage : progressMsg.toString(); }
    QString errorText() const { return errorMsg.isEmpty() ? error : errorMsg.toString(); }
    // The command line's JSON shape: id, kind, state, progress_done, progress_total,
    // progress_message, attempts, max_attempts, error, result, priority, unique_key,
    // created_by, created_at, started_at, finished_at, run_after (ISO 8601 UTC or null).
    QJsonObject toJson() const;
};
Q_DECLARE_METATYPE(Job)

// What a caller asks for. An empty uniqueKey means no uniqueness; with a key, a second
// request while a job with the same key is queued or running is merged into it (the
// existing id is returned) or refused (DbError::Duplicate), as onDuplicate says.
struct JobRequest
{
    enum class OnDuplicate { Merge, Refuse };

    QString kind;
    QJsonObject payload;
    int priority = 0;    // higher runs first
    int maxAttempts = 0; // 0: the task kind's default
    qint64 runAfter = 0; // 0: now
    QString uniqueKey;
    bool notifyCreator = false; // a notification for the creator when the job ends
    OnDuplicate onDuplicate = OnDuplicate::Merge;
};

struct EnqueueResult
{
    qint64 id = 0;
    bool merged = false; // an equal unique key was queued or running; id is that job
};

// What a task returns. Cancelled is an outcome, not an error.
struct JobOutcome
{
    enum class Kind { Succeeded, Failed, Cancelled };

    Kind kind = Kind::Succeeded;
    QJsonObject result;
    QString error;         // in the worker's language; kept in jobs.last_error
    bool retryable = true; // a failed attempt is retried with backoff while attempts are left
    StoredText errorMsg;   // the error as a message, translated for whoever reads it (jobs.error_msg)

    static JobOutcome success(QJsonObject result = {})
    {
        return {Kind::Succeeded, std::move(result), {}, false, {}};
    }
    // A text that is shown as it is in every language (a database driver's message).
    static JobOutcome failure(QString error, bool retryable = true)
    {
        return {Kind::Failed, {}, std::move(error), retryable, {}};
    }
    // Our own error, translated for whoever reads it:
    //   JobOutcome::failure(StoredText("ImportTasks", QT_TRANSLATE_NOOP("ImportTasks", "…")), false)
    static JobOutcome failure(const StoredText &error, bool retryable = true)
    {
        return {Kind::Failed, {}, error.toString(), retryable, error.isVerbatim() ? StoredText() : error};
    }
    static JobOutcome cancelled() { return {Kind::Cancelled, {}, {}, false, {}}; }
};

// A finished attempt waiting to be recorded (JobStore::finishMany), with the task's
// last progress when it has one.
struct JobCompletion
{
    qint64 id = 0;
    JobOutcome outcome;
    bool notifyCreator = false; // the job's notify_creator: the batch needs a transaction
    bool hasProgress = false;
    qint64 done = 0;
    qint64 total = 0;
    QString message;
    StoredText msg; // message as a message (jobs.progress_msg), when the task gave one
};

// A running job's progress (JobStore::setProgressMany).
struct JobProgress
{
    qint64 id = 0;
    qint64 done = 0;
    qint64 total = 0;
    QString message;
    StoredText msg; // message as a message (jobs.progress_msg), when the task gave one
};
Q_DECLARE_METATYPE(JobCompletion)

// Per-kind statistics over the finished jobs kept in history.
struct JobKindStats
{
    QString kind;
    int total = 0; // all jobs of the kind, any state
    int queued = 0;
    int running = 0;
    int succeeded = 0;
    int failed = 0;
    int cancelled = 0;
    double successRate = 0; // succeeded / (succeeded + failed), 0..1; 0 when none finished
    qint64 medianMs = 0;    // duration (finished_at - started_at) of succeeded jobs
    qint64 p95Ms = 0;

    QJsonObject toJson()
        const; // kind, total, queued, running, succeeded, failed, cancelled, success_rate, median_ms, p95_ms
};

// A job that fires on a cron-like schedule. Each period is enqueued once, however many
// workers run (the store advances next_run_at with a compare-and-set).
struct RecurringJob
{
    QString name; // unique, e.g. "jobs.prune"
    QString kind;
    QJsonObject payload;
    QString schedule; // five-field cron expression, see CronSchedule
    bool enabled = true;
    qint64 nextRunAt = 0;
    qint64 lastJobId = 0;
};
