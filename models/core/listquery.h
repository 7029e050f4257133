#pragma once

#include <QString>
#include <QVariant>
#include <Qt>

// What a table page asks a repository for: a filter, a sort and a keyset page.
// Sort columns are per-entity enums mapped to fixed SQL expressions inside the
// repository; nothing here is ever spliced into SQL text.
struct ListFilter
{
    QString search;        // case-insensitive substring over the entity's text columns
    qint64 buildingId = 0; // 0: any building (entities that have one)
    QString status;        // empty: any status (entities that have one)
    QString channel;       // residents: "email" or "sms", those who want messages that way

    bool operator==(const ListFilter &) const = default;
};

struct PageRequest
{
    ListFilter filter;
    int sortColumn = 0; // the entity repository's Column enum, as int
    Qt::SortOrder order = Qt::AscendingOrder;
    int limit = 200;
    // Keyset cursor: the sort value and id of the last row already loaded.
    bool hasCursor = false;
    QVariant afterValue;
    qint64 afterId = 0;
};
