#pragma once

#include "tasks/pdf/reportdocument.h"
#include "tasks/pdf/workorderdocument.h"

#include <QTimeZone>

// Realistic sample documents for the PDF tests and benchmarks: a report with `rows`
// results (about one in seven flagged) and a work order with `analyses` analyses.
// Deterministic: the same arguments give the same document.
namespace PdfSamples {

inline LabHeader lab()
{
    return {QStringLiteral("Veterinary Diagnostic Laboratory"),
            QStringLiteral("Campus Road 4, 28040 Springfield"), QStringLiteral("+34 915 550 100")};
}

inline ResultRow resultRow(int i)
{
    static const char *const analytes[] = {"Hemoglobin",
                                           "Hematocrit",
                                           "Erythrocytes",
                                           "Leukocytes",
                                           "Neutrophils",
                                           "Lymphocytes",
                                           "Platelets",
                                           "Glucose",
                                           "Urea nitrogen",
                                           "Creatinine",
                                           "Total protein",
                                           "Albumin",
                                           "Alkaline phosphatase",
                                           "Alanine aminotransferase",
                                           "Calcium",
                                           "Phosphorus"};
    static const char *const units[] = {"g/dL",   "%",      "10^12/L", "10^9/L", "10^9/L", "10^9/L",
                                        "10^9/L", "mmol/L", "mmol/L",  "µmol/L", "g/L",    "g/L",
                                        "U/L",    "U/L",    "mmol/L",  "mmol/L"};
    static const char *const ranges[] = {"12.0–18.0", "37–55",   "5.5–8.5", "6.0–17.0", "3.0–11.5", "1.0–4.8",
                                         "200–500",   "3.9–6.1", "2.5–9.6", "44–159",   "54–75",    "25–44",
                                         "20–150",    "10–100",  "2.2–2.8", "0.8–1.9"};
    const int k = i % 16;
    ResultRow row;
    row.analyte = QStringLiteral("%1 %2").arg(QString::fromUtf8(analytes[k])).arg(i + 1);
    row.value = QString::number(1.0 + ((i * 37) % 1000) / 10.0, 'f', 1);
    row.unit = QString::fromUtf8(units[k]);
    row.referenceRange = QString::fromUtf8(ranges[k]);
    static const ResultFlag flags[] = {ResultFlag::None, ResultFlag::None, ResultFlag::High, ResultFlag::None,
                                       ResultFlag::None, ResultFlag::Low,  ResultFlag::None};
    row.flag = (i % 23 == 11) ? ResultFlag::Abnormal : flags[i % 7];
    return row;
}

inline ReportDocument report(int rows, bool draft = false, int revision = 1)
{
    ReportDocument doc;
    doc.lab = lab();
    doc.protocolNumber = QStringLiteral("P-2026-%1").arg(rows, 5, 10, QLatin1Char('0'));
    doc.clientName = QStringLiteral("Granja Los Álamos");
    doc.clientKind = QStringLiteral("Farm");
    doc.species = QStringLiteral("Bovine");
    doc.animalId = QStringLiteral("ES-0412-7781");
    doc.sampleDescription = QStringLiteral("EDTA whole blood, serum; received chilled at 4 °C");
    doc.receivedDate = QDate(2026, 11, 23);
    doc.revision = revision;
    doc.findings =
        QStringLiteral("Mild regenerative anaemia with a left shift; no parasites seen on the smear.");
    doc.results.reserve(rows);
    for (int i = 0; i < rows; ++i)
        doc.results.append(resultRow(i));
    doc.draft = draft;
    if (!draft) {
        doc.signer = QStringLiteral("Dra. Inés Müller");
        doc.signedAt = QDateTime(QDate(2026, 11, 27), QTime(16, 5), QTimeZone::utc());
    }
    return doc;
}

inline WorkOrderDocument workOrder(int analyses)
{
    WorkOrderDocument doc;
    doc.lab = lab();
    doc.protocolNumber = QStringLiteral("P-2026-W%1").arg(analyses, 4, 10, QLatin1Char('0'));
    doc.clientName = QStringLiteral("Clínica Veterinaria Peña");
    doc.clientKind = QStringLiteral("Clinic");
    doc.species = QStringLiteral("Canine");
    doc.animalId = QStringLiteral("CHIP-941000024");
    doc.assignedVet = QStringLiteral("Dr. Jürgen Ødegaard");
    doc.createdAt = QDateTime(QDate(2026, 11, 20), QTime(9, 30), QTimeZone::utc());
    doc.updatedAt = QDateTime(QDate(2026, 11, 21), QTime(11, 45), QTimeZone::utc());
    doc.contentVersion = 3;
    doc.notes =
        QStringLiteral("Fasted 12 h before sampling. Keep the serum at 4 °C; call the clinic if haemolysed.");
    static const char *const names[] = {"Complete blood count", "Biochemistry panel",
                                        "Urinalysis",           "Faecal flotation",
                                        "Thyroxine (T4)",       "Cortisol ± ACTH stimulation"};
    static const char *const samples[] = {"EDTA blood", "Serum", "Urine", "Faeces", "Serum", "Serum"};
    for (int i = 0; i < analyses; ++i) {
        const int k = i % 6;
        doc.analyses.append({QStringLiteral("AN-%1").arg(i + 1, 4, 10, QLatin1Char('0')),
                             QString::fromUtf8(names[k]), QString::fromUtf8(samples[k])});
    }
    return doc;
}

} // namespace PdfSamples
