#include "tasks/taskcatalog.h"

#include "tasks/backup/backuptasks.h"
#include "tasks/builtintasks.h"
#include "tasks/bulk/bulktasks.h"
#include "tasks/import/importtasks.h"
#include "tasks/lab/labtasks.h"
#include "tasks/mail/mailtasks.h"
#include "tasks/maintenance/maintenancetasks.h"
#include "tasks/reports/reporttasks.h"
#include "tasks/sms/smstasks.h"
#include "tasks/sync/synctasks.h"
#include "tasks/waitlist/waitlisttasks.h"

namespace TaskCatalog {

void registerAll(TaskRegistry &registry)
{
    BuiltinTasks::registerAll(registry);
    ImportTasks::registerAll(registry);
    MailTasks::registerAll(registry);
    SmsTasks::registerAll(registry);
    BulkTasks::registerAll(registry);
    LabTasks::registerAll(registry);
    MaintenanceTasks::registerAll(registry);
    WaitlistTasks::registerAll(registry);
    SyncTasks::registerAll(registry);
    BackupTasks::registerAll(registry);
    ReportTasks::registerAll(registry);
}

QList<RecurringJob> defaultRecurring()
{
    QList<RecurringJob> jobs;
    jobs += BuiltinTasks::defaultRecurring();
    jobs += MailTasks::defaultRecurring();
    jobs += SmsTasks::defaultRecurring();
    jobs += MaintenanceTasks::defaultRecurring();
    jobs += WaitlistTasks::defaultRecurring();
    return jobs;
}

} // namespace TaskCatalog
