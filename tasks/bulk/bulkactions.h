#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"
#include "models/lab/protocol.h"
#include "tasks/bulk/bulkjobstore.h"
#include "tasks/bulk/bulktasks.h"

#include <QFuture>
#include <QList>

class DbExecutor;
struct ProtocolFilter;

// What a window needs to start and follow bulk protocol changes without touching SQL
// on its own thread: each call hands its work to the DbExecutor (the queueing to the
// write pool, so it stays ordered with the user's other edits; the item list to the
// read pool) and returns a future for the GUI thread to co_await. The job then runs
// on whichever engine claims it (the window's own, or a worker) and shows in the jobs
// panel; its notification's link "bulk:<job id>" names the job whose items() to show.
//
//   auto future = BulkActions::enqueueTransition(executor, actor, Protocol::State::Received, selectedIds);
//   const Result<BulkTasks::Queued> queued = co_await future; // {jobId, selected}
//
// Any thread may call these; the executor must outlive the futures.
namespace BulkActions {
// The selected rows (ids), or everything matching the page's current filter, frozen now.
QFuture<Result<BulkTasks::Queued>> enqueueTransition(DbExecutor &executor, const Actor &actor,
                                                     Protocol::State to, const QList<qint64> &ids);
QFuture<Result<BulkTasks::Queued>> enqueueTransition(DbExecutor &executor, const Actor &actor,
                                                     Protocol::State to, const ProtocolFilter &filter);
// The undo of the finished change `jobId` (BulkTasks::enqueueUndo's refusals apply).
QFuture<Result<BulkTasks::Queued>> enqueueUndo(DbExecutor &executor, const Actor &actor, qint64 jobId);
// A page of the per-item list of a bulk job (keyset paging by protocol id).
QFuture<Result<QList<BulkItem>>> items(DbExecutor &executor, qint64 jobId,
                                       const BulkJobStore::ItemFilter &filter);
} // namespace BulkActions
