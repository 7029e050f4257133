// The command line's password from the system keychain (PostgreSQL only; inside its own
// D-Bus session with an unlocked GNOME keyring, tests/support/keyringsession.sh, which
// fails rather than skips without one): the keychain entry the window's "Remember
// password" writes signs `residesk` in; RESIDESK_DB_PASSWORD comes first; without
// either (and without pgpass) the server's wish for a password is the message.
#include "models/db/pgsignin.h"
#include "tests/app/clirunner.h"
#include "tests/support/testdatabase.h"

#include <QCoroTask>
#include <QTemporaryFile>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString kWrongPassword = u"not-the-pw-c0ffee"_s;
}

class TestKeychainCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    QTemporaryFile m_emptyPgpass;

    QString url() const { return m_t->urlAs(TestDatabase::Person::Vet); }
    DatabaseConfig config() const { return DatabaseConfig::parse(url()).value(); }
    CliRunner::Run jobsList() const
    {
        return CliRunner::run({u"--database"_s, url(), u"jobs"_s, u"list"_s, u"--json"_s});
    }
    static void expectNoPassword(const CliRunner::Run &run)
    {
        for (const QString &password : {kWrongPassword, TestDatabase::password(TestDatabase::Person::Vet)}) {
            QVERIFY(!run.errText().contains(password));
            QVERIFY(!run.outText().contains(password));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(TestDatabase::isPostgreSQL(), "tst_keychaincli runs on PostgreSQL only");
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "no D-Bus session: run this test through tests/support/keyringsession.sh (ctest does)");
        qunsetenv("RESIDESK_DB_PASSWORD");
        qunsetenv("RESIDESK_USER");
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        QVERIFY(m_emptyPgpass.open());
        qputenv("PGPASSFILE", m_emptyPgpass.fileName().toLocal8Bit());
    }

    void cleanupTestCase()
    {
        if (m_t)
            QCoro::waitFor(PgSignIn::forget(config()));
    }

    void passwordFromTheKeychain()
    {
        QCOMPARE(
            PgSignIn::keychainKey(config()),
            u"postgresql:rt_vet@%1:%2/%3"_s.arg(config().host).arg(config().port).arg(config().databaseName));
        QCOMPARE(
            QCoro::waitFor(PgSignIn::remember(config(), TestDatabase::password(TestDatabase::Person::Vet))),
            QString());
        const CliRunner::Run run = jobsList();
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        expectNoPassword(run);
    }

    void environmentComesFirst()
    {
        QCOMPARE(QCoro::waitFor(PgSignIn::remember(config(), kWrongPassword)), QString());
        const CliRunner::Run refused = jobsList();
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.errText().contains(u"The password for rt_vet was not accepted by"_s),
                 qPrintable(refused.errText()));
        expectNoPassword(refused);

        qputenv("RESIDESK_DB_PASSWORD", TestDatabase::password(TestDatabase::Person::Vet).toUtf8());
        const CliRunner::Run run = jobsList();
        qunsetenv("RESIDESK_DB_PASSWORD");
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        expectNoPassword(run);
    }

    void nothingRemembered()
    {
        QCOMPARE(QCoro::waitFor(PgSignIn::forget(config())), QString());
        const CliRunner::Run run = jobsList();
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(u"wants a password for rt_vet"_s), qPrintable(run.errText()));
    }
};

QTEST_GUILESS_MAIN(TestKeychainCli)
#include "tst_keychaincli.moc"
