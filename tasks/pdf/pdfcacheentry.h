#pragma once

#include "tasks/pdf/pdfcachekey.h"

#include <QByteArray>
#include <QMetaType>
#include <QObject>
#include <QString>

// One PDF handed out by PdfCache: its bytes (verified against the stored size and
// SHA-256), the local file that holds the same bytes (empty if the PDF could not be
// kept on the local disk, e.g. larger than the cap) and where it came from.
//
// The bytes are the thing to show (QBuffer + QPdfDocument): the local file may be
// evicted by another thread or process at any time after the lookup returned.
struct PdfCacheEntry
{
    Q_GADGET
public:
    enum class Source {
        LocalDisk, // this desktop's cache folder
        Database,  // the shared copy in pdf_cache, now also on the local disk
        Rendered,  // getOrRender() had to render it (and stored it)
    };
    Q_ENUM(Source)

    PdfCacheKey key;
    QByteArray bytes;
    QString filePath;
    QByteArray sha256; // hex, 64 characters
    Source source = Source::LocalDisk;

    qint64 size() const { return bytes.size(); }
};

Q_DECLARE_METATYPE(PdfCacheEntry)
