#include "ui/allocations/allocationspage.h"

#include "models/db/dbexecutor.h"
#include "models/housing/allocation/allocationrepository.h"
#include "models/housing/allocation/allocationstablemodel.h"
#include "models/housing/allocation/depositrepository.h"
#include "models/itemmodels/recordfilterproxymodel.h"
#include "tasks/waitlist/waitlistservice.h"
#include "ui/allocations/allocationcommand.h"
#include "ui/allocations/allocationdialog.h"
#include "ui/allocations/buildingcombobox.h"
#include "ui/allocations/depositdialog.h"
#include "ui/widgets/icons.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCoroFuture>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>

using namespace Qt::StringLiterals;

AllocationsPage::AllocationsPage(UndoContext &context, QWidget *parent)
    : RecordPage(context, u"allocations"_s, parent)
    , checkInAction(new QAction(Icons::get(Icons::CheckIn), tr("Check &in"), this))
    , checkOutAction(new QAction(Icons::get(Icons::CheckOut), tr("Check &out"), this))
    , requireDepositAction(new QAction(tr("Require &deposit…"), this))
    , payDepositAction(new QAction(tr("Record deposit &payment…"), this))
    , waiveDepositAction(new QAction(tr("&Waive deposit"), this))
    , m_allocations(new AllocationsTableModel(context.executor(), this))
    , m_building(new BuildingComboBox(context.executor(), tr("All buildings"), this))
    , m_state(new QComboBox(this))
    , m_onDate(new QCheckBox(tr("On &day:"), this))
    , m_date(new QDateEdit(QDate::currentDate(), this))
    , m_deposit(new QLabel(this))
{
    newAction->setToolTip(tr("Reserve a bed for a resident"));
    editAction->setText(tr("Change"));
    editAction->setToolTip(tr("Change the room, the days or the notes of the selected allocation"));
    deleteAction->setText(tr("Cancel reservation"));
    deleteAction->setToolTip(tr("Cancel the selected reservation (Del)"));
    searchEdit()->setPlaceholderText(tr("Search by resident, student ID or room…"));

    checkInAction->setObjectName(u"checkInAction"_s);
    checkInAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    checkInAction->setToolTip(tr("Check the selected resident in (Ctrl+I)"));
    checkOutAction->setObjectName(u"checkOutAction"_s);
    checkOutAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    checkOutAction->setToolTip(tr("Check the selected resident out (Ctrl+Shift+I)"));
    for (QAction *action : {checkInAction, checkOutAction}) {
        // Only while the page has the focus: the shortcuts act on its selected row.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setEnabled(false);
        addAction(action);
        addToolAction(action);
    }
    connect(checkInAction, &QAction::triggered, this, &AllocationsPage::checkInCurrent);
    connect(checkOutAction, &QAction::triggered, this, &AllocationsPage::checkOutCurrent);

    requireDepositAction->setObjectName(u"requireDepositAction"_s);
    requireDepositAction->setToolTip(tr("The selected reservation requires a deposit before check-in"));
    payDepositAction->setObjectName(u"payDepositAction"_s);
    payDepositAction->setToolTip(tr("Record the payment of the selected reservation's deposit"));
    waiveDepositAction->setObjectName(u"waiveDepositAction"_s);
    waiveDepositAction->setToolTip(tr("Waive the selected reservation's deposit (administrators)"));
    // Waivers are the administrators' (PostgreSQL refuses anybody else's).
    waiveDepositAction->setVisible(context.actor().role == Actor::Role::Admin);
    for (QAction *action : {requireDepositAction, payDepositAction, waiveDepositAction}) {
        action->setEnabled(false);
        addToolAction(action);
    }
    connect(requireDepositAction, &QAction::triggered, this, [this] { askDeposit(DepositStep::Require); });
    connect(payDepositAction, &QAction::triggered, this, [this] { askDeposit(DepositStep::Pay); });
    connect(waiveDepositAction, &QAction::triggered, this, [this] { askDeposit(DepositStep::Waive); });
    m_deposit->setObjectName(u"depositLabel"_s);
    addFilter(QString(), m_deposit);
    // A reload (here or from another desktop) may have changed the selected row's deposit.
    connect(m_allocations, &RecordTableModel::pageLoaded, this, [this](bool first) {
        if (first)
            loadDeposit();
    });

    m_building->setObjectName(u"buildingFilter"_s);
    connect(m_building, &BuildingComboBox::buildingChanged, this,
            [this](qint64 id) { proxy()->setBuildingFilter(id); });
    addFilter(tr("&Building:"), m_building);

    m_state->setObjectName(u"stateFilter"_s);
    m_state->addItem(tr("All"), QString());
    for (const auto state : {Allocation::State::Reserved, Allocation::State::CheckedIn,
                             Allocation::State::CheckedOut, Allocation::State::Cancelled})
        m_state->addItem(Allocation::stateLabel(state), Allocation::stateCode(state));
    connect(m_state, &QComboBox::currentIndexChanged, this,
            [this] { proxy()->setStatusFilter(m_state->currentData().toString()); });
    addFilter(tr("&State:"), m_state);

    m_onDate->setObjectName(u"onDateFilter"_s);
    m_date->setObjectName(u"dateFilter"_s);
    m_date->setAccessibleName(tr("Day"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(u"yyyy-MM-dd"_s);
    m_date->setEnabled(false);
    connect(m_onDate, &QCheckBox::toggled, this, [this](bool on) {
        m_date->setEnabled(on);
        applyDateFilter();
    });
    connect(m_date, &QDateEdit::dateChanged, this, &AllocationsPage::applyDateFilter);
    addFilter(QString(), m_onDate);
    addFilter(QString(), m_date);

    setEmptyText(tr("No allocations yet.\n\nFirst add the buildings and their rooms (Buildings, Rooms), and "
                    "the residents (Residents, or File ▸ Import residents…). Then reserve a bed for a "
                    "resident here with New (Ctrl+N), and check them in when they arrive."));
    // The resident's name and student id, the room's number and its building's code are columns.
    followTables({u"residents"_s, u"rooms"_s, u"buildings"_s});
    setModel(m_allocations);
}

void AllocationsPage::started()
{
    refreshBuildings();
    // After RecordPage's own handler (connected in start()), which enables Edit and
    // Delete for any row: here they follow the row's state.
    connect(this, &RecordPage::currentChanged, this, &AllocationsPage::updateActions);
    updateActions();
}

bool AllocationsPage::filtersActive() const
{
    return m_building->buildingId() != 0 || !m_state->currentData().toString().isEmpty() ||
           m_onDate->isChecked();
}

void AllocationsPage::refreshBuildings()
{
    m_building->reload();
}

void AllocationsPage::applyDateFilter()
{
    m_allocations->setDate(m_onDate->isChecked() ? m_date->date() : QDate());
}

Allocation AllocationsPage::currentAllocation() const
{
    const int row = currentSourceRow();
    return row >= 0 ? m_allocations->allocationAt(row) : Allocation{};
}

void AllocationsPage::updateActions()
{
    const Allocation a = currentAllocation();
    checkInAction->setEnabled(a.id > 0 && a.state == Allocation::State::Reserved);
    checkOutAction->setEnabled(a.id > 0 && a.state == Allocation::State::CheckedIn);
    deleteAction->setEnabled(a.id > 0 && a.state == Allocation::State::Reserved);
    editAction->setEnabled(a.id > 0 && a.isActive());
    updateDepositActions();
    if (m_depositShownFor != a.id)
        loadDeposit();
}

void AllocationsPage::updateDepositActions()
{
    const Allocation a = currentAllocation();
    const bool known = a.id > 0 && m_depositShownFor == a.id;
    const bool reserved = known && a.state == Allocation::State::Reserved;
    const bool open = m_currentDeposit && !m_currentDeposit->isSettled();
    requireDepositAction->setEnabled(reserved && (!m_currentDeposit || open));
    payDepositAction->setEnabled(reserved && (!m_currentDeposit || open));
    waiveDepositAction->setEnabled(reserved && open);
}

QCoro::Task<> AllocationsPage::loadDeposit()
{
    const Allocation a = currentAllocation();
    const quint64 generation = ++m_depositGeneration;
    m_currentDeposit.reset();
    m_depositShownFor = 0;
    updateDepositActions();
    if (a.id <= 0) {
        m_deposit->clear();
        co_return;
    }
    QPointer<AllocationsPage> self(this);
    const Actor actor = context().actor();
    auto work = [id = a.id, actor](Database &db) {
        return DepositRepository(db, actor).find(id);
    };
    auto future = context().executor().read(std::move(work));
    const Result<std::optional<Deposit>> found = co_await future;
    if (!self || generation != m_depositGeneration)
        co_return;
    if (!found) {
        m_deposit->setText(tr("Deposit: could not be read (%1)").arg(found.error().message));
        co_return;
    }
    m_currentDeposit = found.value();
    m_depositShownFor = a.id;
    m_deposit->setText(m_currentDeposit ? tr("Deposit: %1").arg(m_currentDeposit->summary())
                                        : tr("Deposit: none required"));
    updateDepositActions();
    Q_EMIT depositLoaded();
}

void AllocationsPage::askDeposit(DepositStep step)
{
    const Allocation a = currentAllocation();
    if (a.id <= 0)
        return;
    if (step == DepositStep::Waive) {
        changeDeposit(a, step, 0, {}, {});
        return;
    }
    auto *dialog = new DepositDialog(
        step == DepositStep::Require ? DepositDialog::Mode::Require : DepositDialog::Mode::Payment,
        tr("Allocation %1: %2 in room %3.").arg(a.id).arg(a.residentLabel(), a.roomLabel()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, a, step, dialog] {
        changeDeposit(a, step, dialog->cents(), dialog->paidOn(), dialog->reference());
    });
    dialog->open();
}

QCoro::Task<> AllocationsPage::changeDeposit(Allocation allocation, DepositStep step, qint64 cents,
                                             QDate paidOn, QString reference)
{
    QPointer<AllocationsPage> self(this);
    QPointer<UndoContext> ctx(&context());
    const Actor actor = ctx->actor();
    auto work = [=](Database &db) {
        DepositRepository deposits(db, actor);
        switch (step) {
        case DepositStep::Require:
            return deposits.require(allocation.id, cents);
        case DepositStep::Pay:
            return deposits.recordPayment(allocation.id, cents, paidOn, reference);
        case DepositStep::Waive:
            break;
        }
        return deposits.waive(allocation.id);
    };
    auto future = ctx->executor().write(std::move(work));
    const Result<Deposit> result = co_await future;
    if (!ctx)
        co_return;
    if (!result) {
        const QString what = step == DepositStep::Require ? tr("Require a deposit from %1")
                             : step == DepositStep::Pay   ? tr("Record the deposit of %1")
                                                          : tr("Waive the deposit of %1");
        ctx->reportFailure(what.arg(allocation.residentLabel()), result.error());
    }
    if (!self)
        co_return;
    loadDeposit();
    Q_EMIT depositChanged(result.ok());
}

void AllocationsPage::newRecord()
{
    if (raiseOpenDialog())
        return;
    auto *dialog = new AllocationDialog(context(), Allocation{}, this);
    dialog->setBuilding(m_building->buildingId());
    openDialog(dialog);
}

void AllocationsPage::editRecord(int sourceRow)
{
    openDialog(new AllocationDialog(context(), m_allocations->allocationAt(sourceRow), this));
}

void AllocationsPage::deleteRecord(int sourceRow)
{
    const Allocation a = m_allocations->allocationAt(sourceRow);
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Cancel reservation"),
                        tr("Cancel the reservation of room %1 for %2?").arg(a.roomLabel(), a.residentLabel()),
                        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(u"cancelConfirmBox"_s);
    box->setInformativeText(tr("The bed becomes free again. The cancelled reservation stays on record."));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, a](int result) {
        if (result == QMessageBox::Yes)
            transition(a, Allocation::State::Cancelled);
    });
    box->open();
}

void AllocationsPage::checkInCurrent()
{
    const Allocation a = currentAllocation();
    if (a.id > 0)
        transition(a, Allocation::State::CheckedIn);
}

void AllocationsPage::checkOutCurrent()
{
    const Allocation a = currentAllocation();
    if (a.id > 0)
        transition(a, Allocation::State::CheckedOut);
}

QString AllocationsPage::countText(qint64 count) const
{
    return count == 1 ? tr("1 allocation") : tr("%L1 allocations").arg(count);
}

QCoro::Task<> AllocationsPage::transition(Allocation allocation, Allocation::State to)
{
    QPointer<AllocationsPage> self(this);
    QPointer<UndoContext> ctx(&context());
    const Actor actor = ctx->actor();
    // Named locals, not temporaries: GCC 12 destroys temporaries of a co_await
    // full-expression twice (GCC bug 100611).
    auto work = [allocation, to, actor](Database &db) {
        // Check-out and cancel free a bed: WaitlistService offers it to the waitlist.
        switch (to) {
        case Allocation::State::CheckedIn:
            return AllocationRepository(db, actor).checkIn(allocation.id, allocation.version);
        case Allocation::State::CheckedOut:
            return WaitlistService(db, actor).checkOut(allocation.id, allocation.version);
        case Allocation::State::Cancelled:
        case Allocation::State::Reserved:
            break;
        }
        return WaitlistService(db, actor).cancel(allocation.id, allocation.version);
    };
    auto future = ctx->executor().write(std::move(work));
    const Result<Allocation> result = co_await future;
    if (!ctx)
        co_return;
    QString what;
    AllocationCommand::Kind kind = AllocationCommand::Kind::Cancel;
    switch (to) {
    case Allocation::State::CheckedIn:
        what = tr("Check in %1").arg(allocation.residentLabel());
        kind = AllocationCommand::Kind::CheckIn;
        break;
    case Allocation::State::CheckedOut:
        what = tr("Check out %1").arg(allocation.residentLabel());
        kind = AllocationCommand::Kind::CheckOut;
        break;
    case Allocation::State::Cancelled:
    case Allocation::State::Reserved:
        what = tr("Cancel the reservation of %1").arg(allocation.residentLabel());
        break;
    }
    if (result) // Edit ▸ Undo takes it back (a mistaken Ctrl+I, the wrong row)
        ctx->undoStack()->push(new AllocationCommand(*ctx, kind, allocation, result.value(), what));
    else
        ctx->reportFailure(what, result.error());
    ctx->notifyChanged(qMetaTypeId<Allocation>());
    if (self)
        Q_EMIT transitionFinished(result.ok());
}
