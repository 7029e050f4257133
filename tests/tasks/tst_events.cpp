#include "models/db/events.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/housing/demoseeder.h"
#include "models/housing/residentrepository.h"
#include "tasks/job.h"
#include "tasks/jobstore.h"
#include "tests/support/testdatabase.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <tuple>

using namespace Qt::StringLiterals;

namespace {
// Generous: the machine running the suite may be busy; a passing test never waits this long.
constexpr int kTimeoutMs = 15000;
} // namespace

class TestEvents : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;

    static bool isPostgreSQL() { return TestDatabase::backendName() == u"postgresql"; }

    // The database the receiving client listens on: "another desktop" on PostgreSQL;
    // on SQLite the same Database object, since delivery there is in-process.
    Database &receiverDb(std::unique_ptr<Database> &other)
    {
        if (!isPostgreSQL())
            return m_t->db();
        other = m_t->openAnother();
        return *other;
    }

    static Job sampleJob()
    {
        Job job;
        job.id = 42;
        job.kind = u"demo.seed"_s;
        job.state = JobState::Running;
        job.progressDone = 3450;
        job.progressTotal = 10000;
        job.progressMessage = u"chunk 7 — «quoted» \"text\""_s;
        job.attempts = 2;
        job.cancelRequested = true;
        job.createdBy = u"alice"_s;
        return job;
    }

    // Starts the bus and waits until it is subscribed.
    static bool startAndWait(EventBus &bus)
    {
        QSignalSpy listening(&bus, &EventBus::listening);
        bus.start();
        return QTest::qWaitFor([&] { return listening.count() == 1; }, kTimeoutMs) && bus.isListening();
    }

    // A notification-type event carrying a name, for tests that tell events apart by
    // it (the product's publishNotification names nobody on PostgreSQL).
    static VoidResult publishMarker(Database &db, const QString &name)
    {
        return Events::publish(db, QJsonObject{{u"type"_s, u"notification"_s}, {u"user"_s, name}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
    }
    void cleanupTestCase() { m_t.reset(); }

    void init()
    {
        QVERIFY(m_t);
        // The demo seed's stays and maintenance rows first: they hold on to residents,
        // rooms and buildings.
        for (const QString &table :
             {u"allocations"_s, u"maintenance_requests"_s, u"maintenance_plans"_s,
              u"maintenance_technicians"_s, u"rooms"_s, u"residents"_s, u"buildings"_s})
            QVERIFY(SqlStatement::run(m_t->db(), u"DELETE FROM "_s + table));
    }

    void jobEventReachesAnotherClient()
    {
        std::unique_ptr<Database> other;
        EventBus bus(receiverDb(other));
        QSignalSpy jobs(&bus, &EventBus::jobEvent);
        QVERIFY(startAndWait(bus));

        const Job job = sampleJob();
        const VoidResult published = JobStore::publishEvent(m_t->db(), job, 1700000000123);
        QVERIFY2(published, qPrintable(published.error().text()));
        QTRY_COMPARE_WITH_TIMEOUT(jobs.count(), 1, kTimeoutMs);

        const QJsonObject e = jobs.at(0).at(0).toJsonObject();
        QCOMPARE(e.value(u"type"_s).toString(), u"job"_s);
        QCOMPARE(e.value(u"id"_s).toInteger(), 42);
        QCOMPARE(e.value(u"kind"_s).toString(), job.kind);
        QCOMPARE(e.value(u"state"_s).toString(), u"running"_s);
        QCOMPARE(e.value(u"done"_s).toInteger(), 3450);
        QCOMPARE(e.value(u"total"_s).toInteger(), 10000);
        QCOMPARE(e.value(u"attempts"_s).toInteger(), 2);
        QCOMPARE(e.value(u"cancel"_s).toBool(false), true);
        QCOMPARE(e.value(u"at"_s).toInteger(), 1700000000123);
        QVERIFY(!e.contains(u"error"_s)); // a running job without an error carries none
        if (isPostgreSQL()) {
            // Every client of the server hears NOTIFY: no texts, no person.
            QVERIFY(!e.contains(u"message"_s));
            QVERIFY(!e.contains(u"by"_s));
        } else {
            QCOMPARE(e.value(u"message"_s).toString(), job.progressMessage);
            QCOMPARE(e.value(u"by"_s).toString(), u"alice"_s);
        }

        // A failed job's event: in-process, with its reason; through NOTIFY, without.
        Job failed = job;
        failed.state = JobState::Failed;
        failed.error = u"The file is missing: «/srv/in.csv»"_s + QString(3000, u'x');
        QVERIFY(JobStore::publishEvent(m_t->db(), failed, 1700000000124));
        QTRY_COMPARE_WITH_TIMEOUT(jobs.count(), 2, kTimeoutMs);
        const QJsonObject f = jobs.at(1).at(0).toJsonObject();
        QCOMPARE(f.value(u"state"_s).toString(), u"failed"_s);
        if (isPostgreSQL()) {
            QVERIFY(!f.contains(u"error"_s));
            const QByteArray payload = QJsonDocument(f).toJson(QJsonDocument::Compact);
            QVERIFY2(!payload.contains("missing") && !payload.contains("alice") && !payload.contains("chunk"),
                     payload.constData());
        } else {
            QCOMPARE(f.value(u"error"_s).toString(), failed.error);
        }
    }

    // Many jobs changed in one transaction: through NOTIFY a few "jobs" events (the
    // payload limit cuts them), in-process one event each. Either way each job arrives
    // once, in the order sent, with its fields, as jobsChanged and as jobEvent; a bus
    // with nothing on jobEvent gets the same jobsChanged.
    void manyJobsArriveInOrderOnceEach()
    {
        std::unique_ptr<Database> other;
        std::unique_ptr<Database> another;
        EventBus bus(receiverDb(other));
        EventBus batchOnly(receiverDb(another));
        QSignalSpy changed(&bus, &EventBus::jobsChanged);
        QSignalSpy jobs(&bus, &EventBus::jobEvent);
        QSignalSpy changedOnly(&batchOnly, &EventBus::jobsChanged);
        QSignalSpy notifications(&bus, &EventBus::notificationEvent);
        QVERIFY(startAndWait(bus));
        QVERIFY(startAndWait(batchOnly));

        // Plain kinds and ones with non-ASCII text, an escaped quote and a backslash, in
        // the same stream.
        const QStringList kinds{u"demo.seed"_s, u"report.occupancy"_s, u"démo.ünï 🏠"_s, u"odd \"kind\""_s,
                                u"back\\slash"_s};
        const QList<JobState> states{JobState::Queued, JobState::Running, JobState::Succeeded,
                                     JobState::Failed, JobState::Cancelled};
        constexpr int kJobs = 500; // several NOTIFYs' worth
        QList<Job> sent;
        for (int i = 0; i < kJobs; ++i) {
            Job job;
            job.id = 1000 + i * 7;
            job.kind = kinds.at(i % kinds.size());
            job.state = states.at(i % states.size());
            job.progressDone = i;
            job.progressTotal = i % 3 == 0 ? 0 : 10000 + i;
            job.attempts = 1 + i % 4;
            job.cancelRequested = i % 11 == 0;
            job.createdBy = u"alice"_s;
            sent.append(job);
        }
        const qint64 at = 1700000000000 + 123;
        const VoidResult published = JobStore::publishEvents(m_t->db(), sent, at);
        QVERIFY2(published, qPrintable(published.error().text()));
        // Anything of the batch would have come before this.
        QVERIFY(publishMarker(m_t->db(), u"after"_s));
        QTRY_COMPARE_WITH_TIMEOUT(notifications.count(), 1, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(jobs.count(), kJobs, kTimeoutMs);

        const auto flatten = [](const QSignalSpy &spy) {
            QList<JobChange> all;
            for (const QList<QVariant> &args : spy)
                all += args.at(0).value<QList<JobChange>>();
            return all;
        };
        // The second bus listens on a connection of its own: it may be later.
        QTRY_COMPARE_WITH_TIMEOUT(flatten(changedOnly).size(), kJobs, kTimeoutMs);
        const QList<JobChange> received = flatten(changed);
        const QList<JobChange> receivedOnly = flatten(changedOnly);
        QCOMPARE(received.size(), kJobs);
        QCOMPARE(receivedOnly.size(), kJobs);
        if (isPostgreSQL())
            QVERIFY2(changed.count() > 1 && changed.count() < 20,
                     qPrintable(QString::number(changed.count())));
        else
            QCOMPARE(changed.count(), kJobs);
        for (int i = 0; i < kJobs; ++i) {
            const Job &job = sent.at(i);
            const JobChange &c = received.at(i);
            QCOMPARE(c.id, job.id);
            QCOMPARE(c.kind, job.kind);
            QCOMPARE(c.state, JobStates::code(job.state));
            QCOMPARE(c.done, job.progressDone);
            QCOMPARE(c.total, job.progressTotal);
            QCOMPARE(c.attempts, job.attempts);
            QCOMPARE(c.cancel, job.cancelRequested);
            QCOMPARE(c.at, at);
            const JobChange &same = receivedOnly.at(i);
            QCOMPARE(same.id, c.id);
            QCOMPARE(same.kind, c.kind);
            QCOMPARE(same.state, c.state);

            const QJsonObject e = jobs.at(i).at(0).toJsonObject();
            QCOMPARE(e.value(u"type"_s).toString(), u"job"_s);
            QCOMPARE(e.value(u"id"_s).toInteger(), job.id);
            QCOMPARE(e.value(u"kind"_s).toString(), job.kind);
            QCOMPARE(e.value(u"state"_s).toString(), JobStates::code(job.state));
            QCOMPARE(e.value(u"done"_s).toInteger(), job.progressDone);
            QCOMPARE(e.value(u"total"_s).toInteger(), job.progressTotal);
            QCOMPARE(e.value(u"attempts"_s).toInteger(), job.attempts);
            QCOMPARE(e.value(u"cancel"_s).toBool(!job.cancelRequested), job.cancelRequested);
            QCOMPARE(e.value(u"at"_s).toInteger(), at);
            QCOMPARE(c.toJson(), e);
            // In this process (SQLite) the event came alone, with its person; through
            // NOTIFY there is none.
            QCOMPARE(e.value(u"by"_s).toString(), isPostgreSQL() ? QString() : job.createdBy);
            QCOMPARE(c.details.isEmpty(), isPostgreSQL());
        }
        QCoreApplication::processEvents();
        QCOMPARE(jobs.count(), kJobs);
    }

    // "jobs" events written otherwise than this version writes them (another client's
    // spacing and key order, a short entry, a fraction, an unknown key) still arrive,
    // read the long way; a short entry is skipped.
    void jobsEventsOfOtherShapes()
    {
        std::unique_ptr<Database> other;
        EventBus bus(receiverDb(other));
        QSignalSpy changed(&bus, &EventBus::jobsChanged);
        QSignalSpy jobs(&bus, &EventBus::jobEvent);
        QSignalSpy notifications(&bus, &EventBus::notificationEvent);
        QVERIFY(startAndWait(bus));

        const QList<QByteArray> payloads{
            R"( { "type" : "jobs", "j" : [ [1, "a.b", "running", 2, 3, 1, 0] , [2,"c","failed",0,0,2,1] ], "at" : 5 } )",
            // A fraction is no count: read as 0.
            R"({"at":6,"j":[[3,"d","running",1.5,4,1,0]],"type":"jobs"})",
            R"({"at":7,"j":[[4,"e","running"],[5,"f","queued",0,0,0,0]],"type":"jobs"})",
            R"({"at":8,"j":[[6,"g","succeeded",1,1,1,0]],"type":"jobs","newer":true})",
            R"({"at":9,"j":[],"type":"jobs"})",
        };
        for (const QByteArray &payload : payloads) {
            const QJsonObject event = QJsonDocument::fromJson(payload).object();
            QVERIFY2(!event.isEmpty(), payload.constData());
            if (isPostgreSQL()) {
                // As sent, byte for byte.
                QVERIFY(
                    SqlStatement::run(m_t->db(), u"SELECT pg_notify(?, ?)"_s,
                                      {QString::fromLatin1(Events::channel), QString::fromUtf8(payload)}));
            } else {
                QVERIFY(Events::publish(m_t->db(), event));
            }
        }
        QVERIFY(publishMarker(m_t->db(), u"after"_s));
        QTRY_COMPARE_WITH_TIMEOUT(notifications.count(), 1, kTimeoutMs);

        QList<JobChange> received;
        for (const QList<QVariant> &args : changed)
            received += args.at(0).value<QList<JobChange>>();
        QCOMPARE(changed.count(), 4); // the empty one brings nothing
        const QList<std::tuple<qint64, QString, QString, qint64, qint64, int, bool, qint64>> expected{
            {1, u"a.b"_s, u"running"_s, 2, 3, 1, false, 5}, {2, u"c"_s, u"failed"_s, 0, 0, 2, true, 5},
            {3, u"d"_s, u"running"_s, 0, 4, 1, false, 6},   {5, u"f"_s, u"queued"_s, 0, 0, 0, false, 7},
            {6, u"g"_s, u"succeeded"_s, 1, 1, 1, false, 8},
        };
        QCOMPARE(received.size(), expected.size());
        QCOMPARE(jobs.count(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const auto &[id, kind, state, done, total, attempts, cancel, at] = expected.at(i);
            const JobChange &c = received.at(i);
            QCOMPARE(c.id, id);
            QCOMPARE(c.kind, kind);
            QCOMPARE(c.state, state);
            QCOMPARE(c.done, done);
            QCOMPARE(c.total, total);
            QCOMPARE(c.attempts, attempts);
            QCOMPARE(c.cancel, cancel);
            QCOMPARE(c.at, at);
            QCOMPARE(jobs.at(i).at(0).toJsonObject(), c.toJson());
        }
    }

    void notificationAndRecordsEvents()
    {
        std::unique_ptr<Database> other;
        EventBus bus(receiverDb(other));
        bus.setRecordsDelayMs(0);
        QSignalSpy notifications(&bus, &EventBus::notificationEvent);
        QSignalSpy records(&bus, &EventBus::recordsChanged);
        QSignalSpy jobs(&bus, &EventBus::jobEvent);
        QVERIFY(startAndWait(bus));

        QVERIFY(Events::publishNotification(m_t->db(), u"bob"_s));
        QVERIFY(Events::publishRecordsChanged(m_t->db(), u"rooms"_s));
        // Kinds from a newer client are ignored, not misread.
        QVERIFY(Events::publish(m_t->db(), QJsonObject{{u"type"_s, u"future-kind"_s}}));
        QTRY_COMPARE_WITH_TIMEOUT(notifications.count(), 1, kTimeoutMs);
        // Through NOTIFY, which every role on the server hears, the event names nobody.
        QCOMPARE(notifications.at(0).at(0).toString(), isPostgreSQL() ? QString() : u"bob"_s);
        QTRY_COMPARE_WITH_TIMEOUT(records.count(), 1, kTimeoutMs);
        QCOMPARE(records.at(0).at(0).toString(), u"rooms"_s);
        QCOMPARE(jobs.count(), 0);
    }

    // Signals come from the bus's thread whichever thread published.
    void publishedOnAWorkerThread()
    {
        std::unique_ptr<Database> other;
        EventBus bus(receiverDb(other));
        QThread *busThread = bus.thread();
        QList<QThread *> seenOn;
        connect(&bus, &EventBus::notificationEvent, this,
                [&seenOn](const QString &) { seenOn.append(QThread::currentThread()); });
        QVERIFY(startAndWait(bus));

        VoidResult published;
        std::unique_ptr<QThread> worker(QThread::create([this, &published] {
            published = publishMarker(m_t->db(), u"carol"_s);
            m_t->db().closeThreadConnection();
        }));
        worker->start();
        QVERIFY(worker->wait(kTimeoutMs));
        QVERIFY2(published, qPrintable(published.error().text()));
        QTRY_COMPARE_WITH_TIMEOUT(seenOn.size(), 1, kTimeoutMs);
        QCOMPARE(seenOn.at(0), busThread);
    }

    void deliveryFollowsTransactions()
    {
        std::unique_ptr<Database> other;
        EventBus bus(receiverDb(other));
        QSignalSpy notifications(&bus, &EventBus::notificationEvent);
        QVERIFY(startAndWait(bus));

        if (!isPostgreSQL()) {
            // In-process delivery waits for the transaction as NOTIFY does: nothing
            // before the commit, nothing after a rollback.
            {
                Transaction tx(m_t->db());
                QVERIFY(tx.ok());
                QVERIFY(publishMarker(m_t->db(), u"rolled-back"_s));
                QCoreApplication::processEvents();
                QCOMPARE(notifications.count(), 0);
                tx.rollback();
            }
            Transaction tx(m_t->db());
            QVERIFY(tx.ok());
            QVERIFY(publishMarker(m_t->db(), u"committed"_s));
            QCoreApplication::processEvents();
            QCOMPARE(notifications.count(), 0);
            QVERIFY(tx.commit().ok());
            QTRY_COMPARE_WITH_TIMEOUT(notifications.count(), 1, kTimeoutMs);
            QCOMPARE(notifications.at(0).at(0).toString(), u"committed"_s);
            return;
        }

        // A third client sends markers on its own session: once a marker is delivered,
        // anything committed before it would have been delivered too.
        std::unique_ptr<Database> third = m_t->openAnother();
        auto users = [&notifications] {
            QStringList list;
            for (const QList<QVariant> &args : notifications)
                list << args.at(0).toString();
            return list;
        };

        {
            Transaction tx(m_t->db());
            QVERIFY(tx.ok());
            QVERIFY(publishMarker(m_t->db(), u"rolled-back"_s));
            tx.rollback();
        }
        QVERIFY(publishMarker(*third, u"marker-1"_s));
        QTRY_VERIFY_WITH_TIMEOUT(users().contains(u"marker-1"_s), kTimeoutMs);
        QCOMPARE(users(), QStringList{u"marker-1"_s});

        Transaction tx(m_t->db());
        QVERIFY(tx.ok());
        QVERIFY(publishMarker(m_t->db(), u"committed"_s));
        QVERIFY(publishMarker(*third, u"marker-2"_s));
        QTRY_VERIFY_WITH_TIMEOUT(users().contains(u"marker-2"_s), kTimeoutMs);
        QVERIFY2(!users().contains(u"committed"_s), "delivered before its transaction committed");
        QVERIFY(tx.commit());
        QTRY_VERIFY_WITH_TIMEOUT(users().contains(u"committed"_s), kTimeoutMs);
        QCOMPARE(users(), (QStringList{u"marker-1"_s, u"marker-2"_s, u"committed"_s}));
    }

    // Another process on the same data (another Database object here) is heard: through
    // NOTIFY on PostgreSQL, through the change feed on SQLite. A rolled-back event is
    // not, and this client's own events arrive once, not once more through the feed.
    void anotherProcessIsHeardAndOwnEventsOnce()
    {
        std::unique_ptr<Database> other = m_t->openAnother();
        EventBus bus(*other);
        bus.setRecordsDelayMs(0);
        QSignalSpy records(&bus, &EventBus::recordsChanged);
        QSignalSpy notifications(&bus, &EventBus::notificationEvent);
        QVERIFY(startAndWait(bus));
        auto users = [&notifications] {
            QStringList list;
            for (const QList<QVariant> &args : notifications)
                list << args.at(0).toString();
            return list;
        };

        QVERIFY(Events::publishRecordsChanged(m_t->db(), u"residents"_s));
        QVERIFY(publishMarker(m_t->db(), u"carol"_s));
        QTRY_COMPARE_WITH_TIMEOUT(records.count(), 1, kTimeoutMs);
        QCOMPARE(records.at(0).at(0).toString(), u"residents"_s);
        QTRY_COMPARE_WITH_TIMEOUT(users(), QStringList{u"carol"_s}, kTimeoutMs);

        {
            Transaction tx(m_t->db());
            QVERIFY(tx.ok());
            QVERIFY(publishMarker(m_t->db(), u"rolled-back"_s));
            tx.rollback();
        }
        QVERIFY(publishMarker(*other, u"own"_s));
        // Once the marker is in, anything written before it would have come too.
        QVERIFY(publishMarker(m_t->db(), u"marker"_s));
        QTRY_VERIFY_WITH_TIMEOUT(users().contains(u"marker"_s), kTimeoutMs);
        QCOMPARE(users(), (QStringList{u"carol"_s, u"own"_s, u"marker"_s}));
        QCOMPARE(records.count(), 1);
    }

    void longMessageIsTruncated()
    {
        std::unique_ptr<Database> other;
        EventBus bus(receiverDb(other));
        QSignalSpy jobs(&bus, &EventBus::jobEvent);
        QVERIFY(startAndWait(bus));

        Job job = sampleJob();
        // Multi-byte characters and a surrogate pair: the cut is counted in UTF-8 bytes
        // and must not split a character.
        job.progressMessage = u"Ünïcödé 🏠 "_s.repeated(1500);
        QVERIFY(job.progressMessage.toUtf8().size() > 20000);
        const VoidResult published = JobStore::publishEvent(m_t->db(), job, 1);
        QVERIFY2(published, qPrintable(published.error().text()));
        QTRY_COMPARE_WITH_TIMEOUT(jobs.count(), 1, kTimeoutMs);

        const QJsonObject e = jobs.at(0).at(0).toJsonObject();
        QCOMPARE(e.value(u"id"_s).toInteger(), job.id);
        QCOMPARE(e.value(u"state"_s).toString(), u"running"_s);
        const QString message = e.value(u"message"_s).toString();
        if (!isPostgreSQL()) {
            // In-process events have no size limit.
            QCOMPARE(message, job.progressMessage);
            return;
        }
        // Through NOTIFY the text does not travel at all (readers take it from the row),
        // so however long it is, the event fits.
        QVERIFY(!e.contains(u"message"_s));
        QVERIFY(QJsonDocument(e).toJson(QJsonDocument::Compact).size() < 8000);
    }

    void residentWritesAreAnnouncedOnce()
    {
        std::unique_ptr<Database> other;
        EventBus bus(receiverDb(other));
        // Long enough that a few quick writes surely fall into one window.
        bus.setRecordsDelayMs(1000);
        QSignalSpy records(&bus, &EventBus::recordsChanged);
        QSignalSpy notifications(&bus, &EventBus::notificationEvent);
        QVERIFY(startAndWait(bus));

        ResidentRepository repo(m_t->db(), Actor{u"alice"_s, Actor::Role::Housing});
        auto makeResident = [](int i) {
            Resident r;
            r.studentId = u"EV%1"_s.arg(i);
            r.firstName = u"Eve"_s;
            r.lastName = u"Vent"_s;
            r.email = u"eve%1@example.edu"_s.arg(i);
            return r;
        };
        const Result<Resident> first = repo.create(makeResident(1));
        QVERIFY2(first, qPrintable(first.error().text()));
        QVERIFY(repo.create(makeResident(2)));
        Resident changed = first.value();
        changed.lastName = u"Ventura"_s;
        QVERIFY(repo.update(changed));
        // Notifications are not coalesced and arrive in order: once the marker is in,
        // every records event has been received.
        QVERIFY(publishMarker(m_t->db(), u"marker"_s));
        QTRY_COMPARE_WITH_TIMEOUT(notifications.count(), 1, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(records.count(), 1, kTimeoutMs);
        QCOMPARE(records.at(0).at(0).toString(), u"residents"_s);

        // A later write opens a new window.
        const Result<Resident> stored = repo.get(first->id);
        QVERIFY(stored);
        QVERIFY(repo.remove(stored->id, stored->version));
        QVERIFY(publishMarker(m_t->db(), u"marker"_s));
        QTRY_COMPARE_WITH_TIMEOUT(notifications.count(), 2, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(records.count(), 2, kTimeoutMs);
        QCOMPARE(records.at(1).at(0).toString(), u"residents"_s);
    }

    void demoSeedAnnouncesEachTableOnce()
    {
        std::unique_ptr<Database> other;
        EventBus bus(receiverDb(other));
        bus.setRecordsDelayMs(0);
        QSignalSpy records(&bus, &EventBus::recordsChanged);
        QSignalSpy notifications(&bus, &EventBus::notificationEvent);
        // What is published, before any coalescing (seen in-process on SQLite only).
        QStringList published;
        connect(&m_t->db(), &Database::localEvent, this, [&published](const QJsonObject &e) {
            if (e.value(u"type"_s).toString() == u"records")
                published << e.value(u"table"_s).toString();
        });
        QVERIFY(startAndWait(bus));

        DemoSeeder::Options options;
        options.residents = 120;
        const Result<DemoSeeder::Summary> seeded =
            DemoSeeder(m_t->db(), Actor{u"seeder"_s, Actor::Role::Admin}).seed(options, {});
        QVERIFY2(seeded, qPrintable(seeded.error().text()));
        QVERIFY(publishMarker(m_t->db(), u"marker"_s));
        QTRY_COMPARE_WITH_TIMEOUT(notifications.count(), 1, kTimeoutMs);
        auto tables = [&records] {
            QStringList list;
            for (const QList<QVariant> &args : records)
                list << args.at(0).toString();
            list.sort();
            return list;
        };
        const QStringList expected{u"allocations"_s,
                                   u"buildings"_s,
                                   u"maintenance_comments"_s,
                                   u"maintenance_plans"_s,
                                   u"maintenance_requests"_s,
                                   u"maintenance_technicians"_s,
                                   u"residents"_s,
                                   u"rooms"_s,
                                   u"waitlist"_s};
        QTRY_COMPARE_WITH_TIMEOUT(tables(), expected, kTimeoutMs);
        if (!isPostgreSQL()) {
            published.sort();
            QCOMPARE(published, expected);
        }
    }

    void listenerSurvivesTerminatedBackend()
    {
        if (!isPostgreSQL())
            QSKIP("the listening connection exists on PostgreSQL only");
        std::unique_ptr<Database> other = m_t->openAnother();
        EventBus bus(*other);
        QSignalSpy resynced(&bus, &EventBus::resynced);
        QSignalSpy jobs(&bus, &EventBus::jobEvent);
        QVERIFY(startAndWait(bus));

        // The GUI thread must stay responsive while the listener reconnects.
        QElapsedTimer sinceTick;
        qint64 longestGapMs = 0;
        QTimer ticker;
        ticker.setInterval(20);
        connect(&ticker, &QTimer::timeout, this,
                [&] { longestGapMs = qMax(longestGapMs, sinceTick.restart()); });
        sinceTick.start();
        ticker.start();

        // Materialized first, so that no other backend (this test's own included) is
        // ever passed to pg_terminate_backend.
        SqlStatement kill(m_t->db(),
                          u"WITH targets AS MATERIALIZED (SELECT pid FROM pg_stat_activity "
                          "WHERE application_name = ? AND datname = current_database()) "
                          "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM targets"_s);
        kill.bind(QString::fromLatin1(Events::listenerApplicationName));
        QVERIFY(kill.exec());
        QVERIFY(kill.next());
        QVERIFY(kill.value(0).toInt() >= 1);

        QTRY_COMPARE_WITH_TIMEOUT(resynced.count(), 1, kTimeoutMs);
        QVERIFY(bus.isListening());
        QVERIFY(JobStore::publishEvent(m_t->db(), sampleJob(), 2));
        QTRY_COMPARE_WITH_TIMEOUT(jobs.count(), 1, kTimeoutMs);
        ticker.stop();
        QVERIFY2(longestGapMs < 1000, qPrintable(u"the event loop stalled for %1 ms"_s.arg(longestGapMs)));
    }

    void destructionDoesNotHangWithoutServer()
    {
        if (!isPostgreSQL())
            QSKIP("the listening thread exists on PostgreSQL only");
        // A port nothing listens on: every attempt fails and the listener keeps retrying.
        DatabaseConfig config = m_t->config();
        config.host = u"127.0.0.1"_s;
        config.port = 1;
        Database unreachable(config);
        QElapsedTimer timer;
        timer.start();
        {
            EventBus bus(unreachable);
            QSignalSpy listening(&bus, &EventBus::listening);
            bus.start();
            QVERIFY(!listening.wait(300));
            QVERIFY(!bus.isListening());
        }
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestEvents)
#include "tst_events.moc"
