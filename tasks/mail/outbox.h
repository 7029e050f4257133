#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"
#include "tasks/jobclock.h"
#include "tasks/mail/outboxemail.h"
#include "tasks/mail/outboxstore.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

#include <optional>

class Database;
struct EnqueueResult;

// The e-mail outbox (tables outbox_emails and outbox_attachments): every e-mail
// Residesk sends is first a row here, and the mail.send job (tasks/mail/mailtasks.h)
// sends it. Its state machine, below, is the one every outbox shares (the SMS outbox,
// tasks/sms/smsoutbox.h): its SQL is OutboxStore's (tasks/mail/outboxstore.h), for the
// table outbox_emails; what is the e-mail's own (the message, its attachments, its
// checks) is here. SQL on the calling thread's connection: use it on an executor, runner or
// worker thread, never on the GUI thread. A value-like helper; construct it where
// needed.
//
// ## Enqueueing: an e-mail exists if and only if the change that asked for it committed
//
// enqueue() joins the caller's open Transaction on this thread (and opens its own when
// there is none), so a later job writes its change and its e-mail atomically:
//
//   Transaction tx(ctx.database());
//   ... finalize the report ...
//   OutboxMessage m;
//   m.dedupeKey = u"report-finalized/%1/r%2"_s.arg(report.id).arg(report.revision);
//   m.toAddress = client.email;
//   m.subject = tr("Report %1").arg(report.number);
//   m.bodyText = tr("Please find the report attached.");
//   m.attachments.append({.filename = u"report-%1.pdf"_s.arg(report.number),
//                         .mimeType = u"application/pdf"_s, .content = pdfBytes});
//   auto queued = Outbox(ctx.database(), ctx.clock()).enqueue(m, ctx.actor());
//   if (!queued) co_return JobOutcome::failure(queued.error().message);  // rolls back
//   tx.commit();
//
// Idempotent by dedupeKey: INSERT … ON CONFLICT DO NOTHING, so a duplicate neither
// writes nor aborts a PostgreSQL transaction; the existing e-mail is returned
// (`existed`). A retried or resumed job therefore never queues an e-mail twice.
//
// enqueue() also makes sure a drain runs: it queues a `mail.send` job with the unique
// key "mail.send" (merged into one already queued). See ensureDrain() for the race
// with a drain that is just finishing.
//
// ## Sending: each e-mail at most once (the protocol of the mail.send job)
//
//  1. Orphans first, and again before every batch (markOrphansUncertain): an e-mail in
//     'sending' whose sender is gone — its mail.send job is no longer running under
//     the same worker with a live lease (the worker crashed, was killed or cut off),
//     or it is an earlier drain's of the asking drain's own worker (that drain was cut
//     off from the database and its job runs again) — may or may not have been
//     delivered. It becomes 'uncertain' and is NEVER sent again automatically; a
//     person decides (resolveUncertain: "mark as sent" or "send again", both recorded
//     with who and when).
//  2. Claim (claimDue): a batch of due queued e-mails gets claim_owner and a claim
//     expiry, in one transaction (PostgreSQL: FOR UPDATE SKIP LOCKED, so concurrent
//     drains take disjoint batches; SQLite: a write transaction). A claim is only a
//     reservation: the e-mail stays 'queued', and a claim that expired, whose drain is
//     gone (no live mail.send lease for that worker), or that an earlier drain of the
//     claiming worker left, is free again.
//  3. Per e-mail, BEFORE talking to the server, in its own committed statement
//     (beginAttempt): queued → 'sending', attempts + 1, sending_owner = worker,
//     sending_job_id = job, sending_started_at = now — only if the row is still queued,
//     still claimed by this worker, and the job's lease is still this worker's. Only
//     one drain can win that update, so only one ever talks to the server about it.
//  4. Send (SmtpSender), then record the outcome (each only from this worker's own
//     attempt):
//     - accepted (250 after DATA): 'sent', sent_at, the server's reply (recordSent);
//     - failed before the message body was handed over (connection refused, DNS,
//       TLS, timeout before DATA, login refused, a 4xx/5xx reply to MAIL/RCPT/DATA,
//       or a 4xx/5xx final reply after the body): nothing was delivered, so a
//       transient failure goes back to 'queued' with next_attempt_at pushed back
//       exponentially while attempts are left, else 'failed' (recordTransient); a
//       permanent one (5xx, bad address) is 'failed' with the reply (recordFailed);
//       a problem of the server rather than of this e-mail (unreachable, TLS, login
//       refused) never fails the e-mail: it goes back to 'queued' with the backoff
//       whatever its attempts (recordDeferred), and the drain itself fails with the
//       reason, so that a person fixes the settings and nothing is lost;
//     - the connection broke after the body was sent but before the final reply:
//       'uncertain' (recordUncertain) — the server may have accepted it.
//     A sender presumed dead (its lease ran out) that was only slow still records its
//     real outcome over the 'uncertain' guess, unless a person decided meanwhile.
//  A crash anywhere between 3 and 4 leaves the row in 'sending' with a dead owner:
//  step 1 of the next drain makes it 'uncertain'. No path re-sends an e-mail whose
//  earlier attempt may have reached the server, so each e-mail goes out at most once;
//  and no path drops a row, so nothing is lost: it ends 'sent', 'failed' (visible,
//  retry()) or 'uncertain' (visible, resolveUncertain()).
//
// ## Nothing left behind: a drain is always on its way to what waits
//
// Claims and attempts hold only while their drain's lease lives, so what a dead drain
// left is free again (claims) or ready to be judged (attempts) once its lease expires.
// Then a drain must come, with no person acting and no e-mail queued meanwhile:
//  - the dead drain's own job: the engine resumes a job whose lease expired;
//  - a running drain takes over free claims and judges orphans before every batch, so
//    another drain at work picks a dead one's batch up within its batch under way;
//  - a drain that ends while e-mails still wait — held by a live drain of another
//    worker, or for a retry — schedules its successor at nextDrainAt() (a retry drain:
//    merged by key and brought forward, so one waits however many ask). If the holder
//    still lives then, the successor finds them held and schedules the next one at the
//    renewed expiry: one short job per lease period while another drain is at work;
//  - a drain cut off from the database mid-batch takes its worker's own claims over
//    and judges its worker's own earlier attempts when its job runs again;
//  - a worker that starts with working mail settings queues a drain when any e-mail
//    waits (ensurePendingDrain, from MailTasks::drainPendingOnStart).
// So after a crash, a restart or a lost connection every queued e-mail is sent or
// decided about one lease time (plus the engine's poll and a batch under way) after
// its drain stopped. The recurring drain every 10 minutes stays as the last net (a
// drain job that ran out of attempts, say, with no worker started after it).
class Outbox
{
    Q_DECLARE_TR_FUNCTIONS(Outbox)
public:
    static constexpr int kDefaultMaxAttempts = 8;
    // The unique keys of drain jobs: the immediate one, and the one scheduled for the
    // next backoff (separate keys, so a running drain can schedule its successor).
    static constexpr char kDrainKey[] = "mail.send";
    static constexpr char kRetryDrainKey[] = "mail.send:retry";
    // The successor that a running retry drain schedules (its own key is taken by
    // itself until it ends); the two alternate.
    static constexpr char kRetryAgainDrainKey[] = "mail.send:retry-again";
    static constexpr char kAfterRunningDrainKey[] = "mail.send:after";

    explicit Outbox(Database &db, const JobClock &clock = JobClock::system());

    struct Enqueued
    {
        qint64 id = 0;
        bool existed = false;  // the dedupe key was already there; nothing was written
        qint64 drainJobId = 0; // the mail.send job that will send it
    };
    // Validates (address, subject, sizes), stores the e-mail and its attachments with a
    // fresh Message-ID, and ensures a drain. Joins the caller's transaction.
    Result<Enqueued> enqueue(const OutboxMessage &message, const Actor &actor);

    struct EnqueuedMany
    {
        int added = 0;         // e-mails written
        int existed = 0;       // their dedupe key was already there: nothing written for them
        qint64 drainJobId = 0; // the mail.send job that will send them
        // Messages not queued because they are not valid (enqueue() would refuse them):
        // their position in the list and the first reason.
        QList<QPair<qsizetype, QString>> refused;
    };
    // Many e-mails without attachments at once, for bulk jobs that queue hundreds per
    // transaction: one INSERT … SELECT from a bound JSON array (ON CONFLICT (dedupe_key)
    // DO NOTHING, as enqueue()), then one ensureDrain. Each message is checked as
    // enqueue() checks it (a recipient address is checked once however many messages
    // share it); one that is not valid, or has attachments, is left out and listed in
    // `refused`, the others are queued. Joins the caller's transaction like enqueue().
    Result<EnqueuedMany> enqueueMany(const QList<OutboxMessage> &messages, const Actor &actor);

    // With `withContent`, the attachments' bytes too (the sender needs them; lists do not).
    Result<OutboxEmail> get(qint64 id, bool withContent = false);

    // Its search: recipient, name or subject, case-insensitive.
    using ListFilter = OutboxStore::ListFilter;
    // Newest first.
    Result<QList<OutboxEmail>> list(const ListFilter &filter);
    Result<QHash<OutboxState, int>> countByState();

    using Resolution = OutboxStore::Resolution;
    // A person's decision on an 'uncertain' e-mail: MarkSent → 'sent' (resolution
    // "marked_sent"); Resend → 'queued' now with one more attempt allowed (resolution
    // "resent"). `expectedVersion` 0: any version; otherwise a stale one is a Conflict.
    // Other states: InvalidState.
    Result<OutboxEmail> resolveUncertain(qint64 id, Resolution resolution, const Actor &actor,
                                         int expectedVersion = 0);
    // A 'failed' e-mail is queued again now with fresh attempts; others: InvalidState.
    Result<OutboxEmail> retry(qint64 id, const Actor &actor, int expectedVersion = 0);

    // Queues a drain (kind mail.send) unless one is queued; see OutboxStore::ensureDrain
    // (tasks/mail/outboxstore.cpp) for the race with a drain that is finishing. Joins the caller's
    // transaction. `runAfter` 0: now (key kDrainKey); later: a retry drain
    // (kRetryDrainKey).
    static Result<EnqueueResult> ensureDrain(Database &db, const JobClock &clock, const Actor &actor,
                                             qint64 runAfter = 0);

    // Queues a drain if any e-mail waits for one: queued (due now, or at its retry
    // time: then a retry drain at that time), or in 'sending' under a sender that may be
    // gone. What a worker does when it starts (MailTasks::drainPendingOnStart), so that
    // whatever a dead worker left goes out without a new e-mail or a person. Returns the
    // drain's job id, or 0 when nothing waits. Joins the caller's transaction.
    static Result<qint64> ensurePendingDrain(Database &db, const JobClock &clock, const Actor &actor);

    // --- The drain protocol (the mail.send job), see above. ---------------------------
    // `self` below is the asking drain's worker (its lease owner). A worker runs one
    // drain at a time (mail.send: one per engine), and a drain has no claim and no
    // attempt left of its own when it asks, so whatever carries its worker's name is an
    // earlier drain's of that worker: one cut off from the database mid-batch, whose
    // job went back to the queue and runs again under the same name.
    // Step 1. Returns how many e-mails became uncertain. With `self`, that worker's
    // own earlier attempts are orphans too.
    Result<int> markOrphansUncertain(const QString &self = {});
    // Step 2. Due queued e-mails (next_attempt_at <= now) not reserved by a live drain
    // of another worker, oldest first, with their attachments' content; claims of
    // `owner` itself are taken over (see above).
    Result<QList<OutboxEmail>> claimDue(const QString &owner, int limit, qint64 claimMs);
    // Gives claimed e-mails back unsent (cancel, or the server is unreachable); with
    // `notBefore`, they wait until then (no attempt is counted).
    VoidResult releaseClaims(const QString &owner, const QList<qint64> &ids, qint64 notBefore = 0);
    // One attempt on record (step 3): which e-mail (id), who sends it, since when.
    using Attempt = OutboxStore::Attempt;
    // Step 3. An empty optional (no error) when the e-mail is no longer this worker's
    // to send.
    Result<std::optional<Attempt>> beginAttempt(qint64 id, const QString &owner, qint64 jobId);
    // Step 4. LeaseLost when the row no longer records this attempt (a person decided
    // meanwhile): nothing is written.
    Result<OutboxEmail> recordSent(const Attempt &attempt, const QString &reply);
    // Back to 'queued' until retryAt, or 'failed' when no attempts are left.
    Result<OutboxEmail> recordTransient(const Attempt &attempt, const QString &error, qint64 retryAt);
    Result<OutboxEmail> recordFailed(const Attempt &attempt, const QString &error);
    Result<OutboxEmail> recordUncertain(const Attempt &attempt, const QString &error);
    // Back to 'queued' until retryAt whatever the attempts: the server, not the
    // e-mail, was the problem (see step 4).
    Result<OutboxEmail> recordDeferred(const Attempt &attempt, const QString &error, qint64 retryAt);

    // "Send now" after a person fixed the server or its settings: every queued e-mail
    // waiting for a later retry becomes due at once. Returns how many.
    Result<int> makeWaitingDue();

    // Queued e-mails a drain of worker `self` could claim now (for progress), and the
    // earliest next_attempt_at of any queued e-mail (0: none queued).
    Result<int> countDue(const QString &self = {});
    Result<qint64> nextAttemptAt();
    // When the next drain should look (0: no e-mail is queued or being sent): the
    // earliest of every queued e-mail's next_attempt_at, where an e-mail that a live
    // drain of another worker holds counts from the moment that hold ends unless
    // renewed (its claim's expiry or that drain's lease expiry, whichever is first), and
    // of every e-mail in 'sending' under another worker's live lease, from that lease's
    // expiry (an attempt under no live lease: now). A time not after now means there is
    // work now. A drain that ends schedules its successor at this time, so that a
    // batch whose drain dies is picked up once its lease expires (see the protocol).
    Result<qint64> nextDrainAt(const QString &self = {});

    // What makes OutboxStore this outbox: outbox_emails, mail.send and the texts above.
    static const OutboxStore::Spec &spec();

private:
    Database &m_db;
    const JobClock &m_clock;
    OutboxRecords<OutboxEmail> m_records;
};
