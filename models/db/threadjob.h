#pragma once

#include "models/db/result.h"

class Database;

// The job the calling thread's changes are made for (0: none), which the audit
// triggers record (resources/migrations/0012_audit*.sql). On PostgreSQL it is the
// setting residesk.job_id of the thread's connection (Database sets it again whenever
// the thread reconnects); on SQLite the connection's residesk_audit_job() returns it.
// It is the client's word, like any setting: it names a job, it proves no identity.
// The job engine sets it while a job runs; ThreadJobScope sets it for a while.
namespace ThreadJob {
qint64 current();
VoidResult set(Database &db, qint64 jobId);
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
