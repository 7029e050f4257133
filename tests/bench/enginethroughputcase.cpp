#include "tests/bench/enginethroughputcase.h"

#include "models/core/actor.h"
#include "models/db/database.h"
#include "models/db/migrator.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "tasks/jobstore.h"
#include "tests/bench/benchstats.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>
#include <vector>

#ifndef RESIDESK_BENCH_BINARY
#error "RESIDESK_BENCH_BINARY must be defined by the build ($<TARGET_FILE:residesk>)"
#endif

using namespace Qt::StringLiterals;

namespace {

constexpr int kJobs = 2000;
constexpr int kConcurrency = 4;
constexpr int kTimeoutMs = 300000;
const QList<int> kProcessCounts{1, 2, 4};

struct Sample
{
    double jobsPerSecond = -1;
    double wallMs = -1;
};

Sample runOnce(Database &db, const QString &url, int processes, QString *error)
{
    if (!EngineBench::clearJobs(db, error))
        return {};
    {
        Transaction tx(db);
        if (!tx.ok()) {
            *error = tx.error().message;
            return {};
        }
        JobStore store(db);
        JobRequest request;
        request.kind = u"diag.noop"_s;
        for (int i = 0; i < kJobs; ++i) {
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

    QElapsedTimer wall;
    wall.start();
    std::vector<std::unique_ptr<QProcess>> workers;
    for (int i = 0; i < processes; ++i) {
        auto worker = std::make_unique<QProcess>();
        worker->setStandardOutputFile(QProcess::nullDevice());
        worker->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        worker->start(EngineBench::residentBinary(),
                      {u"--database"_s, url, u"worker"_s, u"--once"_s, u"--kinds"_s, u"diag.noop"_s,
                       u"--concurrency"_s, QString::number(kConcurrency)});
        workers.push_back(std::move(worker));
    }
    for (const auto &worker : workers) {
        if (!worker->waitForFinished(kTimeoutMs) || worker->exitStatus() != QProcess::NormalExit
            || worker->exitCode() != 0) {
            *error = u"a worker failed (%1, exit code %2)"_s.arg(worker->errorString()).arg(worker->exitCode());
            for (const auto &w : workers) {
                w->kill();
                w->waitForFinished();
            }
            return {};
        }
    }
    const double wallMs = double(wall.nsecsElapsed()) / 1e6;

    SqlStatement st(db, u"SELECT COUNT(*), MIN(started_at), MAX(finished_at) FROM jobs WHERE state = 'succeeded'"_s);
    if (const VoidResult r = st.exec(); !r || !st.next()) {
        *error = r ? u"no result"_s : r.error().message;
        return {};
    }
    const qint64 succeeded = st.value(0).toLongLong();
    const qint64 spanMs = st.value(2).toLongLong() - st.value(1).toLongLong();
    if (succeeded != kJobs) {
        *error = u"only %1 of %2 jobs succeeded"_s.arg(succeeded).arg(kJobs);
        return {};
    }
    return {double(kJobs) * 1000.0 / double(qMax<qint64>(1, spanMs)), wallMs};
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

bool EngineBench::clearJobs(Database &db, QString *error)
{
    for (const QString &sql : {u"DELETE FROM notifications WHERE job_id IS NOT NULL"_s, u"DELETE FROM jobs"_s}) {
        if (const VoidResult r = SqlStatement::run(db, sql); !r) {
            *error = r.error().message;
            return false;
        }
    }
    return true;
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

    QList<BenchStats> results;
    for (const int processes : kProcessCounts) {
        BenchStats stats{u"%1.%2proc"_s.arg(name()).arg(processes), u"jobs/s"_s, {}};
        for (int i = -1; i < options.runs; ++i) {   // run -1 is the warm-up
            const Sample sample = runOnce(db, url, processes, &error);
            if (sample.jobsPerSecond < 0) {
                std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
                return 1;
            }
            if (!options.json)
                std::fprintf(stderr, "%d process(es) %s %.0f jobs/s (%d jobs, wall %.0f ms with start-up)\n",
                             processes, i < 0 ? "warm-up:" : "run:", sample.jobsPerSecond, kJobs, sample.wallMs);
            if (i >= 0)
                stats.samples.append(sample.jobsPerSecond);
        }
        results.append(stats);
    }
    QString clearError;
    EngineBench::clearJobs(db, &clearError);
    for (const BenchStats &stats : std::as_const(results))
        stats.print(options.json);
    return 0;
}
