#pragma once

#include "models/db/result.h"
#include "tasks/pdf/pdfcacheentry.h"
#include "tasks/pdf/pdfcachekey.h"
#include "tasks/pdf/pdfdiskcache.h"

#include <QCoreApplication>
#include <QFuture>
#include <QHash>
#include <QMutex>
#include <QWaitCondition>

#include <functional>
#include <memory>
#include <optional>

class Database;
class DbExecutor;
class QThreadPool;

// Rendered PDFs, kept so that nobody waits for the same rendering twice. Two layers:
//  1. this desktop's disk (PdfDiskCache: QStandardPaths::CacheLocation/pdf, a size cap,
//     default 512 MiB, least recently used evicted first, every file verified on read);
//  2. the database (table pdf_cache, PdfCacheStore), shared by every desktop and
//     worker: a PDF rendered anywhere is copied from there instead of rendered again,
//     and copied to the local disk on the way.
// Entries are keyed by what produced them (PdfCacheKey: entity, id, content version,
// template version), so a lookup with the current key never returns a PDF made from
// other content; storing a new key for an entity deletes that entity's older keys in
// both layers. A file or row that fails verification (size, SHA-256, "%PDF-" ...
// "%%EOF") is deleted and treated as a miss (or refilled from the intact other layer):
// a corrupt PDF is never handed out.
//
// Thread and lifetime contract: one instance per process, created by the composition
// root, shared by the job runners and the GUI's executor threads, outliving both; all
// methods are thread-safe (the disk layer is internally locked). Every method that
// takes a Database& runs its SQL on the calling thread's connection
// (Database::connection()) and does disk I/O: never call them on the GUI thread. A
// local hit needs no SQL at all.
//
// Keying a work order (its `version` is bumped on every change; the renderer's
// template version on every layout change; the names below stand for the renderer's):
//   const PdfCacheKey key = PdfCacheKey::workOrder(order.id, order.version, WorkOrderPdf::templateVersion());
//
// From the GUI thread, PdfOpener (ui/pdf/pdfopener.h) does all of the following; by
// hand, co_await a lookup on the read pool (named local: GCC bug 100611):
//   auto future = cache.lookupAsync(executor, key);
//   const Result<std::optional<PdfCacheEntry>> hit = co_await future;
//   if (hit && *hit) PdfViewerWindow::openBytes((*hit)->bytes, title);
// and on a miss, render on a CPU pool (that thread uses its own connection):
//   auto rendering = cache.getOrRenderAsync(executor.database(), cpuPool, key,
//                                           [order] { return WorkOrderPdf::render(order); });
//
// Pre-rendering (a task, after a work order changed; idempotent: a re-run is a hit):
//   auto future = QtConcurrent::run(cpuPool, [&cache, &db, key, order] {
//       return cache.getOrRender(db, key, [order] { return WorkOrderPdf::render(order); });
//   });
//   const Result<PdfCacheEntry> made = co_await future;
class PdfCache
{
    Q_DECLARE_TR_FUNCTIONS(PdfCache)
public:
    static constexpr qint64 kDefaultCapacity = PdfDiskCache::kDefaultCapacity;

    // `directory` empty: defaultDirectory().
    explicit PdfCache(const QString &directory = {}, qint64 capacityBytes = kDefaultCapacity);
    PdfCache(const PdfCache &) = delete;
    PdfCache &operator=(const PdfCache &) = delete;

    // QStandardPaths::CacheLocation + "/pdf".
    static QString defaultDirectory();

    // The PDF for `key`: from the local disk, else from the database (then copied to
    // the local disk). nullopt: neither has an intact copy; render it. An error only
    // when the database could not be asked (the local disk was asked first).
    Result<std::optional<PdfCacheEntry>> lookup(Database &db, const PdfCacheKey &key);
    // The local disk alone (no SQL; still disk I/O).
    std::optional<PdfCacheEntry> lookupLocal(const PdfCacheKey &key);

    // Keeps `pdf` under `key` in both layers and deletes the entity's older keys from
    // both. Validation error if `key` is invalid or `pdf` is not a PDF. A local disk
    // failure is logged, not returned (the database copy is what others need); a
    // database failure is returned (the local copy is kept).
    VoidResult store(Database &db, const PdfCacheKey &key, const QByteArray &pdf);

    // Forgets every PDF of one entity in both layers (e.g. the entity was deleted).
    VoidResult invalidate(Database &db, const QString &entity, qint64 entityId);

    // Deletes the shared copies nobody stored or opened from the database since
    // `unusedSinceMs` (ms since the epoch; a database hit refreshes a row at most hourly)
    // and returns how many; for a recurring clean-up job. Local copies are left to the
    // cap.
    Result<int> pruneShared(Database &db, qint64 unusedSinceMs);

    // lookup(), and on a miss `render()` then store(). `render` is CPU work (layout and
    // PDF writing) and runs on the calling thread: call getOrRender on a worker or pool
    // thread, never on the GUI thread. It returns the PDF's bytes (empty: failed).
    // A database that cannot be reached does not stop the PDF: it is rendered and kept
    // locally, and the problem is logged. Error only if rendering failed. Two threads
    // asking for the same missing key render it once: the second waits for the first
    // and gets its PDF (source LocalDisk, or Database if it was too large to keep).
    using RenderFunction = std::function<QByteArray()>;
    Result<PdfCacheEntry> getOrRender(Database &db, const PdfCacheKey &key, const RenderFunction &render);

    // For the GUI thread: lookup() on the executor's read pool; co_await the future.
    QFuture<Result<std::optional<PdfCacheEntry>>> lookupAsync(DbExecutor &executor, const PdfCacheKey &key);
    // For the GUI thread: getOrRender() on `pool` (a CPU pool: it may render), with
    // that pool thread's own database connection; co_await the future.
    QFuture<Result<PdfCacheEntry>> getOrRenderAsync(Database &db, QThreadPool *pool, const PdfCacheKey &key,
                                                    RenderFunction render);

    void setCapacity(qint64 bytes) { m_disk.setCapacity(bytes); }
    qint64 capacity() const { return m_disk.capacity(); }
    qint64 localUsage() { return m_disk.usage(); }
    int localCount() { return m_disk.count(); }
    void clearLocal() { m_disk.clear(); }
    QString directory() const { return m_disk.directory(); }
    // Where the local copy of `key` is or would be (for diagnostics and tests).
    QString localPath(const PdfCacheKey &key) const { return m_disk.filePath(key); }
    PdfDiskCache::Stats localStats() const { return m_disk.stats(); }

    // How many getOrRender() calls are waiting for another thread's rendering of the
    // same key (diagnostics and tests).
    int waitingForRenders() const;

private:
    Result<PdfCacheEntry> renderAndStore(Database &db, const PdfCacheKey &key, const RenderFunction &render,
                                         bool databaseReachable);
    // Checks and writes; returns the local path (empty if not kept locally).
    Result<QString> storeChecked(Database *db, const PdfCacheKey &key, const QByteArray &pdf,
                                 const QByteArray &sha256);

    PdfDiskCache m_disk;

    // Renderings under way, by key text (see getOrRender()).
    struct Flight
    {
        bool done = false;
    };
    mutable QMutex m_flightsMutex;
    QWaitCondition m_flightDone;
    QHash<QString, std::shared_ptr<Flight>> m_flights;
    int m_waiting = 0;
};
