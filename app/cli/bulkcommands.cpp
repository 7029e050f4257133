#include "app/cli/bulkcommands.h"

#include "app/cli/command.h"
#include "app/cli/commandcontext.h"
#include "app/cli/commandline.h"
#include "app/cli/commandregistry.h"
#include "app/cli/jobwaiter.h"
#include "app/cli/texttable.h"
#include "models/db/database.h"
#include "models/lab/protocolrepository.h"
#include "tasks/bulk/bulkjobstore.h"
#include "tasks/bulk/bulktasks.h"
#include "tasks/jobstore.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

QString toOption()
{
    return u"to"_s;
}
QString idsOption()
{
    return u"ids"_s;
}
QString stateOption()
{
    return u"state"_s;
}
QString clientOption()
{
    return u"client"_s;
}
QString searchOption()
{
    return u"search"_s;
}
QString chunkOption()
{
    return u"chunk"_s;
}
QString outcomeOption()
{
    return u"outcome"_s;
}

QList<QCommandLineOption> selectionOptions()
{
    return {
        QCommandLineOption(idsOption(), BulkCommands::tr("These protocols (comma-separated ids)."),
                           BulkCommands::tr("ids")),
        QCommandLineOption(stateOption(),
                           BulkCommands::tr("Every protocol in this state now: %1.")
                               .arg(Protocol::allStateCodes().join(u", "_s)),
                           BulkCommands::tr("state")),
        QCommandLineOption(clientOption(), BulkCommands::tr("With --state (or alone): only this client's."),
                           BulkCommands::tr("id")),
        QCommandLineOption(searchOption(),
                           BulkCommands::tr("Only protocols whose number, animal id or client name contains "
                                            "this text."),
                           BulkCommands::tr("text")),
        QCommandLineOption(
            chunkOption(),
            BulkCommands::tr("Protocols per transaction (default %1).").arg(BulkTasks::kDefaultChunk),
            BulkCommands::tr("n")),
        JobWaiter::waitOption()};
}
// The counts of a finished bulk job as the command prints them.
int reportBulkJob(CommandContext &context, const Job &job, bool undo)
{
    QJsonObject out{{u"job_id"_s, job.id}, {u"state"_s, JobStates::code(job.state)}};
    const QStringList keys =
        undo ? QStringList{u"undo_of"_s, u"selected"_s, u"restored"_s, u"skipped"_s, u"failed"_s}
             : QStringList{u"selected"_s, u"changed"_s,    u"skipped"_s,
                           u"failed"_s,   u"no_address"_s, u"emails"_s};
    for (const QString &key : keys) {
        if (job.result.contains(key))
            out.insert(key, job.result.value(key));
    }
    if (!job.error.isEmpty())
        out.insert(u"error"_s, job.error);
    if (context.json())
        context.printJson(out);
    else if (job.state == JobState::Succeeded)
        context.out(
            BulkCommands::tr("Job %1: %2.").arg(job.id).arg(job.result.value(u"summary"_s).toString()));
    std::fflush(stdout);
    switch (job.state) {
    case JobState::Succeeded:
        return CommandLine::ExitSuccess;
    case JobState::Failed:
        context.error(
            BulkCommands::tr("job %1 (%2) failed: %3").arg(job.id).arg(job.kind, job.error.simplified()));
        return CommandLine::ExitFailure;
    case JobState::Cancelled:
        context.error(BulkCommands::tr("job %1 (%2) was cancelled; the chunks before the cancel stay changed")
                          .arg(job.id)
                          .arg(job.kind));
        return CommandLine::ExitFailure;
    case JobState::Queued:
    case JobState::Running:
        break;
    }
    return CommandLine::ExitFailure;
}

int queueAndReport(CommandContext &context, Database &db, const Result<BulkTasks::Queued> &queued, bool undo)
{
    if (!queued) {
        context.error(
            undo ? BulkCommands::tr("cannot undo: %1").arg(queued.error().text().simplified())
                 : BulkCommands::tr("cannot queue the change: %1").arg(queued.error().text().simplified()));
        return CommandLine::ExitFailure;
    }
    if (context.parser().isSet(JobWaiter::waitOption())) {
        JobWaiter::Options options;
        options.reporter = [undo](CommandContext &c, const Job &job) {
            return reportBulkJob(c, job, undo);
        };
        return JobWaiter(context, db, options).wait(queued->jobId);
    }
    if (context.json()) {
        context.printJson(QJsonObject{{u"job_id"_s, queued->jobId}, {u"selected"_s, queued->selected}});
        return CommandLine::ExitSuccess;
    }
    const int selected = int(qMin<qint64>(queued->selected, INT_MAX));
    context.out(
        undo ? BulkCommands::tr("Queued job %1: undo of %Ln change(s).", nullptr, selected).arg(queued->jobId)
             : BulkCommands::tr("Queued job %1 for %Ln protocol(s).", nullptr, selected).arg(queued->jobId));
    return CommandLine::ExitSuccess;
}

int queueTransition(CommandContext &context, Protocol::State to)
{
    const QCommandLineParser &parser = context.parser();
    const bool byIds = parser.isSet(idsOption());
    const bool byFilter =
        parser.isSet(stateOption()) || parser.isSet(clientOption()) || parser.isSet(searchOption());
    if (byIds == byFilter)
        return context.usageError(
            BulkCommands::tr("give either --ids or a selection (--state, --client, --search)"));
    JobRequest request;
    if (byIds) {
        QList<qint64> ids;
        for (const QString &part : parser.value(idsOption()).split(u',', Qt::SkipEmptyParts)) {
            bool ok = false;
            const qint64 id = part.trimmed().toLongLong(&ok);
            if (!ok || id <= 0)
                return context.usageError(
                    BulkCommands::tr("--ids: \"%1\" is not a protocol id").arg(part.trimmed()));
            ids.append(id);
        }
        if (ids.isEmpty())
            return context.usageError(BulkCommands::tr("--ids names no protocol"));
        request = BulkTasks::transitionRequest(to, ids);
    } else {
        ProtocolFilter filter;
        if (parser.isSet(stateOption())) {
            filter.state = Protocol::stateFromCode(parser.value(stateOption()).trimmed().toLower());
            if (!filter.state)
                return context.usageError(
                    BulkCommands::tr("--state must be one of %1, not \"%2\"")
                        .arg(Protocol::allStateCodes().join(u", "_s), parser.value(stateOption())));
        }
        if (parser.isSet(clientOption())) {
            bool ok = false;
            filter.clientId = parser.value(clientOption()).toLongLong(&ok);
            if (!ok || filter.clientId <= 0)
                return context.usageError(BulkCommands::tr("--client: \"%1\" is not a client id")
                                              .arg(parser.value(clientOption())));
        }
        filter.search = parser.value(searchOption());
        request = BulkTasks::transitionRequest(to, filter);
    }
    if (parser.isSet(chunkOption())) {
        bool ok = false;
        const int chunk = parser.value(chunkOption()).toInt(&ok);
        if (!ok || chunk < 1 || chunk > BulkTasks::kMaxChunk)
            return context.usageError(
                BulkCommands::tr("--chunk must be a number from 1 to %1").arg(BulkTasks::kMaxChunk));
        request.payload.insert(u"chunk"_s, chunk);
    }
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    return queueAndReport(context, *db, BulkTasks::enqueueTransition(*db, context.actor(), request), false);
}

const char *const kTransitionDescription = QT_TRANSLATE_NOOP(
    "BulkCommands",
    "Queues a protocols.transition job over the protocols given by --ids, or over every protocol matching "
    "--state/--client/--search now (later protocols are not swept in). Each protocol is changed once, with "
    "an "
    "audit entry and an e-mail to its client; protocols already in the target state are skipped, those the "
    "state "
    "machine refuses fail; neither stops the others. With --json: {\"job_id\": n, \"selected\": n}; with "
    "--wait "
    "also \"state\", \"changed\", \"skipped\", \"failed\", \"no_address\" (changed, but the client has no "
    "e-mail "
    "address) and \"emails\". Exit code 0 only if the job succeeded (failed items do not make it fail); "
    "`protocols items JOB_ID` lists every item.");

} // namespace

void BulkCommands::registerCommands(CommandRegistry &registry)
{
    QList<QCommandLineOption> transitionOptions{QCommandLineOption(
        toOption(), tr("The target state: %1.").arg(Protocol::allStateCodes().join(u", "_s)), tr("state"))};
    transitionOptions += selectionOptions();
    registry.add({{u"protocols"_s, u"transition"_s},
                  tr("Change the state of many protocols as a job: protocols transition --to STATE …"),
                  tr(kTransitionDescription),
                  transitionOptions,
                  &BulkCommands::transition});
    registry.add({{u"protocols"_s, u"receive"_s},
                  tr("Mark many protocols as received: protocols receive (--ids 1,2,3 | --state submitted)."),
                  tr("The same as \"protocols transition --to received\".\n\n") + tr(kTransitionDescription),
                  selectionOptions(),
                  &BulkCommands::receive});
    registry.add(
        {{u"protocols"_s, u"undo"_s},
         tr("Undo a bulk change of protocols: protocols undo JOB_ID."),
         tr("Queues a protocols.transition_undo job that puts every protocol the job JOB_ID changed back "
            "in its previous state, unless it changed again since (reported as skipped). A change is "
            "undone at most once; an undo cannot be undone. No e-mail is sent. With --json: {\"job_id\": "
            "n, \"selected\": n}; with --wait also \"state\", \"undo_of\", \"restored\", \"skipped\", "
            "\"failed\"."),
         {JobWaiter::waitOption()},
         &BulkCommands::undo});
    registry.add(
        {{u"protocols"_s, u"items"_s},
         tr("List what a bulk change (or its undo) did to each protocol: protocols items JOB_ID."),
         tr("With --json: a JSON array of {\"protocol_id\", \"number\", \"outcome\" (changed, skipped, "
            "failed), \"reason\", \"note\", \"before_state\", \"after_state\", \"before_version\", "
            "\"after_version\"}, by protocol id. Otherwise an aligned text table."),
         {QCommandLineOption(outcomeOption(), tr("Only items with this outcome: changed, skipped, failed."),
                             tr("outcome"))},
         &BulkCommands::items});
}

qsizetype BulkCommands::argumentCount(const Command &command)
{
    static const QList<QStringList> withId{{u"protocols"_s, u"undo"_s}, {u"protocols"_s, u"items"_s}};
    return withId.contains(command.words) ? 1 : 0;
}

int BulkCommands::transition(CommandContext &context)
{
    if (!context.parser().isSet(toOption()))
        return context.usageError(tr("--to is required"));
    const QString value = context.parser().value(toOption());
    const std::optional<Protocol::State> to = Protocol::stateFromCode(value.trimmed().toLower());
    if (!to)
        return context.usageError(
            tr("--to must be one of %1, not \"%2\"").arg(Protocol::allStateCodes().join(u", "_s), value));
    return queueTransition(context, *to);
}

int BulkCommands::receive(CommandContext &context)
{
    return queueTransition(context, Protocol::State::Received);
}

int BulkCommands::undo(CommandContext &context)
{
    int code = 0;
    const std::optional<qint64> id = context.idArgument(tr("a job id"), &code);
    if (!id)
        return code;
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    return queueAndReport(context, *db, BulkTasks::enqueueUndo(*db, context.actor(), *id), true);
}

int BulkCommands::items(CommandContext &context)
{
    int code = 0;
    const std::optional<qint64> id = context.idArgument(tr("a job id"), &code);
    if (!id)
        return code;
    BulkJobStore::ItemFilter filter;
    if (context.parser().isSet(outcomeOption())) {
        const QString value = context.parser().value(outcomeOption());
        filter.outcome = BulkItem::outcomeFromCode(value.trimmed().toLower());
        if (!filter.outcome)
            return context.usageError(tr("--outcome must be one of %1, not \"%2\"")
                                          .arg(BulkItem::outcomeCodes().join(u", "_s), value));
    }
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    BulkJobStore store(*db);
    const Result<std::optional<BulkJobInfo>> info = store.info(*id);
    if (!info || !info.value()) {
        context.error(info ? tr("job %1 is not a bulk change of protocols").arg(*id)
                           : tr("cannot read job %1: %2").arg(*id).arg(info.error().message.simplified()));
        return CommandLine::ExitFailure;
    }
    const bool undo = info.value()->isUndo();
    TextTable table({tr("PROTOCOL"), tr("NUMBER"), tr("OUTCOME"), tr("BEFORE"), tr("AFTER"), tr("REASON")});
    bool first = true;
    filter.limit = 1000;
    for (;;) {
        const Result<QList<BulkItem>> page = store.items(*id, filter);
        if (!page) {
            std::fflush(stdout);
            context.error(
                tr("cannot list the items of job %1: %2").arg(*id).arg(page.error().message.simplified()));
            return CommandLine::ExitFailure;
        }
        for (const BulkItem &item : page.value()) {
            if (context.json()) {
                std::fputs(first ? "[\n" : ",\n", stdout);
                const QByteArray bytes = QJsonDocument(item.toJson()).toJson(QJsonDocument::Compact);
                std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
            } else {
                const auto state = [](const std::optional<Protocol::State> &s) {
                    return s ? Protocol::stateCode(*s) : QString();
                };
                QString reason = item.reason;
                if (!item.note.isEmpty())
                    reason += (reason.isEmpty() ? QString() : u" "_s) + item.note;
                table.addRow({QString::number(item.protocolId), item.number,
                              BulkItem::outcomeLabel(item.outcome, undo).toLower(), state(item.beforeState),
                              state(item.afterState), reason});
            }
            first = false;
        }
        if (page->size() < filter.limit)
            break;
        filter.afterProtocolId = page->constLast().protocolId;
    }
    if (context.json())
        std::fputs(first ? "[]\n" : "\n]\n", stdout);
    else
        context.out(table.toString().chopped(1));
    return CommandLine::ExitSuccess;
}
