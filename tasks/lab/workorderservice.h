#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"
#include "models/lab/protocol.h"
#include "models/lab/workorder.h"
#include "tasks/jobclock.h"

class Database;
struct EnqueueResult;
struct JobRequest;

// Changes to work orders that also keep their PDFs ready: every change commits
// together with a workorder.prerender job for the version it produced, so the PDF is
// in the cache before anyone opens it. The window and the command line change work
// orders through this, not through WorkOrderRepository directly (the data layer
// knows nothing of jobs).
//
// The unique key names the work order AND its version ("workorder.prerender/<id>/v<n>",
// merged): JobStore merges into the first job's payload, so a key per work order alone
// would fold a newer version into a job for an older one, which then skips as stale
// and leaves the newer version unrendered. Per version, a stale job skips cheaply
// (one read) and the newest version always has its own job.
//
// SQL on the calling thread's connection (the executor's write pool, a job, the
// command line); never the GUI thread. A value-like helper.
//
//   auto future = executor.write([edited, actor](Database &db) {
//       return WorkOrderService(db, actor).update(edited);
//   });
//   const Result<WorkOrder> saved = co_await future;   // Conflict: show reload / overwrite
class WorkOrderService
{
public:
    static constexpr char kPrerenderKind[] = "workorder.prerender";

    explicit WorkOrderService(Database &db, Actor actor, const JobClock &clock = JobClock::system());

    // WorkOrderRepository::update + the pre-render job, in one transaction.
    Result<WorkOrder> update(const WorkOrder &workOrder);
    // ProtocolRepository::create (which makes the work order) + its pre-render job.
    Result<Protocol> createProtocol(const Protocol &protocol);
    // Queues the pre-render of one version (joins the caller's transaction).
    Result<EnqueueResult> enqueuePrerender(qint64 workOrderId, int version);

    static JobRequest prerenderRequest(qint64 workOrderId, int version);

private:
    Database &m_db;
    Actor m_actor;
    const JobClock &m_clock;
};
