#include "models/db/migrator.h"

#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>

namespace {
QStringList splitStatements(const QString &sql)
{
    QStringList statements;
    QString current;
    for (const QString &line : sql.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("--")))
            continue;
        current += line + QLatin1Char('\n');
        if (trimmed.endsWith(QLatin1Char(';'))) {
            current = current.trimmed();
            current.chop(1);
            statements << current;
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}
} // namespace

Migrator::Migrator(Database &db)
    : m_db(db)
{
}

QList<Migrator::Migration> Migrator::available()
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_(\\w+)\\.sql$"));
    QList<Migration> migrations;
    const QDir dir(QStringLiteral(":/migrations"));
    for (const QString &file : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        const auto match = pattern.match(file);
        if (!match.hasMatch())
            continue;
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        migrations.append({match.captured(1).toInt(), match.captured(2), QString::fromUtf8(f.readAll())});
    }
    return migrations;
}

int Migrator::latestVersion()
{
    const QList<Migration> all = available();
    return all.isEmpty() ? 0 : all.last().version;
}

Result<int> Migrator::currentVersion()
{
    Result<QSqlDatabase> conn = m_db.connection();
    if (!conn)
        return conn.error();
    if (!conn->tables().contains(QStringLiteral("schema_migrations")))
        return 0;
    SqlStatement st(m_db, QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    if (auto r = st.exec(); !r)
        return r.error();
    return st.next() ? st.value(0).toInt() : 0;
}

Result<int> Migrator::migrate()
{
    const auto backend = m_db.config().backend;
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();

    // Serialise concurrent start-ups on a shared PostgreSQL (released at commit).
    if (m_db.isPostgreSQL()) {
        if (auto r = SqlStatement::run(m_db, QStringLiteral("SELECT pg_advisory_xact_lock(7305861)")); !r)
            return r.error();
    }
    if (auto r = SqlStatement::run(m_db, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                                        "version INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, "
                                                        "applied_at %1 NOT NULL DEFAULT %2)")
                                               .arg(Dialect::translateDdl(backend, QStringLiteral("{{TIMESTAMP}}")),
                                                    Dialect::now(backend)));
        !r)
        return DbError(DbError::Code::MigrationFailed, tr("Cannot create the schema version table."),
                       r.error().detail);

    const Result<int> current = currentVersion();
    if (!current)
        return current.error();
    const int latest = latestVersion();
    if (current.value() > latest) {
        tx.rollback();
        return DbError(DbError::Code::SchemaTooNew,
                       tr("The database schema is at version %1, newer than this Residesk (version %2 at most). "
                          "Update Residesk; the database was left untouched.")
                           .arg(current.value())
                           .arg(latest));
    }

    int applied = 0;
    for (const Migration &m : available()) {
        if (m.version <= current.value())
            continue;
        for (const QString &statement : splitStatements(Dialect::translateDdl(backend, m.sql))) {
            if (auto r = SqlStatement::run(m_db, statement); !r)
                return DbError(DbError::Code::MigrationFailed,
                               tr("Migration %1 (%2) failed: %3").arg(m.version).arg(m.name, r.error().message),
                               r.error().detail);
        }
        if (auto r = SqlStatement::run(m_db, QStringLiteral("INSERT INTO schema_migrations (version, name) VALUES (?, ?)"),
                                       {m.version, m.name});
            !r)
            return r.error();
        ++applied;
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return applied;
}
