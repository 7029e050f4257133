#pragma once

#include <QList>
#include <QRectF>
#include <QRgb>
#include <QString>

// The text styles of Residesk PDFs: one face (DejaVu Sans regular) in a few sizes and
// colours. There is no bold face on purpose: a second face costs a second embedded
// font subset per document (see PdfFontMetrics); emphasis comes from size, colour and
// shaded bands.
enum class PdfStyle : quint8 {
    Body,         // 9 pt, black: table cells, details
    Paragraph,    // 9.5 pt, black: findings and notes
    Label,        // 8 pt, grey: labels of details, header and footer lines
    HeaderInfo,   // 8.5 pt, black: the protocol line of the page header
    LabName,      // 12 pt, accent
    Title,        // 16 pt, accent
    Heading,      // 11 pt, accent
    TableHeader,  // 8.5 pt, accent on a shaded band
    Notice,       // 9.5 pt, dark red: amendment and draft notes
    FlagLow,      // 9 pt, blue
    FlagHigh,     // 9 pt, red
    FlagAbnormal, // 9 pt, amber
    Watermark,    // 110 pt, light grey, drawn diagonally under everything else
    Count
};

struct PdfStyleSpec
{
    qreal size; // points
    QRgb color;
};

constexpr PdfStyleSpec pdfStyleSpec(PdfStyle style)
{
    switch (style) {
    case PdfStyle::Body:
        return {9.0, 0xff000000};
    case PdfStyle::Paragraph:
        return {9.5, 0xff000000};
    case PdfStyle::Label:
        return {8.0, 0xff5a5a5a};
    case PdfStyle::HeaderInfo:
        return {8.5, 0xff202020};
    case PdfStyle::LabName:
        return {12.0, 0xff1f3a5f};
    case PdfStyle::Title:
        return {16.0, 0xff1f3a5f};
    case PdfStyle::Heading:
        return {11.0, 0xff1f3a5f};
    case PdfStyle::TableHeader:
        return {8.5, 0xff1f3a5f};
    case PdfStyle::Notice:
        return {9.5, 0xff9b1c1c};
    case PdfStyle::FlagLow:
        return {9.0, 0xff0b4f9c};
    case PdfStyle::FlagHigh:
        return {9.0, 0xffb00020};
    case PdfStyle::FlagAbnormal:
        return {9.0, 0xff9a5800};
    case PdfStyle::Watermark:
        return {110.0, 0xffe4e4e4};
    case PdfStyle::Count:
        break;
    }
    return {9.0, 0xff000000};
}

// One piece of text at a baseline position, in points from the page's top left.
struct PdfTextItem
{
    qreal x = 0;
    qreal baseline = 0;
    PdfStyle style = PdfStyle::Body;
    bool simple = true; // every character has a glyph of its own (PdfFontMetrics::isSimple)
    QString text;
};

struct PdfFill
{
    QRectF rect;
    QRgb color;
};

struct PdfRule
{
    qreal x1, y1, x2, y2;
    QRgb color;
    qreal width;
};

// One laid-out page: what PdfPageFlow produces and PdfDocumentWriter paints. Plain
// values; built and painted on the rendering thread.
struct PdfPage
{
    QList<PdfFill> fills;
    QList<PdfRule> rules;
    QList<PdfTextItem> texts;
    QString watermark; // drawn diagonally across the page, under everything else
};
