#pragma once

#include "tests/bench/benchcase.h"

// residents_100k_first_window: time from starting `residesk-bench --child-first-window
// URL` (a full window on 100,000 residents: QApplication, Database, DbExecutor,
// ConnectionMonitor, MainWindow, migrate, start) to the residents page's first rows,
// and the child's resident memory (VmRSS) at that moment.
//
// Output: the RSS figures first ({"case": "residents_100k_first_window.rss",
// "unit": "MiB", ...}), then the time figures ({"case": "residents_100k_first_window",
// "unit": "ms", ...}) as the last line. Targets: <= 500 ms, <= 120 MiB.
class FirstWindowCase
{
public:
    static QString name() { return QStringLiteral("residents_100k_first_window"); }
    static int run(const BenchOptions &options);
    // The child side (hidden --child-first-window URL). Prints "ready rss_kib=N".
    static int child(int argc, char **argv, const QString &url);
};
