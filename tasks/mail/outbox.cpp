#include "tasks/mail/outbox.h"

#include "models/core/jsontext.h"
#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/events.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/housing/residentrepository.h"
#include "tasks/jobstore.h"
#include "tasks/storesql_p.h"

#include <QLoggingCategory>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;
using StoreSql::clipped;
using StoreSql::idOrNull;
using StoreSql::likePattern;
using StoreSql::notNull;
using StoreSql::nullableInt;
using StoreSql::placeholders;
using StoreSql::textOrNull;

Q_LOGGING_CATEGORY(lcOutbox, "residesk.mail.outbox")

namespace {

// Every column of outbox_emails the store reads, in the order readEmail() expects,
// plus the number of attachments.
const QString kColumns =
    u"id, dedupe_key, to_address, to_name, from_address, from_name, subject, body_text, state, attempts, "
    "max_attempts, next_attempt_at, last_error, server_reply, message_id, claim_owner, sending_owner, "
    "sending_job_id, sending_started_at, sent_at, resolution, resolved_by, resolved_at, related_entity, "
    "related_id, created_by, created_at, updated_at, version, "
    "(SELECT COUNT(*) FROM outbox_attachments a WHERE a.email_id = outbox_emails.id)"_s;

// A queued e-mail a drain may claim now (four bound values: now, now, the claiming
// worker, now): due, and not reserved by a live drain of another worker. A claim ends
// when it expires, or at once when the drain that holds it is gone (its worker has no
// running mail.send job with a live lease: it crashed, was killed or cut off), so a
// dead drain's batch is not stuck for the length of its claim. A claim of the
// claiming worker itself is left over from an earlier drain of that worker (a worker
// runs one drain at a time, and a drain gives back or uses up its batch before it
// claims the next): that drain lost its connection mid-batch, its job went back to the
// queue, and the claim is taken over.
const QString kClaimable =
    u"state = 'queued' AND next_attempt_at <= ? AND (claim_owner IS NULL OR claim_expires_at < ? "
    "OR claim_owner = ? "
    "OR NOT EXISTS (SELECT 1 FROM jobs j WHERE j.kind = 'mail.send' AND j.state = 'running' "
    "AND j.lease_owner = outbox_emails.claim_owner AND j.lease_expires_at >= ?))"_s;

// The e-mails a drain is left with, and from when each is a drain's business (bound
// values: now, the asking worker, now, now, now, the asking worker): a queued
// e-mail at its next_attempt_at, or, while a live drain of another worker holds it,
// not before that hold ends unless renewed (the claim's expiry or that drain's lease
// expiry, whichever comes first, plus 1 ms: a claim and a lease hold up to and
// including their expiry time); an e-mail in 'sending' under another worker's live
// lease when that lease ends (then, if not renewed, the attempt is an orphan to judge),
// and one under no live lease at once (now). MIN over both: when the next drain should
// look.
const QString kNextDrainAt =
    u"SELECT MIN(x.at) FROM ("
    "SELECT CASE WHEN j.id IS NULL OR o.claim_owner IS NULL OR o.claim_expires_at < ? "
    "OR o.claim_owner = ? THEN o.next_attempt_at "
    "ELSE CASE WHEN (CASE WHEN o.claim_expires_at < j.lease_expires_at THEN o.claim_expires_at "
    "ELSE j.lease_expires_at END) + 1 > o.next_attempt_at "
    "THEN (CASE WHEN o.claim_expires_at < j.lease_expires_at THEN o.claim_expires_at "
    "ELSE j.lease_expires_at END) + 1 ELSE o.next_attempt_at END END AS at "
    "FROM outbox_emails o LEFT JOIN jobs j ON j.kind = 'mail.send' AND j.state = 'running' "
    "AND j.lease_owner = o.claim_owner AND j.lease_expires_at >= ? "
    "WHERE o.state = 'queued' "
    "UNION ALL "
    "SELECT CASE WHEN j.id IS NULL THEN ? ELSE j.lease_expires_at + 1 END AS at "
    "FROM outbox_emails o LEFT JOIN jobs j ON j.id = o.sending_job_id AND j.state = 'running' "
    "AND j.lease_owner = o.sending_owner AND j.lease_expires_at >= ? "
    "WHERE o.state = 'sending' AND o.sending_owner <> ?) x"_s;

constexpr qsizetype kSubjectMax = 998; // RFC 5322 line length
constexpr qsizetype kNameMax = 200;
constexpr qsizetype kKeyMax = 300;
constexpr qsizetype kBodyMax = 1024 * 1024;
constexpr qsizetype kAttachmentsMax = 20 * 1024 * 1024;
constexpr qsizetype kFilenameMax = 255;
constexpr qsizetype kErrorMax = 2000;

bool hasLineBreak(const QString &text)
{
    return text.contains(u'\r') || text.contains(u'\n');
}

OutboxEmail readEmail(const SqlStatement &st)
{
    OutboxEmail e;
    e.id = st.value(0).toLongLong();
    e.dedupeKey = st.value(1).toString();
    e.toAddress = st.value(2).toString();
    e.toName = st.value(3).toString();
    e.fromAddress = st.value(4).toString();
    e.fromName = st.value(5).toString();
    e.subject = st.value(6).toString();
    e.bodyText = st.value(7).toString();
    e.state = OutboxStates::fromCode(st.value(8).toString()).value_or(OutboxState::Queued);
    e.attempts = st.value(9).toInt();
    e.maxAttempts = st.value(10).toInt();
    e.nextAttemptAt = st.value(11).toLongLong();
    e.lastError = st.value(12).toString();
    e.serverReply = st.value(13).toString();
    e.messageId = st.value(14).toString();
    e.claimOwner = st.value(15).toString();
    e.sendingOwner = st.value(16).toString();
    e.sendingJobId = nullableInt(st.value(17));
    e.sendingStartedAt = nullableInt(st.value(18));
    e.sentAt = nullableInt(st.value(19));
    e.resolution = st.value(20).toString();
    e.resolvedBy = st.value(21).toString();
    e.resolvedAt = nullableInt(st.value(22));
    e.relatedEntity = st.value(23).toString();
    e.relatedId = nullableInt(st.value(24));
    e.createdBy = st.value(25).toString();
    e.createdAt = st.value(26).toLongLong();
    e.updatedAt = st.value(27).toLongLong();
    e.version = st.value(28).toInt();
    e.attachmentCount = st.value(29).toInt();
    return e;
}

Result<QList<OutboxEmail>> queryEmails(Database &db, const QString &sql, const QVariantList &values)
{
    SqlStatement st(db, sql);
    for (const QVariant &v : values)
        st.bind(v);
    if (auto r = st.exec(); !r)
        return r.error();
    QList<OutboxEmail> out;
    while (st.next())
        out.append(readEmail(st));
    return out;
}

DbError notFound(qint64 id)
{
    return DbError(DbError::Code::NotFound, Outbox::tr("There is no e-mail %1 in the outbox.").arg(id));
}

VoidResult loadAttachments(Database &db, OutboxEmail &email, bool withContent)
{
    SqlStatement st(db, withContent
                            ? u"SELECT id, filename, mime_type, size_bytes, content FROM outbox_attachments "
                              "WHERE email_id = ? ORDER BY id"_s
                            : u"SELECT id, filename, mime_type, size_bytes FROM outbox_attachments "
                              "WHERE email_id = ? ORDER BY id"_s);
    st.bind(email.id);
    if (auto r = st.exec(); !r)
        return r;
    email.attachments.clear();
    while (st.next()) {
        OutboxAttachment a;
        a.id = st.value(0).toLongLong();
        a.filename = st.value(1).toString();
        a.mimeType = st.value(2).toString();
        a.size = st.value(3).toLongLong();
        if (withContent)
            a.content = st.value(4).toByteArray();
        email.attachments.append(a);
    }
    return {};
}

// `validAddresses`, when given, remembers the verdict on each recipient address (a
// bulk enqueue sends hundreds of e-mails to a few addresses).
QList<FieldError> validate(const OutboxMessage &m, QHash<QString, bool> *validAddresses = nullptr)
{
    QList<FieldError> errors;
    const QString to = m.toAddress.trimmed();
    const auto addressValid = [&] {
        if (!validAddresses)
            return ResidentRepository::isValidEmail(to);
        auto it = validAddresses->constFind(to);
        if (it == validAddresses->constEnd())
            it = validAddresses->insert(to, ResidentRepository::isValidEmail(to));
        return it.value();
    };
    if (to.isEmpty())
        errors.append({u"to"_s, Outbox::tr("An e-mail needs a recipient address.")});
    else if (!addressValid())
        errors.append({u"to"_s, Outbox::tr("The recipient address \"%1\" is not valid.").arg(to)});
    if (!m.fromAddress.trimmed().isEmpty() && !ResidentRepository::isValidEmail(m.fromAddress.trimmed()))
        errors.append({u"from"_s, Outbox::tr("The sender address \"%1\" is not valid.").arg(m.fromAddress)});
    if (m.subject.trimmed().isEmpty())
        errors.append({u"subject"_s, Outbox::tr("An e-mail needs a subject.")});
    else if (m.subject.size() > kSubjectMax)
        errors.append(
            {u"subject"_s, Outbox::tr("The subject must be at most %1 characters long.").arg(kSubjectMax)});
    // Header values with line breaks would let text inject headers.
    if (hasLineBreak(m.subject))
        errors.append({u"subject"_s, Outbox::tr("The subject must be one line.")});
    if (hasLineBreak(m.toName) || m.toName.size() > kNameMax)
        errors.append(
            {u"to_name"_s,
             Outbox::tr("The recipient's name must be one line of at most %1 characters.").arg(kNameMax)});
    if (hasLineBreak(m.fromName) || m.fromName.size() > kNameMax)
        errors.append(
            {u"from_name"_s,
             Outbox::tr("The sender's name must be one line of at most %1 characters.").arg(kNameMax)});
    if (m.bodyText.size() > kBodyMax)
        errors.append({u"body"_s, Outbox::tr("The text must be at most %1 characters long.").arg(kBodyMax)});
    if (m.dedupeKey.size() > kKeyMax)
        errors.append({u"dedupe_key"_s,
                       Outbox::tr("The deduplication key must be at most %1 characters long.").arg(kKeyMax)});
    if (m.maxAttempts < 0)
        errors.append({u"max_attempts"_s, Outbox::tr("The number of attempts cannot be negative.")});
    qsizetype total = 0;
    for (const OutboxAttachment &a : m.attachments) {
        total += a.content.size();
        if (a.filename.trimmed().isEmpty() || a.filename.size() > kFilenameMax || hasLineBreak(a.filename) ||
            a.filename.contains(u'"'))
            errors.append(
                {u"attachments"_s,
                 Outbox::tr("The attachment name \"%1\" is not valid: one line of 1 to %2 characters "
                            "without quotes.")
                     .arg(a.filename)
                     .arg(kFilenameMax)});
        if (hasLineBreak(a.mimeType) || a.mimeType.size() > 100)
            errors.append(
                {u"attachments"_s, Outbox::tr("The type \"%1\" of the attachment \"%2\" is not valid.")
                                       .arg(a.mimeType, a.filename)});
    }
    if (total > kAttachmentsMax)
        errors.append({u"attachments"_s, Outbox::tr("The attachments must be at most %1 MB together.")
                                             .arg(kAttachmentsMax / (1024 * 1024))});
    return errors;
}

} // namespace

Outbox::Outbox(Database &db, const JobClock &clock)
    : m_db(db)
    , m_clock(clock)
{}

Result<Outbox::Enqueued> Outbox::enqueue(const OutboxMessage &message, const Actor &actor)
{
    if (QList<FieldError> errors = validate(message); !errors.isEmpty())
        return DbError::validation(std::move(errors));

    // Join the caller's transaction; without one, the e-mail, its attachments and its
    // drain job still commit together.
    std::unique_ptr<Transaction> own;
    if (!Transaction::isOpen(m_db)) {
        own = std::make_unique<Transaction>(m_db);
        if (!own->ok())
            return own->error();
    }

    const qint64 now = m_clock.nowMs();
    const QString messageId =
        u"<%1@residesk.local>"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    const int maxAttempts = message.maxAttempts > 0 ? message.maxAttempts : kDefaultMaxAttempts;
    Enqueued out;

    // A row with the same key may be deleted between the insert that found it and the
    // look-up; then the insert is tried again.
    for (int round = 0; round < 3 && out.id == 0; ++round) {
        {
            // DO NOTHING, not an error: on PostgreSQL an error would abort the caller's
            // whole transaction.
            SqlStatement st(m_db,
                            u"INSERT INTO outbox_emails (dedupe_key, to_address, to_name, from_address, "
                            "from_name, subject, body_text, state, attempts, max_attempts, next_attempt_at, "
                            "message_id, related_entity, related_id, created_by, created_at, updated_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?, ?, ?, ?, ?, ?) "
                            "ON CONFLICT (dedupe_key) DO NOTHING RETURNING id"_s);
            st.bind(textOrNull(message.dedupeKey))
                .bind(message.toAddress.trimmed())
                .bind(notNull(message.toName.trimmed()));
            st.bind(textOrNull(message.fromAddress.trimmed())).bind(textOrNull(message.fromName.trimmed()));
            st.bind(message.subject.trimmed()).bind(notNull(message.bodyText)).bind(maxAttempts);
            st.bind(std::max(now, message.notBefore)).bind(messageId).bind(notNull(message.relatedEntity));
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
            return DbError(DbError::Code::QueryFailed, tr("The e-mail was not stored."));
        SqlStatement existing(m_db, u"SELECT id FROM outbox_emails WHERE dedupe_key = ?"_s);
        existing.bind(message.dedupeKey);
        if (auto r = existing.exec(); !r)
            return r.error();
        if (existing.next()) {
            out.id = existing.value(0).toLongLong();
            out.existed = true;
        }
    }
    if (out.id == 0)
        return DbError(
            DbError::Code::Conflict,
            tr("The e-mail with the key \"%1\" could not be queued; try again.").arg(message.dedupeKey));
    if (out.existed) {
        // Nothing written: the caller's transaction carries on untouched.
        if (own)
            own->rollback();
        return out;
    }

    for (const OutboxAttachment &a : message.attachments) {
        SqlStatement st(
            m_db, u"INSERT INTO outbox_attachments (email_id, filename, mime_type, content, size_bytes) "
                  "VALUES (?, ?, ?, ?, ?)"_s);
        st.bind(out.id).bind(a.filename.trimmed());
        st.bind(a.mimeType.trimmed().isEmpty() ? u"application/octet-stream"_s : a.mimeType.trimmed());
        st.bind(a.content.isNull() ? QByteArray("") : a.content).bind(qint64(a.content.size()));
        if (auto r = st.exec(); !r)
            return r.error();
    }

    const Result<EnqueueResult> drain =
        ensureDrain(m_db, m_clock, actor, message.notBefore > now ? message.notBefore : 0);
    if (!drain)
        return drain.error();
    out.drainJobId = drain->id;
    if (auto r = Events::publishRecordsChanged(m_db, u"outbox_emails"_s); !r)
        return r.error();
    if (own) {
        if (auto r = own->commit(); !r)
            return r.error();
    }
    return out;
}

Result<Outbox::EnqueuedMany> Outbox::enqueueMany(const QList<OutboxMessage> &messages, const Actor &actor)
{
    EnqueuedMany out;
    QList<const OutboxMessage *> valid;
    valid.reserve(messages.size());
    QHash<QString, bool> validAddresses;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const OutboxMessage &m = messages.at(i);
        QList<FieldError> errors = validate(m, &validAddresses);
        if (!m.attachments.isEmpty())
            errors.append({u"attachments"_s, tr("E-mails with attachments are queued one at a time.")});
        if (errors.isEmpty())
            valid.append(&m);
        else
            out.refused.append({i, errors.constFirst().message});
    }
    if (valid.isEmpty())
        return out;

    std::unique_ptr<Transaction> own;
    if (!Transaction::isOpen(m_db)) {
        own = std::make_unique<Transaction>(m_db);
        if (!own->ok())
            return own->error();
    }
    const qint64 now = m_clock.nowMs();
    qint64 earliest = 0; // the earliest notBefore after now, if every message waits
    bool anyNow = false;
    static const QList<QPair<QString, QString>> columns{
        {u"dedupe_key"_s, u"TEXT"_s},        {u"to_address"_s, u"TEXT"_s},
        {u"to_name"_s, u"TEXT"_s},           {u"from_address"_s, u"TEXT"_s},
        {u"from_name"_s, u"TEXT"_s},         {u"subject"_s, u"TEXT"_s},
        {u"body_text"_s, u"TEXT"_s},         {u"max_attempts"_s, u"INTEGER"_s},
        {u"next_attempt_at"_s, u"BIGINT"_s}, {u"message_id"_s, u"TEXT"_s},
        {u"related_entity"_s, u"TEXT"_s},    {u"related_id"_s, u"BIGINT"_s}};
    const QString sql =
        u"INSERT INTO outbox_emails (dedupe_key, to_address, to_name, from_address, from_name, subject, "
        "body_text, state, attempts, max_attempts, next_attempt_at, message_id, related_entity, related_id, "
        "created_by, created_at, updated_at) SELECT x.dedupe_key, x.to_address, x.to_name, x.from_address, "
        "x.from_name, x.subject, x.body_text, 'queued', 0, x.max_attempts, x.next_attempt_at, x.message_id, "
        "x.related_entity, x.related_id, ?, ?, ? FROM "_s +
        Dialect::jsonArrayRowsSource(m_db.config().backend, columns, u"x"_s) +
        // "WHERE true": without it SQLite reads ON CONFLICT as the ON of a join.
        // No RETURNING: the count of rows written is all the caller needs, and reading
        // back one row per e-mail cost more than writing it.
        u" WHERE true ON CONFLICT (dedupe_key) DO NOTHING"_s;
    // One statement per kBatch e-mails: a bound text of a few hundred kilobytes.
    constexpr qsizetype kBatch = 1000;
    for (qsizetype start = 0; start < valid.size(); start += kBatch) {
        const qsizetype end = qMin(valid.size(), start + kBatch);
        QString rows;
        rows.reserve((end - start) * 640);
        rows += QLatin1Char('[');
        for (qsizetype i = start; i < end; ++i) {
            const OutboxMessage &m = *valid.at(i);
            const qint64 due = std::max(now, m.notBefore);
            if (due <= now)
                anyNow = true;
            else if (earliest == 0 || due < earliest)
                earliest = due;
            if (i > start)
                rows += QLatin1Char(',');
            // In the order of `columns`.
            rows += QLatin1Char('[');
            JsonText::appendStringOrNull(rows, m.dedupeKey);
            rows += QLatin1Char(',');
            JsonText::appendString(rows, m.toAddress.trimmed());
            rows += QLatin1Char(',');
            JsonText::appendString(rows, m.toName.trimmed());
            rows += QLatin1Char(',');
            JsonText::appendStringOrNull(rows, m.fromAddress.trimmed());
            rows += QLatin1Char(',');
            JsonText::appendStringOrNull(rows, m.fromName.trimmed());
            rows += QLatin1Char(',');
            JsonText::appendString(rows, m.subject.trimmed());
            rows += QLatin1Char(',');
            JsonText::appendString(rows, m.bodyText);
            rows += QLatin1Char(',');
            rows += QString::number(m.maxAttempts > 0 ? m.maxAttempts : kDefaultMaxAttempts);
            rows += QLatin1Char(',');
            rows += QString::number(due);
            rows += QLatin1String(",\"<");
            rows += QUuid::createUuid().toString(QUuid::WithoutBraces);
            rows += QLatin1String("@residesk.local>\",");
            JsonText::appendString(rows, m.relatedEntity);
            rows += QLatin1Char(',');
            rows += m.relatedId > 0 ? QString::number(m.relatedId) : QStringLiteral("null");
            rows += QLatin1Char(']');
        }
        rows += QLatin1Char(']');
        SqlStatement st(m_db, sql);
        st.bind(notNull(actor.username)).bind(now).bind(now).bind(rows);
        if (auto r = st.exec(); !r)
            return r.error();
        const int added = st.numRowsAffected();
        out.added += added;
        out.existed += int(end - start) - added;
    }
    if (out.added > 0) {
        const Result<EnqueueResult> drain = ensureDrain(m_db, m_clock, actor, anyNow ? 0 : earliest);
        if (!drain)
            return drain.error();
        out.drainJobId = drain->id;
        if (auto r = Events::publishRecordsChanged(m_db, u"outbox_emails"_s); !r)
            return r.error();
    }
    if (own) {
        if (auto r = own->commit(); !r)
            return r.error();
    }
    return out;
}

Result<EnqueueResult> Outbox::ensureDrain(Database &db, const JobClock &clock, const Actor &actor,
                                          qint64 runAfter)
{
    // Why more than one unique key. Drains are merged by key so that a bulk enqueue of
    // a thousand e-mails queues one job, not a thousand. But merging into a drain that
    // is already running can strand an e-mail: that drain may have done its last scan
    // before this e-mail's transaction commits, and then it ends without it. So:
    //  - merged into a QUEUED drain: on PostgreSQL the job row is share-locked until
    //    the caller's transaction ends; a worker's claim (FOR UPDATE SKIP LOCKED) skips
    //    it until then, so it cannot start (and scan) before this e-mail is visible. On
    //    SQLite the caller's write transaction already blocks every other writer, the
    //    claim included.
    //  - merged into a RUNNING drain: a second drain is queued under another key
    //    (kAfterRunningDrainKey, merged and locked the same way) that runs after it.
    //  - what remains — both keys held by running drains, on two engines, both past
    //    their last scan — is covered by the recurring safety net (the "mail.send"
    //    recurring job every 10 minutes, TaskCatalog::defaultRecurring) and by every
    //    later enqueue; each drain also re-scans before it ends.
    //  - merged into a queued drain that waits for a later time (a retry drain at the
    //    next backoff, or a drain put back with a backoff after a failure), it is
    //    brought forward to the time asked for: merging never delays a drain.
    const bool pg = db.isPostgreSQL();
    JobStore store(db, clock);
    const auto enqueueKey = [&](const char *key, qint64 after) -> Result<EnqueueResult> {
        JobRequest request;
        request.kind = u"mail.send"_s;
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
    // The state of a merged drain, share-locked on PostgreSQL while it is queued.
    const auto lockedState = [&](qint64 id) -> Result<QString> {
        SqlStatement st(db, pg ? u"SELECT state FROM jobs WHERE id = ? FOR SHARE"_s
                               : u"SELECT state FROM jobs WHERE id = ?"_s);
        st.bind(id);
        if (auto r = st.exec(); !r)
            return r.error();
        return st.next() ? st.value(0).toString() : QString();
    };

    if (runAfter > clock.nowMs()) {
        // A retry drain that is running (typically the caller, scheduling its own
        // successor after a server problem) holds its key until it ends: merging into
        // it would schedule nothing.
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

Result<OutboxEmail> Outbox::get(qint64 id, bool withContent)
{
    Result<QList<OutboxEmail>> rows =
        queryEmails(m_db, u"SELECT "_s + kColumns + u" FROM outbox_emails WHERE id = ?"_s, {id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return notFound(id);
    OutboxEmail email = rows->first();
    if (auto r = loadAttachments(m_db, email, withContent); !r)
        return r.error();
    return email;
}

Result<QList<OutboxEmail>> Outbox::list(const ListFilter &filter)
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
        for (const QString &column : {u"to_address"_s, u"to_name"_s, u"subject"_s}) {
            parts << Dialect::caseInsensitiveLike(m_db.config().backend, column);
            values << pattern;
        }
        where << u'(' + parts.join(u" OR "_s) + u')';
    }
    if (filter.beforeId > 0) {
        where << u"id < ?"_s;
        values << filter.beforeId;
    }
    QString sql = u"SELECT "_s + kColumns + u" FROM outbox_emails"_s;
    if (!where.isEmpty())
        sql += u" WHERE "_s + where.join(u" AND "_s);
    sql += u" ORDER BY id DESC LIMIT ?"_s;
    values << qBound(1, filter.limit, 10000);
    return queryEmails(m_db, sql, values);
}

Result<QHash<OutboxState, int>> Outbox::countByState()
{
    QHash<OutboxState, int> counts;
    for (OutboxState state : OutboxStates::all())
        counts.insert(state, 0);
    SqlStatement st(m_db, u"SELECT state, COUNT(*) FROM outbox_emails GROUP BY state"_s);
    if (auto r = st.exec(); !r)
        return r.error();
    while (st.next()) {
        if (const auto state = OutboxStates::fromCode(st.value(0).toString()))
            counts[*state] += st.value(1).toInt();
    }
    return counts;
}

Result<OutboxEmail> Outbox::resolveUncertain(qint64 id, Resolution resolution, const Actor &actor,
                                             int expectedVersion)
{
    const qint64 now = m_clock.nowMs();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<OutboxEmail> current = get(id);
    if (!current)
        return current.error();
    if (current->state != OutboxState::Uncertain)
        return DbError(DbError::Code::InvalidState,
                       tr("Only an uncertain e-mail can be marked as sent or sent again; e-mail %1 is %2.")
                           .arg(id)
                           .arg(OutboxStates::label(current->state).toLower()));
    if (expectedVersion > 0 && current->version != expectedVersion)
        return DbError(
            DbError::Code::Conflict,
            tr("E-mail %1 was changed by someone else meanwhile; reload it and decide again.").arg(id));

    // "Send again" allows one more attempt beyond those spent, so an e-mail whose
    // uncertain attempt was its last can still go.
    const QString sql =
        resolution == Resolution::MarkSent
            ? u"UPDATE outbox_emails SET state = 'sent', sent_at = ?, resolution = 'marked_sent', "
              u"resolved_by = ?, "
              "resolved_at = ?, claim_owner = NULL, claim_expires_at = NULL, updated_at = ?, version = "
              "version + 1 "
              "WHERE id = ? AND state = 'uncertain' AND version = ? RETURNING "_s +
                  kColumns
            : u"UPDATE outbox_emails SET state = 'queued', next_attempt_at = ?, resolution = 'resent', "
              u"resolved_by = ?, "
              "resolved_at = ?, max_attempts = CASE WHEN attempts >= max_attempts THEN attempts + 1 ELSE "
              "max_attempts END, "
              "claim_owner = NULL, claim_expires_at = NULL, updated_at = ?, version = version + 1 "
              "WHERE id = ? AND state = 'uncertain' AND version = ? RETURNING "_s +
                  kColumns;
    Result<QList<OutboxEmail>> updated =
        queryEmails(m_db, sql, {now, notNull(actor.username), now, now, id, current->version});
    if (!updated)
        return updated.error();
    if (updated->isEmpty())
        return DbError(DbError::Code::Conflict,
                       tr("E-mail %1 changed meanwhile; reload it and decide again.").arg(id));
    if (resolution == Resolution::Resend) {
        if (const Result<EnqueueResult> drain = ensureDrain(m_db, m_clock, actor); !drain)
            return drain.error();
    }
    if (auto r = Events::publishRecordsChanged(m_db, u"outbox_emails"_s); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    qCInfo(lcOutbox) << "e-mail" << id
                     << (resolution == Resolution::MarkSent ? "marked as sent" : "queued again") << "by"
                     << actor.username;
    return updated->first();
}

Result<OutboxEmail> Outbox::retry(qint64 id, const Actor &actor, int expectedVersion)
{
    const qint64 now = m_clock.nowMs();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<OutboxEmail> current = get(id);
    if (!current)
        return current.error();
    if (current->state != OutboxState::Failed)
        return DbError(DbError::Code::InvalidState,
                       tr("Only a failed e-mail can be retried; e-mail %1 is %2.")
                           .arg(id)
                           .arg(OutboxStates::label(current->state).toLower()));
    if (expectedVersion > 0 && current->version != expectedVersion)
        return DbError(
            DbError::Code::Conflict,
            tr("E-mail %1 was changed by someone else meanwhile; reload it and try again.").arg(id));
    // A failed attempt never reached the server's acceptance (see the protocol), so
    // sending it again cannot double it. The attempts start over.
    Result<QList<OutboxEmail>> updated = queryEmails(
        m_db,
        u"UPDATE outbox_emails SET state = 'queued', attempts = 0, next_attempt_at = ?, claim_owner = NULL, "
        "claim_expires_at = NULL, updated_at = ?, version = version + 1 "
        "WHERE id = ? AND state = 'failed' AND version = ? RETURNING "_s +
            kColumns,
        {now, now, id, current->version});
    if (!updated)
        return updated.error();
    if (updated->isEmpty())
        return DbError(DbError::Code::Conflict,
                       tr("E-mail %1 changed meanwhile; reload it and try again.").arg(id));
    if (const Result<EnqueueResult> drain = ensureDrain(m_db, m_clock, actor); !drain)
        return drain.error();
    if (auto r = Events::publishRecordsChanged(m_db, u"outbox_emails"_s); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return updated->first();
}

Result<int> Outbox::markOrphansUncertain(const QString &self)
{
    const qint64 now = m_clock.nowMs();
    // The owner is alive while its mail.send job runs under the same worker with a
    // lease that has not expired (the engine renews it with heartbeats). An attempt of
    // the asking drain's own worker is an earlier drain's (one drain at a time per
    // worker, and the asker has none in flight): that drain stopped without its
    // outcome, typically cut off from the database, and its job was run again.
    SqlStatement st(m_db,
                    u"UPDATE outbox_emails SET state = 'uncertain', last_error = ?, claim_owner = NULL, "
                    "claim_expires_at = NULL, updated_at = ?, version = version + 1 "
                    "WHERE state = 'sending' AND (sending_owner = ? OR NOT EXISTS (SELECT 1 FROM jobs j "
                    "WHERE j.id = outbox_emails.sending_job_id "
                    "AND j.state = 'running' AND j.lease_owner = outbox_emails.sending_owner AND "
                    "j.lease_expires_at >= ?)) "
                    "RETURNING id, sending_owner"_s);
    st.bind(tr("The worker sending this e-mail stopped before the server's answer was recorded: it may or "
               "may not "
               "have been delivered. Check with the recipient, then mark it as sent or send it again."))
        .bind(now)
        .bind(notNull(self))
        .bind(now);
    if (auto r = st.exec(); !r)
        return r.error();
    int count = 0;
    while (st.next()) {
        ++count;
        qCWarning(lcOutbox) << "e-mail" << st.value(0).toLongLong() << "is uncertain: its sender"
                            << st.value(1).toString() << "is gone";
    }
    if (count > 0) {
        st.finish();
        if (auto r = Events::publishRecordsChanged(m_db, u"outbox_emails"_s); !r)
            return r.error();
    }
    return count;
}

Result<QList<OutboxEmail>> Outbox::claimDue(const QString &owner, int limit, qint64 claimMs)
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
        SqlStatement st(m_db, u"SELECT id FROM outbox_emails WHERE "_s + kClaimable +
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
        return QList<OutboxEmail>();
    }
    QVariantList values{owner, now + claimMs};
    for (qint64 id : std::as_const(ids))
        values << id;
    Result<QList<OutboxEmail>> claimed =
        queryEmails(m_db,
                    u"UPDATE outbox_emails SET claim_owner = ?, claim_expires_at = ? WHERE id IN ("_s +
                        placeholders(ids.size()) + u") AND state = 'queued' RETURNING "_s + kColumns,
                    values);
    if (!claimed)
        return claimed.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    QList<OutboxEmail> emails = std::move(claimed.value());
    std::sort(emails.begin(), emails.end(), [](const OutboxEmail &a, const OutboxEmail &b) {
        return a.nextAttemptAt != b.nextAttemptAt ? a.nextAttemptAt < b.nextAttemptAt : a.id < b.id;
    });
    for (OutboxEmail &email : emails) {
        if (auto r = loadAttachments(m_db, email, true); !r)
            return r.error();
    }
    return emails;
}

VoidResult Outbox::releaseClaims(const QString &owner, const QList<qint64> &ids, qint64 notBefore)
{
    if (ids.isEmpty())
        return {};
    QVariantList values{notBefore, notBefore};
    for (qint64 id : ids)
        values << id;
    values << owner;
    return SqlStatement::run(
        m_db,
        u"UPDATE outbox_emails SET claim_owner = NULL, claim_expires_at = NULL, "
        "next_attempt_at = CASE WHEN next_attempt_at < ? THEN ? ELSE next_attempt_at END "
        "WHERE id IN ("_s +
            placeholders(ids.size()) + u") AND state = 'queued' AND claim_owner = ?"_s,
        values);
}

Result<std::optional<Outbox::Attempt>> Outbox::beginAttempt(qint64 id, const QString &owner, qint64 jobId)
{
    // One autocommitted statement: the attempt is on record before the server hears of
    // it. Only while the job's lease is still this worker's, so that an e-mail in
    // 'sending' always names a sender that the orphan check can judge.
    const qint64 now = m_clock.nowMs();
    SqlStatement st(
        m_db, u"UPDATE outbox_emails SET state = 'sending', attempts = attempts + 1, sending_owner = ?, "
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

Result<OutboxEmail> Outbox::recordOutcome(const Attempt &attempt, const QString &setSql,
                                          const QVariantList &setValues)
{
    // Only this very attempt (worker, job and start time), still 'sending' — or judged
    // 'uncertain' by another drain that presumed this worker gone, and not decided by
    // a person since (a decision moves the row on): the real outcome beats the guess.
    QVariantList values = setValues;
    values << m_clock.nowMs() << attempt.emailId << attempt.owner << attempt.jobId << attempt.startedAt;
    Result<QList<OutboxEmail>> updated = queryEmails(
        m_db,
        u"UPDATE outbox_emails SET "_s + setSql +
            u", claim_owner = NULL, claim_expires_at = NULL, updated_at = ?, version = version + 1 "
            "WHERE id = ? AND sending_owner = ? AND sending_job_id = ? AND sending_started_at = ? "
            "AND state IN ('sending', 'uncertain') RETURNING "_s +
            kColumns,
        values);
    if (!updated)
        return updated.error();
    if (updated->isEmpty())
        return DbError(DbError::Code::LeaseLost,
                       tr("E-mail %1 is no longer being sent by this worker; its outcome was not recorded.")
                           .arg(attempt.emailId));
    if (auto r = Events::publishRecordsChanged(m_db, u"outbox_emails"_s); !r)
        return r.error();
    return updated->first();
}

Result<OutboxEmail> Outbox::recordSent(const Attempt &attempt, const QString &reply)
{
    return recordOutcome(attempt, u"state = 'sent', sent_at = ?, server_reply = ?, last_error = ''"_s,
                         {m_clock.nowMs(), notNull(clipped(reply, kErrorMax))});
}

Result<OutboxEmail> Outbox::recordTransient(const Attempt &attempt, const QString &error, qint64 retryAt)
{
    return recordOutcome(attempt,
                         u"state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END, "
                         "next_attempt_at = ?, last_error = ?"_s,
                         {retryAt, notNull(clipped(error, kErrorMax))});
}

Result<OutboxEmail> Outbox::recordFailed(const Attempt &attempt, const QString &error)
{
    return recordOutcome(attempt, u"state = 'failed', last_error = ?"_s,
                         {notNull(clipped(error, kErrorMax))});
}

Result<OutboxEmail> Outbox::recordUncertain(const Attempt &attempt, const QString &error)
{
    return recordOutcome(attempt, u"state = 'uncertain', last_error = ?"_s,
                         {notNull(clipped(error, kErrorMax))});
}

Result<OutboxEmail> Outbox::recordDeferred(const Attempt &attempt, const QString &error, qint64 retryAt)
{
    return recordOutcome(attempt, u"state = 'queued', next_attempt_at = ?, last_error = ?"_s,
                         {retryAt, notNull(clipped(error, kErrorMax))});
}

Result<int> Outbox::makeWaitingDue()
{
    const qint64 now = m_clock.nowMs();
    SqlStatement st(m_db,
                    u"UPDATE outbox_emails SET next_attempt_at = ?, updated_at = ?, version = version + 1 "
                    "WHERE state = 'queued' AND next_attempt_at > ?"_s);
    st.bind(now).bind(now).bind(now);
    if (auto r = st.exec(); !r)
        return r.error();
    const int moved = st.numRowsAffected();
    if (moved > 0) {
        if (auto r = Events::publishRecordsChanged(m_db, u"outbox_emails"_s); !r)
            return r.error();
    }
    return moved;
}

Result<int> Outbox::countDue(const QString &self)
{
    const qint64 now = m_clock.nowMs();
    SqlStatement st(m_db, u"SELECT COUNT(*) FROM outbox_emails WHERE "_s + kClaimable);
    st.bind(now).bind(now).bind(notNull(self)).bind(now);
    if (auto r = st.exec(); !r)
        return r.error();
    return st.next() ? st.value(0).toInt() : 0;
}

Result<qint64> Outbox::nextAttemptAt()
{
    SqlStatement st(m_db, u"SELECT MIN(next_attempt_at) FROM outbox_emails WHERE state = 'queued'"_s);
    if (auto r = st.exec(); !r)
        return r.error();
    return st.next() ? nullableInt(st.value(0)) : qint64(0);
}

Result<qint64> Outbox::nextDrainAt(const QString &self)
{
    const qint64 now = m_clock.nowMs();
    SqlStatement st(m_db, kNextDrainAt);
    st.bind(now).bind(notNull(self)).bind(now).bind(now).bind(now).bind(notNull(self));
    if (auto r = st.exec(); !r)
        return r.error();
    return st.next() ? nullableInt(st.value(0)) : qint64(0);
}

Result<qint64> Outbox::ensurePendingDrain(Database &db, const JobClock &clock, const Actor &actor)
{
    Outbox outbox(db, clock);
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
