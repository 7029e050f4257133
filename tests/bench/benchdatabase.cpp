#include "tests/bench/benchdatabase.h"

#include "models/core/actor.h"
#include "models/db/database.h"
#include "models/db/migrator.h"
#include "models/housing/demoseeder.h"
#include "models/housing/residentrepository.h"

#include <QElapsedTimer>

#include <cstdio>

bool BenchDatabase::prepare(const QString &url, int residents, QString *error)
{
    m_url = url;
    if (m_url.isEmpty()) {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid()) {
            *error = QStringLiteral("cannot create a temporary folder");
            return false;
        }
        m_url = QStringLiteral("sqlite://") + m_dir->filePath(QStringLiteral("bench.db"));
    }
    const Result<DatabaseConfig> config = DatabaseConfig::parse(m_url);
    if (!config) {
        *error = config.error().message;
        return false;
    }
    Database db(config.value());
    if (const Result<int> migrated = Migrator(db).migrate(); !migrated) {
        *error = migrated.error().message;
        return false;
    }
    const Actor actor = Actor::systemUser();
    const Result<qint64> count = ResidentRepository(db, actor).count(ListFilter{});
    if (!count) {
        *error = count.error().message;
        return false;
    }
    if (count.value() < residents) {
        QElapsedTimer timer;
        timer.start();
        std::fprintf(stderr, "seeding %d demo residents into %s ...\n", residents,
                     qPrintable(config->displayUrl()));
        DemoSeeder::Options options;
        options.residents = residents;
        const auto seeded = DemoSeeder(db, actor).seed(options);
        if (!seeded) {
            *error = seeded.error().text();
            return false;
        }
        std::fprintf(stderr, "seeded in %.1f s\n", double(timer.elapsed()) / 1000);
    }
    return true;
}
