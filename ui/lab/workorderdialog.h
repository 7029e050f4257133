#pragma once

#include "models/lab/workorder.h"
#include "models/lab/workorderrepository.h"
#include "ui/dialogs/entitydialog.h"

class QLineEdit;
class QPlainTextEdit;
class QTableWidget;

// Edits a work order: the assigned vet, the notes and the requested analyses (code,
// name, sample; rows added, removed and moved). Saving goes through WorkOrderService on
// the executor's write pool, so the new version's PDF is pre-rendered by a job queued in
// the same transaction. Versioned: if someone else saved first, the "Changed by someone
// else" box offers Reload (their values) or Overwrite (yours over theirs), as the
// housing dialogs do. Opened with open(); deletes itself when closed. GUI thread only.
//
//   auto *dialog = new WorkOrderDialog(context, workOrderId, this);
//   connect(dialog, &WorkOrderDialog::saved, this, [](const WorkOrder &w) { ... });
//   dialog->open();   // loads the work order with its analyses first
class WorkOrderDialog : public EntityDialog<WorkOrderRepository, WorkOrder>
{
    Q_OBJECT
public:
    WorkOrderDialog(UndoContext &context, qint64 workOrderId, QWidget *parent = nullptr);

    QTableWidget *analysesTable() const { return m_analyses; }

Q_SIGNALS:
    void saved(const WorkOrder &workOrder);

protected:
    Texts texts() const override;
    WorkOrder formValues() const override;
    void setFormValues(const WorkOrder &order) override;
    QString conflictText() const override;
    void savedRecord(const WorkOrder &order) override { Q_EMIT saved(order); }

private:
    // Through WorkOrderService: the new version's PDF is queued in the same transaction.
    static Result<WorkOrder> write(Database &db, const Actor &actor, const WorkOrder &order, bool overwrite);
    void addAnalysis();
    void removeAnalysis();
    void moveAnalysis(int delta);

    QLineEdit *m_vet;
    QPlainTextEdit *m_notes;
    QTableWidget *m_analyses;
};
