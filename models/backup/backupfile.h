#pragma once

#include "models/backup/backupformat.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QSaveFile>

#include <functional>
#include <memory>

// Writes a backup file (format: models/backup/backupformat.h) table by table, row by
// row, holding at most one chunk in memory. The file appears under its name only when
// finish() succeeds (QSaveFile): a failed or cancelled backup leaves no partial file.
// One thread; not copyable.
//
//   BackupFileWriter w;
//   if (!w.open(path, &error)) ...
//   w.beginTable(u"residents"_s, columns, sequence);
//   for (...) if (!w.addRow(values, &error)) ...
//   w.endTable(&error);
//   w.finish(manifestHead, &error);
class BackupFileWriter
{
    Q_DECLARE_TR_FUNCTIONS(BackupFileWriter)
public:
    bool open(const QString &path, QString *error);
    void beginTable(const QString &name, const QList<BackupColumn> &columns, qint64 sequence);
    bool addRow(const QList<BackupValue> &values, QString *error);
    bool endTable(QString *error);
    // Writes the manifest (`head` gives schema version, source and time; the tables are
    // this writer's) and the trailer, and commits the file.
    bool finish(BackupManifest head, QString *error);
    void cancel();
    qint64 bytesWritten() const { return m_pos; }
    const QList<BackupTableEntry> &tables() const { return m_tables; }

private:
    bool flushChunk(QString *error);
    bool write(const QByteArray &bytes, QString *error);

    std::unique_ptr<QSaveFile> m_file;
    qint64 m_pos = 0;
    QList<BackupTableEntry> m_tables;
    QByteArray m_chunk;
    quint32 m_chunkRows = 0;
    int m_level = 1; // per table: 0 once a chunk hardly compressed
    std::unique_ptr<QCryptographicHash> m_hash;
};

// Reads and checks a backup file. open() checks the frame (both magic markers, the
// trailer, the manifest and its checksum); verify() also checks every table's checksum
// and decodes every row. Errors name the file's table and byte range.
class BackupFileReader
{
    Q_DECLARE_TR_FUNCTIONS(BackupFileReader)
public:
    bool open(const QString &path, QString *error);
    const BackupManifest &manifest() const { return m_manifest; }
    qint64 fileSize() const { return m_size; }

    // Every row of table `index`, in order, to `row` (which returns false to stop, with
    // the reason in *error). Checks the table's checksum and row count on the way; on
    // damage returns false with *error naming table and bytes.
    // With no sink, every value is decoded in place and checked, nothing copied.
    using RowSink = std::function<bool(const QList<BackupValue> &row, QString *error)>;
    bool readTable(int index, const RowSink &row, QString *error);
    // readTable() of every table with no sink: the whole file checked. Tables are
    // checked on up to `threads` threads at once (each with its own handle on the file);
    // `progress` is called on the calling thread. The error is the one of the first
    // damaged table in the file's order, as when checked one after the other.
    bool verify(QString *error, const std::function<void(qint64 rows)> &progress = {}, int threads = 1);

    // Every chunk of table `index` in order, decompressed, to `chunk` (its decoded bytes,
    // its row count and the byte it starts at; returns false to stop, the reason in
    // *error). One pass: the checksum is computed on the way and compared at the end,
    // as are the row count and the chunks' frame. For a file verify()'d before (a file
    // changed since is still refused, at the end of the table); the rows themselves are
    // the sink's to decode (readRows).
    using ChunkSink = std::function<bool(const QByteArray &raw, quint32 rows, qint64 at, QString *error)>;
    bool readChunks(int index, const ChunkSink &chunk, QString *error);
    // The error readTable() gives for a damaged row or chunk of table `index` found by a
    // ChunkSink: "row R of the chunk at byte B cannot be read" (row 0: the chunk holds
    // more than its rows).
    QString damagedRow(int index, quint32 row, qint64 at) const;

private:
    QString damaged(const BackupTableEntry &t, const QString &what) const;

    QFile m_file;
    QString m_path;
    qint64 m_size = 0;
    qint64 m_manifestOffset = 0;
    BackupManifest m_manifest;
};
