// The residents.import job on a real engine and database: result and rejected rows,
// idempotent re-runs, dry runs, files refused without retry, cancel between chunks.
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "tasks/import/importrejectionstore.h"
#include "tasks/import/importtasks.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "tasks/taskcatalog.h"
#include "tasks/taskregistry.h"
#include "tests/support/localeventgate.h"
#include "tests/support/testdatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
TaskRegistry makeRegistry()
{
    TaskRegistry registry;
    TaskCatalog::registerAll(registry);
    return registry;
}

QByteArray residentsFile(int rows, int rejectEvery)
{
    QByteArray file = "student_id,first_name,last_name,email,status\n";
    for (int i = 1; i <= rows; ++i) {
        const QByteArray n = QByteArray::number(i);
        file += rejectEvery > 0 && i % rejectEvery == 0
                    ? "S" + n + ",F" + n + ",L" + n + ",broken,active\n"
                    : "S" + n + ",F" + n + ",L" + n + ",s" + n + "@example.edu,active\n";
    }
    return file;
}
} // namespace

class TestImportTask : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    TaskRegistry m_registry = makeRegistry();
    QTemporaryDir m_dir;
    Actor m_actor{u"housing"_s, Actor::Role::Admin};

    QString write(const QByteArray &bytes, const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(bytes);
        return path;
    }

    qint64 enqueue(const QString &path, bool dryRun, int chunk = 1000)
    {
        JobRequest request = ImportTasks::residentsRequest(path, dryRun);
        request.payload.insert(u"chunk"_s, chunk);
        const Result<EnqueueResult> queued = JobStore(m_t->db()).enqueue(request, m_actor);
        return queued ? queued->id : 0;
    }

    Job job(qint64 id)
    {
        const Result<Job> j = JobStore(m_t->db()).get(id);
        return j ? j.value() : Job{};
    }

    qint64 scalar(const QString &sql)
    {
        SqlStatement st(m_t->db(), sql);
        return st.exec() && st.next() ? st.value(0).toLongLong() : -1;
    }

    static JobEngineOptions options()
    {
        JobEngineOptions o;
        o.concurrency = 1;
        o.pollIntervalMs = 100;
        o.runRecurring = false;
        o.backoffBaseMs = 60000;
        o.shutdownGraceMs = 5000;
        return o;
    }

    Job runToEnd(qint64 id)
    {
        JobEngine engine(m_t->db(), m_registry, options());
        engine.start();
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(job(id).isFinished(), 120000);
        }();
        return job(id);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
    }
    void cleanupTestCase() { m_t.reset(); }
    void init()
    {
        for (const char *table : {"import_rejections", "notifications", "jobs", "residents"})
            QVERIFY(SqlStatement::run(m_t->db(), u"DELETE FROM "_s + QLatin1String(table)));
    }

    void importsAndReportsRejectedRows()
    {
        const QString path = write(residentsFile(2500, 50), u"a.csv"_s);
        const qint64 id = enqueue(path, false, 300);
        const Job done = runToEnd(id);
        QCOMPARE(done.state, JobState::Succeeded);
        QCOMPARE(done.result.value(u"created"_s).toInteger(), 2450);
        QCOMPARE(done.result.value(u"updated"_s).toInteger(), 0);
        QCOMPARE(done.result.value(u"rejected_count"_s).toInteger(), 50);
        QCOMPARE(done.result.value(u"rows"_s).toInteger(), 2500);
        const QJsonArray rejected = done.result.value(u"rejected"_s).toArray();
        QCOMPARE(rejected.size(), 50);
        QCOMPARE(rejected.at(0).toObject().value(u"line"_s).toInteger(), 51);
        QCOMPARE(rejected.at(0).toObject().value(u"reason"_s).toString(),
                 u"line 51: The e-mail address \"broken\" is not valid."_s);
        QCOMPARE(done.progressDone, 2500);
        QCOMPARE(done.progressTotal, 2500);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM residents"_s), 2450);
        QCOMPARE(ImportRejectionStore(m_t->db()).count(id).value(), 50);
        const Result<QList<ImportRejection>> page = ImportRejectionStore(m_t->db()).page(id, 51, 2);
        QVERIFY(page);
        QCOMPARE(page->size(), 2);
        QCOMPARE(page->at(0).line, 101);
        QCOMPARE(page->at(0).fields,
                 (QStringList{u"S100"_s, u"F100"_s, u"L100"_s, u"broken"_s, u"active"_s}));

        // The same file again: nothing created or updated.
        const Job again = runToEnd(enqueue(path, false, 300));
        QCOMPARE(again.state, JobState::Succeeded);
        QCOMPARE(again.result.value(u"created"_s).toInteger(), 0);
        QCOMPARE(again.result.value(u"updated"_s).toInteger(), 0);
        QCOMPARE(again.result.value(u"unchanged"_s).toInteger(), 2450);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM residents"_s), 2450);
    }

    void dryRunWritesNoResidents()
    {
        const QString path = write(residentsFile(700, 100), u"b.csv"_s);
        const Job done = runToEnd(enqueue(path, true, 200));
        QCOMPARE(done.state, JobState::Succeeded);
        QCOMPARE(done.result.value(u"created"_s).toInteger(), 693);
        QCOMPARE(done.result.value(u"rejected_count"_s).toInteger(), 7);
        QCOMPARE(done.result.value(u"dry_run"_s).toBool(), true);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM residents"_s), 0);
    }

    void fileThatIsNotCsvFailsWithoutRetry()
    {
        const QString path = write(QByteArray("\x7F"
                                              "ELF\x02\x01\x01\x00\x00",
                                              9),
                                   u"binary.csv"_s);
        const Job done = runToEnd(enqueue(path, false));
        QCOMPARE(done.state, JobState::Failed);
        QCOMPARE(done.attempts, 1);
        QCOMPARE(done.error,
                 path +
                     u": the file is not a CSV text file: it contains a NUL byte at byte 7 (binary data)"_s);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM residents"_s), 0);
    }

    void cancelKeepsCommittedChunks()
    {
        constexpr int kChunk = 50;
        const QString path = write(residentsFile(30000, 0), u"big.csv"_s);
        const qint64 id = enqueue(path, false, kChunk);
        JobEngine engine(m_t->db(), m_registry, options());
        // The cancel comes while the first chunk is done and the second not yet begun,
        // held there whatever the speed of the machine.
        if (m_t->db().isPostgreSQL()) {
            // A lock that lets the job read residents but not write them: once the job
            // waits for this session, its first chunk is past its cancel check.
            Transaction hold(m_t->db());
            QVERIFY(hold.ok());
            QVERIFY(SqlStatement::run(m_t->db(), u"LOCK TABLE residents IN SHARE MODE"_s));
            engine.start();
            // pg_locks is read afresh by every statement (pg_stat_activity once per transaction).
            const QString waitingForThisSession = u"SELECT COUNT(*) FROM pg_locks WHERE NOT granted AND "
                                                  "pg_backend_pid() = ANY(pg_blocking_pids(pid))"_s;
            QTRY_VERIFY_WITH_TIMEOUT(scalar(waitingForThisSession) > 0, 60000);
            QVERIFY(JobStore(m_t->db()).requestCancel(id));
            engine.cancelRunning(id);
            QVERIFY(hold.commit()); // the first chunk finishes; the second is not started
        } else {
            // No row locks: the job's runner thread is held where it announces the
            // residents of its first chunk, after that chunk committed and before the
            // job looks at its cancel flag again.
            LocalEventGate gate(m_t->db(), [](const QJsonObject &e) {
                return e.value(u"type"_s).toString() == u"records" &&
                       e.value(u"table"_s).toString() == u"residents";
            });
            engine.start();
            QTRY_VERIFY_WITH_TIMEOUT(gate.isParked() || job(id).isFinished(), 60000);
            QVERIFY(gate.isParked());
            QVERIFY(JobStore(m_t->db()).requestCancel(id));
            engine.cancelRunning(id);
            gate.open();
        }
        QTRY_VERIFY_WITH_TIMEOUT(job(id).isFinished(), 60000);
        const Job done = job(id);
        QCOMPARE(done.state, JobState::Cancelled);
        const qint64 committed =
            done.checkpoint.value(u"counts"_s).toObject().value(u"created"_s).toInteger();
        QCOMPARE(committed, kChunk);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM residents"_s), committed);
        QCOMPARE(done.checkpoint.value(u"rows"_s).toInteger(), committed);
    }
};

QTEST_GUILESS_MAIN(TestImportTask)
#include "tst_importtask.moc"
