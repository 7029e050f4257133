#include "app/cli/maintenancecommands.h"

#include "app/cli/command.h"
#include "app/cli/commandcontext.h"
#include "app/cli/commandline.h"
#include "app/cli/commandregistry.h"
#include "app/cli/jobwaiter.h"
#include "app/cli/texttable.h"
#include "models/db/database.h"
#include "models/housing/buildingrepository.h"
#include "models/housing/residentrepository.h"
#include "models/housing/roomrepository.h"
#include "models/maintenance/maintenanceplanrepository.h"
#include "models/maintenance/maintenancerepository.h"
#include "models/maintenance/technicianrepository.h"
#include "tasks/job.h"
#include "tasks/maintenance/maintenancetasks.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

QJsonValue timeJson(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QString local(const QDateTime &t)
{
    return t.isValid() ? QLocale::c().toString(t.toLocalTime(), u"yyyy-MM-dd HH:mm"_s) : QString();
}

const QString kRequestKeys = u"id, building_code, room (null: common area), place, category, priority, description, "
                             "state, technician_id, technician, estimate (decimal text or null), estimate_cents, "
                             "slot_start, slot_end, reported_at, due_at (ISO 8601 UTC or null), overdue, "
                             "needs_attention, room_out_of_service, permission_to_enter, reported_by, plan_id, "
                             "version"_s;

QJsonObject requestJson(const MaintenanceRequest &r)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return {{u"id"_s, r.id},
            {u"building_code"_s, r.buildingCode},
            {u"room"_s, r.roomId > 0 ? QJsonValue(r.roomNumber) : QJsonValue(QJsonValue::Null)},
            {u"place"_s, r.placeLabel()},
            {u"category"_s, Maintenance::categoryCode(r.category)},
            {u"priority"_s, Maintenance::priorityCode(r.priority)},
            {u"description"_s, r.description},
            {u"state"_s, Maintenance::stateCode(r.state)},
            {u"technician_id"_s, r.technicianId > 0 ? QJsonValue(r.technicianId) : QJsonValue(QJsonValue::Null)},
            {u"technician"_s, r.technicianId > 0 ? QJsonValue(r.technicianName) : QJsonValue(QJsonValue::Null)},
            {u"estimate"_s, r.estimateCents ? QJsonValue(Maintenance::money(r.estimateCents)) : QJsonValue(QJsonValue::Null)},
            {u"estimate_cents"_s, r.estimateCents ? QJsonValue(*r.estimateCents) : QJsonValue(QJsonValue::Null)},
            {u"slot_start"_s, timeJson(r.slotStart)},
            {u"slot_end"_s, timeJson(r.slotEnd)},
            {u"reported_at"_s, timeJson(r.reportedAt)},
            {u"due_at"_s, timeJson(r.dueAt)},
            {u"overdue"_s, r.isOverdue(now)},
            {u"needs_attention"_s, r.needsAttention},
            {u"room_out_of_service"_s, r.tookRoomOut},
            {u"permission_to_enter"_s, r.permissionToEnter},
            {u"reported_by"_s, r.reportedByResidentId > 0 ? r.reporterName : r.reportedByStaff},
            {u"plan_id"_s, r.planId > 0 ? QJsonValue(r.planId) : QJsonValue(QJsonValue::Null)},
            {u"version"_s, r.version}};
}

QString summary(const MaintenanceRequest &r)
{
    QString text = MaintenanceCommands::tr("Maintenance request %1: %2, %3, %4 priority, %5.")
                       .arg(r.id)
                       .arg(r.placeLabel(), Maintenance::categoryLabel(r.category).toLower(),
                            Maintenance::priorityLabel(r.priority).toLower(), Maintenance::stateLabel(r.state).toLower());
    if (r.technicianId > 0)
        text += u' ' + MaintenanceCommands::tr("Technician: %1.").arg(r.technicianName);
    if (r.estimateCents)
        text += u' ' + MaintenanceCommands::tr("Estimate: %1.").arg(Maintenance::money(r.estimateCents));
    if (r.slotStart.isValid())
        text += u' ' + MaintenanceCommands::tr("Visit: %1–%2.").arg(local(r.slotStart), QLocale::c().toString(r.slotEnd.toLocalTime(), u"HH:mm"_s));
    if (r.needsAttention)
        text += u' ' + MaintenanceCommands::tr("Needs attention: nobody could take it.");
    return text;
}

QString errorText(const DbError &error)
{
    for (const FieldError &f : error.fields)
        if (f.message != error.message)
            return error.text().simplified();
    return error.message.simplified();
}

int failed(CommandContext &context, const QString &what, const DbError &error)
{
    context.error(MaintenanceCommands::tr("cannot %1: %2").arg(what, errorText(error)));
    return CommandLine::ExitFailure;
}

int printRequest(CommandContext &context, const MaintenanceRequest &r)
{
    if (context.json())
        context.printJson(requestJson(r));
    else
        context.out(summary(r));
    return CommandLine::ExitSuccess;
}

QCommandLineOption option(const char *name, const QString &help, const QString &value = {})
{
    return value.isEmpty() ? QCommandLineOption(QString::fromLatin1(name), help)
                           : QCommandLineOption(QString::fromLatin1(name), help, value);
}

QString value(CommandContext &c, const char *name)
{
    return c.parser().value(QString::fromLatin1(name)).trimmed();
}

bool isSet(CommandContext &c, const char *name)
{
    return c.parser().isSet(QString::fromLatin1(name));
}

int add(CommandContext &context)
{
    MaintenanceRequest r;
    const auto category = Maintenance::categoryFromCode(value(context, "category"));
    if (!category)
        return context.usageError(MaintenanceCommands::tr("--category must be one of %1, not \"%2\"")
                                      .arg(Maintenance::categoryCodes(), value(context, "category")));
    const auto priority = Maintenance::priorityFromCode(isSet(context, "priority") ? value(context, "priority") : u"routine"_s);
    if (!priority)
        return context.usageError(MaintenanceCommands::tr("--priority must be one of %1, not \"%2\"")
                                      .arg(Maintenance::priorityCodes(), value(context, "priority")));
    if (!isSet(context, "room") && !isSet(context, "building"))
        return context.usageError(MaintenanceCommands::tr("give --room BUILDING/NUMBER, or --building CODE for its common area"));
    if (value(context, "description").isEmpty())
        return context.usageError(MaintenanceCommands::tr("--description is required: what is wrong?"));
    r.category = *category;
    r.priority = *priority;
    r.description = value(context, "description");
    r.permissionToEnter = isSet(context, "permission-to-enter");
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    if (isSet(context, "room")) {
        const QString room = value(context, "room");
        const qsizetype slash = room.indexOf(u'/');
        if (slash <= 0 || slash == room.size() - 1)
            return context.usageError(MaintenanceCommands::tr("--room must be BUILDING/NUMBER (NH/101), not \"%1\"").arg(room));
        const Result<Room> found = RoomRepository(*db, context.actor()).findByNumber(room.left(slash), room.mid(slash + 1));
        if (!found) {
            context.error(found.error().code == DbError::Code::NotFound
                              ? MaintenanceCommands::tr("there is no room %1").arg(room)
                              : MaintenanceCommands::tr("cannot read the rooms: %1").arg(found.error().message.simplified()));
            return CommandLine::ExitFailure;
        }
        r.roomId = found->id;
    } else {
        const Result<Building> b = BuildingRepository(*db, context.actor()).findByCode(value(context, "building"));
        if (!b) {
            context.error(b.error().code == DbError::Code::NotFound
                              ? MaintenanceCommands::tr("there is no building with the code \"%1\"").arg(value(context, "building"))
                              : MaintenanceCommands::tr("cannot read the buildings: %1").arg(b.error().message.simplified()));
            return CommandLine::ExitFailure;
        }
        r.buildingId = b->id;
    }
    if (isSet(context, "resident")) {
        const Result<Resident> who = ResidentRepository(*db, context.actor()).findByStudentId(value(context, "resident"));
        if (!who) {
            context.error(who.error().code == DbError::Code::NotFound
                              ? MaintenanceCommands::tr("there is no resident with the student id \"%1\"").arg(value(context, "resident"))
                              : MaintenanceCommands::tr("cannot read the residents: %1").arg(who.error().message.simplified()));
            return CommandLine::ExitFailure;
        }
        r.reportedByResidentId = who->id;
    }
    const Result<MaintenanceTasks::Submitted> submitted = MaintenanceTasks::submit(*db, context.actor(), r);
    if (!submitted)
        return failed(context, MaintenanceCommands::tr("add the maintenance request"), submitted.error());
    const qint64 id = submitted->request.id;
    if (!context.parser().isSet(JobWaiter::waitOption()))
        return printRequest(context, submitted->request);
    JobWaiter::Options options;
    options.reporter = [id, db](CommandContext &c, const Job &job) {
        if (job.state != JobState::Succeeded)
            return JobWaiter::report(c, job);
        const Result<MaintenanceRequest> after = MaintenanceRepository(*db, c.actor()).get(id);
        if (!after)
            return failed(c, MaintenanceCommands::tr("read maintenance request %1").arg(id), after.error());
        return printRequest(c, after.value());
    };
    return JobWaiter(context, *db, options).wait(submitted->jobId);
}

int list(CommandContext &context)
{
    MaintenanceFilter filter;
    if (isSet(context, "state")) {
        const auto state = Maintenance::stateFromCode(value(context, "state"));
        if (!state)
            return context.usageError(MaintenanceCommands::tr("--state must be one of %1, not \"%2\"")
                                          .arg(Maintenance::stateCodes(), value(context, "state")));
        filter.state = state;
    }
    filter.buildingCode = value(context, "building");
    filter.overdueOnly = isSet(context, "overdue");
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const Result<QList<MaintenanceRequest>> rows = MaintenanceRepository(*db, context.actor()).list(filter);
    if (!rows)
        return failed(context, MaintenanceCommands::tr("list maintenance requests"), rows.error());
    if (context.json()) {
        QJsonArray array;
        for (const MaintenanceRequest &r : rows.value())
            array.append(requestJson(r));
        context.printJson(array);
        return CommandLine::ExitSuccess;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    TextTable table({MaintenanceCommands::tr("ID"), MaintenanceCommands::tr("Place"), MaintenanceCommands::tr("Category"), MaintenanceCommands::tr("Priority"), MaintenanceCommands::tr("State"),
                     MaintenanceCommands::tr("Technician"), MaintenanceCommands::tr("Due"), MaintenanceCommands::tr("Overdue")});
    for (const MaintenanceRequest &r : rows.value())
        table.addRow({QString::number(r.id), r.placeLabel(), Maintenance::categoryCode(r.category),
                      Maintenance::priorityCode(r.priority), Maintenance::stateCode(r.state), r.technicianName,
                      local(r.dueAt), r.isOverdue(now) ? MaintenanceCommands::tr("overdue") : QString()});
    context.out(table.toString());
    return CommandLine::ExitSuccess;
}

int show(CommandContext &context)
{
    int exitCode = CommandLine::ExitSuccess;
    const std::optional<qint64> id = context.idArgument(MaintenanceCommands::tr("a maintenance request id"), &exitCode);
    if (!id)
        return exitCode;
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    MaintenanceRepository repo(*db, context.actor());
    const Result<MaintenanceRequest> r = repo.get(*id);
    if (!r)
        return failed(context, MaintenanceCommands::tr("show maintenance request %1").arg(*id), r.error());
    const Result<QList<MaintenanceComment>> comments = repo.comments(*id);
    if (!comments)
        return failed(context, MaintenanceCommands::tr("read its comments"), comments.error());
    if (context.json()) {
        QJsonObject o = requestJson(r.value());
        QJsonArray list;
        for (const MaintenanceComment &c : comments.value())
            list.append(QJsonObject{{u"author"_s, c.author}, {u"at"_s, timeJson(c.createdAt)}, {u"body"_s, c.body}});
        o.insert(u"comments"_s, list);
        o.insert(u"technician_email"_s, r->technicianEmail);
        context.printJson(o);
        return CommandLine::ExitSuccess;
    }
    context.out(summary(r.value()));
    context.out(MaintenanceCommands::tr("Description: %1").arg(r->description));
    context.out(MaintenanceCommands::tr("Reported %1, due %2.").arg(local(r->reportedAt), local(r->dueAt)));
    for (const MaintenanceComment &c : comments.value())
        context.out(u"  %1  %2: %3"_s.arg(local(c.createdAt), c.author, c.body));
    return CommandLine::ExitSuccess;
}

int done(CommandContext &context)
{
    int exitCode = CommandLine::ExitSuccess;
    const std::optional<qint64> id = context.idArgument(MaintenanceCommands::tr("a maintenance request id"), &exitCode);
    if (!id)
        return exitCode;
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const Result<MaintenanceRequest> r = MaintenanceRepository(*db, context.actor()).transition(*id, Maintenance::State::Done);
    if (!r)
        return failed(context, MaintenanceCommands::tr("mark maintenance request %1 done").arg(*id), r.error());
    return printRequest(context, r.value());
}

QJsonObject technicianJson(const Technician &t)
{
    QJsonArray skills;
    for (Maintenance::Category c : t.skills)
        skills.append(Maintenance::categoryCode(c));
    QJsonArray days;
    for (int d : t.workingDays)
        days.append(d);
    QJsonArray absent;
    for (const QDate &d : t.absentDays)
        absent.append(d.toString(Qt::ISODate));
    return {{u"id"_s, t.id},
            {u"name"_s, t.name},
            {u"email"_s, t.email},
            {u"skills"_s, skills},
            {u"language"_s, t.language.isEmpty() ? QJsonValue() : QJsonValue(t.language)},
            {u"working_days"_s, days},
            {u"hours"_s, Technician::hoursText(t.dayStarts) + u'-' + Technician::hoursText(t.dayEnds)},
            {u"absent_days"_s, absent},
            {u"active"_s, t.active}};
}

std::optional<int> minutesOf(const QString &hhmm)
{
    const QTime t = QTime::fromString(hhmm, u"HH:mm"_s);
    if (hhmm == u"24:00"_s)
        return 24 * 60;
    if (!t.isValid())
        return std::nullopt;
    return t.hour() * 60 + t.minute();
}

int technicianAdd(CommandContext &context)
{
    Technician t;
    t.name = value(context, "name");
    t.email = value(context, "email");
    for (const QString &code : value(context, "skills").split(u',', Qt::SkipEmptyParts)) {
        const auto c = Maintenance::categoryFromCode(code);
        if (!c)
            return context.usageError(MaintenanceCommands::tr("--skills: \"%1\" is not a category (%2)").arg(code.trimmed(), Maintenance::categoryCodes()));
        t.skills.append(*c);
    }
    if (isSet(context, "days")) {
        t.workingDays.clear();
        for (const QString &d : value(context, "days").split(u',', Qt::SkipEmptyParts)) {
            bool ok = false;
            const int n = d.trimmed().toInt(&ok);
            if (!ok || n < 1 || n > 7)
                return context.usageError(MaintenanceCommands::tr("--days: \"%1\" is not a weekday number (1 = Monday … 7 = Sunday)").arg(d.trimmed()));
            t.workingDays.append(n);
        }
    }
    if (isSet(context, "hours")) {
        const QStringList parts = value(context, "hours").split(u'-');
        const auto from = parts.size() == 2 ? minutesOf(parts[0].trimmed()) : std::nullopt;
        const auto to = parts.size() == 2 ? minutesOf(parts[1].trimmed()) : std::nullopt;
        if (!from || !to)
            return context.usageError(MaintenanceCommands::tr("--hours must be HH:MM-HH:MM (08:00-16:00), not \"%1\"").arg(value(context, "hours")));
        t.dayStarts = *from;
        t.dayEnds = *to;
    }
    for (const QString &d : value(context, "absent").split(u',', Qt::SkipEmptyParts)) {
        const QDate day = QDate::fromString(d.trimmed(), Qt::ISODate);
        if (!day.isValid())
            return context.usageError(MaintenanceCommands::tr("--absent: \"%1\" is not a date as YYYY-MM-DD").arg(d.trimmed()));
        t.absentDays.append(day);
    }
    // Checked by the repository, which names a value it refuses.
    t.language = value(context, "language");
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const Result<Technician> stored = TechnicianRepository(*db, context.actor()).add(t);
    if (!stored)
        return failed(context, MaintenanceCommands::tr("add the technician"), stored.error());
    if (context.json())
        context.printJson(technicianJson(stored.value()));
    else
        context.out(MaintenanceCommands::tr("Technician %1: %2 <%3>, %4.").arg(stored->id).arg(stored->name, stored->email, stored->skillCodes()));
    return CommandLine::ExitSuccess;
}

int technicianList(CommandContext &context)
{
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const Result<QList<Technician>> all = TechnicianRepository(*db, context.actor()).list();
    if (!all)
        return failed(context, MaintenanceCommands::tr("list technicians"), all.error());
    if (context.json()) {
        QJsonArray array;
        for (const Technician &t : all.value())
            array.append(technicianJson(t));
        context.printJson(array);
        return CommandLine::ExitSuccess;
    }
    TextTable table({MaintenanceCommands::tr("ID"), MaintenanceCommands::tr("Name"), MaintenanceCommands::tr("E-mail"), MaintenanceCommands::tr("Skills"), MaintenanceCommands::tr("Days"), MaintenanceCommands::tr("Hours")});
    for (const Technician &t : all.value())
        table.addRow({QString::number(t.id), t.name, t.email, t.skillCodes(), t.workingDayCodes(),
                      Technician::hoursText(t.dayStarts) + u'-' + Technician::hoursText(t.dayEnds)});
    context.out(table.toString());
    return CommandLine::ExitSuccess;
}

QJsonObject planJson(const MaintenancePlan &p)
{
    return {{u"id"_s, p.id},
            {u"title"_s, p.title},
            {u"building_code"_s, p.buildingId > 0 ? QJsonValue(p.buildingCode) : QJsonValue(QJsonValue::Null)},
            {u"room_type"_s, p.roomType.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(p.roomType)},
            {u"category"_s, Maintenance::categoryCode(p.category)},
            {u"priority"_s, Maintenance::priorityCode(p.priority)},
            {u"every_months"_s, p.periodMonths},
            {u"starts_on"_s, p.startsOn.toString(Qt::ISODate)},
            {u"last_period"_s, p.lastPeriod},
            {u"active"_s, p.active}};
}

int planAdd(CommandContext &context)
{
    MaintenancePlan p;
    p.title = value(context, "title");
    const auto category = Maintenance::categoryFromCode(value(context, "category"));
    if (!category)
        return context.usageError(MaintenanceCommands::tr("--category must be one of %1, not \"%2\"")
                                      .arg(Maintenance::categoryCodes(), value(context, "category")));
    p.category = *category;
    if (isSet(context, "priority")) {
        const auto priority = Maintenance::priorityFromCode(value(context, "priority"));
        if (!priority)
            return context.usageError(MaintenanceCommands::tr("--priority must be one of %1, not \"%2\"")
                                          .arg(Maintenance::priorityCodes(), value(context, "priority")));
        p.priority = *priority;
    }
    bool ok = false;
    p.periodMonths = value(context, "every").toInt(&ok);
    if (!ok)
        return context.usageError(MaintenanceCommands::tr("--every must be a number of months, not \"%1\"").arg(value(context, "every")));
    p.startsOn = isSet(context, "from") ? QDate::fromString(value(context, "from"), Qt::ISODate) : QDate::currentDate();
    if (!p.startsOn.isValid())
        return context.usageError(MaintenanceCommands::tr("--from must be a date as YYYY-MM-DD, not \"%1\"").arg(value(context, "from")));
    p.roomType = value(context, "room-type").toLower();
    p.description = value(context, "description");
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    if (isSet(context, "building")) {
        const Result<Building> b = BuildingRepository(*db, context.actor()).findByCode(value(context, "building"));
        if (!b) {
            context.error(b.error().code == DbError::Code::NotFound
                              ? MaintenanceCommands::tr("there is no building with the code \"%1\"").arg(value(context, "building"))
                              : MaintenanceCommands::tr("cannot read the buildings: %1").arg(b.error().message.simplified()));
            return CommandLine::ExitFailure;
        }
        p.buildingId = b->id;
    }
    const Result<MaintenancePlan> stored = MaintenancePlanRepository(*db, context.actor()).add(p);
    if (!stored)
        return failed(context, MaintenanceCommands::tr("add the plan"), stored.error());
    if (context.json())
        context.printJson(planJson(stored.value()));
    else
        context.out(MaintenanceCommands::tr("Plan %1: %2, every %n month(s) from %3.", nullptr, stored->periodMonths)
                        .arg(stored->id)
                        .arg(stored->title, stored->startsOn.toString(Qt::ISODate)));
    return CommandLine::ExitSuccess;
}

int planList(CommandContext &context)
{
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const Result<QList<MaintenancePlan>> all = MaintenancePlanRepository(*db, context.actor()).list();
    if (!all)
        return failed(context, MaintenanceCommands::tr("list plans"), all.error());
    if (context.json()) {
        QJsonArray array;
        for (const MaintenancePlan &p : all.value())
            array.append(planJson(p));
        context.printJson(array);
        return CommandLine::ExitSuccess;
    }
    TextTable table({MaintenanceCommands::tr("ID"), MaintenanceCommands::tr("Title"), MaintenanceCommands::tr("Building"), MaintenanceCommands::tr("Room type"), MaintenanceCommands::tr("Category"),
                     MaintenanceCommands::tr("Every"), MaintenanceCommands::tr("From"), MaintenanceCommands::tr("Periods created")});
    for (const MaintenancePlan &p : all.value())
        table.addRow({QString::number(p.id), p.title, p.buildingCode, p.roomType, Maintenance::categoryCode(p.category),
                      MaintenanceCommands::tr("%n month(s)", nullptr, p.periodMonths), p.startsOn.toString(Qt::ISODate),
                      QString::number(p.lastPeriod + 1)});
    context.out(table.toString());
    return CommandLine::ExitSuccess;
}

} // namespace

void MaintenanceCommands::registerCommands(CommandRegistry &registry)
{
    const QStringList m{u"maintenance"_s};
    registry.add({{u"maintenance"_s, u"add"_s},
                  tr("Report a maintenance request; a job assigns, estimates, schedules and notifies."),
                  tr("Prints the new request (with --wait: after processing, with technician, estimate and visit). "
                     "With --json the keys are %1.")
                      .arg(kRequestKeys),
                  {option("room", tr("The room, as BUILDING/NUMBER (NH/101)."), tr("room")),
                   option("building", tr("A building's common area (its code), instead of --room."), tr("code")),
                   option("category", tr("One of %1.").arg(Maintenance::categoryCodes()), tr("category")),
                   option("priority", tr("One of %1 (default routine).").arg(Maintenance::priorityCodes()), tr("priority")),
                   option("description", tr("What is wrong."), tr("text")),
                   option("resident", tr("The student id of the resident who reported it (default: you)."), tr("id")),
                   option("permission-to-enter", tr("The technician may enter while nobody is in.")),
                   JobWaiter::waitOption()},
                  &add});
    registry.add({{u"maintenance"_s, u"list"_s},
                  tr("List maintenance requests, soonest due first."),
                  tr("With --json: a JSON array of objects with the keys %1.").arg(kRequestKeys),
                  {option("state", tr("Only this state (%1).").arg(Maintenance::stateCodes()), tr("state")),
                   option("building", tr("Only this building (its code)."), tr("code")),
                   option("overdue", tr("Only unfinished requests past their target."))},
                  &list});
    registry.add({{u"maintenance"_s, u"show"_s},
                  tr("Show one maintenance request with its technician, estimate, visit and comments."),
                  {}, {}, &show});
    registry.add({{u"maintenance"_s, u"done"_s},
                  tr("Mark a maintenance request done (an assigned or scheduled one is started first)."),
                  {}, {}, &done});
    registry.add(
        {{u"technicians"_s, u"add"_s},
         tr("Add a technician."),
         {},
         {option("name", tr("Full name."), tr("name")),
          option("email", tr("E-mail address (jobs are sent there)."), tr("address")),
          option("skills", tr("Categories, comma-separated (%1).").arg(Maintenance::categoryCodes()),
                 tr("list")),
          option("days", tr("Working days, ISO numbers comma-separated (default 1,2,3,4,5)."), tr("list")),
          option("hours", tr("Working hours HH:MM-HH:MM (default 08:00-16:00)."), tr("range")),
          option("absent", tr("Absent days, YYYY-MM-DD comma-separated."), tr("dates")),
          option("language", tr("Language of their job e-mails: en or es (default: the office's)."),
                 tr("code"))},
         &technicianAdd});
    registry.add({{u"technicians"_s, u"list"_s}, tr("List technicians."), {}, {}, &technicianList});
    registry.add({{u"plans"_s, u"add"_s},
                  tr("Add a preventive maintenance plan (requests every N months)."),
                  tr("Give --building (its common area), --room-type (every room of the type), or both."),
                  {option("title", tr("What is done (\"Filters\")."), tr("text")),
                   option("building", tr("The building (its code)."), tr("code")),
                   option("room-type", tr("Every room of this type (single, double, triple, suite, studio)."), tr("type")),
                   option("category", tr("One of %1.").arg(Maintenance::categoryCodes()), tr("category")),
                   option("priority", tr("One of %1 (default routine).").arg(Maintenance::priorityCodes()), tr("priority")),
                   option("every", tr("The period in months."), tr("months")),
                   option("from", tr("The first period's first day (YYYY-MM-DD, default today)."), tr("date")),
                   option("description", tr("Details for the technician."), tr("text"))},
                  &planAdd});
    registry.add({{u"plans"_s, u"list"_s}, tr("List preventive maintenance plans."), {}, {}, &planList});
}

qsizetype MaintenanceCommands::argumentCount(const Command &command)
{
    if (command.words.size() == 2 && command.words.first() == u"maintenance"_s &&
        (command.words.at(1) == u"show"_s || command.words.at(1) == u"done"_s))
        return 1;
    return 0;
}
