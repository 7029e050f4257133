#pragma once

#include "tasks/pdf/labheader.h"

#include <QDateTime>
#include <QList>
#include <QString>

// One requested analysis of a work order.
struct AnalysisRow
{
    QString code;   // "HEM-01"
    QString name;   // "Complete blood count"
    QString sample; // "EDTA blood"
};

// Everything a work order's PDF shows, as plain values (see ReportDocument); rendered
// by PdfRenderer::renderWorkOrder() on any thread.
//
//   WorkOrderDocument doc;
//   doc.lab = lab;
//   doc.protocolNumber = u"P-2026-00042"_s;
//   doc.analyses.append({u"HEM-01"_s, u"Complete blood count"_s, u"EDTA blood"_s});
//   const QByteArray pdf = PdfRenderer::renderWorkOrder(doc);
struct WorkOrderDocument
{
    LabHeader lab;
    QString protocolNumber;
    QString clientName;
    QString clientKind; // display text
    QString species;
    QString animalId;
    QString assignedVet; // empty: not assigned yet
    QDateTime createdAt;
    QDateTime updatedAt;
    int contentVersion = 1; // the work order's content version (shown, and part of cache keys)
    QString notes;          // plain text; '\n' separates paragraphs
    QList<AnalysisRow> analyses;
};
