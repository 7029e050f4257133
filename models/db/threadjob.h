#pragma once

#include "models/db/result.h"

class Database;

// The job the calling thread's changes are made for (0: none), which the audit
// triggers record (resources/migrations/0012_audit*.sql), and on PostgreSQL the role
// the thread acts as (a worker runs a person's job as that person). On PostgreSQL both
// are transaction-local settings (residesk.job_id and role, SET LOCAL): PgQuery gives
// them to every transaction the thread starts, in the same round trip, so no session
// state is left on a connection between transactions (PgBouncer in transaction mode
// may hand it to another client next). On SQLite the connection's
// residesk_audit_job() returns the job. The job id is the client's word, like any
// setting: it names a job, it proves no identity.
// The job engine sets them while a job runs; ThreadJobScope sets the job for a while.
namespace ThreadJob {
qint64 current();
VoidResult set(Database &db, qint64 jobId);
// The role this thread acts as; empty: the session's own.
QString role();
// Checks at once that the session may take `role` (an error otherwise, and the role
// stays unset); empty goes back to the session's own role.
VoidResult setRole(Database &db, const QString &role);
} // namespace ThreadJob

// Sets ThreadJob for its lifetime (when `jobId` > 0 and differs from the thread's
// job) and puts the previous job back on destruction. For a repository called with
// the job it works for (the engine has usually set it already).
//
//   const ThreadJobScope job(m_db, jobId);
//   if (!job.ok()) return job.error();
class ThreadJobScope
{
public:
    ThreadJobScope(Database &db, qint64 jobId);
    ~ThreadJobScope();
    ThreadJobScope(const ThreadJobScope &) = delete;
    ThreadJobScope &operator=(const ThreadJobScope &) = delete;

    bool ok() const { return m_result.ok(); }
    DbError error() const { return m_result.error(); }

private:
    Database &m_db;
    qint64 m_previous = 0;
    bool m_changed = false;
    VoidResult m_result;
};
