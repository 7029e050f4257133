#include "app/cli/smscommands.h"

#include "app/cli/command.h"
#include "app/cli/commandcontext.h"
#include "app/cli/commandline.h"
#include "app/cli/commandregistry.h"
#include "app/cli/jobwaiter.h"
#include "app/cli/texttable.h"
#include "models/core/keychain.h"
#include "models/db/database.h"
#include "models/db/transaction.h"
#include "tasks/jobstore.h"
#include "tasks/sms/smsoutbox.h"
#include "tasks/sms/smssettings.h"

#include <QCommandLineParser>
#include <QCoroTask>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>
#include <QTextStream>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxListLimit = 10000;

QStringList words(const char *second)
{
    return {u"sms"_s, QString::fromLatin1(second)};
}

QString localTime(qint64 ms)
{
    if (ms <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

int storeFailure(CommandContext &context, qint64 id, const QString &what, const DbError &error)
{
    if (error.code == DbError::Code::NotFound)
        context.error(SmsCommands::tr("no text message with id %1 in the outbox").arg(id));
    else
        context.error(SmsCommands::tr("cannot %1 text message %2: %3")
                          .arg(what)
                          .arg(id)
                          .arg(error.text().simplified()));
    return CommandLine::ExitFailure;
}

void printRecord(CommandContext &context, const SmsRecord &record)
{
    if (context.json())
        context.printJson(record.toJson());
    else
        context.out(SmsCommands::tr("Text message %1 to %2 is %3.")
                        .arg(record.id)
                        .arg(record.toNumber, OutboxStates::code(record.state)));
}

QJsonObject settingsJson(const SmsSettings &s, bool hasSecret)
{
    return {{u"url"_s, s.url.toString(QUrl::RemoveUserInfo)},
            {u"auth"_s, SmsSettings::authCode(s.auth)},
            {u"user"_s, s.user},
            {u"content_type"_s, SmsSettings::contentTypeCode(s.contentType)},
            {u"template"_s, s.bodyTemplate},
            {u"sender"_s, s.sender},
            {u"region"_s, s.defaultRegion},
            {u"timeout"_s, s.timeoutMs / 1000.0},
            {u"rate"_s, s.ratePerMinute},
            {u"secret"_s, hasSecret}};
}

} // namespace

void SmsCommands::registerCommands(CommandRegistry &registry)
{
    registry.add({
        words("outbox"),
        tr("List the text message outbox, newest first."),
        tr("Every text message Residesk sends passes through the outbox. States: %1. An uncertain message "
           "may or may not have been delivered (its sender stopped after the request went out): it is never "
           "sent again by itself; decide with \"residesk sms resolve ID --sent|--resend\". With --json: a "
           "JSON "
           "array of objects with the keys id, to (E.164), to_name, text, state, attempts, max_attempts, "
           "error, "
           "reply (the gateway's acceptance), dedupe_key, related_entity, related_id, resolution, "
           "resolved_by, "
           "resolved_at, created_by, created_at, sent_at, next_attempt_at (times ISO 8601 UTC or null), "
           "version.")
            .arg(OutboxStates::codeList()),
        {QCommandLineOption(u"state"_s, tr("Only messages in this state (%1).").arg(OutboxStates::codeList()),
                            tr("state")),
         QCommandLineOption(u"search"_s, tr("Only messages whose number, name or text contains this text."),
                            tr("text")),
         QCommandLineOption(u"limit"_s,
                            tr("At most this many messages (default 100, at most %1).").arg(kMaxListLimit),
                            tr("n"), u"100"_s)},
        &SmsCommands::outbox,
    });
    registry.add({
        words("send"),
        tr("Send the queued text messages now (queues an sms.send job)."),
        tr("Makes every queued message due now, queues a drain of the outbox and prints its job id (with "
           "--json: {\"job_id\": n}). With --wait it runs the job here and reports it like \"jobs wait\". "
           "The "
           "gateway comes from RESIDESK_SMS_URL and RESIDESK_SMS_TOKEN, else from \"residesk sms "
           "settings\"."),
        {JobWaiter::waitOption()},
        &SmsCommands::send,
    });
    registry.add({
        words("resolve"),
        tr("Decide on an uncertain text message: residesk sms resolve ID --sent|--resend."),
        tr("--sent records that it was delivered; --resend queues it once more. Both are recorded with who "
           "and "
           "when. Only uncertain messages take a decision (exit code 1 otherwise)."),
        {QCommandLineOption(u"sent"_s, tr("It was delivered: mark it as sent.")),
         QCommandLineOption(u"resend"_s, tr("Send it again."))},
        &SmsCommands::resolve,
    });
    registry.add({
        words("retry"),
        tr("Queue a failed text message again: residesk sms retry ID."),
        tr("The message is queued again with fresh attempts. Other states are refused (exit code 1)."),
        {},
        &SmsCommands::retry,
    });
    registry.add({
        words("test"),
        tr("Queue a test text message: residesk sms test --to NUMBER [--wait]."),
        tr("Puts a short test message into the outbox and queues a drain; with --wait the drain runs here. "
           "The "
           "number is read by libphonenumber in the default region. With --json: {\"id\": message id, "
           "\"job_id\": drain job id} (or the job with --wait)."),
        {QCommandLineOption(u"to"_s, tr("The phone number."), tr("number")), JobWaiter::waitOption()},
        &SmsCommands::test,
    });
    registry.add({
        words("settings"),
        tr("Show or change this machine's SMS gateway settings."),
        tr("Without options, prints the settings (with --json: {url, auth, user, content_type, template, "
           "sender, region, timeout, rate, secret: whether one is stored}). The options change them in the "
           "application's settings; --secret-stdin reads the bearer token or basic password from the first "
           "line of standard input into the system keychain (never a file). The body template has the "
           "placeholders {to}, {text}, {name} and {from} (--sender), JSON-escaped for --content-type json "
           "and form-encoded for "
           "form. RESIDESK_SMS_URL and the other RESIDESK_SMS_* variables, when set, win over these "
           "settings."),
        {QCommandLineOption(u"url"_s, tr("The gateway URL (http:// or https://)."), tr("url")),
         QCommandLineOption(u"auth"_s, tr("none, bearer or basic."), tr("kind")),
         QCommandLineOption(u"user"_s, tr("The user for basic authentication."), tr("user")),
         QCommandLineOption(u"secret-stdin"_s, tr("Read the token or password from standard input.")),
         QCommandLineOption(u"content-type"_s, tr("json or form."), tr("type")),
         QCommandLineOption(u"template"_s, tr("The request body template."), tr("text")),
         QCommandLineOption(u"sender"_s, tr("The sender number or name, for {from} in the template."),
                            tr("sender")),
         QCommandLineOption(u"region"_s, tr("The default region of phone numbers (US, ES, …)."), tr("code")),
         QCommandLineOption(u"timeout"_s, tr("Seconds to wait for the gateway (default 30)."), tr("seconds")),
         QCommandLineOption(u"rate"_s, tr("Messages per minute (0: unlimited)."), tr("n"))},
        &SmsCommands::settings,
    });
}

qsizetype SmsCommands::argumentCount(const Command &command)
{
    return command.words == words("resolve") || command.words == words("retry") ? 1 : 0;
}

int SmsCommands::outbox(CommandContext &context)
{
    const QCommandLineParser &parser = context.parser();
    SmsOutbox::ListFilter filter;
    if (parser.isSet(u"state"_s)) {
        filter.state = OutboxStates::fromCode(parser.value(u"state"_s).trimmed().toLower());
        if (!filter.state)
            return context.usageError(tr("unknown text message state \"%1\"; valid states: %2")
                                          .arg(parser.value(u"state"_s), OutboxStates::codeList()));
    }
    filter.search = parser.value(u"search"_s);
    bool ok = false;
    filter.limit = parser.value(u"limit"_s).toInt(&ok);
    if (!ok || filter.limit < 1 || filter.limit > kMaxListLimit)
        return context.usageError(tr("--limit must be a whole number from 1 to %1, not \"%2\"")
                                      .arg(kMaxListLimit)
                                      .arg(parser.value(u"limit"_s)));
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const Result<QList<SmsRecord>> records = SmsOutbox(*db).list(filter);
    if (!records) {
        context.error(tr("cannot list the text message outbox: %1").arg(records.error().text().simplified()));
        return CommandLine::ExitFailure;
    }
    if (context.json()) {
        QJsonArray array;
        for (const SmsRecord &r : records.value())
            array.append(r.toJson());
        context.printJson(array);
        return CommandLine::ExitSuccess;
    }
    TextTable table({tr("ID"), tr("TO"), tr("TEXT"), tr("STATE"), tr("ATTEMPTS"), tr("CREATED"), tr("SENT"),
                     tr("ERROR")});
    for (const SmsRecord &r : records.value())
        table.addRow({QString::number(r.id), r.toNumber, TextTable::elided(r.text.simplified(), 40),
                      OutboxStates::code(r.state), u"%1/%2"_s.arg(r.attempts).arg(r.maxAttempts),
                      localTime(r.createdAt), localTime(r.sentAt), TextTable::elided(r.lastError, 60)});
    context.out(table.toString().chopped(1));
    return CommandLine::ExitSuccess;
}

int SmsCommands::send(CommandContext &context)
{
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    Result<EnqueueResult> drain;
    {
        Transaction tx(*db);
        if (!tx.ok()) {
            context.error(tr("cannot queue the text message drain: %1").arg(tx.error().text().simplified()));
            return CommandLine::ExitFailure;
        }
        if (const Result<int> due = SmsOutbox(*db).makeWaitingDue(); !due)
            drain = due.error();
        else
            drain = SmsOutbox::ensureDrain(*db, JobClock::system(), context.actor());
        if (drain) {
            if (const VoidResult committed = tx.commit(); !committed)
                drain = committed.error();
        }
    }
    if (!drain) {
        context.error(tr("cannot queue the text message drain: %1").arg(drain.error().text().simplified()));
        return CommandLine::ExitFailure;
    }
    if (context.parser().isSet(JobWaiter::waitOption()))
        return JobWaiter(context, *db).wait(drain->id);
    if (context.json())
        context.printJson(QJsonObject{{u"job_id"_s, drain->id}});
    else
        context.out(tr("Text message drain queued: job %1.").arg(drain->id));
    return CommandLine::ExitSuccess;
}

int SmsCommands::resolve(CommandContext &context)
{
    int code = 0;
    const std::optional<qint64> id = context.idArgument(tr("a text message id"), &code);
    if (!id)
        return code;
    const bool sent = context.parser().isSet(u"sent"_s);
    const bool resend = context.parser().isSet(u"resend"_s);
    if (sent == resend)
        return context.usageError(tr("say either --sent (it was delivered) or --resend (send it again)"));
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const Result<SmsRecord> record = SmsOutbox(*db).resolveUncertain(
        *id, sent ? SmsOutbox::Resolution::MarkSent : SmsOutbox::Resolution::Resend, context.actor());
    if (!record)
        return storeFailure(context, *id, tr("resolve"), record.error());
    printRecord(context, record.value());
    return CommandLine::ExitSuccess;
}

int SmsCommands::retry(CommandContext &context)
{
    int code = 0;
    const std::optional<qint64> id = context.idArgument(tr("a text message id"), &code);
    if (!id)
        return code;
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const Result<SmsRecord> record = SmsOutbox(*db).retry(*id, context.actor());
    if (!record)
        return storeFailure(context, *id, tr("retry"), record.error());
    printRecord(context, record.value());
    return CommandLine::ExitSuccess;
}

int SmsCommands::test(CommandContext &context)
{
    const QString to = context.parser().value(u"to"_s).trimmed();
    if (to.isEmpty())
        return context.usageError(tr("\"sms test\" needs --to NUMBER"));
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    SmsMessage m;
    m.toNumber = to;
    m.text = tr("This is a test text message from Residesk, sent by %1.").arg(context.actor().username);
    m.relatedEntity = u"test"_s;
    const Result<SmsOutbox::Enqueued> queued = SmsOutbox(*db).enqueue(m, context.actor());
    if (!queued) {
        context.error(tr("cannot queue the test text message: %1").arg(queued.error().text().simplified()));
        return CommandLine::ExitFailure;
    }
    if (context.parser().isSet(JobWaiter::waitOption()))
        return JobWaiter(context, *db).wait(queued->drainJobId);
    if (context.json())
        context.printJson(QJsonObject{{u"id"_s, queued->id}, {u"job_id"_s, queued->drainJobId}});
    else
        context.out(tr("Test text message %1 queued (job %2).").arg(queued->id).arg(queued->drainJobId));
    return CommandLine::ExitSuccess;
}

int SmsCommands::settings(CommandContext &context)
{
    const QCommandLineParser &parser = context.parser();
    QSettings store(u"Residesk"_s, u"Residesk"_s);
    SmsSettings s = SmsSettings::fromSettings(store);
    bool changed = false;
    if (parser.isSet(u"url"_s)) {
        s.url = QUrl(parser.value(u"url"_s).trimmed(), QUrl::StrictMode);
        changed = true;
    }
    if (parser.isSet(u"auth"_s)) {
        const std::optional<SmsSettings::Auth> auth = SmsSettings::authFromCode(parser.value(u"auth"_s));
        if (!auth)
            return context.usageError(
                tr("--auth must be none, bearer or basic, not \"%1\"").arg(parser.value(u"auth"_s)));
        s.auth = *auth;
        changed = true;
    }
    if (parser.isSet(u"user"_s)) {
        s.user = parser.value(u"user"_s).trimmed();
        changed = true;
    }
    if (parser.isSet(u"content-type"_s)) {
        const std::optional<SmsSettings::ContentType> type =
            SmsSettings::contentTypeFromCode(parser.value(u"content-type"_s));
        if (!type)
            return context.usageError(
                tr("--content-type must be json or form, not \"%1\"").arg(parser.value(u"content-type"_s)));
        if (*type != s.contentType && !parser.isSet(u"template"_s))
            s.bodyTemplate = SmsSettings::defaultTemplate(*type);
        s.contentType = *type;
        changed = true;
    }
    if (parser.isSet(u"template"_s)) {
        s.bodyTemplate = parser.value(u"template"_s);
        changed = true;
    }
    if (parser.isSet(u"sender"_s)) {
        s.sender = parser.value(u"sender"_s).trimmed();
        changed = true;
    }
    if (parser.isSet(u"region"_s)) {
        s.defaultRegion = parser.value(u"region"_s).trimmed().toUpper();
        changed = true;
    }
    if (parser.isSet(u"timeout"_s)) {
        bool ok = false;
        const double seconds = parser.value(u"timeout"_s).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 600)
            return context.usageError(tr("--timeout must be a number of seconds from 0 to 600, not \"%1\"")
                                          .arg(parser.value(u"timeout"_s)));
        s.timeoutMs = qMax(1000, int(seconds * 1000));
        changed = true;
    }
    if (parser.isSet(u"rate"_s)) {
        bool ok = false;
        s.ratePerMinute = parser.value(u"rate"_s).toInt(&ok);
        if (!ok || s.ratePerMinute < 0)
            return context.usageError(tr("--rate must be a whole number of messages per minute, not \"%1\"")
                                          .arg(parser.value(u"rate"_s)));
        changed = true;
    }
    const bool readSecret = parser.isSet(u"secret-stdin"_s);
    if (changed || readSecret) {
        // Everything but the secret, which the checks below do not need.
        SmsSettings check = s;
        if (check.auth != SmsSettings::Auth::None)
            check.secret = u"-"_s;
        const QStringList problems = check.problems();
        if (!problems.isEmpty())
            return context.usageError(tr("the SMS settings would lack %1").arg(problems.join(u", "_s)));
        s.saveTo(store);
        if (store.status() != QSettings::NoError) {
            context.error(tr("cannot write the settings file %1").arg(store.fileName()));
            return CommandLine::ExitFailure;
        }
    }
    if (readSecret) {
        QTextStream in(stdin);
        const QString secret = in.readLine();
        if (secret.isEmpty()) {
            context.error(tr("no secret on standard input"));
            return CommandLine::ExitFailure;
        }
        const QString error = QCoro::waitFor(Keychain::store(s.keychainKey(), secret));
        if (!error.isEmpty()) {
            context.error(tr("cannot store the secret in the system keychain: %1").arg(error));
            return CommandLine::ExitFailure;
        }
    }
    if (context.json()) {
        bool hasSecret = readSecret;
        if (!hasSecret && s.auth != SmsSettings::Auth::None && !s.url.isEmpty())
            hasSecret = QCoro::waitFor(Keychain::read(s.keychainKey())).error.isEmpty();
        context.printJson(settingsJson(s, hasSecret));
    } else {
        context.out(tr("Gateway: %1 (%2 authentication%3), %4 body: %5; default region %6; timeout %7 s.")
                        .arg(s.url.isEmpty() ? tr("not set") : s.url.toString(QUrl::RemoveUserInfo),
                             SmsSettings::authCode(s.auth),
                             s.user.isEmpty() ? QString() : u", user "_s + s.user,
                             SmsSettings::contentTypeCode(s.contentType), s.bodyTemplate,
                             s.defaultRegion.isEmpty() ? tr("from the system") : s.defaultRegion)
                        .arg(s.timeoutMs / 1000));
        if (!s.sender.isEmpty())
            context.out(tr("Sender: %1.").arg(s.sender));
    }
    return CommandLine::ExitSuccess;
}
