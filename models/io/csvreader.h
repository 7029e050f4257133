#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

class CsvRecord;
class QIODevice;

// A streaming RFC 4180 reader over a QIODevice: it never reads the whole file, only
// a 64 KiB window (or one record, if a record is longer). It works on bytes and
// decodes a field only when asked (CsvRecord::field), so a million rows parse in well
// under a second.
//
// What it accepts: quoted fields with doubled quotes, separators and line breaks
// inside quotes; CRLF, LF or both mixed; a last line with or without a line break;
// UTF-8 with or without a byte-order mark; ',' or ';' as separator, detected from the
// first non-blank line (the one with more of them outside quotes wins; comma on a
// tie) unless set. Blank lines (empty or only spaces and tabs) are skipped. Each
// record knows the physical line on which it starts (line 1 is the first line of the
// file), counting line breaks inside quoted fields too.
//
// Two kinds of trouble:
//  - A record that cannot be trusted but does not stop the file: bytes that are not
//    valid UTF-8, a NUL byte, text after a closing quote. The record is returned with
//    CsvRecord::problem() set, e.g. "line 17: not valid UTF-8 (byte 0xE9 at column
//    12); save the file as UTF-8". Callers reject that row and go on: one badly
//    encoded name never refuses a file of 10,000 good rows, and never reaches the
//    database as mojibake.
//  - A file that is not CSV, or breaks off: NUL bytes in its first 64 KiB (binary),
//    a UTF-16 byte-order mark, a quoted field never closed before the end of the
//    file, a record longer than maxRecordBytes() (1 MiB by default; almost always an
//    unclosed quote), or a read error. readNext() then returns false and error() /
//    errorString() say what is wrong and where; the reader stops.
//
// Not thread-safe; use it on one thread at a time. The device must stay open while
// the reader reads; the reader does not own it.
//
//   QFile file(path);
//   file.open(QIODevice::ReadOnly);
//   CsvReader reader(&file);
//   CsvRecord record;
//   while (reader.readNext(record)) { ... }
//   if (reader.error() != CsvReader::Error::None) fail(reader.errorString());
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(CsvReader)
public:
    enum class Error { None, Io, Binary, Utf16, UnterminatedQuote, RecordTooLong };

    explicit CsvReader(QIODevice *device);

    // ',' or ';' (or another single ASCII byte); 0 (the default) detects it.
    void setSeparator(char separator) { m_separator = separator; }
    // The separator in use: the one set, or the one detected (0 before the first record).
    char separator() const { return m_separator; }
    void setMaxRecordBytes(qsizetype bytes) { m_maxRecordBytes = bytes; }
    // How much is read from the device at a time (64 KiB); tests make it tiny so that
    // every record spans several reads.
    void setReadSize(qsizetype bytes) { m_readSize = qMax<qsizetype>(1, bytes); }
    qsizetype maxRecordBytes() const { return m_maxRecordBytes; }

    // The next record, skipping blank lines. False at the end of the file or on an error.
    bool readNext(CsvRecord &record);

    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    // The physical line the error is about (0: none).
    qint64 errorLine() const { return m_errorLine; }

    // Where the next record (or blank line) starts: a byte offset and its line number.
    // Together they are a resume point for seek().
    qint64 position() const { return m_bufferOffset + m_pos; }
    qint64 line() const { return m_line; }
    // Continues at a position() / line() pair seen earlier on the same file (the
    // separator stays as it was). False if the device cannot seek there.
    bool seek(qint64 offset, qint64 line);

    // The first byte in `data` that is not part of valid UTF-8, or -1 (RFC 3629: no
    // overlong forms, no surrogates, nothing above U+10FFFF).
    static qsizetype firstInvalidUtf8(const char *data, qsizetype size);

private:
    enum class Parse { Ok, NeedMore, Failed };

    bool start();
    bool fill();
    bool detectSeparator();
    Parse parseRecord(CsvRecord &record, qsizetype *end, qint64 *lineBreaks);
    void checkBytes(CsvRecord &record, qsizetype begin, qsizetype end);
    void fail(Error error, qint64 line, const QString &message);
    // The physical line and 1-based character column of buffer index `at`, inside the
    // record that starts at `recordBegin` on line m_line.
    QPair<qint64, qint64> lineAndColumn(qsizetype recordBegin, qsizetype at) const;

    QIODevice *m_device;
    QByteArray m_buffer;
    qsizetype m_pos = 0;       // the next unread byte in m_buffer
    qint64 m_bufferOffset = 0; // the file offset of m_buffer[0]
    qint64 m_line = 1;         // the physical line of m_pos
    bool m_eof = false;        // the device has nothing more
    bool m_started = false;    // byte-order mark and binary check done
    char m_separator = 0;
    qsizetype m_maxRecordBytes = 1024 * 1024;
    qsizetype m_readSize = 64 * 1024;
    Error m_error = Error::None;
    QString m_errorString;
    qint64 m_errorLine = 0;
};
