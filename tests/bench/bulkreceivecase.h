#pragma once

#include "tests/bench/benchcase.h"

// bulk_receive_50, bulk_receive_1000, bulk_receive_10000: the whole protocols.transition
// job that marks every submitted protocol of one client as received, in process: the
// enqueue with its frozen selection, the claim, the task (state and version, one audit
// entry, one outbox e-mail and one item outcome per protocol, a checkpoint per chunk)
// and the finish with the creator's notification. Protocols are seeded once per
// database (fixture SQL, clients "Bench 50/1000/10000"); each run starts from all of
// them submitted and no bulk, audit, outbox or job rows (reset outside the timing).
// RESIDESK_BENCH_CHUNK overrides the job's chunk size (default: the job's own).
// RESIDESK_BENCH_AUDIT=both (PostgreSQL, as a superuser or the owner) makes each run
// twice, in turns with and without the audit triggers of protocols, and prints the
// medians of both and the audit's overhead.
class BulkReceiveCase
{
public:
    static QString name(int count) { return QStringLiteral("bulk_receive_%1").arg(count); }
    static QString description(int count)
    {
        return QStringLiteral("ms for the whole job marking %1 protocols as received (audit, e-mails, items)")
            .arg(count);
    }
    static int run(int count, const BenchOptions &options);
    static int run50(const BenchOptions &options) { return run(50, options); }
    static int run1000(const BenchOptions &options) { return run(1000, options); }
    static int run10000(const BenchOptions &options) { return run(10000, options); }
};
