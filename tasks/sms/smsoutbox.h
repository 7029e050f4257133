#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"
#include "tasks/jobclock.h"
#include "tasks/mail/outboxemail.h"
#include "tasks/mail/outboxstore.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>

#include <optional>

class Database;
struct EnqueueResult;

// What a caller asks the SMS outbox to send (SmsOutbox::enqueue). A value type.
struct SmsMessage
{
    // Idempotence: a second enqueue with the same key returns the first message and
    // writes nothing. Empty: no deduplication.
    QString dedupeKey;
    QString toNumber; // any form libphonenumber reads; stored as E.164
    QString toName;   // optional, for lists and the {name} placeholder
    QString text;
    QString relatedEntity; // what it is about ("resident", "maintenance_request" …)
    qint64 relatedId = 0;
    int maxAttempts = 0; // 0: the outbox default (8)
};

// One row of sms_outbox. Its states are the e-mail outbox's (OutboxState): queued →
// sending → sent | queued (transient, attempts left) | failed | uncertain.
struct SmsRecord
{
    qint64 id = 0;
    QString dedupeKey;
    QString toNumber; // E.164
    QString toName;
    QString text;
    OutboxState state = OutboxState::Queued;
    int attempts = 0;
    int maxAttempts = 8;
    qint64 nextAttemptAt = 0;
    QString lastError;
    QString gatewayReply;
    QString claimOwner;
    QString sendingOwner;
    qint64 sendingJobId = 0;
    qint64 sendingStartedAt = 0;
    qint64 sentAt = 0;
    QString resolution; // "marked_sent" / "resent"
    QString resolvedBy;
    qint64 resolvedAt = 0;
    QString relatedEntity;
    qint64 relatedId = 0;
    QString createdBy;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    int version = 0;

    // The command line's JSON: id, to, to_name, text, state, attempts, max_attempts,
    // error, reply, dedupe_key, related_entity, related_id, resolution, resolved_by,
    // created_by, created_at, sent_at, next_attempt_at, resolved_at (ISO 8601 UTC or
    // null), version.
    QJsonObject toJson() const;
};

// The SMS outbox (table sms_outbox): every text message Residesk sends is first a row
// here, and the sms.send job (tasks/sms/smstasks.h) sends it through the HTTP gateway.
// It keeps the e-mail outbox's protocol word for word (tasks/mail/outbox.h) — the same
// SQL: OutboxStore's (tasks/mail/outboxstore.h), for the table sms_outbox — so each
// message goes out at most once across crashes:
//  1. markOrphansUncertain: a message in 'sending' whose sender is gone (its sms.send job
//     no longer runs under the same worker with a live lease, or an earlier drain of the
//     asking worker left it) becomes 'uncertain' and is never sent again by itself; a
//     person decides (resolveUncertain).
//  2. claimDue: a batch of due queued messages is reserved (FOR UPDATE SKIP LOCKED on
//     PostgreSQL); the reservation ends with its drain's lease.
//  3. beginAttempt, committed BEFORE the request goes out: queued → 'sending'.
//  4. record*, after the gateway's answer: 2xx 'sent'; 4xx 'failed' (permanent); 5xx
//     back to 'queued' with a backoff while attempts are left (transient); a gateway
//     that cannot be reached or refuses the credentials defers the message whatever
//     its attempts (the settings, not the message, are wrong); a request that went out
//     without an answer (timeout, connection closed) 'uncertain'.
// A crash between 3 and 4 leaves 'sending' with a dead owner, which step 1 of the next
// drain judges uncertain. SQL on the calling thread's connection; never the GUI thread.
// enqueue() joins the caller's open Transaction (or opens its own) and ensures a drain.
class SmsOutbox
{
    Q_DECLARE_TR_FUNCTIONS(SmsOutbox)
public:
    static constexpr int kDefaultMaxAttempts = 8;
    static constexpr qsizetype kTextMax = 1600; // ten concatenated segments
    static constexpr char kDrainKey[] = "sms.send";
    static constexpr char kRetryDrainKey[] = "sms.send:retry";
    static constexpr char kRetryAgainDrainKey[] = "sms.send:retry-again";
    static constexpr char kAfterRunningDrainKey[] = "sms.send:after";

    explicit SmsOutbox(Database &db, const JobClock &clock = JobClock::system());

    // Field keys: "to" (the number, named in the message when not valid), "text",
    // "to_name", "dedupe_key", "max_attempts".
    static QList<FieldError> validate(const SmsMessage &message);

    struct Enqueued
    {
        qint64 id = 0;
        bool existed = false;
        qint64 drainJobId = 0;
    };
    Result<Enqueued> enqueue(const SmsMessage &message, const Actor &actor);

    Result<SmsRecord> get(qint64 id);
    // Its search: number, name or text, case-insensitive.
    using ListFilter = OutboxStore::ListFilter;
    Result<QList<SmsRecord>> list(const ListFilter &filter); // newest first
    Result<QHash<OutboxState, int>> countByState();

    using Resolution = OutboxStore::Resolution;
    Result<SmsRecord> resolveUncertain(qint64 id, Resolution resolution, const Actor &actor,
                                       int expectedVersion = 0);
    Result<SmsRecord> retry(qint64 id, const Actor &actor, int expectedVersion = 0);

    static Result<EnqueueResult> ensureDrain(Database &db, const JobClock &clock, const Actor &actor,
                                             qint64 runAfter = 0);
    static Result<qint64> ensurePendingDrain(Database &db, const JobClock &clock, const Actor &actor);

    // --- The drain protocol (the sms.send job), as Outbox's. ---------------------------
    Result<int> markOrphansUncertain(const QString &self = {});
    Result<QList<SmsRecord>> claimDue(const QString &owner, int limit, qint64 claimMs);
    VoidResult releaseClaims(const QString &owner, const QList<qint64> &ids, qint64 notBefore = 0);
    using Attempt = OutboxStore::Attempt; // which message (id), who sends it, since when
    Result<std::optional<Attempt>> beginAttempt(qint64 id, const QString &owner, qint64 jobId);
    Result<SmsRecord> recordSent(const Attempt &attempt, const QString &reply);
    Result<SmsRecord> recordTransient(const Attempt &attempt, const QString &error, qint64 retryAt);
    Result<SmsRecord> recordFailed(const Attempt &attempt, const QString &error);
    Result<SmsRecord> recordUncertain(const Attempt &attempt, const QString &error);
    Result<SmsRecord> recordDeferred(const Attempt &attempt, const QString &error, qint64 retryAt);
    Result<int> makeWaitingDue();
    Result<int> countDue(const QString &self = {});
    Result<qint64> nextDrainAt(const QString &self = {});

    // What makes OutboxStore this outbox: sms_outbox, sms.send and its texts.
    static const OutboxStore::Spec &spec();

private:
    Database &m_db;
    const JobClock &m_clock;
    OutboxRecords<SmsRecord> m_records;
};
