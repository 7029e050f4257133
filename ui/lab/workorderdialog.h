#pragma once

#include "models/lab/workorder.h"
#include "ui/dialogs/recorddialog.h"

#include <QCoroTask>
#include <QPointer>

class QLineEdit;
class QPlainTextEdit;
class QTableWidget;
class UndoContext;

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
class WorkOrderDialog : public RecordDialog
{
    Q_OBJECT
public:
    WorkOrderDialog(UndoContext &context, qint64 workOrderId, QWidget *parent = nullptr);

    bool isLoaded() const { return m_loaded; }
    QTableWidget *analysesTable() const { return m_analyses; }

Q_SIGNALS:
    void loaded();
    void saved(const WorkOrder &workOrder);

protected:
    QList<FieldError> validateInput() const override;
    void startSave() override { save(false); }
    void resolveConflict(ConflictChoice choice) override;

private:
    WorkOrder values() const;
    void showWorkOrder(const WorkOrder &order);
    void addAnalysis();
    void removeAnalysis();
    void moveAnalysis(int delta);
    QCoro::Task<> load(bool afterConflict);
    QCoro::Task<> save(bool overwrite);

    QPointer<UndoContext> m_context;
    qint64 m_id;
    WorkOrder m_original;
    bool m_loaded = false;
    QLineEdit *m_vet;
    QPlainTextEdit *m_notes;
    QTableWidget *m_analyses;
};
