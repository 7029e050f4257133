#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"
#include "models/housing/allocation/allocation.h"
#include "models/housing/waitlist/waitlistoffer.h"
#include "tasks/job.h"
#include "tasks/jobclock.h"

#include <QCoreApplication>

#include <optional>

class Database;

// The writes that free a bed, each with the waitlist.offer job that offers it to the
// next waiting resident queued in the same transaction (the job exists if and only if
// the bed was freed): check-out, a cancelled reservation, a declined offer, a resident
// taken off a list while holding an offer, and a room back in service (for the
// maintenance code: roomBackInService()). Also accepting an offer. SQL on the calling
// thread's connection (never the GUI thread); joins the caller's open Transaction.
//
//   WaitlistService booking(db, actor);
//   Result<Allocation> out = booking.checkOut(allocation.id, allocation.version);
//   // … and a waitlist.offer job is queued: the engine offers the bed, e-mails the
//   // resident through the outbox and notifies the housing staff.
//
// The deadline to answer an offer is offerDays() days (QSettings "Waitlist/OfferDays",
// default 3), taken when the job is queued and carried in its payload.
class WaitlistService
{
    Q_DECLARE_TR_FUNCTIONS(WaitlistService)
public:
    static constexpr char kOfferKind[] = "waitlist.offer";
    static constexpr char kExpireKind[] = "waitlist.expire";
    static constexpr int kDefaultOfferDays = 3;

    WaitlistService(Database &db, Actor actor, const JobClock &clock = JobClock::system());

    // Days a resident has to answer an offer: the setting, bounded to 1 … 60.
    static int offerDays();
    // The job that offers `bed`. `reason`: "check_out", "cancel", "declined", "expired",
    // "withdrawn", "in_service" (kept in the payload for people reading the job).
    static JobRequest offerRequest(const FreedBed &bed, int deadlineDays, const QString &reason);

    // Queues the offer of `bed` (joins the caller's transaction). Returns the job id.
    Result<qint64> queueOffer(const FreedBed &bed, const QString &reason);

    Result<Allocation> checkOut(qint64 allocationId, int expectedVersion);
    Result<Allocation> cancel(qint64 allocationId, int expectedVersion);
    // A room back in service: one offer per bed free today. Returns the jobs queued.
    Result<int> roomBackInService(qint64 roomId);

    Result<Allocation> accept(qint64 offerId);
    Result<FreedBed> decline(qint64 offerId);
    // Takes a resident off a list; a pending offer they held goes to the next person.
    VoidResult remove(qint64 entryId);

private:
    Result<Allocation> freeing(qint64 allocationId, int expectedVersion, Allocation::State to);

    Database &m_db;
    Actor m_actor;
    const JobClock &m_clock;
};
