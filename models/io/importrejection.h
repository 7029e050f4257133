#pragma once

#include <QString>
#include <QStringList>

// One row an import refused: the physical line on which its record starts, why (a
// translated sentence that begins "line N: "), and the fields as the file had them
// (decoded with replacement characters if the bytes were not valid UTF-8).
struct ImportRejection
{
    qint64 line = 0;
    QString reason;
    QStringList fields;

    bool operator==(const ImportRejection &) const = default;
};
