#pragma once

#include "models/maintenance/maintenancerepository.h"

#include <QWidget>

class MaintenanceFilterProxyModel;
class MaintenanceRequestsModel;
class MaintenanceUi;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

// The Maintenance page: the requests (MaintenanceRequestsModel, read on the executor's
// read pool) behind MaintenanceFilterProxyModel, with filters by state ("Open work" by
// default: every unfinished request), building, category, priority, "Overdue only" and
// free text; header clicks sort; overdue rows are red. Double-click or Open shows the
// request's window; New request… (housing staff and administrators) opens the dialog;
// Technicians… the list of technicians (TechniciansDialog).
// refresh() reloads now if shown, else when it is next shown. GUI thread only.
class MaintenancePage : public QWidget
{
    Q_OBJECT
public:
    explicit MaintenancePage(MaintenanceUi &ui, QWidget *parent = nullptr);

    void start();
    void refresh();
    void setWritable(bool writable);
    // The open work of one priority (or of all), overdue only or not, with the other
    // filters cleared: what a dashboard figure counted.
    void showOpenWork(std::optional<Maintenance::Priority> priority, bool overdueOnly);

    MaintenanceRequestsModel *model() const { return m_model; }
    MaintenanceFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QComboBox *stateFilter() const { return m_state; }
    QComboBox *buildingFilter() const { return m_building; }
    QComboBox *categoryFilter() const { return m_category; }
    QComboBox *priorityFilter() const { return m_priority; }
    QCheckBox *overdueFilter() const { return m_overdue; }
    QLineEdit *searchEdit() const { return m_search; }
    QPushButton *newButton() const { return m_new; }
    QPushButton *techniciansButton() const { return m_technicians; }
    // The request of the current row; 0 without one.
    qint64 currentId() const;

Q_SIGNALS:
    // The rows were (re)loaded and filtered.
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void applyFilters();
    void fillBuildings();
    void updateCount();
    void openCurrent();

    MaintenanceUi &m_ui;
    MaintenanceRequestsModel *m_model;
    MaintenanceFilterProxyModel *m_proxy;
    QComboBox *m_state;
    QComboBox *m_building;
    QComboBox *m_category;
    QComboBox *m_priority;
    QCheckBox *m_overdue;
    QLineEdit *m_search;
    QPushButton *m_new;
    QPushButton *m_open;
    QPushButton *m_technicians;
    QTableView *m_view;
    QLabel *m_count;
    QTimer *m_searchTimer;
    MaintenanceFilter m_filter;
    qint64 m_keepId = 0;
    bool m_started = false;
    bool m_stale = false;
};
