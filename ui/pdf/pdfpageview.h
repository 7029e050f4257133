#pragma once

#include <QPdfView>

// QPdfView that says when a page image has actually been painted. QPdfView (Qt 6.4)
// renders pages asynchronously: its first paint after a document loads fills white
// rectangles and asks its QPdfPageRenderer (multi-threaded mode: a worker thread) for
// the visible pages; each rendered image arrives later through pageRendered() and
// triggers another paint, which draws it. pagePainted() is emitted after that second
// kind of paint, once per rendered page, so tests and benchmarks can wait for real
// content instead of a blank page.
//
// GUI thread only; owned by its parent widget like any QPdfView.
//
//   auto *view = new PdfPageView(this);
//   connect(view, &PdfPageView::pagePainted, this, [](int page) { ... });
class PdfPageView : public QPdfView
{
    Q_OBJECT
public:
    explicit PdfPageView(QWidget *parent = nullptr);

    // The zoom in effect: zoomFactor() in Custom mode, the fitted factor otherwise, in
    // QPdfView's unit (1.0 shows the page at its real size on the screen's logical
    // resolution).
    qreal effectiveZoom() const;
    // How many page images have been painted since the last document change.
    int paintedPageCount() const { return int(m_painted.size()); }

Q_SIGNALS:
    // A page's rendered image was painted for the first time since the document (or the
    // zoom) changed; `page` is 0-based.
    void pagePainted(int page);
    // effectiveZoom() may have changed: the view was resized, or another page (of another
    // size) became current, while fitting the width or the page.
    void effectiveZoomChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void forget();

    QList<int> m_rendered; // rendered, not painted yet
    QList<int> m_painted;
};
