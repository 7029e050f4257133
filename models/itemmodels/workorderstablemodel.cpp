#include "models/itemmodels/workorderstablemodel.h"

WorkOrdersTableModel::WorkOrdersTableModel(DbExecutor &executor, QObject *parent)
    : RecordTableModel(executor, parent)
{}

void WorkOrdersTableModel::setWorkOrderFilter(const WorkOrderFilter &filter)
{
    if (m_filterSet && filter == m_workOrderFilter)
        return;
    m_filterSet = true;
    m_workOrderFilter = filter;
    reload();
}

WorkOrderFilter WorkOrdersTableModel::effectiveFilter(const ListFilter &filter) const
{
    WorkOrderFilter f = m_workOrderFilter;
    if (f.search.trimmed().isEmpty())
        f.search = filter.search;
    if (!f.protocolState && !filter.status.isEmpty())
        f.protocolState = Protocol::stateFromCode(filter.status);
    return f;
}

int WorkOrdersTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : WorkOrderRepository::ColumnCount;
}

QVariant WorkOrdersTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (role >= IdRole)
        return recordRoleData(index, role);
    if (role == Qt::TextAlignmentRole && index.column() == WorkOrderRepository::Analyses)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)
        return {};
    const WorkOrder w = workOrderAt(index.row());
    switch (index.column()) {
    case WorkOrderRepository::ProtocolNumber:
        return w.protocolNumber;
    case WorkOrderRepository::Client:
        return w.clientName;
    case WorkOrderRepository::Species:
        return w.species;
    case WorkOrderRepository::ProtocolState:
        return Protocol::stateLabel(w.protocolState);
    case WorkOrderRepository::AssignedVet:
        return w.assignedVet;
    case WorkOrderRepository::Analyses:
        return w.analysisCount;
    default:
        return {};
    }
}

QVariant WorkOrdersTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return RecordTableModel::headerData(section, orientation, role);
    switch (section) {
    case WorkOrderRepository::ProtocolNumber:
        return tr("Protocol");
    case WorkOrderRepository::Client:
        return tr("Client");
    case WorkOrderRepository::Species:
        return tr("Species");
    case WorkOrderRepository::ProtocolState:
        return tr("State");
    case WorkOrderRepository::AssignedVet:
        return tr("Vet");
    case WorkOrderRepository::Analyses:
        return tr("Analyses");
    default:
        return {};
    }
}

WorkOrder WorkOrdersTableModel::workOrderAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return recordAt(row).value<WorkOrder>();
}

std::function<Result<RecordTableModel::Page>(Database &)>
WorkOrdersTableModel::pageLoader(const PageRequest &request) const
{
    const WorkOrderFilter filter = effectiveFilter(request.filter);
    return [request, filter](Database &db) -> Result<Page> {
        const Result<QList<WorkOrder>> rows = WorkOrderRepository(db, Actor{}).page(filter, request);
        if (!rows)
            return rows.error();
        Page page;
        page.records.reserve(rows->size());
        for (const WorkOrder &w : rows.value())
            page.records.append(QVariant::fromValue(w));
        page.atEnd = rows->size() < request.limit;
        return page;
    };
}

std::function<Result<qint64>(Database &)>
WorkOrdersTableModel::countLoader(const ListFilter &listFilter) const
{
    const WorkOrderFilter filter = effectiveFilter(listFilter);
    return [filter](Database &db) {
        return WorkOrderRepository(db, Actor{}).count(filter);
    };
}

QVariant WorkOrdersTableModel::sortValueOf(const QVariant &record, int column) const
{
    return WorkOrderRepository::sortValue(record.value<WorkOrder>(), column);
}

qint64 WorkOrdersTableModel::idOf(const QVariant &record) const
{
    return record.value<WorkOrder>().id;
}

int WorkOrdersTableModel::versionOf(const QVariant &record) const
{
    return record.value<WorkOrder>().version;
}
