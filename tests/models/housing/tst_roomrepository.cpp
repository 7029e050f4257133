#include "models/db/sqlstatement.h"
#include "models/housing/buildingrepository.h"
#include "models/housing/roomrepository.h"
#include "tests/models/housing/housingtestutil.h"
#include "tests/support/testdatabase.h"

#include <QTest>

using namespace HousingTest;

class TestRoomRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    Actor m_alice =
        TestDatabase::actorFor(TestDatabase::Person::Housing, QStringLiteral("alice"), Actor::Role::Housing);
    Actor m_bob =
        TestDatabase::actorFor(TestDatabase::Person::Admin, QStringLiteral("bob"), Actor::Role::Housing);
    Building m_north;
    Building m_south;

    Room make(const Building &b, const QString &number, int floor = 0)
    {
        Room r;
        r.buildingId = b.id;
        r.number = number;
        r.floor = floor;
        r.type = Room::Type::Double;
        r.capacity = 2;
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // One database for the suite (creating a PostgreSQL database per test is slow);
        // every test starts from empty tables.
        QString error;
        m_t = TestDatabase::create(&error, true, TestDatabase::Person::Housing);
        QVERIFY2(m_t, qPrintable(error));
    }
    void cleanupTestCase() { m_t.reset(); }

    void init()
    {
        QVERIFY(m_t);
        for (const char *table : {"rooms", "residents", "buildings"})
            QVERIFY(SqlStatement::run(m_t->db(), QStringLiteral("DELETE FROM ") + QLatin1String(table)));
        BuildingRepository buildings(m_t->db(), m_alice);
        Building n;
        n.code = QStringLiteral("NH");
        n.name = QStringLiteral("North Hall");
        n.floors = 3;
        Building s;
        s.code = QStringLiteral("SH");
        s.name = QStringLiteral("South Hall");
        s.floors = 5;
        const Result<Building> nr = buildings.create(n);
        const Result<Building> sr = buildings.create(s);
        QVERIFY2(nr && sr, qPrintable(nr.error().text() + sr.error().text()));
        m_north = nr.value();
        m_south = sr.value();
    }

    void createGetUpdate()
    {
        RoomRepository repo(m_t->db(), m_alice);
        Room in = make(m_north, QStringLiteral(" 101 "), 1);
        in.type = Room::Type::Suite;
        in.capacity = 4;
        in.status = Room::Status::Maintenance;
        const Result<Room> created = repo.create(in);
        QVERIFY2(created, qPrintable(created.error().text() + created.error().detail));
        QVERIFY(created->id > 0);
        QCOMPARE(created->version, 1);
        QCOMPARE(created->number, QStringLiteral("101"));
        QCOMPARE(created->buildingCode, QStringLiteral("NH"));
        QCOMPARE(created->type, Room::Type::Suite);
        QCOMPARE(created->capacity, 4);
        QCOMPARE(created->status, Room::Status::Maintenance);
        QCOMPARE(repo.get(created->id).value(), created.value());

        Room moved = created.value();
        moved.buildingId = m_south.id;
        moved.floor = 4;
        moved.status = Room::Status::OutOfService;
        const Result<Room> updated =
            RoomRepository(m_t->dbAs(TestDatabase::Person::Admin), m_bob).update(moved);
        QVERIFY2(updated, qPrintable(updated.error().text()));
        QCOMPARE(updated->version, 2);
        QCOMPARE(updated->buildingCode, QStringLiteral("SH"));
        QCOMPARE(updated->status, Room::Status::OutOfService);
        QCOMPARE(
            queryValue(m_t->db(), QStringLiteral("SELECT created_by FROM rooms WHERE id = ?"), {created->id})
                .toString(),
            m_alice.username);
        QCOMPARE(
            queryValue(m_t->db(), QStringLiteral("SELECT updated_by FROM rooms WHERE id = ?"), {created->id})
                .toString(),
            m_bob.username);
    }

    void codes()
    {
        for (Room::Type t : {Room::Type::Single, Room::Type::Double, Room::Type::Triple, Room::Type::Suite,
                             Room::Type::Studio}) {
            QCOMPARE(Room::typeFromCode(Room::typeCode(t)), t);
            QVERIFY(!Room::typeLabel(t).isEmpty());
        }
        for (Room::Status s :
             {Room::Status::Available, Room::Status::Maintenance, Room::Status::OutOfService}) {
            QCOMPARE(Room::statusFromCode(Room::statusCode(s)), s);
            QVERIFY(!Room::statusLabel(s).isEmpty());
        }
        QCOMPARE(Room::statusCode(Room::Status::OutOfService), QStringLiteral("out_of_service"));
        QVERIFY(!Room::typeFromCode(QStringLiteral("castle")));
    }

    void validation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("number");
        QTest::addColumn<int>("floor");
        QTest::addColumn<int>("capacity");
        QTest::addColumn<bool>("noBuilding");
        QTest::newRow("number missing") << QStringLiteral("number") << QStringLiteral(" ") << 0 << 1 << false;
        QTest::newRow("number too long")
            << QStringLiteral("number") << QString(17, QLatin1Char('9')) << 0 << 1 << false;
        QTest::newRow("negative floor") << QStringLiteral("floor") << QStringLiteral("1") << -1 << 1 << false;
        QTest::newRow("capacity zero")
            << QStringLiteral("capacity") << QStringLiteral("1") << 0 << 0 << false;
        QTest::newRow("capacity negative")
            << QStringLiteral("capacity") << QStringLiteral("1") << 0 << -3 << false;
        QTest::newRow("no building") << QStringLiteral("building_id") << QStringLiteral("1") << 0 << 1
                                     << true;
        QTest::newRow("floor above the building")
            << QStringLiteral("floor") << QStringLiteral("1") << 3 << 1 << false;
        QTest::newRow("floor far above")
            << QStringLiteral("floor") << QStringLiteral("1") << 40 << 1 << false;
    }
    void validation()
    {
        QFETCH(QString, field);
        QFETCH(QString, number);
        QFETCH(int, floor);
        QFETCH(int, capacity);
        QFETCH(bool, noBuilding);
        Room r = make(m_north, number, floor);
        r.capacity = capacity;
        if (noBuilding)
            r.buildingId = 0;
        RoomRepository repo(m_t->db(), m_alice);
        const Result<Room> created = repo.create(r);
        QVERIFY(!created);
        QCOMPARE(created.error().code, DbError::Code::Validation);
        QCOMPARE(created.error().fields.size(), 1);
        QVERIFY2(hasField(created.error(), field), qPrintable(created.error().text()));
        QCOMPARE(repo.count({}).value(), qint64(0));
    }

    void floorMessageNamesTheBuilding()
    {
        const Result<Room> created =
            RoomRepository(m_t->db(), m_alice).create(make(m_north, QStringLiteral("301"), 3));
        QCOMPARE(created.error().code, DbError::Code::Validation);
        const QString message = created.error().fields.value(0).message;
        QVERIFY2(message.contains(QLatin1String("NH")) && message.contains(QLatin1String("2")),
                 qPrintable(message));
        // Floor 4 is fine in the five-floor South Hall.
        QVERIFY(RoomRepository(m_t->db(), m_alice).create(make(m_south, QStringLiteral("401"), 4)));
    }

    void buildingMissing()
    {
        Room r = make(m_north, QStringLiteral("1"));
        r.buildingId = 987654;
        const Result<Room> created = RoomRepository(m_t->db(), m_alice).create(r);
        QCOMPARE(created.error().code, DbError::Code::Validation);
        QVERIFY(hasField(created.error(), QStringLiteral("building_id")));
    }

    void numberUniqueWithinBuilding()
    {
        RoomRepository repo(m_t->db(), m_alice);
        QVERIFY(repo.create(make(m_north, QStringLiteral("101"), 1)));
        const Result<Room> dup = repo.create(make(m_north, QStringLiteral("101"), 2));
        QVERIFY(!dup);
        QCOMPARE(dup.error().code, DbError::Code::Duplicate);
        QVERIFY(hasField(dup.error(), QStringLiteral("number")));
        QVERIFY2(dup.error().message.contains(QLatin1String("101")), qPrintable(dup.error().message));
        // The same number in another building is fine.
        const Result<Room> other = repo.create(make(m_south, QStringLiteral("101"), 1));
        QVERIFY2(other, qPrintable(other.error().text()));
        // Moving it into North Hall clashes.
        Room moved = other.value();
        moved.buildingId = m_north.id;
        QCOMPARE(repo.update(moved).error().code, DbError::Code::Duplicate);
        // The database's unique key holds too.
        const VoidResult raw = SqlStatement::run(
            m_t->db(),
            QStringLiteral(
                "INSERT INTO rooms (building_id, number, floor, type, capacity, created_by, updated_by) "
                "VALUES (?, '101', 0, 'single', 1, 'x', 'x')"),
            {m_north.id});
        QCOMPARE(raw.error().code, DbError::Code::Duplicate);
    }

    void databaseConstraints_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<int>("floor");
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("capacity");
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("badBuilding");
        QTest::newRow("capacity 0") << QStringLiteral("1") << 0 << QStringLiteral("single") << 0
                                    << QStringLiteral("available") << false;
        QTest::newRow("floor -1") << QStringLiteral("1") << -1 << QStringLiteral("single") << 1
                                  << QStringLiteral("available") << false;
        QTest::newRow("unknown type") << QStringLiteral("1") << 0 << QStringLiteral("castle") << 1
                                      << QStringLiteral("available") << false;
        QTest::newRow("unknown status") << QStringLiteral("1") << 0 << QStringLiteral("single") << 1
                                        << QStringLiteral("flooded") << false;
        QTest::newRow("blank number") << QStringLiteral(" ") << 0 << QStringLiteral("single") << 1
                                      << QStringLiteral("available") << false;
        QTest::newRow("missing building") << QStringLiteral("1") << 0 << QStringLiteral("single") << 1
                                          << QStringLiteral("available") << true;
    }
    void databaseConstraints()
    {
        QFETCH(QString, number);
        QFETCH(int, floor);
        QFETCH(QString, type);
        QFETCH(int, capacity);
        QFETCH(QString, status);
        QFETCH(bool, badBuilding);
        const VoidResult r = SqlStatement::run(
            m_t->db(),
            QStringLiteral("INSERT INTO rooms (building_id, number, floor, type, capacity, status, "
                           "created_by, updated_by) "
                           "VALUES (?, ?, ?, ?, ?, ?, 'x', 'x')"),
            {badBuilding ? qint64(987654) : m_north.id, number, floor, type, capacity, status});
        QVERIFY(!r);
        QCOMPARE(r.error().code, DbError::Code::ConstraintViolation);
    }

    void conflictOverwriteRemoveRestore()
    {
        RoomRepository mine(m_t->db(), m_alice);
        std::unique_ptr<Database> other = m_t->openAnother();
        RoomRepository theirs(*other, m_bob);
        const Result<Room> created = mine.create(make(m_north, QStringLiteral("7")));
        QVERIFY(created);
        Room theirCopy = theirs.get(created->id).value();
        theirCopy.capacity = 3;
        QVERIFY(theirs.update(theirCopy));

        Room myCopy = created.value();
        myCopy.capacity = 1;
        QCOMPARE(mine.update(myCopy).error().code, DbError::Code::Conflict);
        QCOMPARE(mine.remove(myCopy.id, myCopy.version).error().code, DbError::Code::Conflict);
        const Result<Room> overwritten = mine.update(myCopy, RoomRepository::OnConflict::Overwrite);
        QVERIFY(overwritten);
        QCOMPARE(overwritten->capacity, 1);
        QCOMPARE(overwritten->version, 3);

        QVERIFY(mine.remove(overwritten->id, overwritten->version));
        QCOMPARE(mine.get(overwritten->id).error().code, DbError::Code::NotFound);
        QCOMPARE(mine.remove(overwritten->id, overwritten->version).error().code, DbError::Code::NotFound);
        QCOMPARE(mine.update(overwritten.value()).error().code, DbError::Code::NotFound);
        const Result<Room> restored = mine.restore(overwritten.value());
        QVERIFY2(restored, qPrintable(restored.error().text() + restored.error().detail));
        QCOMPARE(restored->id, overwritten->id);
        QCOMPARE(restored->number, QStringLiteral("7"));
        QVERIFY(mine.create(make(m_north, QStringLiteral("8"))));
    }

    void paging_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("expr");
        QTest::addColumn<bool>("descending");
        const QList<std::pair<int, QString>> columns{{RoomRepository::BuildingCode, QStringLiteral("b.code")},
                                                     {RoomRepository::Number, QStringLiteral("r.number")},
                                                     {RoomRepository::Floor, QStringLiteral("r.floor")},
                                                     {RoomRepository::Type, QStringLiteral("r.type")},
                                                     {RoomRepository::Capacity, QStringLiteral("r.capacity")},
                                                     {RoomRepository::Status, QStringLiteral("r.status")}};
        for (const auto &[column, expr] : columns) {
            QTest::addRow("%s asc", qPrintable(expr)) << column << expr << false;
            QTest::addRow("%s desc", qPrintable(expr)) << column << expr << true;
        }
    }
    void paging()
    {
        QFETCH(int, column);
        QFETCH(QString, expr);
        QFETCH(bool, descending);
        RoomRepository repo(m_t->db(), m_alice);
        const QList<Room::Type> types{Room::Type::Single, Room::Type::Double, Room::Type::Triple,
                                      Room::Type::Suite};
        for (int i = 0; i < 31; ++i) {
            Room r = make(i % 2 ? m_north : m_south, QStringLiteral("%1").arg(i), i % 3);
            r.type = types[i % types.size()];
            r.capacity = 1 + i % 4;
            r.status = static_cast<Room::Status>(i % 3);
            QVERIFY(repo.create(r));
        }
        bool ok = false;
        const QList<qint64> ids =
            pageThrough(repo, column, descending ? Qt::DescendingOrder : Qt::AscendingOrder, 5, {}, &ok);
        QVERIFY(ok);
        QCOMPARE(ids.size(), 31);
        QVERIFY(allDistinct(ids));
        const QString dir = descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
        QCOMPARE(ids,
                 queryIds(m_t->db(),
                          QStringLiteral("SELECT r.id FROM rooms r JOIN buildings b ON b.id = r.building_id "
                                         "ORDER BY ") +
                              expr + dir + QStringLiteral(", r.id") + dir));

        // With a building filter, too.
        ListFilter f;
        f.buildingId = m_north.id;
        const QList<qint64> north = pageThrough(repo, column, Qt::AscendingOrder, 4, f, &ok);
        QVERIFY(ok);
        QCOMPARE(north.size(), 15);
        QVERIFY(allDistinct(north));
    }

    void searchAndFilters()
    {
        RoomRepository repo(m_t->db(), m_alice);
        for (int i = 0; i < 10; ++i) {
            Room r = make(i < 4 ? m_north : m_south, QStringLiteral("A%1").arg(i), i % 3);
            r.status = i % 2 ? Room::Status::Maintenance : Room::Status::Available;
            QVERIFY(repo.create(r));
        }
        const auto countFor = [&](const QString &search, qint64 building, const QString &status) {
            ListFilter f;
            f.search = search;
            f.buildingId = building;
            f.status = status;
            PageRequest request;
            request.filter = f;
            request.limit = 100;
            const auto page = repo.page(request);
            const Result<qint64> c = repo.count(f);
            if (!page || !c || page->size() != c.value())
                return qint64(-1);
            return c.value();
        };
        QCOMPARE(countFor({}, 0, {}), qint64(10));
        QCOMPARE(countFor({}, m_north.id, {}), qint64(4));
        QCOMPARE(countFor({}, m_south.id, QStringLiteral("maintenance")), qint64(3)); // 5, 7, 9
        QCOMPARE(countFor(QStringLiteral("north"), 0, {}), qint64(4));                // building name
        QCOMPARE(countFor(QStringLiteral("sh"), 0, {}), qint64(6));                   // building code
        QCOMPARE(countFor(QStringLiteral("a1"), 0, {}), qint64(1));
        QCOMPARE(countFor(QStringLiteral("%"), 0, {}), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestRoomRepository)
#include "tst_roomrepository.moc"
