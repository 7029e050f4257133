#pragma once

#include "tasks/pdf/pdfpage_p.h"

#include <QCoreApplication>
#include <QList>

struct WorkOrderDocument;

// Lays a work order out onto pages: title, the details of protocol, animal, assigned
// vet and version, the requested analyses table (rows never break across pages, the
// header row repeats on every page with rows) and the notes.
//
// Geometry (points): the same body as a report (84 to 786, 702 pt); table header row
// 16 pt, rows of 11 pt per line + 3 pt (one-line rows 14 pt), so a page of only rows
// holds 49 one-line rows; a cell wraps to at most 3 lines.
//
// Thread contract: a pure function of its input, run on the rendering thread.
//
//   const QList<PdfPage> pages = WorkOrderPdfLayout::layout(doc);
class WorkOrderPdfLayout
{
    Q_DECLARE_TR_FUNCTIONS(WorkOrderPdfLayout)
public:
    static constexpr qreal TableHeaderHeight = 16;
    static constexpr qreal RowLineHeight = 11;
    static constexpr qreal RowPadding = 3;
    static constexpr int MaxCellLines = 3;

    static QList<PdfPage> layout(const WorkOrderDocument &doc);
    // "Work order P-… version n", also the PDF's title.
    static QString title(const WorkOrderDocument &doc);
};
