#include "models/reports/dashboardrepository.h"

#include "models/db/database.h"
#include "models/db/sqlstatement.h"

using namespace Qt::StringLiterals;

DashboardRepository::DashboardRepository(Database &db, Actor actor)
    : m_db(db)
    , m_actor(std::move(actor))
{}

Result<DashboardRepository::Movements> DashboardRepository::movements(const QDate &today)
{
    Movements m;
    m.weekStart = today.addDays(1 - today.dayOfWeek());
    m.weekEnd = m.weekStart.addDays(6);
    const QString d0 = m.weekStart.toString(Qt::ISODate);
    // ends_on is the check-out day: departures on Monday..Sunday.
    const QString d1 = m.weekEnd.toString(Qt::ISODate);
    const QString t = today.toString(Qt::ISODate);
    SqlStatement st(m_db, u"SELECT "
                          "SUM(CASE WHEN starts_on >= ? AND starts_on <= ? THEN 1 ELSE 0 END), "
                          "SUM(CASE WHEN ends_on >= ? AND ends_on <= ? THEN 1 ELSE 0 END), "
                          "SUM(CASE WHEN starts_on = ? THEN 1 ELSE 0 END), "
                          "SUM(CASE WHEN ends_on = ? THEN 1 ELSE 0 END) "
                          "FROM allocations WHERE state <> 'cancelled' AND "
                          "((starts_on >= ? AND starts_on <= ?) OR (ends_on >= ? AND ends_on <= ?))"_s);
    st.bind(d0).bind(d1).bind(d0).bind(d1).bind(t).bind(t).bind(d0).bind(d1).bind(d0).bind(d1);
    if (auto e = st.exec(); !e)
        return e.error();
    if (st.next()) {
        m.arrivals = st.value(0).toInt();
        m.departures = st.value(1).toInt();
        m.arrivalsToday = st.value(2).toInt();
        m.departuresToday = st.value(3).toInt();
    }
    return m;
}

Result<QHash<QString, int>> DashboardRepository::protocolsByState()
{
    SqlStatement st(m_db, u"SELECT state, COUNT(*) FROM protocols GROUP BY state"_s);
    if (auto e = st.exec(); !e)
        return e.error();
    QHash<QString, int> out;
    while (st.next())
        out.insert(st.value(0).toString(), st.value(1).toInt());
    return out;
}
