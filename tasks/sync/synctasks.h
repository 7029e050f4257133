#pragma once

#include "tasks/job.h"

#include <QString>

class TaskRegistry;

// The registrar sync:
//   residents.sync  {"url": "https://…"}   (optional: the settings' URL when absent)
//
// Fetches the registrar's resident export (RegistrarSyncSettings: URL, authentication
// with the secret from RESIDESK_SYNC_SECRET or the keychain, timeout) with the
// validators of the last applied copy of that URL (RegistrarSyncStore::State), so an
// unchanged export costs one short request (304) and writes nothing; a 200 with the
// same bytes (SHA-256) writes nothing either. The body streams to a temporary file,
// which the resident import applies with its own rules (ResidentImporter: the same
// validation, line numbers, rejected rows in import_rejections, result), in chunks
// that each commit with the job's checkpoint. Then, in one transaction with the new
// state: residents the export does not list are flagged for review
// (RegistrarFlagRepository), never changed or deleted; flags of residents it lists
// again go.
//
// An unreachable server, a TLS error, a 4xx/5xx answer, a timeout or a body that is not
// CSV fails the job at once (not retried; the next scheduled run is the retry) with
// "Registrar sync from URL failed: cause", and nothing is written. A resumed job fetches
// the file again; the same bytes continue after the last committed chunk.
//
// Result: the import's keys ("created", "updated", "unchanged", "rejected",
// "changed_fields", "rejected_count", "rejected" [{line, reason}…], "rows",
// "dry_run": false) and "url", "not_modified" (304 or the same bytes; nothing
// written), "http_status", "bytes", "flagged" (newly), "unflagged", "flagged_open".
namespace SyncTasks {
QString residentsKind(); // "residents.sync"
// A sync of `url` (empty: the settings' URL); one at a time (unique key, merged).
JobRequest residentsRequest(const QString &url = {});
void registerAll(TaskRegistry &registry);
} // namespace SyncTasks
