// The report.finalize task (see labtasks.h for its contract).
#include "models/core/peoplerepository.h"
#include "models/db/transaction.h"
#include "models/lab/reportrepository.h"
#include "tasks/i18n/messagetranslator.h"
#include "tasks/jobcontext.h"
#include "tasks/lab/labdocuments.h"
#include "tasks/lab/labservices.h"
#include "tasks/lab/labtasks_p.h"
#include "tasks/lab/reportemail.h"
#include "tasks/mail/outbox.h"
#include "tasks/mail/outboxmessage.h"
#include "tasks/pdf/pdfcache.h"
#include "tasks/pdf/pdfrenderer.h"

#include <QCoroFuture>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcFinalize, "residesk.lab.finalize")

namespace {

// The context lupdate files this file's texts under: they are written in the class
// Finalization (the free function below names it itself).
QString tr(const char *text)
{
    return QCoreApplication::translate("Finalization", text);
}

// A message to store (a job's error or progress, a notification, a title), translated
// where it is shown; the source text is marked with QT_TRANSLATE_NOOP("Finalization", …).
StoredText msg(const char *text, int n = -1)
{
    return StoredText("Finalization", text, n);
}

QString reportName(const Report &report)
{
    return QCoreApplication::translate("Finalization", "Report %1 (revision %2)")
        .arg(report.protocolNumber)
        .arg(report.revision);
}

// Connection problems and lost leases pass; everything else the data layer refuses
// (a finalized report, a hold by another job, a validation error) will not change by
// trying again.
bool isTransient(const DbError &error)
{
    return error.isConnectionProblem() || error.code == DbError::Code::LeaseLost ||
           error.code == DbError::Code::QueryFailed;
}

class Finalization
{
public:
    explicit Finalization(JobContext &ctx)
        : m_ctx(ctx)
        , m_hooks(LabTasks::Private::finalizeHooks())
        , m_reportId(ctx.payload().value(u"report_id"_s).toInteger())
        , m_actor(ctx.actor())
    {}

    QCoro::Task<JobOutcome> run();

private:
    int maxAttempts() const { return qMin(m_ctx.job().maxAttempts, LabTasks::kFinalizeMaxAttempts); }
    ReportRepository reports() { return ReportRepository(m_ctx.database(), m_actor); }

    // A failed attempt. Without retries left the hold is released, so the report is a
    // draft again; the job's error says why.
    JobOutcome fail(const QString &reason, bool retryable)
    {
        const bool last = !retryable || m_ctx.attempt() >= maxAttempts();
        if (!last)
            return JobOutcome::failure(reason, true);
        release();
        return JobOutcome::failure(reason, false);
    }
    JobOutcome fail(const DbError &error) { return fail(error.message, isTransient(error)); }

    // A person's cancel releases the hold; a shutdown or a lost lease keeps it (the job
    // resumes elsewhere or later).
    JobOutcome cancelled()
    {
        if (m_ctx.cancelReason() == CancelReason::UserRequest)
            release();
        return JobOutcome::cancelled();
    }

    void release()
    {
        // Another worker has the job (or will resume it): the hold is its, not ours.
        const CancelReason reason = m_ctx.cancelReason();
        if (reason == CancelReason::LeaseLost || reason == CancelReason::Shutdown)
            return;
        const Result<Report> released = reports().abortFinalize(m_reportId, m_ctx.id());
        if (!released)
            qCWarning(lcFinalize) << "report" << m_reportId << "not released by job" << m_ctx.id() << ":"
                                  << released.error().message;
    }

    std::optional<LabTasks::InjectedFailure> injected(const QString &point) const
    {
        if (!m_hooks.failAt)
            return std::nullopt;
        return m_hooks.failAt(point, m_ctx.attempt());
    }

    JobOutcome succeeded(const Report &report, const QJsonObject &checkpoint);
    void storeInCache(const Report &report, QByteArray pdf);

    JobContext &m_ctx;
    const LabTasks::FinalizeHooks m_hooks;
    const qint64 m_reportId;
    const Actor m_actor;
};

QCoro::Task<JobOutcome> Finalization::run()
{
    if (m_reportId <= 0)
        co_return JobOutcome::failure(
            msg(QT_TRANSLATE_NOOP("Finalization", "The job does not name a report.")), false);
    if (m_ctx.isCancelled())
        co_return cancelled();
    Database &db = m_ctx.database();

    Result<LabDocuments::ReportSources> sources = LabDocuments::loadReport(db, m_reportId);
    if (!sources) {
        if (sources.error().code == DbError::Code::NotFound)
            co_return JobOutcome::failure(
                msg(QT_TRANSLATE_NOOP("Finalization", "Report %1 no longer exists.")).arg(m_reportId), false);
        co_return fail(sources.error());
    }
    Report report = sources->report;

    if (report.isFinalized()) {
        // A retry after this job committed (it died before it could end): only the
        // cache copy may be missing.
        if (report.finalizedJobId == m_ctx.id()) {
            storeInCache(report, {});
            co_return succeeded(report, m_ctx.checkpoint());
        }
        co_return JobOutcome::failure(
            msg(QT_TRANSLATE_NOOP("Finalization", "%1 is already finalized.")).arg(reportName(report)),
            false);
    }
    if (report.finalizingJobId != m_ctx.id()) {
        if (report.isFinalizing())
            co_return JobOutcome::failure(
                msg(QT_TRANSLATE_NOOP("Finalization", "%1 is being finalized by job %2."))
                    .arg(reportName(report))
                    .arg(report.finalizingJobId),
                false);
        // Released earlier (a failed or cancelled run that is now retried): take it
        // again if it is still a draft nobody holds.
        Result<Report> held = reports().beginFinalize(m_reportId, report.version, m_ctx.id());
        if (!held)
            co_return JobOutcome::failure(held.error().message, isTransient(held.error()));
        report.version = held->version;
        report.finalizingJobId = m_ctx.id();
    }

    // The signature: the creator, at the first attempt's time (every retry signs the
    // same time, so a PDF rendered again is the same document).
    QJsonObject checkpoint = m_ctx.checkpoint();
    const QString signer = m_ctx.job().createdBy.trimmed().isEmpty() ? tr("unknown") : m_ctx.job().createdBy;
    qint64 signedAtMs = checkpoint.value(u"signed_at"_s).toInteger();
    // reports.signed_by keeps the login; the PDF and the e-mail carry the full name
    // (people), else the login.
    QString signerName = checkpoint.value(u"signer_name"_s).toString();
    if (signedAtMs <= 0 || signerName.isEmpty()) {
        const Result<QString> name = PeopleRepository(db).displayName(signer);
        if (!name)
            co_return fail(name.error());
        signerName = name.value();
        if (signedAtMs <= 0)
            signedAtMs = m_ctx.clock().nowMs();
        checkpoint.insert(u"signed_at"_s, signedAtMs);
        checkpoint.insert(u"signer"_s, signer);
        checkpoint.insert(u"signer_name"_s, signerName);
        if (auto saved = m_ctx.saveCheckpoint(checkpoint); !saved)
            co_return fail(saved.error());
    }
    if (m_ctx.isCancelled())
        co_return cancelled();
    if (const auto failure = injected(u"start"_s))
        co_return fail(failure->error, failure->retryable);

    m_ctx.setProgress(0, 3, msg(QT_TRANSLATE_NOOP("Finalization", "Rendering the PDF")));
    ReportDocument doc = LabDocuments::reportDocument(report, sources->protocol, sources->client);
    doc.draft = false;
    doc.signer = signerName;
    doc.signedAt = QDateTime::fromMSecsSinceEpoch(signedAtMs, Qt::UTC);
    auto rendering = m_ctx.runCpu(
        [doc, render = m_hooks.render] { return render ? render(doc) : PdfRenderer::renderReport(doc); });
    const QByteArray pdf = co_await rendering; // named future: GCC 12 bug 100611
    if (pdf.isEmpty())
        co_return fail(
            tr("The PDF of %1 could not be rendered (no usable font was found).").arg(reportName(report)),
            false);
    if (m_ctx.isCancelled())
        co_return cancelled();
    if (const auto failure = injected(u"rendered"_s))
        co_return fail(failure->error, failure->retryable);

    m_ctx.setProgress(1, 3, msg(QT_TRANSLATE_NOOP("Finalization", "Signing and storing")));
    // One transaction: the PDF, the signature, the protocol's state, the e-mail and the
    // checkpoint that records them all commit together or not at all.
    Report finalized;
    {
        Transaction tx(db);
        if (!tx.ok())
            co_return fail(tx.error());
        // Roll back before giving up: the release of the hold must not be undone with it.
        const auto abandon = [&tx, this](auto &&...why) {
            tx.rollback();
            return fail(why...);
        };
        Result<Report> done = reports().completeFinalize(m_reportId, m_ctx.id(), pdf, signer, signedAtMs);
        if (!done)
            co_return abandon(done.error());
        finalized = done.value();

        const Client &client = sources->client;
        if (!client.email.trimmed().isEmpty()) {
            // In the client's language (tasks/i18n/messagetranslator.h), whoever finalizes.
            const MessageTranslator to(client.language);
            const auto trIn = [&to](const char *text) {
                return to.translate("Finalization", text);
            };
            // The lab's name as configured; the built-in one in the client's language too.
            const char *const defaultLab =
                QT_TRANSLATE_NOOP("LabDocuments", "Veterinary Diagnostic Laboratory");
            const QString labName = doc.lab.name == QCoreApplication::translate("LabDocuments", defaultLab)
                                        ? to.translate("LabDocuments", defaultLab)
                                        : doc.lab.name;
            OutboxMessage m;
            m.dedupeKey = u"report-finalized/%1"_s.arg(m_reportId);
            m.toAddress = client.email.trimmed();
            m.toName = client.name;
            m.subject =
                finalized.revision > 1
                    ? trIn(QT_TRANSLATE_NOOP("Finalization", "Report %1 (amended, revision %2)"))
                          .arg(finalized.protocolNumber)
                          .arg(finalized.revision)
                    : trIn(QT_TRANSLATE_NOOP("Finalization", "Report %1")).arg(finalized.protocolNumber);
            m.bodyText =
                trIn(QT_TRANSLATE_NOOP("Finalization",
                                       "Dear %1,\n\nplease find attached the report on protocol %2 (%3, %4), "
                                       "signed by %5.\n\n%6"))
                    .arg(client.name, finalized.protocolNumber, sources->protocol.species,
                         sources->protocol.animalId.isEmpty()
                             ? trIn(QT_TRANSLATE_NOOP("Finalization", "no animal id"))
                             : sources->protocol.animalId,
                         signerName, labName);
            m.attachments.append(
                {0, LabDocuments::reportFileName(finalized), u"application/pdf"_s, pdf, pdf.size()});
            m.relatedEntity = u"report"_s;
            m.relatedId = m_reportId;
            const Result<Outbox::Enqueued> queued = Outbox(db, m_ctx.clock()).enqueue(m, m_actor);
            if (!queued)
                co_return abandon(queued.error());
            checkpoint.insert(u"email_id"_s, queued->id);
        } else {
            const QString reason =
                tr("Client %1 has no e-mail address; the report was not e-mailed.").arg(client.name);
            checkpoint.insert(u"email_skipped"_s, reason);
        }
        checkpoint.insert(u"finalized"_s, true);
        if (auto saved = m_ctx.saveCheckpoint(checkpoint); !saved)
            co_return abandon(saved.error());
        if (const auto failure = injected(u"completed"_s))
            co_return abandon(failure->error, failure->retryable);
        if (auto committed = tx.commit(); !committed)
            co_return abandon(committed.error());
    }
    if (const auto failure = injected(u"committed"_s))
        co_return fail(failure->error, failure->retryable);

    m_ctx.setProgress(2, 3, msg(QT_TRANSLATE_NOOP("Finalization", "Keeping the PDF for viewing")));
    storeInCache(finalized, pdf);
    m_ctx.setProgress(3, 3, msg(QT_TRANSLATE_NOOP("Finalization", "Finalized")));
    co_return succeeded(finalized, checkpoint);
}

void Finalization::storeInCache(const Report &report, QByteArray pdf)
{
    Database &db = m_ctx.database();
    if (pdf.isEmpty()) {
        const Result<StoredPdf> stored = reports().pdf(report.id);
        if (!stored) {
            qCWarning(lcFinalize) << "report" << report.id
                                  << "stored PDF not read:" << stored.error().message;
            return;
        }
        pdf = stored->content;
    }
    // The cache is for viewing; the stored PDF is the record. A failure here costs the
    // first viewer a database read, nothing more.
    const PdfCacheKey key =
        PdfCacheKey::report(report.id, report.contentVersion(), PdfRenderer::templateVersion());
    if (auto r = LabServices::pdfCache().store(db, key, pdf); !r)
        qCWarning(lcFinalize) << "report" << report.id << "PDF not cached:" << r.error().message;
}

JobOutcome Finalization::succeeded(const Report &report, const QJsonObject &checkpoint)
{
    QJsonObject result{{u"report_id"_s, report.id},
                       {u"protocol_number"_s, report.protocolNumber},
                       {u"revision"_s, report.revision},
                       {u"signed_by"_s, report.signedBy},
                       {u"signer_name"_s, report.signerName},
                       {u"signed_at"_s, report.signedAt.toUTC().toString(Qt::ISODateWithMs)},
                       {u"notify_link"_s, u"report:%1"_s.arg(report.id)}};
    const StoredText title =
        msg(QT_TRANSLATE_NOOP("Finalization", "Report %1 finalized")).arg(report.protocolNumber);
    result.insert(u"notify_title"_s, title.toString());
    result.insert(u"notify_title_msg"_s, title.toJsonObject());
    StoredText summary = msg(QT_TRANSLATE_NOOP("Finalization", "Signed by %1."))
                             .arg(report.signerName.isEmpty() ? report.signedBy : report.signerName);
    // Two sentences, the second about the e-mail (the outbox's words: in the worker's
    // language).
    const auto andThen = [&summary](const StoredText &next) {
        summary = msg(QT_TRANSLATE_NOOP("Finalization", "%1 %2")).arg(summary).arg(next);
    };
    if (checkpoint.contains(u"email_id"_s)) {
        result.insert(u"email_id"_s, checkpoint.value(u"email_id"_s));
        // What the outbox says now: queued (it was queued with the signature, and a
        // drain sends it later, or fails to), or what became of it by a retry.
        const Result<ReportEmail> email = ReportEmail::read(m_ctx.database(), checkpoint);
        if (email && email->kind == ReportEmail::Kind::Email) {
            result.insert(u"email_state"_s, OutboxStates::code(email->email.state));
            andThen(email->text());
        } else {
            if (!email)
                qCWarning(lcFinalize)
                    << "report" << report.id << "e-mail state not read:" << email.error().message;
            andThen(msg(QT_TRANSLATE_NOOP("Finalization", "The e-mail to the client was queued.")));
        }
    } else if (checkpoint.contains(u"email_skipped"_s)) {
        result.insert(u"email_skipped"_s, checkpoint.value(u"email_skipped"_s));
        andThen(checkpoint.value(u"email_skipped"_s).toString());
    }
    result.insert(u"summary"_s, summary.toString());
    result.insert(u"summary_msg"_s, summary.toJsonObject());
    return JobOutcome::success(result);
}

} // namespace

namespace LabTasks::Private {

QCoro::Task<JobOutcome> finalizeReport(JobContext &ctx)
{
    // The state lives in a frame of its own: the coroutine owns it across awaits.
    Finalization finalization(ctx);
    QCoro::Task<JobOutcome> running = finalization.run(); // named: GCC 12 bug 100611
    JobOutcome outcome = co_await running;
    co_return outcome;
}

} // namespace LabTasks::Private
