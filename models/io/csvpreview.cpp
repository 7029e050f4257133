#include "models/io/csvpreview.h"

#include "models/db/databasefileguard.h"
#include "models/io/csvreader.h"
#include "models/io/csvrecord.h"

#include <QFile>

CsvPreview CsvPreview::load(const QString &path, int maxRows)
{
    CsvPreview preview;
    preview.path = path;
    if (const std::optional<QString> refused = DatabaseFileGuard::refusal(path)) {
        preview.error = *refused;
        return preview;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        preview.error = tr("%1: cannot open the file: %2").arg(path, file.errorString());
        return preview;
    }
    CsvReader reader(&file);
    CsvRecord record;
    if (!reader.readNext(record)) {
        preview.error = reader.error() != CsvReader::Error::None
                            ? tr("%1: %2").arg(path, reader.errorString())
                            : tr("%1: the file is empty").arg(path);
        return preview;
    }
    for (const QString &name : record.fields())
        preview.header.append(name.trimmed());
    preview.separator = reader.separator();
    while (preview.rows.size() < maxRows && reader.readNext(record)) {
        preview.rows.append(record.fields());
        preview.lines.append(record.line());
    }
    if (reader.error() != CsvReader::Error::None && preview.rows.size() < maxRows)
        preview.error = tr("%1: %2").arg(path, reader.errorString());
    return preview;
}
