#pragma once

#include "models/db/result.h"

#include <QList>
#include <QString>

class Database;

// Applies the versioned schema migrations in resources/migrations (NNNN_name.sql)
// in one transaction. Running again is a no-op; a database whose schema is newer
// than this build is refused and left untouched. On PostgreSQL an advisory lock
// keeps two desktops from migrating at once. Runs on the calling thread.
class Migrator
{
    Q_DECLARE_TR_FUNCTIONS(Migrator)
public:
    struct Migration
    {
        int version;
        QString name;
        QString sql;
    };

    explicit Migrator(Database &db);

    static QList<Migration> available();
    static int latestVersion();

    // 0 for an empty database.
    Result<int> currentVersion();
    // Returns how many migrations were applied.
    Result<int> migrate();

private:
    Database &m_db;
};
