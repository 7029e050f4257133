#include "models/maintenance/maintenanceplanrepository.h"

#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/housing/room.h"
#include "models/housing/sqlhelpers_p.h"
#include "models/lab/labsql_p.h"
#include "models/maintenance/maintenancerepository.h"
#include "models/maintenance/maintenancesql_p.h"

using namespace HousingSql;
using namespace MaintenanceSql;
using namespace Qt::StringLiterals;

namespace {

const QString kSelect = u"SELECT p.id, p.title, p.building_id, p.room_type, p.category, p.priority, p.description, "
                        "p.period_months, p.starts_on, p.last_period, p.active, p.version, b.code "
                        "FROM maintenance_plans p LEFT JOIN buildings b ON b.id = p.building_id"_s;

MaintenancePlan readPlan(const SqlStatement &st)
{
    MaintenancePlan p;
    p.id = st.value(0).toLongLong();
    p.title = st.value(1).toString();
    p.buildingId = LabSql::readId(st.value(2));
    p.roomType = st.value(3).toString();
    p.category = Maintenance::categoryFromCode(st.value(4).toString()).value_or(Maintenance::Category::Other);
    p.priority = Maintenance::priorityFromCode(st.value(5).toString()).value_or(Maintenance::Priority::Routine);
    p.description = st.value(6).toString();
    p.periodMonths = st.value(7).toInt();
    p.startsOn = readDate(st.value(8));
    p.lastPeriod = st.value(9).toInt();
    p.active = st.value(10).toInt() != 0;
    p.version = st.value(11).toInt();
    p.buildingCode = st.value(12).toString();
    return p;
}

} // namespace

MaintenancePlanRepository::MaintenancePlanRepository(Database &db, Actor actor)
    : m_db(db)
    , m_actor(std::move(actor))
{}

QList<FieldError> MaintenancePlanRepository::validate(const MaintenancePlan &p)
{
    QList<FieldError> errors;
    if (p.title.trimmed().isEmpty())
        errors.append({u"title"_s, tr("The plan needs a title.")});
    else if (p.title.trimmed().size() > 200)
        errors.append({u"title"_s, tr("The title must be at most %1 characters long.").arg(200)});
    if (p.buildingId <= 0 && p.roomType.isEmpty())
        errors.append({u"scope"_s, tr("Give the building, the room type, or both.")});
    if (!p.roomType.isEmpty() && !Room::typeFromCode(p.roomType))
        errors.append({u"room_type"_s, tr("“%1” is not a room type (single, double, triple, suite, studio).")
                                           .arg(p.roomType)});
    if (p.periodMonths < 1 || p.periodMonths > 120)
        errors.append({u"period_months"_s,
                       tr("The period must be between 1 and 120 months (%1 given).").arg(p.periodMonths)});
    if (!p.startsOn.isValid())
        errors.append({u"starts_on"_s, tr("The plan needs its first day.")});
    if (p.description.size() > 4000)
        errors.append({u"description"_s, tr("The description must be at most %1 characters long.").arg(4000)});
    return errors;
}

Result<MaintenancePlan> MaintenancePlanRepository::add(const MaintenancePlan &input)
{
    MaintenancePlan p = input;
    p.title = p.title.trimmed();
    if (QList<FieldError> errors = validate(p); !errors.isEmpty())
        return DbError::validation(std::move(errors));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    if (p.buildingId > 0) {
        const Result<bool> found = exists(m_db, u"SELECT 1 FROM buildings WHERE id = ?"_s, {p.buildingId});
        if (!found)
            return found.error();
        if (!found.value())
            return DbError(DbError::Code::Validation, tr("The building (id %1) does not exist.").arg(p.buildingId),
                           {}, {FieldError{u"scope"_s, tr("Unknown building.")}});
    }
    SqlStatement st(m_db, u"INSERT INTO maintenance_plans (title, building_id, room_type, category, priority, "
                          "description, period_months, starts_on, last_period, active, version, created_by, "
                          "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, -1, 1, 1, ?, ?) RETURNING id"_s);
    st.bind(p.title)
        .bind(LabSql::nullableId(p.buildingId))
        .bind(p.roomType.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(p.roomType))
        .bind(Maintenance::categoryCode(p.category))
        .bind(Maintenance::priorityCode(p.priority))
        .bind(text(p.description.trimmed()))
        .bind(p.periodMonths)
        .bind(dateParam(p.startsOn))
        .bind(m_actor.username)
        .bind(m_actor.username);
    if (auto e = st.exec(); !e)
        return e.error();
    if (!st.next())
        return DbError(DbError::Code::QueryFailed, tr("The plan was not stored."));
    const qint64 id = st.value(0).toLongLong();
    st.finish();
    Result<MaintenancePlan> stored = get(id);
    if (!stored)
        return stored.error();
    LabSql::announceChange(m_db, u"maintenance_plans"_s);
    if (auto e = tx.commit(); !e)
        return e.error();
    return stored;
}

Result<MaintenancePlan> MaintenancePlanRepository::get(qint64 id)
{
    SqlStatement st(m_db, kSelect + u" WHERE p.id = ?"_s);
    st.bind(id);
    if (auto e = st.exec(); !e)
        return e.error();
    if (!st.next())
        return notFound(tr("The maintenance plan (id %1) does not exist.").arg(id));
    return readPlan(st);
}

Result<QList<MaintenancePlan>> MaintenancePlanRepository::list()
{
    SqlStatement st(m_db, kSelect + u" ORDER BY p.title, p.id"_s);
    if (auto e = st.exec(); !e)
        return e.error();
    QList<MaintenancePlan> out;
    while (st.next())
        out.append(readPlan(st));
    return out;
}

VoidResult MaintenancePlanRepository::setActive(qint64 id, bool active)
{
    SqlStatement st(m_db, u"UPDATE maintenance_plans SET active = ?, version = version + 1, updated_by = ? "
                          "WHERE id = ?"_s);
    st.bind(active ? 1 : 0).bind(m_actor.username).bind(id);
    if (auto e = st.exec(); !e)
        return e.error();
    if (st.numRowsAffected() == 0)
        return notFound(tr("The maintenance plan (id %1) does not exist.").arg(id));
    LabSql::announceChange(m_db, u"maintenance_plans"_s);
    return {};
}

Result<int> MaintenancePlanRepository::periodsCreated(qint64 planId)
{
    const Result<qint64> n =
        scalarCount(m_db, u"SELECT COUNT(*) FROM maintenance_plan_periods WHERE plan_id = ?"_s, {planId});
    if (!n)
        return n.error();
    return int(n.value());
}

Result<MaintenancePlanRepository::PeriodRun> MaintenancePlanRepository::createNextPeriod(qint64 planId,
                                                                                        const QDate &today,
                                                                                        const QDateTime &nowIn)
{
    const QDateTime now = nowIn.isValid() ? nowIn : QDateTime::currentDateTimeUtc();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    // The plan's row lock first: a second worker waits here, then reads the advanced
    // last_period (PostgreSQL re-reads a row locked FOR UPDATE after the wait).
    SqlStatement lock(m_db, u"SELECT last_period FROM maintenance_plans WHERE id = ?"_s +
                                (m_db.isPostgreSQL() ? u" FOR UPDATE"_s : QString()));
    lock.bind(planId);
    if (auto e = lock.exec(); !e)
        return e.error();
    if (!lock.next())
        return notFound(tr("The maintenance plan (id %1) does not exist.").arg(planId));
    lock.finish();
    const Result<MaintenancePlan> plan = get(planId);
    if (!plan)
        return plan.error();
    PeriodRun run;
    if (!plan->active)
        return run;
    const int next = plan->lastPeriod + 1;
    if (next > plan->currentPeriod(today))
        return run;
    run.period = next;
    run.periodStart = plan->periodStart(next);

    // The rooms: one request per room of the type (in the building, or everywhere), or
    // one for the building's common area.
    QList<std::pair<qint64, qint64>> places; // (building, room or 0)
    if (plan->roomType.isEmpty()) {
        places.append({plan->buildingId, 0});
    } else {
        Where where;
        where.add(u"type = ?"_s, {plan->roomType});
        where.add(u"status <> 'out_of_service'"_s, {});
        if (plan->buildingId > 0)
            where.add(u"building_id = ?"_s, {plan->buildingId});
        SqlStatement rooms(m_db, u"SELECT building_id, id FROM rooms"_s + where.sql() + u" ORDER BY building_id, number"_s);
        bindAll(rooms, where.values);
        if (auto e = rooms.exec(); !e)
            return e.error();
        while (rooms.next())
            places.append({rooms.value(0).toLongLong(), rooms.value(1).toLongLong()});
    }

    // The period's key: a second creation of it fails here and rolls everything back.
    SqlStatement key(m_db, u"INSERT INTO maintenance_plan_periods (plan_id, period, period_starts_on, requests, "
                           "created_at) VALUES (?, ?, ?, ?, ?)"_s);
    key.bind(planId).bind(next).bind(dateParam(run.periodStart)).bind(int(places.size()))
        .bind(LabSql::timeParam(m_db.config().backend, now));
    if (auto e = key.exec(); !e)
        return e.error();

    MaintenanceRepository requests(m_db, m_actor);
    const QString description =
        (plan->description.isEmpty() ? plan->title : plan->title + u": "_s + plan->description) +
        tr(" (preventive, period from %1)").arg(run.periodStart.toString(Qt::ISODate));
    for (const auto &[buildingId, roomId] : places) {
        MaintenanceRequest r;
        r.buildingId = buildingId;
        r.roomId = roomId;
        r.category = plan->category;
        r.priority = plan->priority;
        r.description = description.left(4000);
        r.reportedByStaff = m_actor.username;
        r.permissionToEnter = true;
        r.planId = planId;
        r.planPeriod = next;
        const Result<MaintenanceRequest> created = requests.create(r, now);
        if (!created)
            return created.error();
        run.requestIds.append(created->id);
    }
    SqlStatement advance(m_db, u"UPDATE maintenance_plans SET last_period = ? WHERE id = ? AND last_period = ?"_s);
    advance.bind(next).bind(planId).bind(plan->lastPeriod);
    if (auto e = advance.exec(); !e)
        return e.error();
    if (advance.numRowsAffected() != 1)
        return conflict(tr("The maintenance plan “%1” was advanced by someone else meanwhile.").arg(plan->title));
    LabSql::announceChange(m_db, u"maintenance_plans"_s);
    if (auto e = tx.commit(); !e)
        return e.error();
    return run;
}
