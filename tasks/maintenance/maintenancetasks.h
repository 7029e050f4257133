#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"
#include "models/maintenance/maintenance.h"
#include "tasks/job.h"

#include <QList>

class Database;
class JobClock;
class TaskRegistry;

// The maintenance jobs:
//  - maintenance.process (queued by submit() in the transaction that creates the
//    request, so a request exists if and only if its processing is queued): assigns
//    the technician with the skill and the least open work who has a free slot before
//    the priority's target (MaintenanceRules), estimates the cost, schedules the slot,
//    tells the resident who reported it as they chose (Resident::contactBy: an e-mail
//    through the outbox, a text message through the SMS outbox, or both; an e-mail
//    instead of a text that cannot go), e-mails the technician (each message once:
//    dedupe keys per request, channel and technician) and tells housing staff in the
//    application. A request nobody can take is flagged "needs attention" and the staff
//    are told why; never a silent failure. Step one (assignment) and step two (messages
//    and notifications) each commit with their checkpoint, so a retried or resumed job
//    repeats neither.
//  - maintenance.overdue (recurring, every 15 minutes): flags requests past their
//    target, each once (MaintenanceRepository::flagOverdue), and tells the staff in the
//    same transaction.
//  - maintenance.plans (recurring, hourly): creates the requests of every plan period
//    that has begun, each period once (MaintenancePlanRepository::createNextPeriod),
//    also the periods missed while nothing ran, and queues their processing with them.
namespace MaintenanceTasks {

inline constexpr char kProcess[] = "maintenance.process";
inline constexpr char kOverdue[] = "maintenance.overdue";
inline constexpr char kPlans[] = "maintenance.plans";

void registerAll(TaskRegistry &registry);
QList<RecurringJob> defaultRecurring();

struct Submitted
{
    MaintenanceRequest request;
    qint64 jobId = 0; // the maintenance.process job
};
// Creates the request and queues its processing in one transaction (joins the
// caller's). On the calling thread's connection (not the GUI thread).
Result<Submitted> submit(Database &db, const Actor &actor, const MaintenanceRequest &request,
                         const QDateTime &now = {});
// Queues processing for an existing request (unique per request: a second one while
// one waits is merged). Joins the caller's transaction.
Result<qint64> queueProcessing(Database &db, const Actor &actor, qint64 requestId, const JobClock &clock);

// Leaves a notification for every housing staff member and administrator (on SQLite:
// the one person) and publishes the events. Joins the caller's transaction. Returns
// how many were left.
// The title and body are stored as messages too: each person reads them in their own
// language.
Result<int> notifyStaff(Database &db, const JobClock &clock, const Actor &actor, bool attention,
                        const StoredText &title, const StoredText &body, const QString &link);

} // namespace MaintenanceTasks
