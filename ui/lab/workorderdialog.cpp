#include "ui/lab/workorderdialog.h"

#include "tasks/lab/workorderservice.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

WorkOrderDialog::WorkOrderDialog(UndoContext &context, qint64 workOrderId, QWidget *parent)
    : EntityDialog(context.executor(), context.actor(), workOrderId, &WorkOrderDialog::write, parent)
    , m_vet(new QLineEdit(this))
    , m_notes(new QPlainTextEdit(this))
    , m_analyses(new QTableWidget(0, 3, this))
{
    setObjectName(u"workOrderDialog"_s);
    setWindowTitle(tr("Work order"));
    setMinimumWidth(620);
    m_vet->setPlaceholderText(tr("user name"));
    m_notes->setTabChangesFocus(true);
    m_notes->setFixedHeight(m_notes->fontMetrics().height() * 5);

    m_analyses->setObjectName(u"analysesTable"_s);
    m_analyses->setHorizontalHeaderLabels({tr("Code"), tr("Analysis"), tr("Sample")});
    m_analyses->horizontalHeader()->setStretchLastSection(true);
    m_analyses->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_analyses->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_analyses->setMinimumHeight(180);
    auto *add = new QPushButton(tr("&Add analysis"), this);
    add->setObjectName(u"addAnalysisButton"_s);
    auto *remove = new QPushButton(tr("&Remove"), this);
    remove->setObjectName(u"removeAnalysisButton"_s);
    auto *up = new QPushButton(tr("Up"), this);
    up->setObjectName(u"moveAnalysisUpButton"_s);
    auto *down = new QPushButton(tr("Down"), this);
    down->setObjectName(u"moveAnalysisDownButton"_s);
    connect(add, &QPushButton::clicked, this, &WorkOrderDialog::addAnalysis);
    connect(remove, &QPushButton::clicked, this, &WorkOrderDialog::removeAnalysis);
    connect(up, &QPushButton::clicked, this, [this] { moveAnalysis(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveAnalysis(1); });
    connect(m_analyses, &QTableWidget::itemChanged, this, [this] { revalidate(); });

    auto *analyses = new QWidget(this);
    auto *box = new QVBoxLayout(analyses);
    box->setContentsMargins(0, 0, 0, 0);
    box->addWidget(m_analyses);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {add, remove, up, down})
        buttons->addWidget(b);
    buttons->addStretch();
    box->addLayout(buttons);

    addField(u"assigned_vet"_s, tr("Assigned &vet:"), m_vet);
    addField(u"notes"_s, tr("&Notes:"), m_notes);
    addField(u"analyses"_s, tr("Analyses:"), analyses);
    // The table itself is named as its row is (addField names the cell around it).
    m_analyses->setAccessibleName(analyses->accessibleName());
    loadRecord();
}

WorkOrderDialog::Texts WorkOrderDialog::texts() const
{
    return {tr("Loading…"),
            tr("The work order cannot be loaded: %1"),
            {},
            tr("Showing the values stored now. Review them and save again."),
            tr("Not saved: this work order was changed by someone else. Your changes are kept.")};
}

WorkOrder WorkOrderDialog::formValues() const
{
    WorkOrder order = original();
    order.assignedVet = m_vet->text().trimmed();
    order.notes = m_notes->toPlainText();
    order.analyses.clear();
    for (int r = 0; r < m_analyses->rowCount(); ++r) {
        const auto text = [this, r](int c) {
            const QTableWidgetItem *item = m_analyses->item(r, c);
            return item ? item->text().trimmed() : QString();
        };
        order.analyses.append({r + 1, text(0), text(1), text(2)});
    }
    return order;
}

void WorkOrderDialog::setFormValues(const WorkOrder &order)
{
    const QSignalBlocker blocker(m_analyses);
    setWindowTitle(tr("Work order %1 — %2").arg(order.protocolNumber, order.clientName));
    m_vet->setText(order.assignedVet);
    m_notes->setPlainText(order.notes);
    m_analyses->setRowCount(0);
    for (const WorkOrder::Analysis &a : order.analyses) {
        const int r = m_analyses->rowCount();
        m_analyses->insertRow(r);
        m_analyses->setItem(r, 0, new QTableWidgetItem(a.code));
        m_analyses->setItem(r, 1, new QTableWidgetItem(a.name));
        m_analyses->setItem(r, 2, new QTableWidgetItem(a.sample));
    }
}

QString WorkOrderDialog::conflictText() const
{
    return tr("Someone else saved the work order of protocol %1 since you opened it.")
        .arg(original().protocolNumber);
}

Result<WorkOrder> WorkOrderDialog::write(Database &db, const Actor &actor, const WorkOrder &order,
                                         bool overwrite)
{
    WorkOrderRepository orders(db, actor);
    const Result<WorkOrder> toSave = atStoredVersion(orders, order, overwrite);
    return toSave ? WorkOrderService(db, actor).update(toSave.value()) : toSave;
}

void WorkOrderDialog::addAnalysis()
{
    const int r = m_analyses->currentRow() >= 0 ? m_analyses->currentRow() + 1 : m_analyses->rowCount();
    m_analyses->insertRow(r);
    for (int c = 0; c < 3; ++c)
        m_analyses->setItem(r, c, new QTableWidgetItem);
    m_analyses->setCurrentCell(r, 0);
    m_analyses->editItem(m_analyses->item(r, 0));
}

void WorkOrderDialog::removeAnalysis()
{
    if (const int r = m_analyses->currentRow(); r >= 0)
        m_analyses->removeRow(r);
    revalidate();
}

void WorkOrderDialog::moveAnalysis(int delta)
{
    const int from = m_analyses->currentRow();
    const int to = from + delta;
    if (from < 0 || to < 0 || to >= m_analyses->rowCount())
        return;
    for (int c = 0; c < 3; ++c) {
        QTableWidgetItem *a = m_analyses->takeItem(from, c);
        QTableWidgetItem *b = m_analyses->takeItem(to, c);
        m_analyses->setItem(from, c, b);
        m_analyses->setItem(to, c, a);
    }
    m_analyses->setCurrentCell(to, m_analyses->currentColumn());
}
