#pragma once

#include "models/core/actor.h"
#include "models/core/listquery.h"
#include "models/db/result.h"
#include "models/lab/protocol.h"
#include "models/lab/report.h"

#include <QByteArray>
#include <QList>

#include <optional>

class Database;

// What a report list shows; every field optional.
struct ReportFilter
{
    std::optional<Report::State> state;
    qint64 protocolId = 0; // 0: any protocol
    QString search;        // case-insensitive substring of the protocol number

    bool operator==(const ReportFilter &) const = default;
};
Q_DECLARE_METATYPE(ReportFilter)

// The stored PDF of a finalized report.
struct StoredPdf
{
    qint64 reportId = 0;
    QByteArray content;
    QString sha256; // lower-case hex
    qint64 size = 0;
};

// Reports, their result rows, amendments and finalization. Runs on the calling thread
// with that thread's connection (use DbExecutor from the GUI thread). Every write joins
// the caller's open Transaction (as a savepoint) or runs in one of its own, writes
// audit entries (entity "report") and announces "reports".
//
// Rules kept here, whatever the caller:
//  - A finalized report is immutable: updateDraft, beginFinalize, completeFinalize
//    (by another job) and abortFinalize refuse it with DbError::InvalidState. Its PDF
//    stays in report_pdfs for good.
//  - A draft can be edited only while no finalize job holds it, and only once its
//    protocol is received or in analysis ("results cannot be entered before the sample
//    is received"). An amendment (supersedesId set) belongs to a finalized protocol and
//    is edited and finalized while the protocol stays finalized.
//  - At most one draft per protocol (also a partial unique index).
//
// Finalization is three steps, for a job (the window never renders or signs itself):
//
//  1. In the window's write (one transaction): enqueue the finalize job, then
//       beginFinalize(reportId, report.version, job.id)
//     which takes the report for that job only if it is a draft, no job holds it and
//     its version matches (one conditional UPDATE: of two desktops clicking at once,
//     exactly one wins; the other gets InvalidState "already being finalized", or
//     Conflict if it had a stale copy). If it fails, roll back (no job is queued).
//  2. The job renders the PDF from get(reportId) (no lock is needed: nobody can edit
//     the report meanwhile), then in one transaction with its checkpoint:
//       completeFinalize(reportId, job.id, pdf, signer, signedAtMs)
//     which stores the PDF (sha256, size), marks the report finalized and signed,
//     releases the hold, marks the report it supersedes (superseded_by_id) and moves
//     the protocol to finalized (received → in_analysis → finalized as needed, each
//     step audited). Idempotent: called again by the same job after it committed
//     (a retried job), it returns the finalized report and changes nothing.
//  3. If the job gives up (failure without retries left, cancel):
//       abortFinalize(reportId, job.id)
//     releases the hold; the report stays a draft and can be edited again.
//
//   ReportRepository reports(db, actor);
//   Transaction tx(db);
//   auto job = JobStore(db).enqueue({.kind = u"reports.finalize"_s, …}, actor);
//   auto held = reports.beginFinalize(report.id, report.version, job->id);
//   if (!held) return held.error();   // tx rolls back: no job
//   tx.commit();
class ReportRepository
{
    Q_DECLARE_TR_FUNCTIONS(ReportRepository)
public:
    enum Column { ProtocolNumber, Revision, State, SignedBy, SignedAt, ColumnCount };

    ReportRepository(Database &db, Actor actor);

    // Field keys: "findings", "results" (the message names the row).
    static QList<FieldError> validate(const Report &report);

    // With result rows (ordered by position).
    Result<Report> get(qint64 id);
    // The protocol's draft (NotFound if it has none).
    Result<Report> currentDraft(qint64 protocolId);
    // The protocol's highest finalized revision (NotFound if none is finalized).
    Result<Report> latestFinalized(qint64 protocolId);
    // Every revision of the protocol, oldest first, without result rows (resultCount set).
    Result<QList<Report>> history(qint64 protocolId);

    // Replaces findings and all result rows of a draft (positions renumbered 1…n), if its
    // version matches (Conflict otherwise). Refused (InvalidState) when the report is
    // finalized or being finalized, or its protocol is not received / in analysis.
    Result<Report> updateDraft(const Report &report);

    // A new draft revision n+1 of the protocol that copies the findings and results of
    // the finalized report `finalizedReportId` and supersedes it. Refused (InvalidState)
    // when that report is a draft, is already superseded, or the protocol already has a
    // draft.
    Result<Report> amend(qint64 finalizedReportId);

    // Step 1 of finalization (see the class comment). Returns the held report.
    Result<Report> beginFinalize(qint64 reportId, int expectedVersion, qint64 jobId);
    // Step 2. `signedAtMs`: ms since the epoch (the job's clock). Returns the finalized report.
    Result<Report> completeFinalize(qint64 reportId, qint64 jobId, const QByteArray &pdf,
                                    const QString &signer, qint64 signedAtMs);
    // Step 3. Returns the draft; releasing a hold that is already released is not an error.
    Result<Report> abortFinalize(qint64 reportId, qint64 jobId);

    // The stored PDF of a finalized report (NotFound for a draft).
    Result<StoredPdf> pdf(qint64 reportId);

    // Rows without results (resultCount set). request.filter is not used.
    Result<QList<Report>> page(const ReportFilter &filter, const PageRequest &request);
    Result<qint64> count(const ReportFilter &filter);
    static QVariant sortValue(const Report &report, int column);

private:
    struct Row;
    Result<Row> readRow(qint64 id, bool lock);
    VoidResult readResults(Report &report);
    DbError notEditable(const Row &row) const;
    DbError describeRefusedHold(qint64 reportId, qint64 jobId, int expectedVersion);

    Database &m_db;
    Actor m_actor;
};
