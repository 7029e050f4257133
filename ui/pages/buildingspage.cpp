#include "ui/pages/buildingspage.h"

#include "models/itemmodels/buildingstablemodel.h"
#include "ui/dialogs/buildingdialog.h"

#include <QLineEdit>

BuildingsPage::BuildingsPage(UndoContext &context, QWidget *parent)
    : RecordPage(context, QStringLiteral("buildings"), parent)
    , m_buildings(new BuildingsTableModel(context.executor(), this))
{
    newAction->setToolTip(tr("Add a building"));
    editAction->setToolTip(tr("Edit the selected building"));
    deleteAction->setToolTip(tr("Delete the selected building"));
    searchEdit()->setPlaceholderText(tr("Search by code, name or address…"));
    setEmptyText(
        tr("No buildings yet.\n\nAdd the first with New (Ctrl+N); its rooms come next, on the Rooms page."));
    setModel(m_buildings);
}

void BuildingsPage::newRecord()
{
    if (raiseOpenDialog())
        return;
    openDialog(new BuildingDialog(context(), Building{}, this));
}

void BuildingsPage::editRecord(int sourceRow)
{
    openDialog(new BuildingDialog(context(), m_buildings->buildingAt(sourceRow), this));
}

void BuildingsPage::deleteRecord(int sourceRow)
{
    const Building building = m_buildings->buildingAt(sourceRow);
    confirmDelete<BuildingRepository>(
        building, tr("building “%1” (%2)").arg(BuildingDialog::displayName(building), building.code));
}

QString BuildingsPage::countText(qint64 count) const
{
    return count == 1 ? tr("1 building") : tr("%L1 buildings").arg(count);
}
