#include "app/cli/housingcommands.h"

#include "app/cli/commandcontext.h"
#include "app/cli/commandline.h"
#include "app/cli/commandregistry.h"
#include "app/cli/databasecommands.h"
#include "app/cli/texttable.h"
#include "models/core/peoplerepository.h"
#include "models/db/database.h"
#include "models/db/sqlstatement.h"
#include "models/housing/buildingrepository.h"
#include "models/housing/demoseeder.h"
#include "models/housing/residentrepository.h"
#include "models/housing/roomrepository.h"
#include "models/lab/labdemoseeder.h"
#include "tasks/lab/reportfinalizer.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <limits>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// A lab's day has finished work too: every fourth draft report of a protocol in
// analysis is finalized the way the report editor's Finalize does it — a
// report.finalize job, run by the next engine of this person (the window's, or
// `residesk worker`), which signs, renders and e-mails it. Returns how many were queued.
Result<int> queueDemoFinalizations(Database &db, const Actor &actor)
{
    SqlStatement st(db, QStringLiteral("SELECT r.id, r.version FROM reports r JOIN protocols p ON p.id = "
                                       "r.protocol_id WHERE p.state = 'in_analysis' AND r.state = 'draft' "
                                       "AND r.finalizing_job_id IS NULL ORDER BY p.id"));
    if (auto r = st.exec(); !r)
        return r.error();
    QList<std::pair<qint64, int>> reports;
    for (int i = 0; st.next(); ++i) {
        if (i % 4 == 0)
            reports.append({st.value(0).toLongLong(), st.value(1).toInt()});
    }
    int queued = 0;
    for (const auto &[id, version] : reports) {
        const auto enqueued = ReportFinalizer(db, actor).enqueue(id, version);
        if (!enqueued)
            return enqueued.error();
        ++queued;
    }
    return queued;
}

constexpr int kPageSize = 1000;
constexpr int kMaxDemoResidents = 1000000;
constexpr int kMaxDemoProtocols = 1000000;

QString residentsOption()
{
    return QStringLiteral("residents");
}
QString seedOption()
{
    return QStringLiteral("seed");
}
QString protocolsOption()
{
    return QStringLiteral("protocols");
}
QString demoUsersOption()
{
    return QStringLiteral("demo-users");
}

// Streams a JSON array one element per line, so that long lists never sit in memory twice.
class JsonArrayWriter
{
public:
    // Nothing is written before the first row arrives, so a failed first page prints nothing.
    void add(const QJsonObject &object)
    {
        std::fputs(m_first ? "[\n" : ",\n", stdout);
        m_first = false;
        const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Compact);
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    }
    void finish() { std::fputs(m_first ? "[]\n" : "\n]\n", stdout); }

private:
    bool m_first = true;
};

QJsonObject residentJson(const Resident &r)
{
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("student_id"), r.studentId},
            {QStringLiteral("first_name"), r.firstName},
            {QStringLiteral("last_name"), r.lastName},
            {QStringLiteral("email"), r.email},
            {QStringLiteral("phone"), r.phone},
            {QStringLiteral("status"), Resident::statusCode(r.status)}};
}

QJsonObject buildingJson(const Building &b)
{
    return {{QStringLiteral("id"), b.id},
            {QStringLiteral("code"), b.code},
            {QStringLiteral("name"), b.name},
            {QStringLiteral("address"), b.address},
            {QStringLiteral("floors"), b.floors}};
}

QJsonObject roomJson(const Room &r)
{
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("building_id"), r.buildingId},
            {QStringLiteral("building_code"), r.buildingCode},
            {QStringLiteral("number"), r.number},
            {QStringLiteral("floor"), r.floor},
            {QStringLiteral("type"), Room::typeCode(r.type)},
            {QStringLiteral("capacity"), r.capacity},
            {QStringLiteral("status"), Room::statusCode(r.status)}};
}

// Pages through a repository with the keyset cursor, calling `emit` for each row.
template<typename Repository, typename Row, typename Emit>
VoidResult forEachRow(Repository &repository, int sortColumn, Emit emitRow, const ListFilter &filter = {})
{
    PageRequest request;
    request.filter = filter;
    request.sortColumn = sortColumn;
    request.order = Qt::AscendingOrder;
    request.limit = kPageSize;
    for (;;) {
        Result<QList<Row>> page = repository.page(request);
        if (!page)
            return page.error();
        for (const Row &row : page.value())
            emitRow(row);
        if (page->size() < kPageSize)
            return {};
        const Row &last = page->constLast();
        request.hasCursor = true;
        request.afterValue = Repository::sortValue(last, sortColumn);
        request.afterId = last.id;
    }
}

Command listCommand(const QString &entity, const QString &summary, const QString &keys,
                    std::function<int(CommandContext &)> handler)
{
    return {{entity, QStringLiteral("list")},
            summary,
            HousingCommands::tr("With --json: a JSON array of objects with the keys %1. Otherwise an aligned "
                                "text table.")
                .arg(keys),
            {},
            std::move(handler)};
}

} // namespace

void HousingCommands::registerCommands(CommandRegistry &registry)
{
    registry.add({
        {QStringLiteral("seed-demo")},
        tr("Fill the database with deterministic demo data (migrates first)."),
        tr("Adds demo buildings, rooms and residents (--residents) and lab clients and protocols, each "
           "with a work order and a draft report (--protocols). Without either option: 300 residents. The "
           "same seed and count give the same data every time; seeding again adds only what is missing."),
        {QCommandLineOption(residentsOption(),
                            tr("How many residents (default 300, or none if only --protocols is given)."),
                            tr("n"), QStringLiteral("300")),
         QCommandLineOption(protocolsOption(), tr("How many lab protocols (default none)."), tr("n"),
                            QStringLiteral("0")),
         QCommandLineOption(seedOption(), tr("The random seed (default 1)."), tr("s"), QStringLiteral("1")),
         QCommandLineOption(demoUsersOption(),
                            tr("PostgreSQL: also the demo people admin, housing, vet and worker (password "
                               "\"demo\"), each in the role of that name (an administrator's work)."))},
        &HousingCommands::seedDemo,
    });
    Command residents =
        listCommand(QStringLiteral("residents"), tr("List the residents."),
                    QStringLiteral("id, student_id, first_name, last_name, email, phone, status"),
                    &HousingCommands::listResidents);
    residents.options.append(QCommandLineOption(
        QStringLiteral("building"), tr("Only residents holding a bed in this building today (its code)."),
        tr("code")));
    registry.add(residents);
    registry.add(listCommand(QStringLiteral("buildings"), tr("List the buildings."),
                             QStringLiteral("id, code, name, address, floors"),
                             &HousingCommands::listBuildings));
    registry.add(
        listCommand(QStringLiteral("rooms"), tr("List the rooms."),
                    QStringLiteral("id, building_id, building_code, number, floor, type, capacity, status"),
                    &HousingCommands::listRooms));
}

int HousingCommands::seedDemo(CommandContext &context)
{
    const QCommandLineParser &parser = context.parser();
    bool ok = false;
    const int residents = parser.value(residentsOption()).toInt(&ok);
    if (!ok || residents < 0 || residents > kMaxDemoResidents)
        return context.usageError(tr("--residents must be a whole number from 0 to %1, not \"%2\"")
                                      .arg(kMaxDemoResidents)
                                      .arg(parser.value(residentsOption())));
    const int protocols = parser.value(protocolsOption()).toInt(&ok);
    if (!ok || protocols < 0 || protocols > kMaxDemoProtocols)
        return context.usageError(tr("--protocols must be a whole number from 0 to %1, not \"%2\"")
                                      .arg(kMaxDemoProtocols)
                                      .arg(parser.value(protocolsOption())));
    // Either or both: housing data when --residents is given or --protocols is not.
    const bool demoUsers = parser.isSet(demoUsersOption());
    const bool seedHousing =
        parser.isSet(residentsOption()) || (!parser.isSet(protocolsOption()) && !demoUsers);
    const quint32 seed = parser.value(seedOption()).toUInt(&ok);
    if (!ok)
        return context.usageError(tr("--seed must be a whole number from 0 to %1, not \"%2\"")
                                      .arg(std::numeric_limits<quint32>::max())
                                      .arg(parser.value(seedOption())));

    Database *db = context.openDatabaseToMigrate();
    if (!db)
        return CommandLine::ExitFailure;
    if (demoUsers && !db->isPostgreSQL()) {
        context.error(PeopleRepository::sqliteRefusal().message);
        return CommandLine::ExitFailure;
    }
    const int migrated = DatabaseCommands::migrateOrReport(context, *db);
    if (migrated < 0)
        return CommandLine::ExitFailure;

    const bool showProgress = !context.json() && isatty(fileno(stderr));
    const auto progressLine = [showProgress](const QString &what) {
        return [showProgress, what](int done, int total) {
            if (!showProgress)
                return;
            const QByteArray line =
                HousingCommands::tr("\rSeeding demo %1: %2 of %3").arg(what).arg(done).arg(total).toUtf8();
            std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
            std::fflush(stderr);
        };
    };
    DemoSeeder::Summary summary;
    if (seedHousing) {
        DemoSeeder::Options options;
        options.residents = residents;
        options.seed = seed;
        const Result<DemoSeeder::Summary> seeded =
            DemoSeeder(*db, context.actor()).seed(options, progressLine(tr("residents")));
        if (showProgress)
            std::fputs("\n", stderr);
        if (!seeded) {
            context.error(tr("seeding demo data failed: %1").arg(seeded.error().text().simplified()));
            return CommandLine::ExitFailure;
        }
        summary = seeded.value();
    }
    LabDemoSeeder::Summary lab;
    if (protocols > 0) {
        LabDemoSeeder::Options options;
        options.protocols = protocols;
        options.seed = seed;
        const Result<LabDemoSeeder::Summary> seeded =
            LabDemoSeeder(*db, context.actor()).seed(options, progressLine(tr("protocols")));
        if (showProgress)
            std::fputs("\n", stderr);
        if (!seeded) {
            context.error(tr("seeding demo lab data failed: %1").arg(seeded.error().text().simplified()));
            return CommandLine::ExitFailure;
        }
        lab = seeded.value();
    }
    int finalizing = 0;
    if (lab.protocols > 0) {
        const Result<int> queued = queueDemoFinalizations(*db, context.actor());
        if (!queued) {
            context.error(
                tr("queueing the demo finalizations failed: %1").arg(queued.error().text().simplified()));
            return CommandLine::ExitFailure;
        }
        finalizing = queued.value();
    }
    int peopleAdded = 0;
    if (demoUsers) {
        // Through the same server functions as `users add`: only an administrator may.
        const QList<Person> people{
            {u"admin"_s, tr("Demo Administrator"), tr("Administrator"), {}, u"admin"_s},
            {u"housing"_s, tr("Demo Housing Officer"), tr("Housing officer"), {}, u"housing"_s},
            {u"vet"_s, tr("Dr. Demo Vet"), tr("Veterinarian"), {}, u"vet"_s},
            {u"worker"_s, tr("Demo Worker"), tr("Job worker"), {}, u"worker"_s}};
        PeopleRepository repository(*db);
        for (const Person &person : people) {
            const Result<bool> added = repository.ensure(person, u"demo"_s);
            if (!added) {
                context.error(tr("adding the demo person %1 failed: %2")
                                  .arg(person.login, added.error().text().simplified()));
                return CommandLine::ExitFailure;
            }
            peopleAdded += added.value() ? 1 : 0;
        }
    }
    if (context.json()) {
        context.printJson(QJsonObject{{QStringLiteral("database"), db->config().displayUrl()},
                                      {QStringLiteral("migrations_applied"), migrated},
                                      {QStringLiteral("seed"), qint64(seed)},
                                      {QStringLiteral("requested_residents"), seedHousing ? residents : 0},
                                      {QStringLiteral("buildings"), summary.buildings},
                                      {QStringLiteral("rooms"), summary.rooms},
                                      {QStringLiteral("residents"), summary.residents},
                                      {QStringLiteral("requested_protocols"), protocols},
                                      {QStringLiteral("clients"), lab.clients},
                                      {QStringLiteral("protocols"), lab.protocols},
                                      {QStringLiteral("work_orders"), lab.workOrders},
                                      {QStringLiteral("analyses"), lab.analyses},
                                      {QStringLiteral("reports"), lab.reports},
                                      {QStringLiteral("results"), lab.results},
                                      {QStringLiteral("finalizations_queued"), finalizing},
                                      {QStringLiteral("demo_users_added"), peopleAdded}});
    } else {
        if (seedHousing)
            context.out(tr("Seeded demo data (seed %1) into %2: %3 buildings, %4 rooms, %5 residents added.")
                            .arg(seed)
                            .arg(db->config().displayUrl())
                            .arg(summary.buildings)
                            .arg(summary.rooms)
                            .arg(summary.residents));
        if (protocols > 0)
            context.out(
                tr("Seeded demo lab data (seed %1) into %2: %3 clients, %4 protocols, %5 work orders with %6 "
                   "analyses, %7 draft reports with %8 result rows added.")
                    .arg(seed)
                    .arg(db->config().displayUrl())
                    .arg(lab.clients)
                    .arg(lab.protocols)
                    .arg(lab.workOrders)
                    .arg(lab.analyses)
                    .arg(lab.reports)
                    .arg(lab.results));
        if (finalizing > 0)
            context.out(
                tr("%n report(s) queued for finalization: the window (or `residesk worker`) signs and "
                   "e-mails them.",
                   nullptr, finalizing));
        if (demoUsers)
            context.out(
                tr("The demo people admin, housing, vet and worker (password \"demo\") are there; %n of "
                   "them added now.",
                   nullptr, peopleAdded));
    }
    return CommandLine::ExitSuccess;
}

int HousingCommands::listResidents(CommandContext &context)
{
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    ListFilter filter;
    if (context.parser().isSet(QStringLiteral("building"))) {
        const QString code = context.parser().value(QStringLiteral("building")).trimmed();
        const Result<Building> building = BuildingRepository(*db, context.actor()).findByCode(code);
        if (!building) {
            context.error(
                building.error().code == DbError::Code::NotFound
                    ? tr("there is no building with the code \"%1\"").arg(code)
                    : tr("cannot read the buildings: %1").arg(building.error().message.simplified()));
            return CommandLine::ExitFailure;
        }
        filter.buildingId = building->id;
    }
    ResidentRepository repository(*db, context.actor());
    VoidResult r;
    if (context.json()) {
        JsonArrayWriter writer;
        r = forEachRow<ResidentRepository, Resident>(
            repository, ResidentRepository::StudentId,
            [&writer](const Resident &row) { writer.add(residentJson(row)); }, filter);
        if (r)
            writer.finish();
    } else {
        TextTable table({tr("ID"), tr("STUDENT ID"), tr("FIRST NAME"), tr("LAST NAME"), tr("EMAIL"),
                         tr("PHONE"), tr("STATUS")});
        r = forEachRow<ResidentRepository, Resident>(
            repository, ResidentRepository::StudentId,
            [&table](const Resident &row) {
                table.addRow({QString::number(row.id), row.studentId, row.firstName, row.lastName, row.email,
                              row.phone, Resident::statusCode(row.status)});
            },
            filter);
        if (r)
            context.out(table.toString().chopped(1));
    }
    if (!r) {
        std::fflush(stdout);
        context.error(tr("cannot list the residents: %1").arg(r.error().message.simplified()));
        return CommandLine::ExitFailure;
    }
    return CommandLine::ExitSuccess;
}

int HousingCommands::listBuildings(CommandContext &context)
{
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    // A small table: BuildingRepository::all() reads it in one go, ordered by code.
    const Result<QList<Building>> buildings = BuildingRepository(*db, context.actor()).all();
    if (!buildings) {
        context.error(tr("cannot list the buildings: %1").arg(buildings.error().message.simplified()));
        return CommandLine::ExitFailure;
    }
    if (context.json()) {
        JsonArrayWriter writer;
        for (const Building &b : buildings.value())
            writer.add(buildingJson(b));
        writer.finish();
    } else {
        TextTable table({tr("ID"), tr("CODE"), tr("NAME"), tr("ADDRESS"), tr("FLOORS")});
        for (const Building &b : buildings.value())
            table.addRow({QString::number(b.id), b.code, b.name, b.address, QString::number(b.floors)});
        context.out(table.toString().chopped(1));
    }
    return CommandLine::ExitSuccess;
}

int HousingCommands::listRooms(CommandContext &context)
{
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    RoomRepository repository(*db, context.actor());
    VoidResult r;
    if (context.json()) {
        JsonArrayWriter writer;
        r = forEachRow<RoomRepository, Room>(repository, RoomRepository::BuildingCode,
                                             [&writer](const Room &row) { writer.add(roomJson(row)); });
        if (r)
            writer.finish();
    } else {
        TextTable table(
            {tr("ID"), tr("BUILDING"), tr("NUMBER"), tr("FLOOR"), tr("TYPE"), tr("CAPACITY"), tr("STATUS")});
        r = forEachRow<RoomRepository, Room>(
            repository, RoomRepository::BuildingCode, [&table](const Room &row) {
                table.addRow({QString::number(row.id), row.buildingCode, row.number,
                              QString::number(row.floor), Room::typeCode(row.type),
                              QString::number(row.capacity), Room::statusCode(row.status)});
            });
        if (r)
            context.out(table.toString().chopped(1));
    }
    if (!r) {
        std::fflush(stdout);
        context.error(tr("cannot list the rooms: %1").arg(r.error().message.simplified()));
        return CommandLine::ExitFailure;
    }
    return CommandLine::ExitSuccess;
}
