#pragma once

#include "models/db/result.h"
#include "models/maintenance/maintenance.h"
#include "models/maintenance/maintenancerepository.h"

#include <QAbstractTableModel>
#include <QCoroTask>
#include <QDateTime>
#include <QMap>

class DbExecutor;

// The maintenance requests a list shows, read through MaintenanceRepository::list on
// the DbExecutor's read pool (never on the GUI thread). The database narrows the rows
// (setFilter: state, unfinished, overdue); MaintenanceFilterProxyModel filters the
// loaded rows further and sorts them. Overdue rows (unfinished and past their due time
// at now()) are red. A reload keeps nothing stale: a late answer of an older load is
// dropped. Lives on the GUI thread; the executor outlives it.
//
//   MaintenanceRequestsModel model(executor);
//   model.setFilter({.unfinishedOnly = true});   // reloads
//   connect(&events, &EventBus::recordsChanged, &model, [&](const QString &t) { model.reload(); });
class MaintenanceRequestsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        PlaceColumn,
        CategoryColumn,
        PriorityColumn,
        StateColumn,
        TechnicianColumn,
        DueColumn,
        DescriptionColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Roles {
        IdRole = Qt::UserRole + 1,
        RecordRole,   // QVariant holding the MaintenanceRequest
        OverdueRole,  // bool
        SortRole,     // a value that sorts the column (priority order, due time, …)
        BuildingRole, // the building's code
    };

    explicit MaintenanceRequestsModel(DbExecutor &executor, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The rows the database returns (the limit included); reloads when it differs
    // (and says so).
    bool setFilter(const MaintenanceFilter &filter);
    MaintenanceFilter filter() const { return m_filter; }
    // Reads the rows again (after a change here or elsewhere).
    void reload();
    bool isLoading() const { return m_loading; }
    // "Overdue" is judged at this time; null: the current time (tests pin it).
    void setNow(const QDateTime &now);
    QDateTime now() const;

    const MaintenanceRequest &request(int row) const { return m_rows.at(row); }
    int rowOfId(qint64 id) const;
    // The buildings of the loaded rows: code → name, for a filter's choices.
    QMap<QString, QString> buildings() const;

Q_SIGNALS:
    void loaded();
    void loadFailed(const DbError &error);

private:
    QCoro::Task<> load();

    DbExecutor &m_executor;
    MaintenanceFilter m_filter;
    QList<MaintenanceRequest> m_rows;
    QDateTime m_now;
    quint64 m_generation = 0;
    bool m_loading = false;
};
