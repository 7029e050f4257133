#include "tests/bench/sortfiltercase.h"

#include "models/db/database.h"
#include "models/db/dbexecutor.h"
#include "models/housing/residentrepository.h"
#include "models/itemmodels/residentstablemodel.h"
#include "tests/bench/benchdatabase.h"
#include "tests/bench/benchstats.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <cstdio>

namespace {

constexpr int kResidents = 100000;
constexpr int kTimeoutMs = 60000;

// Runs `trigger`, then waits until the model has loaded the first page of the query
// it started (pageLoaded(true) with no load still running). False on timeout/failure.
template<typename Trigger>
bool waitForFirstPage(ResidentsTableModel &model, Trigger trigger)
{
    QEventLoop loop;
    bool ok = false;
    QObject::connect(&model, &RecordTableModel::pageLoaded, &loop, [&model, &loop, &ok](bool first) {
        if (!first)
            return;
        // Checked once the signal has returned, so the model's own state is settled.
        QTimer::singleShot(0, &loop, [&model, &loop, &ok] {
            if (!model.isLoading()) {
                ok = true;
                loop.quit();
            }
        });
    });
    QObject::connect(&model, &RecordTableModel::loadFailed, &loop, [&loop](const DbError &error) {
        std::fprintf(stderr, "residesk-bench: load failed: %s\n", qPrintable(error.message));
        loop.quit();
    });
    QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
    trigger();
    loop.exec();
    return ok;
}

} // namespace

int SortFilterCase::run(const BenchOptions &options)
{
    BenchDatabase benchDb;
    QString error;
    if (!benchDb.prepare(options.databaseUrl, kResidents, &error)) {
        std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
        return 1;
    }
    Database database(DatabaseConfig::parse(benchDb.url()).value());
    DbExecutor executor(database);

    BenchStats time{name(), QStringLiteral("ms"), {}};
    for (int i = -1; i < options.runs; ++i) {   // run -1 is the warm-up
        ResidentsTableModel model(executor);
        if (!waitForFirstPage(model, [&model] { model.reload(); })) {
            std::fprintf(stderr, "residesk-bench: the first page did not load\n");
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        const bool loaded = waitForFirstPage(model, [&model] {
            model.sort(ResidentRepository::LastName, Qt::DescendingOrder);
            ListFilter filter = model.filter();
            filter.search = QStringLiteral("son");
            model.setFilter(filter);
        });
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!loaded) {
            std::fprintf(stderr, "residesk-bench: the sorted and filtered page did not load\n");
            return 1;
        }
        if (!options.json)
            std::fprintf(stderr, "%s %.1f ms (%d rows loaded, %lld match)\n", i < 0 ? "warm-up:" : "run:", ms,
                         model.rowCount(), static_cast<long long>(model.totalCount()));
        if (i >= 0)
            time.samples.append(ms);
    }
    executor.waitForDone();
    time.print(options.json);
    return 0;
}
