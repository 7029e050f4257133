#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"
#include "tasks/job.h"

#include <QCoroTask>
#include <QList>

class Database;
class TaskRegistry;

// The text message task kinds, registered from tasks/taskcatalog.cpp:
//
//   sms.send — drains the SMS outbox (tasks/sms/smsoutbox.h) as mail.send drains the
//   e-mail outbox: marks messages orphaned by a dead sender 'uncertain', claims due
//   messages in batches and POSTs each once to the gateway (SmsGateway), the attempt
//   committed before the request goes out and the outcome after. 2xx sent, 4xx failed,
//   5xx back to the queue with exponential backoff, an unreachable gateway or refused
//   credentials: the messages wait and the drain fails saying why. Progress "12 of 40
//   sent"; honours the rate limit and a cancel between messages; re-scans before it
//   ends and schedules a successor for what waits. Result: {sent, failed, requeued,
//   uncertain} (+ "summary"). Payload (all optional): batch (default 20), retry_base_ms
//   (default 60000, doubled per attempt up to retry_max_ms, default one hour).
//
// One drain per engine at a time (maxConcurrency 1); drains on several workers take
// disjoint batches.
namespace SmsTasks {
void registerAll(TaskRegistry &registry);
// The safety-net drain every 10 minutes.
QList<RecurringJob> defaultRecurring();
// What a worker does when it starts: with usable SMS settings and messages waiting,
// makes sure a drain is queued. Returns the drain's job id, 0 when none was queued.
QCoro::Task<Result<qint64>> drainPendingOnStart(Database &db, Actor actor);
} // namespace SmsTasks
