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
using StoreSql::idOrNull;
using StoreSql::notNull;
using StoreSql::nullableInt;
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

constexpr qsizetype kNameMax = 200;
constexpr qsizetype kKeyMax = 300;

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

const OutboxStore::Spec &SmsOutbox::spec()
{
    static const OutboxStore::Spec spec = [] {
        OutboxStore::Spec s;
        s.table = kTable;
        s.jobKind = u"sms.send"_s;
        s.columns = kColumns;
        s.replyColumn = u"gateway_reply"_s;
        s.searchColumns = {u"to_number"_s, u"to_name"_s, u"body_text"_s};
        s.drainKey = kDrainKey;
        s.retryDrainKey = kRetryDrainKey;
        s.retryAgainDrainKey = kRetryAgainDrainKey;
        s.afterRunningDrainKey = kAfterRunningDrainKey;
        s.context = "SmsOutbox";
        s.texts.notFound = QT_TRANSLATE_NOOP("SmsOutbox", "There is no text message %1 in the outbox.");
        s.texts.notUncertain = QT_TRANSLATE_NOOP(
            "SmsOutbox",
            "Only an uncertain text message can be marked as sent or sent again; message %1 is %2.");
        s.texts.decideStale = QT_TRANSLATE_NOOP(
            "SmsOutbox",
            "Text message %1 was changed by someone else meanwhile; reload it and decide again.");
        s.texts.decideChanged =
            QT_TRANSLATE_NOOP("SmsOutbox", "Text message %1 changed meanwhile; reload it and decide again.");
        s.texts.notFailed =
            QT_TRANSLATE_NOOP("SmsOutbox", "Only a failed text message can be retried; message %1 is %2.");
        s.texts.retryStale = QT_TRANSLATE_NOOP(
            "SmsOutbox", "Text message %1 was changed by someone else meanwhile; reload it and try again.");
        s.texts.retryChanged =
            QT_TRANSLATE_NOOP("SmsOutbox", "Text message %1 changed meanwhile; reload it and try again.");
        s.texts.orphaned = QT_TRANSLATE_NOOP(
            "SmsOutbox",
            "The worker sending this text message stopped before the gateway's answer was recorded: it "
            "may or may not have been delivered. Check with the recipient, then mark it as sent or send "
            "it again.");
        s.texts.senderName = QT_TRANSLATE_NOOP("SmsOutbox", "A sender needs a name of 1 to %1 characters.");
        s.texts.notSending = QT_TRANSLATE_NOOP(
            "SmsOutbox",
            "Text message %1 is no longer being sent by this worker; its outcome was not recorded.");
        s.noun = "text message";
        s.log = &lcSmsOutbox;
        return s;
    }();
    return spec;
}

SmsOutbox::SmsOutbox(Database &db, const JobClock &clock)
    : m_db(db)
    , m_clock(clock)
    , m_records(db, clock, spec(), &readRecord)
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
    if (auto r = m_records.store().announce(); !r)
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
    return OutboxStore::ensureDrain(db, clock, actor, runAfter, spec());
}

Result<qint64> SmsOutbox::ensurePendingDrain(Database &db, const JobClock &clock, const Actor &actor)
{
    return OutboxStore::ensurePendingDrain(db, clock, actor, spec());
}

Result<SmsRecord> SmsOutbox::get(qint64 id)
{
    return m_records.get(id);
}

Result<QList<SmsRecord>> SmsOutbox::list(const ListFilter &filter)
{
    return m_records.list(filter);
}

Result<QHash<OutboxState, int>> SmsOutbox::countByState()
{
    return m_records.store().countByState();
}

Result<SmsRecord> SmsOutbox::resolveUncertain(qint64 id, Resolution resolution, const Actor &actor,
                                              int expectedVersion)
{
    return m_records.resolveUncertain(id, resolution, actor, expectedVersion);
}

Result<SmsRecord> SmsOutbox::retry(qint64 id, const Actor &actor, int expectedVersion)
{
    return m_records.retry(id, actor, expectedVersion);
}

Result<int> SmsOutbox::markOrphansUncertain(const QString &self)
{
    return m_records.store().markOrphansUncertain(self);
}

Result<QList<SmsRecord>> SmsOutbox::claimDue(const QString &owner, int limit, qint64 claimMs)
{
    return m_records.claimDue(owner, limit, claimMs);
}

VoidResult SmsOutbox::releaseClaims(const QString &owner, const QList<qint64> &ids, qint64 notBefore)
{
    return m_records.store().releaseClaims(owner, ids, notBefore);
}

Result<std::optional<SmsOutbox::Attempt>> SmsOutbox::beginAttempt(qint64 id, const QString &owner,
                                                                  qint64 jobId)
{
    return m_records.store().beginAttempt(id, owner, jobId);
}

Result<SmsRecord> SmsOutbox::recordSent(const Attempt &attempt, const QString &reply)
{
    return m_records.recordSent(attempt, reply);
}

Result<SmsRecord> SmsOutbox::recordTransient(const Attempt &attempt, const QString &error, qint64 retryAt)
{
    return m_records.recordTransient(attempt, error, retryAt);
}

Result<SmsRecord> SmsOutbox::recordFailed(const Attempt &attempt, const QString &error)
{
    return m_records.recordFailed(attempt, error);
}

Result<SmsRecord> SmsOutbox::recordUncertain(const Attempt &attempt, const QString &error)
{
    return m_records.recordUncertain(attempt, error);
}

Result<SmsRecord> SmsOutbox::recordDeferred(const Attempt &attempt, const QString &error, qint64 retryAt)
{
    return m_records.recordDeferred(attempt, error, retryAt);
}

Result<int> SmsOutbox::makeWaitingDue()
{
    return m_records.store().makeWaitingDue();
}

Result<int> SmsOutbox::countDue(const QString &self)
{
    return m_records.store().countDue(self);
}

Result<qint64> SmsOutbox::nextDrainAt(const QString &self)
{
    return m_records.store().nextDrainAt(self);
}
