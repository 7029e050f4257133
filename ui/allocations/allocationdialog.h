#pragma once

#include "models/housing/allocation/allocation.h"
#include "ui/dialogs/recorddialog.h"

#include <QCoroTask>
#include <QPointer>

class BuildingComboBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QTimer;
class UndoContext;

// New allocation (a reservation) or a change of one (move: room, days, notes). The
// resident is found by a search box (name, student ID or e-mail); the room list shows,
// for the chosen building and days, each room's free beds ("101 — Double · 1 of 2 beds
// free"), with full rooms and rooms out of service greyed out. The data layer decides:
// a bed taken meanwhile by another desktop comes back as the room field's error
// ("Room A-101 is full on 2026-09-03 (2 of 2 beds taken).") and the room list is read
// again. Saving pushes an undoable AllocationCommand. Open with open(); GUI thread only.
//
//   auto *dialog = new AllocationDialog(context, Allocation{}, this);   // new
//   dialog->open();
class AllocationDialog : public RecordDialog
{
    Q_OBJECT
public:
    AllocationDialog(UndoContext &context, const Allocation &allocation, QWidget *parent = nullptr);
    ~AllocationDialog() override;

    bool isNew() const { return m_original.id == 0; }
    // Presets for a new allocation (the page's building filter).
    void setBuilding(qint64 buildingId);

    QLineEdit *residentSearch() const { return m_search; }
    QComboBox *residentCombo() const { return m_resident; }
    BuildingComboBox *buildingCombo() const { return m_building; }
    QComboBox *roomCombo() const { return m_room; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QLineEdit *notesEdit() const { return m_notes; }
    // The room list's entry for a room (-1 if not listed).
    int roomIndex(qint64 roomId) const;

Q_SIGNALS:
    void residentsLoaded(int count);
    void roomsLoaded(int count);
    void saved(const Allocation &stored);

protected:
    QList<FieldError> validateInput() const override;
    void startSave() override;
    void resolveConflict(ConflictChoice choice) override;

private:
    Allocation formValues() const;
    void scheduleRooms();
    QCoro::Task<> loadResidents(QString search);
    QCoro::Task<> loadRooms();
    QCoro::Task<> save();

    QPointer<UndoContext> m_context;
    Allocation m_original;
    QLineEdit *m_search;
    QComboBox *m_resident;
    BuildingComboBox *m_building;
    QComboBox *m_room;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLineEdit *m_notes;
    QTimer *m_searchTimer;
    QTimer *m_roomsTimer;
    quint64 m_roomsGeneration = 0;
    quint64 m_residentsGeneration = 0;
};
