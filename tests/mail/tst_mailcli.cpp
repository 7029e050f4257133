// `residesk mail …` and `residesk worker` end to end, against a real SMTP server
// (tests/support/smtpsink.py): the JSON of the commands, a bulk mailing to residents
// and its rerun, a wrong password, and a worker killed (SIGKILL) in the middle of
// sending: the e-mail it was sending becomes uncertain, nothing is delivered twice,
// and a person's "send again" delivers it once more.
#include "models/core/actor.h"
#include "models/db/sqlstatement.h"
#include "tasks/mail/outbox.h"
#include "tests/app/clirunner.h"
#include "tests/models/housing/allocationtestutil.h"
#include "tests/support/smtpsink.h"
#include "tests/support/testdatabase.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using CliRunner::Run;

class TestMailCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<SmtpSink> m_sink;
    QTemporaryDir m_files;

    Database &db() { return m_t->db(); }

    QProcessEnvironment environment(const QString &password = {}) const
    {
        QProcessEnvironment env = CliRunner::environment();
        for (const QString &name :
             {u"RESIDESK_SMTP_URL"_s, u"RESIDESK_SMTP_PASSWORD"_s, u"RESIDESK_SMTP_CA_FILE"_s,
              u"RESIDESK_MAIL_FROM"_s, u"RESIDESK_MAIL_RATE"_s, u"RESIDESK_SMTP_TIMEOUT"_s})
            env.remove(name);
        m_sink->addTo(env);
        if (!password.isEmpty())
            env.insert(u"RESIDESK_SMTP_PASSWORD"_s, password);
        return env;
    }

    std::unique_ptr<QProcess> start(const QStringList &args, const QProcessEnvironment &env) const
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(env);
        p->start(CliRunner::binary(), QStringList{u"--database"_s, m_t->url()} + args);
        return p;
    }

    Run run(const QStringList &args, const QProcessEnvironment &env, int timeoutMs = 120000) const
    {
        auto p = start(args, env);
        Run r;
        if (!p->waitForStarted(10000)) {
            r.err = p->errorString().toUtf8();
            return r;
        }
        if (!p->waitForFinished(timeoutMs)) {
            p->terminate();
            p->waitForFinished(5000);
            p->kill();
            p->waitForFinished();
            r.out = p->readAllStandardOutput();
            r.err = "timed out; stderr: " + p->readAllStandardError();
            return r;
        }
        r.exitCode = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -2;
        r.out = p->readAllStandardOutput();
        r.err = p->readAllStandardError();
        return r;
    }
    Run run(const QStringList &args) const { return run(args, environment()); }

    OutboxEmail email(qint64 id)
    {
        const Result<OutboxEmail> e = Outbox(db()).get(id);
        return e ? e.value() : OutboxEmail{};
    }

    qint64 enqueue(const QString &to, const QString &subject)
    {
        OutboxMessage m;
        m.toAddress = to;
        m.subject = subject;
        m.bodyText = u"Text of "_s + subject;
        const Result<Outbox::Enqueued> r = Outbox(db()).enqueue(m, Actor::systemUser());
        return r ? r->id : 0;
    }

    QString writeFile(const QString &name, const QString &text)
    {
        QFile f(m_files.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(text.toUtf8());
        return f.fileName();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!CliRunner::binary().isEmpty(), "RESIDESK_BINARY is not set (run through ctest)");
        QVERIFY(m_files.isValid());
    }

    void init()
    {
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        m_sink = std::make_unique<SmtpSink>();
        QVERIFY2(m_sink->start(&error), qPrintable(error));
    }

    void cleanup()
    {
        m_sink.reset();
        m_t.reset();
    }

    void outboxSendAndTheirJson()
    {
        const qint64 id = enqueue(u"ana@example.org"_s, u"Hello Ana"_s);
        Run r = run({u"mail"_s, u"outbox"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonArray rows = CliRunner::jsonArray(r.out);
        QCOMPARE(rows.size(), 1);
        QJsonObject row = rows.first().toObject();
        for (const QString &key : {u"id"_s, u"to"_s, u"subject"_s, u"state"_s, u"attempts"_s, u"error"_s,
                                   u"message_id"_s, u"created_at"_s, u"sent_at"_s})
            QVERIFY2(row.contains(key), qPrintable(key));
        QCOMPARE(row.value(u"id"_s).toInteger(), id);
        QCOMPARE(row.value(u"to"_s).toString(), u"ana@example.org"_s);
        QCOMPARE(row.value(u"state"_s).toString(), u"queued"_s);
        QVERIFY(row.value(u"sent_at"_s).isNull());

        r = run({u"mail"_s, u"send"_s, u"--wait"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject job = CliRunner::jsonObject(r.out);
        QCOMPARE(job.value(u"kind"_s).toString(), u"mail.send"_s);
        QCOMPARE(job.value(u"state"_s).toString(), u"succeeded"_s);
        QCOMPARE(job.value(u"result"_s).toObject().value(u"sent"_s).toInt(), 1);

        r = run({u"mail"_s, u"outbox"_s, u"--state"_s, u"sent"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        rows = CliRunner::jsonArray(r.out);
        QCOMPARE(rows.size(), 1);
        row = rows.first().toObject();
        QCOMPARE(row.value(u"attempts"_s).toInt(), 1);
        QVERIFY(!row.value(u"sent_at"_s).isNull());
        QCOMPARE(m_sink->deliveries(row.value(u"message_id"_s).toString()), 1);

        // Text output and usage errors.
        r = run({u"mail"_s, u"outbox"_s});
        QVERIFY2(r.exitCode == 0 && r.outText().contains(u"ana@example.org"_s), r.err.constData());
        QCOMPARE(run({u"mail"_s, u"outbox"_s, u"--state"_s, u"lost"_s}).exitCode, 2);
        QCOMPARE(run({u"mail"_s, u"resolve"_s, QString::number(id)}).exitCode, 2);
        r = run({u"mail"_s, u"resolve"_s, QString::number(id), u"--sent"_s});
        QCOMPARE(r.exitCode, 1); // sent, not uncertain
        QVERIFY2(r.errText().contains(u"uncertain"_s), r.err.constData());
        r = run({u"mail"_s, u"retry"_s, u"999"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(u"no e-mail with id 999"_s), r.err.constData());
    }

    void wrongPasswordIsReportedWithTheServersReply()
    {
        const QProcessEnvironment wrong = environment(u"not-the-password"_s);
        Run r = run({u"mail"_s, u"test"_s, u"--to"_s, u"ana@example.org"_s, u"--wait"_s, u"--json"_s}, wrong);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(u"535"_s), r.err.constData());
        r = run({u"mail"_s, u"outbox"_s, u"--json"_s});
        const QJsonObject row = CliRunner::jsonArray(r.out).first().toObject();
        // The login was refused, not the e-mail: it waits for a retry with the reply.
        QCOMPARE(row.value(u"state"_s).toString(), u"queued"_s);
        QCOMPARE(row.value(u"attempts"_s).toInt(), 1);
        QVERIFY2(row.value(u"error"_s).toString().contains(u"535 5.7.8"_s),
                 qPrintable(row.value(u"error"_s).toString()));

        // With the right password, "send now" delivers it at once, and once.
        r = run({u"mail"_s, u"send"_s, u"--wait"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(m_sink->deliveries(row.value(u"message_id"_s).toString()), 1);
        r = run({u"mail"_s, u"outbox"_s, u"--json"_s});
        QCOMPARE(CliRunner::jsonArray(r.out).first().toObject().value(u"state"_s).toString(), u"sent"_s);
    }

    void aRefusedRecipientFailsThatEmailAndCanBeRetried()
    {
        // The drain itself succeeds (it did its work); the e-mail failed.
        Run r = run({u"mail"_s, u"test"_s, u"--to"_s, u"refused.ana@example.org"_s, u"--wait"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = run({u"mail"_s, u"outbox"_s, u"--state"_s, u"failed"_s, u"--json"_s});
        const QJsonArray failed = CliRunner::jsonArray(r.out);
        QCOMPARE(failed.size(), 1);
        const QJsonObject row = failed.first().toObject();
        QCOMPARE(row.value(u"to"_s).toString(), u"refused.ana@example.org"_s);
        QVERIFY2(row.value(u"error"_s).toString().contains(u"550 5.1.1"_s),
                 qPrintable(row.value(u"error"_s).toString()));
        QCOMPARE(m_sink->messages().size(), 0);

        r = run({u"mail"_s, u"retry"_s, row.value(u"id"_s).toVariant().toString(), u"--json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(CliRunner::jsonObject(r.out).value(u"state"_s).toString(), u"queued"_s);
    }

    void bulkMailingToResidentsAndItsRerun()
    {
        Run r = run({u"seed-demo"_s, u"--residents"_s, u"6"_s, u"--seed"_s, u"3"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString body =
            writeFile(u"body.txt"_s, u"Dear {first_name} {last_name},\nyour id is {student_id} "
                                     "and we write to {email}.\n"_s);
        const QStringList mailing{
            u"mail"_s,        u"residents"_s, u"--subject"_s, u"Water off for {first_name}"_s,
            u"--body-file"_s, body,           u"--json"_s};

        // Unknown placeholders are refused by name ({room} is known); so is an unknown building.
        const QString bad = writeFile(u"bad.txt"_s, u"Hi {first_name}, room {room}, {nickname}.\n"_s);
        r = run({u"mail"_s, u"residents"_s, u"--subject"_s, u"Hi"_s, u"--body-file"_s, bad});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(u"{nickname}"_s), r.err.constData());
        // One unknown placeholder: the command line's English plural forms say so.
        QVERIFY2(r.errText().contains(u"Unknown placeholder in the text: {nickname}. Known"_s),
                 r.err.constData());
        r = run(mailing + QStringList{u"--building"_s, u"NORTH"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(u"no building with the code \"NORTH\""_s), r.err.constData());

        // A dry run shows the first messages and queues nothing.
        r = run(mailing + QStringList{u"--dry-run"_s, u"--preview"_s, u"2"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonObject preview = CliRunner::jsonObject(r.out);
        QCOMPARE(preview.value(u"matched"_s).toInt(), 6);
        QCOMPARE(preview.value(u"preview"_s).toArray().size(), 2);
        const QJsonObject firstPreview = preview.value(u"preview"_s).toArray().first().toObject();
        QVERIFY(!firstPreview.value(u"subject"_s).toString().contains(u'{'));
        QVERIFY(firstPreview.value(u"body"_s).toString().contains(firstPreview.value(u"to"_s).toString()));
        QCOMPARE(run({u"mail"_s, u"outbox"_s, u"--json"_s}).out.trimmed(), QByteArray("[]"));

        r = run(mailing);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonObject result = CliRunner::jsonObject(r.out);
        QCOMPARE(result.value(u"queued"_s).toInt(), 6);
        QCOMPARE(result.value(u"existing"_s).toInt(), 0);
        QVERIFY(result.value(u"job_id"_s).toInteger() > 0);

        // The same mailing again queues nothing.
        r = run(mailing);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        result = CliRunner::jsonObject(r.out);
        QCOMPARE(result.value(u"queued"_s).toInt(), 0);
        QCOMPARE(result.value(u"existing"_s).toInt(), 6);
        QVERIFY(result.value(u"job_id"_s).isNull());

        r = run({u"mail"_s, u"send"_s, u"--wait"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QList<QJsonObject> received = m_sink->messages();
        QCOMPARE(received.size(), 6);
        QSet<QString> recipients;
        for (const QJsonObject &m : received) {
            const QString to = m.value(u"rcpt_tos"_s).toArray().first().toString();
            recipients.insert(to);
            QVERIFY(m.value(u"subject"_s).toString().startsWith(u"Water off for "_s));
            QVERIFY2(m.value(u"body"_s).toString().contains(u"we write to "_s + to),
                     qPrintable(m.value(u"body"_s).toString()));
        }
        QCOMPARE(recipients.size(), 6);

        // A third run after sending: still nothing new.
        r = run(mailing);
        QCOMPARE(CliRunner::jsonObject(r.out).value(u"queued"_s).toInt(), 0);
    }

    // --building picks the residents holding a bed in that building today; {room} and
    // {building} come from the room each one holds (empty for a resident without one).
    void mailingByBuildingWithRoomPlaceholders()
    {
        Database &d = db();
        const Building alder = AllocationTest::building(d, u"AL"_s, u"Alder Hall"_s);
        const Building birch = AllocationTest::building(d, u"BI"_s, u"Birch Hall"_s);
        const Room a101 = AllocationTest::room(d, alder, u"101"_s, 2);
        const Room a102 = AllocationTest::room(d, alder, u"102"_s, 1);
        const Room b201 = AllocationTest::room(d, birch, u"201"_s, 1);
        const Resident ana = AllocationTest::resident(d, u"S0001"_s, u"Ana"_s, u"Arce"_s);
        const Resident ben = AllocationTest::resident(d, u"S0002"_s, u"Ben"_s, u"Bravo"_s);
        const Resident cleo = AllocationTest::resident(d, u"S0003"_s, u"Cleo"_s, u"Cruz"_s);
        const Resident dan = AllocationTest::resident(d, u"S0004"_s, u"Dan"_s, u"Diaz"_s);
        const Resident eve = AllocationTest::resident(d, u"S0005"_s, u"Eve"_s, u"Esteve"_s);
        const QDate today = QDate::currentDate();
        AllocationRepository allocations(d, Actor::systemUser());
        QVERIFY(allocations.reserve(AllocationTest::stay(ana.id, a101.id, today, today.addDays(30))));
        const Result<Allocation> benStay =
            allocations.reserve(AllocationTest::stay(ben.id, a102.id, today.addDays(-2)));
        QVERIFY(benStay && allocations.checkIn(benStay->id));
        QVERIFY(allocations.reserve(AllocationTest::stay(cleo.id, b201.id, today)));
        QVERIFY(allocations.reserve(AllocationTest::stay(dan.id, a101.id, today.addDays(40)))); // not yet
        Q_UNUSED(eve); // no room at all

        const QString body =
            writeFile(u"notice.txt"_s, u"Dear {first_name},\nthe water in {building} is off; "
                                       "room {room} too.\n"_s);
        const QStringList mailing{
            u"mail"_s,        u"residents"_s, u"--subject"_s, u"Water off in {building}"_s,
            u"--body-file"_s, body,           u"--json"_s};
        Run r = run(mailing + QStringList{u"--building"_s, u"AL"_s, u"--dry-run"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(CliRunner::jsonObject(r.out).value(u"matched"_s).toInt(), 2);

        r = run(mailing + QStringList{u"--building"_s, u"AL"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(CliRunner::jsonObject(r.out).value(u"queued"_s).toInt(), 2);
        // The same text to another building is another mailing.
        r = run(mailing + QStringList{u"--building"_s, u"BI"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(CliRunner::jsonObject(r.out).value(u"queued"_s).toInt(), 1);
        r = run(mailing + QStringList{u"--building"_s, u"AL"_s});
        QCOMPARE(CliRunner::jsonObject(r.out).value(u"existing"_s).toInt(), 2);

        r = run({u"mail"_s, u"send"_s, u"--wait"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QHash<QString, QJsonObject> byRecipient;
        for (const QJsonObject &m : m_sink->messages())
            byRecipient.insert(m.value(u"rcpt_tos"_s).toArray().first().toString(), m);
        QCOMPARE(byRecipient.size(), 3);
        const QJsonObject toAna = byRecipient.value(ana.email);
        QCOMPARE(toAna.value(u"subject"_s).toString(), u"Water off in Alder Hall"_s);
        QVERIFY2(
            toAna.value(u"body"_s).toString().contains(u"the water in Alder Hall is off; room 101 too."_s),
            qPrintable(toAna.value(u"body"_s).toString()));
        QVERIFY2(byRecipient.value(ben.email).value(u"body"_s).toString().contains(u"room 102 too"_s),
                 qPrintable(byRecipient.value(ben.email).value(u"body"_s).toString()));
        QCOMPARE(byRecipient.value(cleo.email).value(u"subject"_s).toString(), u"Water off in Birch Hall"_s);
        QVERIFY(!byRecipient.contains(dan.email));

        // Without --building everyone gets it; a resident without a room gets empty values.
        r = run({u"mail"_s, u"residents"_s, u"--subject"_s, u"Hello {first_name}"_s, u"--body-file"_s, body,
                 u"--dry-run"_s, u"--preview"_s, u"10"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(CliRunner::jsonObject(r.out).value(u"matched"_s).toInt(), 5);
        bool sawEve = false;
        for (const QJsonValue &v : CliRunner::jsonObject(r.out).value(u"preview"_s).toArray()) {
            const QJsonObject m = v.toObject();
            if (m.value(u"to"_s).toString() == eve.email) {
                sawEve = true;
                QVERIFY2(m.value(u"body"_s).toString().contains(u"the water in  is off; room  too."_s),
                         qPrintable(m.value(u"body"_s).toString()));
            }
        }
        QVERIFY(sawEve);
    }

    void workerKilledWhileSendingLeavesOneUncertainEmail()
    {
        // The sink stores each message and then waits 60 s before its 250: the worker
        // is killed while it waits for that reply.
        m_sink->setDataDelay(60);
        QString error;
        QVERIFY2(m_sink->start(&error), qPrintable(error));
        QList<qint64> ids;
        for (int i = 0; i < 3; ++i)
            ids << enqueue(u"r%1@example.org"_s.arg(i), u"Notice %1"_s.arg(i));

        auto worker =
            start({u"worker"_s, u"--lease-seconds"_s, u"2"_s, u"--concurrency"_s, u"1"_s, u"--json"_s},
                  environment());
        QVERIFY2(worker->waitForStarted(10000), qPrintable(worker->errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(m_sink->messages().size() == 1 || worker->state() == QProcess::NotRunning,
                                 60000);
        QVERIFY2(worker->state() == QProcess::Running, worker->readAllStandardError().constData());
        const OutboxEmail inFlight = email(ids.first());
        QCOMPARE(inFlight.state, OutboxState::Sending);
        QCOMPARE(inFlight.attempts, 1);
        worker->kill(); // SIGKILL: the reply never arrives, nothing is recorded
        QVERIFY(worker->waitForFinished(10000));
        QCOMPARE(email(ids.first()).state, OutboxState::Sending);

        // The server answers at once from now on; the dead worker's lease expires.
        m_sink->setDataDelay(0);
        QVERIFY2(m_sink->start(&error), qPrintable(error));
        const qint64 leaseEnd = QDateTime::currentMSecsSinceEpoch() + 2500;
        QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentMSecsSinceEpoch() > leaseEnd, 10000);

        Run r = run({u"worker"_s, u"--once"_s, u"--json"_s}, environment());
        QVERIFY2(r.exitCode == 0, (r.err + "\nstdout: " + r.out).constData());

        const OutboxEmail uncertain = email(ids.first());
        QCOMPARE(uncertain.state, OutboxState::Uncertain);
        QCOMPARE(uncertain.attempts, 1);
        QCOMPARE(m_sink->deliveries(uncertain.messageId), 1); // the server had it, and kept it once
        for (qint64 id : ids.mid(1)) {
            const OutboxEmail e = email(id);
            QCOMPARE(e.state, OutboxState::Sent);
            QCOMPARE(e.attempts, 1);
            QCOMPARE(m_sink->deliveries(e.messageId), 1);
        }
        QCOMPARE(m_sink->messages().size(), 3);

        // The command line shows it, with why.
        r = run({u"mail"_s, u"outbox"_s, u"--state"_s, u"uncertain"_s, u"--json"_s});
        QJsonArray rows = CliRunner::jsonArray(r.out);
        QCOMPARE(rows.size(), 1);
        QVERIFY(rows.first().toObject().value(u"error"_s).toString().contains(u"may or may not"_s));

        // More drains never send it again.
        r = run({u"mail"_s, u"send"_s, u"--wait"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(m_sink->deliveries(uncertain.messageId), 1);

        // A person decides to send it again: delivered exactly once more.
        r = run({u"mail"_s, u"resolve"_s, QString::number(ids.first()), u"--resend"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject resolved = CliRunner::jsonObject(r.out);
        QCOMPARE(resolved.value(u"state"_s).toString(), u"queued"_s);
        QCOMPARE(resolved.value(u"resolution"_s).toString(), u"resent"_s);
        QVERIFY(!resolved.value(u"resolved_by"_s).toString().isEmpty());
        r = run({u"mail"_s, u"send"_s, u"--wait"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(email(ids.first()).state, OutboxState::Sent);
        QCOMPARE(email(ids.first()).attempts, 2);
        QCOMPARE(m_sink->deliveries(uncertain.messageId), 2); // the same Message-ID: clients can tell
        QCOMPARE(m_sink->messages().size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestMailCli)
#include "tst_mailcli.moc"
