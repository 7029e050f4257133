#pragma once

#include <QString>
#include <QStringView>

#include <vector>

// Glyph indexes and advance widths of the one face every Residesk PDF is set in
// (DejaVu Sans, regular), read once per process from the font's own cmap and hmtx
// tables and then kept as plain arrays.
//
// Why: measuring and shaping each string through QFont/QTextLayout costs a HarfBuzz
// run, FreeType glyph loads and a global font-database lock per call; a results table
// has thousands of cells. Text whose every character maps to a glyph and needs no
// shaping (Latin, Greek, Cyrillic, punctuation, symbols such as µ ° ± –) is measured
// here by table look-ups and painted as pre-positioned glyph runs; anything else
// (combining marks, right-to-left or complex scripts, characters DejaVu Sans lacks)
// goes through QPainter::drawText with Qt's full shaping and font fallback.
//
// Thread and lifetime contract: instance() builds the tables on first use (under a
// lock, with a short-lived QRawFont, so a QGuiApplication must exist; it also registers
// the unhinted copy with QFontDatabase) and never changes them afterwards, so every
// thread reads them without locking. It holds no Qt font objects.
//
//   const PdfFontMetrics &metrics = PdfFontMetrics::instance();
//   if (metrics.isSimple(text))
//       width = metrics.width(text, 9.0);   // in the units of the size (points)
class PdfFontMetrics
{
public:
    static const PdfFontMetrics &instance();
    // The face text is laid out in, by family (Qt's shaping path, for text that is not
    // simple, uses it as it is installed).
    static QString family() { return QStringLiteral("DejaVu Sans"); }
    // The family simple text is painted with: a copy of family() without hinting,
    // registered as an application font (see PdfUnhintedFont), or family() itself when
    // the copy could not be made. Same glyph indexes and advances either way.
    QString paintFamily() const { return m_paintFamily; }

    // The glyph of `c`, or 0 when `c` needs the full text path (see the class comment).
    quint16 glyph(char16_t c) const { return m_glyphs[c]; }
    // The advance of `glyph` at `size` (in the units of `size`).
    qreal advance(quint16 glyph, qreal size) const
    {
        if (m_advances.empty())
            return 0;
        return m_advances[glyph < m_advances.size() ? glyph : m_advances.size() - 1] * size / m_unitsPerEm;
    }
    // True when every character of `text` has a glyph of its own (glyph() != 0).
    bool isSimple(QStringView text) const;
    // Width of simple `text` at `size`.
    qreal width(QStringView text, qreal size) const;
    qreal ascent(qreal size) const { return m_ascent * size / m_unitsPerEm; }
    qreal descent(qreal size) const { return m_descent * size / m_unitsPerEm; } // positive
    bool isValid() const { return m_unitsPerEm > 0; }
    // The family the tables were read from (DejaVu Sans, unless it is not installed).
    QString resolvedFamily() const { return m_resolvedFamily; }

private:
    PdfFontMetrics();

    std::vector<quint16> m_glyphs;   // 0x10000 entries, by UTF-16 code unit
    std::vector<quint16> m_advances; // by glyph index, in font units
    qreal m_unitsPerEm = 0;
    qreal m_ascent = 0;
    qreal m_descent = 0;
    QString m_resolvedFamily;
    QString m_paintFamily;
};
