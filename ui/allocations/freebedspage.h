#pragma once

#include <QCoroTask>
#include <QPointer>
#include <QWidget>

class BuildingComboBox;
class QDateEdit;
class QLabel;
class QTableView;
class TextTableModel;
class UndoContext;

// The live "free beds" view: for a chosen day, the occupancy of every building (beds,
// out of service, taken, checked in, free) and, for the chosen building (or all), each
// room's capacity, beds taken and beds free. It reloads on refresh(), which the main
// window calls whenever allocations, rooms or buildings change here or on another
// desktop. Reads run on the executor's read pool; GUI thread only.
//
//   auto *page = new FreeBedsPage(context, stack);
//   page->refresh();
class FreeBedsPage : public QWidget
{
    Q_OBJECT
public:
    explicit FreeBedsPage(UndoContext &context, QWidget *parent = nullptr);

    void refresh();
    void refreshBuildings();
    BuildingComboBox *buildingFilter() const { return m_building; }
    QDateEdit *dateEdit() const { return m_date; }
    QTableView *roomsView() const { return m_rooms; }
    QTableView *occupancyView() const { return m_occupancy; }
    // Free beds shown in the rooms table (-1 until loaded).
    int freeBeds() const { return m_freeBeds; }

Q_SIGNALS:
    void loaded();

private:
    QCoro::Task<> load();

    QPointer<UndoContext> m_context;
    BuildingComboBox *m_building;
    QDateEdit *m_date;
    TextTableModel *m_occupancyModel;
    TextTableModel *m_roomsModel;
    QTableView *m_occupancy;
    QTableView *m_rooms;
    QLabel *m_total;
    quint64 m_generation = 0;
    int m_freeBeds = -1;
};
