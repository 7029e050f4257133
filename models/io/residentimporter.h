#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"
#include "models/io/importrejection.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class CsvReader;
class CsvRecord;
class Database;
class QFile;

// Imports residents from the registrar's CSV file: streaming, validated, idempotent,
// in chunks that each commit completely or not at all.
//
// Columns are found by header name (case-insensitive, surrounding spaces ignored):
// student_id, first_name, last_name, email are required; phone, status, contact_by
// (email, sms, both) and language (en, es; models/core/recipientlanguage.h) optional;
// other columns are ignored. An explicit mapping (file column → field key) overrides
// the names, for files whose headers say "Matrikel" or "E-Mail".
//
// What happens to each row:
//  - created: no resident has its student id;
//  - updated: one has, with other values (its version is bumped);
//  - unchanged: one has, with the same values (nothing is written);
//  - rejected, with the line on which its record starts and the reason: a field
//    missing or invalid (ResidentRepository::validate), a status that is not active,
//    inactive or graduated, a contact_by or language value not among those above (the
//    reason names the column and the value), text messages chosen for a resident
//    without a phone number, too few or too many fields, bytes that are not UTF-8, or a
//    student id that an earlier line of the file already named (the first line that
//    names an id owns it, even if that line is itself rejected for another reason).
// An optional column that the file does not have leaves that field of an existing
// resident alone (a new one gets no phone, status active, e-mail and the office's
// language); an empty status, contact_by or language cell means the same. Importing
// the same file twice creates and updates nothing.
//
// A file that is not CSV (binary, UTF-16, a quote never closed, no header with the
// required columns) is refused as a whole by open(), before anything is written: it
// reads the whole file once first (about 0.1 s per 100,000 rows). That first pass also
// counts the rows (exact progress) and finds the student ids repeated in the file.
// Rows with bad bytes, in contrast, are rejected one by one and the import goes on.
//
// Duplicates within the file without keeping every student id in memory: the first
// pass keeps a 64-bit hash of each id with the line of its first row (16 bytes a row;
// about 30 MiB for a million). On a hash hit it re-reads the earlier row from the file
// (through a sparse index of every 64th record's offset, so at most 64 records) and
// compares the ids themselves: equal ids make the later line a duplicate; different
// ids (a hash collision, about once in 10^13 pairs) are kept exactly in a small side
// table. Only the duplicate lines are kept, not the ids.
//
// Thread and lifetime: not thread-safe; use it from one thread at a time (open() may
// run on a worker thread and the chunks on another, one after the other). Database
// work runs on the calling thread's connection.
//
//   ResidentImporter importer(db, actor, path, {});
//   if (!importer.open()) return fail(importer.failure().message);
//   for (;;) {
//       const auto chunk = importer.nextChunk();   // one transaction
//       if (!chunk) return fail(importer.failure().message);
//       if (chunk->rows == 0) break;                // the end of the file
//       totals += chunk->counts;
//   }
class ResidentImporter
{
    Q_DECLARE_TR_FUNCTIONS(ResidentImporter)
public:
    // The field keys, in the order of an exported file.
    static QStringList fieldKeys();
    static QStringList requiredFieldKeys();

    struct Options
    {
        bool dryRun = false;             // read and compare, write nothing
        QHash<QString, QString> mapping; // file column (header name) → field key; "" ignores a column
        int chunkSize = 1000;            // rows per transaction
    };

    struct Counts
    {
        qint64 created = 0;
        qint64 updated = 0;
        qint64 unchanged = 0;
        qint64 rejected = 0;
        QHash<QString, qint64> changedFields; // field key → how many updated rows changed it

        qint64 rows() const { return created + updated + unchanged + rejected; }
        Counts &operator+=(const Counts &other);
        QJsonObject toJson() const; // created, updated, unchanged, rejected, changed_fields
        static Counts fromJson(const QJsonObject &json);
        bool operator==(const Counts &) const = default;
    };

    // Where the next chunk starts: a byte offset at a record boundary and its line.
    struct Position
    {
        qint64 offset = 0;
        qint64 line = 0;
    };

    struct Chunk
    {
        qint64 rows = 0; // rows read in this chunk; 0 at the end of the file
        Counts counts;
        QList<ImportRejection> rejected;
        Position next; // where the following chunk starts
        qint64 firstLine = 0;
        qint64 lastLine = 0;
    };

    struct Failure
    {
        enum class Kind { None, File, Database };
        Kind kind = Kind::None;
        QString message; // translated; file problems start with the file's name
        DbError error;   // for Kind::Database
    };

    // Called inside each chunk's transaction, after its rows are written and before it
    // commits: a job saves its checkpoint (and the chunk's rejected rows) here, so that
    // they commit together with the rows. An error rolls the whole chunk back.
    using InTransaction = std::function<VoidResult(const Chunk &)>;

    ResidentImporter(Database &db, Actor actor, QString path, Options options);
    ~ResidentImporter();

    // Opens the file, reads its header, resolves the columns and reads the whole file
    // once (structure, row count, duplicates). False with failure() on a file problem.
    // Needs no database.
    bool open();
    // The file's header (after open()), and which column feeds each field (-1: none).
    QStringList header() const { return m_header; }
    QHash<QString, int> columns() const { return m_columns; }
    // The number of data rows (after open()).
    qint64 totalRows() const { return m_totalRows; }
    // The size and modification time of the file as open() saw them: a resumed import
    // refuses a file that changed meanwhile.
    QJsonObject fingerprint() const;
    // Where the first data row starts (after open()).
    Position start() const { return m_start; }

    // Continues at a position an earlier chunk reported (a resumed job).
    bool resume(Position position);

    // Reads the next chunk of rows, validates them and (unless a dry run) writes them in
    // one transaction with one read of the existing rows and set-based inserts and
    // updates. Nothing on failure (see failure()); the chunk is rolled back and the
    // importer must be resumed from the last committed position.
    std::optional<Chunk> nextChunk(const InTransaction &inTransaction = {});

    Failure failure() const { return m_failure; }

private:
    struct Row;
    class DuplicateIndex;

    bool fileFailure(const QString &message);
    bool resolveColumns();
    bool prescan();
    void classify(const CsvRecord &record, QList<Row> &rows, Chunk &chunk);
    VoidResult write(QList<Row> &rows, Chunk &chunk);

    Database &m_db;
    Actor m_actor;
    QString m_path;
    Options m_options;
    std::unique_ptr<QFile> m_file;
    std::unique_ptr<CsvReader> m_reader;
    std::unique_ptr<DuplicateIndex> m_duplicates;
    QStringList m_header;
    QHash<QString, int> m_columns;
    qint64 m_totalRows = 0;
    qint64 m_size = 0;
    qint64 m_modified = 0;
    Position m_start;
    Failure m_failure;
};
