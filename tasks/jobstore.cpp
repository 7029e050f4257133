#include "tasks/jobstore.h"

#include "models/db/database.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "tasks/cronschedule.h"
#include "models/db/events.h"
#include "tasks/notificationstore.h"
#include "tasks/taskregistry.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcJobStore, "residesk.jobs.store")

namespace {



// Every column of jobs, in the order readJob() expects.
const QString kColumns =
    u"id, kind, payload, state, priority, progress_done, progress_total, progress_message, attempts, "
    "max_attempts, run_after, lease_owner, lease_expires_at, cancel_requested, last_error, result, "
    "checkpoint, "
    "unique_key, notify_creator, created_by, created_at, started_at, finished_at, updated_at"_s;

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

// A bound QString() is SQL NULL; NOT NULL text columns get "" instead.
QString notNull(const QString &text)
{
    return text.isNull() ? u""_s : text;
}

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

QString clipped(const QString &text, qsizetype max)
{
    if (text.size() <= max)
        return text;
    qsizetype n = max;
    if (n > 0 && text.at(n - 1).isHighSurrogate())
        --n;
    return text.left(n);
}

QString placeholders(qsizetype count)
{
    QString out;
    out.reserve(count * 3);
    for (qsizetype i = 0; i < count; ++i)
        out += i == 0 ? u"?"_s : u", ?"_s;
    return out;
}

qint64 nullableInt(const QVariant &value)
{
    return value.isNull() ? 0 : value.toLongLong();
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

// The creator's notification about a job that ended, on the caller's transaction.
VoidResult notifyCreator(Database &db, const JobClock &clock, const TaskRegistry *titles, const Job &job)
{
    if (!job.notifyCreator || job.createdBy.isEmpty())
        return {};
    const QString name = titles ? titles->title(job.kind) : job.kind;
    Notification n;
    n.username = job.createdBy;
    n.jobId = job.id;
    n.link = u"job:%1"_s.arg(job.id);
    n.createdAt = clock.nowMs();
    switch (job.state) {
    case JobState::Succeeded:
        n.kind = Notification::Kind::JobSucceeded;
        n.title = QCoreApplication::translate("JobStore", "%1 finished").arg(name);
        n.body = resultSummary(job.result);
        // A task may say what its success means and what the notification opens
        // ("Report P-… finalized", "report:42") instead of the job.
        if (const QString title = job.result.value(u"notify_title"_s).toString().trimmed(); !title.isEmpty())
            n.title = clipped(title, kMessageMax);
        if (const QString link = job.result.value(u"notify_link"_s).toString().trimmed(); !link.isEmpty())
            n.link = link;
        break;
    case JobState::Failed:
        n.kind = Notification::Kind::JobFailed;
        n.title = QCoreApplication::translate("JobStore", "%1 failed").arg(name);
        n.body = job.error;
        break;
    case JobState::Cancelled:
        n.kind = Notification::Kind::JobCancelled;
        n.title = QCoreApplication::translate("JobStore", "%1 cancelled").arg(name);
        n.body = job.error;
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
        event.insert(u"by"_s, job.createdBy);
        if (!job.error.isEmpty() || job.isFinished())
            event.insert(u"error"_s, job.error);
    }
    return Events::publish(db, event);
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

        SqlStatement existing(
            m_db, u"SELECT id FROM jobs WHERE unique_key = ? AND state IN ('queued', 'running')"_s);
        existing.bind(job.uniqueKey);
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

Result<QList<Job>> JobStore::claim(const QString &owner, const QHash<QString, int> &freeSlots, int limit,
                                   qint64 leaseMs, const QString &createdBy)
{
    if (owner.isEmpty() || owner.size() > 200)
        return DbError(DbError::Code::Validation,
                       QCoreApplication::translate(
                           "JobStore", "A worker needs a name of 1 to %1 characters to claim jobs.")
                           .arg(200));
    QStringList allKinds = freeSlots.keys();
    std::sort(allKinds.begin(), allKinds.end());
    QStringList runnable;
    for (const QString &kind : std::as_const(allKinds)) {
        if (freeSlots.value(kind) > 0)
            runnable << kind;
    }
    // Nothing to start: no write transaction (a busy worker polls often).
    if (runnable.isEmpty() || limit <= 0)
        return QList<Job>();

    const bool pg = m_db.isPostgreSQL();
    const QString lock = pg ? u" FOR UPDATE SKIP LOCKED"_s : QString();
    const qint64 now = m_clock.nowMs();

    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();

    // A running job whose lease expired after its last attempt: its worker stopped
    // (crashed, or was cut off) on every attempt; it is failed, not run once more.
    {
        QVariantList values{
            QCoreApplication::translate(
                "JobStore", "The worker running this job stopped responding, and no attempts are left."),
            now, now};
        values += QVariantList(allKinds.cbegin(), allKinds.cend());
        values << now;
        Result<QList<Job>> failed = queryJobs(
            m_db,
            u"UPDATE jobs SET state = 'failed', last_error = ?, finished_at = ?, lease_owner = NULL, "
            "lease_expires_at = NULL, updated_at = ? WHERE id IN (SELECT id FROM jobs WHERE kind IN ("_s +
                placeholders(allKinds.size()) +
                u") AND state = 'running' AND lease_expires_at < ? AND attempts >= max_attempts"_s + lock +
                u") RETURNING "_s + kColumns,
            values);
        if (!failed)
            return failed.error();
        for (const Job &job : std::as_const(failed.value())) {
            qCWarning(lcJobStore) << "job" << job.id << job.kind << "failed: its worker stopped responding";
            if (auto r = announce(m_db, m_clock, m_titles, job, now); !r)
                return r.error();
        }
    }

    // Candidates per kind, at most that kind's free slots each (locked on PostgreSQL,
    // skipping rows another worker is claiming), then the best `limit` of them all.
    struct Candidate
    {
        qint64 id;
        int priority;
        qint64 runAfter;
    };
    QList<Candidate> candidates;
    for (const QString &kind : std::as_const(runnable)) {
        SqlStatement st(m_db,
                        u"SELECT id, priority, run_after FROM jobs WHERE kind = ? "
                        "AND ((state = 'queued' AND run_after <= ?) "
                        "OR (state = 'running' AND lease_expires_at < ? AND attempts < max_attempts)) "_s +
                            (createdBy.isEmpty() ? QString() : u"AND created_by = ? "_s) +
                            u"ORDER BY priority DESC, run_after, id LIMIT ?"_s + lock);
        st.bind(kind).bind(now).bind(now);
        if (!createdBy.isEmpty())
            st.bind(createdBy);
        st.bind(std::min(freeSlots.value(kind), limit));
        if (auto r = st.exec(); !r)
            return r.error();
        while (st.next())
            candidates.append({st.value(0).toLongLong(), st.value(1).toInt(), st.value(2).toLongLong()});
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        if (a.priority != b.priority)
            return a.priority > b.priority;
        if (a.runAfter != b.runAfter)
            return a.runAfter < b.runAfter;
        return a.id < b.id;
    });
    if (candidates.size() > limit)
        candidates.resize(limit);
    if (candidates.isEmpty()) {
        if (auto r = tx.commit(); !r)
            return r.error();
        return QList<Job>();
    }

    QVariantList values{owner, now + leaseMs, now, now};
    QHash<qint64, int> order;
    for (const Candidate &c : std::as_const(candidates)) {
        order.insert(c.id, int(order.size()));
        values << c.id;
    }
    Result<QList<Job>> claimed = queryJobs(
        m_db,
        u"UPDATE jobs SET state = 'running', lease_owner = ?, lease_expires_at = ?, attempts = attempts + 1, "
        "started_at = COALESCE(started_at, ?), updated_at = ? WHERE id IN ("_s +
            placeholders(candidates.size()) + u") RETURNING "_s + kColumns,
        values);
    if (!claimed)
        return claimed.error();
    QList<Job> jobs = std::move(claimed.value());
    std::sort(jobs.begin(), jobs.end(),
              [&order](const Job &a, const Job &b) { return order.value(a.id) < order.value(b.id); });
    for (const Job &job : std::as_const(jobs)) {
        if (auto r = JobStore::publishEvent(m_db, job, now); !r)
            return r.error();
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return jobs;
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
                                 const QString &message)
{
    // No transaction of its own: a task may report progress inside its own transaction
    // (the write then commits with the task's work). Without one, the update and its
    // event are two autocommitted statements; a lost event only delays a progress bar.
    const qint64 now = m_clock.nowMs();
    const Result<Job> job = ownerBoundUpdate(
        m_db, id,
        u"UPDATE jobs SET progress_done = ?, progress_total = ?, progress_message = ?, updated_at = ? "
        "WHERE id = ? AND lease_owner = ? AND state = 'running' RETURNING "_s +
            kColumns,
        {done, total, notNull(clipped(message, kMessageMax)), now, id, owner});
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
        u"UPDATE jobs SET state = ?, result = ?, last_error = ?, finished_at = ?, lease_owner = NULL, "
        "lease_expires_at = NULL, updated_at = ? WHERE id = ? AND lease_owner = ? AND state = 'running' RETURNING "_s +
            kColumns,
        {JobStates::code(state), outcome.result.isEmpty() ? nullText() : QVariant(jsonText(outcome.result)),
         notNull(outcome.error), now, now, id, owner});
    if (!job)
        return job.error();
    if (auto r = announce(m_db, m_clock, m_titles, job.value(), now); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return job;
}

Result<Job> JobStore::requeue(qint64 id, const QString &owner, const QString &error, qint64 runAfter)
{
    const qint64 now = m_clock.nowMs();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<Job> job = ownerBoundUpdate(
        m_db, id,
        u"UPDATE jobs SET state = 'queued', run_after = ?, last_error = ?, lease_owner = NULL, "
        "lease_expires_at = NULL, updated_at = ? WHERE id = ? AND lease_owner = ? AND state = 'running' RETURNING "_s +
            kColumns,
        {runAfter > 0 ? runAfter : now, notNull(error), now, id, owner});
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
        SqlStatement st(
            m_db,
            u"SELECT id FROM jobs WHERE unique_key = ? AND state IN ('queued', 'running') AND id <> ?"_s);
        st.bind(job->uniqueKey).bind(id);
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
        u"UPDATE jobs SET state = 'queued', attempts = 0, run_after = ?, last_error = '', result = NULL, "
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
