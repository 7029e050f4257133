#pragma once

class TaskRegistry;

// The task kinds every Residesk build knows:
//   diag.noop    does nothing and succeeds (benchmarks, health checks)
//   diag.sleep   {"steps": n, "ms": m}: n steps of m ms with progress; cancellable
//   diag.cpu     {"steps": n, "work": w}: n CPU-bound steps on the pool with progress
//   diag.fail    {"message": "…", "retryable": bool}: fails (to see failures in the UI)
//   demo.seed    {"residents": n, "seed": s}: demo data in checkpointed chunks
//   jobs.prune   {"days": d}: deletes finished jobs older than d days (recurring daily)
namespace BuiltinTasks {
void registerAll(TaskRegistry &registry);
}
