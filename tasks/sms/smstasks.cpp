#include "tasks/sms/smstasks.h"

#include "tasks/jobcontext.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "tasks/mail/outboxdrain.h"
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

// The helpers live inside SmsTasks so that lupdate files their texts under the context
// "SmsTasks", the one they are stored and translated with.
namespace SmsTasks {
namespace {

StoredText msg(const char *text, int n = -1)
{
    return StoredText("SmsTasks", text, n);
}

// The drain's texts, stored with the job and translated where they are read.
const OutboxDrainTexts kTexts{
    "SmsTasks", QT_TRANSLATE_NOOP("SmsTasks", "%1 sent, %2 failed, %3 to retry, %4 uncertain"),
    QT_TRANSLATE_N_NOOP("SmsTasks", "%n sent"),
    QT_TRANSLATE_NOOP("SmsTasks", "The waiting text messages are tried again from %1.")};

QCoro::Task<OutboxSendResult> sendMessage(SmsGateway gateway, SmsRecord message)
{
    auto sending = gateway.send(message.toNumber, message.text, message.toName); // named: GCC 12 bug 100611
    const SmsGateway::Outcome sent = co_await sending;
    using Kind = SmsGateway::Outcome::Kind;
    OutboxSendResult r;
    switch (sent.kind) {
    case Kind::Sent:
        r.kind = OutboxSendResult::Kind::Sent;
        break;
    case Kind::Transient:
        r.kind = OutboxSendResult::Kind::Transient;
        break;
    case Kind::Permanent:
        r.kind = OutboxSendResult::Kind::Permanent;
        break;
    case Kind::Uncertain:
        r.kind = OutboxSendResult::Kind::Uncertain;
        break;
    }
    // An unreachable gateway or refused credentials: the message waits whatever its
    // attempts, and so does every other one (the drain fails saying why).
    r.serverProblem = sent.scope == SmsGateway::Outcome::Scope::Server &&
                      (sent.kind == Kind::Transient || sent.kind == Kind::Permanent);
    r.stopsDrain = r.serverProblem;
    r.reply = sent.reply;
    r.error = sent.error;
    r.logDetail = u"HTTP %1"_s.arg(sent.status);
    co_return r;
}

QCoro::Task<OutboxSending<SmsRecord>> prepare()
{
    auto loading = SmsSettings::load(); // named: GCC 12 bug 100611
    const SmsSettingsLoad loaded = co_await loading;
    OutboxSending<SmsRecord> sending;
    if (!loaded.usable()) {
        sending.problem = loaded.problem();
        co_return sending;
    }
    const SmsSettings &settings = loaded.settings;
    // Each request may take up to the timeout to connect and again to answer.
    sending.claimPerMessageMs = 2 * qint64(settings.timeoutMs);
    sending.ratePerMinute = settings.ratePerMinute;
    sending.send = [gateway = SmsGateway(settings)](const SmsRecord &message) {
        return sendMessage(gateway, message);
    };
    co_return sending;
}

QCoro::Task<JobOutcome> drain(JobContext &ctx)
{
    static const OutboxDrainChannel<SmsRecord> channel{kTexts, "text message", &lcSmsTask, &prepare};
    return OutboxDrain::run<SmsOutbox, SmsRecord>(ctx, channel);
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
