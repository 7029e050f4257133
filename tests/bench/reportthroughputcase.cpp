#include "tests/bench/reportthroughputcase.h"

#include "tasks/pdf/pdfrenderer.h"
#include "tests/bench/benchstats.h"
#include "tests/support/pdfsamples.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <cstdio>
#include <ctime>

#include <sys/resource.h>

namespace {

constexpr int kReports = 100;
constexpr int kRows = 200;

double processCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

// Voluntary context switches of the process so far: a thread that blocks on a lock
// (or waits for work) gives its core up voluntarily.
long voluntarySwitches()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_nvcsw;
}

struct Sample
{
    double reportsPerSecond = 0;
    double cpuMsPerReport = 0;
    double switchesPerReport = 0;
};

// Renders kReports reports on `pool`; false if one came back empty.
bool renderAll(QThreadPool &pool, const QList<ReportDocument> &docs, Sample *sample)
{
    QElapsedTimer timer;
    timer.start();
    const double cpu0 = processCpuMs();
    const long switches0 = voluntarySwitches();
    QList<QFuture<QByteArray>> futures;
    futures.reserve(docs.size());
    for (const ReportDocument &doc : docs)
        futures.append(PdfRenderer::renderReportAsync(pool, doc));
    bool ok = true;
    for (QFuture<QByteArray> &future : futures)
        ok = !future.result().isEmpty() && ok;
    sample->reportsPerSecond = docs.size() / (double(timer.nsecsElapsed()) / 1e9);
    sample->cpuMsPerReport = (processCpuMs() - cpu0) / docs.size();
    sample->switchesPerReport = double(voluntarySwitches() - switches0) / docs.size();
    return ok;
}

} // namespace

int ReportThroughputCase::run(const BenchOptions &options)
{
    if (!PdfRenderer::warmUp()) {
        std::fprintf(stderr, "residesk-bench: no usable font for PDF rendering\n");
        return 1;
    }
    QList<ReportDocument> docs;
    for (int i = 0; i < kReports; ++i) {
        ReportDocument doc = PdfSamples::report(kRows);
        doc.protocolNumber = QStringLiteral("P-2026-%1").arg(i + 1, 5, 10, QLatin1Char('0'));
        docs.append(doc);
    }
    const int ideal = qMax(1, QThread::idealThreadCount());
    QList<int> threadCounts{1};
    if (ideal > 1)
        threadCounts.append(ideal);

    QList<BenchStats> stats;
    QList<double> cpuPerReport;
    for (const int threads : threadCounts) {
        QThreadPool pool;
        pool.setMaxThreadCount(threads);
        pool.setExpiryTimeout(-1); // keep the threads (and their font engines) between runs
        BenchStats figure{
            name() + (threads == 1 ? QStringLiteral(".1thread") : QStringLiteral(".%1threads").arg(threads)),
            QStringLiteral("reports/s"),
            {}};
        QList<double> cpu;
        for (int run = -1; run < options.runs; ++run) { // run -1 warms every thread up
            Sample sample;
            if (!renderAll(pool, docs, &sample)) {
                std::fprintf(stderr, "residesk-bench: a report did not render\n");
                return 1;
            }
            if (run < 0)
                continue;
            figure.samples.append(sample.reportsPerSecond);
            cpu.append(sample.cpuMsPerReport);
            if (!options.json)
                std::fprintf(stderr,
                             "%d thread(s): %.1f reports/s; per report %.2f ms process CPU, %.1f voluntary "
                             "context switches\n",
                             threads, sample.reportsPerSecond, sample.cpuMsPerReport,
                             sample.switchesPerReport);
        }
        std::sort(cpu.begin(), cpu.end());
        cpuPerReport.append(cpu.at(cpu.size() / 2));
        stats.append(figure);
    }
    if (!options.json && stats.size() == 2) {
        std::fprintf(stderr, "%d threads / 1 thread: %.2fx reports/s; CPU per report %.2f ms vs %.2f ms\n",
                     threadCounts.last(), stats.last().median() / stats.first().median(), cpuPerReport.last(),
                     cpuPerReport.first());
    }
    for (const BenchStats &figure : std::as_const(stats))
        figure.print(options.json);
    return 0;
}
