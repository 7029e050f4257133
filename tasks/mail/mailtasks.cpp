#include "tasks/mail/mailtasks.h"

#include "tasks/jobcontext.h"
#include "tasks/jobengine.h"
#include "tasks/mail/mailsettings.h"
#include "tasks/mail/outbox.h"
#include "tasks/mail/outboxdrain.h"
#include "tasks/mail/smtpsender.h"
#include "tasks/taskregistry.h"

#include <QCoreApplication>
#include <QCoroFuture>
#include <QDateTime>
#include <QLoggingCategory>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcMailTask, "residesk.mail.task")

// The helpers live inside MailTasks so that lupdate files their texts under the context
// "MailTasks", the one they are stored and translated with.
namespace MailTasks {
namespace {

// A message to store (a job's error or progress, a notification, a title), translated
// where it is shown; the source text is marked with QT_TRANSLATE_NOOP("MailTasks", …).
StoredText msg(const char *text, int n = -1)
{
    return StoredText("MailTasks", text, n);
}

// The drain's texts, stored with the job and translated where they are read.
const OutboxDrainTexts kTexts{
    "MailTasks", QT_TRANSLATE_NOOP("MailTasks", "%1 sent, %2 failed, %3 to retry, %4 uncertain"),
    // Progress: done and total are every e-mail tried, which every view of a job shows
    // ("7 of 10"); the message says how many of them were sent.
    QT_TRANSLATE_N_NOOP("MailTasks", "%n sent"),
    QT_TRANSLATE_NOOP("MailTasks", "The waiting e-mails are tried again from %1.")};

QCoro::Task<OutboxSendResult> sendEmail(SmtpSender sender, OutboxEmail email)
{
    auto sending = sender.sendAsync(email); // named: GCC 12 bug 100611
    const SmtpResult sent = co_await sending;
    OutboxSendResult r;
    switch (sent.kind) {
    case SmtpResult::Kind::Sent:
        r.kind = OutboxSendResult::Kind::Sent;
        break;
    case SmtpResult::Kind::Transient:
        r.kind = OutboxSendResult::Kind::Transient;
        break;
    case SmtpResult::Kind::Permanent:
        r.kind = OutboxSendResult::Kind::Permanent;
        break;
    case SmtpResult::Kind::Uncertain:
        r.kind = OutboxSendResult::Kind::Uncertain;
        break;
    }
    // The server (unreachable, TLS, login refused) rather than this e-mail: it waits
    // however often it was tried, and the drain fails with the reason.
    r.serverProblem = sent.scope == SmtpResult::Scope::Server &&
                      (sent.kind == SmtpResult::Kind::Transient || sent.kind == SmtpResult::Kind::Permanent);
    r.stopsDrain = sent.scope == SmtpResult::Scope::Server && !sent.isSent();
    r.reply = sent.reply;
    r.error = sent.error;
    r.logDetail = u"to %1: %2"_s.arg(email.toAddress, sent.reply);
    co_return r;
}

QCoro::Task<OutboxSending<OutboxEmail>> prepare()
{
    auto loading = MailSettings::load(); // named: GCC 12 bug 100611
    const MailSettingsLoad loaded = co_await loading;
    OutboxSending<OutboxEmail> sending;
    if (!loaded.missing.isEmpty() || !loaded.error.isEmpty()) {
        sending.problem = loaded.problem();
        co_return sending;
    }
    const MailSettings &settings = loaded.settings;
    sending.claimPerMessageMs = settings.timeoutMs + settings.connectTimeoutMs;
    sending.ratePerMinute = settings.ratePerMinute;
    sending.send = [sender = SmtpSender(settings)](const OutboxEmail &email) {
        return sendEmail(sender, email);
    };
    co_return sending;
}

QCoro::Task<JobOutcome> drain(JobContext &ctx)
{
    static const OutboxDrainChannel<OutboxEmail> channel{kTexts, "e-mail", &lcMailTask, &prepare};
    return OutboxDrain::run<Outbox, OutboxEmail>(ctx, channel);
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
