#pragma once

#include "models/db/result.h"
#include "tasks/job.h"
#include "tasks/jobcontext.h"
#include "tasks/jobengine.h"
#include "tasks/mail/outboxemail.h"
#include "tasks/storedtext.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QDateTime>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>

#include <functional>

// The drain job that every outbox shares (mail.send, tasks/mail/mailtasks.h; sms.send,
// tasks/sms/smstasks.h): the outbox's protocol (tasks/mail/outbox.h) from the job's
// side. Orphans judged first and before every batch; due messages claimed in batches;
// each attempt committed before the send and its outcome after; the rate limit and a
// cancel honoured between messages; a problem of the server or gateway defers the batch
// and fails the drain with its reason; a re-scan before the end; a successor scheduled
// for what waits. A channel gives its outbox type, its texts and how it loads its
// settings and sends one message.

// What a channel's sender said about one message.
struct OutboxSendResult
{
    enum class Kind { Sent, Transient, Permanent, Uncertain };
    Kind kind = Kind::Transient;
    // The server or gateway rather than this message (unreachable, TLS, credentials): it
    // waits however often it was tried (recordDeferred).
    bool serverProblem = false;
    // Every other message would fail the same way now: the batch waits, unattempted,
    // and the drain fails with `error`.
    bool stopsDrain = false;
    QString reply; // what accepted it
    QString error; // for people: what failed
    QString logDetail;
};

// The texts of a drain, in the translation context `context` (each marked with
// QT_TRANSLATE_NOOP where the channel is written): they are stored with the job and
// translated where they are read.
struct OutboxDrainTexts
{
    const char *context = nullptr;
    const char *summary = nullptr; // "%1 sent, %2 failed, %3 to retry, %4 uncertain"
    const char *sent = nullptr;    // "%n sent" (progress)
    const char *waiting = nullptr; // "The waiting … are tried again from %1."
};

// What a channel sends with, once its settings are loaded.
template<typename Record> struct OutboxSending
{
    QString problem;              // not empty: the settings are not usable; the drain fails with this
    qint64 claimPerMessageMs = 0; // the longest one message may take (a claim outlives the batch)
    int ratePerMinute = 0;        // 0: no limit
    std::function<QCoro::Task<OutboxSendResult>(const Record &)> send;
};

template<typename Record> struct OutboxDrainChannel
{
    OutboxDrainTexts texts;
    const char *noun = nullptr; // in the log: "e-mail"
    const QLoggingCategory &(*log)() = nullptr;
    // Loads the settings and makes the sender; only called when something is due.
    QCoro::Task<OutboxSending<Record>> (*prepare)() = nullptr;
};

// How many messages a drain sent, failed, queued again and judged uncertain: its
// checkpoint and its result ({sent, failed, requeued, uncertain} + "summary").
struct OutboxTally
{
    int sent = 0;
    int failed = 0;
    int requeued = 0;
    int uncertain = 0;

    int done() const { return sent + failed + requeued + uncertain; }
    QJsonObject toJson() const;
    static OutboxTally fromJson(const QJsonObject &o);
    // A message, read in the language of whoever reads it.
    StoredText summaryText(const OutboxDrainTexts &texts) const;
    // The summary in a job's result: words and message (JobStore::finish).
    void addTo(QJsonObject &result, const OutboxDrainTexts &texts) const;
};

namespace OutboxDrain {

// The least wait before a successor drain, so that one never chases the last.
constexpr qint64 kFollowUpDelayMs = 1000;

QString clockText(qint64 ms);

// What waits after this drain (messages held by a live drain of another worker, or
// waiting for a retry) gets a drain at the time it becomes a drain's business, but not
// before `notBefore` (the server's retry time after a problem of the server): a separate
// unique key, so this running drain does not swallow it. Returns that time (0: nothing
// waits).
template<typename Outbox>
Result<qint64> scheduleSuccessor(JobContext &ctx, Outbox &outbox, qint64 notBefore = 0)
{
    const Result<qint64> next = outbox.nextDrainAt(ctx.owner());
    if (!next)
        return next.error();
    if (next.value() == 0)
        return qint64(0);
    // Not after now: a message became free after this drain's last look (a claim or a
    // lease ran out just then, or another drain gave a batch back): a drain right after
    // this one, not this one again.
    const qint64 at = qMax(qMax(next.value(), notBefore), ctx.clock().nowMs() + kFollowUpDelayMs);
    if (const Result<EnqueueResult> scheduled =
            Outbox::ensureDrain(ctx.database(), ctx.clock(), ctx.actor(), at);
        !scheduled)
        return scheduled.error();
    return at;
}

template<typename Outbox, typename Record>
QCoro::Task<JobOutcome> run(JobContext &ctx, const OutboxDrainChannel<Record> &channel)
{
    const OutboxDrainTexts &texts = channel.texts;
    const auto sentText = [&texts](int sent) {
        return StoredText(texts.context, texts.sent, sent);
    };
    Outbox outbox(ctx.database(), ctx.clock());
    OutboxTally tally = OutboxTally::fromJson(ctx.checkpoint()); // a resumed job continues its counts
    // Step 1 of the protocol, before anything else (and without needing the settings).
    if (const Result<int> orphans = outbox.markOrphansUncertain(ctx.owner()); !orphans)
        co_return JobOutcome::failure(orphans.error().message);
    else
        tally.uncertain += orphans.value();
    const Result<int> dueAtStart = outbox.countDue(ctx.owner());
    if (!dueAtStart)
        co_return JobOutcome::failure(dueAtStart.error().message);
    if (dueAtStart.value() == 0) {
        // Nothing to send now (the recurring safety net, mostly): no settings needed.
        // What a live drain elsewhere holds, or what waits for a retry, gets its drain.
        if (const Result<qint64> scheduled = scheduleSuccessor(ctx, outbox); !scheduled)
            co_return JobOutcome::failure(scheduled.error().message);
        QJsonObject result = tally.toJson();
        tally.addTo(result, texts);
        co_return JobOutcome::success(result);
    }

    auto preparing = channel.prepare(); // named: GCC 12 bug 100611
    const OutboxSending<Record> sending = co_await preparing;
    if (!sending.problem.isEmpty())
        co_return JobOutcome::failure(sending.problem, false);

    const int batch = qBound(1, ctx.payload().value(QStringLiteral("batch")).toInt(20), 500);
    const qint64 retryBaseMs =
        qMax<qint64>(0, ctx.payload().value(QStringLiteral("retry_base_ms")).toInteger(60000));
    const qint64 retryMaxMs =
        qMax<qint64>(retryBaseMs, ctx.payload().value(QStringLiteral("retry_max_ms")).toInteger(3600000));
    // A claim outlives the slowest batch, so no other drain takes a message that this one
    // is about to send (it could not send it anyway: beginAttempt checks the claim).
    const qint64 claimMs = qint64(batch) * sending.claimPerMessageMs + 60000;
    const qint64 minGapMs = sending.ratePerMinute > 0 ? 60000 / sending.ratePerMinute : 0;
    QString stopProblem;      // the server cannot be used now …
    qint64 serverRetryAt = 0; // … until then

    qint64 lastSendAt = 0;
    bool rescanned = false;
    bool firstBatch = true;
    while (stopProblem.isEmpty()) {
        if (ctx.isCancelled())
            co_return JobOutcome::cancelled();
        // Step 1 again before every batch: an attempt whose drain died meanwhile is judged
        // now, not when this drain ends (claimDue takes that drain's claims over).
        if (!firstBatch) {
            if (const Result<int> orphans = outbox.markOrphansUncertain(ctx.owner()); orphans)
                tally.uncertain += orphans.value();
        }
        firstBatch = false;
        Result<QList<Record>> claimed = outbox.claimDue(ctx.owner(), batch, claimMs);
        if (!claimed)
            co_return JobOutcome::failure(claimed.error().message);
        if (claimed->isEmpty()) {
            // Nothing due. Look once more (orphans, and messages whose transactions
            // committed while the last batch was being sent) before ending.
            if (rescanned)
                break;
            rescanned = true;
            continue;
        }
        rescanned = false;
        const Result<int> due = outbox.countDue(ctx.owner());
        const qint64 total = tally.done() + claimed->size() + (due ? due.value() : 0);
        ctx.setProgress(tally.done(), total, sentText(tally.sent));

        QList<qint64> unsent;
        for (const Record &m : claimed.value())
            unsent.append(m.id);
        for (const Record &message : claimed.value()) {
            if (ctx.isCancelled()) {
                outbox.releaseClaims(ctx.owner(), unsent);
                co_return JobOutcome::cancelled();
            }
            if (minGapMs > 0 && lastSendAt > 0) {
                const qint64 wait = lastSendAt + minGapMs - ctx.clock().nowMs();
                if (wait > 0) {
                    QCoro::Task<bool> sleeping = ctx.sleep(int(qMin<qint64>(wait, 60000)));
                    const bool slept = co_await sleeping;
                    if (!slept) {
                        outbox.releaseClaims(ctx.owner(), unsent);
                        co_return JobOutcome::cancelled();
                    }
                }
            }

            // Step 3 of the protocol: the attempt is on record before the recipient's
            // server or gateway hears of it.
            const Result<std::optional<typename Outbox::Attempt>> begun =
                outbox.beginAttempt(message.id, ctx.owner(), ctx.id());
            if (!begun) {
                outbox.releaseClaims(ctx.owner(), unsent);
                co_return JobOutcome::failure(begun.error().message);
            }
            unsent.removeOne(message.id);
            if (!begun->has_value())
                continue; // a person or another drain changed it meanwhile
            const typename Outbox::Attempt attempt = *begun.value();

            auto sendingOne = sending.send(message);
            const OutboxSendResult sent = co_await sendingOne;
            lastSendAt = ctx.clock().nowMs();

            // Step 4: the outcome. A failure to record it leaves the row in 'sending'; the
            // next drain then calls it uncertain — never sent twice.
            using Kind = OutboxSendResult::Kind;
            Result<Record> recorded;
            qint64 retryAt = 0;
            const auto backoff = [&] {
                const double jitter = QRandomGenerator::global()->generateDouble();
                return lastSendAt +
                       JobEngine::backoffDelay(message.attempts + 1, retryBaseMs, retryMaxMs, jitter);
            };
            switch (sent.kind) {
            case Kind::Sent:
                recorded = outbox.recordSent(attempt, sent.reply);
                break;
            case Kind::Transient:
            case Kind::Permanent:
                if (sent.serverProblem) {
                    retryAt = backoff();
                    recorded = outbox.recordDeferred(attempt, sent.error, retryAt);
                } else if (sent.kind == Kind::Transient) {
                    retryAt = backoff();
                    recorded = outbox.recordTransient(attempt, sent.error, retryAt);
                } else {
                    recorded = outbox.recordFailed(attempt, sent.error);
                }
                break;
            case Kind::Uncertain:
                recorded = outbox.recordUncertain(attempt, sent.error);
                break;
            }
            if (!recorded) {
                qCWarning(channel.log)
                    << channel.noun << message.id << "outcome not recorded:" << recorded.error().message;
                outbox.releaseClaims(ctx.owner(), unsent);
                co_return JobOutcome::failure(recorded.error().message);
            }
            switch (recorded->state) {
            case OutboxState::Sent:
                ++tally.sent;
                break;
            case OutboxState::Failed:
                ++tally.failed;
                break;
            case OutboxState::Queued:
                ++tally.requeued;
                break;
            case OutboxState::Uncertain:
                ++tally.uncertain;
                break;
            case OutboxState::Sending:
                break;
            }
            qCInfo(channel.log) << channel.noun << message.id << sent.logDetail << "→"
                                << OutboxStates::code(recorded->state);

            if (auto saved = ctx.saveCheckpoint(tally.toJson()); !saved) {
                outbox.releaseClaims(ctx.owner(), unsent);
                co_return JobOutcome::failure(saved.error().message);
            }
            ctx.setProgress(tally.done(), qMax<qint64>(total, tally.done()), sentText(tally.sent));

            if (sent.stopsDrain) {
                // Every other message would fail the same way now: they wait, unattempted,
                // until this one's retry time.
                stopProblem = sent.error;
                const qint64 notBefore = retryAt > 0 ? retryAt : lastSendAt + retryBaseMs;
                serverRetryAt = notBefore;
                if (auto released = outbox.releaseClaims(ctx.owner(), unsent, notBefore); !released)
                    co_return JobOutcome::failure(released.error().message);
                unsent.clear();
                break;
            }
        }
    }

    // Messages waiting for a retry, and those a live drain of another worker holds, get a
    // drain at their time (see "Nothing left behind" in tasks/mail/outbox.h).
    const Result<qint64> next = scheduleSuccessor(ctx, outbox, serverRetryAt);
    if (!next)
        co_return JobOutcome::failure(next.error().message);
    ctx.setProgress(tally.done(), tally.done(), tally.summaryText(texts));

    if (!stopProblem.isEmpty()) {
        QString text = stopProblem + u' ' + tally.summaryText(texts).toString() + u'.';
        if (next.value() > 0)
            text +=
                u' ' + QCoreApplication::translate(texts.context, texts.waiting).arg(clockText(next.value()));
        co_return JobOutcome::failure(text, false);
    }
    QJsonObject result = tally.toJson();
    tally.addTo(result, texts);
    co_return JobOutcome::success(result);
}

} // namespace OutboxDrain
