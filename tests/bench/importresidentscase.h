#pragma once

#include "tests/bench/benchcase.h"

#include <QString>

// import_residents_100k: the whole import of a generated 100,000-row residents CSV
// (first pass, validation, chunked upserts) into an empty residents table, in this
// process with ResidentImporter, as `residesk import residents` runs it. Unit ms;
// target <= 3,000 ms. Each run starts empty: a new SQLite file, or (--database
// postgresql://…) the residents deleted and vacuumed first.
class ImportResidentsCase
{
public:
    static QString name() { return QStringLiteral("import_residents_100k"); }
    static QString description()
    {
        return QStringLiteral("ms to import a 100,000-row residents CSV into an empty database");
    }
    static int run(const BenchOptions &options);
};

// What the import cases share.
namespace ImportBench {
// Writes `rows` residents (student_id, first_name, last_name, email, phone, status) to
// `path`, student ids `prefix` + 1, 2, … and valid phone numbers; false on a write error.
bool writeResidentsFile(const QString &path, int rows, const QByteArray &prefix = "S");
} // namespace ImportBench
