// Bulk protocol changes through the real `residesk` binary: `protocols receive|
// transition|undo|items` with --wait and --json, usage errors, `export protocols`
// (a CSV round trip against `protocols list --json`), and a `residesk worker` killed
// (SIGKILL) in the middle of a 10,000-protocol change, finished by a new worker with
// every protocol changed, audited and e-mailed once; the protocol e-mails of one worker in
// each client's language, through a real SMTP server.
#include "models/core/actor.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/io/csvreader.h"
#include "models/io/csvrecord.h"
#include "tasks/bulk/bulktasks.h"
#include "tasks/jobstore.h"
#include "tests/app/clirunner.h"
#include "tests/support/bulkfixtures.h"
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

class TestBulkCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    qint64 m_client = 0;

    Database &db() { return m_t->db(); }

    Run residesk(const QStringList &args)
    {
        return CliRunner::run(QStringList{u"--database"_s, m_t->url()} + args);
    }

    qint64 scalar(const QString &sql, const QVariantList &values = {})
    {
        SqlStatement st(db(), sql);
        for (const QVariant &v : values)
            st.bind(v);
        if (auto r = st.exec(); !r) {
            qWarning("%s", qPrintable(r.error().detail));
            return -1;
        }
        return st.next() ? st.value(0).toLongLong() : -1;
    }

    Job job(qint64 id)
    {
        const Result<Job> j = JobStore(db()).get(id);
        return j ? j.value() : Job{};
    }

    static QString ids(const QList<qint64> &list)
    {
        QStringList parts;
        for (const qint64 id : list)
            parts << QString::number(id);
        return parts.join(u',');
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!CliRunner::binary().isEmpty(), "RESIDESK_BINARY is not set (run through ctest)");
    }

    void init()
    {
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        m_client = BulkFixtures::addClient(db(), u"Hillside Dairy, Ltd."_s, u"office@hillside.example.org"_s);
        QVERIFY(m_client > 0);
    }

    void cleanup() { m_t.reset(); }

    void receiveWaitUndoAndItems()
    {
        const QList<qint64> list = BulkFixtures::addProtocols(db(), m_client, 40);
        QVERIFY(SqlStatement::run(db(), u"UPDATE protocols SET state = 'cancelled' WHERE id = ?"_s,
                                  {list.at(3)}));
        QVERIFY(SqlStatement::run(db(),
                                  u"UPDATE protocols SET state = 'received', received_at = "_s +
                                      Dialect::now(db().config().backend) + u" WHERE id = ?"_s,
                                  {list.at(4)}));

        const Run r = residesk(
            {u"protocols"_s, u"receive"_s, u"--ids"_s, ids(list.mid(0, 20)), u"--wait"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject out = CliRunner::jsonObject(r.out);
        const qint64 jobId = out.value(u"job_id"_s).toInteger();
        QVERIFY(jobId > 0);
        QCOMPARE(out.value(u"state"_s).toString(), u"succeeded"_s);
        QCOMPARE(out.value(u"selected"_s).toInteger(), 20);
        QCOMPARE(out.value(u"changed"_s).toInteger(), 18);
        QCOMPARE(out.value(u"skipped"_s).toInteger(), 1);
        QCOMPARE(out.value(u"failed"_s).toInteger(), 1);
        QCOMPARE(out.value(u"emails"_s).toInteger(), 18);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_emails"_s), 18);

        // The items, all and by outcome.
        Run items = residesk({u"protocols"_s, u"items"_s, QString::number(jobId), u"--json"_s});
        QVERIFY2(items.exitCode == 0, items.err.constData());
        const QJsonArray all = CliRunner::jsonArray(items.out);
        QCOMPARE(all.size(), 20);
        const QJsonObject firstItem = all.at(0).toObject();
        QCOMPARE(firstItem.value(u"protocol_id"_s).toInteger(), list.at(0));
        QCOMPARE(firstItem.value(u"outcome"_s).toString(), u"changed"_s);
        QCOMPARE(firstItem.value(u"before_state"_s).toString(), u"submitted"_s);
        QCOMPARE(firstItem.value(u"after_state"_s).toString(), u"received"_s);
        QCOMPARE(firstItem.value(u"before_version"_s).toInteger(), 1);
        QCOMPARE(firstItem.value(u"after_version"_s).toInteger(), 2);
        items = residesk(
            {u"protocols"_s, u"items"_s, QString::number(jobId), u"--outcome"_s, u"failed"_s, u"--json"_s});
        const QJsonArray failed = CliRunner::jsonArray(items.out);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).toObject().value(u"protocol_id"_s).toInteger(), list.at(3));
        QVERIFY(failed.at(0)
                    .toObject()
                    .value(u"reason"_s)
                    .toString()
                    .endsWith(u"is cancelled; it cannot be marked as received."_s));
        items = residesk({u"protocols"_s, u"items"_s, QString::number(jobId)});
        QVERIFY2(items.exitCode == 0, items.err.constData());
        QVERIFY(items.outText().startsWith(u"PROTOCOL"_s));
        QCOMPARE(items.outText().count(u'\n'), 21);

        // A general transition by filter, queued without waiting, then waited for.
        Run queued = residesk({u"protocols"_s, u"transition"_s, u"--to"_s, u"in_analysis"_s, u"--state"_s,
                               u"received"_s, u"--json"_s});
        QVERIFY2(queued.exitCode == 0, queued.err.constData());
        const QJsonObject q = CliRunner::jsonObject(queued.out);
        QCOMPARE(q.keys(), (QStringList{u"job_id"_s, u"selected"_s}));
        QCOMPARE(q.value(u"selected"_s).toInteger(), 19);
        const Run waited =
            residesk({u"jobs"_s, u"wait"_s, QString::number(q.value(u"job_id"_s).toInteger()), u"--json"_s});
        QVERIFY2(waited.exitCode == 0, waited.err.constData());
        QCOMPARE(
            CliRunner::jsonObject(waited.out).value(u"result"_s).toObject().value(u"changed"_s).toInteger(),
            19);

        // Undo of the receive: everything it changed moved on since, so nothing is restored.
        Run undo = residesk({u"protocols"_s, u"undo"_s, QString::number(jobId), u"--wait"_s, u"--json"_s});
        QVERIFY2(undo.exitCode == 0, undo.err.constData());
        QJsonObject u = CliRunner::jsonObject(undo.out);
        QCOMPARE(u.value(u"undo_of"_s).toInteger(), jobId);
        QCOMPARE(u.value(u"restored"_s).toInteger(), 0);
        QCOMPARE(u.value(u"skipped"_s).toInteger(), 18);
        // Twice: refused.
        undo = residesk({u"protocols"_s, u"undo"_s, QString::number(jobId), u"--json"_s});
        QCOMPARE(undo.exitCode, 1);
        QVERIFY2(undo.errText().contains(u"was already undone by job"_s), undo.err.constData());
        // The undo of the second change restores the 19 to received.
        undo = residesk({u"protocols"_s, u"undo"_s, QString::number(q.value(u"job_id"_s).toInteger()),
                         u"--wait"_s, u"--json"_s});
        QVERIFY2(undo.exitCode == 0, undo.err.constData());
        u = CliRunner::jsonObject(undo.out);
        QCOMPARE(u.value(u"restored"_s).toInteger(), 19);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM protocols WHERE state = 'received'"_s), 19);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_emails"_s), 18 + 19);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("no selection")
            << QStringList{u"protocols"_s, u"receive"_s} << 2 << u"give either --ids"_s;
        QTest::newRow("both") << QStringList{u"protocols"_s, u"receive"_s, u"--ids"_s,
                                             u"1"_s,         u"--state"_s, u"submitted"_s}
                              << 2 << u"give either --ids"_s;
        QTest::newRow("bad id") << QStringList{u"protocols"_s, u"receive"_s, u"--ids"_s, u"1,x"_s} << 2
                                << u"--ids: \"x\" is not a protocol id"_s;
        QTest::newRow("bad state") << QStringList{u"protocols"_s, u"receive"_s, u"--state"_s, u"lost"_s} << 2
                                   << u"--state must be one of"_s;
        QTest::newRow("no to") << QStringList{u"protocols"_s, u"transition"_s, u"--ids"_s, u"1"_s} << 2
                               << u"--to is required"_s;
        QTest::newRow("bad to") << QStringList{u"protocols"_s, u"transition"_s, u"--to"_s,
                                               u"done"_s,      u"--ids"_s,      u"1"_s}
                                << 2 << u"--to must be one of"_s;
        QTest::newRow("undo without id")
            << QStringList{u"protocols"_s, u"undo"_s} << 2 << u"needs a job id"_s;
        QTest::newRow("undo of nothing") << QStringList{u"protocols"_s, u"undo"_s, u"999"_s} << 1
                                         << u"is not a bulk change of protocols"_s;
        QTest::newRow("items of nothing") << QStringList{u"protocols"_s, u"items"_s, u"999"_s} << 1
                                          << u"is not a bulk change of protocols"_s;
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = residesk(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.errText().contains(message), r.err.constData());
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM jobs"_s), 0);
    }

    void exportProtocolsRoundTrip()
    {
        const QList<qint64> list = BulkFixtures::addProtocols(db(), m_client, 2500);
        QVERIFY(SqlStatement::run(db(),
                                  u"UPDATE protocols SET state = 'received', received_at = "_s +
                                      Dialect::now(db().config().backend) + u", animal_id = ? WHERE id = ?"_s,
                                  {u"Tag \"7\", left ear\nsecond line"_s, list.at(10)}));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"protocols.csv"_s);
        const Run r = residesk({u"export"_s, u"protocols"_s, path, u"--json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(CliRunner::jsonObject(r.out).value(u"rows"_s).toInteger(), 2500);

        const Run listed = residesk({u"protocols"_s, u"list"_s, u"--json"_s});
        QVERIFY2(listed.exitCode == 0, listed.err.constData());
        QHash<QString, QJsonObject> byNumber;
        for (const QJsonValue &v : CliRunner::jsonArray(listed.out))
            byNumber.insert(v.toObject().value(u"number"_s).toString(), v.toObject());
        QCOMPARE(byNumber.size(), 2500);

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        CsvReader reader(&file);
        CsvRecord record;
        QVERIFY(reader.readNext(record));
        const QStringList header = record.fields();
        QCOMPARE(header, (QStringList{u"id"_s, u"number"_s, u"client_id"_s, u"client"_s, u"species"_s,
                                      u"animal_id"_s, u"sample_count"_s, u"sample_type"_s, u"state"_s,
                                      u"submitted_at"_s, u"received_at"_s, u"version"_s}));
        int rows = 0;
        while (reader.readNext(record)) {
            QVERIFY(!record.hasProblem());
            const QStringList fields = record.fields();
            QCOMPARE(fields.size(), header.size());
            const QJsonObject expected = byNumber.value(fields.at(1));
            QVERIFY2(!expected.isEmpty(), qPrintable(fields.at(1)));
            for (int i = 0; i < header.size(); ++i) {
                const QJsonValue value = expected.value(header.at(i));
                const QString text = value.isNull()     ? QString()
                                     : value.isString() ? value.toString()
                                                        : QString::number(value.toInteger());
                QCOMPARE(fields.at(i), text);
            }
            ++rows;
        }
        QCOMPARE(reader.error(), CsvReader::Error::None);
        QCOMPARE(rows, 2500);
    }

    // Issue 15: the e-mail about a protocol's new state is written in its client's
    // language (clients.language), whatever the worker runs in: one worker changes a
    // Spanish and an English client's protocols in one job, and each client's mail
    // server gets its own language. The Spanish subjects need their translations in
    // translations/residesk_es.ts (context "ProtocolMail").
    void protocolEmailsInTheClientsLanguage()
    {
        const qint64 spanish =
            BulkFixtures::addClient(db(), u"Granja El Sol"_s, u"oficina@granjasol.example.es"_s);
        QVERIFY(spanish > 0);
        QVERIFY(SqlStatement::run(db(), u"UPDATE clients SET language = 'es' WHERE id = ?"_s, {spanish}));
        // m_client keeps the office's default (English): a NULL language.
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM clients WHERE id = ? AND language IS NULL"_s, {m_client}), 1);
        const QList<qint64> english = BulkFixtures::addProtocols(db(), m_client, 2);
        const QList<qint64> theirs = BulkFixtures::addProtocols(db(), spanish, 2);
        QCOMPARE(english.size() + theirs.size(), 4);
        const Result<BulkTasks::Queued> queued = BulkTasks::enqueueTransition(
            db(), Actor::systemUser(),
            BulkTasks::transitionRequest(Protocol::State::Received, english + theirs));
        QVERIFY(queued);

        SmtpSink sink;
        QString error;
        QVERIFY2(sink.start(&error), qPrintable(error));
        // One worker process changes the protocols (it runs in English); then the e-mails go out.
        for (const QString &kinds : {BulkTasks::transitionKind(), u"mail.send"_s}) {
            QProcessEnvironment env = CliRunner::environment();
            for (const QString &name :
                 {u"RESIDESK_SMTP_URL"_s, u"RESIDESK_SMTP_PASSWORD"_s, u"RESIDESK_SMTP_CA_FILE"_s,
                  u"RESIDESK_MAIL_FROM"_s, u"RESIDESK_MAIL_RATE"_s})
                env.remove(name);
            sink.addTo(env);
            QProcess worker;
            worker.setProcessEnvironment(env);
            worker.start(CliRunner::binary(), {u"--database"_s, m_t->urlAs(TestDatabase::Person::Worker),
                                               u"worker"_s, u"--once"_s, u"--kinds"_s, kinds});
            QVERIFY(worker.waitForStarted(10000));
            QVERIFY2(worker.waitForFinished(120000), "the worker did not finish");
            QVERIFY2(worker.exitStatus() == QProcess::NormalExit && worker.exitCode() == 0,
                     worker.readAllStandardError().constData());
        }
        QCOMPARE(job(queued->jobId).state, JobState::Succeeded);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_emails WHERE state = 'sent'"_s), 4);

        const QList<QJsonObject> mails = sink.messages();
        QCOMPARE(mails.size(), 4);
        const auto numberOf = [this](qint64 id) {
            SqlStatement st(db(), u"SELECT number, animal_id FROM protocols WHERE id = ?"_s);
            st.bind(id);
            return st.exec() && st.next() ? QStringList{st.value(0).toString(), st.value(1).toString()}
                                          : QStringList{};
        };
        const auto received = [&mails](const QString &number) {
            for (const QJsonObject &m : mails)
                if (m.value(u"subject"_s).toString().contains(number + u':'))
                    return m;
            return QJsonObject();
        };
        for (const qint64 id : theirs) {
            const QStringList p = numberOf(id);
            QCOMPARE(p.size(), 2);
            const QJsonObject m = received(p.at(0));
            QVERIFY2(!m.isEmpty(), qPrintable(p.at(0)));
            QVERIFY2(m.value(u"to"_s).toString().contains(u"oficina@granjasol.example.es"_s),
                     qPrintable(m.value(u"to"_s).toString()));
            const QString body = m.value(u"body"_s).toString();
            QVERIFY2(body.startsWith(u"Estimado/a Granja El Sol:"_s), qPrintable(body));
            QVERIFY2(body.contains(
                         u"El protocolo %1 (Bovine, animal %2) ahora está recibido."_s.arg(p.at(0), p.at(1))),
                     qPrintable(body));
            QVERIFY2(body.contains(u"no es necesario que lo responda"_s), qPrintable(body));
            // Needs the translation the lead adds (ProtocolMail, "Protocol %1: samples received").
            QCOMPARE(m.value(u"subject"_s).toString(), u"Protocolo %1: muestras recibidas"_s.arg(p.at(0)));
        }
        for (const qint64 id : english) {
            const QStringList p = numberOf(id);
            QCOMPARE(p.size(), 2);
            const QJsonObject m = received(p.at(0));
            QVERIFY2(!m.isEmpty(), qPrintable(p.at(0)));
            QVERIFY2(m.value(u"to"_s).toString().contains(u"office@hillside.example.org"_s),
                     qPrintable(m.value(u"to"_s).toString()));
            QCOMPARE(m.value(u"subject"_s).toString(), u"Protocol %1: samples received"_s.arg(p.at(0)));
            const QString body = m.value(u"body"_s).toString();
            QVERIFY2(body.startsWith(u"Dear Hillside Dairy, Ltd.,"_s), qPrintable(body));
            QVERIFY2(
                body.contains(u"protocol %1 (Bovine, animal %2) is now received."_s.arg(p.at(0), p.at(1))),
                qPrintable(body));
        }
    }

    void killedWorkerIsResumedOnce()
    {
        constexpr int kCount = 10000;
        const QList<qint64> list = BulkFixtures::addProtocols(db(), m_client, kCount);
        JobRequest request = BulkTasks::transitionRequest(Protocol::State::Received, list);
        request.payload.insert(u"chunk"_s, 100);
        const Result<BulkTasks::Queued> queued =
            BulkTasks::enqueueTransition(db(), Actor::systemUser(), request);
        QVERIFY(queued);
        const qint64 id = queued->jobId;

        // PostgreSQL: hold the worker in the middle with a row lock on protocol 5,050 (its
        // chunk waits, the job cannot get past it). SQLite has no row locks, and a write
        // lock taken from here while the worker commits chunk after chunk may come only
        // once the job has ended: kill at once after the first chunk instead (the
        // worker needs many more to finish).
        auto hold = std::make_unique<Transaction>(db());
        QVERIFY(hold->ok());
        if (db().isPostgreSQL())
            QVERIFY(SqlStatement::run(db(), u"SELECT id FROM protocols WHERE id = ? FOR UPDATE"_s,
                                      {list.at(5050)}));
        else
            hold.reset();
        auto first = CliRunner::start({u"--database"_s, m_t->url(), u"worker"_s, u"--lease-seconds"_s, u"2"_s,
                                       u"--concurrency"_s, u"1"_s, u"--kinds"_s, BulkTasks::transitionKind(),
                                       u"--json"_s});
        QVERIFY2(first->waitForStarted(10000), qPrintable(first->errorString()));
        if (db().isPostgreSQL()) {
            QTRY_VERIFY_WITH_TIMEOUT(job(id).checkpoint.value(u"done"_s).toInteger() == 5000, 60000);
        } else {
            QTRY_VERIFY_WITH_TIMEOUT(job(id).checkpoint.value(u"done"_s).toInteger() > 0 ||
                                         first->state() == QProcess::NotRunning,
                                     60000);
        }
        first->kill(); // SIGKILL, in the middle of a chunk
        QVERIFY(first->waitForFinished(10000));
        hold.reset(); // rolls back: releases the lock

        const Job orphan = job(id);
        QCOMPARE(orphan.state, JobState::Running);
        const qint64 atKill = orphan.checkpoint.value(u"done"_s).toInteger();
        QVERIFY(atKill > 0);
        QVERIFY2(atKill < kCount, "the job ended before the kill");
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM protocols WHERE state = 'received'"_s), atKill);

        QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentMSecsSinceEpoch() > orphan.leaseExpiresAt + 100, 10000);
        const Run second = CliRunner::run({u"--database"_s, m_t->url(), u"worker"_s, u"--once"_s,
                                           u"--kinds"_s, BulkTasks::transitionKind(), u"--json"_s});
        QVERIFY2(second.exitCode == 0, second.err.constData());

        const Job done = job(id);
        QCOMPARE(done.state, JobState::Succeeded);
        QCOMPARE(done.attempts, 2);
        QCOMPARE(done.result.value(u"changed"_s).toInteger(), kCount);
        QCOMPARE(done.result.value(u"skipped"_s).toInteger(), 0);
        QCOMPARE(done.result.value(u"failed"_s).toInteger(), 0);
        // Every protocol changed once, one audit entry and one e-mail each.
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM protocols WHERE state = 'received' AND version = 2"_s),
                 kCount);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_entries WHERE job_id = ?"_s, {id}), kCount);
        QCOMPARE(scalar(u"SELECT COUNT(DISTINCT entity_id) FROM audit_entries WHERE job_id = ?"_s, {id}),
                 kCount);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_emails"_s), kCount);
        QCOMPARE(scalar(u"SELECT COUNT(DISTINCT related_id) FROM outbox_emails"_s), kCount);
        QCOMPARE(
            scalar(u"SELECT COUNT(*) FROM bulk_job_items WHERE job_id = ? AND outcome = 'changed'"_s, {id}),
            kCount);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM notifications WHERE job_id = ?"_s, {id}), 1);
    }
};

QTEST_GUILESS_MAIN(TestBulkCli)
#include "tst_bulkcli.moc"
