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

QString TestDatabase::backendName()
{
    const QString backend = qEnvironmentVariable("RESIDESK_TEST_BACKEND", QStringLiteral("sqlite"));
    return backend == QLatin1String("postgresql") ? backend : QStringLiteral("sqlite");
}

std::unique_ptr<TestDatabase> TestDatabase::create(QString *error, bool migrate)
{
    std::unique_ptr<TestDatabase> t(new TestDatabase);
    if (backendName() == QLatin1String("postgresql")) {
        const QString urlFile = qEnvironmentVariable("RESIDESK_TEST_PG_URL_FILE");
        QFile f(urlFile);
        if (urlFile.isEmpty() || !f.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("RESIDESK_TEST_BACKEND=postgresql but the server's URL file \"%1\" "
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
        t->m_url = config.displayUrl();
    } else {
        t->m_dir = std::make_unique<QTemporaryDir>();
        if (!t->m_dir->isValid()) {
            if (error)
                *error = QStringLiteral("cannot create a temporary folder");
            return nullptr;
        }
        t->m_url = QStringLiteral("sqlite://") + t->m_dir->filePath(QStringLiteral("test.db"));
    }
    t->m_db = std::make_unique<Database>(t->config());
    if (migrate) {
        const Result<int> r = Migrator(*t->m_db).migrate();
        if (!r) {
            if (error)
                *error = r.error().message + QLatin1Char(' ') + r.error().detail;
            return nullptr;
        }
    }
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

TestDatabase::~TestDatabase()
{
    m_db.reset();
    if (!m_pgName.isEmpty()) {
        const Result<DatabaseConfig> admin = DatabaseConfig::parse(m_pgAdminUrl);
        if (admin)
            adminExec(admin.value(), QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgName), nullptr);
    }
}
