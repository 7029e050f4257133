#include "models/housing/demoseeder.h"

#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/housing/resident.h"
#include "models/housing/room.h"
#include "models/db/events.h"

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
                st->bind(hasPhone ? QStringLiteral("+1 555 %1").arg(phoneDigits, 4, 10, QLatin1Char('0'))
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
    return summary;
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
    for (auto [sql, ids] : {std::pair{u"SELECT id FROM buildings ORDER BY code LIMIT 2"_s, &buildings},
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
