#include "tests/bench/importresidentscase.h"

#include "models/db/database.h"
#include "models/db/migrator.h"
#include "models/db/sqlstatement.h"
#include "models/io/residentimporter.h"
#include "tests/bench/benchstats.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
constexpr int kRows = 100000;

// A database with an empty residents table for one run; null with `error` on failure.
std::unique_ptr<Database> emptyDatabase(const BenchOptions &options, const QString &dir, int run,
                                        QString *error)
{
    const QString url =
        options.databaseUrl.isEmpty() ? u"sqlite://%1/import-%2.db"_s.arg(dir).arg(run) : options.databaseUrl;
    const Result<DatabaseConfig> config = DatabaseConfig::parse(url);
    if (!config) {
        *error = config.error().message;
        return nullptr;
    }
    auto db = std::make_unique<Database>(config.value());
    if (const Result<int> migrated = Migrator(*db).migrate(); !migrated) {
        *error = migrated.error().text();
        return nullptr;
    }
    if (db->isPostgreSQL()) {
        for (const QString &sql : {u"DELETE FROM import_rejections"_s, u"DELETE FROM residents"_s,
                                   u"VACUUM ANALYZE residents"_s}) {
            if (const VoidResult r = SqlStatement::run(*db, sql); !r) {
                *error = r.error().message;
                return nullptr;
            }
        }
    }
    return db;
}
} // namespace

namespace ImportBench {
bool writeResidentsFile(const QString &path, int rows, const QByteArray &prefix)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QByteArray block = "student_id,first_name,last_name,email,phone,status\n";
    for (int i = 1; i <= rows; ++i) {
        const QByteArray n = QByteArray::number(i);
        // A valid number for every row (San Francisco's 415, exchanges 200 and up).
        const QByteArray phone = "+1 415 " + QByteArray::number(200 + i / 10000) + ' ' +
                                 QByteArray::number(i % 10000).rightJustified(4, '0');
        block +=
            prefix + n + ",First" + n + ",Last" + n + ",student" + n + "@example.edu," + phone + ",active\n";
        if (block.size() > (1 << 20)) {
            if (file.write(block) != block.size())
                return false;
            block.clear();
        }
    }
    return file.write(block) == block.size();
}
} // namespace ImportBench

int ImportResidentsCase::run(const BenchOptions &options)
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(u"residents-100k.csv"_s);
    if (!dir.isValid() || !ImportBench::writeResidentsFile(csv, kRows)) {
        std::fprintf(stderr, "%s: cannot write the CSV file\n", qPrintable(name()));
        return 1;
    }
    BenchStats stats{name(), u"ms"_s, {}};
    for (int run = 0; run <= options.runs; ++run) { // run 0 warms up
        QString error;
        std::unique_ptr<Database> db = emptyDatabase(options, dir.path(), run, &error);
        if (!db) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(name()), qPrintable(error));
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        ResidentImporter importer(*db, Actor::systemUser(), csv, {});
        if (!importer.open()) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(name()), qPrintable(importer.failure().message));
            return 1;
        }
        qint64 created = 0;
        for (;;) {
            const std::optional<ResidentImporter::Chunk> chunk = importer.nextChunk();
            if (!chunk) {
                std::fprintf(stderr, "%s: %s\n", qPrintable(name()), qPrintable(importer.failure().message));
                return 1;
            }
            if (chunk->rows == 0)
                break;
            created += chunk->counts.created;
        }
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (created != kRows) {
            std::fprintf(stderr, "%s: %lld created, expected %d (is the database empty?)\n",
                         qPrintable(name()), created, kRows);
            return 1;
        }
        if (run > 0)
            stats.samples.append(ms);
        if (!options.json)
            std::printf("%s run %d: %.0f ms%s\n", qPrintable(name()), run, ms, run == 0 ? " (warm-up)" : "");
    }
    stats.print(options.json);
    return 0;
}
