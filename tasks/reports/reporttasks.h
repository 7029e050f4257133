#pragma once

#include "tasks/job.h"

#include <QByteArray>
#include <QDate>
#include <QString>

#include <optional>

class TaskRegistry;

// The period reports as jobs: report.occupancy and report.maintenance (housing staff and
// administrators), report.turnaround (vets and administrators) — job_kind_roles, migration
// 0019. Payload {"from": "YYYY-MM-DD", "to": "YYYY-MM-DD", "format": "pdf"|"csv"} (format:
// what the window opens from the notification; both are always made).
//
// Steps, with progress "n of 4" and a cancel check between them: read the rows
// (UsageReportRepository, on the runner thread's connection), compute the figures
// (UsageReports, on the CPU pool), render the PDF (PdfRenderer::renderTable, CPU pool),
// write the CSV. Nothing is written anywhere but the job's result, so a retried or
// resumed job simply starts again. A bad period fails at once without retries, naming the
// field.
//
// Result: report (occupancy | maintenance | turnaround), from, to, format, title, rows
// (the number of table rows), totals (the total row: column name → text), pdf (base64),
// pdf_size, csv (text), notify_title, notify_link ("usage-report:<job id>").
namespace ReportTasks {

inline constexpr char kOccupancy[] = "report.occupancy";
inline constexpr char kMaintenance[] = "report.maintenance";
inline constexpr char kTurnaround[] = "report.turnaround";

void registerAll(TaskRegistry &registry);

// "occupancy" → "report.occupancy"; empty for an unknown name.
QString kindFor(const QString &report);
bool isReportKind(const QString &kind);

// The request for a report (notifies its creator when it ends).
JobRequest request(const QString &kind, const QDate &from, const QDate &to, const QString &format = QStringLiteral("pdf"));

// What a finished report job holds.
struct Output
{
    QString title;
    QString format;
    QByteArray pdf;
    QByteArray csv;
};
std::optional<Output> output(const Job &job);
// "usage-report:42" → 42; 0 for other links.
qint64 jobIdFromLink(const QString &link);

} // namespace ReportTasks
