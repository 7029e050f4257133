#include "models/db/events.h"
#include "models/db/sqlstatement.h"
#include "models/db/threadjob.h"
#include "models/db/transaction.h"
#include "tasks/jobclock.h"
#include "tasks/jobstore.h"
#include "tasks/notificationstore.h"
#include "tasks/taskregistry.h"
#include "tests/support/testdatabase.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QMutex>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlError>
#include <QTest>
#include <QThread>

#include <atomic>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStart = 1'704'110'400'000; // 2024-01-01T12:00:00Z
constexpr qint64 kLease = 30'000;

qint64 utc(const char *iso)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    t.setTimeSpec(Qt::UTC);
    return t.toMSecsSinceEpoch();
}

JobRequest request(const QString &kind, int priority = 0, qint64 runAfter = 0)
{
    JobRequest r;
    r.kind = kind;
    r.priority = priority;
    r.runAfter = runAfter;
    return r;
}

JobRequest keyed(const QString &kind, const QString &key, JobRequest::OnDuplicate onDuplicate)
{
    JobRequest r;
    r.kind = kind;
    r.uniqueKey = key;
    r.onDuplicate = onDuplicate;
    return r;
}

QVariant queryValue(Database &db, const QString &sql, const QVariantList &values = {})
{
    SqlStatement st(db, sql);
    for (const QVariant &v : values)
        st.bind(v);
    if (auto r = st.exec(); !r) {
        qWarning("%s", qPrintable(r.error().detail));
        return {};
    }
    return st.next() ? st.value(0) : QVariant();
}

QList<qint64> ids(const QList<Job> &jobs)
{
    QList<qint64> out;
    for (const Job &job : jobs)
        out << job.id;
    return out;
}

// Runs `work` on `count` threads at once and waits for all of them.
void runConcurrently(int count, const std::function<void(int)> &work)
{
    std::atomic<int> ready = 0;
    QList<QThread *> threads;
    for (int i = 0; i < count; ++i) {
        threads << QThread::create([&ready, &work, count, i] {
            ++ready;
            while (ready.load() < count)
                QThread::yieldCurrentThread();
            work(i);
        });
    }
    for (QThread *t : std::as_const(threads))
        t->start();
    for (QThread *t : std::as_const(threads)) {
        t->wait();
        delete t;
    }
}

} // namespace

class TestJobStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    // On PostgreSQL the database stamps a job with the role that queued it: the test runs
    // as its administrator, who is "alice" here; "bob" queues from a worker's session.
    const Actor m_alice = TestDatabase::actorFor(TestDatabase::Person::Admin, u"alice"_s, Actor::Role::Admin);
    const Actor m_bob = TestDatabase::actorFor(TestDatabase::Person::Worker, u"bob"_s, Actor::Role::Admin);

    Database &db() { return m_t->db(); }

    qint64 enqueued(JobStore &store, const JobRequest &r)
    {
        const Result<EnqueueResult> e = store.enqueue(r, m_alice);
        if (!e) {
            qWarning("enqueue failed: %s %s", qPrintable(e.error().text()), qPrintable(e.error().detail));
            return 0;
        }
        return e->id;
    }

    // Claims exactly the job of `kind` that is next, or fails the test.
    Job claimOne(JobStore &store, const QString &owner, const QString &kind, qint64 leaseMs = kLease)
    {
        const Result<QList<Job>> claimed = store.claim(owner, {{kind, 1}}, 1, leaseMs);
        if (!claimed || claimed->size() != 1) {
            qWarning("claim of %s failed", qPrintable(kind));
            return {};
        }
        return claimed->first();
    }

    int notificationCount() { return queryValue(db(), u"SELECT COUNT(*) FROM notifications"_s).toInt(); }

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
        for (const char *table : {"notifications", "jobs", "recurring_jobs"})
            QVERIFY(SqlStatement::run(db(), u"DELETE FROM "_s + QLatin1String(table)));
    }

    // --- enqueue ---------------------------------------------------------------------

    void enqueueAppliesDefaults()
    {
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        JobRequest r;
        r.kind = u"mail.send"_s;
        r.payload = {{u"to"_s, u"ana@example.edu"_s}, {u"n"_s, 3}};
        const Result<EnqueueResult> e = store.enqueue(r, m_alice);
        QVERIFY2(e, qPrintable(e.error().text()));
        QVERIFY(e->id > 0);
        QVERIFY(!e->merged);

        const Result<Job> job = store.get(e->id);
        QVERIFY(job);
        QCOMPARE(job->kind, u"mail.send"_s);
        QCOMPARE(job->payload, r.payload);
        QCOMPARE(job->state, JobState::Queued);
        QCOMPARE(job->priority, 0);
        QCOMPARE(job->attempts, 0);
        QCOMPARE(job->maxAttempts, 3);
        QCOMPARE(job->runAfter, kStart);
        QCOMPARE(job->createdAt, kStart);
        QCOMPARE(job->updatedAt, kStart);
        QCOMPARE(job->createdBy, m_alice.username);
        QCOMPARE(job->startedAt, 0);
        QCOMPARE(job->finishedAt, 0);
        QCOMPARE(job->leaseOwner, QString());
        QCOMPARE(job->leaseExpiresAt, 0);
        QVERIFY(!job->cancelRequested);
        QVERIFY(!job->notifyCreator);
        QVERIFY(job->uniqueKey.isEmpty());
        QVERIFY(job->result.isEmpty());
        QVERIFY(job->checkpoint.isEmpty());
        QVERIFY(job->error.isEmpty());
        // Compact JSON text in the table.
        QCOMPARE(queryValue(db(), u"SELECT payload FROM jobs WHERE id = ?"_s, {e->id}).toString(),
                 u"{\"n\":3,\"to\":\"ana@example.edu\"}"_s);
        QVERIFY(queryValue(db(), u"SELECT unique_key FROM jobs WHERE id = ?"_s, {e->id}).isNull());
    }

    void enqueueKeepsExplicitValues()
    {
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        JobRequest r = request(u"report"_s, 7, kStart + 60'000);
        r.maxAttempts = 5;
        r.notifyCreator = true;
        const Job job = store.get(enqueued(store, r)).value();
        QCOMPARE(job.priority, 7);
        QCOMPARE(job.maxAttempts, 5);
        QCOMPARE(job.runAfter, kStart + 60'000);
        QVERIFY(job.notifyCreator);
    }

    void enqueueRequiresAKind()
    {
        JobStore store(db());
        const auto e = store.enqueue(request(u"  "_s), m_alice);
        QVERIFY(!e);
        QCOMPARE(e.error().code, DbError::Code::Validation);
        QCOMPARE(e.error().fields.first().field, u"kind"_s);
        QCOMPARE(queryValue(db(), u"SELECT COUNT(*) FROM jobs"_s).toInt(), 0);
    }

    void enqueueJoinsTheCallersTransaction()
    {
        JobStore store(db());
        {
            Transaction tx(db());
            QVERIFY(tx.ok());
            QVERIFY(enqueued(store, request(u"rolled.back"_s)) > 0);
            // rolls back on leaving the scope
        }
        QCOMPARE(queryValue(db(), u"SELECT COUNT(*) FROM jobs"_s).toInt(), 0);
        qint64 id = 0;
        {
            Transaction tx(db());
            QVERIFY(tx.ok());
            id = enqueued(store, request(u"committed"_s));
            QVERIFY(tx.commit());
        }
        QCOMPARE(queryValue(db(), u"SELECT COUNT(*) FROM jobs"_s).toInt(), 1);
        QCOMPARE(store.get(id)->kind, u"committed"_s);
    }

    void uniqueKeyMergesOrRefuses_data()
    {
        QTest::addColumn<bool>("merge");
        QTest::newRow("merge") << true;
        QTest::newRow("refuse") << false;
    }
    void uniqueKeyMergesOrRefuses()
    {
        QFETCH(bool, merge);
        const auto onDuplicate = merge ? JobRequest::OnDuplicate::Merge : JobRequest::OnDuplicate::Refuse;
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        const QString key = u"import:residents.csv"_s;
        const qint64 first = enqueued(store, keyed(u"import"_s, key, onDuplicate));
        QVERIFY(first > 0);

        // While queued, and while running.
        for (int round = 0; round < 2; ++round) {
            const auto second = store.enqueue(keyed(u"import"_s, key, onDuplicate), m_alice);
            if (merge) {
                QVERIFY(second);
                QCOMPARE(second->id, first);
                QVERIFY(second->merged);
            } else {
                QVERIFY(!second);
                QCOMPARE(second.error().code, DbError::Code::Duplicate);
                QVERIFY2(second.error().message.contains(key), qPrintable(second.error().message));
            }
            if (round == 0)
                QCOMPARE(claimOne(store, u"w1"_s, u"import"_s).id, first);
        }
        QCOMPARE(queryValue(db(), u"SELECT COUNT(*) FROM jobs"_s).toInt(), 1);

        // Once the first has finished, the key is free again.
        QVERIFY(store.finish(first, u"w1"_s, JobOutcome::success()));
        const auto third = store.enqueue(keyed(u"import"_s, key, onDuplicate), m_alice);
        QVERIFY2(third, qPrintable(third.error().text()));
        QVERIFY(third->id != first);
        QVERIFY(!third->merged);
    }

    void refusedDuplicateKeepsTheCallersTransactionUsable()
    {
        // On PostgreSQL a unique violation would abort the whole transaction.
        JobStore store(db());
        const QString key = u"k"_s;
        QVERIFY(enqueued(store, keyed(u"a"_s, key, JobRequest::OnDuplicate::Refuse)) > 0);
        {
            Transaction tx(db());
            QVERIFY(tx.ok());
            const auto refused = store.enqueue(keyed(u"a"_s, key, JobRequest::OnDuplicate::Refuse), m_alice);
            QCOMPARE(refused.error().code, DbError::Code::Duplicate);
            const auto merged = store.enqueue(keyed(u"a"_s, key, JobRequest::OnDuplicate::Merge), m_alice);
            QVERIFY(merged && merged->merged);
            QVERIFY(enqueued(store, request(u"b"_s)) > 0);
            QVERIFY(tx.commit());
        }
        QCOMPARE(queryValue(db(), u"SELECT COUNT(*) FROM jobs"_s).toInt(), 2);
    }

    // The job holding a key may belong to somebody else, whom the asking person cannot
    // see (PostgreSQL: a person reads only their own jobs). The request is still merged
    // into that job or refused naming it, from the person's own session as from a job a
    // worker runs for them (SET ROLE); never "could not be queued; try again".
    void uniqueKeyHeldByAnotherPerson_data()
    {
        QTest::addColumn<bool>("merge");
        QTest::addColumn<bool>("asJob");
        QTest::newRow("merge") << true << false;
        QTest::newRow("refuse") << false << false;
        QTest::newRow("merge, in a job run for the person") << true << true;
        QTest::newRow("refuse, in a job run for the person") << false << true;
    }
    void uniqueKeyHeldByAnotherPerson()
    {
        using Person = TestDatabase::Person;
        QFETCH(bool, merge);
        QFETCH(bool, asJob);
        const auto onDuplicate = merge ? JobRequest::OnDuplicate::Merge : JobRequest::OnDuplicate::Refuse;
        const Actor hana = TestDatabase::actorFor(Person::Housing, u"hana"_s, Actor::Role::Housing);
        const Actor victor = TestDatabase::actorFor(Person::Vet, u"victor"_s, Actor::Role::Vet);
        const QString kind = u"mail.send"_s;
        const QString key = u"mail.send"_s;
        ManualClock clock(kStart);

        JobStore housing(m_t->dbAs(Person::Housing), clock);
        const Result<EnqueueResult> held =
            housing.enqueue(keyed(kind, key, JobRequest::OnDuplicate::Merge), hana);
        QVERIFY2(held, qPrintable(held.error().text()));
        QVERIFY(!held->merged);

        Database &vetsDb = m_t->dbAs(asJob ? Person::Worker : Person::Vet);
        JobStore vets(vetsDb, clock);
        // The vet's request, from their session or from a job run for them.
        const auto askAsVictor = [&]() -> Result<EnqueueResult> {
            if (asJob) {
                if (auto r = ThreadJob::setRole(vetsDb, victor.username); !r)
                    return r.error();
            }
            const auto unset = qScopeGuard([&] {
                if (asJob)
                    QVERIFY(ThreadJob::setRole(vetsDb, QString()));
            });
            return vets.enqueue(keyed(kind, key, onDuplicate), victor);
        };
        if (TestDatabase::isPostgreSQL()) {
            // The case under test: the holder is out of the vet's sight.
            QVERIFY(ThreadJob::setRole(vetsDb, asJob ? victor.username : QString()));
            const Result<Job> seen = vets.get(held->id);
            QVERIFY(ThreadJob::setRole(vetsDb, QString()));
            QVERIFY(!seen);
            QCOMPARE(seen.error().code, DbError::Code::NotFound);
            // What finds it answers only about a kind the vet may queue, and with the id.
            Database &own = m_t->dbAs(Person::Vet);
            const QString holder = u"SELECT COUNT(*), MAX(id) FROM residesk_job_key_holder(?, ?)"_s;
            SqlStatement mayQueue(own, holder);
            mayQueue.bind(key).bind(kind);
            QVERIFY(mayQueue.exec() && mayQueue.next());
            QCOMPARE(mayQueue.value(0).toInt(), 1);
            QCOMPARE(mayQueue.value(1).toLongLong(), held->id);
            mayQueue.finish();
            QCOMPARE(queryValue(own, holder, {key, u"residents.import"_s}).toInt(), 0);
        }

        // While queued, and while running.
        JobStore worker(m_t->dbAs(Person::Worker), clock);
        for (int round = 0; round < 2; ++round) {
            const Result<EnqueueResult> second = askAsVictor();
            if (merge) {
                QVERIFY2(second, qPrintable(second.error().text()));
                QCOMPARE(second->id, held->id);
                QVERIFY(second->merged);
            } else {
                QVERIFY(!second);
                QCOMPARE(second.error().code, DbError::Code::Duplicate);
                QVERIFY2(second.error().message.contains(key), qPrintable(second.error().message));
                QVERIFY2(second.error().message.contains(QString::number(held->id)),
                         qPrintable(second.error().message));
            }
            if (round == 0)
                QCOMPARE(claimOne(worker, u"w1"_s, kind).id, held->id);
        }
        // One job for the key, still the housing person's.
        JobStore admin(db(), clock);
        QCOMPARE(queryValue(db(), u"SELECT COUNT(*) FROM jobs"_s).toInt(), 1);
        QCOMPARE(admin.get(held->id)->createdBy, hana.username);

        // Once it has finished, the vet's request queues a job of their own.
        QVERIFY(worker.finish(held->id, u"w1"_s, JobOutcome::success()));
        const Result<EnqueueResult> third = askAsVictor();
        QVERIFY2(third, qPrintable(third.error().text()));
        QVERIFY(third->id != held->id);
        QVERIFY(!third->merged);
        QCOMPARE(admin.get(third->id)->createdBy, victor.username);
    }

    // --- list ------------------------------------------------------------------------

    void listFiltersNewestFirst()
    {
        JobStore store(db());
        JobStore bobs(m_t->dbAs(TestDatabase::Person::Worker));
        QList<qint64> all;
        for (int i = 0; i < 6; ++i)
            all << (i < 4 ? store : bobs)
                       .enqueue(request(i % 2 ? u"odd"_s : u"even"_s), i < 4 ? m_alice : m_bob)
                       .value()
                       .id;
        QVERIFY(store.requestCancel(all[0]));

        const auto everything = store.list({});
        QVERIFY(everything);
        QCOMPARE(ids(everything.value()), (QList<qint64>{all[5], all[4], all[3], all[2], all[1], all[0]}));
        JobStore::ListFilter f;
        f.kind = u"odd"_s;
        QCOMPARE(ids(store.list(f).value()), (QList<qint64>{all[5], all[3], all[1]}));
        f = {};
        f.createdBy = m_bob.username;
        QCOMPARE(ids(store.list(f).value()), (QList<qint64>{all[5], all[4]}));
        f = {};
        f.state = JobState::Cancelled;
        QCOMPARE(ids(store.list(f).value()), (QList<qint64>{all[0]}));
        f = {};
        f.beforeId = all[3];
        f.limit = 2;
        QCOMPARE(ids(store.list(f).value()), (QList<qint64>{all[2], all[1]}));
        QCOMPARE(store.get(all.last() + 1000).error().code, DbError::Code::NotFound);
    }

    // --- claim -----------------------------------------------------------------------

    void claimOrdersByPriorityThenRunAfter()
    {
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        const qint64 low = enqueued(store, request(u"k"_s, 0, kStart - 3000));
        const qint64 highLate = enqueued(store, request(u"k"_s, 5, kStart - 1000));
        const qint64 highEarly = enqueued(store, request(u"k"_s, 5, kStart - 2000));
        const qint64 lowSameTime1 = enqueued(store, request(u"k"_s, 0, kStart));
        const qint64 lowSameTime2 = enqueued(store, request(u"k"_s, 0, kStart));
        const qint64 negative = enqueued(store, request(u"k"_s, -1, kStart - 9000));

        const auto claimed = store.claim(u"w1"_s, {{u"k"_s, 10}}, 10, kLease);
        QVERIFY2(claimed, qPrintable(claimed.error().text()));
        QCOMPARE(ids(claimed.value()),
                 (QList<qint64>{highEarly, highLate, low, lowSameTime1, lowSameTime2, negative}));
    }

    void futureRunAfterWaitsForTheClock()
    {
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        const qint64 id = enqueued(store, request(u"later"_s, 0, kStart + 60'000));
        const QHash<QString, int> freeSlots{{u"later"_s, 1}};
        QVERIFY(store.claim(u"w"_s, freeSlots, 1, kLease)->isEmpty());
        clock.advance(59'999);
        QVERIFY(store.claim(u"w"_s, freeSlots, 1, kLease)->isEmpty());
        clock.advance(1);
        QCOMPARE(ids(store.claim(u"w"_s, freeSlots, 1, kLease).value()), QList<qint64>{id});
    }

    void claimRespectsFreeSlotsPerKind()
    {
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        for (const QString &kind : {u"a"_s, u"b"_s, u"c"_s, u"d"_s}) {
            for (int i = 0; i < 4; ++i)
                enqueued(store, request(kind, kind == u"b"_s ? 10 : 0));
        }
        // b has the highest priority but one slot; c is at 0 and d is not run here.
        const auto claimed = store.claim(u"w"_s, {{u"a"_s, 2}, {u"b"_s, 1}, {u"c"_s, 0}}, 10, kLease);
        QVERIFY(claimed);
        QMap<QString, int> perKind;
        for (const Job &job : claimed.value())
            ++perKind[job.kind];
        QCOMPARE(perKind, (QMap<QString, int>{{u"a"_s, 2}, {u"b"_s, 1}}));
        QCOMPARE(claimed->first().kind, u"b"_s);

        // The overall limit caps the claim, best first.
        const auto limited = store.claim(u"w"_s, {{u"a"_s, 5}, {u"b"_s, 5}, {u"d"_s, 5}}, 3, kLease);
        QVERIFY(limited);
        QCOMPARE(limited->size(), 3);
        for (const Job &job : limited.value())
            QCOMPARE(job.kind, u"b"_s);

        QVERIFY(store.claim(u"w"_s, {}, 10, kLease)->isEmpty());
        QVERIFY(store.claim(u"w"_s, {{u"a"_s, 5}}, 0, kLease)->isEmpty());
        QCOMPARE(store.countByState()->value(JobState::Running), 6);
    }

    void claimSetsAttemptsAndLease()
    {
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        const qint64 id = enqueued(store, request(u"k"_s));
        clock.advance(1000);
        const Job job = claimOne(store, u"worker-1"_s, u"k"_s, 45'000);
        QCOMPARE(job.id, id);
        QCOMPARE(job.state, JobState::Running);
        QCOMPARE(job.attempts, 1);
        QCOMPARE(job.leaseOwner, u"worker-1"_s);
        QCOMPARE(job.leaseExpiresAt, kStart + 1000 + 45'000);
        QCOMPARE(job.startedAt, kStart + 1000);
        QCOMPARE(store.get(id)->leaseOwner, u"worker-1"_s);
        // Nobody else gets it while the lease holds, up to and including its last millisecond.
        clock.advance(45'000);
        QVERIFY(store.claim(u"worker-2"_s, {{u"k"_s, 1}}, 1, kLease)->isEmpty());
    }

    void concurrentClaimersClaimEachJobOnce()
    {
        constexpr int jobs = 300;
        ManualClock clock(kStart);
        {
            JobStore store(db(), clock);
            Transaction tx(db());
            QVERIFY(tx.ok());
            for (int i = 0; i < jobs; ++i)
                QVERIFY(enqueued(store, request(i % 3 ? u"x"_s : u"y"_s, i % 5)) > 0);
            QVERIFY(tx.commit());
        }
        std::unique_ptr<Database> dbs[2] = {m_t->openAnother(), m_t->openAnother()};
        QMutex mutex;
        QList<qint64> claimed;
        std::atomic<int> failures = 0;
        runConcurrently(2, [&](int i) {
            JobStore store(*dbs[i], clock);
            const QString owner = u"worker-%1"_s.arg(i);
            for (int empty = 0; empty < 3;) {
                const auto got = store.claim(owner, {{u"x"_s, 3}, {u"y"_s, 2}}, 4, 600'000);
                if (!got) {
                    qWarning("claim failed: %s", qPrintable(got.error().detail));
                    ++failures;
                    return;
                }
                empty = got->isEmpty() ? empty + 1 : 0;
                QMutexLocker lock(&mutex);
                for (const Job &job : got.value()) {
                    if (job.leaseOwner != owner || job.attempts != 1)
                        ++failures;
                    claimed << job.id;
                }
            }
        });
        for (auto &d : dbs)
            d.reset();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(claimed.size(), jobs);
        QCOMPARE(QSet<qint64>(claimed.begin(), claimed.end()).size(), jobs);
        QCOMPARE(
            queryValue(db(), u"SELECT COUNT(*) FROM jobs WHERE state = 'running' AND attempts = 1"_s).toInt(),
            jobs);
    }

    // Four workers claim batches of up to eight in one statement each, with per-kind
    // limits: no job goes to two workers, no batch holds more of a kind than its free
    // slots, and each batch comes best first.
    void batchClaimsNeverGiveAJobToTwoWorkers()
    {
        constexpr int jobs = 400;
        ManualClock clock(kStart);
        {
            JobStore store(db(), clock);
            Transaction tx(db());
            QVERIFY(tx.ok());
            for (int i = 0; i < jobs; ++i) {
                const QString kind = i % 4 == 0 ? u"one"_s : i % 4 == 1 ? u"three"_s : u"open"_s;
                QVERIFY(enqueued(store, request(kind, i % 7, kStart - 1000 + i)) > 0);
            }
            QVERIFY(tx.commit());
        }
        const QHash<QString, int> freeSlots{{u"one"_s, 1}, {u"three"_s, 3}, {u"open"_s, 8}};
        std::unique_ptr<Database> dbs[4] = {m_t->openAnother(), m_t->openAnother(), m_t->openAnother(),
                                            m_t->openAnother()};
        QMutex mutex;
        QList<qint64> claimed;
        std::atomic<int> failures = 0;
        std::atomic<int> batchesOfMany = 0;
        runConcurrently(4, [&](int i) {
            JobStore store(*dbs[i], clock);
            const QString owner = u"batch-worker-%1"_s.arg(i);
            for (int empty = 0; empty < 3;) {
                const auto got = store.claim(owner, freeSlots, 8, 600'000);
                if (!got) {
                    qWarning("claim failed: %s", qPrintable(got.error().detail));
                    ++failures;
                    return;
                }
                empty = got->isEmpty() ? empty + 1 : 0;
                QHash<QString, int> perKind;
                for (qsizetype k = 0; k < got->size(); ++k) {
                    const Job &job = got->at(k);
                    if (++perKind[job.kind] > freeSlots.value(job.kind) || job.leaseOwner != owner ||
                        job.state != JobState::Running)
                        ++failures;
                    if (k > 0 &&
                        (got->at(k - 1).priority < job.priority ||
                         (got->at(k - 1).priority == job.priority && got->at(k - 1).runAfter > job.runAfter)))
                        ++failures; // not best first
                }
                if (got->size() > 1)
                    ++batchesOfMany;
                QMutexLocker lock(&mutex);
                for (const Job &job : got.value())
                    claimed << job.id;
            }
        });
        for (auto &d : dbs)
            d.reset();
        QCOMPARE(failures.load(), 0);
        QVERIFY(batchesOfMany.load() > 0);
        QCOMPARE(claimed.size(), jobs);
        QCOMPARE(QSet<qint64>(claimed.begin(), claimed.end()).size(), jobs);
    }

    // Within one batch the kinds with fewer free slots than the batch take only those,
    // and the best jobs of all kinds come first.
    void batchClaimTakesTheBestWithinEachKindsLimit()
    {
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        const qint64 urgentOne = enqueued(store, request(u"one"_s, 9));
        enqueued(store, request(u"one"_s, 9));
        const qint64 open5 = enqueued(store, request(u"open"_s, 5));
        const qint64 open1 = enqueued(store, request(u"open"_s, 1));
        const qint64 open0 = enqueued(store, request(u"open"_s, 0));
        const auto claimed = store.claim(u"w"_s, {{u"one"_s, 1}, {u"open"_s, 4}}, 4, kLease);
        QVERIFY2(claimed, qPrintable(claimed.error().detail));
        QCOMPARE(ids(claimed.value()), (QList<qint64>{urgentOne, open5, open1, open0}));
    }

    // A claim reads the queued jobs, not the history: with many finished jobs it takes
    // the runnable ones in order (and on PostgreSQL through the partial index).
    void claimFindsQueuedJobsAmongAManyFinished()
    {
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        const bool pg = db().isPostgreSQL();
        QVERIFY(SqlStatement::run(
            db(),
            (pg ? QString()
                : u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "_s) +
                u"INSERT INTO jobs (kind, payload, state, attempts, run_after, created_by, created_at, "
                u"started_at, "
                "finished_at, updated_at) SELECT 'k', '{}', 'succeeded', 1, 0, 'alice', 0, 0, 1, 1 FROM "_s +
                (pg ? u"generate_series(1, 20000) AS n(i)"_s : u"n"_s)));
        const qint64 second = enqueued(store, request(u"k"_s, 0));
        const qint64 first = enqueued(store, request(u"k"_s, 1));
        if (pg) {
            QVERIFY(SqlStatement::run(db(), u"ANALYZE jobs"_s));
            SqlStatement plan(db(), u"EXPLAIN SELECT id FROM jobs WHERE state = 'queued' AND kind IN ('k') "
                                    "AND run_after <= 0 ORDER BY priority DESC, run_after, id LIMIT 4"_s);
            QVERIFY(plan.exec());
            QString text;
            while (plan.next())
                text += plan.value(0).toString() + u"\n"_s;
            QVERIFY2(text.contains(u"jobs_ready"_s), qPrintable(text));
        }
        const auto claimed = store.claim(u"w"_s, {{u"k"_s, 4}}, 4, kLease);
        QVERIFY(claimed);
        QCOMPARE(ids(claimed.value()), (QList<qint64>{first, second}));
        QVERIFY(store.claim(u"w"_s, {{u"k"_s, 4}}, 4, kLease)->isEmpty());
        QVERIFY(SqlStatement::run(db(), u"DELETE FROM jobs"_s));
    }

    // Several finished jobs in one statement: each with its own outcome and last
    // progress; a job whose lease was taken over meanwhile is left alone.
    void finishManyRecordsOnlyTheJobsStillHeld()
    {
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        const qint64 a = enqueued(store, request(u"k"_s, 3));
        const qint64 b = enqueued(store, request(u"k"_s, 2));
        const qint64 c = enqueued(store, request(u"k"_s, 1));
        QCOMPARE(store.claim(u"w1"_s, {{u"k"_s, 3}}, 3, 1000)->size(), 3);
        // c's lease runs out and w2 takes it over.
        QVERIFY(
            SqlStatement::run(db(), u"UPDATE jobs SET lease_expires_at = ? WHERE id = ?"_s, {kStart - 1, c}));
        QCOMPARE(ids(store.claim(u"w2"_s, {{u"k"_s, 1}}, 1, kLease).value()), QList<qint64>{c});

        JobCompletion done{a, JobOutcome::success({{u"n"_s, 1}}), false, true, 7, 7, u"all"_s};
        JobCompletion failed{b, JobOutcome::failure(u"broken"_s, false), false, false, 0, 0, {}};
        JobCompletion lost{c, JobOutcome::success(), false, false, 0, 0, {}};
        const auto recorded = store.finishMany(u"w1"_s, {done, failed, lost});
        QVERIFY2(recorded, qPrintable(recorded.error().detail));
        const QList<qint64> recordedIds = ids(recorded.value());
        QCOMPARE(QSet<qint64>(recordedIds.cbegin(), recordedIds.cend()), (QSet<qint64>{a, b}));
        const Job ja = store.get(a).value();
        QCOMPARE(ja.state, JobState::Succeeded);
        QCOMPARE(ja.result.value(u"n"_s).toInt(), 1);
        QCOMPARE(ja.progressDone, 7);
        QCOMPARE(ja.progressMessage, u"all"_s);
        QVERIFY(ja.leaseOwner.isEmpty());
        const Job jb = store.get(b).value();
        QCOMPARE(jb.state, JobState::Failed);
        QCOMPARE(jb.error, u"broken"_s);
        const Job jc = store.get(c).value();
        QCOMPARE(jc.state, JobState::Running);
        QCOMPARE(jc.leaseOwner, u"w2"_s);
    }

    // A runner's job ends and the next is claimed in one go (the job engine's usual
    // round): only the jobs still held are recorded, the claim keeps the per-kind limit
    // and priorities, and with deferred events (on PostgreSQL one statement) the sink
    // gets the states of both, and nothing before the change is made.
    void finishAndClaimRecordsAndClaimsTogether_data()
    {
        QTest::addColumn<bool>("deferred");
        QTest::addColumn<bool>("reclaimExpired");
        QTest::newRow("deferred events") << true << false;
        QTest::newRow("events at commit") << false << false;
        QTest::newRow("reclaiming expired leases") << true << true;
    }
    void finishAndClaimRecordsAndClaimsTogether()
    {
        QFETCH(bool, deferred);
        QFETCH(bool, reclaimExpired);
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        const qint64 a = enqueued(store, request(u"k"_s, 9));
        const qint64 c = enqueued(store, request(u"k"_s, 8));
        const qint64 low = enqueued(store, request(u"k"_s, 1));
        const qint64 high = enqueued(store, request(u"k"_s, 5));
        const qint64 other = enqueued(store, request(u"o"_s, 7));
        QCOMPARE(ids(store.claim(u"w1"_s, {{u"k"_s, 2}}, 2, 1000).value()), (QList<qint64>{a, c}));
        // c's lease runs out and w2 takes it over.
        QVERIFY(
            SqlStatement::run(db(), u"UPDATE jobs SET lease_expires_at = ? WHERE id = ?"_s, {kStart - 1, c}));
        QCOMPARE(ids(store.claim(u"w2"_s, {{u"k"_s, 1}}, 1, kLease).value()), QList<qint64>{c});

        QList<Job> events;
        if (deferred)
            store.deferEvents(&events);
        clock.advance(500);
        const JobCompletion done{a, JobOutcome::success({{u"n"_s, 1}}), false, true, 3, 3, u"all"_s};
        const JobCompletion lost{c, JobOutcome::success(), false, false, 0, 0, {}};
        // One slot for k (two would be free, but the kind allows one more), none for o.
        const auto round = store.finishAndClaim(u"w1"_s, {done, lost}, {{u"k"_s, 1}, {u"o"_s, 0}}, 2, kLease,
                                                QString(), reclaimExpired);
        QVERIFY2(round, qPrintable(round.error().detail));
        QCOMPARE(ids(round->finished), QList<qint64>{a});
        QCOMPARE(round->finished.first().state, JobState::Succeeded);
        QCOMPARE(ids(round->claimed), QList<qint64>{high});
        const Job claimed = round->claimed.first();
        QCOMPARE(claimed.state, JobState::Running);
        QCOMPARE(claimed.leaseOwner, u"w1"_s);
        QCOMPARE(claimed.attempts, 1);
        QCOMPARE(claimed.leaseExpiresAt, kStart + 500 + kLease);

        const Job ja = store.get(a).value();
        QCOMPARE(ja.state, JobState::Succeeded);
        QCOMPARE(ja.result.value(u"n"_s).toInt(), 1);
        QCOMPARE(ja.progressMessage, u"all"_s);
        QCOMPARE(ja.finishedAt, kStart + 500);
        QVERIFY(ja.leaseOwner.isEmpty());
        const Job jc = store.get(c).value();
        QCOMPARE(jc.state, JobState::Running);
        QCOMPARE(jc.leaseOwner, u"w2"_s);
        QCOMPARE(store.get(low)->state, JobState::Queued);
        QCOMPARE(store.get(other)->state, JobState::Queued);

        if (deferred && db().isPostgreSQL()) {
            QMap<qint64, JobState> states;
            for (const Job &job : std::as_const(events))
                states.insert(job.id, job.state);
            QCOMPARE(states, (QMap<qint64, JobState>{{a, JobState::Succeeded}, {high, JobState::Running}}));
        } else {
            QVERIFY(events.isEmpty()); // SQLite's go out in the process; none deferred
        }

        // Nothing to record and nothing free: nothing changes.
        const auto idle = store.finishAndClaim(u"w1"_s, {}, {{u"k"_s, 0}}, 2, kLease);
        QVERIFY(idle);
        QVERIFY(idle->finished.isEmpty() && idle->claimed.isEmpty());
        QCOMPARE(store.get(low)->state, JobState::Queued);
    }

    // A job cancelled while it ran is recorded as cancelled with the next claim; a queued
    // job cancelled meanwhile is never claimed; a job's own person's claim (a desktop)
    // takes only that person's jobs.
    void finishAndClaimKeepsCancelAndOwnJobs()
    {
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        const qint64 running = enqueued(store, request(u"k"_s, 9));
        const qint64 cancelledQueued = enqueued(store, request(u"k"_s, 8));
        const qint64 next = enqueued(store, request(u"k"_s, 1));
        QCOMPARE(ids(store.claim(u"w"_s, {{u"k"_s, 1}}, 1, kLease).value()), QList<qint64>{running});
        QCOMPARE(store.requestCancel(running).value(), JobState::Running);
        QCOMPARE(store.requestCancel(cancelledQueued).value(), JobState::Cancelled);
        QList<Job> events;
        store.deferEvents(&events);
        const JobCompletion stopped{running, JobOutcome::cancelled(), false, false, 0, 0, {}};
        // Another person's jobs only: nothing of alice's is claimed.
        const auto others = store.finishAndClaim(u"w"_s, {stopped}, {{u"k"_s, 4}}, 4, kLease, u"nobody"_s);
        QVERIFY2(others, qPrintable(others.error().detail));
        QCOMPARE(ids(others->finished), QList<qint64>{running});
        QVERIFY(others->claimed.isEmpty());
        QCOMPARE(store.get(running)->state, JobState::Cancelled);
        // Recorded already: a second report of it changes nothing; alice's job is claimed.
        const auto own =
            store.finishAndClaim(u"w"_s, {stopped}, {{u"k"_s, 4}}, 4, kLease, store.get(next)->createdBy);
        QVERIFY2(own, qPrintable(own.error().detail));
        QVERIFY(own->finished.isEmpty());
        QCOMPARE(ids(own->claimed), QList<qint64>{next});
        QCOMPARE(store.get(cancelledQueued)->state, JobState::Cancelled);
        QCOMPARE(store.get(running)->state, JobState::Cancelled);
    }

    // PostgreSQL: the round finds the jobs it records by primary key. It must not read the
    // partial index of running jobs (jobs_leased): that index also keeps an entry for
    // every job that ran since the table's last vacuum, and a bitmap scan of it reads
    // them all and their heap pages; nor the whole table. The server's counters of
    // scans per index and table, flushed on demand, say what the statement read.
    void finishAndClaimFindsJobsByKey()
    {
        if (!db().isPostgreSQL())
            QSKIP("a PostgreSQL plan; SQLite records each job with a statement of its own by key");
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        {
            Transaction tx(db());
            QVERIFY(tx.ok());
            for (int i = 0; i < 5000; ++i)
                QVERIFY(enqueued(store, request(u"k"_s)) > 0);
            QVERIFY(tx.commit());
        }
        // 4,000 of them ran and finished (as a busy queue leaves the table between two
        // vacuums), 4 run now.
        QVERIFY(SqlStatement::run(
            db(),
            u"UPDATE jobs SET state = 'running', lease_owner = 'gone', lease_expires_at = ?, "
            "attempts = 1 WHERE id IN (SELECT id FROM jobs ORDER BY id LIMIT 4000)"_s,
            {kStart + kLease}));
        QVERIFY(
            SqlStatement::run(db(),
                              u"UPDATE jobs SET state = 'succeeded', lease_owner = NULL, lease_expires_at = "
                              "NULL, finished_at = ? WHERE lease_owner = 'gone'"_s,
                              {kStart}));
        const QList<Job> held = store.claim(u"w"_s, {{u"k"_s, 4}}, 4, kLease).value();
        QCOMPARE(held.size(), 4);
        const auto succeeded = [](const QList<Job> &jobs) {
            QList<JobCompletion> out;
            for (const Job &job : jobs) {
                JobCompletion c;
                c.id = job.id;
                c.outcome = JobOutcome::success();
                out << c;
            }
            return out;
        };
        QList<JobCompletion> completions = succeeded(held);
        QList<Job> events;
        store.deferEvents(&events);

        const auto scans = [this] {
            // Sent when the connection goes idle after this statement, before the next.
            queryValue(db(), u"SELECT pg_stat_force_next_flush()"_s);
            return queryValue(db(), u"SELECT (SELECT seq_scan FROM pg_stat_user_tables WHERE relid = "
                                    "CAST('jobs' AS regclass)) || '/' || (SELECT idx_scan FROM "
                                    "pg_stat_user_indexes WHERE relid = CAST('jobs' AS regclass) "
                                    "AND indexrelname = 'jobs_leased')"_s)
                .toString();
        };
        // Past the plan cache's first executions too (the statement is kept prepared).
        for (int round = 0; round < 8; ++round) {
            const QString before = scans();
            QVERIFY(!before.isEmpty());
            clock.advance(10);
            const auto done =
                store.finishAndClaim(u"w"_s, completions, {{u"k"_s, 4}}, 4, kLease, QString(), false);
            QVERIFY2(done, qPrintable(done.error().detail));
            QCOMPARE(done->finished.size(), 4);
            QCOMPARE(done->claimed.size(), 4);
            // Table scans / scans of jobs_leased: none by the round.
            QCOMPARE(scans(), before);
            completions = succeeded(done->claimed);
        }
        QCOMPARE(store.countByState()->value(JobState::Succeeded), 4000 + 8 * 4);
    }

    // The engine's round is kept prepared on the connection (PostgreSQL): it runs past the
    // plan cache's first executions, and again after the server forgot its prepared
    // statements (a new server connection behind a pooler).
    void finishAndClaimRunsAgainAndAgain()
    {
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        QList<Job> events;
        store.deferEvents(&events);
        for (int i = 0; i < 12; ++i)
            QVERIFY(enqueued(store, request(u"k"_s)) > 0);
        QList<Job> held = store.claim(u"w"_s, {{u"k"_s, 1}}, 1, kLease).value();
        QCOMPARE(held.size(), 1);
        QSet<qint64> seen{held.first().id};
        for (int i = 0; i < 11; ++i) {
            if (i == 8 && db().isPostgreSQL())
                QVERIFY(SqlStatement::run(db(), u"DEALLOCATE ALL"_s));
            clock.advance(10);
            const auto round = store.finishAndClaim(
                u"w"_s, {JobCompletion{held.first().id, JobOutcome::success(), false, false, 0, 0, {}}},
                {{u"k"_s, 1}}, 1, kLease, QString(), false);
            QVERIFY2(round, qPrintable(round.error().detail));
            QCOMPARE(ids(round->finished), QList<qint64>{held.first().id});
            QCOMPARE(round->claimed.size(), 1);
            QVERIFY(!seen.contains(round->claimed.first().id));
            seen.insert(round->claimed.first().id);
            held = round->claimed;
        }
        QCOMPARE(store.countByState()->value(JobState::Succeeded), 11);
        QCOMPARE(store.countByState()->value(JobState::Running), 1);
    }

    // PostgreSQL: a listener gets one NOTIFY for a claim of five jobs, one for their
    // progress, one for their completion, and one for five jobs queued in one
    // transaction.
    void oneNotificationPerTransaction()
    {
        if (!db().isPostgreSQL())
            QSKIP("NOTIFY is PostgreSQL's; SQLite's events stay in the process");
        const Result<QSqlDatabase> own = db().connection();
        QVERIFY(own);
        QSqlDatabase listener = QSqlDatabase::cloneDatabase(own.value(), u"notify-counter"_s);
        QVERIFY2(listener.open(), qPrintable(listener.lastError().text()));
        const auto closeListener = qScopeGuard([&] {
            listener.close();
            listener = QSqlDatabase();
            QSqlDatabase::removeDatabase(u"notify-counter"_s);
        });
        QVERIFY(listener.driver()->subscribeToNotification(QString::fromLatin1(Events::channel)));
        QList<QByteArray> received;
        connect(listener.driver(), &QSqlDriver::notification, this,
                [&](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                    received << payload.toString().toUtf8();
                });
        const auto settle = [&](int expected) -> int {
            // Delivery is asynchronous: wait for the expected count, then a little for extras.
            QDeadlineTimer deadline(10000);
            while (received.size() < expected && !deadline.hasExpired())
                QTest::qWait(20);
            QTest::qWait(200);
            return int(received.size());
        };

        ManualClock clock(kStart);
        JobStore store(db(), clock);
        {
            Transaction tx(db());
            QVERIFY(tx.ok());
            for (int i = 0; i < 5; ++i)
                QVERIFY(enqueued(store, request(u"k"_s)) > 0);
            QVERIFY(tx.commit());
        }
        QCOMPARE(settle(1), 1);
        QVERIFY2(received.last().contains("\"jobs\""), received.last().constData());

        received.clear();
        const auto claimed = store.claim(u"w"_s, {{u"k"_s, 5}}, 5, kLease);
        QCOMPARE(claimed->size(), 5);
        QCOMPARE(settle(1), 1);

        received.clear();
        QList<JobProgress> progress;
        for (const Job &job : claimed.value())
            progress << JobProgress{job.id, 1, 2, u"half"_s};
        QCOMPARE(store.setProgressMany(u"w"_s, progress)->size(), 5);
        QCOMPARE(settle(1), 1);

        received.clear();
        QList<JobCompletion> completions;
        for (const Job &job : claimed.value())
            completions << JobCompletion{job.id, JobOutcome::success(), false, false, 0, 0, {}};
        QCOMPARE(store.finishMany(u"w"_s, completions)->size(), 5);
        QCOMPARE(settle(1), 1);
        QVERIFY(received.last().size() < 1000);
    }

    void expiredLeaseIsReclaimedAndTheOldOwnerLosesIt()
    {
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        const qint64 id = enqueued(store, request(u"k"_s));
        QCOMPARE(claimOne(store, u"old"_s, u"k"_s, 1000).id, id);
        clock.advance(1001);
        const Job taken = claimOne(store, u"new"_s, u"k"_s);
        QCOMPARE(taken.id, id);
        QCOMPARE(taken.attempts, 2);
        QCOMPARE(taken.leaseOwner, u"new"_s);
        QCOMPARE(taken.startedAt, kStart); // the first start is kept

        auto isLeaseLost = [](const DbError &e) {
            return e.code == DbError::Code::LeaseLost;
        };
        QVERIFY(isLeaseLost(store.setProgress(id, u"old"_s, 5, 10, u"late"_s).error()));
        QVERIFY(isLeaseLost(store.saveCheckpoint(id, u"old"_s, {{u"done"_s, 5}}).error()));
        QVERIFY(isLeaseLost(store.finish(id, u"old"_s, JobOutcome::success({{u"n"_s, 1}})).error()));
        QVERIFY(isLeaseLost(store.requeue(id, u"old"_s, u"boom"_s, kStart + 99'000).error()));
        QVERIFY(isLeaseLost(store.release(id, u"old"_s).error()));
        QVERIFY(store.heartbeat(u"old"_s, {id}, kLease)->isEmpty());

        const Job now = store.get(id).value();
        QCOMPARE(now.state, JobState::Running);
        QCOMPARE(now.leaseOwner, u"new"_s);
        QCOMPARE(now.leaseExpiresAt, taken.leaseExpiresAt);
        QCOMPARE(now.attempts, 2);
        QCOMPARE(now.progressDone, 0);
        QVERIFY(now.progressMessage.isEmpty());
        QVERIFY(now.checkpoint.isEmpty());
        QVERIFY(now.result.isEmpty());
        QVERIFY(now.error.isEmpty());

        // The new owner's writes go through.
        QVERIFY(store.setProgress(id, u"new"_s, 5, 10, u"half"_s));
        QCOMPARE(store.finish(id, u"new"_s, JobOutcome::success())->state, JobState::Succeeded);
    }

    void reclaimAfterTheLastAttemptFailsTheJob()
    {
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        JobRequest r = request(u"fragile"_s);
        r.maxAttempts = 2;
        r.notifyCreator = true;
        const qint64 id = enqueued(store, r);
        QCOMPARE(claimOne(store, u"w1"_s, u"fragile"_s, 1000).attempts, 1);
        clock.advance(2000);
        QCOMPARE(claimOne(store, u"w2"_s, u"fragile"_s, 1000).attempts, 2);
        clock.advance(2000);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"stopped responding"_s));
        QVERIFY(store.claim(u"w3"_s, {{u"fragile"_s, 1}}, 1, kLease)->isEmpty());

        const Job job = store.get(id).value();
        QCOMPARE(job.state, JobState::Failed);
        QCOMPARE(job.attempts, 2);
        QVERIFY2(job.error.contains(u"stopped responding"_s), qPrintable(job.error));
        QCOMPARE(job.finishedAt, kStart + 4000);
        QVERIFY(job.leaseOwner.isEmpty());
        const auto notes = NotificationStore(db()).list(m_alice.username).value();
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes.first().kind, Notification::Kind::JobFailed);
        QCOMPARE(notes.first().jobId, id);
    }

    // --- heartbeat and cancel --------------------------------------------------------

    void heartbeatExtendsLeasesAndReportsCancel()
    {
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        const qint64 a = enqueued(store, request(u"k"_s));
        const qint64 b = enqueued(store, request(u"k"_s));
        const qint64 other = enqueued(store, request(u"k"_s));
        QCOMPARE(store.claim(u"w"_s, {{u"k"_s, 2}}, 2, 1000)->size(), 2);
        QCOMPARE(claimOne(store, u"x"_s, u"k"_s).id, other);

        clock.advance(800);
        auto held = store.heartbeat(u"w"_s, {a, b, other}, 1000);
        QVERIFY(held);
        QCOMPARE(held.value(), (QHash<qint64, bool>{{a, false}, {b, false}}));
        QCOMPARE(store.get(a)->leaseExpiresAt, kStart + 1800);

        QCOMPARE(store.requestCancel(a).value(), JobState::Running);
        clock.advance(800);
        held = store.heartbeat(u"w"_s, {a, b}, 1000);
        QCOMPARE(held.value(), (QHash<qint64, bool>{{a, true}, {b, false}}));
        // Not expired thanks to the heartbeats: nobody else can claim them.
        QVERIFY(store.claim(u"y"_s, {{u"k"_s, 5}}, 5, 1000)->isEmpty());

        QVERIFY(store.finish(b, u"w"_s, JobOutcome::success()));
        QCOMPARE(store.heartbeat(u"w"_s, {a, b}, 1000).value(), (QHash<qint64, bool>{{a, true}}));
        QVERIFY(store.heartbeat(u"w"_s, {}, 1000)->isEmpty());
    }

    void requestCancel_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<int>("expectedState"); // a JobState, or -1 for an error
        QTest::addColumn<int>("expectedError");
        QTest::newRow("queued is cancelled at once") << u"queued"_s << int(JobState::Cancelled) << -1;
        QTest::newRow("running is asked to stop") << u"running"_s << int(JobState::Running) << -1;
        QTest::newRow("succeeded cannot be cancelled")
            << u"succeeded"_s << -1 << int(DbError::Code::InvalidState);
        QTest::newRow("cancelled cannot be cancelled")
            << u"cancelled"_s << -1 << int(DbError::Code::InvalidState);
        QTest::newRow("unknown job") << u"unknown"_s << -1 << int(DbError::Code::NotFound);
    }
    void requestCancel()
    {
        QFETCH(QString, before);
        QFETCH(int, expectedState);
        QFETCH(int, expectedError);
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        qint64 id = enqueued(store, request(u"k"_s));
        if (before != u"queued"_s && before != u"unknown"_s)
            QCOMPARE(claimOne(store, u"w"_s, u"k"_s).id, id);
        if (before == u"succeeded"_s)
            QVERIFY(store.finish(id, u"w"_s, JobOutcome::success()));
        if (before == u"cancelled"_s)
            QVERIFY(store.finish(id, u"w"_s, JobOutcome::cancelled()));
        if (before == u"unknown"_s)
            id += 1000;
        const Result<Job> beforeJob = store.get(id);
        clock.advance(500);

        const Result<JobState> r = store.requestCancel(id);
        if (expectedError >= 0) {
            QVERIFY(!r);
            QCOMPARE(int(r.error().code), expectedError);
            if (before != u"unknown"_s)
                QCOMPARE(store.get(id)->updatedAt, beforeJob->updatedAt);
            return;
        }
        QVERIFY2(r, qPrintable(r.error().text()));
        QCOMPARE(int(r.value()), expectedState);
        const Job after = store.get(id).value();
        QCOMPARE(int(after.state), expectedState);
        if (before == u"queued"_s) {
            QCOMPARE(after.finishedAt, kStart + 500);
        } else {
            QVERIFY(after.cancelRequested);
            QCOMPARE(after.leaseOwner, u"w"_s);
            QCOMPARE(after.finishedAt, 0);
        }
    }

    // --- finish, requeue, release, retry ---------------------------------------------

    void finishWritesOneNotification_data()
    {
        QTest::addColumn<int>("outcome"); // JobOutcome::Kind
        QTest::addColumn<bool>("notify");
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("kind"); // Notification::Kind
        QTest::newRow("succeeded, notify")
            << int(JobOutcome::Kind::Succeeded) << true << int(JobState::Succeeded)
            << int(Notification::Kind::JobSucceeded);
        QTest::newRow("failed, notify") << int(JobOutcome::Kind::Failed) << true << int(JobState::Failed)
                                        << int(Notification::Kind::JobFailed);
        QTest::newRow("cancelled, notify")
            << int(JobOutcome::Kind::Cancelled) << true << int(JobState::Cancelled)
            << int(Notification::Kind::JobCancelled);
        QTest::newRow("succeeded, silent")
            << int(JobOutcome::Kind::Succeeded) << false << int(JobState::Succeeded) << -1;
    }
    void finishWritesOneNotification()
    {
        QFETCH(int, outcome);
        QFETCH(bool, notify);
        QFETCH(int, state);
        QFETCH(int, kind);
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        JobRequest r = request(u"residents.import"_s);
        r.notifyCreator = notify;
        const qint64 id = enqueued(store, r);
        claimOne(store, u"w"_s, u"residents.import"_s);
        clock.advance(2500);

        JobOutcome o;
        switch (JobOutcome::Kind(outcome)) {
        case JobOutcome::Kind::Succeeded:
            o = JobOutcome::success({{u"imported"_s, 120}});
            break;
        case JobOutcome::Kind::Failed:
            o = JobOutcome::failure(u"The file is missing."_s);
            break;
        case JobOutcome::Kind::Cancelled:
            o = JobOutcome::cancelled();
            break;
        }
        const Result<Job> job = store.finish(id, u"w"_s, o);
        QVERIFY2(job, qPrintable(job.error().text()));
        QCOMPARE(int(job->state), state);
        QCOMPARE(job->finishedAt, kStart + 2500);
        QVERIFY(job->leaseOwner.isEmpty());
        QCOMPARE(job->leaseExpiresAt, 0);
        QCOMPARE(job->result, o.result);
        QCOMPARE(job->error, o.error);
        QCOMPARE(store.get(id)->state, job->state);

        if (!notify) {
            QCOMPARE(notificationCount(), 0);
            return;
        }
        QCOMPARE(notificationCount(), 1);
        const Notification n = NotificationStore(db()).list(m_alice.username)->first();
        QCOMPARE(int(n.kind), kind);
        QCOMPARE(n.jobId, id);
        QCOMPARE(n.link, u"job:%1"_s.arg(id));
        QVERIFY2(n.title.contains(u"residents.import"_s), qPrintable(n.title));
        QCOMPARE(n.createdAt, kStart + 2500);
        if (!o.error.isEmpty())
            QCOMPARE(n.body, o.error);
        if (JobOutcome::Kind(outcome) == JobOutcome::Kind::Succeeded)
            QVERIFY2(n.body.contains(u"120"_s), qPrintable(n.body));
        // A second finish is refused and writes nothing.
        QCOMPARE(store.finish(id, u"w"_s, o).error().code, DbError::Code::LeaseLost);
        QCOMPARE(notificationCount(), 1);
    }

    void notificationTitleIsTheKindsTitle()
    {
        // With the task registry the creator reads the kind's title, not its code.
        TaskRegistry titles;
        titles.add({u"residents.import"_s, u"Import residents"_s, 0, 3, {}});
        ManualClock clock(kStart);
        JobStore store(db(), clock, &titles);
        JobRequest r = request(u"residents.import"_s);
        r.notifyCreator = true;
        const qint64 failing = enqueued(store, r);
        claimOne(store, u"w"_s, u"residents.import"_s);
        QVERIFY(store.finish(failing, u"w"_s, JobOutcome::failure(u"The file is missing."_s)));
        // A queued job cancelled at once is named the same way.
        const qint64 queued = enqueued(store, r);
        QCOMPARE(store.requestCancel(queued).value(), JobState::Cancelled);

        const QList<Notification> list = NotificationStore(db()).list(m_alice.username).value();
        QCOMPARE(list.size(), 2);
        QStringList got;
        for (const Notification &n : list)
            got << n.title;
        got.sort();
        QCOMPARE(got, (QStringList{u"Import residents cancelled"_s, u"Import residents failed"_s}));
    }

    void requeueAndReleaseCountAttempts()
    {
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        const qint64 id = enqueued(store, request(u"k"_s));
        QCOMPARE(claimOne(store, u"w"_s, u"k"_s).attempts, 1);

        const Result<Job> requeued = store.requeue(id, u"w"_s, u"timeout"_s, kStart + 5000);
        QVERIFY2(requeued, qPrintable(requeued.error().text()));
        QCOMPARE(requeued->state, JobState::Queued);
        QCOMPARE(requeued->attempts, 1);
        QCOMPARE(requeued->error, u"timeout"_s);
        QCOMPARE(requeued->runAfter, kStart + 5000);
        QVERIFY(requeued->leaseOwner.isEmpty());
        QVERIFY(store.claim(u"w"_s, {{u"k"_s, 1}}, 1, kLease)->isEmpty());

        clock.advance(5000);
        QCOMPARE(claimOne(store, u"w"_s, u"k"_s).attempts, 2);
        clock.advance(100);
        QVERIFY(store.release(id, u"w"_s));
        Job released = store.get(id).value();
        QCOMPARE(released.state, JobState::Queued);
        QCOMPARE(released.attempts, 1);
        QCOMPARE(released.runAfter, kStart + 5100);
        QVERIFY(released.leaseOwner.isEmpty());
        QCOMPARE(claimOne(store, u"w2"_s, u"k"_s).attempts, 2);
        // A release is refused when the job is not held.
        QCOMPARE(store.release(id, u"w"_s).error().code, DbError::Code::LeaseLost);
    }

    void retryQueuesAFailedJobAgain()
    {
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        const qint64 id = enqueued(store, request(u"k"_s));
        claimOne(store, u"w"_s, u"k"_s);
        QVERIFY(store.saveCheckpoint(id, u"w"_s, {{u"done"_s, 40}}));
        QVERIFY(store.requestCancel(id));
        QVERIFY(store.finish(id, u"w"_s, JobOutcome::failure(u"disk full"_s)));

        clock.advance(10'000);
        const Result<Job> retried = store.retry(id, m_alice);
        QVERIFY2(retried, qPrintable(retried.error().text()));
        QCOMPARE(retried->state, JobState::Queued);
        QCOMPARE(retried->attempts, 0);
        QCOMPARE(retried->runAfter, kStart + 10'000);
        QVERIFY(retried->error.isEmpty());
        QVERIFY(retried->result.isEmpty());
        QCOMPARE(retried->finishedAt, 0);
        QVERIFY(!retried->cancelRequested);
        QCOMPARE(retried->checkpoint, (QJsonObject{{u"done"_s, 40}}));
        QVERIFY(queryValue(db(), u"SELECT result FROM jobs WHERE id = ?"_s, {id}).isNull());

        QCOMPARE(store.retry(id, m_alice).error().code, DbError::Code::InvalidState); // queued
        QCOMPARE(claimOne(store, u"w"_s, u"k"_s).attempts, 1);
        QCOMPARE(store.retry(id, m_alice).error().code, DbError::Code::InvalidState); // running
        QVERIFY(store.finish(id, u"w"_s, JobOutcome::success()));
        QCOMPARE(store.retry(id, m_alice).error().code, DbError::Code::InvalidState); // succeeded
        QCOMPARE(store.retry(id + 1000, m_alice).error().code, DbError::Code::NotFound);
    }

    void retryRefusesAKeyThatIsActiveAgain()
    {
        JobStore store(db());
        const auto merge = JobRequest::OnDuplicate::Merge;
        const qint64 first = enqueued(store, keyed(u"k"_s, u"key"_s, merge));
        QCOMPARE(store.requestCancel(first).value(), JobState::Cancelled);
        const qint64 second = enqueued(store, keyed(u"k"_s, u"key"_s, merge));
        QVERIFY(second != first);
        const auto retried = store.retry(first, m_alice);
        QVERIFY(!retried);
        QCOMPARE(retried.error().code, DbError::Code::Duplicate);
        QCOMPARE(store.get(first)->state, JobState::Cancelled);
        QVERIFY(store.requestCancel(second));
        QVERIFY(store.retry(first, m_alice));
    }

    // The job holding the key may be another person's, out of sight under row-level
    // security: the refusal still names it (residesk_job_key_holder, 0027).
    void retryNamesAnotherPersonsJobHoldingTheKey()
    {
        using Person = TestDatabase::Person;
        const Actor hana = TestDatabase::actorFor(Person::Housing, u"hana"_s, Actor::Role::Housing);
        const Actor vera = TestDatabase::actorFor(Person::Vet, u"vera"_s, Actor::Role::Vet);
        JobStore housing(m_t->dbAs(Person::Housing));
        JobStore vets(m_t->dbAs(Person::Vet));
        const auto merge = JobRequest::OnDuplicate::Merge;
        const Result<EnqueueResult> first = housing.enqueue(keyed(u"mail.send"_s, u"shared"_s, merge), hana);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().text()));
        QCOMPARE(housing.requestCancel(first->id).value(), JobState::Cancelled);
        const Result<EnqueueResult> second = vets.enqueue(keyed(u"mail.send"_s, u"shared"_s, merge), vera);
        QVERIFY2(second, qPrintable(second ? QString() : second.error().text()));
        QVERIFY(second->id != first->id);
        const Result<Job> retried = housing.retry(first->id, hana);
        QVERIFY(!retried);
        QCOMPARE(retried.error().code, DbError::Code::Duplicate);
        QVERIFY2(retried.error().message.contains(u"job %1 "_s.arg(second->id)),
                 qPrintable(retried.error().message));
    }

    // --- progress and checkpoints ----------------------------------------------------

    void progressIsWrittenAndClipped()
    {
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        const qint64 id = enqueued(store, request(u"k"_s));
        claimOne(store, u"w"_s, u"k"_s);
        QVERIFY(store.setProgress(id, u"w"_s, 3450, 10000, u"chunk 7"_s));
        Job job = store.get(id).value();
        QCOMPARE(job.progressDone, 3450);
        QCOMPARE(job.progressTotal, 10000);
        QCOMPARE(job.progressMessage, u"chunk 7"_s);
        QVERIFY(store.setProgress(id, u"w"_s, 3451, 10000, QString(800, u'm')));
        QCOMPARE(store.get(id)->progressMessage, QString(500, u'm'));
        QVERIFY(store.setProgress(id, u"w"_s, 3452, 10000, QString()));
        QVERIFY(store.get(id)->progressMessage.isEmpty());
    }

    void checkpointFollowsTheCallersTransaction()
    {
        JobStore store(db());
        const qint64 id = enqueued(store, request(u"k"_s));
        claimOne(store, u"w"_s, u"k"_s);
        {
            Transaction tx(db());
            QVERIFY(tx.ok());
            QVERIFY(store.saveCheckpoint(id, u"w"_s, {{u"done"_s, 1}}));
            // rolled back with the work it belongs to
        }
        QVERIFY(store.get(id)->checkpoint.isEmpty());
        {
            Transaction tx(db());
            QVERIFY(store.saveCheckpoint(id, u"w"_s, {{u"done"_s, 2}}));
            QVERIFY(tx.commit());
        }
        QCOMPARE(store.get(id)->checkpoint, (QJsonObject{{u"done"_s, 2}}));
        QCOMPARE(queryValue(db(), u"SELECT checkpoint FROM jobs WHERE id = ?"_s, {id}).toString(),
                 u"{\"done\":2}"_s);
    }

    void stateChangesPublishEvents()
    {
        if (db().isPostgreSQL())
            QSKIP("events travel through LISTEN/NOTIFY on PostgreSQL (see tst_events)");
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        QSignalSpy spy(&db(), &Database::localEvent);
        auto states = [&spy] {
            QStringList out;
            for (const QList<QVariant> &args : std::as_const(spy)) {
                const QJsonObject e = args.at(0).toJsonObject();
                if (e.value(u"type"_s).toString() == u"job"_s)
                    out << e.value(u"state"_s).toString();
            }
            spy.clear();
            return out;
        };
        const qint64 id = enqueued(store, request(u"k"_s));
        QCOMPARE(states(), QStringList{u"queued"_s});
        claimOne(store, u"w"_s, u"k"_s);
        QCOMPARE(states(), QStringList{u"running"_s});
        QVERIFY(store.setProgress(id, u"w"_s, 1, 2, u"half"_s));
        QCOMPARE(states(), QStringList{u"running"_s});
        QVERIFY(store.saveCheckpoint(id, u"w"_s, {{u"n"_s, 1}}));
        QCOMPARE(states(), QStringList{});
        QVERIFY(store.requeue(id, u"w"_s, u"again"_s, 0));
        QCOMPARE(states(), QStringList{u"queued"_s});
        claimOne(store, u"w"_s, u"k"_s);
        states();
        QVERIFY(store.finish(id, u"w"_s, JobOutcome::success()));
        QCOMPARE(states(), QStringList{u"succeeded"_s});
    }

    // --- history ---------------------------------------------------------------------

    void pruneDeletesOldFinishedJobsOnly()
    {
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        QList<qint64> finished;
        for (int i = 0; i < 4; ++i) {
            const qint64 id = enqueued(store, request(u"k"_s));
            claimOne(store, u"w"_s, u"k"_s);
            clock.set(kStart + (i + 1) * 1000);
            QVERIFY(store.finish(id, u"w"_s, i == 1 ? JobOutcome::failure(u"x"_s) : JobOutcome::success()));
            finished << id;
        }
        const qint64 queued = enqueued(store, request(u"k"_s));
        const qint64 running = enqueued(store, request(u"r"_s));
        claimOne(store, u"w"_s, u"r"_s);
        JobRequest notify = request(u"n"_s);
        notify.notifyCreator = true;
        const qint64 noted = enqueued(store, notify);
        claimOne(store, u"w"_s, u"n"_s);
        QVERIFY(store.finish(noted, u"w"_s, JobOutcome::success()));

        // Finished at 1000, 2000 (failed), 3000, 4000 and (noted) 4000 after the start.
        const Result<int> pruned = store.prune(kStart + 3000);
        QVERIFY2(pruned, qPrintable(pruned.error().text()));
        QCOMPARE(pruned.value(), 2);
        QCOMPARE(store.get(finished[0]).error().code, DbError::Code::NotFound);
        QCOMPARE(store.get(finished[1]).error().code, DbError::Code::NotFound);
        QVERIFY(store.get(finished[2]));
        QCOMPARE(store.prune(kStart + 10'000).value(), 3);
        QVERIFY(store.get(queued));
        QVERIFY(store.get(running));
        // The notification outlives its job.
        const auto notes = NotificationStore(db()).list(m_alice.username).value();
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes.first().jobId, 0);
    }

    void statsComputesRatesAndDurations()
    {
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        // Twenty successes lasting 100, 200, … 2000 ms, in shuffled order.
        for (int i = 0; i < 20; ++i) {
            const int d = ((i * 7) % 20 + 1) * 100;
            const qint64 id = enqueued(store, request(u"a"_s));
            claimOne(store, u"w"_s, u"a"_s);
            clock.advance(d);
            QVERIFY(store.finish(id, u"w"_s, JobOutcome::success()));
        }
        const qint64 failed = enqueued(store, request(u"a"_s));
        claimOne(store, u"w"_s, u"a"_s);
        clock.advance(99'999); // failures do not count towards the durations
        QVERIFY(store.finish(failed, u"w"_s, JobOutcome::failure(u"no"_s)));
        QVERIFY(store.requestCancel(enqueued(store, request(u"a"_s))));
        enqueued(store, request(u"a"_s, -5));
        enqueued(store, request(u"b"_s));
        enqueued(store, request(u"b"_s));
        QVERIFY(claimOne(store, u"w"_s, u"b"_s).id > 0);

        const auto stats = store.stats();
        QVERIFY2(stats, qPrintable(stats.error().text()));
        QCOMPARE(stats->size(), 2);
        const JobKindStats a = stats->at(0);
        QCOMPARE(a.kind, u"a"_s);
        QCOMPARE(a.total, 23);
        QCOMPARE(a.succeeded, 20);
        QCOMPARE(a.failed, 1);
        QCOMPARE(a.cancelled, 1);
        QCOMPARE(a.queued, 1);
        QCOMPARE(a.running, 0);
        QCOMPARE(a.successRate, 20.0 / 21.0);
        QCOMPARE(a.medianMs, 1000); // nearest rank: the 10th of 20
        QCOMPARE(a.p95Ms, 1900);    // the 19th of 20
        const JobKindStats b = stats->at(1);
        QCOMPARE(b.kind, u"b"_s);
        QCOMPARE(b.total, 2);
        QCOMPARE(b.queued, 1);
        QCOMPARE(b.running, 1);
        QCOMPARE(b.successRate, 0.0);
        QCOMPARE(b.medianMs, 0);
        QCOMPARE(b.p95Ms, 0);

        const auto counts = store.countByState();
        QVERIFY(counts);
        QCOMPARE(counts->value(JobState::Queued), 2);
        QCOMPARE(counts->value(JobState::Running), 1);
        QCOMPARE(counts->value(JobState::Succeeded), 20);
        QCOMPARE(counts->value(JobState::Failed), 1);
        QCOMPARE(counts->value(JobState::Cancelled), 1);
        QCOMPARE(counts->size(), 5);
    }

    void statsOfOneDuration()
    {
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        const qint64 id = enqueued(store, request(u"solo"_s));
        claimOne(store, u"w"_s, u"solo"_s);
        clock.advance(1234);
        QVERIFY(store.finish(id, u"w"_s, JobOutcome::success()));
        const JobKindStats s = store.stats()->first();
        QCOMPARE(s.medianMs, 1234);
        QCOMPARE(s.p95Ms, 1234);
        QCOMPARE(s.successRate, 1.0);
    }

    // --- recurring jobs --------------------------------------------------------------

    void recurringFiresOncePerPeriod()
    {
        ManualClock clock(utc("2024-01-01T12:00:00Z"));
        JobStore store(db(), clock);
        RecurringJob nightly;
        nightly.name = u"jobs.prune"_s;
        nightly.kind = u"jobs.prune"_s;
        nightly.payload = {{u"days"_s, 30}};
        nightly.schedule = u"0 3 * * *"_s;
        QVERIFY(store.upsertRecurring(nightly));
        auto listed = store.recurring().value();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().nextRunAt, utc("2024-01-02T03:00:00Z"));
        QCOMPARE(listed.first().payload, nightly.payload);
        QVERIFY(listed.first().enabled);

        clock.set(utc("2024-01-02T02:59:59Z"));
        QCOMPARE(store.fireDueRecurring(m_alice).value(), 0);
        clock.set(utc("2024-01-02T03:00:00Z"));
        const Result<int> fired = store.fireDueRecurring(m_alice);
        QVERIFY2(fired, qPrintable(fired.error().text()));
        QCOMPARE(fired.value(), 1);
        QCOMPARE(store.fireDueRecurring(m_alice).value(), 0);

        listed = store.recurring().value();
        QCOMPARE(listed.first().nextRunAt, utc("2024-01-03T03:00:00Z"));
        const Job job = store.get(listed.first().lastJobId).value();
        QCOMPARE(job.kind, u"jobs.prune"_s);
        QCOMPARE(job.payload, nightly.payload);
        QCOMPARE(job.uniqueKey, u"recurring:jobs.prune:%1"_s.arg(utc("2024-01-02T03:00:00Z")));
        QCOMPARE(job.createdBy, m_alice.username);

        // Missed periods fire once, then the schedule moves past now.
        clock.set(utc("2024-01-10T12:00:00Z"));
        QCOMPARE(store.fireDueRecurring(m_alice).value(), 1);
        QCOMPARE(store.recurring()->first().nextRunAt, utc("2024-01-11T03:00:00Z"));
        QCOMPARE(queryValue(db(), u"SELECT COUNT(*) FROM jobs"_s).toInt(), 2);
    }

    void recurringScheduleChanges()
    {
        ManualClock clock(utc("2024-01-01T12:00:00Z"));
        JobStore store(db(), clock);
        RecurringJob job{u"report"_s, u"report.weekly"_s, {}, u"0 3 * * *"_s, true, 0, 0};
        QVERIFY(store.upsertRecurring(job));
        QCOMPARE(store.recurring()->first().nextRunAt, utc("2024-01-02T03:00:00Z"));

        // Unchanged schedule: the next run is kept even as time passes.
        clock.set(utc("2024-01-01T20:00:00Z"));
        job.payload = {{u"v"_s, 2}};
        QVERIFY(store.upsertRecurring(job));
        QCOMPARE(store.recurring()->first().nextRunAt, utc("2024-01-02T03:00:00Z"));
        QCOMPARE(store.recurring()->first().payload, job.payload);

        job.schedule = u"@hourly"_s;
        QVERIFY(store.upsertRecurring(job));
        QCOMPARE(store.recurring()->first().nextRunAt, utc("2024-01-01T21:00:00Z"));
        QCOMPARE(store.recurring()->first().schedule, u"@hourly"_s);

        // Disabled: not fired.
        job.enabled = false;
        QVERIFY(store.upsertRecurring(job));
        clock.set(utc("2024-01-02T05:30:00Z"));
        QCOMPARE(store.fireDueRecurring(m_alice).value(), 0);
        // Enabled again: the periods missed meanwhile are not caught up.
        job.enabled = true;
        QVERIFY(store.upsertRecurring(job));
        QCOMPARE(store.recurring()->first().nextRunAt, utc("2024-01-02T06:00:00Z"));
        QCOMPARE(store.fireDueRecurring(m_alice).value(), 0);
        QCOMPARE(store.recurring()->size(), 1);
    }

    void recurringRejectsAnInvalidSchedule()
    {
        JobStore store(db());
        const RecurringJob job{u"broken"_s, u"k"_s, {}, u"61 * * * *"_s, true, 0, 0};
        const VoidResult r = store.upsertRecurring(job);
        QVERIFY(!r);
        QCOMPARE(r.error().code, DbError::Code::Validation);
        QCOMPARE(r.error().fields.size(), 1);
        QCOMPARE(r.error().fields.first().field, u"schedule"_s);
        QVERIFY2(r.error().text().contains(u"61 * * * *"_s), qPrintable(r.error().text()));
        QVERIFY2(r.error().text().contains(u"minute"_s), qPrintable(r.error().text()));
        QVERIFY(store.recurring()->isEmpty());
    }

    void recurringFiresOnceAcrossRacingClients()
    {
        ManualClock clock(utc("2024-01-01T00:00:30Z"));
        {
            JobStore store(db(), clock);
            QVERIFY(store.upsertRecurring({u"tick"_s, u"tick"_s, {}, u"@every 1m"_s, true, 0, 0}));
            QVERIFY(store.upsertRecurring({u"tock"_s, u"tock"_s, {}, u"*/2 * * * *"_s, true, 0, 0}));
        }
        std::unique_ptr<Database> dbs[2] = {m_t->openAnother(), m_t->openAnother()};
        constexpr int periods = 40;
        std::atomic<int> total = 0;
        std::atomic<int> failures = 0;
        for (int p = 0; p < periods; ++p) {
            clock.advance(60'000);
            runConcurrently(2, [&](int i) {
                const Result<int> fired = JobStore(*dbs[i], clock).fireDueRecurring(m_alice);
                if (!fired) {
                    qWarning("fire failed: %s", qPrintable(fired.error().detail));
                    ++failures;
                    return;
                }
                total += fired.value();
            });
        }
        for (auto &d : dbs)
            d.reset();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(total.load(), periods + periods / 2);
        QCOMPARE(queryValue(db(), u"SELECT COUNT(*) FROM jobs WHERE kind = 'tick'"_s).toInt(), periods);
        QCOMPARE(queryValue(db(), u"SELECT COUNT(*) FROM jobs WHERE kind = 'tock'"_s).toInt(), periods / 2);
        QCOMPARE(queryValue(db(), u"SELECT COUNT(DISTINCT unique_key) FROM jobs"_s).toInt(),
                 periods + periods / 2);
    }
};

QTEST_GUILESS_MAIN(TestJobStore)
#include "tst_jobstore.moc"
