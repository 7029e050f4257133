#pragma once

#include "tests/bench/benchcase.h"

// workorder_cached_open: a vet opens a work order whose PDF the pre-render job already
// put in this desktop's cache. Set-up, not timed: a protocol and its work order (30
// analyses, notes, a vet) made through WorkOrderService, its PDF rendered by the
// product's renderer as the workorder.prerender job does (LabDocuments' document,
// PdfRenderer::renderWorkOrder, PdfCache::getOrRender: stored on the local disk and in
// the database). Timed, per open: from PdfOpener::open (what the Work orders page's
// "Open PDF" calls, LabUi::openWorkOrderPdf) — the lookup on the executor's read pool,
// a local-disk hit verified by size and SHA-256, a new PdfViewerWindow, the document's
// load and show — to the first page image painted (PdfViewerWindow::firstPagePainted,
// after QPdfView's asynchronous page rendering arrived and was drawn). Target: <= 10 ms
// median.
//
// One child process (`residesk-bench --child-workorder-open URL CACHE_DIR RUNS`: a
// QApplication on the offscreen platform, settings in a temporary folder) opens it
// RUNS + 1 times, one new window each time, as a vet does through the day; the first
// open is the warm-up (it loads PDFium) and is reported on its own. Each open also
// reports where its time went: opened (lookup, window, load), first (blank) paint,
// page image rendered, page painted.
class WorkOrderCachedOpenCase
{
public:
    static QString name() { return QStringLiteral("workorder_cached_open"); }
    static QString description()
    {
        return QStringLiteral("ms from PdfOpener::open of a cached work order (rendered by PdfRenderer) to "
                              "its first page painted in the viewer");
    }
    static int run(const BenchOptions &options);
    // The child side (hidden --child-workorder-open URL CACHE_DIR RUNS).
    static int child(int argc, char **argv);
};
