#include "models/backup/backupfile.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QLocale>
#include <QMutex>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <numeric>
#include <vector>

using namespace Qt::StringLiterals;

namespace {
template<typename T> T getLe(const char *p)
{
    T v;
    std::memcpy(&v, p, sizeof(T));
    return v;
}
template<typename T> QByteArray le(T v)
{
    return QByteArray(reinterpret_cast<const char *>(&v), sizeof(T));
}
QString number(qint64 n)
{
    return QLocale::c().toString(n);
}

// Decodes `count` rows of `columns` values each in place, which must fill `raw`
// exactly. False at the first that cannot be read, with its number (from 1) in *bad,
// or 0 when the rows leave bytes over.
bool walkRows(const QByteArray &raw, quint32 count, int columns, quint32 *bad)
{
    const char *data = raw.constData();
    const qsizetype size = raw.size();
    qsizetype p = 0;
    BackupValueView value;
    for (quint32 r = 0; r < count; ++r) {
        for (int c = 0; c < columns; ++c) {
            if (!BackupCodec::readView(data, size, p, value)) {
                *bad = r + 1;
                return false;
            }
        }
    }
    if (p != size) {
        *bad = 0;
        return false;
    }
    return true;
}
} // namespace

bool BackupFileWriter::open(const QString &path, QString *error)
{
    m_file = std::make_unique<QSaveFile>(path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        *error = tr("%1: cannot write the backup: %2").arg(path, m_file->errorString());
        return false;
    }
    m_pos = 0;
    m_tables.clear();
    return write(BackupFormat::headMagic(), error);
}

bool BackupFileWriter::write(const QByteArray &bytes, QString *error)
{
    if (m_file->write(bytes) != bytes.size()) {
        *error = tr("%1: cannot write the backup: %2").arg(m_file->fileName(), m_file->errorString());
        return false;
    }
    if (m_hash)
        m_hash->addData(bytes);
    m_pos += bytes.size();
    return true;
}

void BackupFileWriter::beginTable(const QString &name, const QList<BackupColumn> &columns, qint64 sequence)
{
    BackupTableEntry t;
    t.name = name;
    t.columns = columns;
    t.offset = m_pos;
    t.sequence = sequence;
    m_tables.append(t);
    m_hash = std::make_unique<QCryptographicHash>(QCryptographicHash::Blake2b_256);
    m_chunk.clear();
    m_chunkRows = 0;
    m_level = 1;
}

bool BackupFileWriter::addRow(const QList<BackupValue> &values, QString *error)
{
    for (const BackupValue &v : values)
        BackupCodec::append(m_chunk, v);
    ++m_chunkRows;
    ++m_tables.last().rows;
    return m_chunk.size() < BackupFormat::kChunkTarget || flushChunk(error);
}

bool BackupFileWriter::flushChunk(QString *error)
{
    if (m_chunkRows == 0)
        return true;
    const QByteArray packed = BackupCodec::compress(m_chunk, m_level);
    // A table whose chunk saved less than a tenth (stored PDFs: already compressed) is
    // stored from then on, still as zlib streams: deflating it again costs much, gains nothing.
    if (m_level > 0 && packed.size() > m_chunk.size() / 10 * 9)
        m_level = 0;
    if (packed.isEmpty()) {
        *error = tr("cannot compress table %1").arg(m_tables.last().name);
        return false;
    }
    if (!write(le<quint32>(quint32(packed.size())) + le<quint32>(m_chunkRows), error) ||
        !write(packed, error))
        return false;
    m_chunk.clear();
    m_chunkRows = 0;
    return true;
}

bool BackupFileWriter::endTable(QString *error)
{
    if (!flushChunk(error))
        return false;
    BackupTableEntry &t = m_tables.last();
    t.length = m_pos - t.offset;
    t.checksum = m_hash->result().toHex();
    m_hash.reset();
    return true;
}

bool BackupFileWriter::finish(BackupManifest head, QString *error)
{
    head.tables = m_tables;
    const QByteArray manifest = QJsonDocument(head.toJson()).toJson(QJsonDocument::Compact);
    const qint64 offset = m_pos;
    QByteArray trailer = le<quint64>(quint64(offset)) + le<quint32>(quint32(manifest.size())) +
                         QCryptographicHash::hash(manifest, QCryptographicHash::Blake2b_256) +
                         BackupFormat::tailMagic();
    if (!write(manifest, error) || !write(trailer, error))
        return false;
    if (!m_file->commit()) {
        *error = tr("%1: cannot write the backup: %2").arg(m_file->fileName(), m_file->errorString());
        return false;
    }
    return true;
}

void BackupFileWriter::cancel()
{
    if (m_file)
        m_file->cancelWriting();
    m_file.reset();
}

bool BackupFileReader::open(const QString &path, QString *error)
{
    m_path = path;
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: cannot read the backup: %2").arg(path, m_file.errorString());
        return false;
    }
    m_size = m_file.size();
    const QByteArray head = m_file.read(16);
    if (head != BackupFormat::headMagic()) {
        *error = tr("%1 is not a Residesk backup (it does not start with its marker)").arg(path);
        return false;
    }
    if (m_size < 16 + BackupFormat::kTrailerSize) {
        *error = tr("%1 is truncated: %2 bytes, too short for a backup").arg(path, number(m_size));
        return false;
    }
    m_file.seek(m_size - BackupFormat::kTrailerSize);
    const QByteArray trailer = m_file.read(BackupFormat::kTrailerSize);
    if (trailer.size() != BackupFormat::kTrailerSize || !trailer.endsWith(BackupFormat::tailMagic())) {
        *error = tr("%1 is truncated or damaged: its end marker is missing (the file has %2 bytes)")
                     .arg(path, number(m_size));
        return false;
    }
    const qint64 offset = qint64(getLe<quint64>(trailer.constData()));
    const quint32 length = getLe<quint32>(trailer.constData() + 8);
    const QByteArray sum = trailer.mid(12, 32);
    if (offset < 16 || offset + qint64(length) != m_size - BackupFormat::kTrailerSize) {
        *error = tr("%1 is damaged: its trailer points outside the file (byte %2)")
                     .arg(path, number(m_size - BackupFormat::kTrailerSize));
        return false;
    }
    m_file.seek(offset);
    const QByteArray manifest = m_file.read(length);
    if (QCryptographicHash::hash(manifest, QCryptographicHash::Blake2b_256) != sum) {
        *error = tr("%1 is damaged: the manifest (bytes %2–%3) does not match its checksum")
                     .arg(path, number(offset), number(offset + length));
        return false;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(manifest, &parse);
    QString why;
    if (!doc.isObject() || !BackupManifest::fromJson(doc.object(), m_manifest, &why)) {
        *error =
            tr("%1: the manifest cannot be read: %2").arg(path, why.isEmpty() ? parse.errorString() : why);
        return false;
    }
    m_manifestOffset = offset;
    qint64 expected = 16;
    for (const BackupTableEntry &t : std::as_const(m_manifest.tables)) {
        if (t.offset != expected || t.offset + t.length > offset) {
            *error = damaged(t, tr("its bytes lie outside the data part of the file"));
            return false;
        }
        expected = t.offset + t.length;
    }
    if (expected != offset) {
        *error =
            tr("%1 is damaged: bytes %2–%3 belong to no table").arg(path, number(expected), number(offset));
        return false;
    }
    return true;
}

QString BackupFileReader::damaged(const BackupTableEntry &t, const QString &what) const
{
    return tr("%1 is damaged: table %2 (bytes %3–%4): %5")
        .arg(m_path, t.name, number(t.offset), number(t.offset + t.length), what);
}

bool BackupFileReader::readTable(int index, const RowSink &sink, QString *error)
{
    const BackupTableEntry &t = m_manifest.tables.at(index);
    // The checksum first: damage is found before a single row of the table is used.
    QCryptographicHash hash(QCryptographicHash::Blake2b_256);
    m_file.seek(t.offset);
    qint64 left = t.length;
    while (left > 0) {
        const QByteArray block = m_file.read(qMin<qint64>(left, 1 << 20));
        if (block.isEmpty()) {
            *error = damaged(t, tr("the file ends early"));
            return false;
        }
        hash.addData(block);
        left -= block.size();
    }
    if (hash.result().toHex() != t.checksum) {
        *error = damaged(t, tr("the data does not match its checksum"));
        return false;
    }
    if (!sink && t.rows == 0 && t.length == 0)
        return true;

    m_file.seek(t.offset);
    qint64 pos = t.offset;
    qint64 rows = 0;
    const int columns = int(t.columns.size());
    QList<BackupValue> row(columns);
    QByteArray raw;
    while (pos < t.offset + t.length) {
        const QByteArray header = m_file.read(8);
        if (header.size() != 8) {
            *error = damaged(t, tr("a chunk header at byte %1 is cut off").arg(number(pos)));
            return false;
        }
        const quint32 length = getLe<quint32>(header.constData());
        const quint32 count = getLe<quint32>(header.constData() + 4);
        if (length > BackupFormat::kChunkMax || pos + 8 + qint64(length) > t.offset + t.length) {
            *error = damaged(t, tr("the chunk at byte %1 is longer than the table").arg(number(pos)));
            return false;
        }
        if (!BackupCodec::uncompress(m_file.read(length), raw)) {
            *error = damaged(t, tr("the chunk at byte %1 cannot be decompressed").arg(number(pos)));
            return false;
        }
        if (!sink) {
            quint32 bad = 0;
            if (!walkRows(raw, count, columns, &bad)) {
                *error = damagedRow(index, bad, pos);
                return false;
            }
        } else {
            qsizetype p = 0;
            for (quint32 r = 0; r < count; ++r) {
                for (int c = 0; c < columns; ++c) {
                    if (!BackupCodec::read(raw, p, row[c])) {
                        *error = damagedRow(index, r + 1, pos);
                        return false;
                    }
                }
                if (!sink(row, error))
                    return false;
            }
            if (p != raw.size()) {
                *error = damagedRow(index, 0, pos);
                return false;
            }
        }
        rows += count;
        pos += 8 + length;
    }
    if (rows != t.rows) {
        *error = damaged(t, tr("%1 rows, the manifest says %2").arg(number(rows), number(t.rows)));
        return false;
    }
    return true;
}

QString BackupFileReader::damagedRow(int index, quint32 row, qint64 at) const
{
    const BackupTableEntry &t = m_manifest.tables.at(index);
    if (row == 0)
        return damaged(t, tr("the chunk at byte %1 holds more than its rows").arg(number(at)));
    return damaged(t, tr("row %1 of the chunk at byte %2 cannot be read").arg(row).arg(number(at)));
}

bool BackupFileReader::readChunks(int index, const ChunkSink &sink, QString *error)
{
    const BackupTableEntry &t = m_manifest.tables.at(index);
    QCryptographicHash hash(QCryptographicHash::Blake2b_256);
    m_file.seek(t.offset);
    const qint64 end = t.offset + t.length;
    qint64 pos = t.offset;
    qint64 rows = 0;
    QByteArray raw;
    while (pos < end) {
        const QByteArray header = m_file.read(8);
        if (header.size() != 8) {
            *error = damaged(t, tr("a chunk header at byte %1 is cut off").arg(number(pos)));
            return false;
        }
        hash.addData(header);
        const quint32 length = getLe<quint32>(header.constData());
        const quint32 count = getLe<quint32>(header.constData() + 4);
        if (length > BackupFormat::kChunkMax || pos + 8 + qint64(length) > end) {
            *error = damaged(t, tr("the chunk at byte %1 is longer than the table").arg(number(pos)));
            return false;
        }
        const QByteArray packed = m_file.read(length);
        if (packed.size() != qsizetype(length)) {
            *error = damaged(t, tr("the file ends early"));
            return false;
        }
        hash.addData(packed);
        if (!BackupCodec::uncompress(packed, raw)) {
            *error = damaged(t, tr("the chunk at byte %1 cannot be decompressed").arg(number(pos)));
            return false;
        }
        if (!sink(raw, count, pos, error))
            return false;
        rows += count;
        pos += 8 + length;
    }
    if (hash.result().toHex() != t.checksum) {
        *error = damaged(t, tr("the data does not match its checksum"));
        return false;
    }
    if (rows != t.rows) {
        *error = damaged(t, tr("%1 rows, the manifest says %2").arg(number(rows), number(t.rows)));
        return false;
    }
    return true;
}

bool BackupFileReader::verify(QString *error, const std::function<void(qint64)> &progress, int threads)
{
    const int n = int(m_manifest.tables.size());
    threads = qBound(1, threads, qMax(1, n));
    if (threads == 1) {
        qint64 done = 0;
        for (int i = 0; i < n; ++i) {
            if (!readTable(i, {}, error))
                return false;
            done += m_manifest.tables.at(i).rows;
            if (progress)
                progress(done);
        }
        return true;
    }

    // The largest tables first, each taken by the next free thread; a table after one
    // already found damaged is not checked (its error would not be the one reported).
    QList<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
        return m_manifest.tables.at(a).length > m_manifest.tables.at(b).length;
    });
    std::atomic<int> next = 0;
    std::atomic<int> firstDamaged = n;
    std::atomic<qint64> done = 0;
    std::vector<QString> errors(static_cast<size_t>(n));
    QString changed; // a helper's: the file is not the one opened
    QMutex changedLock;
    const auto work = [&](BackupFileReader &reader, const std::function<void()> &tick) {
        for (int k = next++; k < n; k = next++) {
            const int i = order.at(k);
            if (i > firstDamaged)
                continue;
            if (!reader.readTable(i, {}, &errors[size_t(i)])) {
                int seen = firstDamaged;
                while (i < seen && !firstDamaged.compare_exchange_weak(seen, i)) {
                }
                continue;
            }
            done += m_manifest.tables.at(i).rows;
            if (tick)
                tick();
        }
    };
    QThreadPool pool;
    pool.setMaxThreadCount(threads - 1);
    QList<QFuture<void>> helpers;
    for (int h = 1; h < threads; ++h) {
        helpers.append(QtConcurrent::run(&pool, [&] {
            BackupFileReader own;
            QString why;
            if (!own.open(m_path, &why) || own.manifest().toJson() != m_manifest.toJson()) {
                // The file changed under us: nothing of it is trusted.
                const QMutexLocker lock(&changedLock);
                changed = why.isEmpty() ? tr("%1 changed while it was being checked").arg(m_path) : why;
                firstDamaged = -1;
                return;
            }
            work(own, {});
        }));
    }
    work(*this, [&] {
        if (progress)
            progress(done);
    });
    for (QFuture<void> &f : helpers)
        f.waitForFinished();
    if (firstDamaged < 0) {
        *error = changed;
        return false;
    }
    if (firstDamaged < n) {
        *error = errors.at(size_t(firstDamaged.load()));
        return false;
    }
    if (progress)
        progress(done);
    return true;
}
