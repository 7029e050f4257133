#pragma once

#include "tasks/pdf/pdfpage_p.h"

#include <QCoreApplication>
#include <QStringList>

class PdfFontMetrics;

// What the header and footer of every page show.
struct PdfPageFrame
{
    QString labName;
    QString labContact;   // address and phone, one line
    QString protocolLine; // "Protocol P-… · Client … · Species / animal …"
    QString footerLeft;   // "Protocol P-…"
    QString watermark;    // non-empty: drawn diagonally on every page ("DRAFT")
};

// Lays text out onto A4 pages: a cursor that runs down the body of the current page,
// measuring, wrapping and eliding text with PdfFontMetrics (table look-ups for simple
// text, QFontMetricsF otherwise), and opening new pages as needed. decorate() then adds
// the header and footer to every page, once the number of pages is known ("Page x of
// y"): paginate first, then paint (PdfDocumentWriter).
//
// All positions are in points from the page's top left. Thread contract: one flow per
// rendering call, on the rendering thread; it holds no painter and no paint device.
//
//   PdfPageFlow flow;
//   flow.addText(PdfPageFlow::Left, flow.y() + 12, PdfStyle::Title, tr("Work order"));
//   flow.advance(20);
//   flow.addParagraphs(notes, PdfStyle::Paragraph, 13);
//   flow.decorate(frame);
//   const QList<PdfPage> pages = flow.takePages();
class PdfPageFlow
{
    Q_DECLARE_TR_FUNCTIONS(PdfPageFlow)
public:
    // A4 portrait, in points. The body runs from BodyTop to BodyBottom; the page header
    // sits above it, the footer below.
    static constexpr qreal PageWidth = 595;
    static constexpr qreal PageHeight = 842;
    static constexpr qreal Left = 42;
    static constexpr qreal Right = PageWidth - 42;
    static constexpr qreal ContentWidth = Right - Left;
    static constexpr qreal BodyTop = 84;
    static constexpr qreal BodyBottom = 786;

    PdfPageFlow();

    qreal y() const { return m_y; }
    void advance(qreal dy) { m_y += dy; }
    // True when `height` more points fit on the current page's body.
    bool fits(qreal height) const { return m_y + height <= BodyBottom + 0.001; }
    void newPage();
    int pageCount() const { return int(m_pages.size()); }

    void addText(qreal x, qreal baseline, PdfStyle style, const QString &text);
    void addTextRight(qreal right, qreal baseline, PdfStyle style, const QString &text);
    void addFill(const QRectF &rect, QRgb color);
    void addRule(qreal x1, qreal y1, qreal x2, qreal y2, QRgb color, qreal width);

    // The baseline that centres one line of `style` in a box of `height` starting at `top`.
    qreal baselineIn(qreal top, qreal height, PdfStyle style) const;
    // `text` on one line: line breaks and tabs become spaces, other controls go.
    static QString singleLine(const QString &text);

    qreal width(QStringView text, PdfStyle style) const;
    // Greedy word wrap into lines of at most `width`; words longer than a line are cut.
    // With maxLines > 0, the last line is elided ("…") when text remains.
    QStringList wrap(QStringView text, PdfStyle style, qreal width, int maxLines = 0) const;
    // The same; a text that fits is returned as it is (shared, not copied).
    QStringList wrap(const QString &text, PdfStyle style, qreal width, int maxLines = 0) const;
    QString elide(QStringView text, PdfStyle style, qreal width) const;

    // Wrapped paragraphs ('\n' separates them) over the full content width, line by
    // line, opening pages as needed.
    void addParagraphs(const QString &text, PdfStyle style, qreal lineHeight, qreal paragraphGap);

    // Header and footer (and the watermark) on every page.
    void decorate(const PdfPageFrame &frame);
    QList<PdfPage> takePages() { return std::move(m_pages); }

private:
    qreal fallbackWidth(QStringView text, PdfStyle style) const;
    // `text` shortened as needed to end in "…" within `maxWidth`.
    QString cut(QStringView text, PdfStyle style, qreal maxWidth) const;
    void appendWrapped(QStringList &lines, QStringView word, PdfStyle style, qreal width, QString &line,
                       qreal &lineWidth) const;

    const PdfFontMetrics &m_metrics;
    QList<PdfPage> m_pages;
    qreal m_y = BodyTop;
};
