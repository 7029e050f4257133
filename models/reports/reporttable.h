#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// A finished report as a table of text: what the PDF renderer lays out and what the
// CSV holds. Plain values; built by UsageReports, rendered by PdfRenderer::renderTable
// (tasks/pdf) and written by toCsv().
struct ReportTable
{
    QString title;       // "Occupancy 2026-01-01 – 2026-12-31"
    QStringList details; // lines under the title: period, when it was made, by whom
    QStringList columns;
    QList<bool> numeric; // per column: right-aligned (numbers)
    QList<QStringList> rows;
    QStringList totals;  // optional last row
    QString emptyText;   // shown instead of the table when there are no rows

    // RFC 4180 CSV in UTF-8 with CRLF line breaks: the header, the rows, the totals.
    // Numbers are written without group separators ("1234.5"), as `csvValues` holds them.
    QByteArray toCsv() const;
    // The same cells as in the PDF, but with machine-readable numbers: set by the
    // builders; toCsv() uses them when present (same shape as rows / totals).
    QList<QStringList> csvRows;
    QStringList csvTotals;
};
