#pragma once

#include "tests/bench/benchcase.h"

// dashboard_load: a new window (its own Database, DbExecutor, event bus; offscreen) on
// 100,000 residents, 20,000 stays and 20,000 maintenance requests (HousingBenchSeed),
// every card shown (an administrator), the dashboard the page shown: the time from
// show() to the last card filled, and the longest gap between the ticks of a 1 ms
// precise timer on the GUI thread from the return of show() and start() (printed on
// their own) until then: the event loop's longest stall. Targets: <= 300 ms, <= 16 ms.
class DashboardLoadCase
{
public:
    static QString name() { return QStringLiteral("dashboard_load"); }
    static QString description()
    {
        return QStringLiteral("ms: window shown -> every dashboard card filled (100k residents, 20k stays, 20k "
                              "requests), and the longest event-loop stall meanwhile");
    }
    static int run(const BenchOptions &options);
};
