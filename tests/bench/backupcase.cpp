#include "tests/bench/backupcase.h"

#include "models/backup/databasebackup.h"
#include "models/backup/databaserestore.h"
#include "models/core/batchinsert.h"
#include "models/db/database.h"
#include "models/db/migrator.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "tests/bench/benchdatabase.h"
#include "tests/bench/benchstats.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUrl>

#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

namespace {

constexpr int kResidents = 100000;
constexpr int kProtocols = 10000;
constexpr int kPdfBytes = 12 * 1024;

int fail(const QString &message)
{
    std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(message));
    return 1;
}

qint64 scalar(Database &db, const QString &sql)
{
    SqlStatement st(db, sql);
    return st.exec() && st.next() ? st.value(0).toLongLong() : -1;
}

// 10,000 finalized protocols with work order, report, 10 results and PDF (once).
QString seedLab(Database &db)
{
    if (scalar(db, u"SELECT COUNT(*) FROM protocols WHERE number_year = 2031"_s) >= kProtocols)
        return {};
    std::fprintf(stderr, "seeding %d protocols with reports and PDFs ...\n", kProtocols);
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    Transaction tx(db);
    if (!tx.ok())
        return tx.error().message;
    if (auto r =
            SqlStatement::run(db, u"INSERT INTO clients (code, name, kind, email, created_by, updated_by) "
                                  "VALUES ('BENCH-BACKUP', 'Bench backup farm', 'farm', 'farm@example.edu', "
                                  "'bench', 'bench')"_s);
        !r)
        return r.error().message;
    const qint64 client = scalar(db, u"SELECT id FROM clients WHERE code = 'BENCH-BACKUP'"_s);
    {
        BatchInsert p(
            db,
            u"INSERT INTO protocols (number, number_year, number_seq, client_id, species, animal_id, "
            "sample_count, sample_type, state, submitted_at, received_at, created_by, updated_by)"_s,
            13);
        for (int i = 1; i <= kProtocols; ++i) {
            if (auto r = p.add({u"P-2031-%1"_s.arg(i, 6, 10, QChar(u'0')), 2031, i, client, u"Bovine"_s,
                                u"A-%1"_s.arg(i), 2, u"Serum"_s, u"finalized"_s, now, now, u"bench"_s,
                                u"bench"_s});
                !r)
                return r.error().message;
        }
        if (auto r = p.flush(); !r)
            return r.error().message;
    }
    const qint64 first = scalar(db, u"SELECT MIN(id) FROM protocols WHERE number_year = 2031"_s);
    BatchInsert wo(
        db, u"INSERT INTO work_orders (protocol_id, assigned_vet, notes, created_by, updated_by)"_s, 5);
    BatchInsert rep(db,
                    u"INSERT INTO reports (protocol_id, revision, state, findings, signed_by, signed_at, "
                    "created_by, updated_by)"_s,
                    8);
    const QString findings = u"Haematology within reference ranges; mild eosinophilia noted. "_s.repeated(6);
    for (int i = 0; i < kProtocols; ++i) {
        if (auto r = wo.add({first + i, u"vet"_s, u"Routine panel"_s, u"bench"_s, u"bench"_s}); !r)
            return r.error().message;
        if (auto r = rep.add({first + i, 1, u"finalized"_s, findings, u"vet"_s, now, u"bench"_s, u"bench"_s});
            !r)
            return r.error().message;
    }
    if (auto r = wo.flush(); !r)
        return r.error().message;
    if (auto r = rep.flush(); !r)
        return r.error().message;
    const qint64 firstReport =
        scalar(db, u"SELECT MIN(r.id) FROM reports r JOIN protocols p ON p.id = r.protocol_id "
                   "WHERE p.number_year = 2031"_s);
    BatchInsert res(
        db,
        u"INSERT INTO report_results (report_id, position, analyte, value, unit, reference_range, flag)"_s,
        7);
    BatchInsert pdf(db, u"INSERT INTO report_pdfs (report_id, content, sha256, size)"_s, 4);
    QRandomGenerator random(2031);
    QByteArray bytes(kPdfBytes, Qt::Uninitialized);
    for (int i = 0; i < kProtocols; ++i) {
        for (int k = 1; k <= 10; ++k) {
            if (auto r = res.add({firstReport + i, k, u"Analyte %1"_s.arg(k), QString::number(3.5 + k),
                                  u"g/L"_s, u"1–10"_s, k == 3 ? u"H"_s : QString(u""_s)});
                !r)
                return r.error().message;
        }
        random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), kPdfBytes / 4);
        std::memcpy(bytes.data(), "%PDF-1.4\n", 9);
        if (auto r = pdf.add({firstReport + i, bytes, QString(64, u'0'), kPdfBytes}); !r)
            return r.error().message;
    }
    if (auto r = res.flush(); !r)
        return r.error().message;
    if (auto r = pdf.flush(); !r)
        return r.error().message;
    if (auto r = tx.commit(); !r)
        return r.error().message;
    return {};
}

struct Source
{
    BenchDatabase bench;
    std::unique_ptr<Database> db;
    QTemporaryDir dir;
};

QString prepare(Source &s, const BenchOptions &options)
{
    QString error;
    if (!s.bench.prepare(options.databaseUrl, kResidents, &error))
        return error;
    const Result<DatabaseConfig> config = DatabaseConfig::parse(s.bench.url());
    if (!config)
        return config.error().message;
    s.db = std::make_unique<Database>(config.value());
    return seedLab(*s.db);
}

} // namespace

int BackupCase::runBackup(const BenchOptions &options)
{
    Source s;
    if (const QString e = prepare(s, options); !e.isEmpty())
        return fail(e);
    BenchStats stats{backupName(), u"ms"_s, {}};
    for (int run = 0; run <= options.runs; ++run) {
        const QString path = s.dir.filePath(u"bench-%1.rdb"_s.arg(run));
        QElapsedTimer timer;
        timer.start();
        const Result<DatabaseBackup::Summary> written = DatabaseBackup::write(*s.db, path, {});
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!written)
            return fail(written.error().message);
        std::fprintf(stderr, "%s run %d: %.0f ms, %lld rows, %.1f MiB\n", run == 0 ? "warm-up" : "measured",
                     run, ms, qlonglong(written->manifest.totalRows()), double(written->bytes) / 1048576.0);
        QFile::remove(path);
        if (run > 0)
            stats.samples.append(ms);
    }
    stats.print(options.json);
    return 0;
}

int BackupCase::runRestore(const BenchOptions &options)
{
    Source s;
    if (const QString e = prepare(s, options); !e.isEmpty())
        return fail(e);
    const QString file = s.dir.filePath(u"source.rdb"_s);
    if (const auto written = DatabaseBackup::write(*s.db, file, {}); !written)
        return fail(written.error().message);
    BenchStats stats{restoreName(), u"ms"_s, {}};
    for (int run = 0; run <= options.runs; ++run) {
        // A fresh, migrated, empty target (not timed).
        QString url;
        QString dropName;
        if (s.db->isPostgreSQL()) {
            dropName = u"residesk_bench_restore_%1"_s.arg(run);
            SqlStatement::run(*s.db, u"DROP DATABASE IF EXISTS "_s + dropName);
            if (auto r = SqlStatement::run(*s.db, u"CREATE DATABASE "_s + dropName); !r)
                return fail(u"cannot create a database to restore into: "_s + r.error().message);
            QUrl u(s.bench.url());
            u.setPath(u"/"_s + dropName);
            url = u.toString();
        } else {
            url = u"sqlite://"_s + s.dir.filePath(u"target-%1.db"_s.arg(run));
        }
        int code = 0;
        {
            Database target(DatabaseConfig::parse(url).value());
            if (const auto migrated = Migrator(target).migrate(); !migrated)
                return fail(migrated.error().message);
            // RESIDESK_BENCH_RESTORE_ROLE=residesk_admin: restore as an administrator's
            // role would (the benchmark's superuser may write every table itself; an
            // administrator writes the audit trail through the owner's function).
            if (const QString role = qEnvironmentVariable("RESIDESK_BENCH_RESTORE_ROLE");
                !role.isEmpty() && target.isPostgreSQL()) {
                if (auto r = SqlStatement::run(target, u"SELECT set_config('role', ?, false)"_s, {role}); !r)
                    return fail(r.error().message);
            }
            QElapsedTimer timer;
            timer.start();
            const Result<DatabaseRestore::Summary> restored = DatabaseRestore::restore(target, file);
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            if (!restored) {
                code = fail(restored.error().message);
            } else {
                std::fprintf(stderr, "%s run %d: %.0f ms, %lld rows\n", run == 0 ? "warm-up" : "measured",
                             run, ms, qlonglong(restored->rows));
                if (run > 0)
                    stats.samples.append(ms);
            }
            target.closeThreadConnection();
        }
        if (!dropName.isEmpty())
            SqlStatement::run(*s.db, u"DROP DATABASE IF EXISTS "_s + dropName);
        if (code != 0)
            return code;
    }
    stats.print(options.json);
    return 0;
}
