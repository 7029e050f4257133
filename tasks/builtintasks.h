#pragma once

#include "tasks/job.h"

#include <QList>

class TaskRegistry;

// The task kinds every Residesk build knows:
//   diag.noop    does nothing and succeeds; result {"worker": id}
//   diag.sleep   {"steps": n, "ms": m}: n steps of m ms with progress; cancellable
//   diag.cpu     {"steps": n, "work": w}: n CPU-bound steps on the pool with progress
//   diag.fail    {"message": "…", "retryable": bool}: fails (to see failures in the UI)
//   demo.seed    {"residents": n, "protocols": p, "seed": s, "chunk": c}: demo housing and lab
//                data in checkpointed chunks (housing when "residents" is given or
//                "protocols" is not); diagnostics: {"hold_at": n, "hold_file": path} stops
//                before the chunk that starts at resident n until the file exists (a test
//                acts while the job stands at a known point)
//   jobs.prune   {"days": d}: deletes finished jobs older than d days
namespace BuiltinTasks {
void registerAll(TaskRegistry &registry);
// Recurring jobs a desktop or worker installs at start (JobStore::upsertRecurring):
// jobs.prune every night, keeping 30 days of history.
QList<RecurringJob> defaultRecurring();
} // namespace BuiltinTasks
