#include "models/db/connectionmonitor.h"
#include "models/db/dbexecutor.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "tests/support/testdatabase.h"

#include <QCoroFuture>
#include <QCoroTask>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

namespace {
VoidResult insertBuilding(Database &db, const QString &code)
{
    return SqlStatement::run(db,
                             u"INSERT INTO buildings (code, name, floors, created_by, updated_by) VALUES (?, ?, ?, ?, ?)"_s,
                             {code, u"Hall "_s + code, 2, u"test"_s, u"test"_s});
}

int countBuildings(Database &db)
{
    SqlStatement st(db, u"SELECT COUNT(*) FROM buildings"_s);
    if (!st.exec() || !st.next())
        return -1;
    return st.value(0).toInt();
}
} // namespace

// Connections per thread, transactions, the executor's pools, and recovery from a
// lost connection, on the backend chosen by RESIDESK_TEST_BACKEND.
class TestDatabaseLayer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup() { m_t.reset(); }
    void eachThreadHasItsOwnConnection();
    void transactionRollsBackUnlessCommitted();
    void transactionCommits();
    void executorRunsOffTheCallingThreadInOrder();
    void unreachableServerIsAClearError();
    void recoversFromAKilledConnection();

private:
    std::unique_ptr<TestDatabase> m_t;
};

void TestDatabaseLayer::init()
{
    QString error;
    m_t = TestDatabase::create(&error);
    QVERIFY2(m_t, qPrintable(error));
}

void TestDatabaseLayer::eachThreadHasItsOwnConnection()
{
    Database &db = m_t->db();
    const QString mine = db.connection().value().connectionName();
    QCOMPARE(db.connection().value().connectionName(), mine); // reused on the same thread
    QString other;
    bool otherOpen = false;
    QThread *thread = QThread::create([&] {
        Result<QSqlDatabase> c = db.connection();
        otherOpen = c.ok() && c->isOpen();
        other = c->connectionName();
    });
    thread->start();
    QVERIFY(thread->wait(30000));
    delete thread;
    QVERIFY(otherOpen);
    QVERIFY(!other.isEmpty());
    QVERIFY(other != mine);
    // The finished thread's connection was removed with it.
    QVERIFY(!QSqlDatabase::contains(other));
}

void TestDatabaseLayer::transactionRollsBackUnlessCommitted()
{
    Database &db = m_t->db();
    {
        Transaction tx(db);
        QVERIFY(tx.ok());
        QVERIFY(insertBuilding(db, u"A"_s).ok());
        QCOMPARE(countBuildings(db), 1);
    }
    QCOMPARE(countBuildings(db), 0);

    // A failure inside the transaction: the earlier statement goes too.
    {
        Transaction tx(db);
        QVERIFY(insertBuilding(db, u"B"_s).ok());
        const VoidResult dup = insertBuilding(db, u"B"_s);
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().code, DbError::Code::Duplicate);
    }
    QCOMPARE(countBuildings(db), 0);
}

void TestDatabaseLayer::transactionCommits()
{
    Database &db = m_t->db();
    {
        Transaction tx(db);
        QVERIFY(insertBuilding(db, u"C"_s).ok());
        QVERIFY(tx.commit().ok());
    }
    QCOMPARE(countBuildings(db), 1);
    // Another "desktop" sees it.
    auto other = m_t->openAnother();
    QCOMPARE(countBuildings(*other), 1);
}

void TestDatabaseLayer::executorRunsOffTheCallingThreadInOrder()
{
    DbExecutor executor(m_t->db());
    QThread *const gui = QThread::currentThread();
    QList<QFuture<VoidResult>> writes;
    QList<int> order;
    QMutex mutex;
    for (int i = 0; i < 20; ++i) {
        writes << executor.write([i, gui, &order, &mutex](Database &db) -> VoidResult {
            if (QThread::currentThread() == gui)
                return DbError(DbError::Code::QueryFailed, u"ran on the calling thread"_s);
            {
                QMutexLocker lock(&mutex);
                order << i;
            }
            return insertBuilding(db, u"W%1"_s.arg(i));
        });
    }
    bool done = false;
    int seen = -1;
    auto check = [&]() -> QCoro::Task<> {
        for (auto &f : writes) {
            const VoidResult r = co_await f;
            if (!r)
                qWarning() << r.error().message << r.error().detail;
        }
        auto counted = executor.read([](Database &db) { return countBuildings(db); });
        seen = co_await counted; // named: GCC 12 destroys co_await temporaries twice (bug 100611)
        done = true;
    };
    check();
    // The test's event loop keeps running while the pool works.
    QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
    QCOMPARE(seen, 20);
    QList<int> expected;
    for (int i = 0; i < 20; ++i)
        expected << i;
    QCOMPARE(order, expected); // writes ran in the order they were issued
}

void TestDatabaseLayer::unreachableServerIsAClearError()
{
    DatabaseConfig config;
    if (TestDatabase::backendName() == u"postgresql"_s) {
        config = DatabaseConfig::parse(u"postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"_s).value();
    } else {
        config = DatabaseConfig::parse(u"sqlite:///proc/no-such-dir/x.db"_s).value();
    }
    Database db(config);
    const VoidResult r = db.open();
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, DbError::Code::ConnectionFailed);
    QVERIFY2(!r.error().message.isEmpty(), "the error must say what happened");
}

void TestDatabaseLayer::recoversFromAKilledConnection()
{
    if (TestDatabase::backendName() != u"postgresql"_s)
        QSKIP("An embedded SQLite file has no server connection to lose; this runs on PostgreSQL.");

    Database &db = m_t->db();
    DbExecutor executor(db);
    ConnectionMonitor monitor(executor);
    monitor.setBackoff(50, 400);
    QSignalSpy lost(&monitor, &ConnectionMonitor::connectionLost);
    QSignalSpy restored(&monitor, &ConnectionMonitor::connectionRestored);

    // Open the pool's connection, then have the server terminate every session of this database.
    auto warm = executor.write([](Database &db) { return countBuildings(db); });
    QTRY_VERIFY_WITH_TIMEOUT(warm.isFinished(), 30000);
    QCOMPARE(warm.result(), 0);
    auto admin = m_t->openAnother();
    SqlStatement kill(*admin, u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                               "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                               "AND backend_type = 'client backend'"_s);
    QVERIFY(kill.exec().ok());

    // The next statement on the dead connection fails as "connection lost"…
    // (Writes run on one thread, so this uses the connection that `warm` opened.)
    auto failed = executor.write([](Database &db) {
        SqlStatement st(db, u"SELECT COUNT(*) FROM buildings"_s);
        return st.exec();
    });
    QTRY_VERIFY_WITH_TIMEOUT(failed.isFinished(), 30000);
    QVERIFY(!failed.result().ok());
    QCOMPARE(failed.result().error().code, DbError::Code::ConnectionLost);
    // …the monitor notices, probes, and announces the return; later work succeeds.
    QTRY_COMPARE_WITH_TIMEOUT(lost.count(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(restored.count(), 1, 10000);
    QVERIFY(monitor.isConnected());
    auto after = executor.write([](Database &db) { return insertBuilding(db, u"R"_s); });
    QTRY_VERIFY_WITH_TIMEOUT(after.isFinished(), 30000);
    QVERIFY2(after.result().ok(), qPrintable(after.result().error().detail));
}

QTEST_GUILESS_MAIN(TestDatabaseLayer)
#include "tst_database.moc"
