// `residesk waitlist …` and `residesk allocations deposit|check-out|check-in` end to end
// through the real binary, with real workers and a real SMTP server
// (tests/support/smtpsink.py): a check-out queues the offer of the bed, the worker
// offers it to the first waiting resident, who gets one e-mail — still one after the
// offer job ran again — and the housing staff a notification; a decline and an expiry
// move on to the next person; an acceptance becomes a reservation; check-in waits for
// the deposit; on PostgreSQL only an administrator may waive it. One worker writes each
// resident's offer in their own language.
#include "models/db/sqlstatement.h"
#include "models/housing/allocation/allocationrepository.h"
#include "tasks/jobstore.h"
#include "tests/app/clirunner.h"
#include "tests/models/housing/allocationtestutil.h"
#include "tests/models/housing/housingtestutil.h"
#include "tests/support/smtpsink.h"
#include "tests/support/testdatabase.h"

#include <QJsonArray>
#include <QTest>

using namespace AllocationTest;
using namespace Qt::StringLiterals;
using CliRunner::Run;

class TestWaitlistCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<SmtpSink> m_sink;

    Database &db() { return m_t->db(); }

    Run run(const QStringList &args, const QString &url = {}) const
    {
        QProcessEnvironment env = CliRunner::environment();
        for (const QString &name :
             {u"RESIDESK_SMTP_URL"_s, u"RESIDESK_SMTP_PASSWORD"_s, u"RESIDESK_SMTP_CA_FILE"_s,
              u"RESIDESK_MAIL_FROM"_s, u"RESIDESK_MAIL_RATE"_s})
            env.remove(name);
        m_sink->addTo(env);
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(CliRunner::binary(), QStringList{u"--database"_s, url.isEmpty() ? m_t->url() : url} + args);
        Run r;
        if (!p.waitForStarted(10000) || !p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            r.err = "did not start or finish: " + p.readAllStandardError();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    QJsonArray waitlist()
    {
        const Run r = run({u"waitlist"_s, u"list"_s, u"--building"_s, u"NH"_s, u"--json"_s});
        if (r.exitCode != 0)
            qWarning("%s", r.err.constData());
        return CliRunner::jsonArray(r.out);
    }

    int count(const QString &sql, const QVariantList &values = {})
    {
        std::unique_ptr<Database> installer = m_t->openAsInstaller();
        return HousingTest::queryValue(*installer, sql, values).toInt();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!CliRunner::binary().isEmpty(), "RESIDESK_BINARY is not set (run through ctest)");
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        m_sink = std::make_unique<SmtpSink>();
        QVERIFY2(m_sink->start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_sink.reset();
        m_t.reset();
    }

    void offersThroughTheEngine()
    {
        const Building nh = building(db(), u"NH"_s, u"North Hall"_s);
        const Room r101 = room(db(), nh, u"101"_s, 1);
        const Resident holder = resident(db(), u"S0001"_s, u"Hal"_s, u"Holt"_s);
        const Resident ana = resident(db(), u"S0002"_s, u"Ana"_s, u"López"_s);
        const Resident ben = resident(db(), u"S0003"_s, u"Ben"_s, u"Ng"_s);
        const Resident cai = resident(db(), u"S0004"_s, u"Cai"_s, u"Wu"_s);
        const QDate today = QDate::currentDate();
        AllocationRepository allocations(db(), actor());
        Allocation held = allocations.reserve(stay(holder.id, r101.id, today)).value();
        held = allocations.checkIn(held.id, held.version).value();

        // Three join the list, in order; nobody twice.
        for (const QString &student : {u"S0002"_s, u"S0003"_s, u"S0004"_s}) {
            const Run r = run({u"waitlist"_s, u"add"_s, u"--resident"_s, student, u"--building"_s, u"NH"_s,
                               u"--room-type"_s, u"single"_s, u"--json"_s});
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
        const Run twice = run({u"waitlist"_s, u"add"_s, u"--resident"_s, u"S0003"_s, u"--building"_s, u"NH"_s,
                               u"--room-type"_s, u"single"_s});
        QCOMPARE(twice.exitCode, 1);
        QVERIFY2(twice.errText().contains(u"already on the waitlist"_s), twice.err.constData());
        const Run badType = run({u"waitlist"_s, u"add"_s, u"--resident"_s, u"S0003"_s, u"--building"_s,
                                 u"NH"_s, u"--room-type"_s, u"palace"_s});
        QCOMPARE(badType.exitCode, 2);
        QJsonArray list = waitlist();
        QCOMPARE(list.size(), 3);
        QCOMPARE(list.at(0)[u"student_id"_s].toString(), u"S0002"_s);
        QCOMPARE(list.at(2)[u"position"_s].toInt(), 3);

        // The check-out queues the offer in its own transaction; a worker makes it.
        Run r = run({u"allocations"_s, u"check-out"_s, QString::number(held.id)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(count(u"SELECT COUNT(*) FROM jobs WHERE kind = 'waitlist.offer' AND state = 'queued'"_s), 1);
        r = run({u"worker"_s, u"--kinds"_s, u"waitlist.offer"_s, u"--once"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        list = waitlist();
        QCOMPARE(list.at(0)[u"state"_s].toString(), u"offered"_s);
        const qint64 first = list.at(0)[u"offer_id"_s].toInteger();
        QVERIFY(first > 0);
        QCOMPARE(list.at(0)[u"offer_room"_s].toString(), u"101"_s);
        QVERIFY(!list.at(0)[u"offer_deadline"_s].isNull());
        QVERIFY(list.at(1)[u"offer_id"_s].isNull());
        // The housing staff hear of it in the application.
        const QString link = u"waitlist-offer:%1"_s.arg(first);
        if (TestDatabase::isPostgreSQL())
            QCOMPARE(count(u"SELECT COUNT(*) FROM notifications WHERE link = ? AND username = ?"_s,
                           {link, TestDatabase::login(TestDatabase::Person::Housing)}),
                     1);
        else
            QCOMPARE(count(u"SELECT COUNT(*) FROM notifications WHERE link = ?"_s, {link}), 1);

        // One e-mail to Ana.
        r = run({u"worker"_s, u"--kinds"_s, u"mail.send"_s, u"--once"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QList<QJsonObject> mails = m_sink->messages();
        QCOMPARE(mails.size(), 1);
        QVERIFY2(mails.first()[u"to"_s].toString().contains(ana.email),
                 qPrintable(mails.first()[u"to"_s].toString()));
        const QString body = mails.first()[u"body"_s].toString();
        QVERIFY2(body.contains(u"NH-101"_s) && body.contains(u"Offer number: %1"_s.arg(first)),
                 qPrintable(body));

        // The offer job runs again from scratch (its worker "died" after it committed):
        // still one offer, one e-mail.
        std::unique_ptr<Database> installer = m_t->openAsInstaller();
        QVERIFY(SqlStatement::run(
            *installer, u"UPDATE jobs SET state = 'queued', checkpoint = NULL, result = NULL, attempts = 0, "
                        "finished_at = NULL, lease_owner = NULL, lease_expires_at = NULL "
                        "WHERE kind = 'waitlist.offer'"_s));
        r = run({u"worker"_s, u"--kinds"_s, u"waitlist.offer,mail.send"_s, u"--once"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(count(u"SELECT COUNT(*) FROM waitlist_offers"_s), 1);
        QCOMPARE(count(u"SELECT COUNT(*) FROM outbox_emails"_s), 1);
        QCOMPARE(m_sink->messages().size(), 1);

        // Declined: Ana leaves the list, Ben gets the bed.
        r = run({u"waitlist"_s, u"decline"_s, QString::number(first)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = run({u"worker"_s, u"--kinds"_s, u"waitlist.offer,mail.send"_s, u"--once"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        list = waitlist();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0)[u"student_id"_s].toString(), u"S0003"_s);
        const qint64 second = list.at(0)[u"offer_id"_s].toInteger();
        QVERIFY(second > first);
        QTRY_COMPARE_WITH_TIMEOUT(m_sink->messages().size(), 2, 30000);
        QVERIFY(m_sink->messages().at(1)[u"to"_s].toString().contains(ben.email));

        // Ben does not answer: past the deadline the recurring expiry moves on to Cai.
        QVERIFY(SqlStatement::run(*installer,
                                  u"UPDATE waitlist_offers SET offered_at = offered_at - 864000000, "
                                  "deadline_at = offered_at - 800000000 WHERE id = ?"_s,
                                  {second}));
        JobRequest expire;
        expire.kind = u"waitlist.expire"_s;
        QVERIFY(JobStore(db()).enqueue(expire, actor()));
        r = run({u"worker"_s, u"--kinds"_s, u"waitlist.expire,waitlist.offer"_s, u"--once"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        list = waitlist();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0)[u"student_id"_s].toString(), u"S0004"_s);
        const qint64 third = list.at(0)[u"offer_id"_s].toInteger();
        QVERIFY(third > second);
        // Ben's lapsed offer cannot be accepted any more.
        r = run({u"waitlist"_s, u"accept"_s, QString::number(second)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(u"expired"_s), r.err.constData());

        // Cai accepts: a reservation.
        r = run({u"waitlist"_s, u"accept"_s, QString::number(third), u"--json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject reservation = CliRunner::jsonObject(r.out);
        QCOMPARE(reservation[u"state"_s].toString(), u"reserved"_s);
        QCOMPARE(reservation[u"room_id"_s].toInteger(), r101.id);
        QCOMPARE(reservation[u"resident_id"_s].toInteger(), cai.id);
        QVERIFY(waitlist().isEmpty());

        // The deposit comes first, then check-in.
        const QString id = QString::number(reservation[u"id"_s].toInteger());
        r = run({u"allocations"_s, u"deposit"_s, id, u"--require"_s, u"250"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = run({u"allocations"_s, u"check-in"_s, id});
        QCOMPARE(r.exitCode, 1);
        for (const QString &part :
             {u"Allocation %1"_s.arg(id), u"deposit of 250.00"_s, u"neither paid nor waived"_s})
            QVERIFY2(r.errText().contains(part), r.err.constData());
        r = run({u"allocations"_s, u"deposit"_s, id, u"--paid"_s, u"250"_s});
        QCOMPARE(r.exitCode, 2); // --reference is required
        r = run({u"allocations"_s, u"deposit"_s, id, u"--paid"_s, u"250.00"_s, u"--reference"_s, u"TX-9"_s,
                 u"--json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(CliRunner::jsonObject(r.out)[u"state"_s].toString(), u"paid"_s);
        QCOMPARE(CliRunner::jsonObject(r.out)[u"reference"_s].toString(), u"TX-9"_s);
        r = run({u"allocations"_s, u"check-in"_s, id});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void onlyAdministratorsWaive()
    {
        const Building b = building(db(), u"WV"_s);
        const Room r = room(db(), b, u"101"_s, 1);
        const Resident who = resident(db(), u"S0101"_s, u"Dana"_s, u"Cruz"_s);
        const Allocation a =
            AllocationRepository(db(), actor()).reserve(stay(who.id, r.id, QDate::currentDate())).value();
        const QString id = QString::number(a.id);
        const QString clerk = m_t->urlAs(TestDatabase::Person::Housing);
        Run run1 = run({u"allocations"_s, u"deposit"_s, id, u"--require"_s, u"120.50"_s}, clerk);
        QVERIFY2(run1.exitCode == 0, run1.err.constData());
        if (TestDatabase::isPostgreSQL()) {
            const Run refused = run({u"allocations"_s, u"deposit"_s, id, u"--waive"_s}, clerk);
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(refused.errText().contains(u"administrators"_s), refused.err.constData());
            const Run vet = run({u"waitlist"_s, u"list"_s}, m_t->urlAs(TestDatabase::Person::Vet));
            QCOMPARE(vet.exitCode, 1);
            QVERIFY2(vet.errText().contains(u"waitlists"_s), vet.err.constData());
        }
        const Run waived = run({u"allocations"_s, u"deposit"_s, id, u"--waive"_s, u"--json"_s});
        QVERIFY2(waived.exitCode == 0, waived.err.constData());
        QCOMPARE(CliRunner::jsonObject(waived.out)[u"state"_s].toString(), u"waived"_s);
        QCOMPARE(CliRunner::jsonObject(waived.out)[u"required"_s].toString(), u"120.50"_s);
    }

    // Issue 15: the offer e-mail is written in the resident's language
    // (residents.language), whatever the worker runs in: one worker offers two freed
    // beds to a Spanish and an English resident, and each mail server gets its own.
    void offersInTheResidentsLanguage()
    {
        const Building lg = building(db(), u"LG"_s, u"Lago Hall"_s);
        const Room first = room(db(), lg, u"101"_s, 1);
        const Room second = room(db(), lg, u"102"_s, 1);
        const QDate today = QDate::currentDate();
        AllocationRepository allocations(db(), actor());
        QList<qint64> held;
        for (const auto &[student, roomId] :
             {std::pair{u"S0201"_s, first.id}, std::pair{u"S0202"_s, second.id}}) {
            const Resident holder = resident(db(), student, u"Hal"_s, student);
            Allocation a = allocations.reserve(stay(holder.id, roomId, today)).value();
            a = allocations.checkIn(a.id, a.version).value();
            held.append(a.id);
        }
        const Resident lucia = resident(db(), u"S0211"_s, u"Lucía"_s, u"Ortega"_s);
        const Resident tom = resident(db(), u"S0212"_s, u"Tom"_s, u"Reed"_s);
        QVERIFY(SqlStatement::run(db(), u"UPDATE residents SET language = 'es' WHERE id = ?"_s, {lucia.id}));
        QVERIFY(SqlStatement::run(db(), u"UPDATE residents SET language = 'en' WHERE id = ?"_s, {tom.id}));
        for (const QString &student : {u"S0211"_s, u"S0212"_s}) {
            const Run r = run({u"waitlist"_s, u"add"_s, u"--resident"_s, student, u"--building"_s, u"LG"_s,
                               u"--room-type"_s, u"single"_s});
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
        for (const qint64 id : std::as_const(held)) {
            const Run r = run({u"allocations"_s, u"check-out"_s, QString::number(id)});
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
        // One worker process (it runs in English) makes both offers; then the e-mails go out.
        Run r = run({u"worker"_s, u"--kinds"_s, u"waitlist.offer"_s, u"--once"_s},
                    m_t->urlAs(TestDatabase::Person::Worker));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = run({u"waitlist"_s, u"list"_s, u"--building"_s, u"LG"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QHash<QString, qint64> offerOf;
        for (const QJsonValue &v : CliRunner::jsonArray(r.out))
            offerOf.insert(v[u"student_id"_s].toString(), v[u"offer_id"_s].toInteger());
        QCOMPARE(offerOf.size(), 2);
        QVERIFY(offerOf.value(u"S0211"_s) > 0 && offerOf.value(u"S0212"_s) > 0);
        r = run({u"worker"_s, u"--kinds"_s, u"mail.send"_s, u"--once"_s},
                m_t->urlAs(TestDatabase::Person::Worker));
        QVERIFY2(r.exitCode == 0, r.err.constData());

        const auto received = [this](const QString &address) {
            QList<QJsonObject> found;
            for (const QJsonObject &m : m_sink->messages())
                if (m.value(u"to"_s).toString().contains(address))
                    found.append(m);
            return found;
        };
        const QList<QJsonObject> spanish = received(lucia.email);
        QCOMPARE(spanish.size(), 1);
        QCOMPARE(spanish.first()[u"subject"_s].toString(), u"Una plaza para usted en Lago Hall"_s);
        const QString cuerpo = spanish.first()[u"body"_s].toString();
        QVERIFY2(cuerpo.startsWith(u"Estimado/a Lucía:"_s), qPrintable(cuerpo));
        QVERIFY2(cuerpo.contains(u"(Lago Hall, habitación de tipo individual)"_s), qPrintable(cuerpo));
        QVERIFY2(cuerpo.contains(u"Número de oferta: %1"_s.arg(offerOf.value(u"S0211"_s))),
                 qPrintable(cuerpo));
        QVERIFY2(cuerpo.contains(u"La oficina de alojamiento"_s), qPrintable(cuerpo));

        const QList<QJsonObject> english = received(tom.email);
        QCOMPARE(english.size(), 1);
        QCOMPARE(english.first()[u"subject"_s].toString(), u"A bed for you in Lago Hall"_s);
        const QString body = english.first()[u"body"_s].toString();
        QVERIFY2(body.startsWith(u"Dear Tom,"_s), qPrintable(body));
        QVERIFY2(body.contains(u"(Lago Hall, single room)"_s), qPrintable(body));
        QVERIFY2(body.contains(u"Offer number: %1"_s.arg(offerOf.value(u"S0212"_s))), qPrintable(body));
    }
};

QTEST_GUILESS_MAIN(TestWaitlistCli)
#include "tst_waitlistcli.moc"
