#pragma once

#include "models/housing/allocation/allocation.h"
#include "ui/pages/recordpage.h"

class AllocationsTableModel;
class BuildingComboBox;
class QCheckBox;
class QComboBox;
class QDateEdit;

// The allocations table: search (resident, room), filters by building, state and day;
// New allocation (AllocationDialog), Change (the same dialog: room, days, notes), and
// the day-to-day actions on the selected allocation — Check in (Ctrl+I), Check out
// (Ctrl+Shift+I) and Cancel reservation (Del, with a question), each undoable with
// Edit ▸ Undo (AllocationCommand). Refusals show the data layer's message ("… is
// checked in; it cannot be cancelled …"). GUI thread only.
class AllocationsPage : public RecordPage
{
    Q_OBJECT
public:
    explicit AllocationsPage(UndoContext &context, QWidget *parent = nullptr);

    AllocationsTableModel *allocationsModel() const { return m_allocations; }
    BuildingComboBox *buildingFilter() const { return m_building; }
    void newRecord() override;
    void refreshBuildings();
    void checkInCurrent();
    void checkOutCurrent();

    QAction *const checkInAction;
    QAction *const checkOutAction;

Q_SIGNALS:
    // A check-in, check-out or cancel finished (`ok` false: refused or failed).
    void transitionFinished(bool ok);

protected:
    void editRecord(int sourceRow) override;
    void deleteRecord(int sourceRow) override;
    QString countText(qint64 count) const override;
    void started() override;

private:
    Allocation currentAllocation() const;
    void updateActions();
    void applyDateFilter();
    QCoro::Task<> transition(Allocation allocation, Allocation::State to);

    AllocationsTableModel *m_allocations;
    BuildingComboBox *m_building;
    QComboBox *m_state;
    QCheckBox *m_onDate;
    QDateEdit *m_date;
};
