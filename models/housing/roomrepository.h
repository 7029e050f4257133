#pragma once

#include "models/core/actor.h"
#include "models/core/listquery.h"
#include "models/db/result.h"
#include "models/housing/room.h"

#include <QList>

class Database;

// Rooms in the database; same contract as ResidentRepository. ListFilter::buildingId
// and ListFilter::status (a Room::statusCode) filter the list.
class RoomRepository
{
    Q_DECLARE_TR_FUNCTIONS(RoomRepository)
public:
    enum Column { BuildingCode, Number, Floor, Type, Capacity, Status, ColumnCount };
    enum class OnConflict { Fail, Overwrite };

    RoomRepository(Database &db, Actor actor);

    // Field keys: "building_id", "number", "floor", "type", "capacity", "status".
    // Checks that need the database (the building exists, the floor is within the
    // building's floors, the number is unique within the building) run in create/update.
    static QList<FieldError> validate(const Room &room);

    Result<Room> get(qint64 id);
    // The room with this number in the building with this code (NotFound names both).
    Result<Room> findByNumber(const QString &buildingCode, const QString &number);
    Result<Room> create(const Room &room);
    Result<Room> update(const Room &room, OnConflict onConflict = OnConflict::Fail);
    VoidResult remove(qint64 id, int expectedVersion);
    Result<Room> restore(const Room &room);

    Result<QList<Room>> page(const PageRequest &request);
    Result<qint64> count(const ListFilter &filter);
    static QVariant sortValue(const Room &room, int column);

private:
    Database &m_db;
    Actor m_actor;
};
