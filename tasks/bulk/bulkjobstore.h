#pragma once

#include "models/db/result.h"
#include "models/lab/protocol.h"
#include "tasks/bulk/bulkitem.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

#include <optional>

class Database;
struct ProtocolFilter;

// What a bulk protocol job is (table bulk_jobs): a change to `to`, or the undo of the
// change `undoOf`; how many protocols its frozen selection holds; and the undo job
// that undid it, if any.
struct BulkJobInfo
{
    qint64 jobId = 0;
    std::optional<Protocol::State> to; // a change; empty for an undo
    qint64 undoOf = 0;                 // an undo: the change it undoes
    qint64 selected = 0;
    qint64 undoneBy = 0; // a change: the job that undoes it (0: none)

    bool isUndo() const { return undoOf > 0; }
};

// The SQL of bulk protocol jobs (tables bulk_jobs and bulk_job_items), on the calling thread's connection:
// use it on an executor, runner or worker thread, never on the GUI thread. Writes join the caller's open
// transaction (a task commits its items with its chunk and its checkpoint); set-based, one bound JSON array
// per statement.
//
//   BulkJobStore store(db);
//   Transaction tx(db);
//   const Result<EnqueueResult> job = JobStore(db).enqueue(request, actor);
//   const Result<qint64> frozen = store.registerChange(job->id, Protocol::State::Received, filter);
//   tx.commit();
//   ...
//   const Result<QList<BulkItem>> failed = store.items(job->id, {.outcome = BulkItem::Outcome::Failed});
class BulkJobStore
{
    Q_DECLARE_TR_FUNCTIONS(BulkJobStore)
public:
    explicit BulkJobStore(Database &db);

    // Registers the change job `jobId` and freezes its selection: the given ids
    // (duplicates once), or every protocol that matches `filter` now (read by
    // ProtocolRepository::idsAfter). Returns how many protocols the selection holds.
    Result<qint64> registerChange(qint64 jobId, Protocol::State to, const QList<qint64> &ids);
    Result<qint64> registerChange(qint64 jobId, Protocol::State to, const ProtocolFilter &filter);
    // Registers the undo job `jobId` of the change `undoOf` (selected: how many protocols
    // the change changed). A change that already has an undo gives DbError::Duplicate
    // ("… was already undone by job N"); a savepoint keeps the caller's transaction usable.
    VoidResult registerUndo(qint64 jobId, qint64 undoOf, qint64 selected);

    // Empty (no error) when `jobId` is not a bulk job.
    Result<std::optional<BulkJobInfo>> info(qint64 jobId);
    // The frozen selection above `afterId`, ascending.
    Result<QList<qint64>> selection(qint64 jobId, qint64 afterId = 0);

    struct Recipient
    {
        qint64 protocolId = 0;
        QString number;
        QString species;
        QString animalId;
        QString clientName;
        QString email;    // empty: the client has no address
        QString language; // the client's (RecipientLanguage), empty for the office default
    };
    // The client to tell about each protocol (missing ids are left out).
    Result<QHash<qint64, Recipient>> recipients(const QList<qint64> &protocolIds);

    // Writes item outcomes (each job and protocol once: the primary key says so).
    VoidResult addItems(const QList<BulkItem> &items);

    struct ItemFilter
    {
        std::optional<BulkItem::Outcome> outcome;
        qint64 afterProtocolId = 0; // keyset paging by protocol id
        int limit = 1000;
    };
    // Ascending by protocol id.
    Result<QList<BulkItem>> items(qint64 jobId, const ItemFilter &filter);
    Result<QHash<BulkItem::Outcome, qint64>> counts(qint64 jobId);

private:
    Database &m_db;
};
