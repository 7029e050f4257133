#include "tasks/waitlist/waitlistservice.h"

#include "models/db/transaction.h"
#include "models/housing/allocation/allocationrepository.h"
#include "models/housing/waitlist/waitlistrepository.h"
#include "tasks/jobstore.h"

#include <QDateTime>
#include <QSettings>

using namespace Qt::StringLiterals;

WaitlistService::WaitlistService(Database &db, Actor actor, const JobClock &clock)
    : m_db(db)
    , m_actor(std::move(actor))
    , m_clock(clock)
{}

int WaitlistService::offerDays()
{
    const int days = QSettings().value(u"Waitlist/OfferDays"_s, kDefaultOfferDays).toInt();
    return days <= 0 ? kDefaultOfferDays : qMin(days, 60);
}

JobRequest WaitlistService::offerRequest(const FreedBed &bed, int deadlineDays, const QString &reason)
{
    JobRequest request;
    request.kind = QString::fromLatin1(kOfferKind);
    request.payload = {{u"room_id"_s, bed.roomId},
                       {u"from"_s, bed.from.toString(Qt::ISODate)},
                       {u"deadline_days"_s, deadlineDays},
                       {u"reason"_s, reason}};
    // Offers go out before background work.
    request.priority = 5;
    return request;
}

Result<qint64> WaitlistService::queueOffer(const FreedBed &bed, const QString &reason)
{
    const Result<EnqueueResult> queued =
        JobStore(m_db, m_clock).enqueue(offerRequest(bed, offerDays(), reason), m_actor);
    if (!queued)
        return queued.error();
    return queued->id;
}

Result<Allocation> WaitlistService::freeing(qint64 allocationId, int expectedVersion, Allocation::State to)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    AllocationRepository allocations(m_db, m_actor);
    const Result<Allocation> changed = to == Allocation::State::CheckedOut
                                           ? allocations.checkOut(allocationId, expectedVersion)
                                           : allocations.cancel(allocationId, expectedVersion);
    if (!changed)
        return changed.error();
    // The bed is free from today, or from the first day of a reservation that had not
    // begun yet; a stay that had already ended frees nothing.
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs()).date();
    const QDate from = qMax(today, changed->from);
    if (!changed->to.isValid() || changed->to > from) {
        if (const Result<qint64> queued = queueOffer({changed->roomId, from}, to == Allocation::State::CheckedOut
                                                                                 ? u"check_out"_s
                                                                                 : u"cancel"_s);
            !queued)
            return queued.error();
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return changed;
}

Result<Allocation> WaitlistService::checkOut(qint64 allocationId, int expectedVersion)
{
    return freeing(allocationId, expectedVersion, Allocation::State::CheckedOut);
}

Result<Allocation> WaitlistService::cancel(qint64 allocationId, int expectedVersion)
{
    return freeing(allocationId, expectedVersion, Allocation::State::Cancelled);
}

Result<int> WaitlistService::roomBackInService(qint64 roomId)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs()).date();
    const Result<QList<RoomAvailability>> rooms =
        AllocationRepository(m_db, m_actor).availability(0, today, today.addDays(1));
    if (!rooms)
        return rooms.error();
    int queued = 0;
    for (const RoomAvailability &room : rooms.value()) {
        if (room.roomId != roomId)
            continue;
        for (int bed = 0; bed < room.free(); ++bed) {
            if (const Result<qint64> job = queueOffer({roomId, today}, u"in_service"_s); !job)
                return job.error();
            ++queued;
        }
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return queued;
}

Result<Allocation> WaitlistService::accept(qint64 offerId)
{
    return WaitlistRepository(m_db, m_actor).accept(offerId, m_clock.nowMs());
}

Result<FreedBed> WaitlistService::decline(qint64 offerId)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<FreedBed> bed = WaitlistRepository(m_db, m_actor).decline(offerId, m_clock.nowMs());
    if (!bed)
        return bed.error();
    if (const Result<qint64> queued = queueOffer(bed.value(), u"declined"_s); !queued)
        return queued.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return bed;
}

VoidResult WaitlistService::remove(qint64 entryId)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<std::optional<FreedBed>> bed = WaitlistRepository(m_db, m_actor).remove(entryId, m_clock.nowMs());
    if (!bed)
        return bed.error();
    if (bed->has_value()) {
        if (const Result<qint64> queued = queueOffer(bed->value(), u"withdrawn"_s); !queued)
            return queued.error();
    }
    return tx.commit();
}
