// Text messages: phone numbers (libphonenumber), the SMS outbox and the sms.send job
// against a real HTTP gateway (tests/support/smsgateway.py), a worker killed while its
// request is out, and the `residesk sms` / `mail residents --sms-text` commands, on
// SQLite and PostgreSQL.
#include "models/core/phonenumber.h"
#include "models/db/sqlstatement.h"
#include "models/housing/residentrepository.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "tasks/sms/smsoutbox.h"
#include "tasks/sms/smssettings.h"
#include "tasks/taskcatalog.h"
#include "tasks/taskregistry.h"
#include "tests/app/clirunner.h"
#include "tests/support/testdatabase.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The gateway: tests/support/smsgateway.py on a free loopback port.
class Gateway
{
public:
    ~Gateway() { stop(); }

    bool start(const QString &auth, QString *error)
    {
        m_process = std::make_unique<QProcess>();
        QStringList args{QStringLiteral(RESIDESK_SMSGATEWAY), u"--log"_s, m_dir.filePath(u"posts.log"_s)};
        if (!auth.isEmpty())
            args << u"--auth"_s << auth;
        m_process->start(u"/usr/bin/python3"_s, args);
        QByteArray out;
        while (!out.contains('\n')) {
            if (!m_process->waitForReadyRead(30000)) {
                *error =
                    u"the gateway did not start: "_s + QString::fromUtf8(m_process->readAllStandardError());
                return false;
            }
            out += m_process->readAllStandardOutput();
        }
        const QList<QByteArray> words = out.trimmed().split(' ');
        m_port = words.size() == 2 && words.at(0) == "READY" ? words.at(1).toInt() : 0;
        if (m_port <= 0)
            *error = u"the gateway said "_s + QString::fromUtf8(out);
        return m_port > 0;
    }

    void stop()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        m_process.reset();
    }

    QString url(const QString &path) const { return u"http://127.0.0.1:%1/%2"_s.arg(m_port).arg(path); }

    QList<QJsonObject> posts() const
    {
        QList<QJsonObject> out;
        QFile log(m_dir.filePath(u"posts.log"_s));
        if (!log.open(QIODevice::ReadOnly))
            return out;
        for (const QByteArray &line : log.readAll().split('\n')) {
            if (!line.trimmed().isEmpty())
                out.append(QJsonDocument::fromJson(line).object());
        }
        return out;
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
};

Actor actor()
{
    return Actor{u"alice"_s, Actor::Role::Admin};
}

JobEngineOptions engineOptions()
{
    JobEngineOptions options;
    options.concurrency = 2;
    options.pollIntervalMs = 100;
    options.leaseMs = 5000;
    options.shutdownGraceMs = 5000;
    options.runRecurring = false;
    return options;
}

void clearSmsEnvironment()
{
    for (const char *name :
         {"RESIDESK_SMS_URL", "RESIDESK_SMS_AUTH", "RESIDESK_SMS_USER", "RESIDESK_SMS_TOKEN",
          "RESIDESK_SMS_TEMPLATE", "RESIDESK_SMS_CONTENT_TYPE", "RESIDESK_SMS_TIMEOUT", "RESIDESK_SMS_RATE"})
        qunsetenv(name);
}

} // namespace

class TestSms : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<Gateway> m_gateway;
    TaskRegistry m_registry;

    Database &db() { return m_t->db(); }

    Job job(qint64 id)
    {
        const Result<Job> j = JobStore(db()).get(id);
        return j ? j.value() : Job{};
    }

    SmsRecord record(qint64 id)
    {
        const Result<SmsRecord> r = SmsOutbox(db()).get(id);
        return r ? r.value() : SmsRecord{};
    }

    qint64 scalar(const QString &sql, const QVariantList &values = {})
    {
        SqlStatement st(db(), sql);
        for (const QVariant &v : values)
            st.bind(v);
        if (auto r = st.exec(); !r)
            return -1;
        return st.next() ? st.value(0).toLongLong() : -1;
    }

    qint64 enqueue(const QString &to, const QString &text, int maxAttempts = 0)
    {
        SmsMessage m;
        m.toNumber = to;
        m.text = text;
        m.maxAttempts = maxAttempts;
        const Result<SmsOutbox::Enqueued> queued = SmsOutbox(db()).enqueue(m, actor());
        if (!queued)
            qWarning("enqueue: %s", qPrintable(queued.error().text()));
        return queued ? queued->id : 0;
    }

    // Queues a drain and runs an engine until it has finished.
    Job drain()
    {
        const Result<EnqueueResult> queued = SmsOutbox::ensureDrain(db(), JobClock::system(), actor());
        if (!queued)
            return Job{};
        JobEngine engine(db(), m_registry, engineOptions());
        engine.start();
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(job(queued->id).isFinished(), 60000);
        }();
        QSignalSpy stopped(&engine, &JobEngine::stopped);
        engine.stop();
        if (engine.isStarted() || engine.runningCount() > 0)
            stopped.wait(10000);
        return job(queued->id);
    }

    void useGateway(const QString &path)
    {
        qputenv("RESIDESK_SMS_URL", m_gateway->url(path).toUtf8());
        qputenv("RESIDESK_SMS_TOKEN", "tok-1");
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Numbers without a country code are read as in the United States.
        qputenv("RESIDESK_SMS_REGION", "US");
        TaskCatalog::registerAll(m_registry);
    }

    void init()
    {
        clearSmsEnvironment();
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        m_gateway = std::make_unique<Gateway>();
        QVERIFY2(m_gateway->start(u"Bearer tok-1"_s, &error), qPrintable(error));
    }

    void cleanup()
    {
        m_gateway.reset();
        m_t.reset();
        clearSmsEnvironment();
    }

    void phoneNumbers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("e164"); // empty: refused
        QTest::newRow("national US") << u"(202) 555-0143"_s << u"US"_s << u"+12025550143"_s;
        QTest::newRow("international") << u"+44 20 7946 0958"_s << u"US"_s << u"+442079460958"_s;
        QTest::newRow("national ES") << u"612 345 678"_s << u"ES"_s << u"+34612345678"_s;
        QTest::newRow("00 prefix in DE") << u"0034 612 345 678"_s << u"DE"_s << u"+34612345678"_s;
        QTest::newRow("no such number") << u"+1 555 0100"_s << u"US"_s << QString();
        QTest::newRow("letters") << u"call me"_s << u"US"_s << QString();
        QTest::newRow("too short") << u"12"_s << u"US"_s << QString();
        QTest::newRow("unknown region") << u"612 345 678"_s << u"XX"_s << QString();
    }

    void phoneNumbers()
    {
        QFETCH(QString, text);
        QFETCH(QString, region);
        QFETCH(QString, e164);
        const PhoneNumber::Parsed parsed = PhoneNumber::normalize(text, region);
        QCOMPARE(parsed.e164, e164);
        QCOMPARE(parsed.ok(), !e164.isEmpty());
        if (!parsed.ok())
            QVERIFY2(parsed.error.contains(u'"' + text + u'"'), qPrintable(parsed.error));
        QCOMPARE(PhoneNumber::defaultRegion(), u"US"_s);
    }

    void residentsStoreE164()
    {
        ResidentRepository repo(db(), actor());
        Resident r;
        r.studentId = u"S1"_s;
        r.firstName = u"Ana"_s;
        r.lastName = u"Ruiz"_s;
        r.email = u"ana@example.edu"_s;
        r.phone = u"(202) 555-0143"_s;
        r.contactBy = Resident::ContactBy::Both;
        const Result<Resident> created = repo.create(r);
        QVERIFY2(created, created ? "" : qPrintable(created.error().text()));
        QCOMPARE(created->phone, u"+12025550143"_s);
        QCOMPARE(created->contactBy, Resident::ContactBy::Both);
        QCOMPARE(
            scalar(u"SELECT COUNT(*) FROM residents WHERE phone = '+12025550143' AND contact_by = 'both'"_s),
            1);

        Resident bad = created.value();
        bad.phone = u"555-01"_s;
        const Result<Resident> refused = repo.update(bad);
        QVERIFY(!refused);
        QCOMPARE(refused.error().fields.size(), 1);
        QCOMPARE(refused.error().fields.first().field, u"phone"_s);
        QVERIFY2(refused.error().fields.first().message.contains(u"\"555-01\""_s),
                 qPrintable(refused.error().fields.first().message));

        Resident noPhone = created.value();
        noPhone.phone.clear();
        const Result<Resident> needsPhone = repo.update(noPhone);
        QVERIFY(!needsPhone);
        QCOMPARE(needsPhone.error().fields.first().field, u"contact_by"_s);

        // A number stored before numbers were checked stays readable; an undo of its
        // delete brings it back as it was.
        QVERIFY(SqlStatement::run(db(), u"UPDATE residents SET phone = '12' WHERE id = ?"_s, {created->id}));
        const Result<Resident> legacy = repo.get(created->id);
        QVERIFY(legacy);
        QCOMPARE(legacy->phone, u"12"_s);
        QVERIFY(SqlStatement::run(db(), u"UPDATE residents SET contact_by = 'email' WHERE id = ?"_s,
                                  {created->id}));
        const Result<Resident> before = repo.get(created->id);
        QVERIFY(repo.remove(before->id, before->version));
        const Result<Resident> restored = repo.restore(before.value());
        QVERIFY2(restored, restored ? "" : qPrintable(restored.error().text()));
        QCOMPARE(restored->phone, u"12"_s);
    }

    void sentOnceWithTemplate()
    {
        useGateway(u"ok"_s);
        const qint64 id = enqueue(u"(202) 555-0143"_s, u"Water off at \"9\"\nsorry"_s);
        QVERIFY(id > 0);
        QCOMPARE(record(id).toNumber, u"+12025550143"_s);
        const Job done = drain();
        QCOMPARE(done.state, JobState::Succeeded);
        const SmsRecord sent = record(id);
        QCOMPARE(OutboxStates::code(sent.state), u"sent"_s);
        QCOMPARE(sent.attempts, 1);
        QVERIFY2(sent.gatewayReply.startsWith(u"HTTP 200"_s), qPrintable(sent.gatewayReply));
        QList<QJsonObject> posts = m_gateway->posts();
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.first().value(u"authorization"_s).toString(), u"Bearer tok-1"_s);
        QCOMPARE(posts.first().value(u"content_type"_s).toString(), u"application/json"_s);
        const QJsonObject body =
            QJsonDocument::fromJson(posts.first().value(u"body"_s).toString().toUtf8()).object();
        QCOMPARE(body.value(u"to"_s).toString(), u"+12025550143"_s);
        QCOMPARE(body.value(u"text"_s).toString(), u"Water off at \"9\"\nsorry"_s);

        // A form template: form-encoded values.
        qputenv("RESIDESK_SMS_CONTENT_TYPE", "form");
        qputenv("RESIDESK_SMS_TEMPLATE", "To={to}&Body={text}");
        const qint64 second = enqueue(u"+34 612 345 678"_s, u"a&b=c ü"_s);
        QCOMPARE(drain().state, JobState::Succeeded);
        QCOMPARE(OutboxStates::code(record(second).state), u"sent"_s);
        posts = m_gateway->posts();
        QCOMPARE(posts.size(), 2); // the first message is not sent again
        QCOMPARE(posts.last().value(u"body"_s).toString(), u"To=%2B34612345678&Body=a%26b%3Dc%20%C3%BC"_s);
        QCOMPARE(posts.last().value(u"content_type"_s).toString(), u"application/x-www-form-urlencoded"_s);
    }

    void refusedIsFailed()
    {
        useGateway(u"bad"_s);
        const qint64 id = enqueue(u"+12025550143"_s, u"hello"_s);
        drain();
        const SmsRecord r = record(id);
        QCOMPARE(OutboxStates::code(r.state), u"failed"_s);
        QCOMPARE(r.attempts, 1);
        QVERIFY2(r.lastError.contains(u"400"_s), qPrintable(r.lastError));
        drain();
        QCOMPARE(m_gateway->posts().size(), 1);
    }

    void serverErrorIsRetried()
    {
        useGateway(u"fail"_s);
        const qint64 again = enqueue(u"+12025550143"_s, u"hello"_s);
        const qint64 last = enqueue(u"+12025550144"_s, u"hello"_s, 1);
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        drain();
        const SmsRecord r = record(again);
        QCOMPARE(OutboxStates::code(r.state), u"queued"_s);
        QCOMPARE(r.attempts, 1);
        QVERIFY(r.nextAttemptAt > before + 30000);
        QVERIFY2(r.lastError.contains(u"500"_s), qPrintable(r.lastError));
        QCOMPARE(OutboxStates::code(record(last).state), u"failed"_s); // no attempts left
        QCOMPARE(m_gateway->posts().size(), 2);
        // The retry time is honoured: another drain now sends nothing.
        drain();
        QCOMPARE(m_gateway->posts().size(), 2);
    }

    void unreachableGatewayDefers()
    {
        qputenv("RESIDESK_SMS_URL", "http://127.0.0.1:9/send");
        const qint64 id = enqueue(u"+12025550143"_s, u"hello"_s, 1);
        const Job j = drain();
        QCOMPARE(j.state, JobState::Failed);
        QVERIFY2(j.error.contains(u"cannot be reached"_s), qPrintable(j.error));
        const SmsRecord r = record(id);
        QCOMPARE(OutboxStates::code(r.state), u"queued"_s); // waits, whatever its attempts
    }

    void noAnswerIsUncertain()
    {
        useGateway(u"hang"_s);
        qputenv("RESIDESK_SMS_TIMEOUT", "1");
        const qint64 id = enqueue(u"+12025550143"_s, u"hello"_s);
        drain();
        const SmsRecord r = record(id);
        QCOMPARE(OutboxStates::code(r.state), u"uncertain"_s);
        QVERIFY2(r.lastError.contains(u"may or may not"_s), qPrintable(r.lastError));
        QCOMPARE(m_gateway->posts().size(), 1);
        drain();
        QCOMPARE(m_gateway->posts().size(), 1); // never sent again by itself
        QCOMPARE(OutboxStates::code(record(id).state), u"uncertain"_s);
    }

    void killedWorkerLeavesUncertain()
    {
        // A real worker whose request is out (the gateway holds it) is killed before it
        // can record the answer; the next drain judges the message uncertain and sends
        // nothing.
        useGateway(u"hang"_s);
        qputenv("RESIDESK_SMS_TIMEOUT", "120");
        const qint64 id = enqueue(u"+12025550143"_s, u"hello"_s);
        std::unique_ptr<QProcess> worker =
            CliRunner::start({u"--database"_s, m_t->url(), u"worker"_s, u"--kinds"_s, u"sms.send"_s,
                              u"--lease-seconds"_s, u"2"_s});
        QVERIFY(worker->waitForStarted(10000));
        QTRY_COMPARE_WITH_TIMEOUT(m_gateway->posts().size(), 1, 60000);
        QCOMPARE(OutboxStates::code(record(id).state), u"sending"_s);
        worker->kill();
        QVERIFY(worker->waitForFinished(10000));
        QTest::qWait(2500); // its lease runs out
        qputenv("RESIDESK_SMS_URL", m_gateway->url(u"ok"_s).toUtf8());
        drain();
        QCOMPARE(OutboxStates::code(record(id).state), u"uncertain"_s);
        QCOMPARE(m_gateway->posts().size(), 1);

        // A person decides: sent again, it goes out once more.
        const Result<SmsRecord> resent =
            SmsOutbox(db()).resolveUncertain(id, SmsOutbox::Resolution::Resend, actor());
        QVERIFY(resent);
        drain();
        QCOMPARE(OutboxStates::code(record(id).state), u"sent"_s);
        QCOMPARE(m_gateway->posts().size(), 2);
    }

    void commandLine()
    {
        ResidentRepository repo(db(), actor());
        const auto add = [&](const QString &id, const QString &phone, Resident::ContactBy by) {
            Resident r;
            r.studentId = id;
            r.firstName = u"First"_s + id;
            r.lastName = u"Last"_s;
            r.email = id.toLower() + u"@example.edu"_s;
            r.phone = phone;
            r.contactBy = by;
            const Result<Resident> created = repo.create(r);
            if (!created)
                qWarning("create: %s", qPrintable(created.error().text()));
            return created ? created->id : 0;
        };
        QVERIFY(add(u"S1"_s, QString(), Resident::ContactBy::Email) > 0);
        QVERIFY(add(u"S2"_s, u"202 555 0142"_s, Resident::ContactBy::Sms) > 0);
        QVERIFY(add(u"S3"_s, u"+34 612 345 678"_s, Resident::ContactBy::Both) > 0);
        QVERIFY(add(u"S4"_s, u"202 555 0144"_s, Resident::ContactBy::Email) > 0);

        QTemporaryDir dir;
        QFile body(dir.filePath(u"body.txt"_s));
        QVERIFY(body.open(QIODevice::WriteOnly));
        body.write("Dear {first_name}, the water is off.\n");
        body.close();
        QFile sms(dir.filePath(u"sms.txt"_s));
        QVERIFY(sms.open(QIODevice::WriteOnly));
        sms.write("{first_name}: water off today\n");
        sms.close();
        const QStringList mailing{u"--database"_s, m_t->url(),     u"mail"_s,        u"residents"_s,
                                  u"--subject"_s,  u"Water"_s,     u"--body-file"_s, body.fileName(),
                                  u"--sms-text"_s, sms.fileName(), u"--json"_s};
        CliRunner::Run run = CliRunner::run(mailing);
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        QJsonObject out = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(out.value(u"queued"_s).toInt(), 3);                            // S1, S3, S4: e-mail
        QCOMPARE(out.value(u"sms"_s).toObject().value(u"queued"_s).toInt(), 2); // S2, S3
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_emails WHERE to_address = 's2@example.edu'"_s), 0);
        QCOMPARE(
            scalar(u"SELECT COUNT(*) FROM sms_outbox WHERE to_number IN ('+12025550142', '+34612345678')"_s),
            2);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM sms_outbox WHERE body_text = 'FirstS2: water off today'"_s),
                 1);
        // The same mailing again queues nothing twice.
        run = CliRunner::run(mailing);
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        out = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(out.value(u"sms"_s).toObject().value(u"queued"_s).toInt(), 0);
        QCOMPARE(out.value(u"sms"_s).toObject().value(u"existing"_s).toInt(), 2);

        // The outbox, whole and by state.
        run = CliRunner::run({u"--database"_s, m_t->url(), u"sms"_s, u"outbox"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        const QJsonArray all = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).toObject().value(u"state"_s).toString(), u"queued"_s);
        QCOMPARE(all.at(0).toObject().value(u"related_entity"_s).toString(), u"resident"_s);
        run = CliRunner::run(
            {u"--database"_s, m_t->url(), u"sms"_s, u"outbox"_s, u"--state"_s, u"sent"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        QCOMPARE(QJsonDocument::fromJson(run.out).array().size(), 0);
        run = CliRunner::run({u"--database"_s, m_t->url(), u"sms"_s, u"outbox"_s, u"--state"_s, u"lost"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(u"lost"_s), qPrintable(run.errText()));
        run = CliRunner::run({u"--database"_s, m_t->url(), u"sms"_s, u"outbox"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        QVERIFY2(run.outText().contains(u"+12025550142"_s), qPrintable(run.outText()));

        // Sent through the gateway with --wait; a resolve on a sent message is refused.
        qputenv("RESIDESK_SMS_URL", m_gateway->url(u"ok"_s).toUtf8());
        qputenv("RESIDESK_SMS_TOKEN", "tok-1");
        run = CliRunner::run({u"--database"_s, m_t->url(), u"sms"_s, u"send"_s, u"--wait"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        QCOMPARE(m_gateway->posts().size(), 2);
        run = CliRunner::run(
            {u"--database"_s, m_t->url(), u"sms"_s, u"outbox"_s, u"--state"_s, u"sent"_s, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(run.out).array().size(), 2);
        const qint64 id =
            QJsonDocument::fromJson(run.out).array().at(0).toObject().value(u"id"_s).toInteger();
        run = CliRunner::run(
            {u"--database"_s, m_t->url(), u"sms"_s, u"resolve"_s, QString::number(id), u"--sent"_s});
        QCOMPARE(run.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestSms)
#include "tst_sms.moc"
