#include "tests/support/testdatabase.h"

#include "models/db/migrator.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace {
QAtomicInteger<int> s_counter;

bool adminExec(const DatabaseConfig &admin, const QString &sql, QString *error)
{
    const QString name = QStringLiteral("residesk-test-admin-%1").arg(s_counter.fetchAndAddRelaxed(1));
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(admin.host);
        db.setPort(admin.port);
        db.setUserName(admin.user);
        db.setDatabaseName(admin.databaseName);
        if (!db.open()) {
            if (error)
                *error = QStringLiteral("cannot reach the test PostgreSQL at %1: %2")
                             .arg(admin.displayUrl(), db.lastError().text());
        } else {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok && error)
                *error = QStringLiteral("%1 failed: %2").arg(sql, q.lastError().text());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}
} // namespace

QString TestDatabase::login(Person person)
{
    switch (person) {
    case Person::Admin:
        return QStringLiteral("rt_admin");
    case Person::Housing:
        return QStringLiteral("rt_housing");
    case Person::Vet:
        return QStringLiteral("rt_vet");
    case Person::Worker:
        return QStringLiteral("rt_worker");
    }
    return {};
}

QString TestDatabase::password(Person person)
{
    // Test-only secrets; also in tests/support/pgfixture.sh (the pgpass file).
    return login(person) + QStringLiteral("-pw-5e81c3");
}

namespace {
// The test people, created once per server (roles belong to the whole server) and
// given their groups; idempotent, and serialised between test processes.
QString ensurePeopleSql()
{
    QString sql = QStringLiteral("DO $$ BEGIN PERFORM pg_advisory_xact_lock(7305870); ");
    const QList<QPair<TestDatabase::Person, QString>> people{
        {TestDatabase::Person::Admin, QStringLiteral("residesk_admin")},
        {TestDatabase::Person::Housing, QStringLiteral("residesk_housing")},
        {TestDatabase::Person::Vet, QStringLiteral("residesk_vet")},
        {TestDatabase::Person::Worker, QStringLiteral("residesk_worker")}};
    for (const auto &[person, group] : people) {
        const QString login = TestDatabase::login(person);
        sql += QStringLiteral("IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1') THEN "
                              "CREATE ROLE %1 LOGIN PASSWORD '%2'; END IF; "
                              "IF NOT pg_has_role('%1', '%3', 'MEMBER') THEN GRANT %3 TO %1; END IF; ")
                   .arg(login, TestDatabase::password(person), group);
        if (person != TestDatabase::Person::Worker)
            sql += QStringLiteral("IF NOT pg_has_role('residesk_worker', '%1', 'MEMBER') THEN "
                                  "GRANT %1 TO residesk_worker; END IF; ")
                       .arg(login);
    }
    return sql + QStringLiteral("END $$");
}
} // namespace

QString TestDatabase::backendName()
{
    const QString backend = qEnvironmentVariable("RESIDESK_TEST_BACKEND", QStringLiteral("sqlite"));
    return backend == QLatin1String("postgresql") ? backend : QStringLiteral("sqlite");
}

std::unique_ptr<TestDatabase> TestDatabase::create(QString *error, bool migrate, Person person)
{
    std::unique_ptr<TestDatabase> t(new TestDatabase);
    if (backendName() == QLatin1String("postgresql")) {
        const QString urlFile = qEnvironmentVariable("RESIDESK_TEST_PG_URL_FILE");
        QFile f(urlFile);
        if (urlFile.isEmpty() || !f.open(QIODevice::ReadOnly)) {
            if (error)
                *error =
                    QStringLiteral("RESIDESK_TEST_BACKEND=postgresql but the server's URL file \"%1\" "
                                   "cannot be read: run the suite through ctest, which starts PostgreSQL")
                        .arg(urlFile);
            return nullptr;
        }
        t->m_pgAdminUrl = QString::fromUtf8(f.readAll()).trimmed();
        const Result<DatabaseConfig> admin = DatabaseConfig::parse(t->m_pgAdminUrl);
        if (!admin) {
            if (error)
                *error = admin.error().message;
            return nullptr;
        }
        t->m_pgName = QStringLiteral("rt_%1_%2_%3")
                          .arg(QCoreApplication::applicationPid())
                          .arg(s_counter.fetchAndAddRelaxed(1))
                          .arg(QCoreApplication::applicationName().toLower().remove(QLatin1Char('-')));
        if (!adminExec(admin.value(), QStringLiteral("CREATE DATABASE ") + t->m_pgName, error))
            return nullptr;
        DatabaseConfig config = admin.value();
        config.databaseName = t->m_pgName;
        t->m_superuserUrl = config.displayUrl();
        config.user = login(person);
        t->m_url = migrate ? config.displayUrl() : t->m_superuserUrl;
    } else {
        t->m_dir = std::make_unique<QTemporaryDir>();
        if (!t->m_dir->isValid()) {
            if (error)
                *error = QStringLiteral("cannot create a temporary folder");
            return nullptr;
        }
        t->m_url = QStringLiteral("sqlite://") + t->m_dir->filePath(QStringLiteral("test.db"));
    }
    if (migrate) {
        // As an installer would: the owner (here the superuser) migrates.
        Database installer(
            DatabaseConfig::parse(t->m_superuserUrl.isEmpty() ? t->m_url : t->m_superuserUrl).value());
        const Result<int> r = Migrator(installer).migrate();
        if (!r) {
            if (error)
                *error = r.error().message + QLatin1Char(' ') + r.error().detail;
            return nullptr;
        }
        if (!t->m_pgName.isEmpty()) {
            const Result<DatabaseConfig> admin = DatabaseConfig::parse(t->m_pgAdminUrl);
            if (!adminExec(admin.value(), ensurePeopleSql(), error))
                return nullptr;
        }
    }
    t->m_db = std::make_unique<Database>(t->config());
    return t;
}

DatabaseConfig TestDatabase::config() const
{
    return DatabaseConfig::parse(m_url).value();
}

std::unique_ptr<Database> TestDatabase::openAnother() const
{
    return std::make_unique<Database>(config());
}

QString TestDatabase::urlAs(Person person) const
{
    if (m_pgName.isEmpty())
        return m_url;
    DatabaseConfig other = DatabaseConfig::parse(m_superuserUrl).value();
    other.user = login(person);
    return other.displayUrl();
}

std::unique_ptr<Database> TestDatabase::openAs(Person person) const
{
    return std::make_unique<Database>(DatabaseConfig::parse(urlAs(person)).value());
}

Database &TestDatabase::dbAs(Person person)
{
    if (m_pgName.isEmpty())
        return *m_db;
    std::unique_ptr<Database> &db = m_people[person];
    if (!db)
        db = openAs(person);
    return *db;
}

Actor TestDatabase::actorFor(Person person, const QString &sqliteName, Actor::Role role)
{
    return Actor{isPostgreSQL() ? login(person) : sqliteName, role};
}

std::unique_ptr<Database> TestDatabase::openAsInstaller() const
{
    return std::make_unique<Database>(DatabaseConfig::parse(installerUrl()).value());
}

QString TestDatabase::superuserUrl() const
{
    return m_superuserUrl;
}

TestDatabase::~TestDatabase()
{
    m_people.clear();
    m_db.reset();
    if (!m_pgName.isEmpty()) {
        const Result<DatabaseConfig> admin = DatabaseConfig::parse(m_pgAdminUrl);
        if (admin)
            adminExec(admin.value(), QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgName),
                      nullptr);
    }
}
