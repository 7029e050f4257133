// The mail.send job in a real engine, sending through a real SMTP server
// (tests/support/smtpsink.py: aiosmtpd with STARTTLS, AUTH and a self-signed
// certificate), on SQLite and PostgreSQL.
#include "models/db/sqlstatement.h"
#include "tasks/jobclock.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "tasks/mail/outbox.h"
#include "tasks/mail/smtpsender.h"
#include "tasks/taskcatalog.h"
#include "tasks/taskregistry.h"
#include "tests/support/smtpsink.h"
#include "tests/support/testdatabase.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

Actor actor()
{
    return Actor{u"alice"_s, Actor::Role::Admin};
}

OutboxMessage message(const QString &to, const QString &subject = u"Your report"_s)
{
    OutboxMessage m;
    m.toAddress = to;
    m.subject = subject;
    m.bodyText = u"Hello,\nthis is a message.\n"_s;
    return m;
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

void clearMailEnvironment()
{
    for (const char *name : {"RESIDESK_SMTP_URL", "RESIDESK_SMTP_PASSWORD", "RESIDESK_SMTP_CA_FILE",
                             "RESIDESK_MAIL_FROM", "RESIDESK_MAIL_RATE", "RESIDESK_SMTP_TIMEOUT"})
        qunsetenv(name);
}

} // namespace

class TestMailSend : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<SmtpSink> m_sink;
    TaskRegistry m_registry;

    Database &db() { return m_t->db(); }

    OutboxEmail email(qint64 id)
    {
        const Result<OutboxEmail> e = Outbox(db()).get(id);
        return e ? e.value() : OutboxEmail{};
    }

    Job job(qint64 id)
    {
        const Result<Job> j = JobStore(db()).get(id);
        return j ? j.value() : Job{};
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

    Outbox::Enqueued enqueue(const OutboxMessage &m, const JobClock &clock = JobClock::system())
    {
        const Result<Outbox::Enqueued> r = Outbox(db(), clock).enqueue(m, actor());
        if (!r)
            qWarning("enqueue: %s", qPrintable(r.error().text()));
        return r ? r.value() : Outbox::Enqueued{};
    }

    // Runs an engine until job `id` has finished (or the timeout); returns the job.
    Job runUntilFinished(qint64 id, const JobClock &clock = JobClock::system(), int timeoutMs = 60000)
    {
        JobEngine engine(db(), m_registry, engineOptions(), clock);
        engine.start();
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(job(id).isFinished(), timeoutMs);
        }();
        QSignalSpy stopped(&engine, &JobEngine::stopped);
        engine.stop();
        if (engine.isStarted() || engine.runningCount() > 0)
            stopped.wait(10000);
        return job(id);
    }

private Q_SLOTS:
    void initTestCase() { TaskCatalog::registerAll(m_registry); }

    void init()
    {
        clearMailEnvironment();
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        m_sink = std::make_unique<SmtpSink>();
        QVERIFY2(m_sink->start(&error), qPrintable(error));
        m_sink->exportToEnvironment();
    }

    void cleanup()
    {
        m_sink.reset();
        m_t.reset();
        clearMailEnvironment();
    }

    void headerEncoding_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("ascii") << u"Report 42"_s << QByteArray("Report 42");
        QTest::newRow("latin") << u"Informe n.º 42"_s << QByteArray("=?UTF-8?B?SW5mb3JtZSBuLsK6IDQy?=");
    }

    void headerEncoding()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, expected);
        QCOMPARE(SmtpSender::encodeHeaderText(text), expected);
        QCOMPARE(SmtpSender::formatMailbox(u"Ana \"A\" Pérez"_s, u"ana@example.org"_s)
                     .endsWith("<ana@example.org>"),
                 true);
        QCOMPARE(SmtpSender::formatMailbox(u"Ana \"A\" Lee"_s, u"ana@example.org"_s),
                 QByteArray("\"Ana \\\"A\\\" Lee\" <ana@example.org>"));
    }

    void sendsWithStartTlsAndAuth()
    {
        OutboxMessage m =
            message(u"ana@example.org"_s, u"Informe n.º 42 — resultados de Pérez (análisis completo)"_s);
        m.toName = u"Ana Pérez"_s;
        m.bodyText = u"Hola Ana,\n\nel informe está adjunto. Ünïcödé ✓\n"_s;
        const QByteArray pdf =
            QByteArray("%PDF-1.4\n") + QByteArray(20000, '\x07') + QByteArray("\x00\xff\r\n.\r\n", 7);
        m.attachments.append({0, u"report-42.pdf"_s, u"application/pdf"_s, pdf, 0});
        const Outbox::Enqueued queued = enqueue(m);
        QVERIFY(queued.id > 0);

        const Job done = runUntilFinished(queued.drainJobId);
        QVERIFY2(done.state == JobState::Succeeded, qPrintable(done.error));
        QCOMPARE(done.result.value(u"sent"_s).toInt(), 1);
        QCOMPARE(done.result.value(u"failed"_s).toInt(), 0);
        QCOMPARE(done.result.value(u"requeued"_s).toInt(), 0);
        QCOMPARE(done.result.value(u"uncertain"_s).toInt(), 0);

        const OutboxEmail e = email(queued.id);
        QCOMPARE(e.state, OutboxState::Sent);
        QCOMPARE(e.attempts, 1);
        QVERIFY2(e.serverReply.startsWith(u"250 2.0.0 Ok: queued as"_s), qPrintable(e.serverReply));
        QVERIFY(e.sentAt > 0);

        const QList<QJsonObject> received = m_sink->messages();
        QCOMPARE(received.size(), 1);
        const QJsonObject r = received.first();
        QCOMPARE(r.value(u"tls"_s).toBool(), true);
        QCOMPARE(r.value(u"login"_s).toString(), m_sink->user());
        QCOMPARE(r.value(u"mail_from"_s).toString(), u"office@residesk.test"_s);
        QCOMPARE(r.value(u"rcpt_tos"_s).toArray().first().toString(), u"ana@example.org"_s);
        QCOMPARE(r.value(u"subject"_s).toString(), m.subject);
        QCOMPARE(r.value(u"to"_s).toString(), u"Ana Pérez <ana@example.org>"_s);
        QCOMPARE(r.value(u"from"_s).toString(), u"Residesk Tests <office@residesk.test>"_s);
        QCOMPARE(r.value(u"message_id"_s).toString(), e.messageId);
        QCOMPARE(r.value(u"mime_version"_s).toString(), u"1.0"_s);
        const QDateTime date = QDateTime::fromString(r.value(u"date"_s).toString(), Qt::RFC2822Date);
        QVERIFY2(date.isValid(), qPrintable(r.value(u"date"_s).toString()));
        QVERIFY(qAbs(date.toMSecsSinceEpoch() - QDateTime::currentMSecsSinceEpoch()) < 3600 * 1000);
        const QJsonObject counts = r.value(u"header_counts"_s).toObject();
        for (auto it = counts.begin(); it != counts.end(); ++it)
            QVERIFY2(it.value().toInt() == 1,
                     qPrintable(u"%1 appears %2 times"_s.arg(it.key()).arg(it.value().toInt())));
        QCOMPARE(r.value(u"content_type"_s).toString(), u"multipart/mixed"_s);
        QCOMPARE(r.value(u"body"_s).toString().replace(u"\r\n"_s, u"\n"_s), m.bodyText);
        const QJsonArray files = r.value(u"attachments"_s).toArray();
        QCOMPARE(files.size(), 1);
        const QJsonObject file = files.first().toObject();
        QCOMPARE(file.value(u"filename"_s).toString(), u"report-42.pdf"_s);
        QCOMPARE(file.value(u"content_type"_s).toString(), u"application/pdf"_s);
        QCOMPARE(file.value(u"size"_s).toInt(), pdf.size());
        QCOMPARE(file.value(u"sha256"_s).toString(),
                 QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex()));
    }

    void sendsWithImplicitTlsAndThroughAPlainRelay_data()
    {
        QTest::addColumn<QString>("security");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QString>("login");
        QTest::newRow("smtps") << u"tls"_s << true << u"residesk"_s;
        QTest::newRow("plain local relay") << u"none"_s << false << QString();
    }

    void sendsWithImplicitTlsAndThroughAPlainRelay()
    {
        QFETCH(QString, security);
        QFETCH(bool, tls);
        QFETCH(QString, login);
        m_sink->setSecurity(security);
        QString error;
        QVERIFY2(m_sink->start(&error), qPrintable(error));
        m_sink->exportToEnvironment();
        const Outbox::Enqueued queued = enqueue(message(u"ana@example.org"_s));
        const Job done = runUntilFinished(queued.drainJobId);
        QVERIFY2(done.state == JobState::Succeeded, qPrintable(done.error));
        QCOMPARE(email(queued.id).state, OutboxState::Sent);
        const QList<QJsonObject> received = m_sink->messages();
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.first().value(u"tls"_s).toBool(), tls);
        QCOMPARE(received.first().value(u"login"_s).toString(), login);
    }

    void cancelStopsBetweenEmailsAndKeepsTheRestQueued()
    {
        // One a minute: after the first e-mail the drain waits a minute, and the cancel
        // comes in that wait (which a cancel ends at once).
        qputenv("RESIDESK_MAIL_RATE", "1");
        QList<qint64> ids;
        qint64 drain = 0;
        for (int i = 0; i < 4; ++i) {
            const Outbox::Enqueued q = enqueue(message(u"r%1@example.org"_s.arg(i)));
            ids << q.id;
            drain = q.drainJobId;
        }
        {
            JobEngine engine(db(), m_registry, engineOptions());
            engine.start();
            QTRY_VERIFY_WITH_TIMEOUT(m_sink->messages().size() >= 1, 60000);
            QVERIFY(JobStore(db()).requestCancel(drain));
            engine.cancelRunning(drain);
            QTRY_VERIFY_WITH_TIMEOUT(job(drain).isFinished(), 60000);
            QSignalSpy stopped(&engine, &JobEngine::stopped);
            engine.stop();
            if (engine.isStarted() || engine.runningCount() > 0)
                stopped.wait(10000);
        }
        QCOMPARE(job(drain).state, JobState::Cancelled);
        int sent = 0;
        for (qint64 id : ids) {
            const OutboxEmail e = email(id);
            if (e.state == OutboxState::Sent) {
                ++sent;
                continue;
            }
            QCOMPARE(e.state, OutboxState::Queued); // never left half-way
            QCOMPARE(e.attempts, 0);
            QVERIFY(e.claimOwner.isEmpty()); // given back at once
        }
        QVERIFY2(sent >= 1 && sent < 4, qPrintable(QString::number(sent)));

        // The rest goes with the next drain, each once.
        qunsetenv("RESIDESK_MAIL_RATE");
        const Result<EnqueueResult> again = Outbox::ensureDrain(db(), JobClock::system(), actor());
        QVERIFY(again);
        QCOMPARE(runUntilFinished(again->id).state, JobState::Succeeded);
        for (qint64 id : ids)
            QCOMPARE(m_sink->deliveries(email(id).messageId), 1);
    }

    void aWrongPasswordFailsTheDrainNotTheEmails()
    {
        qputenv("RESIDESK_SMTP_PASSWORD", "not-the-password");
        const Outbox::Enqueued first = enqueue(message(u"ana@example.org"_s));
        const Outbox::Enqueued second = enqueue(message(u"ben@example.org"_s));
        QCOMPARE(second.drainJobId, first.drainJobId);

        const Job done = runUntilFinished(first.drainJobId);
        QCOMPARE(done.state, JobState::Failed);
        QVERIFY2(done.error.contains(u"535"_s), qPrintable(done.error));
        QVERIFY2(done.error.contains(u"login"_s), qPrintable(done.error));

        // The login, not the e-mail, was refused: the attempted e-mail waits again with
        // the server's reply, the other one was not attempted; nothing failed or is lost.
        const OutboxEmail a = email(first.id);
        QCOMPARE(a.state, OutboxState::Queued);
        QCOMPARE(a.attempts, 1);
        QVERIFY2(a.lastError.contains(u"535 5.7.8 Authentication credentials invalid"_s),
                 qPrintable(a.lastError));
        QCOMPARE(a.toJson().value(u"error"_s).toString(), a.lastError);
        QVERIFY(a.nextAttemptAt > QDateTime::currentMSecsSinceEpoch());
        const OutboxEmail b = email(second.id);
        QCOMPARE(b.state, OutboxState::Queued);
        QCOMPARE(b.attempts, 0);
        QCOMPARE(m_sink->messages().size(), 0);

        // The password is fixed and someone says "send now": both go out, once each.
        qputenv("RESIDESK_SMTP_PASSWORD", m_sink->password().toUtf8());
        const Result<int> due = Outbox(db()).makeWaitingDue();
        QVERIFY(due);
        QCOMPARE(due.value(), 2);
        const Result<EnqueueResult> drain = Outbox::ensureDrain(db(), JobClock::system(), actor());
        QVERIFY(drain);
        const Job sent = runUntilFinished(drain->id);
        QVERIFY2(sent.state == JobState::Succeeded, qPrintable(sent.error));
        QCOMPARE(email(first.id).state, OutboxState::Sent);
        QCOMPARE(email(second.id).state, OutboxState::Sent);
        QCOMPARE(m_sink->deliveries(email(first.id).messageId), 1);
        QCOMPARE(m_sink->deliveries(email(second.id).messageId), 1);
    }

    void aLongOutageNeverFailsAnEmail()
    {
        // More drains against a dead server than an e-mail has attempts: it still waits.
        ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        m_sink->stop();
        const Outbox::Enqueued q = enqueue(message(u"long@example.org"_s), clock);
        const int drains = Outbox::kDefaultMaxAttempts + 2;
        qint64 drain = q.drainJobId;
        for (int i = 0; i < drains; ++i) {
            QCOMPARE(runUntilFinished(drain, clock).state, JobState::Failed);
            const OutboxEmail e = email(q.id);
            QCOMPARE(e.state, OutboxState::Queued);
            QCOMPARE(e.attempts, i + 1);
            // The failed drain scheduled its successor for the e-mail's retry time.
            drain = scalar(u"SELECT id FROM jobs WHERE unique_key IN (?, ?) AND state = 'queued'"_s,
                           {QString::fromLatin1(Outbox::kRetryDrainKey),
                            QString::fromLatin1(Outbox::kRetryAgainDrainKey)});
            QVERIFY(drain > 0);
            QCOMPARE(job(drain).runAfter, e.nextAttemptAt);
            clock.set(e.nextAttemptAt);
        }
        QString error;
        QVERIFY2(m_sink->start(&error), qPrintable(error));
        const Job up = runUntilFinished(drain, clock);
        QVERIFY2(up.state == JobState::Succeeded, qPrintable(up.error));
        QCOMPARE(email(q.id).state, OutboxState::Sent);
        QCOMPARE(m_sink->deliveries(email(q.id).messageId), 1);
    }

    void serverDownThenUpDeliversEachOnce()
    {
        ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        m_sink->stop();
        QList<qint64> ids;
        qint64 drain = 0;
        for (int i = 0; i < 3; ++i) {
            const Outbox::Enqueued q = enqueue(message(u"r%1@example.org"_s.arg(i)), clock);
            ids << q.id;
            drain = q.drainJobId;
        }

        // Down: the first e-mail is tried, refused, queued again with backoff; the others
        // wait unattempted until the same time.
        const Job down = runUntilFinished(drain, clock);
        QCOMPARE(down.state, JobState::Failed);
        QVERIFY2(down.error.contains(u"could not be used"_s), qPrintable(down.error));
        const OutboxEmail firstTry = email(ids.first());
        QCOMPARE(firstTry.state, OutboxState::Queued);
        QCOMPARE(firstTry.attempts, 1);
        QVERIFY2(firstTry.lastError.contains(u"onnect"_s), qPrintable(firstTry.lastError));
        const qint64 backoff = firstTry.nextAttemptAt - clock.nowMs();
        QVERIFY2(backoff >= 48000 && backoff <= 72000, qPrintable(QString::number(backoff))); // 60 s ± 20 %
        for (qint64 id : ids.mid(1)) {
            QCOMPARE(email(id).state, OutboxState::Queued);
            QCOMPARE(email(id).attempts, 0);
            QVERIFY(email(id).nextAttemptAt >= firstTry.nextAttemptAt);
        }
        // A drain is scheduled for the retry time.
        const qint64 retryJob = scalar(u"SELECT id FROM jobs WHERE unique_key = ? AND state = 'queued'"_s,
                                       {QString::fromLatin1(Outbox::kRetryDrainKey)});
        QVERIFY(retryJob > 0);
        QCOMPARE(job(retryJob).runAfter, firstTry.nextAttemptAt);

        // Up again, and the retry time has come.
        QString error;
        QVERIFY2(m_sink->start(&error), qPrintable(error));
        qint64 latest = 0;
        for (qint64 id : ids)
            latest = qMax(latest, email(id).nextAttemptAt);
        clock.set(latest);
        const Job up = runUntilFinished(retryJob, clock);
        QVERIFY2(up.state == JobState::Succeeded, qPrintable(up.error));
        QCOMPARE(up.result.value(u"sent"_s).toInt(), 3);
        for (qint64 id : ids) {
            const OutboxEmail e = email(id);
            QCOMPARE(e.state, OutboxState::Sent);
            QCOMPARE(m_sink->deliveries(e.messageId), 1);
        }
        QCOMPARE(email(ids.first()).attempts, 2);

        // Another drain finds nothing to do: nothing doubled.
        const Result<EnqueueResult> again = Outbox::ensureDrain(db(), clock, actor());
        QVERIFY(again);
        QCOMPARE(runUntilFinished(again->id, clock).state, JobState::Succeeded);
        QCOMPARE(m_sink->messages().size(), 3);
    }

    void aDrainThatEndsWhileADeadDrainHoldsEmailsComesBackForThem()
    {
        // A drain on a worker that died holds a batch, and its job has no attempts left
        // (the engine fails it rather than resuming it).
        ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        QList<qint64> ids;
        for (int i = 0; i < 3; ++i)
            ids << enqueue(message(u"r%1@example.org"_s.arg(i)), clock).id;
        constexpr qint64 kDeadLease = 30000;
        const Result<QList<Job>> dead =
            JobStore(db(), clock).claim(u"dead-worker"_s, {{u"mail.send"_s, 1}}, 1, kDeadLease);
        QVERIFY(dead);
        QCOMPARE(dead->size(), 1);
        const qint64 deadJob = dead->first().id;
        QVERIFY(
            SqlStatement::run(db(), u"UPDATE jobs SET attempts = max_attempts WHERE id = ?"_s, {deadJob}));
        QCOMPARE(Outbox(db(), clock).claimDue(u"dead-worker"_s, 10, 600000)->size(), 3);

        // Another drain runs while the dead one's lease still holds them: it sends
        // nothing, and schedules its successor for when that lease ends.
        const Result<EnqueueResult> other = Outbox::ensureDrain(db(), clock, actor());
        QVERIFY(other);
        QVERIFY(other->id != deadJob);
        const Job done = runUntilFinished(other->id, clock);
        QVERIFY2(done.state == JobState::Succeeded, qPrintable(done.error));
        QCOMPARE(m_sink->messages().size(), 0);
        const qint64 successor = scalar(u"SELECT id FROM jobs WHERE unique_key = ? AND state = 'queued'"_s,
                                        {QString::fromLatin1(Outbox::kRetryDrainKey)});
        QVERIFY(successor > 0);
        QCOMPARE(job(successor).runAfter, clock.nowMs() + kDeadLease + 1);

        clock.set(job(successor).runAfter);
        const Job up = runUntilFinished(successor, clock);
        QVERIFY2(up.state == JobState::Succeeded, qPrintable(up.error));
        QCOMPARE(up.result.value(u"sent"_s).toInt(), 3);
        QCOMPARE(job(deadJob).state, JobState::Failed); // not resumed: the successor sent them
        for (qint64 id : ids) {
            const OutboxEmail e = email(id);
            QCOMPARE(e.state, OutboxState::Sent);
            QCOMPARE(m_sink->deliveries(e.messageId), 1);
        }
    }

    void aBrokenConnectionAfterTheBodyIsUncertain()
    {
        // The server stores the message, then answers only after 20 s; the client gives
        // up after 2 s: the message went out, the reply never came.
        m_sink->setDataDelay(20);
        QString error;
        QVERIFY2(m_sink->start(&error), qPrintable(error));
        qputenv("RESIDESK_SMTP_TIMEOUT", "2");
        const Outbox::Enqueued q = enqueue(message(u"ana@example.org"_s));
        const Job done = runUntilFinished(q.drainJobId);
        QVERIFY2(done.state == JobState::Succeeded, qPrintable(done.error));
        QCOMPARE(done.result.value(u"uncertain"_s).toInt(), 1);
        const OutboxEmail e = email(q.id);
        QCOMPARE(e.state, OutboxState::Uncertain);
        QVERIFY2(e.lastError.contains(u"may or may not"_s), qPrintable(e.lastError));
        QCOMPARE(m_sink->deliveries(e.messageId), 1);

        // Never re-sent by a drain.
        const Result<EnqueueResult> again = Outbox::ensureDrain(db(), JobClock::system(), actor());
        QVERIFY(again);
        QCOMPARE(runUntilFinished(again->id).state, JobState::Succeeded);
        QCOMPARE(email(q.id).state, OutboxState::Uncertain);
        QCOMPARE(m_sink->deliveries(e.messageId), 1);
    }

    void missingSettingsFailClearlyAndTheEmailsWait()
    {
        clearMailEnvironment();
        const Outbox::Enqueued q = enqueue(message(u"ana@example.org"_s));
        const Job done = runUntilFinished(q.drainJobId);
        QCOMPARE(done.state, JobState::Failed);
        QVERIFY2(done.error.contains(u"the SMTP server host"_s), qPrintable(done.error));
        QVERIFY2(done.error.contains(u"the sender address"_s), qPrintable(done.error));
        QCOMPARE(email(q.id).state, OutboxState::Queued);
        QCOMPARE(email(q.id).attempts, 0);
    }

    void rateLimitAndProgress()
    {
        qputenv("RESIDESK_MAIL_RATE", "600"); // one every 100 ms
        qint64 drain = 0;
        for (int i = 0; i < 4; ++i)
            drain = enqueue(message(u"r%1@example.org"_s.arg(i))).drainJobId;
        const Job done = runUntilFinished(drain);
        QVERIFY2(done.state == JobState::Succeeded, qPrintable(done.error));
        QCOMPARE(done.result.value(u"sent"_s).toInt(), 4);
        QCOMPARE(done.progressDone, 4);
        QCOMPARE(done.progressTotal, 4);
        QCOMPARE(m_sink->messages().size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestMailSend)
#include "tst_mailsend.moc"
