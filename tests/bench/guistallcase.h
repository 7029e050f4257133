#pragma once

#include "tests/bench/benchcase.h"

// gui_max_stall: the longest the main window's event loop stops while its own job
// engine runs a job mix. Each run starts `residesk-bench --child-gui-stall URL` (a
// full window on the benchmark database: QApplication, Database, DbExecutor,
// ConnectionMonitor, EventBus, JobEngine with 2 runners and the application's CPU
// pool, MainWindow, offscreen). Once the residents page shows and the window has
// settled (1 s), the child enqueues CPU-heavy, waiting and failing diagnostic jobs
// (notifying the window's user) and, for 4 s, measures the gaps between the ticks
// of a 1 ms precise timer. The figure is the longest gap (ms; target <= 16 ms, one
// frame); each run also reports how much of that gap the GUI thread spent on the
// CPU (little means it waited for a core: a loaded machine). Between runs the
// parent cancels what a run left queued, so every run starts from the same queue.
// RESIDESK_STALL_TRACE=1 makes the child name the events that took over 5 ms.
class GuiStallCase
{
public:
    static QString name() { return QStringLiteral("gui_max_stall"); }
    static QString description()
    {
        return QStringLiteral("longest event-loop stall (ms) of the window while its engine runs a job mix");
    }
    static int run(const BenchOptions &options);
    // The child side (hidden --child-gui-stall URL). Prints "stall_ms=X ticks=N stall_cpu_ms=C gui_cpu_ms=G".
    static int child(int argc, char **argv, const QString &url);
};
