#include "tasks/sms/smstasks.h"

#include "tasks/jobcontext.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "tasks/sms/smsgateway.h"
#include "tasks/sms/smsoutbox.h"
#include "tasks/sms/smssettings.h"
#include "tasks/taskregistry.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSmsTask, "residesk.sms.task")

// The helpers live inside SmsTasks so that lupdate files their tr() calls under the
// context "SmsTasks", the one the tr() helper below passes to translate().
namespace SmsTasks {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SmsTasks", text);
}

StoredText msg(const char *text, int n = -1)
{
    return StoredText("SmsTasks", text, n);
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
    StoredText summaryText() const
    {
        return StoredText("SmsTasks",
                          QT_TRANSLATE_NOOP("SmsTasks", "%1 sent, %2 failed, %3 to retry, %4 uncertain"))
            .arg(sent)
            .arg(failed)
            .arg(requeued)
            .arg(uncertain);
    }
    QString summary() const { return summaryText().toString(); }
    void addTo(QJsonObject &result) const
    {
        result.insert(u"summary"_s, summary());
        result.insert(u"summary_msg"_s, summaryText().toJsonObject());
    }
};

StoredText sentText(int sent)
{
    return StoredText("SmsTasks", QT_TRANSLATE_N_NOOP("SmsTasks", "%n sent"), sent);
}

QString clockText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

constexpr qint64 kFollowUpDelayMs = 1000;

// What waits after this drain gets a drain at its time (see MailTasks' scheduleSuccessor).
Result<qint64> scheduleSuccessor(JobContext &ctx, SmsOutbox &outbox, qint64 notBefore = 0)
{
    const Result<qint64> next = outbox.nextDrainAt(ctx.owner());
    if (!next)
        return next.error();
    if (next.value() == 0)
        return qint64(0);
    const qint64 at = qMax(qMax(next.value(), notBefore), ctx.clock().nowMs() + kFollowUpDelayMs);
    if (const Result<EnqueueResult> scheduled =
            SmsOutbox::ensureDrain(ctx.database(), ctx.clock(), ctx.actor(), at);
        !scheduled)
        return scheduled.error();
    return at;
}

QCoro::Task<JobOutcome> drain(JobContext &ctx)
{
    SmsOutbox outbox(ctx.database(), ctx.clock());
    Tally tally = Tally::fromJson(ctx.checkpoint());
    if (const Result<int> orphans = outbox.markOrphansUncertain(ctx.owner()); !orphans)
        co_return JobOutcome::failure(orphans.error().message);
    else
        tally.uncertain += orphans.value();
    const Result<int> dueAtStart = outbox.countDue(ctx.owner());
    if (!dueAtStart)
        co_return JobOutcome::failure(dueAtStart.error().message);
    if (dueAtStart.value() == 0) {
        if (const Result<qint64> scheduled = scheduleSuccessor(ctx, outbox); !scheduled)
            co_return JobOutcome::failure(scheduled.error().message);
        QJsonObject result = tally.toJson();
        tally.addTo(result);
        co_return JobOutcome::success(result);
    }

    auto loading = SmsSettings::load(); // named: GCC 12 bug 100611
    const SmsSettingsLoad loaded = co_await loading;
    if (!loaded.usable())
        co_return JobOutcome::failure(loaded.problem(), false);
    const SmsSettings &settings = loaded.settings;

    const int batch = qBound(1, ctx.payload().value(u"batch"_s).toInt(20), 500);
    const qint64 retryBaseMs = qMax<qint64>(0, ctx.payload().value(u"retry_base_ms"_s).toInteger(60000));
    const qint64 retryMaxMs =
        qMax<qint64>(retryBaseMs, ctx.payload().value(u"retry_max_ms"_s).toInteger(3600000));
    // A claim outlives the slowest batch (each request may take up to the timeout to
    // connect and again to answer).
    const qint64 claimMs = qint64(batch) * 2 * settings.timeoutMs + 60000;
    const qint64 minGapMs = settings.ratePerMinute > 0 ? 60000 / settings.ratePerMinute : 0;
    const SmsGateway gateway(settings);
    QString stopProblem;
    qint64 serverRetryAt = 0;

    qint64 lastSendAt = 0;
    bool rescanned = false;
    bool firstBatch = true;
    while (stopProblem.isEmpty()) {
        if (ctx.isCancelled())
            co_return JobOutcome::cancelled();
        if (!firstBatch) {
            if (const Result<int> orphans = outbox.markOrphansUncertain(ctx.owner()); orphans)
                tally.uncertain += orphans.value();
        }
        firstBatch = false;
        Result<QList<SmsRecord>> claimed = outbox.claimDue(ctx.owner(), batch, claimMs);
        if (!claimed)
            co_return JobOutcome::failure(claimed.error().message);
        if (claimed->isEmpty()) {
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
        for (const SmsRecord &m : claimed.value())
            unsent.append(m.id);
        for (const SmsRecord &message : claimed.value()) {
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

            // The attempt is on record before the gateway hears of it.
            const Result<std::optional<SmsOutbox::Attempt>> begun =
                outbox.beginAttempt(message.id, ctx.owner(), ctx.id());
            if (!begun) {
                outbox.releaseClaims(ctx.owner(), unsent);
                co_return JobOutcome::failure(begun.error().message);
            }
            unsent.removeOne(message.id);
            if (!begun->has_value())
                continue; // a person or another drain changed it meanwhile
            const SmsOutbox::Attempt attempt = *begun.value();

            auto sending = gateway.send(message.toNumber, message.text, message.toName);
            const SmsGateway::Outcome sent = co_await sending;
            lastSendAt = ctx.clock().nowMs();

            // The outcome. A failure to record it leaves the row in 'sending'; the next
            // drain then calls it uncertain — never sent twice.
            using Kind = SmsGateway::Outcome::Kind;
            using Scope = SmsGateway::Outcome::Scope;
            Result<SmsRecord> recorded;
            qint64 retryAt = 0;
            const auto backoff = [&] {
                const double jitter = QRandomGenerator::global()->generateDouble();
                return lastSendAt +
                       JobEngine::backoffDelay(message.attempts + 1, retryBaseMs, retryMaxMs, jitter);
            };
            const bool serverProblem =
                sent.scope == Scope::Server && (sent.kind == Kind::Transient || sent.kind == Kind::Permanent);
            switch (sent.kind) {
            case Kind::Sent:
                recorded = outbox.recordSent(attempt, sent.reply);
                break;
            case Kind::Transient:
            case Kind::Permanent:
                if (serverProblem) {
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
                qCWarning(lcSmsTask) << "text message" << message.id
                                     << "outcome not recorded:" << recorded.error().message;
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
            qCInfo(lcSmsTask) << "text message" << message.id << "→" << OutboxStates::code(recorded->state)
                              << sent.status;

            if (auto saved = ctx.saveCheckpoint(tally.toJson()); !saved) {
                outbox.releaseClaims(ctx.owner(), unsent);
                co_return JobOutcome::failure(saved.error().message);
            }
            ctx.setProgress(tally.done(), qMax<qint64>(total, tally.done()), sentText(tally.sent));

            if (serverProblem) {
                // Every other message would fail the same way now: they wait, unattempted.
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

    const Result<qint64> next = scheduleSuccessor(ctx, outbox, serverRetryAt);
    if (!next)
        co_return JobOutcome::failure(next.error().message);
    ctx.setProgress(tally.done(), tally.done(), tally.summaryText());

    if (!stopProblem.isEmpty()) {
        QString text = stopProblem + u' ' + tally.summary() + u'.';
        if (next.value() > 0)
            text +=
                u' ' + tr("The waiting text messages are tried again from %1.").arg(clockText(next.value()));
        co_return JobOutcome::failure(text, false);
    }
    QJsonObject result = tally.toJson();
    tally.addTo(result);
    co_return JobOutcome::success(result);
}

} // namespace

void registerAll(TaskRegistry &registry)
{
    // As mail.send: a drain that failed for a database problem is tried again (the
    // messages carry their own attempts); one drain at a time per engine.
    registry.add({u"sms.send"_s, msg(QT_TRANSLATE_NOOP("SmsTasks", "Send text messages")), 1, 3, &drain});
}

QCoro::Task<Result<qint64>> drainPendingOnStart(Database &db, Actor actor)
{
    auto loading = SmsSettings::load(); // named: GCC 12 bug 100611
    const SmsSettingsLoad loaded = co_await loading;
    if (!loaded.usable()) {
        qCInfo(lcSmsTask) << "no drain at start: the SMS settings are not usable here";
        co_return qint64(0);
    }
    const Result<qint64> queued = SmsOutbox::ensurePendingDrain(db, JobClock::system(), actor);
    if (queued && queued.value() > 0)
        qCInfo(lcSmsTask) << "text messages wait: drain job" << queued.value() << "queued at start";
    co_return queued;
}

QList<RecurringJob> defaultRecurring()
{
    RecurringJob safetyNet;
    safetyNet.name = u"sms.send"_s;
    safetyNet.kind = u"sms.send"_s;
    safetyNet.schedule = u"*/10 * * * *"_s;
    return {safetyNet};
}

} // namespace SmsTasks
