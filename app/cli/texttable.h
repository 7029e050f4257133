#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// A plain-text table with aligned columns, for the human-readable list output.
class TextTable
{
public:
    explicit TextTable(QStringList headers);

    void addRow(QStringList cells);
    int rowCount() const { return int(m_rows.size()); }
    // One line of at most `width` characters, "…" where it was cut (long errors, subjects).
    static QString elided(const QString &text, qsizetype width);
    // Header, then rows; columns separated by two spaces, trailing blanks trimmed.
    QString toString() const;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};
