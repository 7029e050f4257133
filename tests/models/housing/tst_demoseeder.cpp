#include "models/db/sqlstatement.h"
#include "models/housing/demoseeder.h"
#include "models/housing/residentrepository.h"
#include "models/maintenance/maintenancerepository.h"
#include "tests/support/testdatabase.h"

#include <QDate>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QStringList residentRows(Database &db)
{
    QStringList rows;
    SqlStatement st(db, QStringLiteral("SELECT student_id, first_name, last_name, email, phone, status FROM residents "
                                       "ORDER BY student_id"));
    if (!st.exec())
        return rows;
    while (st.next()) {
        QStringList cols;
        for (int i = 0; i < 6; ++i)
            cols << st.value(i).toString();
        rows << cols.join(QLatin1Char('|'));
    }
    return rows;
}

qint64 count(Database &db, const QString &table)
{
    // Fixed table names from this file only.
    SqlStatement st(db, QStringLiteral("SELECT COUNT(*) FROM ") + table);
    if (!st.exec() || !st.next())
        return -1;
    return st.value(0).toLongLong();
}

} // namespace

class TestDemoSeeder : public QObject
{
    Q_OBJECT

private:
    Actor m_actor{QStringLiteral("seeder"), Actor::Role::Admin};

    std::unique_ptr<TestDatabase> fresh()
    {
        QString error;
        std::unique_ptr<TestDatabase> t = TestDatabase::create(&error);
        if (!t)
            qWarning("%s", qPrintable(error));
        return t;
    }

private Q_SLOTS:
    void countsAndContent()
    {
        std::unique_ptr<TestDatabase> t = fresh();
        QVERIFY(t);
        QList<std::pair<int, int>> progress;
        const Result<DemoSeeder::Summary> s = DemoSeeder(t->db(), m_actor).seed(
            {2500, 7}, [&](int done, int total) { progress.append({done, total}); });
        QVERIFY2(s, qPrintable(s.error().text() + s.error().detail));
        QCOMPARE(s->residents, 2500);
        QCOMPARE(s->buildings, 6);
        QVERIFY(s->rooms >= 6 * 3 * 20);
        QCOMPARE(count(t->db(), QStringLiteral("residents")), qint64(2500));
        QCOMPARE(count(t->db(), QStringLiteral("buildings")), qint64(6));
        QCOMPARE(count(t->db(), QStringLiteral("rooms")), qint64(s->rooms));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last(), std::make_pair(2500, 2500));

        // Every seeded row passes the application's own validation.
        for (const QString &row : residentRows(t->db())) {
            const QStringList c = row.split(QLatin1Char('|'));
            Resident r;
            r.studentId = c[0];
            r.firstName = c[1];
            r.lastName = c[2];
            r.email = c[3];
            r.phone = c[4];
            QVERIFY2(ResidentRepository::validate(r).isEmpty(), qPrintable(row));
            QVERIFY(c[0].size() == 9 && c[0].startsWith(QLatin1Char('S')));
            QVERIFY(c[3].endsWith(QLatin1String("@students.example.edu")));
        }
        // Rooms lie within their building's floors.
        SqlStatement st(t->db(), QStringLiteral("SELECT COUNT(*) FROM rooms r JOIN buildings b ON b.id = r.building_id "
                                                "WHERE r.floor >= b.floors"));
        QVERIFY(st.exec());
        QVERIFY(st.next());
        QCOMPARE(st.value(0).toInt(), 0);
    }

    void sameSeedSameData()
    {
        std::unique_ptr<TestDatabase> a = fresh();
        std::unique_ptr<TestDatabase> b = fresh();
        std::unique_ptr<TestDatabase> c = fresh();
        QVERIFY(a && b && c);
        QVERIFY(DemoSeeder(a->db(), m_actor).seed({500, 42}));
        QVERIFY(DemoSeeder(b->db(), m_actor).seed({500, 42}));
        QVERIFY(DemoSeeder(c->db(), m_actor).seed({500, 43}));
        const QStringList ra = residentRows(a->db());
        QCOMPARE(ra.size(), 500);
        QCOMPARE(residentRows(b->db()), ra);
        QVERIFY(residentRows(c->db()) != ra);
    }

    // A maintenance day: technicians, requests in every state with some overdue, plans;
    // added once (a second seed adds none).
    void maintenanceDay()
    {
        std::unique_ptr<TestDatabase> t = fresh();
        QVERIFY(t);
        QVERIFY(DemoSeeder(t->db(), m_actor).seed({200, 9}));
        QCOMPARE(count(t->db(), QStringLiteral("maintenance_technicians")), qint64(5));
        QCOMPARE(count(t->db(), QStringLiteral("maintenance_plans")), qint64(3));
        const qint64 requests = count(t->db(), QStringLiteral("maintenance_requests"));
        QVERIFY(requests >= 20);
        QStringList states;
        SqlStatement st(t->db(), QStringLiteral("SELECT DISTINCT state FROM maintenance_requests ORDER BY state"));
        QVERIFY(st.exec());
        while (st.next())
            states << st.value(0).toString();
        QCOMPARE(states, (QStringList{QStringLiteral("assigned"), QStringLiteral("cancelled"), QStringLiteral("done"),
                                      QStringLiteral("in_progress"), QStringLiteral("open"),
                                      QStringLiteral("scheduled")}));
        const Result<int> overdue =
            MaintenanceRepository(t->db(), m_actor).overdueCount(QDateTime::currentDateTimeUtc());
        QVERIFY(overdue && overdue.value() > 0 && overdue.value() < requests);
        // Reported by residents and by staff; rooms and common areas.
        QVERIFY(count(t->db(), QStringLiteral("maintenance_requests WHERE reported_by_resident_id IS NOT NULL")) > 0);
        QVERIFY(count(t->db(), QStringLiteral("maintenance_requests WHERE room_id IS NULL")) > 0);

        QVERIFY(DemoSeeder(t->db(), m_actor).seed({200, 9}));
        QCOMPARE(count(t->db(), QStringLiteral("maintenance_requests")), requests);
        QCOMPARE(count(t->db(), QStringLiteral("maintenance_technicians")), qint64(5));
    }

    // The stays of an ordinary day: most active residents hold a bed, some arrive or
    // leave this week, last term's graduates checked out; never more stays in a room
    // than it has beds; once per database.
    void staysAroundToday()
    {
        std::unique_ptr<TestDatabase> t = fresh();
        QVERIFY(t);
        Database &db = t->db();
        QVERIFY(DemoSeeder(db, m_actor).seed({600, 3}));
        const QDate today = QDate::currentDate();
        const auto scalar = [&db](const QString &sql, const QVariantList &values = {}) {
            SqlStatement st(db, sql);
            for (const QVariant &v : values)
                st.bind(v);
            return st.exec() && st.next() ? st.value(0).toLongLong() : qint64(-1);
        };
        const QString in7 = today.addDays(7).toString(Qt::ISODate);
        const QString now = today.toString(Qt::ISODate);
        const qint64 held = scalar(u"SELECT COUNT(DISTINCT resident_id) FROM allocations WHERE state IN "
                                   "('reserved', 'checked_in')"_s);
        const qint64 active = scalar(u"SELECT COUNT(*) FROM residents WHERE status = 'active'"_s);
        QVERIFY2(held * 10 >= active * 7, qPrintable(u"%1 of %2 active residents hold a bed"_s.arg(held).arg(active)));
        QVERIFY(scalar(u"SELECT COUNT(*) FROM allocations WHERE state = 'reserved' AND starts_on >= ? AND "
                       "starts_on < ?"_s,
                       {now, in7}) > 0);
        QVERIFY(scalar(u"SELECT COUNT(*) FROM allocations WHERE state = 'checked_in' AND ends_on > ? AND "
                       "ends_on <= ?"_s,
                       {now, in7}) > 0);
        QVERIFY(scalar(u"SELECT COUNT(*) FROM allocations WHERE state = 'checked_out'"_s) > 0);
        // The waitlist's eight hold no bed.
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM allocations a JOIN waitlist_entries w ON w.resident_id = "
                        "a.resident_id"_s),
                 qint64(0));
        for (int day = 0; day < 8; ++day) {
            const QString d = today.addDays(day).toString(Qt::ISODate);
            QCOMPARE(scalar(u"SELECT COUNT(*) FROM rooms r WHERE r.capacity < (SELECT COUNT(*) FROM allocations a "
                            "WHERE a.room_id = r.id AND a.state IN ('reserved', 'checked_in') AND a.starts_on <= ? "
                            "AND (a.ends_on IS NULL OR a.ends_on > ?))"_s,
                            {d, d}),
                     qint64(0));
        }
        // Nobody holds two beds at once.
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM allocations a JOIN allocations b ON b.resident_id = a.resident_id "
                        "AND b.id > a.id WHERE a.state <> 'cancelled' AND b.state <> 'cancelled' AND "
                        "a.starts_on < COALESCE(b.ends_on, '9999-12-31') AND b.starts_on < COALESCE(a.ends_on, "
                        "'9999-12-31')"_s),
                 qint64(0));
        const qint64 stays = count(db, u"allocations"_s);
        QVERIFY(DemoSeeder(db, m_actor).seed({600, 3}));
        QCOMPARE(count(db, u"allocations"_s), stays);
    }

    void reseedAddsNothing()
    {
        std::unique_ptr<TestDatabase> t = fresh();
        QVERIFY(t);
        const Result<DemoSeeder::Summary> first = DemoSeeder(t->db(), m_actor).seed({1200, 5});
        QVERIFY(first);
        const QStringList before = residentRows(t->db());
        const qint64 rooms = count(t->db(), QStringLiteral("rooms"));
        const Result<DemoSeeder::Summary> again = DemoSeeder(t->db(), m_actor).seed({1200, 5});
        QVERIFY2(again, qPrintable(again.error().text() + again.error().detail));
        QCOMPARE(again->buildings, 0);
        QCOMPARE(again->rooms, 0);
        QCOMPARE(again->residents, 0);
        QCOMPARE(residentRows(t->db()), before);
        QCOMPARE(count(t->db(), QStringLiteral("rooms")), rooms);

        // More residents later: only the missing ones are added.
        const Result<DemoSeeder::Summary> more = DemoSeeder(t->db(), m_actor).seed({1500, 5});
        QVERIFY(more);
        QCOMPARE(more->residents, 300);
        QCOMPARE(count(t->db(), QStringLiteral("residents")), qint64(1500));
    }

    // Many batches (several transactions and statements of each size): every row arrives once.
    // Its speed is measured by residesk-bench (residents_100k_first_window seeds 100,000).
    void manyBatches()
    {
        std::unique_ptr<TestDatabase> t = fresh();
        QVERIFY(t);
        QList<int> progress;
        const Result<DemoSeeder::Summary> s =
            DemoSeeder(t->db(), m_actor).seed({5003, 1}, [&progress](int done, int) { progress << done; });
        QVERIFY2(s, qPrintable(s.error().text() + s.error().detail));
        QCOMPARE(s->residents, 5003);
        QCOMPARE(count(t->db(), QStringLiteral("residents")), qint64(5003));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last(), 5003);
    }
};

QTEST_GUILESS_MAIN(TestDemoSeeder)
#include "tst_demoseeder.moc"
