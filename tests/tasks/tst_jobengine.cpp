#include "models/db/events.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/housing/demoseeder.h"
#include "models/lab/labdemoseeder.h"
#include "tasks/jobcontext.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "tasks/taskcatalog.h"
#include "tasks/taskregistry.h"
#include "tests/support/testdatabase.h"

#include <QCoroFuture>
#include <QCoroTask>
#include <QMutex>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <stdexcept>

using namespace Qt::StringLiterals;

namespace {

// Shared state of the test task kinds (they run on runner threads).
struct Probe
{
    QMutex mutex;
    QHash<qint64, int> attemptsSeen;
    std::atomic<int> running{0};
    std::atomic<int> maxRunning{0};
    QStringList order;
    // Per job id: where the task started, where its CPU work ran, where it resumed.
    QHash<qint64, Qt::HANDLE> taskThreads;
    QHash<qint64, Qt::HANDLE> cpuThreads;
    QHash<qint64, QThread::Priority> cpuPriorities;
    QHash<qint64, Qt::HANDLE> resumedThreads;

    void reset()
    {
        QMutexLocker lock(&mutex);
        attemptsSeen.clear();
        running = 0;
        maxRunning = 0;
        order.clear();
        taskThreads.clear();
        cpuThreads.clear();
        cpuPriorities.clear();
        resumedThreads.clear();
    }
};
Probe probe;

// Fails with a retryable error until attempt `succeedOn` (payload), then succeeds.
QCoro::Task<JobOutcome> flaky(JobContext &ctx)
{
    const int succeedOn = ctx.payload().value(u"succeedOn"_s).toInt(1000);
    {
        QMutexLocker lock(&probe.mutex);
        probe.attemptsSeen[ctx.id()] += 1;
    }
    if (ctx.attempt() < succeedOn)
        co_return JobOutcome::failure(u"attempt %1 failed"_s.arg(ctx.attempt()), true);
    co_return JobOutcome::success({{u"attempt"_s, ctx.attempt()}});
}

QCoro::Task<JobOutcome> thrower(JobContext &)
{
    throw std::runtime_error("boom");
    co_return JobOutcome::success();
}

// Records the order of runs and how many ran at once.
QCoro::Task<JobOutcome> gate(JobContext &ctx)
{
    const int now = ++probe.running;
    int seen = probe.maxRunning.load();
    while (now > seen && !probe.maxRunning.compare_exchange_weak(seen, now)) {
    }
    {
        QMutexLocker lock(&probe.mutex);
        probe.order << ctx.payload().value(u"name"_s).toString();
    }
    QCoro::Task<bool> sleeping = ctx.sleep(ctx.payload().value(u"ms"_s).toInt(100));
    co_await sleeping;
    --probe.running;
    co_return JobOutcome::success();
}

// Runs CPU work on the pool and records on which threads it ran and resumed.
QCoro::Task<JobOutcome> threads(JobContext &ctx)
{
    {
        QMutexLocker lock(&probe.mutex);
        probe.taskThreads.insert(ctx.id(), QThread::currentThreadId());
    }
    auto future = ctx.runCpu(
        [] { return std::pair(QThread::currentThreadId(), QThread::currentThread()->priority()); });
    const auto [cpu, priority] = co_await future;
    QMutexLocker lock(&probe.mutex);
    probe.cpuThreads.insert(ctx.id(), cpu);
    probe.cpuPriorities.insert(ctx.id(), priority);
    probe.resumedThreads.insert(ctx.id(), QThread::currentThreadId());
    co_return JobOutcome::success();
}

// Reports progress `steps` times (payload) as fast as it can, then succeeds.
QCoro::Task<JobOutcome> chatty(JobContext &ctx)
{
    const int steps = ctx.payload().value(u"steps"_s).toInt(1);
    for (int i = 1; i <= steps; ++i)
        ctx.setProgress(i, steps, u"step"_s);
    co_return JobOutcome::success();
}

// Asks for a job of payload "kind" with the unique key "key" (merged into one already
// queued or running), as the job's creator; its result names the job it got.
QCoro::Task<JobOutcome> keyed(JobContext &ctx)
{
    JobRequest request;
    request.kind = ctx.payload().value(u"kind"_s).toString();
    request.uniqueKey = ctx.payload().value(u"key"_s).toString();
    request.onDuplicate = JobRequest::OnDuplicate::Merge;
    const Result<EnqueueResult> queued = JobStore(ctx.database(), ctx.clock()).enqueue(request, ctx.actor());
    if (!queued)
        co_return JobOutcome::failure(queued.error().message, false);
    co_return JobOutcome::success({{u"id"_s, queued->id}, {u"merged"_s, queued->merged}});
}

// A JobRequest built step by step (GCC 12 warns about designated initializers that
// leave members to their defaults).
struct RequestBuilder : JobRequest
{
    RequestBuilder with_priority(int p) const
    {
        RequestBuilder r = *this;
        r.priority = p;
        return r;
    }
    RequestBuilder with_maxAttempts(int n) const
    {
        RequestBuilder r = *this;
        r.maxAttempts = n;
        return r;
    }
    RequestBuilder with_runAfter(qint64 ms) const
    {
        RequestBuilder r = *this;
        r.runAfter = ms;
        return r;
    }
};

// Steps for a diag.sleep job of 20 ms steps that a test stops, cancels or takes over
// once it has begun: 2,000 s, far beyond the test's own timeout, so the job cannot
// have ended on its own when the test acts, however slow the machine.
constexpr int kEndlessSteps = 100000;

RequestBuilder request(const QString &kind, const QJsonObject &payload)
{
    RequestBuilder r;
    r.kind = kind;
    r.payload = payload;
    return r;
}

TaskRegistry makeRegistry()
{
    TaskRegistry registry;
    TaskCatalog::registerAll(registry);
    registry.add({u"test.flaky"_s, u"Flaky"_s, 0, 5, &flaky});
    registry.add({u"test.flaky2"_s, u"Flaky, two attempts at most"_s, 0, 2, &flaky});
    registry.add({u"test.throw"_s, u"Throws"_s, 0, 1, &thrower});
    registry.add({u"test.gate"_s, u"Gate"_s, 0, 3, &gate});
    registry.add({u"test.gate1"_s, u"Gate, one at a time"_s, 1, 3, &gate});
    registry.add({u"test.threads"_s, u"Threads"_s, 0, 3, &threads});
    registry.add({u"test.chatty"_s, u"Chatty"_s, 0, 3, &chatty});
    registry.add({u"test.keyed"_s, u"Keyed"_s, 0, 1, &keyed});
    return registry;
}

qint64 count(Database &db, const QString &sql)
{
    SqlStatement st(db, sql);
    if (!st.exec() || !st.next())
        return -1;
    return st.value(0).toLongLong();
}

} // namespace

class TestJobEngine : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    TaskRegistry m_registry = makeRegistry();
    Actor m_alice{u"alice"_s, Actor::Role::Admin};

    qint64 enqueue(JobRequest request, const JobClock &clock = JobClock::system())
    {
        const Result<EnqueueResult> queued = JobStore(m_t->db(), clock).enqueue(request, m_alice);
        if (!queued) {
            qWarning() << queued.error().text();
            return 0;
        }
        return queued->id;
    }

    Job job(qint64 id)
    {
        const Result<Job> j = JobStore(m_t->db()).get(id);
        return j ? j.value() : Job{};
    }

    JobState state(qint64 id) { return job(id).state; }

    static JobEngineOptions fastOptions(int concurrency = 2)
    {
        JobEngineOptions options;
        options.concurrency = concurrency;
        options.pollIntervalMs = 100;
        options.leaseMs = 3000;
        options.backoffBaseMs = 60000;
        options.shutdownGraceMs = 5000;
        options.runRecurring = false;
        return options;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
    }
    void cleanupTestCase() { m_t.reset(); }

    void init()
    {
        QVERIFY(m_t);
        probe.reset();
        // The demo seed's stays and maintenance rows before the residents, rooms and
        // buildings they hold on to.
        for (const char *table :
             {"notifications", "jobs", "recurring_jobs", "allocations", "maintenance_requests",
              "maintenance_plans", "maintenance_technicians", "rooms", "residents", "buildings"})
            QVERIFY(SqlStatement::run(m_t->db(), u"DELETE FROM "_s + QLatin1String(table)));
    }

    void backoffDelay_data()
    {
        QTest::addColumn<int>("attempt");
        QTest::addColumn<double>("jitter");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("first, no jitter") << 1 << 0.5 << qint64(2000);
        QTest::newRow("second doubles") << 2 << 0.5 << qint64(4000);
        QTest::newRow("third doubles again") << 3 << 0.5 << qint64(8000);
        QTest::newRow("lowest jitter is -20 %") << 3 << 0.0 << qint64(6400);
        QTest::newRow("highest jitter is +20 %") << 3 << 1.0 << qint64(9600);
        QTest::newRow("capped") << 20 << 0.5 << qint64(600000);
    }
    void backoffDelay()
    {
        QFETCH(int, attempt);
        QFETCH(double, jitter);
        QFETCH(qint64, expected);
        QCOMPARE(JobEngine::backoffDelay(attempt, 2000, 600000, jitter), expected);
    }

    void runsAJobAndRecordsItsResult()
    {
        const qint64 id = enqueue(request(u"diag.sleep"_s, {{u"steps"_s, 3}, {u"ms"_s, 20}}));
        QVERIFY(id > 0);
        JobEngine engine(m_t->db(), m_registry, fastOptions());
        QSignalSpy started(&engine, &JobEngine::jobStarted);
        QSignalSpy finished(&engine, &JobEngine::jobFinished);
        engine.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(started.size(), 1);
        QCOMPARE(finished.at(0).at(0).toLongLong(), id);
        QCOMPARE(finished.at(0).at(1).value<JobState>(), JobState::Succeeded);
        const Job done = job(id);
        QCOMPARE(done.state, JobState::Succeeded);
        QCOMPARE(done.attempts, 1);
        QCOMPARE(done.progressDone, 3);
        QCOMPARE(done.progressTotal, 3);
        QCOMPARE(done.result.value(u"steps"_s).toInt(), 3);
        QCOMPARE(done.result.value(u"worker"_s).toString(), engine.workerId());
        QVERIFY(done.finishedAt >= done.startedAt);
        QVERIFY(done.leaseOwner.isEmpty());
    }

    void retriesWithBackoffOnTheInjectedClock()
    {
        ManualClock clock(1'800'000'000'000);
        const qint64 id = enqueue(request(u"test.flaky"_s, {{u"succeedOn"_s, 3}}).with_maxAttempts(5), clock);
        JobEngine engine(m_t->db(), m_registry, fastOptions(), clock);
        QSignalSpy finished(&engine, &JobEngine::jobFinished);
        engine.start();

        // Attempt 1 fails: queued again, to run after 60 s ± 20 %.
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(finished.at(0).at(1).value<JobState>(), JobState::Queued);
        Job j = job(id);
        QCOMPARE(j.state, JobState::Queued);
        QCOMPARE(j.attempts, 1);
        QCOMPARE(j.error, u"attempt 1 failed"_s);
        QVERIFY2(j.runAfter >= clock.nowMs() + 48000 && j.runAfter <= clock.nowMs() + 72000,
                 qPrintable(QString::number(j.runAfter - clock.nowMs())));

        // Not before its time, however often the engine looks.
        for (int i = 0; i < 5; ++i) {
            engine.wake();
            QTest::qWait(50);
        }
        QCOMPARE(finished.size(), 1);
        QCOMPARE(job(id).attempts, 1);

        // Attempt 2 after the delay; its delay doubles (120 s ± 20 %).
        clock.set(j.runAfter);
        engine.wake();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        j = job(id);
        QCOMPARE(j.attempts, 2);
        QVERIFY2(j.runAfter >= clock.nowMs() + 96000 && j.runAfter <= clock.nowMs() + 144000,
                 qPrintable(QString::number(j.runAfter - clock.nowMs())));

        clock.set(j.runAfter);
        engine.wake();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 20000);
        j = job(id);
        QCOMPARE(j.state, JobState::Succeeded);
        QCOMPARE(j.attempts, 3);
        QCOMPARE(j.result.value(u"attempt"_s).toInt(), 3);
        QMutexLocker lock(&probe.mutex);
        QCOMPARE(probe.attemptsSeen.value(id), 3);
    }

    void stopsAtMaxAttempts_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("jobMaxAttempts");
        QTest::newRow("the job asks for 2") << u"test.flaky"_s << 2;
        QTest::newRow("its kind allows 2") << u"test.flaky2"_s << 5;
    }
    void stopsAtMaxAttempts()
    {
        QFETCH(QString, kind);
        QFETCH(int, jobMaxAttempts);
        ManualClock clock(1'800'000'000'000);
        const qint64 id = enqueue(request(kind, {}).with_maxAttempts(jobMaxAttempts), clock);
        JobEngine engine(m_t->db(), m_registry, fastOptions(), clock);
        QSignalSpy finished(&engine, &JobEngine::jobFinished);
        engine.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        clock.advance(10 * 60 * 1000);
        engine.wake();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        QCOMPARE(finished.at(1).at(1).value<JobState>(), JobState::Failed);
        const Job j = job(id);
        QCOMPARE(j.state, JobState::Failed);
        QCOMPARE(j.attempts, 2);
        QCOMPARE(j.error, u"attempt 2 failed"_s);
        // Nothing more runs, however late it gets.
        clock.advance(24 * 3600 * 1000);
        engine.wake();
        QTest::qWait(300);
        QCOMPARE(finished.size(), 2);
    }

    void nonRetryableFailureAndExceptionsFailAtOnce()
    {
        const qint64 failing = enqueue(request(u"diag.fail"_s, {{u"message"_s, u"disk full"_s}}));
        const qint64 throwing = enqueue(request(u"test.throw"_s, {}));
        const qint64 unknown = enqueue(request(u"no.such.kind"_s, {}));
        JobEngineOptions options = fastOptions();
        options.kinds = {u"diag.fail"_s, u"test.throw"_s, u"no.such.kind"_s};
        JobEngine engine(m_t->db(), m_registry, options);
        engine.start();
        QTRY_COMPARE_WITH_TIMEOUT(state(failing), JobState::Failed, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(state(throwing), JobState::Failed, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(state(unknown), JobState::Failed, 20000);
        QCOMPARE(job(failing).attempts, 1);
        QCOMPARE(job(failing).error, u"disk full"_s);
        QVERIFY2(job(throwing).error.contains(u"boom"_s), qPrintable(job(throwing).error));
        QCOMPARE(job(throwing).attempts, 1);
        QVERIFY2(job(unknown).error.contains(u"no.such.kind"_s), qPrintable(job(unknown).error));
    }

    void cancelsAQueuedJobAtOnce()
    {
        const qint64 id =
            enqueue(request(u"diag.noop"_s, {}).with_runAfter(JobClock::system().nowMs() + 3600000));
        const Result<JobState> after = JobStore(m_t->db()).requestCancel(id);
        QVERIFY2(after, qPrintable(after.error().text()));
        QCOMPARE(after.value(), JobState::Cancelled);
        JobEngine engine(m_t->db(), m_registry, fastOptions());
        QSignalSpy started(&engine, &JobEngine::jobStarted);
        engine.start();
        QTest::qWait(300);
        QCOMPARE(started.size(), 0);
        QCOMPARE(state(id), JobState::Cancelled);
        QVERIFY(job(id).error.isEmpty());
    }

    void cancelsARunningJobAtItsNextCheckpoint()
    {
        const qint64 id = enqueue(request(u"diag.sleep"_s, {{u"steps"_s, kEndlessSteps}, {u"ms"_s, 20}}));
        JobEngine engine(m_t->db(), m_registry, fastOptions());
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(job(id).progressDone >= 2, 20000);
        // As another desktop would: only the database is told; the heartbeat passes
        // the request on (lease 3 s → a heartbeat every second).
        const Result<JobState> after = JobStore(m_t->db()).requestCancel(id);
        QVERIFY(after);
        QCOMPARE(after.value(), JobState::Running);
        QTRY_COMPARE_WITH_TIMEOUT(state(id), JobState::Cancelled, 20000);
        const Job j = job(id);
        QVERIFY(j.error.isEmpty());
        QVERIFY(j.progressDone < kEndlessSteps);
        QCOMPARE(j.checkpoint.value(u"step"_s).toInt(), j.progressDone);
    }

    void stopReleasesRunningJobsWithoutSpendingAnAttempt()
    {
        const qint64 id = enqueue(request(u"diag.sleep"_s, {{u"steps"_s, kEndlessSteps}, {u"ms"_s, 20}}));
        {
            JobEngine engine(m_t->db(), m_registry, fastOptions());
            QSignalSpy stopped(&engine, &JobEngine::stopped);
            engine.start();
            QTRY_VERIFY_WITH_TIMEOUT(job(id).progressDone >= 2, 20000);
            engine.stop();
            QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 10000);
        }
        Job j = job(id);
        QCOMPARE(j.state, JobState::Queued);
        QCOMPARE(j.attempts, 0);
        QVERIFY(j.leaseOwner.isEmpty());
        const int resumedFrom = j.checkpoint.value(u"step"_s).toInt();
        QVERIFY(resumedFrom >= 2);

        // The next engine resumes from the checkpoint.
        JobEngine engine(m_t->db(), m_registry, fastOptions());
        QSignalSpy started(&engine, &JobEngine::jobStarted);
        engine.start();
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 20000);
        QVERIFY(JobStore(m_t->db()).requestCancel(id));
        engine.cancelRunning(id);
        QTRY_COMPARE_WITH_TIMEOUT(state(id), JobState::Cancelled, 20000);
        j = job(id);
        QCOMPARE(j.attempts, 1);
        QVERIFY(j.checkpoint.value(u"step"_s).toInt() >= resumedFrom);
    }

    void aJobWhoseLeaseIsLostStopsWithoutRecording()
    {
        const qint64 id = enqueue(request(u"diag.sleep"_s, {{u"steps"_s, kEndlessSteps}, {u"ms"_s, 20}}));
        JobEngine engine(m_t->db(), m_registry, fastOptions());
        QSignalSpy finished(&engine, &JobEngine::jobFinished);
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(job(id).progressDone >= 2, 20000);
        // Another worker took the job over (as after an expired lease).
        SqlStatement takeOver(m_t->db(), u"UPDATE jobs SET lease_owner = ? WHERE id = ?"_s);
        takeOver.bind(u"other-worker"_s).bind(id);
        QVERIFY(takeOver.exec());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(finished.at(0).at(1).value<JobState>(), JobState::Running);
        const Job j = job(id);
        QCOMPARE(j.state, JobState::Running);
        QCOMPARE(j.leaseOwner, u"other-worker"_s);
        QVERIFY(j.error.isEmpty());
    }

    void honoursPerKindLimitsAndPriorities()
    {
        for (int i = 0; i < 4; ++i)
            QVERIFY(enqueue(request(u"test.gate1"_s, {{u"name"_s, u"g%1"_s.arg(i)}, {u"ms"_s, 60}})));
        JobEngine engine(m_t->db(), m_registry, fastOptions(3));
        engine.start();
        QTRY_COMPARE_WITH_TIMEOUT(count(m_t->db(), u"SELECT COUNT(*) FROM jobs WHERE state = 'succeeded'"_s),
                                  4, 20000);
        QCOMPARE(probe.maxRunning.load(), 1);
        engine.stop();
        QTRY_VERIFY(!engine.isStarted());

        probe.reset();
        QVERIFY(SqlStatement::run(m_t->db(), u"DELETE FROM jobs"_s));
        const qint64 later = JobClock::system().nowMs();
        QVERIFY(enqueue(request(u"test.gate"_s, {{u"name"_s, u"low"_s}, {u"ms"_s, 1}})
                            .with_priority(0)
                            .with_runAfter(later)));
        QVERIFY(enqueue(request(u"test.gate"_s, {{u"name"_s, u"high"_s}, {u"ms"_s, 1}})
                            .with_priority(10)
                            .with_runAfter(later)));
        QVERIFY(enqueue(request(u"test.gate"_s, {{u"name"_s, u"middle"_s}, {u"ms"_s, 1}})
                            .with_priority(5)
                            .with_runAfter(later)));
        JobEngine single(m_t->db(), m_registry, fastOptions(1));
        single.start();
        QTRY_COMPARE_WITH_TIMEOUT(count(m_t->db(), u"SELECT COUNT(*) FROM jobs WHERE state = 'succeeded'"_s),
                                  3, 20000);
        QMutexLocker lock(&probe.mutex);
        QCOMPARE(probe.order, (QStringList{u"high"_s, u"middle"_s, u"low"_s}));
    }

    // 2,000 progress reports of a job reach a listener as a handful of events (the
    // engine writes progress with one event at most four times a second), and the last
    // value is written with the job's end.
    void progressReachesListenersCoalesced()
    {
        constexpr int steps = 2000;
        EventBus bus(m_t->db());
        QSignalSpy listening(&bus, &EventBus::listening);
        bus.start();
        if (m_t->db().isPostgreSQL())
            QTRY_COMPARE_WITH_TIMEOUT(listening.size(), 1, 10000);
        const qint64 id = enqueue(request(u"test.chatty"_s, {{u"steps"_s, steps}}));
        int progressEvents = 0;
        int endEvents = 0;
        connect(&bus, &EventBus::jobEvent, this, [&](const QJsonObject &event) {
            if (event.value(u"id"_s).toInteger() != id)
                return;
            const QString state = event.value(u"state"_s).toString();
            if (state == u"running"_s && event.value(u"done"_s).toInteger() > 0)
                ++progressEvents;
            if (state == u"succeeded"_s)
                ++endEvents;
        });
        JobEngine engine(m_t->db(), m_registry, fastOptions(1));
        engine.setEventBus(&bus);
        engine.start();
        QTRY_COMPARE_WITH_TIMEOUT(endEvents, 1, 20000);
        QTest::qWait(300); // a late progress event would arrive by now
        QVERIFY2(progressEvents <= 20, qPrintable(QString::number(progressEvents)));
        const Job done = job(id);
        QCOMPARE(done.state, JobState::Succeeded);
        QCOMPARE(done.progressDone, steps);
        QCOMPARE(done.progressTotal, steps);
        QCOMPARE(done.progressMessage, u"step"_s);
    }

    // An engine with eight runners claims eight short jobs, runs each once and records
    // them (in batches) with every guarantee of a single job: state, attempts, lease.
    void runsBatchesOfJobsEachOnce()
    {
        constexpr int jobs = 40;
        for (int i = 0; i < jobs; ++i)
            QVERIFY(enqueue(request(u"test.gate"_s, {{u"name"_s, u"j%1"_s.arg(i)}, {u"ms"_s, 1}})));
        JobEngine engine(m_t->db(), m_registry, fastOptions(8));
        QSignalSpy finished(&engine, &JobEngine::jobFinished);
        engine.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), jobs, 30000);
        QCOMPARE(count(m_t->db(), u"SELECT COUNT(*) FROM jobs WHERE state = 'succeeded' AND attempts = 1 "
                                  "AND lease_owner IS NULL AND finished_at IS NOT NULL"_s),
                 jobs);
        QMutexLocker lock(&probe.mutex);
        QCOMPARE(QSet<QString>(probe.order.cbegin(), probe.order.cend()).size(), jobs);
        QCOMPARE(probe.order.size(), jobs);
        QVERIFY(probe.maxRunning.load() <= 8);
    }

    // A job run for one person asks for a unique key that another person's job holds,
    // out of the first person's sight on PostgreSQL (the worker acts as the job's
    // creator): it is merged into that job, as it would be among one person's jobs.
    void aJobMergesIntoAKeyAnotherPersonsJobHolds()
    {
        using Person = TestDatabase::Person;
        const Actor hana = TestDatabase::actorFor(Person::Housing, u"hana"_s, Actor::Role::Housing);
        const Actor victor = TestDatabase::actorFor(Person::Vet, u"victor"_s, Actor::Role::Vet);
        const QString key = u"shared.key"_s;
        // test.holder has no task, so no engine runs the job that holds the key.
        if (m_t->db().isPostgreSQL()) {
            for (const QString &kind : {u"test.keyed"_s, u"test.holder"_s}) {
                for (const QString &role : {u"residesk_housing"_s, u"residesk_vet"_s})
                    QVERIFY(SqlStatement::run(
                        m_t->db(),
                        u"INSERT INTO job_kind_roles (kind, role) VALUES (?, ?) ON CONFLICT DO NOTHING"_s,
                        {kind, role}));
            }
        }
        JobRequest hold;
        hold.kind = u"test.holder"_s;
        hold.uniqueKey = key;
        // Sessions of this test's own, closed at its end (a later test cuts every other
        // connection, which it may only do to the administrator's own).
        const std::unique_ptr<Database> housing = m_t->openAs(Person::Housing);
        const std::unique_ptr<Database> vet = m_t->openAs(Person::Vet);
        const std::unique_ptr<Database> worker = m_t->openAs(Person::Worker);
        const Result<EnqueueResult> holder = JobStore(*housing).enqueue(hold, hana);
        QVERIFY2(holder, qPrintable(holder.error().text()));
        const Result<EnqueueResult> asking = JobStore(*vet).enqueue(
            request(u"test.keyed"_s, {{u"kind"_s, u"test.holder"_s}, {u"key"_s, key}}), victor);
        QVERIFY2(asking, qPrintable(asking.error().text()));

        Job done;
        {
            JobEngine engine(*worker, m_registry, fastOptions());
            QSignalSpy finished(&engine, &JobEngine::jobFinished);
            engine.start();
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
            done = job(asking->id);
        }
        QCOMPARE(done.createdBy, victor.username);
        QVERIFY2(done.state == JobState::Succeeded, qPrintable(done.error));
        QCOMPARE(done.result.value(u"id"_s).toInteger(), holder->id);
        QVERIFY(done.result.value(u"merged"_s).toBool());
        QCOMPARE(count(m_t->db(), u"SELECT COUNT(*) FROM jobs WHERE unique_key = 'shared.key'"_s), 1);
        QCOMPARE(job(holder->id).state, JobState::Queued);
    }

    void cpuWorkRunsOnThePoolAndResumesOnTheRunner()
    {
        for (int i = 0; i < 4; ++i)
            QVERIFY(enqueue(request(u"test.threads"_s, {})));
        // As a desktop runs it: CPU work at idle priority, so the window never waits for a core.
        JobEngineOptions options = fastOptions(2);
        options.cpuPriority = JobEngineOptions::desktop().cpuPriority;
        QCOMPARE(options.cpuPriority, QThread::IdlePriority);
        JobEngine engine(m_t->db(), m_registry, options);
        engine.start();
        QTRY_COMPARE_WITH_TIMEOUT(count(m_t->db(), u"SELECT COUNT(*) FROM jobs WHERE state = 'succeeded'"_s),
                                  4, 20000);
        QMutexLocker lock(&probe.mutex);
        QCOMPARE(probe.taskThreads.size(), 4);
        const Qt::HANDLE main = QThread::currentThreadId();
        QCOMPARE(probe.resumedThreads.size(), 4);
        for (auto it = probe.taskThreads.cbegin(); it != probe.taskThreads.cend(); ++it) {
            const qint64 id = it.key();
            QVERIFY(it.value() != main);
            QVERIFY(probe.cpuThreads.value(id) != main);
            QVERIFY(probe.cpuThreads.value(id) != it.value());
            QCOMPARE(probe.resumedThreads.value(id), it.value());
            QCOMPARE(probe.cpuPriorities.value(id), QThread::IdlePriority);
        }
    }

    void recurringJobsFireOncePerPeriodAcrossEngines()
    {
        ManualClock clock(1'800'000'000'000 - (1'800'000'000'000 % 3600000)); // on the hour
        RecurringJob hourly;
        hourly.name = u"hourly-noop"_s;
        hourly.kind = u"diag.noop"_s;
        hourly.schedule = u"0 * * * *"_s;
        QVERIFY(JobStore(m_t->db(), clock).upsertRecurring(hourly));
        std::unique_ptr<Database> other = m_t->openAnother();
        JobEngineOptions options = fastOptions();
        options.runRecurring = true;
        options.pollIntervalMs = 50;
        JobEngine a(m_t->db(), m_registry, options, clock);
        JobEngine b(*other, m_registry, options, clock);
        a.start();
        b.start();
        QTest::qWait(300);
        QCOMPARE(count(m_t->db(), u"SELECT COUNT(*) FROM jobs"_s), 0);
        clock.advance(3600000 + 1000);
        QTRY_COMPARE_WITH_TIMEOUT(count(m_t->db(), u"SELECT COUNT(*) FROM jobs WHERE state = 'succeeded'"_s),
                                  1, 20000);
        QTest::qWait(500); // both engines polled several times meanwhile
        QCOMPARE(count(m_t->db(), u"SELECT COUNT(*) FROM jobs"_s), 1);
        clock.advance(3600000);
        QTRY_COMPARE_WITH_TIMEOUT(count(m_t->db(), u"SELECT COUNT(*) FROM jobs WHERE state = 'succeeded'"_s),
                                  2, 20000);
        QTest::qWait(500);
        QCOMPARE(count(m_t->db(), u"SELECT COUNT(*) FROM jobs"_s), 2);
    }

    void demoSeedInChunksEqualsOneRun()
    {
        const qint64 id =
            enqueue(request(u"demo.seed"_s, {{u"residents"_s, 1000}, {u"seed"_s, 7}, {u"chunk"_s, 300}}));
        JobEngine engine(m_t->db(), m_registry, fastOptions());
        engine.start();
        QTRY_COMPARE_WITH_TIMEOUT(state(id), JobState::Succeeded, 60000);
        QCOMPARE(job(id).result.value(u"created"_s).toInt(), 1000);
        QCOMPARE(count(m_t->db(), u"SELECT COUNT(*) FROM residents"_s), 1000);

        QString error;
        std::unique_ptr<TestDatabase> reference = TestDatabase::create(&error);
        QVERIFY2(reference, qPrintable(error));
        DemoSeeder::Options options;
        options.residents = 1000;
        options.seed = 7;
        QVERIFY(DemoSeeder(reference->db(), m_alice).seed(options));
        const QString rows =
            u"SELECT student_id, first_name, last_name, email, phone, status FROM residents ORDER BY student_id"_s;
        auto read = [&rows](Database &db) {
            QStringList out;
            SqlStatement st(db, rows);
            if (!st.exec())
                return out;
            while (st.next()) {
                QStringList cols;
                for (int i = 0; i < 6; ++i)
                    cols << st.value(i).toString();
                out << cols.join(QLatin1Char('|'));
            }
            return out;
        };
        QCOMPARE(read(m_t->db()), read(reference->db()));
    }

    void demoSeedProtocolsInChunks()
    {
        // Only "protocols": no housing data; 120 protocols in chunks of 30.
        const qint64 id =
            enqueue(request(u"demo.seed"_s, {{u"protocols"_s, 120}, {u"seed"_s, 7}, {u"chunk"_s, 300}}));
        JobEngine engine(m_t->db(), m_registry, fastOptions());
        engine.start();
        QTRY_COMPARE_WITH_TIMEOUT(state(id), JobState::Succeeded, 60000);
        QCOMPARE(job(id).result.value(u"protocols_created"_s).toInt(), 120);
        QCOMPARE(job(id).checkpoint.value(u"protocols"_s).toInt(), 120);
        QCOMPARE(count(m_t->db(), u"SELECT COUNT(*) FROM residents"_s), 0);
        QCOMPARE(count(m_t->db(), u"SELECT COUNT(*) FROM protocols"_s), 120);

        QString error;
        std::unique_ptr<TestDatabase> reference = TestDatabase::create(&error);
        QVERIFY2(reference, qPrintable(error));
        LabDemoSeeder::Options options;
        options.protocols = 120;
        options.seed = 7;
        const Result<LabDemoSeeder::Summary> seeded = LabDemoSeeder(reference->db(), m_alice).seed(options);
        QVERIFY(seeded);
        QCOMPARE(count(m_t->db(), u"SELECT COUNT(*) FROM report_results"_s), seeded->results);
        QCOMPARE(count(m_t->db(), u"SELECT COUNT(*) FROM work_order_analyses"_s), seeded->analyses);
    }

    void jobsContinueAfterTheConnectionsAreCut()
    {
        if (TestDatabase::backendName() != u"postgresql"_s)
            QSKIP("PostgreSQL only: an embedded SQLite file has no connection to lose");
        const qint64 a = enqueue(request(u"diag.sleep"_s, {{u"steps"_s, 40}, {u"ms"_s, 25}}));
        const qint64 b = enqueue(request(u"diag.sleep"_s, {{u"steps"_s, 40}, {u"ms"_s, 25}}));
        JobEngine engine(m_t->db(), m_registry, fastOptions(2));
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(job(a).progressDone >= 5 && job(b).progressDone >= 5, 20000);
        // The server ends every session of this database but the one asking: the runner,
        // control and event connections all break mid-job (the client sessions only: an
        // autovacuum worker on the database at that moment is the server's, not ours).
        std::unique_ptr<Database> admin = m_t->openAnother();
        SqlStatement kill(*admin, u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                  "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                                  "AND backend_type = 'client backend'"_s);
        QVERIFY(kill.exec());
        QTRY_COMPARE_WITH_TIMEOUT(state(a), JobState::Succeeded, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(state(b), JobState::Succeeded, 60000);
        // An outage is not the job's fault: no attempt is spent on it beyond the first.
        QCOMPARE(job(a).attempts, 1);
        QCOMPARE(job(b).attempts, 1);
        QCOMPARE(job(a).result.value(u"steps"_s).toInt(), 40);
    }

    void theCallingThreadKeepsTicking()
    {
        for (int i = 0; i < 6; ++i)
            QVERIFY(enqueue(request(u"diag.cpu"_s, {{u"steps"_s, 20}, {u"work"_s, 3000}})));
        JobEngine engine(m_t->db(), m_registry, fastOptions(3));
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, this, [&] {
            if (sinceTick.isValid())
                longestGap = qMax(longestGap, sinceTick.elapsed());
            sinceTick.start();
            ++ticks;
        });
        ticker.start();
        engine.start();
        QTRY_COMPARE_WITH_TIMEOUT(count(m_t->db(), u"SELECT COUNT(*) FROM jobs WHERE state = 'succeeded'"_s),
                                  6, 60000);
        ticker.stop();
        // A freeze check, not a speed target: the thread that owns the engine only awaits.
        QVERIFY2(ticks > 20, qPrintable(QString::number(ticks)));
        QVERIFY2(longestGap < 500, qPrintable(QString::number(longestGap)));
    }
};

QTEST_GUILESS_MAIN(TestJobEngine)
#include "tst_jobengine.moc"
