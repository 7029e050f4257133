#include "tests/bench/labbulktransitioncase.h"

#include "models/core/actor.h"
#include "models/db/database.h"
#include "models/db/migrator.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/lab/labdemoseeder.h"
#include "models/lab/protocolrepository.h"
#include "tests/bench/benchstats.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>

namespace {

constexpr int kProtocols = 10000;
constexpr int kChunk = 500;

bool fail(const QString &message)
{
    std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(message));
    return false;
}

// All protocols back to submitted, and their transition audit entries gone (the bench
// owns its database; this is not something the application does).
bool reset(Database &db)
{
    Transaction tx(db);
    if (auto r =
            SqlStatement::run(db,
                              QStringLiteral("UPDATE protocols SET state = 'submitted', received_at = NULL "
                                             "WHERE state <> 'submitted'"),
                              {});
        !r)
        return fail(r.error().detail);
    // PostgreSQL keeps the trail in batches (migration 0031); audit_entries is their view.
    if (auto r = SqlStatement::run(
            db, db.isPostgreSQL() ? QStringLiteral("DELETE FROM audit_batches WHERE entity = 'protocol'")
                                  : QStringLiteral("DELETE FROM audit_entries WHERE entity = 'protocol'"));
        !r)
        return fail(r.error().detail);
    if (auto r = tx.commit(); !r)
        return fail(r.error().detail);
    if (db.isPostgreSQL())
        SqlStatement::run(db, QStringLiteral("VACUUM ANALYZE protocols"));
    return true;
}

} // namespace

int LabBulkTransitionCase::run(const BenchOptions &options)
{
    QTemporaryDir dir;
    QString url = options.databaseUrl;
    if (url.isEmpty())
        url = QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("bench.db"));
    const Result<DatabaseConfig> config = DatabaseConfig::parse(url);
    if (!config)
        return fail(config.error().message), 1;
    Database db(config.value());
    if (const Result<int> migrated = Migrator(db).migrate(); !migrated)
        return fail(migrated.error().message), 1;
    const Actor actor{QStringLiteral("bench"), Actor::Role::Admin};
    ProtocolRepository repository(db, actor);
    const Result<qint64> count = repository.count({});
    if (!count)
        return fail(count.error().message), 1;
    if (count.value() < kProtocols) {
        QElapsedTimer timer;
        timer.start();
        std::fprintf(stderr, "seeding %d demo protocols into %s ...\n", kProtocols,
                     qPrintable(config->displayUrl()));
        LabDemoSeeder::Options seed;
        seed.protocols = kProtocols;
        if (const auto seeded = LabDemoSeeder(db, actor).seed(seed); !seeded)
            return fail(seeded.error().text()), 1;
        std::fprintf(stderr, "seeded in %.1f s\n", double(timer.elapsed()) / 1000);
    }
    QList<qint64> ids;
    {
        SqlStatement st(db, QStringLiteral("SELECT id FROM protocols ORDER BY id LIMIT ?"));
        st.bind(kProtocols);
        if (auto r = st.exec(); !r)
            return fail(r.error().detail), 1;
        while (st.next())
            ids.append(st.value(0).toLongLong());
    }

    BenchStats time{name(), QStringLiteral("ms"), {}};
    for (int i = -1; i < options.runs; ++i) { // run -1 is the warm-up
        if (!reset(db))
            return 1;
        int changed = 0;
        QElapsedTimer timer;
        timer.start();
        for (qsizetype start = 0; start < ids.size(); start += kChunk) {
            Transaction tx(db);
            const Result<QList<TransitionOutcome>> outcomes =
                repository.transitionMany(ids.mid(start, kChunk), Protocol::State::Received, 1);
            if (!outcomes)
                return fail(outcomes.error().text() + outcomes.error().detail), 1;
            for (const TransitionOutcome &o : outcomes.value())
                changed += o.kind == TransitionOutcome::Kind::Changed ? 1 : 0;
            if (auto r = tx.commit(); !r)
                return fail(r.error().detail), 1;
        }
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (changed != ids.size())
            return fail(QStringLiteral("%1 of %2 protocols changed").arg(changed).arg(ids.size())), 1;
        if (!options.json)
            std::fprintf(stderr, "%s %.1f ms (%d protocols)\n", i < 0 ? "warm-up:" : "run:", ms, changed);
        if (i >= 0)
            time.samples.append(ms);
    }
    time.print(options.json);
    return 0;
}
