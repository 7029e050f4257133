#include "ui/pdf/pdfpageview.h"

#include <QGuiApplication>
#include <QPdfDocument>
#include <QPdfPageNavigator>
#include <QPdfPageRenderer>
#include <QScreen>

PdfPageView::PdfPageView(QWidget *parent)
    : QPdfView(parent)
{
    // Continuous pages are taller than the view: a scroll bar that came and went would
    // change the fitted width, and render the first pages twice.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    // QPdfView's private renderer is its direct child; QPdfView connected to it first,
    // so when our slot runs the image is already in QPdfView's page cache and the next
    // paint draws it.
    if (auto *renderer = findChild<QPdfPageRenderer *>(QString(), Qt::FindDirectChildrenOnly)) {
        connect(renderer, &QPdfPageRenderer::pageRendered, this,
                [this](int page, QSize, const QImage &image, QPdfDocumentRenderOptions, quint64) {
                    if (!image.isNull() && !m_rendered.contains(page) && !m_painted.contains(page))
                        m_rendered.append(page);
                });
    }
    connect(this, &QPdfView::documentChanged, this, [this](QPdfDocument *document) {
        forget();
        if (document)
            connect(document, &QPdfDocument::statusChanged, this, [this] { forget(); });
    });
    connect(this, &QPdfView::zoomFactorChanged, this, [this] { forget(); });
    connect(this, &QPdfView::zoomModeChanged, this, [this] { forget(); });
    connect(pageNavigator(), &QPdfPageNavigator::currentPageChanged, this,
            &PdfPageView::effectiveZoomChanged);
    connect(this, &QPdfView::documentChanged, this, [this](QPdfDocument *document) {
        if (document)
            connect(document, &QPdfDocument::statusChanged, this, &PdfPageView::effectiveZoomChanged);
    });
}

void PdfPageView::resizeEvent(QResizeEvent *event)
{
    QPdfView::resizeEvent(event);
    if (zoomMode() != ZoomMode::Custom)
        Q_EMIT effectiveZoomChanged();
}

void PdfPageView::forget()
{
    m_rendered.clear();
    m_painted.clear();
}

qreal PdfPageView::effectiveZoom() const
{
    const QPdfDocument *doc = document();
    if (zoomMode() == ZoomMode::Custom || !doc || doc->status() != QPdfDocument::Status::Ready ||
        doc->pageCount() == 0)
        return zoomFactor();
    // The same arithmetic as QPdfView's layout: the page at the screen's logical
    // resolution, scaled to the viewport less the document margins.
    const qreal screen = QGuiApplication::primaryScreen()->logicalDotsPerInch() / 72.0;
    const QSizeF page = doc->pagePointSize(pageNavigator()->currentPage()) * screen;
    if (page.isEmpty())
        return zoomFactor();
    const QMargins m = documentMargins();
    const qreal byWidth = qreal(viewport()->width() - m.left() - m.right()) / page.width();
    if (zoomMode() == ZoomMode::FitToWidth)
        return byWidth;
    const qreal byHeight = qreal(viewport()->height() - pageSpacing()) / page.height();
    return qMin(byWidth, byHeight);
}

void PdfPageView::paintEvent(QPaintEvent *event)
{
    QPdfView::paintEvent(event);
    if (m_rendered.isEmpty())
        return;
    const QList<int> pages = std::exchange(m_rendered, {});
    for (int page : pages) {
        m_painted.append(page);
        Q_EMIT pagePainted(page);
    }
}
