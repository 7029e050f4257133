#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "tasks/jobclock.h"
#include "tasks/jobstore.h"
#include "tasks/notificationstore.h"
#include "tests/support/testdatabase.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kStart = 1'700'000'000'000; // 2023-11-14T22:13:20Z

Notification make(const QString &user, const QString &title,
                  Notification::Kind kind = Notification::Kind::Attention)
{
    Notification n;
    n.username = user;
    n.title = title;
    n.kind = kind;
    return n;
}
} // namespace

class TestNotificationStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<Database> m_installer;

private Q_SLOTS:
    void initTestCase()
    {
        // The store's own behaviour, as a worker uses it (a worker leaves notifications
        // for everybody and reads them all); what each person sees is
        // eachPersonSeesOnlyTheirOwn.
        QString error;
        m_t = TestDatabase::create(&error, true, TestDatabase::Person::Worker);
        QVERIFY2(m_t, qPrintable(error));
    }
    void cleanupTestCase()
    {
        m_installer.reset();
        m_t.reset();
    }

    void init()
    {
        QVERIFY(m_t);
        // A clean slate, as the installer: a worker may not delete recurring jobs.
        if (!m_installer)
            m_installer = m_t->openAsInstaller();
        for (const char *table : {"notifications", "jobs", "recurring_jobs"})
            QVERIFY(SqlStatement::run(*m_installer, u"DELETE FROM "_s + QLatin1String(table)));
    }

    void addAndListNewestFirst()
    {
        ManualClock clock(kStart);
        NotificationStore store(m_t->db(), clock);
        Notification first =
            make(u"alice"_s, u"Import residents finished"_s, Notification::Kind::JobSucceeded);
        first.body = u"120 residents imported"_s;
        first.link = u"resident:7"_s;
        const Result<qint64> a = store.add(first);
        QVERIFY2(a, qPrintable(a.error().text()));
        clock.advance(1000);
        const Result<qint64> b = store.add(make(u"alice"_s, u"Second"_s, Notification::Kind::JobFailed));
        QVERIFY(b);
        QVERIFY(store.add(make(u"bob"_s, u"Not for alice"_s)));

        const auto list = store.list(u"alice"_s);
        QVERIFY2(list, qPrintable(list.error().text()));
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).id, b.value());
        QCOMPARE(list->at(0).kind, Notification::Kind::JobFailed);
        QCOMPARE(list->at(0).createdAt, kStart + 1000);
        const Notification &got = list->at(1);
        QCOMPARE(got.id, a.value());
        QCOMPARE(got.username, u"alice"_s);
        QCOMPARE(got.kind, Notification::Kind::JobSucceeded);
        QCOMPARE(got.title, first.title);
        QCOMPARE(got.body, first.body);
        QCOMPARE(got.link, first.link);
        QCOMPARE(got.jobId, 0);
        QCOMPARE(got.createdAt, kStart);
        QCOMPARE(got.readAt, 0);

        const auto limited = store.list(u"alice"_s, 1);
        QVERIFY(limited);
        QCOMPARE(limited->size(), 1);
        QCOMPARE(limited->first().id, b.value());
    }

    void kindCodesRoundTrip_data()
    {
        QTest::addColumn<Notification::Kind>("kind");
        QTest::newRow("job succeeded") << Notification::Kind::JobSucceeded;
        QTest::newRow("job failed") << Notification::Kind::JobFailed;
        QTest::newRow("job cancelled") << Notification::Kind::JobCancelled;
        QTest::newRow("attention") << Notification::Kind::Attention;
    }
    void kindCodesRoundTrip()
    {
        QFETCH(Notification::Kind, kind);
        QCOMPARE(Notification::kindFromCode(Notification::kindCode(kind)), kind);
        NotificationStore store(m_t->db());
        QVERIFY(store.add(make(u"carol"_s, u"t"_s, kind)));
        QCOMPARE(store.list(u"carol"_s)->first().kind, kind);
    }

    void unreadCountAndMarkRead()
    {
        ManualClock clock(kStart);
        NotificationStore store(m_t->db(), clock);
        QList<qint64> ids;
        for (int i = 0; i < 3; ++i)
            ids << store.add(make(u"alice"_s, u"n%1"_s.arg(i))).value();
        QVERIFY(store.add(make(u"bob"_s, u"b"_s)));
        QCOMPARE(store.unreadCount(u"alice"_s).value(), 3);
        QCOMPARE(store.unreadCount(u"bob"_s).value(), 1);
        QCOMPARE(store.unreadCount(u"nobody"_s).value(), 0);

        clock.advance(5000);
        QVERIFY(store.markRead(ids[1], u"alice"_s));
        QCOMPARE(store.unreadCount(u"alice"_s).value(), 2);
        // Marking it again is harmless and keeps the first read time.
        clock.advance(5000);
        QVERIFY(store.markRead(ids[1], u"alice"_s));
        const QList<Notification> list = store.list(u"alice"_s).value();
        for (const Notification &n : list)
            QCOMPARE(n.readAt, n.id == ids[1] ? kStart + 5000 : 0);

        // Another user's notification is not found for bob, and stays unread.
        const VoidResult foreign = store.markRead(ids[0], u"bob"_s);
        QVERIFY(!foreign);
        QCOMPARE(foreign.error().code, DbError::Code::NotFound);
        QCOMPARE(store.unreadCount(u"alice"_s).value(), 2);
        QCOMPARE(store.markRead(999999, u"alice"_s).error().code, DbError::Code::NotFound);

        QVERIFY(store.markAllRead(u"alice"_s));
        QCOMPARE(store.unreadCount(u"alice"_s).value(), 0);
        QCOMPARE(store.unreadCount(u"bob"_s).value(), 1);
        QVERIFY(store.markAllRead(u"alice"_s)); // nothing left to mark
    }

    void addValidates()
    {
        NotificationStore store(m_t->db());
        const auto noUser = store.add(make(u" "_s, u"title"_s));
        QVERIFY(!noUser);
        QCOMPARE(noUser.error().code, DbError::Code::Validation);
        QCOMPARE(noUser.error().fields.first().field, u"username"_s);
        const auto noTitle = store.add(make(u"alice"_s, QString()));
        QVERIFY(!noTitle);
        QCOMPARE(noTitle.error().fields.first().field, u"title"_s);
    }

    void longTitleIsClipped()
    {
        NotificationStore store(m_t->db());
        QVERIFY(store.add(make(u"alice"_s, QString(400, u'x'))));
        QCOMPARE(store.list(u"alice"_s)->first().title.size(), 300);
    }

    void addJoinsCallersTransaction()
    {
        NotificationStore store(m_t->db());
        {
            Transaction tx(m_t->db());
            QVERIFY(tx.ok());
            QVERIFY(store.add(make(u"alice"_s, u"rolled back"_s)));
        }
        QCOMPARE(store.unreadCount(u"alice"_s).value(), 0);
        {
            Transaction tx(m_t->db());
            QVERIFY(store.add(make(u"alice"_s, u"kept"_s)));
            QVERIFY(tx.commit());
        }
        QCOMPARE(store.unreadCount(u"alice"_s).value(), 1);
    }

    void jobIdIsClearedWhenTheJobIsPruned()
    {
        ManualClock clock(kStart);
        JobStore jobs(m_t->db(), clock);
        NotificationStore store(m_t->db(), clock);
        JobRequest request;
        request.kind = u"diag.noop"_s;
        const auto queued = jobs.enqueue(request, Actor{u"alice"_s});
        QVERIFY(queued);
        Notification n = make(u"alice"_s, u"about a job"_s);
        n.jobId = queued->id;
        n.link = u"job:%1"_s.arg(queued->id);
        QVERIFY(store.add(n));
        QCOMPARE(store.list(u"alice"_s)->first().jobId, queued->id);

        QVERIFY(jobs.requestCancel(queued->id));
        QCOMPARE(jobs.prune(kStart + 1).value(), 1);
        const auto after = store.list(u"alice"_s);
        QCOMPARE(after->size(), 1);
        QCOMPARE(after->first().jobId, 0);
        QCOMPARE(after->first().link, n.link);
    }

    // PostgreSQL's row-level security: a person reads, counts and marks only their own
    // notifications, whatever the store is asked; leaving one for somebody else is for
    // workers and administrators.
    void eachPersonSeesOnlyTheirOwn()
    {
        if (!m_t->db().isPostgreSQL())
            QSKIP("the embedded SQLite file has one person");
        const QString housing = TestDatabase::login(TestDatabase::Person::Housing);
        const QString vet = TestDatabase::login(TestDatabase::Person::Vet);
        NotificationStore worker(m_t->db());
        const qint64 forHousing = worker.add(make(housing, u"for housing"_s)).value();
        const qint64 forVet = worker.add(make(vet, u"for the vet"_s)).value();

        NotificationStore asHousing(m_t->dbAs(TestDatabase::Person::Housing));
        QCOMPARE(asHousing.list(housing)->size(), 1);
        QCOMPARE(asHousing.list(vet)->size(), 0); // asked for another's: nothing
        QCOMPARE(asHousing.unreadCount(vet).value(), 0);
        QCOMPARE(asHousing.markRead(forVet, vet).error().code, DbError::Code::NotFound);
        QVERIFY(!asHousing.add(make(vet, u"forged"_s))); // refused by the database
        QVERIFY(asHousing.markRead(forHousing, housing));

        NotificationStore asVet(m_t->dbAs(TestDatabase::Person::Vet));
        QCOMPARE(asVet.unreadCount(vet).value(), 1);
        QCOMPARE(asVet.list(housing)->size(), 0);
        QCOMPARE(worker.list(vet)->size(), 1); // the forged one was never written
    }

    void addPublishesAnEvent()
    {
        if (m_t->db().isPostgreSQL())
            QSKIP("events travel through LISTEN/NOTIFY on PostgreSQL (see tst_events)");
        QSignalSpy spy(&m_t->db(), &Database::localEvent);
        NotificationStore store(m_t->db());
        const qint64 id = store.add(make(u"alice"_s, u"t"_s)).value();
        QCOMPARE(spy.size(), 1);
        const QJsonObject event = spy.at(0).at(0).toJsonObject();
        QCOMPARE(event.value(u"type"_s).toString(), u"notification"_s);
        QCOMPARE(event.value(u"user"_s).toString(), u"alice"_s);
        QVERIFY(store.markRead(id, u"alice"_s));
        QCOMPARE(spy.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestNotificationStore)
#include "tst_notificationstore.moc"
