#include "models/housing/roomrepository.h"

#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/housing/allocation/allocationrepository.h"
#include "models/housing/sqlhelpers_p.h"
#include "models/db/events.h"

#include <QDate>
#include <QLoggingCategory>

using namespace HousingSql;
using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcHousing, "residesk.housing")

// Other clients reload their views on this event. Missing it only leaves them stale
// until their next reload, so a failure is logged and the write stands.
void announceChange(Database &db)
{
    if (const VoidResult r = Events::publishRecordsChanged(db, u"rooms"_s); !r)
        qCWarning(lcHousing) << "cannot announce a change to rooms:" << r.error().message << r.error().detail;
}

const QString kSelect = QStringLiteral(
    "SELECT r.id, r.building_id, b.code, r.number, r.floor, r.type, r.capacity, r.status, r.version "
    "FROM rooms r JOIN buildings b ON b.id = r.building_id");

QString sortExpression(int column)
{
    switch (column) {
    case RoomRepository::Number:
        return QStringLiteral("r.number");
    case RoomRepository::Floor:
        return QStringLiteral("r.floor");
    case RoomRepository::Type:
        return QStringLiteral("r.type");
    case RoomRepository::Capacity:
        return QStringLiteral("r.capacity");
    case RoomRepository::Status:
        return QStringLiteral("r.status");
    case RoomRepository::BuildingCode:
    default:
        return QStringLiteral("b.code");
    }
}

Room readRoom(const SqlStatement &st)
{
    Room r;
    r.id = st.value(0).toLongLong();
    r.buildingId = st.value(1).toLongLong();
    r.buildingCode = st.value(2).toString();
    r.number = st.value(3).toString();
    r.floor = st.value(4).toInt();
    r.type = Room::typeFromCode(st.value(5).toString()).value_or(Room::Type::Single);
    r.capacity = st.value(6).toInt();
    r.status = Room::statusFromCode(st.value(7).toString()).value_or(Room::Status::Available);
    r.version = st.value(8).toInt();
    return r;
}

Room normalized(Room r)
{
    r.number = r.number.trimmed();
    return r;
}

QString notFoundText()
{
    return RoomRepository::tr("The room no longer exists; another user may have deleted it.");
}

Where roomWhere(DatabaseBackend backend, const ListFilter &filter)
{
    Where where;
    where.addSearch(backend, {QStringLiteral("r.number"), QStringLiteral("b.code"), QStringLiteral("b.name")},
                    filter.search);
    if (filter.buildingId > 0)
        where.add(QStringLiteral("r.building_id = ?"), {filter.buildingId});
    if (!filter.status.isEmpty())
        where.add(QStringLiteral("r.status = ?"), {filter.status});
    return where;
}

} // namespace

RoomRepository::RoomRepository(Database &db, Actor actor)
    : m_db(db)
    , m_actor(std::move(actor))
{}

QList<FieldError> RoomRepository::validate(const Room &room)
{
    QList<FieldError> errors;
    if (room.buildingId <= 0)
        errors.append({QStringLiteral("building_id"), tr("Choose the building the room is in.")});
    const QString number = room.number.trimmed();
    if (number.isEmpty())
        errors.append({QStringLiteral("number"), tr("The room number is required.")});
    else if (number.size() > 16)
        errors.append(
            {QStringLiteral("number"), tr("The room number must be at most %1 characters long.").arg(16)});
    if (room.floor < 0)
        errors.append(
            {QStringLiteral("floor"), tr("The floor cannot be negative (it is %1).").arg(room.floor)});
    if (room.capacity < 1)
        errors.append({QStringLiteral("capacity"),
                       tr("The capacity must be at least 1 (it is %1).").arg(room.capacity)});
    return errors;
}

// The checks that need the database: the building exists, the floor is one of its
// floors, and the number is not taken in that building.
static QList<FieldError> checkAgainstDatabase(Database &db, const Room &room, DbError *failure)
{
    QList<FieldError> errors;
    SqlStatement st(db, QStringLiteral("SELECT code, floors FROM buildings WHERE id = ?"));
    st.bind(room.buildingId);
    if (auto r = st.exec(); !r) {
        *failure = r.error();
        return errors;
    }
    if (!st.next()) {
        errors.append({QStringLiteral("building_id"),
                       RoomRepository::tr("The building no longer exists; choose another one.")});
        return errors;
    }
    const QString code = st.value(0).toString();
    const int floors = st.value(1).toInt();
    st.finish();
    if (room.floor >= floors)
        errors.append({QStringLiteral("floor"),
                       RoomRepository::tr("Floor %1 is not in building %2, whose floors are 0 to %3.")
                           .arg(room.floor)
                           .arg(code)
                           .arg(floors - 1)});
    const Result<bool> taken =
        exists(db, QStringLiteral("SELECT 1 FROM rooms WHERE building_id = ? AND number = ? AND id <> ?"),
               {room.buildingId, room.number, room.id});
    if (!taken) {
        *failure = taken.error();
        return errors;
    }
    if (taken.value())
        errors.append({QStringLiteral("number"),
                       RoomRepository::tr("Room %1 already exists in building %2.").arg(room.number, code)});
    return errors;
}

static DbError fieldErrors(QList<FieldError> errors)
{
    for (const FieldError &e : errors) {
        if (e.field == QLatin1String("number") && errors.size() == 1)
            return DbError(DbError::Code::Duplicate, e.message, {}, errors);
    }
    return DbError::validation(std::move(errors));
}

static DbError duplicateNumber(const Room &room)
{
    const QString message = RoomRepository::tr("Room %1 already exists in this building.").arg(room.number);
    return DbError(DbError::Code::Duplicate, message, {}, {FieldError{QStringLiteral("number"), message}});
}

Result<Room> RoomRepository::get(qint64 id)
{
    SqlStatement st(m_db, kSelect + QStringLiteral(" WHERE r.id = ?"));
    st.bind(id);
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return notFound(notFoundText());
    return readRoom(st);
}

Result<Room> RoomRepository::findByNumber(const QString &buildingCode, const QString &number)
{
    SqlStatement st(m_db, kSelect + QStringLiteral(" WHERE b.code = ? AND r.number = ?"));
    st.bind(buildingCode.trimmed()).bind(number.trimmed());
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return notFound(
            tr("There is no room \"%1\" in building \"%2\".").arg(number.trimmed(), buildingCode.trimmed()));
    return readRoom(st);
}

Result<Room> RoomRepository::create(const Room &input)
{
    Room room = normalized(input);
    room.id = 0;
    if (QList<FieldError> errors = validate(room); !errors.isEmpty())
        return DbError::validation(std::move(errors));
    DbError failure;
    if (QList<FieldError> errors = checkAgainstDatabase(m_db, room, &failure);
        failure.code != DbError::Code::None)
        return failure;
    else if (!errors.isEmpty())
        return fieldErrors(std::move(errors));
    SqlStatement st(
        m_db,
        QStringLiteral("INSERT INTO rooms (building_id, number, floor, type, capacity, status, version, "
                       "created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id"));
    st.bind(room.buildingId).bind(room.number).bind(room.floor).bind(Room::typeCode(room.type));
    st.bind(room.capacity).bind(Room::statusCode(room.status)).bind(m_actor.username).bind(m_actor.username);
    if (auto r = st.exec(); !r) {
        if (r.error().code == DbError::Code::Duplicate)
            return duplicateNumber(room);
        return r.error();
    }
    if (!st.next())
        return DbError(DbError::Code::QueryFailed, tr("The new room was not stored."));
    const qint64 id = st.value(0).toLongLong();
    st.finish();
    announceChange(m_db);
    return get(id);
}

Result<Room> RoomRepository::update(const Room &input, OnConflict onConflict)
{
    const Room room = normalized(input);
    if (QList<FieldError> errors = validate(room); !errors.isEmpty())
        return DbError::validation(std::move(errors));
    DbError failure;
    if (QList<FieldError> errors = checkAgainstDatabase(m_db, room, &failure);
        failure.code != DbError::Code::None)
        return failure;
    else if (!errors.isEmpty())
        return fieldErrors(std::move(errors));
    const bool overwrite = onConflict == OnConflict::Overwrite;
    // The UPDATE locks the room's row (PostgreSQL; SQLite: the write transaction), so no
    // reservation can slip in between it and the check of the beds held below.
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    SqlStatement st(
        m_db,
        QStringLiteral("UPDATE rooms SET building_id = ?, number = ?, floor = ?, type = ?, capacity = ?, "
                       "status = ?, version = version + 1, updated_at = ") +
            Dialect::now(m_db.config().backend) +
            (overwrite ? QStringLiteral(", updated_by = ? WHERE id = ?")
                       : QStringLiteral(", updated_by = ? WHERE id = ? AND version = ?")));
    st.bind(room.buildingId).bind(room.number).bind(room.floor).bind(Room::typeCode(room.type));
    st.bind(room.capacity).bind(Room::statusCode(room.status)).bind(m_actor.username).bind(room.id);
    if (!overwrite)
        st.bind(room.version);
    if (auto r = st.exec(); !r) {
        if (r.error().code == DbError::Code::Duplicate)
            return duplicateNumber(room);
        return r.error();
    }
    if (st.numRowsAffected() == 0) {
        const Result<bool> found =
            exists(m_db, QStringLiteral("SELECT 1 FROM rooms WHERE id = ?"), {room.id});
        if (!found)
            return found.error();
        if (!found.value())
            return notFound(notFoundText());
        return conflict(tr("Another user changed this room since you opened it. Reload to see their changes, "
                           "or overwrite them with yours."));
    }
    // A room's capacity is never exceeded: not by fewer beds for the residents it holds.
    const QDate today = QDate::currentDate();
    const Result<AllocationRepository::Peak> held =
        AllocationRepository(m_db, m_actor).bedsHeld(room.id, today);
    if (!held)
        return held.error();
    if (held->beds > room.capacity) {
        const QString message =
            tr("%1 beds of this room are taken on %2; its capacity cannot be less than %1.")
                .arg(held->beds)
                .arg(held->day.toString(Qt::ISODate));
        return DbError(DbError::Code::ConstraintViolation, message, {},
                       {FieldError{QStringLiteral("capacity"), message}});
    }
    announceChange(m_db);
    if (auto r = tx.commit(); !r)
        return r.error();
    return get(room.id);
}

VoidResult RoomRepository::remove(qint64 id, int expectedVersion)
{
    SqlStatement st(m_db, QStringLiteral("DELETE FROM rooms WHERE id = ? AND version = ?"));
    st.bind(id).bind(expectedVersion);
    if (auto r = st.exec(); !r) {
        // The allocations table keeps its rooms (ON DELETE RESTRICT): their history stays.
        if (r.error().code == DbError::Code::ConstraintViolation)
            return DbError(DbError::Code::ConstraintViolation,
                           tr("The room has room allocations and cannot be deleted; set its status to out of "
                              "service instead."),
                           r.error().detail);
        return r.error();
    }
    if (st.numRowsAffected() == 0) {
        const Result<bool> found = exists(m_db, QStringLiteral("SELECT 1 FROM rooms WHERE id = ?"), {id});
        if (!found)
            return found.error();
        if (!found.value())
            return notFound(notFoundText());
        return conflict(tr("Another user changed this room since you opened it; it was not deleted."));
    }
    announceChange(m_db);
    return {};
}

Result<Room> RoomRepository::restore(const Room &input)
{
    const Room room = normalized(input);
    if (QList<FieldError> errors = validate(room); !errors.isEmpty())
        return DbError::validation(std::move(errors));
    DbError failure;
    if (QList<FieldError> errors = checkAgainstDatabase(m_db, room, &failure);
        failure.code != DbError::Code::None)
        return failure;
    else if (!errors.isEmpty())
        return fieldErrors(std::move(errors));
    SqlStatement st(
        m_db, QStringLiteral("INSERT INTO rooms (id, building_id, number, floor, type, capacity, status, "
                             "version, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    st.bind(room.id).bind(room.buildingId).bind(room.number).bind(room.floor).bind(Room::typeCode(room.type));
    st.bind(room.capacity).bind(Room::statusCode(room.status)).bind(qMax(1, room.version + 1));
    st.bind(m_actor.username).bind(m_actor.username);
    if (auto r = st.exec(); !r) {
        if (r.error().code == DbError::Code::Duplicate)
            return DbError(DbError::Code::Duplicate,
                           tr("The room is already present; there is nothing to restore."));
        return r.error();
    }
    announceChange(m_db);
    return get(room.id);
}

Result<QList<Room>> RoomRepository::page(const PageRequest &request)
{
    const QString sortExpr = sortExpression(request.sortColumn);
    const QString idExpr = QStringLiteral("r.id");
    Where where = roomWhere(m_db.config().backend, request.filter);
    where.addCursor(sortExpr, idExpr, request);
    SqlStatement st(m_db, kSelect + where.sql() + orderBy(sortExpr, idExpr, request.order) +
                              QStringLiteral(" LIMIT ?"));
    bindAll(st, where.values);
    st.bind(qMax(1, request.limit));
    if (auto r = st.exec(); !r)
        return r.error();
    QList<Room> rows;
    while (st.next())
        rows.append(readRoom(st));
    return rows;
}

Result<qint64> RoomRepository::count(const ListFilter &filter)
{
    const Where where = roomWhere(m_db.config().backend, filter);
    return scalarCount(
        m_db,
        QStringLiteral("SELECT COUNT(*) FROM rooms r JOIN buildings b ON b.id = r.building_id") + where.sql(),
        where.values);
}

QVariant RoomRepository::sortValue(const Room &room, int column)
{
    switch (column) {
    case Number:
        return room.number;
    case Floor:
        return room.floor;
    case Type:
        return Room::typeCode(room.type);
    case Capacity:
        return room.capacity;
    case Status:
        return Room::statusCode(room.status);
    case BuildingCode:
    default:
        return room.buildingCode;
    }
}
