#include "tests/bench/enginethroughputcase.h"

#include "models/core/actor.h"
#include "models/db/database.h"
#include "models/db/migrator.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "tasks/jobstore.h"
#include "tests/bench/benchstats.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

#include <sys/resource.h>

#include <cstdio>
#include <memory>
#include <vector>

#ifndef RESIDESK_BENCH_BINARY
#error "RESIDESK_BENCH_BINARY must be defined by the build ($<TARGET_FILE:residesk>)"
#endif

using namespace Qt::StringLiterals;

namespace {

constexpr int kDefaultJobs = 20000;
constexpr int kConcurrency = 4;
constexpr int kTimeoutMs = 300000;
const QList<int> kProcessCounts{1, 2, 4};

struct Sample
{
    double jobsPerSecond = -1;
    double wallMs = -1;
    double workerCpuUsPerJob = -1; // the worker processes' user + system time
};

// `db` cleans up; `queue` (the workers' person, so that they run their own jobs) queues.
Sample runOnce(Database &db, Database &queue, const QString &workersUrl, int jobs, int processes,
               const QStringList &workerArgs, QString *error)
{
    // The history (--history) stays; the last run's jobs go.
    for (const QString &sql : {u"DELETE FROM notifications WHERE job_id IS NOT NULL"_s,
                               u"DELETE FROM jobs WHERE kind <> 'bench.history'"_s}) {
        if (const VoidResult r = SqlStatement::run(db, sql); !r) {
            *error = r.error().message;
            return {};
        }
    }
    // The last run's dead rows go too (autovacuum would see to it within a minute):
    // each run starts from the same table, not from one bloated by the runs before.
    if (db.isPostgreSQL()) {
        if (const VoidResult r = SqlStatement::run(db, u"VACUUM ANALYZE jobs"_s); !r) {
            *error = r.error().message;
            return {};
        }
    }
    {
        Transaction tx(queue);
        if (!tx.ok()) {
            *error = tx.error().message;
            return {};
        }
        JobStore store(queue);
        JobRequest request;
        request.kind = u"diag.noop"_s;
        for (int i = 0; i < jobs; ++i) {
            const Result<EnqueueResult> queued = store.enqueue(request, Actor::systemUser());
            if (!queued) {
                *error = queued.error().message;
                return {};
            }
        }
        if (const VoidResult committed = tx.commit(); !committed) {
            *error = committed.error().message;
            return {};
        }
    }

    const double cpuBefore = EngineBench::rusageSeconds(RUSAGE_CHILDREN);
    QElapsedTimer wall;
    wall.start();
    std::vector<std::unique_ptr<QProcess>> workers;
    for (int i = 0; i < processes; ++i) {
        auto worker = std::make_unique<QProcess>();
        worker->setStandardOutputFile(QProcess::nullDevice());
        worker->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        worker->start(EngineBench::residentBinary(),
                      QStringList{u"--database"_s, workersUrl, u"worker"_s, u"--once"_s, u"--kinds"_s,
                                  u"diag.noop"_s, u"--concurrency"_s, QString::number(kConcurrency)} +
                          workerArgs);
        workers.push_back(std::move(worker));
    }
    for (const auto &worker : workers) {
        if (!worker->waitForFinished(kTimeoutMs) || worker->exitStatus() != QProcess::NormalExit ||
            worker->exitCode() != 0) {
            *error =
                u"a worker failed (%1, exit code %2)"_s.arg(worker->errorString()).arg(worker->exitCode());
            for (const auto &w : workers) {
                w->kill();
                w->waitForFinished();
            }
            return {};
        }
    }
    const double wallMs = double(wall.nsecsElapsed()) / 1e6;
    const double workerCpuUsPerJob =
        (EngineBench::rusageSeconds(RUSAGE_CHILDREN) - cpuBefore) * 1e6 / double(jobs);

    SqlStatement st(db, u"SELECT COUNT(*), MIN(started_at), MAX(finished_at) FROM jobs "
                        "WHERE state = 'succeeded' AND kind = 'diag.noop'"_s);
    if (const VoidResult r = st.exec(); !r || !st.next()) {
        *error = r ? u"no result"_s : r.error().message;
        return {};
    }
    const qint64 succeeded = st.value(0).toLongLong();
    const qint64 spanMs = st.value(2).toLongLong() - st.value(1).toLongLong();
    if (succeeded != jobs) {
        *error = u"only %1 of %2 jobs succeeded"_s.arg(succeeded).arg(jobs);
        return {};
    }
    return {double(jobs) * 1000.0 / double(qMax<qint64>(1, spanMs)), wallMs, workerCpuUsPerJob};
}

} // namespace

QString EngineBench::residentBinary()
{
    const QString fromEnvironment = qEnvironmentVariable("RESIDESK_BINARY");
    return fromEnvironment.isEmpty() ? QStringLiteral(RESIDESK_BENCH_BINARY) : fromEnvironment;
}

QString EngineBench::prepareDatabase(const BenchOptions &options, const QString &dir, QString *error)
{
    const QString url = options.databaseUrl.isEmpty() ? u"sqlite://"_s + QDir(dir).filePath(u"engine.db"_s)
                                                      : options.databaseUrl;
    const Result<DatabaseConfig> config = DatabaseConfig::parse(url);
    if (!config) {
        *error = config.error().message;
        return {};
    }
    Database db(config.value());
    if (const Result<int> migrated = Migrator(db).migrate(); !migrated) {
        *error = migrated.error().message;
        return {};
    }
    return url;
}

bool EngineBench::fillHistory(Database &db, qint64 count, QString *error)
{
    const bool pg = db.isPostgreSQL();
    const QString rows = pg ? u"generate_series(1, CAST(? AS BIGINT)) AS n(i)"_s : u"n"_s;
    const QString sql =
        (pg ? QString() : u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "_s) +
        u"INSERT INTO jobs (kind, payload, state, attempts, run_after, result, created_by, created_at, "
        u"started_at, "
        "finished_at, updated_at) SELECT 'bench.history', '{}', 'succeeded', 1, ?, '{}', 'bench', ?, ?, ?, ? FROM "_s +
        rows;
    // Finished a day ago, spread over a second each: old history, as a busy year leaves it.
    const qint64 at = QDateTime::currentMSecsSinceEpoch() - 24 * 3600 * 1000;
    for (const QString &statement : {u"DELETE FROM jobs WHERE kind = 'bench.history'"_s, sql}) {
        // The count's placeholder comes first on SQLite (the WITH) and last on PostgreSQL.
        const QVariantList values = statement != sql ? QVariantList{}
                                    : pg             ? QVariantList{at, at, at, at, at, count}
                                                     : QVariantList{count, at, at, at, at, at};
        if (const VoidResult r = SqlStatement::run(db, statement, values); !r) {
            *error = r.error().message;
            return false;
        }
    }
    if (pg) {
        if (const VoidResult r = SqlStatement::run(db, u"VACUUM ANALYZE jobs"_s); !r) {
            *error = r.error().message;
            return false;
        }
    }
    return true;
}

bool EngineBench::clearJobs(Database &db, QString *error)
{
    for (const QString &sql :
         {u"DELETE FROM notifications WHERE job_id IS NOT NULL"_s, u"DELETE FROM jobs"_s}) {
        if (const VoidResult r = SqlStatement::run(db, sql); !r) {
            *error = r.error().message;
            return false;
        }
    }
    return true;
}

double EngineBench::rusageSeconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    const auto seconds = [](const timeval &t) {
        return double(t.tv_sec) + double(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

QString EngineBench::workerUrl(Database &db, const QString &url, const QString &user)
{
    if (!db.isPostgreSQL())
        return url;
    QUrl workers(url);
    if (!user.isEmpty())
        workers.setUserName(user);
    const QString person = workers.userName();
    SqlStatement st(db, u"SELECT rolsuper FROM pg_roles WHERE rolname = ?"_s);
    st.bind(person);
    const bool superuser = st.exec() && st.next() && st.value(0).toBool();
    std::fprintf(stderr, "workers sign in as %s%s\n", qPrintable(person),
                 superuser ? " (a superuser: row-level security is skipped; --worker-user NAME for a real "
                             "worker's figures)"
                           : "");
    return workers.toString();
}

int EngineThroughputCase::run(const BenchOptions &options)
{
    QTemporaryDir dir;
    QString error;
    const QString url = EngineBench::prepareDatabase(options, dir.path(), &error);
    if (url.isEmpty()) {
        std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
        return 1;
    }
    if (!QFile::exists(EngineBench::residentBinary())) {
        std::fprintf(stderr, "residesk-bench: no residesk binary at %s (build it, or set RESIDESK_BINARY)\n",
                     qPrintable(EngineBench::residentBinary()));
        return 1;
    }
    const Result<DatabaseConfig> config = DatabaseConfig::parse(url);
    Database db(config.value());
    if (db.config().isSQLite())
        std::fprintf(stderr, "note: SQLite (one writer at a time); use --database postgresql://... for the "
                             "figures that matter\n");

    if (options.history > 0) {
        QElapsedTimer filling;
        filling.start();
        if (!EngineBench::fillHistory(db, options.history, &error)) {
            std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
            return 1;
        }
        std::fprintf(stderr, "history: %lld finished jobs in the table (%.1f s to fill)\n",
                     static_cast<long long>(options.history), double(filling.elapsed()) / 1000.0);
    }
    const int jobs = options.jobs > 0 ? int(qMin<qint64>(options.jobs, 10000000)) : kDefaultJobs;
    // Runners per worker: kConcurrency unless a --worker-arg gives --concurrency=N (the
    // worker takes the last one given); named in the figures.
    int concurrency = kConcurrency;
    for (const QString &arg : options.workerArgs) {
        if (arg.startsWith(u"--concurrency="_s))
            concurrency = arg.mid(14).toInt();
    }
    const QString workersUrl = EngineBench::workerUrl(db, url, options.workerUser);
    std::unique_ptr<Database> workersDb;
    if (workersUrl != url) {
        const Result<DatabaseConfig> workersConfig = DatabaseConfig::parse(workersUrl);
        if (!workersConfig) {
            std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(workersConfig.error().message));
            return 1;
        }
        workersDb = std::make_unique<Database>(workersConfig.value());
    }
    QList<BenchStats> results;
    for (const int processes : options.processes.isEmpty() ? kProcessCounts : options.processes) {
        BenchStats stats{u"%1.%2proc%3%4"_s.arg(name())
                             .arg(processes)
                             .arg(concurrency == kConcurrency ? QString() : u".conc%1"_s.arg(concurrency))
                             .arg(options.history > 0 ? u".history%1"_s.arg(options.history) : QString()),
                         u"jobs/s"_s,
                         {}};
        BenchStats cpu{stats.caseName + u".worker_cpu_per_job"_s, u"us"_s, {}};
        for (int i = -1; i < options.runs; ++i) { // run -1 is the warm-up
            const Sample sample = runOnce(db, workersDb ? *workersDb : db, workersUrl, jobs, processes,
                                          options.workerArgs, &error);
            if (sample.jobsPerSecond < 0) {
                std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
                return 1;
            }
            if (!options.json)
                std::fprintf(stderr,
                             "%d process(es) %s %.0f jobs/s (%d jobs, wall %.0f ms with start-up; workers' "
                             "CPU %.0f us a job with start-up)\n",
                             processes, i < 0 ? "warm-up:" : "run:", sample.jobsPerSecond, jobs,
                             sample.wallMs, sample.workerCpuUsPerJob);
            if (i >= 0) {
                stats.samples.append(sample.jobsPerSecond);
                cpu.samples.append(sample.workerCpuUsPerJob);
            }
        }
        results.append(stats);
        results.append(cpu);
    }
    QString clearError;
    EngineBench::clearJobs(db, &clearError);
    for (const BenchStats &stats : std::as_const(results))
        stats.print(options.json);
    return 0;
}
