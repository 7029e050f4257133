#pragma once

#include "tests/bench/benchcase.h"

// residents_100k_first_window: the real application's start on 100,000 residents.
// Each run starts the built `residesk` binary (RESIDESK_BINARY overrides the path) as a
// person does, `residesk --database URL`, on the offscreen platform, with
// RESIDESK_STARTUP_PROBE set (app/gui/startupprobe.h). Timed: from just before the
// process is started (fork and exec included) to the moment the residents page has
// painted its first rows: everything GuiApplication::run does on the way (QApplication,
// translations, on PostgreSQL the sign-in without a dialog, Database, DbExecutor,
// ConnectionMonitor, PdfCache, TaskRegistry and TaskCatalog, EventBus, JobEngine,
// MainWindow, the migration and rights check, the bus's start, the PDF renderer's
// warm-up, the engine's start and the pages' first loads). Also the process's VmRSS at
// that moment and its peak (VmHWM). Settings, cache and data folders are a temporary
// folder of the run, shared by the warm-up and the measured runs (a returning user:
// the window remembers the residents page and its geometry).
//
// Output: ".rss" and ".peak_rss" (MiB) first, then the time (ms) as the last line.
// Targets: <= 500 ms, <= 120 MiB.
class FirstWindowCase
{
public:
    static QString name() { return QStringLiteral("residents_100k_first_window"); }
    static QString description()
    {
        return QStringLiteral("ms from starting the residesk binary (--database URL) to its residents page "
                              "painted with rows of 100,000; RSS then (MiB)");
    }
    static int run(const BenchOptions &options);
};
