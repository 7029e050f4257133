#include "tasks/pdf/pdffontmetrics_p.h"

#include "tasks/pdf/pdfallocatortuning_p.h"
#include "tasks/pdf/pdfunhintedfont_p.h"

#include <QFont>
#include <QFontDatabase>
#include <QRawFont>
#include <QtEndian>

namespace {

// Characters painted from the tables: no combining marks, no bidirectional or
// zero-width controls, no script that needs shaping. Everything else takes Qt's
// shaping path.
bool needsNoShaping(char16_t c)
{
    if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0xad) // controls, soft hyphen
        return false;
    if (c < 0x0300)
        return true;
    if (c < 0x0370) // combining diacritical marks
        return false;
    if (c < 0x0590) // Greek, Cyrillic (but its combining marks), Armenian
        return !(c >= 0x0483 && c <= 0x0489);
    if (c < 0x1e00) // Hebrew, Arabic, Indic … : shaping and direction
        return false;
    if ((c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x206f))
        return false;               // zero-width and bidirectional controls
    if (c >= 0x20d0 && c <= 0x20ff) // combining marks for symbols
        return false;
    return c < 0x2c00; // Latin/Greek extended, punctuation, currency, symbols, arrows, math
}

quint16 readU16(const QByteArray &table, qsizetype offset)
{
    if (offset + 2 > table.size())
        return 0;
    return qFromBigEndian<quint16>(table.constData() + offset);
}

} // namespace

const PdfFontMetrics &PdfFontMetrics::instance()
{
    // A function-local static: built once, thread-safe (C++11 magic statics).
    static const PdfFontMetrics metrics;
    return metrics;
}

PdfFontMetrics::PdfFontMetrics()
    : m_glyphs(0x10000, 0)
{
    // Once per process, before the first document: see PdfAllocatorTuning.
    PdfAllocatorTuning::apply();
    QFont font(family());
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setPixelSize(64);
    const QRawFont raw = QRawFont::fromFont(font);
    if (!raw.isValid())
        return;
    m_resolvedFamily = raw.familyName();

    // Every BMP code unit but the surrogates, mapped in one call.
    QString all(0x10000, QChar(u' '));
    for (char32_t c = 0; c < 0x10000; ++c)
        all[c] = (c >= 0xd800 && c <= 0xdfff) ? QChar(u' ') : QChar(char16_t(c));
    std::vector<quint32> indexes(0x10000, 0);
    int count = int(indexes.size());
    if (!raw.glyphIndexesForChars(all.constData(), int(all.size()), indexes.data(), &count) ||
        count != 0x10000)
        return;
    for (char32_t c = 0; c < 0x10000; ++c) {
        const quint32 g = indexes[c];
        if (g > 0 && g <= 0xffff && !(c >= 0xd800 && c <= 0xdfff) && needsNoShaping(char16_t(c)))
            m_glyphs[c] = quint16(g);
    }

    // hhea: ascender (4), descender (6), numberOfHMetrics (34); hmtx: {advance, lsb}[n].
    const QByteArray hhea = raw.fontTable("hhea");
    const QByteArray hmtx = raw.fontTable("hmtx");
    const QByteArray maxp = raw.fontTable("maxp");
    const int metricsCount = readU16(hhea, 34);
    const int glyphCount = qMax(int(readU16(maxp, 4)), metricsCount);
    if (metricsCount == 0 || hmtx.size() < metricsCount * 4)
        return;
    m_advances.resize(size_t(glyphCount));
    for (int g = 0; g < glyphCount; ++g)
        m_advances[size_t(g)] = readU16(hmtx, qsizetype(qMin(g, metricsCount - 1)) * 4);
    m_ascent = qint16(readU16(hhea, 4));
    m_descent = -qint16(readU16(hhea, 6));
    m_unitsPerEm = raw.unitsPerEm();

    m_paintFamily = family();
    const QString unhinted = QStringLiteral("DejaVu Sans Residesk PDF");
    const QByteArray ttf = PdfUnhintedFont::build(raw, m_glyphs, unhinted);
    const int id = ttf.isEmpty() ? -1 : QFontDatabase::addApplicationFontFromData(ttf);
    if (id >= 0 && QFontDatabase::applicationFontFamilies(id).contains(unhinted)) {
        // Check that the copy resolves and maps like the original before using it.
        QFont copyFont(unhinted);
        copyFont.setPixelSize(64);
        const QRawFont copy = QRawFont::fromFont(copyFont);
        const quint32 probe = copy.isValid() && copy.familyName() == unhinted
                                  ? copy.glyphIndexesForString(QStringLiteral("Ag")).value(1)
                                  : 0;
        if (probe != 0 && probe == m_glyphs[u'g'])
            m_paintFamily = unhinted;
    }
}

bool PdfFontMetrics::isSimple(QStringView text) const
{
    for (const QChar c : text) {
        if (m_glyphs[c.unicode()] == 0)
            return false;
    }
    return true;
}

qreal PdfFontMetrics::width(QStringView text, qreal size) const
{
    if (m_advances.empty())
        return 0;
    quint32 units = 0;
    for (const QChar c : text)
        units += m_advances[qMin<size_t>(m_glyphs[c.unicode()], m_advances.size() - 1)];
    return units * size / m_unitsPerEm;
}
