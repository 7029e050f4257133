#pragma once

#include "models/housing/waitlist/waitlistentry.h"
#include "ui/dialogs/recorddialog.h"

#include <QCoroTask>
#include <QPointer>

class BuildingComboBox;
class QComboBox;
class QLineEdit;
class QTimer;
class UndoContext;

// Add to waitlist: a resident (found by name, student ID or e-mail) goes to the end of
// the list of a building and room type, as `residesk waitlist add` does. The data
// layer decides: a resident already on that list is refused with their position
// ("… is already number 2 on …"), and the form keeps what was typed. Open with open();
// GUI thread only.
//
//   auto *dialog = new WaitlistAddDialog(context, this);
//   dialog->preset(buildingId, Room::Type::Double);
//   dialog->open();
class WaitlistAddDialog : public RecordDialog
{
    Q_OBJECT
public:
    explicit WaitlistAddDialog(UndoContext &context, QWidget *parent = nullptr);
    ~WaitlistAddDialog() override;

    // The building and room type to start from (the page's filters); 0 / none: choose.
    void preset(qint64 buildingId, std::optional<Room::Type> type);

    QLineEdit *residentSearch() const { return m_search; }
    QComboBox *residentCombo() const { return m_resident; }
    BuildingComboBox *buildingCombo() const { return m_building; }
    QComboBox *roomTypeCombo() const { return m_type; }
    QLineEdit *notesEdit() const { return m_notes; }

Q_SIGNALS:
    void residentsLoaded(int count);
    void saved(const WaitlistEntry &entry);

protected:
    QList<FieldError> validateInput() const override;
    void startSave() override;
    void resolveConflict(ConflictChoice choice) override;

private:
    QCoro::Task<> loadResidents(QString search);
    QCoro::Task<> save();

    QPointer<UndoContext> m_context;
    QLineEdit *m_search;
    QComboBox *m_resident;
    BuildingComboBox *m_building;
    QComboBox *m_type;
    QLineEdit *m_notes;
    QTimer *m_searchTimer;
    quint64 m_residentsGeneration = 0;
};
