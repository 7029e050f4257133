#include "tests/bench/dashboardloadcase.h"

#include "models/db/connectionmonitor.h"
#include "models/db/database.h"
#include "models/db/dbexecutor.h"
#include "models/db/events.h"
#include "tasks/taskcatalog.h"
#include "tasks/taskregistry.h"
#include "tests/bench/benchdatabase.h"
#include "tests/bench/benchstats.h"
#include "tests/bench/housingbenchseed.h"
#include "tests/bench/threadtimes.h"
#include "ui/mainwindow.h"
#include "ui/pages/dashboardpage.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QListWidget>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
constexpr int kTimeoutMs = 60000;

struct Sample
{
    double fillMs = -1;
    double stallMs = 0;
    double showMs = 0;      // show() and start() themselves
    double stallCpuMs = 0;  // of the longest stall, the GUI thread's time on a CPU,
    double stallWaitMs = 0; // and waiting for a core (the rest it was blocked)
    int ticks = 0;
};

Sample runOnce(const QString &url, QString *error)
{
    Database database(DatabaseConfig::parse(url).value());
    DbExecutor executor(database);
    ConnectionMonitor monitor(executor);
    TaskRegistry tasks;
    TaskCatalog::registerAll(tasks);
    EventBus events(database);
    Sample sample;
    {
        MainWindow window({.executor = executor,
                           .monitor = monitor,
                           .events = events,
                           .engine = nullptr,
                           .tasks = tasks,
                           .actor = Actor::systemUser()});
        window.resize(1366, 768);
        window.setRights({true, true, true});
        QEventLoop loop;
        QElapsedTimer clock;
        qint64 lastTick = 0;
        qint64 maxGap = 0;
        ThreadTimes last;
        ThreadTimes maxGapTimes;
        QTimer ticker;
        ticker.setTimerType(Qt::PreciseTimer);
        ticker.setInterval(1);
        QObject::connect(&ticker, &QTimer::timeout, &loop, [&] {
            const qint64 now = clock.nsecsElapsed();
            const ThreadTimes times = ThreadTimes::now();
            if (now - lastTick > maxGap) {
                maxGap = now - lastTick;
                maxGapTimes = times - last;
            }
            lastTick = now;
            last = times;
            ++sample.ticks;
        });
        QObject::connect(window.dashboardPage(), &DashboardPage::allCardsFinished, &loop, [&] {
            sample.fillMs = double(clock.nsecsElapsed()) / 1e6;
            const qint64 now = clock.nsecsElapsed();
            if (now - lastTick > maxGap) {
                maxGap = now - lastTick;
                maxGapTimes = ThreadTimes::now() - last;
            }
            loop.quit();
        });
        bool failed = false;
        QObject::connect(window.dashboardPage(), &DashboardPage::cardFinished, &loop,
                         [&](const QString &key, bool ok) {
                             if (!ok && !failed) {
                                 failed = true;
                                 *error = u"card %1 failed"_s.arg(key);
                             }
                         });
        QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
        // The dashboard is the page shown (as for a housing office's first look).
        if (auto *sidebar = window.findChild<QListWidget *>(u"sidebar"_s))
            sidebar->setCurrentRow(0);
        clock.start();
        window.show();
        window.start();
        // show() and start() run before the loop does: their time counts in the fill time,
        // and is reported on its own; the stall is measured from here on.
        sample.showMs = double(clock.nsecsElapsed()) / 1e6;
        lastTick = clock.nsecsElapsed();
        last = ThreadTimes::now();
        ticker.start();
        loop.exec();
        sample.stallMs = double(maxGap) / 1e6;
        sample.stallCpuMs = double(maxGapTimes.cpuNs) / 1e6;
        sample.stallWaitMs = double(maxGapTimes.waitNs) / 1e6;
        if (failed || sample.fillMs < 0) {
            if (error->isEmpty())
                *error = u"the cards did not fill within %1 ms"_s.arg(kTimeoutMs);
            sample.fillMs = -1;
        }
        // Let what the window started (its pages' first loads) finish before it goes.
        executor.waitForDone();
    }
    executor.waitForDone();
    return sample;
}
} // namespace

int DashboardLoadCase::run(const BenchOptions &options)
{
    QLoggingCategory::setFilterRules(
        u"residesk.*.info=false\nresidesk.*.debug=false\nresidesk.*.warning=false"_s);
    BenchDatabase bench;
    QString error;
    if (!bench.prepare(options.databaseUrl, 100000, &error)) {
        std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
        return 1;
    }
    {
        Database db(DatabaseConfig::parse(bench.url()).value());
        if (!HousingBenchSeed::seed(db, 20000, 20000, QDate::currentDate().year(), &error)) {
            std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
            return 1;
        }
    }
    BenchStats fill{name(), u"ms"_s, {}};
    BenchStats stall{name() + u".stall"_s, u"ms"_s, {}};
    for (int i = -1; i < options.runs; ++i) { // run -1 is the warm-up
        const Sample s = runOnce(bench.url(), &error);
        if (s.fillMs < 0) {
            std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
            return 1;
        }
        if (!options.json)
            std::fprintf(
                stderr,
                "%s filled in %.1f ms (show() and start() %.1f ms), longest stall afterwards %.1f ms "
                "(%.1f ms of it on a CPU, %.1f ms waiting for one, the rest blocked; %d ticks)\n",
                i < 0 ? "warm-up:" : "run:", s.fillMs, s.showMs, s.stallMs, s.stallCpuMs, s.stallWaitMs,
                s.ticks);
        if (i >= 0) {
            fill.samples.append(s.fillMs);
            stall.samples.append(s.stallMs);
        }
    }
    stall.print(options.json);
    fill.print(options.json);
    return 0;
}
