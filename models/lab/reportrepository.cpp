#include "models/lab/reportrepository.h"

#include "models/core/batchinsert.h"
#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"
#include "models/db/threadjob.h"
#include "models/db/transaction.h"
#include "models/housing/sqlhelpers_p.h"
#include "models/lab/labsql_p.h"
#include "models/lab/protocolrepository.h"

#include <QCryptographicHash>

using namespace HousingSql;
using namespace Qt::StringLiterals;

namespace {

const QString kSelect =
    QStringLiteral("SELECT r.id, r.protocol_id, p.number, r.revision, r.state, r.findings, r.supersedes_id, "
                   "r.superseded_by_id, "
                   "r.finalizing_job_id, r.finalized_job_id, r.signed_by, r.signed_at, r.version, "
                   "(SELECT COUNT(*) FROM report_results x WHERE x.report_id = r.id), p.state, "
                   "COALESCE(NULLIF(TRIM(pe.full_name), ''), r.signed_by) "
                   "FROM reports r JOIN protocols p ON p.id = r.protocol_id "
                   "LEFT JOIN people pe ON pe.login = r.signed_by");

QString sortExpression(DatabaseBackend backend, int column)
{
    switch (column) {
    case ReportRepository::Revision:
        return u"r.revision"_s;
    case ReportRepository::State:
        return u"r.state"_s;
    case ReportRepository::SignedBy:
        return u"COALESCE(r.signed_by, '')"_s;
    case ReportRepository::SignedAt:
        return Dialect::timestampOrEpoch(backend, u"r.signed_at"_s);
    case ReportRepository::ProtocolNumber:
    default:
        return u"p.number"_s;
    }
}

Report readReport(const SqlStatement &st)
{
    Report r;
    r.id = st.value(0).toLongLong();
    r.protocolId = st.value(1).toLongLong();
    r.protocolNumber = st.value(2).toString();
    r.revision = st.value(3).toInt();
    r.state = Report::stateFromCode(st.value(4).toString()).value_or(Report::State::Draft);
    r.findings = st.value(5).toString();
    r.supersedesId = LabSql::readId(st.value(6));
    r.supersededById = LabSql::readId(st.value(7));
    r.finalizingJobId = LabSql::readId(st.value(8));
    r.finalizedJobId = LabSql::readId(st.value(9));
    r.signedBy = st.value(10).toString();
    r.signedAt = LabSql::readTime(st.value(11));
    r.version = st.value(12).toInt();
    r.resultCount = st.value(13).toInt();
    r.signerName = st.value(15).toString();
    return r;
}

void addFilter(Where &where, DatabaseBackend backend, const ReportFilter &filter)
{
    where.addSearch(backend, {u"p.number"_s}, filter.search);
    if (filter.state)
        where.add(u"r.state = ?"_s, {Report::stateCode(*filter.state)});
    if (filter.protocolId > 0)
        where.add(u"r.protocol_id = ?"_s, {filter.protocolId});
}

QString nonNull(const QString &s)
{
    return s.isNull() ? u""_s : s;
}

QString reportName(const Report &r)
{
    return ReportRepository::tr("Report %1 (revision %2)").arg(r.protocolNumber).arg(r.revision);
}

} // namespace

// A report with its protocol's state, as read for a write.
struct ReportRepository::Row
{
    Report report;
    Protocol::State protocolState = Protocol::State::Submitted;
};

ReportRepository::ReportRepository(Database &db, Actor actor)
    : m_db(db)
    , m_actor(std::move(actor))
{}

QList<FieldError> ReportRepository::validate(const Report &report)
{
    QList<FieldError> errors;
    for (qsizetype i = 0; i < report.results.size(); ++i) {
        const Report::ResultRow &row = report.results.at(i);
        const QString analyte = row.analyte.trimmed();
        if (analyte.isEmpty())
            errors.append({u"results"_s, tr("Result row %1: the analyte is required.").arg(i + 1)});
        else if (analyte.size() > 200)
            errors.append(
                {u"results"_s,
                 tr("Result row %1: the analyte must be at most %2 characters long.").arg(i + 1).arg(200)});
        if (row.value.trimmed().size() > 100)
            errors.append(
                {u"results"_s,
                 tr("Result row %1: the value must be at most %2 characters long.").arg(i + 1).arg(100)});
        if (row.unit.trimmed().size() > 50)
            errors.append(
                {u"results"_s,
                 tr("Result row %1: the unit must be at most %2 characters long.").arg(i + 1).arg(50)});
        if (row.referenceRange.trimmed().size() > 100)
            errors.append(
                {u"results"_s, tr("Result row %1: the reference range must be at most %2 characters long.")
                                   .arg(i + 1)
                                   .arg(100)});
    }
    return errors;
}

Result<ReportRepository::Row> ReportRepository::readRow(qint64 id, bool lock)
{
    // PostgreSQL: the report's row lock orders concurrent writers of one report.
    SqlStatement st(m_db, kSelect + u" WHERE r.id = ?"_s +
                              (lock && m_db.isPostgreSQL() ? u" FOR UPDATE OF r"_s : QString()));
    st.bind(id);
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return notFound(tr("The report no longer exists."));
    Row row;
    row.report = readReport(st);
    row.protocolState = Protocol::stateFromCode(st.value(14).toString()).value_or(Protocol::State::Submitted);
    return row;
}

VoidResult ReportRepository::readResults(Report &report)
{
    SqlStatement st(m_db, u"SELECT position, analyte, value, unit, reference_range, flag FROM report_results "
                          "WHERE report_id = ? ORDER BY position"_s);
    st.bind(report.id);
    if (auto r = st.exec(); !r)
        return r;
    report.results.clear();
    while (st.next()) {
        Report::ResultRow row;
        row.position = st.value(0).toInt();
        row.analyte = st.value(1).toString();
        row.value = st.value(2).toString();
        row.unit = st.value(3).toString();
        row.referenceRange = st.value(4).toString();
        row.flag = Report::flagFromCode(st.value(5).toString()).value_or(Report::Flag::None);
        report.results.append(row);
    }
    report.resultCount = int(report.results.size());
    return {};
}

Result<Report> ReportRepository::get(qint64 id)
{
    Result<Row> row = readRow(id, false);
    if (!row)
        return row.error();
    Report report = row->report;
    if (auto r = readResults(report); !r)
        return r.error();
    return report;
}

Result<Report> ReportRepository::currentDraft(qint64 protocolId)
{
    SqlStatement st(m_db, u"SELECT id FROM reports WHERE protocol_id = ? AND state = 'draft'"_s);
    st.bind(protocolId);
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return notFound(tr("The protocol has no draft report."));
    return get(st.value(0).toLongLong());
}

Result<Report> ReportRepository::latestFinalized(qint64 protocolId)
{
    SqlStatement st(m_db, u"SELECT id FROM reports WHERE protocol_id = ? AND state = 'finalized' "
                          "ORDER BY revision DESC LIMIT 1"_s);
    st.bind(protocolId);
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return notFound(tr("The protocol has no finalized report yet."));
    return get(st.value(0).toLongLong());
}

Result<QList<Report>> ReportRepository::history(qint64 protocolId)
{
    SqlStatement st(m_db, kSelect + u" WHERE r.protocol_id = ? ORDER BY r.revision"_s);
    st.bind(protocolId);
    if (auto r = st.exec(); !r)
        return r.error();
    QList<Report> reports;
    while (st.next())
        reports.append(readReport(st));
    return reports;
}

DbError ReportRepository::notEditable(const Row &row) const
{
    const Report &r = row.report;
    if (r.isFinalized())
        return DbError(
            DbError::Code::InvalidState,
            tr("%1 is finalized; it cannot be changed. Amend it to make a correction.").arg(reportName(r)));
    if (r.isFinalizing())
        return DbError(DbError::Code::InvalidState,
                       tr("%1 is being finalized; it cannot be changed now.").arg(reportName(r)));
    using S = Protocol::State;
    const bool amendment = r.supersedesId != 0;
    const S p = row.protocolState;
    if (p == S::Received || p == S::InAnalysis || (amendment && p == S::Finalized))
        return {};
    if (p == S::Submitted)
        return DbError(
            DbError::Code::InvalidState,
            tr("Protocol %1 is submitted: results cannot be entered before the sample is received.")
                .arg(r.protocolNumber));
    return DbError(DbError::Code::InvalidState,
                   tr("Protocol %1 is %2; its report cannot be changed.")
                       .arg(r.protocolNumber, Protocol::stateLabel(p).toLower()));
}

Result<Report> ReportRepository::updateDraft(const Report &report)
{
    if (QList<FieldError> errors = validate(report); !errors.isEmpty())
        return DbError::validation(std::move(errors));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<Row> row = readRow(report.id, true);
    if (!row)
        return row.error();
    if (const DbError refused = notEditable(row.value()); refused.code != DbError::Code::None)
        return refused;
    if (row->report.version != report.version)
        return conflict(tr("Another user changed %1 since you opened it. Reload to see their changes.")
                            .arg(reportName(row->report)));
    SqlStatement st(m_db, u"UPDATE reports SET findings = ?, version = version + 1, updated_at = "_s +
                              Dialect::now(m_db.config().backend) +
                              u", updated_by = ? WHERE id = ? AND version = ? AND state = 'draft' "
                              "AND finalizing_job_id IS NULL"_s);
    st.bind(nonNull(report.findings)).bind(m_actor.username).bind(report.id).bind(report.version);
    if (auto r = st.exec(); !r)
        return r.error();
    if (st.numRowsAffected() == 0)
        return conflict(tr("Another user changed %1 since you opened it. Reload to see their changes.")
                            .arg(reportName(row->report)));
    if (auto r = SqlStatement::run(m_db, u"DELETE FROM report_results WHERE report_id = ?"_s, {report.id});
        !r)
        return r.error();
    BatchInsert insert(
        m_db,
        u"INSERT INTO report_results (report_id, position, analyte, value, unit, reference_range, flag)"_s,
        7);
    int position = 0;
    for (const Report::ResultRow &res : report.results) {
        if (auto r = insert.add({report.id, ++position, res.analyte.trimmed(), nonNull(res.value.trimmed()),
                                 nonNull(res.unit.trimmed()), nonNull(res.referenceRange.trimmed()),
                                 Report::flagCode(res.flag)});
            !r)
            return r.error();
    }
    if (auto r = insert.flush(); !r)
        return r.error();
    const Result<Report> after = get(report.id);
    if (!after)
        return after.error();
    LabSql::announceChange(m_db, u"reports"_s);
    if (auto r = tx.commit(); !r)
        return r.error();
    return after;
}

Result<Report> ReportRepository::amend(qint64 finalizedReportId)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<Row> row = readRow(finalizedReportId, true);
    if (!row)
        return row.error();
    const Report &old = row->report;
    if (!old.isFinalized())
        return DbError(DbError::Code::InvalidState,
                       tr("%1 is a draft; only a finalized report can be amended.").arg(reportName(old)));
    if (old.supersededById != 0)
        return DbError(
            DbError::Code::InvalidState,
            tr("%1 is already superseded by a later revision; amend the latest one.").arg(reportName(old)));
    if (row->protocolState == Protocol::State::Cancelled)
        return DbError(DbError::Code::InvalidState,
                       tr("Protocol %1 is cancelled; its report cannot be amended.").arg(old.protocolNumber));
    SqlStatement draft(m_db, u"SELECT revision FROM reports WHERE protocol_id = ? AND state = 'draft'"_s);
    draft.bind(old.protocolId);
    if (auto r = draft.exec(); !r)
        return r.error();
    if (draft.next())
        return DbError(DbError::Code::InvalidState,
                       tr("Protocol %1 already has a draft report (revision %2); finish it before amending.")
                           .arg(old.protocolNumber)
                           .arg(draft.value(0).toInt()));
    draft.finish();

    SqlStatement st(
        m_db, u"INSERT INTO reports (protocol_id, revision, state, findings, supersedes_id, version, "
              "created_by, updated_by) SELECT ?, COALESCE(MAX(revision), 0) + 1, 'draft', ?, ?, 1, ?, ? "
              "FROM reports WHERE protocol_id = ? RETURNING id, revision"_s);
    st.bind(old.protocolId)
        .bind(nonNull(old.findings))
        .bind(old.id)
        .bind(m_actor.username)
        .bind(m_actor.username);
    st.bind(old.protocolId);
    if (auto r = st.exec(); !r) {
        tx.rollback();
        if (r.error().code == DbError::Code::Duplicate)
            return DbError(DbError::Code::InvalidState,
                           tr("Protocol %1 already has a draft report; finish it before amending.")
                               .arg(old.protocolNumber),
                           r.error().detail);
        return r.error();
    }
    if (!st.next())
        return DbError(DbError::Code::QueryFailed, tr("The amended report was not stored."));
    const qint64 id = st.value(0).toLongLong();
    st.finish();
    // The results are copied inside the database: one statement, whatever their number.
    if (auto r = SqlStatement::run(
            m_db,
            u"INSERT INTO report_results (report_id, position, analyte, value, unit, "
            "reference_range, flag) SELECT ?, position, analyte, value, unit, reference_range, "
            "flag FROM report_results WHERE report_id = ?"_s,
            {id, old.id});
        !r)
        return r.error();
    LabSql::announceChange(m_db, u"reports"_s);
    if (auto r = tx.commit(); !r)
        return r.error();
    return get(id);
}

DbError ReportRepository::describeRefusedHold(qint64 reportId, qint64 jobId, int expectedVersion)
{
    const Result<Row> row = readRow(reportId, false);
    if (!row)
        return row.error();
    const Report &r = row->report;
    if (r.isFinalized())
        return DbError(DbError::Code::InvalidState, tr("%1 is already finalized.").arg(reportName(r)));
    if (r.isFinalizing() && r.finalizingJobId != jobId)
        return DbError(
            DbError::Code::InvalidState,
            tr("%1 is already being finalized (job %2).").arg(reportName(r)).arg(r.finalizingJobId));
    if (r.version != expectedVersion)
        return conflict(tr("Another user changed %1 since you opened it. Reload it before finalizing.")
                            .arg(reportName(r)));
    using S = Protocol::State;
    const S p = row->protocolState;
    if (p == S::Submitted)
        return DbError(
            DbError::Code::InvalidState,
            tr("Protocol %1 is submitted: its report cannot be finalized before the sample is received.")
                .arg(r.protocolNumber));
    return DbError(DbError::Code::InvalidState,
                   tr("Protocol %1 is %2; its report cannot be finalized.")
                       .arg(r.protocolNumber, Protocol::stateLabel(p).toLower()));
}

Result<Report> ReportRepository::beginFinalize(qint64 reportId, int expectedVersion, qint64 jobId)
{
    // The audit triggers record the job (0012_audit).
    const ThreadJobScope job(m_db, jobId);
    if (!job.ok())
        return job.error();
    if (jobId <= 0)
        return DbError(DbError::Code::Validation, tr("A finalize job is needed to finalize a report."));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    // One conditional UPDATE decides: of two concurrent calls exactly one matches.
    SqlStatement st(
        m_db, u"UPDATE reports SET finalizing_job_id = ?, version = version + 1, updated_at = "_s +
                  Dialect::now(m_db.config().backend) +
                  u", updated_by = ? WHERE id = ? AND state = 'draft' AND finalizing_job_id IS NULL "
                  "AND version = ? AND EXISTS (SELECT 1 FROM protocols p WHERE p.id = reports.protocol_id "
                  "AND (p.state IN ('received', 'in_analysis') "
                  "OR (p.state = 'finalized' AND reports.supersedes_id IS NOT NULL)))"_s);
    st.bind(jobId).bind(m_actor.username).bind(reportId).bind(expectedVersion);
    if (auto r = st.exec(); !r)
        return r.error();
    if (st.numRowsAffected() == 0)
        return describeRefusedHold(reportId, jobId, expectedVersion);
    LabSql::announceChange(m_db, u"reports"_s);
    const Result<Report> held = get(reportId);
    if (!held)
        return held.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return held;
}

Result<Report> ReportRepository::completeFinalize(qint64 reportId, qint64 jobId, const QByteArray &pdf,
                                                  const QString &signer, qint64 signedAtMs)
{
    // The audit triggers record the job (0012_audit).
    const ThreadJobScope job(m_db, jobId);
    if (!job.ok())
        return job.error();
    if (signer.trimmed().isEmpty())
        return DbError::validation(
            {{u"signed_by"_s, tr("A finalized report needs the name of its signer.")}});
    if (pdf.isEmpty())
        return DbError::validation({{u"pdf"_s, tr("A finalized report needs its PDF; the PDF is empty.")}});
    const auto backend = m_db.config().backend;
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<Row> row = readRow(reportId, true);
    if (!row)
        return row.error();
    const Report &before = row->report;
    if (before.isFinalized()) {
        // A retried job that already committed: the same report, nothing written again.
        if (before.finalizedJobId == jobId) {
            tx.rollback();
            return get(reportId);
        }
        return DbError(DbError::Code::InvalidState, tr("%1 is already finalized.").arg(reportName(before)));
    }
    if (before.finalizingJobId != jobId)
        return DbError(DbError::Code::InvalidState,
                       before.isFinalizing()
                           ? tr("%1 is being finalized by job %2, not by job %3.")
                                 .arg(reportName(before))
                                 .arg(before.finalizingJobId)
                                 .arg(jobId)
                           : tr("%1 is not held for finalizing (the finalize step was aborted).")
                                 .arg(reportName(before)));

    const QString sha256 =
        QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex());
    if (auto r = SqlStatement::run(
            m_db, u"INSERT INTO report_pdfs (report_id, content, sha256, size) VALUES (?, ?, ?, ?)"_s,
            {reportId, pdf, sha256, qint64(pdf.size())});
        !r)
        return r.error();
    const QDateTime signedAt = QDateTime::fromMSecsSinceEpoch(signedAtMs, Qt::UTC);
    SqlStatement st(
        m_db,
        u"UPDATE reports SET state = 'finalized', signed_by = ?, signed_at = ?, finalizing_job_id = NULL, "
        "finalized_job_id = ?, version = version + 1, updated_at = "_s +
            Dialect::now(backend) +
            u", updated_by = ? WHERE id = ? AND state = 'draft' AND finalizing_job_id = ?"_s);
    st.bind(signer.trimmed()).bind(LabSql::timeParam(backend, signedAt)).bind(jobId).bind(m_actor.username);
    st.bind(reportId).bind(jobId);
    if (auto r = st.exec(); !r)
        return r.error();
    if (st.numRowsAffected() != 1)
        return DbError(DbError::Code::InvalidState,
                       tr("%1 changed while it was being finalized.").arg(reportName(before)));

    // The protocol follows its state machine step by step, each step audited.
    using S = Protocol::State;
    ProtocolRepository protocols(m_db, m_actor);
    QList<S> steps;
    switch (row->protocolState) {
    case S::Received:
        steps = {S::InAnalysis, S::Finalized};
        break;
    case S::InAnalysis:
        steps = {S::Finalized};
        break;
    case S::Finalized:
        if (before.supersedesId != 0)
            break; // an amendment: the protocol is finalized already
        [[fallthrough]];
    default:
        return DbError(DbError::Code::InvalidState,
                       tr("Protocol %1 is %2; its report cannot be finalized.")
                           .arg(before.protocolNumber, Protocol::stateLabel(row->protocolState).toLower()));
    }
    for (S step : steps) {
        if (const Result<Protocol> moved =
                protocols.transition(before.protocolId, step, ProtocolRepository::AnyVersion, jobId);
            !moved)
            return moved.error();
    }

    if (before.supersedesId != 0) {
        SqlStatement sup(
            m_db,
            u"UPDATE reports SET superseded_by_id = ?, version = version + 1, updated_at = "_s +
                Dialect::now(backend) +
                u", updated_by = ? WHERE id = ? AND state = 'finalized' AND superseded_by_id IS NULL"_s);
        sup.bind(reportId).bind(m_actor.username).bind(before.supersedesId);
        if (auto r = sup.exec(); !r)
            return r.error();
        if (sup.numRowsAffected() != 1)
            return DbError(DbError::Code::InvalidState,
                           tr("The report that %1 amends is already superseded by another revision.")
                               .arg(reportName(before)));
    }
    const Result<Report> after = get(reportId);
    if (!after)
        return after.error();
    LabSql::announceChange(m_db, u"reports"_s);
    if (auto r = tx.commit(); !r)
        return r.error();
    return after;
}

Result<Report> ReportRepository::abortFinalize(qint64 reportId, qint64 jobId)
{
    // The audit triggers record the job (0012_audit).
    const ThreadJobScope job(m_db, jobId);
    if (!job.ok())
        return job.error();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    SqlStatement st(m_db,
                    u"UPDATE reports SET finalizing_job_id = NULL, version = version + 1, updated_at = "_s +
                        Dialect::now(m_db.config().backend) +
                        u", updated_by = ? WHERE id = ? AND state = 'draft' AND finalizing_job_id = ?"_s);
    st.bind(m_actor.username).bind(reportId).bind(jobId);
    if (auto r = st.exec(); !r)
        return r.error();
    if (st.numRowsAffected() == 0) {
        const Result<Row> row = readRow(reportId, false);
        if (!row)
            return row.error();
        const Report &r = row->report;
        if (r.isFinalized())
            return DbError(DbError::Code::InvalidState, tr("%1 is already finalized.").arg(reportName(r)));
        if (r.isFinalizing())
            return DbError(DbError::Code::InvalidState, tr("%1 is held by finalize job %2, not by job %3.")
                                                            .arg(reportName(r))
                                                            .arg(r.finalizingJobId)
                                                            .arg(jobId));
        tx.rollback();
        return get(reportId); // already released
    }
    LabSql::announceChange(m_db, u"reports"_s);
    const Result<Report> released = get(reportId);
    if (!released)
        return released.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return released;
}

Result<StoredPdf> ReportRepository::pdf(qint64 reportId)
{
    SqlStatement st(m_db, u"SELECT content, sha256, size FROM report_pdfs WHERE report_id = ?"_s);
    st.bind(reportId);
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return notFound(tr("The report has no stored PDF; only a finalized report has one."));
    StoredPdf pdf;
    pdf.reportId = reportId;
    pdf.content = st.value(0).toByteArray();
    pdf.sha256 = st.value(1).toString();
    pdf.size = st.value(2).toLongLong();
    return pdf;
}

Result<QList<Report>> ReportRepository::page(const ReportFilter &filter, const PageRequest &request)
{
    const auto backend = m_db.config().backend;
    const QString sortExpr = sortExpression(backend, request.sortColumn);
    Where where;
    addFilter(where, backend, filter);
    PageRequest cursor = request;
    if (cursor.hasCursor && request.sortColumn == SignedAt) {
        QDateTime t = cursor.afterValue.toDateTime();
        if (!t.isValid())
            t = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
        cursor.afterValue = LabSql::timeParam(backend, t);
    }
    where.addCursor(sortExpr, u"r.id"_s, cursor);
    SqlStatement st(m_db,
                    kSelect + where.sql() + orderBy(sortExpr, u"r.id"_s, request.order) + u" LIMIT ?"_s);
    bindAll(st, where.values);
    st.bind(qMax(1, request.limit));
    if (auto r = st.exec(); !r)
        return r.error();
    QList<Report> rows;
    while (st.next())
        rows.append(readReport(st));
    return rows;
}

Result<qint64> ReportRepository::count(const ReportFilter &filter)
{
    Where where;
    addFilter(where, m_db.config().backend, filter);
    return scalarCount(
        m_db, u"SELECT COUNT(*) FROM reports r JOIN protocols p ON p.id = r.protocol_id"_s + where.sql(),
        where.values);
}

QVariant ReportRepository::sortValue(const Report &report, int column)
{
    switch (column) {
    case Revision:
        return report.revision;
    case State:
        return Report::stateCode(report.state);
    case SignedBy:
        return report.signedBy.isNull() ? u""_s : report.signedBy;
    case SignedAt:
        return report.signedAt;
    case ProtocolNumber:
    default:
        return report.protocolNumber;
    }
}
