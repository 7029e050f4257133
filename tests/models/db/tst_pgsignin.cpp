// Signing in to PostgreSQL as a person (PostgreSQL only): where the user and the
// password come from (the URL, RESIDESK_USER, RESIDESK_DB_PASSWORD, libpq's pgpass),
// what a wrong or missing password says (the user, never the password), the command
// line's message, TLS (verify-full against a server with its own CA; require against a
// server without TLS), and that no test password shows up in a server's log.
#include "models/db/database.h"
#include "models/db/pgsignin.h"
#include "tests/app/clirunner.h"
#include "tests/support/testdatabase.h"

#include <QCoroTask>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString kWrongPassword = u"not-the-pw-9d41a7"_s;

QString readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// Sets an environment variable for one scope.
class ScopedEnv
{
public:
    ScopedEnv(const char *name, const QByteArray &value)
        : m_name(name)
        , m_had(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
        qputenv(name, value);
    }
    ~ScopedEnv()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};
} // namespace

class TestPgSignIn : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    QTemporaryFile m_emptyPgpass;
    QStringList m_seen; // every message and output the test saw, checked for passwords

    DatabaseConfig configAs(TestDatabase::Person person) const
    {
        return DatabaseConfig::parse(m_t->urlAs(person)).value();
    }
    QString tlsDir() const { return qEnvironmentVariable("RESIDESK_TEST_PGTLS_DIR"); }
    QString tlsUrl(const QString &host, const QString &options) const
    {
        return u"postgresql://rt_tls@%1:%2/postgres?%3"_s.arg(host, readFile(tlsDir() + u"/port"_s).trimmed(),
                                                              options);
    }
    QString tlsPassword() const { return readFile(tlsDir() + u"/password"_s).trimmed(); }
    QStringList passwords() const
    {
        QStringList out{kWrongPassword, tlsPassword()};
        for (auto person : {TestDatabase::Person::Admin, TestDatabase::Person::Housing,
                            TestDatabase::Person::Vet, TestDatabase::Person::Worker})
            out << TestDatabase::password(person);
        return out;
    }
    void expectNoPassword(const QString &text)
    {
        m_seen << text;
        for (const QString &password : passwords())
            QVERIFY2(!text.contains(password), "a password shows up in a message");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(TestDatabase::isPostgreSQL(), "tst_pgsignin runs on PostgreSQL only");
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        QVERIFY(m_emptyPgpass.open());
        m_emptyPgpass.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        qunsetenv("RESIDESK_DB_PASSWORD");
        qunsetenv("RESIDESK_USER");
        QVERIFY2(QFileInfo::exists(tlsDir() + u"/ca.crt"_s),
                 "no TLS server: the postgresql_tls fixture did not run");
        QVERIFY(!tlsPassword().isEmpty());
    }

    void wrongPasswordNamesTheUser()
    {
        DatabaseConfig config = configAs(TestDatabase::Person::Housing);
        config.password = kWrongPassword;
        const PgSignIn::Outcome outcome = PgSignIn::attempt(config);
        QCOMPARE(outcome.result, PgSignIn::Result::WrongPassword);
        QCOMPARE(outcome.message,
                 u"The password for rt_housing was not accepted by %1."_s.arg(config.serverName()));
        expectNoPassword(outcome.message);
        expectNoPassword(outcome.detail);

        // Qt's driver on the same configuration fails too, and its message has no password.
        Database db(config);
        const VoidResult opened = db.open();
        QVERIFY(!opened);
        expectNoPassword(opened.error().message);
        expectNoPassword(opened.error().detail);
    }

    void emptyPasswordSaysTheServerWantsOne()
    {
        ScopedEnv pgpass("PGPASSFILE", m_emptyPgpass.fileName().toLocal8Bit());
        const DatabaseConfig config = configAs(TestDatabase::Person::Housing);
        QVERIFY(config.password.isEmpty());
        const PgSignIn::Outcome outcome = PgSignIn::attempt(config);
        QCOMPARE(outcome.result, PgSignIn::Result::PasswordNeeded);
        QCOMPARE(outcome.message,
                 u"The server %1 wants a password for rt_housing."_s.arg(config.serverName()));
    }

    void passwordFromPgpass()
    {
        // The suite's PGPASSFILE holds the test people's passwords; none is given here.
        const DatabaseConfig config = configAs(TestDatabase::Person::Vet);
        QVERIFY(config.password.isEmpty());
        const PgSignIn::Outcome outcome = PgSignIn::attempt(config);
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
        QCOMPARE(outcome.sessionUser, u"rt_vet"_s);
        Database db(config);
        QVERIFY(db.open());
        QCOMPARE(db.sessionUser(), u"rt_vet"_s);
    }

    void passwordFromEnvironment()
    {
        ScopedEnv pgpass("PGPASSFILE", m_emptyPgpass.fileName().toLocal8Bit());
        ScopedEnv password("RESIDESK_DB_PASSWORD",
                           TestDatabase::password(TestDatabase::Person::Housing).toUtf8());
        const DatabaseConfig config = configAs(TestDatabase::Person::Housing);
        QVERIFY(config.passwordFromEnvironment);
        QVERIFY(!config.displayUrl().contains(config.password));
        Database db(config);
        const VoidResult opened = db.open();
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
        QCOMPARE(db.sessionUser(), u"rt_housing"_s);
    }

    void userFromResideskUser()
    {
        DatabaseConfig base = configAs(TestDatabase::Person::Admin);
        const QString withoutUser =
            u"postgresql://%1:%2/%3?sslmode=disable"_s.arg(base.host).arg(base.port).arg(base.databaseName);
        ScopedEnv user("RESIDESK_USER", "rt_worker");
        const Result<DatabaseConfig> config = DatabaseConfig::parse(withoutUser);
        QVERIFY(config);
        QCOMPARE(config->user, u"rt_worker"_s);
        const PgSignIn::Outcome outcome = PgSignIn::attempt(config.value());
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
        QCOMPARE(outcome.sessionUser, u"rt_worker"_s);

        // The URL's user wins.
        const Result<DatabaseConfig> named = DatabaseConfig::parse(m_t->urlAs(TestDatabase::Person::Vet));
        QVERIFY(named);
        QCOMPARE(named->user, u"rt_vet"_s);
        QCOMPARE(PgSignIn::attempt(named.value()).sessionUser, u"rt_vet"_s);
    }

    void commandLineSaysWhoWasRefused()
    {
        ScopedEnv password("RESIDESK_DB_PASSWORD", kWrongPassword.toUtf8());
        const QString url = m_t->urlAs(TestDatabase::Person::Housing);
        const CliRunner::Run refused = CliRunner::run({u"--database"_s, url, u"jobs"_s, u"list"_s});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.errText().contains(u"The password for rt_housing was not accepted by"_s),
                 qPrintable(refused.errText()));
        expectNoPassword(refused.errText());
        expectNoPassword(refused.outText());
    }

    void commandLineUsesResideskUserAndPgpass()
    {
        DatabaseConfig base = configAs(TestDatabase::Person::Admin);
        const QString withoutUser =
            u"postgresql://%1:%2/%3?sslmode=disable"_s.arg(base.host).arg(base.port).arg(base.databaseName);
        ScopedEnv user("RESIDESK_USER", "rt_housing");
        const CliRunner::Run run =
            CliRunner::run({u"--database"_s, withoutUser, u"jobs"_s, u"list"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        expectNoPassword(run.errText());
        expectNoPassword(run.outText());

        ScopedEnv pgpass("PGPASSFILE", m_emptyPgpass.fileName().toLocal8Bit());
        const CliRunner::Run without = CliRunner::run({u"--database"_s, withoutUser, u"jobs"_s, u"list"_s});
        QCOMPARE(without.exitCode, 1);
        QVERIFY2(without.errText().contains(u"wants a password for rt_housing"_s),
                 qPrintable(without.errText()));
    }

    void tlsVerifyFull()
    {
        ScopedEnv password("RESIDESK_DB_PASSWORD", tlsPassword().toUtf8());
        for (const QString &host : {u"127.0.0.1"_s, u"localhost"_s}) {
            const Result<DatabaseConfig> config = DatabaseConfig::parse(
                tlsUrl(host, u"sslmode=verify-full&sslrootcert="_s + tlsDir() + u"/ca.crt"_s));
            QVERIFY2(config, config ? "" : qPrintable(config.error().message));
            QCOMPARE(config->sslRootCert, tlsDir() + u"/ca.crt"_s);
            QVERIFY(config->displayUrl().contains(u"sslmode=verify-full&sslrootcert="_s));
            const PgSignIn::Outcome outcome = PgSignIn::attempt(config.value());
            QVERIFY2(outcome.ok(), qPrintable(outcome.message));
            QCOMPARE(outcome.sessionUser, u"rt_tls"_s);

            // Qt's driver gets the same options: the connection is encrypted.
            Database db(config.value());
            Result<QSqlDatabase> connection = db.connection();
            QVERIFY2(connection, connection ? "" : qPrintable(connection.error().message));
            QSqlQuery query(connection.value());
            QVERIFY(query.exec(u"SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"_s));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toBool(), true);
        }
    }

    void tlsVerifyFullRefusesAnotherCa()
    {
        ScopedEnv password("RESIDESK_DB_PASSWORD", tlsPassword().toUtf8());
        const Result<DatabaseConfig> config = DatabaseConfig::parse(
            tlsUrl(u"127.0.0.1"_s, u"sslmode=verify-full&sslrootcert="_s + tlsDir() + u"/other-ca.crt"_s));
        QVERIFY(config);
        const PgSignIn::Outcome outcome = PgSignIn::attempt(config.value());
        QCOMPARE(outcome.result, PgSignIn::Result::Refused);
        QVERIFY2(outcome.message.contains(u"certificate verify failed"_s), qPrintable(outcome.message));
        expectNoPassword(outcome.message);
    }

    void tlsServerRefusesPlainConnections()
    {
        ScopedEnv password("RESIDESK_DB_PASSWORD", tlsPassword().toUtf8());
        const Result<DatabaseConfig> config =
            DatabaseConfig::parse(tlsUrl(u"127.0.0.1"_s, u"sslmode=disable"_s));
        QVERIFY(config);
        const PgSignIn::Outcome outcome = PgSignIn::attempt(config.value());
        QCOMPARE(outcome.result, PgSignIn::Result::Refused);
        QVERIFY2(outcome.message.contains(u"rt_tls"_s), qPrintable(outcome.message));
        QVERIFY2(outcome.message.contains(u"no pg_hba.conf entry"_s), qPrintable(outcome.message));
    }

    void requireRefusesAServerWithoutTls()
    {
        DatabaseConfig config = configAs(TestDatabase::Person::Housing);
        config.sslMode = u"require"_s;
        const PgSignIn::Outcome outcome = PgSignIn::attempt(config);
        QCOMPARE(outcome.result, PgSignIn::Result::Refused);
        QCOMPARE(outcome.message,
                 u"The server %1 does not offer TLS (SSL), but sslmode=require requires it."_s.arg(
                     config.serverName()));

        // The command line says so too.
        const QString url =
            m_t->urlAs(TestDatabase::Person::Housing).replace(u"sslmode=disable"_s, u"sslmode=require"_s);
        QVERIFY(url.contains(u"sslmode=require"_s));
        const CliRunner::Run run = CliRunner::run({u"--database"_s, url, u"jobs"_s, u"list"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(u"does not offer TLS"_s), qPrintable(run.errText()));
    }

    void noPasswordInServerLogs()
    {
        const QString mainLog =
            QFileInfo(qEnvironmentVariable("RESIDESK_TEST_PG_URL_FILE")).absolutePath() + u"/server.log"_s;
        const QString tlsLog = tlsDir() + u"/server.log"_s;
        for (const QString &path : {mainLog, tlsLog}) {
            const QString log = readFile(path);
            QVERIFY2(!log.isEmpty(), qPrintable(u"cannot read "_s + path));
            // The refusals above are in the logs, so the logs are the ones this test used.
            QVERIFY2(log.contains(u"password authentication failed for user \"rt_housing\""_s) ||
                         log.contains(u"no pg_hba.conf entry"_s),
                     qPrintable(path));
            for (const QString &password : passwords())
                QVERIFY2(!log.contains(password), qPrintable(u"a test password shows up in "_s + path));
        }
        QVERIFY(!m_seen.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPgSignIn)
#include "tst_pgsignin.moc"
