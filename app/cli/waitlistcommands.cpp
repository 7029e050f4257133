#include "app/cli/waitlistcommands.h"

#include "app/cli/command.h"
#include "app/cli/commandcontext.h"
#include "app/cli/commandline.h"
#include "app/cli/commandregistry.h"
#include "app/cli/texttable.h"
#include "models/db/database.h"
#include "models/housing/allocation/depositrepository.h"
#include "models/housing/buildingrepository.h"
#include "models/housing/residentrepository.h"
#include "models/housing/waitlist/waitlistrepository.h"
#include "tasks/waitlist/waitlistservice.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

QString typeList()
{
    QStringList codes;
    for (const Room::Type t : {Room::Type::Single, Room::Type::Double, Room::Type::Triple, Room::Type::Suite,
                               Room::Type::Studio})
        codes << Room::typeCode(t);
    return codes.join(u", "_s);
}

QString timeText(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm"_s) : QString();
}

QJsonValue dateJson(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonValue msJson(qint64 ms)
{
    return ms > 0 ? QJsonValue(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate))
                  : QJsonValue(QJsonValue::Null);
}

QJsonObject entryJson(const WaitlistEntry &e)
{
    return {{u"id"_s, e.id},
            {u"resident_id"_s, e.residentId},
            {u"student_id"_s, e.residentStudentId},
            {u"first_name"_s, e.residentFirstName},
            {u"last_name"_s, e.residentLastName},
            {u"building_code"_s, e.buildingCode},
            {u"room_type"_s, Room::typeCode(e.roomType)},
            {u"position"_s, e.position},
            {u"state"_s, WaitlistEntry::stateCode(e.state)},
            {u"joined_at"_s, msJson(e.joinedAt)},
            {u"offer_id"_s, e.offerId > 0 ? QJsonValue(e.offerId) : QJsonValue(QJsonValue::Null)},
            {u"offer_room"_s, e.offerId > 0 ? QJsonValue(e.offerRoomNumber) : QJsonValue(QJsonValue::Null)},
            {u"offer_from"_s, dateJson(e.offerFrom)},
            {u"offer_to"_s, dateJson(e.offerTo)},
            {u"offer_deadline"_s, msJson(e.offerDeadlineAt)}};
}

QJsonObject depositJson(const Deposit &d)
{
    return {{u"allocation_id"_s, d.allocationId},
            {u"state"_s, Deposit::stateCode(d.state)},
            {u"required"_s, Deposit::amountText(d.requiredCents)},
            {u"paid"_s, d.state == Deposit::State::Paid ? QJsonValue(Deposit::amountText(d.paidCents))
                                                        : QJsonValue(QJsonValue::Null)},
            {u"paid_on"_s, dateJson(d.paidOn)},
            {u"reference"_s, d.state == Deposit::State::Paid ? QJsonValue(d.reference) : QJsonValue(QJsonValue::Null)},
            {u"version"_s, d.version}};
}

int failed(CommandContext &context, const QString &what, const DbError &error)
{
    // The message, plus the fields' messages when they add something to it.
    QString text = error.message;
    for (const FieldError &f : error.fields) {
        if (f.message != error.message) {
            text = error.text();
            break;
        }
    }
    context.error(WaitlistCommands::tr("cannot %1: %2").arg(what, text.simplified()));
    return CommandLine::ExitFailure;
}

// The building named by --building: 0 when not given; nullopt (reported) if unknown.
std::optional<qint64> buildingValue(CommandContext &context, Database &db)
{
    if (!context.parser().isSet(u"building"_s))
        return qint64(0);
    const QString code = context.parser().value(u"building"_s).trimmed();
    const Result<Building> building = BuildingRepository(db, context.actor()).findByCode(code);
    if (!building) {
        context.error(building.error().code == DbError::Code::NotFound
                          ? WaitlistCommands::tr("there is no building with the code \"%1\"").arg(code)
                          : building.error().message.simplified());
        return std::nullopt;
    }
    return building->id;
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

void WaitlistCommands::registerCommands(CommandRegistry &registry)
{
    const QString entryKeys = u"id, resident_id, student_id, first_name, last_name, building_code, room_type, "
                              "position, state, joined_at, offer_id, offer_room, offer_from, offer_to, "
                              "offer_deadline (times ISO 8601 UTC; offer_* null without a pending offer)"_s;
    registry.add({
        {u"waitlist"_s, u"add"_s},
        tr("Put a resident on a waitlist: --resident STUDENT_ID --building CODE --room-type TYPE."),
        tr("At the end of the list of that building and room type (%1); a resident is on a list once. When a "
           "bed of that type frees in that building (check-out, a cancelled reservation, a room back in "
           "service), the first waiting resident is offered it by e-mail with a deadline to answer. With "
           "--json: the entry, an object with the keys %2.")
            .arg(typeList(), entryKeys),
        {QCommandLineOption(u"resident"_s, tr("The resident's student ID."), tr("student-id")),
         QCommandLineOption(u"building"_s, tr("The building's code."), tr("code")),
         QCommandLineOption(u"room-type"_s, tr("The room type (%1).").arg(typeList()), tr("type")),
         QCommandLineOption(u"notes"_s, tr("Notes."), tr("text"))},
        &WaitlistCommands::add,
    });
    registry.add({
        {u"waitlist"_s, u"list"_s},
        tr("List the waitlists in order, with pending offers and their deadlines."),
        tr("Per building and room type, in the order residents are served. With --all also the entries that "
           "left their list (placed, declined, expired, removed). With --json: a JSON array of objects with "
           "the keys %1.")
            .arg(entryKeys),
        {QCommandLineOption(u"building"_s, tr("Only this building (its code)."), tr("code")),
         QCommandLineOption(u"room-type"_s, tr("Only this room type (%1).").arg(typeList()), tr("type")),
         QCommandLineOption(u"all"_s, tr("Also entries that left their list."))},
        &WaitlistCommands::list,
    });
    registry.add({{u"waitlist"_s, u"remove"_s},
                  tr("Take a resident off a waitlist: residesk waitlist remove ENTRY_ID."),
                  tr("A pending offer the resident held is withdrawn and goes to the next person."),
                  {},
                  &WaitlistCommands::remove});
    registry.add({{u"waitlist"_s, u"accept"_s},
                  tr("Accept an offer: residesk waitlist accept OFFER_ID (it becomes a reservation)."),
                  tr("Only a pending offer before its deadline. With --json: the reservation (keys as in "
                     "\"allocations list\": id, resident_id, room_id, from, to, state)."),
                  {},
                  &WaitlistCommands::accept});
    registry.add({{u"waitlist"_s, u"decline"_s},
                  tr("Decline an offer: residesk waitlist decline OFFER_ID (the bed goes to the next person)."),
                  tr("The resident leaves the list; the bed is offered to the next one."),
                  {},
                  &WaitlistCommands::decline});
    registry.add({
        {u"allocations"_s, u"deposit"_s},
        tr("A reservation's deposit: ID --require AMOUNT | --paid AMOUNT --reference R | --waive."),
        tr("--require: the reservation requires a deposit of AMOUNT (such as 250 or 250.00) before check-in. "
           "--paid: records the payment (at least the amount required; --date, default today, and "
           "--reference). --waive: an administrator waives it. Check-in is refused while a deposit is "
           "required. Without an action: shows it. With --json: an object with the keys allocation_id, state "
           "(required, paid, waived), required, paid, paid_on, reference, version (null when none)."),
        {QCommandLineOption(u"require"_s, tr("The deposit required."), tr("amount")),
         QCommandLineOption(u"paid"_s, tr("The amount paid."), tr("amount")),
         QCommandLineOption(u"reference"_s, tr("The payment's reference (receipt or transfer)."), tr("text")),
         QCommandLineOption(u"date"_s, tr("The day of the payment (YYYY-MM-DD; default today)."), tr("date")),
         QCommandLineOption(u"waive"_s, tr("Waive the deposit (administrators only)."))},
        &WaitlistCommands::deposit,
    });
}

qsizetype WaitlistCommands::argumentCount(const Command &command)
{
    if (command.words.size() != 2)
        return 0;
    const QString &first = command.words.at(0);
    const QString &second = command.words.at(1);
    if (first == u"waitlist"_s && (second == u"remove"_s || second == u"accept"_s || second == u"decline"_s))
        return 1;
    if (first == u"allocations"_s && second == u"deposit"_s)
        return 1;
    return 0;
}

int WaitlistCommands::add(CommandContext &context)
{
    const QCommandLineParser &parser = context.parser();
    if (!parser.isSet(u"resident"_s) || !parser.isSet(u"building"_s) || !parser.isSet(u"room-type"_s))
        return context.usageError(tr("\"waitlist add\" needs --resident, --building and --room-type"));
    const QString typeText = parser.value(u"room-type"_s).trimmed().toLower();
    const std::optional<Room::Type> type = Room::typeFromCode(typeText);
    if (!type)
        return context.usageError(tr("unknown room type \"%1\"; use one of %2").arg(typeText, typeList()));
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const QString studentId = parser.value(u"resident"_s).trimmed();
    const Result<Resident> resident = ResidentRepository(*db, context.actor()).findByStudentId(studentId);
    if (!resident) {
        context.error(resident.error().message.simplified());
        return CommandLine::ExitFailure;
    }
    const std::optional<qint64> building = buildingValue(context, *db);
    if (!building)
        return CommandLine::ExitFailure;
    const Result<WaitlistEntry> e = WaitlistRepository(*db, context.actor())
                                        .add(resident->id, *building, *type, nowMs(), parser.value(u"notes"_s));
    if (!e)
        return failed(context, tr("add to the waitlist"), e.error());
    if (context.json())
        context.printJson(entryJson(e.value()));
    else
        context.out(tr("Waitlist entry %1: %2 is number %3 on the list for %4 rooms in %5.")
                        .arg(e->id)
                        .arg(e->residentLabel())
                        .arg(e->position)
                        .arg(Room::typeLabel(e->roomType).toLower(), e->buildingCode));
    return CommandLine::ExitSuccess;
}

int WaitlistCommands::list(CommandContext &context)
{
    const QCommandLineParser &parser = context.parser();
    WaitlistRepository::Filter filter;
    if (parser.isSet(u"room-type"_s)) {
        const QString typeText = parser.value(u"room-type"_s).trimmed().toLower();
        filter.roomType = Room::typeFromCode(typeText);
        if (!filter.roomType)
            return context.usageError(tr("unknown room type \"%1\"; use one of %2").arg(typeText, typeList()));
    }
    filter.includeLeft = parser.isSet(u"all"_s);
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const std::optional<qint64> building = buildingValue(context, *db);
    if (!building)
        return CommandLine::ExitFailure;
    filter.buildingId = *building;
    const Result<QList<WaitlistEntry>> rows = WaitlistRepository(*db, context.actor()).entries(filter);
    if (!rows)
        return failed(context, tr("list the waitlists"), rows.error());
    if (context.json()) {
        QJsonArray out;
        for (const WaitlistEntry &e : rows.value())
            out.append(entryJson(e));
        context.printJson(out);
        return CommandLine::ExitSuccess;
    }
    TextTable table({tr("ID"), tr("LIST"), tr("#"), tr("STUDENT ID"), tr("NAME"), tr("STATE"), tr("OFFER"),
                     tr("ROOM"), tr("ANSWER BY")});
    for (const WaitlistEntry &e : rows.value())
        table.addRow({QString::number(e.id), e.buildingCode + u'/' + Room::typeCode(e.roomType),
                      e.position > 0 ? QString::number(e.position) : QString(), e.residentStudentId,
                      (e.residentFirstName + u' ' + e.residentLastName).trimmed(), WaitlistEntry::stateCode(e.state),
                      e.offerId > 0 ? QString::number(e.offerId) : QString(),
                      e.offerId > 0 ? e.buildingCode + u'-' + e.offerRoomNumber : QString(),
                      timeText(e.offerDeadlineAt)});
    context.out(table.toString().chopped(1));
    return CommandLine::ExitSuccess;
}

int WaitlistCommands::remove(CommandContext &context)
{
    int exitCode = CommandLine::ExitSuccess;
    const std::optional<qint64> id = context.idArgument(tr("a waitlist entry id"), &exitCode);
    if (!id)
        return exitCode;
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    if (const VoidResult r = WaitlistService(*db, context.actor()).remove(*id); !r)
        return failed(context, tr("remove the waitlist entry"), r.error());
    if (context.json())
        context.printJson(QJsonObject{{u"id"_s, *id}, {u"state"_s, u"removed"_s}});
    else
        context.out(tr("Waitlist entry %1 removed.").arg(*id));
    return CommandLine::ExitSuccess;
}

int WaitlistCommands::accept(CommandContext &context)
{
    int exitCode = CommandLine::ExitSuccess;
    const std::optional<qint64> id = context.idArgument(tr("an offer id"), &exitCode);
    if (!id)
        return exitCode;
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const Result<Allocation> a = WaitlistService(*db, context.actor()).accept(*id);
    if (!a)
        return failed(context, tr("accept the offer"), a.error());
    if (context.json())
        context.printJson(QJsonObject{{u"id"_s, a->id},
                                      {u"resident_id"_s, a->residentId},
                                      {u"room_id"_s, a->roomId},
                                      {u"from"_s, dateJson(a->from)},
                                      {u"to"_s, dateJson(a->to)},
                                      {u"state"_s, Allocation::stateCode(a->state)}});
    else
        context.out(tr("Offer %1 accepted: allocation %2, %3 in room %4 from %5.")
                        .arg(*id)
                        .arg(a->id)
                        .arg(a->residentLabel(), a->roomLabel(), a->from.toString(Qt::ISODate)));
    return CommandLine::ExitSuccess;
}

int WaitlistCommands::decline(CommandContext &context)
{
    int exitCode = CommandLine::ExitSuccess;
    const std::optional<qint64> id = context.idArgument(tr("an offer id"), &exitCode);
    if (!id)
        return exitCode;
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    if (const Result<FreedBed> bed = WaitlistService(*db, context.actor()).decline(*id); !bed)
        return failed(context, tr("decline the offer"), bed.error());
    if (context.json())
        context.printJson(QJsonObject{{u"id"_s, *id}, {u"state"_s, u"declined"_s}});
    else
        context.out(tr("Offer %1 declined; the bed goes to the next person on the waitlist.").arg(*id));
    return CommandLine::ExitSuccess;
}

int WaitlistCommands::deposit(CommandContext &context)
{
    const QCommandLineParser &parser = context.parser();
    int exitCode = CommandLine::ExitSuccess;
    const std::optional<qint64> id = context.idArgument(tr("an allocation id"), &exitCode);
    if (!id)
        return exitCode;
    const int actions = int(parser.isSet(u"require"_s)) + int(parser.isSet(u"paid"_s)) + int(parser.isSet(u"waive"_s));
    if (actions > 1)
        return context.usageError(tr("give one of --require, --paid and --waive"));
    if (parser.isSet(u"paid"_s) && !parser.isSet(u"reference"_s))
        return context.usageError(tr("--paid needs --reference (the receipt or transfer number)"));
    std::optional<qint64> cents;
    for (const QString &option : {u"require"_s, u"paid"_s}) {
        if (!parser.isSet(option))
            continue;
        cents = Deposit::parseAmount(parser.value(option));
        if (!cents || *cents <= 0)
            return context.usageError(
                tr("--%1 must be an amount above zero such as 250 or 250.00, not \"%2\"").arg(option, parser.value(option)));
    }
    QDate paidOn = QDate::currentDate();
    if (parser.isSet(u"date"_s)) {
        const QString text = parser.value(u"date"_s).trimmed();
        paidOn = QDate::fromString(text, Qt::ISODate);
        if (!paidOn.isValid() || text.size() != 10)
            return context.usageError(tr("--date must be a date as YYYY-MM-DD, not \"%1\"").arg(text));
    }
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    DepositRepository deposits(*db, context.actor());
    Result<std::optional<Deposit>> shown = std::optional<Deposit>();
    if (parser.isSet(u"require"_s)) {
        const Result<Deposit> d = deposits.require(*id, *cents);
        if (!d)
            return failed(context, tr("require the deposit"), d.error());
        shown = std::optional<Deposit>(d.value());
    } else if (parser.isSet(u"paid"_s)) {
        const Result<Deposit> d = deposits.recordPayment(*id, *cents, paidOn, parser.value(u"reference"_s));
        if (!d)
            return failed(context, tr("record the payment"), d.error());
        shown = std::optional<Deposit>(d.value());
    } else if (parser.isSet(u"waive"_s)) {
        const Result<Deposit> d = deposits.waive(*id);
        if (!d)
            return failed(context, tr("waive the deposit"), d.error());
        shown = std::optional<Deposit>(d.value());
    } else {
        shown = deposits.find(*id);
        if (!shown)
            return failed(context, tr("read the deposit"), shown.error());
    }
    if (context.json()) {
        context.printJson(shown->has_value() ? QJsonValue(depositJson(shown->value())) : QJsonValue(QJsonValue::Null));
        return CommandLine::ExitSuccess;
    }
    context.out(shown->has_value() ? tr("Allocation %1: deposit %2.").arg(*id).arg(shown->value().summary())
                                   : tr("Allocation %1 requires no deposit.").arg(*id));
    return CommandLine::ExitSuccess;
}
