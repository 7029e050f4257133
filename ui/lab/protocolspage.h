#pragma once

#include "models/lab/protocol.h"
#include "models/lab/protocolrepository.h"
#include "ui/pages/recordpage.h"

class ProtocolsTableModel;
class QComboBox;
class QDateEdit;
class QMenu;

// The lab's protocols: the lazily loaded ProtocolsTableModel with filters by state,
// client and submitted date range, the search box (number, animal id, client), sorting
// by any column (in the database), several rows selectable at once, and a count line.
// One action per verb, each with a shortcut while the page is shown: Open report
// (Return, Ctrl+E), Work order PDF (Ctrl+Shift+W) and Edit client… (Ctrl+Shift+L: its
// e-mail and language) act on the current protocol;
// Receive (Ctrl+R), Start analysis (Ctrl+T) and Cancel… (Ctrl+Shift+X, asks first) act
// on the selection — one selected protocol is changed here, through ProtocolRepository
// on the executor's write pool (a stale row shows the "Changed by someone else" box,
// any other refusal the window's failure box) — or, where bulk changes are allowed
// (setBulkAllowed: administrators), on several selected protocols or on every protocol
// the filter matches when nothing is selected: then bulkRequested() asks the window to
// queue a bulk change (selectedProtocolIds() and currentFilter() say what was chosen).
// The page reloads when another client changes the protocols (RecordPage).
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
    // True while rows are selected or a filter is active: what bulk changes act on.
    bool hasBulkScope() const;
    // Whether the verbs may act on several protocols or the whole filter (bulk changes:
    // administrators; the database refuses them to everybody else).
    void setBulkAllowed(bool allowed);
    bool bulkAllowed() const { return m_bulkAllowed; }

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
    // The current protocol's client: its e-mail and language (ClientDialog).
    QAction *const editClientAction;

Q_SIGNALS:
    void openReportRequested(qint64 protocolId);
    void workOrderPdfRequested(qint64 protocolId);
    void editClientRequested(qint64 clientId);
    void selectionChanged();
    // currentFilter() changed (the list was reloaded with another filter).
    void filterChanged();
    // A state change was written (the page reloads by itself).
    void protocolChanged(const Protocol &protocol);
    // A verb was triggered on several selected protocols, or on the filter with nothing
    // selected, and bulk changes are allowed: the window asks and queues the change.
    void bulkRequested(Protocol::State to);

protected:
    void editRecord(int sourceRow) override;
    void deleteRecord(int) override {}
    QString countText(qint64 count) const override;
    void started() override;

private:
    void applyFilters();
    void updateActions();
    void listReloaded();
    // A verb: one selected protocol changes here, more (or the filter) in bulk.
    void act(Protocol::State to);
    void cancelOne(const Protocol &protocol);
    // The one selected protocol (an empty Protocol unless exactly one row is selected).
    Protocol selectedProtocol() const;
    QCoro::Task<> transition(Protocol protocol, Protocol::State to);
    void showContextMenu(const QPoint &pos);

    ProtocolsTableModel *m_protocols;
    QComboBox *m_state;
    QComboBox *m_client;
    QDateEdit *m_from;
    QDateEdit *m_to;
    bool m_bulkAllowed = false;
    ProtocolFilter m_shownFilter; // as of the last reload: filterChanged() when it differs
    bool m_clientsLoaded = false;
};
