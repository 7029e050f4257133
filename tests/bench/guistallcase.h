#pragma once

#include "tests/bench/benchcase.h"

// gui_max_stall: how long the main window's event loop stops while an administrator's
// desktop engine does what an administrator starts at once. Each run starts
// `residesk-bench --child-gui-stall …`: the window as the composition root builds it
// (QApplication, Database, DbExecutor, ConnectionMonitor, PdfCache, TaskRegistry with
// every task kind, EventBus, JobEngine with JobEngineOptions::desktop(), MainWindow,
// offscreen; the migration, the bus's start, the PDF renderer's warm-up, the engine's
// and the window's start) on the Protocols page, over the benchmark database (100,000
// demo residents). Once the window has settled (1 s after its residents loaded), the
// child queues, as the window's own actions do, in one go:
//   - a bulk receive of 10,000 submitted protocols (protocols.transition, everything
//     the Protocols page's filter matches);
//   - 100 report finalizations (report.finalize through ReportFinalizer, drafts of 20
//     results each);
//   - an import of a 100,000-row residents CSV (residents.import, new residents).
// Timed region: from just after those are queued until every one of those jobs has
// ended (or 170 s), the gaps between the ticks of a 1 ms precise timer on the GUI
// thread. Figures: the longest gap (ms; target <= 16 ms, one frame) and the 99th
// percentile of the gaps; each run also says how much of the longest gap the GUI
// thread spent on the CPU (little means it waited for a core: a loaded machine) and
// how long the work took. Before each run the parent resets the database (protocols
// back to submitted; jobs, bulk changes, notifications, outbox, audit trail and the
// imported residents deleted) and makes 100 fresh drafts; not timed.
// RESIDESK_STALL_SCALE (0 < s <= 1) scales the three counts down on a slow machine.
// RESIDESK_STALL_TRACE=1 makes the child name the events that took over 5 ms.
class GuiStallCase
{
public:
    static QString name() { return QStringLiteral("gui_max_stall"); }
    static QString description()
    {
        return QStringLiteral(
            "longest and p99 event-loop stall (ms) of the window on Protocols, from queuing "
            "to the end of its engine's bulk receive of 10,000 protocols, 100 report "
            "finalizations and 100,000-row residents import");
    }
    static int run(const BenchOptions &options);
    // The child side (hidden --child-gui-stall URL CSV CLIENT_ID REPORT_IDS). Prints
    // "stall_ms=X p99_ms=P ticks=N stall_cpu_ms=C gui_cpu_ms=G work_ms=W pending=K".
    static int child(int argc, char **argv);
};
