#include "tasks/jobstore.h"

#include "models/db/database.h"
#include "models/db/events.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "tasks/cronschedule.h"
#include "tasks/notificationstore.h"
#include "tasks/storesql_p.h"
#include "tasks/taskregistry.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;
using StoreSql::clipped;
using StoreSql::notNull;
using StoreSql::nullableInt;
using StoreSql::placeholders;

Q_LOGGING_CATEGORY(lcJobStore, "residesk.jobs.store")

namespace {

// Every column of jobs, in the order readJob() expects.
const QString kColumns =
    u"id, kind, payload, state, priority, progress_done, progress_total, progress_message, attempts, "
    "max_attempts, run_after, lease_owner, lease_expires_at, cancel_requested, last_error, result, "
    "checkpoint, "
    "unique_key, notify_creator, created_by, created_at, started_at, finished_at, updated_at, "
    "progress_msg, error_msg"_s;

// The partial unique index jobs_unique_key_active, as the conflict target of an insert
// (SQLite matches the predicate to the index's text, so it must stay identical).
const QString kUniqueConflict =
    u" ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL AND state IN ('queued', 'running') DO NOTHING"_s;

constexpr int kMessageMax = 500;
constexpr int kDefaultMaxAttempts = 3;

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QVariant &value)
{
    if (value.isNull())
        return {};
    const QByteArray text = value.toString().toUtf8();
    if (text.trimmed().isEmpty())
        return {};
    return QJsonDocument::fromJson(text).object();
}

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

// A message as stored (jobs.progress_msg, error_msg): its JSON, or NULL for none.
QVariant messageJson(const StoredText &message)
{
    if (message.isEmpty() || message.isVerbatim())
        return nullText();
    return message.toJson();
}

// The same for json_to_recordset: a string or null.
QJsonValue messageJsonValue(const StoredText &message)
{
    if (message.isEmpty() || message.isVerbatim())
        return QJsonValue::Null;
    return message.toJson();
}

StoredText readMessage(const QVariant &value)
{
    if (value.isNull())
        return {};
    return StoredText::fromJson(value.toString()).value_or(StoredText());
}

// Maps a row selected with kColumns, starting at column `at`.
Job readJob(const SqlStatement &st, int at = 0)
{
    Job job;
    job.id = st.value(at + 0).toLongLong();
    job.kind = st.value(at + 1).toString();
    job.payload = jsonObject(st.value(at + 2));
    job.state = JobStates::fromCode(st.value(at + 3).toString()).value_or(JobState::Queued);
    job.priority = st.value(at + 4).toInt();
    job.progressDone = st.value(at + 5).toLongLong();
    job.progressTotal = st.value(at + 6).toLongLong();
    job.progressMessage = st.value(at + 7).toString();
    job.attempts = st.value(at + 8).toInt();
    job.maxAttempts = st.value(at + 9).toInt();
    job.runAfter = st.value(at + 10).toLongLong();
    job.leaseOwner = st.value(at + 11).toString();
    job.leaseExpiresAt = nullableInt(st.value(at + 12));
    job.cancelRequested = st.value(at + 13).toInt() != 0;
    job.error = st.value(at + 14).toString();
    job.result = jsonObject(st.value(at + 15));
    job.checkpoint = jsonObject(st.value(at + 16));
    job.uniqueKey = st.value(at + 17).toString();
    job.notifyCreator = st.value(at + 18).toInt() != 0;
    job.createdBy = st.value(at + 19).toString();
    job.createdAt = st.value(at + 20).toLongLong();
    job.startedAt = nullableInt(st.value(at + 21));
    job.finishedAt = nullableInt(st.value(at + 22));
    job.updatedAt = st.value(at + 23).toLongLong();
    job.progressMsg = readMessage(st.value(at + 24));
    job.errorMsg = readMessage(st.value(at + 25));
    return job;
}

// Runs a statement that returns kColumns rows (a SELECT, or an UPDATE … RETURNING).
Result<QList<Job>> queryJobs(Database &db, const QString &sql, const QVariantList &values)
{
    SqlStatement st(db, sql);
    for (const QVariant &v : values)
        st.bind(v);
    if (auto r = st.exec(); !r)
        return r.error();
    QList<Job> jobs;
    while (st.next())
        jobs.append(readJob(st));
    return jobs;
}

DbError leaseLost(qint64 id)
{
    return DbError(DbError::Code::LeaseLost,
                   QCoreApplication::translate(
                       "JobStore",
                       "Job %1 is no longer held by this worker: its lease expired and it was taken over, "
                       "or it was finished elsewhere.")
                       .arg(id));
}

DbError jobNotFound(qint64 id)
{
    return DbError(DbError::Code::NotFound,
                   QCoreApplication::translate(
                       "JobStore", "There is no job %1; it may have been removed from the history.")
                       .arg(id));
}

// Runs an owner-bound UPDATE … RETURNING on one job: LeaseLost when no row matched.
Result<Job> ownerBoundUpdate(Database &db, qint64 id, const QString &sql, const QVariantList &values)
{
    Result<QList<Job>> rows = queryJobs(db, sql, values);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return leaseLost(id);
    return rows->first();
}

QString scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return value.toVariant().toString();
    default:
        return {};
    }
}

// A line for people about what a job produced: its "summary" or "message" if it has
// one, otherwise its plain values ("imported: 120, skipped: 3").
QString resultSummary(const QJsonObject &result)
{
    for (const QString &key : {u"summary"_s, u"message"_s}) {
        if (result.value(key).isString())
            return clipped(result.value(key).toString(), kMessageMax);
    }
    QStringList parts;
    for (auto it = result.begin(); it != result.end(); ++it) {
        const QString text = scalarText(it.value());
        if (!text.isEmpty())
            parts.append(it.key() + u": "_s + text);
    }
    return clipped(parts.join(u", "_s), kMessageMax);
}

// A message a task left in its result under `key` ("notify_title_msg", "summary_msg":
// StoredText::toJsonObject()); empty when there is none.
StoredText resultMessage(const QJsonObject &result, const QString &key)
{
    if (!result.value(key).isObject())
        return {};
    return StoredText::fromJsonObject(result.value(key).toObject()).value_or(StoredText());
}

// The creator's notification about a job that ended, on the caller's transaction. Its
// title and body are stored as messages too, so that the creator reads them in the
// window's language whatever language the worker wrote them in.
VoidResult notifyCreator(Database &db, const JobClock &clock, const TaskRegistry *titles, const Job &job)
{
    if (!job.notifyCreator || job.createdBy.isEmpty())
        return {};
    const StoredText name = titles ? titles->titleText(job.kind) : StoredText(job.kind);
    Notification n;
    n.username = job.createdBy;
    n.jobId = job.id;
    n.link = u"job:%1"_s.arg(job.id);
    n.createdAt = clock.nowMs();
    switch (job.state) {
    case JobState::Succeeded:
        n.kind = Notification::Kind::JobSucceeded;
        n.titleMsg = StoredText("JobStore", QT_TRANSLATE_NOOP("JobStore", "%1 finished")).arg(name);
        n.title = n.titleMsg.toString();
        n.bodyMsg = resultMessage(job.result, u"summary_msg"_s);
        n.body = n.bodyMsg.isEmpty() ? resultSummary(job.result) : clipped(n.bodyMsg.toString(), kMessageMax);
        // A task may say what its success means and what the notification opens
        // ("Report P-… finalized", "report:42") instead of the job.
        if (const StoredText title = resultMessage(job.result, u"notify_title_msg"_s); !title.isEmpty()) {
            n.titleMsg = title;
            n.title = clipped(title.toString(), kMessageMax);
        } else if (const QString title = job.result.value(u"notify_title"_s).toString().trimmed();
                   !title.isEmpty()) {
            n.titleMsg = {};
            n.title = clipped(title, kMessageMax);
        }
        if (const QString link = job.result.value(u"notify_link"_s).toString().trimmed(); !link.isEmpty())
            n.link = link;
        break;
    case JobState::Failed:
        n.kind = Notification::Kind::JobFailed;
        n.titleMsg = StoredText("JobStore", QT_TRANSLATE_NOOP("JobStore", "%1 failed")).arg(name);
        n.title = n.titleMsg.toString();
        n.body = job.error;
        n.bodyMsg = job.errorMsg;
        break;
    case JobState::Cancelled:
        n.kind = Notification::Kind::JobCancelled;
        n.titleMsg = StoredText("JobStore", QT_TRANSLATE_NOOP("JobStore", "%1 cancelled")).arg(name);
        n.title = n.titleMsg.toString();
        n.body = job.error;
        n.bodyMsg = job.errorMsg;
        break;
    case JobState::Queued:
    case JobState::Running:
        return {};
    }
    const Result<qint64> added = NotificationStore(db, clock).add(n);
    if (!added)
        return added.error();
    return {};
}

// Publishes and, for a job that ended, notifies its creator.
VoidResult announce(Database &db, const JobClock &clock, const TaskRegistry *titles, const Job &job,
                    qint64 now)
{
    if (job.isFinished()) {
        if (auto r = notifyCreator(db, clock, titles, job); !r)
            return r;
    }
    return JobStore::publishEvent(db, job, now);
}

// An event entry: [id, kind, state, done, total, attempts, cancel], at most about 110
// bytes besides the kind. PostgreSQL refuses NOTIFY payloads of 8000 bytes or more.
int maxJobsPerEvent(qsizetype longestKind)
{
    return int(std::max<qsizetype>(1, 6900 / (longestKind + 110)));
}

// The one NOTIFY for the rows of the CTE `cte` (a statement's RETURNING), as a scalar
// subquery for a SELECT over that CTE; binds one value: the time. Models/db/events.h
// describes the "jobs" event.
QString notifyJobsSql(const QString &cte)
{
    return u"(SELECT pg_notify('"_s + QString::fromLatin1(Events::channel) +
           u"', json_build_object('type', 'jobs', 'at', CAST(? AS BIGINT), 'j', json_agg(json_build_array("
           "n.id, n.kind, n.state, n.progress_done, n.progress_total, n.attempts, n.cancel_requested) "
           "ORDER BY n.id))::text) FROM "_s +
           cte + u" n HAVING count(*) > 0)"_s;
}

// kColumns, each prefixed with `alias`.
QString qualifiedColumns(const QString &alias)
{
    QStringList out;
    for (const QString &column : kColumns.split(u", "_s))
        out << alias + u"."_s + column;
    return out.join(u", "_s);
}

// Claimed jobs in the order the claim picked them.
void sortByClaimOrder(QList<Job> &jobs)
{
    std::sort(jobs.begin(), jobs.end(), [](const Job &a, const Job &b) {
        if (a.priority != b.priority)
            return a.priority > b.priority;
        if (a.runAfter != b.runAfter)
            return a.runAfter < b.runAfter;
        return a.id < b.id;
    });
}

DbError invalidOwner()
{
    return DbError(
        DbError::Code::Validation,
        QCoreApplication::translate("JobStore", "A worker needs a name of 1 to %1 characters to claim jobs.")
            .arg(200));
}

JobState completionState(const JobOutcome &outcome)
{
    switch (outcome.kind) {
    case JobOutcome::Kind::Succeeded:
        return JobState::Succeeded;
    case JobOutcome::Kind::Failed:
        return JobState::Failed;
    case JobOutcome::Kind::Cancelled:
        break;
    }
    return JobState::Cancelled;
}

// PostgreSQL: the CTEs "v AS (…), finished AS (UPDATE jobs j … RETURNING j.<kColumns>)"
// that record `completions` of `owner`; appends their values to `values`.
//
// The rows are found by primary key, `j.id = ANY(ARRAY(SELECT id FROM v))`: a few index
// probes whatever the size of the table. The array comes from a subquery rather than a
// bound value so that the plan costs the same with and without the values, and the kept
// statement runs its generic plan instead of being planned again each time. The state
// is compared with a subquery's 'running' instead of the literal, on purpose: with the
// literal the planner may read the partial index jobs_leased (WHERE state = 'running'),
// which it believes holds only the few running jobs. It also holds an entry for every
// job that ran since the table's last vacuum (bitmap scans never mark them dead), and a
// bitmap scan reads them all and their heap pages: 0.9-2.9 ms a round at 10,000 to
// 17,000 of them, against 0.04 ms by key.
QString finishedCtes(const QList<JobCompletion> &completions, const QString &owner, qint64 now,
                     QVariantList *values)
{
    QJsonArray rows;
    for (const JobCompletion &c : completions) {
        QJsonObject row{{u"id"_s, c.id},
                        {u"state"_s, JobStates::code(completionState(c.outcome))},
                        {u"error"_s, notNull(c.outcome.error)},
                        {u"error_msg"_s, messageJsonValue(c.outcome.errorMsg)},
                        {u"progress"_s, c.hasProgress},
                        {u"done"_s, c.done},
                        {u"total"_s, c.total},
                        {u"message"_s, notNull(clipped(c.message, kMessageMax))},
                        {u"message_msg"_s, messageJsonValue(c.msg)}};
        row.insert(u"result"_s,
                   c.outcome.result.isEmpty() ? QJsonValue() : QJsonValue(jsonText(c.outcome.result)));
        rows.append(row);
    }
    *values << QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact)) << now << now << owner;
    return u"v AS (SELECT * FROM json_to_recordset(CAST(? AS json)) AS v(id bigint, state text, "
           "result text, error text, error_msg text, progress boolean, done bigint, total bigint, message "
           "text, "
           "message_msg text)), "
           "finished AS (UPDATE jobs j SET state = v.state, result = v.result, last_error = v.error, "
           "error_msg = v.error_msg, "
           "finished_at = ?, lease_owner = NULL, lease_expires_at = NULL, updated_at = ?, "
           "progress_done = CASE WHEN v.progress THEN v.done ELSE j.progress_done END, "
           "progress_total = CASE WHEN v.progress THEN v.total ELSE j.progress_total END, "
           "progress_message = CASE WHEN v.progress THEN v.message ELSE j.progress_message END, "
           "progress_msg = CASE WHEN v.progress THEN v.message_msg ELSE j.progress_msg END "
           "FROM v WHERE j.id = ANY(ARRAY(SELECT id FROM v)) AND j.id = v.id AND j.lease_owner = ? "
           "AND j.state = (SELECT 'running') RETURNING "_s +
           qualifiedColumns(u"j"_s) + u")"_s;
}

qint64 nearestRank(const QList<qint64> &sorted, double percentile)
{
    if (sorted.isEmpty())
        return 0;
    const auto rank = qsizetype(std::ceil(percentile / 100.0 * double(sorted.size())));
    return sorted.at(qBound<qsizetype>(1, rank, sorted.size()) - 1);
}

} // namespace

VoidResult JobStore::publishEvent(Database &db, const Job &job, qint64 atMs)
{
    QJsonObject event{
        {u"type"_s, u"job"_s},
        {u"id"_s, job.id},
        {u"kind"_s, job.kind},
        {u"state"_s, JobStates::code(job.state)},
        {u"done"_s, job.progressDone},
        {u"total"_s, job.progressTotal},
        {u"attempts"_s, job.attempts},
        {u"cancel"_s, job.cancelRequested},
        {u"at"_s, atMs},
    };
    // PostgreSQL's NOTIFY reaches every client of the server, whatever its role: there
    // an event carries ids, kinds, states and counts only — no progress text, error or
    // person — and clients read those from the job's row through their own permissions
    // (row-level security shows a person their own jobs). In-process events (SQLite)
    // stay in this process and carry them, so that a view need not read the row again.
    if (!db.isPostgreSQL()) {
        event.insert(u"message"_s, job.progressMessage);
        event.insert(u"message_msg"_s, job.progressMsg.toJsonObject());
        event.insert(u"by"_s, job.createdBy);
        if (!job.error.isEmpty() || job.isFinished()) {
            event.insert(u"error"_s, job.error);
            event.insert(u"error_msg"_s, job.errorMsg.toJsonObject());
        }
    }
    return Events::publish(db, event);
}

VoidResult JobStore::publishEvents(Database &db, const QList<Job> &jobs, qint64 atMs)
{
    if (jobs.isEmpty())
        return {};
    // Inside a transaction each waits for the commit, where all of them go out combined
    // (Events::sendCombined: as few NOTIFYs as the payload limit allows). Several jobs
    // outside one on PostgreSQL get a transaction of their own, so every listener wakes
    // once for them.
    std::optional<Transaction> tx;
    if (db.isPostgreSQL() && jobs.size() > 1 && !Transaction::isOpen(db)) {
        tx.emplace(db);
        if (!tx->ok())
            return tx->error();
    }
    if (db.isPostgreSQL() && jobs.size() > 1) {
        // What publishEvent() sends on PostgreSQL, without an object per job.
        QList<JobChange> changes;
        changes.reserve(jobs.size());
        for (const Job &job : jobs)
            changes.append({job.id,
                            job.kind,
                            JobStates::code(job.state),
                            job.progressDone,
                            job.progressTotal,
                            job.attempts,
                            job.cancelRequested,
                            atMs,
                            {}});
        if (auto r = Events::publishJobs(db, changes); !r)
            return r;
    } else {
        for (const Job &job : jobs) {
            if (auto r = publishEvent(db, job, atMs); !r)
                return r;
        }
    }
    return tx ? tx->commit() : VoidResult();
}

JobStore::JobStore(Database &db, const JobClock &clock, const TaskRegistry *titles)
    : m_db(db)
    , m_clock(clock)
    , m_titles(titles)
{}

Result<EnqueueResult> JobStore::enqueue(const JobRequest &request, const Actor &actor)
{
    QList<FieldError> errors;
    const QString kind = request.kind.trimmed();
    if (kind.isEmpty())
        errors.append({u"kind"_s, QCoreApplication::translate("JobStore", "A job needs a kind.")});
    else if (kind.size() > 100)
        errors.append({u"kind"_s, QCoreApplication::translate(
                                      "JobStore", "The job kind must be at most %1 characters long.")
                                      .arg(100)});
    if (request.uniqueKey.size() > 200)
        errors.append({u"unique_key"_s, QCoreApplication::translate(
                                            "JobStore", "The unique key must be at most %1 characters long.")
                                            .arg(200)});
    if (request.maxAttempts < 0)
        errors.append({u"max_attempts"_s, QCoreApplication::translate(
                                              "JobStore", "The number of attempts cannot be negative.")});
    if (!errors.isEmpty())
        return DbError::validation(std::move(errors));

    const qint64 now = m_clock.nowMs();
    Job job;
    job.kind = kind;
    job.payload = request.payload;
    job.state = JobState::Queued;
    job.priority = request.priority;
    job.maxAttempts = request.maxAttempts > 0 ? request.maxAttempts : kDefaultMaxAttempts;
    job.runAfter = request.runAfter > 0 ? request.runAfter : now;
    job.uniqueKey = request.uniqueKey;
    job.notifyCreator = request.notifyCreator;
    job.createdBy = notNull(actor.username);
    job.createdAt = now;
    job.updatedAt = now;

    // A job with the same key may finish between the insert that found it and the
    // look-up; then the insert is tried again.
    for (int round = 0; round < 3; ++round) {
        {
            SqlStatement st(m_db,
                            u"INSERT INTO jobs (kind, payload, state, priority, max_attempts, run_after, "
                            "unique_key, notify_creator, created_by, created_at, updated_at) "
                            "VALUES (?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?)"_s +
                                kUniqueConflict + u" RETURNING id"_s);
            st.bind(job.kind)
                .bind(jsonText(job.payload))
                .bind(job.priority)
                .bind(job.maxAttempts)
                .bind(job.runAfter);
            st.bind(job.uniqueKey.isEmpty() ? nullText() : QVariant(job.uniqueKey));
            st.bind(job.notifyCreator ? 1 : 0).bind(job.createdBy).bind(now).bind(now);
            if (auto r = st.exec(); !r)
                return r.error();
            if (st.next()) {
                job.id = st.value(0).toLongLong();
                st.finish();
                if (auto r = JobStore::publishEvent(m_db, job, now); !r)
                    return r.error();
                return EnqueueResult{job.id, false};
            }
        }
        if (job.uniqueKey.isEmpty())
            return DbError(DbError::Code::QueryFailed,
                           QCoreApplication::translate("JobStore", "The job was not stored."));

        // The holder may be another person's job, which row-level security hides from
        // the acting person on PostgreSQL: residesk_job_key_holder (0027) finds it and
        // tells its id only.
        SqlStatement existing(
            m_db, m_db.isPostgreSQL()
                      ? u"SELECT id FROM residesk_job_key_holder(?, ?)"_s
                      : u"SELECT id FROM jobs WHERE unique_key = ? AND state IN ('queued', 'running')"_s);
        existing.bind(job.uniqueKey);
        if (m_db.isPostgreSQL())
            existing.bind(job.kind);
        if (auto r = existing.exec(); !r)
            return r.error();
        if (existing.next()) {
            const qint64 id = existing.value(0).toLongLong();
            if (request.onDuplicate == JobRequest::OnDuplicate::Merge)
                return EnqueueResult{id, true};
            return DbError(DbError::Code::Duplicate,
                           QCoreApplication::translate(
                               "JobStore", "A job with the key \"%1\" is already queued or running (job %2).")
                               .arg(job.uniqueKey)
                               .arg(id));
        }
    }
    return DbError(
        DbError::Code::Conflict,
        QCoreApplication::translate("JobStore", "The job with the key \"%1\" could not be queued; try again.")
            .arg(job.uniqueKey));
}

Result<Job> JobStore::get(qint64 id)
{
    Result<QList<Job>> rows = queryJobs(m_db, u"SELECT "_s + kColumns + u" FROM jobs WHERE id = ?"_s, {id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return jobNotFound(id);
    return rows->first();
}

Result<QList<Job>> JobStore::list(const ListFilter &filter)
{
    QStringList where;
    QVariantList values;
    if (filter.state) {
        where << u"state = ?"_s;
        values << JobStates::code(*filter.state);
    }
    if (!filter.kind.isEmpty()) {
        where << u"kind = ?"_s;
        values << filter.kind;
    }
    if (!filter.createdBy.isEmpty()) {
        where << u"created_by = ?"_s;
        values << filter.createdBy;
    }
    if (filter.beforeId > 0) {
        where << u"id < ?"_s;
        values << filter.beforeId;
    }
    QString sql = u"SELECT "_s + kColumns + u" FROM jobs"_s;
    if (!where.isEmpty())
        sql += u" WHERE "_s + where.join(u" AND "_s);
    sql += u" ORDER BY id DESC LIMIT ?"_s;
    values << qBound(1, filter.limit, 10000);
    return queryJobs(m_db, sql, values);
}

// The claim as one statement, "WITH " + ctes + " " + update + kColumns, and its values in
// order; nullopt when there is nothing to claim.
std::optional<JobStore::ClaimSql> JobStore::claimStatement(const QHash<QString, int> &freeSlots, int limit,
                                                           qint64 leaseMs, const QString &owner,
                                                           const QString &createdBy, bool reclaimExpired,
                                                           qint64 now) const
{
    QStringList allKinds = freeSlots.keys();
    std::sort(allKinds.begin(), allKinds.end());
    QStringList runnable;
    qsizetype longestKind = 0;
    for (const QString &kind : std::as_const(allKinds)) {
        if (freeSlots.value(kind) > 0) {
            runnable << kind;
            longestKind = std::max(longestKind, kind.size());
        }
    }
    if (runnable.isEmpty() || limit <= 0)
        return std::nullopt;
    const bool pg = m_db.isPostgreSQL();

    // The claim's one event lists every job it took and must fit one NOTIFY.
    limit = std::min(limit, maxJobsPerEvent(longestKind));

    // One statement: candidates per kind (on PostgreSQL locked, skipping rows another
    // worker is claiming), each kind cut to its free slots, the best `limit` of them all
    // marked running.
    const QString lock = pg ? u" FOR UPDATE SKIP LOCKED"_s : QString();
    const QString own = createdBy.isEmpty() ? QString() : u" AND created_by = ?"_s;
    QStringList arms;
    QStringList bodies;
    QVariantList values;
    const auto addArm = [&](const QString &condition, const QStringList &kinds, int n) {
        const QString name = u"a%1"_s.arg(arms.size());
        const QString kindTest = kinds.size() == 1
                                     ? u" AND kind = ?"_s
                                     : u" AND kind IN ("_s + placeholders(kinds.size()) + u")"_s;
        bodies << u"SELECT id, kind, priority, run_after FROM jobs WHERE "_s + condition + kindTest + own +
                      u" ORDER BY priority DESC, run_after, id LIMIT ?"_s + lock;
        arms << name + u" AS ("_s + bodies.last() + u")"_s;
        values << now;
        for (const QString &kind : kinds)
            values << kind;
        if (!createdBy.isEmpty())
            values << createdBy;
        values << n;
    };
    // One arm per kind: each reads the head of its kind in jobs_ready (kind, priority,
    // run_after, id) and stops after its few rows. Several kinds in one arm ("kind IN
    // (…) ORDER BY priority …") cannot be read in that order from the index: PostgreSQL
    // sorted every queued row of those kinds on each claim (half a second with 100,000
    // queued).
    const QString queued = u"state = 'queued' AND run_after <= ?"_s;
    for (const QString &kind : std::as_const(runnable))
        addArm(queued, {kind}, std::min(limit, freeSlots.value(kind)));
    QString sql;
    if (reclaimExpired) {
        // A running job whose lease expired (a crashed or cut-off worker) resumes from
        // its checkpoint. That arm mixes kinds, so each kind is cut to its free slots
        // again over all candidates.
        addArm(u"state = 'running' AND lease_expires_at < ? AND attempts < max_attempts"_s, runnable, limit);
        QStringList union_;
        for (qsizetype i = 0; i < arms.size(); ++i)
            union_ << u"SELECT id, kind, priority, run_after FROM a%1"_s.arg(i);
        QStringList limits;
        for (const QString &kind : std::as_const(runnable)) {
            limits << u"(?, CAST(? AS INTEGER))"_s;
            values << kind << freeSlots.value(kind);
        }
        sql =
            arms.join(u", "_s) + u", candidates AS ("_s + union_.join(u" UNION ALL "_s) +
            u"), lim (kind, n) AS (VALUES "_s + limits.join(u", "_s) +
            u"), ranked AS (SELECT c.id, c.priority, c.run_after, lim.n, row_number() OVER "
            "(PARTITION BY c.kind ORDER BY c.priority DESC, c.run_after, c.id) AS rk "
            "FROM candidates c JOIN lim ON lim.kind = c.kind), "
            "picked AS (SELECT id FROM ranked WHERE rk <= n ORDER BY priority DESC, run_after, id LIMIT ?)"_s;
        values << limit;
    } else if (bodies.size() == 1) {
        // The usual claim of a busy worker: one kind, one index range, planned in a
        // fraction of the time of the statement above.
        sql = u"picked AS ("_s + bodies.first() + u")"_s;
    } else {
        // Each arm is one kind already cut to its free slots: the best of them all.
        QStringList union_;
        for (qsizetype i = 0; i < arms.size(); ++i)
            union_ << u"SELECT id, priority, run_after FROM a%1"_s.arg(i);
        sql = arms.join(u", "_s) + u", picked AS (SELECT id FROM ("_s + union_.join(u" UNION ALL "_s) +
              u") c ORDER BY priority DESC, run_after, id LIMIT ?)"_s;
        values << limit;
    }
    ClaimSql claim;
    claim.ctes = sql;
    claim.update = u"UPDATE jobs SET state = 'running', lease_owner = ?, lease_expires_at = ?, "
                   "attempts = attempts + 1, started_at = COALESCE(started_at, ?), updated_at = ? "
                   "WHERE id IN (SELECT id FROM picked) RETURNING "_s;
    claim.values = values;
    claim.values << owner << now + leaseMs << now << now;
    return claim;
}

Result<QList<Job>> JobStore::claim(const QString &owner, const QHash<QString, int> &freeSlots, int limit,
                                   qint64 leaseMs, const QString &createdBy, bool failAbandoned,
                                   bool reclaimExpired)
{
    if (owner.isEmpty() || owner.size() > 200)
        return invalidOwner();
    const qint64 now = m_clock.nowMs();
    const std::optional<ClaimSql> statement =
        claimStatement(freeSlots, limit, leaseMs, owner, createdBy, reclaimExpired, now);
    // Nothing to start: no write transaction (a busy worker polls often).
    if (!statement)
        return QList<Job>();
    const bool pg = m_db.isPostgreSQL();

    if (failAbandoned) {
        QStringList allKinds = freeSlots.keys();
        std::sort(allKinds.begin(), allKinds.end());
        if (auto r = failAbandonedJobs(allKinds, now); !r)
            return r.error();
    }
    QString sql = u"WITH "_s + statement->ctes;
    const QString set = statement->update;
    QVariantList values = statement->values;

    const bool defer = pg && m_sink;
    if (pg && !Transaction::isOpen(m_db)) {
        // One round trip and one commit: the update and its one event (sent at commit,
        // or handed to the sink).
        if (defer) {
            sql += u" "_s + set + kColumns;
        } else {
            sql += u", claimed AS ("_s + set + kColumns + u") SELECT "_s + kColumns + u", "_s +
                   notifyJobsSql(u"claimed"_s) + u" FROM claimed"_s;
            values << now;
        }
        Result<QList<Job>> claimed = queryJobs(m_db, sql, values);
        if (!claimed)
            return claimed.error();
        sortByClaimOrder(claimed.value());
        if (defer)
            m_sink->append(claimed.value());
        return claimed;
    }
    if (pg) {
        // Inside the caller's transaction (the engine records finished jobs and claims
        // in one): no savepoint of its own; the caller's commit or rollback decides.
        Result<QList<Job>> claimed = queryJobs(m_db, sql + u" "_s + set + kColumns, values);
        if (!claimed)
            return claimed.error();
        sortByClaimOrder(claimed.value());
        if (defer)
            m_sink->append(claimed.value());
        else if (auto r = publishEvents(m_db, claimed.value(), now); !r)
            return r.error();
        return claimed;
    }

    // SQLite, or inside the caller's transaction: the event waits for its commit and
    // goes out with the transaction's other job events (one NOTIFY on PostgreSQL).
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    Result<QList<Job>> claimed = queryJobs(m_db, sql + u" "_s + set + kColumns, values);
    if (!claimed)
        return claimed.error();
    sortByClaimOrder(claimed.value());
    if (auto r = publishEvents(m_db, claimed.value(), now); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return claimed;
}

VoidResult JobStore::failAbandonedJobs(const QStringList &kinds, qint64 now)
{
    if (kinds.isEmpty())
        return {};
    const QString lock = m_db.isPostgreSQL() ? u" FOR UPDATE SKIP LOCKED"_s : QString();
    const StoredText abandoned(
        "JobStore",
        QT_TRANSLATE_NOOP("JobStore",
                          "The worker running this job stopped responding, and no attempts are left."));
    QVariantList values{abandoned.toString(), messageJson(abandoned), now, now};
    values += QVariantList(kinds.cbegin(), kinds.cend());
    values << now;
    const QString sql =
        u"UPDATE jobs SET state = 'failed', last_error = ?, error_msg = ?, finished_at = ?, lease_owner = "
        u"NULL, "
        "lease_expires_at = NULL, updated_at = ? WHERE id IN (SELECT id FROM jobs WHERE kind IN ("_s +
        placeholders(kinds.size()) +
        u") AND state = 'running' AND lease_expires_at < ? AND attempts >= max_attempts"_s + lock +
        u") RETURNING "_s + kColumns;
    // The common case finds none: one autocommitted statement. Found ones are failed
    // again inside a transaction, with their creators' notifications.
    {
        SqlStatement probe(m_db, u"SELECT 1 FROM jobs WHERE kind IN ("_s + placeholders(kinds.size()) +
                                     u") AND state = 'running' AND lease_expires_at < ? "
                                     "AND attempts >= max_attempts LIMIT 1"_s);
        for (const QString &kind : kinds)
            probe.bind(kind);
        probe.bind(now);
        if (auto r = probe.exec(); !r)
            return r;
        if (!probe.next())
            return {};
    }
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    Result<QList<Job>> failed = queryJobs(m_db, sql, values);
    if (!failed)
        return failed.error();
    for (const Job &job : std::as_const(failed.value())) {
        qCWarning(lcJobStore) << "job" << job.id << job.kind << "failed: its worker stopped responding";
        if (auto r = announce(m_db, m_clock, m_titles, job, now); !r)
            return r.error();
    }
    return tx.commit();
}

Result<QHash<qint64, bool>> JobStore::heartbeat(const QString &owner, const QList<qint64> &ids,
                                                qint64 leaseMs)
{
    QHash<qint64, bool> held;
    if (ids.isEmpty())
        return held;
    const qint64 now = m_clock.nowMs();
    QVariantList values{now + leaseMs, now};
    for (qint64 id : ids)
        values << id;
    values << owner;
    SqlStatement st(m_db,
                    u"UPDATE jobs SET lease_expires_at = ?, updated_at = ? WHERE id IN ("_s +
                        placeholders(ids.size()) +
                        u") AND lease_owner = ? AND state = 'running' RETURNING id, cancel_requested"_s);
    for (const QVariant &v : std::as_const(values))
        st.bind(v);
    if (auto r = st.exec(); !r)
        return r.error();
    while (st.next())
        held.insert(st.value(0).toLongLong(), st.value(1).toInt() != 0);
    return held;
}

VoidResult JobStore::setProgress(qint64 id, const QString &owner, qint64 done, qint64 total,
                                 const QString &message, const StoredText &msg)
{
    // No transaction of its own: a task may report progress inside its own transaction
    // (the write then commits with the task's work). Without one, the update and its
    // event are two autocommitted statements; a lost event only delays a progress bar.
    const qint64 now = m_clock.nowMs();
    const Result<Job> job = ownerBoundUpdate(
        m_db, id,
        u"UPDATE jobs SET progress_done = ?, progress_total = ?, progress_message = ?, progress_msg = ?, "
        "updated_at = ? WHERE id = ? AND lease_owner = ? AND state = 'running' RETURNING "_s +
            kColumns,
        {done, total, notNull(clipped(message, kMessageMax)), messageJson(msg), now, id, owner});
    if (!job)
        return job.error();
    return JobStore::publishEvent(m_db, job.value(), now);
}

VoidResult JobStore::saveCheckpoint(qint64 id, const QString &owner, const QJsonObject &checkpoint)
{
    SqlStatement st(m_db, u"UPDATE jobs SET checkpoint = ?, updated_at = ? "
                          "WHERE id = ? AND lease_owner = ? AND state = 'running'"_s);
    st.bind(jsonText(checkpoint)).bind(m_clock.nowMs()).bind(id).bind(owner);
    if (auto r = st.exec(); !r)
        return r;
    if (st.numRowsAffected() <= 0)
        return leaseLost(id);
    return {};
}

Result<Job> JobStore::finish(qint64 id, const QString &owner, const JobOutcome &outcome)
{
    JobState state = JobState::Succeeded;
    switch (outcome.kind) {
    case JobOutcome::Kind::Succeeded:
        state = JobState::Succeeded;
        break;
    case JobOutcome::Kind::Failed:
        state = JobState::Failed;
        break;
    case JobOutcome::Kind::Cancelled:
        state = JobState::Cancelled;
        break;
    }
    const qint64 now = m_clock.nowMs();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<Job> job = ownerBoundUpdate(
        m_db, id,
        u"UPDATE jobs SET state = ?, result = ?, last_error = ?, error_msg = ?, finished_at = ?, lease_owner "
        u"= NULL, "
        "lease_expires_at = NULL, updated_at = ? WHERE id = ? AND lease_owner = ? AND state = 'running' RETURNING "_s +
            kColumns,
        {JobStates::code(state), outcome.result.isEmpty() ? nullText() : QVariant(jsonText(outcome.result)),
         notNull(outcome.error), messageJson(outcome.errorMsg), now, now, id, owner});
    if (!job)
        return job.error();
    if (auto r = announce(m_db, m_clock, m_titles, job.value(), now); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return job;
}

Result<QList<Job>> JobStore::finishMany(const QString &owner, const QList<JobCompletion> &completions)
{
    if (completions.isEmpty())
        return QList<Job>();
    const qint64 now = m_clock.nowMs();
    const bool notifies = std::any_of(completions.cbegin(), completions.cend(),
                                      [](const JobCompletion &c) { return c.notifyCreator; });

    if (m_db.isPostgreSQL()) {
        // One statement for the batch, and one event; a transaction only when creators
        // get notifications with it. Inside the caller's transaction the event waits
        // for its commit, combined with the transaction's others.
        const bool joined = Transaction::isOpen(m_db);
        const bool defer = m_sink != nullptr;
        QVariantList values;
        const QString sql =
            u"WITH "_s + finishedCtes(completions, owner, now, &values) + u" SELECT "_s + kColumns +
            (joined || defer ? QString() : u", "_s + notifyJobsSql(u"finished"_s)) + u" FROM finished"_s;
        if (!joined && !defer)
            values << now;
        std::optional<Transaction> tx;
        if (notifies) {
            tx.emplace(m_db);
            if (!tx->ok())
                return tx->error();
        }
        Result<QList<Job>> finished = queryJobs(m_db, sql, values);
        if (!finished)
            return finished.error();
        if (joined && !defer) {
            if (auto r = publishEvents(m_db, finished.value(), now); !r)
                return r.error();
        }
        if (tx) {
            for (const Job &job : std::as_const(finished.value())) {
                if (auto r = notifyCreator(m_db, m_clock, m_titles, job); !r)
                    return r.error();
            }
            if (auto r = tx->commit(); !r)
                return r.error();
        }
        if (defer)
            m_sink->append(finished.value());
        return finished;
    }

    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QList<Job> finished;
    for (const JobCompletion &c : completions) {
        Result<QList<Job>> row = queryJobs(
            m_db,
            u"UPDATE jobs SET state = ?, result = ?, last_error = ?, error_msg = ?, finished_at = ?, "
            "lease_owner = NULL, lease_expires_at = NULL, updated_at = ?, "
            "progress_done = CASE WHEN ? = 1 THEN ? ELSE progress_done END, "
            "progress_total = CASE WHEN ? = 1 THEN ? ELSE progress_total END, "
            "progress_message = CASE WHEN ? = 1 THEN ? ELSE progress_message END, "
            "progress_msg = CASE WHEN ? = 1 THEN ? ELSE progress_msg END "
            "WHERE id = ? AND lease_owner = ? AND state = 'running' RETURNING "_s +
                kColumns,
            {JobStates::code(completionState(c.outcome)),
             c.outcome.result.isEmpty() ? nullText() : QVariant(jsonText(c.outcome.result)),
             notNull(c.outcome.error), messageJson(c.outcome.errorMsg), now, now, c.hasProgress ? 1 : 0,
             c.done, c.hasProgress ? 1 : 0, c.total, c.hasProgress ? 1 : 0,
             notNull(clipped(c.message, kMessageMax)), c.hasProgress ? 1 : 0, messageJson(c.msg), c.id,
             owner});
        if (!row)
            return row.error();
        finished += row.value();
    }
    for (const Job &job : std::as_const(finished)) {
        if (auto r = notifyCreator(m_db, m_clock, m_titles, job); !r)
            return r.error();
    }
    if (auto r = publishEvents(m_db, finished, now); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return finished;
}

Result<JobStore::FinishedAndClaimed> JobStore::finishAndClaim(const QString &owner,
                                                              const QList<JobCompletion> &completions,
                                                              const QHash<QString, int> &freeSlots, int limit,
                                                              qint64 leaseMs, const QString &createdBy,
                                                              bool reclaimExpired)
{
    if (owner.isEmpty() || owner.size() > 200)
        return invalidOwner();
    const qint64 now = m_clock.nowMs();
    const bool notifies = std::any_of(completions.cbegin(), completions.cend(),
                                      [](const JobCompletion &c) { return c.notifyCreator; });
    // One statement, autocommitted, is one round trip and one commit (BEGIN, two
    // statements and COMMIT were four): on PostgreSQL when the events go to a sink, no
    // creator gets a notification (those are rows of their own) and no expired lease is
    // reclaimed (that arm reads running jobs, and the same row must not be changed twice
    // in one statement). The finished rows are running and the claimed ones queued: the
    // two updates never meet.
    if (m_db.isPostgreSQL() && m_sink && !notifies && !reclaimExpired && !completions.isEmpty() &&
        !Transaction::isOpen(m_db)) {
        const std::optional<ClaimSql> claim =
            claimStatement(freeSlots, limit, leaseMs, owner, createdBy, false, now);
        if (claim) {
            QVariantList values;
            const QString sql = u"WITH "_s + finishedCtes(completions, owner, now, &values) + u", "_s +
                                claim->ctes + u", claimed AS ("_s + claim->update + kColumns +
                                u") SELECT 0, "_s + kColumns + u" FROM finished UNION ALL SELECT 1, "_s +
                                kColumns + u" FROM claimed"_s;
            values += claim->values;
            // Kept prepared: a busy engine runs it hundreds of times a second, and
            // planning it cost about a third of the server's time per job.
            SqlStatement st(m_db, sql);
            st.keepPlan();
            for (const QVariant &v : std::as_const(values))
                st.bind(v);
            if (auto r = st.exec(); !r)
                return r.error();
            FinishedAndClaimed round;
            while (st.next())
                (st.value(0).toInt() == 0 ? round.finished : round.claimed).append(readJob(st, 1));
            sortByClaimOrder(round.claimed);
            m_sink->append(round.finished);
            m_sink->append(round.claimed);
            return round;
        }
    }
    // Otherwise one transaction: the completions first, then the claim.
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    FinishedAndClaimed round;
    QList<Job> *sink = m_sink;
    QList<Job> events;
    if (sink)
        m_sink = &events; // handed on only once committed
    Result<QList<Job>> finished = finishMany(owner, completions);
    Result<QList<Job>> claimed =
        finished ? claim(owner, freeSlots, limit, leaseMs, createdBy, false, reclaimExpired)
                 : Result<QList<Job>>(finished.error());
    m_sink = sink;
    if (!finished)
        return finished.error();
    if (!claimed)
        return claimed.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    if (sink)
        sink->append(events);
    round.finished = finished.value();
    round.claimed = claimed.value();
    return round;
}

Result<QList<qint64>> JobStore::setProgressMany(const QString &owner, const QList<JobProgress> &updates)
{
    QList<qint64> written;
    if (updates.isEmpty())
        return written;
    const qint64 now = m_clock.nowMs();
    if (m_db.isPostgreSQL()) {
        QJsonArray rows;
        for (const JobProgress &p : updates)
            rows.append(QJsonObject{{u"id"_s, p.id},
                                    {u"done"_s, p.done},
                                    {u"total"_s, p.total},
                                    {u"message"_s, notNull(clipped(p.message, kMessageMax))},
                                    {u"message_msg"_s, messageJsonValue(p.msg)}});
        SqlStatement st(
            m_db,
            u"WITH v AS (SELECT * FROM json_to_recordset(CAST(? AS json)) AS v(id bigint, done bigint, "
            "total bigint, message text, message_msg text)), moved AS (UPDATE jobs j SET progress_done = "
            "v.done, "
            "progress_total = v.total, progress_message = v.message, progress_msg = v.message_msg, "
            "updated_at = ? FROM v WHERE j.id = v.id AND j.lease_owner = ? "
            "AND j.state = 'running' RETURNING j.id, j.kind, j.state, j.progress_done, j.progress_total, "
            "j.attempts, j.cancel_requested) SELECT id, "_s +
                notifyJobsSql(u"moved"_s) + u" FROM moved"_s);
        st.bind(QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact)))
            .bind(now)
            .bind(owner)
            .bind(now);
        if (auto r = st.exec(); !r)
            return r.error();
        while (st.next())
            written.append(st.value(0).toLongLong());
        return written;
    }
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    for (const JobProgress &p : updates) {
        if (auto r = setProgress(p.id, owner, p.done, p.total, p.message, p.msg); r)
            written.append(p.id);
        else if (r.error().code != DbError::Code::LeaseLost)
            return r.error();
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return written;
}

Result<Job> JobStore::requeue(qint64 id, const QString &owner, const QString &error, qint64 runAfter,
                              const StoredText &errorMsg)
{
    const qint64 now = m_clock.nowMs();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<Job> job = ownerBoundUpdate(
        m_db, id,
        u"UPDATE jobs SET state = 'queued', run_after = ?, last_error = ?, error_msg = ?, lease_owner = "
        u"NULL, "
        "lease_expires_at = NULL, updated_at = ? WHERE id = ? AND lease_owner = ? AND state = 'running' RETURNING "_s +
            kColumns,
        {runAfter > 0 ? runAfter : now, notNull(error), messageJson(errorMsg), now, id, owner});
    if (!job)
        return job.error();
    if (auto r = JobStore::publishEvent(m_db, job.value(), now); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return job;
}

VoidResult JobStore::release(qint64 id, const QString &owner)
{
    const qint64 now = m_clock.nowMs();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<Job> job = ownerBoundUpdate(
        m_db, id,
        u"UPDATE jobs SET state = 'queued', run_after = ?, lease_owner = NULL, lease_expires_at = NULL, "
        "attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END, updated_at = ? "
        "WHERE id = ? AND lease_owner = ? AND state = 'running' RETURNING "_s +
            kColumns,
        {now, now, id, owner});
    if (!job)
        return job.error();
    if (auto r = JobStore::publishEvent(m_db, job.value(), now); !r)
        return r;
    return tx.commit();
}

Result<JobState> JobStore::requestCancel(qint64 id)
{
    const qint64 now = m_clock.nowMs();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();

    // Conditional updates rather than read-then-write: on PostgreSQL a claim in flight
    // holds the row, and the update then sees the row as the claim left it.
    Result<QList<Job>> cancelled =
        queryJobs(m_db,
                  u"UPDATE jobs SET state = 'cancelled', finished_at = ?, updated_at = ? "
                  "WHERE id = ? AND state = 'queued' RETURNING "_s +
                      kColumns,
                  {now, now, id});
    if (!cancelled)
        return cancelled.error();
    if (!cancelled->isEmpty()) {
        if (auto r = announce(m_db, m_clock, m_titles, cancelled->first(), now); !r)
            return r.error();
        if (auto r = tx.commit(); !r)
            return r.error();
        return JobState::Cancelled;
    }

    Result<QList<Job>> flagged = queryJobs(
        m_db,
        u"UPDATE jobs SET cancel_requested = 1, updated_at = ? WHERE id = ? AND state = 'running' RETURNING "_s +
            kColumns,
        {now, id});
    if (!flagged)
        return flagged.error();
    if (!flagged->isEmpty()) {
        if (auto r = JobStore::publishEvent(m_db, flagged->first(), now); !r)
            return r.error();
        if (auto r = tx.commit(); !r)
            return r.error();
        return JobState::Running;
    }

    const Result<Job> job = get(id);
    if (!job)
        return job.error();
    return DbError(
        DbError::Code::InvalidState,
        QCoreApplication::translate("JobStore", "Job %1 has already ended (%2); there is nothing to cancel.")
            .arg(id)
            .arg(JobStates::label(job->state)));
}

Result<Job> JobStore::retry(qint64 id, const Actor &actor)
{
    Q_UNUSED(actor) // anyone who may see a job may retry it until roles come with sign-in
    const qint64 now = m_clock.nowMs();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();

    const Result<Job> job = get(id);
    if (!job)
        return job.error();
    if (job->state != JobState::Failed && job->state != JobState::Cancelled)
        return DbError(DbError::Code::InvalidState,
                       QCoreApplication::translate(
                           "JobStore", "Only a failed or cancelled job can be retried; job %1 is %2.")
                           .arg(id)
                           .arg(JobStates::label(job->state).toLower()));
    if (!job->uniqueKey.isEmpty()) {
        // Another person's job holding the key is out of sight under row-level security:
        // residesk_job_key_holder (0027) names it to whoever may queue this kind.
        SqlStatement st(m_db,
                        m_db.isPostgreSQL()
                            ? u"SELECT id FROM residesk_job_key_holder(?, ?) WHERE id <> ?"_s
                            : u"SELECT id FROM jobs WHERE unique_key = ? AND state IN ('queued', 'running') "
                              "AND id <> ?"_s);
        st.bind(job->uniqueKey);
        if (m_db.isPostgreSQL())
            st.bind(job->kind);
        st.bind(id);
        if (auto r = st.exec(); !r)
            return r.error();
        if (st.next())
            return DbError(
                DbError::Code::Duplicate,
                QCoreApplication::translate(
                    "JobStore",
                    "Job %1 cannot be retried: job %2 with the same key \"%3\" is queued or running.")
                    .arg(id)
                    .arg(st.value(0).toLongLong())
                    .arg(job->uniqueKey));
    }

    // The checkpoint stays: the new attempt resumes where the last one stopped.
    Result<QList<Job>> updated = queryJobs(
        m_db,
        u"UPDATE jobs SET state = 'queued', attempts = 0, run_after = ?, last_error = '', error_msg = NULL, "
        "result = NULL, "
        "started_at = NULL, finished_at = NULL, cancel_requested = 0, lease_owner = NULL, lease_expires_at = "
        "NULL, "
        "updated_at = ? WHERE id = ? AND state IN ('failed', 'cancelled') RETURNING "_s +
            kColumns,
        {now, now, id});
    if (!updated) {
        if (updated.error().code == DbError::Code::Duplicate)
            return DbError(
                DbError::Code::Duplicate,
                QCoreApplication::translate(
                    "JobStore",
                    "Job %1 cannot be retried: a job with the same key \"%2\" is queued or running.")
                    .arg(id)
                    .arg(job->uniqueKey));
        return updated.error();
    }
    if (updated->isEmpty())
        return DbError(
            DbError::Code::InvalidState,
            QCoreApplication::translate("JobStore", "Job %1 changed meanwhile; it cannot be retried now.")
                .arg(id));
    if (auto r = JobStore::publishEvent(m_db, updated->first(), now); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return updated->first();
}

Result<int> JobStore::prune(qint64 finishedBefore)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    // notifications.job_id is ON DELETE SET NULL (SQLite connections enable foreign keys).
    SqlStatement st(m_db, u"DELETE FROM jobs WHERE state IN ('succeeded', 'failed', 'cancelled') "
                          "AND finished_at < ?"_s);
    st.bind(finishedBefore);
    if (auto r = st.exec(); !r)
        return r.error();
    const int count = st.numRowsAffected();
    if (auto r = tx.commit(); !r)
        return r.error();
    return count;
}

Result<QList<JobKindStats>> JobStore::stats()
{
    QMap<QString, JobKindStats> byKind;
    {
        SqlStatement st(m_db, u"SELECT kind, state, COUNT(*) FROM jobs GROUP BY kind, state"_s);
        if (auto r = st.exec(); !r)
            return r.error();
        while (st.next()) {
            const QString kind = st.value(0).toString();
            JobKindStats &s = byKind[kind];
            s.kind = kind;
            const int n = st.value(2).toInt();
            s.total += n;
            switch (JobStates::fromCode(st.value(1).toString()).value_or(JobState::Queued)) {
            case JobState::Queued:
                s.queued += n;
                break;
            case JobState::Running:
                s.running += n;
                break;
            case JobState::Succeeded:
                s.succeeded += n;
                break;
            case JobState::Failed:
                s.failed += n;
                break;
            case JobState::Cancelled:
                s.cancelled += n;
                break;
            }
        }
    }
    QHash<QString, QList<qint64>> durations;
    {
        SqlStatement st(m_db, u"SELECT kind, finished_at - started_at FROM jobs WHERE state = 'succeeded' "
                              "AND started_at IS NOT NULL AND finished_at IS NOT NULL"_s);
        if (auto r = st.exec(); !r)
            return r.error();
        while (st.next())
            durations[st.value(0).toString()].append(std::max<qint64>(0, st.value(1).toLongLong()));
    }
    QList<JobKindStats> out;
    for (JobKindStats s : std::as_const(byKind)) {
        if (s.succeeded + s.failed > 0)
            s.successRate = double(s.succeeded) / double(s.succeeded + s.failed);
        QList<qint64> d = durations.value(s.kind);
        std::sort(d.begin(), d.end());
        s.medianMs = nearestRank(d, 50);
        s.p95Ms = nearestRank(d, 95);
        out.append(s);
    }
    return out;
}

Result<QHash<JobState, int>> JobStore::countByState()
{
    QHash<JobState, int> counts;
    for (JobState state : JobStates::all())
        counts.insert(state, 0);
    SqlStatement st(m_db, u"SELECT state, COUNT(*) FROM jobs GROUP BY state"_s);
    if (auto r = st.exec(); !r)
        return r.error();
    while (st.next()) {
        if (const auto state = JobStates::fromCode(st.value(0).toString()))
            counts[*state] += st.value(1).toInt();
    }
    return counts;
}

VoidResult JobStore::upsertRecurring(const RecurringJob &job)
{
    QList<FieldError> errors;
    const QString name = job.name.trimmed();
    const QString kind = job.kind.trimmed();
    if (name.isEmpty() || name.size() > 100)
        errors.append({u"name"_s, QCoreApplication::translate(
                                      "JobStore", "A recurring job needs a name of at most %1 characters.")
                                      .arg(100)});
    if (kind.isEmpty() || kind.size() > 100)
        errors.append({u"kind"_s, QCoreApplication::translate(
                                      "JobStore", "A recurring job needs a kind of at most %1 characters.")
                                      .arg(100)});
    QString scheduleError;
    const std::optional<CronSchedule> schedule = CronSchedule::parse(job.schedule, &scheduleError);
    if (!schedule)
        errors.append({u"schedule"_s,
                       QCoreApplication::translate(
                           "JobStore", "The schedule \"%1\" of the recurring job \"%2\" is not valid: %3")
                           .arg(job.schedule, name, scheduleError)});
    else if (schedule->text().size() > 100)
        errors.append({u"schedule"_s, QCoreApplication::translate(
                                          "JobStore", "The schedule must be at most %1 characters long.")
                                          .arg(100)});
    if (!errors.isEmpty())
        return DbError::validation(std::move(errors));

    const qint64 now = m_clock.nowMs();
    // One statement, so two clients upserting the same name cannot collide. The next run
    // is kept unless the schedule changed or the job is being enabled again (a period
    // missed while disabled is not caught up).
    SqlStatement st(
        m_db, u"INSERT INTO recurring_jobs (name, kind, payload, schedule, enabled, next_run_at, updated_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, "
              "payload = excluded.payload, "
              "next_run_at = CASE WHEN recurring_jobs.schedule = excluded.schedule "
              "AND (recurring_jobs.enabled = 1 OR excluded.enabled = 0) "
              "THEN recurring_jobs.next_run_at ELSE excluded.next_run_at END, "
              "schedule = excluded.schedule, enabled = excluded.enabled, updated_at = excluded.updated_at"_s);
    st.bind(name).bind(kind).bind(jsonText(job.payload)).bind(schedule->text()).bind(job.enabled ? 1 : 0);
    st.bind(schedule->nextAfter(now)).bind(now);
    return st.exec();
}

Result<QList<RecurringJob>> JobStore::recurring()
{
    SqlStatement st(m_db, u"SELECT name, kind, payload, schedule, enabled, next_run_at, last_job_id "
                          "FROM recurring_jobs ORDER BY name"_s);
    if (auto r = st.exec(); !r)
        return r.error();
    QList<RecurringJob> out;
    while (st.next()) {
        RecurringJob job;
        job.name = st.value(0).toString();
        job.kind = st.value(1).toString();
        job.payload = jsonObject(st.value(2));
        job.schedule = st.value(3).toString();
        job.enabled = st.value(4).toInt() != 0;
        job.nextRunAt = st.value(5).toLongLong();
        job.lastJobId = nullableInt(st.value(6));
        out.append(job);
    }
    return out;
}

Result<int> JobStore::fireDueRecurring(const Actor &actor)
{
    const qint64 now = m_clock.nowMs();
    Result<QList<RecurringJob>> all = recurring();
    if (!all)
        return all.error();

    int enqueued = 0;
    for (const RecurringJob &due : std::as_const(all.value())) {
        if (!due.enabled || due.nextRunAt > now)
            continue;
        QString error;
        const std::optional<CronSchedule> schedule = CronSchedule::parse(due.schedule, &error);
        if (!schedule) {
            qCWarning(lcJobStore) << "recurring job" << due.name << "has an invalid schedule:" << error;
            continue;
        }
        // Several missed periods fire once; the next run is the first one after now.
        const qint64 next = schedule->nextAfter(now);

        Transaction tx(m_db);
        if (!tx.ok())
            return tx.error();
        // Compare-and-set: only the client that moves next_run_at on enqueues the period.
        SqlStatement cas(m_db, u"UPDATE recurring_jobs SET next_run_at = ?, updated_at = ? "
                               "WHERE name = ? AND next_run_at = ? AND enabled = 1"_s);
        cas.bind(next).bind(now).bind(due.name).bind(due.nextRunAt);
        if (auto r = cas.exec(); !r)
            return r.error();
        if (cas.numRowsAffected() <= 0)
            continue; // another client fired this period; the transaction rolls back

        JobRequest request;
        request.kind = due.kind;
        request.payload = due.payload;
        request.uniqueKey = u"recurring:%1:%2"_s.arg(due.name).arg(due.nextRunAt);
        request.onDuplicate = JobRequest::OnDuplicate::Merge;
        const Result<EnqueueResult> queued = enqueue(request, actor);
        if (!queued)
            return queued.error();
        if (auto r = SqlStatement::run(m_db, u"UPDATE recurring_jobs SET last_job_id = ? WHERE name = ?"_s,
                                       {queued->id, due.name});
            !r)
            return r.error();
        if (auto r = tx.commit(); !r)
            return r.error();
        if (!queued->merged)
            ++enqueued;
    }
    return enqueued;
}
