#include "models/db/threadjob.h"

#include "models/db/database.h"
#include "models/db/sqlstatement.h"

#include "models/db/transaction.h"

namespace {
thread_local qint64 t_threadJob = 0;
thread_local QString t_threadRole;

// Into the transaction open on this thread now (later ones get it when they begin).
VoidResult applyToOpenTransaction(Database &db)
{
    if (!db.isPostgreSQL() || !Transaction::isOpen(db))
        return {};
    return SqlStatement::run(db,
                             QStringLiteral("SELECT set_config('residesk.job_id', ?, true), "
                                            "set_config('role', CASE WHEN ? = '' THEN 'none' ELSE ? END, true)"),
                             {t_threadJob > 0 ? QString::number(t_threadJob) : QStringLiteral(""),
                              t_threadRole.isNull() ? QStringLiteral("") : t_threadRole,
                              t_threadRole.isNull() ? QStringLiteral("") : t_threadRole});
}
} // namespace

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
    return applyToOpenTransaction(db);
}

QString ThreadJob::role()
{
    return t_threadRole;
}

VoidResult ThreadJob::setRole(Database &db, const QString &role)
{
    if (role == t_threadRole)
        return {};
    const QString previous = t_threadRole;
    t_threadRole = role;
    if (!db.isPostgreSQL())
        return {};
    if (Transaction::isOpen(db))
        return applyToOpenTransaction(db);
    if (role.isEmpty())
        return {};
    // A statement of its own (in its own implicit transaction, with the role set
    // before it): refused when this session may not become `role`.
    SqlStatement probe(db, QStringLiteral("SELECT 1")); // PgQuery: the role set before it
    if (VoidResult r = probe.exec(); !r) {
        t_threadRole = previous;
        return r;
    }
    return {};
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
