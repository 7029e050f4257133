#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

// What produced a cached PDF: the kind of entity, its id, the version of its content
// and the version of the template that laid it out. Two PDFs with the same key are
// interchangeable; anything that changes what a PDF shows must change its key (the
// entity's `version` is bumped on every change, the renderer's templateVersion() on
// every layout change), so a lookup with the current key never returns a PDF made
// from other content.
//
//   const PdfCacheKey key = PdfCacheKey::workOrder(order.id, order.version, WorkOrderPdf::templateVersion());
//   key.toString();   // "workorder/42/v7/t3"
//
// A plain value; thread-safe as any const value is.
struct PdfCacheKey
{
    QString entity;            // lower-case kind: "workorder", "report" ([a-z][a-z0-9_]*, at most 50)
    qint64 entityId = 0;       // the entity's id (>= 0)
    qint64 contentVersion = 0; // the entity's `version` column (>= 0)
    int templateVersion = 0;   // the renderer's template version (>= 0)

    static PdfCacheKey workOrder(qint64 id, qint64 version, int templateVersion)
    {
        return {QStringLiteral("workorder"), id, version, templateVersion};
    }
    static PdfCacheKey report(qint64 id, qint64 version, int templateVersion)
    {
        return {QStringLiteral("report"), id, version, templateVersion};
    }

    bool isValid() const;
    static bool isValidEntity(const QString &entity);
    // "entity/id/vVERSION/tTEMPLATE"; parse() is its inverse (nullopt for other text).
    QString toString() const;
    static std::optional<PdfCacheKey> parse(const QString &text);
    // The local file's base name: the SHA-256 of toString() in hex (64 characters), so
    // that no key text ever becomes a path.
    QString fileBaseName() const;

    // True if `other` is the same entity with older content or an older template: a
    // copy made for `other` is stale once this key is stored.
    bool supersedes(const PdfCacheKey &other) const;

    friend bool operator==(const PdfCacheKey &, const PdfCacheKey &) = default;
};

Q_DECLARE_METATYPE(PdfCacheKey)
