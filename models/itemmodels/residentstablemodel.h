#pragma once

#include "models/housing/resident.h"
#include "models/housing/residentrepository.h"
#include "models/itemmodels/recordtablemodel.h"

// Residents, columns as ResidentRepository::Column and then RoomColumn: where the
// resident holds a bed today (read with each page; not sortable). ListFilter: search,
// status, building.
class ResidentsTableModel : public RecordTableModel
{
    Q_OBJECT
public:
    enum { RoomColumn = ResidentRepository::ColumnCount, ColumnCount };

    explicit ResidentsTableModel(DbExecutor &executor, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Resident residentAt(int row) const;
    bool canSort(int column) const override { return column != RoomColumn; }

protected:
    std::function<Result<Page>(Database &)> pageLoader(const PageRequest &request) const override;
    std::function<Result<qint64>(Database &)> countLoader(const ListFilter &filter) const override;
    QVariant sortValueOf(const QVariant &record, int column) const override;
    qint64 idOf(const QVariant &record) const override;
    int versionOf(const QVariant &record) const override;
};
