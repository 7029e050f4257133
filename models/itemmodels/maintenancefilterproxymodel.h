#pragma once

#include "models/maintenance/maintenance.h"

#include <QSortFilterProxyModel>

#include <optional>

// Filters and sorts a MaintenanceRequestsModel's loaded rows: by state (one state, or
// every unfinished one), building, category, priority, overdue only and free text
// (description, place, technician, category and reporter, case-insensitively). Sorting
// uses the source's SortRole: priorities by urgency, times in time order, ids as
// numbers. GUI thread only.
//
//   MaintenanceFilterProxyModel proxy;
//   proxy.setSourceModel(&model);
//   proxy.setPriority(Maintenance::Priority::Emergency);
//   proxy.setSearchText(u"tap"_s);
class MaintenanceFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit MaintenanceFilterProxyModel(QObject *parent = nullptr);

    void setState(std::optional<Maintenance::State> state);
    void setUnfinishedOnly(bool unfinished);
    void setBuildingCode(const QString &code); // empty: all
    void setCategory(std::optional<Maintenance::Category> category);
    void setPriority(std::optional<Maintenance::Priority> priority);
    void setOverdueOnly(bool overdue);
    void setSearchText(const QString &text);

    qint64 idAt(int proxyRow) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void changed();

    std::optional<Maintenance::State> m_state;
    bool m_unfinishedOnly = false;
    QString m_building;
    std::optional<Maintenance::Category> m_category;
    std::optional<Maintenance::Priority> m_priority;
    bool m_overdueOnly = false;
    QString m_search;
};
