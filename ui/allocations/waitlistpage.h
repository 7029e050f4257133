#pragma once

#include "models/housing/waitlist/waitlistentry.h"

#include <QCoroTask>
#include <QList>
#include <QPointer>
#include <QWidget>

class BuildingComboBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class UndoContext;

// The waitlists of the Allocations area: per building and room type, the residents in
// the order they are served, each one's pending offer (room, days, the deadline to
// answer), and what a clerk records for a resident: Add to waitlist…, Accept offer (it
// becomes a reservation), Decline offer (the bed goes to the next person) and Remove
// from list.
// Offers themselves are made by the engine (waitlist.offer jobs) when a bed frees.
// It reloads on refresh(), which the main window calls when waitlists or allocations
// change here or on another desktop. Reads and writes run on the executor; GUI
// thread only.
//
//   auto *page = new WaitlistPage(context, stack);
//   page->refresh();
class WaitlistPage : public QWidget
{
    Q_OBJECT
public:
    explicit WaitlistPage(UndoContext &context, QWidget *parent = nullptr);

    void refresh();
    void refreshBuildings();
    BuildingComboBox *buildingFilter() const { return m_building; }
    QComboBox *roomTypeFilter() const { return m_type; }
    QTableWidget *view() const { return m_view; }
    const QList<WaitlistEntry> &entries() const { return m_entries; }
    QPushButton *acceptButton() const { return m_accept; }
    QPushButton *declineButton() const { return m_decline; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *addButton() const { return m_add; }
    // Opens Add to waitlist, preset to the page's building and room type.
    void addToWaitlist();

Q_SIGNALS:
    void loaded();
    // An answer or a removal finished (`ok` false: refused or failed).
    void actionFinished(bool ok);

private:
    enum class Answer { Accept, Decline, Remove };
    QCoro::Task<> load();
    QCoro::Task<> answer(Answer what);
    WaitlistEntry currentEntry() const;
    void updateButtons();

    QPointer<UndoContext> m_context;
    BuildingComboBox *m_building;
    QComboBox *m_type;
    QTableWidget *m_view;
    QLabel *m_total;
    QPushButton *m_accept;
    QPushButton *m_decline;
    QPushButton *m_remove;
    QPushButton *m_add;
    qint64 m_selectAfterLoad = 0; // an entry just added, selected once listed
    QList<WaitlistEntry> m_entries;
    quint64 m_generation = 0;
};
