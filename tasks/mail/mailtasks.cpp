#include "tasks/mail/mailtasks.h"

#include "tasks/jobcontext.h"
#include "tasks/jobengine.h"
#include "tasks/mail/mailsettings.h"
#include "tasks/mail/outbox.h"
#include "tasks/mail/smtpsender.h"
#include "tasks/taskregistry.h"

#include <QCoreApplication>
#include <QCoroFuture>
#include <QDateTime>
#include <QLoggingCategory>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcMailTask, "residesk.mail.task")

// The helpers live inside MailTasks so that lupdate files their tr() calls under the
// context "MailTasks", the one the tr() helper below passes to translate().
namespace MailTasks {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("MailTasks", text);
}

// A message to store (a job's error or progress, a notification, a title), translated
// where it is shown; the source text is marked with QT_TRANSLATE_NOOP("MailTasks", …).
StoredText msg(const char *text, int n = -1)
{
    return StoredText("MailTasks", text, n);
}

struct Tally
{
    int sent = 0;
    int failed = 0;
    int requeued = 0;
    int uncertain = 0;

    int done() const { return sent + failed + requeued + uncertain; }
    QJsonObject toJson() const
    {
        return {
            {u"sent"_s, sent}, {u"failed"_s, failed}, {u"requeued"_s, requeued}, {u"uncertain"_s, uncertain}};
    }
    static Tally fromJson(const QJsonObject &o)
    {
        return {o.value(u"sent"_s).toInt(), o.value(u"failed"_s).toInt(), o.value(u"requeued"_s).toInt(),
                o.value(u"uncertain"_s).toInt()};
    }
    // A message, read in the language of whoever reads it.
    StoredText summaryText() const
    {
        // Not tr(): inside this struct lupdate would take "Tally" as the context.
        return StoredText("MailTasks",
                          QT_TRANSLATE_NOOP("MailTasks", "%1 sent, %2 failed, %3 to retry, %4 uncertain"))
            .arg(sent)
            .arg(failed)
            .arg(requeued)
            .arg(uncertain);
    }
    QString summary() const { return summaryText().toString(); }
    // The summary in a job's result: words and message (JobStore::finish).
    void addTo(QJsonObject &result) const
    {
        result.insert(u"summary"_s, summary());
        result.insert(u"summary_msg"_s, summaryText().toJsonObject());
    }
};

// Progress: done and total are every e-mail tried, which every view of a job shows
// ("7 of 10"); the message says how many of them were sent.
StoredText sentText(int sent)
{
    return StoredText("MailTasks", QT_TRANSLATE_N_NOOP("MailTasks", "%n sent"), sent);
}

QString clockText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

// The least wait before a successor drain, so that one never chases the last.
constexpr qint64 kFollowUpDelayMs = 1000;

// What waits after this drain (e-mails held by a live drain of another worker, or
// waiting for a retry) gets a drain at the time it becomes a drain's business, but not
// before `notBefore` (the server's retry time after a problem of the server): a
// separate unique key, so this running drain does not swallow it. Returns that time
// (0: nothing waits).
Result<qint64> scheduleSuccessor(JobContext &ctx, Outbox &outbox, qint64 notBefore = 0)
{
    const Result<qint64> next = outbox.nextDrainAt(ctx.owner());
    if (!next)
        return next.error();
    if (next.value() == 0)
        return qint64(0);
    // Not after now: an e-mail became free after this drain's last look (a claim or a
    // lease ran out just then, or another drain gave a batch back): a drain right
    // after this one, not this one again.
    const qint64 at = qMax(qMax(next.value(), notBefore), ctx.clock().nowMs() + kFollowUpDelayMs);
    if (const Result<EnqueueResult> scheduled =
            Outbox::ensureDrain(ctx.database(), ctx.clock(), ctx.actor(), at);
        !scheduled)
        return scheduled.error();
    return at;
}

QCoro::Task<JobOutcome> drain(JobContext &ctx)
{
    Outbox outbox(ctx.database(), ctx.clock());
    Tally tally = Tally::fromJson(ctx.checkpoint()); // a resumed job continues its counts
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
        tally.addTo(result);
        co_return JobOutcome::success(result);
    }

    auto loading = MailSettings::load(); // named: GCC 12 bug 100611
    const MailSettingsLoad loaded = co_await loading;
    if (!loaded.missing.isEmpty() || !loaded.error.isEmpty())
        co_return JobOutcome::failure(loaded.problem(), false);
    const MailSettings &settings = loaded.settings;

    const int batch = qBound(1, ctx.payload().value(u"batch"_s).toInt(20), 500);
    const qint64 retryBaseMs = qMax<qint64>(0, ctx.payload().value(u"retry_base_ms"_s).toInteger(60000));
    const qint64 retryMaxMs =
        qMax<qint64>(retryBaseMs, ctx.payload().value(u"retry_max_ms"_s).toInteger(3600000));
    // A claim outlives the slowest batch, so no other drain takes an e-mail that this
    // one is about to send (it could not send it anyway: beginAttempt checks the claim).
    const qint64 claimMs = qint64(batch) * (settings.timeoutMs + settings.connectTimeoutMs) + 60000;
    const qint64 minGapMs = settings.ratePerMinute > 0 ? 60000 / settings.ratePerMinute : 0;
    const SmtpSender sender(settings);
    QString stopProblem;      // the server cannot be used now …
    qint64 serverRetryAt = 0; // … until then

    qint64 lastSendAt = 0;
    bool rescanned = false;
    bool firstBatch = true;
    while (stopProblem.isEmpty()) {
        if (ctx.isCancelled())
            co_return JobOutcome::cancelled();
        // Step 1 again before every batch: an attempt whose drain died meanwhile is
        // judged now, not when this drain ends (claimDue takes that drain's claims over).
        if (!firstBatch) {
            if (const Result<int> orphans = outbox.markOrphansUncertain(ctx.owner()); orphans)
                tally.uncertain += orphans.value();
        }
        firstBatch = false;
        Result<QList<OutboxEmail>> claimed = outbox.claimDue(ctx.owner(), batch, claimMs);
        if (!claimed)
            co_return JobOutcome::failure(claimed.error().message);
        if (claimed->isEmpty()) {
            // Nothing due. Look once more (orphans, and e-mails whose transactions
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
        for (const OutboxEmail &e : claimed.value())
            unsent.append(e.id);
        for (const OutboxEmail &email : claimed.value()) {
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

            // Step 3 of the protocol: the attempt is on record before the server hears of it.
            const Result<std::optional<Outbox::Attempt>> begun =
                outbox.beginAttempt(email.id, ctx.owner(), ctx.id());
            if (!begun) {
                outbox.releaseClaims(ctx.owner(), unsent);
                co_return JobOutcome::failure(begun.error().message);
            }
            unsent.removeOne(email.id);
            if (!begun->has_value())
                continue; // a person or another drain changed it meanwhile
            const Outbox::Attempt attempt = *begun.value();

            auto sending = sender.sendAsync(email);
            const SmtpResult sent = co_await sending;
            lastSendAt = ctx.clock().nowMs();

            // Step 4: the outcome. A failure to record it leaves the row in 'sending';
            // the next drain then calls it uncertain — never sent twice.
            Result<OutboxEmail> recorded;
            qint64 retryAt = 0;
            const auto backoff = [&] {
                const double jitter = QRandomGenerator::global()->generateDouble();
                return lastSendAt +
                       JobEngine::backoffDelay(email.attempts + 1, retryBaseMs, retryMaxMs, jitter);
            };
            // The server (unreachable, TLS, login refused) rather than this e-mail: it
            // waits however often it was tried, and the drain fails with the reason below.
            const bool serverProblem =
                sent.scope == SmtpResult::Scope::Server &&
                (sent.kind == SmtpResult::Kind::Transient || sent.kind == SmtpResult::Kind::Permanent);
            switch (sent.kind) {
            case SmtpResult::Kind::Sent:
                recorded = outbox.recordSent(attempt, sent.reply);
                break;
            case SmtpResult::Kind::Transient:
            case SmtpResult::Kind::Permanent:
                if (serverProblem) {
                    retryAt = backoff();
                    recorded = outbox.recordDeferred(attempt, sent.error, retryAt);
                } else if (sent.kind == SmtpResult::Kind::Transient) {
                    retryAt = backoff();
                    recorded = outbox.recordTransient(attempt, sent.error, retryAt);
                } else {
                    recorded = outbox.recordFailed(attempt, sent.error);
                }
                break;
            case SmtpResult::Kind::Uncertain:
                recorded = outbox.recordUncertain(attempt, sent.error);
                break;
            }
            if (!recorded) {
                qCWarning(lcMailTask)
                    << "e-mail" << email.id << "outcome not recorded:" << recorded.error().message;
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
            qCInfo(lcMailTask) << "e-mail" << email.id << "to" << email.toAddress << "→"
                               << OutboxStates::code(recorded->state) << sent.reply;

            if (auto saved = ctx.saveCheckpoint(tally.toJson()); !saved) {
                outbox.releaseClaims(ctx.owner(), unsent);
                co_return JobOutcome::failure(saved.error().message);
            }
            ctx.setProgress(tally.done(), qMax<qint64>(total, tally.done()), sentText(tally.sent));

            if (sent.scope == SmtpResult::Scope::Server && !sent.isSent()) {
                // Every other e-mail would fail the same way now: they wait, unattempted,
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

    // E-mails waiting for a retry, and those a live drain of another worker holds,
    // get a drain at their time (see "Nothing left behind" in tasks/mail/outbox.h).
    const Result<qint64> next = scheduleSuccessor(ctx, outbox, serverRetryAt);
    if (!next)
        co_return JobOutcome::failure(next.error().message);
    ctx.setProgress(tally.done(), tally.done(), tally.summaryText());

    if (!stopProblem.isEmpty()) {
        QString text = stopProblem + u' ' + tally.summary() + u'.';
        if (next.value() > 0)
            text += u' ' + tr("The waiting e-mails are tried again from %1.").arg(clockText(next.value()));
        co_return JobOutcome::failure(text, false);
    }
    QJsonObject result = tally.toJson();
    tally.addTo(result);
    co_return JobOutcome::success(result);
}

} // namespace

void registerAll(TaskRegistry &registry)
{
    // maxAttempts 3: a drain that failed for a database problem is tried again; the
    // e-mails themselves carry their own attempts. maxConcurrency 1: one drain at a
    // time per engine, which the outbox relies on to tell a worker's earlier drain,
    // cut off mid-batch, from the one asking (Outbox::claimDue, markOrphansUncertain).
    registry.add({u"mail.send"_s, msg(QT_TRANSLATE_NOOP("MailTasks", "Send e-mail")), 1, 3, &drain});
}

QCoro::Task<Result<qint64>> drainPendingOnStart(Database &db, Actor actor)
{
    auto loading = MailSettings::load(); // named: GCC 12 bug 100611
    const MailSettingsLoad loaded = co_await loading;
    if (!loaded.missing.isEmpty() || !loaded.error.isEmpty()) {
        // A drain could only fail; the e-mails wait for a worker (or a window) that can
        // send them.
        qCInfo(lcMailTask) << "no drain at start: the mail settings are not usable here";
        co_return qint64(0);
    }
    const Result<qint64> queued = Outbox::ensurePendingDrain(db, JobClock::system(), actor);
    if (queued && queued.value() > 0)
        qCInfo(lcMailTask) << "e-mail waits: drain job" << queued.value() << "queued at start";
    co_return queued;
}

QList<RecurringJob> defaultRecurring()
{
    RecurringJob safetyNet;
    safetyNet.name = u"mail.send"_s;
    safetyNet.kind = u"mail.send"_s;
    safetyNet.schedule = u"*/10 * * * *"_s;
    return {safetyNet};
}

} // namespace MailTasks
