#pragma once

#include "models/db/result.h"

#include <QString>
#include <QVariantList>

#include <memory>

class Database;
class SqlStatement;

// Many rows into one table with multi-row INSERT statements: rows are buffered and
// written a statement's worth at a time, through one prepared statement that is
// re-bound for every full statement. Runs on the calling thread's connection, inside
// the caller's transaction (open one: a batch is meant to commit or fail as a whole).
//
//   BatchInsert insert(db, u"INSERT INTO report_results (report_id, position, analyte)"_s, 3);
//   for (...) if (auto r = insert.add({reportId, position, analyte}); !r) return r;
//   if (auto r = insert.flush(); !r) return r;
//
// SQLite gets short statements (Qt's SQLite driver maps each "?" through a named
// parameter lookup, which is quadratic in the parameter count); PostgreSQL long ones,
// to save round trips.
class BatchInsert
{
public:
    // `head` is "INSERT INTO table (columns…)"; `tail` (optional) follows the VALUES
    // list, e.g. " ON CONFLICT (key) DO NOTHING". Both are fixed text.
    BatchInsert(Database &db, QString head, int columns, QString tail = {});
    ~BatchInsert();
    BatchInsert(const BatchInsert &) = delete;
    BatchInsert &operator=(const BatchInsert &) = delete;

    // Adds one row of `columns` values; writes a statement when enough rows are buffered.
    VoidResult add(const QVariantList &row);
    // Writes the rows still buffered.
    VoidResult flush();
    // Rows the database reported as inserted so far.
    qint64 inserted() const { return m_inserted; }

    static int rowsPerStatement(const Database &db, int columns);

private:
    VoidResult write(int rows);
    QString statementText(int rows) const;

    Database &m_db;
    QString m_head;
    QString m_tail;
    int m_columns;
    int m_rowsPerStatement;
    QVariantList m_pending;
    qint64 m_inserted = 0;
    std::unique_ptr<SqlStatement> m_full;
};
