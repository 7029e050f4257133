#include "models/db/sqlstatement.h"
#include "models/housing/buildingrepository.h"
#include "models/housing/roomrepository.h"
#include "tests/models/housing/housingtestutil.h"
#include "tests/support/testdatabase.h"

#include <QTest>

using namespace HousingTest;

class TestBuildingRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    Actor m_alice =
        TestDatabase::actorFor(TestDatabase::Person::Housing, QStringLiteral("alice"), Actor::Role::Housing);
    Actor m_bob =
        TestDatabase::actorFor(TestDatabase::Person::Admin, QStringLiteral("bob"), Actor::Role::Admin);

    static Building make(int i)
    {
        Building b;
        b.code = QStringLiteral("B%1").arg(i);
        b.name = QStringLiteral("Hall %1").arg(i % 4);
        b.address = QStringLiteral("%1 Campus Road").arg(i);
        b.floors = 1 + i % 6;
        return b;
    }

    Room room(qint64 buildingId, const QString &number, int floor = 0)
    {
        Room r;
        r.buildingId = buildingId;
        r.number = number;
        r.floor = floor;
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
    }

    void createGetUpdate()
    {
        BuildingRepository repo(m_t->db(), m_alice);
        Building in = make(1);
        in.address = QString();
        const Result<Building> created = repo.create(in);
        QVERIFY2(created, qPrintable(created.error().text() + created.error().detail));
        QVERIFY(created->id > 0);
        QCOMPARE(created->version, 1);
        QCOMPARE(created->code, in.code);
        QCOMPARE(created->address, QString());
        QCOMPARE(repo.get(created->id).value(), created.value());
        QCOMPARE(repo.findByCode(in.code)->id, created->id);
        QCOMPARE(repo.findByCode(QStringLiteral("nope")).error().code, DbError::Code::NotFound);

        Building changed = created.value();
        changed.name = QStringLiteral("Renamed Hall");
        changed.floors = 9;
        const Result<Building> updated =
            BuildingRepository(m_t->dbAs(TestDatabase::Person::Admin), m_bob).update(changed);
        QVERIFY2(updated, qPrintable(updated.error().text()));
        QCOMPARE(updated->version, 2);
        QCOMPARE(updated->floors, 9);
        QCOMPARE(queryValue(m_t->db(), QStringLiteral("SELECT created_by FROM buildings WHERE id = ?"),
                            {created->id})
                     .toString(),
                 m_alice.username);
        QCOMPARE(queryValue(m_t->db(), QStringLiteral("SELECT updated_by FROM buildings WHERE id = ?"),
                            {created->id})
                     .toString(),
                 m_bob.username);

        const Result<QList<Building>> all = repo.all();
        QVERIFY(all);
        QCOMPARE(all->size(), 1);
    }

    void validation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("floors");
        QTest::newRow("code missing") << QStringLiteral("code") << QStringLiteral(" ") << 1;
        QTest::newRow("code too long") << QStringLiteral("code") << QString(17, QLatin1Char('C')) << 1;
        QTest::newRow("name missing") << QStringLiteral("name") << QString() << 1;
        QTest::newRow("address too long") << QStringLiteral("address") << QString(401, QLatin1Char('a')) << 1;
        QTest::newRow("no floors") << QStringLiteral("floors") << QString() << 0;
        QTest::newRow("negative floors") << QStringLiteral("floors") << QString() << -2;
    }
    void validation()
    {
        QFETCH(QString, field);
        QFETCH(QString, text);
        QFETCH(int, floors);
        Building b = make(1);
        b.floors = floors;
        if (field == QLatin1String("code"))
            b.code = text;
        else if (field == QLatin1String("name"))
            b.name = text;
        else if (field == QLatin1String("address"))
            b.address = text;
        const Result<Building> created = BuildingRepository(m_t->db(), m_alice).create(b);
        QVERIFY(!created);
        QCOMPARE(created.error().code, DbError::Code::Validation);
        QCOMPARE(created.error().fields.size(), 1);
        QVERIFY2(hasField(created.error(), field), qPrintable(created.error().text()));
    }

    void duplicateCode()
    {
        BuildingRepository repo(m_t->db(), m_alice);
        const Result<Building> a = repo.create(make(1));
        QVERIFY(a);
        const Result<Building> dup = repo.create(make(1));
        QCOMPARE(dup.error().code, DbError::Code::Duplicate);
        QVERIFY(hasField(dup.error(), QStringLiteral("code")));
        QVERIFY(dup.error().message.contains(QStringLiteral("B1")));
        const Result<Building> b = repo.create(make(2));
        QVERIFY(b);
        Building clash = b.value();
        clash.code = QStringLiteral("B1");
        QCOMPARE(repo.update(clash).error().code, DbError::Code::Duplicate);
    }

    void removeWithRoomsIsRefused()
    {
        BuildingRepository repo(m_t->db(), m_alice);
        RoomRepository rooms(m_t->db(), m_alice);
        const Result<Building> b = repo.create(make(3));
        QVERIFY(b);
        const Result<Room> r1 = rooms.create(room(b->id, QStringLiteral("001")));
        const Result<Room> r2 = rooms.create(room(b->id, QStringLiteral("002")));
        QVERIFY2(r1 && r2, qPrintable(r1.error().text() + r2.error().text()));
        const VoidResult refused = repo.remove(b->id, b->version);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, DbError::Code::ConstraintViolation);
        QVERIFY2(refused.error().message.contains(QLatin1String("2")), qPrintable(refused.error().message));
        QVERIFY(repo.get(b->id));

        // The foreign key refuses it too, whatever the application checks.
        const VoidResult raw =
            SqlStatement::run(m_t->db(), QStringLiteral("DELETE FROM buildings WHERE id = ?"), {b->id});
        QCOMPARE(raw.error().code, DbError::Code::ConstraintViolation);

        QVERIFY(rooms.remove(r1->id, r1->version));
        QVERIFY(rooms.remove(r2->id, r2->version));
        QVERIFY(repo.remove(b->id, b->version));
    }

    void fewerFloorsThanRooms()
    {
        BuildingRepository repo(m_t->db(), m_alice);
        Building in = make(0);
        in.floors = 5;
        const Result<Building> b = repo.create(in);
        QVERIFY(b);
        QVERIFY(RoomRepository(m_t->db(), m_alice).create(room(b->id, QStringLiteral("401"), 4)));
        Building fewer = b.value();
        fewer.floors = 3;
        const Result<Building> refused = repo.update(fewer);
        QCOMPARE(refused.error().code, DbError::Code::Validation);
        QVERIFY(hasField(refused.error(), QStringLiteral("floors")));
        fewer.floors = 5;
        QVERIFY(repo.update(fewer));
    }

    void databaseConstraints_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("floors");
        QTest::newRow("blank code") << QStringLiteral(" ") << QStringLiteral("N") << 1;
        QTest::newRow("blank name") << QStringLiteral("C") << QStringLiteral("  ") << 1;
        QTest::newRow("zero floors") << QStringLiteral("C") << QStringLiteral("N") << 0;
    }
    void databaseConstraints()
    {
        QFETCH(QString, code);
        QFETCH(QString, name);
        QFETCH(int, floors);
        const VoidResult r =
            SqlStatement::run(m_t->db(),
                              QStringLiteral("INSERT INTO buildings (code, name, floors, created_by, "
                                             "updated_by) VALUES (?, ?, ?, 'x', 'x')"),
                              {code, name, floors});
        QCOMPARE(r.error().code, DbError::Code::ConstraintViolation);
    }

    void conflictOverwriteRemoveRestore()
    {
        BuildingRepository mine(m_t->db(), m_alice);
        std::unique_ptr<Database> other = m_t->openAnother();
        BuildingRepository theirs(*other, m_bob);
        const Result<Building> created = mine.create(make(1));
        QVERIFY(created);
        Building theirCopy = theirs.get(created->id).value();
        theirCopy.name = QStringLiteral("Theirs");
        QVERIFY(theirs.update(theirCopy));

        Building myCopy = created.value();
        myCopy.name = QStringLiteral("Mine");
        QCOMPARE(mine.update(myCopy).error().code, DbError::Code::Conflict);
        QCOMPARE(mine.remove(myCopy.id, myCopy.version).error().code, DbError::Code::Conflict);
        const Result<Building> overwritten = mine.update(myCopy, BuildingRepository::OnConflict::Overwrite);
        QVERIFY(overwritten);
        QCOMPARE(overwritten->name, QStringLiteral("Mine"));
        QCOMPARE(overwritten->version, 3);

        QVERIFY(mine.remove(overwritten->id, overwritten->version));
        QCOMPARE(mine.get(overwritten->id).error().code, DbError::Code::NotFound);
        QCOMPARE(mine.remove(overwritten->id, overwritten->version).error().code, DbError::Code::NotFound);
        QCOMPARE(mine.update(overwritten.value()).error().code, DbError::Code::NotFound);
        const Result<Building> restored = mine.restore(overwritten.value());
        QVERIFY2(restored, qPrintable(restored.error().text() + restored.error().detail));
        QCOMPARE(restored->id, overwritten->id);
        QCOMPARE(restored->name, QStringLiteral("Mine"));
        const Result<Building> next = mine.create(make(2));
        QVERIFY2(next, qPrintable(next.error().text() + next.error().detail));
    }

    void paging_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("expr");
        QTest::addColumn<bool>("descending");
        const QList<std::pair<int, QString>> columns{{BuildingRepository::Code, QStringLiteral("code")},
                                                     {BuildingRepository::Name, QStringLiteral("name")},
                                                     {BuildingRepository::Address, QStringLiteral("address")},
                                                     {BuildingRepository::Floors, QStringLiteral("floors")}};
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
        BuildingRepository repo(m_t->db(), m_alice);
        for (int i = 0; i < 23; ++i)
            QVERIFY(repo.create(make(i)));
        bool ok = false;
        const QList<qint64> ids =
            pageThrough(repo, column, descending ? Qt::DescendingOrder : Qt::AscendingOrder, 4, {}, &ok);
        QVERIFY(ok);
        QCOMPARE(ids.size(), 23);
        QVERIFY(allDistinct(ids));
        const QString dir = descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
        QCOMPARE(ids, queryIds(m_t->db(), QStringLiteral("SELECT id FROM buildings ORDER BY ") + expr + dir +
                                              QStringLiteral(", id") + dir));
    }

    void search()
    {
        BuildingRepository repo(m_t->db(), m_alice);
        for (int i = 0; i < 12; ++i)
            QVERIFY(repo.create(make(i)));
        ListFilter f;
        f.search = QStringLiteral("hall 3"); // i % 4 == 3: 3, 7, 11
        QCOMPARE(repo.count(f).value(), qint64(3));
        f.search = QStringLiteral("b1"); // B1, B10, B11
        QCOMPARE(repo.count(f).value(), qint64(3));
        PageRequest request;
        request.filter = f;
        QCOMPARE(repo.page(request)->size(), 3);
        f.search = QStringLiteral("CAMPUS");
        QCOMPARE(repo.count(f).value(), qint64(12));
    }
};

QTEST_GUILESS_MAIN(TestBuildingRepository)
#include "tst_buildingrepository.moc"
