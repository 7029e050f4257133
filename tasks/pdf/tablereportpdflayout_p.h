#pragma once

#include "tasks/pdf/pdfpage_p.h"

#include <QCoreApplication>
#include <QList>

struct ReportTable;

// Lays a ReportTable out onto pages: the title, the detail lines, then the table
// (columns sized to their contents within the page's width, text columns elided when
// they must share, numbers right-aligned; the header row repeats on every page; the
// totals row on a shaded band at the end). Header: "Residesk" and the title; footer: the
// title and "Page x of y".
//
// Thread contract: a pure function of its input, run on the rendering thread.
class TableReportPdfLayout
{
    Q_DECLARE_TR_FUNCTIONS(TableReportPdfLayout)
public:
    static constexpr qreal HeaderHeight = 16;
    static constexpr qreal RowHeight = 14;

    static QList<PdfPage> layout(const ReportTable &table);
};
