#pragma once

#include "tests/bench/benchcase.h"

#include <QString>

// import_1m_peak_rss: `residesk import residents` of a generated 1,000,000-row CSV as a
// child process of the real binary; its peak resident set size from wait4()'s rusage
// (unit MiB; target <= 150). Each run starts with an empty residents table (a new
// SQLite file, or the residents deleted on --database postgresql://…). The wall time
// is printed alongside.
class ImportPeakRssCase
{
public:
    static QString name() { return QStringLiteral("import_1m_peak_rss"); }
    static QString description()
    {
        return QStringLiteral("MiB peak RSS of `residesk import residents` on a 1,000,000-row CSV");
    }
    static int run(const BenchOptions &options);
};
