#include "models/reports/reporttable.h"

using namespace Qt::StringLiterals;

namespace {
QString csvCell(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r') &&
        !value.contains(u';'))
        return value;
    QString quoted = value;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

void appendLine(QString &out, const QStringList &cells)
{
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            out += u',';
        out += csvCell(cells.at(i));
    }
    out += u"\r\n"_s;
}
} // namespace

QByteArray ReportTable::toCsv() const
{
    QString out;
    appendLine(out, columns);
    const QList<QStringList> &body = csvRows.isEmpty() && !rows.isEmpty() ? rows : csvRows;
    for (const QStringList &row : body)
        appendLine(out, row);
    const QStringList &last = csvTotals.isEmpty() ? totals : csvTotals;
    if (!last.isEmpty())
        appendLine(out, last);
    return out.toUtf8();
}
