#include "tests/bench/reportrendercase.h"

#include "tasks/pdf/pdfrenderer.h"
#include "tests/bench/benchstats.h"
#include "tests/support/pdfsamples.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace {

constexpr int kRows = 200;
constexpr int kWarmUp = 5;
constexpr int kPerRun = 50;

double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n == 0 ? 0 : (n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2);
}

} // namespace

int ReportRenderCase::run(const BenchOptions &options)
{
    if (!PdfRenderer::warmUp()) {
        std::fprintf(stderr, "residesk-bench: no usable font for PDF rendering\n");
        return 1;
    }
    const ReportDocument doc = PdfSamples::report(kRows);
    QByteArray pdf;
    for (int i = 0; i < kWarmUp; ++i)
        pdf = PdfRenderer::renderReport(doc);
    if (pdf.isEmpty()) {
        std::fprintf(stderr, "residesk-bench: the report did not render\n");
        return 1;
    }
    if (!options.json) {
        std::fprintf(stderr, "one report: %lld bytes\n", static_cast<long long>(pdf.size()));
        std::fprintf(stderr,
                     "instructions per report (noise-free): valgrind --tool=callgrind "
                     "--toggle-collect='PdfRenderer::renderReport*' residesk-bench %s --runs 1, "
                     "total / %d\n",
                     qPrintable(name()), kWarmUp + kPerRun);
    }

    BenchStats wall{name(), QStringLiteral("ms"), {}};
    BenchStats cpu{name() + QStringLiteral(".cpu"), QStringLiteral("ms"), {}};
    for (int run = 0; run < options.runs; ++run) {
        QList<double> wallMs;
        QList<double> cpuMs;
        for (int i = 0; i < kPerRun; ++i) {
            QElapsedTimer timer;
            timer.start();
            const double cpu0 = threadCpuMs();
            const QByteArray bytes = PdfRenderer::renderReport(doc);
            cpuMs.append(threadCpuMs() - cpu0);
            wallMs.append(double(timer.nsecsElapsed()) / 1e6);
            if (bytes.isEmpty()) {
                std::fprintf(stderr, "residesk-bench: a report did not render\n");
                return 1;
            }
        }
        wall.samples.append(median(wallMs));
        cpu.samples.append(median(cpuMs));
        if (!options.json)
            std::fprintf(stderr, "run %d: median %.2f ms (cpu %.2f ms) per report over %d\n", run + 1,
                         wall.samples.last(), cpu.samples.last(), kPerRun);
    }
    cpu.print(options.json);
    wall.print(options.json);
    return 0;
}
