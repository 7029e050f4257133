#include "app/cli/texttable.h"

TextTable::TextTable(QStringList headers)
    : m_headers(std::move(headers))
{}

void TextTable::addRow(QStringList cells)
{
    m_rows.append(std::move(cells));
}

QString TextTable::toString() const
{
    QList<qsizetype> widths(m_headers.size(), 0);
    const auto measure = [&widths](const QStringList &cells) {
        for (qsizetype i = 0; i < cells.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], cells.at(i).size());
    };
    measure(m_headers);
    for (const QStringList &row : m_rows)
        measure(row);

    QString text;
    const auto line = [&text, &widths](const QStringList &cells) {
        QString l;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            if (i > 0)
                l += QStringLiteral("  ");
            l += cells.value(i).leftJustified(widths[i]);
        }
        while (l.endsWith(QLatin1Char(' ')))
            l.chop(1);
        text += l + QLatin1Char('\n');
    };
    line(m_headers);
    for (const QStringList &row : m_rows)
        line(row);
    return text;
}

QString TextTable::elided(const QString &text, qsizetype width)
{
    const QString line = text.simplified();
    return line.size() <= width ? line : line.left(width - 1) + QChar(0x2026);
}
