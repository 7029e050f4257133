#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"
#include "models/housing/allocation/allocation.h"
#include "models/housing/waitlist/waitlistentry.h"
#include "models/housing/waitlist/waitlistoffer.h"

#include <QList>

#include <optional>

class Database;

// Waitlists per building and room type, and the offers of freed beds, in the database.
// Runs on the calling thread with that thread's connection (from the GUI thread, go
// through DbExecutor). Every write joins the caller's open Transaction (as a savepoint)
// or runs in one of its own; the database writes the audit trail; a records-changed
// event for "waitlist" is announced. Times are ms since the epoch from the caller's
// clock (the job engine's JobClock), so tests can move time.
//
// Queueing the offer of a freed bed is the engine's business (tasks/waitlist): a
// check-out, a cancelled reservation, a declined, expired or withdrawn offer and a room
// back in service each queue a waitlist.offer job in their own transaction, and that
// job calls offerBed(). This class only keeps the rules:
//  - offerBed() locks the room's row (PostgreSQL: FOR NO KEY UPDATE; SQLite: the write
//    transaction), so offers of one room are made one after another and each sees the
//    beds the others promised; it offers only a bed that is still free from the day on
//    (active allocations and pending offers of the room count as taken), for the days
//    it stays free. Then it takes the first waiting entry of the room's building and
//    type with FOR UPDATE SKIP LOCKED: two beds freed at once (two jobs on two
//    workers) go to two different people, never both to the first, and neither waits
//    for the other. A partial unique index allows one pending offer per entry.
//  - accept() turns a pending offer before its deadline into a reservation
//    (AllocationRepository::reserve, with all its checks) in the same transaction.
//  - decline(), expireDue() and remove() end offers and return the beds they free,
//    for the caller to offer to the next person in the same transaction.
//
//   WaitlistRepository lists(db, actor);
//   Result<WaitlistEntry> e = lists.add(ana.id, north.id, Room::Type::Double, nowMs);
//   Result<std::optional<WaitlistOffer>> o = lists.offerBed({room.id, today}, nowMs, deadlineMs, jobId);
//   lists.accept(o->value().id, nowMs);   // a reservation for Ana
class WaitlistRepository
{
    Q_DECLARE_TR_FUNCTIONS(WaitlistRepository)
public:
    WaitlistRepository(Database &db, Actor actor);

    struct Filter
    {
        qint64 buildingId = 0;                // 0: every building
        std::optional<Room::Type> roomType;   // none: every type
        bool includeLeft = false;             // also entries that left their list
    };

    // Puts the resident at the end of the list of `buildingId` and `roomType`. A
    // resident already on that list is a Duplicate error naming their position.
    Result<WaitlistEntry> add(qint64 residentId, qint64 buildingId, Room::Type roomType, qint64 nowMs,
                              const QString &notes = {});
    // Takes an entry off its list. If it held a pending offer, the offer is withdrawn
    // and its bed is returned (to offer to the next person).
    Result<std::optional<FreedBed>> remove(qint64 entryId, qint64 nowMs);

    Result<WaitlistEntry> entry(qint64 id);
    // Ordered by building code, room type, then the lists' order; with positions.
    Result<QList<WaitlistEntry>> entries(const Filter &filter);

    Result<WaitlistOffer> offer(qint64 id);
    // Pending offers (all of them with `pendingOnly`), by deadline.
    Result<QList<WaitlistOffer>> offers(bool pendingOnly = true, qint64 buildingId = 0);
    // The offer that job `jobId` made, if any.
    Result<std::optional<WaitlistOffer>> offerOfJob(qint64 jobId);

    // Offers a bed of `bed.roomId` free from `bed.from` (see the class comment). None
    // when the room is not available, no bed of it is free that day, or nobody waits.
    Result<std::optional<WaitlistOffer>> offerBed(const FreedBed &bed, qint64 nowMs, qint64 deadlineAt,
                                                  qint64 jobId);
    // The reservation the accepted offer became. Refused (InvalidState) for an offer
    // that is not pending or whose deadline passed; reserve()'s refusals pass through.
    Result<Allocation> accept(qint64 offerId, qint64 nowMs);
    // The bed the declined offer frees again.
    Result<FreedBed> decline(qint64 offerId, qint64 nowMs);
    // Expires every pending offer whose deadline is at or before nowMs; returns their beds.
    Result<QList<FreedBed>> expireDue(qint64 nowMs);

    // The first day on or after `from` on which `capacity` beds are taken by `stays`
    // (half-open [first, second), a null second is open-ended); a null date if never.
    static QDate firstFullDay(const QList<std::pair<QDate, QDate>> &stays, int capacity, const QDate &from);

private:
    Result<WaitlistOffer> lockPendingOffer(qint64 offerId, qint64 nowMs, bool refuseLate);
    VoidResult endOffer(const WaitlistOffer &offer, WaitlistOffer::State offerState,
                        WaitlistEntry::State entryState, qint64 nowMs, qint64 allocationId = 0);

    Database &m_db;
    Actor m_actor;
};
