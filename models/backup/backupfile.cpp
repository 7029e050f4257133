#include "models/backup/backupfile.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QLocale>

#include <cstring>

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
    if (!write(le<quint32>(quint32(packed.size())) + le<quint32>(m_chunkRows), error) || !write(packed, error))
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
    QByteArray trailer = le<quint64>(quint64(offset)) + le<quint32>(quint32(manifest.size()))
                         + QCryptographicHash::hash(manifest, QCryptographicHash::Blake2b_256)
                         + BackupFormat::tailMagic();
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
        *error = tr("%1: the manifest cannot be read: %2").arg(path, why.isEmpty() ? parse.errorString() : why);
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
        *error = tr("%1 is damaged: bytes %2–%3 belong to no table").arg(path, number(expected), number(offset));
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
        QByteArray raw;
        if (!BackupCodec::uncompress(m_file.read(length), raw)) {
            *error = damaged(t, tr("the chunk at byte %1 cannot be decompressed").arg(number(pos)));
            return false;
        }
        qsizetype p = 0;
        for (quint32 r = 0; r < count; ++r) {
            for (int c = 0; c < columns; ++c) {
                if (!BackupCodec::read(raw, p, row[c])) {
                    *error = damaged(t, tr("row %1 of the chunk at byte %2 cannot be read").arg(r + 1).arg(number(pos)));
                    return false;
                }
            }
            if (sink && !sink(row, error))
                return false;
        }
        if (p != raw.size()) {
            *error = damaged(t, tr("the chunk at byte %1 holds more than its rows").arg(number(pos)));
            return false;
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

bool BackupFileReader::verify(QString *error, const std::function<void(qint64)> &progress)
{
    qint64 done = 0;
    for (int i = 0; i < m_manifest.tables.size(); ++i) {
        if (!readTable(i, RowSink([](const QList<BackupValue> &, QString *) { return true; }), error))
            return false;
        done += m_manifest.tables.at(i).rows;
        if (progress)
            progress(done);
    }
    return true;
}
