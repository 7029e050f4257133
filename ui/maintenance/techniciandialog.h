#pragma once

#include "models/maintenance/maintenance.h"
#include "models/maintenance/technicianrepository.h"
#include "ui/dialogs/entitydialog.h"

#include <QHash>

class QCheckBox;
class QComboBox;
class QLineEdit;

// Adds or edits one maintenance technician: name, e-mail, skills (the request
// categories they take), working days and hours, the language of their job e-mails
// (Office default / English / Español: maintenance_technicians.language) and whether
// they are active. Saving goes through TechnicianRepository::add/update on the
// executor's write pool; the data layer's refusals show at their fields and nothing is
// stored. Versioned: if someone else saved first, the "Changed by someone else" box
// offers Reload or Overwrite. Absent days are kept as they are (`technicians absent`).
// Housing staff and administrators (PostgreSQL refuses everybody else). Opened with
// open(); deletes itself when closed. GUI thread only.
//
//   auto *dialog = new TechnicianDialog(executor, actor, 0, parent);   // 0: a new one
//   connect(dialog, &TechnicianDialog::saved, this, [](const Technician &t) { ... });
//   dialog->open();
class TechnicianDialog : public EntityDialog<TechnicianRepository, Technician>
{
    Q_OBJECT
public:
    TechnicianDialog(DbExecutor &executor, const Actor &actor, qint64 technicianId,
                     QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *emailEdit() const { return m_email; }
    QCheckBox *skillBox(Maintenance::Category category) const { return m_skills.value(int(category)); }
    // ISO weekday, 1 = Monday.
    QCheckBox *dayBox(int weekday) const { return m_days.value(weekday); }
    QComboBox *startsBox() const { return m_starts; }
    QComboBox *endsBox() const { return m_ends; }
    QComboBox *languageBox() const { return m_language; }
    QCheckBox *activeBox() const { return m_active; }
    // Chooses the working hours (minutes after midnight), adding a choice if needed.
    void setHours(int starts, int ends);

Q_SIGNALS:
    void saved(const Technician &technician);

protected:
    Texts texts() const override;
    Technician formValues() const override;
    void setFormValues(const Technician &technician) override;
    QString conflictText() const override;
    void savedRecord(const Technician &technician) override { Q_EMIT saved(technician); }

private:
    static Result<Technician> write(Database &db, const Actor &actor, const Technician &technician,
                                    bool overwrite);

    QLineEdit *m_name;
    QLineEdit *m_email;
    QHash<int, QCheckBox *> m_skills; // by Maintenance::Category
    QHash<int, QCheckBox *> m_days;   // by ISO weekday
    QComboBox *m_starts;
    QComboBox *m_ends;
    QComboBox *m_language;
    QCheckBox *m_active;
};
