#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariant>

// The backup file format, the same from SQLite and PostgreSQL (models/backup/README in
// the project README, "Backups and restore"):
//
//   "RESIDESK-BACKUP1" (16 bytes)
//   per table, in dependency order: chunks of [u32 LE length][u32 LE rows][zlib data]
//   the manifest (JSON, UTF-8)
//   trailer: [u64 LE manifest offset][u32 LE manifest length][32 bytes BLAKE2b-256 of
//            the manifest]["RESIDESK-BACKEND" (16 bytes)]
//
// The manifest holds the format and schema versions, and per table its columns with
// their portable types, its row count, the byte range of its chunks in the file, the
// BLAKE2b-256 of those bytes and the last id its sequence handed out. A chunk holds at
// most about a megabyte of rows before compression; each value is a tag byte and its
// bytes (see BackupValue).
namespace BackupFormat {
inline constexpr int kVersion = 1;
QByteArray headMagic(); // 16 bytes
QByteArray tailMagic(); // 16 bytes
inline constexpr int kTrailerSize = 8 + 4 + 32 + 16;
inline constexpr int kChunkTarget = 1 << 20;     // uncompressed bytes per chunk
inline constexpr quint32 kChunkMax = 256u << 20; // a chunk header above this is damage
} // namespace BackupFormat

// The portable type of a column: what a value is, whichever database it came from or
// goes to. SQLite's timestamps are text columns (ISO-8601 UTC with milliseconds): they
// travel as text and PostgreSQL reads them as timestamps; PostgreSQL's go as
// "timestamp" values (with microseconds) and SQLite keeps their milliseconds.
enum class PortableType { Integer, Real, Text, Bytes, Boolean, Timestamp, Date, Numeric };
QString portableTypeName(PortableType type);
PortableType portableTypeFromName(const QString &name, bool *ok);

// One value of a row, tagged.
struct BackupValue
{
    enum class Tag : quint8 {
        Null = 0,
        Integer = 1,
        Real = 2,
        Text = 3,
        Bytes = 4,
        Boolean = 5,
        Timestamp = 6,
        Date = 7
    };
    Tag tag = Tag::Null;
    qint64 integer = 0;
    double real = 0;
    QByteArray bytes; // UTF-8 for text, timestamps and dates; raw for bytes

    bool operator==(const BackupValue &other) const = default;
};

// A value read in place: `data` points into the decoded chunk (text, bytes, timestamps
// and dates; valid while that chunk lives), nothing is copied.
struct BackupValueView
{
    BackupValue::Tag tag = BackupValue::Tag::Null;
    qint64 integer = 0;
    double real = 0;
    const char *data = nullptr;
    qsizetype size = 0;
};

// Appends and reads encoded values (little-endian).
namespace BackupCodec {
void append(QByteArray &out, const BackupValue &value);
// Reads one value at `pos` in `data`; false (and nothing read) on damaged input.
bool read(const QByteArray &data, qsizetype &pos, BackupValue &value);
// The same without copying: the value at `pos` of `size` bytes at `data`.
bool readView(const char *data, qsizetype size, qsizetype &pos, BackupValueView &value);
// zlib
// level 1 (fast), or 0 (stored) for data that does not compress (PDFs).
QByteArray compress(const QByteArray &raw, int level = 1);
bool uncompress(const QByteArray &compressed, QByteArray &raw);
} // namespace BackupCodec

struct BackupColumn
{
    QString name;
    PortableType type = PortableType::Text;
};

struct BackupTableEntry
{
    QString name;
    QList<BackupColumn> columns;
    qint64 rows = 0;
    qint64 offset = 0;   // first byte of its chunks in the file
    qint64 length = 0;   // bytes of its chunks
    QByteArray checksum; // BLAKE2b-256 of those bytes, hex
    qint64 sequence = 0; // the last id handed out (0: none or no sequence)
};

struct BackupManifest
{
    int format = BackupFormat::kVersion;
    int schemaVersion = 0;
    QString sourceBackend; // "sqlite" or "postgresql"
    QString createdAt;     // ISO-8601 UTC
    QList<BackupTableEntry> tables;

    qint64 totalRows() const;
    QJsonObject toJson() const;
    // False with `error` set when the JSON is not a manifest this build reads.
    static bool fromJson(const QJsonObject &json, BackupManifest &manifest, QString *error);
};
