#include "models/db/threadjob.h"

#include "models/db/database.h"
#include "models/db/sqlstatement.h"

namespace {
thread_local qint64 t_threadJob = 0;
}

qint64 ThreadJob::current()
{
    return t_threadJob;
}

VoidResult ThreadJob::set(Database &db, qint64 jobId)
{
    jobId = qMax<qint64>(jobId, 0);
    if (jobId == t_threadJob)
        return {};
    t_threadJob = jobId;
    if (!db.isPostgreSQL())
        return {};
    // A connection opened from now on gets it from Database; this one now.
    return SqlStatement::run(db, QStringLiteral("SELECT set_config('residesk.job_id', ?, false)"),
                             {jobId > 0 ? QString::number(jobId) : QStringLiteral("")});
}

ThreadJobScope::ThreadJobScope(Database &db, qint64 jobId)
    : m_db(db)
    , m_previous(ThreadJob::current())
{
    if (jobId > 0 && jobId != m_previous) {
        m_changed = true;
        m_result = ThreadJob::set(m_db, jobId);
    }
}

ThreadJobScope::~ThreadJobScope()
{
    if (m_changed)
        ThreadJob::set(m_db, m_previous);
}
