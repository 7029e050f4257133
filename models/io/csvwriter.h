#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QIODevice;

// Writes RFC 4180 CSV to a QIODevice, one record at a time, for any table (residents,
// rooms, rejected import rows, and later protocols): UTF-8, CRLF line breaks, a field
// quoted when it holds the separator, a quote, a CR or an LF (quotes doubled), and in
// the few cases where a reader would otherwise lose it (a record of one empty or
// blank field, which would read as a blank line; a field starting with U+FEFF).
// Output is buffered and written in 64 KiB blocks, so exports stream in constant
// memory. CsvReader reads back exactly what this writes.
//
// Not thread-safe; the device must stay open until flush() (the destructor flushes).
//
//   QSaveFile file(path);
//   file.open(QIODevice::WriteOnly);
//   CsvWriter writer(&file);
//   writer.writeRecord({u"student_id"_s, u"first_name"_s});
//   writer.writeRecord({u"S1"_s, u"Ana"_s});
//   if (!writer.flush()) fail(writer.errorString());
//   file.commit();
class CsvWriter
{
    Q_DECLARE_TR_FUNCTIONS(CsvWriter)
public:
    explicit CsvWriter(QIODevice *device, char separator = ',');
    ~CsvWriter();
    CsvWriter(const CsvWriter &) = delete;
    CsvWriter &operator=(const CsvWriter &) = delete;

    // A UTF-8 byte-order mark first, for spreadsheet programs that need it to read
    // UTF-8 (call before the first record).
    void writeByteOrderMark();
    // False once a write to the device has failed (the record is not written).
    bool writeRecord(const QStringList &fields);
    bool flush();

    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    qint64 recordsWritten() const { return m_records; }

    // One field as it appears in the file (quoted if needed), without separator.
    static QByteArray encodeField(const QString &field, char separator, bool alone = false);

private:
    QIODevice *m_device;
    char m_separator;
    QByteArray m_buffer;
    QString m_error;
    qint64 m_records = 0;
};
