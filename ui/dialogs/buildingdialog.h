#pragma once

#include "models/housing/building.h"
#include "models/housing/buildingrepository.h"
#include "ui/dialogs/entitydialog.h"

class QLineEdit;
class QSpinBox;

// Creates (an empty Building) or edits a building. Deletes itself when closed.
class BuildingDialog : public EntityDialog<BuildingRepository, Building>
{
    Q_OBJECT
public:
    BuildingDialog(UndoContext &context, const Building &building, QWidget *parent = nullptr);

    static QString displayName(const Building &building);

protected:
    Building formValues() const override;
    void setFormValues(const Building &building) override;
    QString describe(const Building &building) const override;
    QString conflictText() const override;

private:
    QLineEdit *m_code;
    QLineEdit *m_name;
    QLineEdit *m_address;
    QSpinBox *m_floors;
};
