#pragma once

#include "tests/bench/benchcase.h"

// report_render_200: milliseconds to render one lab report with 200 result rows x 5
// columns (PdfRenderer::renderReport, on this thread). After 5 warm-up renders, each
// run renders 50 reports; a run's figure is the median of its 50 (wall clock, unit
// "ms"); the case prints the median over --runs, then the same for the thread's CPU
// time ("report_render_200.cpu": on a busy machine the wall clock includes waiting for
// a core). Needs a QGuiApplication (main.cpp makes one for this case).
//
// Instructions per report, free of noise:
//   valgrind --tool=callgrind --toggle-collect='PdfRenderer::renderReport*'
//            residesk-bench report_render_200 --runs 1
// and divide the total by 55.
class ReportRenderCase
{
public:
    static QString name() { return QStringLiteral("report_render_200"); }
    static QString description()
    {
        return QStringLiteral("ms to render one 200-row lab report PDF (median of 50 per run)");
    }
    static int run(const BenchOptions &options);
};
