#pragma once

// Builds the housing records the allocation tests need, through the real repositories.

#include "models/db/sqlstatement.h"
#include "models/housing/allocation/allocationrepository.h"
#include "models/housing/buildingrepository.h"
#include "models/housing/residentrepository.h"
#include "models/housing/roomrepository.h"

#include <QString>
#include <QTest>

namespace AllocationTest {

inline Actor actor()
{
    return Actor{QStringLiteral("alice"), Actor::Role::Housing};
}

// Empties every table the allocation tests write (allocations first: they keep their
// rooms and residents). Not the audit trail: nobody may delete from it, and its rows
// name ids that are never used again.
inline bool clear(Database &db)
{
    for (const char *table : {"allocations", "rooms", "residents", "buildings"}) {
        if (!SqlStatement::run(db, QStringLiteral("DELETE FROM ") + QLatin1String(table)))
            return false;
    }
    return true;
}

inline Building building(Database &db, const QString &code, const QString &name = {})
{
    Building b;
    b.code = code;
    b.name = name.isEmpty() ? code + QStringLiteral(" Hall") : name;
    b.floors = 5;
    const Result<Building> stored = BuildingRepository(db, actor()).create(b);
    if (!stored)
        qWarning("building %s: %s", qPrintable(code), qPrintable(stored.error().text()));
    return stored ? stored.value() : Building{};
}

inline Room room(Database &db, const Building &b, const QString &number, int capacity,
                 Room::Status status = Room::Status::Available)
{
    Room r;
    r.buildingId = b.id;
    r.number = number;
    r.floor = 1;
    r.type = capacity == 1 ? Room::Type::Single : capacity == 2 ? Room::Type::Double : Room::Type::Triple;
    r.capacity = capacity;
    r.status = status;
    const Result<Room> stored = RoomRepository(db, actor()).create(r);
    if (!stored)
        qWarning("room %s: %s", qPrintable(number), qPrintable(stored.error().text()));
    return stored ? stored.value() : Room{};
}

inline Resident resident(Database &db, const QString &studentId, const QString &first = QStringLiteral("Ana"),
                         const QString &last = QStringLiteral("López"))
{
    Resident r;
    r.studentId = studentId;
    r.firstName = first;
    r.lastName = last;
    r.email = studentId.toLower() + QStringLiteral("@students.example.edu");
    const Result<Resident> stored = ResidentRepository(db, actor()).create(r);
    if (!stored)
        qWarning("resident %s: %s", qPrintable(studentId), qPrintable(stored.error().text()));
    return stored ? stored.value() : Resident{};
}

inline Allocation stay(qint64 residentId, qint64 roomId, const QDate &from, const QDate &to = {})
{
    Allocation a;
    a.residentId = residentId;
    a.roomId = roomId;
    a.from = from;
    a.to = to;
    return a;
}

inline bool hasField(const DbError &error, const QString &field)
{
    for (const FieldError &f : error.fields) {
        if (f.field == field)
            return true;
    }
    return false;
}

} // namespace AllocationTest
