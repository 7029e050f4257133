#include "tasks/sms/smsoutbox.h"

#include "models/core/phonenumber.h"
#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/events.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "tasks/jobstore.h"
#include "tasks/storesql_p.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <memory>

using namespace Qt::StringLiterals;
using StoreSql::clipped;
using StoreSql::idOrNull;
using StoreSql::likePattern;
using StoreSql::notNull;
using StoreSql::nullableInt;
using StoreSql::placeholders;
using StoreSql::textOrNull;

Q_LOGGING_CATEGORY(lcSmsOutbox, "residesk.sms.outbox")

namespace {

const QString kTable = u"sms_outbox"_s;

// Every column the store reads, in the order readRecord() expects.
const QString kColumns =
    u"id, dedupe_key, to_number, to_name, body_text, state, attempts, max_attempts, next_attempt_at, "
    "last_error, gateway_reply, claim_owner, sending_owner, sending_job_id, sending_started_at, sent_at, "
    "resolution, resolved_by, resolved_at, related_entity, related_id, created_by, created_at, updated_at, "
    "version"_s;

// A queued message a drain may claim now (bound: now, now, the claiming worker, now);
// see kClaimable in tasks/mail/outbox.cpp, whose rules these are.
const QString kClaimable =
    u"state = 'queued' AND next_attempt_at <= ? AND (claim_owner IS NULL OR claim_expires_at < ? "
    "OR claim_owner = ? "
    "OR NOT EXISTS (SELECT 1 FROM jobs j WHERE j.kind = 'sms.send' AND j.state = 'running' "
    "AND j.lease_owner = sms_outbox.claim_owner AND j.lease_expires_at >= ?))"_s;

// When the next drain should look (bound: now, self, now, now, now, self); see
// kNextDrainAt in tasks/mail/outbox.cpp.
const QString kNextDrainAt =
    u"SELECT MIN(x.at) FROM ("
    "SELECT CASE WHEN j.id IS NULL OR o.claim_owner IS NULL OR o.claim_expires_at < ? "
    "OR o.claim_owner = ? THEN o.next_attempt_at "
    "ELSE CASE WHEN (CASE WHEN o.claim_expires_at < j.lease_expires_at THEN o.claim_expires_at "
    "ELSE j.lease_expires_at END) + 1 > o.next_attempt_at "
    "THEN (CASE WHEN o.claim_expires_at < j.lease_expires_at THEN o.claim_expires_at "
    "ELSE j.lease_expires_at END) + 1 ELSE o.next_attempt_at END END AS at "
    "FROM sms_outbox o LEFT JOIN jobs j ON j.kind = 'sms.send' AND j.state = 'running' "
    "AND j.lease_owner = o.claim_owner AND j.lease_expires_at >= ? "
    "WHERE o.state = 'queued' "
    "UNION ALL "
    "SELECT CASE WHEN j.id IS NULL THEN ? ELSE j.lease_expires_at + 1 END AS at "
    "FROM sms_outbox o LEFT JOIN jobs j ON j.id = o.sending_job_id AND j.state = 'running' "
    "AND j.lease_owner = o.sending_owner AND j.lease_expires_at >= ? "
    "WHERE o.state = 'sending' AND o.sending_owner <> ?) x"_s;

constexpr qsizetype kNameMax = 200;
constexpr qsizetype kKeyMax = 300;
constexpr qsizetype kErrorMax = 2000;

QJsonValue isoTime(qint64 ms)
{
    if (ms <= 0)
        return QJsonValue(QJsonValue::Null);
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonValue nullable(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

SmsRecord readRecord(const SqlStatement &st)
{
    SmsRecord r;
    r.id = st.value(0).toLongLong();
    r.dedupeKey = st.value(1).toString();
    r.toNumber = st.value(2).toString();
    r.toName = st.value(3).toString();
    r.text = st.value(4).toString();
    r.state = OutboxStates::fromCode(st.value(5).toString()).value_or(OutboxState::Queued);
    r.attempts = st.value(6).toInt();
    r.maxAttempts = st.value(7).toInt();
    r.nextAttemptAt = st.value(8).toLongLong();
    r.lastError = st.value(9).toString();
    r.gatewayReply = st.value(10).toString();
    r.claimOwner = st.value(11).toString();
    r.sendingOwner = st.value(12).toString();
    r.sendingJobId = nullableInt(st.value(13));
    r.sendingStartedAt = nullableInt(st.value(14));
    r.sentAt = nullableInt(st.value(15));
    r.resolution = st.value(16).toString();
    r.resolvedBy = st.value(17).toString();
    r.resolvedAt = nullableInt(st.value(18));
    r.relatedEntity = st.value(19).toString();
    r.relatedId = nullableInt(st.value(20));
    r.createdBy = st.value(21).toString();
    r.createdAt = st.value(22).toLongLong();
    r.updatedAt = st.value(23).toLongLong();
    r.version = st.value(24).toInt();
    return r;
}

Result<QList<SmsRecord>> queryRecords(Database &db, const QString &sql, const QVariantList &values)
{
    SqlStatement st(db, sql);
    for (const QVariant &v : values)
        st.bind(v);
    if (auto r = st.exec(); !r)
        return r.error();
    QList<SmsRecord> out;
    while (st.next())
        out.append(readRecord(st));
    return out;
}

VoidResult announce(Database &db)
{
    return Events::publishRecordsChanged(db, kTable);
}

} // namespace

QJsonObject SmsRecord::toJson() const
{
    return {
        {u"id"_s, id},
        {u"to"_s, toNumber},
        {u"to_name"_s, toName},
        {u"text"_s, text},
        {u"state"_s, OutboxStates::code(state)},
        {u"attempts"_s, attempts},
        {u"max_attempts"_s, maxAttempts},
        {u"error"_s, lastError},
        {u"reply"_s, gatewayReply},
        {u"dedupe_key"_s, nullable(dedupeKey)},
        {u"related_entity"_s, nullable(relatedEntity)},
        {u"related_id"_s, relatedId > 0 ? QJsonValue(relatedId) : QJsonValue(QJsonValue::Null)},
        {u"resolution"_s, nullable(resolution)},
        {u"resolved_by"_s, nullable(resolvedBy)},
        {u"resolved_at"_s, isoTime(resolvedAt)},
        {u"created_by"_s, createdBy},
        {u"created_at"_s, isoTime(createdAt)},
        {u"sent_at"_s, isoTime(sentAt)},
        {u"next_attempt_at"_s,
         state == OutboxState::Queued ? isoTime(nextAttemptAt) : QJsonValue(QJsonValue::Null)},
        {u"version"_s, version},
    };
}

SmsOutbox::SmsOutbox(Database &db, const JobClock &clock)
    : m_db(db)
    , m_clock(clock)
{}

QList<FieldError> SmsOutbox::validate(const SmsMessage &m)
{
    QList<FieldError> errors;
    if (m.toNumber.trimmed().isEmpty())
        errors.append({u"to"_s, tr("A text message needs a phone number to go to.")});
    else if (const PhoneNumber::Parsed parsed = PhoneNumber::normalize(m.toNumber); !parsed.ok())
        errors.append({u"to"_s, parsed.error});
    if (m.text.trimmed().isEmpty())
        errors.append({u"text"_s, tr("A text message needs a text.")});
    else if (m.text.size() > kTextMax)
        errors.append({u"text"_s, tr("A text message must be at most %1 characters long, not %2.")
                                      .arg(kTextMax)
                                      .arg(m.text.size())});
    if (m.toName.size() > kNameMax || m.toName.contains(u'\n'))
        errors.append({u"to_name"_s,
                       tr("The recipient's name must be one line of at most %1 characters.").arg(kNameMax)});
    if (m.dedupeKey.size() > kKeyMax)
        errors.append(
            {u"dedupe_key"_s, tr("The deduplication key must be at most %1 characters long.").arg(kKeyMax)});
    if (m.maxAttempts < 0)
        errors.append({u"max_attempts"_s, tr("The number of attempts cannot be negative.")});
    return errors;
}

Result<SmsOutbox::Enqueued> SmsOutbox::enqueue(const SmsMessage &message, const Actor &actor)
{
    if (QList<FieldError> errors = validate(message); !errors.isEmpty())
        return DbError::validation(std::move(errors));
    const QString number = PhoneNumber::normalize(message.toNumber).e164;

    std::unique_ptr<Transaction> own;
    if (!Transaction::isOpen(m_db)) {
        own = std::make_unique<Transaction>(m_db);
        if (!own->ok())
            return own->error();
    }
    const qint64 now = m_clock.nowMs();
    const int maxAttempts = message.maxAttempts > 0 ? message.maxAttempts : kDefaultMaxAttempts;
    Enqueued out;
    for (int round = 0; round < 3 && out.id == 0; ++round) {
        {
            // DO NOTHING, not an error: on PostgreSQL an error would abort the caller's
            // whole transaction.
            SqlStatement st(m_db,
                            u"INSERT INTO sms_outbox (dedupe_key, to_number, to_name, body_text, state, "
                            "attempts, max_attempts, next_attempt_at, related_entity, related_id, "
                            "created_by, created_at, updated_at) "
                            "VALUES (?, ?, ?, ?, 'queued', 0, ?, ?, ?, ?, ?, ?, ?) "
                            "ON CONFLICT (dedupe_key) DO NOTHING RETURNING id"_s);
            st.bind(textOrNull(message.dedupeKey)).bind(number).bind(notNull(message.toName.trimmed()));
            st.bind(notNull(message.text)).bind(maxAttempts).bind(now).bind(notNull(message.relatedEntity));
            st.bind(idOrNull(message.relatedId)).bind(notNull(actor.username)).bind(now).bind(now);
            if (auto r = st.exec(); !r)
                return r.error();
            if (st.next()) {
                out.id = st.value(0).toLongLong();
                st.finish();
                break;
            }
        }
        if (message.dedupeKey.isEmpty())
            return DbError(DbError::Code::QueryFailed, tr("The text message was not stored."));
        SqlStatement existing(m_db, u"SELECT id FROM sms_outbox WHERE dedupe_key = ?"_s);
        existing.bind(message.dedupeKey);
        if (auto r = existing.exec(); !r)
            return r.error();
        if (existing.next()) {
            out.id = existing.value(0).toLongLong();
            out.existed = true;
        }
    }
    if (out.id == 0)
        return DbError(DbError::Code::Conflict,
                       tr("The text message with the key \"%1\" could not be queued; try again.")
                           .arg(message.dedupeKey));
    if (out.existed) {
        if (own)
            own->rollback();
        return out;
    }
    const Result<EnqueueResult> drain = ensureDrain(m_db, m_clock, actor);
    if (!drain)
        return drain.error();
    out.drainJobId = drain->id;
    if (auto r = announce(m_db); !r)
        return r.error();
    if (own) {
        if (auto r = own->commit(); !r)
            return r.error();
    }
    return out;
}

Result<EnqueueResult> SmsOutbox::ensureDrain(Database &db, const JobClock &clock, const Actor &actor,
                                             qint64 runAfter)
{
    // The keys and their race with a finishing drain: Outbox::ensureDrain, whose reasoning
    // holds word for word for the sms.send kind.
    const bool pg = db.isPostgreSQL();
    JobStore store(db, clock);
    const auto enqueueKey = [&](const char *key, qint64 after) -> Result<EnqueueResult> {
        JobRequest request;
        request.kind = u"sms.send"_s;
        request.uniqueKey = QString::fromLatin1(key);
        request.onDuplicate = JobRequest::OnDuplicate::Merge;
        request.runAfter = after;
        Result<EnqueueResult> queued = store.enqueue(request, actor);
        if (!queued || !queued->merged)
            return queued;
        const qint64 at = after > 0 ? after : clock.nowMs();
        if (auto r = SqlStatement::run(db,
                                       u"UPDATE jobs SET run_after = ?, updated_at = ? "
                                       "WHERE id = ? AND state = 'queued' AND run_after > ?"_s,
                                       {at, clock.nowMs(), queued->id, at});
            !r)
            return r.error();
        return queued;
    };
    const auto lockedState = [&](qint64 id) -> Result<QString> {
        SqlStatement st(db, pg ? u"SELECT state FROM jobs WHERE id = ? FOR SHARE"_s
                               : u"SELECT state FROM jobs WHERE id = ?"_s);
        st.bind(id);
        if (auto r = st.exec(); !r)
            return r.error();
        return st.next() ? st.value(0).toString() : QString();
    };
    if (runAfter > clock.nowMs()) {
        Result<EnqueueResult> retry = enqueueKey(kRetryDrainKey, runAfter);
        if (!retry || !retry->merged)
            return retry;
        const Result<QString> retryState = lockedState(retry->id);
        if (!retryState)
            return retryState.error();
        if (retryState.value() != u"running"_s)
            return retry;
        return enqueueKey(kRetryAgainDrainKey, runAfter);
    }
    Result<EnqueueResult> first = enqueueKey(kDrainKey, 0);
    if (!first || !first->merged)
        return first;
    const Result<QString> state = lockedState(first->id);
    if (!state)
        return state.error();
    if (state.value() == u"queued"_s)
        return first;
    Result<EnqueueResult> after = enqueueKey(kAfterRunningDrainKey, 0);
    if (!after || !after->merged)
        return after;
    if (const Result<QString> afterState = lockedState(after->id); !afterState)
        return afterState.error();
    return after;
}

Result<qint64> SmsOutbox::ensurePendingDrain(Database &db, const JobClock &clock, const Actor &actor)
{
    SmsOutbox outbox(db, clock);
    const Result<qint64> next = outbox.nextDrainAt();
    if (!next)
        return next.error();
    if (next.value() == 0)
        return qint64(0);
    const qint64 now = clock.nowMs();
    const Result<EnqueueResult> drain = ensureDrain(db, clock, actor, next.value() > now ? next.value() : 0);
    if (!drain)
        return drain.error();
    return drain->id;
}

Result<SmsRecord> SmsOutbox::get(qint64 id)
{
    Result<QList<SmsRecord>> rows =
        queryRecords(m_db, u"SELECT "_s + kColumns + u" FROM sms_outbox WHERE id = ?"_s, {id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return DbError(DbError::Code::NotFound, tr("There is no text message %1 in the outbox.").arg(id));
    return rows->first();
}

Result<QList<SmsRecord>> SmsOutbox::list(const ListFilter &filter)
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
        for (const QString &column : {u"to_number"_s, u"to_name"_s, u"body_text"_s}) {
            parts << Dialect::caseInsensitiveLike(m_db.config().backend, column);
            values << pattern;
        }
        where << u'(' + parts.join(u" OR "_s) + u')';
    }
    if (filter.beforeId > 0) {
        where << u"id < ?"_s;
        values << filter.beforeId;
    }
    QString sql = u"SELECT "_s + kColumns + u" FROM sms_outbox"_s;
    if (!where.isEmpty())
        sql += u" WHERE "_s + where.join(u" AND "_s);
    sql += u" ORDER BY id DESC LIMIT ?"_s;
    values << qBound(1, filter.limit, 10000);
    return queryRecords(m_db, sql, values);
}

Result<QHash<OutboxState, int>> SmsOutbox::countByState()
{
    QHash<OutboxState, int> counts;
    for (OutboxState state : OutboxStates::all())
        counts.insert(state, 0);
    SqlStatement st(m_db, u"SELECT state, COUNT(*) FROM sms_outbox GROUP BY state"_s);
    if (auto r = st.exec(); !r)
        return r.error();
    while (st.next()) {
        if (const auto state = OutboxStates::fromCode(st.value(0).toString()))
            counts[*state] += st.value(1).toInt();
    }
    return counts;
}

Result<SmsRecord> SmsOutbox::resolveUncertain(qint64 id, Resolution resolution, const Actor &actor,
                                              int expectedVersion)
{
    const qint64 now = m_clock.nowMs();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<SmsRecord> current = get(id);
    if (!current)
        return current.error();
    if (current->state != OutboxState::Uncertain)
        return DbError(
            DbError::Code::InvalidState,
            tr("Only an uncertain text message can be marked as sent or sent again; message %1 is %2.")
                .arg(id)
                .arg(OutboxStates::label(current->state).toLower()));
    if (expectedVersion > 0 && current->version != expectedVersion)
        return DbError(
            DbError::Code::Conflict,
            tr("Text message %1 was changed by someone else meanwhile; reload it and decide again.").arg(id));
    const QString sql =
        resolution == Resolution::MarkSent
            ? u"UPDATE sms_outbox SET state = 'sent', sent_at = ?, resolution = 'marked_sent', resolved_by = "
              u"?, "
              "resolved_at = ?, claim_owner = NULL, claim_expires_at = NULL, updated_at = ?, "
              "version = version + 1 WHERE id = ? AND state = 'uncertain' AND version = ? RETURNING "_s +
                  kColumns
            : u"UPDATE sms_outbox SET state = 'queued', next_attempt_at = ?, resolution = 'resent', "
              "resolved_by = ?, resolved_at = ?, max_attempts = CASE WHEN attempts >= max_attempts "
              "THEN attempts + 1 ELSE max_attempts END, claim_owner = NULL, claim_expires_at = NULL, "
              "updated_at = ?, version = version + 1 WHERE id = ? AND state = 'uncertain' AND version = ? "
              "RETURNING "_s +
                  kColumns;
    Result<QList<SmsRecord>> updated =
        queryRecords(m_db, sql, {now, notNull(actor.username), now, now, id, current->version});
    if (!updated)
        return updated.error();
    if (updated->isEmpty())
        return DbError(DbError::Code::Conflict,
                       tr("Text message %1 changed meanwhile; reload it and decide again.").arg(id));
    if (resolution == Resolution::Resend) {
        if (const Result<EnqueueResult> drain = ensureDrain(m_db, m_clock, actor); !drain)
            return drain.error();
    }
    if (auto r = announce(m_db); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return updated->first();
}

Result<SmsRecord> SmsOutbox::retry(qint64 id, const Actor &actor, int expectedVersion)
{
    const qint64 now = m_clock.nowMs();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<SmsRecord> current = get(id);
    if (!current)
        return current.error();
    if (current->state != OutboxState::Failed)
        return DbError(DbError::Code::InvalidState,
                       tr("Only a failed text message can be retried; message %1 is %2.")
                           .arg(id)
                           .arg(OutboxStates::label(current->state).toLower()));
    if (expectedVersion > 0 && current->version != expectedVersion)
        return DbError(
            DbError::Code::Conflict,
            tr("Text message %1 was changed by someone else meanwhile; reload it and try again.").arg(id));
    Result<QList<SmsRecord>> updated = queryRecords(
        m_db,
        u"UPDATE sms_outbox SET state = 'queued', attempts = 0, next_attempt_at = ?, claim_owner = NULL, "
        "claim_expires_at = NULL, updated_at = ?, version = version + 1 "
        "WHERE id = ? AND state = 'failed' AND version = ? RETURNING "_s +
            kColumns,
        {now, now, id, current->version});
    if (!updated)
        return updated.error();
    if (updated->isEmpty())
        return DbError(DbError::Code::Conflict,
                       tr("Text message %1 changed meanwhile; reload it and try again.").arg(id));
    if (const Result<EnqueueResult> drain = ensureDrain(m_db, m_clock, actor); !drain)
        return drain.error();
    if (auto r = announce(m_db); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return updated->first();
}

Result<int> SmsOutbox::markOrphansUncertain(const QString &self)
{
    const qint64 now = m_clock.nowMs();
    SqlStatement st(m_db,
                    u"UPDATE sms_outbox SET state = 'uncertain', last_error = ?, claim_owner = NULL, "
                    "claim_expires_at = NULL, updated_at = ?, version = version + 1 "
                    "WHERE state = 'sending' AND (sending_owner = ? OR NOT EXISTS (SELECT 1 FROM jobs j "
                    "WHERE j.id = sms_outbox.sending_job_id AND j.state = 'running' "
                    "AND j.lease_owner = sms_outbox.sending_owner AND j.lease_expires_at >= ?)) "
                    "RETURNING id, sending_owner"_s);
    st.bind(tr("The worker sending this text message stopped before the gateway's answer was recorded: it "
               "may or may not have been delivered. Check with the recipient, then mark it as sent or send "
               "it again."))
        .bind(now)
        .bind(notNull(self))
        .bind(now);
    if (auto r = st.exec(); !r)
        return r.error();
    int count = 0;
    while (st.next()) {
        ++count;
        qCWarning(lcSmsOutbox) << "text message" << st.value(0).toLongLong() << "is uncertain: its sender"
                               << st.value(1).toString() << "is gone";
    }
    if (count > 0) {
        st.finish();
        if (auto r = announce(m_db); !r)
            return r.error();
    }
    return count;
}

Result<QList<SmsRecord>> SmsOutbox::claimDue(const QString &owner, int limit, qint64 claimMs)
{
    if (owner.isEmpty() || owner.size() > 200)
        return DbError(DbError::Code::Validation,
                       tr("A sender needs a name of 1 to %1 characters.").arg(200));
    const qint64 now = m_clock.nowMs();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QList<qint64> ids;
    {
        SqlStatement st(m_db, u"SELECT id FROM sms_outbox WHERE "_s + kClaimable +
                                  u" ORDER BY next_attempt_at, id LIMIT ?"_s +
                                  (m_db.isPostgreSQL() ? u" FOR UPDATE SKIP LOCKED"_s : QString()));
        st.bind(now).bind(now).bind(owner).bind(now).bind(qBound(1, limit, 1000));
        if (auto r = st.exec(); !r)
            return r.error();
        while (st.next())
            ids.append(st.value(0).toLongLong());
    }
    if (ids.isEmpty()) {
        tx.rollback();
        return QList<SmsRecord>();
    }
    QVariantList values{owner, now + claimMs};
    for (qint64 id : std::as_const(ids))
        values << id;
    Result<QList<SmsRecord>> claimed =
        queryRecords(m_db,
                     u"UPDATE sms_outbox SET claim_owner = ?, claim_expires_at = ? WHERE id IN ("_s +
                         placeholders(ids.size()) + u") AND state = 'queued' RETURNING "_s + kColumns,
                     values);
    if (!claimed)
        return claimed.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    QList<SmsRecord> records = std::move(claimed.value());
    std::sort(records.begin(), records.end(), [](const SmsRecord &a, const SmsRecord &b) {
        return a.nextAttemptAt != b.nextAttemptAt ? a.nextAttemptAt < b.nextAttemptAt : a.id < b.id;
    });
    return records;
}

VoidResult SmsOutbox::releaseClaims(const QString &owner, const QList<qint64> &ids, qint64 notBefore)
{
    if (ids.isEmpty())
        return {};
    QVariantList values{notBefore, notBefore};
    for (qint64 id : ids)
        values << id;
    values << owner;
    return SqlStatement::run(
        m_db,
        u"UPDATE sms_outbox SET claim_owner = NULL, claim_expires_at = NULL, "
        "next_attempt_at = CASE WHEN next_attempt_at < ? THEN ? ELSE next_attempt_at END "
        "WHERE id IN ("_s +
            placeholders(ids.size()) + u") AND state = 'queued' AND claim_owner = ?"_s,
        values);
}

Result<std::optional<SmsOutbox::Attempt>> SmsOutbox::beginAttempt(qint64 id, const QString &owner,
                                                                  qint64 jobId)
{
    // One autocommitted statement: the attempt is on record before the gateway hears of
    // it, and only while the job's lease is still this worker's.
    const qint64 now = m_clock.nowMs();
    SqlStatement st(
        m_db, u"UPDATE sms_outbox SET state = 'sending', attempts = attempts + 1, sending_owner = ?, "
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

Result<SmsRecord> SmsOutbox::recordOutcome(const Attempt &attempt, const QString &setSql,
                                           const QVariantList &setValues)
{
    // Only this very attempt, still 'sending' or judged 'uncertain' by a drain that
    // presumed this worker gone and not decided by a person since.
    QVariantList values = setValues;
    values << m_clock.nowMs() << attempt.messageId << attempt.owner << attempt.jobId << attempt.startedAt;
    Result<QList<SmsRecord>> updated = queryRecords(
        m_db,
        u"UPDATE sms_outbox SET "_s + setSql +
            u", claim_owner = NULL, claim_expires_at = NULL, updated_at = ?, version = version + 1 "
            "WHERE id = ? AND sending_owner = ? AND sending_job_id = ? AND sending_started_at = ? "
            "AND state IN ('sending', 'uncertain') RETURNING "_s +
            kColumns,
        values);
    if (!updated)
        return updated.error();
    if (updated->isEmpty())
        return DbError(
            DbError::Code::LeaseLost,
            tr("Text message %1 is no longer being sent by this worker; its outcome was not recorded.")
                .arg(attempt.messageId));
    if (auto r = announce(m_db); !r)
        return r.error();
    return updated->first();
}

Result<SmsRecord> SmsOutbox::recordSent(const Attempt &attempt, const QString &reply)
{
    return recordOutcome(attempt, u"state = 'sent', sent_at = ?, gateway_reply = ?, last_error = ''"_s,
                         {m_clock.nowMs(), notNull(clipped(reply, kErrorMax))});
}

Result<SmsRecord> SmsOutbox::recordTransient(const Attempt &attempt, const QString &error, qint64 retryAt)
{
    return recordOutcome(attempt,
                         u"state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END, "
                         "next_attempt_at = ?, last_error = ?"_s,
                         {retryAt, notNull(clipped(error, kErrorMax))});
}

Result<SmsRecord> SmsOutbox::recordFailed(const Attempt &attempt, const QString &error)
{
    return recordOutcome(attempt, u"state = 'failed', last_error = ?"_s,
                         {notNull(clipped(error, kErrorMax))});
}

Result<SmsRecord> SmsOutbox::recordUncertain(const Attempt &attempt, const QString &error)
{
    return recordOutcome(attempt, u"state = 'uncertain', last_error = ?"_s,
                         {notNull(clipped(error, kErrorMax))});
}

Result<SmsRecord> SmsOutbox::recordDeferred(const Attempt &attempt, const QString &error, qint64 retryAt)
{
    return recordOutcome(attempt, u"state = 'queued', next_attempt_at = ?, last_error = ?"_s,
                         {retryAt, notNull(clipped(error, kErrorMax))});
}

Result<int> SmsOutbox::makeWaitingDue()
{
    const qint64 now = m_clock.nowMs();
    SqlStatement st(m_db, u"UPDATE sms_outbox SET next_attempt_at = ?, updated_at = ?, version = version + 1 "
                          "WHERE state = 'queued' AND next_attempt_at > ?"_s);
    st.bind(now).bind(now).bind(now);
    if (auto r = st.exec(); !r)
        return r.error();
    const int moved = st.numRowsAffected();
    if (moved > 0) {
        if (auto r = announce(m_db); !r)
            return r.error();
    }
    return moved;
}

Result<int> SmsOutbox::countDue(const QString &self)
{
    const qint64 now = m_clock.nowMs();
    SqlStatement st(m_db, u"SELECT COUNT(*) FROM sms_outbox WHERE "_s + kClaimable);
    st.bind(now).bind(now).bind(notNull(self)).bind(now);
    if (auto r = st.exec(); !r)
        return r.error();
    return st.next() ? st.value(0).toInt() : 0;
}

Result<qint64> SmsOutbox::nextDrainAt(const QString &self)
{
    const qint64 now = m_clock.nowMs();
    SqlStatement st(m_db, kNextDrainAt);
    st.bind(now).bind(notNull(self)).bind(now).bind(now).bind(now).bind(notNull(self));
    if (auto r = st.exec(); !r)
        return r.error();
    return st.next() ? nullableInt(st.value(0)) : qint64(0);
}
