#pragma once

#include "tests/bench/benchcase.h"

// report_throughput: reports per second when 100 lab reports (200 rows each) are
// rendered with PdfRenderer::renderReportAsync on a QThreadPool, once with 1 thread
// and once with QThread::idealThreadCount() threads; median over --runs of each
// ("report_throughput.1thread", "report_throughput.Nthreads", unit "reports/s"). Also
// prints the ratio, and per report the process CPU time and voluntary context switches
// of each: threads that contend burn more CPU per report (spinning) or block more
// (switches); threads that merely wait for a busy machine show neither, only less
// throughput. Needs a QGuiApplication (main.cpp makes one for this case).
class ReportThroughputCase
{
public:
    static QString name() { return QStringLiteral("report_throughput"); }
    static QString description()
    {
        return QStringLiteral("reports/s rendering 100 200-row reports on 1 and on all cores (QThreadPool)");
    }
    static int run(const BenchOptions &options);
};
