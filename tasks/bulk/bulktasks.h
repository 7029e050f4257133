#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"
#include "models/lab/protocol.h"
#include "tasks/job.h"

#include <QJsonObject>
#include <QList>

#include <optional>

class Database;
class TaskRegistry;
struct ProtocolFilter;

// Bulk protocol task kinds: an admin marks thousands of protocols as received (or any
// other state) and can undo it.
//
//   protocols.transition       {"to": "received", "ids": [3, 4, 9]}
//                              {"to": "received", "filter": {"state": "submitted", …}}
//                              (optional "chunk": protocols per transaction, default 500)
//   protocols.transition_undo  {"job_id": 42}
//
// The selection is frozen when the job is queued (enqueueTransition(): the ids, or
// every protocol matching the filter then, in bulk_jobs.selection, in the same
// transaction as the job): a protocol that matches the filter only later is never swept
// in, and one that stopped matching is reported ("already received") rather than
// silently dropped. A job queued another way freezes its selection on its first run.
//
// The change walks the selection by ascending id in chunks; each chunk is ONE
// transaction holding ProtocolRepository::transitionMany (state, version, one audit
// entry per changed protocol), one outbox e-mail per changed protocol to its client
// (Outbox::enqueueMany, dedupe key "protocol-<to>/job<id>/<protocol id>"; a client
// without an address is the item's note, not a failure), every item's outcome
// (bulk_job_items) and the checkpoint {after, done, counts}. So a killed worker's
// successor resumes after the last committed chunk, and each protocol is changed,
// audited and e-mailed once. An item the state machine refuses is a failed item; a
// chunk that fails with a database error is retried one protocol at a time (each in a
// savepoint), so one bad row fails alone. Cancel stops between chunks. Progress: done
// and total are the protocols, the message only "chunk 7" (the jobs panel shows
// "3,500 of 10,000 — chunk 7"). Result: {"to", "selected", "scope" (describeScope()),
// "changed", "skipped", "failed", "no_address", "emails", "summary": "N changed, M
// skipped, K failed", "notify_title": "Bulk change to “Received” (state Submitted)
// finished", "notify_link": "bulk:<job id>"}; the creator's notification carries the
// summary and opens the per-item list.
//
// The undo restores, through ProtocolRepository::restoreStates, the state (and
// received_at) each protocol had before the change, for every item the change changed,
// unless the protocol changed again since (its version is no longer the one the change
// left): that item is skipped "changed since". A change is undone at most once
// (bulk_jobs.undo_of is UNIQUE); an undo cannot be undone. The undo sends no e-mail:
// the first one told the client a fact that was true when it was sent, and whether and
// how to correct it is for the lab to say (the undo's item list names every protocol
// concerned). Result: {"undo_of", "selected", "restored", "skipped", "failed",
// "summary", "notify_title", "notify_link"}.
namespace BulkTasks {
QString transitionKind(); // "protocols.transition"
QString undoKind();       // "protocols.transition_undo"
constexpr int kDefaultChunk = 500;
constexpr int kMaxChunk = 10000;

// {"state": "submitted", "client_id": 3, "submitted_from": "2026-01-01", "submitted_to": …,
//  "search": "…"}; only the fields that are set.
QJsonObject filterToJson(const ProtocolFilter &filter);
// Null (and `error` says why) for a value that is not a filter.
std::optional<ProtocolFilter> filterFromJson(const QJsonObject &json, QString *error = nullptr);

// What a change's payload selected, for people: "3 selected protocols", "state
// Submitted, client Hillside Dairy, submitted 2026-01-01–2026-02-01, search “P-”", or
// "every protocol" for an empty filter. Reads the client's name (on this thread's
// connection); an undo's payload describes the change it undoes.
Result<QString> describeScope(Database &db, const QJsonObject &payload);
// The same as a message (stored in a notification, read in the reader's language).
Result<StoredText> describeScopeMessage(Database &db, const QJsonObject &payload);
// The same without the database: a client by its id ("client 7").
QString scopeText(const QJsonObject &payload, const QString &clientName = {});
StoredText scopeMessage(const QJsonObject &payload, const QString &clientName = {});

JobRequest transitionRequest(Protocol::State to, const QList<qint64> &ids);
JobRequest transitionRequest(Protocol::State to, const ProtocolFilter &filter);
JobRequest undoRequest(qint64 jobId);

// The e-mail's dedupe key: "protocol-received/job42/1234".
QString dedupeKey(Protocol::State to, qint64 jobId, qint64 protocolId);

struct Queued
{
    qint64 jobId = 0;
    qint64 selected = 0; // protocols in the frozen selection (an undo: changed by the original)
};
// Queues a transitionRequest() and freezes its selection in one transaction (joining
// the caller's). Validation for a payload without a valid "to" or without ids/filter.
Result<Queued> enqueueTransition(Database &db, const Actor &actor, const JobRequest &request);
// Queues the undo of the change `jobId`: InvalidState unless it is a bulk change
// (not an undo) that has finished; Duplicate if it has an undo already.
Result<Queued> enqueueUndo(Database &db, const Actor &actor, qint64 jobId);

void registerAll(TaskRegistry &registry);
} // namespace BulkTasks
