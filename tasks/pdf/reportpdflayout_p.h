#pragma once

#include "tasks/pdf/pdfpage_p.h"

#include <QCoreApplication>
#include <QList>

struct ReportDocument;
class PdfPageFlow;

// Lays a lab report out onto pages: title (with the amendment or draft note), the
// details of protocol, animal and sample, the findings, the results table and, on a
// finalized report, the signature block. The table's rows never break across pages;
// its header row repeats on every page that has rows.
//
// Geometry (points; the numbers the page-count tests derive from):
//   - body of every page: PdfPageFlow::BodyTop 84 to BodyBottom 786 (702 pt);
//   - results table: header row 16 pt, then rows of 11 pt per text line + 3 pt
//     (one-line rows: 14 pt), so a page that holds only table rows holds
//     (702 - 16) / 14 = 49 one-line rows;
//   - a cell wraps to at most 4 lines; the 4th ends in "…" when text was left out;
//   - after the table: the flag legend (16 pt), then on finalized reports the signature
//     block (50 pt), moved whole onto a new page when it does not fit.
// The first page's table starts below the title (26 + 4; a draft or amendment note
// adds 15 each), the details (4 x 13 + 13 per sample line), the findings (heading 24,
// lines of 13, 5 between paragraphs) and the results heading (24): with one sample
// line and a one-line findings text, at 256, so page 1 holds 37 one-line rows
// (tests/tasks/pdf/tst_reportpdf.cpp derives its page counts from these numbers).
//
// Thread contract: a pure function of its input, run on the rendering thread.
//
//   const QList<PdfPage> pages = ReportPdfLayout::layout(doc);
class ReportPdfLayout
{
    Q_DECLARE_TR_FUNCTIONS(ReportPdfLayout)
public:
    static constexpr qreal TableHeaderHeight = 16;
    static constexpr qreal RowLineHeight = 11;
    static constexpr qreal RowPadding = 3;
    static constexpr int MaxCellLines = 4;
    static constexpr qreal LegendHeight = 16;
    static constexpr qreal SignatureHeight = 50;

    static QList<PdfPage> layout(const ReportDocument &doc);
    // The document's title ("Report P-… revision n"), also its PDF title.
    static QString title(const ReportDocument &doc);
};
