#include "ui/bulk/bulkitemsdialog.h"

#include "models/db/databasefileguard.h"
#include "models/db/dbexecutor.h"
#include "models/io/csvwriter.h"
#include "tasks/bulk/bulkactions.h"
#include "tasks/bulk/bulkjobstore.h"
#include "tasks/jobstore.h"
#include "ui/widgets/filedialogs.h"

#include <QComboBox>
#include <QCoroFuture>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace {
enum Column { NumberColumn, OutcomeColumn, BeforeColumn, AfterColumn, ReasonColumn, ColumnCount };
constexpr int kOutcomeRole = Qt::UserRole + 1;
constexpr int kPageSize = 1000;

QString stateText(const std::optional<Protocol::State> &state)
{
    return state ? Protocol::stateLabel(*state) : QString();
}
} // namespace

BulkItemsDialog::BulkItemsDialog(DbExecutor &executor, const Actor &actor, qint64 jobId, QWidget *parent)
    : QDialog(parent)
    , m_executor(executor)
    , m_actor(actor)
    , m_jobId(jobId)
    , m_summary(new QLabel(tr("Loading…"), this))
    , m_outcome(new QComboBox(this))
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_undo(new QPushButton(tr("&Undo this change…"), this))
    , m_save(new QPushButton(tr("&Save as CSV…"), this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(u"bulkItemsDialog"_s);
    setWindowTitle(tr("Bulk change %1").arg(jobId)); // named with its selection once read
    resize(760, 520);

    m_model->setHorizontalHeaderLabels(
        {tr("Protocol"), tr("Outcome"), tr("Before"), tr("After"), tr("Reason")});
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(kOutcomeRole);
    m_proxy->setFilterKeyColumn(OutcomeColumn);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_view->setObjectName(u"bulkItemsView"_s);
    m_view->setAccessibleName(tr("Items of the bulk change"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(NumberColumn, Qt::AscendingOrder);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);

    m_outcome->setObjectName(u"outcomeFilter"_s);
    m_outcome->addItem(tr("All outcomes"), QString());
    for (const BulkItem::Outcome o :
         {BulkItem::Outcome::Changed, BulkItem::Outcome::Skipped, BulkItem::Outcome::Failed})
        m_outcome->addItem(BulkItem::outcomeLabel(o), BulkItem::outcomeCode(o));
    connect(m_outcome, &QComboBox::currentIndexChanged, this, &BulkItemsDialog::applyOutcomeFilter);

    m_summary->setObjectName(u"bulkSummary"_s);
    m_undo->setObjectName(u"undoBulkChange"_s);
    m_undo->setEnabled(false);
    m_save->setEnabled(false);
    connect(m_undo, &QPushButton::clicked, this, &BulkItemsDialog::confirmUndo);
    connect(m_save, &QPushButton::clicked, this, &BulkItemsDialog::saveCsv);

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    auto *showLabel = new QLabel(tr("Sho&w:"), this);
    showLabel->setBuddy(m_outcome);
    top->addWidget(showLabel);
    top->addWidget(m_outcome);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_save, QDialogButtonBox::ActionRole);
    buttons->addButton(m_undo, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);

    load();
}

int BulkItemsDialog::itemCount() const
{
    return m_model->rowCount();
}

void BulkItemsDialog::applyOutcomeFilter()
{
    const QString code = m_outcome->currentData().toString();
    m_proxy->setFilterRegularExpression(code.isEmpty() ? QString()
                                                       : u"^"_s + QRegularExpression::escape(code) + u"$"_s);
}

QCoro::Task<> BulkItemsDialog::load()
{
    QPointer<BulkItemsDialog> self(this);
    // What the job is, and what it selected (its payload: the ids, or the filter used).
    struct Header
    {
        std::optional<BulkJobInfo> info;
        QString scope;
    };
    auto reading = m_executor.read([jobId = m_jobId](Database &db) -> Result<Header> {
        const Result<std::optional<BulkJobInfo>> info = BulkJobStore(db).info(jobId);
        if (!info)
            return info.error();
        Header header{info.value(), {}};
        if (header.info) {
            const Result<Job> job = JobStore(db).get(jobId);
            if (!job)
                return job.error();
            const Result<QString> scope = BulkTasks::describeScope(db, job->payload);
            if (!scope)
                return scope.error();
            header.scope = scope.value();
        }
        return header;
    });
    const Result<Header> header = co_await reading;
    if (!self)
        co_return;
    if (!header || !header->info) {
        m_summary->setText(header ? tr("Job %1 is not a bulk protocol change.").arg(m_jobId)
                                  : header.error().message);
        co_return;
    }
    const BulkJobInfo job = *header->info;
    m_isUndo = job.isUndo();
    if (m_isUndo)
        setWindowTitle(tr("Undo %1 of bulk change %2: %3").arg(m_jobId).arg(job.undoOf).arg(header->scope));
    else
        setWindowTitle(
            tr("Bulk change %1 to “%2”: %3")
                .arg(m_jobId)
                .arg(Protocol::stateLabel(job.to.value_or(Protocol::State::Received)), header->scope));

    // A page at a time: 10,000 items never hold the read pool or the window for long.
    BulkJobStore::ItemFilter filter;
    filter.limit = kPageSize;
    m_model->setRowCount(0);
    for (;;) {
        auto paging = BulkActions::items(m_executor, m_jobId, filter);
        const Result<QList<BulkItem>> page = co_await paging;
        if (!self)
            co_return;
        if (!page) {
            m_summary->setText(page.error().message);
            co_return;
        }
        for (const BulkItem &item : page.value()) {
            QList<QStandardItem *> row;
            auto *number =
                new QStandardItem(item.number.isEmpty() ? QString::number(item.protocolId) : item.number);
            auto *outcome = new QStandardItem(BulkItem::outcomeLabel(item.outcome, m_isUndo));
            outcome->setData(BulkItem::outcomeCode(item.outcome), kOutcomeRole);
            row << number << outcome << new QStandardItem(stateText(item.beforeState))
                << new QStandardItem(stateText(item.afterState))
                << new QStandardItem(item.reason.isEmpty() ? item.note : item.reason);
            m_model->appendRow(row);
            ++m_counts[int(item.outcome)];
        }
        if (page->size() < filter.limit)
            break;
        filter.afterProtocolId = page->last().protocolId;
    }
    const QLocale locale;
    m_summary->setText(tr("%1 %2, %3 skipped, %4 failed")
                           .arg(locale.toString(m_counts[int(BulkItem::Outcome::Changed)]),
                                m_isUndo ? tr("restored") : tr("changed"),
                                locale.toString(m_counts[int(BulkItem::Outcome::Skipped)]),
                                locale.toString(m_counts[int(BulkItem::Outcome::Failed)])));
    // No column of empty cells: Reason only when an item has one.
    bool anyReason = false;
    for (int row = 0; row < m_model->rowCount() && !anyReason; ++row)
        anyReason = !m_model->item(row, ReasonColumn)->text().isEmpty();
    m_view->setColumnHidden(ReasonColumn, !anyReason);
    m_view->resizeColumnsToContents();
    m_save->setEnabled(m_model->rowCount() > 0);
    // An undo of an undo is not offered; nor a second undo of the same change.
    m_undo->setEnabled(!m_isUndo && job.undoneBy == 0 && m_counts[int(BulkItem::Outcome::Changed)] > 0);
    if (job.undoneBy > 0)
        m_undo->setToolTip(tr("Undone by job %1.").arg(job.undoneBy));
    Q_EMIT loaded();
}

void BulkItemsDialog::confirmUndo()
{
    const QString text =
        tr("Put back the previous state of the protocols this change changed (%1)? A protocol that has "
           "changed again since is left as it is and reported.")
            .arg(QLocale().toString(m_counts[int(BulkItem::Outcome::Changed)]));
    auto *box = new QMessageBox(QMessageBox::Question, tr("Undo bulk change"), text,
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(u"undoConfirmBox"_s);
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this](int answer) {
        if (answer == QMessageBox::Yes)
            undo();
    });
    box->open();
}

QCoro::Task<> BulkItemsDialog::undo()
{
    QPointer<BulkItemsDialog> self(this);
    m_undo->setEnabled(false);
    auto queueing = BulkActions::enqueueUndo(m_executor, m_actor, m_jobId);
    const Result<BulkTasks::Queued> queued = co_await queueing;
    if (!self)
        co_return;
    if (!queued) {
        m_undo->setEnabled(true);
        Q_EMIT failed(tr("Undo bulk change"), queued.error().message);
        co_return;
    }
    m_undo->setToolTip(tr("Undone by job %1.").arg(queued->jobId));
    Q_EMIT undoQueued(queued->jobId);
}

void BulkItemsDialog::saveCsv()
{
    const QString path = FileDialogs::getSaveFileName(
        this, tr("Save the items as CSV"), u"bulk-change-%1.csv"_s.arg(m_jobId), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QList<QStringList> rows;
    rows.reserve(m_proxy->rowCount() + 1);
    rows << QStringList{u"protocol"_s, u"outcome"_s, u"before"_s, u"after"_s, u"reason"_s};
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        QStringList fields;
        for (int c = 0; c < ColumnCount; ++c)
            fields << (c == OutcomeColumn ? m_proxy->index(r, c).data(kOutcomeRole).toString()
                                          : m_proxy->index(r, c).data().toString());
        rows << fields;
    }
    // The file is written on a pool thread: a slow or network disk never stalls the window.
    QPointer<BulkItemsDialog> self(this);
    auto writing = QtConcurrent::run([path, rows = std::move(rows)]() -> QString {
        if (const std::optional<QString> refused = DatabaseFileGuard::refusal(path))
            return *refused;
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return file.errorString();
        {
            CsvWriter writer(&file);
            writer.writeByteOrderMark();
            for (const QStringList &row : rows) {
                if (!writer.writeRecord(row))
                    return file.errorString();
            }
            if (!writer.flush())
                return file.errorString();
        }
        return file.commit() ? QString() : file.errorString();
    });
    [](QPointer<BulkItemsDialog> self, QFuture<QString> writing, QString path) -> QCoro::Task<> {
        const QString error = co_await writing;
        if (!self)
            co_return;
        if (!error.isEmpty())
            Q_EMIT self->failed(tr("Save as CSV"), tr("“%1” could not be written: %2").arg(path, error));
    }(self, writing, path);
}
