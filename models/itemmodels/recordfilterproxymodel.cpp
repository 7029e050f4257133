#include "models/itemmodels/recordfilterproxymodel.h"

#include "models/itemmodels/recordtablemodel.h"

RecordFilterProxyModel::RecordFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // Rows stay in the order the database returned them.
    setDynamicSortFilter(false);
}

void RecordFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    QSortFilterProxyModel::setSourceModel(model);
}

RecordTableModel *RecordFilterProxyModel::recordModel() const
{
    return qobject_cast<RecordTableModel *>(sourceModel());
}

void RecordFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    // The database sorts; the base class is never asked to, so its sort column stays
    // -1 and it never reorders the loaded rows.
    if (RecordTableModel *model = recordModel())
        model->sort(column, order);
}

void RecordFilterProxyModel::setSearchText(const QString &text)
{
    RecordTableModel *model = recordModel();
    if (!model)
        return;
    ListFilter filter = model->filter();
    filter.search = text;
    model->setFilter(filter);
}

void RecordFilterProxyModel::setBuildingFilter(qint64 buildingId)
{
    RecordTableModel *model = recordModel();
    if (!model)
        return;
    ListFilter filter = model->filter();
    filter.buildingId = qMax<qint64>(0, buildingId);
    model->setFilter(filter);
}

void RecordFilterProxyModel::setStatusFilter(const QString &statusCode)
{
    RecordTableModel *model = recordModel();
    if (!model)
        return;
    ListFilter filter = model->filter();
    filter.status = statusCode;
    model->setFilter(filter);
}

bool RecordFilterProxyModel::filterAcceptsRow(int, const QModelIndex &) const
{
    return true;
}

bool RecordFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    return left.row() < right.row();
}
