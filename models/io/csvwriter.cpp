#include "models/io/csvwriter.h"

#include <QIODevice>

namespace {
constexpr qsizetype kFlushSize = 64 * 1024;

bool isBlank(const QString &field)
{
    for (const QChar c : field) {
        if (c != u' ' && c != u'\t')
            return false;
    }
    return true;
}
} // namespace

CsvWriter::CsvWriter(QIODevice *device, char separator)
    : m_device(device)
    , m_separator(separator)
{
    m_buffer.reserve(kFlushSize + 4096);
}

CsvWriter::~CsvWriter()
{
    flush();
}

void CsvWriter::writeByteOrderMark()
{
    m_buffer.append("\xEF\xBB\xBF");
}

QByteArray CsvWriter::encodeField(const QString &field, char separator, bool alone)
{
    const QByteArray bytes = field.toUtf8();
    bool quote = (alone && isBlank(field)) || field.startsWith(QChar(0xFEFF));
    if (!quote) {
        for (const char c : bytes) {
            if (c == separator || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
    }
    if (!quote)
        return bytes;
    QByteArray quoted;
    quoted.reserve(bytes.size() + 8);
    quoted.append('"');
    for (const char c : bytes) {
        if (c == '"')
            quoted.append('"');
        quoted.append(c);
    }
    quoted.append('"');
    return quoted;
}

bool CsvWriter::writeRecord(const QStringList &fields)
{
    if (hasError())
        return false;
    const bool alone = fields.size() <= 1;
    if (fields.isEmpty()) {
        m_buffer.append("\"\"");
    } else {
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i > 0)
                m_buffer.append(m_separator);
            m_buffer.append(encodeField(fields.at(i), m_separator, alone));
        }
    }
    m_buffer.append("\r\n");
    ++m_records;
    if (m_buffer.size() >= kFlushSize)
        return flush();
    return true;
}

bool CsvWriter::flush()
{
    if (hasError())
        return false;
    if (m_buffer.isEmpty())
        return true;
    const qint64 written = m_device->write(m_buffer);
    if (written != m_buffer.size()) {
        m_error = tr("cannot write the file: %1").arg(m_device->errorString());
        return false;
    }
    m_buffer.resize(0);
    return true;
}
