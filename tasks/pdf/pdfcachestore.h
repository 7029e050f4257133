#pragma once

#include "models/db/result.h"
#include "tasks/jobclock.h"
#include "tasks/pdf/pdfcachekey.h"

#include <QByteArray>
#include <QCoreApplication>

#include <optional>

class Database;

// The SQL of the shared layer of PdfCache (table pdf_cache, migration 0005), on the
// calling thread's connection: use it on an executor, runner or worker thread, never
// on the GUI thread. PdfCache is its only user; it verifies what it reads.
//
// put() keeps at most one row per entity: in one transaction it deletes the rows the
// new key supersedes (older content or template version) and inserts the new one,
// unless a newer row is already there (a slower desktop storing an older rendering
// never replaces a newer one). On PostgreSQL the entity is locked for the transaction
// (pg_advisory_xact_lock), so two desktops storing at once cannot leave two rows; on
// SQLite the write transaction does that.
//
//   PdfCacheStore store(db);
//   const Result<PdfCacheStore::PutOutcome> r = store.put(key, bytes, sha256Hex);
class PdfCacheStore
{
    Q_DECLARE_TR_FUNCTIONS(PdfCacheStore)
public:
    explicit PdfCacheStore(Database &db, const JobClock &clock = JobClock::system());

    struct Row
    {
        QByteArray content;
        QByteArray sha256; // hex
        qint64 size = 0;
        qint64 lastUsedAt = 0;
    };
    Result<std::optional<Row>> get(const PdfCacheKey &key);

    enum class PutOutcome { Inserted, AlreadyStored, NewerStored };
    Result<PutOutcome> put(const PdfCacheKey &key, const QByteArray &content, const QByteArray &sha256);

    // Marks a row as used now (kept by pruneUnusedSince()).
    VoidResult touch(const PdfCacheKey &key);
    VoidResult remove(const PdfCacheKey &key);
    // Deletes every row of one entity; returns how many.
    Result<int> removeEntity(const QString &entity, qint64 entityId);
    // Deletes rows nobody stored or looked up since `ms` (ms since the epoch).
    Result<int> pruneUnusedSince(qint64 ms);

private:
    Database &m_db;
    const JobClock &m_clock;
};
