#include "models/db/connectionmonitor.h"
#include "models/db/dbexecutor.h"
#include "models/db/sqlstatement.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// A real outage: a PostgreSQL server of this test's own is stopped while the app is
// connected and started again; the monitor reports the loss, keeps retrying with
// backoff, and reports the return, after which work succeeds again.
class TestConnectionMonitor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void waitsOutAServerOutage();

private:
    bool fixture(const QString &action);
    QString m_dir;
    QString m_url;
    std::unique_ptr<QTemporaryDir> m_parent;
};

bool TestConnectionMonitor::fixture(const QString &action)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.start(qEnvironmentVariable("RESIDESK_PGFIXTURE"), {action, m_dir});
    return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

void TestConnectionMonitor::initTestCase()
{
    QVERIFY2(QFile::exists(qEnvironmentVariable("RESIDESK_PGFIXTURE")), "RESIDESK_PGFIXTURE must name pgfixture.sh");
    m_parent = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/residesk-outage-XXXXXX"));
    QVERIFY(m_parent->isValid());
    QFile::setPermissions(m_parent->path(), QFile::permissions(m_parent->path()) | QFile::ExeOther | QFile::ReadOther);
    m_dir = m_parent->filePath(u"pg"_s);
    QVERIFY2(fixture(u"start"_s), "could not start a PostgreSQL server for the outage test");
    QFile url(m_dir + u"/url"_s);
    QVERIFY(url.open(QIODevice::ReadOnly));
    m_url = QString::fromUtf8(url.readAll()).trimmed();
}

void TestConnectionMonitor::cleanupTestCase()
{
    if (!m_dir.isEmpty())
        fixture(u"stop"_s);
}

void TestConnectionMonitor::waitsOutAServerOutage()
{
    Database db(DatabaseConfig::parse(m_url).value());
    DbExecutor executor(db);
    ConnectionMonitor monitor(executor);
    monitor.setBackoff(100, 400);
    QSignalSpy lost(&monitor, &ConnectionMonitor::connectionLost);
    QSignalSpy retries(&monitor, &ConnectionMonitor::retryScheduled);
    QSignalSpy restored(&monitor, &ConnectionMonitor::connectionRestored);

    auto select = [](Database &db) {
        SqlStatement st(db, u"SELECT 1"_s);
        return st.exec();
    };
    auto first = executor.write(select);
    QTRY_VERIFY_WITH_TIMEOUT(first.isFinished(), 30000);
    QVERIFY(first.result().ok());

    // The server goes away (its data folder stays).
    QVERIFY(fixture(u"pause"_s));

    auto during = executor.write(select);
    QTRY_VERIFY_WITH_TIMEOUT(during.isFinished(), 30000);
    QVERIFY(!during.result().ok());
    QVERIFY(during.result().error().isConnectionProblem());
    QTRY_COMPARE_WITH_TIMEOUT(lost.count(), 1, 10000);
    QVERIFY(!monitor.isConnected());
    // It keeps probing with growing delays while the server is down.
    QTRY_VERIFY_WITH_TIMEOUT(retries.count() >= 3, 20000);
    QVERIFY(retries.at(1).at(0).toInt() > retries.at(0).at(0).toInt());
    QCOMPARE(restored.count(), 0);

    // The server returns on the same port.
    QVERIFY(fixture(u"resume"_s));

    QTRY_COMPARE_WITH_TIMEOUT(restored.count(), 1, 15000);
    QVERIFY(monitor.isConnected());
    auto after = executor.write(select);
    QTRY_VERIFY_WITH_TIMEOUT(after.isFinished(), 30000);
    QVERIFY2(after.result().ok(), qPrintable(after.result().error().detail));
}

QTEST_GUILESS_MAIN(TestConnectionMonitor)
#include "tst_connectionmonitor.moc"
