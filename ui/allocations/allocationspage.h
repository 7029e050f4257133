#pragma once

#include "models/housing/allocation/allocation.h"
#include "models/housing/allocation/deposit.h"

#include "ui/pages/recordpage.h"
#include <optional>

class AllocationsTableModel;
class BuildingComboBox;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;

// The allocations table: search (resident, room), filters by building, state and day;
// New allocation (AllocationDialog), Change (the same dialog: room, days, notes), and
// the day-to-day actions on the selected allocation — Check in (Ctrl+I), Check out
// (Ctrl+Shift+I) and Cancel reservation (Del, with a question), each undoable with
// Edit ▸ Undo (AllocationCommand). Refusals show the data layer's message ("… is
// checked in; it cannot be cancelled …", "… cannot be checked in: its deposit of 250.00
// is required …"). The selected reservation's deposit is shown under the table, with
// Require deposit…, Record deposit payment… and (administrators) Waive deposit.
// Check-out and cancel go through WaitlistService, which queues the offer of the freed
// bed to the waitlist. GUI thread only.
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
    QAction *const requireDepositAction;
    QAction *const payDepositAction;
    QAction *const waiveDepositAction; // administrators only
    QLabel *depositLabel() const { return m_deposit; }
    // The selected allocation's deposit as last loaded (none: no deposit required).
    const std::optional<Deposit> &currentDeposit() const { return m_currentDeposit; }

Q_SIGNALS:
    // A check-in, check-out or cancel finished (`ok` false: refused or failed).
    void transitionFinished(bool ok);
    // The selected allocation's deposit was read (depositLabel() shows it).
    void depositLoaded();
    // A deposit change finished (`ok` false: refused or failed).
    void depositChanged(bool ok);

protected:
    void editRecord(int sourceRow) override;
    void deleteRecord(int sourceRow) override;
    QString countText(qint64 count) const override;
    void started() override;
    bool filtersActive() const override;

private:
    Allocation currentAllocation() const;
    void updateActions();
    void applyDateFilter();
    QCoro::Task<> transition(Allocation allocation, Allocation::State to);
    enum class DepositStep { Require, Pay, Waive };
    void askDeposit(DepositStep step);
    QCoro::Task<> loadDeposit();
    void updateDepositActions();
    QCoro::Task<> changeDeposit(Allocation allocation, DepositStep step, qint64 cents, QDate paidOn,
                                QString reference);

    AllocationsTableModel *m_allocations;
    BuildingComboBox *m_building;
    QComboBox *m_state;
    QCheckBox *m_onDate;
    QDateEdit *m_date;
    QLabel *m_deposit;
    std::optional<Deposit> m_currentDeposit;
    qint64 m_depositShownFor = 0; // the allocation whose deposit m_currentDeposit is
    quint64 m_depositGeneration = 0;
};
