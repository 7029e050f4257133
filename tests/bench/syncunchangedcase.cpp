#include "tests/bench/syncunchangedcase.h"

#include "models/db/database.h"
#include "models/db/migrator.h"
#include "models/db/sqlstatement.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "tasks/sync/synctasks.h"
#include "tasks/taskcatalog.h"
#include "tasks/taskregistry.h"
#include "tests/bench/benchstats.h"
#include "tests/bench/importresidentscase.h"
#include "tests/support/registrarserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
constexpr int kRows = 100000;

// Runs one residents.sync job of `url` to its end; the finished job, and the ms from
// the enqueue to the engine's jobFinished.
std::optional<Job> syncOnce(Database &db, JobEngine &engine, const QString &url, double *ms, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    const Result<EnqueueResult> queued = JobStore(db).enqueue(SyncTasks::residentsRequest(url), Actor::systemUser());
    if (!queued) {
        *error = queued.error().message;
        return std::nullopt;
    }
    QEventLoop loop;
    bool done = false;
    QObject::connect(&engine, &JobEngine::jobFinished, &loop, [&](qint64 id, JobState) {
        if (id == queued->id) {
            done = true;
            *ms = double(timer.nsecsElapsed()) / 1e6;
            loop.quit();
        }
    });
    QTimer::singleShot(600000, &loop, &QEventLoop::quit);
    engine.wake();
    loop.exec();
    if (!done) {
        *error = u"the job did not finish within 10 minutes"_s;
        return std::nullopt;
    }
    const Result<Job> job = JobStore(db).get(queued->id);
    if (!job) {
        *error = job.error().message;
        return std::nullopt;
    }
    if (job->state != JobState::Succeeded) {
        *error = job->error;
        return std::nullopt;
    }
    return job.value();
}
} // namespace

int SyncUnchangedCase::run(const BenchOptions &options)
{
    const auto fail = [](const QString &message) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(name()), qPrintable(message));
        return 1;
    };
    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(u"cannot make a temporary folder"_s);
    RegistrarServer server;
    if (!ImportBench::writeResidentsFile(server.filePath(u"residents.csv"_s), kRows))
        return fail(u"cannot write the CSV file"_s);
    QString error;
    if (!server.start(&error))
        return fail(error);
    const QString url = server.url(u"residents.csv"_s);

    const QString dbUrl =
        options.databaseUrl.isEmpty() ? u"sqlite://%1/sync.db"_s.arg(dir.path()) : options.databaseUrl;
    const Result<DatabaseConfig> config = DatabaseConfig::parse(dbUrl);
    if (!config)
        return fail(config.error().message);
    Database db(config.value());
    if (const Result<int> migrated = Migrator(db).migrate(); !migrated)
        return fail(migrated.error().text());
    for (const QString &sql : {u"DELETE FROM import_rejections"_s, u"DELETE FROM registrar_flags"_s,
                               u"DELETE FROM registrar_sync_state"_s, u"DELETE FROM residents"_s}) {
        if (const VoidResult r = SqlStatement::run(db, sql); !r)
            return fail(r.error().message);
    }

    TaskRegistry registry;
    TaskCatalog::registerAll(registry);
    JobEngineOptions engineOptions;
    engineOptions.concurrency = 1;
    engineOptions.runRecurring = false;
    engineOptions.pollIntervalMs = 1000;
    JobEngine engine(db, registry, engineOptions);
    engine.start();

    double ms = 0;
    const std::optional<Job> first = syncOnce(db, engine, url, &ms, &error);
    if (!first)
        return fail(error);
    if (first->result.value(u"created"_s).toInteger() != kRows)
        return fail(u"the first sync created %1 residents, expected %2 (is the database empty?)"_s
                        .arg(first->result.value(u"created"_s).toInteger())
                        .arg(kRows));
    if (!options.json)
        std::printf("%s first sync (applies the file, not timed): %.0f ms\n", qPrintable(name()), ms);

    BenchStats stats{name(), u"ms"_s, {}};
    for (int run = 0; run <= options.runs; ++run) { // run 0 warms up
        const std::optional<Job> again = syncOnce(db, engine, url, &ms, &error);
        if (!again)
            return fail(error);
        if (!again->result.value(u"not_modified"_s).toBool())
            return fail(u"the second sync of the same file was not \"not modified\""_s);
        if (run > 0)
            stats.samples.append(ms);
        if (!options.json)
            std::printf("%s run %d: %.1f ms%s\n", qPrintable(name()), run, ms, run == 0 ? " (warm-up)" : "");
    }
    engine.stop();
    stats.print(options.json);
    return 0;
}
