#pragma once

#include "models/core/actor.h"
#include "tasks/bulk/bulkitem.h"

#include <QCoroTask>
#include <QDialog>

class DbExecutor;
class QComboBox;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QSortFilterProxyModel;
class QTableView;

// The per-item list of one bulk protocol change (or of its undo), titled with what the
// change selected ("Bulk change 42 to “Received”: state Submitted", "… 3 selected
// protocols", "… every protocol" only for a change without a filter): a line with the
// counts ("9,950 changed, 40 skipped, 10 failed"), a filter by outcome, a sortable
// table of protocol number, outcome, state before → after and the reason, "Save as
// CSV…" and "Undo this change" (asks first; queues the undo job). Opened from the
// summary notification's link "bulk:<job id>". Rows come from BulkActions::items on
// the read pool, a page at a time, so the window stays responsive for 10,000 items.
//
// GUI thread only; deletes itself when closed (WA_DeleteOnClose).
//
//   auto *d = new BulkItemsDialog(executor, actor, jobId, window);
//   connect(d, &BulkItemsDialog::undoQueued, window, [](qint64 job) { … });
//   d->show();
class BulkItemsDialog : public QDialog
{
    Q_OBJECT
public:
    BulkItemsDialog(DbExecutor &executor, const Actor &actor, qint64 jobId, QWidget *parent = nullptr);

    qint64 jobId() const { return m_jobId; }
    // Rows loaded so far (all of them once loaded() was emitted).
    int itemCount() const;
    QTableView *view() const { return m_view; }
    QPushButton *undoButton() const { return m_undo; }

Q_SIGNALS:
    void loaded();
    void undoQueued(qint64 undoJobId);
    void failed(const QString &title, const QString &text);

private:
    QCoro::Task<> load();
    void confirmUndo();
    QCoro::Task<> undo();
    void saveCsv();
    void applyOutcomeFilter();

    DbExecutor &m_executor;
    Actor m_actor;
    qint64 m_jobId;
    QLabel *m_summary;
    QComboBox *m_outcome;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QPushButton *m_undo;
    QPushButton *m_save;
    qint64 m_counts[3] = {0, 0, 0};
    bool m_isUndo = false;
};
