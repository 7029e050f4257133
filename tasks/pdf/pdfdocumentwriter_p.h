#pragma once

#include "tasks/pdf/pdfpage_p.h"

#include <QByteArray>
#include <QList>
#include <QString>

// The document information of a PDF.
struct PdfMetadata
{
    QString title;
    QString author;
    QString creator;
};

// Paints laid-out pages (PdfPageFlow) onto a QPdfWriter in memory and returns the
// PDF's bytes.
//
// Simple text (PdfTextItem::simple) is painted as one pre-positioned QGlyphRun per
// style and page, with glyph indexes and advances from PdfFontMetrics: no shaping, no
// per-string font look-up (each QPainter::drawText locks Qt's global font database and
// runs HarfBuzz). Other text goes through QPainter::drawText. Either way the PDF embeds
// one subset of DejaVu Sans with a ToUnicode map, so the text stays extractable.
//
// QPdfWriter (Qt 6.4) writes Title and Creator into the document information but has
// no Author: write() adds it, with the rest of the information, as a standard
// incremental update (a new Info dictionary, cross-reference section and trailer
// appended to the file).
//
// Thread contract: reentrant; each call creates its own writer, painter and fonts on
// the calling thread. A QGuiApplication must exist (fonts).
//
//   const QByteArray pdf = PdfDocumentWriter::write(flow.takePages(), {title, author, creator});
class PdfDocumentWriter
{
public:
    // Empty on failure (no usable font, or the painter could not start).
    static QByteArray write(const QList<PdfPage> &pages, const PdfMetadata &metadata);

    // Appends an incremental update that replaces the document information with
    // `metadata` (plus the CreationDate and Producer found in the old one). Returns `pdf`
    // unchanged when its trailer cannot be read.
    static QByteArray withInfo(const QByteArray &pdf, const PdfMetadata &metadata);
};
