#include "tasks/lab/labdocuments.h"

#include "models/core/actor.h"
#include "models/lab/clientrepository.h"
#include "models/lab/protocolrepository.h"
#include "models/lab/reportrepository.h"
#include "models/lab/workorderrepository.h"
#include "tasks/pdf/pdfrenderer.h"

#include <QLoggingCategory>
#include <QSettings>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLabDocuments, "residesk.lab.documents")

namespace {
// Reads only: the actor is never written anywhere.
Actor reader()
{
    return Actor{u"reader"_s, Actor::Role::Vet};
}

// The protocol a report or work order belongs to, and its client.
VoidResult loadProtocolAndClient(Database &db, qint64 protocolId, Protocol &protocol, Client &client)
{
    Result<Protocol> p = ProtocolRepository(db, reader()).get(protocolId);
    if (!p)
        return p.error();
    protocol = std::move(p).value();
    Result<Client> c = ClientRepository(db, reader()).get(protocol.clientId);
    if (!c)
        return c.error();
    client = std::move(c).value();
    return {};
}
} // namespace

LabHeader LabDocuments::labHeader()
{
    const QSettings settings(u"Residesk"_s, u"Residesk"_s);
    LabHeader lab;
    lab.name = settings.value(u"lab/name"_s).toString().trimmed();
    if (lab.name.isEmpty())
        lab.name = tr("Veterinary Diagnostic Laboratory");
    lab.address = settings.value(u"lab/address"_s).toString().trimmed();
    lab.phone = settings.value(u"lab/phone"_s).toString().trimmed();
    return lab;
}

ResultFlag LabDocuments::resultFlag(Report::Flag flag)
{
    switch (flag) {
    case Report::Flag::Low:
        return ResultFlag::Low;
    case Report::Flag::High:
        return ResultFlag::High;
    case Report::Flag::Abnormal:
        return ResultFlag::Abnormal;
    case Report::Flag::None:
        break;
    }
    return ResultFlag::None;
}

QString LabDocuments::sampleDescription(const Protocol &protocol)
{
    const QString type = protocol.sampleType.trimmed();
    if (type.isEmpty())
        return protocol.sampleCount == 1 ? tr("1 sample") : tr("%1 samples").arg(protocol.sampleCount);
    return tr("%1 × %2").arg(protocol.sampleCount).arg(type);
}

QString LabDocuments::reportFileName(const Report &report)
{
    return u"report-%1-r%2.pdf"_s.arg(report.protocolNumber).arg(report.revision);
}

ReportDocument LabDocuments::reportDocument(const Report &report, const Protocol &protocol,
                                            const Client &client)
{
    ReportDocument doc;
    doc.lab = labHeader();
    doc.protocolNumber = protocol.number.isEmpty() ? report.protocolNumber : protocol.number;
    doc.clientName = client.name.isEmpty() ? protocol.clientName : client.name;
    doc.clientKind = client.id > 0 ? Client::kindLabel(client.kind) : QString();
    doc.species = protocol.species;
    doc.animalId = protocol.animalId;
    doc.sampleDescription = sampleDescription(protocol);
    doc.receivedDate = protocol.receivedAt.isValid() ? protocol.receivedAt.toUTC().date() : QDate();
    doc.revision = report.revision;
    doc.findings = report.findings;
    doc.results.reserve(report.results.size());
    for (const Report::ResultRow &row : report.results)
        doc.results.append({row.analyte, row.value, row.unit, row.referenceRange, resultFlag(row.flag)});
    doc.draft = true;
    return doc;
}

WorkOrderDocument LabDocuments::workOrderDocument(const WorkOrder &order, const Protocol &protocol,
                                                  const Client &client)
{
    WorkOrderDocument doc;
    doc.lab = labHeader();
    doc.protocolNumber = protocol.number.isEmpty() ? order.protocolNumber : protocol.number;
    doc.clientName = client.name.isEmpty() ? order.clientName : client.name;
    doc.clientKind = client.id > 0 ? Client::kindLabel(client.kind) : QString();
    doc.species = protocol.species.isEmpty() ? order.species : protocol.species;
    doc.animalId = protocol.animalId;
    doc.assignedVet = order.assignedVet;
    // The work order's own times are not read (they would change the PDF without a
    // version change); the protocol's submission time is its creation.
    doc.createdAt = protocol.submittedAt;
    doc.contentVersion = order.contentVersion();
    doc.notes = order.notes;
    doc.analyses.reserve(order.analyses.size());
    for (const WorkOrder::Analysis &a : order.analyses)
        doc.analyses.append({a.code, a.name, a.sample});
    return doc;
}

Result<LabDocuments::ReportSources> LabDocuments::loadReport(Database &db, qint64 reportId)
{
    ReportSources sources;
    Result<Report> report = ReportRepository(db, reader()).get(reportId);
    if (!report)
        return report.error();
    sources.report = std::move(report).value();
    if (VoidResult r = loadProtocolAndClient(db, sources.report.protocolId, sources.protocol, sources.client);
        !r)
        return r.error();
    return sources;
}

Result<LabDocuments::WorkOrderSources> LabDocuments::loadWorkOrder(Database &db, qint64 workOrderId)
{
    WorkOrderSources sources;
    Result<WorkOrder> order = WorkOrderRepository(db, reader()).get(workOrderId);
    if (!order)
        return order.error();
    sources.order = std::move(order).value();
    if (VoidResult r = loadProtocolAndClient(db, sources.order.protocolId, sources.protocol, sources.client);
        !r)
        return r.error();
    return sources;
}

QByteArray LabDocuments::renderWorkOrder(Database &db, qint64 workOrderId, int expectedVersion)
{
    const Result<WorkOrderSources> sources = loadWorkOrder(db, workOrderId);
    if (!sources) {
        qCWarning(lcLabDocuments) << "work order" << workOrderId << "not read:" << sources.error().message;
        return {};
    }
    if (sources->order.contentVersion() != expectedVersion) {
        qCInfo(lcLabDocuments) << "work order" << workOrderId << "is at version"
                               << sources->order.contentVersion() << "not" << expectedVersion;
        return {};
    }
    return PdfRenderer::renderWorkOrder(
        workOrderDocument(sources->order, sources->protocol, sources->client));
}
