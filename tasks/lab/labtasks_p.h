#pragma once

#include "tasks/job.h"
#include "tasks/lab/labtasks.h"

#include <QCoroTask>

class JobContext;

// The lab's task coroutines (registered by LabTasks::registerAll).
namespace LabTasks::Private {
QCoro::Task<JobOutcome> finalizeReport(JobContext &ctx);
QCoro::Task<JobOutcome> prerenderWorkOrder(JobContext &ctx);
FinalizeHooks finalizeHooks();
} // namespace LabTasks::Private
