#pragma once

#include "models/core/listquery.h"

#include <QSortFilterProxyModel>

class RecordTableModel;

// The proxy views bind to. Because the source is lazily loaded from a table that
// may hold 100,000 rows, sorting and filtering are passed down to the source,
// which asks the database; the proxy itself never sorts or hides loaded rows (a
// client-side sort of the loaded pages would be wrong). Views keep the usual
// QSortFilterProxyModel interface: header clicks call sort(), the search box
// calls setSearchText().
class RecordFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RecordFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    RecordTableModel *recordModel() const;

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    void setSearchText(const QString &text);
    void setBuildingFilter(qint64 buildingId);   // 0: all
    void setStatusFilter(const QString &statusCode); // empty: all

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};
