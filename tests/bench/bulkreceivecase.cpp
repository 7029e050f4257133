#include "tests/bench/bulkreceivecase.h"

#include "models/core/actor.h"
#include "models/db/database.h"
#include "models/db/migrator.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/lab/protocolrepository.h"
#include "tasks/bulk/bulktasks.h"
#include "tasks/jobcontext.h"
#include "tasks/jobstore.h"
#include "tasks/taskcatalog.h"
#include "tasks/taskregistry.h"
#include "tests/bench/benchstats.h"
#include "tests/support/bulkfixtures.h"

#include <QCoroTask>
#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QThreadPool>

#include <cstdio>
#include <ctime>

namespace {

// CPU time of this process (all threads), ms: a figure the shared machine's load
// changes far less than wall time.
double processCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Time on a CPU and time waiting for one, in ms, of a local process (the PostgreSQL
// backend serving this connection) from /proc/PID/schedstat; {-1, -1} if unreadable.
QPair<double, double> schedMs(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/schedstat").arg(pid));
    if (pid <= 0 || !file.open(QIODevice::ReadOnly))
        return {-1, -1};
    const QList<QByteArray> parts = file.readAll().simplified().split(' ');
    if (parts.size() < 2)
        return {-1, -1};
    return {parts.at(0).toDouble() / 1e6, parts.at(1).toDouble() / 1e6};
}

qint64 backendPid(Database &db)
{
    if (!db.isPostgreSQL())
        return 0;
    SqlStatement st(db, QStringLiteral("SELECT pg_backend_pid() WHERE ? = 1"));
    st.bind(1);
    return st.exec() && st.next() ? st.value(0).toLongLong() : 0;
}

bool fail(const QString &message)
{
    std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(message));
    return false;
}

// The bench client for `count` protocols, seeded the first time.
qint64 benchClient(Database &db, int count)
{
    const QString name = QStringLiteral("Bench %1").arg(count);
    SqlStatement st(db, QStringLiteral("SELECT id FROM clients WHERE name = ?"));
    st.bind(name);
    if (st.exec() && st.next())
        return st.value(0).toLongLong();
    st.finish();
    const qint64 client = BulkFixtures::addClient(db, name, QStringLiteral("lab-bench@example.org"));
    if (client <= 0 || BulkFixtures::addProtocols(db, client, count).size() != count)
        return 0;
    return client;
}

// Everything back as before a run (the bench owns its database).
bool reset(Database &db, qint64 client)
{
    Transaction tx(db);
    if (auto r =
            SqlStatement::run(db,
                              QStringLiteral("UPDATE protocols SET state = 'submitted', received_at = NULL, "
                                             "version = 1 WHERE client_id = ? AND (state <> 'submitted' OR "
                                             "version <> 1)"),
                              {client});
        !r)
        return fail(r.error().detail);
    const QStringList statements{
        QStringLiteral("DELETE FROM bulk_jobs"),
        // The trail of the runs and of the reset above (the bench owns its database).
        // PostgreSQL keeps the trail in batches (migration 0031); audit_entries is their view.
        db.isPostgreSQL() ? QStringLiteral("DELETE FROM audit_batches")
                          : QStringLiteral("DELETE FROM audit_entries"),
        QStringLiteral("DELETE FROM outbox_emails"), QStringLiteral("DELETE FROM notifications"),
        QStringLiteral("DELETE FROM jobs")};
    for (const QString &sql : statements) {
        if (auto r = SqlStatement::run(db, sql); !r)
            return fail(r.error().detail);
    }
    if (auto r = tx.commit(); !r)
        return fail(r.error().detail);
    if (db.isPostgreSQL()) {
        for (const char *table : {"protocols", "bulk_jobs", "bulk_job_items", "audit_batches",
                                  "outbox_emails", "jobs", "notifications"})
            SqlStatement::run(db, QStringLiteral("VACUUM ANALYZE ") + QLatin1String(table));
    }
    return true;
}

// The audit triggers of protocols on or off (PostgreSQL; the bench's URL names a
// superuser or the owner): the same job without its audit trail, for the overhead.
bool setProtocolAudit(Database &db, bool on)
{
    for (const char *trigger :
         {"protocols_audit_insert", "protocols_audit_update", "protocols_audit_delete"}) {
        if (auto r = SqlStatement::run(db, QStringLiteral("ALTER TABLE protocols %1 TRIGGER %2")
                                               .arg(on ? QLatin1String("ENABLE") : QLatin1String("DISABLE"),
                                                    QLatin1String(trigger)));
            !r)
            return fail(r.error().detail);
    }
    return true;
}

} // namespace

int BulkReceiveCase::run(int count, const BenchOptions &options)
{
    QTemporaryDir dir;
    QString url = options.databaseUrl;
    if (url.isEmpty())
        url = QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("bench.db"));
    const Result<DatabaseConfig> config = DatabaseConfig::parse(url);
    if (!config)
        return fail(config.error().message), 1;
    Database db(config.value());
    if (const Result<int> migrated = Migrator(db).migrate(); !migrated)
        return fail(migrated.error().message), 1;
    const qint64 client = benchClient(db, count);
    if (client <= 0)
        return fail(QStringLiteral("cannot seed %1 protocols").arg(count)), 1;
    // RESIDESK_BENCH_AUDIT=both: each run twice, with the audit triggers of protocols and
    // without (in turns, so that the machine's drift falls on both), and the ratio.
    const bool withoutAudit = qEnvironmentVariable("RESIDESK_BENCH_AUDIT") == QLatin1String("both");
    if (withoutAudit && !db.isPostgreSQL())
        return fail(QStringLiteral("RESIDESK_BENCH_AUDIT=both needs PostgreSQL")), 1;
    if (withoutAudit && !setProtocolAudit(db, true))
        return 1;
    const auto auditBack = qScopeGuard([&] {
        if (withoutAudit)
            setProtocolAudit(db, true);
    });

    TaskRegistry registry;
    TaskCatalog::registerAll(registry);
    const TaskKind *kind = registry.find(BulkTasks::transitionKind());
    const Actor actor{QStringLiteral("bench"), Actor::Role::Admin};
    const QString owner = QStringLiteral("bench-worker");
    QThreadPool cpu;
    ProtocolFilter filter;
    filter.clientId = client;
    filter.state = Protocol::State::Submitted;
    const int chunk = qEnvironmentVariableIntValue("RESIDESK_BENCH_CHUNK");

    BenchStats time{name(count), QStringLiteral("ms"), {}};
    BenchStats clientCpu{name(count) + QStringLiteral(" client cpu"), QStringLiteral("ms"), {}};
    BenchStats serverCpu{name(count) + QStringLiteral(" server cpu"), QStringLiteral("ms"), {}};
    BenchStats bareTime{name(count) + QStringLiteral(" without audit"), QStringLiteral("ms"), {}};
    BenchStats bareServerCpu{
        name(count) + QStringLiteral(" without audit server cpu"), QStringLiteral("ms"), {}};
    const qint64 backend = backendPid(db);
    // One timed job; false after printing why it failed.
    const auto runOnce = [&](bool warmUp, bool audited) -> bool {
        if (!reset(db, client))
            return false;
        if (withoutAudit && !audited && !setProtocolAudit(db, false))
            return false;
        const double cpu0 = processCpuMs();
        const QPair<double, double> sched0 = schedMs(backend);
        QElapsedTimer timer;
        timer.start();
        JobRequest request = BulkTasks::transitionRequest(Protocol::State::Received, filter);
        if (chunk > 0)
            request.payload.insert(QStringLiteral("chunk"), chunk);
        const Result<BulkTasks::Queued> queued = BulkTasks::enqueueTransition(db, actor, request);
        if (!queued)
            return fail(queued.error().text());
        JobStore store(db);
        const Result<QList<Job>> claimed = store.claim(owner, {{kind->name, 1}}, 1, 60000);
        if (!claimed || claimed->size() != 1)
            return fail(QStringLiteral("the job was not claimed"));
        JobOutcome outcome;
        {
            JobContext ctx(db, JobClock::system(), cpu, claimed->constFirst(), owner);
            QCoro::Task<JobOutcome> task = kind->run(ctx);
            outcome = QCoro::waitFor(task);
            if (auto r = ctx.flushProgress(); !r)
                return fail(r.error().message);
        }
        const Result<Job> finished = store.finish(queued->jobId, owner, outcome);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        const double clientMs = processCpuMs() - cpu0;
        const QPair<double, double> sched1 = schedMs(backend);
        const double serverMs = sched0.first >= 0 && sched1.first >= 0 ? sched1.first - sched0.first : -1;
        const double serverWaitMs =
            sched0.first >= 0 && sched1.first >= 0 ? sched1.second - sched0.second : -1;
        if (withoutAudit && !audited && !setProtocolAudit(db, true))
            return false;
        if (!finished)
            return fail(finished.error().message);
        const qint64 changed = finished->result.value(QStringLiteral("changed")).toInteger();
        if (finished->state != JobState::Succeeded || changed != count)
            return fail(QStringLiteral("%1 of %2 protocols changed: %3")
                            .arg(changed)
                            .arg(count)
                            .arg(finished->error));
        if (!options.json)
            std::fprintf(
                stderr,
                "%s%s %.1f ms (%lld protocols); cpu: client %.1f ms, server %.1f ms (server waited %.1f ms "
                "for a cpu)\n",
                warmUp ? "warm-up:" : "run:", audited ? "" : " without audit", ms,
                static_cast<long long>(changed), clientMs, serverMs, serverWaitMs);
        if (!warmUp) {
            if (audited) {
                time.samples.append(ms);
                clientCpu.samples.append(clientMs);
                if (serverMs >= 0)
                    serverCpu.samples.append(serverMs);
            } else {
                bareTime.samples.append(ms);
                if (serverMs >= 0)
                    bareServerCpu.samples.append(serverMs);
            }
        }
        return true;
    };
    for (int i = -1; i < options.runs; ++i) { // run -1 is the warm-up
        const bool bareFirst = withoutAudit && (i + 1) % 2 == 1;
        if (bareFirst && !runOnce(i < 0, false))
            return 1;
        if (!runOnce(i < 0, true))
            return 1;
        if (withoutAudit && !bareFirst && !runOnce(i < 0, false))
            return 1;
    }
    // The CPU figures first: with --json the last line stays the wall-time figure.
    if (!options.json) {
        clientCpu.print(false);
        if (!serverCpu.samples.isEmpty())
            serverCpu.print(false);
        if (withoutAudit) {
            bareTime.print(false);
            if (!bareServerCpu.samples.isEmpty())
                bareServerCpu.print(false);
            // Each round runs both back to back: its own ratio leaves out whatever drifts
            // over a series (a checkpoint, the table's growth).
            BenchStats paired{QString(), QString(), {}};
            for (qsizetype r = 0; r < qMin(time.samples.size(), bareTime.samples.size()); ++r)
                paired.samples.append(time.samples.at(r) / bareTime.samples.at(r));
            std::printf("%s audit overhead: %+.1f %% (median with audit / median without - 1); %+.1f %% "
                        "(median of each round's with / without - 1)",
                        qPrintable(name(count)), (time.median() / bareTime.median() - 1) * 100,
                        (paired.median() - 1) * 100);
            if (!serverCpu.samples.isEmpty() && !bareServerCpu.samples.isEmpty())
                std::printf(", server cpu %+.1f %%", (serverCpu.median() / bareServerCpu.median() - 1) * 100);
            std::printf("\n");
        }
    }
    time.print(options.json);
    return 0;
}
