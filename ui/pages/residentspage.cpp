#include "ui/pages/residentspage.h"

#include "models/itemmodels/recordfilterproxymodel.h"
#include "models/itemmodels/residentstablemodel.h"
#include "ui/allocations/buildingcombobox.h"
#include "ui/dialogs/residentdialog.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>

ResidentsPage::ResidentsPage(UndoContext &context, QWidget *parent)
    : RecordPage(context, QStringLiteral("residents"), parent)
    , m_residents(new ResidentsTableModel(context.executor(), this))
    , m_status(new QComboBox(this))
    , m_building(new BuildingComboBox(context.executor(), tr("All buildings"), this))
    , m_registrarFlags(new QAction(tr("Not in registrar export…"), this))
{
    newAction->setToolTip(tr("Add a resident"));
    editAction->setToolTip(tr("Edit the selected resident"));
    deleteAction->setToolTip(tr("Delete the selected resident"));
    searchEdit()->setPlaceholderText(tr("Search by name, student ID or e-mail…"));
    setEmptyText(tr("No residents yet.\n\nAdd one with New (Ctrl+N), or import a list with File ▸ Import "
                    "residents…."));

    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->addItem(tr("All"), QString());
    for (const auto status :
         {Resident::Status::Active, Resident::Status::Inactive, Resident::Status::Graduated})
        m_status->addItem(Resident::statusLabel(status), Resident::statusCode(status));
    connect(m_status, &QComboBox::currentIndexChanged, this,
            [this] { proxy()->setStatusFilter(m_status->currentData().toString()); });
    addFilter(tr("&Status:"), m_status);
    m_building->setObjectName(QStringLiteral("buildingFilter"));
    m_building->setToolTip(tr("Residents holding a bed in this building today"));
    connect(m_building, &BuildingComboBox::buildingChanged, this,
            [this](qint64 id) { proxy()->setBuildingFilter(id); });
    addFilter(tr("In &building:"), m_building);
    setModel(m_residents);
    m_registrarFlags->setObjectName(QStringLiteral("actionResidentsNotInExport"));
    m_registrarFlags->setToolTip(tr("Residents the registrar's last export did not list, for review"));
    connect(m_registrarFlags, &QAction::triggered, this, &ResidentsPage::registrarFlagsRequested);
    addToolAction(m_registrarFlags);
}

void ResidentsPage::refreshBuildings()
{
    m_building->reload();
}

void ResidentsPage::refreshForAllocations()
{
    if (m_building->buildingId() > 0)
        refreshFromElsewhere();
}

void ResidentsPage::newRecord()
{
    if (raiseOpenDialog())
        return;
    openDialog(new ResidentDialog(context(), Resident{}, this));
}

void ResidentsPage::editRecord(int sourceRow)
{
    openDialog(new ResidentDialog(context(), m_residents->residentAt(sourceRow), this));
}

void ResidentsPage::deleteRecord(int sourceRow)
{
    const Resident resident = m_residents->residentAt(sourceRow);
    confirmDelete<ResidentRepository>(
        resident, tr("resident “%1” (%2)").arg(ResidentDialog::displayName(resident), resident.studentId));
}

QString ResidentsPage::countText(qint64 count) const
{
    return count == 1 ? tr("1 resident") : tr("%L1 residents").arg(count);
}
