#include "models/db/database.h"
#include "models/db/dberror.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/housing/allocation/allocationrepository.h"
#include "models/housing/allocation/depositrepository.h"
#include "models/housing/demoseeder.h"
#include "models/lab/labdemoseeder.h"
#include "tests/app/clirunner.h"
#include "tests/support/testdatabase.h"

#include <QProcess>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Person = TestDatabase::Person;

namespace {

// Who may do what, as PostgreSQL enforces it (resources/migrations/0011_security.*):
// each statement with the people allowed to run it. Everybody else is refused with
// SQLSTATE 42501. Statements run inside a transaction that is rolled back.
struct Rule
{
    const char *name;
    const char *sql;
    QList<Person> allowed;
    const char *refusalNames = nullptr; // words the refusal's message must contain
    bool postgresqlOnly = false;
};

const QList<Person> kEveryone{Person::Admin, Person::Housing, Person::Vet, Person::Worker};
const QList<Person> kHousing{Person::Admin, Person::Housing, Person::Worker};
const QList<Person> kLab{Person::Admin, Person::Vet, Person::Worker};

QList<Rule> rules()
{
    return {
        // Housing staff: buildings, rooms, residents, allocations.
        {"read buildings", "SELECT count(*) FROM buildings", kHousing, "buildings"},
        {"change a room", "UPDATE rooms SET status = status WHERE id = (SELECT min(id) FROM rooms)", kHousing,
         "rooms"},
        {"add a building",
         "INSERT INTO buildings (code, name, floors, created_by, updated_by) VALUES ('ZZ', 'Zed', 2, 'x', "
         "'x')",
         kHousing, "buildings"},
        {"delete residents", "DELETE FROM residents WHERE id < 0", kHousing, "residents"},
        {"read allocations", "SELECT count(*) FROM allocations", kHousing, "allocations"},
        // Waitlists and deposits: housing staff and administrators (vets nothing); a
        // deposit is waived by administrators only.
        {"read waitlists", "SELECT count(*) FROM waitlist_entries", kHousing, "waitlists"},
        {"answer waitlist offers", "UPDATE waitlist_offers SET version = version", kHousing, "waitlist offers"},
        {"record a deposit", "UPDATE allocation_deposits SET version = version", kHousing, "deposits"},
        {"waive a deposit",
         "UPDATE allocation_deposits SET state = 'waived' WHERE state = 'required'",
         {Person::Admin},
         "deposit"},
        {"queue a waitlist offer",
         "INSERT INTO jobs (kind, run_after, created_by, created_at, updated_at) "
         "VALUES ('waitlist.offer', 0, 'x', 0, 0)",
         kHousing,
         "kind of job",
         true},
        {"notify the housing staff",
         "SELECT count(*) FROM residesk_notify_housing('t', 'b', 'waitlist-offer:1', 0)",
         kHousing,
         "residesk_notify_housing",
         true},
        // Vets: clients, protocols one at a time, work orders, reports.
        {"read protocols", "SELECT count(*) FROM protocols", kLab, "protocols"},
        {"change one protocol",
         "UPDATE protocols SET species = species WHERE id = (SELECT min(id) FROM protocols)", kLab,
         "protocols"},
        {"change a report", "UPDATE reports SET version = version WHERE id = (SELECT min(id) FROM reports)",
         kLab, "reports"},
        {"delete clients", "DELETE FROM clients WHERE id < 0", kLab, "clients"},
        {"read work orders", "SELECT count(*) FROM work_orders", kLab, "work orders"},
        // Administrators: several protocols at once, bulk changes, people.
        {"change all protocols",
         "UPDATE protocols SET species = species",
         {Person::Admin},
         "protocols",
         true},
        {"read bulk changes",
         "SELECT count(*) FROM bulk_jobs",
         {Person::Admin, Person::Worker},
         "bulk protocol changes"},
        {"change people", "UPDATE people SET title = title", {Person::Admin}, "people"},
        {"read the audit trail",
         "SELECT count(*) FROM audit_entries",
         {Person::Admin, Person::Worker},
         "audit trail"},
        // Nobody: the audit trail's past, the owner role, the tables' shape.
        {"rewrite the audit trail", "UPDATE audit_entries SET username = 'mallory'", {}, "audit trail"},
        {"erase the audit trail", "DELETE FROM audit_entries", {}, "audit trail"},
        {"become the owner", "SET ROLE residesk_owner", {}, "residesk_owner", true},
        {"empty protocols", "TRUNCATE protocols", {}, "protocols", true},
        {"change a table", "ALTER TABLE residents ADD COLUMN mallory integer", {}, "residents", true},
        // Jobs: only the kinds a role may start.
        {"queue a bulk change",
         "INSERT INTO jobs (kind, run_after, created_by, created_at, updated_at) "
         "VALUES ('protocols.transition', 0, 'x', 0, 0)",
         {Person::Admin},
         "kind of job",
         true},
        {"queue an import",
         "INSERT INTO jobs (kind, run_after, created_by, created_at, updated_at) "
         "VALUES ('residents.import', 0, 'x', 0, 0)",
         {Person::Admin, Person::Housing},
         "kind of job",
         true},
        {"queue a finalize",
         "INSERT INTO jobs (kind, run_after, created_by, created_at, updated_at) "
         "VALUES ('report.finalize', 0, 'x', 0, 0)",
         {Person::Admin, Person::Vet},
         "kind of job",
         true},
        // The registrar sync: housing and administrators configure and queue it; workers
        // run it (and fire the recurring one); flags are housing data.
        {"queue a registrar sync",
         "INSERT INTO jobs (kind, run_after, created_by, created_at, updated_at) "
         "VALUES ('residents.sync', 0, 'x', 0, 0)",
         kHousing,
         "kind of job",
         true},
        {"change the registrar sync settings",
         "INSERT INTO registrar_sync_settings (id, url, updated_at) VALUES (1, 'https://r.example.edu/r.csv', 0)",
         {Person::Admin, Person::Housing},
         "registrar sync settings"},
        {"read the registrar sync settings", "SELECT count(*) FROM registrar_sync_settings", kHousing,
         "registrar sync settings"},
        {"schedule the registrar sync",
         "SELECT residesk_schedule_registrar_sync('@daily', 0, true, 0)",
         {Person::Admin, Person::Housing},
         nullptr,
         true},
        {"review registrar flags", "UPDATE registrar_flags SET reviewed_at = 1 WHERE id < 0", kHousing,
         "residents flagged by the registrar sync"},
        {"record a registrar export", "DELETE FROM registrar_sync_state WHERE applied_at < 0", kHousing,
         "registrar sync state"},
        {"read people", "SELECT count(*) FROM people", kEveryone},
        // People's logins (0013, 0021): administrators only, through the functions.
        {"disable a person", "SELECT residesk_disable_person('nobody') WHERE false", {Person::Admin},
         "residesk_disable_person", true},
        {"enable a person", "SELECT residesk_enable_person('nobody') WHERE false", {Person::Admin},
         "residesk_enable_person", true},
        // Maintenance: housing staff write, vets read the list, workers run the jobs.
        {"read maintenance requests", "SELECT count(*) FROM maintenance_request_list", kEveryone},
        {"read technicians", "SELECT count(*) FROM maintenance_technicians", kEveryone},
        {"report maintenance",
         "INSERT INTO maintenance_requests (building_id, category, priority, description, reported_at, due_at, "
         "created_by, updated_by) SELECT min(id), 'locks', 'low', 'x', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'x', 'x' "
         "FROM buildings",
         kHousing, "maintenance requests"},
        {"change maintenance requests", "UPDATE maintenance_requests SET description = description", kHousing,
         "maintenance requests"},
        // The request window: comments and attachments (the demo seed made requests).
        {"read maintenance comments and attachments",
         "SELECT (SELECT count(*) FROM maintenance_comments) + (SELECT count(*) FROM maintenance_attachments)",
         kEveryone},
        {"comment on maintenance",
         "INSERT INTO maintenance_comments (request_id, body, author, created_at) "
         "SELECT min(id), 'x', 'x', CURRENT_TIMESTAMP FROM maintenance_requests",
         kHousing, "maintenance comments"},
        {"attach a file to maintenance",
         "INSERT INTO maintenance_attachments (request_id, filename, mime_type, size_bytes, content, created_at, "
         "created_by) SELECT min(id), 'a.txt', 'text/plain', 1, 'x', CURRENT_TIMESTAMP, 'x' FROM maintenance_requests",
         kHousing, "maintenance attachments"},
        {"add a technician",
         "INSERT INTO maintenance_technicians (name, email, skills, created_by, updated_by) VALUES ('T', "
         "'t@example.edu', 'locks', 'x', 'x')",
         kHousing, "technicians"},
        {"change response targets", "UPDATE maintenance_targets SET amount = amount",
         {Person::Admin, Person::Housing}, "response targets"},
        {"add a maintenance plan",
         "INSERT INTO maintenance_plans (title, room_type, category, period_months, starts_on, created_by, "
         "updated_by) VALUES ('P', 'single', 'other', 3, '2026-01-01', 'x', 'x')",
         kHousing, "maintenance plans"},
        {"queue maintenance processing",
         "INSERT INTO jobs (kind, run_after, created_by, created_at, updated_at) "
         "VALUES ('maintenance.process', 0, 'x', 0, 0)",
         kHousing,
         "kind of job",
         true},
        {"queue planned maintenance",
         "INSERT INTO jobs (kind, run_after, created_by, created_at, updated_at) "
         "VALUES ('maintenance.plans', 0, 'x', 0, 0)",
         {Person::Admin, Person::Worker},
         "kind of job",
         true},
        {"notify housing staff", "SELECT residesk_notify_housing_staff('attention', 't', 'b', '', 0)", kHousing,
         "residesk_notify_housing_staff", true},
        // Backups (0017_backup): administrators, and workers for scheduled backups, read
        // every row; only administrators restore (the function's privilege is checked
        // before it would run: a restore into this non-empty database is refused anyway).
        {"back up",
         "SELECT residesk_backup_open('notifications', 'backup_rows')",
         {Person::Admin, Person::Worker},
         "residesk_backup_open",
         true},
        {"back up, through the sequence",
         "SELECT residesk_backup_sequence('residents')",
         {Person::Admin, Person::Worker},
         "residesk_backup_sequence",
         true},
        {"restore a backup", "SELECT residesk_restore_begin() WHERE false", {Person::Admin}, "residesk_restore_begin",
         true},
        {"restore rows", "SELECT residesk_restore_rows('audit_entries', '[]') WHERE false", {Person::Admin},
         "residesk_restore_rows", true},
        // Period reports: housing reports for housing staff, the lab's turnaround for vets
        // (the job reads as its creator); workers run them but never start them.
        {"queue an occupancy report",
         "INSERT INTO jobs (kind, run_after, created_by, created_at, updated_at) "
         "VALUES ('report.occupancy', 0, 'x', 0, 0)",
         {Person::Admin, Person::Housing},
         "kind of job",
         true},
        {"queue a maintenance report",
         "INSERT INTO jobs (kind, run_after, created_by, created_at, updated_at) "
         "VALUES ('report.maintenance', 0, 'x', 0, 0)",
         {Person::Admin, Person::Housing},
         "kind of job",
         true},
        {"queue a turnaround report",
         "INSERT INTO jobs (kind, run_after, created_by, created_at, updated_at) "
         "VALUES ('report.turnaround', 0, 'x', 0, 0)",
         {Person::Admin, Person::Vet},
         "kind of job",
         true},
    };
}

QString personName(Person p)
{
    switch (p) {
    case Person::Admin:
        return u"admin"_s;
    case Person::Housing:
        return u"housing"_s;
    case Person::Vet:
        return u"vet"_s;
    case Person::Worker:
        return u"worker"_s;
    }
    return {};
}

// A fingerprint of everything the rules touch, read by the installer: unchanged after
// every refused and every rolled-back statement.
QString fingerprint(Database &db)
{
    QStringList parts;
    for (const char *table : {"buildings", "rooms", "residents", "allocations", "clients", "protocols",
                              "work_orders", "reports", "people", "audit_entries", "jobs", "bulk_jobs",
                              "maintenance_requests", "maintenance_technicians", "maintenance_plans",
                              "maintenance_comments", "maintenance_attachments",
                              "waitlist_entries", "waitlist_offers", "allocation_deposits", "notifications",
                              "registrar_sync_settings", "registrar_flags", "recurring_jobs"}) {
        SqlStatement st(db, u"SELECT count(*) FROM "_s + QLatin1String(table));
        if (!st.exec() || !st.next())
            return u"unreadable "_s + QLatin1String(table);
        parts << QLatin1String(table) + u'=' + st.value(0).toString();
    }
    SqlStatement versions(db, u"SELECT (SELECT COALESCE(sum(version), 0) FROM protocols), "
                              "(SELECT COALESCE(sum(version), 0) FROM rooms), "
                              "(SELECT COALESCE(sum(version), 0) FROM reports)"_s);
    if (!versions.exec() || !versions.next())
        return u"unreadable versions"_s;
    parts << versions.value(0).toString() << versions.value(1).toString() << versions.value(2).toString();
    return parts.join(u' ');
}

} // namespace

// The role × action matrix, enforced by PostgreSQL: through the data layer (each
// person's own Database, refusals mapped to a message naming what is refused), straight
// through libpq with `psql` and each person's own password, and through the command
// line. On SQLite the one person (the file's owner) may do everything.
class TestPermissions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void dataLayer_data();
    void dataLayer();
    void psqlAsEachPerson_data();
    void psqlAsEachPerson();
    void commandLineRefusesWhatTheRoleMayNot();
    void nothingChanged();
    void policiesAskForTheRoleOncePerStatement_data();
    void policiesAskForTheRoleOncePerStatement();

private:
    void matrixData();
    std::unique_ptr<TestDatabase> m_t;
    QString m_fingerprint;
};

void TestPermissions::initTestCase()
{
    QString error;
    m_t = TestDatabase::create(&error);
    QVERIFY2(m_t, qPrintable(error));
    Database &admin = m_t->dbAs(Person::Admin);
    const Actor actor = TestDatabase::actorFor(Person::Admin, u"admin"_s, Actor::Role::Admin);
    const auto housing = DemoSeeder(admin, actor).seed({.residents = 20, .seed = 3});
    QVERIFY2(housing.ok(), qPrintable(housing.ok() ? QString() : housing.error().detail));
    const auto lab = LabDemoSeeder(admin, actor).seed({.protocols = 3, .seed = 3});
    QVERIFY2(lab.ok(), qPrintable(lab.ok() ? QString() : lab.error().detail));
    // A reservation with a deposit required, for the waiver rule to meet a row.
    SqlStatement pick(admin, u"SELECT (SELECT min(id) FROM residents), "
                             "(SELECT min(id) FROM rooms WHERE status = 'available')"_s);
    QVERIFY(pick.exec().ok() && pick.next());
    Allocation stay;
    stay.residentId = pick.value(0).toLongLong();
    stay.roomId = pick.value(1).toLongLong();
    stay.from = QDate::currentDate().addDays(400);
    pick.finish();
    const Result<Allocation> reserved = AllocationRepository(admin, actor).reserve(stay);
    QVERIFY2(reserved.ok(), qPrintable(reserved.ok() ? QString() : reserved.error().text()));
    QVERIFY(DepositRepository(admin, actor).require(reserved->id, 20000).ok());
    std::unique_ptr<Database> installer = m_t->openAsInstaller();
    m_fingerprint = fingerprint(*installer);
    QVERIFY(!m_fingerprint.startsWith(u"unreadable"_s));
}

void TestPermissions::matrixData()
{
    QTest::addColumn<int>("person");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<QString>("names");
    for (const Rule &rule : rules()) {
        if (rule.postgresqlOnly && !TestDatabase::isPostgreSQL())
            continue;
        for (Person p : kEveryone) {
            // On SQLite there is one person, with every right.
            const bool allowed = !TestDatabase::isPostgreSQL() || rule.allowed.contains(p);
            QTest::addRow("%s: %s", qPrintable(personName(p)), rule.name)
                << int(p) << QString::fromLatin1(rule.sql) << allowed
                << QString::fromLatin1(rule.refusalNames ? rule.refusalNames : "");
            if (!TestDatabase::isPostgreSQL())
                break;
        }
    }
}

void TestPermissions::dataLayer_data()
{
    matrixData();
}

void TestPermissions::dataLayer()
{
    QFETCH(int, person);
    QFETCH(QString, sql);
    QFETCH(bool, allowed);
    QFETCH(QString, names);
    Database &db = m_t->dbAs(Person(person));
    Transaction tx(db);
    QVERIFY2(tx.ok(), qPrintable(tx.error().detail));
    VoidResult r = SqlStatement::run(db, sql);
    if (allowed) {
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail));
    } else {
        QVERIFY2(!r.ok(), "the database accepted a statement this role may not run");
        QCOMPARE(r.error().code, DbError::Code::PermissionDenied);
        QVERIFY2(r.error().message.contains(names), qPrintable(r.error().message));
        QVERIFY2(!r.error().message.contains(u"42501"_s), qPrintable(r.error().message));
    }
    tx.rollback();
}

void TestPermissions::psqlAsEachPerson_data()
{
    if (!TestDatabase::isPostgreSQL())
        QSKIP("psql and login roles exist on PostgreSQL only; dataLayer covers the SQLite person");
    matrixData();
}

void TestPermissions::psqlAsEachPerson()
{
    QFETCH(int, person);
    QFETCH(QString, sql);
    QFETCH(bool, allowed);
    const DatabaseConfig server = DatabaseConfig::parse(m_t->superuserUrl()).value();
    QProcess psql;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The person's own password, and nothing else to find one in.
    env.insert(u"PGPASSWORD"_s, TestDatabase::password(Person(person)));
    env.insert(u"PGPASSFILE"_s, u"/dev/null"_s);
    psql.setProcessEnvironment(env);
    const QString conninfo = u"host=%1 port=%2 dbname=%3 user=%4 sslmode=disable"_s.arg(server.host)
                                 .arg(server.port)
                                 .arg(server.databaseName, TestDatabase::login(Person(person)));
    psql.start(u"psql"_s, {u"-X"_s, u"-q"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s, u"-v"_s, u"VERBOSITY=verbose"_s,
                           u"-d"_s, conninfo});
    QVERIFY2(psql.waitForStarted(), "psql (postgresql-client) must be installed");
    psql.write(("BEGIN;\n" + sql.toUtf8() + ";\nROLLBACK;\n"));
    psql.closeWriteChannel();
    QVERIFY(psql.waitForFinished(30000));
    const QString err = QString::fromUtf8(psql.readAllStandardError());
    QVERIFY2(!err.contains(u"password authentication failed"_s), qPrintable(err));
    if (allowed) {
        QVERIFY2(psql.exitCode() == 0, qPrintable(err));
    } else {
        QVERIFY2(psql.exitCode() != 0, "psql ran a statement this role may not run");
        QVERIFY2(err.contains(u"42501"_s), qPrintable(err));
    }
}

void TestPermissions::commandLineRefusesWhatTheRoleMayNot()
{
    // A housing clerk cannot receive protocols, not even one (the job kind is refused),
    // and hears it in words; an administrator can.
    SqlStatement first(m_t->dbAs(Person::Admin), u"SELECT min(id) FROM protocols"_s);
    QVERIFY(first.exec().ok() && first.next());
    const QString id = first.value(0).toString();
    const CliRunner::Run housing =
        CliRunner::run({u"--database"_s, m_t->urlAs(Person::Housing), u"protocols"_s, u"receive"_s,
                        u"--ids"_s, id, u"--wait"_s});
    if (TestDatabase::isPostgreSQL()) {
        QCOMPARE(housing.exitCode, 1);
        QVERIFY2(housing.errText().contains(u"may not"_s), qPrintable(housing.errText()));
        QVERIFY2(!housing.errText().contains(u"QPSQL"_s), qPrintable(housing.errText()));
    } else {
        QVERIFY2(housing.exitCode == 0, qPrintable(housing.errText()));
    }
    // The vet may read protocols but not buildings.
    const CliRunner::Run vet =
        CliRunner::run({u"--database"_s, m_t->urlAs(Person::Vet), u"buildings"_s, u"list"_s});
    if (TestDatabase::isPostgreSQL()) {
        QCOMPARE(vet.exitCode, 1);
        QVERIFY2(vet.errText().contains(u"You may not see buildings"_s), qPrintable(vet.errText()));
    } else {
        QVERIFY2(vet.exitCode == 0, qPrintable(vet.errText()));
    }
    // A vet may not sync residents from the registrar (refused before any request).
    const CliRunner::Run vetSync =
        CliRunner::run({u"--database"_s, m_t->urlAs(Person::Vet), u"sync"_s, u"residents"_s,
                        u"http://127.0.0.1:9/residents.csv"_s, u"--json"_s});
    if (TestDatabase::isPostgreSQL()) {
        QCOMPARE(vetSync.exitCode, 1);
        QVERIFY2(vetSync.errText().contains(u"may not"_s), qPrintable(vetSync.errText()));
    } else {
        QVERIFY2(vetSync.exitCode == 0, qPrintable(vetSync.errText())); // queued only
    }
    const CliRunner::Run vetLab =
        CliRunner::run({u"--database"_s, m_t->urlAs(Person::Vet), u"protocols"_s, u"list"_s});
    QVERIFY2(vetLab.exitCode == 0, qPrintable(vetLab.errText()));
    // Backups are the administrators': a vet's is refused before any job is queued,
    // and a vet's restore before anything is read.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const CliRunner::Run vetBackup = CliRunner::run(
        {u"--database"_s, m_t->urlAs(Person::Vet), u"backup"_s, dir.filePath(u"vet.rdb"_s), u"--wait"_s});
    if (TestDatabase::isPostgreSQL()) {
        QCOMPARE(vetBackup.exitCode, 1);
        QVERIFY2(vetBackup.errText().contains(u"may not start this kind of job"_s), qPrintable(vetBackup.errText()));
        QVERIFY(!QFile::exists(dir.filePath(u"vet.rdb"_s)));
    } else {
        QVERIFY2(vetBackup.exitCode == 0, qPrintable(vetBackup.errText()));
        QVERIFY(QFile::exists(dir.filePath(u"vet.rdb"_s)));
    }
    if (!TestDatabase::isPostgreSQL()) {
        // The receive above changed the data on purpose: the new fingerprint is the base.
        std::unique_ptr<Database> installer = m_t->openAsInstaller();
        m_fingerprint = fingerprint(*installer);
    }
    // Period reports: a vet may not start the occupancy report, a housing clerk not the
    // lab's turnaround (nothing is queued); each may start their own (queued only).
    const auto report = [this](Person p, const QString &which) {
        return CliRunner::run({u"--database"_s, m_t->urlAs(p), u"report"_s, which, u"--from"_s, u"2026-01-01"_s,
                               u"--to"_s, u"2026-01-31"_s, u"--json"_s});
    };
    if (TestDatabase::isPostgreSQL()) {
        for (const auto &[person, which] :
             {std::pair{Person::Vet, u"occupancy"_s}, std::pair{Person::Housing, u"turnaround"_s}}) {
            const CliRunner::Run r = report(person, which);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.errText().contains(u"may not"_s), qPrintable(r.errText()));
        }
        std::unique_ptr<Database> installer = m_t->openAsInstaller();
        QCOMPARE(fingerprint(*installer), m_fingerprint);
    }
    for (const auto &[person, which] :
         {std::pair{Person::Housing, u"maintenance"_s}, std::pair{Person::Vet, u"turnaround"_s}}) {
        const CliRunner::Run r = report(person, which);
        QVERIFY2(r.exitCode == 0, qPrintable(which + u": "_s + r.errText()));
    }
    {
        // The reports queued on purpose: the new fingerprint is the base.
        std::unique_ptr<Database> installer = m_t->openAsInstaller();
        m_fingerprint = fingerprint(*installer);
    }
}

void TestPermissions::nothingChanged()
{
    std::unique_ptr<Database> installer = m_t->openAsInstaller();
    QCOMPARE(fingerprint(*installer), m_fingerprint);
}

void TestPermissions::policiesAskForTheRoleOncePerStatement_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("read jobs") << u"SELECT id FROM jobs"_s;
    QTest::newRow("change jobs") << u"UPDATE jobs SET priority = priority"_s;
    QTest::newRow("remove jobs") << u"DELETE FROM jobs"_s;
    QTest::newRow("read notifications") << u"SELECT id FROM notifications"_s;
    QTest::newRow("mark notifications") << u"UPDATE notifications SET read_at = read_at"_s;
    QTest::newRow("remove notifications") << u"DELETE FROM notifications"_s;
}

// Whether somebody is an administrator or a worker is asked once per statement (an
// InitPlan, migration 0032), not in every row's filter: the row filters name no
// pg_has_role() (with them there, a vet's look at 100,000 jobs took three times as long).
void TestPermissions::policiesAskForTheRoleOncePerStatement()
{
    if (!TestDatabase::isPostgreSQL())
        QSKIP("row-level security is PostgreSQL's; SQLite's one person reads every row");
    QFETCH(QString, sql);
    Database &vet = m_t->dbAs(Person::Vet);
    Transaction tx(vet);
    QVERIFY2(tx.ok(), qPrintable(tx.error().detail));
    SqlStatement explain(vet, u"EXPLAIN (COSTS OFF) "_s + sql);
    const VoidResult r = explain.exec();
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail));
    QStringList plan;
    while (explain.next())
        plan << explain.value(0).toString();
    const QString text = plan.join(u'\n');
    QVERIFY2(text.contains(u"InitPlan"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Filter: "_s), qPrintable(text));
    QVERIFY2(!text.contains(u"pg_has_role"_s), qPrintable(text));
    explain.finish();
    tx.rollback();
}

QTEST_GUILESS_MAIN(TestPermissions)
#include "tst_permissions.moc"
