// `residesk sms settings|test|retry` end to end: real `residesk` processes against a
// real HTTP gateway (tests/support/smsgateway.py) and the system keychain (a D-Bus
// session of the test's own: tests/support/keyringsession.sh, which fails rather than
// skips without one), on SQLite and PostgreSQL (as the test administrator):
//  - `sms settings --secret-stdin` puts the token into the keychain: it appears neither
//    in the command's output nor in the settings file, and the gateway gets it;
//  - `sms test --to NUMBER --wait` sends a test message the gateway receives;
//  - a message the gateway refused is failed; `sms retry ID` queues it again (other
//    states are refused) and `sms send --wait` sends it.
#include "models/core/keychain.h"
#include "tasks/sms/smsoutbox.h"
#include "tests/app/clirunner.h"
#include "tests/support/smsgatewayprocess.h"
#include "tests/support/testdatabase.h"

#include <QCoroTask>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString kSecret = u"tok-cli-4be7d2"_s;
const QString kKey = u"sms:127.0.0.1"_s;

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
} // namespace

class TestSmsCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config; // the settings file of this test's commands
    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<SmsGatewayProcess> m_gateway;

    QStringList sms(const QStringList &args) const
    {
        return QStringList{u"--database"_s, m_t->url(), u"sms"_s} + args;
    }
    QByteArray settingsFile() const
    {
        QFile file(m_config.filePath(u"Residesk/Residesk.conf"_s));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    static void expectNoSecret(const CliRunner::Run &run)
    {
        QVERIFY2(!run.outText().contains(kSecret), qPrintable(run.outText()));
        QVERIFY2(!run.errText().contains(kSecret), qPrintable(run.errText()));
    }
    SmsRecord message(qint64 id)
    {
        const Result<SmsRecord> r = SmsOutbox(m_t->db()).get(id);
        return r ? r.value() : SmsRecord{};
    }
    // `sms settings --url <gateway>/<path>`; the secret stays (the same host, the same key).
    void pointAt(const QString &path)
    {
        const CliRunner::Run run = CliRunner::run(sms({u"settings"_s, u"--url"_s, m_gateway->url(path)}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        expectNoSecret(run);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "no D-Bus session: run this test through tests/support/keyringsession.sh (ctest does)");
        QVERIFY(m_config.isValid());
        // The commands (and this process) read and write a settings file of this test's own.
        qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
        for (const char *name : {"RESIDESK_SMS_URL", "RESIDESK_SMS_AUTH", "RESIDESK_SMS_USER",
                                 "RESIDESK_SMS_TOKEN", "RESIDESK_SMS_TEMPLATE", "RESIDESK_SMS_CONTENT_TYPE",
                                 "RESIDESK_SMS_TIMEOUT", "RESIDESK_SMS_RATE", "RESIDESK_SMS_FROM"})
            qunsetenv(name);
        qputenv("RESIDESK_SMS_REGION", "US");
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        m_gateway = std::make_unique<SmsGatewayProcess>();
        QVERIFY2(m_gateway->start(u"Bearer "_s + kSecret, &error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        QCoro::waitFor(Keychain::remove(kKey));
        m_gateway.reset();
        m_t.reset();
    }

    void settingsSecretFromStdin()
    {
        QVERIFY(QCoro::waitFor(Keychain::remove(kKey)).isEmpty());
        CliRunner::Run run = runWithInput(sms({u"settings"_s, u"--url"_s, m_gateway->url(u"auth"_s),
                                               u"--auth"_s, u"bearer"_s, u"--secret-stdin"_s, u"--json"_s}),
                                          kSecret.toUtf8() + "\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        expectNoSecret(run);
        QJsonObject shown = CliRunner::jsonObject(run.out);
        QCOMPARE(shown.value(u"url"_s).toString(), m_gateway->url(u"auth"_s));
        QCOMPARE(shown.value(u"auth"_s).toString(), u"bearer"_s);
        QCOMPARE(shown.value(u"secret"_s).toBool(), true);

        // In the keychain, under the key the window uses too; never in the settings file.
        const Keychain::Secret stored = QCoro::waitFor(Keychain::read(kKey));
        QVERIFY2(stored.error.isEmpty(), qPrintable(stored.error));
        QCOMPARE(stored.value, kSecret);
        const QByteArray file = settingsFile();
        QVERIFY2(file.contains(m_gateway->url(u"auth"_s).toUtf8()), file.constData());
        QVERIFY(!file.contains(kSecret.toUtf8()));

        // Shown again (text and JSON): whether a secret is stored, never the secret.
        run = CliRunner::run(sms({u"settings"_s, u"--json"_s}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        expectNoSecret(run);
        shown = CliRunner::jsonObject(run.out);
        QCOMPARE(shown.value(u"secret"_s).toBool(), true);
        run = CliRunner::run(sms({u"settings"_s}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        expectNoSecret(run);
        QVERIFY2(run.outText().contains(u"bearer"_s), qPrintable(run.outText()));

        // No secret on standard input: an error, and the stored one stays.
        run = runWithInput(sms({u"settings"_s, u"--secret-stdin"_s}), QByteArray());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(u"no secret on standard input"_s), qPrintable(run.errText()));
        QCOMPARE(QCoro::waitFor(Keychain::read(kKey)).value, kSecret);
    }

    void testMessageReachesTheGateway()
    {
        const qsizetype before = m_gateway->posts().size();
        const CliRunner::Run run =
            CliRunner::run(sms({u"test"_s, u"--to"_s, u"(202) 555-0143"_s, u"--wait"_s, u"--json"_s}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText() + run.outText()));
        expectNoSecret(run);
        const QList<QJsonObject> posts = m_gateway->posts();
        QCOMPARE(posts.size(), before + 1);
        const QJsonObject post = posts.last();
        // /auth answers 200 only to the token read from the keychain.
        QCOMPARE(post.value(u"path"_s).toString(), u"/auth"_s);
        QCOMPARE(post.value(u"authorization"_s).toString(), u"Bearer "_s + kSecret);
        const QJsonObject body = QJsonDocument::fromJson(post.value(u"body"_s).toString().toUtf8()).object();
        QCOMPARE(body.value(u"to"_s).toString(), u"+12025550143"_s);
        QVERIFY2(body.value(u"text"_s).toString().startsWith(u"This is a test text message from Residesk"_s),
                 qPrintable(body.value(u"text"_s).toString()));

        const CliRunner::Run list = CliRunner::run(sms({u"outbox"_s, u"--state"_s, u"sent"_s, u"--json"_s}));
        QVERIFY2(list.exitCode == 0, qPrintable(list.errText()));
        const QJsonArray sent = CliRunner::jsonArray(list.out);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.at(0).toObject().value(u"to"_s).toString(), u"+12025550143"_s);
        QCOMPARE(sent.at(0).toObject().value(u"related_entity"_s).toString(), u"test"_s);
    }

    void retryAfterARefusal()
    {
        // The gateway refuses it (400): failed, not retried by itself.
        pointAt(u"bad"_s);
        const qsizetype before = m_gateway->posts().size();
        CliRunner::Run run = CliRunner::run(sms({u"test"_s, u"--to"_s, u"+1 202 555 0177"_s, u"--json"_s}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        const qint64 id = CliRunner::jsonObject(run.out).value(u"id"_s).toInteger();
        QVERIFY(id > 0);
        run = CliRunner::run(sms({u"send"_s, u"--wait"_s}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText() + run.outText()));
        QCOMPARE(m_gateway->posts().size(), before + 1);
        QCOMPARE(message(id).state, OutboxState::Failed);
        QVERIFY2(message(id).lastError.contains(u"400"_s), qPrintable(message(id).lastError));
        run = CliRunner::run(sms({u"send"_s, u"--wait"_s}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        QCOMPARE(m_gateway->posts().size(), before + 1);

        // Fixed, and retried: queued with fresh attempts, then sent.
        pointAt(u"auth"_s);
        run = CliRunner::run(sms({u"retry"_s, QString::number(id), u"--json"_s}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        QCOMPARE(CliRunner::jsonObject(run.out).value(u"state"_s).toString(), u"queued"_s);
        QCOMPARE(message(id).state, OutboxState::Queued);
        QCOMPARE(message(id).attempts, 0);
        run = CliRunner::run(sms({u"send"_s, u"--wait"_s}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText() + run.outText()));
        expectNoSecret(run);
        QCOMPARE(message(id).state, OutboxState::Sent);
        const QList<QJsonObject> posts = m_gateway->posts();
        QCOMPARE(posts.size(), before + 2);
        QCOMPARE(posts.last().value(u"path"_s).toString(), u"/auth"_s);
        QCOMPARE(QJsonDocument::fromJson(posts.last().value(u"body"_s).toString().toUtf8())
                     .object()
                     .value(u"to"_s)
                     .toString(),
                 u"+12025550177"_s);

        // Only a failed message is retried; an unknown id is named.
        run = CliRunner::run(sms({u"retry"_s, QString::number(id)}));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(u"failed"_s), qPrintable(run.errText()));
        run = CliRunner::run(sms({u"retry"_s, u"999999"_s}));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(u"no text message with id 999999"_s), qPrintable(run.errText()));
    }
};

QTEST_GUILESS_MAIN(TestSmsCli)
#include "tst_smscli.moc"
