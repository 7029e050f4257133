#pragma once

#include "tests/bench/benchcase.h"

#include <QString>

// sync_100k_unchanged: a second sync of the same 100,000-row registrar export, as the
// recurring residents.sync job runs it: enqueue, claim by an engine in this process,
// the conditional request to a local HTTP server (tests/support/registrarserver.py)
// answered 304, the job's result written. Unit ms, from the enqueue to the job's
// finished signal; target <= 200 ms. The first sync (not timed) applies the file.
class SyncUnchangedCase
{
public:
    static QString name() { return QStringLiteral("sync_100k_unchanged"); }
    static QString description()
    {
        return QStringLiteral("ms for a residents.sync job of an unchanged 100,000-row export (304), "
                              "enqueue to finished");
    }
    static int run(const BenchOptions &options);
};
