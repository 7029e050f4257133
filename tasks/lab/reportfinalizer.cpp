#include "tasks/lab/reportfinalizer.h"

#include "models/db/transaction.h"
#include "models/lab/reportrepository.h"
#include "tasks/job.h"
#include "tasks/jobstore.h"

using namespace Qt::StringLiterals;

ReportFinalizer::ReportFinalizer(Database &db, Actor actor, const JobClock &clock)
    : m_db(db)
    , m_actor(std::move(actor))
    , m_clock(clock)
{}

QString ReportFinalizer::uniqueKey(qint64 reportId)
{
    return u"report.finalize/%1"_s.arg(reportId);
}

Result<ReportFinalizer::Released> ReportFinalizer::releaseIfJobEnded(qint64 reportId)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    ReportRepository reports(m_db, m_actor);
    Result<Report> report = reports.get(reportId);
    if (!report)
        return report.error();
    Released out;
    out.report = report.value();
    if (!report->isFinalizing())
        return out;
    const qint64 jobId = report->finalizingJobId;
    const Result<Job> job = JobStore(m_db, m_clock).get(jobId);
    // A job that was pruned from the history has ended too.
    const bool ended = job ? job->isFinished() : job.error().code == DbError::Code::NotFound;
    if (!job && !ended)
        return job.error();
    if (!ended)
        return out;
    Result<Report> released = reports.abortFinalize(reportId, jobId);
    if (!released)
        return released.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    out.report = released.value();
    out.released = true;
    return out;
}

Result<ReportFinalizer::Queued> ReportFinalizer::enqueue(qint64 reportId, int expectedVersion)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();

    // A stale hold first; releasing it bumps the version, so a caller who saw the
    // report as it was with that hold still finalizes the same content.
    const Result<Released> stale = releaseIfJobEnded(reportId);
    if (!stale)
        return stale.error();
    int version = expectedVersion;
    if (stale->released && expectedVersion == stale->report.version - 1)
        version = stale->report.version;

    JobRequest request;
    request.kind = QString::fromLatin1(kKind);
    request.payload = {{u"report_id"_s, reportId}};
    request.uniqueKey = uniqueKey(reportId);
    request.onDuplicate = JobRequest::OnDuplicate::Refuse;
    request.notifyCreator = true;
    // The PDF is waited for by a person: ahead of background work.
    request.priority = 10;
    const Result<EnqueueResult> queued = JobStore(m_db, m_clock).enqueue(request, m_actor);
    if (!queued) {
        if (queued.error().code != DbError::Code::Duplicate)
            return queued.error();
        // Name the report, not the job key.
        const Result<Report> report = ReportRepository(m_db, m_actor).get(reportId);
        const QString name =
            report ? tr("Report %1 (revision %2)").arg(report->protocolNumber).arg(report->revision)
                   : tr("Report %1").arg(reportId);
        return DbError(DbError::Code::InvalidState, tr("%1 is already being finalized.").arg(name),
                       queued.error().detail);
    }
    const Result<Report> held = ReportRepository(m_db, m_actor).beginFinalize(reportId, version, queued->id);
    if (!held)
        return held.error(); // rolls back: no job
    if (auto r = tx.commit(); !r)
        return r.error();
    return Queued{queued->id, held.value()};
}
