#pragma once

#include "models/core/actor.h"
#include "models/core/listquery.h"
#include "models/db/result.h"
#include "models/housing/allocation/allocation.h"
#include "models/housing/room.h"

#include <QDate>
#include <QHash>
#include <QList>

#include <optional>
#include <utility>

class Database;

// What an allocation list shows: every field is optional (0 / null / empty: any).
struct AllocationFilter
{
    qint64 buildingId = 0;
    qint64 roomId = 0;
    qint64 residentId = 0;
    std::optional<Allocation::State> state;
    QDate date;     // only allocations whose days include this date
    QString search; // case-insensitive substring of the student id, names or room number

    bool operator==(const AllocationFilter &) const = default;
};
Q_DECLARE_METATYPE(AllocationFilter)

// Free beds of one room over a range of days.
struct RoomAvailability
{
    qint64 roomId = 0;
    qint64 buildingId = 0;
    QString buildingCode;
    QString roomNumber;
    int floor = 0;
    Room::Type type = Room::Type::Single;
    Room::Status status = Room::Status::Available;
    int capacity = 0;
    int taken = 0;    // the most beds held (reserved or checked in) on any one day of the range
    QDate busiestDay; // the first day on which `taken` beds are held; null if none are

    bool isBookable() const { return status == Room::Status::Available; }
    // Beds that can still be booked for the whole range (0 for a room out of service).
    int free() const { return isBookable() ? qMax(0, capacity - taken) : 0; }
    QString label() const { return Allocation::roomLabel(buildingCode, roomNumber); }
};
Q_DECLARE_METATYPE(RoomAvailability)

// Beds of one building on one day (the occupancy report).
struct BuildingOccupancy
{
    qint64 buildingId = 0;
    QString code;
    QString name;
    int rooms = 0;
    int beds = 0;            // capacity of all its rooms
    int unavailableBeds = 0; // capacity of rooms under maintenance or out of service
    int taken = 0;           // beds held on the day (reserved or checked in)
    int checkedIn = 0;       // of which checked in
    int free = 0;            // beds in available rooms not taken
};

// Room allocations in the database, with their state machine and THE invariant: a
// room's capacity is never exceeded on any day, however many desktops book at once.
// Runs on the calling thread with that thread's connection (from the GUI thread, go
// through DbExecutor). Every write joins the caller's open Transaction (as a
// savepoint) or runs in one of its own, writes an audit entry (entity "allocation")
// in the same transaction and announces a records-changed event for "allocations".
//
//   AllocationRepository repo(db, actor);
//   Result<Allocation> a = repo.reserve({.residentId = ana.id, .roomId = room.id,
//                                        .from = QDate(2026, 9, 1), .to = QDate(2027, 7, 1)});
//   if (!a) show(a.error().text());   // "Room A-101 is full on 2026-09-03 (2 of 2 beds taken)."
//   repo.checkIn(a->id, a->version);
//
// The state machine (checked here, whatever the caller):
//   reserved → checked_in → checked_out;  reserved → cancelled;
// and back one step only through undoTransition() (a person's undo of their own step).
// A refused move is DbError::InvalidState with a message that names the resident, the
// room and both states. Check-in is also refused outside the stay's days and into a
// room that is not available.
//
// How the invariant holds. A write that adds or moves a bed (reserve, move) locks the
// resident's row and then the room's row (PostgreSQL: SELECT … FOR NO KEY UPDATE;
// SQLite: the BEGIN IMMEDIATE write transaction already serialises all writers), and
// only then reads the room's active allocations and counts, day by day, the most
// beds they hold at once over the new stay (peak()). A second desktop booking the same
// room waits for the lock and then sees the first one's committed row (READ COMMITTED
// takes a fresh snapshot per statement), so two can never both take the last bed. A
// serializable transaction would also be correct but fails one of the two with a
// serialization error to retry; an exclusion constraint only expresses capacity 1.
// The lock is NO KEY UPDATE rather than UPDATE so that inserts elsewhere that merely
// reference the room (foreign keys take KEY SHARE) are not held up. Locks are always
// taken in the order allocation → resident → room, so writers never deadlock.
class AllocationRepository
{
    Q_DECLARE_TR_FUNCTIONS(AllocationRepository)
public:
    // Sort columns; AllocationsTableModel shows its columns in this order.
    enum Column { Resident, StudentId, Building, RoomNumber, From, To, State, ColumnCount };

    // Transitions: skip the version check (the command line, which read no copy).
    static constexpr int AnyVersion = -1;

    AllocationRepository(Database &db, Actor actor);

    // Field keys: "resident_id", "room_id", "from", "to", "notes".
    static QList<FieldError> validate(const Allocation &allocation);
    static bool canTransition(Allocation::State from, Allocation::State to);
    // The translated reason why from → to is refused for this allocation; empty if allowed.
    static QString refusal(const Allocation &allocation, Allocation::State to);

    // The most beds that `stays` (half-open [first, second) intervals; a null second
    // is open-ended) hold on any one day of [from, to) (null `to`: open-ended), and the
    // first day on which they do. Touching stays ([1, 5) and [5, 9)) never overlap.
    struct Peak
    {
        int beds = 0;
        QDate day; // null if no stay meets the range
    };
    static Peak peak(const QList<std::pair<QDate, QDate>> &stays, const QDate &from, const QDate &to);

    Result<Allocation> get(qint64 id);
    // Where these residents hold a bed on `day`: resident id → "CODE/number" of the room
    // of their active (reserved or checked-in) allocation that day; residents without
    // one are absent. For lists (the Residents page's Room column): one query.
    Result<QHash<qint64, QString>> roomsOn(const QList<qint64> &residentIds, const QDate &day);
    // The most beds the room's active allocations hold on any one day of [from, to)
    // (null `to`: open-ended). Used under the room's lock by RoomRepository::update(),
    // which refuses a capacity below it.
    Result<Peak> bedsHeld(qint64 roomId, const QDate &from, const QDate &to = {});

    // Validates and stores a reserved allocation for allocation.residentId in
    // allocation.roomId on [from, to), if the room is available, has a free bed on
    // every one of those days and the resident holds no other bed on any of them.
    // Refusals are DbError::ConstraintViolation (full, double booking) or
    // InvalidState (room not available) with a field error on "room_id" or
    // "resident_id"; unknown ids are Validation errors on those fields.
    // A bed offered to the waitlist and not answered yet counts as held, except by the
    // offer being accepted (`acceptingOfferId`, WaitlistRepository::accept).
    Result<Allocation> reserve(const Allocation &allocation, qint64 acceptingOfferId = 0);
    Result<Allocation> checkIn(qint64 id, int expectedVersion = AnyVersion);
    Result<Allocation> checkOut(qint64 id, int expectedVersion = AnyVersion);
    Result<Allocation> cancel(qint64 id, int expectedVersion = AnyVersion);
    // Takes back the one transition that led into `undone`, for the window's Edit ▸ Undo
    // of its own check-in, check-out or cancel: checked in → reserved, checked out →
    // checked in, cancelled → reserved (the time stamp it set is cleared). The
    // allocation must still be in `undone` at `expectedVersion` (else InvalidState or
    // Conflict); one that would hold a bed again (check-out, cancel) is checked like a
    // reservation (room available, a free bed every day, one bed per resident). Audit
    // actions "undo_check_in", "undo_check_out", "undo_cancel".
    Result<Allocation> undoTransition(qint64 id, Allocation::State undone, int expectedVersion);
    // Changes the room, the days and the notes of a reserved or checked-in allocation
    // (id and version of `changed`; a stale version is Conflict), with the same checks
    // as reserve(). A checked-in stay keeps its start day.
    Result<Allocation> move(const Allocation &changed);

    Result<QList<Allocation>> page(const AllocationFilter &filter, const PageRequest &request);
    Result<qint64> count(const AllocationFilter &filter);
    static QVariant sortValue(const Allocation &allocation, int column);

    // The resident's active allocation on `day` (null: today), if any.
    Result<std::optional<Allocation>> currentForResident(qint64 residentId, const QDate &day = {});
    // The same for many residents at once (by resident id; residents without one are absent).
    Result<QHash<qint64, Allocation>> currentForResidents(const QList<qint64> &residentIds,
                                                          const QDate &day = {});

    // Every room (of one building, or all for 0), ordered by building code and room
    // number, with the beds free for the whole of [from, to) (null `to`: open-ended).
    Result<QList<RoomAvailability>> availability(qint64 buildingId, const QDate &from, const QDate &to);
    // Beds per building on `day`, ordered by building code.
    Result<QList<BuildingOccupancy>> occupancy(const QDate &day);

private:
    struct Locked;
    struct LockedRoom;
    Result<Locked> lockAllocation(qint64 id);
    Result<LockedRoom> lockRoom(qint64 roomId);
    // Locks the resident's and the room's rows, then checks the room is available, the
    // resident holds no other bed on those days and the room has a free bed on each;
    // with `countOffers`, beds offered to the waitlist and not answered count as held
    // (but for `excludeOfferId`'s).
    VoidResult checkPlacement(qint64 residentId, qint64 roomId, const QDate &from, const QDate &to,
                              qint64 excludeId, bool countOffers = false, qint64 excludeOfferId = 0);
    Result<Allocation> transition(qint64 id, Allocation::State to, int expectedVersion);

    Database &m_db;
    Actor m_actor;
};
