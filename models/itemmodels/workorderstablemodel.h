#pragma once

#include "models/itemmodels/recordtablemodel.h"
#include "models/lab/workorder.h"
#include "models/lab/workorderrepository.h"

// Work orders, lazily loaded page by page; columns as WorkOrderRepository::Column
// (protocol number, client, species, protocol state, assigned vet, analyses). What is
// shown is the WorkOrderFilter (setWorkOrderFilter); the base class's ListFilter search
// and status (a protocol state code) apply when that filter leaves them empty. Lives
// on the GUI thread; loads on the executor's read pool.
//
//   WorkOrdersTableModel model(executor);
//   model.setWorkOrderFilter({.assignedVet = u"efischer"_s});
class WorkOrdersTableModel : public RecordTableModel
{
    Q_OBJECT
public:
    explicit WorkOrdersTableModel(DbExecutor &executor, QObject *parent = nullptr);

    void setWorkOrderFilter(const WorkOrderFilter &filter);
    WorkOrderFilter workOrderFilter() const { return m_workOrderFilter; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    WorkOrder workOrderAt(int row) const;

protected:
    std::function<Result<Page>(Database &)> pageLoader(const PageRequest &request) const override;
    std::function<Result<qint64>(Database &)> countLoader(const ListFilter &filter) const override;
    QVariant sortValueOf(const QVariant &record, int column) const override;
    qint64 idOf(const QVariant &record) const override;
    int versionOf(const QVariant &record) const override;

private:
    WorkOrderFilter effectiveFilter(const ListFilter &filter) const;

    WorkOrderFilter m_workOrderFilter;
    bool m_filterSet = false;
};
