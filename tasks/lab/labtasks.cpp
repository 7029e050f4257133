#include "tasks/lab/labtasks.h"

#include "tasks/lab/labtasks_p.h"
#include "tasks/lab/reportfinalizer.h"
#include "tasks/lab/workorderservice.h"
#include "tasks/taskregistry.h"

#include <QCoreApplication>
#include <QMutex>

namespace {
QMutex g_hooksMutex;
LabTasks::FinalizeHooks g_hooks;
} // namespace

namespace LabTasks {

void registerAll(TaskRegistry &registry)
{
    // Finalizing is CPU work a person waits for: two at once per engine keeps one core
    // for the window.
    registry.add({QString::fromLatin1(ReportFinalizer::kKind),
                  StoredText("LabTasks", QT_TRANSLATE_NOOP("LabTasks", "Finalize report")), 2,
                  kFinalizeMaxAttempts, &Private::finalizeReport});
    registry.add({QString::fromLatin1(WorkOrderService::kPrerenderKind),
                  StoredText("LabTasks", QT_TRANSLATE_NOOP("LabTasks", "Prepare work order PDF")), 1,
                  kPrerenderMaxAttempts, &Private::prerenderWorkOrder});
}

void setFinalizeHooks(FinalizeHooks hooks)
{
    QMutexLocker lock(&g_hooksMutex);
    g_hooks = std::move(hooks);
}

FinalizeHooks Private::finalizeHooks()
{
    QMutexLocker lock(&g_hooksMutex);
    return g_hooks;
}

} // namespace LabTasks
