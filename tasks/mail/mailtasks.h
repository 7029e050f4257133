#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"
#include "tasks/job.h"

#include <QCoroTask>
#include <QList>

class Database;
class TaskRegistry;

// The e-mail task kinds, registered from tasks/taskcatalog.cpp:
//
//   mail.send — drains the outbox (tasks/mail/outbox.h): marks e-mails orphaned by a
//   dead sender 'uncertain', claims due e-mails in batches and sends each once through
//   SmtpSender, on the SMTP pool, following the outbox's at-most-once protocol (the
//   attempt is committed before the server hears of it, the outcome after). Progress
//   "12 of 40 sent"; honours the rate limit of the mail settings and a cancel between
//   e-mails; transient failures go back to the queue with exponential backoff and a
//   later drain is scheduled for them, so while the server is down the e-mails wait
//   (nothing lost, nothing doubled). Re-scans before it ends. Result: {sent, failed,
//   requeued, uncertain} (+ "summary"). Missing mail settings, a refused login or an
//   unreachable server fail the job with a message that says so; the e-mails stay
//   queued. Payload (all optional): batch (e-mails claimed at once, default 20),
//   retry_base_ms (first backoff, default 60000, doubled per attempt, up to
//   retry_max_ms, default one hour).
//
// At most one engine thread runs a drain at a time per engine (maxConcurrency 1);
// drains on several workers take disjoint batches. A drain that ends while e-mails
// wait (held by a live drain elsewhere, or for a retry) schedules its successor for
// when they are free; see "Nothing left behind" in tasks/mail/outbox.h.
namespace MailTasks {
void registerAll(TaskRegistry &registry);
// The safety-net drain every 10 minutes (see Outbox::ensureDrain).
QList<RecurringJob> defaultRecurring();
// What a worker does when it starts (`residesk worker`): when the mail settings here
// are usable (MailSettings::load, the environment or QSettings and the keychain) and
// any e-mail waits, makes sure a drain is queued (Outbox::ensurePendingDrain), so that
// what a dead worker left, or what waited for a worker that can send, goes out now.
// SQL on the calling thread's connection (a thread with an event loop: the keychain).
// Returns the drain's job id, 0 when none was queued.
QCoro::Task<Result<qint64>> drainPendingOnStart(Database &db, Actor actor);
} // namespace MailTasks
