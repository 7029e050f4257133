#include "tasks/pdf/pdfunhintedfont_p.h"

#include <QList>
#include <QRawFont>
#include <QtEndian>

#include <algorithm>

namespace {

quint16 u16(const QByteArray &data, qsizetype at)
{
    return at + 2 <= data.size() ? qFromBigEndian<quint16>(data.constData() + at) : 0;
}

quint32 u32(const QByteArray &data, qsizetype at)
{
    return at + 4 <= data.size() ? qFromBigEndian<quint32>(data.constData() + at) : 0;
}

void put16(QByteArray &data, quint16 value)
{
    char bytes[2];
    qToBigEndian(value, bytes);
    data.append(bytes, 2);
}

void put32(QByteArray &data, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    data.append(bytes, 4);
}

void set16(QByteArray &data, qsizetype at, quint16 value)
{
    if (at + 2 <= data.size())
        qToBigEndian(value, data.data() + at);
}

void set32(QByteArray &data, qsizetype at, quint32 value)
{
    if (at + 4 <= data.size())
        qToBigEndian(value, data.data() + at);
}

quint32 checksum(const QByteArray &table)
{
    quint32 sum = 0;
    const qsizetype words = (table.size() + 3) / 4;
    for (qsizetype i = 0; i < words; ++i) {
        quint32 word = 0;
        for (int b = 0; b < 4; ++b) {
            const qsizetype at = i * 4 + b;
            word = (word << 8) | (at < table.size() ? quint8(table.at(at)) : 0);
        }
        sum += word;
    }
    return sum;
}

// One glyph's data without its instructions; composite glyphs lose the
// WE_HAVE_INSTRUCTIONS flag of their components. Empty glyphs stay empty; malformed
// ones make the whole build fail (nullopt-like: `ok` false).
QByteArray stripGlyph(const QByteArray &glyph, bool *ok)
{
    if (glyph.isEmpty())
        return glyph;
    if (glyph.size() < 10) {
        *ok = false;
        return {};
    }
    const qint16 contours = qint16(u16(glyph, 0));
    if (contours >= 0) {
        const qsizetype lengthAt = 10 + 2 * qsizetype(contours);
        const qsizetype instructions = u16(glyph, lengthAt);
        const qsizetype rest = lengthAt + 2 + instructions;
        if (rest > glyph.size()) {
            *ok = false;
            return {};
        }
        QByteArray out = glyph.first(lengthAt);
        put16(out, 0);
        out.append(glyph.sliced(rest));
        return out;
    }
    QByteArray out = glyph;
    qsizetype at = 10;
    for (;;) {
        if (at + 4 > out.size()) {
            *ok = false;
            return {};
        }
        const quint16 flags = u16(out, at);
        set16(out, at, flags & ~quint16(0x0100)); // WE_HAVE_INSTRUCTIONS
        at += 4 + ((flags & 0x0001) ? 4 : 2);     // flags, glyph index, arguments
        if (flags & 0x0008)                       // WE_HAVE_A_SCALE
            at += 2;
        else if (flags & 0x0040) // WE_HAVE_AN_X_AND_Y_SCALE
            at += 4;
        else if (flags & 0x0080) // WE_HAVE_A_TWO_BY_TWO
            at += 8;
        if (!(flags & 0x0020)) // MORE_COMPONENTS
            break;
    }
    if (at > out.size()) {
        *ok = false;
        return {};
    }
    out.truncate(at);
    return out;
}

// cmap with one format 6 subtable (a plain array from U+0000 to the last mapped
// character), for platforms 0/3 and 3/1. FreeType looks a character up in it with one
// bounds check and one read; Qt does that 65,536 times per document and font.
QByteArray buildCmap(const std::vector<quint16> &glyphByChar)
{
    quint32 count = 0x10000;
    while (count > 0 && glyphByChar[count - 1] == 0)
        --count;
    QByteArray sub;
    put16(sub, 6);
    put16(sub, quint16(10 + 2 * count)); // length
    put16(sub, 0);                       // language
    put16(sub, 0);                       // firstCode
    put16(sub, quint16(count));
    for (quint32 c = 0; c < count; ++c)
        put16(sub, glyphByChar[c]);

    QByteArray cmap;
    put16(cmap, 0); // version
    put16(cmap, 2); // subtables
    put16(cmap, 0); // Unicode, BMP
    put16(cmap, 3);
    put32(cmap, 4 + 2 * 8);
    put16(cmap, 3); // Windows, Unicode BMP
    put16(cmap, 1);
    put32(cmap, 4 + 2 * 8);
    cmap.append(sub);
    return cmap;
}

// A name table (Windows, US English) with the new family, keeping the source's
// copyright, version and licence strings.
QByteArray buildName(const QByteArray &source, const QString &family)
{
    QList<std::pair<quint16, QByteArray>> names; // nameID, UTF-16BE
    const quint16 count = u16(source, 2);
    const quint16 stringOffset = u16(source, 4);
    for (quint16 i = 0; i < count; ++i) {
        const qsizetype rec = 6 + qsizetype(i) * 12;
        const quint16 platform = u16(source, rec), encoding = u16(source, rec + 2),
                      language = u16(source, rec + 4);
        const quint16 id = u16(source, rec + 6), length = u16(source, rec + 8),
                      offset = u16(source, rec + 10);
        if (platform == 3 && encoding == 1 && language == 0x0409 &&
            (id == 0 || id == 5 || id == 13 || id == 14)) {
            const qsizetype at = qsizetype(stringOffset) + offset;
            if (at + length <= source.size())
                names.append({id, source.sliced(at, length)});
        }
    }
    const auto utf16be = [](const QString &text) {
        QByteArray out;
        for (const QChar c : text)
            put16(out, c.unicode());
        return out;
    };
    QString postscript = family;
    postscript.remove(u' ');
    names.append({1, utf16be(family)});
    names.append({2, utf16be(QStringLiteral("Regular"))});
    names.append({3, utf16be(postscript)});
    names.append({4, utf16be(family)});
    names.append({6, utf16be(postscript)});
    std::sort(names.begin(), names.end(), [](const auto &a, const auto &b) { return a.first < b.first; });

    QByteArray table;
    put16(table, 0);
    put16(table, quint16(names.size()));
    put16(table, quint16(6 + 12 * names.size()));
    QByteArray strings;
    for (const auto &[id, text] : names) {
        put16(table, 3);
        put16(table, 1);
        put16(table, 0x0409);
        put16(table, id);
        put16(table, quint16(text.size()));
        put16(table, quint16(strings.size()));
        strings.append(text);
    }
    table.append(strings);
    return table;
}

} // namespace

QByteArray PdfUnhintedFont::build(const QRawFont &source, const std::vector<quint16> &glyphByChar,
                                  const QString &family)
{
    if (!source.isValid() || glyphByChar.size() != 0x10000)
        return {};
    QByteArray head = source.fontTable("head");
    const QByteArray hhea = source.fontTable("hhea");
    QByteArray maxp = source.fontTable("maxp");
    const QByteArray hmtx = source.fontTable("hmtx");
    const QByteArray os2 = source.fontTable("OS/2");
    const QByteArray loca = source.fontTable("loca");
    const QByteArray glyf = source.fontTable("glyf");
    const QByteArray name = source.fontTable("name");
    QByteArray post = source.fontTable("post");
    if (head.size() < 54 || hhea.size() < 36 || maxp.size() < 32 || hmtx.isEmpty() || os2.isEmpty() ||
        loca.isEmpty() || glyf.isEmpty() || name.size() < 6 || post.size() < 32)
        return {};

    // glyf and loca, without instructions; loca in the long format.
    const bool longLoca = qint16(u16(head, 50)) == 1;
    const int glyphCount = u16(maxp, 4);
    QByteArray newGlyf;
    QByteArray newLoca;
    bool ok = true;
    for (int g = 0; g < glyphCount && ok; ++g) {
        const quint32 start = longLoca ? u32(loca, g * 4) : quint32(u16(loca, g * 2)) * 2;
        const quint32 end = longLoca ? u32(loca, (g + 1) * 4) : quint32(u16(loca, (g + 1) * 2)) * 2;
        if (end < start || end > quint32(glyf.size())) {
            ok = false;
            break;
        }
        put32(newLoca, quint32(newGlyf.size()));
        newGlyf.append(stripGlyph(glyf.sliced(start, end - start), &ok));
        while (newGlyf.size() % 4)
            newGlyf.append('\0');
    }
    if (!ok)
        return {};
    put32(newLoca, quint32(newGlyf.size()));

    set32(head, 8, 0);                                 // checkSumAdjustment, set below
    set16(head, 16, u16(head, 16) & ~quint16(0x0010)); // instructions may alter advances: no
    set16(head, 50, 1);                                // indexToLocFormat: long
    // maxp 1.0: no zones, twilight points, storage or definitions; a stack for the stubs.
    set16(maxp, 14, 1);
    set16(maxp, 16, 0);
    set16(maxp, 18, 0);
    set16(maxp, 20, 0);
    set16(maxp, 22, 0);
    set16(maxp, 24, 8);
    set16(maxp, 26, 0);
    post.truncate(32);
    set32(post, 0, 0x00030000); // post format 3: no glyph names

    // PUSHB[0] 0, POP: font and control-value programs that do nothing.
    const QByteArray stub("\xb0\x00\x21", 3);

    QList<std::pair<QByteArray, QByteArray>> tables{
        {"OS/2", os2},  {"cmap", buildCmap(glyphByChar)},
        {"fpgm", stub}, {"glyf", newGlyf},
        {"head", head}, {"hhea", hhea},
        {"hmtx", hmtx}, {"loca", newLoca},
        {"maxp", maxp}, {"name", buildName(name, family)},
        {"post", post}, {"prep", stub},
    };
    std::sort(tables.begin(), tables.end(), [](const auto &a, const auto &b) { return a.first < b.first; });

    const quint16 tableCount = quint16(tables.size());
    quint16 searchRange = 1;
    quint16 entrySelector = 0;
    while (searchRange * 2 <= tableCount) {
        searchRange *= 2;
        ++entrySelector;
    }
    searchRange *= 16;
    QByteArray font;
    put32(font, 0x00010000);
    put16(font, tableCount);
    put16(font, searchRange);
    put16(font, entrySelector);
    put16(font, quint16(tableCount * 16 - searchRange));
    quint32 offset = 12 + 16 * quint32(tableCount);
    qsizetype headOffset = -1;
    for (const auto &[tag, data] : tables) {
        font.append(tag);
        put32(font, checksum(data));
        put32(font, offset);
        put32(font, quint32(data.size()));
        if (tag == "head")
            headOffset = offset;
        offset += quint32((data.size() + 3) & ~qsizetype(3));
    }
    for (const auto &entry : tables) {
        font.append(entry.second);
        while (font.size() % 4)
            font.append('\0');
    }
    set32(font, headOffset + 8, 0xb1b0afba - checksum(font));
    return font;
}
