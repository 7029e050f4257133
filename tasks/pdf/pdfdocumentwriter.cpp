#include "tasks/pdf/pdfdocumentwriter_p.h"

#include "tasks/pdf/pdffontmetrics_p.h"
#include "tasks/pdf/pdfpageflow_p.h"

#include <QBuffer>
#include <QFont>
#include <QGlyphRun>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QRawFont>
#include <QRegularExpression>

#include <array>
#include <cmath>
#include <cstdio>
#include <optional>

namespace {

constexpr int kStyleCount = int(PdfStyle::Count);
// Device units per point (the writer's resolution is 72 * kScale dpi). Glyph positions
// are rounded to whole device units: QPdfEngine writes one "dx dy Td <glyph> Tj" per
// glyph, and whole numbers print as "55" where fractions print as "5.53125000": a third
// less content stream to format and compress, at a precision of 1/10 pt.
constexpr qreal kScale = 10;

// The fonts of one document, made on the painting thread (QRawFont and QFont engines
// belong to the thread that made them). One raw font per size, all of one face: the
// PDF embeds one font subset.
class DocumentFonts
{
public:
    bool init()
    {
        // Glyph indexes come from PdfFontMetrics: paint with exactly the face they were
        // read from (or its unhinted copy), never with a substitute.
        const PdfFontMetrics &metrics = PdfFontMetrics::instance();
        m_base = rawFont(metrics.paintFamily());
        if (m_base.familyName() != metrics.paintFamily())
            m_base = rawFont(PdfFontMetrics::family());
        return m_base.isValid() && (m_base.familyName() == metrics.paintFamily() ||
                                    m_base.familyName() == metrics.resolvedFamily());
    }

    const QRawFont &raw(PdfStyle style)
    {
        std::optional<QRawFont> &slot = m_raw[size_t(style)];
        if (!slot) {
            slot = m_base;
            slot->setPixelSize(pdfStyleSpec(style).size * kScale);
        }
        return *slot;
    }

    const QFont &font(PdfStyle style)
    {
        std::optional<QFont> &slot = m_fonts[size_t(style)];
        if (!slot) {
            slot.emplace(PdfFontMetrics::family());
            slot->setHintingPreference(QFont::PreferNoHinting);
            slot->setPointSizeF(pdfStyleSpec(style).size); // resolved for the writer's resolution
        }
        return *slot;
    }

private:
    static QRawFont rawFont(const QString &family)
    {
        QFont font(family);
        font.setHintingPreference(QFont::PreferNoHinting);
        font.setPixelSize(64);
        return QRawFont::fromFont(font);
    }

    QRawFont m_base;
    std::array<std::optional<QRawFont>, kStyleCount> m_raw;
    std::array<std::optional<QFont>, kStyleCount> m_fonts;
};

class PagePainter
{
public:
    PagePainter(QPainter &painter, DocumentFonts &fonts)
        : m_painter(painter)
        , m_fonts(fonts)
        , m_metrics(PdfFontMetrics::instance())
    {}

    void paint(const PdfPage &page)
    {
        m_painter.setPen(Qt::NoPen);
        for (const PdfFill &fill : page.fills) {
            const QRectF &r = fill.rect;
            m_painter.fillRect(
                QRectF(r.x() * kScale, r.y() * kScale, r.width() * kScale, r.height() * kScale),
                QColor::fromRgba(fill.color));
        }
        if (!page.watermark.isEmpty())
            paintWatermark(page.watermark);
        for (const PdfRule &rule : page.rules) {
            m_painter.setPen(QPen(QColor::fromRgba(rule.color), rule.width * kScale));
            m_painter.drawLine(QPointF(rule.x1 * kScale, rule.y1 * kScale),
                               QPointF(rule.x2 * kScale, rule.y2 * kScale));
        }
        paintTexts(page.texts);
    }

private:
    void paintWatermark(const QString &text)
    {
        // Outlines, not text: diagonal glyphs would be read by text extraction in between
        // the table's rows. (The footer says DRAFT as text.) The path is made once per
        // document.
        if (m_watermarkText != text) {
            m_watermarkText = text;
            m_watermark = QPainterPath();
            const PdfStyle style = PdfStyle::Watermark;
            const qreal size = pdfStyleSpec(style).size * kScale;
            if (m_metrics.isSimple(text)) {
                const QRawFont &raw = m_fonts.raw(style);
                qreal x = 0;
                for (const QChar c : text) {
                    const quint16 glyph = m_metrics.glyph(c.unicode());
                    m_watermark.addPath(raw.pathForGlyph(glyph).translated(x, 0));
                    x += m_metrics.advance(glyph, size);
                }
            } else {
                QFont font = m_fonts.font(style);
                font.setPixelSize(qRound(size));
                m_watermark.addText(QPointF(0, 0), font, text);
            }
            const QRectF box = m_watermark.boundingRect();
            m_watermark.translate(-box.center());
        }
        m_painter.save();
        m_painter.translate(PdfPageFlow::PageWidth / 2 * kScale, PdfPageFlow::PageHeight / 2 * kScale);
        m_painter.rotate(-55);
        m_painter.fillPath(m_watermark, QColor::fromRgba(pdfStyleSpec(PdfStyle::Watermark).color));
        m_painter.restore();
    }

    void paintTexts(const QList<PdfTextItem> &texts)
    {
        // One glyph run per style: a page of a results table is one drawGlyphRun() call
        // for its cells instead of a thousand drawText() calls.
        std::array<bool, kStyleCount> used{};
        for (const PdfTextItem &item : texts)
            used[size_t(item.style)] = true;
        for (int s = 0; s < kStyleCount; ++s) {
            if (!used[size_t(s)])
                continue;
            const PdfStyle style = PdfStyle(s);
            const qreal size = pdfStyleSpec(style).size;
            m_glyphs.clear();
            m_positions.clear();
            for (const PdfTextItem &item : texts) {
                if (item.style != style)
                    continue;
                if (item.simple)
                    appendGlyphs(item, size);
                else
                    m_fallback.append(&item);
            }
            if (!m_glyphs.isEmpty())
                drawRun(style);
        }
        for (const PdfTextItem *item : std::as_const(m_fallback))
            drawFallback(*item);
        m_fallback.clear();
    }

    void appendGlyphs(const PdfTextItem &item, qreal size)
    {
        qreal x = item.x * kScale;
        const qreal y = std::round(item.baseline * kScale);
        const qreal deviceSize = size * kScale;
        for (const QChar c : item.text) {
            const quint16 glyph = m_metrics.glyph(c.unicode());
            // Spaces are painted too, although they draw nothing: text extraction
            // (pdftotext, copy and paste) reads a gap as a space only when it is wide
            // enough for its taste ("≥ 8" came out as "≥8").
            m_glyphs.append(glyph);
            m_positions.append(QPointF(std::round(x), y));
            x += m_metrics.advance(glyph, deviceSize);
        }
    }

    void drawRun(PdfStyle style)
    {
        QGlyphRun run;
        run.setRawFont(m_fonts.raw(style));
        run.setRawData(m_glyphs.constData(), m_positions.constData(), int(m_glyphs.size()));
        m_painter.setPen(QColor::fromRgba(pdfStyleSpec(style).color));
        m_painter.drawGlyphRun(QPointF(0, 0), run);
    }

    void drawFallback(const PdfTextItem &item)
    {
        m_painter.setPen(QColor::fromRgba(pdfStyleSpec(item.style).color));
        m_painter.setFont(m_fonts.font(item.style));
        m_painter.drawText(QPointF(item.x * kScale, item.baseline * kScale), item.text);
    }

    QPainter &m_painter;
    DocumentFonts &m_fonts;
    const PdfFontMetrics &m_metrics;
    QList<quint32> m_glyphs;
    QList<QPointF> m_positions;
    QList<const PdfTextItem *> m_fallback;
    QString m_watermarkText;
    QPainterPath m_watermark;
};

} // namespace

QByteArray PdfDocumentWriter::write(const QList<PdfPage> &pages, const PdfMetadata &metadata)
{
    if (!PdfFontMetrics::instance().isValid())
        return {};
    DocumentFonts fonts;
    if (!fonts.init())
        return {};
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setResolution(int(72 * kScale));
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Point);
        writer.setTitle(metadata.title);
        writer.setCreator(metadata.creator);
        QPainter painter;
        if (!painter.begin(&writer))
            return {};
        PagePainter pagePainter(painter, fonts);
        for (qsizetype i = 0; i < pages.size(); ++i) {
            if (i > 0)
                writer.newPage();
            pagePainter.paint(pages.at(i));
        }
        if (!painter.end())
            return {};
    }
    return withInfo(bytes, metadata);
}

namespace {

// A PDF text string: UTF-16BE with a byte order mark, in hex (no escaping needed).
QByteArray pdfTextString(const QString &text)
{
    QByteArray out("<FEFF");
    out.reserve(6 + text.size() * 4);
    for (const QChar c : text) {
        char hex[5];
        std::snprintf(hex, sizeof hex, "%04X", unsigned(c.unicode()));
        out.append(hex, 4);
    }
    out.append('>');
    return out;
}

} // namespace

QByteArray PdfDocumentWriter::withInfo(const QByteArray &pdf, const PdfMetadata &metadata)
{
    // The trailer Qt wrote: "trailer << /Size n /Info i 0 R /Root r 0 R >> startxref x".
    const QByteArrayView tail = QByteArrayView(pdf).last(qMin<qsizetype>(pdf.size(), 512));
    static const QRegularExpression trailerPattern(
        QStringLiteral(
            "trailer\\s*<<.*?/Size\\s+(\\d+).*?/Info\\s+(\\d+)\\s+0\\s+R.*?/Root\\s+(\\d+)\\s+0\\s+R.*?>>"
            "\\s*startxref\\s+(\\d+)\\s+%%EOF\\s*$"),
        QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch trailer = trailerPattern.match(QString::fromLatin1(tail));
    if (!trailer.hasMatch())
        return pdf;
    static const QRegularExpression datePattern(QStringLiteral("/CreationDate\\s*\\((D:[0-9Z+\\-']+)\\)"));
    const QRegularExpressionMatch date =
        datePattern.match(QString::fromLatin1(QByteArrayView(pdf).first(qMin<qsizetype>(pdf.size(), 2048))));

    // Standard incremental update: the Info object again, with the same number, then a
    // cross-reference section for it and a trailer that points back to the first.
    QByteArray out = pdf;
    if (!out.endsWith('\n'))
        out.append('\n');
    const QByteArray infoNumber = trailer.captured(2).toLatin1();
    const qsizetype infoOffset = out.size();
    out += infoNumber + " 0 obj\n<<\n/Title " + pdfTextString(metadata.title) + "\n/Author " +
           pdfTextString(metadata.author) + "\n/Creator " + pdfTextString(metadata.creator) + "\n/Producer " +
           pdfTextString(QStringLiteral("Qt ") + QString::fromLatin1(qVersion()));
    if (date.hasMatch())
        out += "\n/CreationDate (" + date.captured(1).toLatin1() + ')';
    out += "\n>>\nendobj\n";
    const qsizetype xrefOffset = out.size();
    char entry[21];
    std::snprintf(entry, sizeof entry, "%010lld 00000 n \n", static_cast<long long>(infoOffset));
    out += "xref\n" + infoNumber + " 1\n" + QByteArray(entry, 20) + "trailer\n<<\n/Size " +
           trailer.captured(1).toLatin1() + "\n/Info " + infoNumber + " 0 R\n/Root " +
           trailer.captured(3).toLatin1() + " 0 R\n/Prev " + trailer.captured(4).toLatin1() +
           "\n>>\nstartxref\n" + QByteArray::number(xrefOffset) + "\n%%EOF\n";
    return out;
}
