#include "tests/bench/reportoccupancycase.h"

#include "models/db/database.h"
#include "models/db/sqlstatement.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "tasks/reports/reporttasks.h"
#include "tasks/taskcatalog.h"
#include "tasks/taskregistry.h"
#include "tests/bench/benchdatabase.h"
#include "tests/bench/benchstats.h"
#include "tests/bench/housingbenchseed.h"

#include <QEventLoop>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
constexpr int kTimeoutMs = 120000;
constexpr int kYear = 2026;
} // namespace

int ReportOccupancyCase::run(const BenchOptions &options)
{
    QLoggingCategory::setFilterRules(u"residesk.*.info=false\nresidesk.*.debug=false\nresidesk.*.warning=false"_s);
    BenchDatabase bench;
    QString error;
    if (!bench.prepare(options.databaseUrl, 20000, &error)) {
        std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
        return 1;
    }
    Database db(DatabaseConfig::parse(bench.url()).value());
    if (!HousingBenchSeed::seed(db, 20000, 0, kYear, &error)) {
        std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
        return 1;
    }
    TaskRegistry registry;
    TaskCatalog::registerAll(registry);
    JobEngineOptions engineOptions;
    engineOptions.concurrency = 1;
    engineOptions.pollIntervalMs = 20;
    engineOptions.runRecurring = false;
    engineOptions.kinds = {QString::fromLatin1(ReportTasks::kOccupancy)};
    JobEngine engine(db, registry, engineOptions);
    engine.start();
    BenchStats stats{name(), u"ms"_s, {}};
    for (int i = -1; i < options.runs; ++i) { // run -1 is the warm-up
        const Result<EnqueueResult> queued = JobStore(db).enqueue(
            ReportTasks::request(QString::fromLatin1(ReportTasks::kOccupancy), QDate(kYear, 1, 1), QDate(kYear, 12, 31)),
            Actor::systemUser());
        if (!queued) {
            std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(queued.error().text()));
            return 1;
        }
        engine.wake();
        QEventLoop loop;
        Job job;
        QTimer poll;
        poll.setInterval(10);
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            const Result<Job> j = JobStore(db).get(queued->id);
            if (j && j->isFinished()) {
                job = j.value();
                loop.quit();
            }
        });
        QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
        poll.start();
        loop.exec();
        if (job.state != JobState::Succeeded) {
            std::fprintf(stderr, "residesk-bench: job %lld did not succeed: %s\n", static_cast<long long>(queued->id),
                         qPrintable(job.error));
            return 1;
        }
        const double ms = double(job.finishedAt - job.startedAt);
        if (!options.json)
            std::fprintf(stderr, "%s %.0f ms (rows %d, occupied %s bed-nights, PDF %d bytes)\n",
                         i < 0 ? "warm-up:" : "run:", ms, job.result.value(u"rows"_s).toInt(),
                         qPrintable(job.result.value(u"totals"_s).toObject().value(u"Occupied"_s).toString()),
                         job.result.value(u"pdf_size"_s).toInt());
        if (i >= 0)
            stats.samples.append(ms);
    }
    engine.stop();
    QEventLoop stopping;
    QObject::connect(&engine, &JobEngine::stopped, &stopping, &QEventLoop::quit);
    if (engine.isStarted())
        stopping.exec();
    stats.print(options.json);
    return 0;
}
