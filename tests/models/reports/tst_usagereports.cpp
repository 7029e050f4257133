#include "models/reports/usagereportrepository.h"
#include "models/reports/usagereports.h"
#include "tests/models/reports/reportseed.h"
#include "tests/support/testdatabase.h"

#include <QMap>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace UsageReports;

// The period reports' figures on seeded rows, read as a person (PostgreSQL: a housing
// clerk for housing and maintenance, a vet for the lab) on both backends.
class TestUsageReports : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestDatabase> m_t;
    ReportSeed::Housing m_housing;

    Actor housing() { return TestDatabase::actorFor(TestDatabase::Person::Housing, u"alice"_s, Actor::Role::Housing); }
    Actor vet() { return TestDatabase::actorFor(TestDatabase::Person::Vet, u"vera"_s, Actor::Role::Vet); }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        std::unique_ptr<Database> installer = m_t->openAsInstaller();
        m_housing = ReportSeed::housing(*installer);
        QCOMPARE(m_housing.stays.size(), 160);
        ReportSeed::maintenance(*installer);
        ReportSeed::lab(*installer);
    }

    void occupancyMatchesADayByDayCount_data()
    {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::newRow("the year 2026") << QDate(2026, 1, 1) << QDate(2026, 12, 31);
        QTest::newRow("one day") << QDate(2026, 6, 15) << QDate(2026, 6, 15);
        QTest::newRow("a month across the seeded start") << QDate(2025, 10, 15) << QDate(2025, 11, 14);
        QTest::newRow("before anything") << QDate(2020, 1, 1) << QDate(2020, 1, 31);
    }

    void occupancyMatchesADayByDayCount()
    {
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        UsageReportRepository repo(m_t->dbAs(TestDatabase::Person::Housing), housing());
        const auto rooms = repo.rooms();
        QVERIFY2(rooms, qPrintable(rooms.error().text()));
        const auto stays = repo.stays(from, to);
        QVERIFY2(stays, qPrintable(stays.error().text()));
        const OccupancyReport report = occupancy(from, to, rooms.value(), stays.value());

        // The test's own count: every day of the period, every stay that holds a bed
        // that night (not cancelled; a checked-out stay until the day it left).
        QMap<std::pair<QString, QString>, qint64> occupied;
        QMap<std::pair<QString, QString>, int> beds;
        QHash<qint64, ReportSeed::SeedRoom> roomById;
        for (const ReportSeed::SeedRoom &r : m_housing.rooms) {
            roomById.insert(r.id, r);
            beds[{r.building, r.type}] += r.capacity;
            occupied[{r.building, r.type}] += 0;
        }
        for (QDate d = from; d <= to; d = d.addDays(1)) {
            for (const ReportSeed::SeedStay &s : m_housing.stays) {
                if (s.state == u"cancelled")
                    continue;
                QDate end = s.to;
                if (s.state == u"checked_out" && (!end.isValid() || s.checkedOutOn < end))
                    end = std::max(s.checkedOutOn, s.from);
                if (s.from <= d && (!end.isValid() || d < end)) {
                    const ReportSeed::SeedRoom &r = roomById[s.roomId];
                    ++occupied[{r.building, r.type}];
                }
            }
        }
        const qint64 days = from.daysTo(to) + 1;
        QCOMPARE(report.days, int(days));
        QCOMPARE(report.rows.size(), occupied.size());
        qint64 all = 0;
        for (const OccupancyRow &row : report.rows) {
            const std::pair<QString, QString> key{row.buildingCode, row.roomType};
            QVERIFY2(occupied.contains(key), qPrintable(row.buildingCode + u'/' + row.roomType));
            QCOMPARE(row.beds, beds.value(key));
            QCOMPARE(row.bedNights, beds.value(key) * days);
            QCOMPARE(row.bedNightsOccupied, occupied.value(key));
            all += occupied.value(key);
        }
        QCOMPARE(report.total.bedNightsOccupied, all);
        QCOMPARE(report.total.beds, 9);
        if (from.year() == 2026 && days > 300)
            QVERIFY2(all > 0, "the seeded stays occupy beds in 2026");

        const ReportTable table = occupancyTable(report);
        const QString csv = QString::fromUtf8(table.toCsv());
        QVERIFY(csv.startsWith(u"Building,Room type,Rooms,Beds,Bed-nights,Occupied,Occupancy\r\n"_s));
        QVERIFY2(csv.contains(u"Total,,5,9,%1,%2,"_s.arg(9 * days).arg(all)), qPrintable(csv));
    }

    void maintenanceFigures()
    {
        UsageReportRepository repo(m_t->dbAs(TestDatabase::Person::Housing), housing());
        const auto items = repo.maintenanceItems(QDate(2026, 1, 1), QDate(2026, 12, 31));
        QVERIFY2(items, qPrintable(items.error().text()));
        QCOMPARE(items->size(), 5); // the one reported in 2025 is outside
        const MaintenanceReport r = maintenance(QDate(2026, 1, 1), QDate(2026, 12, 31), items.value());
        QCOMPARE(r.rows.size(), 2);
        const MaintenanceRow &plumbing = r.rows.at(0); // plumbing comes before heating
        QCOMPARE(plumbing.category, u"plumbing"_s);
        QCOMPARE(plumbing.buildingCode, u"NH"_s);
        QCOMPARE(plumbing.requests, 3);
        QCOMPARE(plumbing.done, 2);
        QCOMPARE(plumbing.open, 1);
        QCOMPARE(plumbing.doneOnTarget, 1);
        QCOMPARE(plumbing.medianHoursToDone, 29.0); // 10 h and 48 h
        QCOMPARE(plumbing.estimatedCents, 25000);
        const MaintenanceRow &heating = r.rows.at(1);
        QCOMPARE(heating.category, u"heating"_s);
        QCOMPARE(heating.buildingCode, u"SH"_s);
        QCOMPARE(heating.requests, 2);
        QCOMPARE(heating.done, 1);
        QCOMPARE(heating.cancelled, 1);
        QCOMPARE(heating.doneOnTarget, 1);
        QCOMPARE(heating.medianHoursToDone, 6.0);
        QCOMPARE(heating.estimatedCents, 0); // the cancelled one's estimate does not count
        QCOMPARE(r.total.requests, 5);
        QCOMPARE(r.total.done, 3);
        QCOMPARE(r.total.doneOnTarget, 2);
        QCOMPARE(r.total.medianHoursToDone, 10.0);
        QCOMPARE(r.total.estimatedCents, 25000);
        const QString csv = QString::fromUtf8(maintenanceTable(r).toCsv());
        QVERIFY2(csv.contains(u"plumbing,NH,3,2,1,0,50.00,29.0,250.00\r\n"_s), qPrintable(csv));
        QVERIFY2(csv.contains(u"heating,SH,2,1,0,1,100.00,6.0,0.00\r\n"_s), qPrintable(csv));
        QVERIFY2(csv.contains(u"Total,,5,3,1,1,66.67,10.0,250.00\r\n"_s), qPrintable(csv));
    }

    void turnaroundFigures()
    {
        UsageReportRepository repo(m_t->dbAs(TestDatabase::Person::Vet), vet());
        const auto items = repo.turnaroundItems(QDate(2026, 1, 1), QDate(2026, 12, 31));
        QVERIFY2(items, qPrintable(items.error().text()));
        const TurnaroundReport r = turnaround(QDate(2026, 1, 1), QDate(2026, 12, 31), items.value());
        QCOMPARE(r.rows.size(), 3);
        QCOMPARE(r.rows.at(0).species, u"Cattle"_s);
        QCOMPARE(r.rows.at(0).analysis, u"BIO Biochemistry"_s);
        QCOMPARE(r.rows.at(0).protocols, 1);
        QCOMPARE(r.rows.at(0).medianHours, 48.0);
        QCOMPARE(r.rows.at(1).analysis, u"HEM Hematology"_s);
        QCOMPARE(r.rows.at(1).protocols, 2);
        QCOMPARE(r.rows.at(1).medianHours, 36.0);
        QCOMPARE(r.rows.at(1).maxHours, 48.0);
        QCOMPARE(r.rows.at(2).species, u"Dog"_s);
        QCOMPARE(r.rows.at(2).analysis, QString());
        QCOMPARE(r.rows.at(2).medianHours, 12.0);
        QCOMPARE(r.total.protocols, 3);
        QCOMPARE(r.total.medianHours, 24.0);
        QCOMPARE(r.total.meanHours, 28.0);
        const QString csv = QString::fromUtf8(turnaroundTable(r).toCsv());
        QVERIFY2(csv.contains(u"Cattle,HEM Hematology,2,36.0,36.0,48.0\r\n"_s), qPrintable(csv));
        QVERIFY2(csv.contains(u"Dog,(none requested),1,12.0,12.0,12.0\r\n"_s), qPrintable(csv));
        QVERIFY2(csv.contains(u"Total,,3,24.0,28.0,48.0\r\n"_s), qPrintable(csv));
    }

    void badPeriodsNameTheField_data()
    {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<QString>("field");
        QTest::newRow("no from") << QDate() << QDate(2026, 1, 1) << u"from"_s;
        QTest::newRow("no to") << QDate(2026, 1, 1) << QDate() << u"to"_s;
        QTest::newRow("backwards") << QDate(2026, 2, 1) << QDate(2026, 1, 1) << u"to"_s;
        QTest::newRow("eleven years") << QDate(2015, 1, 1) << QDate(2026, 1, 1) << u"to"_s;
    }

    void badPeriodsNameTheField()
    {
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(QString, field);
        const auto r = UsageReportRepository(m_t->db(), housing()).stays(from, to);
        QVERIFY(!r);
        QCOMPARE(r.error().code, DbError::Code::Validation);
        QCOMPARE(r.error().fields.value(0).field, field);
    }

    // PostgreSQL refuses a vet the housing rows (the report job runs as its creator); the
    // embedded file has one person, who reads everything.
    void aVetMayNotReadTheAllocations()
    {
        const auto r = UsageReportRepository(m_t->dbAs(TestDatabase::Person::Vet), vet()).stays(QDate(2026, 1, 1),
                                                                                                QDate(2026, 1, 31));
        if (TestDatabase::isPostgreSQL()) {
            QVERIFY(!r);
            QCOMPARE(r.error().code, DbError::Code::PermissionDenied);
        } else {
            QVERIFY2(r, qPrintable(r.error().text()));
        }
    }
};

QTEST_GUILESS_MAIN(TestUsageReports)
#include "tst_usagereports.moc"
