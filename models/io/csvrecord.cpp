#include "models/io/csvrecord.h"

#include <QStringDecoder>

QByteArrayView CsvRecord::fieldBytes(int index) const
{
    if (index < 0 || index >= m_ends.size())
        return {};
    const qsizetype begin = index == 0 ? 0 : m_ends.at(index - 1);
    return QByteArrayView(m_data.constData() + begin, m_ends.at(index) - begin);
}

QString CsvRecord::field(int index) const
{
    // Not QString::fromUtf8(), which drops a leading U+FEFF: a field keeps every character.
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    return decoder.decode(fieldBytes(index));
}

QStringList CsvRecord::fields() const
{
    QStringList list;
    list.reserve(m_ends.size());
    for (int i = 0; i < m_ends.size(); ++i)
        list.append(field(i));
    return list;
}

void CsvRecord::clear()
{
    m_line = 0;
    m_offset = 0;
    m_endOffset = 0;
    m_data.resize(0); // keeps the capacity: the reader reuses the record
    m_ends.resize(0);
    m_problem.clear();
}

void CsvRecord::setPosition(qint64 line, qint64 offset, qint64 endOffset)
{
    m_line = line;
    m_offset = offset;
    m_endOffset = endOffset;
}
