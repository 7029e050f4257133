#include "ui/dialogs/buildingdialog.h"

#include <QLineEdit>
#include <QSpinBox>

BuildingDialog::BuildingDialog(UndoContext &context, const Building &building, QWidget *parent)
    : EntityDialog(context, building, parent)
    , m_code(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_address(new QLineEdit(this))
    , m_floors(new QSpinBox(this))
{
    setObjectName(QStringLiteral("buildingDialog"));
    setWindowTitle(isNew() ? tr("New Building") : tr("Edit Building"));
    m_code->setPlaceholderText(tr("Short code, e.g. NH"));
    m_floors->setRange(0, 200);

    addField(QStringLiteral("code"), tr("&Code:"), m_code);
    addField(QStringLiteral("name"), tr("&Name:"), m_name);
    addField(QStringLiteral("address"), tr("&Address:"), m_address);
    addField(QStringLiteral("floors"), tr("&Floors:"), m_floors);
    showRecord(building);
}

QString BuildingDialog::displayName(const Building &building)
{
    return building.name.isEmpty() ? building.code : building.name;
}

Building BuildingDialog::formValues() const
{
    Building b;
    b.code = m_code->text().trimmed();
    b.name = m_name->text().trimmed();
    b.address = m_address->text().trimmed();
    b.floors = m_floors->value();
    return b;
}

void BuildingDialog::setFormValues(const Building &building)
{
    m_code->setText(building.code);
    m_name->setText(building.name);
    m_address->setText(building.address);
    m_floors->setValue(building.floors);
}

QString BuildingDialog::describe(const Building &building) const
{
    return tr("building “%1”").arg(displayName(building));
}

QString BuildingDialog::conflictText() const
{
    return tr("This building was changed by someone else since you opened it.");
}
