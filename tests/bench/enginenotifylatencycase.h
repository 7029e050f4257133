#pragma once

#include "tests/bench/benchcase.h"

// engine_notify_latency: a child `residesk worker` runs diag.sleep jobs (30 steps of
// 100 ms, so a progress event about every 100 ms); this process listens with an
// EventBus and measures, for each event of the job, receive time minus the event's
// "at" (the moment of the change, same machine clock). Per run (one job) the median
// and the 95th percentile; printed as "engine_notify_latency.p95" and, last,
// "engine_notify_latency" (medians), in ms, over --runs. Target: p95 <= 250 ms.
// Needs PostgreSQL (--database postgresql://...): on SQLite events do not leave the
// process that made them.
class EngineNotifyLatencyCase
{
public:
    static QString name() { return QStringLiteral("engine_notify_latency"); }
    static QString description()
    {
        return QStringLiteral("ms from a worker's job progress to its LISTEN/NOTIFY event here (PostgreSQL)");
    }
    static int run(const BenchOptions &options);
};
