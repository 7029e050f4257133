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
using StoreSql::idOrNull;
using StoreSql::notNull;
using StoreSql::nullableInt;
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

constexpr qsizetype kSubjectMax = 998; // RFC 5322 line length
constexpr qsizetype kNameMax = 200;
constexpr qsizetype kKeyMax = 300;
constexpr qsizetype kBodyMax = 1024 * 1024;
constexpr qsizetype kAttachmentsMax = 20 * 1024 * 1024;
constexpr qsizetype kFilenameMax = 255;

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

const OutboxStore::Spec &Outbox::spec()
{
    static const OutboxStore::Spec spec = [] {
        OutboxStore::Spec s;
        s.table = u"outbox_emails"_s;
        s.jobKind = u"mail.send"_s;
        s.columns = kColumns;
        s.replyColumn = u"server_reply"_s;
        s.searchColumns = {u"to_address"_s, u"to_name"_s, u"subject"_s};
        s.drainKey = kDrainKey;
        s.retryDrainKey = kRetryDrainKey;
        s.retryAgainDrainKey = kRetryAgainDrainKey;
        s.afterRunningDrainKey = kAfterRunningDrainKey;
        s.context = "Outbox";
        s.texts.notFound = QT_TRANSLATE_NOOP("Outbox", "There is no e-mail %1 in the outbox.");
        s.texts.notUncertain = QT_TRANSLATE_NOOP(
            "Outbox", "Only an uncertain e-mail can be marked as sent or sent again; e-mail %1 is %2.");
        s.texts.decideStale = QT_TRANSLATE_NOOP(
            "Outbox", "E-mail %1 was changed by someone else meanwhile; reload it and decide again.");
        s.texts.decideChanged =
            QT_TRANSLATE_NOOP("Outbox", "E-mail %1 changed meanwhile; reload it and decide again.");
        s.texts.notFailed =
            QT_TRANSLATE_NOOP("Outbox", "Only a failed e-mail can be retried; e-mail %1 is %2.");
        s.texts.retryStale = QT_TRANSLATE_NOOP(
            "Outbox", "E-mail %1 was changed by someone else meanwhile; reload it and try again.");
        s.texts.retryChanged =
            QT_TRANSLATE_NOOP("Outbox", "E-mail %1 changed meanwhile; reload it and try again.");
        s.texts.orphaned = QT_TRANSLATE_NOOP(
            "Outbox",
            "The worker sending this e-mail stopped before the server's answer was recorded: it may "
            "or may not have been delivered. Check with the recipient, then mark it as sent or send it "
            "again.");
        s.texts.senderName = QT_TRANSLATE_NOOP("Outbox", "A sender needs a name of 1 to %1 characters.");
        s.texts.notSending = QT_TRANSLATE_NOOP(
            "Outbox", "E-mail %1 is no longer being sent by this worker; its outcome was not recorded.");
        s.noun = "e-mail";
        s.log = &lcOutbox;
        return s;
    }();
    return spec;
}

Outbox::Outbox(Database &db, const JobClock &clock)
    : m_db(db)
    , m_clock(clock)
    , m_records(db, clock, spec(), &readEmail)
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
    return OutboxStore::ensureDrain(db, clock, actor, runAfter, spec());
}

Result<OutboxEmail> Outbox::get(qint64 id, bool withContent)
{
    Result<OutboxEmail> email = m_records.get(id);
    if (!email)
        return email;
    if (auto r = loadAttachments(m_db, email.value(), withContent); !r)
        return r.error();
    return email;
}

Result<QList<OutboxEmail>> Outbox::list(const ListFilter &filter)
{
    return m_records.list(filter);
}

Result<QHash<OutboxState, int>> Outbox::countByState()
{
    return m_records.store().countByState();
}

Result<OutboxEmail> Outbox::resolveUncertain(qint64 id, Resolution resolution, const Actor &actor,
                                             int expectedVersion)
{
    return m_records.resolveUncertain(id, resolution, actor, expectedVersion);
}

Result<OutboxEmail> Outbox::retry(qint64 id, const Actor &actor, int expectedVersion)
{
    return m_records.retry(id, actor, expectedVersion);
}

Result<int> Outbox::markOrphansUncertain(const QString &self)
{
    return m_records.store().markOrphansUncertain(self);
}

Result<QList<OutboxEmail>> Outbox::claimDue(const QString &owner, int limit, qint64 claimMs)
{
    Result<QList<OutboxEmail>> emails = m_records.claimDue(owner, limit, claimMs);
    if (!emails)
        return emails;
    for (OutboxEmail &email : emails.value()) {
        if (auto r = loadAttachments(m_db, email, true); !r)
            return r.error();
    }
    return emails;
}

VoidResult Outbox::releaseClaims(const QString &owner, const QList<qint64> &ids, qint64 notBefore)
{
    return m_records.store().releaseClaims(owner, ids, notBefore);
}

Result<std::optional<Outbox::Attempt>> Outbox::beginAttempt(qint64 id, const QString &owner, qint64 jobId)
{
    return m_records.store().beginAttempt(id, owner, jobId);
}

Result<OutboxEmail> Outbox::recordSent(const Attempt &attempt, const QString &reply)
{
    return m_records.recordSent(attempt, reply);
}

Result<OutboxEmail> Outbox::recordTransient(const Attempt &attempt, const QString &error, qint64 retryAt)
{
    return m_records.recordTransient(attempt, error, retryAt);
}

Result<OutboxEmail> Outbox::recordFailed(const Attempt &attempt, const QString &error)
{
    return m_records.recordFailed(attempt, error);
}

Result<OutboxEmail> Outbox::recordUncertain(const Attempt &attempt, const QString &error)
{
    return m_records.recordUncertain(attempt, error);
}

Result<OutboxEmail> Outbox::recordDeferred(const Attempt &attempt, const QString &error, qint64 retryAt)
{
    return m_records.recordDeferred(attempt, error, retryAt);
}

Result<int> Outbox::makeWaitingDue()
{
    return m_records.store().makeWaitingDue();
}

Result<int> Outbox::countDue(const QString &self)
{
    return m_records.store().countDue(self);
}

Result<qint64> Outbox::nextAttemptAt()
{
    return m_records.store().nextAttemptAt();
}

Result<qint64> Outbox::nextDrainAt(const QString &self)
{
    return m_records.store().nextDrainAt(self);
}

Result<qint64> Outbox::ensurePendingDrain(Database &db, const JobClock &clock, const Actor &actor)
{
    return OutboxStore::ensurePendingDrain(db, clock, actor, spec());
}
