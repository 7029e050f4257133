#pragma once

#include "tests/bench/benchcase.h"

// lab_bulk_transition_10k: in process, 10,000 demo protocols (seeded once, with their
// work orders and draft reports) are marked as received the way a bulk job does it:
// ProtocolRepository::transitionMany in chunks of 500 ids, one transaction per chunk,
// audit entries included. Each run starts from all protocols submitted (reset outside
// the timing) and is timed from the first chunk to the last commit.
class LabBulkTransitionCase
{
public:
    static QString name() { return QStringLiteral("lab_bulk_transition_10k"); }
    static QString description()
    {
        return QStringLiteral("ms to mark 10,000 protocols as received in chunks of 500 (audit included)");
    }
    static int run(const BenchOptions &options);
};
