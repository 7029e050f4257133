#include "models/itemmodels/maintenancefilterproxymodel.h"

#include "models/itemmodels/maintenancerequestsmodel.h"

using namespace Qt::StringLiterals;

MaintenanceFilterProxyModel::MaintenanceFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(MaintenanceRequestsModel::SortRole);
    setDynamicSortFilter(true);
}

void MaintenanceFilterProxyModel::changed()
{
    invalidateFilter();
}

void MaintenanceFilterProxyModel::setState(std::optional<Maintenance::State> state)
{
    m_state = state;
    changed();
}

void MaintenanceFilterProxyModel::setUnfinishedOnly(bool unfinished)
{
    m_unfinishedOnly = unfinished;
    changed();
}

void MaintenanceFilterProxyModel::setBuildingCode(const QString &code)
{
    m_building = code;
    changed();
}

void MaintenanceFilterProxyModel::setCategory(std::optional<Maintenance::Category> category)
{
    m_category = category;
    changed();
}

void MaintenanceFilterProxyModel::setPriority(std::optional<Maintenance::Priority> priority)
{
    m_priority = priority;
    changed();
}

void MaintenanceFilterProxyModel::setOverdueOnly(bool overdue)
{
    m_overdueOnly = overdue;
    changed();
}

void MaintenanceFilterProxyModel::setSearchText(const QString &text)
{
    m_search = text.trimmed();
    changed();
}

qint64 MaintenanceFilterProxyModel::idAt(int proxyRow) const
{
    return index(proxyRow, 0).data(MaintenanceRequestsModel::IdRole).toLongLong();
}

bool MaintenanceFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto r = i.data(MaintenanceRequestsModel::RecordRole).value<MaintenanceRequest>();
    if (m_state && r.state != *m_state)
        return false;
    if (m_unfinishedOnly && Maintenance::isFinished(r.state))
        return false;
    if (!m_building.isEmpty() && r.buildingCode != m_building)
        return false;
    if (m_category && r.category != *m_category)
        return false;
    if (m_priority && r.priority != *m_priority)
        return false;
    if (m_overdueOnly && !i.data(MaintenanceRequestsModel::OverdueRole).toBool())
        return false;
    if (m_search.isEmpty())
        return true;
    const QString reporter = r.reportedByResidentId > 0 ? r.reporterName : r.reportedByStaff;
    for (const QString &text : {r.description, r.placeLabel(), r.technicianName, reporter,
                                Maintenance::categoryLabel(r.category), QString::number(r.id)}) {
        if (text.contains(m_search, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool MaintenanceFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    const int order = QVariant::compare(l, r) == QPartialOrdering::Less      ? -1
                      : QVariant::compare(l, r) == QPartialOrdering::Greater ? 1
                                                                             : 0;
    if (order != 0)
        return order < 0;
    // Ties in a stable order: by id.
    return left.data(MaintenanceRequestsModel::IdRole).toLongLong() <
           right.data(MaintenanceRequestsModel::IdRole).toLongLong();
}
