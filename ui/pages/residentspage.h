#pragma once

#include "ui/pages/recordpage.h"

class BuildingComboBox;
class QComboBox;
class QAction;
class ResidentsTableModel;

// The residents table: search, filters by status and by building (residents holding a
// bed there today), create / edit / delete through ResidentDialog.
class ResidentsPage : public RecordPage
{
    Q_OBJECT
public:
    explicit ResidentsPage(UndoContext &context, QWidget *parent = nullptr);

    ResidentsTableModel *residentsModel() const { return m_residents; }
    QAction *registrarFlagsAction() const { return m_registrarFlags; }
    void newRecord() override;
    void refreshBuildings();
    // Allocations changed: the building filter's answer may have changed too.
    void refreshForAllocations();

Q_SIGNALS:
    // "Not in registrar export…": the residents the registrar sync flagged (SyncUi).
    void registrarFlagsRequested();

protected:
    void editRecord(int sourceRow) override;
    void deleteRecord(int sourceRow) override;
    QString countText(qint64 count) const override;
    void started() override { refreshBuildings(); }

private:
    ResidentsTableModel *m_residents;
    QComboBox *m_status;
    BuildingComboBox *m_building;
    QAction *m_registrarFlags;
};
