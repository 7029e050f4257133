#pragma once

#include <QCoroTask>
#include <QDialog>

class BuildingComboBox;
class MaintenanceUi;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

// New maintenance request: building, room (or the building's common area), category,
// priority (its response target shown), description, who reported it (the signed-in
// staff member, or a resident by student id) and permission to enter. OK stores the
// request and queues its processing (maintenance.process) in one transaction, on the
// executor's write thread, the same path as `residesk maintenance add`; the dialog
// stays open with the reason when the data layer or PostgreSQL refuses. Non-modal,
// deleted when closed. GUI thread only.
class NewMaintenanceRequestDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewMaintenanceRequestDialog(MaintenanceUi &ui, QWidget *parent = nullptr);

    BuildingComboBox *buildingBox() const { return m_building; }
    QComboBox *roomBox() const { return m_room; }
    QComboBox *categoryBox() const { return m_category; }
    QComboBox *priorityBox() const { return m_priority; }
    QPlainTextEdit *descriptionEdit() const { return m_description; }
    QLineEdit *residentEdit() const { return m_resident; }
    QCheckBox *permissionBox() const { return m_permission; }
    QString message() const;

    // Stores the request (what OK does); true when stored (submitted() was emitted).
    QCoro::Task<bool> submit();

Q_SIGNALS:
    void roomsLoaded();
    void submitted(qint64 requestId, qint64 jobId);

private:
    QCoro::Task<> loadRooms(qint64 buildingId);
    void showTarget();

    MaintenanceUi &m_ui;
    BuildingComboBox *m_building;
    QComboBox *m_room;
    QComboBox *m_category;
    QComboBox *m_priority;
    QLabel *m_target;
    QPlainTextEdit *m_description;
    QLineEdit *m_resident;
    QCheckBox *m_permission;
    QLabel *m_message;
    QPushButton *m_ok;
    quint64 m_roomsGeneration = 0;
    bool m_busy = false;
};
