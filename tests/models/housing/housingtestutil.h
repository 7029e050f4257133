#pragma once

// Small helpers shared by the housing repository tests.

#include "models/core/listquery.h"
#include "models/db/database.h"
#include "models/db/sqlstatement.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QTest>

namespace HousingTest {

// Ids returned by a fixed query (the independent check on a repository's order).
inline QList<qint64> queryIds(Database &db, const QString &sql, const QVariantList &values = {})
{
    QList<qint64> ids;
    SqlStatement st(db, sql);
    for (const QVariant &v : values)
        st.bind(v);
    if (auto r = st.exec(); !r) {
        qWarning("%s", qPrintable(r.error().detail));
        return ids;
    }
    while (st.next())
        ids.append(st.value(0).toLongLong());
    return ids;
}

inline QVariant queryValue(Database &db, const QString &sql, const QVariantList &values = {})
{
    SqlStatement st(db, sql);
    for (const QVariant &v : values)
        st.bind(v);
    if (auto r = st.exec(); !r) {
        qWarning("%s", qPrintable(r.error().detail));
        return {};
    }
    return st.next() ? st.value(0) : QVariant();
}

// Walks every page with the keyset cursor and returns the ids in the order served.
// `ok` turns false if a page fails.
template<typename Repo>
QList<qint64> pageThrough(Repo &repo, int column, Qt::SortOrder order, int limit, const ListFilter &filter, bool *ok)
{
    PageRequest request;
    request.filter = filter;
    request.sortColumn = column;
    request.order = order;
    request.limit = limit;
    QList<qint64> ids;
    *ok = true;
    for (int guard = 0; guard < 100000; ++guard) {
        const auto page = repo.page(request);
        if (!page) {
            qWarning("page failed: %s %s", qPrintable(page.error().message), qPrintable(page.error().detail));
            *ok = false;
            return ids;
        }
        for (const auto &row : page.value())
            ids.append(row.id);
        if (page->size() < limit)
            break;
        request.hasCursor = true;
        request.afterValue = Repo::sortValue(page->last(), column);
        request.afterId = page->last().id;
    }
    return ids;
}

inline bool allDistinct(const QList<qint64> &ids)
{
    return QSet<qint64>(ids.begin(), ids.end()).size() == ids.size();
}

inline bool hasField(const DbError &error, const QString &field)
{
    for (const FieldError &f : error.fields) {
        if (f.field == field && !f.message.isEmpty())
            return true;
    }
    return false;
}

} // namespace HousingTest
