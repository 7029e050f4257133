#include "models/db/migrator.h"

#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QSqlDatabase>

namespace {
// True while `statement` is an SQLite CREATE TRIGGER whose BEGIN … END body is still
// open: the semicolons inside that body end its statements, not the trigger.
bool inTriggerBody(const QString &statement)
{
    static const QRegularExpression trigger(
        QStringLiteral("^\\s*CREATE\\s+(?:TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\b.*\\bBEGIN\\b"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression end(QStringLiteral("\\bEND\\s*$"),
                                        QRegularExpression::CaseInsensitiveOption);
    return trigger.match(statement).hasMatch() && !end.match(statement).hasMatch();
}

// Splits a migration at the semicolons that end its statements: not those inside
// quotes ('…', "…"), comments (-- …, /* … */), dollar-quoted bodies ($$ … $$,
// $body$ … $body$) of functions and DO blocks, or the BEGIN … END body of an SQLite
// trigger.
QStringList splitStatements(const QString &sql)
{
    QStringList statements;
    QString current;
    const qsizetype n = sql.size();
    qsizetype i = 0;
    const auto flush = [&] {
        const QString statement = current.trimmed();
        if (!statement.isEmpty())
            statements << statement;
        current.clear();
    };
    while (i < n) {
        const QChar c = sql.at(i);
        const QChar next = i + 1 < n ? sql.at(i + 1) : QChar();
        if (c == u'-' && next == u'-') { // a comment to the end of the line: dropped
            while (i < n && sql.at(i) != u'\n')
                ++i;
            continue;
        }
        if (c == u'/' && next == u'*') {
            const qsizetype end = sql.indexOf(QStringLiteral("*/"), i + 2);
            i = end < 0 ? n : end + 2;
            continue;
        }
        if (c == u'\'' || c == u'"') {
            qsizetype end = i + 1;
            while (end < n && sql.at(end) != c)
                ++end;
            current += sql.mid(i, end + 1 - i); // a doubled quote is two quoted runs
            i = end + 1;
            continue;
        }
        if (c == u'$') {
            qsizetype end = i + 1;
            while (end < n && (sql.at(end).isLetterOrNumber() || sql.at(end) == u'_'))
                ++end;
            if (end < n && sql.at(end) == u'$') {
                const QString tag = sql.mid(i, end + 1 - i);
                const qsizetype close = sql.indexOf(tag, end + 1);
                const qsizetype stop = close < 0 ? n : close + tag.size();
                current += sql.mid(i, stop - i);
                i = stop;
                continue;
            }
        }
        if (c == u';' && inTriggerBody(current)) {
            current += c;
            ++i;
            continue;
        }
        if (c == u';') {
            flush();
            ++i;
            continue;
        }
        current += c;
        ++i;
    }
    flush();
    return statements;
}
} // namespace

Migrator::Migrator(Database &db)
    : m_db(db)
{}

QList<Migrator::Migration> Migrator::available()
{
    // NNNN_name.sql for both databases; NNNN_name.postgresql.sql and
    // NNNN_name.sqlite.sql for what only one of them has (applied after the common part).
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{4})_(\\w+?)(?:\\.(postgresql|sqlite))?\\.sql$"));
    QMap<int, Migration> byVersion;
    const QDir dir(QStringLiteral(":/migrations"));
    for (const QString &file : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        const auto match = pattern.match(file);
        if (!match.hasMatch())
            continue;
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        Migration &m = byVersion[match.captured(1).toInt()];
        m.version = match.captured(1).toInt();
        m.name = match.captured(2);
        const QString text = QString::fromUtf8(f.readAll());
        if (match.captured(3) == QLatin1String("postgresql"))
            m.postgresql = text;
        else if (match.captured(3) == QLatin1String("sqlite"))
            m.sqlite = text;
        else
            m.sql = text;
    }
    return byVersion.values();
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

DbError Migrator::schemaTooNew(int current)
{
    return DbError(DbError::Code::SchemaTooNew,
                   tr("The database schema is at version %1, newer than this Residesk (version %2 at most). "
                      "Update Residesk; the database was left untouched.")
                       .arg(current)
                       .arg(latestVersion()));
}

Result<int> Migrator::migrate()
{
    const auto backend = m_db.config().backend;
    // Nothing to do is the common case, and a person's role on a shared server (which
    // may not create tables) meets it and a too new schema: both are answered without
    // any DDL.
    {
        const Result<int> before = currentVersion();
        if (before && before.value() == latestVersion())
            return 0;
        if (before && before.value() > latestVersion())
            return schemaTooNew(before.value());
    }

    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();

    // Serialise concurrent start-ups on a shared PostgreSQL (released at commit).
    if (m_db.isPostgreSQL()) {
        if (auto r = SqlStatement::run(m_db, QStringLiteral("SELECT pg_advisory_xact_lock(7305861)")); !r)
            return r.error();
    }
    if (auto r =
            SqlStatement::run(m_db, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
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
        return schemaTooNew(current.value());
    }

    int applied = 0;
    for (const Migration &m : available()) {
        if (m.version <= current.value())
            continue;
        // On PostgreSQL every object from the security migration on belongs to the
        // owner role that nobody signs in as (see 0011_security.postgresql.sql).
        const bool asOwner = m_db.isPostgreSQL() && m.version > kSecurityVersion;
        if (asOwner) {
            // The owner creates its objects in the public schema, where PostgreSQL 15
            // lets only the schema's owner create by default: the installer (who owns
            // it, or a superuser) grants that once.
            if (auto r = SqlStatement::run(
                    m_db,
                    QStringLiteral("DO $$ BEGIN IF NOT has_schema_privilege('residesk_owner', 'public', "
                                   "'CREATE') THEN GRANT CREATE ON SCHEMA public TO residesk_owner; END IF; "
                                   "END $$"));
                !r)
                return DbError(DbError::Code::MigrationFailed,
                               tr("Migration %1 (%2) needs the owner role residesk_owner to create objects "
                                  "in the schema public; granting it failed: %3")
                                   .arg(m.version)
                                   .arg(m.name, r.error().message),
                               r.error().detail);
            if (auto r = SqlStatement::run(m_db, QStringLiteral("SET LOCAL ROLE residesk_owner")); !r)
                return DbError(
                    DbError::Code::MigrationFailed,
                    tr("Migration %1 (%2) must run as the database's owner role residesk_owner: %3")
                        .arg(m.version)
                        .arg(m.name, r.error().message),
                    r.error().detail);
        }
        const QString text = m.sql + QLatin1Char('\n') + (m_db.isPostgreSQL() ? m.postgresql : m.sqlite);
        for (const QString &statement : splitStatements(Dialect::translateDdl(backend, text))) {
            if (auto r = SqlStatement::run(m_db, statement); !r)
                return DbError(
                    DbError::Code::MigrationFailed,
                    tr("Migration %1 (%2) failed: %3").arg(m.version).arg(m.name, r.error().message),
                    r.error().detail);
        }
        if (asOwner) {
            if (auto r = SqlStatement::run(m_db, QStringLiteral("RESET ROLE")); !r)
                return r.error();
        }
        if (auto r = SqlStatement::run(
                m_db, QStringLiteral("INSERT INTO schema_migrations (version, name) VALUES (?, ?)"),
                {m.version, m.name});
            !r)
            return r.error();
        ++applied;
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return applied;
}
