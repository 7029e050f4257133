#include "models/reports/usagereportrepository.h"

#include "models/db/database.h"
#include "models/db/sqlstatement.h"
#include "models/lab/labsql_p.h"

using namespace Qt::StringLiterals;

namespace {
QVariant day(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

QDate readDay(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.metaType() == QMetaType::fromType<QDate>())
        return value.toDate();
    return QDate::fromString(value.toString().left(10), Qt::ISODate);
}

QDateTime startOfDay(const QDate &d)
{
    return d.startOfDay().toUTC();
}
} // namespace

UsageReportRepository::UsageReportRepository(Database &db, Actor actor)
    : m_db(db)
    , m_actor(std::move(actor))
{}

VoidResult UsageReportRepository::checkPeriod(const QDate &from, const QDate &to)
{
    if (!from.isValid())
        return DbError(DbError::Code::Validation, tr("The first day of the period (from) is missing or not a date."),
                       {}, {FieldError{u"from"_s, tr("not a date")}});
    if (!to.isValid())
        return DbError(DbError::Code::Validation, tr("The last day of the period (to) is missing or not a date."),
                       {}, {FieldError{u"to"_s, tr("not a date")}});
    if (to < from)
        return DbError(DbError::Code::Validation,
                       tr("The period ends (to %1) before it begins (from %2).")
                           .arg(to.toString(Qt::ISODate), from.toString(Qt::ISODate)),
                       {}, {FieldError{u"to"_s, tr("before from")}});
    if (from.daysTo(to) > 3660)
        return DbError(DbError::Code::Validation, tr("The period is longer than ten years."), {},
                       {FieldError{u"to"_s, tr("too far from from")}});
    return {};
}

Result<QList<UsageReports::RoomBeds>> UsageReportRepository::rooms()
{
    SqlStatement st(m_db, u"SELECT r.id, b.code, b.name, r.type, r.capacity FROM rooms r "
                          "JOIN buildings b ON b.id = r.building_id ORDER BY b.code, r.type, r.id"_s);
    if (auto e = st.exec(); !e)
        return e.error();
    QList<UsageReports::RoomBeds> out;
    while (st.next())
        out.append({st.value(0).toLongLong(), st.value(1).toString(), st.value(2).toString(), st.value(3).toString(),
                    st.value(4).toInt()});
    return out;
}

Result<QList<UsageReports::Stay>> UsageReportRepository::stays(const QDate &from, const QDate &to)
{
    if (auto r = checkPeriod(from, to); !r)
        return r.error();
    SqlStatement st(m_db, u"SELECT room_id, starts_on, ends_on, state, checked_out_at FROM allocations "
                          "WHERE state <> 'cancelled' AND starts_on <= ? AND (ends_on IS NULL OR ends_on > ?)"_s);
    st.bind(day(to)).bind(day(from));
    if (auto e = st.exec(); !e)
        return e.error();
    QList<UsageReports::Stay> out;
    while (st.next()) {
        UsageReports::Stay s{st.value(0).toLongLong(), readDay(st.value(1)), readDay(st.value(2))};
        if (st.value(3).toString() == u"checked_out") {
            const QDateTime out = LabSql::readTime(st.value(4));
            if (out.isValid()) {
                const QDate left = std::max(out.toLocalTime().date(), s.from);
                if (!s.to.isValid() || left < s.to)
                    s.to = left;
            }
        }
        out.append(s);
    }
    return out;
}

Result<QList<UsageReports::MaintenanceItem>> UsageReportRepository::maintenanceItems(const QDate &from,
                                                                                    const QDate &to)
{
    if (auto r = checkPeriod(from, to); !r)
        return r.error();
    const auto backend = m_db.config().backend;
    SqlStatement st(m_db, u"SELECT b.code, r.category, r.state, r.reported_at, r.due_at, r.finished_at, "
                          "r.estimate_cents FROM maintenance_requests r JOIN buildings b ON b.id = r.building_id "
                          "WHERE r.reported_at >= ? AND r.reported_at < ?"_s);
    st.bind(LabSql::timeParam(backend, startOfDay(from))).bind(LabSql::timeParam(backend, startOfDay(to.addDays(1))));
    if (auto e = st.exec(); !e)
        return e.error();
    QList<UsageReports::MaintenanceItem> out;
    while (st.next()) {
        UsageReports::MaintenanceItem m;
        m.buildingCode = st.value(0).toString();
        m.category = st.value(1).toString();
        m.state = st.value(2).toString();
        m.reportedAt = LabSql::readTime(st.value(3));
        m.dueAt = LabSql::readTime(st.value(4));
        m.finishedAt = LabSql::readTime(st.value(5));
        if (!st.value(6).isNull())
            m.estimateCents = st.value(6).toInt();
        out.append(m);
    }
    return out;
}

Result<QList<UsageReports::TurnaroundItem>> UsageReportRepository::turnaroundItems(const QDate &from,
                                                                                  const QDate &to)
{
    if (auto r = checkPeriod(from, to); !r)
        return r.error();
    const auto backend = m_db.config().backend;
    SqlStatement st(m_db, u"SELECT p.id, p.species, p.received_at, f.first_signed, a.code, a.name "
                          "FROM protocols p "
                          "JOIN (SELECT protocol_id, MIN(signed_at) AS first_signed FROM reports "
                          "      WHERE state = 'finalized' GROUP BY protocol_id) f ON f.protocol_id = p.id "
                          "LEFT JOIN work_orders w ON w.protocol_id = p.id "
                          "LEFT JOIN work_order_analyses a ON a.work_order_id = w.id "
                          "WHERE p.received_at IS NOT NULL AND f.first_signed >= ? AND f.first_signed < ? "
                          "ORDER BY p.id, a.position"_s);
    st.bind(LabSql::timeParam(backend, startOfDay(from))).bind(LabSql::timeParam(backend, startOfDay(to.addDays(1))));
    if (auto e = st.exec(); !e)
        return e.error();
    QList<UsageReports::TurnaroundItem> out;
    while (st.next()) {
        UsageReports::TurnaroundItem t;
        t.protocolId = st.value(0).toLongLong();
        t.species = st.value(1).toString();
        t.receivedAt = LabSql::readTime(st.value(2));
        t.finalizedAt = LabSql::readTime(st.value(3));
        const QString code = st.value(4).toString();
        t.analysis = code.isEmpty() ? QString() : code + u' ' + st.value(5).toString();
        out.append(t);
    }
    return out;
}
