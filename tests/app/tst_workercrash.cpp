// Workers as separate processes on one database: a worker killed (SIGKILL) in the
// middle of a checkpointed job, and (PostgreSQL) two workers sharing a queue.
#include "models/core/actor.h"
#include "models/db/database.h"
#include "models/db/migrator.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "tasks/job.h"
#include "tasks/jobstore.h"
#include "tests/app/clirunner.h"
#include "tests/support/testdatabase.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using CliRunner::Run;

namespace {
JobRequest noopRequest()
{
    JobRequest request;
    request.kind = u"diag.noop"_s;
    return request;
}

// demo.seed commits residents in checkpointed chunks of kChunk; the first worker is
// held halfway (see killedWorkerIsResumedOnce).
constexpr int kResidents = 20000;
constexpr int kChunk = 500;
} // namespace

class TestWorkerCrash : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;

    Job job(qint64 id)
    {
        const Result<Job> j = JobStore(m_t->db()).get(id);
        return j ? j.value() : Job{};
    }

    // The first column of the first row of `sql`, or -1.
    qint64 scalar(const QString &sql, const QVariantList &values = {})
    {
        const Result<QSqlDatabase> connection = m_t->db().connection();
        if (!connection)
            return -1;
        QSqlQuery query(connection.value());
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec() || !query.next()) {
            qWarning("%s failed", qPrintable(sql));
            return -1;
        }
        return query.value(0).toLongLong();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!CliRunner::binary().isEmpty(), "RESIDESK_BINARY is not set (run through ctest)");
        QVERIFY2(QFile::exists(CliRunner::binary()), qPrintable(CliRunner::binary()));
    }

    void init()
    {
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
    }

    void cleanup() { m_t.reset(); }

    void killedWorkerIsResumedOnce()
    {
        // Mid-job: the worker is held at resident 10,000 until it is killed, so that the
        // kill never races the job's end. PostgreSQL: another session adds that resident
        // and does not commit (the chunk from there waits for it, inside its statement;
        // the job cannot get past it). SQLite has no such lock: the job stops before that
        // chunk by itself (demo.seed's diagnostic hold) until the file `release` exists,
        // which the test creates only after the kill, for the worker that takes over.
        constexpr int kHeldResident = 10000;
        static_assert(kHeldResident % kChunk == 0 && kHeldResident < kResidents);
        QTemporaryDir gateDir;
        QVERIFY(gateDir.isValid());
        const QString release = gateDir.filePath(u"release"_s);

        JobRequest request;
        request.kind = u"demo.seed"_s;
        request.payload = {{u"residents"_s, kResidents}, {u"seed"_s, 7}, {u"chunk"_s, kChunk}};
        if (!m_t->db().isPostgreSQL()) {
            request.payload.insert(u"hold_at"_s, kHeldResident);
            request.payload.insert(u"hold_file"_s, release);
        }
        request.notifyCreator = true;
        const Result<EnqueueResult> queued = JobStore(m_t->db()).enqueue(request, Actor::systemUser());
        QVERIFY2(queued, qPrintable(queued.error().message));
        const qint64 id = queued->id;

        std::unique_ptr<Database> other;
        std::unique_ptr<Transaction> hold;
        if (m_t->db().isPostgreSQL()) {
            other = m_t->openAnother();
            hold = std::make_unique<Transaction>(*other);
            QVERIFY(hold->ok());
            // The seeder's student ID of resident n is S followed by 10,000,000 + n.
            QVERIFY(SqlStatement::run(
                *other,
                u"INSERT INTO residents (student_id, first_name, last_name, email, created_by, updated_by) "
                "VALUES (?, 'Held', 'Back', 'held.back@example.edu', 'test', 'test')"_s,
                {u"S%1"_s.arg(10000000 + kHeldResident)}));
        }
        auto first = CliRunner::start({u"--database"_s, m_t->url(), u"worker"_s, u"--lease-seconds"_s, u"2"_s,
                                       u"--concurrency"_s, u"1"_s, u"--json"_s});
        QVERIFY2(first->waitForStarted(10000), qPrintable(first->errorString()));
        if (hold) {
            SqlStatement holder(*other, u"SELECT pg_backend_pid()"_s);
            QVERIFY(holder.exec() && holder.next());
            const qint64 holderPid = holder.value(0).toLongLong();
            QTRY_VERIFY_WITH_TIMEOUT(
                scalar(
                    u"SELECT COUNT(*) FROM pg_locks WHERE NOT granted AND ? = ANY(pg_blocking_pids(pid))"_s,
                    {holderPid}) > 0,
                60000);
        } else {
            // Everything before the hold is checkpointed: the job stands at the hold.
            QTRY_VERIFY_WITH_TIMEOUT(job(id).checkpoint.value(u"residents"_s).toInt() == kHeldResident ||
                                         first->state() == QProcess::NotRunning,
                                     60000);
            QVERIFY2(first->state() == QProcess::Running, first->readAllStandardError().constData());
        }
        first->kill(); // SIGKILL: no release, no last words
        QVERIFY(first->waitForFinished(10000));
        hold.reset(); // rolls back: the held resident never existed
        if (other)
            other->closeThreadConnection();

        const Job orphan = job(id);
        QCOMPARE(orphan.state, JobState::Running);
        QCOMPARE(orphan.attempts, 1);
        QVERIFY(!orphan.leaseOwner.isEmpty());
        QVERIFY(orphan.leaseExpiresAt > 0);
        QVERIFY2(orphan.progressDone < orphan.progressTotal, "the job ended before the kill");
        const qint64 residentsAtKill = scalar(u"SELECT COUNT(*) FROM residents"_s);
        QCOMPARE(orphan.checkpoint.value(u"residents"_s).toInt(), kHeldResident);
        QCOMPARE(residentsAtKill, qint64(kHeldResident));
        {
            QFile file(release); // lets the next worker past the hold
            QVERIFY(file.open(QIODevice::WriteOnly));
        }

        // `--once` only takes what is runnable now: wait until the dead lease has expired.
        QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentMSecsSinceEpoch() > orphan.leaseExpiresAt + 100, 10000);
        const Run second =
            CliRunner::run({u"--database"_s, m_t->url(), u"worker"_s, u"--once"_s, u"--json"_s});
        QVERIFY2(second.exitCode == 0, second.err.constData());

        const Job done = job(id);
        QCOMPARE(done.state, JobState::Succeeded);
        QCOMPARE(done.attempts, 2);
        QCOMPARE(done.progressDone, done.progressTotal);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM residents"_s), qint64(kResidents));
        QCOMPARE(scalar(u"SELECT COUNT(DISTINCT student_id) FROM residents"_s), qint64(kResidents));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM notifications WHERE job_id = ?"_s, {id}), qint64(1));

        int succeededLines = 0;
        for (const QJsonObject &line : CliRunner::jsonLines(second.out)) {
            if (line.value(u"event"_s).toString() == u"job_finished"_s &&
                line.value(u"id"_s).toInteger() == id)
                succeededLines += line.value(u"state"_s).toString() == u"succeeded"_s;
        }
        QCOMPARE(succeededLines, 1);
    }

    // A job that ended waits for its batch to be recorded; a worker killed before that
    // leaves it running under a lease that expires. The next worker resumes it from its
    // checkpoint: it succeeds, and its side effects (residents, the creator's
    // notification) happened once.
    void finishedJobSurvivesAKillBeforeItIsRecorded()
    {
        constexpr int kSmall = 1000;
        JobRequest request;
        request.kind = u"demo.seed"_s;
        request.payload = {{u"residents"_s, kSmall}, {u"seed"_s, 3}, {u"chunk"_s, kChunk}};
        request.notifyCreator = true;
        const Result<EnqueueResult> queued = JobStore(m_t->db()).enqueue(request, Actor::systemUser());
        QVERIFY2(queued, qPrintable(queued.error().message));
        const qint64 id = queued->id;
        // Keeps the other runner busy, so the seed's completion waits for its batch.
        JobRequest sleeper;
        sleeper.kind = u"diag.sleep"_s;
        sleeper.payload = {{u"steps"_s, 100000}, {u"ms"_s, 20}};
        const Result<EnqueueResult> sleeping = JobStore(m_t->db()).enqueue(sleeper, Actor::systemUser());
        QVERIFY(sleeping);

        auto first =
            CliRunner::start({u"--database"_s, m_t->url(), u"worker"_s, u"--lease-seconds"_s, u"2"_s,
                              u"--concurrency"_s, u"2"_s, u"--batch-wait-ms"_s, u"600000"_s, u"--json"_s});
        QVERIFY2(first->waitForStarted(10000), qPrintable(first->errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(scalar(u"SELECT COUNT(*) FROM residents"_s) == kSmall ||
                                     first->state() == QProcess::NotRunning,
                                 60000);
        // The seed is done (its residents and checkpoint committed) but not recorded:
        // heartbeats keep it running under this worker's lease.
        QTest::qWait(2500); // longer than the lease: only heartbeats can have kept it
        const Job pending = job(id);
        QCOMPARE(pending.state, JobState::Running);
        QCOMPARE(pending.checkpoint.value(u"residents"_s).toInt(), kSmall);
        first->kill(); // SIGKILL before the batch is written
        QVERIFY(first->waitForFinished(10000));
        QVERIFY(JobStore(m_t->db()).requestCancel(sleeping->id));

        QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentMSecsSinceEpoch() > job(id).leaseExpiresAt + 100, 10000);
        const Run second =
            CliRunner::run({u"--database"_s, m_t->url(), u"worker"_s, u"--once"_s, u"--json"_s});
        QVERIFY2(second.exitCode == 0, second.err.constData());

        const Job done = job(id);
        QVERIFY2(done.state == JobState::Succeeded, second.out.constData());
        QCOMPARE(done.attempts, 2);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM residents"_s), qint64(kSmall));
        QCOMPARE(scalar(u"SELECT COUNT(DISTINCT student_id) FROM residents"_s), qint64(kSmall));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM notifications WHERE job_id = ?"_s, {id}), qint64(1));
        QCOMPARE(job(sleeping->id).state, JobState::Cancelled);
    }

    void twoWorkersClaimEachJobOnce()
    {
        if (!m_t->db().isPostgreSQL())
            QSKIP("concurrent workers need PostgreSQL (SKIP LOCKED); on SQLite one process runs an engine");
        constexpr int kJobs = 1000;
        {
            Transaction tx(m_t->db());
            QVERIFY(tx.ok());
            JobStore store(m_t->db());
            for (int i = 0; i < kJobs; ++i) {
                const Result<EnqueueResult> queued = store.enqueue(noopRequest(), Actor::systemUser());
                QVERIFY2(queued, qPrintable(queued.error().message));
            }
            QVERIFY(tx.commit());
        }

        // Both workers are held at their first claim by a lock on the table, so that both
        // get jobs: one started first could otherwise empty the queue before the other
        // begins, on a fast machine or a busy one.
        Transaction hold(m_t->db());
        QVERIFY(hold.ok());
        QVERIFY(SqlStatement::run(m_t->db(), u"LOCK TABLE jobs IN EXCLUSIVE MODE"_s));
        const QStringList args{u"--database"_s,    m_t->url(), u"worker"_s, u"--once"_s,
                               u"--concurrency"_s, u"4"_s,     u"--json"_s};
        auto a = CliRunner::start(args);
        auto b = CliRunner::start(args);
        QVERIFY(a->waitForStarted(10000));
        QVERIFY(b->waitForStarted(10000));
        // Before its first claim a worker touches the table on one connection only (its
        // control thread's, which claims first): two sessions waiting are both workers.
        // (pg_locks, not pg_stat_activity: that one is read once per transaction.)
        QTRY_COMPARE_WITH_TIMEOUT(scalar(u"SELECT COUNT(DISTINCT pid) FROM pg_locks WHERE NOT granted AND "
                                         "pg_backend_pid() = ANY(pg_blocking_pids(pid))"_s),
                                  qint64(2), 60000);
        QVERIFY(hold.commit());
        QVERIFY2(a->waitForFinished(120000), "worker a did not finish");
        QVERIFY2(b->waitForFinished(120000), "worker b did not finish");
        QCOMPARE(a->exitStatus(), QProcess::NormalExit);
        QCOMPARE(b->exitStatus(), QProcess::NormalExit);
        QVERIFY2(a->exitCode() == 0, a->readAllStandardError().constData());
        QVERIFY2(b->exitCode() == 0, b->readAllStandardError().constData());

        // Only the test's own kind: a worker installs the recurring jobs, and one of them (the
        // e-mail safety net, every 10 minutes) fires when the run crosses a period.
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM jobs WHERE kind = 'diag.noop' AND state = 'succeeded' "
                        "AND attempts = 1"_s),
                 qint64(kJobs));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM jobs WHERE kind = 'diag.noop'"_s), qint64(kJobs));

        // Which worker ran what: their --json lines (a finished row keeps no owner).
        QHash<QString, int> perWorker;
        QSet<qint64> ran;
        int finishedLines = 0;
        for (QProcess *worker : {a.get(), b.get()}) {
            for (const QJsonObject &line : CliRunner::jsonLines(worker->readAllStandardOutput())) {
                if (line.value(u"event"_s).toString() != u"job_finished"_s ||
                    line.value(u"kind"_s).toString() != u"diag.noop"_s)
                    continue;
                QCOMPARE(line.value(u"state"_s).toString(), u"succeeded"_s);
                ++finishedLines;
                ++perWorker[line.value(u"worker"_s).toString()];
                ran.insert(line.value(u"id"_s).toInteger());
            }
        }
        QCOMPARE(finishedLines, kJobs); // no job ran twice
        QCOMPARE(ran.size(), qsizetype(kJobs));
        QCOMPARE(perWorker.size(), qsizetype(2));
        qInfo("worker split: %s", qPrintable([&perWorker] {
                  QStringList parts;
                  for (auto it = perWorker.cbegin(); it != perWorker.cend(); ++it)
                      parts += u"%1 ran %2"_s.arg(it.key()).arg(it.value());
                  return parts.join(u", "_s);
              }()));
        for (const int count : std::as_const(perWorker))
            QVERIFY(count > 0);
    }

    void workerSurvivesDatabaseOutage()
    {
        if (!m_t->db().isPostgreSQL())
            QSKIP("an outage needs a database server; the SQLite file cannot go away");
        // A PostgreSQL server of this test's own, stopped and started again.
        const QString script = qEnvironmentVariable("RESIDESK_PGFIXTURE");
        QVERIFY2(QFile::exists(script), "RESIDESK_PGFIXTURE must name pgfixture.sh");
        QTemporaryDir parent(u"/tmp/residesk-worker-outage-XXXXXX"_s);
        QVERIFY(parent.isValid());
        QFile::setPermissions(parent.path(),
                              QFile::permissions(parent.path()) | QFile::ExeOther | QFile::ReadOther);
        const QString dir = parent.filePath(u"pg"_s);
        const auto fixture = [&script, &dir](const QString &action) {
            QProcess p;
            p.setProcessChannelMode(QProcess::ForwardedChannels);
            p.start(script, {action, dir});
            return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        };
        QVERIFY2(fixture(u"start"_s), "could not start a PostgreSQL server for the outage test");
        const auto stopServer = qScopeGuard([&fixture] { fixture(u"stop"_s); });
        QFile urlFile(dir + u"/url"_s);
        QVERIFY(urlFile.open(QIODevice::ReadOnly));
        const QString url = QString::fromUtf8(urlFile.readAll()).trimmed();
        Database db(DatabaseConfig::parse(url).value());
        QVERIFY(Migrator(db).migrate());
        const auto state = [&db](qint64 id) {
            const Result<Job> j = JobStore(db).get(id);
            return j ? j->state : JobState::Running;
        };

        auto worker =
            CliRunner::start({u"--database"_s, url, u"worker"_s, u"--json"_s, u"--concurrency"_s, u"1"_s});
        QVERIFY(worker->waitForStarted(10000));
        const Result<EnqueueResult> before = JobStore(db).enqueue(noopRequest(), Actor::systemUser());
        QVERIFY(before);
        QTRY_COMPARE_WITH_TIMEOUT(state(before->id), JobState::Succeeded, 30000);

        QByteArray out;
        QVERIFY(fixture(u"pause"_s));
        QTRY_VERIFY_WITH_TIMEOUT((out += worker->readAllStandardOutput()).contains("\"database_problem\""),
                                 30000);
        QVERIFY2(worker->state() == QProcess::Running,
                 qPrintable(u"the worker died (%1, exit code %2): %3"_s
                                .arg(worker->exitStatus() == QProcess::CrashExit ? u"crashed"_s : u"exited"_s)
                                .arg(worker->exitCode())
                                .arg(QString::fromUtf8(worker->readAllStandardError()).trimmed())));
        QVERIFY(fixture(u"resume"_s));

        // Back: new work runs without a restart.
        Result<EnqueueResult> after;
        QTRY_VERIFY_WITH_TIMEOUT((after = JobStore(db).enqueue(noopRequest(), Actor::systemUser())).ok(),
                                 30000);
        QTRY_COMPARE_WITH_TIMEOUT(state(after->id), JobState::Succeeded, 30000);
        QTRY_VERIFY_WITH_TIMEOUT((out += worker->readAllStandardOutput()).contains("\"database_restored\""),
                                 30000);
        QVERIFY2(worker->state() == QProcess::Running,
                 qPrintable(u"the worker died (%1, exit code %2): %3"_s
                                .arg(worker->exitStatus() == QProcess::CrashExit ? u"crashed"_s : u"exited"_s)
                                .arg(worker->exitCode())
                                .arg(QString::fromUtf8(worker->readAllStandardError()).trimmed())));

        worker->terminate();
        QVERIFY(worker->waitForFinished(15000));
        QCOMPARE(worker->exitStatus(), QProcess::NormalExit);
        QCOMPARE(worker->exitCode(), 0);
        out += worker->readAllStandardOutput();
        int problems = 0;
        int restorations = 0;
        for (const QJsonObject &line : CliRunner::jsonLines(out)) {
            problems += line.value(u"event"_s).toString() == u"database_problem"_s;
            restorations += line.value(u"event"_s).toString() == u"database_restored"_s;
        }
        QCOMPARE(problems, 1); // reported once, not on every retry
        QCOMPARE(restorations, 1);
    }
};

QTEST_GUILESS_MAIN(TestWorkerCrash)
#include "tst_workercrash.moc"
