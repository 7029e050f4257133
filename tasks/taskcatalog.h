#pragma once

#include "tasks/job.h"

#include <QList>

class TaskRegistry;

// Every task kind this build of Residesk runs, in one place: the window, `residesk
// worker`, the command line's --wait and the tests all register the same catalogue, so
// that a job enqueued anywhere can run on any engine. Each area (built-in diagnostics,
// lab, mail, imports …) registers its own kinds from here.
namespace TaskCatalog {
void registerAll(TaskRegistry &registry);
// Recurring jobs a desktop or worker installs at start (JobStore::upsertRecurring).
QList<RecurringJob> defaultRecurring();
} // namespace TaskCatalog
