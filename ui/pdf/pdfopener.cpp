#include "ui/pdf/pdfopener.h"

#include "models/db/dbexecutor.h"
#include "ui/pdf/pdfviewerwindow.h"

#include <QCoroFuture>
#include <QLoggingCategory>
#include <QThreadPool>

Q_LOGGING_CATEGORY(lcPdfOpener, "residesk.ui.pdfopener")

PdfOpener::PdfOpener(DbExecutor &executor, PdfCache &cache, QThreadPool *renderPool, QObject *parent)
    : QObject(parent)
    , m_executor(executor)
    , m_cache(cache)
    , m_renderPool(renderPool ? renderPool : QThreadPool::globalInstance())
{}

QCoro::Task<PdfViewerWindow *> PdfOpener::open(PdfCacheKey key, PdfCache::RenderFunction render,
                                               QString title, QPointer<QWidget> parent)
{
    QPointer<PdfOpener> self(this);
    const bool hadParent = !parent.isNull();
    PdfCache &cache = m_cache;
    // Named locals, not temporaries: GCC 12 destroys temporaries of a co_await
    // full-expression twice (GCC bug 100611).
    auto lookup = cache.lookupAsync(m_executor, key);
    Result<std::optional<PdfCacheEntry>> found = co_await lookup;
    if (!self || (hadParent && !parent))
        co_return nullptr;
    PdfCacheEntry entry;
    if (found && found.value()) {
        entry = std::move(*found.value());
    } else {
        if (!found)
            qCWarning(lcPdfOpener) << "lookup of" << key.toString() << "failed:" << found.error().message;
        // getOrRender() asks the cache again on the render pool (another thread may have
        // stored it meanwhile) and keeps what it renders.
        auto rendering = cache.getOrRenderAsync(m_executor.database(), m_renderPool, key, std::move(render));
        const Result<PdfCacheEntry> made = co_await rendering;
        if (!self || (hadParent && !parent))
            co_return nullptr;
        if (!made) {
            Q_EMIT failed(tr("%1 cannot be shown: %2").arg(title, made.error().message));
            co_return nullptr;
        }
        entry = made.value();
    }
    PdfViewerWindow *window = PdfViewerWindow::openBytes(entry.bytes, title, parent);
    if (!window->hasDocument()) {
        Q_EMIT failed(tr("%1 cannot be shown: %2").arg(title, window->errorText()));
        co_return window; // it shows why, too
    }
    Q_EMIT opened(window, entry.source);
    co_return window;
}
