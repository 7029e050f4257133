#pragma once

#include "models/db/result.h"

#include <QList>
#include <QString>

class Database;

// Applies the versioned schema migrations in resources/migrations (NNNN_name.sql, with
// NNNN_name.postgresql.sql / .sqlite.sql for what one database alone has) in one
// transaction. On PostgreSQL migrating needs the rights of the database's owner (a
// superuser, or a role that may create roles and is a member of residesk_owner). Running again is a no-op; a
// database whose schema is newer than this build is refused and left untouched. On PostgreSQL an advisory
// lock keeps two desktops from migrating at once. Runs on the calling thread.
class Migrator
{
    Q_DECLARE_TR_FUNCTIONS(Migrator)
public:
    struct Migration
    {
        int version = 0;
        QString name;
        QString sql;        // for both databases
        QString postgresql; // only PostgreSQL's (NNNN_name.postgresql.sql)
        QString sqlite;     // only SQLite's (NNNN_name.sqlite.sql)
    };
    // From this migration on, PostgreSQL has the roles of resources/migrations/
    // 0011_security.postgresql.sql; later migrations run as residesk_owner.
    static constexpr int kSecurityVersion = 11;

    explicit Migrator(Database &db);

    static QList<Migration> available();
    static int latestVersion();

    // 0 for an empty database.
    Result<int> currentVersion();
    // Returns how many migrations were applied.
    Result<int> migrate();

private:
    static DbError schemaTooNew(int current);

    Database &m_db;
};
