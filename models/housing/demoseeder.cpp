#include "models/housing/demoseeder.h"

#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/events.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/housing/resident.h"
#include "models/housing/room.h"
#include "models/lab/labsql_p.h"
#include "models/maintenance/maintenanceplanrepository.h"
#include "models/maintenance/maintenancerepository.h"
#include "models/maintenance/maintenancerules.h"
#include "models/maintenance/technicianrepository.h"

#include <QHash>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QStringList>

#include <array>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcSeeder, "residesk.housing")

// One records-changed event per table that got rows, when the seed ends (however it
// ends: batches committed before a failure are there for other clients to see).
// Tens of thousands of rows must not mean tens of thousands of events.
struct ChangeAnnouncer
{
    Database &db;
    bool buildings = false;
    bool rooms = false;
    bool residents = false;

    ~ChangeAnnouncer()
    {
        const std::array<std::pair<bool, QString>, 3> tables{
            {{buildings, u"buildings"_s}, {rooms, u"rooms"_s}, {residents, u"residents"_s}}};
        for (const auto &[changed, table] : tables) {
            if (!changed)
                continue;
            // The rows are committed; other clients only miss a refresh.
            if (const VoidResult r = Events::publishRecordsChanged(db, table); !r)
                qCWarning(lcSeeder) << "cannot announce the seeded" << table << r.error().message
                                    << r.error().detail;
        }
    }
};

// Rows per transaction, and rows per multi-row INSERT (8 values a row). Qt turns "?" into
// named parameters for SQLite, whose lookup makes a statement with many parameters
// quadratically slow to prepare, so SQLite gets short statements (re-bound and re-run,
// cheap in-process); PostgreSQL gets longer ones to save round trips.
constexpr int kBatchRows = 20000;
constexpr int kRowsPerStatement = 100;

int rowsPerStatement(const Database &db)
{
    return db.isPostgreSQL() ? kRowsPerStatement : 10;
}

struct BuildingSpec
{
    const char *code;
    const char *name;
    const char *address;
};

constexpr std::array<BuildingSpec, 6> kBuildings{{
    {"NH", "North Hall", "1 College Road"},
    {"SH", "South Hall", "3 College Road"},
    {"EH", "East House", "12 Meadow Lane"},
    {"WH", "West House", "14 Meadow Lane"},
    {"CT", "Cedar Tower", "200 University Avenue"},
    {"MC", "Maple Court", "45 Elm Street"},
}};

constexpr int kRoomsPerFloor = 20;

constexpr std::array<const char *, 48> kFirstNames{
    "Olivia", "Liam",   "Emma",   "Noah",  "Ava",       "Oliver", "Sophia", "Elijah", "Isabella", "Lucas",
    "Mia",    "Mateo",  "Amelia", "Levi",  "Harper",    "Ethan",  "Evelyn", "James",  "Camila",   "Benjamin",
    "Lucia",  "Daniel", "Sofia",  "Hugo",  "Valentina", "Martin", "Chloe",  "Leo",    "Aisha",    "Omar",
    "Mei",    "Hiro",   "Priya",  "Arjun", "Fatima",    "Ali",    "Nora",   "Jonas",  "Elena",    "Pablo",
    "Ingrid", "Kofi",   "Amara",  "Diego", "Zoe",       "Ravi",   "Hannah", "Tomas"};

constexpr std::array<const char *, 48> kLastNames{
    "Smith",    "Johnson",  "Garcia",   "Martinez", "Brown",   "Lopez",     "Davis",    "Miller",
    "Wilson",   "Moore",    "Taylor",   "Anderson", "Thomas",  "Hernandez", "Jackson",  "White",
    "Harris",   "Martin",   "Thompson", "Gonzalez", "Clark",   "Lewis",     "Robinson", "Walker",
    "Perez",    "Hall",     "Young",    "Allen",    "Sanchez", "Wright",    "King",     "Scott",
    "Nguyen",   "Hill",     "Flores",   "Green",    "Adams",   "Nelson",    "Baker",    "Rivera",
    "Campbell", "Mitchell", "Carter",   "Roberts",  "Kim",     "Patel",     "Okafor",   "Schmidt"};

QString placeholders(int rows, int columns)
{
    QString row = QStringLiteral("(?");
    for (int c = 1; c < columns; ++c)
        row += QStringLiteral(", ?");
    row += QLatin1Char(')');
    QStringList all;
    all.reserve(rows);
    for (int r = 0; r < rows; ++r)
        all << row;
    return all.join(QStringLiteral(", "));
}

// Runs one multi-row INSERT ... ON CONFLICT DO NOTHING and returns the rows inserted.
Result<int> insertRows(Database &db, const QString &head, const QString &conflictTarget, int columns,
                       const QVariantList &values)
{
    const int rows = int(values.size() / columns);
    if (rows == 0)
        return 0;
    SqlStatement st(db, head + QStringLiteral(" VALUES ") + placeholders(rows, columns) +
                            QStringLiteral(" ON CONFLICT ") + conflictTarget + QStringLiteral(" DO NOTHING"));
    for (const QVariant &v : values)
        st.bind(v);
    if (auto r = st.exec(); !r)
        return r.error();
    return qMax(0, st.numRowsAffected());
}

// Maintenance for a day that looks real: five technicians with their skills and hours,
// open, scheduled, running and finished requests over the last weeks (some past their
// target, so overdue), and three preventive plans starting next month. Only into a
// database without technicians yet, so a resumed or repeated seed adds nothing; one
// transaction. Requests are moved along by the repository (checked and audited like any
// other), not by the processing job: the seed needs no engine.
VoidResult seedMaintenance(Database &db, const Actor &actor, QRandomGenerator &rng)
{
    using C = Maintenance::Category;
    using P = Maintenance::Priority;
    {
        SqlStatement any(db, u"SELECT COUNT(*) FROM maintenance_technicians"_s);
        if (auto r = any.exec(); !r)
            return r.error();
        if (!any.next() || any.value(0).toLongLong() > 0)
            return {};
    }
    QList<qint64> rooms;
    QList<qint64> buildings;
    QList<qint64> residents;
    for (auto [sql, ids] :
         {std::pair{u"SELECT id FROM rooms WHERE status = 'available' ORDER BY building_id, number "
                    "LIMIT 400"_s,
                    &rooms},
          std::pair{u"SELECT id FROM buildings ORDER BY code"_s, &buildings},
          std::pair{u"SELECT id FROM residents WHERE status = 'active' ORDER BY student_id LIMIT 40"_s,
                    &residents}}) {
        SqlStatement st(db, sql);
        if (auto r = st.exec(); !r)
            return r.error();
        while (st.next())
            ids->append(st.value(0).toLongLong());
    }
    if (rooms.isEmpty() || buildings.isEmpty())
        return {};

    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    const QDate today = QDate::currentDate();
    struct TechnicianSpec
    {
        const char *name;
        const char *email;
        QList<C> skills;
        QList<int> days;
        int starts;
        int ends;
        int absentInDays; // -1: none
    };
    const TechnicianSpec technicians[] = {
        {"Pia Ruiz",
         "pia.ruiz@facilities.example.edu",
         {C::Plumbing, C::Heating},
         {1, 2, 3, 4, 5},
         8 * 60,
         16 * 60,
         -1},
        {"Tom Becker",
         "tom.becker@facilities.example.edu",
         {C::Electrical, C::Locks},
         {1, 2, 3, 4, 5},
         7 * 60,
         15 * 60,
         2},
        {"Lena Ortiz",
         "lena.ortiz@facilities.example.edu",
         {C::Furniture, C::Cleaning, C::Other},
         {1, 2, 3, 4, 5, 6},
         9 * 60,
         17 * 60,
         -1},
        {"Sam Okoye",
         "sam.okoye@facilities.example.edu",
         {C::Pest, C::Cleaning},
         {2, 3, 4, 5, 6},
         10 * 60,
         18 * 60,
         -1},
        {"Jorge Silva",
         "jorge.silva@facilities.example.edu",
         {C::Heating, C::Plumbing, C::Electrical},
         {1, 2, 3, 4, 5},
         12 * 60,
         20 * 60,
         1},
    };
    TechnicianRepository techs(db, actor);
    QList<Technician> staff;
    for (const TechnicianSpec &spec : technicians) {
        Technician t;
        t.name = QString::fromUtf8(spec.name);
        t.email = QString::fromLatin1(spec.email);
        t.skills = spec.skills;
        t.workingDays = spec.days;
        t.dayStarts = spec.starts;
        t.dayEnds = spec.ends;
        const Result<Technician> added = techs.add(t);
        if (!added)
            return added.error();
        if (spec.absentInDays >= 0) {
            if (auto r = techs.setAbsent(added->id, today.addDays(spec.absentInDays), true); !r)
                return r.error();
        }
        staff.append(added.value());
    }

    MaintenanceRepository requests(db, actor);
    const Result<QList<MaintenanceRate>> rates = requests.rates();
    if (!rates)
        return rates.error();
    // What residents and staff report, by category.
    struct Problem
    {
        C category;
        const char *text;
    };
    const Problem problems[] = {
        {C::Plumbing, "The tap in the bathroom drips all night."},
        {C::Plumbing, "The shower drains very slowly."},
        {C::Heating, "The radiator stays cold."},
        {C::Heating, "The thermostat does not react."},
        {C::Electrical, "The ceiling light flickers."},
        {C::Electrical, "A socket by the desk has no power."},
        {C::Furniture, "The wardrobe door has come off its hinge."},
        {C::Furniture, "The desk chair is broken."},
        {C::Cleaning, "Mould on the bathroom ceiling."},
        {C::Pest, "Ants in the kitchenette."},
        {C::Locks, "The room key sticks in the lock."},
        {C::Other, "The window does not close properly."},
    };
    enum class Outcome { Open, Assigned, Scheduled, InProgress, Done, Cancelled };
    // Reported this many hours ago, and how far it got.
    struct Spec
    {
        int hoursAgo;
        P priority;
        Outcome outcome;
    };
    const Spec specs[] = {
        {2, P::Emergency, Outcome::InProgress},
        {5, P::High, Outcome::Scheduled},
        {9, P::Routine, Outcome::Open},
        {20, P::Routine, Outcome::Scheduled},
        {30, P::Low, Outcome::Assigned},
        {40, P::High, Outcome::Open},
        {60, P::Routine, Outcome::Scheduled},
        {80, P::Low, Outcome::Open},
        {120, P::Routine, Outcome::Assigned},
        {150, P::High, Outcome::Scheduled},
        {200, P::Routine, Outcome::Open},
        {260, P::Emergency, Outcome::Done},
        {300, P::Routine, Outcome::Done},
        {350, P::High, Outcome::Done},
        {400, P::Low, Outcome::Done},
        {450, P::Routine, Outcome::Cancelled},
        {500, P::Routine, Outcome::Done},
        {600, P::High, Outcome::Done},
        {30, P::Routine, Outcome::InProgress},
        {70, P::Emergency, Outcome::Done},
        {16, P::Low, Outcome::Open},
        {100, P::Routine, Outcome::InProgress},
        {340, P::Low, Outcome::Assigned},
        {3, P::Routine, Outcome::Open},
    };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int i = 0;
    for (const Spec &spec : specs) {
        const Problem &problem = problems[rng.bounded(int(std::size(problems)))];
        MaintenanceRequest r;
        // One in six is for a building's common area.
        if (i % 6 == 5)
            r.buildingId = buildings.at(rng.bounded(int(buildings.size())));
        else
            r.roomId = rooms.at(rng.bounded(int(rooms.size())));
        r.category = problem.category;
        r.priority = spec.priority;
        r.description = QString::fromUtf8(problem.text);
        r.permissionToEnter = rng.bounded(3) != 0;
        if (!residents.isEmpty() && r.roomId > 0 && i % 4 != 3)
            r.reportedByResidentId = residents.at(rng.bounded(int(residents.size())));
        ++i;
        const Result<MaintenanceRequest> created =
            requests.create(r, now.addSecs(-qint64(spec.hoursAgo) * 3600));
        if (!created)
            return created.error();
        if (spec.outcome == Outcome::Open)
            continue;
        const qint64 id = created->id;
        if (spec.outcome == Outcome::Cancelled) {
            if (auto c = requests.cancel(id, u"Reported twice."_s); !c)
                return c.error();
            continue;
        }
        // The technician with the skill (the first, or another one for variety).
        QList<Technician> able;
        for (const Technician &t : std::as_const(staff))
            if (t.hasSkill(r.category))
                able.append(t);
        const Technician &tech = able.isEmpty() ? staff.first() : able.at(rng.bounded(int(able.size())));
        if (auto a = requests.assign(id, tech.id,
                                     MaintenanceRules::estimate(rates.value(), r.category, r.priority));
            !a)
            return a.error();
        if (spec.outcome == Outcome::Assigned)
            continue;
        // A visit in the technician's hours: in the past for work under way or done,
        // in the coming days for work still to come.
        const int days = spec.outcome == Outcome::Scheduled ? 1 + int(rng.bounded(3)) : -1;
        QDateTime start(today.addDays(days),
                        QTime(0, 0).addSecs(qint64(tech.dayStarts + 60 * int(rng.bounded(3))) * 60));
        const QDateTime end =
            start.addSecs(qint64(MaintenanceRules::visitMinutes(rates.value(), r.category, r.priority)) * 60);
        if (auto s = requests.schedule(id, start.toUTC(), end.toUTC()); !s)
            return s.error();
        if (spec.outcome == Outcome::Scheduled)
            continue;
        if (auto s = requests.start(id); !s)
            return s.error();
        if (spec.outcome == Outcome::Done) {
            if (auto c = requests.addComment(id, u"Fixed; checked with the resident."_s); !c)
                return c.error();
            if (auto d = requests.complete(id); !d)
                return d.error();
        }
    }

    // Preventive plans, from the first day of next month.
    const QDate next(today.year(), today.month(), 1);
    struct PlanSpec
    {
        const char *title;
        int buildingIndex; // -1: every building
        const char *roomType;
        C category;
        int months;
        const char *description;
    };
    const PlanSpec plans[] = {
        {"Heating filters", -1, "double", C::Heating, 3, "Replace the radiator filters."},
        {"Fire safety check", 0, "", C::Electrical, 6, "Test smoke detectors and emergency lights."},
        {"Pest inspection", int(buildings.size()) - 1, "", C::Pest, 12,
         "Inspect kitchens and storage rooms."},
    };
    MaintenancePlanRepository planRepo(db, actor);
    for (const PlanSpec &spec : plans) {
        MaintenancePlan p;
        p.title = QString::fromUtf8(spec.title);
        p.buildingId = spec.buildingIndex >= 0 ? buildings.at(spec.buildingIndex) : 0;
        p.roomType = QString::fromLatin1(spec.roomType);
        p.category = spec.category;
        p.priority = P::Routine;
        p.periodMonths = spec.months;
        p.startsOn = next.addMonths(1);
        p.description = QString::fromUtf8(spec.description);
        if (const Result<MaintenancePlan> added = planRepo.add(p); !added)
            return added.error();
    }
    return tx.commit();
}

} // namespace

DemoSeeder::DemoSeeder(Database &db, Actor actor)
    : m_db(db)
    , m_actor(std::move(actor))
{}

Result<DemoSeeder::Summary> DemoSeeder::seed(const Options &options,
                                             const std::function<void(int, int)> &progress)
{
    Summary summary;
    // Declared before any Transaction, so that it runs after every one has ended.
    ChangeAnnouncer announcer{m_db};
    QRandomGenerator rng(options.seed);
    for (const QString &setting : Dialect::bulkWriteSettings(m_db.config().backend)) {
        if (auto r = SqlStatement::run(m_db, setting); !r)
            return r.error();
    }
    const QString by = m_actor.username;

    // Buildings and rooms: one transaction (a few thousand rows at most).
    {
        Transaction tx(m_db);
        if (!tx.ok())
            return tx.error();
        QVariantList values;
        for (const BuildingSpec &b : kBuildings) {
            values << QString::fromLatin1(b.code) << QString::fromLatin1(b.name)
                   << QString::fromLatin1(b.address) << int(rng.bounded(3, 9)) << by << by;
        }
        const Result<int> inserted = insertRows(
            m_db,
            QStringLiteral("INSERT INTO buildings (code, name, address, floors, created_by, updated_by)"),
            QStringLiteral("(code)"), 6, values);
        if (!inserted)
            return inserted.error();
        summary.buildings = inserted.value();

        // The stored floors count (a building seeded earlier keeps its own).
        struct Stored
        {
            qint64 id;
            int floors;
        };
        QList<Stored> stored;
        for (const BuildingSpec &b : kBuildings) {
            SqlStatement st(m_db, QStringLiteral("SELECT id, floors FROM buildings WHERE code = ?"));
            st.bind(QString::fromLatin1(b.code));
            if (auto r = st.exec(); !r)
                return r.error();
            if (!st.next())
                return DbError(DbError::Code::QueryFailed,
                               DbError::tr("The demo buildings could not be read back."));
            stored.append({st.value(0).toLongLong(), st.value(1).toInt()});
        }

        static constexpr std::array<std::pair<Room::Type, int>, 5> types{{{Room::Type::Single, 1},
                                                                          {Room::Type::Double, 2},
                                                                          {Room::Type::Triple, 3},
                                                                          {Room::Type::Suite, 4},
                                                                          {Room::Type::Studio, 1}}};
        values.clear();
        for (const Stored &b : stored) {
            for (int floor = 0; floor < b.floors; ++floor) {
                for (int i = 1; i <= kRoomsPerFloor; ++i) {
                    const auto &type = types[rng.bounded(int(types.size()))];
                    const quint32 roll = rng.bounded(100);
                    const Room::Status status = roll < 92   ? Room::Status::Available
                                                : roll < 97 ? Room::Status::Maintenance
                                                            : Room::Status::OutOfService;
                    values << b.id << QStringLiteral("%1%2").arg(floor).arg(i, 2, 10, QLatin1Char('0'))
                           << floor << Room::typeCode(type.first) << type.second << Room::statusCode(status)
                           << by << by;
                }
            }
        }
        constexpr int roomColumns = 8;
        for (qsizetype start = 0; start < values.size();
             start += qsizetype(rowsPerStatement(m_db)) * roomColumns) {
            const Result<int> rooms =
                insertRows(m_db,
                           QStringLiteral("INSERT INTO rooms (building_id, number, floor, type, capacity, "
                                          "status, created_by, updated_by)"),
                           QStringLiteral("(building_id, number)"), roomColumns,
                           values.mid(start, qsizetype(rowsPerStatement(m_db)) * roomColumns));
            if (!rooms)
                return rooms.error();
            summary.rooms += rooms.value();
        }
        if (auto r = tx.commit(); !r)
            return r.error();
        announcer.buildings = summary.buildings > 0;
        announcer.rooms = summary.rooms > 0;
    }

    // Residents: transactions of kBatchRows rows, written by a multi-row INSERT of
    // kRowsPerStatement rows that is prepared once and re-bound (parsing a statement
    // with thousands of parameters is slow on SQLite).
    const int total = qMax(0, options.residents);
    constexpr int residentColumns = 8;
    const QString residentHead =
        QStringLiteral("INSERT INTO residents (student_id, first_name, last_name, email, phone, "
                       "status, created_by, updated_by) VALUES ");
    const QString residentTail = QStringLiteral(" ON CONFLICT (student_id) DO NOTHING");
    const int perStatement = rowsPerStatement(m_db);
    std::unique_ptr<SqlStatement> fullStatement;
    if (progress)
        progress(0, total);
    // Rows before firstResident exist already (a chunked, resumable seed): draw their
    // random values anyway, so that every later row gets the same values as in one run.
    for (int i = 0; i < qMin(total, qMax(0, options.firstResident)); ++i) {
        rng.bounded(int(kFirstNames.size()));
        rng.bounded(int(kLastNames.size()));
        rng.bounded(100);
        rng.bounded(10);
        rng.bounded(10000);
    }
    for (int start = qMin(total, qMax(0, options.firstResident)); start < total; start += kBatchRows) {
        const int end = qMin(total, start + kBatchRows);
        Transaction tx(m_db);
        if (!tx.ok())
            return tx.error();
        for (int chunk = start; chunk < end; chunk += perStatement) {
            const int chunkEnd = qMin(end, chunk + perStatement);
            const int rows = chunkEnd - chunk;
            std::unique_ptr<SqlStatement> partial;
            SqlStatement *st = nullptr;
            if (rows == perStatement) {
                if (!fullStatement)
                    fullStatement = std::make_unique<SqlStatement>(
                        m_db, residentHead + placeholders(perStatement, residentColumns) + residentTail);
                st = fullStatement.get();
            } else {
                partial = std::make_unique<SqlStatement>(
                    m_db, residentHead + placeholders(rows, residentColumns) + residentTail);
                st = partial.get();
            }
            for (int i = chunk; i < chunkEnd; ++i) {
                const QString first = QString::fromLatin1(kFirstNames[rng.bounded(int(kFirstNames.size()))]);
                const QString last = QString::fromLatin1(kLastNames[rng.bounded(int(kLastNames.size()))]);
                const quint32 roll = rng.bounded(100);
                const Resident::Status status = roll < 85   ? Resident::Status::Active
                                                : roll < 95 ? Resident::Status::Inactive
                                                            : Resident::Status::Graduated;
                const bool hasPhone = rng.bounded(10) < 8;
                const quint32 phoneDigits = rng.bounded(10000);
                st->bind(QStringLiteral("S%1").arg(10000000 + i, 8, 10, QLatin1Char('0')));
                st->bind(first).bind(last);
                st->bind(QStringLiteral("%1.%2.%3@students.example.edu")
                             .arg(first.toLower(), last.toLower())
                             .arg(i));
                // Stored as the repository stores numbers: E.164 (555 numbers of area 202).
                st->bind(hasPhone ? QStringLiteral("+1202555%1").arg(phoneDigits, 4, 10, QLatin1Char('0'))
                                  : QStringLiteral(""));
                st->bind(Resident::statusCode(status)).bind(by).bind(by);
            }
            if (auto r = st->exec(); !r)
                return r.error();
            summary.residents += qMax(0, st->numRowsAffected());
        }
        if (auto r = tx.commit(); !r)
            return r.error();
        announcer.residents = summary.residents > 0;
        if (progress)
            progress(end, total);
    }
    if (auto r = seedWaitlist(); !r)
        return r.error();
    // Stays only once every resident is there (a chunked seed's last chunk), so that a
    // seed in chunks makes the same stays as one run.
    if (options.stays) {
        if (auto r = seedAllocations(QDate::currentDate(), options.seed); !r)
            return r.error();
    }
    if (auto r = seedMaintenance(m_db, m_actor, rng); !r)
        return r.error();
    return summary;
}

VoidResult DemoSeeder::seedAllocations(const QDate &today, quint32 seed)
{
    // A housing office's ordinary day: most beds of the rooms in service held by active
    // residents (checked in weeks ago, some leaving this week), arrivals reserved for
    // this week and later, and last term's stays of graduates, checked out. The first
    // eight residents are on the waitlist and get no bed. Only into a database without
    // any stay yet, so a resumed or repeated seed adds nothing.
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    SqlStatement any(m_db, u"SELECT COUNT(*) FROM allocations"_s);
    if (auto r = any.exec(); !r)
        return r.error();
    if (!any.next() || any.value(0).toLongLong() > 0)
        return {};
    any.finish();
    QList<qint64> beds; // a room's id once per bed
    {
        SqlStatement rooms(m_db,
                           u"SELECT r.id, r.capacity FROM rooms r JOIN buildings b ON b.id = r.building_id "
                           "WHERE r.status = 'available' ORDER BY b.code, r.number"_s);
        if (auto r = rooms.exec(); !r)
            return r.error();
        while (rooms.next()) {
            for (int bed = 0; bed < rooms.value(1).toInt(); ++bed)
                beds.append(rooms.value(0).toLongLong());
        }
    }
    QList<qint64> active;
    QList<qint64> graduates;
    {
        SqlStatement residents(m_db, u"SELECT id, status FROM residents ORDER BY student_id"_s);
        if (auto r = residents.exec(); !r)
            return r.error();
        int index = 0;
        while (residents.next()) {
            const QString status = residents.value(1).toString();
            if (index++ < 8)
                continue; // on the waitlist
            if (status == Resident::statusCode(Resident::Status::Active))
                active.append(residents.value(0).toLongLong());
            else if (status == Resident::statusCode(Resident::Status::Graduated))
                graduates.append(residents.value(0).toLongLong());
        }
    }
    if (beds.isEmpty() || active.isEmpty())
        return {};

    const auto backend = m_db.config().backend;
    const auto at = [backend](const QDate &day) {
        return LabSql::timeParam(backend, QDateTime(day, QTime(10, 0), Qt::UTC));
    };
    const auto date = [](const QDate &day) {
        return day.isValid() ? QVariant(day.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
    };
    const QVariant none(QMetaType::fromType<QString>());
    const QVariant noTime = LabSql::timeParam(backend, QDateTime());
    SqlStatement insert(m_db, u"INSERT INTO allocations (resident_id, room_id, starts_on, ends_on, state, "
                              "checked_in_at, checked_out_at, notes, version, created_by, updated_by) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, '', 1, ?, ?)"_s);
    const QString by = m_actor.username;
    QRandomGenerator rng(seed ^ 0xa110ca7eu);
    int nextActive = 0;
    int nextGraduate = 0;
    for (const qint64 roomId : std::as_const(beds)) {
        const quint32 roll = rng.bounded(100);
        const int daysIn = int(rng.bounded(20, 200));
        QDate currentFrom;
        if (roll < 12 || nextActive >= active.size()) {
            currentFrom = {}; // a free bed
        } else {
            const qint64 resident = active.at(nextActive++);
            QString state = u"checked_in"_s;
            QDate from = today.addDays(-daysIn);
            QDate to;
            if (roll < 20) { // arriving this week
                state = u"reserved"_s;
                from = today.addDays(rng.bounded(0, 7));
                to = from.addDays(int(rng.bounded(90, 300)));
            } else if (roll < 26) { // arriving later
                state = u"reserved"_s;
                from = today.addDays(rng.bounded(10, 60));
                to = from.addDays(int(rng.bounded(90, 300)));
            } else if (roll < 34) { // leaving this week
                to = today.addDays(rng.bounded(1, 7));
            } else if (roll < 70) {
                to = today.addDays(rng.bounded(30, 240));
            } // else open-ended
            insert.bind(resident).bind(roomId).bind(date(from)).bind(to.isValid() ? date(to) : none);
            insert.bind(state)
                .bind(state == u"checked_in" ? at(from) : noTime)
                .bind(noTime)
                .bind(by)
                .bind(by);
            if (auto r = insert.exec(); !r)
                return r.error();
            currentFrom = from;
        }
        // Last term: a graduate's stay in this bed, checked out before the current one.
        if (nextGraduate < graduates.size() && rng.bounded(100) < 60) {
            const QDate end =
                (currentFrom.isValid() ? qMin(currentFrom, today) : today).addDays(-int(rng.bounded(1, 15)));
            const QDate start = end.addDays(-int(rng.bounded(60, 150)));
            insert.bind(graduates.at(nextGraduate++)).bind(roomId).bind(date(start)).bind(date(end));
            insert.bind(u"checked_out"_s).bind(at(start)).bind(at(end)).bind(by).bind(by);
            if (auto r = insert.exec(); !r)
                return r.error();
        }
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    // The rows are committed; other clients only miss a refresh.
    if (const VoidResult r = Events::publishRecordsChanged(m_db, u"allocations"_s); !r)
        qCWarning(lcSeeder) << "cannot announce the seeded stays" << r.error().message;
    return {};
}

VoidResult DemoSeeder::seedWaitlist()
{
    // A short waitlist: the first eight residents (by student id) waiting for single and
    // double rooms of the first two buildings, a minute apart. Only into a database
    // without any waitlist entry yet, so a resumed or repeated seed adds nothing.
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    SqlStatement any(m_db, u"SELECT COUNT(*) FROM waitlist_entries"_s);
    if (auto r = any.exec(); !r)
        return r.error();
    if (!any.next() || any.value(0).toLongLong() > 0)
        return {};
    any.finish();
    QList<qint64> buildings;
    QList<qint64> residents;
    for (auto [sql, ids] :
         {std::pair{u"SELECT id FROM buildings ORDER BY code LIMIT 2"_s, &buildings},
          std::pair{u"SELECT id FROM residents ORDER BY student_id LIMIT 8"_s, &residents}}) {
        SqlStatement st(m_db, sql);
        if (auto r = st.exec(); !r)
            return r.error();
        while (st.next())
            ids->append(st.value(0).toLongLong());
    }
    if (buildings.isEmpty() || residents.isEmpty())
        return {};
    // 2026-09-01 08:00 UTC: a stable join time, so the same seed gives the same order.
    constexpr qint64 kJoinedFrom = 1788249600000LL;
    SqlStatement insert(m_db, u"INSERT INTO waitlist_entries (resident_id, building_id, room_type, state, "
                              "joined_at, notes, version, created_by, updated_by) "
                              "VALUES (?, ?, ?, 'waiting', ?, '', 1, ?, ?)"_s);
    for (int i = 0; i < residents.size(); ++i) {
        const Room::Type type = i % 2 == 0 ? Room::Type::Single : Room::Type::Double;
        insert.bind(residents.at(i))
            .bind(buildings.at(i % buildings.size()))
            .bind(Room::typeCode(type))
            .bind(kJoinedFrom + i * 60000LL)
            .bind(m_actor.username)
            .bind(m_actor.username);
        if (auto r = insert.exec(); !r)
            return r.error();
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    // The rows are committed; other clients only miss a refresh.
    if (const VoidResult r = Events::publishRecordsChanged(m_db, u"waitlist"_s); !r)
        qCWarning(lcSeeder) << "cannot announce the seeded waitlist" << r.error().message;
    return {};
}
