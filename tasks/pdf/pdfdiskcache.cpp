#include "tasks/pdf/pdfdiskcache.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPdfDisk, "residesk.pdf.cache.disk")

namespace {

// Files another process may still be writing (QSaveFile's temporary file, a PDF whose
// sidecar is not written yet) are left alone until they are this old.
constexpr qint64 kLeftoverAgeMs = 10 * 60 * 1000;

const QString kPdfSuffix = u".pdf"_s;
const QString kSidecarSuffix = u".json"_s;

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

bool writeAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    // Never write in place: a crash would leave half a file under the final name.
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    if (file.write(bytes) != bytes.size()) {
        *error = file.errorString();
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

// The last use is the sidecar's modification time: a hit changes one time stamp
// instead of rewriting (and syncing) a file.
void setLastUse(const QString &sidecar, const QDateTime &when)
{
    QFile file(sidecar);
    if (file.open(QIODevice::ReadOnly))
        file.setFileTime(when, QFileDevice::FileModificationTime);
}

} // namespace

PdfDiskCache::PdfDiskCache(QString directory, qint64 capacityBytes)
    : m_directory(std::move(directory))
    , m_capacity(qMax<qint64>(0, capacityBytes))
{}

QString PdfDiskCache::pdfPath(const QString &baseName) const
{
    return m_directory + QLatin1Char('/') + baseName + kPdfSuffix;
}

QString PdfDiskCache::sidecarPath(const QString &baseName) const
{
    return m_directory + QLatin1Char('/') + baseName + kSidecarSuffix;
}

QString PdfDiskCache::filePath(const PdfCacheKey &key) const
{
    return pdfPath(key.fileBaseName());
}

bool PdfDiskCache::looksLikePdf(const QByteArray &bytes)
{
    if (!bytes.startsWith("%PDF-"))
        return false;
    // The trailer may be followed by an end of line (and, from some writers, spaces);
    // only the last kilobyte is searched.
    qsizetype end = bytes.size();
    while (end > 0 && (bytes.at(end - 1) == '\n' || bytes.at(end - 1) == '\r' || bytes.at(end - 1) == ' ' ||
                       bytes.at(end - 1) == '\t' || bytes.at(end - 1) == '\0'))
        --end;
    return end >= 10 && bytes.sliced(0, end).endsWith("%%EOF");
}

std::optional<PdfDiskCache::Item> PdfDiskCache::readSidecar(const QString &baseName) const
{
    QFile file(sidecarPath(baseName));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    const std::optional<PdfCacheKey> key = PdfCacheKey::parse(json.value(u"key"_s).toString());
    Item item;
    item.size = qint64(json.value(u"size"_s).toDouble(-1));
    item.sha256 = json.value(u"sha256"_s).toString().toLatin1();
    // A sidecar whose key does not hash to its own name was not written by us for
    // that file: never trust it.
    if (!key || key->fileBaseName() != baseName || item.size <= 0 || item.sha256.size() != 64)
        return std::nullopt;
    item.key = *key;
    return item;
}

void PdfDiskCache::ensureLoaded()
{
    if (m_loaded)
        return;
    m_loaded = true;
    if (!QDir().mkpath(m_directory)) {
        qCWarning(lcPdfDisk) << "cannot create the PDF cache folder" << m_directory;
        return;
    }
    static const QRegularExpression entryName(u"^([0-9a-f]{64})\\.(pdf|json)$"_s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QFileInfoList files =
        QDir(m_directory).entryInfoList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    QHash<QString, QDateTime> sidecars;
    QHash<QString, QFileInfo> pdfs;
    for (const QFileInfo &info : files) {
        const QRegularExpressionMatch match = entryName.match(info.fileName());
        if (!match.hasMatch()) {
            // QSaveFile's temporary files of an interrupted write, or anything else.
            if (info.lastModified().msecsTo(now) > kLeftoverAgeMs)
                QFile::remove(info.filePath());
            continue;
        }
        if (match.captured(2) == QLatin1String("json"))
            sidecars.insert(match.captured(1), info.lastModified());
        else
            pdfs.insert(match.captured(1), info);
    }
    struct Loaded
    {
        QString baseName;
        Item item;
        QDateTime lastUse;
    };
    QList<Loaded> loaded;
    for (auto it = sidecars.cbegin(); it != sidecars.cend(); ++it) {
        const std::optional<Item> item = readSidecar(it.key());
        const auto pdf = pdfs.constFind(it.key());
        if (!item || pdf == pdfs.cend() || pdf->size() != item->size) {
            // A broken pair: the next get() would fail on it anyway.
            removeFiles(it.key());
            ++m_stats.corruptRemoved;
            continue;
        }
        loaded.append({it.key(), *item, it.value()});
    }
    for (auto it = pdfs.cbegin(); it != pdfs.cend(); ++it) {
        // A PDF whose sidecar never came: a crash between the two writes.
        if (!sidecars.contains(it.key()) && it->lastModified().msecsTo(now) > kLeftoverAgeMs)
            QFile::remove(it->filePath());
    }
    std::sort(loaded.begin(), loaded.end(),
              [](const Loaded &a, const Loaded &b) { return a.lastUse < b.lastUse; });
    for (Loaded &l : loaded) {
        m_lastStampMs = qMax(m_lastStampMs, l.lastUse.toMSecsSinceEpoch());
        l.item.lastUse = ++m_useCounter;
        m_usage += l.item.size;
        m_items.insert(l.baseName, l.item);
    }
    evictLocked({});
}

void PdfDiskCache::removeFiles(const QString &baseName)
{
    // The sidecar first: without it the PDF is never trusted again, even if removing
    // the PDF fails.
    QFile::remove(sidecarPath(baseName));
    QFile::remove(pdfPath(baseName));
}

void PdfDiskCache::dropLocked(const QString &baseName)
{
    const auto it = m_items.constFind(baseName);
    if (it != m_items.cend()) {
        m_usage -= it->size;
        m_items.erase(it);
    }
    removeFiles(baseName);
}

void PdfDiskCache::touchLocked(const QString &baseName, Item &item)
{
    item.lastUse = ++m_useCounter;
    // Strictly increasing stamps, so that uses within one millisecond keep their order
    // across a restart.
    m_lastStampMs = qMax(QDateTime::currentMSecsSinceEpoch(), m_lastStampMs + 1);
    setLastUse(sidecarPath(baseName), QDateTime::fromMSecsSinceEpoch(m_lastStampMs, Qt::UTC));
}

void PdfDiskCache::evictLocked(const QString &keep)
{
    if (m_usage <= m_capacity)
        return;
    QList<std::pair<quint64, QString>> order;
    order.reserve(m_items.size());
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it)
        order.append({it->lastUse, it.key()});
    std::sort(order.begin(), order.end());
    for (const auto &[lastUse, baseName] : order) {
        if (m_usage <= m_capacity)
            break;
        if (baseName == keep)
            continue;
        qCDebug(lcPdfDisk) << "evicting" << m_items.value(baseName).key.toString();
        dropLocked(baseName);
        ++m_stats.evicted;
    }
}

std::optional<PdfCacheEntry> PdfDiskCache::get(const PdfCacheKey &key)
{
    const QString baseName = key.fileBaseName();
    QMutexLocker lock(&m_mutex);
    ensureLoaded();
    auto it = m_items.find(baseName);
    if (it == m_items.end()) {
        // Another process may have written it since the index was read.
        const std::optional<Item> item =
            QFile::exists(pdfPath(baseName)) ? readSidecar(baseName) : std::nullopt;
        if (!item || item->key != key) {
            ++m_stats.misses;
            return std::nullopt;
        }
        it = m_items.insert(baseName, *item);
        m_usage += item->size;
    }
    QFile file(pdfPath(baseName));
    QByteArray bytes;
    if (file.open(QIODevice::ReadOnly))
        bytes = file.readAll();
    const QByteArray actualSha = file.isOpen() ? sha256Hex(bytes) : QByteArray();
    if (file.isOpen() && (bytes.size() != it->size || actualSha != it->sha256)) {
        // Another process may have rewritten the pair under the same key (a second
        // rendering of the same content): its sidecar then describes the new file.
        if (const std::optional<Item> fresh = readSidecar(baseName);
            fresh && fresh->key == key && (fresh->size != it->size || fresh->sha256 != it->sha256)) {
            m_usage += fresh->size - it->size;
            it->size = fresh->size;
            it->sha256 = fresh->sha256;
        }
    }
    QString problem;
    if (!file.isOpen())
        problem = u"missing"_s;
    else if (bytes.size() != it->size)
        problem = u"size %1 instead of %2"_s.arg(bytes.size()).arg(it->size);
    else if (!looksLikePdf(bytes))
        problem = u"not a PDF"_s;
    else if (actualSha != it->sha256)
        problem = u"SHA-256 mismatch"_s;
    if (!problem.isEmpty()) {
        if (file.isOpen()) {
            qCWarning(lcPdfDisk) << "removing the corrupt cached PDF" << file.fileName() << "for"
                                 << key.toString() << ':' << problem;
            ++m_stats.corruptRemoved;
        }
        file.close();
        dropLocked(baseName);
        ++m_stats.misses;
        return std::nullopt;
    }
    touchLocked(baseName, *it);
    ++m_stats.hits;
    PdfCacheEntry entry;
    entry.key = key;
    entry.bytes = std::move(bytes);
    entry.filePath = file.fileName();
    entry.sha256 = it->sha256;
    entry.source = PdfCacheEntry::Source::LocalDisk;
    return entry;
}

bool PdfDiskCache::contains(const PdfCacheKey &key)
{
    QMutexLocker lock(&m_mutex);
    ensureLoaded();
    return m_items.contains(key.fileBaseName());
}

std::optional<QString> PdfDiskCache::put(const PdfCacheKey &key, const QByteArray &bytes,
                                         const QByteArray &sha256, QString *error)
{
    const QString baseName = key.fileBaseName();
    QMutexLocker lock(&m_mutex);
    ensureLoaded();
    // Stale copies of the same entity go first, whatever happens next.
    QStringList stale;
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
        if (key.supersedes(it->key))
            stale.append(it.key());
    }
    for (const QString &name : std::as_const(stale))
        dropLocked(name);

    if (bytes.size() > m_capacity) {
        dropLocked(baseName);
        return QString();
    }
    // A rewrite of the same key replaces the pair; drop the old one from the usage.
    if (const auto it = m_items.constFind(baseName); it != m_items.cend()) {
        m_usage -= it->size;
        m_items.erase(it);
    }
    QString problem;
    if (!QDir().mkpath(m_directory) || !writeAtomically(pdfPath(baseName), bytes, &problem)) {
        if (problem.isEmpty())
            problem = u"cannot create the folder %1"_s.arg(m_directory);
        if (error)
            *error = problem;
        return std::nullopt;
    }
    QJsonObject sidecar{{u"key"_s, key.toString()},
                        {u"size"_s, double(bytes.size())},
                        {u"sha256"_s, QString::fromLatin1(sha256)},
                        {u"created"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    if (!writeAtomically(sidecarPath(baseName), QJsonDocument(sidecar).toJson(QJsonDocument::Compact),
                         &problem)) {
        QFile::remove(pdfPath(baseName));
        if (error)
            *error = problem;
        return std::nullopt;
    }
    auto it = m_items.insert(baseName, Item{key, bytes.size(), sha256, 0});
    m_usage += it->size;
    touchLocked(baseName, *it);
    evictLocked(baseName);
    return pdfPath(baseName);
}

void PdfDiskCache::removeEntity(const QString &entity, qint64 entityId)
{
    QMutexLocker lock(&m_mutex);
    ensureLoaded();
    QStringList names;
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
        if (it->key.entity == entity && it->key.entityId == entityId)
            names.append(it.key());
    }
    for (const QString &name : std::as_const(names))
        dropLocked(name);
}

void PdfDiskCache::remove(const PdfCacheKey &key)
{
    QMutexLocker lock(&m_mutex);
    ensureLoaded();
    dropLocked(key.fileBaseName());
}

void PdfDiskCache::setCapacity(qint64 bytes)
{
    QMutexLocker lock(&m_mutex);
    m_capacity = qMax<qint64>(0, bytes);
    if (m_loaded)
        evictLocked({});
}

qint64 PdfDiskCache::capacity() const
{
    QMutexLocker lock(&m_mutex);
    return m_capacity;
}

qint64 PdfDiskCache::usage()
{
    QMutexLocker lock(&m_mutex);
    ensureLoaded();
    return m_usage;
}

int PdfDiskCache::count()
{
    QMutexLocker lock(&m_mutex);
    ensureLoaded();
    return int(m_items.size());
}

void PdfDiskCache::clear()
{
    QMutexLocker lock(&m_mutex);
    ensureLoaded();
    const QStringList names = m_items.keys();
    for (const QString &name : names)
        dropLocked(name);
}

PdfDiskCache::Stats PdfDiskCache::stats() const
{
    QMutexLocker lock(&m_mutex);
    return m_stats;
}
