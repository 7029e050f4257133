#pragma once

#include "models/db/result.h"
#include "models/io/importrejection.h"

#include <QList>

class Database;

// The rows an import job refused (table import_rejections), on the calling thread's
// connection: use it on a runner, executor or worker thread, never the GUI thread.
// add() joins the caller's open transaction, so a chunk's rejected rows commit with
// the chunk and its checkpoint (the rule of tasks/taskregistry.h).
//
//   ImportRejectionStore store(db);
//   Result<QList<ImportRejection>> first = store.page(jobId, 0, 200);
class ImportRejectionStore
{
public:
    explicit ImportRejectionStore(Database &db);

    VoidResult add(qint64 jobId, const QList<ImportRejection> &rows);
    // Rows of the job with a line after `afterLine`, in line order (keyset paging).
    Result<QList<ImportRejection>> page(qint64 jobId, qint64 afterLine, int limit);
    Result<qint64> count(qint64 jobId);

private:
    Database &m_db;
};
