#include "app/cli/allocationcommands.h"

#include "app/cli/command.h"
#include "app/cli/commandcontext.h"
#include "app/cli/commandline.h"
#include "app/cli/commandregistry.h"
#include "app/cli/texttable.h"
#include "models/db/database.h"
#include "models/housing/allocation/allocationrepository.h"
#include "models/housing/buildingrepository.h"
#include "models/housing/residentrepository.h"
#include "models/housing/roomrepository.h"
#include "tasks/waitlist/waitlistservice.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr int kPageSize = 1000;

QString buildingOption()
{
    return u"building"_s;
}
QString stateOption()
{
    return u"state"_s;
}
QString dateOption()
{
    return u"date"_s;
}
QString residentOption()
{
    return u"resident"_s;
}
QString roomOption()
{
    return u"room"_s;
}
QString fromOption()
{
    return u"from"_s;
}
QString toOption()
{
    return u"to"_s;
}
QString notesOption()
{
    return u"notes"_s;
}

QStringList words(const char *first, const char *second)
{
    return {QString::fromLatin1(first), QString::fromLatin1(second)};
}

QJsonValue dateJson(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonValue timeJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

const QString kAllocationKeys = QStringLiteral(
    "id, resident_id, student_id, first_name, last_name, building_code, room, room_id, from, to (null: "
    "open-ended; the day the bed is free again), state, checked_in_at, checked_out_at (ISO 8601 UTC or "
    "null), "
    "notes, version");

QJsonObject allocationJson(const Allocation &a)
{
    return {{u"id"_s, a.id},
            {u"resident_id"_s, a.residentId},
            {u"student_id"_s, a.residentStudentId},
            {u"first_name"_s, a.residentFirstName},
            {u"last_name"_s, a.residentLastName},
            {u"building_code"_s, a.buildingCode},
            {u"room"_s, a.roomNumber},
            {u"room_id"_s, a.roomId},
            {u"from"_s, dateJson(a.from)},
            {u"to"_s, dateJson(a.to)},
            {u"state"_s, Allocation::stateCode(a.state)},
            {u"checked_in_at"_s, timeJson(a.checkedInAt)},
            {u"checked_out_at"_s, timeJson(a.checkedOutAt)},
            {u"notes"_s, a.notes},
            {u"version"_s, a.version}};
}

QString summary(const Allocation &a)
{
    const QString days = a.to.isValid()
                             ? AllocationCommands::tr("from %1 to %2")
                                   .arg(a.from.toString(Qt::ISODate), a.to.toString(Qt::ISODate))
                             : AllocationCommands::tr("from %1 on").arg(a.from.toString(Qt::ISODate));
    return AllocationCommands::tr("Allocation %1: %2 in room %3 %4, %5.")
        .arg(a.id)
        .arg(a.residentLabel(), a.roomLabel(), days, Allocation::stateLabel(a.state).toLower());
}

// A date option: null if not given; sets *exitCode on a malformed value.
std::optional<QDate> dateValue(CommandContext &context, const QString &option, int *exitCode)
{
    if (!context.parser().isSet(option))
        return QDate();
    const QString text = context.parser().value(option).trimmed();
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid() || text.size() != 10) {
        *exitCode = context.usageError(
            AllocationCommands::tr("--%1 must be a date as YYYY-MM-DD, not \"%2\"").arg(option, text));
        return std::nullopt;
    }
    return date;
}

// The building named by --building: 0 when not given; nullopt (exit code set) if unknown.
std::optional<qint64> buildingValue(CommandContext &context, Database &db, int *exitCode)
{
    if (!context.parser().isSet(buildingOption()))
        return qint64(0);
    const QString code = context.parser().value(buildingOption()).trimmed();
    const Result<Building> building = BuildingRepository(db, context.actor()).findByCode(code);
    if (!building) {
        context.error(building.error().code == DbError::Code::NotFound
                          ? AllocationCommands::tr("there is no building with the code \"%1\"").arg(code)
                          : AllocationCommands::tr("cannot read the buildings: %1")
                                .arg(building.error().message.simplified()));
        *exitCode = CommandLine::ExitFailure;
        return std::nullopt;
    }
    return building->id;
}

// The message, plus the fields' messages when they add something to it.
QString errorText(const DbError &error)
{
    for (const FieldError &f : error.fields) {
        if (f.message != error.message)
            return error.text().simplified();
    }
    return error.message.simplified();
}

int printOutcome(CommandContext &context, const Result<Allocation> &result, const QString &what)
{
    if (!result) {
        context.error(AllocationCommands::tr("cannot %1: %2").arg(what, errorText(result.error())));
        return CommandLine::ExitFailure;
    }
    if (context.json())
        context.printJson(allocationJson(result.value()));
    else
        context.out(summary(result.value()));
    return CommandLine::ExitSuccess;
}

using Transition = Result<Allocation> (AllocationRepository::*)(qint64, int);

int runTransition(CommandContext &context, Transition transition, const QString &what)
{
    int exitCode = CommandLine::ExitSuccess;
    const std::optional<qint64> id =
        context.idArgument(AllocationCommands::tr("an allocation id"), &exitCode);
    if (!id)
        return exitCode;
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    AllocationRepository repository(*db, context.actor());
    return printOutcome(context, (repository.*transition)(*id, AllocationRepository::AnyVersion), what);
}

} // namespace

void AllocationCommands::registerCommands(CommandRegistry &registry)
{
    registry.add({
        words("allocations", "list"),
        tr("List room allocations, by building and room."),
        tr("With --json: a JSON array of objects with the keys %1. Otherwise an aligned text table. States: "
           "%2.")
            .arg(kAllocationKeys, Allocation::codeList()),
        {QCommandLineOption(buildingOption(), tr("Only rooms of this building (its code)."), tr("code")),
         QCommandLineOption(stateOption(),
                            tr("Only allocations in this state (%1).").arg(Allocation::codeList()),
                            tr("state")),
         QCommandLineOption(dateOption(), tr("Only allocations whose days include this date (YYYY-MM-DD)."),
                            tr("date"))},
        &AllocationCommands::list,
    });
    registry.add({
        words("allocations", "reserve"),
        tr("Reserve a bed: --resident STUDENT_ID --room BUILDING/NUMBER --from DATE [--to DATE]."),
        tr("Reserves a bed in the room from --from up to --to, the day the bed is free again (without --to: "
           "open-ended). Refused (exit code 1, the message says why) when the room is under maintenance or "
           "out "
           "of service, when it is full on any of those days (\"Room NH-101 is full on 2026-09-03 (2 of 2 "
           "beds "
           "taken).\"), or when the resident already holds a bed on one of them. With --json: the "
           "allocation, "
           "an object with the keys %1.")
            .arg(kAllocationKeys),
        {QCommandLineOption(residentOption(), tr("The resident's student ID."), tr("student-id")),
         QCommandLineOption(roomOption(), tr("The room as BUILDING/NUMBER (NH/101)."), tr("room")),
         QCommandLineOption(fromOption(), tr("The first day (YYYY-MM-DD)."), tr("date")),
         QCommandLineOption(
             toOption(), tr("The day the bed is free again (YYYY-MM-DD); default: open-ended."), tr("date")),
         QCommandLineOption(notesOption(), tr("Notes."), tr("text"))},
        &AllocationCommands::reserve,
    });
    const struct
    {
        const char *word;
        QString summary;
        QString description;
        int (*handler)(CommandContext &);
    } transitions[] = {
        {"check-in", tr("Check a resident in: residesk allocations check-in ID."),
         tr("Only a reserved allocation, on one of its days, in a room that is available. With --json: the "
            "allocation after the change (keys as in \"allocations list\")."),
         &AllocationCommands::checkIn},
        {"check-out", tr("Check a resident out: residesk allocations check-out ID."),
         tr("Only a checked-in allocation; the bed is free again. With --json: the allocation after the "
            "change."),
         &AllocationCommands::checkOut},
        {"cancel", tr("Cancel a reservation: residesk allocations cancel ID."),
         tr("Only a reserved allocation (a resident who is in is checked out instead). With --json: the "
            "allocation after the change."),
         &AllocationCommands::cancel},
    };
    for (const auto &t : transitions)
        registry.add({words("allocations", t.word), t.summary, t.description, {}, t.handler});
    registry.add({
        words("rooms", "free"),
        tr("Free beds per room on a day (or over a range of days)."),
        tr("Every room (of --building) with its capacity, the beds taken (reserved or checked in; over a "
           "range, the most taken on any one day) and the beds free for the whole range; a room under "
           "maintenance or out of service has none free. Without --date: today; --to makes it the range "
           "[--date, --to). With --json: a JSON array of objects with the keys building_code, room, room_id, "
           "type, status, capacity, taken, free."),
        {QCommandLineOption(buildingOption(), tr("Only rooms of this building (its code)."), tr("code")),
         QCommandLineOption(dateOption(), tr("The day (YYYY-MM-DD; default today)."), tr("date")),
         QCommandLineOption(toOption(), tr("The end of a range of days: the first day not counted."),
                            tr("date"))},
        &AllocationCommands::freeBeds,
    });
}

qsizetype AllocationCommands::argumentCount(const Command &command)
{
    if (command.words.size() == 2 && command.words.first() == u"allocations"_s) {
        const QString &second = command.words.at(1);
        if (second == u"check-in"_s || second == u"check-out"_s || second == u"cancel"_s)
            return 1;
    }
    return 0;
}

int AllocationCommands::list(CommandContext &context)
{
    const QCommandLineParser &parser = context.parser();
    int exitCode = CommandLine::ExitSuccess;
    AllocationFilter filter;
    if (parser.isSet(stateOption())) {
        const auto state = Allocation::stateFromCode(parser.value(stateOption()).trimmed().toLower());
        if (!state)
            return context.usageError(tr("unknown state \"%1\"; use one of %2")
                                          .arg(parser.value(stateOption()), Allocation::codeList()));
        filter.state = state;
    }
    const std::optional<QDate> date = dateValue(context, dateOption(), &exitCode);
    if (!date)
        return exitCode;
    filter.date = *date;
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const std::optional<qint64> building = buildingValue(context, *db, &exitCode);
    if (!building)
        return exitCode;
    filter.buildingId = *building;

    AllocationRepository repository(*db, context.actor());
    PageRequest request;
    request.sortColumn = AllocationRepository::Building;
    request.limit = kPageSize;
    QJsonArray rows;
    TextTable table({tr("ID"), tr("STUDENT ID"), tr("NAME"), tr("ROOM"), tr("FROM"), tr("TO"), tr("STATE")});
    for (;;) {
        const Result<QList<Allocation>> page = repository.page(filter, request);
        if (!page) {
            context.error(tr("cannot list the allocations: %1").arg(page.error().message.simplified()));
            return CommandLine::ExitFailure;
        }
        for (const Allocation &a : page.value()) {
            if (context.json())
                rows.append(allocationJson(a));
            else
                table.addRow({QString::number(a.id), a.residentStudentId,
                              (a.residentFirstName + u' ' + a.residentLastName).trimmed(), a.roomLabel(),
                              a.from.toString(Qt::ISODate),
                              a.to.isValid() ? a.to.toString(Qt::ISODate) : QString(),
                              Allocation::stateCode(a.state)});
        }
        if (page->size() < request.limit)
            break;
        request.hasCursor = true;
        request.afterValue = AllocationRepository::sortValue(page->last(), request.sortColumn);
        request.afterId = page->last().id;
    }
    if (context.json())
        context.printJson(rows);
    else
        context.out(table.toString().chopped(1));
    return CommandLine::ExitSuccess;
}

int AllocationCommands::reserve(CommandContext &context)
{
    const QCommandLineParser &parser = context.parser();
    if (!parser.isSet(residentOption()) || !parser.isSet(roomOption()) || !parser.isSet(fromOption()))
        return context.usageError(tr("\"allocations reserve\" needs --resident, --room and --from"));
    int exitCode = CommandLine::ExitSuccess;
    const std::optional<QDate> from = dateValue(context, fromOption(), &exitCode);
    if (!from)
        return exitCode;
    const std::optional<QDate> to = dateValue(context, toOption(), &exitCode);
    if (!to)
        return exitCode;
    if (to->isValid() && *to <= *from)
        return context.usageError(tr("--to (%1) must come after --from (%2)")
                                      .arg(to->toString(Qt::ISODate), from->toString(Qt::ISODate)));
    const QString roomText = parser.value(roomOption()).trimmed();
    const qsizetype slash = roomText.indexOf(u'/');
    if (slash <= 0 || slash == roomText.size() - 1)
        return context.usageError(tr("--room must be BUILDING/NUMBER (NH/101), not \"%1\"").arg(roomText));

    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const QString studentId = parser.value(residentOption()).trimmed();
    const Result<Resident> resident = ResidentRepository(*db, context.actor()).findByStudentId(studentId);
    if (!resident) {
        context.error(resident.error().message.simplified());
        return CommandLine::ExitFailure;
    }
    const Result<Room> room =
        RoomRepository(*db, context.actor()).findByNumber(roomText.left(slash), roomText.mid(slash + 1));
    if (!room) {
        context.error(room.error().message.simplified());
        return CommandLine::ExitFailure;
    }
    Allocation request;
    request.residentId = resident->id;
    request.roomId = room->id;
    request.from = *from;
    request.to = *to;
    request.notes = parser.value(notesOption());
    return printOutcome(context, AllocationRepository(*db, context.actor()).reserve(request), tr("reserve"));
}

int AllocationCommands::checkIn(CommandContext &context)
{
    return runTransition(context, &AllocationRepository::checkIn, tr("check in"));
}

// Check-out and cancel free a bed: through WaitlistService, which queues its offer to
// the waitlist in the same transaction.
int AllocationCommands::checkOut(CommandContext &context)
{
    int exitCode = CommandLine::ExitSuccess;
    const std::optional<qint64> id = context.idArgument(AllocationCommands::tr("an allocation id"), &exitCode);
    if (!id)
        return exitCode;
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    return printOutcome(context, WaitlistService(*db, context.actor()).checkOut(*id, AllocationRepository::AnyVersion),
                        tr("check out"));
}

int AllocationCommands::cancel(CommandContext &context)
{
    int exitCode = CommandLine::ExitSuccess;
    const std::optional<qint64> id = context.idArgument(AllocationCommands::tr("an allocation id"), &exitCode);
    if (!id)
        return exitCode;
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    return printOutcome(context, WaitlistService(*db, context.actor()).cancel(*id, AllocationRepository::AnyVersion),
                        tr("cancel"));
}

int AllocationCommands::freeBeds(CommandContext &context)
{
    int exitCode = CommandLine::ExitSuccess;
    const std::optional<QDate> date = dateValue(context, dateOption(), &exitCode);
    if (!date)
        return exitCode;
    const std::optional<QDate> to = dateValue(context, toOption(), &exitCode);
    if (!to)
        return exitCode;
    const QDate from = date->isValid() ? *date : QDate::currentDate();
    const QDate until = to->isValid() ? *to : from.addDays(1);
    if (until <= from)
        return context.usageError(tr("--to (%1) must come after the first day (%2)")
                                      .arg(until.toString(Qt::ISODate), from.toString(Qt::ISODate)));
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const std::optional<qint64> building = buildingValue(context, *db, &exitCode);
    if (!building)
        return exitCode;
    const Result<QList<RoomAvailability>> rooms =
        AllocationRepository(*db, context.actor()).availability(*building, from, until);
    if (!rooms) {
        context.error(tr("cannot read the free beds: %1").arg(rooms.error().message.simplified()));
        return CommandLine::ExitFailure;
    }
    if (context.json()) {
        QJsonArray rows;
        for (const RoomAvailability &r : rooms.value())
            rows.append(QJsonObject{{u"building_code"_s, r.buildingCode},
                                    {u"room"_s, r.roomNumber},
                                    {u"room_id"_s, r.roomId},
                                    {u"type"_s, Room::typeCode(r.type)},
                                    {u"status"_s, Room::statusCode(r.status)},
                                    {u"capacity"_s, r.capacity},
                                    {u"taken"_s, r.taken},
                                    {u"free"_s, r.free()}});
        context.printJson(rows);
        return CommandLine::ExitSuccess;
    }
    TextTable table({tr("ROOM"), tr("TYPE"), tr("STATUS"), tr("CAPACITY"), tr("TAKEN"), tr("FREE")});
    int free = 0;
    for (const RoomAvailability &r : rooms.value()) {
        table.addRow({r.label(), Room::typeCode(r.type), Room::statusCode(r.status),
                      QString::number(r.capacity), QString::number(r.taken), QString::number(r.free())});
        free += r.free();
    }
    context.out(table.toString().chopped(1));
    const QString days =
        until == from.addDays(1)
            ? tr("on %1").arg(from.toString(Qt::ISODate))
            : tr("from %1 to %2").arg(from.toString(Qt::ISODate), until.toString(Qt::ISODate));
    // Two counts, two plurals: "%n room(s)" is a message of its own.
    context.out(tr("%n free bed(s) in %1 %2.", nullptr, free)
                    .arg(tr("%n room(s)", nullptr, int(rooms->size())), days));
    return CommandLine::ExitSuccess;
}
