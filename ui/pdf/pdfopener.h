#pragma once

#include "tasks/pdf/pdfcache.h"
#include "ui/pdf/pdfviewerwindow.h" // complete for the signal's metatype

#include <QCoroTask>
#include <QObject>
#include <QPointer>

class DbExecutor;
class QThreadPool;
class QWidget;

// The "open PDF" path of the window: shows the PDF of an entity in a new viewer window,
// from the cache when it is there (no rendering: the local disk, else the shared copy
// in the database), else rendered by the caller's render function on a CPU pool and
// stored for everyone. The GUI thread only awaits: the lookup runs on the executor's
// read pool, the rendering (and its store) on `renderPool`.
//
// Thread and lifetime contract: GUI thread only; owned by the window or page that opens
// PDFs; the executor, the cache and the pool outlive it (the composition root owns
// them). open() may outlive the opener: it checks after every await.
//
//   PdfOpener opener(executor, cache, cpuPool, this);
//   connect(&opener, &PdfOpener::failed, this, [this](const QString &message) { ... });
//   const PdfCacheKey key = PdfCacheKey::workOrder(order.id, order.version, WorkOrderPdf::templateVersion());
//   opener.open(key, [order] { return WorkOrderPdf::render(order); }, tr("Work order %1").arg(order.number),
//   this);
class PdfOpener : public QObject
{
    Q_OBJECT
public:
    // `renderPool` null: QThreadPool::globalInstance().
    PdfOpener(DbExecutor &executor, PdfCache &cache, QThreadPool *renderPool = nullptr,
              QObject *parent = nullptr);

    // Opens a viewer window (deleted on close) on the PDF for `key`; `render` makes the
    // PDF on a miss and runs on the render pool with values it captured (never touch
    // widgets in it). Returns the window; null if the rendering failed (failed() says
    // why) or if the opener or `parent` went away meanwhile.
    QCoro::Task<PdfViewerWindow *> open(PdfCacheKey key, PdfCache::RenderFunction render, QString title,
                                        QPointer<QWidget> parent = {});

Q_SIGNALS:
    // The PDF could not be shown; `message` is translated and names the document.
    void failed(const QString &message);
    // A window was opened; `source` says where the PDF came from.
    void opened(PdfViewerWindow *window, PdfCacheEntry::Source source);

private:
    DbExecutor &m_executor;
    PdfCache &m_cache;
    QThreadPool *m_renderPool;
};
