// E-mail after a crash, a restart and a lost connection, with real processes: a
// `residesk worker` draining 300 e-mails through a real SMTP server
// (tests/support/smtpsink.py) is killed with SIGKILL in the middle of a send, a new
// worker is started at once (while the dead one's lease still holds its batch), and
// (PostgreSQL) the database server is stopped and started again while the new worker
// drains. Nobody acts and no mail job is queued by hand. Counted at the server by
// Message-ID: no e-mail delivered twice, none left queued or in 'sending', the
// uncertain ones are those an attempt was under way for when its worker died or lost
// the database, and what each stopped drain held is sent or decided within a stated
// bound after the disruption (tasks/mail/outbox.h, "Nothing left behind").
//
// On SQLite the same without the outage: a file cannot go away. Two workers never run
// at once here (the first is dead when the second starts), so SQLite's one engine per
// file holds.
#include "models/core/actor.h"
#include "models/db/database.h"
#include "models/db/migrator.h"
#include "models/db/sqlstatement.h"
#include "tasks/mail/outbox.h"
#include "tests/app/clirunner.h"
#include "tests/support/smtpsink.h"
#include "tests/support/testdatabase.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int kEmails = 300;
// Short, so that the test waits little for a dead worker's lease.
constexpr int kLeaseSeconds = 3;
// The bound within which what a stopped drain held (its claimed batch, the e-mail it
// was sending) is sent or decided after the disruption: the lease, the engine's poll
// and reconnect and the batch under way (20 e-mails at a few hundredths of a second
// each) fit in it many times over on a loaded machine. It is a correctness bound, not
// a speed one: without recovery those e-mails wait for their claim to expire (about
// 46 minutes with the default timeouts) or for the safety-net drain (every 10
// minutes).
constexpr qint64 kRecoveryBoundMs = kLeaseSeconds * 1000 + 15000;
// Everything else (sending the rest) ends well within this.
constexpr int kAllDoneTimeoutMs = 240000;

} // namespace

class TestMailRecovery : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<SmtpSink> m_sink;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = CliRunner::environment();
        for (const QString &name :
             {u"RESIDESK_SMTP_URL"_s, u"RESIDESK_SMTP_PASSWORD"_s, u"RESIDESK_SMTP_CA_FILE"_s,
              u"RESIDESK_MAIL_FROM"_s, u"RESIDESK_MAIL_RATE"_s, u"RESIDESK_SMTP_TIMEOUT"_s})
            env.remove(name);
        m_sink->addTo(env);
        return env;
    }

    // Two runners: one drains (one drain per worker), the other keeps claiming, so a
    // lost database shows at once as a "database_problem" line.
    std::unique_ptr<QProcess> startWorker(const QString &url) const
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(environment());
        p->start(CliRunner::binary(),
                 {u"--database"_s, url, u"worker"_s, u"--lease-seconds"_s, QString::number(kLeaseSeconds),
                  u"--concurrency"_s, u"2"_s, u"--json"_s});
        return p;
    }

    static QString why(QProcess &worker)
    {
        return u"worker %1 (exit code %2): %3"_s
            .arg(worker.state() == QProcess::Running ? u"running"_s : u"stopped"_s)
            .arg(worker.exitCode())
            .arg(QString::fromUtf8(worker.readAllStandardError()).right(2000));
    }

    // The ids of the e-mails matching `where` (no values bound); empty on a database
    // error, which `ok` reports (the connection may be coming back after the outage).
    static QSet<qint64> ids(Database &db, const QString &where, bool *ok = nullptr)
    {
        SqlStatement st(db, u"SELECT id FROM outbox_emails WHERE "_s + where);
        QSet<qint64> out;
        const VoidResult r = st.exec();
        if (ok)
            *ok = bool(r);
        if (!r)
            return out;
        while (st.next())
            out.insert(st.value(0).toLongLong());
        return out;
    }
    static QSet<qint64> idsWithValue(Database &db, const QString &where, const QVariant &value)
    {
        SqlStatement st(db, u"SELECT id FROM outbox_emails WHERE "_s + where);
        st.bind(value);
        QSet<qint64> out;
        if (!st.exec())
            return out;
        while (st.next())
            out.insert(st.value(0).toLongLong());
        return out;
    }

    static QString workerId(const QByteArray &out)
    {
        for (const QJsonObject &line : CliRunner::jsonLines(out)) {
            if (line.value(u"event"_s).toString() == u"worker_started"_s)
                return line.value(u"worker"_s).toString();
        }
        return {};
    }

    // Waits until none of `held` is queued or sending, at most until `deadline`.
    static bool settledBy(Database &db, const QSet<qint64> &held, qint64 deadline, QSet<qint64> *left)
    {
        for (;;) {
            bool ok = false;
            const QSet<qint64> pending = ids(db, u"state IN ('queued', 'sending')"_s, &ok);
            if (ok) {
                *left = held & pending;
                if (left->isEmpty())
                    return true;
            }
            if (QDateTime::currentMSecsSinceEpoch() > deadline)
                return false;
            QTest::qWait(100);
        }
    }

    static QString idList(const QSet<qint64> &set)
    {
        QList<qint64> sorted(set.cbegin(), set.cend());
        std::sort(sorted.begin(), sorted.end());
        QStringList parts;
        for (qint64 id : std::as_const(sorted))
            parts << QString::number(id);
        return parts.join(u", "_s);
    }

    // The e-mails of `set` as the failure message shows them: state, attempts, claim.
    static QString describe(Database &db, const QSet<qint64> &set)
    {
        QStringList parts;
        QList<qint64> sorted(set.cbegin(), set.cend());
        std::sort(sorted.begin(), sorted.end());
        for (qint64 id : std::as_const(sorted)) {
            SqlStatement st(db, u"SELECT state, attempts, claim_owner, claim_expires_at, next_attempt_at, "
                                "sending_owner FROM outbox_emails WHERE id = ?"_s);
            st.bind(id);
            if (!st.exec() || !st.next())
                continue;
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            parts << u"%1 (%2, %3 attempts, claimed by %4 for %5 s more, due %6 s ago, sender %7)"_s.arg(id)
                         .arg(st.value(0).toString())
                         .arg(st.value(1).toInt())
                         .arg(st.value(2).toString())
                         .arg((st.value(3).toLongLong() - now) / 1000)
                         .arg((now - st.value(4).toLongLong()) / 1000)
                         .arg(st.value(5).toString());
        }
        return parts.join(u"; "_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!CliRunner::binary().isEmpty(), "RESIDESK_BINARY is not set (run through ctest)");
        QVERIFY2(QFile::exists(CliRunner::binary()), qPrintable(CliRunner::binary()));
    }

    void init()
    {
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        m_sink = std::make_unique<SmtpSink>();
    }

    void cleanup()
    {
        m_sink.reset();
        m_t.reset();
    }

    void killedWorkerNewWorkerAndAnOutage()
    {
        // PostgreSQL: a server of this test's own, to stop and start again.
        const bool pg = m_t->db().isPostgreSQL();
        QTemporaryDir parent(u"/tmp/residesk-mail-recovery-XXXXXX"_s);
        QVERIFY(parent.isValid());
        const QString script = qEnvironmentVariable("RESIDESK_PGFIXTURE");
        const QString pgDir = parent.filePath(u"pg"_s);
        const auto fixture = [&script, &pgDir](const QString &action) {
            QProcess p;
            p.setProcessChannelMode(QProcess::ForwardedChannels);
            p.start(script, {action, pgDir});
            return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        };
        bool serverStarted = false;
        const auto stopServer = qScopeGuard([&] {
            if (serverStarted)
                fixture(u"stop"_s);
        });
        QString url = m_t->url();
        std::unique_ptr<Database> own;
        if (pg) {
            QVERIFY2(QFile::exists(script), "RESIDESK_PGFIXTURE must name pgfixture.sh");
            QFile::setPermissions(parent.path(),
                                  QFile::permissions(parent.path()) | QFile::ExeOther | QFile::ReadOther);
            QVERIFY2(fixture(u"start"_s), "could not start a PostgreSQL server for the outage");
            serverStarted = true;
            QFile urlFile(pgDir + u"/url"_s);
            QVERIFY(urlFile.open(QIODevice::ReadOnly));
            url = QString::fromUtf8(urlFile.readAll()).trimmed();
            own = std::make_unique<Database>(DatabaseConfig::parse(url).value());
            QVERIFY(Migrator(*own).migrate());
        }
        Database &db = pg ? *own : m_t->db();

        // The first worker's sink answers each message 0.3 s after storing it, so that
        // the kill lands in the middle of a send.
        m_sink->setDataDelay(0.3);
        QString error;
        QVERIFY2(m_sink->start(&error), qPrintable(error));

        QList<OutboxMessage> messages;
        for (int i = 0; i < kEmails; ++i) {
            OutboxMessage m;
            m.toAddress = u"resident%1@example.org"_s.arg(i);
            m.subject = u"Water off on Friday (%1)"_s.arg(i);
            m.bodyText = u"The water is off on Friday from 8 to 12.\n"_s;
            messages << m;
        }
        const Result<Outbox::EnqueuedMany> queued = Outbox(db).enqueueMany(messages, Actor::systemUser());
        QVERIFY2(queued, qPrintable(queued.error().text()));
        QCOMPARE(queued->added, kEmails);

        // 1. A worker drains, and is killed in its second batch while a send is under way.
        auto first = startWorker(url);
        QVERIFY2(first->waitForStarted(10000), qPrintable(first->errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(m_sink->messages().size() >= 25 || first->state() != QProcess::Running,
                                 120000);
        QVERIFY2(first->state() == QProcess::Running, qPrintable(why(*first)));
        QTRY_VERIFY_WITH_TIMEOUT(
            !ids(db, u"state = 'sending'"_s).isEmpty() || first->state() != QProcess::Running, 30000);
        first->kill(); // SIGKILL: no release, no outcome, no last words
        QVERIFY(first->waitForFinished(10000));
        const qint64 killedAt = QDateTime::currentMSecsSinceEpoch();
        const QString firstId = workerId(first->readAllStandardOutput());
        QVERIFY(!firstId.isEmpty());
        const QSet<qint64> sendingAtKill = ids(db, u"state = 'sending'"_s);
        const QSet<qint64> heldByFirst = idsWithValue(db, u"state = 'queued' AND claim_owner = ?"_s, firstId);
        qInfo("killed %s: %lld sending, %lld claimed", qPrintable(firstId), qint64(sendingAtKill.size()),
              qint64(heldByFirst.size()));
        QVERIFY2(!heldByFirst.isEmpty(), "the first worker held no batch when it died; kill it earlier");

        // 2. A new worker at once, while the dead one's lease still holds its batch; the
        // server answers faster from now on.
        m_sink->setDataDelay(0.05);
        QVERIFY2(m_sink->start(&error), qPrintable(error));
        auto second = startWorker(url);
        QVERIFY2(second->waitForStarted(10000), qPrintable(second->errorString()));
        const auto stopSecond = qScopeGuard([&second] {
            if (second->state() == QProcess::Running) {
                second->kill();
                second->waitForFinished(10000);
            }
        });

        QSet<qint64> left;
        QVERIFY2(settledBy(db, heldByFirst + sendingAtKill, killedAt + kRecoveryBoundMs, &left),
                 qPrintable(u"%1 s after the kill, e-mails the dead worker held are still queued or "
                            "sending: %2"_s.arg(kRecoveryBoundMs / 1000)
                                .arg(describe(db, left))));
        qInfo("the dead worker's batch settled %.1f s after the kill",
              double(QDateTime::currentMSecsSinceEpoch() - killedAt) / 1000);

        // 3. PostgreSQL: the server stops and starts again while the new worker drains.
        QSet<qint64> heldAtOutage;
        qint64 resumedAt = 0;
        if (pg) {
            QTRY_VERIFY_WITH_TIMEOUT(!ids(db, u"state = 'sending'"_s).isEmpty() ||
                                         ids(db, u"state = 'queued'"_s).isEmpty(),
                                     30000);
            QVERIFY2(!ids(db, u"state = 'queued'"_s).isEmpty(),
                     "the new worker sent everything before the outage; raise kEmails");
            QByteArray out;
            QVERIFY(fixture(u"pause"_s));
            QTRY_VERIFY_WITH_TIMEOUT(
                (out += second->readAllStandardOutput()).contains("\"database_problem\"") ||
                    second->state() != QProcess::Running,
                30000);
            QVERIFY2(second->state() == QProcess::Running, qPrintable(why(*second)));
            QVERIFY(fixture(u"resume"_s));
            resumedAt = QDateTime::currentMSecsSinceEpoch();
            // What the cut-off drain held: its claims, and an attempt it had under way.
            const QString secondId = workerId(out);
            QVERIFY(!secondId.isEmpty());
            bool ok = false;
            QTRY_VERIFY_WITH_TIMEOUT(
                (heldAtOutage = ids(db, u"state IN ('queued', 'sending') AND claim_owner IS NOT NULL"_s, &ok),
                 ok),
                30000);
            heldAtOutage += ids(db, u"state = 'sending'"_s);
            qInfo("after the outage: %lld e-mails held", qint64(heldAtOutage.size()));
            QVERIFY2(settledBy(db, heldAtOutage, resumedAt + kRecoveryBoundMs, &left),
                     qPrintable(u"%1 s after the database came back, e-mails held when it went are still "
                                "queued or sending: %2"_s.arg(kRecoveryBoundMs / 1000)
                                    .arg(describe(db, left))));
            qInfo("the cut-off batch settled %.1f s after the database came back",
                  double(QDateTime::currentMSecsSinceEpoch() - resumedAt) / 1000);
        }

        // 4. Nothing left behind: every e-mail is sent or uncertain.
        QVERIFY2(settledBy(db, ids(db, u"1 = 1"_s), QDateTime::currentMSecsSinceEpoch() + kAllDoneTimeoutMs,
                           &left),
                 qPrintable(u"still queued or sending: %1"_s.arg(describe(db, left))));
        QVERIFY2(second->state() == QProcess::Running, qPrintable(why(*second)));
        second->terminate();
        QVERIFY(second->waitForFinished(30000));
        QCOMPARE(second->exitStatus(), QProcess::NormalExit);
        QCOMPARE(second->exitCode(), 0);

        // Counted at the server: none twice.
        QHash<QString, int> deliveries;
        for (const QJsonObject &m : m_sink->messages())
            ++deliveries[m.value(u"message_id"_s).toString()];
        QHash<QString, qint64> byMessageId;
        SqlStatement st(db, u"SELECT id, message_id, state, attempts FROM outbox_emails"_s);
        QVERIFY(st.exec());
        QSet<qint64> uncertain;
        int sent = 0;
        while (st.next()) {
            const qint64 id = st.value(0).toLongLong();
            const QString messageId = st.value(1).toString();
            const QString state = st.value(2).toString();
            byMessageId.insert(messageId, id);
            const int delivered = deliveries.value(messageId);
            QVERIFY2(delivered <= 1, qPrintable(u"e-mail %1 delivered %2 times"_s.arg(id).arg(delivered)));
            QCOMPARE(st.value(3).toInt(), 1); // one attempt each: nothing was tried again
            if (state == u"sent"_s) {
                ++sent;
                QVERIFY2(
                    delivered == 1,
                    qPrintable(u"e-mail %1 is sent but the server has it %2 times"_s.arg(id).arg(delivered)));
            } else {
                QVERIFY2(state == u"uncertain"_s, qPrintable(u"e-mail %1 is %2"_s.arg(id).arg(state)));
                uncertain.insert(id);
            }
        }
        QCOMPARE(byMessageId.size(), qsizetype(kEmails));
        for (auto it = deliveries.cbegin(); it != deliveries.cend(); ++it)
            QVERIFY2(byMessageId.contains(it.key()), qPrintable(u"unknown message %1"_s.arg(it.key())));

        // The uncertain ones: exactly the attempts the kill cut, and (PostgreSQL) at most
        // the one attempt the new worker had under way when the database went.
        QVERIFY2(sendingAtKill - uncertain == QSet<qint64>(),
                 qPrintable(
                     u"sending at the kill but not uncertain: %1"_s.arg(idList(sendingAtKill - uncertain))));
        const QSet<qint64> outageUncertain = uncertain - sendingAtKill;
        QVERIFY2(outageUncertain.size() <= (pg ? 1 : 0),
                 qPrintable(u"uncertain without a cut attempt: %1"_s.arg(idList(outageUncertain))));
        // An attempt under way at the outage may have been settled (uncertain) before the
        // test read what was held after the resume: its sending began before the server
        // was back.
        const QSet<qint64> startedBeforeResume =
            pg ? idsWithValue(db, u"state = 'uncertain' AND sending_started_at <= ?"_s, resumedAt) : QSet<qint64>();
        QVERIFY2(
            outageUncertain - heldAtOutage - startedBeforeResume == QSet<qint64>(),
            qPrintable(u"uncertain, but not under way at the outage: %1"_s.arg(idList(outageUncertain))));
        QCOMPARE(sent + uncertain.size(), qsizetype(kEmails));
        qInfo("%d sent, %lld uncertain (%lld at the kill)", sent, qint64(uncertain.size()),
              qint64(sendingAtKill.size()));
    }

    void aWorkerWithMailSettingsSendsWhatWaits()
    {
        // The drain of these e-mails ran where no mail settings were (it failed, they
        // wait); a worker that starts with settings sends them, with no job queued by hand.
        QString error;
        QVERIFY2(m_sink->start(&error), qPrintable(error));
        QList<qint64> ids;
        for (int i = 0; i < 3; ++i) {
            OutboxMessage m;
            m.toAddress = u"r%1@example.org"_s.arg(i);
            m.subject = u"Notice %1"_s.arg(i);
            m.bodyText = u"Text.\n"_s;
            const Result<Outbox::Enqueued> q = Outbox(m_t->db()).enqueue(m, Actor::systemUser());
            QVERIFY2(q, qPrintable(q.error().text()));
            ids << q->id;
        }
        QProcessEnvironment bare = environment();
        for (const QString &name :
             {u"RESIDESK_SMTP_URL"_s, u"RESIDESK_SMTP_PASSWORD"_s, u"RESIDESK_SMTP_CA_FILE"_s})
            bare.remove(name);
        QByteArray err;
        const auto runWorker = [this, &err](const QProcessEnvironment &env) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(CliRunner::binary(),
                    {u"--database"_s, m_t->url(), u"worker"_s, u"--once"_s, u"--json"_s});
            const bool done = p.waitForStarted(10000) && p.waitForFinished(120000);
            if (!done)
                p.kill();
            err = p.readAllStandardError();
            return done && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        };
        QCOMPARE(runWorker(bare), 0);
        {
            SqlStatement failed(m_t->db(),
                                u"SELECT COUNT(*) FROM jobs WHERE kind = 'mail.send' AND state = 'failed'"_s);
            QVERIFY(failed.exec() && failed.next());
            QCOMPARE(failed.value(0).toInt(), 1);
        }
        for (qint64 id : ids)
            QCOMPARE(Outbox(m_t->db()).get(id)->state, OutboxState::Queued);

        QCOMPARE(runWorker(environment()), 0);
        QVERIFY2(err.isEmpty(), err.constData());
        for (qint64 id : ids) {
            const OutboxEmail e = Outbox(m_t->db()).get(id).value();
            QCOMPARE(e.state, OutboxState::Sent);
            QCOMPARE(m_sink->deliveries(e.messageId), 1);
        }
        QCOMPARE(m_sink->messages().size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestMailRecovery)
#include "tst_mailrecovery.moc"
