#include "models/db/migrator.h"
#include "models/db/sqlstatement.h"
#include "tests/support/testdatabase.h"

#include <QSqlDatabase>
#include <QTest>

using namespace Qt::StringLiterals;

// Schema migrations on the backend chosen by RESIDESK_TEST_BACKEND.
class TestMigrator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void migratesEmptyDatabase();
    void rerunIsNoOp();
    void refusesNewerSchemaAndLeavesItUntouched();
    void constraintsExist();
};

void TestMigrator::migratesEmptyDatabase()
{
    QString error;
    auto t = TestDatabase::create(&error, /*migrate=*/false);
    QVERIFY2(t, qPrintable(error));
    Migrator migrator(t->db());
    QCOMPARE(migrator.currentVersion().value(), 0);
    const Result<int> applied = migrator.migrate();
    QVERIFY2(applied.ok(), qPrintable(applied.error().text() + applied.error().detail));
    QCOMPARE(applied.value(), Migrator::available().size());
    QVERIFY(applied.value() >= 1);
    QCOMPARE(migrator.currentVersion().value(), Migrator::latestVersion());

    const QStringList tables = t->db().connection().value().tables();
    for (const QString &table : {u"buildings"_s, u"rooms"_s, u"residents"_s, u"schema_migrations"_s})
        QVERIFY2(tables.contains(table), qPrintable(table));
}

void TestMigrator::rerunIsNoOp()
{
    QString error;
    auto t = TestDatabase::create(&error);
    QVERIFY2(t, qPrintable(error));
    QVERIFY(
        SqlStatement::run(
            t->db(),
            u"INSERT INTO buildings (code, name, floors, created_by, updated_by) VALUES (?, ?, ?, ?, ?)"_s,
            {u"NH"_s, u"North Hall"_s, 3, u"test"_s, u"test"_s})
            .ok());
    const Result<int> again = Migrator(t->db()).migrate();
    QVERIFY(again.ok());
    QCOMPARE(again.value(), 0);
    SqlStatement count(t->db(), u"SELECT COUNT(*) FROM buildings"_s);
    QVERIFY(count.exec().ok() && count.next());
    QCOMPARE(count.value(0).toInt(), 1);
}

void TestMigrator::refusesNewerSchemaAndLeavesItUntouched()
{
    QString error;
    auto t = TestDatabase::create(&error);
    QVERIFY2(t, qPrintable(error));
    // Migrating is the installer's work (on PostgreSQL the database owner's).
    auto installer = t->openAsInstaller();
    Database &db = *installer;
    QVERIFY(SqlStatement::run(db, u"INSERT INTO schema_migrations (version, name) VALUES (?, ?)"_s,
                              {999, u"from_the_future"_s})
                .ok());
    QVERIFY(
        SqlStatement::run(
            db,
            u"INSERT INTO buildings (code, name, floors, created_by, updated_by) VALUES (?, ?, ?, ?, ?)"_s,
            {u"SH"_s, u"South Hall"_s, 2, u"test"_s, u"test"_s})
            .ok());

    const Result<int> r = Migrator(db).migrate();
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, DbError::Code::SchemaTooNew);
    QVERIFY2(r.error().message.contains(u"999"_s) && r.error().message.contains(u"newer"_s),
             qPrintable(r.error().message));

    SqlStatement versions(db, u"SELECT COUNT(*), MAX(version) FROM schema_migrations"_s);
    QVERIFY(versions.exec().ok() && versions.next());
    QCOMPARE(versions.value(0).toInt(), Migrator::available().size() + 1);
    QCOMPARE(versions.value(1).toInt(), 999);
    SqlStatement buildings(db, u"SELECT name FROM buildings"_s);
    QVERIFY(buildings.exec().ok() && buildings.next());
    QCOMPARE(buildings.value(0).toString(), u"South Hall"_s);
}

void TestMigrator::constraintsExist()
{
    QString error;
    auto t = TestDatabase::create(&error);
    QVERIFY2(t, qPrintable(error));
    // Bypassing the repositories, the database itself refuses bad rows.
    const VoidResult zeroFloors = SqlStatement::run(
        t->db(),
        u"INSERT INTO buildings (code, name, floors, created_by, updated_by) VALUES (?, ?, ?, ?, ?)"_s,
        {u"X"_s, u"X"_s, 0, u"t"_s, u"t"_s});
    QVERIFY(!zeroFloors.ok());
    QCOMPARE(zeroFloors.error().code, DbError::Code::ConstraintViolation);

    QVERIFY(SqlStatement::run(
                t->db(),
                u"INSERT INTO residents (student_id, first_name, last_name, email, created_by, updated_by) "
                "VALUES (?, ?, ?, ?, ?, ?)"_s,
                {u"S1"_s, u"Ana"_s, u"Ruiz"_s, u"ana@example.edu"_s, u"t"_s, u"t"_s})
                .ok());
    const VoidResult duplicate = SqlStatement::run(
        t->db(),
        u"INSERT INTO residents (student_id, first_name, last_name, email, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?)"_s,
        {u"S1"_s, u"Bo"_s, u"Li"_s, u"bo@example.edu"_s, u"t"_s, u"t"_s});
    QVERIFY(!duplicate.ok());
    QCOMPARE(duplicate.error().code, DbError::Code::Duplicate);

    const VoidResult badEmail = SqlStatement::run(
        t->db(),
        u"INSERT INTO residents (student_id, first_name, last_name, email, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?)"_s,
        {u"S2"_s, u"Bo"_s, u"Li"_s, u"not-an-address"_s, u"t"_s, u"t"_s});
    QVERIFY(!badEmail.ok());
    QCOMPARE(badEmail.error().code, DbError::Code::ConstraintViolation);

    const VoidResult orphanRoom = SqlStatement::run(
        t->db(),
        u"INSERT INTO rooms (building_id, number, floor, type, capacity, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        {12345, u"101"_s, 1, u"single"_s, 1, u"t"_s, u"t"_s});
    QVERIFY(!orphanRoom.ok());
    QCOMPARE(orphanRoom.error().code, DbError::Code::ConstraintViolation);
}

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
