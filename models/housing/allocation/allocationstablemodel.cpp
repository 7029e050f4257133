#include "models/housing/allocation/allocationstablemodel.h"

#include "models/housing/allocation/allocationrepository.h"

namespace {
AllocationFilter toAllocationFilter(const ListFilter &filter, const QDate &date)
{
    AllocationFilter out;
    out.buildingId = filter.buildingId;
    out.search = filter.search;
    out.date = date;
    if (!filter.status.isEmpty())
        out.state = Allocation::stateFromCode(filter.status);
    return out;
}
} // namespace

AllocationsTableModel::AllocationsTableModel(DbExecutor &executor, QObject *parent)
    : RecordTableModel(executor, parent)
{}

int AllocationsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : AllocationRepository::ColumnCount;
}

QVariant AllocationsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (role >= IdRole)
        return recordRoleData(index, role);
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)
        return {};
    const Allocation a = allocationAt(index.row());
    switch (index.column()) {
    case AllocationRepository::Resident:
        return (a.residentFirstName + QLatin1Char(' ') + a.residentLastName).trimmed();
    case AllocationRepository::StudentId:
        return a.residentStudentId;
    case AllocationRepository::Building:
        return role == Qt::ToolTipRole ? a.buildingName : a.buildingCode;
    case AllocationRepository::RoomNumber:
        return a.roomNumber;
    case AllocationRepository::From:
        return a.from.toString(Qt::ISODate);
    case AllocationRepository::To:
        return a.to.isValid() ? a.to.toString(Qt::ISODate) : tr("open-ended");
    case AllocationRepository::State:
        return Allocation::stateLabel(a.state);
    default:
        return {};
    }
}

QVariant AllocationsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return RecordTableModel::headerData(section, orientation, role);
    switch (section) {
    case AllocationRepository::Resident:
        return tr("Resident");
    case AllocationRepository::StudentId:
        return tr("Student ID");
    case AllocationRepository::Building:
        return tr("Building");
    case AllocationRepository::RoomNumber:
        return tr("Room");
    case AllocationRepository::From:
        return tr("From");
    case AllocationRepository::To:
        return tr("Until");
    case AllocationRepository::State:
        return tr("State");
    default:
        return {};
    }
}

Allocation AllocationsTableModel::allocationAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return recordAt(row).value<Allocation>();
}

void AllocationsTableModel::setDate(const QDate &date)
{
    if (date == m_date)
        return;
    m_date = date;
    reload();
}

std::function<Result<RecordTableModel::Page>(Database &)>
AllocationsTableModel::pageLoader(const PageRequest &request) const
{
    const AllocationFilter filter = toAllocationFilter(request.filter, m_date);
    return [request, filter](Database &db) -> Result<Page> {
        const Result<QList<Allocation>> rows = AllocationRepository(db, Actor{}).page(filter, request);
        if (!rows)
            return rows.error();
        Page page;
        page.records.reserve(rows->size());
        for (const Allocation &a : rows.value())
            page.records.append(QVariant::fromValue(a));
        page.atEnd = rows->size() < request.limit;
        return page;
    };
}

std::function<Result<qint64>(Database &)> AllocationsTableModel::countLoader(const ListFilter &filter) const
{
    const AllocationFilter allocationFilter = toAllocationFilter(filter, m_date);
    return [allocationFilter](Database &db) {
        return AllocationRepository(db, Actor{}).count(allocationFilter);
    };
}

QVariant AllocationsTableModel::sortValueOf(const QVariant &record, int column) const
{
    return AllocationRepository::sortValue(record.value<Allocation>(), column);
}

qint64 AllocationsTableModel::idOf(const QVariant &record) const
{
    return record.value<Allocation>().id;
}

int AllocationsTableModel::versionOf(const QVariant &record) const
{
    return record.value<Allocation>().version;
}
