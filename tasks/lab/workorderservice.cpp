#include "tasks/lab/workorderservice.h"

#include "models/db/transaction.h"
#include "models/lab/protocolrepository.h"
#include "models/lab/workorderrepository.h"
#include "tasks/job.h"
#include "tasks/jobstore.h"

using namespace Qt::StringLiterals;

WorkOrderService::WorkOrderService(Database &db, Actor actor, const JobClock &clock)
    : m_db(db)
    , m_actor(std::move(actor))
    , m_clock(clock)
{}

JobRequest WorkOrderService::prerenderRequest(qint64 workOrderId, int version)
{
    JobRequest request;
    request.kind = QString::fromLatin1(kPrerenderKind);
    request.payload = {{u"work_order_id"_s, workOrderId}, {u"version"_s, version}};
    request.uniqueKey = u"workorder.prerender/%1/v%2"_s.arg(workOrderId).arg(version);
    request.onDuplicate = JobRequest::OnDuplicate::Merge;
    // Background work: after anything a person waits for.
    request.priority = -5;
    return request;
}

Result<EnqueueResult> WorkOrderService::enqueuePrerender(qint64 workOrderId, int version)
{
    return JobStore(m_db, m_clock).enqueue(prerenderRequest(workOrderId, version), m_actor);
}

Result<WorkOrder> WorkOrderService::update(const WorkOrder &workOrder)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    Result<WorkOrder> saved = WorkOrderRepository(m_db, m_actor).update(workOrder);
    if (!saved)
        return saved.error();
    if (const Result<EnqueueResult> queued = enqueuePrerender(saved->id, saved->contentVersion()); !queued)
        return queued.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return saved;
}

Result<Protocol> WorkOrderService::createProtocol(const Protocol &protocol)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    Result<Protocol> created = ProtocolRepository(m_db, m_actor).create(protocol);
    if (!created)
        return created.error();
    const Result<WorkOrder> order = WorkOrderRepository(m_db, m_actor).getByProtocol(created->id);
    if (!order)
        return order.error();
    if (const Result<EnqueueResult> queued = enqueuePrerender(order->id, order->contentVersion()); !queued)
        return queued.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return created;
}
