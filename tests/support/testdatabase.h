#pragma once

#include "models/core/actor.h"
#include "models/db/database.h"

#include <QString>
#include <QTemporaryDir>

#include <map>
#include <memory>

// A fresh, empty database for one test, on the backend the test run asks for:
// RESIDESK_TEST_BACKEND=sqlite (a file in a temporary folder) or =postgresql (a new
// database on the suite's throwaway server, whose URL CTest's fixture wrote to the
// file named by RESIDESK_TEST_PG_URL_FILE). Dropped again on destruction.
// A PostgreSQL run without a server fails loudly (create() returns null and says why).
//
// On PostgreSQL the test works as a person, never as a superuser: the superuser creates
// and migrates the database (as an installer would), makes sure the test people exist
// (login roles rt_admin, rt_housing, rt_vet, rt_worker, members of the residesk_* groups;
// their passwords are in the file PGPASSFILE names, written by the fixture), and db()
// and url() then sign in as the person asked for (an administrator by default).
class TestDatabase
{
public:
    enum class Person { Admin, Housing, Vet, Worker };

    ~TestDatabase();

    // Null on failure; `error` says why. Without `migrate` the database stays empty and
    // db() signs in as the superuser (only an owner can migrate it).
    static std::unique_ptr<TestDatabase> create(QString *error = nullptr, bool migrate = true,
                                                Person person = Person::Admin);
    static QString backendName(); // "sqlite" or "postgresql"
    static bool isPostgreSQL() { return backendName() == QLatin1String("postgresql"); }
    // The login of a test person on PostgreSQL ("rt_housing"), and its password.
    static QString login(Person person);
    static QString password(Person person);

    QString url() const { return m_url; }
    DatabaseConfig config() const;
    Database &db() { return *m_db; }
    // A second, independent Database on the same data (another "desktop").
    std::unique_ptr<Database> openAnother() const;
    // The same data as another person (on SQLite: the same file, one person).
    std::unique_ptr<Database> openAs(Person person) const;
    // That person's Database, opened once and kept (on SQLite: db() itself).
    Database &dbAs(Person person);
    // The Actor a test gives the data layer for a person: on PostgreSQL named after the
    // login (the database stamps rows with it), on SQLite `sqliteName`.
    static Actor actorFor(Person person, const QString &sqliteName, Actor::Role role);
    QString urlAs(Person person) const;
    // The superuser's URL of this database (PostgreSQL; empty on SQLite): for what only
    // an installer does, never for the work under test.
    QString superuserUrl() const;
    // As the installer: the superuser on PostgreSQL, the one person on SQLite. For
    // schema work (migrations, schema_migrations) only.
    QString installerUrl() const { return m_superuserUrl.isEmpty() ? m_url : m_superuserUrl; }
    std::unique_ptr<Database> openAsInstaller() const;

private:
    TestDatabase() = default;
    QString m_url;
    QString m_pgAdminUrl;
    QString m_superuserUrl; // this database, as the server's superuser
    QString m_pgName;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::map<Person, std::unique_ptr<Database>> m_people;
};
