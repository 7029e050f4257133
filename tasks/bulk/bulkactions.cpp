#include "tasks/bulk/bulkactions.h"

#include "models/db/dbexecutor.h"
#include "models/lab/protocolrepository.h"

namespace BulkActions {

QFuture<Result<BulkTasks::Queued>> enqueueTransition(DbExecutor &executor, const Actor &actor,
                                                     Protocol::State to, const QList<qint64> &ids)
{
    return executor.write([actor, request = BulkTasks::transitionRequest(to, ids)](Database &db) {
        return BulkTasks::enqueueTransition(db, actor, request);
    });
}

QFuture<Result<BulkTasks::Queued>> enqueueTransition(DbExecutor &executor, const Actor &actor,
                                                     Protocol::State to, const ProtocolFilter &filter)
{
    return executor.write([actor, request = BulkTasks::transitionRequest(to, filter)](Database &db) {
        return BulkTasks::enqueueTransition(db, actor, request);
    });
}

QFuture<Result<BulkTasks::Queued>> enqueueUndo(DbExecutor &executor, const Actor &actor, qint64 jobId)
{
    return executor.write([actor, jobId](Database &db) { return BulkTasks::enqueueUndo(db, actor, jobId); });
}

QFuture<Result<QList<BulkItem>>> items(DbExecutor &executor, qint64 jobId,
                                       const BulkJobStore::ItemFilter &filter)
{
    return executor.read([jobId, filter](Database &db) { return BulkJobStore(db).items(jobId, filter); });
}

} // namespace BulkActions
