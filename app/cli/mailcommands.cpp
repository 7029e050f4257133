#include "app/cli/mailcommands.h"

#include "app/cli/command.h"
#include "app/cli/commandcontext.h"
#include "app/cli/commandline.h"
#include "app/cli/commandregistry.h"
#include "app/cli/jobwaiter.h"
#include "app/cli/texttable.h"
#include "models/db/database.h"
#include "models/db/databasefileguard.h"
#include "models/db/transaction.h"
#include "models/housing/buildingrepository.h"
#include "tasks/jobstore.h"
#include "tasks/mail/outbox.h"
#include "tasks/mail/residentmailing.h"
#include "tasks/sms/residenttexting.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxListLimit = 10000;

QString stateOption()
{
    return u"state"_s;
}
QString searchOption()
{
    return u"search"_s;
}
QString limitOption()
{
    return u"limit"_s;
}
QString sentOption()
{
    return u"sent"_s;
}
QString resendOption()
{
    return u"resend"_s;
}
QString toOption()
{
    return u"to"_s;
}
QString subjectOption()
{
    return u"subject"_s;
}
QString bodyFileOption()
{
    return u"body-file"_s;
}
QString statusOption()
{
    return u"status"_s;
}
QString buildingOption()
{
    return u"building"_s;
}
QString mailingOption()
{
    return u"mailing"_s;
}
QString dryRunOption()
{
    return u"dry-run"_s;
}
QString previewOption()
{
    return u"preview"_s;
}
QString smsTextOption()
{
    return u"sms-text"_s;
}

QStringList words(const char *second)
{
    return {u"mail"_s, QString::fromLatin1(second)};
}

QString localTime(qint64 ms)
{
    if (ms <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

// A DbError for people: the message plus each field's message.
QString errorText(const DbError &error)
{
    return error.text().simplified();
}

int storeFailure(CommandContext &context, qint64 id, const QString &what, const DbError &error)
{
    if (error.code == DbError::Code::NotFound)
        context.error(MailCommands::tr("no e-mail with id %1 in the outbox").arg(id));
    else
        context.error(MailCommands::tr("cannot %1 e-mail %2: %3").arg(what).arg(id).arg(errorText(error)));
    return CommandLine::ExitFailure;
}

void printEmail(CommandContext &context, const OutboxEmail &email)
{
    if (context.json())
        context.printJson(email.toJson());
    else
        context.out(MailCommands::tr("E-mail %1 to %2 is %3.")
                        .arg(email.id)
                        .arg(email.toAddress, OutboxStates::code(email.state)));
}

} // namespace

void MailCommands::registerCommands(CommandRegistry &registry)
{
    registry.add({
        words("outbox"),
        tr("List the e-mail outbox, newest first."),
        tr("Every e-mail Residesk sends passes through the outbox. States: %1. An uncertain e-mail may or "
           "may "
           "not have been delivered (its sender stopped mid-send): it is never sent again by itself; decide "
           "with \"residesk mail resolve ID --sent|--resend\". With --json: a JSON array of objects with the "
           "keys id, to, to_name, subject, state, attempts, max_attempts, error (the server's reply to the "
           "last failure), reply (the server's acceptance), message_id, dedupe_key, related_entity, "
           "related_id, resolution, resolved_by, resolved_at, attachments (count), created_by, created_at, "
           "sent_at, next_attempt_at (times ISO 8601 UTC or null), version.")
            .arg(OutboxStates::codeList()),
        {QCommandLineOption(stateOption(),
                            tr("Only e-mails in this state (%1).").arg(OutboxStates::codeList()),
                            tr("state")),
         QCommandLineOption(searchOption(),
                            tr("Only e-mails whose recipient, name or subject contains this text."),
                            tr("text")),
         QCommandLineOption(limitOption(),
                            tr("At most this many e-mails (default 100, at most %1).").arg(kMaxListLimit),
                            tr("n"), u"100"_s)},
        &MailCommands::outbox,
    });
    registry.add({
        words("send"),
        tr("Send the queued e-mails now (queues a mail.send job)."),
        tr("Makes every queued e-mail due now (also those waiting for a retry after a server problem), "
           "queues a drain of the outbox (merged with one already queued) and prints its job id (with "
           "--json: "
           "{\"job_id\": n}). With --wait it runs the job here and reports it like \"jobs wait\". The SMTP "
           "server comes from RESIDESK_SMTP_URL, RESIDESK_SMTP_PASSWORD, RESIDESK_MAIL_FROM and "
           "RESIDESK_SMTP_CA_FILE, else from the window's Settings ▸ E-mail (password in the system "
           "keychain)."),
        {JobWaiter::waitOption()},
        &MailCommands::send,
    });
    registry.add({
        words("resolve"),
        tr("Decide on an uncertain e-mail: residesk mail resolve ID --sent|--resend."),
        tr("--sent records that it was delivered (checked with the recipient); --resend queues it once more. "
           "Both are recorded with who and when. Only uncertain e-mails take a decision (exit code 1 "
           "otherwise). With --json: the e-mail after the decision."),
        {QCommandLineOption(sentOption(), tr("It was delivered: mark it as sent.")),
         QCommandLineOption(resendOption(), tr("Send it again."))},
        &MailCommands::resolve,
    });
    registry.add({
        words("retry"),
        tr("Queue a failed e-mail again: residesk mail retry ID."),
        tr("The e-mail is queued again with fresh attempts (a failure never reached the server's acceptance, "
           "so it cannot be doubled). Other states are refused (exit code 1). With --json: the e-mail."),
        {},
        &MailCommands::retry,
    });
    registry.add({
        words("test"),
        tr("Queue a test e-mail: residesk mail test --to ADDRESS [--wait]."),
        tr("Puts a short test message into the outbox and queues a drain; with --wait the drain runs here "
           "and its outcome is reported. With --json: {\"id\": e-mail id, \"job_id\": drain job id} (or the "
           "job with --wait)."),
        {QCommandLineOption(toOption(), tr("The recipient."), tr("address")), JobWaiter::waitOption()},
        &MailCommands::test,
    });
    registry.add({
        words("residents"),
        tr("E-mail residents from a template: residesk mail residents --subject S --body-file F."),
        tr("One e-mail per resident the filter selects, with the placeholders {first_name}, {last_name}, "
           "{student_id}, {email}, {room} (the number of the room the resident holds a bed in today) and "
           "{building} (that room's building name) filled in; {room} and {building} are empty for a resident "
           "without a room today. Any other placeholder is an error that names it. --building CODE selects "
           "the residents holding a bed in that building today. The mailing is identified by its subject, "
           "text and filter (or --mailing NAME): running the same mailing again queues nothing twice. "
           "--dry-run prints the first messages (--preview N, default 3) and queues nothing. With --json: "
           "{\"queued\": n, \"existing\": m, \"matched\": k, \"mailing\": key, \"job_id\": the drain job or "
           "null}; with --dry-run: {\"matched\": k, \"preview\": [{to, subject, body}, …]}. E-mail goes "
           "to the residents whose contact preference includes e-mail. --sms-text FILE also queues a text "
           "message (the same placeholders) for each selected resident whose preference includes text "
           "messages and who has a phone number; the JSON then has \"sms\": {\"queued\", \"existing\", "
           "\"matched\", \"job_id\"} "
           "(with --dry-run: {\"matched\", \"preview\": [{to, text}, …]}). --wait cannot be combined with "
           "--sms-text: run \"mail send --wait\" and \"sms send --wait\"."),
        {QCommandLineOption(subjectOption(), tr("The subject template."), tr("text")),
         QCommandLineOption(bodyFileOption(),
                            tr("A UTF-8 text file with the body template (\"-\": standard input)."),
                            tr("file")),
         QCommandLineOption(statusOption(),
                            tr("Only residents with this status (active, inactive, graduated)."),
                            tr("status")),
         QCommandLineOption(buildingOption(),
                            tr("Only residents holding a bed in this building today (its code)."),
                            tr("code")),
         QCommandLineOption(mailingOption(),
                            tr("A name for the mailing (default: derived from its content)."), tr("name")),
         QCommandLineOption(dryRunOption(), tr("Show the first messages; queue nothing.")),
         QCommandLineOption(previewOption(), tr("How many messages --dry-run shows (default 3)."), tr("n"),
                            u"3"_s),
         QCommandLineOption(
             smsTextOption(),
             tr("A UTF-8 text file with the text message template for residents who chose text "
                "messages."),
             tr("file")),
         JobWaiter::waitOption()},
        &MailCommands::residents,
    });
}

qsizetype MailCommands::argumentCount(const Command &command)
{
    return command.words == words("resolve") || command.words == words("retry") ? 1 : 0;
}

int MailCommands::outbox(CommandContext &context)
{
    const QCommandLineParser &parser = context.parser();
    Outbox::ListFilter filter;
    if (parser.isSet(stateOption())) {
        filter.state = OutboxStates::fromCode(parser.value(stateOption()).trimmed().toLower());
        if (!filter.state)
            return context.usageError(tr("unknown e-mail state \"%1\"; valid states: %2")
                                          .arg(parser.value(stateOption()), OutboxStates::codeList()));
    }
    filter.search = parser.value(searchOption());
    bool ok = false;
    filter.limit = parser.value(limitOption()).toInt(&ok);
    if (!ok || filter.limit < 1 || filter.limit > kMaxListLimit)
        return context.usageError(tr("--limit must be a whole number from 1 to %1, not \"%2\"")
                                      .arg(kMaxListLimit)
                                      .arg(parser.value(limitOption())));
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const Result<QList<OutboxEmail>> emails = Outbox(*db).list(filter);
    if (!emails) {
        context.error(tr("cannot list the outbox: %1").arg(errorText(emails.error())));
        return CommandLine::ExitFailure;
    }
    if (context.json()) {
        QJsonArray array;
        for (const OutboxEmail &e : emails.value())
            array.append(e.toJson());
        context.printJson(array);
        return CommandLine::ExitSuccess;
    }
    TextTable table({tr("ID"), tr("TO"), tr("SUBJECT"), tr("STATE"), tr("ATTEMPTS"), tr("CREATED"),
                     tr("SENT"), tr("ERROR")});
    for (const OutboxEmail &e : emails.value())
        table.addRow({QString::number(e.id), e.toAddress, TextTable::elided(e.subject, 40),
                      OutboxStates::code(e.state), u"%1/%2"_s.arg(e.attempts).arg(e.maxAttempts),
                      localTime(e.createdAt), localTime(e.sentAt), TextTable::elided(e.lastError, 60)});
    context.out(table.toString().chopped(1));
    return CommandLine::ExitSuccess;
}

int MailCommands::send(CommandContext &context)
{
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    Result<EnqueueResult> drain;
    {
        Transaction tx(*db);
        if (!tx.ok()) {
            context.error(tr("cannot queue the e-mail drain: %1").arg(errorText(tx.error())));
            return CommandLine::ExitFailure;
        }
        // Now also for e-mails waiting for a retry: whoever runs this has probably
        // just fixed the server or its settings.
        if (const Result<int> due = Outbox(*db).makeWaitingDue(); !due)
            drain = due.error();
        else
            drain = Outbox::ensureDrain(*db, JobClock::system(), context.actor());
        if (drain) {
            if (const VoidResult committed = tx.commit(); !committed)
                drain = committed.error();
        }
    }
    if (!drain) {
        context.error(tr("cannot queue the e-mail drain: %1").arg(errorText(drain.error())));
        return CommandLine::ExitFailure;
    }
    if (context.parser().isSet(JobWaiter::waitOption()))
        return JobWaiter(context, *db).wait(drain->id);
    if (context.json())
        context.printJson(QJsonObject{{u"job_id"_s, drain->id}});
    else
        context.out(tr("E-mail drain queued: job %1.").arg(drain->id));
    return CommandLine::ExitSuccess;
}

int MailCommands::resolve(CommandContext &context)
{
    int code = 0;
    const std::optional<qint64> id = context.idArgument(tr("an e-mail id"), &code);
    if (!id)
        return code;
    const bool sent = context.parser().isSet(sentOption());
    const bool resend = context.parser().isSet(resendOption());
    if (sent == resend)
        return context.usageError(tr("say either --sent (it was delivered) or --resend (send it again)"));
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const Result<OutboxEmail> email = Outbox(*db).resolveUncertain(
        *id, sent ? Outbox::Resolution::MarkSent : Outbox::Resolution::Resend, context.actor());
    if (!email)
        return storeFailure(context, *id, tr("resolve"), email.error());
    printEmail(context, email.value());
    return CommandLine::ExitSuccess;
}

int MailCommands::retry(CommandContext &context)
{
    int code = 0;
    const std::optional<qint64> id = context.idArgument(tr("an e-mail id"), &code);
    if (!id)
        return code;
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const Result<OutboxEmail> email = Outbox(*db).retry(*id, context.actor());
    if (!email)
        return storeFailure(context, *id, tr("retry"), email.error());
    printEmail(context, email.value());
    return CommandLine::ExitSuccess;
}

int MailCommands::test(CommandContext &context)
{
    const QString to = context.parser().value(toOption()).trimmed();
    if (to.isEmpty())
        return context.usageError(tr("\"mail test\" needs --to ADDRESS"));
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    OutboxMessage m;
    m.toAddress = to;
    m.subject = tr("Residesk test e-mail");
    m.bodyText = tr("This is a test e-mail from Residesk, sent by %1 at %2.\n")
                     .arg(context.actor().username, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    m.relatedEntity = u"test"_s;
    const Result<Outbox::Enqueued> queued = Outbox(*db).enqueue(m, context.actor());
    if (!queued) {
        context.error(tr("cannot queue the test e-mail: %1").arg(errorText(queued.error())));
        return CommandLine::ExitFailure;
    }
    if (context.parser().isSet(JobWaiter::waitOption()))
        return JobWaiter(context, *db).wait(queued->drainJobId);
    if (context.json())
        context.printJson(QJsonObject{{u"id"_s, queued->id}, {u"job_id"_s, queued->drainJobId}});
    else
        context.out(
            tr("Test e-mail %1 to %2 queued (job %3).").arg(queued->id).arg(to).arg(queued->drainJobId));
    return CommandLine::ExitSuccess;
}

int MailCommands::residents(CommandContext &context)
{
    const QCommandLineParser &parser = context.parser();
    if (!parser.isSet(subjectOption()) || !parser.isSet(bodyFileOption()))
        return context.usageError(tr("\"mail residents\" needs --subject and --body-file"));
    const QString path = parser.value(bodyFileOption());
    if (const std::optional<QString> refused = DatabaseFileGuard::refusal(path)) {
        context.error(*refused);
        return CommandLine::ExitFailure;
    }
    QFile file;
    const bool opened = path == u"-"_s ? file.open(stdin, QIODevice::ReadOnly)
                                       : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        context.error(tr("cannot read the body file %1: %2").arg(path, file.errorString()));
        return CommandLine::ExitFailure;
    }
    std::optional<ResidentTexting> texting;
    if (parser.isSet(smsTextOption())) {
        if (parser.isSet(JobWaiter::waitOption()))
            return context.usageError(
                tr("--wait cannot be combined with --sms-text; run \"mail send --wait\" "
                   "and \"sms send --wait\" afterwards"));
        const QString smsPath = parser.value(smsTextOption());
        if (const std::optional<QString> refused = DatabaseFileGuard::refusal(smsPath)) {
            context.error(*refused);
            return CommandLine::ExitFailure;
        }
        QFile smsFile(smsPath);
        if (!smsFile.open(QIODevice::ReadOnly)) {
            context.error(tr("cannot read the text message file %1: %2").arg(smsPath, smsFile.errorString()));
            return CommandLine::ExitFailure;
        }
        ResidentTexting::Options smsOptions;
        smsOptions.text = QString::fromUtf8(smsFile.readAll()).trimmed();
        smsOptions.status = parser.value(statusOption()).trimmed().toLower();
        smsOptions.buildingCode = parser.value(buildingOption()).trimmed();
        smsOptions.mailingKey = parser.value(mailingOption()).trimmed();
        texting.emplace(smsOptions);
        if (const QList<FieldError> errors = texting->validate(); !errors.isEmpty()) {
            for (const FieldError &e : errors)
                context.error(e.message);
            return CommandLine::ExitUsage;
        }
    }
    ResidentMailing::Options options;
    options.subject = parser.value(subjectOption());
    options.body = QString::fromUtf8(file.readAll());
    options.status = parser.value(statusOption()).trimmed().toLower();
    options.buildingCode = parser.value(buildingOption()).trimmed();
    options.mailingKey = parser.value(mailingOption()).trimmed();
    const ResidentMailing mailing(options);
    if (const QList<FieldError> errors = mailing.validate(); !errors.isEmpty()) {
        for (const FieldError &e : errors)
            context.error(e.message);
        return CommandLine::ExitUsage;
    }
    bool ok = false;
    const int previewCount = parser.value(previewOption()).toInt(&ok);
    if (!ok || previewCount < 1 || previewCount > 1000)
        return context.usageError(tr("--preview must be a whole number from 1 to 1000, not \"%1\"")
                                      .arg(parser.value(previewOption())));

    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    if (!options.buildingCode.isEmpty()) {
        const Result<Building> building =
            BuildingRepository(*db, context.actor()).findByCode(options.buildingCode);
        if (!building && building.error().code == DbError::Code::NotFound) {
            context.error(tr("there is no building with the code \"%1\"").arg(options.buildingCode));
            return CommandLine::ExitFailure;
        }
        if (!building) {
            context.error(tr("cannot read the buildings: %1").arg(errorText(building.error())));
            return CommandLine::ExitFailure;
        }
    }

    if (parser.isSet(dryRunOption())) {
        const Result<qint64> matched = mailing.countRecipients(*db);
        const Result<QList<OutboxMessage>> preview = mailing.preview(*db, previewCount);
        if (!matched || !preview) {
            context.error(tr("cannot preview the mailing: %1")
                              .arg(errorText(!matched ? matched.error() : preview.error())));
            return CommandLine::ExitFailure;
        }
        QJsonObject smsJson;
        QList<SmsMessage> smsPreview;
        qint64 smsMatched = 0;
        if (texting) {
            const Result<qint64> count = texting->countRecipients(*db);
            const Result<QList<SmsMessage>> first = texting->preview(*db, previewCount);
            if (!count || !first) {
                context.error(tr("cannot preview the text messages: %1")
                                  .arg(errorText(!count ? count.error() : first.error())));
                return CommandLine::ExitFailure;
            }
            smsMatched = count.value();
            smsPreview = first.value();
            QJsonArray texts;
            for (const SmsMessage &m : smsPreview)
                texts.append(QJsonObject{{u"to"_s, m.toNumber}, {u"text"_s, m.text}});
            smsJson = QJsonObject{{u"matched"_s, smsMatched}, {u"preview"_s, texts}};
        }
        if (context.json()) {
            QJsonArray messages;
            for (const OutboxMessage &m : preview.value())
                messages.append(
                    QJsonObject{{u"to"_s, m.toAddress}, {u"subject"_s, m.subject}, {u"body"_s, m.bodyText}});
            QJsonObject out{{u"matched"_s, matched.value()},
                            {u"mailing"_s, mailing.mailingKey()},
                            {u"preview"_s, messages}};
            if (texting)
                out.insert(u"sms"_s, smsJson);
            context.printJson(out);
        } else {
            if (texting) {
                context.out(tr("%n resident(s) would get the text message:", nullptr, int(smsMatched)));
                for (const SmsMessage &m : std::as_const(smsPreview))
                    context.out(u"\n%1 <%2>\n%3\n"_s.arg(m.toName, m.toNumber, m.text));
            }
            context.out(tr("%n resident(s) would get this mailing. The first messages:", nullptr,
                           int(matched.value())));
            for (const OutboxMessage &m : preview.value())
                context.out(
                    u"\n%1 <%2>\n%3\n\n%4"_s.arg(m.toName, m.toAddress, m.subject, m.bodyText.trimmed()));
        }
        return CommandLine::ExitSuccess;
    }

    const Result<ResidentMailing::Summary> summary = mailing.enqueue(*db, context.actor());
    if (!summary) {
        context.error(tr("cannot queue the mailing: %1").arg(errorText(summary.error())));
        return CommandLine::ExitFailure;
    }
    std::optional<ResidentTexting::Summary> texts;
    if (texting) {
        const Result<ResidentTexting::Summary> queued = texting->enqueue(*db, context.actor());
        if (!queued) {
            context.error(tr("cannot queue the text messages: %1").arg(errorText(queued.error())));
            return CommandLine::ExitFailure;
        }
        texts = queued.value();
    }
    if (parser.isSet(JobWaiter::waitOption()) && summary->drainJobId > 0)
        return JobWaiter(context, *db).wait(summary->drainJobId);
    if (context.json()) {
        QJsonObject out{{u"queued"_s, summary->queued},
                        {u"existing"_s, summary->existing},
                        {u"matched"_s, summary->matched},
                        {u"mailing"_s, summary->mailingKey},
                        {u"job_id"_s, summary->drainJobId > 0 ? QJsonValue(summary->drainJobId)
                                                              : QJsonValue(QJsonValue::Null)}};
        if (texts)
            out.insert(u"sms"_s,
                       QJsonObject{{u"queued"_s, texts->queued},
                                   {u"existing"_s, texts->existing},
                                   {u"matched"_s, texts->matched},
                                   {u"job_id"_s, texts->drainJobId > 0 ? QJsonValue(texts->drainJobId)
                                                                       : QJsonValue(QJsonValue::Null)}});
        context.printJson(out);
    } else {
        if (texts)
            context.out(tr("Text messages: %n queued, %1", nullptr, texts->queued)
                            .arg(tr("%n already queued by an earlier run.", nullptr, texts->existing)));
        // Two counts, two plurals: the second clause is a message of its own.
        context.out(tr("Mailing %1: %n e-mail(s) queued, %2", nullptr, summary->queued)
                        .arg(summary->mailingKey,
                             tr("%n already queued by an earlier run.", nullptr, summary->existing)));
    }
    return CommandLine::ExitSuccess;
}
