#include "tests/bench/housingbenchseed.h"

#include "models/db/database.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/lab/labsql_p.h"

#include <QDate>
#include <QDateTime>
#include <QElapsedTimer>
#include <QList>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int kRooms = 5000;

qint64 scalar(Database &db, const QString &sql)
{
    SqlStatement st(db, sql);
    return st.exec() && st.next() ? st.value(0).toLongLong() : -1;
}

bool fail(QString *error, const DbError &e)
{
    *error = e.text() + u" ("_s + e.detail + u')';
    return false;
}

} // namespace

namespace HousingBenchSeed {

bool seed(Database &db, int allocations, int requests, int year, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    const QString who = u"bench"_s;
    qint64 building = scalar(db, u"SELECT id FROM buildings WHERE code = 'BQ'"_s);
    {
        Transaction tx(db);
        if (!tx.ok())
            return fail(error, tx.error());
        if (building <= 0) {
            SqlStatement st(db, u"INSERT INTO buildings (code, name, floors, created_by, updated_by) VALUES ('BQ', "
                                "'Bench Quarter', 20, ?, ?) RETURNING id"_s);
            st.bind(who).bind(who);
            if (auto r = st.exec(); !r || !st.next())
                return fail(error, r ? DbError(DbError::Code::QueryFailed, u"no id"_s) : r.error());
            building = st.value(0).toLongLong();
        }
        const qint64 haveRooms = scalar(db, u"SELECT COUNT(*) FROM rooms WHERE building_id = %1"_s.arg(building));
        for (qint64 i = haveRooms; i < kRooms; ++i) {
            SqlStatement st(db, u"INSERT INTO rooms (building_id, number, floor, type, capacity, created_by, "
                                "updated_by) VALUES (?, ?, ?, 'double', 2, ?, ?)"_s);
            st.bind(building).bind(u"Q%1"_s.arg(i, 5, 10, QLatin1Char('0'))).bind(int(i / 250)).bind(who).bind(who);
            if (auto r = st.exec(); !r)
                return fail(error, r.error());
        }
        if (auto r = tx.commit(); !r)
            return fail(error, r.error());
    }
    QList<qint64> rooms;
    {
        SqlStatement st(db, u"SELECT id FROM rooms WHERE building_id = ? ORDER BY id"_s);
        st.bind(building);
        if (auto r = st.exec(); !r)
            return fail(error, r.error());
        while (st.next())
            rooms << st.value(0).toLongLong();
    }
    const qint64 haveStays = scalar(db, u"SELECT COUNT(*) FROM allocations WHERE notes = 'bench-seed'"_s);
    if (haveStays < allocations) {
        QList<qint64> residents;
        SqlStatement st(db, u"SELECT id FROM residents ORDER BY id"_s);
        if (auto r = st.exec(); !r)
            return fail(error, r.error());
        while (st.next() && residents.size() < allocations)
            residents << st.value(0).toLongLong();
        if (residents.isEmpty()) {
            *error = u"no residents to allocate"_s;
            return false;
        }
        Transaction tx(db);
        if (!tx.ok())
            return fail(error, tx.error());
        const QStringList states{u"reserved"_s, u"checked_in"_s, u"checked_out"_s};
        const QDate first(year, 1, 1);
        for (qint64 i = haveStays; i < allocations; ++i) {
            // Stay i: room i % 5000, bed (i / 5000) % 2, quarter i / 10000 (four a bed).
            const qint64 room = rooms.at(int(i % kRooms));
            const int quarter = int((i / (2 * kRooms)) % 4);
            const QDate from = first.addDays(quarter * 91 + int(i % 7));
            const QDate to = from.addDays(85);
            const QString state = states.at(int(i % 3));
            SqlStatement ins(db, u"INSERT INTO allocations (resident_id, room_id, starts_on, ends_on, state, "
                                 "checked_in_at, checked_out_at, notes, created_by, updated_by) VALUES (?, ?, ?, ?, ?, "
                                 "?, ?, 'bench-seed', ?, ?)"_s);
            const QVariant none(QMetaType::fromType<QString>());
            const auto at = [&db](const QDate &d) {
                return LabSql::timeParam(db.config().backend, QDateTime(d, QTime(12, 0)).toUTC());
            };
            ins.bind(residents.at(int(i % residents.size())))
                .bind(room)
                .bind(from.toString(Qt::ISODate))
                .bind(to.toString(Qt::ISODate))
                .bind(state)
                .bind(state == u"reserved" ? none : at(from))
                .bind(state == u"checked_out" ? at(to) : none)
                .bind(who)
                .bind(who);
            if (auto r = ins.exec(); !r)
                return fail(error, r.error());
        }
        if (auto r = tx.commit(); !r)
            return fail(error, r.error());
    }
    const qint64 haveRequests =
        scalar(db, u"SELECT COUNT(*) FROM maintenance_requests WHERE description = 'bench-seed'"_s);
    if (haveRequests < requests) {
        qint64 tech = scalar(db, u"SELECT MIN(id) FROM maintenance_technicians"_s);
        Transaction tx(db);
        if (!tx.ok())
            return fail(error, tx.error());
        if (tech <= 0) {
            SqlStatement t(db, u"INSERT INTO maintenance_technicians (name, email, skills, created_by, updated_by) "
                               "VALUES ('Bench', 'bench@example.edu', 'plumbing', ?, ?) RETURNING id"_s);
            t.bind(who).bind(who);
            if (auto r = t.exec(); !r || !t.next())
                return fail(error, r ? DbError(DbError::Code::QueryFailed, u"no id"_s) : r.error());
            tech = t.value(0).toLongLong();
        }
        const QStringList categories{u"plumbing"_s, u"electrical"_s, u"heating"_s, u"furniture"_s,
                                     u"cleaning"_s, u"pest"_s,       u"locks"_s,   u"other"_s};
        const QStringList priorities{u"emergency"_s, u"high"_s, u"routine"_s, u"low"_s};
        const QStringList states{u"open"_s, u"open"_s, u"done"_s, u"cancelled"_s};
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (qint64 i = haveRequests; i < requests; ++i) {
            const QString state = states.at(int(i % 4));
            const QDateTime reported = now.addSecs(-3600 * qint64(i % (24 * 200)));
            const QDateTime due = reported.addSecs(3600 * 24 * qint64(1 + i % 10));
            SqlStatement ins(db, u"INSERT INTO maintenance_requests (building_id, room_id, category, priority, "
                                 "description, state, technician_id, estimate_cents, reported_at, due_at, finished_at, "
                                 "created_by, updated_by) VALUES (?, ?, ?, ?, 'bench-seed', ?, ?, ?, ?, ?, ?, ?, ?)"_s);
            const auto at = [&db](const QDateTime &t) { return LabSql::timeParam(db.config().backend, t); };
            ins.bind(building)
                .bind(rooms.at(int(i % kRooms)))
                .bind(categories.at(int(i % categories.size())))
                .bind(priorities.at(int(i % priorities.size())))
                .bind(state)
                .bind(state == u"done" ? QVariant(tech) : QVariant(QMetaType::fromType<qlonglong>()))
                .bind(int(5000 + (i % 40) * 500))
                .bind(at(reported))
                .bind(at(due))
                .bind(state == u"open" ? QVariant(QMetaType::fromType<QString>()) : at(reported.addSecs(7200)))
                .bind(who)
                .bind(who);
            if (auto r = ins.exec(); !r)
                return fail(error, r.error());
        }
        if (auto r = tx.commit(); !r)
            return fail(error, r.error());
    }
    if (timer.elapsed() > 1000)
        std::fprintf(stderr, "seeded the bench housing rows in %.1f s\n", double(timer.elapsed()) / 1000.0);
    return true;
}

} // namespace HousingBenchSeed
