#pragma once

#include "tasks/job.h"

#include <QList>

class TaskRegistry;

// The room-booking task kinds, registered from tasks/taskcatalog.cpp:
//
//   waitlist.offer — offers one freed bed (payload: room_id, from, deadline_days,
//   reason) to the first waiting resident of the room's building and type
//   (WaitlistRepository::offerBed), and in the same transaction as its checkpoint
//   queues the offer's e-mail to the resident in the outbox (dedupe key
//   "waitlist-offer/<id>": sent once however often the job runs) and leaves an
//   "attention" notification for the housing staff (on PostgreSQL every login of the
//   housing group, through residesk_notify_housing(); on SQLite the one person). A bed
//   nobody waits for, or that was taken meanwhile, ends the job with nothing offered.
//   Result: offer_id (0: none), resident, room, deadline (+ "summary").
//
//   waitlist.expire — recurring (every 15 minutes): expires the pending offers past
//   their deadline and queues, in the same transaction, the offer of each bed to the
//   next person. Result: expired.
namespace WaitlistTasks {
void registerAll(TaskRegistry &registry);
QList<RecurringJob> defaultRecurring();
} // namespace WaitlistTasks
