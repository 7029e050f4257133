#include "models/maintenance/maintenancesql_p.h"

#include "models/db/sqlstatement.h"
#include "models/lab/labsql_p.h"

using namespace Qt::StringLiterals;

namespace MaintenanceSql {

const QString kRequestColumns = QStringLiteral(
    "m.id, m.building_id, m.room_id, m.category, m.priority, m.description, m.reported_by_resident_id, "
    "m.reported_by_staff, m.permission_to_enter, m.state, m.technician_id, m.estimate_cents, m.slot_start, "
    "m.slot_end, m.reported_at, m.due_at, m.needs_attention, m.overdue_flagged_at, m.took_room_out, "
    "m.finished_at, m.plan_id, m.plan_period, m.version, m.created_at, m.created_by, m.updated_at, "
    "m.updated_by, m.building_code, m.building_name, m.room_number, m.room_type, m.room_status, "
    "m.technician_name, m.technician_email, m.reporter_first_name, m.reporter_last_name");

MaintenanceRequest readRequest(const SqlStatement &st, int i)
{
    MaintenanceRequest r;
    r.id = st.value(i + 0).toLongLong();
    r.buildingId = st.value(i + 1).toLongLong();
    r.roomId = LabSql::readId(st.value(i + 2));
    r.category = Maintenance::categoryFromCode(st.value(i + 3).toString()).value_or(Maintenance::Category::Other);
    r.priority = Maintenance::priorityFromCode(st.value(i + 4).toString()).value_or(Maintenance::Priority::Routine);
    r.description = st.value(i + 5).toString();
    r.reportedByResidentId = LabSql::readId(st.value(i + 6));
    r.reportedByStaff = st.value(i + 7).toString();
    r.permissionToEnter = st.value(i + 8).toInt() != 0;
    r.state = Maintenance::stateFromCode(st.value(i + 9).toString()).value_or(Maintenance::State::Open);
    r.technicianId = LabSql::readId(st.value(i + 10));
    if (!st.value(i + 11).isNull())
        r.estimateCents = st.value(i + 11).toInt();
    r.slotStart = LabSql::readTime(st.value(i + 12));
    r.slotEnd = LabSql::readTime(st.value(i + 13));
    r.reportedAt = LabSql::readTime(st.value(i + 14));
    r.dueAt = LabSql::readTime(st.value(i + 15));
    r.needsAttention = st.value(i + 16).toInt() != 0;
    r.overdueFlaggedAt = LabSql::readTime(st.value(i + 17));
    r.tookRoomOut = st.value(i + 18).toInt() != 0;
    r.finishedAt = LabSql::readTime(st.value(i + 19));
    r.planId = LabSql::readId(st.value(i + 20));
    r.planPeriod = st.value(i + 21).isNull() ? -1 : st.value(i + 21).toInt();
    r.version = st.value(i + 22).toInt();
    r.createdAt = LabSql::readTime(st.value(i + 23));
    r.createdBy = st.value(i + 24).toString();
    r.updatedAt = LabSql::readTime(st.value(i + 25));
    r.updatedBy = st.value(i + 26).toString();
    r.buildingCode = st.value(i + 27).toString();
    r.buildingName = st.value(i + 28).toString();
    r.roomNumber = st.value(i + 29).toString();
    r.roomType = st.value(i + 30).toString();
    r.roomStatus = st.value(i + 31).toString();
    r.technicianName = st.value(i + 32).toString();
    r.technicianEmail = st.value(i + 33).toString();
    const QString first = st.value(i + 34).toString();
    const QString last = st.value(i + 35).toString();
    r.reporterName = (first + u' ' + last).trimmed();
    return r;
}

QVariant dateParam(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
}

QDate readDate(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.metaType() == QMetaType::fromType<QDate>())
        return value.toDate();
    return QDate::fromString(value.toString().left(10), Qt::ISODate);
}

QString text(const QString &value)
{
    return value.isNull() ? u""_s : value;
}

QList<Maintenance::Category> skillsFromCodes(const QString &codes)
{
    QList<Maintenance::Category> skills;
    for (const QString &code : codes.split(u',', Qt::SkipEmptyParts))
        if (const auto c = Maintenance::categoryFromCode(code); c && !skills.contains(*c))
            skills.append(*c);
    return skills;
}

QList<int> daysFromCodes(const QString &codes)
{
    QList<int> days;
    for (const QString &code : codes.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int d = code.trimmed().toInt(&ok);
        if (ok && d >= 1 && d <= 7 && !days.contains(d))
            days.append(d);
    }
    std::sort(days.begin(), days.end());
    return days;
}

} // namespace MaintenanceSql
