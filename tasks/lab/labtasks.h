#pragma once

#include "tasks/pdf/reportdocument.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>

class TaskRegistry;

// The lab's task kinds, registered from tasks/taskcatalog.cpp. Both follow the rule of
// tasks/taskregistry.h; their PDFs are rendered on the engine's CPU pool
// (JobContext::runCpu), never on the runner thread; PDFs go to the process's cache
// (LabServices::pdfCache()).
//
// report.finalize {report_id} — queued together with the report's hold by
// ReportFinalizer::enqueue (never enqueue it by hand). It reads the report, its
// protocol and client, renders the signed PDF (signer: the job's creator; signed time:
// the first attempt's clock, kept in the checkpoint so that every retry signs the same
// time), then in ONE transaction with its checkpoint: ReportRepository::completeFinalize
// (stores the PDF, signs, finalizes the protocol, supersedes the amended revision) and
// the e-mail to the client with the PDF attached (outbox, dedupe key
// "report-finalized/<report id>"; a client without an e-mail address is skipped with the
// reason in the result, the checkpoint and the audit trail). Afterwards the PDF goes to
// the cache (key PdfCacheKey::report(id, version, template)), so the first view is
// instant. The creator's notification reads "Report P-… finalized" and links to
// "report:<id>"; its text says who signed and what the outbox says of the e-mail at the
// job's end (ReportEmail: "E-mail to … queued." — queued is not sent; the report's
// window follows it on). A retry never finalizes or e-mails twice (completeFinalize and the
// outbox are idempotent for the job; a retry after the commit only refills the cache).
// A failure without retries left, or a person's cancel, releases the hold
// (abortFinalize): the report is a draft again and the job's error says why. A retried
// job (Jobs ▸ Retry) takes the hold again if the report is still a free draft.
// Result: report_id, protocol_number, revision, signed_by, signed_at, email_id and
// email_state (queued, sending, sent, failed, uncertain) or email_skipped, summary,
// notify_title, notify_link.
//
// workorder.prerender {work_order_id, version} — renders the work order's PDF into the
// cache (PdfCache::getOrRender on the CPU pool) so that opening it is a cache hit.
// Queued by WorkOrderService with every change. A job for a version that is no longer
// current is skipped as a success ({"skipped": "stale"}); a version already in the
// cache is not rendered again.
namespace LabTasks {
inline constexpr int kFinalizeMaxAttempts = 3;
inline constexpr int kPrerenderMaxAttempts = 3;

void registerAll(TaskRegistry &registry);

// Seams for tests of report.finalize: the real behaviour when empty. Set them before an
// engine starts and clear them after it stopped (they are read by runner threads).
struct InjectedFailure
{
    QString error;
    bool retryable = true;
};
struct FinalizeHooks
{
    // Replaces PdfRenderer::renderReport; runs where the renderer would (the CPU pool).
    std::function<QByteArray(const ReportDocument &)> render;
    // Called on the runner thread at "start" (sources read, nothing rendered),
    // "rendered" (before the completion transaction), "completed" (inside it, after
    // every write, before the commit: a failure here rolls all of it back) and
    // "committed" (after the commit, before the job ends). A value fails the attempt
    // there.
    std::function<std::optional<InjectedFailure>(const QString &point, int attempt)> failAt;
};
void setFinalizeHooks(FinalizeHooks hooks);
} // namespace LabTasks
