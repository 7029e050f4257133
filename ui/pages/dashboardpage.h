#pragma once

#include "ui/commands/undocontext.h"

#include <QCoroTask>
#include <QPointer>
#include <QWidget>

class QLabel;

// The start page: how many buildings, rooms and residents there are. Counts load
// asynchronously on start() and on refresh(). A placeholder for the occupancy
// overview that comes with allocations. GUI thread only.
class DashboardPage : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardPage(UndoContext &context, QWidget *parent = nullptr);

    void refresh();

private:
    QLabel *addCard(const QString &key, const QString &title);
    QCoro::Task<> load();

    QPointer<UndoContext> m_context;
    QWidget *m_cards;
    QLabel *m_buildings;
    QLabel *m_rooms;
    QLabel *m_residents;
    QLabel *m_message;
};
