// The window path of the real `residesk` process ends when its window is closed —
// here by SIGTERM, which closes the window as File ▸ Quit does — also when the
// database never answers again (a PostgreSQL server of the test's own, stopped with
// SIGSTOP: every statement in flight hangs). Jobs are durable, so quitting without
// waiting for a dead database loses nothing; staying open for good is the failure.
#include "tests/app/clirunner.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace Qt::StringLiterals;
using CliRunner::Run;

namespace {

// Longer than the engine's grace period (10 s), the quit timer (2 s) and the teardown
// limit (15 s) together: a bound on "it ends", not a speed target.
constexpr int kMustEndWithinMs = 90000;

bool runFixture(const QString &action, const QString &dir)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.start(qEnvironmentVariable("RESIDESK_PGFIXTURE"), {action, dir});
    return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// Every process of the server (the postmaster and its children) gets `signalName`.
bool signalServer(const QString &dir, const QString &signalName)
{
    QFile pidFile(dir + u"/data/postmaster.pid"_s);
    if (!pidFile.open(QIODevice::ReadOnly))
        return false;
    const QString pid = QString::fromLatin1(pidFile.readLine()).trimmed();
    QProcess::execute(u"pkill"_s, {u"-"_s + signalName, u"-P"_s, pid});
    return QProcess::execute(u"kill"_s, {u"-"_s + signalName, pid}) == 0;
}

class Window
{
public:
    explicit Window(const QString &url, const QString &configHome)
    {
        QProcessEnvironment env = CliRunner::environment();
        env.insert(u"XDG_CONFIG_HOME"_s, configHome);
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        m_process.setProcessEnvironment(env);
        m_process.start(CliRunner::binary(), {u"--database"_s, url});
    }
    ~Window()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    QProcess &process() { return m_process; }
    qint64 pid() const { return m_process.processId(); }

    // Closes it as a person's logout would; true if the process ended within the bound.
    bool closeAndWait(qint64 *tookMs)
    {
        QElapsedTimer t;
        t.start();
        ::kill(pid_t(m_process.processId()), SIGTERM);
        const bool ended = m_process.waitForFinished(kMustEndWithinMs);
        *tookMs = t.elapsed();
        return ended;
    }

private:
    QProcess m_process;
};

// True once the process has the SQLite file open.
bool hasOpen(qint64 pid, const QString &path)
{
    const QDir fds(u"/proc/%1/fd"_s.arg(pid));
    for (const QString &fd : fds.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)) {
        if (QFile::symLinkTarget(fds.filePath(fd)) == path)
            return true;
    }
    return false;
}

} // namespace

class TestGuiShutdown : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(!CliRunner::binary().isEmpty(), "RESIDESK_BINARY is not set"); }

    void sigtermClosesTheWindowAndKeepsItsState()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = QFileInfo(dir.path()).canonicalFilePath() + u"/residesk.db"_s;
        const QString url = u"sqlite://"_s + path;
        const Run seeded = CliRunner::run({u"--database"_s, url, u"seed-demo"_s, u"--residents"_s, u"30"_s});
        QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.errText()));

        Window window(url, dir.filePath(u"config"_s));
        QVERIFY(window.process().waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(hasOpen(window.pid(), path), 60000);
        QTest::qWait(1000); // the pages load

        qint64 took = 0;
        QVERIFY2(window.closeAndWait(&took), "the window path did not end after SIGTERM");
        QCOMPARE(window.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(window.process().exitCode(), 0);
        // Closed as File ▸ Quit closes it: the window's state was saved.
        bool saved = false;
        QDirIterator it(dir.filePath(u"config"_s), {u"*.conf"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            saved = saved || (f.open(QIODevice::ReadOnly) && f.readAll().contains("geometry"));
        }
        QVERIFY2(saved, "no saved window geometry");
    }

    void endsWhenTheDatabaseNeverAnswers()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("RESIDESK_PGFIXTURE")),
                 "RESIDESK_PGFIXTURE must name pgfixture.sh");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString server = dir.filePath(u"pg"_s);
        QVERIFY(runFixture(u"start"_s, server));
        auto stopServer = qScopeGuard([&] {
            signalServer(server, u"CONT"_s);
            runFixture(u"stop"_s, server);
        });
        QFile urlFile(server + u"/url"_s);
        QVERIFY(urlFile.open(QIODevice::ReadOnly));
        const QString url = QString::fromUtf8(urlFile.readAll()).trimmed();
        const Run migrated = CliRunner::run({u"--database"_s, url, u"migrate"_s});
        QVERIFY2(migrated.exitCode == 0, qPrintable(migrated.errText()));

        Window window(url, dir.filePath(u"config"_s));
        QVERIFY(window.process().waitForStarted(10000));
        // Connected: its sessions show on the server (the executor's, the listener's,
        // the engine's).
        const QString check = u"check"_s;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, check);
            const QUrl parsed(url);
            db.setHostName(parsed.host());
            db.setPort(parsed.port());
            db.setUserName(parsed.userName());
            db.setDatabaseName(parsed.path().mid(1));
            QVERIFY(db.open());
            const auto sessions = [&db, &window] {
                QSqlQuery q(db);
                q.exec(u"SELECT count(*) FROM pg_stat_activity WHERE client_port IS NOT NULL AND pid <> "
                       u"pg_backend_pid()"_s);
                Q_UNUSED(window);
                return q.next() ? q.value(0).toInt() : 0;
            };
            QTRY_VERIFY_WITH_TIMEOUT(sessions() >= 3, 60000);
            db.close();
        }
        QSqlDatabase::removeDatabase(check);
        QTest::qWait(1500); // the pages load, the engine polls

        // From now on nothing the window sends is answered.
        QVERIFY(signalServer(server, u"STOP"_s));
        QTest::qWait(2500); // the engine's next claim, the pages' next reads hang

        qint64 took = 0;
        const bool ended = window.closeAndWait(&took);
        QVERIFY2(ended, "the window path did not end while the database hung");
        QCOMPARE(window.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(window.process().exitCode(), 0);
        qInfo("ended %lld ms after SIGTERM", took);
    }
};

QTEST_GUILESS_MAIN(TestGuiShutdown)
#include "tst_guishutdown.moc"
