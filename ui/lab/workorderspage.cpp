#include "ui/lab/workorderspage.h"

#include "models/itemmodels/recordfilterproxymodel.h"
#include "models/itemmodels/workorderstablemodel.h"
#include "ui/widgets/icons.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QStyle>

using namespace Qt::StringLiterals;

WorkOrdersPage::WorkOrdersPage(UndoContext &context, QWidget *parent)
    : RecordPage(context, u"work_orders"_s, parent)
    , openPdfAction(new QAction(Icons::get(Icons::Pdf), tr("Open PDF"), this))
    , m_orders(new WorkOrdersTableModel(context.executor(), this))
    , m_state(new QComboBox(this))
{
    setObjectName(u"workOrdersPage"_s);
    setActionsAvailable(false, false);
    editAction->setToolTip(
        tr("Edit the assigned vet, notes and analyses of the selected work order (Return)"));
    searchEdit()->setPlaceholderText(tr("Search by protocol number, client or species…"));
    openPdfAction->setObjectName(u"openWorkOrderPdfAction"_s);
    openPdfAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    openPdfAction->setToolTip(tr("Show the selected work order as PDF (Ctrl+Shift+W)"));
    openPdfAction->setEnabled(false);
    addToolAction(openPdfAction);
    connect(openPdfAction, &QAction::triggered, this, [this] {
        if (const WorkOrder w = currentWorkOrder(); w.id > 0)
            Q_EMIT pdfRequested(w);
    });
    connect(this, &RecordPage::currentChanged, this, [this] { openPdfAction->setEnabled(hasCurrent()); });

    m_state->setObjectName(u"stateFilter"_s);
    m_state->addItem(tr("All"), QString());
    for (const Protocol::State state : Protocol::allStates())
        m_state->addItem(Protocol::stateLabel(state), Protocol::stateCode(state));
    connect(m_state, &QComboBox::currentIndexChanged, this, [this] {
        WorkOrderFilter filter = m_orders->workOrderFilter();
        filter.protocolState = Protocol::stateFromCode(m_state->currentData().toString());
        m_orders->setWorkOrderFilter(filter);
    });
    addFilter(tr("Protocol s&tate:"), m_state);
    // The protocol's number, state and species and the client's name are columns: a
    // protocol received, finalized (with its report) or cancelled shows at once.
    followTables({u"protocols"_s, u"clients"_s});
    setModel(m_orders);
}

WorkOrder WorkOrdersPage::currentWorkOrder() const
{
    const int row = currentSourceRow();
    return row >= 0 ? m_orders->workOrderAt(row) : WorkOrder{};
}

void WorkOrdersPage::editRecord(int sourceRow)
{
    const WorkOrder w = m_orders->workOrderAt(sourceRow);
    if (w.id > 0)
        Q_EMIT editRequested(w);
}

QString WorkOrdersPage::countText(qint64 count) const
{
    return count == 1 ? tr("1 work order") : tr("%L1 work orders").arg(count);
}
