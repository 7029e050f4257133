#include "models/itemmodels/buildingstablemodel.h"

#include "models/housing/buildingrepository.h"

BuildingsTableModel::BuildingsTableModel(DbExecutor &executor, QObject *parent)
    : RecordTableModel(executor, parent)
{
}

int BuildingsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : BuildingRepository::ColumnCount;
}

QVariant BuildingsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (role >= IdRole)
        return recordRoleData(index, role);
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == BuildingRepository::Floors)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)
        return {};
    const Building b = buildingAt(index.row());
    switch (index.column()) {
    case BuildingRepository::Code: return b.code;
    case BuildingRepository::Name: return b.name;
    case BuildingRepository::Address: return b.address;
    case BuildingRepository::Floors: return b.floors;
    default: return {};
    }
}

QVariant BuildingsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return RecordTableModel::headerData(section, orientation, role);
    switch (section) {
    case BuildingRepository::Code: return tr("Code");
    case BuildingRepository::Name: return tr("Name");
    case BuildingRepository::Address: return tr("Address");
    case BuildingRepository::Floors: return tr("Floors");
    default: return {};
    }
}

Building BuildingsTableModel::buildingAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return recordAt(row).value<Building>();
}

std::function<Result<RecordTableModel::Page>(Database &)> BuildingsTableModel::pageLoader(const PageRequest &request) const
{
    return [request](Database &db) -> Result<Page> {
        const Result<QList<Building>> rows = BuildingRepository(db, Actor{}).page(request);
        if (!rows)
            return rows.error();
        Page page;
        page.records.reserve(rows->size());
        for (const Building &b : rows.value())
            page.records.append(QVariant::fromValue(b));
        page.atEnd = rows->size() < request.limit;
        return page;
    };
}

std::function<Result<qint64>(Database &)> BuildingsTableModel::countLoader(const ListFilter &filter) const
{
    return [filter](Database &db) { return BuildingRepository(db, Actor{}).count(filter); };
}

QVariant BuildingsTableModel::sortValueOf(const QVariant &record, int column) const
{
    return BuildingRepository::sortValue(record.value<Building>(), column);
}

qint64 BuildingsTableModel::idOf(const QVariant &record) const
{
    return record.value<Building>().id;
}

int BuildingsTableModel::versionOf(const QVariant &record) const
{
    return record.value<Building>().version;
}
