// `residesk sync settings --secret-stdin` and `sync residents --wait` end to end: real
// `residesk` processes against a real HTTP server that requires basic resp. bearer
// authentication (tests/support/registrarserver.py), with the secret in the system
// keychain (a D-Bus session of the test's own: tests/support/keyringsession.sh, which
// fails rather than skips without one), on SQLite and PostgreSQL (as the test
// administrator):
//  - the secret goes from standard input into the keychain, under the key the settings
//    name; it appears in no output, settings file, table or log;
//  - the right secret: the export is fetched and applied;
//  - a wrong or missing one: exit code 1, an error naming the URL and the cause (the
//    server's 401, or the keychain key without a secret), nothing written.
#include "models/core/keychain.h"
#include "tests/app/clirunner.h"
#include "tests/models/backup/backuptestutil.h"
#include "tests/support/registrarserver.h"
#include "tests/support/testdatabase.h"

#include <QCoroTask>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// They end in the marker ctest's FAIL_REGULAR_EXPRESSION looks for (tests/app/CMakeLists.txt):
// any output of the test showing one fails it, so no check here prints them.
const QString kMarker = u"-sync-secret-9d27"_s;
const QString kPassword = u"cli pa\\ss:w\u00f6rd"_s + kMarker;
const QString kToken = u"cli-token"_s + kMarker;
const QString kWrong = u"cli-wrong"_s + kMarker;
const QString kBasicKey = u"registrar:registrar@127.0.0.1"_s;
const QString kBearerKey = u"registrar:127.0.0.1"_s;

const QByteArray kCsv = "student_id,first_name,last_name,email\n"
                        "S1,Ann,Lee,ann@example.edu\n"
                        "S2,Bo,Kim,bo@example.edu\n";

// `residesk args...` with `input` on its standard input.
CliRunner::Run runWithInput(const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.setProcessEnvironment(CliRunner::environment());
    p.start(CliRunner::binary(), args);
    CliRunner::Run r;
    if (!p.waitForStarted(10000)) {
        r.err = p.errorString().toUtf8();
        return r;
    }
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

bool shows(const CliRunner::Run &run, const QString &secret)
{
    return run.outText().contains(secret) || run.errText().contains(secret);
}
} // namespace

class TestSyncAuthCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config; // the settings file of this test's commands
    std::unique_ptr<TestDatabase> m_t;
    RegistrarServer m_basic;
    RegistrarServer m_bearer;

    QStringList sync(const QStringList &args) const
    {
        return QStringList{u"--database"_s, m_t->url(), u"sync"_s} + args;
    }

    qint64 residents()
    {
        SqlStatement st(m_t->db(), u"SELECT COUNT(*) FROM residents"_s);
        return st.exec() && st.next() ? st.value(0).toLongLong() : -1;
    }

    // `sync settings …` for the server, the secret on standard input.
    CliRunner::Run configure(const RegistrarServer &server, const QString &auth, const QString &secret)
    {
        QStringList args{u"settings"_s, u"--url"_s, server.url(u"r.csv"_s), u"--auth"_s, auth};
        if (auth == u"basic"_s)
            args << u"--user"_s << u"registrar"_s;
        args << u"--secret-stdin"_s << u"--json"_s;
        return runWithInput(sync(args), secret.toUtf8() + "\n");
    }

    // Where a secret must never be: any row of any table (read past row-level security),
    // any file of the test's home or settings. Says where one was, without showing it.
    QString secretFoundIn(const QStringList &secrets)
    {
        QStringList places;
        std::unique_ptr<Database> all = m_t->openAsInstaller();
        QString error;
        const QMap<QString, QList<QStringList>> tables = BackupTestUtil::dump(*all, false, &error);
        if (!error.isEmpty())
            return u"(the tables cannot be read: "_s + error + u')';
        for (auto t = tables.cbegin(); t != tables.cend(); ++t) {
            for (const QStringList &row : t.value()) {
                for (const QString &value : row) {
                    for (const QString &secret : secrets) {
                        const QString hex = QString::fromLatin1(secret.toUtf8().toHex());
                        if (value.contains(secret) || value.contains(hex, Qt::CaseInsensitive))
                            places.append(u"table "_s + t.key());
                    }
                }
            }
        }
        for (const QString &root : {m_config.path(), qEnvironmentVariable("HOME")}) {
            if (root.isEmpty())
                continue;
            QDirIterator files(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (files.hasNext()) {
                const QString path = files.next();
                if (path.contains(u"/keyrings/"_s)) // the keyring's own (encrypted) store
                    continue;
                QFile file(path);
                if (!file.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray bytes = file.read(16 << 20);
                for (const QString &secret : secrets) {
                    if (bytes.contains(secret.toUtf8()))
                        places.append(u"file "_s + path);
                }
            }
        }
        places.removeDuplicates();
        return places.join(u", "_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "no D-Bus session: run this test through tests/support/keyringsession.sh (ctest does)");
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
        qunsetenv("RESIDESK_SYNC_SECRET");
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        QVERIFY(m_basic.put(u"r.csv"_s, kCsv));
        m_basic.setRequiredAuthorization(
            u"Basic "_s + QString::fromLatin1((u"registrar:"_s + kPassword).toUtf8().toBase64()));
        QVERIFY2(m_basic.start(&error), qPrintable(error));
        QVERIFY(m_bearer.put(u"r.csv"_s, kCsv));
        m_bearer.setRequiredAuthorization(u"Bearer "_s + kToken);
        QVERIFY2(m_bearer.start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        QCoro::waitFor(Keychain::remove(kBasicKey));
        QCoro::waitFor(Keychain::remove(kBearerKey));
        m_t.reset();
    }

    void init()
    {
        for (const char *table : {"import_rejections", "notifications", "jobs", "registrar_flags",
                                  "registrar_sync_state", "residents"})
            QVERIFY(SqlStatement::run(m_t->db(), u"DELETE FROM "_s + QLatin1String(table)));
    }

    void secretNeedsAuthentication()
    {
        const CliRunner::Run run = runWithInput(sync({u"settings"_s, u"--url"_s, m_basic.url(u"r.csv"_s),
                                                      u"--auth"_s, u"none"_s, u"--secret-stdin"_s}),
                                                kWrong.toUtf8() + "\n");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(u"--secret-stdin needs basic or bearer authentication"_s),
                 qPrintable(run.errText()));
        QVERIFY(!shows(run, kWrong));
    }

    void basicAuthentication()
    {
        QVERIFY(QCoro::waitFor(Keychain::remove(kBasicKey)).isEmpty());
        const QString url = m_basic.url(u"r.csv"_s);

        // Nothing in the keychain yet: refused, naming the URL and the key.
        CliRunner::Run run = runWithInput(
            sync({u"settings"_s, u"--url"_s, url, u"--auth"_s, u"basic"_s, u"--user"_s, u"registrar"_s}), {});
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        run = CliRunner::run(sync({u"residents"_s, u"--wait"_s}));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(url), qPrintable(run.errText()));
        QVERIFY2(run.errText().contains(u"no password or token is stored for "_s + kBasicKey),
                 qPrintable(run.errText()));
        QCOMPARE(residents(), 0);

        // A wrong password: the server's 401, nothing written, the password nowhere.
        run = configure(m_basic, u"basic"_s, kWrong);
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        QVERIFY(!shows(run, kWrong));
        QCOMPARE(CliRunner::jsonObject(run.out).value(u"keychain_key"_s).toString(), kBasicKey);
        run = CliRunner::run(sync({u"residents"_s, u"--wait"_s, u"--json"_s}));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(url), qPrintable(run.errText()));
        QVERIFY2(run.errText().contains(u"HTTP 401"_s), qPrintable(run.errText()));
        QVERIFY(!shows(run, kWrong));
        QCOMPARE(residents(), 0);
        QCOMPARE(m_basic.requests().last().value(u"status"_s).toInt(), 401);

        // No line on standard input: an error, the stored secret stays.
        run = runWithInput(sync({u"settings"_s, u"--secret-stdin"_s}), QByteArray());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(u"no password or token on standard input"_s),
                 qPrintable(run.errText()));
        QVERIFY(QCoro::waitFor(Keychain::read(kBasicKey)).value == kWrong);

        // The right one: in the keychain, under the settings' key; the export applied.
        run = configure(m_basic, u"basic"_s, kPassword);
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        QVERIFY(!shows(run, kPassword));
        const Keychain::Secret stored = QCoro::waitFor(Keychain::read(kBasicKey));
        QVERIFY2(stored.error.isEmpty(), qPrintable(stored.error));
        QVERIFY(stored.value == kPassword);
        run = CliRunner::run(sync({u"residents"_s, u"--wait"_s, u"--json"_s}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        QVERIFY(!shows(run, kPassword));
        QCOMPARE(CliRunner::jsonObject(run.out).value(u"created"_s).toInteger(), 2);
        QCOMPARE(residents(), 2);
        QCOMPARE(m_basic.requests().last().value(u"status"_s).toInt(), 200);

        // Shown again: the settings, never the secret.
        run = CliRunner::run(sync({u"settings"_s}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        QVERIFY(!shows(run, kPassword));
        QVERIFY2(run.outText().contains(u"basic (registrar)"_s), qPrintable(run.outText()));

        const QString found = secretFoundIn({kPassword, kWrong});
        QVERIFY2(found.isEmpty(), qPrintable(u"a secret was found in: "_s + found));
    }

    void bearerAuthentication()
    {
        QVERIFY(QCoro::waitFor(Keychain::remove(kBearerKey)).isEmpty());
        const QString url = m_bearer.url(u"r.csv"_s);

        CliRunner::Run run = configure(m_bearer, u"bearer"_s, kWrong);
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        QVERIFY(!shows(run, kWrong));
        QCOMPARE(CliRunner::jsonObject(run.out).value(u"keychain_key"_s).toString(), kBearerKey);
        run = CliRunner::run(sync({u"residents"_s, u"--wait"_s}));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(url), qPrintable(run.errText()));
        QVERIFY2(run.errText().contains(u"HTTP 401"_s), qPrintable(run.errText()));
        QVERIFY(!shows(run, kWrong));
        QCOMPARE(residents(), 0);

        run = configure(m_bearer, u"bearer"_s, kToken);
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        QVERIFY(!shows(run, kToken));
        run = CliRunner::run(sync({u"residents"_s, u"--wait"_s}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        QVERIFY(!shows(run, kToken));
        QVERIFY2(run.outText().contains(u"2 created"_s), qPrintable(run.outText()));
        QCOMPARE(residents(), 2);

        const QString found = secretFoundIn({kToken, kWrong});
        QVERIFY2(found.isEmpty(), qPrintable(u"a secret was found in: "_s + found));
    }
};

QTEST_GUILESS_MAIN(TestSyncAuthCli)
#include "tst_syncauthcli.moc"
