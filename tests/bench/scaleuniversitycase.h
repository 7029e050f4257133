#pragma once

#include "tests/bench/benchcase.h"

// scale_university (issue 18 §2): one PostgreSQL server under a university's load.
//
// Set-up (not timed): migrate, seed 300 demo residents with their stays (for the
// reports), delete every job, queue --jobs jobs (default 100,000; created by the
// session user, so workers need no SET ROLE) in a fixed mix, one in twenty of each:
//   70 % diag.noop, 25 % diag.sleep (1 step of 10 ms; its progress 0 of 1 and 1 of 1),
//   5 % report.occupancy of this month (read rooms and stays, compute, PDF, CSV),
// then VACUUM ANALYZE. Then --listeners EventBus objects (default 200; one Database
// connection each, as 200 desktops would have, each on a listening thread of its own,
// their signals spread over 4 threads of this process) LISTEN, all before any job is
// released.
//
// Timed region: from starting --processes `residesk worker --once --concurrency 4
// --kinds diag.noop,diag.sleep,report.occupancy` child processes (default 4; start-up
// included) to the last terminal event of a queued job received by any listener.
//
// Figures (medians over the runs; one run unless --runs is given, and no warm-up run:
// a run is minutes long):
//   - claim rate: jobs / (last finished_at − first started_at), the jobs' own times;
//   - p50 and p99 latency from a job's progress to the event at a listener: for every
//     progress event (state running with a total, as the engine writes running jobs'
//     progress in one statement at most every 250 ms), receive time at each listener
//     (when its EventBus emits jobsChanged, once per NOTIFY) minus the event's "at" (the
//     worker's time of the change; for events the engine holds back and sends together,
//     of the first of them, so the wait counts; same machine clock), over all listeners;
//     target p99 <= 250 ms. The same
//     over every event of the workers (claims, progress, ends) is printed too;
//   - peak client connections of the server and the most active at once
//     (pg_stat_activity every 250 ms), with the breakdown at the peak;
//   - CPU, as cores (CPU seconds / wall seconds): the server's processes (/proc: the
//     postmaster's own and reaped children's time plus its live children's), the workers
//     (getrusage of the reaped children) and this process (the listeners), and this
//     process's CPU per job event received (µs; the figure least moved by other load).
// Checked (exit 1 otherwise): every job succeeded with attempts = 1; every listener saw
// each job start (state running without a total) exactly once and end exactly once.
//
// Needs PostgreSQL with max_connections for the listeners, the workers and some room
// (checked first, from SHOW max_connections), e.g. the test fixture started with
//   RESIDESK_PG_OPTIONS='-c max_connections=400 -c fsync=on -c synchronous_commit=on
//   -c full_page_writes=on' sh tests/support/pgfixture.sh start /tmp/pgscale
// The server's fsync and synchronous_commit are printed; they should be PostgreSQL's
// defaults (on), as on a real server.
class ScaleUniversityCase
{
public:
    static QString name() { return QStringLiteral("scale_university"); }
    static QString description()
    {
        return QStringLiteral(
            "jobs/s and progress-to-listener ms (p50, p99): timed from starting 4 `residesk worker --once` "
            "processes to the last listener receiving the last job's end, over 100,000 queued jobs (70% "
            "diag.noop, 25% 10 ms diag.sleep, 5% report.occupancy) with 200 EventBus listeners on their own "
            "connections (PostgreSQL)");
    }
    static int run(const BenchOptions &options);
};
