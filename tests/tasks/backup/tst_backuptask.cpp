// The backup jobs on a real engine and database: a backup job's file (without its own
// job row), one scheduled run fired from its recurring job (written, read back, the
// folder rotated) and a failed scheduled run that notifies the administrators.
#include "models/backup/databaserestore.h"
#include "models/db/sqlstatement.h"
#include "models/housing/demoseeder.h"
#include "tasks/backup/backuptasks.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "tasks/notificationstore.h"
#include "tasks/taskcatalog.h"
#include "tasks/taskregistry.h"
#include "tests/support/testdatabase.h"

#include <QDir>
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
} // namespace

class TestBackupTask : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    TaskRegistry m_registry = makeRegistry();
    QTemporaryDir m_dir;
    Actor m_actor = TestDatabase::actorFor(TestDatabase::Person::Admin, u"office"_s, Actor::Role::Admin);

    Job job(qint64 id)
    {
        const Result<Job> j = JobStore(m_t->db()).get(id);
        return j ? j.value() : Job{};
    }

    Job runToEnd(qint64 id)
    {
        JobEngineOptions o;
        o.concurrency = 1;
        o.pollIntervalMs = 100;
        o.runRecurring = false;
        o.backoffBaseMs = 60000;
        o.shutdownGraceMs = 5000;
        JobEngine engine(m_t->db(), m_registry, o);
        engine.start();
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(job(id).isFinished(), 120000);
        }();
        return job(id);
    }

    // Fires the scheduled backups' recurring job now, as the scheduler would.
    qint64 fireSchedule(const BackupTasks::Schedule &schedule)
    {
        if (!JobStore(m_t->db()).upsertRecurring(BackupTasks::recurringFor(schedule)))
            return 0;
        if (!SqlStatement::run(m_t->db(), u"UPDATE recurring_jobs SET next_run_at = 1 WHERE name = ?"_s,
                               {BackupTasks::scheduleName()}))
            return 0;
        const Result<int> fired = JobStore(m_t->db()).fireDueRecurring(m_actor);
        if (!fired || fired.value() != 1)
            return 0;
        SqlStatement last(m_t->db(), u"SELECT last_job_id FROM recurring_jobs WHERE name = ?"_s);
        last.bind(BackupTasks::scheduleName());
        return last.exec() && last.next() ? last.value(0).toLongLong() : 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        QVERIFY(DemoSeeder(m_t->db(), m_actor).seed({.residents = 50, .seed = 2}));
    }
    void cleanupTestCase() { m_t.reset(); }

    void backupJobWritesTheFile()
    {
        const QString path = m_dir.filePath(u"office.rdb"_s);
        const Result<EnqueueResult> queued = JobStore(m_t->db()).enqueue(BackupTasks::backupRequest(path), m_actor);
        QVERIFY(queued);
        const Job done = runToEnd(queued->id);
        QVERIFY2(done.state == JobState::Succeeded, qPrintable(done.error));
        QCOMPARE(done.result.value(u"path"_s).toString(), path);
        QCOMPARE(done.progressDone, done.result.value(u"rows"_s).toInteger());
        const Result<BackupManifest> read = DatabaseRestore::verify(path);
        QVERIFY2(read, qPrintable(read.error().message));
        for (const BackupTableEntry &t : read->tables) {
            if (t.name == u"residents")
                QCOMPARE(t.rows, 50);
            if (t.name == u"jobs") // its own row, "running" while it was written, is left out
                QCOMPARE(t.rows, 0);
        }
    }

    void scheduledRunVerifiesAndRotates()
    {
        const QString folder = m_dir.filePath(u"scheduled"_s);
        QVERIFY(QDir().mkpath(folder));
        const QStringList old{u"residesk-20200101-023000.rdb"_s, u"residesk-20200102-023000.rdb"_s,
                              u"residesk-20200103-023000.rdb"_s, u"notes.txt"_s};
        for (const QString &name : old) {
            QFile f(QDir(folder).filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("an older file");
        }
        BackupTasks::Schedule schedule;
        schedule.enabled = true;
        schedule.folder = folder;
        schedule.time = QTime(3, 15);
        schedule.keepDaily = 2;
        schedule.keepWeekly = 0;
        const qint64 id = fireSchedule(schedule);
        QVERIFY(id > 0);
        QCOMPARE(job(id).kind, BackupTasks::scheduledKind());
        const Job done = runToEnd(id);
        QVERIFY2(done.state == JobState::Succeeded, qPrintable(done.error));
        QVERIFY(done.result.value(u"verified"_s).toBool());
        const QString path = done.result.value(u"path"_s).toString();
        QVERIFY(QFileInfo(path).fileName().startsWith(u"residesk-"_s));
        QVERIFY(DatabaseRestore::verify(path));
        QStringList deleted;
        for (const QJsonValue &v : done.result.value(u"deleted"_s).toArray())
            deleted.append(v.toString());
        deleted.sort();
        QCOMPARE(deleted, (QStringList{u"residesk-20200101-023000.rdb"_s, u"residesk-20200102-023000.rdb"_s}));
        QStringList left = QDir(folder).entryList(QDir::Files);
        left.sort();
        QCOMPARE(left, (QStringList{u"notes.txt"_s, u"residesk-20200103-023000.rdb"_s, QFileInfo(path).fileName()}));
        // The settings read back from the recurring job.
        const Result<QList<RecurringJob>> all = JobStore(m_t->db()).recurring();
        QVERIFY(all);
        bool found = false;
        for (const RecurringJob &r : all.value()) {
            if (r.name != BackupTasks::scheduleName())
                continue;
            found = true;
            QCOMPARE(r.schedule, u"15 3 * * *"_s);
            const BackupTasks::Schedule back = BackupTasks::scheduleFrom(r);
            QCOMPARE(back.folder, folder);
            QCOMPARE(back.time, QTime(3, 15));
            QCOMPARE(back.keepDaily, 2);
            QCOMPARE(back.keepWeekly, 0);
        }
        QVERIFY(found);
    }

    void failedScheduledRunNotifiesTheAdministrators()
    {
        BackupTasks::Schedule schedule;
        schedule.enabled = true;
        schedule.folder = m_dir.filePath(u"gone"_s);
        const qint64 id = fireSchedule(schedule);
        QVERIFY(id > 0);
        const Job done = runToEnd(id);
        QCOMPARE(done.state, JobState::Failed);
        QVERIFY2(done.error.contains(schedule.folder), qPrintable(done.error));
        const Result<QList<Notification>> list = NotificationStore(m_t->db()).list(done.createdBy);
        QVERIFY(list);
        bool told = false;
        for (const Notification &n : list.value())
            told = told || (n.title == u"Scheduled backup failed"_s && n.jobId == id && n.body.contains(schedule.folder));
        QVERIFY2(told, "the administrator was not told of the failed backup");
    }
};

QTEST_GUILESS_MAIN(TestBackupTask)
#include "tst_backuptask.moc"
