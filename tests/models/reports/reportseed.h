#pragma once

// Seeds the rows the period reports read (rooms and stays, maintenance requests, lab
// protocols and reports) with plain INSERTs on the connection given (the installer's:
// past dates and finished states that the repositories would not write directly), and
// keeps what it wrote so that a test can count the expected figures on its own.

#include "models/db/database.h"
#include "models/db/sqlstatement.h"
#include "models/lab/labsql_p.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QTest>

namespace ReportSeed {

struct SeedRoom
{
    qint64 id = 0;
    QString building;
    QString type;
    int capacity = 0;
};
struct SeedStay
{
    qint64 roomId = 0;
    QDate from;
    QDate to; // null: open-ended
    QString state;
    QDate checkedOutOn; // checked_out only
};
struct Housing
{
    QList<SeedRoom> rooms;
    QList<SeedStay> stays;
};

inline qint64 insert(Database &db, const QString &sql, const QVariantList &values)
{
    SqlStatement st(db, sql + QStringLiteral(" RETURNING id"));
    for (const QVariant &v : values)
        st.bind(v);
    if (auto r = st.exec(); !r) {
        qWarning("seed: %s (%s)", qPrintable(r.error().text()), qPrintable(r.error().detail));
        return 0;
    }
    return st.next() ? st.value(0).toLongLong() : 0;
}

inline QVariant t(Database &db, const QDateTime &when)
{
    return when.isValid() ? LabSql::timeParam(db.config().backend, when.toUTC()) : QVariant(QMetaType::fromType<QString>());
}

inline QVariant day(const QDate &d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
}

inline QDateTime local(int y, int m, int d, int h = 12, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min));
}

// Two buildings, five rooms of three types, six residents and `stays` random stays in
// 2025-11 … 2027-02 (fixed seed): every state, some open-ended, some checked out early.
inline Housing housing(Database &db, int stays = 160, quint32 seed = 7)
{
    Housing h;
    const QString who = QStringLiteral("seed");
    QHash<QString, qint64> buildings;
    for (const QString &code : {QStringLiteral("NH"), QStringLiteral("SH")})
        buildings.insert(code, insert(db, QStringLiteral("INSERT INTO buildings (code, name, floors, created_by, "
                                                         "updated_by) VALUES (?, ?, 3, ?, ?)"),
                                      {code, code + QStringLiteral(" Hall"), who, who}));
    const struct
    {
        const char *building;
        const char *number;
        const char *type;
        int capacity;
    } rooms[] = {{"NH", "101", "double", 2}, {"NH", "102", "single", 1}, {"NH", "103", "double", 2},
                 {"SH", "201", "triple", 3}, {"SH", "202", "single", 1}};
    for (const auto &r : rooms) {
        SeedRoom room{0, QString::fromLatin1(r.building), QString::fromLatin1(r.type), r.capacity};
        room.id = insert(db, QStringLiteral("INSERT INTO rooms (building_id, number, floor, type, capacity, created_by, "
                                            "updated_by) VALUES (?, ?, 1, ?, ?, ?, ?)"),
                         {buildings.value(room.building), QString::fromLatin1(r.number), room.type, room.capacity, who,
                          who});
        h.rooms << room;
    }
    QList<qint64> residents;
    for (int i = 0; i < 6; ++i)
        residents << insert(db, QStringLiteral("INSERT INTO residents (student_id, first_name, last_name, email, "
                                               "created_by, updated_by) VALUES (?, 'Ana', 'López', ?, ?, ?)"),
                            {QStringLiteral("S9%1").arg(i, 6, 10, QLatin1Char('0')),
                             QStringLiteral("s%1@example.edu").arg(i), who, who});
    QRandomGenerator random(seed);
    const QDate first(2025, 11, 1);
    const QStringList states{QStringLiteral("reserved"), QStringLiteral("checked_in"), QStringLiteral("checked_out"),
                             QStringLiteral("cancelled")};
    for (int i = 0; i < stays; ++i) {
        SeedStay s;
        s.roomId = h.rooms.at(random.bounded(int(h.rooms.size()))).id;
        s.from = first.addDays(random.bounded(460));
        const int length = 1 + random.bounded(200);
        if (random.bounded(10) > 0)
            s.to = s.from.addDays(length);
        s.state = states.at(random.bounded(4));
        QDateTime checkedIn;
        QDateTime checkedOut;
        if (s.state != QStringLiteral("reserved") && s.state != QStringLiteral("cancelled"))
            checkedIn = QDateTime(s.from, QTime(15, 0));
        if (s.state == QStringLiteral("checked_out")) {
            s.checkedOutOn = s.from.addDays(random.bounded(length + 20));
            checkedOut = QDateTime(s.checkedOutOn, QTime(10, 30));
        }
        insert(db, QStringLiteral("INSERT INTO allocations (resident_id, room_id, starts_on, ends_on, state, "
                                  "checked_in_at, checked_out_at, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
               {residents.at(i % residents.size()), s.roomId, day(s.from), day(s.to), s.state, t(db, checkedIn),
                t(db, checkedOut), who, who});
        h.stays << s;
    }
    return h;
}

// Six maintenance requests (five reported in 2026, one in 2025): see tst_usagereports.
inline void maintenance(Database &db)
{
    const QString who = QStringLiteral("seed");
    const auto building = [&](const char *code) {
        SqlStatement st(db, QStringLiteral("SELECT id FROM buildings WHERE code = ?"));
        st.bind(QString::fromLatin1(code));
        return st.exec() && st.next() ? st.value(0).toLongLong() : 0;
    };
    const qint64 tech = insert(db, QStringLiteral("INSERT INTO maintenance_technicians (name, email, skills, "
                                                  "created_by, updated_by) VALUES ('Pia', 'pia@example.edu', "
                                                  "'plumbing,heating', ?, ?)"),
                               {who, who});
    const struct
    {
        const char *building;
        const char *category;
        const char *state;
        QDateTime reported;
        QDateTime due;
        QDateTime finished;
        int estimate; // -1: none
    } rows[] = {
        {"NH", "plumbing", "done", local(2026, 3, 1, 10), local(2026, 3, 2, 10), local(2026, 3, 1, 20), 12000},
        {"NH", "plumbing", "done", local(2026, 3, 5, 8), local(2026, 3, 6, 8), local(2026, 3, 7, 8), 8000},
        {"NH", "plumbing", "open", local(2026, 4, 1, 9), local(2026, 4, 2, 9), QDateTime(), 5000},
        {"SH", "heating", "cancelled", local(2026, 5, 1, 9), local(2026, 5, 2, 9), local(2026, 5, 2, 9), 3000},
        {"SH", "heating", "done", local(2026, 5, 3, 9), local(2026, 5, 4, 9), local(2026, 5, 3, 15), -1},
        {"NH", "electrical", "done", local(2025, 12, 30, 9), local(2025, 12, 31, 9), local(2025, 12, 30, 11), 7000},
    };
    for (const auto &r : rows) {
        const bool withTechnician = QByteArray(r.state) == "done";
        insert(db, QStringLiteral("INSERT INTO maintenance_requests (building_id, category, priority, description, "
                                  "state, technician_id, estimate_cents, reported_at, due_at, finished_at, created_by, "
                                  "updated_by) VALUES (?, ?, 'high', 'seeded', ?, ?, ?, ?, ?, ?, ?, ?)"),
               {building(r.building), QString::fromLatin1(r.category), QString::fromLatin1(r.state),
                withTechnician ? QVariant(tech) : QVariant(QMetaType::fromType<qlonglong>()),
                r.estimate >= 0 ? QVariant(r.estimate) : QVariant(QMetaType::fromType<int>()), t(db, r.reported),
                t(db, r.due), t(db, r.finished), who, who});
    }
}

// Five protocols: three finalized in 2026 (48 h, 24 h, 12 h), one with only a draft,
// one finalized in 2025: see tst_usagereports.
inline void lab(Database &db)
{
    const QString who = QStringLiteral("seed");
    const qint64 client = insert(db, QStringLiteral("INSERT INTO clients (name, kind, created_by, updated_by) VALUES "
                                                    "('Green Farm', 'farm', ?, ?)"),
                                 {who, who});
    int seq = 0;
    const auto protocol = [&](const char *species, const QString &state, const QDateTime &received) {
        ++seq;
        return insert(db, QStringLiteral("INSERT INTO protocols (number, number_year, number_seq, client_id, species, "
                                         "state, received_at, created_by, updated_by) VALUES (?, 2026, ?, ?, ?, ?, ?, ?, ?)"),
                      {QStringLiteral("P-2026-%1").arg(seq, 5, 10, QLatin1Char('0')), seq, client,
                       QString::fromLatin1(species), state, t(db, received), who, who});
    };
    const auto report = [&](qint64 protocolId, int revision, const QDateTime &signedAt) {
        const bool finalized = signedAt.isValid();
        insert(db, QStringLiteral("INSERT INTO reports (protocol_id, revision, state, signed_by, signed_at, created_by, "
                                  "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)"),
               {protocolId, revision, finalized ? QStringLiteral("finalized") : QStringLiteral("draft"),
                finalized ? QVariant(who) : QVariant(QMetaType::fromType<QString>()), t(db, signedAt), who, who});
    };
    const auto analyses = [&](qint64 protocolId, const QList<std::pair<QString, QString>> &list) {
        const qint64 order = insert(db, QStringLiteral("INSERT INTO work_orders (protocol_id, created_by, updated_by) "
                                                       "VALUES (?, ?, ?)"),
                                    {protocolId, who, who});
        int position = 0;
        for (const auto &[code, name] : list)
            insert(db, QStringLiteral("INSERT INTO work_order_analyses (work_order_id, position, code, name) VALUES "
                                      "(?, ?, ?, ?)"),
                   {order, position++, code, name});
    };
    const qint64 p1 = protocol("Cattle", QStringLiteral("finalized"), local(2026, 2, 1, 8));
    analyses(p1, {{QStringLiteral("HEM"), QStringLiteral("Hematology")}, {QStringLiteral("BIO"), QStringLiteral("Biochemistry")}});
    report(p1, 1, local(2026, 2, 3, 8));
    const qint64 p2 = protocol("Cattle", QStringLiteral("finalized"), local(2026, 2, 10, 8));
    analyses(p2, {{QStringLiteral("HEM"), QStringLiteral("Hematology")}});
    report(p2, 1, local(2026, 2, 11, 8));
    report(p2, 2, local(2026, 4, 1, 8)); // an amendment: the first signature counts
    const qint64 p3 = protocol("Dog", QStringLiteral("finalized"), local(2026, 3, 1, 8));
    report(p3, 1, local(2026, 3, 1, 20));
    const qint64 p4 = protocol("Dog", QStringLiteral("in_analysis"), local(2026, 3, 1, 8));
    report(p4, 1, QDateTime());
    const qint64 p5 = protocol("Cattle", QStringLiteral("finalized"), local(2025, 12, 1, 8));
    report(p5, 1, local(2025, 12, 5, 8));
}

} // namespace ReportSeed
