#include "models/itemmodels/roomstablemodel.h"

#include "models/housing/roomrepository.h"

RoomsTableModel::RoomsTableModel(DbExecutor &executor, QObject *parent)
    : RecordTableModel(executor, parent)
{
}

int RoomsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : RoomRepository::ColumnCount;
}

QVariant RoomsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (role >= IdRole)
        return recordRoleData(index, role);
    const Room r = roomAt(index.row());
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == RoomRepository::Floor || index.column() == RoomRepository::Capacity)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case RoomRepository::BuildingCode: return r.buildingCode;
    case RoomRepository::Number: return r.number;
    case RoomRepository::Floor: return r.floor;
    case RoomRepository::Type: return Room::typeLabel(r.type);
    case RoomRepository::Capacity: return r.capacity;
    case RoomRepository::Status: return Room::statusLabel(r.status);
    default: return {};
    }
}

QVariant RoomsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return RecordTableModel::headerData(section, orientation, role);
    switch (section) {
    case RoomRepository::BuildingCode: return tr("Building");
    case RoomRepository::Number: return tr("Number");
    case RoomRepository::Floor: return tr("Floor");
    case RoomRepository::Type: return tr("Type");
    case RoomRepository::Capacity: return tr("Capacity");
    case RoomRepository::Status: return tr("Status");
    default: return {};
    }
}

Room RoomsTableModel::roomAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return recordAt(row).value<Room>();
}

std::function<Result<RecordTableModel::Page>(Database &)> RoomsTableModel::pageLoader(const PageRequest &request) const
{
    return [request](Database &db) -> Result<Page> {
        const Result<QList<Room>> rows = RoomRepository(db, Actor{}).page(request);
        if (!rows)
            return rows.error();
        Page page;
        page.records.reserve(rows->size());
        for (const Room &r : rows.value())
            page.records.append(QVariant::fromValue(r));
        page.atEnd = rows->size() < request.limit;
        return page;
    };
}

std::function<Result<qint64>(Database &)> RoomsTableModel::countLoader(const ListFilter &filter) const
{
    return [filter](Database &db) { return RoomRepository(db, Actor{}).count(filter); };
}

QVariant RoomsTableModel::sortValueOf(const QVariant &record, int column) const
{
    return RoomRepository::sortValue(record.value<Room>(), column);
}

qint64 RoomsTableModel::idOf(const QVariant &record) const
{
    return record.value<Room>().id;
}

int RoomsTableModel::versionOf(const QVariant &record) const
{
    return record.value<Room>().version;
}
