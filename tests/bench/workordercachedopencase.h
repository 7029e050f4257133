#pragma once

#include "tests/bench/benchcase.h"

// workorder_cached_open: a vet opens a work order whose PDF is already in this
// desktop's cache. Time from "open" (PdfCache::lookupAsync on the executor's read pool:
// a local-disk hit, verified by size and SHA-256) to the first page image painted in a
// new PdfViewerWindow (PdfPageView::pagePainted, i.e. after QPdfView's asynchronous
// page rendering arrived and was drawn). Target: <= 10 ms median.
//
// One child process (`residesk-bench --child-workorder-open URL CACHE_DIR RUNS`: a
// QApplication on the offscreen platform, settings in a temporary folder) stores a
// 3-page work-order-like PDF made with QPdfWriter in the cache, then opens it RUNS + 1
// times, one new window each time, as a vet does through the day; the first open is
// the warm-up (it loads PDFium and fonts) and is reported on its own. Each open also
// reports where its time went: lookup, window + document load, first (blank) paint,
// page image rendered, page painted.
class WorkOrderCachedOpenCase
{
public:
    static QString name() { return QStringLiteral("workorder_cached_open"); }
    static QString description()
    {
        return QStringLiteral(
            "ms from a cached work-order PDF lookup to its first page painted in the viewer");
    }
    static int run(const BenchOptions &options);
    // The child side (hidden --child-workorder-open URL CACHE_DIR RUNS).
    static int child(int argc, char **argv);
};
