#pragma once

#include <QComboBox>
#include <QCoroTask>

class DbExecutor;

// A combo box of the buildings ("NH — North Hall"), with a first entry for "no
// building" (0: all buildings, or none chosen yet). reload() reads the buildings on
// the executor's read pool and keeps the current choice when it still exists (else it
// falls back to the first entry and emits buildingChanged(0)). GUI thread only; the
// executor outlives the box.
//
//   auto *building = new BuildingComboBox(executor, tr("All buildings"), this);
//   connect(building, &BuildingComboBox::buildingChanged, this, [](qint64 id) { … });
//   building->reload();
class BuildingComboBox : public QComboBox
{
    Q_OBJECT
public:
    BuildingComboBox(DbExecutor &executor, const QString &noneText, QWidget *parent = nullptr);

    void reload();
    qint64 buildingId() const;
    QString buildingCode() const; // empty for the first entry
    // Chooses the building now, or once it is loaded.
    void setBuildingId(qint64 id);

Q_SIGNALS:
    void buildingChanged(qint64 id);
    void loaded();

private:
    QCoro::Task<> load();

    DbExecutor &m_executor;
    qint64 m_wanted = -1; // a choice made before the list arrived
};
