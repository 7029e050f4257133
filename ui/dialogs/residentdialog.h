#pragma once

#include "models/housing/resident.h"
#include "models/housing/residentrepository.h"
#include "ui/dialogs/entitydialog.h"

class QComboBox;
class QLineEdit;

// Creates (an empty Resident) or edits a resident. Deletes itself when closed.
//
//   auto *dialog = new ResidentDialog(context, resident, window);
//   dialog->open();
class ResidentDialog : public EntityDialog<ResidentRepository, Resident>
{
    Q_OBJECT
public:
    ResidentDialog(UndoContext &context, const Resident &resident, QWidget *parent = nullptr);

    static QString displayName(const Resident &resident);

protected:
    Resident formValues() const override;
    void setFormValues(const Resident &resident) override;
    QString describe(const Resident &resident) const override;
    QString conflictText() const override;

private:
    QLineEdit *m_studentId;
    QLineEdit *m_firstName;
    QLineEdit *m_lastName;
    QLineEdit *m_email;
    QLineEdit *m_phone;
    QComboBox *m_status;
    QComboBox *m_contactBy;
    QComboBox *m_language;
};
