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
    QString summary() const
    {
        // Not tr(): inside this struct lupdate would take "Tally" as the context.
        return QCoreApplication::translate("MailTasks", "%1 sent, %2 failed, %3 to retry, %4 uncertain")
            .arg(sent)
            .arg(failed)
            .arg(requeued)
            .arg(uncertain);
    }
};

// Progress: done and total are every e-mail tried, which every view of a job shows
// ("7 of 10"); the message says how many of them were sent.
QString sentText(int sent)
{
    return QCoreApplication::translate("MailTasks", "%n sent", nullptr, sent);
}

QString clockText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QCoro::Task<JobOutcome> drain(JobContext &ctx)
{
    Outbox outbox(ctx.database(), ctx.clock());
    Tally tally = Tally::fromJson(ctx.checkpoint()); // a resumed job continues its counts
    // Step 1 of the protocol, before anything else (and without needing the settings).
    if (const Result<int> orphans = outbox.markOrphansUncertain(); !orphans)
        co_return JobOutcome::failure(orphans.error().message);
    else
        tally.uncertain += orphans.value();
    const Result<int> dueAtStart = outbox.countDue();
    if (!dueAtStart)
        co_return JobOutcome::failure(dueAtStart.error().message);
    if (dueAtStart.value() == 0) {
        // Nothing to send (the recurring safety net, mostly): no settings needed.
        QJsonObject result = tally.toJson();
        result.insert(u"summary"_s, tally.summary());
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
    QString stopProblem; // the server cannot be used now

    qint64 lastSendAt = 0;
    bool rescanned = false;
    while (stopProblem.isEmpty()) {
        if (ctx.isCancelled())
            co_return JobOutcome::cancelled();
        Result<QList<OutboxEmail>> claimed = outbox.claimDue(ctx.owner(), batch, claimMs);
        if (!claimed)
            co_return JobOutcome::failure(claimed.error().message);
        if (claimed->isEmpty()) {
            // Nothing due. Look once more (orphans, and e-mails whose transactions
            // committed while the last batch was being sent) before ending.
            if (rescanned)
                break;
            rescanned = true;
            if (const Result<int> orphans = outbox.markOrphansUncertain(); orphans)
                tally.uncertain += orphans.value();
            continue;
        }
        rescanned = false;
        const Result<int> due = outbox.countDue();
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
                if (auto released = outbox.releaseClaims(ctx.owner(), unsent, notBefore); !released)
                    co_return JobOutcome::failure(released.error().message);
                unsent.clear();
                break;
            }
        }
    }

    // E-mails waiting for a retry get a drain at their time (a separate unique key, so
    // this running drain does not swallow it).
    const Result<qint64> next = outbox.nextAttemptAt();
    if (!next)
        co_return JobOutcome::failure(next.error().message);
    // One due now was not claimable by this drain (it found none left): another live
    // drain holds it and sends it, so no follow-up for it (that would only chase it).
    if (next.value() > ctx.clock().nowMs()) {
        if (const Result<EnqueueResult> scheduled =
                Outbox::ensureDrain(ctx.database(), ctx.clock(), ctx.actor(), next.value());
            !scheduled)
            co_return JobOutcome::failure(scheduled.error().message);
    }
    ctx.setProgress(tally.done(), tally.done(), tally.summary());

    if (!stopProblem.isEmpty()) {
        QString text = stopProblem + u' ' + tally.summary() + u'.';
        if (next.value() > ctx.clock().nowMs())
            text += u' ' + tr("The waiting e-mails are tried again from %1.").arg(clockText(next.value()));
        co_return JobOutcome::failure(text, false);
    }
    QJsonObject result = tally.toJson();
    result.insert(u"summary"_s, tally.summary());
    co_return JobOutcome::success(result);
}

} // namespace


void registerAll(TaskRegistry &registry)
{
    // maxAttempts 3: a drain that failed for a database problem is tried again; the
    // e-mails themselves carry their own attempts.
    registry.add({u"mail.send"_s, tr("Send e-mail"), 1, 3, &drain});
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
