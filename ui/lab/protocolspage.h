#pragma once

#include "models/lab/protocol.h"
#include "models/lab/protocolrepository.h"
#include "ui/pages/recordpage.h"

#include <QPointer>

class ProtocolsTableModel;
class QComboBox;
class QDateEdit;
class QMenu;

// The lab's protocols: the lazily loaded ProtocolsTableModel with filters by state,
// client and submitted date range, the search box (number, animal id, client), sorting
// by any column (in the database), several rows selectable at once, and a count line.
// Actions on the current protocol, each with a shortcut while the page is shown:
// Open report (Return, Ctrl+E), Work order PDF (Ctrl+Shift+W), Receive (Ctrl+R),
// Start analysis (Ctrl+T), Cancel protocol (Ctrl+Shift+X, asks first). State changes
// go through ProtocolRepository on the executor's write pool; a stale row shows the
// "Changed by someone else" box (Reload), any other refusal the window's failure box.
// The page reloads when another client changes the protocols (RecordPage).
//
// For bulk actions (built elsewhere): selectedProtocolIds() and currentFilter() say what
// the person chose, selectionChanged() and filterChanged() tell when that changes, and
// addBulkAction() puts an action on the page's toolbar and context menu; the page enables
// it while rows are selected or a filter is active (hasBulkScope()):
//
//   QAction *receive = new QAction(tr("Mark as received…"), page);
//   page->addBulkAction(receive);
//   connect(receive, &QAction::triggered, page, [page] {
//       const QList<qint64> ids = page->selectedProtocolIds();   // empty: the whole filter
//       const ProtocolFilter filter = page->currentFilter();     // a value: copy it into a payload
//       ...
//   });
//
// GUI thread only.
class ProtocolsPage : public RecordPage
{
    Q_OBJECT
public:
    explicit ProtocolsPage(UndoContext &context, QWidget *parent = nullptr);

    ProtocolsTableModel *protocolsModel() const { return m_protocols; }
    void newRecord() override {}

    // The ids of the selected rows, in the order shown. Only loaded rows can be selected
    // (the table loads 200 at a time as it scrolls): to act on everything the filter
    // matches, use currentFilter() with ProtocolRepository::idsAfter().
    QList<qint64> selectedProtocolIds() const;
    // What the page shows: the state, client and date filters plus the search text, as
    // the rows shown were read (ProtocolRepository::page / count / idsAfter take it).
    ProtocolFilter currentFilter() const;
    // True while rows are selected or a filter is active: what bulk actions act on.
    bool hasBulkScope() const;
    // Adds an action for the selection or the filter: a toolbar button (after a
    // separator, in the order added) and an entry of the table's context menu, enabled
    // while hasBulkScope(). The page does not own it unless it is its parent.
    void addBulkAction(QAction *action);
    // The bulk actions added and not deleted since.
    QList<QAction *> bulkActions() const;

    // The current protocol (an empty Protocol when none).
    Protocol currentProtocol() const;
    // Changes the filters (tests, and links that open a filtered list).
    void setStateFilter(std::optional<Protocol::State> state);
    void setClientFilter(qint64 clientId);
    void setSubmittedRange(const QDate &from, const QDate &to);
    // Reloads the client list of the client filter.
    QCoro::Task<> refreshClients();

    QAction *const openReportAction;
    QAction *const workOrderPdfAction;
    QAction *const receiveAction;
    QAction *const startAnalysisAction;
    QAction *const cancelAction;

Q_SIGNALS:
    void openReportRequested(qint64 protocolId);
    void workOrderPdfRequested(qint64 protocolId);
    void selectionChanged();
    // currentFilter() changed (the list was reloaded with another filter).
    void filterChanged();
    // A state change was written (the page reloads by itself).
    void protocolChanged(const Protocol &protocol);

protected:
    void editRecord(int sourceRow) override;
    void deleteRecord(int) override {}
    QString countText(qint64 count) const override;
    void started() override;

private:
    void applyFilters();
    void updateActions();
    void updateBulkActions();
    void listReloaded();
    void transitionCurrent(Protocol::State to);
    QCoro::Task<> transition(Protocol protocol, Protocol::State to);
    void showContextMenu(const QPoint &pos);

    ProtocolsTableModel *m_protocols;
    QComboBox *m_state;
    QComboBox *m_client;
    QDateEdit *m_from;
    QDateEdit *m_to;
    // Weak: an action may be deleted by its owner (or, when the page owns it, by the
    // widget's destructor after this object's members are gone).
    QList<QPointer<QAction>> m_bulkActions;
    QAction *m_bulkSeparator = nullptr;
    ProtocolFilter m_shownFilter; // as of the last reload: filterChanged() when it differs
    bool m_clientsLoaded = false;
};
