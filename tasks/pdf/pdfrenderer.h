#pragma once

#include "tasks/pdf/reportdocument.h"
#include "tasks/pdf/workorderdocument.h"

struct ReportTable;

#include <QByteArray>
#include <QCoreApplication>
#include <QFuture>

class QThreadPool;

// Renders lab reports and work orders to PDF: plain values in, the PDF's bytes out.
//
// Thread contract: every function is reentrant and thread-safe; call them from any
// number of threads at once (QtConcurrent pool threads). Each call makes its own
// QPdfWriter, QPainter and font objects on the calling thread and shares only
// immutable font tables (PdfFontMetrics). A QGuiApplication must exist in the process
// (fonts come from its platform's font database); the command line creates one on the
// offscreen platform (app/cli/commandline.cpp). Without usable fonts the functions
// return an empty QByteArray. The first call in a process sets fonts up once (reads
// DejaVu Sans's tables and registers an unhinted copy with QFontDatabase, some tens of
// milliseconds) and tunes glibc's malloc for QPdfWriter's large per-page buffers (a
// process-wide setting, see PdfAllocatorTuning); warmUp() does that ahead of time, e.g.
// on the GUI thread at start-up.
//
// Output: A4 pages, one embedded subset of DejaVu Sans (a second one when some text needs
// Qt's shaping path, see PdfFontMetrics; text is extractable either way), a header
// on every page (lab, protocol, client, species / animal), a footer with the protocol
// and "Page x of y". A report has its title (and amendment note), details, findings,
// results table (header row repeated on each page, flagged rows tinted) and, when
// finalized, the signer and time; a draft carries a diagonal DRAFT watermark on every
// page and no signature. PDF information: Title "Report P-… revision n" (work orders
// "Work order P-… version n"), Author the signer (a draft or work order: the lab),
// Creator the lab. Layout details in ReportPdfLayout and WorkOrderPdfLayout.
//
// Speed (tests/bench: report_render_200, report_throughput): simple text is measured
// from cached font tables and painted as one glyph run per style and page, with an
// unhinted copy of the face (PdfUnhintedFont); a 200-row report takes about 38 M
// instructions (callgrind), about 14 M of them fixed per document (font subset, zlib),
// the rest about 0.12 M per row, nearly all inside QPdfEngine (one "Td Tj" per glyph)
// and zlib.
//
//   auto future = PdfRenderer::renderReportAsync(ctx.cpuPool(), doc);
//   const QByteArray pdf = co_await future;
class PdfRenderer
{
    Q_DECLARE_TR_FUNCTIONS(PdfRenderer)
public:
    static QByteArray renderReport(const ReportDocument &doc);
    static QByteArray renderWorkOrder(const WorkOrderDocument &doc);
    // A period report (occupancy, maintenance, lab turnaround: models/reports) as a
    // table (TableReportPdfLayout); the PDF's title is the table's, author and creator
    // "Residesk".
    static QByteArray renderTable(const ReportTable &table);

    // The one-time font set-up (see above); false when no usable font was found.
    static bool warmUp();

    // The version of the layout: part of every PDF cache key. Bump it whenever the
    // output for the same input changes.
    static int templateVersion() { return 1; }

    // renderReport / renderWorkOrder on `pool`; co_await the future (held in a named
    // local, GCC bug 100611).
    static QFuture<QByteArray> renderReportAsync(QThreadPool &pool, ReportDocument doc);
    static QFuture<QByteArray> renderWorkOrderAsync(QThreadPool &pool, WorkOrderDocument doc);
};
