#include "app/cli/labcommands.h"

#include "app/cli/commandcontext.h"
#include "app/cli/commandline.h"
#include "app/cli/commandregistry.h"
#include "app/cli/texttable.h"
#include "models/db/database.h"
#include "models/lab/protocolrepository.h"
#include "models/lab/reportrepository.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int kPageSize = 1000;

QString stateOption()
{
    return u"state"_s;
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
                    "supersedes_id, superseded_by_id, finalizing, results, signed_by, signed_at"_s,
                    Report::allStateCodes(), &LabCommands::listReports));
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
                          Report::stateCode(rep.state), QString::number(rep.resultCount), rep.signedBy,
                          timeText(rep.signedAt)});
        });
        if (r)
            context.out(table.toString().chopped(1));
    }
    if (!r)
        return listFailed(context, tr("reports"), r.error());
    return CommandLine::ExitSuccess;
}
