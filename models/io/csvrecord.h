#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

// One record (row) of a CSV file as CsvReader found it: its fields as raw UTF-8 bytes
// (quotes removed, doubled quotes undone), decoded to QString only on demand, plus
// where it came from. A record whose bytes cannot be trusted (not valid UTF-8, a NUL
// byte, text after a closing quote) carries a translated problem() naming the line
// and column; its fields are then decoded with replacement characters, for display
// only. A plain value type; the reader reuses one instance to avoid allocations.
//
//   CsvRecord record;
//   while (reader.readNext(record)) {
//       if (record.hasProblem()) { report(record.line(), record.problem()); continue; }
//       const QString id = record.field(0);
//   }
class CsvRecord
{
public:
    // The physical line (1-based) on which the record starts, counting every line
    // break of the file, including those inside quoted fields.
    qint64 line() const { return m_line; }
    // The byte offset of the record's first byte, and of the byte after it (where the
    // next record, or a blank line, starts).
    qint64 offset() const { return m_offset; }
    qint64 endOffset() const { return m_endOffset; }

    int size() const { return int(m_ends.size()); }
    bool isEmpty() const { return m_ends.isEmpty(); }
    QByteArrayView fieldBytes(int index) const;
    // The field decoded from UTF-8; an empty string for an index out of range.
    QString field(int index) const;
    QStringList fields() const;

    bool hasProblem() const { return !m_problem.isEmpty(); }
    QString problem() const { return m_problem; }

    // For CsvReader.
    void clear();
    void setPosition(qint64 line, qint64 offset, qint64 endOffset);
    void appendToField(const char *data, qsizetype size) { m_data.append(data, size); }
    void endField() { m_ends.append(m_data.size()); }
    void setProblem(const QString &problem) { m_problem = problem; }

    bool operator==(const CsvRecord &other) const { return fields() == other.fields(); }

private:
    qint64 m_line = 0;
    qint64 m_offset = 0;
    qint64 m_endOffset = 0;
    QByteArray m_data;       // all fields' bytes, one after another
    QList<qsizetype> m_ends; // where each field ends in m_data
    QString m_problem;
};
