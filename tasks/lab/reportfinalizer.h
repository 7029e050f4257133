#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"
#include "models/lab/report.h"
#include "tasks/jobclock.h"

#include <QCoreApplication>

class Database;

// Starts the finalization of a report: the one write the window's Finalize button and
// `residesk report finalize ID` make. In ONE transaction it queues the report.finalize
// job (unique key "report.finalize/<id>", refused when one is queued or running; the
// creator is notified when it ends) and takes the report for that job
// (ReportRepository::beginFinalize with the version the caller saw). If either step
// fails the transaction rolls back: no job is queued, nothing is held, and the error
// says why ("Report P-… (revision 1) is already being finalized (job 42).", "… is
// already finalized.", "Protocol P-… is submitted: …", or a Conflict for a stale copy).
//
// A hold whose job ended without releasing it (a queued job cancelled before it ran,
// a job failed by the engine itself) is released here first (releaseIfJobEnded), so a
// report never stays locked by a job that no longer runs.
//
// SQL on the calling thread's connection: use it on the executor's write pool (the
// window) or the command line's thread; never on the GUI thread. A value-like helper.
//
//   auto future = executor.write([id, version, actor](Database &db) {
//       return ReportFinalizer(db, actor).enqueue(id, version);
//   });
//   const Result<ReportFinalizer::Queued> queued = co_await future;
//   if (queued) engine->wake();   // the job id: queued->jobId
class ReportFinalizer
{
    Q_DECLARE_TR_FUNCTIONS(ReportFinalizer)
public:
    static constexpr char kKind[] = "report.finalize";

    explicit ReportFinalizer(Database &db, Actor actor, const JobClock &clock = JobClock::system());

    struct Queued
    {
        qint64 jobId = 0;
        Report report; // as held for the job (finalizingJobId == jobId)
    };
    Result<Queued> enqueue(qint64 reportId, int expectedVersion);

    // If the report is held by a job that is no longer queued or running, releases the
    // hold (abortFinalize for that job). Returns the report as it is afterwards, and
    // whether a hold was released.
    struct Released
    {
        Report report;
        bool released = false;
    };
    Result<Released> releaseIfJobEnded(qint64 reportId);

    static QString uniqueKey(qint64 reportId);

private:
    Database &m_db;
    Actor m_actor;
    const JobClock &m_clock;
};
