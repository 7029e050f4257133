#pragma once

#include "tasks/pdf/labheader.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringView>

// How a result compares with its reference range. The values are the letters printed
// in the report's flag column.
enum class ResultFlag : char {
    None = 0,
    Low = 'L',
    High = 'H',
    Abnormal = 'A',
};

// The flag of a letter as the lab stores it ("", "L", "H", "A"); anything else is None.
inline ResultFlag resultFlagFromLetter(QStringView letter)
{
    if (letter == u"L")
        return ResultFlag::Low;
    if (letter == u"H")
        return ResultFlag::High;
    if (letter == u"A")
        return ResultFlag::Abnormal;
    return ResultFlag::None;
}

// One line of a report's results table.
struct ResultRow
{
    QString analyte;        // "Hemoglobin"
    QString value;          // "14.2" (text: results may be "positive", "< 0.5" …)
    QString unit;           // "g/dL"
    QString referenceRange; // "12.0–18.0"
    ResultFlag flag = ResultFlag::None;
};

// Everything a lab report's PDF shows, as plain values: the finalize job maps the lab's
// records onto it and hands it to PdfRenderer::renderReport() on any thread. Strings
// are shown as they are (already translated where they come from enumerations, such as
// the client's kind).
//
//   ReportDocument doc;
//   doc.lab = lab;
//   doc.protocolNumber = u"P-2026-00042"_s;
//   doc.results.append({u"Glucose"_s, u"5.4"_s, u"mmol/L"_s, u"3.9–6.1"_s, ResultFlag::None});
//   doc.draft = false;
//   doc.signer = u"Dr. Ana Ruiz"_s;
//   doc.signedAt = QDateTime::currentDateTime();
//   const QByteArray pdf = PdfRenderer::renderReport(doc);
struct ReportDocument
{
    LabHeader lab;
    QString protocolNumber; // "P-2026-00042"
    QString clientName;
    QString clientKind; // "Farm", "Owner", "Clinic" (display text)
    QString species;
    QString animalId;
    QString sampleDescription;
    QDate receivedDate;
    int revision = 1; // 1, 2 …; above 1 the report says it amends revision - 1
    QString findings; // plain text; '\n' separates paragraphs
    QList<ResultRow> results;
    QString signer;     // shown only when !draft
    QDateTime signedAt; // shown only when !draft
    bool draft = true;  // a draft has a DRAFT watermark and no signature
};
