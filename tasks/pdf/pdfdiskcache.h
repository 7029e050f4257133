#pragma once

#include "tasks/pdf/pdfcacheentry.h"
#include "tasks/pdf/pdfcachekey.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <optional>

// The local layer of PdfCache: PDFs in one folder on this desktop's disk, with a size
// cap and least-recently-used eviction. Each PDF is "<sha256 of key>.pdf" with a
// sidecar "<same>.json" that holds its key, size and SHA-256; the sidecar's
// modification time is the last use. Both are written atomically (QSaveFile: a
// temporary file renamed over the target), the PDF first, so a crash leaves either a
// complete pair, or a PDF without sidecar, which is ignored and cleaned up later.
//
// Every read verifies the file against its sidecar (size, SHA-256) and checks that it
// looks like a PDF (starts with "%PDF-", ends with "%%EOF"); a file that fails is
// removed and reported as a miss, never returned.
//
// Thread and lifetime contract: one instance per folder and process, shared by every
// thread; all methods are thread-safe (one internal mutex, held for the short file
// operations, never while rendering or running SQL). The index is read from the
// folder on first use, not in the constructor, so constructing it on the GUI thread
// costs nothing; call it from worker threads only (it does disk I/O). Other processes
// may use the same folder: their writes are atomic, a file they evicted is a miss
// here, a file they wrote is found through its sidecar. The cap is kept per process,
// so several processes on one folder may briefly exceed it.
//
//   PdfDiskCache disk(dir, 512 * 1024 * 1024);
//   if (std::optional<PdfCacheEntry> hit = disk.get(key)) show(hit->bytes);
class PdfDiskCache
{
public:
    static constexpr qint64 kDefaultCapacity = qint64(512) * 1024 * 1024;

    explicit PdfDiskCache(QString directory, qint64 capacityBytes = kDefaultCapacity);
    PdfDiskCache(const PdfDiskCache &) = delete;
    PdfDiskCache &operator=(const PdfDiskCache &) = delete;

    QString directory() const { return m_directory; }
    // Where the PDF for `key` is (or would be) kept.
    QString filePath(const PdfCacheKey &key) const;

    // The verified PDF for `key`, counting as a use; a corrupt file is removed.
    std::optional<PdfCacheEntry> get(const PdfCacheKey &key);
    // Whether a PDF for `key` is indexed (no verification, not a use).
    bool contains(const PdfCacheKey &key);

    // Keeps `bytes` (already checked to be a PDF; `sha256` is their hex SHA-256) under
    // `key`: removes the entries of the same entity that `key` supersedes, then evicts
    // the least recently used entries until the folder fits the cap. A PDF larger than
    // the cap is not kept (returns an empty path, no error). Returns the file's path, or
    // nullopt with `error` set when the disk refused.
    std::optional<QString> put(const PdfCacheKey &key, const QByteArray &bytes, const QByteArray &sha256,
                               QString *error = nullptr);

    // Removes every entry of one entity, or one key.
    void removeEntity(const QString &entity, qint64 entityId);
    void remove(const PdfCacheKey &key);

    void setCapacity(qint64 bytes); // evicts at once if needed
    qint64 capacity() const;
    qint64 usage(); // bytes of the indexed PDFs
    int count();    // indexed PDFs
    void clear();   // removes every entry

    // Counters since construction (for diagnostics and tests).
    struct Stats
    {
        int hits = 0;
        int misses = 0;
        int corruptRemoved = 0;
        int evicted = 0;
    };
    Stats stats() const;

    // "%PDF-" at the start and "%%EOF" at the end (trailing white space allowed).
    static bool looksLikePdf(const QByteArray &bytes);

private:
    struct Item
    {
        PdfCacheKey key;
        qint64 size = 0;
        QByteArray sha256;
        quint64 lastUse = 0; // ordering within this process (loaded in sidecar-time order)
    };

    void ensureLoaded(); // m_mutex held
    std::optional<Item> readSidecar(const QString &baseName) const;
    void removeFiles(const QString &baseName);
    void dropLocked(const QString &baseName);
    void evictLocked(const QString &keep);
    void touchLocked(const QString &baseName, Item &item);
    QString pdfPath(const QString &baseName) const;
    QString sidecarPath(const QString &baseName) const;

    const QString m_directory;
    mutable QMutex m_mutex;
    qint64 m_capacity;
    bool m_loaded = false;
    QHash<QString, Item> m_items; // by file base name
    qint64 m_usage = 0;
    quint64 m_useCounter = 0;
    qint64 m_lastStampMs = 0;
    Stats m_stats;
};
