#include "tests/bench/maintenanceprocesscase.h"

#include "models/core/actor.h"
#include "models/db/database.h"
#include "models/db/migrator.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/housing/buildingrepository.h"
#include "models/housing/residentrepository.h"
#include "models/housing/roomrepository.h"
#include "models/maintenance/technicianrepository.h"
#include "tasks/jobengine.h"
#include "tasks/maintenance/maintenancetasks.h"
#include "tasks/taskcatalog.h"
#include "tasks/taskregistry.h"
#include "tests/bench/benchstats.h"

#include <QDir>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int kRequests = 1000;
constexpr int kRooms = 50;
constexpr int kTechnicians = 20;
constexpr int kTimeoutMs = 600000;

qint64 scalar(Database &db, const QString &sql)
{
    SqlStatement st(db, sql);
    return st.exec() && st.next() ? st.value(0).toLongLong() : -1;
}

bool clear(Database &db, QString *error)
{
    for (const QString &sql : {u"DELETE FROM maintenance_requests"_s, u"DELETE FROM outbox_emails"_s,
                               u"DELETE FROM notifications"_s, u"DELETE FROM jobs"_s}) {
        if (const VoidResult r = SqlStatement::run(db, sql); !r) {
            *error = r.error().message;
            return false;
        }
    }
    return true;
}

bool setUp(Database &db, QList<qint64> &rooms, QList<qint64> &residents, QString *error)
{
    const Actor actor = Actor::systemUser();
    Building b;
    b.code = u"BM"_s;
    b.name = u"Bench Hall"_s;
    b.floors = 5;
    const Result<Building> building = BuildingRepository(db, actor).create(b);
    if (!building) {
        *error = building.error().text();
        return false;
    }
    for (int i = 0; i < kRooms; ++i) {
        Room r;
        r.buildingId = building->id;
        r.number = QString::number(100 + i);
        r.floor = 1;
        r.capacity = 2;
        r.type = Room::Type::Double;
        const Result<Room> room = RoomRepository(db, actor).create(r);
        if (!room) {
            *error = room.error().text();
            return false;
        }
        rooms << room->id;
        Resident res;
        res.studentId = u"B%1"_s.arg(i, 4, 10, QLatin1Char('0'));
        res.firstName = u"Ana"_s;
        res.lastName = u"Bench %1"_s.arg(i);
        res.email = u"bench%1@example.edu"_s.arg(i);
        const Result<Resident> who = ResidentRepository(db, actor).create(res);
        if (!who) {
            *error = who.error().text();
            return false;
        }
        residents << who->id;
    }
    for (int i = 0; i < kTechnicians; ++i) {
        Technician t;
        t.name = u"Technician %1"_s.arg(i);
        t.email = u"tech%1@example.edu"_s.arg(i);
        t.skills = Maintenance::categories();
        t.workingDays = {1, 2, 3, 4, 5, 6, 7};
        t.dayStarts = 0;
        t.dayEnds = 24 * 60;
        if (const Result<Technician> stored = TechnicianRepository(db, actor).add(t); !stored) {
            *error = stored.error().text();
            return false;
        }
    }
    return true;
}

double runOnce(Database &db, const TaskRegistry &registry, const QList<qint64> &rooms,
               const QList<qint64> &residents, QString *error)
{
    if (!clear(db, error))
        return -1;
    {
        Transaction tx(db);
        const QList<Maintenance::Category> categories = Maintenance::categories();
        const QList<Maintenance::Priority> priorities{Maintenance::Priority::Routine, Maintenance::Priority::Low,
                                                      Maintenance::Priority::High, Maintenance::Priority::Routine};
        for (int i = 0; i < kRequests; ++i) {
            MaintenanceRequest r;
            r.roomId = rooms.at(i % rooms.size());
            r.reportedByResidentId = residents.at(i % residents.size());
            r.category = categories.at(i % categories.size());
            r.priority = priorities.at(i % priorities.size());
            r.description = u"Bench request %1"_s.arg(i);
            if (const auto s = MaintenanceTasks::submit(db, Actor::systemUser(), r); !s) {
                *error = s.error().text();
                return -1;
            }
        }
        if (const VoidResult c = tx.commit(); !c) {
            *error = c.error().message;
            return -1;
        }
    }
    JobEngineOptions options;
    options.concurrency = 1;
    options.pollIntervalMs = 50;
    options.runRecurring = false;
    options.kinds = {QString::fromLatin1(MaintenanceTasks::kProcess)};
    JobEngine engine(db, registry, options);
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(100);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (scalar(db, u"SELECT COUNT(*) FROM jobs WHERE kind = 'maintenance.process' AND state IN ('queued', "
                       "'running')"_s) == 0)
            loop.quit();
    });
    QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
    engine.start();
    poll.start();
    loop.exec();
    engine.stop();
    QEventLoop stopping;
    QObject::connect(&engine, &JobEngine::stopped, &stopping, &QEventLoop::quit);
    if (engine.isStarted())
        stopping.exec();
    const qint64 ok = scalar(db, u"SELECT COUNT(*) FROM jobs WHERE kind = 'maintenance.process' AND state = "
                                 "'succeeded'"_s);
    // Scheduled, or (when the technicians' slots before the target are taken) flagged.
    const qint64 scheduled = scalar(db, u"SELECT COUNT(*) FROM maintenance_requests WHERE state = 'scheduled' OR "
                                        "(state = 'open' AND needs_attention = 1)"_s);
    if (ok != kRequests || scheduled != kRequests) {
        *error = u"%1 of %2 jobs succeeded, %3 requests scheduled or flagged"_s.arg(ok).arg(kRequests).arg(scheduled);
        return -1;
    }
    const qint64 spanMs = scalar(db, u"SELECT MAX(finished_at) - MIN(started_at) FROM jobs WHERE kind = "
                                     "'maintenance.process'"_s);
    return double(kRequests) * 1000.0 / double(qMax<qint64>(1, spanMs));
}

} // namespace

int MaintenanceProcessCase::run(const BenchOptions &options)
{
    QTemporaryDir dir;
    const QString url = options.databaseUrl.isEmpty()
                            ? u"sqlite://"_s + QDir(dir.path()).filePath(u"maintenance.db"_s)
                            : options.databaseUrl;
    const Result<DatabaseConfig> config = DatabaseConfig::parse(url);
    if (!config) {
        std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(config.error().message));
        return 1;
    }
    Database db(config.value());
    if (const Result<int> migrated = Migrator(db).migrate(); !migrated) {
        std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(migrated.error().message));
        return 1;
    }
    QLoggingCategory::setFilterRules(
        u"residesk.*.info=false\nresidesk.*.debug=false\nresidesk.*.warning=false"_s);
    QString error;
    QList<qint64> rooms;
    QList<qint64> residents;
    if (!setUp(db, rooms, residents, &error)) {
        std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
        return 1;
    }
    TaskRegistry registry;
    TaskCatalog::registerAll(registry);
    BenchStats stats{name(), u"requests/s"_s, {}};
    for (int i = -1; i < options.runs; ++i) { // run -1 is the warm-up
        const double rate = runOnce(db, registry, rooms, residents, &error);
        if (rate < 0) {
            std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
            return 1;
        }
        if (!options.json)
            std::fprintf(stderr, "%s %.1f requests/s (%d requests)\n", i < 0 ? "warm-up:" : "run:", rate, kRequests);
        if (i >= 0)
            stats.samples.append(rate);
    }
    clear(db, &error);
    stats.print(options.json);
    return 0;
}
