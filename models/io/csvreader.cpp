#include "models/io/csvreader.h"

#include "models/io/csvrecord.h"

#include <QIODevice>

#include <algorithm>
#include <cstring>

namespace {
// A NUL byte this early means a binary file (the heuristic git and diff use).
constexpr qsizetype kBinaryProbe = 64 * 1024;

bool hasHighBit(const char *data, qsizetype size)
{
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 word;
        std::memcpy(&word, data + i, 8);
        if (word & 0x8080808080808080ULL)
            return true;
    }
    for (; i < size; ++i) {
        if (uchar(data[i]) & 0x80)
            return true;
    }
    return false;
}
} // namespace

CsvReader::CsvReader(QIODevice *device)
    : m_device(device)
{}

qsizetype CsvReader::firstInvalidUtf8(const char *data, qsizetype size)
{
    const auto *s = reinterpret_cast<const uchar *>(data);
    qsizetype i = 0;
    while (i < size) {
        const uchar c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        quint32 cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + length > size)
            return i;
        for (int k = 1; k < length; ++k) {
            const uchar d = s[i + k];
            if ((d & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (d & 0x3F);
        }
        if (length == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)))
            return i;
        if (length == 4 && (cp < 0x10000 || cp > 0x10FFFF))
            return i;
        i += length;
    }
    return -1;
}

void CsvReader::fail(Error error, qint64 line, const QString &message)
{
    m_error = error;
    m_errorLine = line;
    m_errorString = message;
}

bool CsvReader::fill()
{
    // Keep the unread part (the record being parsed) and append at least as much again,
    // so that a long record costs a few doublings, not one pass per 64 KiB.
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_bufferOffset += m_pos;
        m_pos = 0;
    }
    const qsizetype have = m_buffer.size();
    const qsizetype want = qMax(m_readSize, have);
    m_buffer.resize(have + want);
    const qint64 got = m_device->read(m_buffer.data() + have, want);
    if (got < 0) {
        m_buffer.resize(have);
        fail(Error::Io, m_line,
             tr("line %1: cannot read the file: %2").arg(m_line).arg(m_device->errorString()));
        return false;
    }
    m_buffer.resize(have + got);
    if (got == 0)
        m_eof = true;
    return true;
}

bool CsvReader::start()
{
    m_started = true;
    while (!m_eof && m_buffer.size() - m_pos < kBinaryProbe) {
        if (!fill())
            return false;
    }
    const QByteArrayView head(m_buffer.constData() + m_pos, m_buffer.size() - m_pos);
    if (head.startsWith("\xEF\xBB\xBF")) {
        m_pos += 3;
    } else if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF")) {
        fail(Error::Utf16, 1, tr("the file is encoded as UTF-16, not UTF-8; save it as \"CSV UTF-8\""));
        return false;
    }
    const qsizetype probe = qMin(kBinaryProbe, m_buffer.size() - m_pos);
    if (const void *nul = std::memchr(m_buffer.constData() + m_pos, 0, size_t(probe))) {
        const qint64 at = m_bufferOffset + (static_cast<const char *>(nul) - m_buffer.constData());
        fail(Error::Binary, 0,
             tr("the file is not a CSV text file: it contains a NUL byte at byte %1 (binary data)").arg(at));
        return false;
    }
    return true;
}

bool CsvReader::detectSeparator()
{
    // The first non-blank line, outside quotes: ',' or ';', whichever occurs more.
    for (;;) {
        int commas = 0;
        int semicolons = 0;
        bool quoted = false;
        bool content = false;
        const char *b = m_buffer.constData();
        const qsizetype n = m_buffer.size();
        for (qsizetype p = m_pos; p < n; ++p) {
            const char c = b[p];
            if (c == '"') {
                quoted = !quoted;
                content = true;
            } else if (quoted) {
                continue;
            } else if (c == ',') {
                ++commas;
            } else if (c == ';') {
                ++semicolons;
            } else if (c == '\n') {
                if (content) {
                    m_separator = semicolons > commas ? ';' : ',';
                    return true;
                }
            } else if (c != ' ' && c != '\t' && c != '\r') {
                content = true;
            }
        }
        if (m_eof || n - m_pos > m_maxRecordBytes) {
            m_separator = semicolons > commas ? ';' : ',';
            return true;
        }
        if (!fill())
            return false;
    }
}

CsvReader::Parse CsvReader::parseRecord(CsvRecord &record, qsizetype *end, qint64 *lineBreaks)
{
    const char *b = m_buffer.constData();
    const qsizetype n = m_buffer.size();
    const char sep = m_separator;
    qsizetype p = m_pos;
    qint64 lines = 0;
    bool afterQuoteReported = false;
    for (;;) {
        bool quoted = false;
        if (p < n && b[p] == '"') {
            quoted = true;
            const qint64 quoteLine = m_line + lines;
            ++p;
            qsizetype segment = p;
            for (;;) {
                const void *found = std::memchr(b + p, '"', size_t(n - p));
                if (!found) {
                    if (!m_eof)
                        return Parse::NeedMore;
                    fail(Error::UnterminatedQuote, quoteLine,
                         tr("line %1: a quoted field starts here but its closing quote is missing; the rest "
                            "of "
                            "the file cannot be read")
                             .arg(quoteLine));
                    return Parse::Failed;
                }
                const qsizetype q = static_cast<const char *>(found) - b;
                lines += std::count(b + p, b + q, '\n');
                if (q + 1 >= n && !m_eof)
                    return Parse::NeedMore;
                if (q + 1 < n && b[q + 1] == '"') {
                    record.appendToField(b + segment, q + 1 - segment);
                    p = q + 2;
                    segment = p;
                    continue;
                }
                record.appendToField(b + segment, q - segment);
                p = q + 1;
                break;
            }
        }
        // An unquoted field, or what follows a closing quote (nothing but a line break's
        // carriage return is allowed there).
        const qsizetype s = p;
        while (p < n && b[p] != sep && b[p] != '\n')
            ++p;
        if (p >= n && !m_eof)
            return Parse::NeedMore;
        qsizetype e = p;
        if (e > s && b[e - 1] == '\r' && (p >= n || b[p] == '\n'))
            --e; // CRLF (or a stray CR before the end of the file)
        if (quoted && e > s && !afterQuoteReported) {
            afterQuoteReported = true;
            record.setProblem(
                tr("line %1: unexpected text after a closing quote (a quote inside a quoted field "
                   "must be doubled: \"\")")
                    .arg(m_line + lines));
        }
        record.appendToField(b + s, e - s);
        record.endField();
        if (p >= n)
            break; // the last line has no line break
        if (b[p] == sep) {
            ++p;
            continue;
        }
        ++p; // '\n'
        ++lines;
        break;
    }
    *end = p;
    *lineBreaks = lines;
    return Parse::Ok;
}

QPair<qint64, qint64> CsvReader::lineAndColumn(qsizetype recordBegin, qsizetype at) const
{
    const char *b = m_buffer.constData();
    qint64 line = m_line;
    qsizetype lineBegin = recordBegin;
    for (qsizetype i = recordBegin; i < at; ++i) {
        if (b[i] == '\n') {
            ++line;
            lineBegin = i + 1;
        }
    }
    qint64 column = 1;
    for (qsizetype i = lineBegin; i < at; ++i)
        column += (uchar(b[i]) & 0xC0) != 0x80 ? 1 : 0; // count characters, not continuation bytes
    return {line, column};
}

void CsvReader::checkBytes(CsvRecord &record, qsizetype begin, qsizetype end)
{
    const char *b = m_buffer.constData();
    if (const void *nul = std::memchr(b + begin, 0, size_t(end - begin))) {
        const auto [line, column] = lineAndColumn(begin, static_cast<const char *>(nul) - b);
        record.setProblem(tr("line %1: contains a NUL byte at column %2; the file is damaged or not text")
                              .arg(line)
                              .arg(column));
        return;
    }
    if (!hasHighBit(b + begin, end - begin))
        return;
    const qsizetype bad = firstInvalidUtf8(b + begin, end - begin);
    if (bad < 0)
        return;
    const auto [line, column] = lineAndColumn(begin, begin + bad);
    record.setProblem(tr("line %1: not valid UTF-8 (byte 0x%2 at column %3); save the file as UTF-8")
                          .arg(line)
                          .arg(QString::number(uchar(b[begin + bad]), 16).toUpper().rightJustified(2, u'0'))
                          .arg(column));
}

bool CsvReader::readNext(CsvRecord &record)
{
    if (m_error != Error::None)
        return false;
    if (!m_started && !start())
        return false;
    if (m_separator == 0 && !detectSeparator())
        return false;
    for (;;) {
        // Skip blank lines: only spaces, tabs and a carriage return before the line break.
        qsizetype p = m_pos;
        const char *b = m_buffer.constData();
        const qsizetype n = m_buffer.size();
        while (p < n && (b[p] == ' ' || b[p] == '\t' || b[p] == '\r'))
            ++p;
        if (p < n && b[p] == '\n') {
            m_pos = p + 1;
            ++m_line;
            continue;
        }
        if (p >= n) {
            if (m_eof) {
                m_pos = n;
                return false;
            }
            if (!fill())
                return false;
            continue;
        }
        break;
    }
    for (;;) {
        record.clear();
        qsizetype end = 0;
        qint64 lines = 0;
        const Parse parsed = parseRecord(record, &end, &lines);
        if (parsed == Parse::Failed)
            return false;
        if (parsed == Parse::NeedMore) {
            if (m_buffer.size() - m_pos > m_maxRecordBytes) {
                fail(Error::RecordTooLong, m_line,
                     tr("line %1: a record longer than %2 KiB starts here; a quoted field is probably never "
                        "closed")
                         .arg(m_line)
                         .arg(m_maxRecordBytes / 1024));
                return false;
            }
            if (!fill())
                return false;
            continue;
        }
        record.setPosition(m_line, m_bufferOffset + m_pos, m_bufferOffset + end);
        if (!record.hasProblem())
            checkBytes(record, m_pos, end);
        m_pos = end;
        m_line += lines;
        return true;
    }
}

bool CsvReader::seek(qint64 offset, qint64 line)
{
    if (!m_device->seek(offset))
        return false;
    m_buffer.clear();
    m_pos = 0;
    m_bufferOffset = offset;
    m_line = line;
    m_eof = false;
    m_started = offset > 0; // at the start again: skip the byte-order mark once more
    m_error = Error::None;
    m_errorString.clear();
    m_errorLine = 0;
    return true;
}
