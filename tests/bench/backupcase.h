#pragma once

#include "tests/bench/benchcase.h"

#include <QString>

// backup_100k, restore_100k: DatabaseBackup::write of the whole database into a file,
// and DatabaseRestore::restore of that file into an empty, migrated database, on
// 100,000 demo residents (and their audit entries) and 10,000 finalized protocols, each
// with a work order, a signed report of 10 result rows and a stored 12 KiB PDF (bytes
// that do not compress, as a real PDF's streams). Seeded once per database. restore_100k
// on PostgreSQL creates a fresh database per run next to the given one (the URL's role
// must be allowed to create databases and migrate them) and drops it afterwards; only
// the restore itself is timed, its checks of the file included.
class BackupCase
{
public:
    static QString backupName() { return QStringLiteral("backup_100k"); }
    static QString restoreName() { return QStringLiteral("restore_100k"); }
    static QString backupDescription()
    {
        return QStringLiteral("ms to back up 100,000 residents and 10,000 protocols with reports and PDFs");
    }
    static QString restoreDescription()
    {
        return QStringLiteral("ms to restore that backup (checks included) into an empty database");
    }
    static int runBackup(const BenchOptions &options);
    static int runRestore(const BenchOptions &options);
};
