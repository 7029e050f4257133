#pragma once

#include "tests/bench/benchcase.h"

#include <QStringList>

class Database;

// engine_throughput: N diag.noop jobs (2,000) run by 1, 2 and 4 `residesk worker
// --once --concurrency 4` child processes of the real binary on one database; jobs per
// second from the first claim to the last finish (the jobs' own started_at and
// finished_at, so process start-up is left out), median over --runs, one figure per
// process count ("engine_throughput.1proc" ... "engine_throughput.4proc", unit
// "jobs/s"). --processes picks the counts, --history N puts N finished jobs in the table
// first (kept across runs, removed at the end); also the workers' CPU time per job
// (".worker_cpu_per_job", "us", their start-up included). --worker-arg passes an argument to every
// worker (e.g. --no-listen), --worker-user the person they sign in as. Meant for PostgreSQL (--database
// postgresql://...); on the default temporary SQLite file the workers share one file lock.
class EngineThroughputCase
{
public:
    static QString name() { return QStringLiteral("engine_throughput"); }
    static QString description()
    {
        return QStringLiteral(
            "jobs/s of 20,000 (--jobs) diag.noop jobs run by 1, 2 and 4 (--processes) `residesk worker "
            "--once "
            "--concurrency 4` processes (--worker-arg=--concurrency=N): from the first job's start to the "
            "last "
            "one's end as the jobs table records them (queuing and worker start-up are outside)");
    }
    static int run(const BenchOptions &options);
};

// What the engine cases share.
namespace EngineBench {
// The `residesk` binary: RESIDESK_BINARY, else the one built with this benchmark.
QString residentBinary();
// The URL to use (options.databaseUrl, else a SQLite file in `dir`), migrated. Empty
// with `error` set on failure.
QString prepareDatabase(const BenchOptions &options, const QString &dir, QString *error);
// Puts `count` finished jobs (kind bench.history) in the jobs table, replacing earlier
// ones, and analyses it; false with `error` on failure.
bool fillHistory(Database &db, qint64 count, QString *error);
// Deletes every job (and the notifications of jobs); false with `error` on failure.
bool clearJobs(Database &db, QString *error);
// The URL the workers use: `url` with the user `user` (options.workerUser), or `url`
// when that is empty. Says on stderr which person the workers are and, when that is a
// superuser, that row-level security is skipped (the figures then flatter a real worker).
QString workerUrl(Database &db, const QString &url, const QString &user);
// User + system CPU seconds of getrusage(who): RUSAGE_SELF, or RUSAGE_CHILDREN (the
// reaped worker processes).
double rusageSeconds(int who);
} // namespace EngineBench
