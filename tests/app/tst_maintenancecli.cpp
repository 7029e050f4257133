#include "models/db/sqlstatement.h"
#include "models/housing/residentrepository.h"
#include "tasks/jobstore.h"
#include "tests/app/clirunner.h"
#include "tests/models/housing/allocationtestutil.h"
#include "tests/support/smtpsink.h"
#include "tests/support/testdatabase.h"

#include <QDate>
#include <QTest>

using namespace Qt::StringLiterals;
using Person = TestDatabase::Person;

// The maintenance life cycle through the real `residesk` binary: technicians, a request
// processed by its job (technician, estimate, visit, e-mails once), done; the resident
// told by e-mail, text message or both as they chose, once each also when the job
// repeats its messages; plans created by two worker processes at once after a downtime
// longer than a period.
class TestMaintenanceCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;

    QString url() const { return m_t->urlAs(Person::Housing); }
    qint64 scalar(const QString &sql, const QVariantList &values = {})
    {
        std::unique_ptr<Database> installer = m_t->openAsInstaller();
        SqlStatement st(*installer, sql);
        for (const QVariant &v : values)
            st.bind(v);
        if (!st.exec() || !st.next())
            return -1;
        return st.value(0).toLongLong();
    }
    CliRunner::Run cli(QStringList args, const QString &as = {})
    {
        return CliRunner::run(QStringList{u"--database"_s, as.isEmpty() ? url() : as} + args);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        Database &db = m_t->dbAs(Person::Housing);
        const Building nh = AllocationTest::building(db, u"NH"_s);
        QVERIFY(AllocationTest::room(db, nh, u"101"_s, 2).id > 0);
        QVERIFY(AllocationTest::room(db, nh, u"102"_s, 2).id > 0);
        QVERIFY(AllocationTest::room(db, nh, u"103"_s, 1).id > 0);
        QVERIFY(AllocationTest::resident(db, u"S0001"_s, u"Ana"_s, u"López"_s).id > 0);
    }
    void cleanupTestCase() { m_t.reset(); }

    void badInputIsRefusedInWords()
    {
        CliRunner::Run r = cli({u"maintenance"_s, u"add"_s, u"--room"_s, u"NH/101"_s, u"--category"_s,
                                u"roof"_s, u"--description"_s, u"x"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(u"plumbing, electrical"_s), qPrintable(r.errText()));
        r = cli({u"maintenance"_s, u"add"_s, u"--room"_s, u"NH/999"_s, u"--category"_s, u"locks"_s,
                 u"--description"_s, u"x"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(u"NH/999"_s), qPrintable(r.errText()));
        r = cli({u"technicians"_s, u"add"_s, u"--name"_s, u"X"_s, u"--email"_s, u"nope"_s, u"--skills"_s,
                 u"locks"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(u"nope"_s), qPrintable(r.errText()));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM maintenance_requests"_s), 0);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM maintenance_technicians"_s), 0);
    }

    void requestLifeCycle()
    {
        CliRunner::Run r = cli({u"technicians"_s, u"add"_s, u"--name"_s, u"Pia Ruiz"_s, u"--email"_s,
                                u"pia@example.edu"_s, u"--skills"_s, u"plumbing,heating"_s, u"--days"_s,
                                u"1,2,3,4,5,6,7"_s, u"--hours"_s, u"00:00-24:00"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        const qint64 techId = CliRunner::jsonObject(r.out).value(u"id"_s).toInteger();
        QVERIFY(techId > 0);
        r = cli({u"technicians"_s, u"list"_s});
        QVERIFY2(r.outText().contains(u"Pia Ruiz"_s), qPrintable(r.outText()));

        r = cli({u"maintenance"_s, u"add"_s, u"--room"_s, u"NH/101"_s, u"--category"_s, u"plumbing"_s,
                 u"--priority"_s, u"high"_s, u"--description"_s, u"The tap drips"_s, u"--resident"_s,
                 u"S0001"_s, u"--permission-to-enter"_s, u"--wait"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        const QJsonObject added = CliRunner::jsonObject(r.out);
        const qint64 id = added.value(u"id"_s).toInteger();
        QCOMPARE(added.value(u"state"_s).toString(), u"scheduled"_s);
        QCOMPARE(added.value(u"technician_id"_s).toInteger(), techId);
        QCOMPARE(added.value(u"estimate_cents"_s).toInt(), 12000); // the default plumbing rate, high
        const QDateTime start = QDateTime::fromString(added.value(u"slot_start"_s).toString(), Qt::ISODate);
        const QDateTime due = QDateTime::fromString(added.value(u"due_at"_s).toString(), Qt::ISODate);
        QVERIFY(start.isValid() && start < due);
        // The resident and the technician are each e-mailed once.
        QCOMPARE(
            scalar(u"SELECT COUNT(*) FROM outbox_emails WHERE related_entity = 'maintenance_request' AND "
                   "related_id = ?"_s,
                   {id}),
            2);
        // A second processing of the same request (a retry, a duplicate) sends nothing new.
        {
            Database &admin = m_t->dbAs(Person::Admin);
            JobRequest job;
            job.kind = u"maintenance.process"_s;
            job.payload = {{u"request_id"_s, id}};
            const auto again = JobStore(admin).enqueue(
                job, TestDatabase::actorFor(Person::Admin, u"admin"_s, Actor::Role::Admin));
            QVERIFY(again);
            const CliRunner::Run w =
                cli({u"jobs"_s, u"wait"_s, QString::number(again->id)}, m_t->urlAs(Person::Admin));
            QVERIFY2(w.exitCode == 0, qPrintable(w.errText()));
        }
        QCOMPARE(
            scalar(u"SELECT COUNT(*) FROM outbox_emails WHERE related_entity = 'maintenance_request' AND "
                   "related_id = ?"_s,
                   {id}),
            2);
        QVERIFY(scalar(u"SELECT COUNT(*) FROM notifications WHERE link = ?"_s,
                       {u"maintenance:%1"_s.arg(id)}) >= 1);

        r = cli({u"maintenance"_s, u"show"_s, QString::number(id), u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        const QJsonObject shown = CliRunner::jsonObject(r.out);
        QCOMPARE(shown.value(u"technician"_s).toString(), u"Pia Ruiz"_s);
        QVERIFY(shown.value(u"comments"_s).toArray().size() >= 1);

        r = cli({u"maintenance"_s, u"done"_s, QString::number(id), u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        QCOMPARE(CliRunner::jsonObject(r.out).value(u"state"_s).toString(), u"done"_s);
        r = cli({u"maintenance"_s, u"done"_s, QString::number(id)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(u"already done"_s), qPrintable(r.errText()));
        r = cli(
            {u"maintenance"_s, u"list"_s, u"--state"_s, u"done"_s, u"--building"_s, u"NH"_s, u"--json"_s});
        QCOMPARE(CliRunner::jsonArray(r.out).size(), 1);
        QCOMPARE(
            scalar(
                u"SELECT COUNT(*) FROM audit_entries WHERE entity = 'maintenance_request' AND entity_id = ?"_s,
                {id}),
            5); // create, assign, schedule, start (done passes through in progress), complete

        // Nobody can take a pest problem: it is flagged, and staff are told.
        r = cli({u"maintenance"_s, u"add"_s, u"--building"_s, u"NH"_s, u"--category"_s, u"pest"_s,
                 u"--priority"_s, u"emergency"_s, u"--description"_s, u"Mice in the kitchen"_s, u"--wait"_s,
                 u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        const QJsonObject pest = CliRunner::jsonObject(r.out);
        QCOMPARE(pest.value(u"state"_s).toString(), u"open"_s);
        QVERIFY(pest.value(u"needs_attention"_s).toBool());
        QVERIFY(scalar(u"SELECT COUNT(*) FROM notifications WHERE kind = 'attention' AND link = ?"_s,
                       {u"maintenance:%1"_s.arg(pest.value(u"id"_s).toInteger())}) >= 1);
        r = cli({u"maintenance"_s, u"list"_s, u"--overdue"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));

        if (TestDatabase::isPostgreSQL()) {
            // A vet reads maintenance but may not report it.
            r = cli({u"maintenance"_s, u"list"_s}, m_t->urlAs(Person::Vet));
            QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
            r = cli({u"maintenance"_s, u"add"_s, u"--building"_s, u"NH"_s, u"--category"_s, u"locks"_s,
                     u"--description"_s, u"x"_s},
                    m_t->urlAs(Person::Vet));
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.errText().contains(u"may not"_s), qPrintable(r.errText()));
        }
    }

    void residentToldAsTheyChose()
    {
        CliRunner::Run r = cli({u"technicians"_s, u"add"_s, u"--name"_s, u"Lu Chen"_s, u"--email"_s,
                                u"lu@example.edu"_s, u"--skills"_s, u"locks"_s, u"--days"_s,
                                u"1,2,3,4,5,6,7"_s, u"--hours"_s, u"00:00-24:00"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        const qint64 techId = CliRunner::jsonObject(r.out).value(u"id"_s).toInteger();
        Database &db = m_t->dbAs(Person::Housing);
        const auto drains = [this] {
            return scalar(u"SELECT COUNT(*) FROM jobs WHERE kind = 'sms.send'"_s);
        };
        const qint64 drainsBefore = drains();

        struct Case
        {
            QString studentId;
            Resident::ContactBy contactBy;
            QString phone;
            QString storedPhone; // written past the check, as numbers stored before migration 0023
            qint64 emails;
            qint64 texts;
        };
        const QList<Case> cases{
            {u"S0101"_s, Resident::ContactBy::Email, u"+12025550141"_s, {}, 1, 0},
            {u"S0102"_s, Resident::ContactBy::Sms, u"+12025550142"_s, {}, 0, 1},
            {u"S0103"_s, Resident::ContactBy::Both, u"+12025550143"_s, {}, 1, 1},
            // A number no text can go to: an e-mail instead, so the visit is not missed.
            {u"S0104"_s, Resident::ContactBy::Sms, u"+12025550144"_s, u"555-01"_s, 1, 0},
        };
        qint64 bothId = 0;
        for (const Case &c : cases) {
            Resident res;
            res.studentId = c.studentId;
            res.firstName = u"Noa"_s;
            res.lastName = c.studentId;
            res.email = c.studentId.toLower() + u"@students.example.edu"_s;
            res.phone = c.phone;
            res.contactBy = c.contactBy;
            const Result<Resident> stored = ResidentRepository(db, AllocationTest::actor()).create(res);
            QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().text()));
            if (!c.storedPhone.isEmpty()) {
                std::unique_ptr<Database> installer = m_t->openAsInstaller();
                SqlStatement st(*installer, u"UPDATE residents SET phone = ? WHERE id = ?"_s);
                st.bind(c.storedPhone).bind(stored->id);
                QVERIFY(st.exec());
            }

            r = cli({u"maintenance"_s, u"add"_s, u"--room"_s, u"NH/103"_s, u"--category"_s, u"locks"_s,
                     u"--priority"_s, u"high"_s, u"--description"_s, u"The lock sticks"_s, u"--resident"_s,
                     c.studentId, u"--wait"_s, u"--json"_s});
            QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
            const QJsonObject added = CliRunner::jsonObject(r.out);
            const qint64 id = added.value(u"id"_s).toInteger();
            QCOMPARE(added.value(u"state"_s).toString(), u"scheduled"_s);
            QCOMPARE(added.value(u"technician_id"_s).toInteger(), techId);
            QCOMPARE(
                scalar(u"SELECT COUNT(*) FROM outbox_emails WHERE related_entity = 'maintenance_request' AND "
                       "related_id = ? AND to_address = ?"_s,
                       {id, res.email}),
                c.emails);
            QCOMPARE(
                scalar(u"SELECT COUNT(*) FROM sms_outbox WHERE related_entity = 'maintenance_request' AND "
                       "related_id = ?"_s,
                       {id}),
                c.texts);
            // The technician keeps e-mail.
            QCOMPARE(
                scalar(u"SELECT COUNT(*) FROM outbox_emails WHERE related_entity = 'maintenance_request' AND "
                       "related_id = ? AND to_address = 'lu@example.edu'"_s,
                       {id}),
                1);
            if (c.texts > 0) {
                std::unique_ptr<Database> installer = m_t->openAsInstaller();
                SqlStatement st(*installer,
                                u"SELECT to_number, body_text FROM sms_outbox WHERE related_id = ? AND "
                                "related_entity = 'maintenance_request'"_s);
                st.bind(id);
                QVERIFY(st.exec() && st.next());
                QCOMPARE(st.value(0).toString(), c.phone);
                const QString text = st.value(1).toString();
                QVERIFY2(text.contains(QString::number(id)) && text.contains(u"NH/103"_s) &&
                             text.contains(u"Lu Chen"_s),
                         qPrintable(text));
                QVERIFY2(text.size() <= 160, qPrintable(text));
                // Queued with its sms.send drain, as an e-mail is with its mail.send.
                QVERIFY(drains() > drainsBefore);
            } else if (c.contactBy == Resident::ContactBy::Email) {
                QCOMPARE(drains(), drainsBefore);
            }
            if (c.contactBy == Resident::ContactBy::Both)
                bothId = id;
        }

        // The job repeats step two (its checkpoint says only the assignment was done, as
        // after a worker lost it): the resident's e-mail and text and the technician's
        // e-mail are each still there once.
        QVERIFY(bothId > 0);
        const qint64 jobId =
            scalar(u"SELECT id FROM jobs WHERE unique_key = ?"_s, {u"maintenance.process:%1"_s.arg(bothId)});
        QVERIFY(jobId > 0);
        {
            std::unique_ptr<Database> installer = m_t->openAsInstaller();
            SqlStatement st(*installer, u"UPDATE jobs SET state = 'queued', checkpoint = ?, result = NULL, "
                                        "finished_at = NULL, lease_owner = NULL, lease_expires_at = NULL, "
                                        "run_after = 0 WHERE id = ?"_s);
            st.bind(u"{\"step\":\"assigned\"}"_s).bind(jobId);
            QVERIFY(st.exec());
        }
        const qint64 emailsBefore = scalar(u"SELECT COUNT(*) FROM outbox_emails"_s);
        const qint64 textsBefore = scalar(u"SELECT COUNT(*) FROM sms_outbox"_s);
        const CliRunner::Run w = cli({u"jobs"_s, u"wait"_s, QString::number(jobId), u"--json"_s});
        QVERIFY2(w.exitCode == 0, qPrintable(w.errText()));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM jobs WHERE id = ? AND state = 'succeeded' AND checkpoint LIKE "
                        "'%done%'"_s,
                        {jobId}),
                 1);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_emails"_s), emailsBefore);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM sms_outbox"_s), textsBefore);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM sms_outbox WHERE related_entity = 'maintenance_request' AND "
                        "related_id = ?"_s,
                        {bothId}),
                 1);
    }

    // Issue 15: each resident and technician reads their notice in their own language
    // (residents.language, maintenance_technicians.language), dates in their locale,
    // whatever the worker runs in; one worker process handles a Spanish and an English
    // resident's requests side by side.
    void noticesInTheRecipientsLanguage()
    {
        CliRunner::Run r =
            cli({u"technicians"_s, u"add"_s, u"--name"_s, u"Eva Sanz"_s, u"--email"_s, u"eva@example.edu"_s,
                 u"--skills"_s, u"electrical"_s, u"--days"_s, u"1,2,3,4,5,6,7"_s, u"--hours"_s,
                 u"00:00-24:00"_s, u"--language"_s, u"es"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        QCOMPARE(CliRunner::jsonObject(r.out).value(u"language"_s).toString(), u"es"_s);
        // A language Residesk does not write is refused, naming it; nothing is stored.
        r = cli({u"technicians"_s, u"add"_s, u"--name"_s, u"Max Roth"_s, u"--email"_s, u"max@example.edu"_s,
                 u"--skills"_s, u"electrical"_s, u"--language"_s, u"de"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(u"\"de\""_s), qPrintable(r.errText()));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM maintenance_technicians WHERE email = 'max@example.edu'"_s),
                 0);

        Database &db = m_t->dbAs(Person::Housing);
        struct Case
        {
            QString studentId;
            QString language;
            Resident::ContactBy contactBy;
            bool permission;
            qint64 requestId = 0;
        };
        QList<Case> cases{{u"S0301"_s, u"es"_s, Resident::ContactBy::Both, false},
                          {u"S0302"_s, u"en"_s, Resident::ContactBy::Email, true}};
        for (Case &c : cases) {
            Resident res;
            res.studentId = c.studentId;
            res.firstName = u"Noa"_s;
            res.lastName = c.studentId;
            res.email = c.studentId.toLower() + u"@students.example.edu"_s;
            res.phone = u"+12025550161"_s;
            res.contactBy = c.contactBy;
            res.language = c.language;
            const Result<Resident> stored = ResidentRepository(db, AllocationTest::actor()).create(res);
            QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().text()));
            QCOMPARE(stored->language, c.language);
            QStringList add{u"maintenance"_s, u"add"_s,        u"--room"_s,        u"NH/102"_s,
                            u"--category"_s,  u"electrical"_s, u"--description"_s, u"The lamp flickers"_s,
                            u"--resident"_s,  c.studentId,     u"--json"_s};
            if (c.permission)
                add << u"--permission-to-enter"_s;
            r = cli(add); // queued, not processed
            QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
            c.requestId = CliRunner::jsonObject(r.out).value(u"id"_s).toInteger();
            QVERIFY(c.requestId > 0);
        }
        // One worker process (it runs in English) handles both requests; the e-mails then go
        // out through a real SMTP server.
        SmtpSink sink;
        QString error;
        QVERIFY2(sink.start(&error), qPrintable(error));
        // The notices first, then their e-mails (kept apart: a drain that runs while the
        // notices queue theirs is not what this test is about).
        for (const QString &kinds : {u"maintenance.process"_s, u"mail.send"_s}) {
            QProcessEnvironment env = CliRunner::environment();
            sink.addTo(env);
            QProcess worker;
            worker.setProcessEnvironment(env);
            worker.start(CliRunner::binary(), {u"--database"_s, m_t->urlAs(Person::Worker), u"worker"_s,
                                               u"--once"_s, u"--kinds"_s, kinds});
            QVERIFY(worker.waitForStarted(10000));
            QVERIFY2(worker.waitForFinished(120000), "the worker did not finish");
            QVERIFY2(worker.exitStatus() == QProcess::NormalExit && worker.exitCode() == 0,
                     worker.readAllStandardError().constData());
        }
        for (const Case &c : std::as_const(cases)) {
            std::unique_ptr<Database> installer = m_t->openAsInstaller();
            SqlStatement st(*installer, u"SELECT state, last_error FROM jobs WHERE unique_key = ?"_s);
            st.bind(u"maintenance.process:%1"_s.arg(c.requestId));
            QVERIFY(st.exec() && st.next());
            QVERIFY2(st.value(0).toString() == u"succeeded"_s, qPrintable(st.value(1).toString()));
        }
        const auto received = [&sink](const QString &to) {
            for (const QJsonObject &m : sink.messages())
                if (m.value(u"to"_s).toString().contains(to))
                    return m;
            return QJsonObject();
        };

        const auto email = [this](qint64 id, const QString &to) {
            std::unique_ptr<Database> installer = m_t->openAsInstaller();
            SqlStatement st(*installer,
                            u"SELECT subject, body_text FROM outbox_emails WHERE related_entity = "
                            "'maintenance_request' AND related_id = ? AND to_address = ?"_s);
            st.bind(id).bind(to);
            return st.exec() && st.next() ? QStringList{st.value(0).toString(), st.value(1).toString()}
                                          : QStringList{};
        };
        for (const Case &c : std::as_const(cases)) {
            r = cli({u"maintenance"_s, u"show"_s, QString::number(c.requestId), u"--json"_s});
            QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
            const QJsonObject shown = CliRunner::jsonObject(r.out);
            QCOMPARE(shown.value(u"state"_s).toString(), u"scheduled"_s);
            QCOMPARE(shown.value(u"technician"_s).toString(), u"Eva Sanz"_s);
            const QDateTime start =
                QDateTime::fromString(shown.value(u"slot_start"_s).toString(), Qt::ISODate).toLocalTime();
            const QDateTime end =
                QDateTime::fromString(shown.value(u"slot_end"_s).toString(), Qt::ISODate).toLocalTime();
            QVERIFY(start.isValid() && end.isValid());
            const QLocale locale(c.language);
            const QString when = locale.toString(start, QLocale::ShortFormat);
            const QString address = c.studentId.toLower() + u"@students.example.edu"_s;
            const QStringList mail = email(c.requestId, address);
            QCOMPARE(mail.size(), 2);
            const QString &subject = mail.at(0);
            const QString &body = mail.at(1);
            // As the resident's mail server got it (headers and body decoded).
            const QJsonObject got = received(address);
            QCOMPARE(got.value(u"subject"_s).toString(), subject);
            QCOMPARE(got.value(u"body"_s).toString().trimmed(), body.trimmed());
            if (c.language == u"es"_s) {
                QCOMPARE(subject,
                         u"Su solicitud de mantenimiento %1: visita el %2"_s.arg(c.requestId).arg(when));
                QVERIFY2(body.startsWith(u"Hola, Noa:"_s), qPrintable(body));
                QVERIFY2(body.contains(u"Su solicitud sobre electricidad (The lamp flickers) en NH/102"_s),
                         qPrintable(body));
                QVERIFY2(body.contains(u"Esté presente para abrir la puerta al técnico."_s),
                         qPrintable(body));
                QVERIFY2(body.contains(u"Eva Sanz acudirá el "_s + when), qPrintable(body));
                QVERIFY2(body.endsWith(u"Oficina de Alojamiento"_s), qPrintable(body));
                // The text message too.
                std::unique_ptr<Database> installer = m_t->openAsInstaller();
                SqlStatement st(*installer, u"SELECT body_text FROM sms_outbox WHERE related_entity = "
                                            "'maintenance_request' AND related_id = ?"_s);
                st.bind(c.requestId);
                QVERIFY(st.exec() && st.next());
                const QString text = st.value(0).toString();
                QCOMPARE(text, u"Oficina de Alojamiento: su solicitud de mantenimiento %1 en NH/102 está "
                               "programada para %2–%3 con Eva Sanz."_s.arg(c.requestId)
                                   .arg(when, locale.toString(end.time(), QLocale::ShortFormat)));
                QVERIFY2(text.size() <= 160, qPrintable(text));
            } else {
                QCOMPARE(subject, u"Your maintenance request %1: visit on %2"_s.arg(c.requestId).arg(when));
                QVERIFY2(body.startsWith(u"Hello Noa,"_s), qPrintable(body));
                QVERIFY2(body.contains(u"your request about electrical (The lamp flickers) in NH/102"_s),
                         qPrintable(body));
                QVERIFY2(body.contains(u"You allowed us to enter while you are away."_s), qPrintable(body));
                QVERIFY2(body.contains(u"Eva Sanz will come on "_s + when), qPrintable(body));
                QVERIFY2(body.endsWith(u"Housing Office"_s), qPrintable(body));
            }
            // The technician reads Spanish for both requests, the visit in Spanish formats.
            const QStringList job = email(c.requestId, u"eva@example.edu"_s);
            QCOMPARE(job.size(), 2);
            QVERIFY2(job.at(0).startsWith(u"Trabajo de mantenimiento %1 en NH/102: %2–"_s.arg(c.requestId)
                                              .arg(QLocale(u"es"_s).toString(start, QLocale::ShortFormat))),
                     qPrintable(job.at(0)));
            QVERIFY2(job.at(1).startsWith(
                         u"Trabajo %1 (Electricidad, prioridad normal) en NH/102"_s.arg(c.requestId)),
                     qPrintable(job.at(1)));
            QVERIFY2(job.at(1).contains(c.permission ? u"Permiso para entrar: sí."_s
                                                     : u"Permiso para entrar: no."_s),
                     qPrintable(job.at(1)));
        }
    }

    void plansOncePerPeriodWithTwoWorkersAfterDowntime()
    {
        // Started seven months ago, every three months: periods 0, 1 and 2 have begun
        // while nothing ran. Two double rooms: two requests per period.
        const QDate from = QDate::currentDate().addMonths(-7);
        CliRunner::Run r = cli({u"plans"_s, u"add"_s, u"--title"_s, u"Filters"_s, u"--building"_s, u"NH"_s,
                                u"--room-type"_s, u"double"_s, u"--category"_s, u"heating"_s, u"--every"_s,
                                u"3"_s, u"--from"_s, from.toString(Qt::ISODate), u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        const qint64 plan = CliRunner::jsonObject(r.out).value(u"id"_s).toInteger();
        Database &admin = m_t->dbAs(Person::Admin);
        const Actor actor = TestDatabase::actorFor(Person::Admin, u"admin"_s, Actor::Role::Admin);
        JobRequest plans;
        plans.kind = u"maintenance.plans"_s;
        for (int i = 0; i < 2; ++i)
            QVERIFY(JobStore(admin).enqueue(plans, actor));
        const QString workerUrl = m_t->urlAs(Person::Worker);
        const QStringList args{u"--database"_s,        workerUrl,  u"worker"_s, u"--once"_s, u"--kinds"_s,
                               u"maintenance.plans"_s, u"--json"_s};
        auto a = CliRunner::start(args);
        auto b = CliRunner::start(args);
        QVERIFY(a->waitForStarted(10000) && b->waitForStarted(10000));
        QVERIFY2(a->waitForFinished(120000), "worker a did not finish");
        QVERIFY2(b->waitForFinished(120000), "worker b did not finish");
        QVERIFY2(a->exitCode() == 0, a->readAllStandardError().constData());
        QVERIFY2(b->exitCode() == 0, b->readAllStandardError().constData());
        QCOMPARE(
            scalar(u"SELECT COUNT(*) FROM jobs WHERE kind = 'maintenance.plans' AND state = 'succeeded'"_s),
            2);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM maintenance_plan_periods WHERE plan_id = ?"_s, {plan}), 3);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM maintenance_requests WHERE plan_id = ?"_s, {plan}), 6);
        QCOMPARE(scalar(u"SELECT COUNT(DISTINCT plan_period) FROM maintenance_requests WHERE plan_id = ?"_s,
                        {plan}),
                 3);
        // Each created request has its processing queued with it.
        QCOMPARE(
            scalar(
                u"SELECT COUNT(*) FROM jobs WHERE kind = 'maintenance.process' AND unique_key IN (SELECT "
                "'maintenance.process:' || CAST(id AS VARCHAR(20)) FROM maintenance_requests WHERE plan_id = ?)"_s,
                {plan}),
            6);
        // Run again: nothing new this period.
        QVERIFY(JobStore(admin).enqueue(plans, actor));
        const CliRunner::Run again = CliRunner::run(args);
        QVERIFY2(again.exitCode == 0, qPrintable(again.errText()));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM maintenance_requests WHERE plan_id = ?"_s, {plan}), 6);
        r = cli({u"plans"_s, u"list"_s, u"--json"_s});
        QCOMPARE(CliRunner::jsonArray(r.out).first().toObject().value(u"last_period"_s).toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestMaintenanceCli)
#include "tst_maintenancecli.moc"
