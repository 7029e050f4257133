#include "tasks/taskcatalog.h"

#include "tasks/builtintasks.h"
#include "tasks/import/importtasks.h"

namespace TaskCatalog {

void registerAll(TaskRegistry &registry)
{
    BuiltinTasks::registerAll(registry);
    ImportTasks::registerAll(registry);
}

QList<RecurringJob> defaultRecurring()
{
    QList<RecurringJob> jobs;
    jobs += BuiltinTasks::defaultRecurring();
    return jobs;
}

} // namespace TaskCatalog
