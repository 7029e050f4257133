#pragma once

#include "models/lab/workorder.h"
#include "ui/pages/recordpage.h"

class QComboBox;
class WorkOrdersTableModel;

// The lab's work orders: the lazily loaded WorkOrdersTableModel with a filter by the
// protocol's state and the search box (protocol number, client, species). Open PDF
// (Ctrl+Shift+W, or the context of a double click with Alt) shows the work order from
// the PDF cache (pre-rendered when it changed: instant); Edit (Return) opens the
// WorkOrderDialog (assigned vet, notes, analyses; versioned). Reloads when another
// client changes the work orders. GUI thread only.
class WorkOrdersPage : public RecordPage
{
    Q_OBJECT
public:
    explicit WorkOrdersPage(UndoContext &context, QWidget *parent = nullptr);

    WorkOrdersTableModel *workOrdersModel() const { return m_orders; }
    void newRecord() override {}
    WorkOrder currentWorkOrder() const;

    QAction *const openPdfAction;

Q_SIGNALS:
    // Show this work order's PDF (its id and version as listed).
    void pdfRequested(const WorkOrder &workOrder);
    void editRequested(const WorkOrder &workOrder);

protected:
    void editRecord(int sourceRow) override;
    void deleteRecord(int) override {}
    QString countText(qint64 count) const override;

private:
    WorkOrdersTableModel *m_orders;
    QComboBox *m_state;
};
