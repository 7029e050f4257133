#include "tasks/pdf/pdfpageflow_p.h"

#include "tasks/pdf/pdffontmetrics_p.h"

#include <QFont>
#include <QFontMetricsF>

using namespace Qt::StringLiterals;

namespace {

constexpr QRgb kAccent = 0xff1f3a5f;
constexpr QRgb kRuleGrey = 0xffb0b0b0;
constexpr char16_t kEllipsis = u'\u2026';

} // namespace

PdfPageFlow::PdfPageFlow()
    : m_metrics(PdfFontMetrics::instance())
{
    m_pages.append(PdfPage{});
}

void PdfPageFlow::newPage()
{
    m_pages.append(PdfPage{});
    m_y = BodyTop;
}

void PdfPageFlow::addText(qreal x, qreal baseline, PdfStyle style, const QString &text)
{
    if (text.isEmpty())
        return;
    m_pages.last().texts.append(PdfTextItem{x, baseline, style, m_metrics.isSimple(text), text});
}

void PdfPageFlow::addTextRight(qreal right, qreal baseline, PdfStyle style, const QString &text)
{
    addText(right - width(text, style), baseline, style, text);
}

void PdfPageFlow::addFill(const QRectF &rect, QRgb color)
{
    m_pages.last().fills.append(PdfFill{rect, color});
}

void PdfPageFlow::addRule(qreal x1, qreal y1, qreal x2, qreal y2, QRgb color, qreal width)
{
    m_pages.last().rules.append(PdfRule{x1, y1, x2, y2, color, width});
}

qreal PdfPageFlow::baselineIn(qreal top, qreal height, PdfStyle style) const
{
    const qreal size = pdfStyleSpec(style).size;
    const qreal ascent = m_metrics.ascent(size);
    const qreal descent = m_metrics.descent(size);
    return top + (height - ascent - descent) / 2 + ascent;
}

QString PdfPageFlow::singleLine(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            out += u' ';
        else if (c.unicode() >= 0x20 || c.isHighSurrogate() || c.isLowSurrogate())
            out += c;
    }
    return out;
}

qreal PdfPageFlow::width(QStringView text, PdfStyle style) const
{
    if (m_metrics.isSimple(text))
        return m_metrics.width(text, pdfStyleSpec(style).size);
    return fallbackWidth(text, style);
}

qreal PdfPageFlow::fallbackWidth(QStringView text, PdfStyle style) const
{
    // The same family as PdfDocumentWriter paints such text with, measured at a large
    // pixel size (so that whole-pixel rounding does not matter) and scaled to the style.
    constexpr int kReferencePixels = 1000;
    QFont font(PdfFontMetrics::family());
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setPixelSize(kReferencePixels);
    const QFontMetricsF metrics(font);
    return metrics.horizontalAdvance(text.toString()) * pdfStyleSpec(style).size / kReferencePixels;
}

QString PdfPageFlow::elide(QStringView text, PdfStyle style, qreal maxWidth) const
{
    if (width(text, style) <= maxWidth)
        return text.toString();
    return cut(text, style, maxWidth);
}

QString PdfPageFlow::cut(QStringView text, PdfStyle style, qreal maxWidth) const
{
    qreal w = width(text, style);
    const qreal ellipsis = width(QStringView(&kEllipsis, 1), style);
    const bool simple = m_metrics.isSimple(text);
    const qreal size = pdfStyleSpec(style).size;
    qsizetype n = text.size();
    while (n > 0 && w + ellipsis > maxWidth) {
        --n;
        if (n > 0 && text.at(n).isLowSurrogate() && text.at(n - 1).isHighSurrogate())
            --n;
        w = simple ? w - m_metrics.advance(m_metrics.glyph(text.at(n).unicode()), size)
                   : width(text.first(n), style);
    }
    return text.first(n).trimmed().toString() + QChar(kEllipsis);
}

void PdfPageFlow::appendWrapped(QStringList &lines, QStringView word, PdfStyle style, qreal maxWidth,
                                QString &line, qreal &lineWidth) const
{
    // A word wider than a line: cut it where the line is full.
    qsizetype start = 0;
    while (start < word.size()) {
        qsizetype end = start + 1;
        qreal w = width(word.sliced(start, 1), style);
        while (end < word.size()) {
            qsizetype next = end + 1;
            if (word.at(end).isHighSurrogate() && next < word.size())
                ++next;
            const qreal nw = width(word.sliced(start, next - start), style);
            if (nw > maxWidth)
                break;
            w = nw;
            end = next;
        }
        line = word.sliced(start, end - start).toString();
        lineWidth = w;
        start = end;
        if (start < word.size()) {
            lines.append(line);
            line.clear();
            lineWidth = 0;
        }
    }
}

QStringList PdfPageFlow::wrap(const QString &text, PdfStyle style, qreal maxWidth, int maxLines) const
{
    const bool trimmed = text.isEmpty() || (!text.front().isSpace() && !text.back().isSpace());
    if (trimmed && width(text, style) <= maxWidth)
        return QStringList{text};
    return wrap(QStringView(text), style, maxWidth, maxLines);
}

QStringList PdfPageFlow::wrap(QStringView text, PdfStyle style, qreal maxWidth, int maxLines) const
{
    QStringList lines;
    if (width(text, style) <= maxWidth) { // the common case: it fits
        lines.append(text.trimmed().toString());
        return lines;
    }
    const qreal space = width(u" ", style);
    QString line;
    qreal lineWidth = 0;
    for (const QStringView word : text.tokenize(u' ', Qt::SkipEmptyParts)) {
        const qreal w = width(word, style);
        if (!line.isEmpty() && lineWidth + space + w <= maxWidth) {
            line += u' ';
            line += word;
            lineWidth += space + w;
            continue;
        }
        if (!line.isEmpty()) {
            lines.append(line);
            line.clear();
            lineWidth = 0;
        }
        if (w <= maxWidth) {
            line = word.toString();
            lineWidth = w;
        } else {
            appendWrapped(lines, word, style, maxWidth, line, lineWidth);
        }
    }
    if (!line.isEmpty())
        lines.append(line);
    if (maxLines > 0 && lines.size() > maxLines) {
        // Keep maxLines lines; the last one ends in "…": text was left out.
        lines.resize(maxLines);
        lines.last() = cut(lines.last(), style, maxWidth);
    }
    return lines;
}

void PdfPageFlow::addParagraphs(const QString &text, PdfStyle style, qreal lineHeight, qreal paragraphGap)
{
    const QStringList paragraphs = text.split(u'\n');
    bool first = true;
    for (const QString &paragraph : paragraphs) {
        const QString clean = singleLine(paragraph).trimmed();
        if (clean.isEmpty())
            continue;
        if (!first)
            m_y += paragraphGap;
        first = false;
        const QStringList lines = wrap(clean, style, ContentWidth);
        for (const QString &line : lines) {
            if (!fits(lineHeight))
                newPage();
            addText(Left, baselineIn(m_y, lineHeight, style), style, line);
            m_y += lineHeight;
        }
    }
}

void PdfPageFlow::decorate(const PdfPageFrame &frame)
{
    const int total = int(m_pages.size());
    const QString labName = elide(singleLine(frame.labName), PdfStyle::LabName, ContentWidth * 0.55);
    const qreal contactWidth = ContentWidth - width(labName, PdfStyle::LabName) - 16;
    const QString contact = elide(singleLine(frame.labContact), PdfStyle::Label, contactWidth);
    const QString protocolLine = elide(singleLine(frame.protocolLine), PdfStyle::HeaderInfo, ContentWidth);
    const QString footerLeft = elide(singleLine(frame.footerLeft), PdfStyle::Label, ContentWidth * 0.6);
    const QString pageOf = tr("Page %1 of %2");
    const QString watermark = elide(singleLine(frame.watermark), PdfStyle::Notice, ContentWidth * 0.3);
    for (int i = 0; i < total; ++i) {
        PdfPage &page = m_pages[i];
        // Appended to the page's own lists (decorations need no cursor).
        const auto text = [this, &page](qreal x, qreal baseline, PdfStyle style, const QString &s) {
            if (!s.isEmpty())
                page.texts.append(PdfTextItem{x, baseline, style, m_metrics.isSimple(s), s});
        };
        text(Left, 52, PdfStyle::LabName, labName);
        text(Right - width(contact, PdfStyle::Label), 52, PdfStyle::Label, contact);
        text(Left, 69, PdfStyle::HeaderInfo, protocolLine);
        page.rules.append(PdfRule{Left, 75, Right, 75, kAccent, 0.8});
        page.rules.append(PdfRule{Left, 798, Right, 798, kRuleGrey, 0.5});
        text(Left, 811, PdfStyle::Label, footerLeft);
        const QString pageText = pageOf.arg(i + 1).arg(total);
        text(Right - width(pageText, PdfStyle::Label), 811, PdfStyle::Label, pageText);
        if (!frame.watermark.isEmpty()) {
            // Also as text, for readers of the text (the diagonal one is outlines).
            text((Left + Right - width(watermark, PdfStyle::Notice)) / 2, 811, PdfStyle::Notice, watermark);
            page.watermark = frame.watermark;
        }
    }
}
