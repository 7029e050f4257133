#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>

class Database;
class QIODevice;

// Exports housing tables and the lab's protocols as CSV (CsvWriter: a header, RFC 4180 quoting, UTF-8),
// streaming: rows are read 1,000 at a time with the repositories' keyset paging and
// written at once, so memory stays flat for any table size. The residents file has
// the import's columns (student_id, first_name, last_name, email, phone, status), so
// that an export imported into an empty database gives the same residents.
//
// Runs on the calling thread with its connection (DbExecutor from the GUI thread).
//
//   QSaveFile file(path);
//   file.open(QIODevice::WriteOnly);
//   const Result<qint64> rows = CsvExporter(db).exportResidents(file);
//   if (rows) file.commit();
class CsvExporter
{
    Q_DECLARE_TR_FUNCTIONS(CsvExporter)
public:
    enum class Table { Residents, Rooms, Protocols };
    // (rows written so far); called after each page.
    using Progress = std::function<void(qint64)>;

    explicit CsvExporter(Database &db, Actor actor = Actor::systemUser());

    static QStringList residentColumns();
    static QStringList roomColumns();
    // The keys of `protocols list --json`: id, number, client_id, client, species,
    // animal_id, sample_count, sample_type, state, submitted_at, received_at (ISO 8601
    // UTC with milliseconds; empty if not received), version. By number.
    static QStringList protocolColumns();
    // "residents" / "rooms" / "protocols" (command-line names).
    static std::optional<Table> tableFromName(const QString &name);

    // The number of rows written. A write error is DbError::Code::QueryFailed with a
    // message that says the file could not be written.
    Result<qint64> exportTable(Table table, QIODevice &device, const Progress &progress = {});
    Result<qint64> exportResidents(QIODevice &device, const Progress &progress = {});
    Result<qint64> exportRooms(QIODevice &device, const Progress &progress = {});
    Result<qint64> exportProtocols(QIODevice &device, const Progress &progress = {});

private:
    Database &m_db;
    Actor m_actor;
};
