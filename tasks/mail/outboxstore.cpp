#include "tasks/mail/outboxstore.h"

#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/events.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "tasks/jobstore.h"
#include "tasks/storesql_p.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using StoreSql::clipped;
using StoreSql::likePattern;
using StoreSql::notNull;
using StoreSql::nullableInt;
using StoreSql::placeholders;

namespace {
constexpr qsizetype kErrorMax = 2000;
} // namespace

OutboxStore::OutboxStore(Database &db, const JobClock &clock, const Spec &spec)
    : m_db(db)
    , m_clock(clock)
    , m_spec(spec)
{}

QString OutboxStore::text(const char *source) const
{
    return QCoreApplication::translate(m_spec.context, source);
}

VoidResult OutboxStore::query(const QString &sql, const QVariantList &values, const Reader &read)
{
    SqlStatement st(m_db, sql);
    for (const QVariant &v : values)
        st.bind(v);
    if (auto r = st.exec(); !r)
        return r;
    while (st.next())
        read(st);
    return {};
}

VoidResult OutboxStore::announce()
{
    return Events::publishRecordsChanged(m_db, m_spec.table);
}

// A queued message a drain may claim now (four bound values: now, now, the claiming
// worker, now): due, and not reserved by a live drain of another worker. A claim ends
// when it expires, or at once when the drain that holds it is gone (its worker has no
// running drain job of this kind with a live lease: it crashed, was killed or cut off),
// so a dead drain's batch is not stuck for the length of its claim. A claim of the
// claiming worker itself is left over from an earlier drain of that worker (a worker
// runs one drain at a time, and a drain gives back or uses up its batch before it claims
// the next): that drain lost its connection mid-batch, its job went back to the queue,
// and the claim is taken over.
QString OutboxStore::claimable() const
{
    return u"state = 'queued' AND next_attempt_at <= ? AND (claim_owner IS NULL OR claim_expires_at < ? "
           "OR claim_owner = ? "
           "OR NOT EXISTS (SELECT 1 FROM jobs j WHERE j.kind = '"_s +
           m_spec.jobKind + u"' AND j.state = 'running' AND j.lease_owner = "_s + m_spec.table +
           u".claim_owner AND j.lease_expires_at >= ?))"_s;
}

VoidResult OutboxStore::get(qint64 id, const Reader &read)
{
    bool found = false;
    if (auto r = query(u"SELECT "_s + m_spec.columns + u" FROM "_s + m_spec.table + u" WHERE id = ?"_s, {id},
                       [&](const SqlStatement &st) {
                           found = true;
                           read(st);
                       });
        !r)
        return r;
    if (!found)
        return DbError(DbError::Code::NotFound, text(m_spec.texts.notFound).arg(id));
    return {};
}

VoidResult OutboxStore::list(const ListFilter &filter, const Reader &read)
{
    QStringList where;
    QVariantList values;
    if (filter.state) {
        where << u"state = ?"_s;
        values << OutboxStates::code(*filter.state);
    }
    if (!filter.search.trimmed().isEmpty()) {
        const QString pattern = likePattern(filter.search);
        QStringList parts;
        for (const QString &column : m_spec.searchColumns) {
            parts << Dialect::caseInsensitiveLike(m_db.config().backend, column);
            values << pattern;
        }
        where << u'(' + parts.join(u" OR "_s) + u')';
    }
    if (filter.beforeId > 0) {
        where << u"id < ?"_s;
        values << filter.beforeId;
    }
    QString sql = u"SELECT "_s + m_spec.columns + u" FROM "_s + m_spec.table;
    if (!where.isEmpty())
        sql += u" WHERE "_s + where.join(u" AND "_s);
    sql += u" ORDER BY id DESC LIMIT ?"_s;
    values << qBound(1, filter.limit, 10000);
    return query(sql, values, read);
}

Result<QPair<OutboxState, int>> OutboxStore::stateOf(qint64 id)
{
    SqlStatement st(m_db, u"SELECT state, version FROM "_s + m_spec.table + u" WHERE id = ?"_s);
    st.bind(id);
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return DbError(DbError::Code::NotFound, text(m_spec.texts.notFound).arg(id));
    return QPair<OutboxState, int>(
        OutboxStates::fromCode(st.value(0).toString()).value_or(OutboxState::Queued), st.value(1).toInt());
}

Result<QHash<OutboxState, int>> OutboxStore::countByState()
{
    QHash<OutboxState, int> counts;
    for (OutboxState state : OutboxStates::all())
        counts.insert(state, 0);
    SqlStatement st(m_db, u"SELECT state, COUNT(*) FROM "_s + m_spec.table + u" GROUP BY state"_s);
    if (auto r = st.exec(); !r)
        return r.error();
    while (st.next()) {
        if (const auto state = OutboxStates::fromCode(st.value(0).toString()))
            counts[*state] += st.value(1).toInt();
    }
    return counts;
}

VoidResult OutboxStore::change(qint64 id, int expectedVersion, const Change &c, const Actor &actor,
                               const Reader &read)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<QPair<OutboxState, int>> current = stateOf(id);
    if (!current)
        return current.error();
    const auto [state, version] = current.value();
    if (state != c.from)
        return DbError(DbError::Code::InvalidState,
                       text(c.notInState).arg(id).arg(OutboxStates::label(state).toLower()));
    if (expectedVersion > 0 && version != expectedVersion)
        return DbError(DbError::Code::Conflict, text(c.stale).arg(id));
    QVariantList values = c.setValues;
    values << id << version;
    bool changed = false;
    if (auto r = query(u"UPDATE "_s + m_spec.table + u" SET "_s + c.setSql +
                           u", claim_owner = NULL, claim_expires_at = NULL, updated_at = ?, "
                           "version = version + 1 WHERE id = ? AND state = '"_s +
                           OutboxStates::code(c.from) + u"' AND version = ? RETURNING "_s + m_spec.columns,
                       values,
                       [&](const SqlStatement &st) {
                           changed = true;
                           read(st);
                       });
        !r)
        return r;
    if (!changed)
        return DbError(DbError::Code::Conflict, text(c.changed).arg(id));
    if (c.queued) {
        if (const Result<EnqueueResult> drain = ensureDrain(m_db, m_clock, actor, 0, m_spec); !drain)
            return drain.error();
    }
    if (auto r = announce(); !r)
        return r;
    return tx.commit();
}

VoidResult OutboxStore::resolveUncertain(qint64 id, Resolution resolution, const Actor &actor,
                                         int expectedVersion, const Reader &read)
{
    const qint64 now = m_clock.nowMs();
    Change c{.from = OutboxState::Uncertain,
             .notInState = m_spec.texts.notUncertain,
             .stale = m_spec.texts.decideStale,
             .changed = m_spec.texts.decideChanged};
    if (resolution == Resolution::MarkSent) {
        c.setSql =
            u"state = 'sent', sent_at = ?, resolution = 'marked_sent', resolved_by = ?, resolved_at = ?"_s;
    } else {
        // "Send again" allows one more attempt beyond those spent, so a message whose
        // uncertain attempt was its last can still go.
        c.setSql = u"state = 'queued', next_attempt_at = ?, resolution = 'resent', resolved_by = ?, "
                   "resolved_at = ?, max_attempts = CASE WHEN attempts >= max_attempts THEN attempts + 1 "
                   "ELSE max_attempts END"_s;
        c.queued = true;
    }
    c.setValues = {now, notNull(actor.username), now, now};
    if (auto r = change(id, expectedVersion, c, actor, read); !r)
        return r;
    qCInfo(m_spec.log) << m_spec.noun << id
                       << (resolution == Resolution::MarkSent ? "marked as sent" : "queued again") << "by"
                       << actor.username;
    return {};
}

VoidResult OutboxStore::retry(qint64 id, const Actor &actor, int expectedVersion, const Reader &read)
{
    // A failed attempt never reached the recipient's side (see the protocol), so sending
    // it again cannot double it. The attempts start over.
    const qint64 now = m_clock.nowMs();
    const Change c{.from = OutboxState::Failed,
                   .notInState = m_spec.texts.notFailed,
                   .stale = m_spec.texts.retryStale,
                   .changed = m_spec.texts.retryChanged,
                   .setSql = u"state = 'queued', attempts = 0, next_attempt_at = ?"_s,
                   .setValues = {now, now},
                   .queued = true};
    return change(id, expectedVersion, c, actor, read);
}

Result<int> OutboxStore::markOrphansUncertain(const QString &self)
{
    const qint64 now = m_clock.nowMs();
    // The owner is alive while its drain job runs under the same worker with a lease that
    // has not expired (the engine renews it with heartbeats). An attempt of the asking
    // drain's own worker is an earlier drain's (one drain at a time per worker, and the
    // asker has none in flight): that drain stopped without its outcome, typically cut off
    // from the database, and its job was run again.
    const QString &t = m_spec.table;
    SqlStatement st(m_db, u"UPDATE "_s + t +
                              u" SET state = 'uncertain', last_error = ?, claim_owner = NULL, "
                              "claim_expires_at = NULL, updated_at = ?, version = version + 1 "
                              "WHERE state = 'sending' AND (sending_owner = ? OR NOT EXISTS (SELECT 1 FROM "
                              "jobs j WHERE j.id = "_s +
                              t + u".sending_job_id AND j.state = 'running' AND j.lease_owner = "_s + t +
                              u".sending_owner AND j.lease_expires_at >= ?)) RETURNING id, sending_owner"_s);
    st.bind(text(m_spec.texts.orphaned)).bind(now).bind(notNull(self)).bind(now);
    if (auto r = st.exec(); !r)
        return r.error();
    int count = 0;
    while (st.next()) {
        ++count;
        qCWarning(m_spec.log) << m_spec.noun << st.value(0).toLongLong() << "is uncertain: its sender"
                              << st.value(1).toString() << "is gone";
    }
    if (count > 0) {
        st.finish();
        if (auto r = announce(); !r)
            return r.error();
    }
    return count;
}

VoidResult OutboxStore::claimDue(const QString &owner, int limit, qint64 claimMs, const Reader &read)
{
    if (owner.isEmpty() || owner.size() > 200)
        return DbError(DbError::Code::Validation, text(m_spec.texts.senderName).arg(200));
    const qint64 now = m_clock.nowMs();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QList<qint64> ids;
    {
        SqlStatement st(m_db, u"SELECT id FROM "_s + m_spec.table + u" WHERE "_s + claimable() +
                                  u" ORDER BY next_attempt_at, id LIMIT ?"_s +
                                  (m_db.isPostgreSQL() ? u" FOR UPDATE SKIP LOCKED"_s : QString()));
        st.bind(now).bind(now).bind(owner).bind(now).bind(qBound(1, limit, 1000));
        if (auto r = st.exec(); !r)
            return r;
        while (st.next())
            ids.append(st.value(0).toLongLong());
    }
    if (ids.isEmpty()) {
        tx.rollback();
        return {};
    }
    QVariantList values{owner, now + claimMs};
    for (qint64 id : std::as_const(ids))
        values << id;
    if (auto r = query(u"UPDATE "_s + m_spec.table +
                           u" SET claim_owner = ?, claim_expires_at = ? WHERE id IN ("_s +
                           placeholders(ids.size()) + u") AND state = 'queued' RETURNING "_s + m_spec.columns,
                       values, read);
        !r)
        return r;
    return tx.commit();
}

VoidResult OutboxStore::releaseClaims(const QString &owner, const QList<qint64> &ids, qint64 notBefore)
{
    if (ids.isEmpty())
        return {};
    QVariantList values{notBefore, notBefore};
    for (qint64 id : ids)
        values << id;
    values << owner;
    return SqlStatement::run(
        m_db,
        u"UPDATE "_s + m_spec.table +
            u" SET claim_owner = NULL, claim_expires_at = NULL, "
            "next_attempt_at = CASE WHEN next_attempt_at < ? THEN ? ELSE next_attempt_at END "
            "WHERE id IN ("_s +
            placeholders(ids.size()) + u") AND state = 'queued' AND claim_owner = ?"_s,
        values);
}

Result<std::optional<OutboxStore::Attempt>> OutboxStore::beginAttempt(qint64 id, const QString &owner,
                                                                      qint64 jobId)
{
    // One autocommitted statement: the attempt is on record before the recipient's
    // server or gateway hears of it. Only while the job's lease is still this worker's,
    // so that a message in 'sending' always names a sender that the orphan check can
    // judge.
    const qint64 now = m_clock.nowMs();
    SqlStatement st(
        m_db,
        u"UPDATE "_s + m_spec.table +
            u" SET state = 'sending', attempts = attempts + 1, sending_owner = ?, "
            "sending_job_id = ?, sending_started_at = ?, updated_at = ?, version = version + 1 "
            "WHERE id = ? AND state = 'queued' AND claim_owner = ? AND EXISTS (SELECT 1 FROM jobs j "
            "WHERE j.id = ? AND j.state = 'running' AND j.lease_owner = ? AND j.lease_expires_at >= ?)"_s);
    st.bind(owner).bind(jobId).bind(now).bind(now).bind(id).bind(owner).bind(jobId).bind(owner).bind(now);
    if (auto r = st.exec(); !r)
        return r.error();
    if (st.numRowsAffected() <= 0)
        return std::optional<Attempt>();
    return std::optional<Attempt>(Attempt{id, owner, jobId, now});
}

VoidResult OutboxStore::recordOutcome(const Attempt &attempt, const QString &setSql,
                                      const QVariantList &setValues, const Reader &read)
{
    // Only this very attempt (worker, job and start time), still 'sending' — or judged
    // 'uncertain' by another drain that presumed this worker gone, and not decided by a
    // person since (a decision moves the row on): the real outcome beats the guess.
    QVariantList values = setValues;
    values << m_clock.nowMs() << attempt.id << attempt.owner << attempt.jobId << attempt.startedAt;
    bool recorded = false;
    if (auto r =
            query(u"UPDATE "_s + m_spec.table + u" SET "_s + setSql +
                      u", claim_owner = NULL, claim_expires_at = NULL, updated_at = ?, version = version + 1 "
                      "WHERE id = ? AND sending_owner = ? AND sending_job_id = ? AND sending_started_at = ? "
                      "AND state IN ('sending', 'uncertain') RETURNING "_s +
                      m_spec.columns,
                  values,
                  [&](const SqlStatement &st) {
                      recorded = true;
                      read(st);
                  });
        !r)
        return r;
    if (!recorded)
        return DbError(DbError::Code::LeaseLost, text(m_spec.texts.notSending).arg(attempt.id));
    return announce();
}

VoidResult OutboxStore::recordSent(const Attempt &attempt, const QString &reply, const Reader &read)
{
    return recordOutcome(attempt,
                         u"state = 'sent', sent_at = ?, "_s + m_spec.replyColumn + u" = ?, last_error = ''"_s,
                         {m_clock.nowMs(), notNull(clipped(reply, kErrorMax))}, read);
}

VoidResult OutboxStore::recordTransient(const Attempt &attempt, const QString &error, qint64 retryAt,
                                        const Reader &read)
{
    return recordOutcome(attempt,
                         u"state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END, "
                         "next_attempt_at = ?, last_error = ?"_s,
                         {retryAt, notNull(clipped(error, kErrorMax))}, read);
}

VoidResult OutboxStore::recordFailed(const Attempt &attempt, const QString &error, const Reader &read)
{
    return recordOutcome(attempt, u"state = 'failed', last_error = ?"_s, {notNull(clipped(error, kErrorMax))},
                         read);
}

VoidResult OutboxStore::recordUncertain(const Attempt &attempt, const QString &error, const Reader &read)
{
    return recordOutcome(attempt, u"state = 'uncertain', last_error = ?"_s,
                         {notNull(clipped(error, kErrorMax))}, read);
}

VoidResult OutboxStore::recordDeferred(const Attempt &attempt, const QString &error, qint64 retryAt,
                                       const Reader &read)
{
    return recordOutcome(attempt, u"state = 'queued', next_attempt_at = ?, last_error = ?"_s,
                         {retryAt, notNull(clipped(error, kErrorMax))}, read);
}

Result<int> OutboxStore::makeWaitingDue()
{
    const qint64 now = m_clock.nowMs();
    SqlStatement st(m_db, u"UPDATE "_s + m_spec.table +
                              u" SET next_attempt_at = ?, updated_at = ?, version = version + 1 "
                              "WHERE state = 'queued' AND next_attempt_at > ?"_s);
    st.bind(now).bind(now).bind(now);
    if (auto r = st.exec(); !r)
        return r.error();
    const int moved = st.numRowsAffected();
    if (moved > 0) {
        if (auto r = announce(); !r)
            return r.error();
    }
    return moved;
}

Result<int> OutboxStore::countDue(const QString &self)
{
    const qint64 now = m_clock.nowMs();
    SqlStatement st(m_db, u"SELECT COUNT(*) FROM "_s + m_spec.table + u" WHERE "_s + claimable());
    st.bind(now).bind(now).bind(notNull(self)).bind(now);
    if (auto r = st.exec(); !r)
        return r.error();
    return st.next() ? st.value(0).toInt() : 0;
}

Result<qint64> OutboxStore::nextAttemptAt()
{
    SqlStatement st(m_db,
                    u"SELECT MIN(next_attempt_at) FROM "_s + m_spec.table + u" WHERE state = 'queued'"_s);
    if (auto r = st.exec(); !r)
        return r.error();
    return st.next() ? nullableInt(st.value(0)) : qint64(0);
}

// The messages a drain is left with, and from when each is a drain's business (bound
// values: now, the asking worker, now, now, now, the asking worker): a queued message at
// its next_attempt_at, or, while a live drain of another worker holds it, not before that
// hold ends unless renewed (the claim's expiry or that drain's lease expiry, whichever
// comes first, plus 1 ms: a claim and a lease hold up to and including their expiry
// time); a message in 'sending' under another worker's live lease when that lease ends
// (then, if not renewed, the attempt is an orphan to judge), and one under no live lease
// at once (now). MIN over both: when the next drain should look.
Result<qint64> OutboxStore::nextDrainAt(const QString &self)
{
    const qint64 now = m_clock.nowMs();
    SqlStatement st(
        m_db, u"SELECT MIN(x.at) FROM ("
              "SELECT CASE WHEN j.id IS NULL OR o.claim_owner IS NULL OR o.claim_expires_at < ? "
              "OR o.claim_owner = ? THEN o.next_attempt_at "
              "ELSE CASE WHEN (CASE WHEN o.claim_expires_at < j.lease_expires_at THEN o.claim_expires_at "
              "ELSE j.lease_expires_at END) + 1 > o.next_attempt_at "
              "THEN (CASE WHEN o.claim_expires_at < j.lease_expires_at THEN o.claim_expires_at "
              "ELSE j.lease_expires_at END) + 1 ELSE o.next_attempt_at END END AS at "
              "FROM "_s +
                  m_spec.table + u" o LEFT JOIN jobs j ON j.kind = '"_s + m_spec.jobKind +
                  u"' AND j.state = 'running' "
                  "AND j.lease_owner = o.claim_owner AND j.lease_expires_at >= ? "
                  "WHERE o.state = 'queued' "
                  "UNION ALL "
                  "SELECT CASE WHEN j.id IS NULL THEN ? ELSE j.lease_expires_at + 1 END AS at "
                  "FROM "_s +
                  m_spec.table +
                  u" o LEFT JOIN jobs j ON j.id = o.sending_job_id AND j.state = 'running' "
                  "AND j.lease_owner = o.sending_owner AND j.lease_expires_at >= ? "
                  "WHERE o.state = 'sending' AND o.sending_owner <> ?) x"_s);
    st.bind(now).bind(notNull(self)).bind(now).bind(now).bind(now).bind(notNull(self));
    if (auto r = st.exec(); !r)
        return r.error();
    return st.next() ? nullableInt(st.value(0)) : qint64(0);
}

Result<EnqueueResult> OutboxStore::ensureDrain(Database &db, const JobClock &clock, const Actor &actor,
                                               qint64 runAfter, const Spec &spec)
{
    // Why more than one unique key. Drains are merged by key so that a bulk enqueue of a
    // thousand messages queues one job, not a thousand. But merging into a drain that is
    // already running can strand a message: that drain may have done its last scan before
    // this message's transaction commits, and then it ends without it. So:
    //  - merged into a QUEUED drain: on PostgreSQL the job row is share-locked until the
    //    caller's transaction ends; a worker's claim (FOR UPDATE SKIP LOCKED) skips it
    //    until then, so it cannot start (and scan) before this message is visible. On
    //    SQLite the caller's write transaction already blocks every other writer, the
    //    claim included.
    //  - merged into a RUNNING drain: a second drain is queued under another key
    //    (afterRunningDrainKey, merged and locked the same way) that runs after it.
    //  - what remains — both keys held by running drains, on two engines, both past their
    //    last scan — is covered by the recurring safety net (a recurring drain every 10
    //    minutes, MailTasks/SmsTasks::defaultRecurring) and by every later enqueue; each
    //    drain also re-scans before it ends.
    //  - merged into a queued drain that waits for a later time (a retry drain at the next
    //    backoff, or a drain put back with a backoff after a failure), it is brought
    //    forward to the time asked for: merging never delays a drain.
    const bool pg = db.isPostgreSQL();
    JobStore store(db, clock);
    struct Keyed
    {
        EnqueueResult job;
        QString state; // the merged drain's, share-locked on PostgreSQL; "queued" for a new one
    };
    // Queues a drain under `key`, or merges into the drain that holds it: brought forward
    // to `after` (or now) if it waits for later, and on PostgreSQL share-locked until the
    // caller's transaction ends. The drain may be another person's, which the caller's
    // row-level security hides: residesk_job_key_hold (0029) does both for the one job
    // holding the key, for a kind the caller may queue.
    const auto enqueueKey = [&](const char *key, qint64 after) -> Result<Keyed> {
        JobRequest request;
        request.kind = spec.jobKind;
        request.uniqueKey = QString::fromLatin1(key);
        request.onDuplicate = JobRequest::OnDuplicate::Merge;
        request.runAfter = after;
        const Result<EnqueueResult> queued = store.enqueue(request, actor);
        if (!queued)
            return queued.error();
        if (!queued->merged)
            return Keyed{queued.value(), u"queued"_s};
        const qint64 at = after > 0 ? after : clock.nowMs();
        if (pg) {
            SqlStatement st(db, u"SELECT residesk_job_key_hold(?, ?, ?, ?, ?)"_s);
            st.bind(queued->id).bind(request.uniqueKey).bind(request.kind).bind(at).bind(clock.nowMs());
            if (auto r = st.exec(); !r)
                return r.error();
            return Keyed{queued.value(), st.next() ? st.value(0).toString() : QString()};
        }
        if (auto r = SqlStatement::run(db,
                                       u"UPDATE jobs SET run_after = ?, updated_at = ? "
                                       "WHERE id = ? AND state = 'queued' AND run_after > ?"_s,
                                       {at, clock.nowMs(), queued->id, at});
            !r)
            return r.error();
        SqlStatement st(db, u"SELECT state FROM jobs WHERE id = ?"_s);
        st.bind(queued->id);
        if (auto r = st.exec(); !r)
            return r.error();
        return Keyed{queued.value(), st.next() ? st.value(0).toString() : QString()};
    };

    if (runAfter > clock.nowMs()) {
        // A retry drain that is running (typically the caller, scheduling its own successor
        // after a server problem) holds its key until it ends: merging into it would
        // schedule nothing.
        const Result<Keyed> retry = enqueueKey(spec.retryDrainKey, runAfter);
        if (!retry)
            return retry.error();
        if (!retry->job.merged || retry->state != u"running"_s)
            return retry->job;
        const Result<Keyed> again = enqueueKey(spec.retryAgainDrainKey, runAfter);
        if (!again)
            return again.error();
        return again->job;
    }

    const Result<Keyed> first = enqueueKey(spec.drainKey, 0);
    if (!first)
        return first.error();
    if (!first->job.merged || first->state == u"queued"_s)
        return first->job;
    const Result<Keyed> after = enqueueKey(spec.afterRunningDrainKey, 0);
    if (!after)
        return after.error();
    return after->job;
}

Result<qint64> OutboxStore::ensurePendingDrain(Database &db, const JobClock &clock, const Actor &actor,
                                               const Spec &spec)
{
    const Result<qint64> next = OutboxStore(db, clock, spec).nextDrainAt({});
    if (!next)
        return next.error();
    if (next.value() == 0)
        return qint64(0);
    const qint64 now = clock.nowMs();
    const Result<EnqueueResult> drain =
        ensureDrain(db, clock, actor, next.value() > now ? next.value() : 0, spec);
    if (!drain)
        return drain.error();
    return drain->id;
}
