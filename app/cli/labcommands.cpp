#include "app/cli/labcommands.h"

#include "app/cli/commandcontext.h"
#include "app/cli/commandline.h"
#include "app/cli/commandregistry.h"
#include "app/cli/jobwaiter.h"
#include "app/cli/texttable.h"
#include "models/db/database.h"
#include "models/db/databasefileguard.h"
#include "models/lab/protocolrepository.h"
#include "models/lab/reportrepository.h"
#include "models/lab/workorderrepository.h"
#include "tasks/lab/labdocuments.h"
#include "tasks/lab/labservices.h"
#include "tasks/lab/reportfinalizer.h"
#include "tasks/pdf/pdfcache.h"
#include "tasks/pdf/pdfrenderer.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr int kPageSize = 1000;

QString stateOption()
{
    return u"state"_s;
}

QString outputOption()
{
    return u"output"_s;
}

QCommandLineOption outputCommandOption()
{
    return QCommandLineOption({u"o"_s, outputOption()},
                              LabCommands::tr("Write the PDF to this file (required)."),
                              LabCommands::tr("file"));
}
// Writes `pdf` atomically; false (after saying why, naming the file) on failure.
bool writePdf(CommandContext &context, const QString &path, const QByteArray &pdf)
{
    if (const std::optional<QString> refused = DatabaseFileGuard::refusal(path)) {
        context.error(*refused);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size() || !file.commit()) {
        context.error(
            LabCommands::tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    return true;
}

QString sourceCode(PdfCacheEntry::Source source)
{
    switch (source) {
    case PdfCacheEntry::Source::LocalDisk:
        return u"local_disk"_s;
    case PdfCacheEntry::Source::Database:
        return u"database"_s;
    case PdfCacheEntry::Source::Rendered:
        break;
    }
    return u"rendered"_s;
}

QString reportLabel(const Report &report)
{
    return LabCommands::tr("report %1 (%2, revision %3)")
        .arg(report.id)
        .arg(report.protocolNumber)
        .arg(report.revision);
}

// A record a command names could not be read: "no report with id 7" when it does not
// exist, else "cannot read report 7: …". Returns the exit code.
int readFailure(CommandContext &context, const DbError &error, const QString &noSuch,
                const QString &cannotRead)
{
    context.error(error.code == DbError::Code::NotFound ? noSuch
                                                        : cannotRead.arg(error.message.simplified()));
    return CommandLine::ExitFailure;
}

// What "report pdf ID -o FILE" and "workorder pdf ID -o FILE" need before they start.
struct PdfCommand
{
    qint64 id = 0;
    QString path;
    Database *db = nullptr;
};

// The id (named by `anId`), the -o FILE and the open database; null after saying what
// is wrong, with *exitCode set.
std::optional<PdfCommand> pdfCommand(CommandContext &context, const QString &anId, int *exitCode)
{
    const std::optional<qint64> id = context.idArgument(anId, exitCode);
    if (!id)
        return std::nullopt;
    PdfCommand command{*id, context.parser().value(outputOption()), nullptr};
    if (command.path.isEmpty()) {
        *exitCode = context.usageError(LabCommands::tr("\"%1\" needs -o FILE").arg(context.command().name()));
        return std::nullopt;
    }
    command.db = context.openDatabase();
    if (!command.db) {
        *exitCode = CommandLine::ExitFailure;
        return std::nullopt;
    }
    return command;
}

// Streams a JSON array one element per line, so that long lists never sit in memory
// twice (as the housing lists do).
class JsonArrayWriter
{
public:
    void add(const QJsonObject &object)
    {
        std::fputs(m_first ? "[\n" : ",\n", stdout);
        m_first = false;
        const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Compact);
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    }
    void finish() { std::fputs(m_first ? "[]\n" : "\n]\n", stdout); }

private:
    bool m_first = true;
};

QJsonValue timeJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs))
                          : QJsonValue(QJsonValue::Null);
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) : QString();
}

QJsonObject protocolJson(const Protocol &p)
{
    return {{u"id"_s, p.id},
            {u"number"_s, p.number},
            {u"client_id"_s, p.clientId},
            {u"client"_s, p.clientName},
            {u"species"_s, p.species},
            {u"animal_id"_s, p.animalId},
            {u"sample_count"_s, p.sampleCount},
            {u"sample_type"_s, p.sampleType},
            {u"state"_s, Protocol::stateCode(p.state)},
            {u"submitted_at"_s, timeJson(p.submittedAt)},
            {u"received_at"_s, timeJson(p.receivedAt)},
            {u"version"_s, p.version}};
}

// "version" is the amendment revision (1, 2, …); "row_version" the optimistic-locking one.
QJsonObject reportJson(const Report &r)
{
    return {
        {u"id"_s, r.id},
        {u"protocol_id"_s, r.protocolId},
        {u"protocol_number"_s, r.protocolNumber},
        {u"state"_s, Report::stateCode(r.state)},
        {u"version"_s, r.revision},
        {u"row_version"_s, r.version},
        {u"supersedes_id"_s, r.supersedesId > 0 ? QJsonValue(r.supersedesId) : QJsonValue(QJsonValue::Null)},
        {u"superseded_by_id"_s,
         r.supersededById > 0 ? QJsonValue(r.supersededById) : QJsonValue(QJsonValue::Null)},
        {u"finalizing"_s, r.isFinalizing()},
        {u"results"_s, r.resultCount},
        {u"signed_by"_s, r.signedBy.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.signedBy)},
        {u"signer_name"_s, r.signerName.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.signerName)},
        {u"signed_at"_s, timeJson(r.signedAt)}};
}

// Pages through a repository with the keyset cursor (by its first column, then id).
template<typename Repository, typename Row, typename Filter, typename Emit>
VoidResult forEachRow(Repository &repository, const Filter &filter, Emit emitRow)
{
    PageRequest request;
    request.sortColumn = 0;
    request.limit = kPageSize;
    for (;;) {
        Result<QList<Row>> page = repository.page(filter, request);
        if (!page)
            return page.error();
        for (const Row &row : page.value())
            emitRow(row);
        if (page->size() < kPageSize)
            return {};
        const Row &last = page->constLast();
        request.hasCursor = true;
        request.afterValue = Repository::sortValue(last, 0);
        request.afterId = last.id;
    }
}

Command listCommand(const QString &entity, const QString &summary, const QString &keys,
                    const QStringList &states, std::function<int(CommandContext &)> handler)
{
    return {{entity, u"list"_s},
            summary,
            LabCommands::tr(
                "With --json: a JSON array of objects with the keys %1. Otherwise an aligned text table.")
                .arg(keys),
            {QCommandLineOption(stateOption(),
                                LabCommands::tr("Only rows in this state: %1.").arg(states.join(u", "_s)),
                                LabCommands::tr("state"))},
            std::move(handler)};
}

int badState(CommandContext &context, const QString &value, const QStringList &allowed)
{
    return context.usageError(
        LabCommands::tr("--state must be one of %1, not \"%2\"").arg(allowed.join(u", "_s), value));
}

int listFailed(CommandContext &context, const QString &what, const DbError &error)
{
    std::fflush(stdout);
    context.error(LabCommands::tr("cannot list the %1: %2").arg(what, error.message.simplified()));
    return CommandLine::ExitFailure;
}

} // namespace

void LabCommands::registerCommands(CommandRegistry &registry)
{
    registry.add(
        listCommand(u"protocols"_s, tr("List the lab's protocols."),
                    u"id, number, client_id, client, species, animal_id, sample_count, sample_type, state, "
                    "submitted_at, received_at, version"_s,
                    Protocol::allStateCodes(), &LabCommands::listProtocols));
    registry.add(
        listCommand(u"reports"_s, tr("List the lab's reports (every revision)."),
                    u"id, protocol_id, protocol_number, state, version (the revision: 1, 2, …), row_version, "
                    "supersedes_id, superseded_by_id, finalizing, results, signed_by (the signer's login), "
                    "signer_name (their full name, else the login), signed_at"_s,
                    Report::allStateCodes(), &LabCommands::listReports));
    registry.add({
        {u"report"_s, u"finalize"_s},
        tr("Finalize (sign) a report as a job: residesk report finalize ID."),
        tr("Queues the report.finalize job and takes the report for it, in one transaction: the job renders "
           "the "
           "signed PDF (signer: this user), stores it, finalizes the report and its protocol, e-mails the "
           "PDF to "
           "the client and keeps it in the PDF cache. Refused (exit code 1, nothing queued) when the report "
           "is "
           "finalized, already being finalized, or its protocol is not received. With --json: {\"job_id\": "
           "n} at "
           "once. With --wait: runs jobs in this process until that job ends and prints it (with --json: the "
           "job as one JSON object); exit code 0 only if it succeeded."),
        {JobWaiter::waitOption()},
        &LabCommands::finalizeReport,
    });
    registry.add({
        {u"report"_s, u"pdf"_s},
        tr("Save a report's PDF: residesk report pdf ID -o FILE."),
        tr("A finalized report: its stored, signed PDF, byte for byte. A draft: a preview rendered now, with "
           "a "
           "DRAFT watermark and no signature. With --json: {\"report_id\", \"file\", \"size\", \"sha256\", "
           "\"draft\"}."),
        {outputCommandOption()},
        &LabCommands::reportPdf,
    });
    registry.add({
        {u"workorder"_s, u"pdf"_s},
        tr("Save a work order's PDF: residesk workorder pdf ID -o FILE."),
        tr("From the PDF cache (this computer's, else the database's shared copy); rendered and kept there "
           "when neither has the current version. With --json: {\"work_order_id\", \"version\", \"file\", "
           "\"size\", \"source\"} (source: local_disk, database or rendered)."),
        {outputCommandOption()},
        &LabCommands::workOrderPdf,
    });
}

qsizetype LabCommands::argumentCount(const Command &command)
{
    static const QList<QStringList> withId{
        {u"report"_s, u"finalize"_s}, {u"report"_s, u"pdf"_s}, {u"workorder"_s, u"pdf"_s}};
    return withId.contains(command.words) ? 1 : 0;
}

int LabCommands::finalizeReport(CommandContext &context)
{
    int code = 0;
    const std::optional<qint64> id = context.idArgument(tr("a report id"), &code);
    if (!id)
        return code;
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const Result<Report> report = ReportRepository(*db, context.actor()).get(*id);
    if (!report)
        return readFailure(context, report.error(), tr("no report with id %1").arg(*id),
                           tr("cannot read report %1: %2").arg(*id));
    const Result<ReportFinalizer::Queued> queued =
        ReportFinalizer(*db, context.actor()).enqueue(*id, report->version);
    if (!queued) {
        context.error(tr("cannot finalize %1: %2")
                          .arg(reportLabel(report.value()), queued.error().message.simplified()));
        return CommandLine::ExitFailure;
    }
    if (context.parser().isSet(JobWaiter::waitOption()))
        return JobWaiter(context, *db).wait(queued->jobId);
    if (context.json())
        context.printJson(QJsonObject{{u"job_id"_s, queued->jobId}});
    else
        context.out(tr("Job %1 finalizes %2.").arg(queued->jobId).arg(reportLabel(report.value())));
    return CommandLine::ExitSuccess;
}

int LabCommands::reportPdf(CommandContext &context)
{
    int code = 0;
    const std::optional<PdfCommand> command = pdfCommand(context, tr("a report id"), &code);
    if (!command)
        return code;
    const auto &[id, path, db] = *command;
    const Result<LabDocuments::ReportSources> sources = LabDocuments::loadReport(*db, id);
    if (!sources)
        return readFailure(context, sources.error(), tr("no report with id %1").arg(id),
                           tr("cannot read report %1: %2").arg(id));
    const Report &report = sources->report;
    QByteArray pdf;
    if (report.isFinalized()) {
        const Result<StoredPdf> stored = ReportRepository(*db, context.actor()).pdf(id);
        if (!stored) {
            context.error(tr("cannot read the PDF of %1: %2")
                              .arg(reportLabel(report), stored.error().message.simplified()));
            return CommandLine::ExitFailure;
        }
        pdf = stored->content;
    } else {
        pdf = PdfRenderer::renderReport(
            LabDocuments::reportDocument(report, sources->protocol, sources->client));
        if (pdf.isEmpty()) {
            context.error(tr("cannot render %1: no usable font was found").arg(reportLabel(report)));
            return CommandLine::ExitFailure;
        }
    }
    if (!writePdf(context, path, pdf))
        return CommandLine::ExitFailure;
    if (context.json())
        context.printJson(QJsonObject{
            {u"report_id"_s, id},
            {u"file"_s, QFileInfo(path).absoluteFilePath()},
            {u"size"_s, qint64(pdf.size())},
            {u"sha256"_s,
             QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex())},
            {u"draft"_s, !report.isFinalized()}});
    else
        context.out(report.isFinalized() ? tr("Wrote the signed PDF of %1 to %2.")
                                               .arg(reportLabel(report), QDir::toNativeSeparators(path))
                                         : tr("Wrote a draft preview of %1 to %2.")
                                               .arg(reportLabel(report), QDir::toNativeSeparators(path)));
    return CommandLine::ExitSuccess;
}

int LabCommands::workOrderPdf(CommandContext &context)
{
    int code = 0;
    const std::optional<PdfCommand> command = pdfCommand(context, tr("a work order id"), &code);
    if (!command)
        return code;
    const auto &[id, path, db] = *command;
    const Result<WorkOrder> order = WorkOrderRepository(*db, context.actor()).get(id);
    if (!order)
        return readFailure(context, order.error(), tr("no work order with id %1").arg(id),
                           tr("cannot read work order %1: %2").arg(id));
    const int version = order->contentVersion();
    const PdfCacheKey key = PdfCacheKey::workOrder(id, version, PdfRenderer::templateVersion());
    const Result<PdfCacheEntry> entry =
        LabServices::pdfCache().getOrRender(*db, key, [database = db, workOrderId = id, version] {
            return LabDocuments::renderWorkOrder(*database, workOrderId, version);
        });
    if (!entry) {
        context.error(tr("cannot make the PDF of work order %1 (%2): %3")
                          .arg(id)
                          .arg(order->protocolNumber, entry.error().message.simplified()));
        return CommandLine::ExitFailure;
    }
    if (!writePdf(context, path, entry->bytes))
        return CommandLine::ExitFailure;
    if (context.json())
        context.printJson(QJsonObject{{u"work_order_id"_s, id},
                                      {u"version"_s, version},
                                      {u"file"_s, QFileInfo(path).absoluteFilePath()},
                                      {u"size"_s, entry->size()},
                                      {u"source"_s, sourceCode(entry->source)}});
    else
        context.out(tr("Wrote the PDF of work order %1 (%2, version %3) to %4.")
                        .arg(id)
                        .arg(order->protocolNumber)
                        .arg(version)
                        .arg(QDir::toNativeSeparators(path)));
    return CommandLine::ExitSuccess;
}

int LabCommands::listProtocols(CommandContext &context)
{
    ProtocolFilter filter;
    if (context.parser().isSet(stateOption())) {
        const QString value = context.parser().value(stateOption());
        filter.state = Protocol::stateFromCode(value.trimmed().toLower());
        if (!filter.state)
            return badState(context, value, Protocol::allStateCodes());
    }
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    ProtocolRepository repository(*db, context.actor());
    VoidResult r;
    if (context.json()) {
        JsonArrayWriter writer;
        r = forEachRow<ProtocolRepository, Protocol>(
            repository, filter, [&writer](const Protocol &p) { writer.add(protocolJson(p)); });
        if (r)
            writer.finish();
    } else {
        TextTable table({tr("ID"), tr("NUMBER"), tr("CLIENT"), tr("SPECIES"), tr("ANIMAL ID"), tr("SAMPLES"),
                         tr("STATE"), tr("SUBMITTED"), tr("RECEIVED")});
        r = forEachRow<ProtocolRepository, Protocol>(repository, filter, [&table](const Protocol &p) {
            table.addRow({QString::number(p.id), p.number, p.clientName, p.species, p.animalId,
                          QString::number(p.sampleCount), Protocol::stateCode(p.state),
                          timeText(p.submittedAt), timeText(p.receivedAt)});
        });
        if (r)
            context.out(table.toString().chopped(1));
    }
    if (!r)
        return listFailed(context, tr("protocols"), r.error());
    return CommandLine::ExitSuccess;
}

int LabCommands::listReports(CommandContext &context)
{
    ReportFilter filter;
    if (context.parser().isSet(stateOption())) {
        const QString value = context.parser().value(stateOption());
        filter.state = Report::stateFromCode(value.trimmed().toLower());
        if (!filter.state)
            return badState(context, value, Report::allStateCodes());
    }
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    ReportRepository repository(*db, context.actor());
    VoidResult r;
    if (context.json()) {
        JsonArrayWriter writer;
        r = forEachRow<ReportRepository, Report>(
            repository, filter, [&writer](const Report &rep) { writer.add(reportJson(rep)); });
        if (r)
            writer.finish();
    } else {
        TextTable table({tr("ID"), tr("PROTOCOL"), tr("REVISION"), tr("STATE"), tr("RESULTS"),
                         tr("SIGNED BY"), tr("SIGNED")});
        r = forEachRow<ReportRepository, Report>(repository, filter, [&table](const Report &rep) {
            table.addRow({QString::number(rep.id), rep.protocolNumber, QString::number(rep.revision),
                          Report::stateCode(rep.state), QString::number(rep.resultCount), rep.signerName,
                          timeText(rep.signedAt)});
        });
        if (r)
            context.out(table.toString().chopped(1));
    }
    if (!r)
        return listFailed(context, tr("reports"), r.error());
    return CommandLine::ExitSuccess;
}
