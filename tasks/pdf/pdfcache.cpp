#include "tasks/pdf/pdfcache.h"

#include "models/db/database.h"
#include "models/db/dbexecutor.h"
#include "tasks/pdf/pdfcachestore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPdfCache, "residesk.pdf.cache")

namespace {

// A database hit refreshes last_used_at at most this often, so that busy documents do
// not turn every lookup into a write.
constexpr qint64 kTouchIntervalMs = 60 * 60 * 1000;

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

DbError invalidKey(const PdfCacheKey &key)
{
    const QString message =
        PdfCache::tr("The PDF cache key \"%1\" is not valid: it needs a lower-case entity name, "
                     "an id, a content version and a template version of 0 or more.")
            .arg(key.toString());
    return DbError(DbError::Code::Validation, message, {}, {FieldError{u"key"_s, message}});
}

} // namespace

PdfCache::PdfCache(const QString &directory, qint64 capacityBytes)
    : m_disk(directory.isEmpty() ? defaultDirectory() : directory, capacityBytes)
{}

QString PdfCache::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/pdf"_s;
}

std::optional<PdfCacheEntry> PdfCache::lookupLocal(const PdfCacheKey &key)
{
    if (!key.isValid())
        return std::nullopt;
    return m_disk.get(key);
}

Result<std::optional<PdfCacheEntry>> PdfCache::lookup(Database &db, const PdfCacheKey &key)
{
    if (!key.isValid())
        return invalidKey(key);
    if (std::optional<PdfCacheEntry> local = m_disk.get(key))
        return local;

    PdfCacheStore store(db);
    const Result<std::optional<PdfCacheStore::Row>> row = store.get(key);
    if (!row)
        return row.error();
    if (!row.value())
        return std::optional<PdfCacheEntry>();
    const PdfCacheStore::Row &shared = *row.value();
    const QByteArray sha = sha256Hex(shared.content);
    if (shared.content.size() != shared.size || sha != shared.sha256 ||
        !PdfDiskCache::looksLikePdf(shared.content)) {
        qCWarning(lcPdfCache) << "deleting the corrupt shared copy of" << key.toString()
                              << "from the database";
        if (const VoidResult r = store.remove(key); !r)
            qCWarning(lcPdfCache) << "cannot delete it:" << r.error().message << r.error().detail;
        return std::optional<PdfCacheEntry>();
    }
    if (QDateTime::currentMSecsSinceEpoch() - shared.lastUsedAt > kTouchIntervalMs) {
        if (const VoidResult r = store.touch(key); !r)
            qCWarning(lcPdfCache) << "cannot mark" << key.toString() << "as used:" << r.error().message;
    }
    PdfCacheEntry entry;
    entry.key = key;
    entry.bytes = shared.content;
    entry.sha256 = sha;
    entry.source = PdfCacheEntry::Source::Database;
    QString problem;
    if (const std::optional<QString> path = m_disk.put(key, entry.bytes, sha, &problem))
        entry.filePath = *path;
    else
        qCWarning(lcPdfCache) << "cannot keep" << key.toString() << "on the local disk:" << problem;
    return std::optional<PdfCacheEntry>(std::move(entry));
}

Result<QString> PdfCache::storeChecked(Database *db, const PdfCacheKey &key, const QByteArray &pdf,
                                       const QByteArray &sha256)
{
    QString path;
    QString problem;
    if (const std::optional<QString> stored = m_disk.put(key, pdf, sha256, &problem))
        path = *stored;
    else
        qCWarning(lcPdfCache) << "cannot keep" << key.toString() << "on the local disk:" << problem;
    if (!db)
        return path;
    const Result<PdfCacheStore::PutOutcome> shared = PdfCacheStore(*db).put(key, pdf, sha256);
    if (!shared)
        return shared.error();
    if (shared.value() == PdfCacheStore::PutOutcome::NewerStored)
        qCDebug(lcPdfCache) << "not sharing" << key.toString() << ": the database has a newer copy";
    return path;
}

VoidResult PdfCache::store(Database &db, const PdfCacheKey &key, const QByteArray &pdf)
{
    if (!key.isValid())
        return invalidKey(key);
    if (!PdfDiskCache::looksLikePdf(pdf)) {
        const QString message = tr("The document for %1 is not a PDF (it must start with %PDF- and end with "
                                   "%%EOF); it was not cached.")
                                    .arg(key.toString());
        return DbError(DbError::Code::Validation, message, {}, {FieldError{u"pdf"_s, message}});
    }
    const Result<QString> stored = storeChecked(&db, key, pdf, sha256Hex(pdf));
    if (!stored)
        return stored.error();
    return {};
}

VoidResult PdfCache::invalidate(Database &db, const QString &entity, qint64 entityId)
{
    m_disk.removeEntity(entity, entityId);
    const Result<int> removed = PdfCacheStore(db).removeEntity(entity, entityId);
    if (!removed)
        return removed.error();
    return {};
}

Result<int> PdfCache::pruneShared(Database &db, qint64 unusedSinceMs)
{
    return PdfCacheStore(db).pruneUnusedSince(unusedSinceMs);
}

Result<PdfCacheEntry> PdfCache::getOrRender(Database &db, const PdfCacheKey &key,
                                            const RenderFunction &render)
{
    if (!key.isValid())
        return invalidKey(key);
    Result<std::optional<PdfCacheEntry>> found = lookup(db, key);
    if (found && found.value())
        return *found.value();

    // One rendering per key at a time in this process: a vet who opens a work order
    // while the pre-render job is rendering it waits for that rendering (already under
    // way) instead of starting a second one.
    const QString name = key.toString();
    std::shared_ptr<Flight> flight;
    bool mine = false;
    {
        QMutexLocker lock(&m_flightsMutex);
        flight = m_flights.value(name);
        if (!flight) {
            flight = std::make_shared<Flight>();
            m_flights.insert(name, flight);
            mine = true;
        } else {
            ++m_waiting;
            while (!flight->done)
                m_flightDone.wait(&m_flightsMutex);
            --m_waiting;
        }
    }
    if (!mine) {
        found = lookup(db, key);
        if (found && found.value())
            return *found.value();
        // The other rendering failed, or its PDF could not be kept: render here.
        return renderAndStore(db, key, render, found.ok());
    }
    const auto done = qScopeGuard([this, &flight, &name] {
        QMutexLocker lock(&m_flightsMutex);
        flight->done = true;
        m_flights.remove(name);
        m_flightDone.wakeAll();
    });
    return renderAndStore(db, key, render, found.ok());
}

Result<PdfCacheEntry> PdfCache::renderAndStore(Database &db, const PdfCacheKey &key,
                                               const RenderFunction &render, bool databaseReachable)
{
    if (!databaseReachable)
        qCWarning(lcPdfCache) << "cannot ask the database for" << key.toString() << "- rendering it here";
    PdfCacheEntry entry;
    entry.key = key;
    entry.bytes = render ? render() : QByteArray();
    entry.source = PdfCacheEntry::Source::Rendered;
    if (!PdfDiskCache::looksLikePdf(entry.bytes)) {
        const QString message =
            tr("The PDF for %1 could not be made: the renderer returned %2.")
                .arg(key.toString(), entry.bytes.isEmpty() ? tr("nothing") : tr("no PDF"));
        return DbError(DbError::Code::QueryFailed, message);
    }
    entry.sha256 = sha256Hex(entry.bytes);
    // An unreachable database is not asked again: the PDF is shown and kept locally, and
    // other desktops render it themselves until one of them shares it.
    const Result<QString> stored =
        storeChecked(databaseReachable ? &db : nullptr, key, entry.bytes, entry.sha256);
    if (stored) {
        entry.filePath = stored.value();
    } else {
        qCWarning(lcPdfCache) << "cannot share" << key.toString() << ':' << stored.error().message
                              << stored.error().detail;
        // The local copy was written before the database refused.
        if (m_disk.contains(key))
            entry.filePath = m_disk.filePath(key);
    }
    return entry;
}

int PdfCache::waitingForRenders() const
{
    QMutexLocker lock(&m_flightsMutex);
    return m_waiting;
}

QFuture<Result<std::optional<PdfCacheEntry>>> PdfCache::lookupAsync(DbExecutor &executor,
                                                                    const PdfCacheKey &key)
{
    return executor.read([this, key](Database &db) { return lookup(db, key); });
}

QFuture<Result<PdfCacheEntry>> PdfCache::getOrRenderAsync(Database &db, QThreadPool *pool,
                                                          const PdfCacheKey &key, RenderFunction render)
{
    return QtConcurrent::run(
        pool ? pool : QThreadPool::globalInstance(),
        [this, &db, key, render = std::move(render)] { return getOrRender(db, key, render); });
}
