#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

class QRawFont;

// Builds, in memory, a copy of a TrueType face without hinting: the glyph outlines,
// metrics and OS/2 data of the source, no glyph instructions, a two-instruction font
// program, a cmap that maps only the given characters, and a family name of its own.
//
// Why: QPdfWriter embeds a subset of every font it draws with, and for each glyph of
// the subset Qt 6.4 loads the unscaled outline with FreeType's default (hinting) load
// flags at units-per-em size, which re-runs the font's control-value program (prep)
// for every glyph: with DejaVu Sans that is about 0.2 M instructions a glyph and well
// over a quarter of the time it takes to render a report. Qt also maps every BMP code
// point through the cmap once per document (the ToUnicode map); a flat cmap (format
// 6) makes each look-up one array read. Outlines at units-per-em size are the same hinted or not, and glyph
// indexes are kept, so metrics and text extraction do not change.
//
// Not hinting-free: a face with no programs at all gets FreeType's auto-hinter, which
// costs as much; the stub programs keep FreeType on its (now idle) interpreter.
//
// Thread contract: a pure function of its input.
//
//   const QByteArray ttf = PdfUnhintedFont::build(raw, glyphByChar, u"DejaVu Sans PDF"_s);
//   const int id = QFontDatabase::addApplicationFontFromData(ttf);
class PdfUnhintedFont
{
public:
    // `glyphByChar`: 0x10000 entries, the glyph of each BMP code unit (0: not mapped).
    // Empty on failure (a table missing or malformed).
    static QByteArray build(const QRawFont &source, const std::vector<quint16> &glyphByChar,
                            const QString &family);
};
