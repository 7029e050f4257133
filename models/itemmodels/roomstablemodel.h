#pragma once

#include "models/housing/room.h"
#include "models/itemmodels/recordtablemodel.h"

// Rooms, columns as RoomRepository::Column. ListFilter: search, buildingId, status.
class RoomsTableModel : public RecordTableModel
{
    Q_OBJECT
public:
    explicit RoomsTableModel(DbExecutor &executor, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Room roomAt(int row) const;

protected:
    std::function<Result<Page>(Database &)> pageLoader(const PageRequest &request) const override;
    std::function<Result<qint64>(Database &)> countLoader(const ListFilter &filter) const override;
    QVariant sortValueOf(const QVariant &record, int column) const override;
    qint64 idOf(const QVariant &record) const override;
    int versionOf(const QVariant &record) const override;
};
