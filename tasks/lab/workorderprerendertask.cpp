// The workorder.prerender task (see labtasks.h for its contract).
#include "tasks/jobcontext.h"
#include "tasks/lab/labdocuments.h"
#include "tasks/lab/labservices.h"
#include "tasks/lab/labtasks_p.h"
#include "tasks/pdf/pdfcache.h"
#include "tasks/pdf/pdfrenderer.h"

#include <QCoroFuture>

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("LabTasks", text);
}

// A message to store (a job's error or progress, a notification, a title), translated
// where it is shown; the source text is marked with QT_TRANSLATE_NOOP("LabTasks", …).
StoredText msg(const char *text, int n = -1)
{
    return StoredText("LabTasks", text, n);
}
} // namespace

namespace LabTasks::Private {

QCoro::Task<JobOutcome> prerenderWorkOrder(JobContext &ctx)
{
    const qint64 id = ctx.payload().value(u"work_order_id"_s).toInteger();
    const int version = ctx.payload().value(u"version"_s).toInt();
    if (id <= 0 || version <= 0)
        co_return JobOutcome::failure(
            msg(QT_TRANSLATE_NOOP("LabTasks", "The job does not name a work order and its version.")), false);
    if (ctx.isCancelled())
        co_return JobOutcome::cancelled();

    // Idempotent by itself: the cache is keyed by what produced the PDF, so a re-run
    // finds it there and renders nothing.
    Database &db = ctx.database();
    const Result<LabDocuments::WorkOrderSources> sources = LabDocuments::loadWorkOrder(db, id);
    if (!sources) {
        if (sources.error().code == DbError::Code::NotFound)
            co_return JobOutcome::success(
                {{u"skipped"_s, u"deleted"_s}, {u"summary"_s, tr("The work order no longer exists.")}});
        co_return JobOutcome::failure(sources.error().message, true);
    }
    const int current = sources->order.contentVersion();
    if (current != version) {
        // Changed again since this job was queued: the job for the newer version renders it.
        co_return JobOutcome::success(
            {{u"skipped"_s, u"stale"_s},
             {u"version"_s, version},
             {u"current_version"_s, current},
             {u"summary"_s,
              tr("Version %1 is no longer current (now %2); nothing rendered.").arg(version).arg(current)}});
    }
    const PdfCacheKey key = PdfCacheKey::workOrder(id, version, PdfRenderer::templateVersion());
    const WorkOrderDocument doc =
        LabDocuments::workOrderDocument(sources->order, sources->protocol, sources->client);
    PdfCache *cache = &LabServices::pdfCache();
    // The lookup and the rendering on the CPU pool (that thread's own connection, as
    // PdfCache::getOrRender documents); the runner thread only waits.
    auto future = ctx.runCpu([cache, &db, key, doc] {
        return cache->getOrRender(db, key, [doc] { return PdfRenderer::renderWorkOrder(doc); });
    });
    const Result<PdfCacheEntry> made = co_await future; // named future: GCC 12 bug 100611
    if (!made)
        co_return JobOutcome::failure(made.error().message, true);
    const bool rendered = made->source == PdfCacheEntry::Source::Rendered;
    co_return JobOutcome::success(
        {{u"work_order_id"_s, id},
         {u"version"_s, version},
         {u"rendered"_s, rendered},
         {u"size"_s, made->size()},
         {u"summary"_s, rendered
                            ? tr("Work order %1 rendered.").arg(sources->order.protocolNumber)
                            : tr("Work order %1 was already prepared.").arg(sources->order.protocolNumber)}});
}

} // namespace LabTasks::Private
