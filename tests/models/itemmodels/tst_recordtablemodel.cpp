#include "models/db/dbexecutor.h"
#include "models/db/sqlstatement.h"
#include "models/housing/demoseeder.h"
#include "models/housing/residentrepository.h"
#include "models/housing/roomrepository.h"
#include "models/itemmodels/buildingstablemodel.h"
#include "models/itemmodels/recordfilterproxymodel.h"
#include "models/itemmodels/residentstablemodel.h"
#include "models/itemmodels/roomstablemodel.h"
#include "tests/support/testdatabase.h"

#include <QDate>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

namespace {

QList<qint64> queryIds(Database &db, const QString &sql)
{
    QList<qint64> ids;
    SqlStatement st(db, sql);
    if (!st.exec())
        return ids;
    while (st.next())
        ids.append(st.value(0).toLongLong());
    return ids;
}

QList<qint64> modelIds(const RecordTableModel &model, int rows)
{
    QList<qint64> ids;
    for (int row = 0; row < rows && row < model.rowCount(); ++row)
        ids.append(model.idAt(row));
    return ids;
}

} // namespace

class TestRecordTableModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<DbExecutor> m_executor;
    static constexpr int kResidents = 1000;
    static constexpr int kTimeout = 15000;

    // Waits until `spy` has seen `count` pages, and checks that the event loop kept
    // turning meanwhile (a ticking timer): the model never blocks the GUI thread.
    static bool waitForPages(QSignalSpy &spy, int count)
    {
        QTimer ticker;
        int ticks = 0;
        ticker.setInterval(5);
        QObject::connect(&ticker, &QTimer::timeout, &ticker, [&ticks] { ++ticks; });
        ticker.start();
        QElapsedTimer elapsed;
        elapsed.start();
        while (spy.count() < count && elapsed.elapsed() < kTimeout)
            QTest::qWait(5);
        if (spy.count() < count) {
            qWarning("timed out waiting for page %d (have %d)", count, int(spy.count()));
            return false;
        }
        // A loop that turned would have ticked at least once in a second, even on a busy
        // machine (a 100 ms bound failed there now and then without a freeze).
        if (elapsed.elapsed() > 1000 && ticks == 0) {
            qWarning("the event loop did not turn while loading");
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        const Result<DemoSeeder::Summary> seeded =
            DemoSeeder(m_t->db(), Actor{QStringLiteral("seeder"), Actor::Role::Admin}).seed({kResidents, 3});
        QVERIFY2(seeded, qPrintable(seeded.error().text() + seeded.error().detail));
        m_executor = std::make_unique<DbExecutor>(m_t->db());
    }

    void cleanupTestCase()
    {
        if (m_executor)
            m_executor->waitForDone();
        m_executor.reset();
        m_t.reset();
    }

    void firstPageThenFetchMore()
    {
        ResidentsTableModel model(*m_executor);
        model.setPageSize(100);
        QSignalSpy pages(&model, &RecordTableModel::pageLoaded);
        QSignalSpy totals(&model, &RecordTableModel::totalCountChanged);
        QSignalSpy failures(&model, &RecordTableModel::loadFailed);
        QCOMPARE(model.rowCount(), 0);
        QTest::qWait(50);
        QCOMPARE(pages.count(), 0); // nothing loads before it is asked to
        model.reload();

        QVERIFY(waitForPages(pages, 1));
        QCOMPARE(pages.first().first().toBool(), true);
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.columnCount(), int(ResidentsTableModel::ColumnCount));
        QVERIFY(model.canFetchMore({}));
        QTRY_COMPARE_WITH_TIMEOUT(model.totalCount(), qint64(kResidents), kTimeout);
        QVERIFY(!totals.isEmpty());

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        int loads = 1;
        while (model.canFetchMore({})) {
            model.fetchMore({});
            // One page at a time: while loading, no second fetch starts. (A page that
            // was ready before the coroutine awaited it arrives at once.)
            if (model.isLoading())
                QVERIFY(!model.canFetchMore({}));
            else
                QCOMPARE(pages.size(), loads + 1);
            ++loads;
            QVERIFY(waitForPages(pages, loads));
            QCOMPARE(pages.last().first().toBool(), false);
            QVERIFY(loads <= 20);
        }
        QCOMPARE(model.rowCount(), kResidents);
        QCOMPARE(loads, 10);
        QCOMPARE(inserted.count(), 9);
        QVERIFY(!model.canFetchMore({}));
        const QList<qint64> ids = modelIds(model, kResidents);
        QCOMPARE(QSet<qint64>(ids.begin(), ids.end()).size(), kResidents);
        QCOMPARE(ids,
                 queryIds(m_t->db(), QStringLiteral("SELECT id FROM residents ORDER BY student_id, id")));
        QCOMPARE(model.rowOfId(ids.at(537)), 537);
        QVERIFY(failures.isEmpty());
    }

    void roles()
    {
        ResidentsTableModel model(*m_executor);
        model.setPageSize(50);
        QSignalSpy pages(&model, &RecordTableModel::pageLoaded);
        model.reload();
        QVERIFY(waitForPages(pages, 1));
        const QModelIndex index = model.index(3, ResidentRepository::Status);
        const Resident r = model.data(index, RecordTableModel::RecordRole).value<Resident>();
        QVERIFY(r.id > 0);
        QCOMPARE(model.data(index, RecordTableModel::IdRole).toLongLong(), r.id);
        QCOMPARE(model.data(index, RecordTableModel::VersionRole).toInt(), r.version);
        QCOMPARE(model.data(index).toString(), Resident::statusLabel(r.status));
        QCOMPARE(model.data(model.index(3, ResidentRepository::Email)).toString(), r.email);
        QCOMPARE(model.residentAt(3), r);
        QCOMPARE(model.headerData(ResidentRepository::LastName, Qt::Horizontal).toString(),
                 QStringLiteral("Last name"));
    }

    void roomColumnSaysWhereTheyHoldABedToday()
    {
        ResidentsTableModel model(*m_executor);
        model.setPageSize(200);
        QSignalSpy pages(&model, &RecordTableModel::pageLoaded);
        model.reload();
        QVERIFY(waitForPages(pages, 1));
        while (model.canFetchMore({})) {
            const int loads = int(pages.size());
            model.fetchMore({});
            QVERIFY(waitForPages(pages, loads + 1));
        }
        QCOMPARE(model.rowCount(), kResidents);
        // The same answer as the allocations table gives, for every resident.
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        SqlStatement st(m_t->db(),
                        QStringLiteral("SELECT a.resident_id, b.code, rm.number FROM allocations a "
                                       "JOIN rooms rm ON rm.id = a.room_id JOIN buildings b ON b.id = "
                                       "rm.building_id WHERE a.state IN ('reserved', 'checked_in') AND "
                                       "a.starts_on <= ? AND (a.ends_on IS NULL OR a.ends_on > ?)"));
        st.bind(today);
        st.bind(today);
        QVERIFY(st.exec());
        QHash<qint64, QString> expected;
        while (st.next())
            expected.insert(st.value(0).toLongLong(), st.value(1).toString() + u'/' + st.value(2).toString());
        QVERIFY2(expected.size() > kResidents / 10, "the demo data holds beds today");
        int shown = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString room = model.data(model.index(row, ResidentsTableModel::RoomColumn)).toString();
            QCOMPARE(room, expected.value(model.idAt(row)));
            shown += room.isEmpty() ? 0 : 1;
        }
        QCOMPARE(shown, int(expected.size()));
        QCOMPARE(model.headerData(ResidentsTableModel::RoomColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Room today"));
        // Read per page, not an order the database can page by.
        QVERIFY(!model.canSort(ResidentsTableModel::RoomColumn));
        QVERIFY(model.canSort(ResidentRepository::LastName));
    }

    void sortDescending()
    {
        ResidentsTableModel model(*m_executor);
        model.setPageSize(100);
        QSignalSpy pages(&model, &RecordTableModel::pageLoaded);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.sort(ResidentRepository::LastName, Qt::DescendingOrder);
        QVERIFY(waitForPages(pages, 1));
        QCOMPARE(model.sortColumn(), int(ResidentRepository::LastName));
        QCOMPARE(model.sortOrder(), Qt::DescendingOrder);
        const QList<qint64> expected =
            queryIds(m_t->db(), QStringLiteral("SELECT id FROM residents ORDER BY last_name DESC, id DESC"));
        QCOMPARE(model.idAt(0), expected.first());
        QCOMPARE(modelIds(model, 100), expected.mid(0, 100));
        QVERIFY(!resets.isEmpty());
        // The next page continues the order across the keyset cursor.
        model.fetchMore({});
        QVERIFY(waitForPages(pages, 2));
        QCOMPARE(modelIds(model, 200), expected.mid(0, 200));
        QCOMPARE(model.data(model.index(0, ResidentRepository::LastName)).toString(),
                 ResidentRepository(m_t->db(), Actor{}).get(expected.first())->lastName);
    }

    void outdatedResultsAreDropped()
    {
        ResidentsTableModel model(*m_executor);
        model.setPageSize(100);
        QSignalSpy pages(&model, &RecordTableModel::pageLoaded);
        model.sort(ResidentRepository::Email, Qt::AscendingOrder);
        // On a busy machine the first query's page may be ready before its coroutine
        // awaits it, and then arrives inside sort(); only a page that arrives after the
        // second sort must be dropped.
        const int early = int(pages.count());
        model.sort(ResidentRepository::FirstName, Qt::DescendingOrder);
        QVERIFY(waitForPages(pages, early + 1));
        QTest::qWait(200); // a late page of the first query must not arrive
        QCOMPARE(pages.count(), early + 1);
        QCOMPARE(
            modelIds(model, 100),
            queryIds(m_t->db(), QStringLiteral("SELECT id FROM residents ORDER BY first_name DESC, id DESC"))
                .mid(0, 100));
    }

    void searchReducesTotalCount()
    {
        ResidentsTableModel model(*m_executor);
        model.setPageSize(100);
        QSignalSpy pages(&model, &RecordTableModel::pageLoaded);
        model.reload();
        QVERIFY(waitForPages(pages, 1));
        QTRY_COMPARE_WITH_TIMEOUT(model.totalCount(), qint64(kResidents), kTimeout);

        ListFilter filter;
        filter.search = QStringLiteral("SMITH");
        const qint64 expected = ResidentRepository(m_t->db(), Actor{}).count(filter).value();
        QVERIFY(expected > 0 && expected < kResidents);
        model.setFilter(filter);
        QVERIFY(waitForPages(pages, 2));
        QTRY_COMPARE_WITH_TIMEOUT(model.totalCount(), expected, kTimeout);
        QCOMPARE(model.rowCount(), int(qMin<qint64>(expected, 100)));
        for (int row = 0; row < model.rowCount(); ++row) {
            const Resident r = model.residentAt(row);
            QVERIFY((r.firstName + r.lastName + r.email + r.studentId)
                        .toLower()
                        .contains(QLatin1String("smith")));
        }
    }

    void proxyForwardsSortAndSearch()
    {
        ResidentsTableModel model(*m_executor);
        model.setPageSize(100);
        RecordFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QCOMPARE(proxy.recordModel(), &model);
        QSignalSpy pages(&model, &RecordTableModel::pageLoaded);

        proxy.sort(ResidentRepository::FirstName, Qt::AscendingOrder);
        QVERIFY(waitForPages(pages, 1));
        QCOMPARE(model.sortColumn(), int(ResidentRepository::FirstName));
        QCOMPARE(proxy.sortColumn(), -1); // the proxy itself never sorts
        QCOMPARE(proxy.rowCount(), model.rowCount());
        const QList<qint64> expected =
            queryIds(m_t->db(), QStringLiteral("SELECT id FROM residents ORDER BY first_name, id"));
        for (int row = 0; row < proxy.rowCount(); ++row)
            QCOMPARE(proxy.data(proxy.index(row, 0), RecordTableModel::IdRole).toLongLong(),
                     expected.at(row));

        // fetchMore through the proxy appends in database order.
        QVERIFY(proxy.canFetchMore({}));
        proxy.fetchMore({});
        QVERIFY(waitForPages(pages, 2));
        QCOMPARE(proxy.rowCount(), 200);
        for (int row = 0; row < proxy.rowCount(); ++row)
            QCOMPARE(proxy.data(proxy.index(row, 0), RecordTableModel::IdRole).toLongLong(),
                     expected.at(row));

        proxy.setSearchText(QStringLiteral("olivia"));
        QCOMPARE(model.filter().search, QStringLiteral("olivia"));
        QVERIFY(waitForPages(pages, 3));
        ListFilter f;
        f.search = QStringLiteral("olivia");
        QTRY_COMPARE_WITH_TIMEOUT(model.totalCount(), ResidentRepository(m_t->db(), Actor{}).count(f).value(),
                                  kTimeout);
        QCOMPARE(proxy.rowCount(), model.rowCount());

        proxy.setStatusFilter(QStringLiteral("graduated"));
        QVERIFY(waitForPages(pages, 4));
        QCOMPARE(model.filter().status, QStringLiteral("graduated"));
        for (int row = 0; row < proxy.rowCount(); ++row)
            QCOMPARE(model.residentAt(row).status, Resident::Status::Graduated);
    }

    void deletedWhileLoading()
    {
        auto *model = new ResidentsTableModel(*m_executor);
        model->reload();
        delete model;
        QTest::qWait(300);
        m_executor->waitForDone();
    }

    void roomsAndBuildings()
    {
        RoomsTableModel rooms(*m_executor);
        rooms.setPageSize(25);
        QSignalSpy roomPages(&rooms, &RecordTableModel::pageLoaded);
        rooms.reload();
        QVERIFY(waitForPages(roomPages, 1));
        QCOMPARE(rooms.rowCount(), 25);
        const Room r = rooms.roomAt(0);
        QVERIFY(!r.buildingCode.isEmpty());
        QCOMPARE(rooms.data(rooms.index(0, RoomRepository::Type)).toString(), Room::typeLabel(r.type));
        QCOMPARE(rooms.data(rooms.index(0, RoomRepository::Status)).toString(), Room::statusLabel(r.status));

        RecordFilterProxyModel proxy;
        proxy.setSourceModel(&rooms);
        proxy.setBuildingFilter(r.buildingId);
        QVERIFY(waitForPages(roomPages, 2));
        for (int row = 0; row < rooms.rowCount(); ++row)
            QCOMPARE(rooms.roomAt(row).buildingId, r.buildingId);

        BuildingsTableModel buildings(*m_executor);
        QSignalSpy buildingPages(&buildings, &RecordTableModel::pageLoaded);
        buildings.reload();
        QVERIFY(waitForPages(buildingPages, 1));
        QCOMPARE(buildings.rowCount(), 6);
        QVERIFY(!buildings.canFetchMore({}));
        QTRY_COMPARE_WITH_TIMEOUT(buildings.totalCount(), qint64(6), kTimeout);
        QCOMPARE(buildings.data(buildings.index(0, 0)).toString(), buildings.buildingAt(0).code);
    }
};

QTEST_GUILESS_MAIN(TestRecordTableModel)
#include "tst_recordtablemodel.moc"
