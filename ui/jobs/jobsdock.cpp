#include "ui/jobs/jobsdock.h"

#include "models/db/dbexecutor.h"
#include "tasks/itemmodels/jobstablemodel.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "ui/jobs/jobprogressdelegate.h"
#include "ui/windowservices.h"

#include <QAction>
#include <QComboBox>
#include <QCoroFuture>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxPagesToFind = 20;
// How long showJob() waits for a job that is not loaded yet.
constexpr qint64 kPendingSelectMs = 10000;

QIcon themeIcon(const QWidget *widget, const QString &name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(name, widget->style()->standardIcon(fallback));
}

} // namespace

JobsDock::JobsDock(const WindowServices &services, QWidget *parent)
    : QDockWidget(tr("Jobs"), parent)
    , m_executor(services.executor)
    , m_engine(services.engine)
    , m_actor(services.actor)
    , m_tasks(&services.tasks)
    , m_model(new JobsTableModel(services.executor, services.tasks, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_filter(new QComboBox(this))
    , m_cancelAction(
          new QAction(themeIcon(this, u"process-stop"_s, QStyle::SP_BrowserStop), tr("Cancel job"), this))
    , m_retryAction(
          new QAction(themeIcon(this, u"view-refresh"_s, QStyle::SP_BrowserReload), tr("Retry"), this))
    , m_openAction(new QAction(themeIcon(this, u"document-open"_s, QStyle::SP_FileDialogInfoView),
                               tr("Open result"), this))
{
    setObjectName(u"jobsDock"_s);
    setAllowedAreas(Qt::BottomDockWidgetArea | Qt::TopDockWidgetArea | Qt::RightDockWidgetArea |
                    Qt::LeftDockWidgetArea);
    m_model->setEventBus(&services.events);

    m_view->setObjectName(u"jobsView"_s);
    m_view->setAccessibleName(tr("Jobs"));
    m_filter->setObjectName(u"jobsStateFilter"_s);
    m_filter->setAccessibleName(tr("Show jobs in state"));
    m_cancelAction->setObjectName(u"jobsCancelAction"_s);
    m_retryAction->setObjectName(u"jobsRetryAction"_s);
    m_openAction->setObjectName(u"jobsOpenResultAction"_s);
    m_cancelAction->setToolTip(tr("Cancel the selected job (a running job stops at its next step)"));
    m_retryAction->setToolTip(tr("Queue the selected failed or cancelled job again (Ctrl+R)"));
    m_openAction->setToolTip(tr("Show the result or the error of the selected job (Enter)"));
    m_retryAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_retryAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    for (QAction *action : {m_cancelAction, m_retryAction, m_openAction})
        addAction(action);
    connect(m_cancelAction, &QAction::triggered, this, &JobsDock::cancelCurrent);
    connect(m_retryAction, &QAction::triggered, this, &JobsDock::retryCurrent);
    connect(m_openAction, &QAction::triggered, this, &JobsDock::openCurrentResult);

    m_filter->addItem(tr("All jobs"), -1);
    for (JobState state : JobStates::all())
        m_filter->addItem(JobStates::label(state), int(state));
    connect(m_filter, &QComboBox::currentIndexChanged, this, &JobsDock::applyFilter);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(JobsTableModel::SortRole);
    m_proxy->setDynamicSortFilter(true);
    m_view->setModel(m_proxy);
    m_view->setItemDelegateForColumn(JobsTableModel::ProgressColumn, new JobProgressDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    QHeaderView *header = m_view->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    // Newest first until a header is clicked; a third click goes back to that order.
    header->setSortIndicatorClearable(true);
    header->setSortIndicator(-1, Qt::DescendingOrder);
    m_view->setSortingEnabled(true);
    const struct
    {
        int column;
        int width;
    } widths[] = {
        {JobsTableModel::KindColumn, 180},    {JobsTableModel::StartedByColumn, 100},
        {JobsTableModel::StateColumn, 100},   {JobsTableModel::ProgressColumn, 240},
        {JobsTableModel::ElapsedColumn, 90},  {JobsTableModel::RemainingColumn, 90},
        {JobsTableModel::AttemptsColumn, 70},
    };
    for (const auto &w : widths)
        header->resizeSection(w.column, w.width);

    connect(m_view, &QAbstractItemView::activated, this, &JobsDock::openCurrentResult);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &JobsDock::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &JobsDock::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &JobsDock::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &JobsDock::updateActions);
    connect(m_model, &JobsTableModel::loaded, this, &JobsDock::trySelectPending);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &JobsDock::trySelectPending);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->setSpacing(4);
    auto *bar = new QHBoxLayout;
    bar->setSpacing(6);
    auto *caption = new QLabel(tr("&Show:"), content);
    caption->setBuddy(m_filter);
    bar->addWidget(caption);
    bar->addWidget(m_filter);
    bar->addStretch();
    const struct
    {
        QAction *action;
        QString name;
    } buttons[] = {
        {m_cancelAction, u"jobsCancelButton"_s},
        {m_retryAction, u"jobsRetryButton"_s},
        {m_openAction, u"jobsOpenResultButton"_s},
    };
    for (const auto &b : buttons) {
        auto *button = new QToolButton(content);
        button->setObjectName(b.name);
        button->setDefaultAction(b.action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAutoRaise(true);
        button->setAccessibleName(b.action->text());
        bar->addWidget(button);
    }
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    setWidget(content);
    updateActions();
}

JobsDock::~JobsDock() = default;

void JobsDock::start()
{
    m_model->start();
}

Job JobsDock::currentJob() const
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid())
        return {};
    return m_model->jobAt(m_proxy->mapToSource(index).row());
}

void JobsDock::updateActions()
{
    const Job job = currentJob();
    const bool any = job.id > 0;
    m_cancelAction->setEnabled(
        any && (job.state == JobState::Queued || (job.state == JobState::Running && !job.cancelRequested)));
    m_retryAction->setEnabled(any && (job.state == JobState::Failed || job.state == JobState::Cancelled));
    m_openAction->setEnabled(any && job.isFinished());
}

void JobsDock::applyFilter()
{
    const int state = m_filter->currentData().toInt();
    m_model->setStateFilter(state < 0 ? std::nullopt : std::optional<JobState>(JobState(state)));
    updateActions();
}

void JobsDock::showJob(qint64 id)
{
    show();
    raise();
    m_pendingSelect = id;
    m_pendingPages = 0;
    m_pendingSince.start();
    if (m_model->rowOf(id) < 0 && m_filter->currentIndex() != 0)
        m_filter->setCurrentIndex(0); // the job may be in another state; reloads
    m_model->refreshJob(id);          // in case it is recent but not shown yet
    trySelectPending();
}

void JobsDock::trySelectPending()
{
    if (m_pendingSelect <= 0 || !m_model->isStarted())
        return;
    if (m_pendingSince.elapsed() > kPendingSelectMs) {
        m_pendingSelect = 0; // it never showed up; do not take the selection later
        return;
    }
    const int row = m_model->rowOf(m_pendingSelect);
    if (row >= 0) {
        m_pendingSelect = 0;
        selectRow(row);
        return;
    }
    // An older job: load more pages, a bounded number of them. A new job may still
    // be on its way (its row is being fetched): it is selected when it is inserted.
    if (m_model->canFetchMore({}) && m_pendingPages < kMaxPagesToFind) {
        ++m_pendingPages;
        m_model->fetchMore({});
    }
}

void JobsDock::selectRow(int sourceRow)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    m_view->setFocus(Qt::OtherFocusReason);
    updateActions();
}

void JobsDock::cancelCurrent()
{
    const Job job = currentJob();
    if (job.id > 0)
        cancelJob(job.id);
}

void JobsDock::retryCurrent()
{
    const Job job = currentJob();
    if (job.id > 0)
        retryJob(job.id);
}

void JobsDock::openCurrentResult()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const int row = m_proxy->mapToSource(current).row();
    const Job job = m_model->jobAt(row);
    if (job.id <= 0)
        return;
    const QString title = m_model->data(m_model->index(row, JobsTableModel::KindColumn)).toString();

    QStringList lines;
    lines << tr("Job: %1 (%2, number %3)").arg(title, job.kind).arg(job.id);
    lines << tr("State: %1").arg(m_model->data(m_model->index(row, JobsTableModel::StateColumn)).toString());
    lines << tr("Started by: %1").arg(JobsTableModel::creatorText(job.createdBy));
    lines << tr("Attempts: %1")
                 .arg(m_model->data(m_model->index(row, JobsTableModel::AttemptsColumn)).toString());
    const QString elapsed = m_model->data(m_model->index(row, JobsTableModel::ElapsedColumn)).toString();
    if (!elapsed.isEmpty())
        lines << tr("Took: %1").arg(elapsed);
    if (job.state == JobState::Failed && !job.error.isEmpty())
        lines << QString() << tr("Error:") << job.errorText();
    if (!job.result.isEmpty()) {
        // Documents kept on a result (a report's PDF and CSV) are named, not printed.
        QJsonObject shown = job.result;
        // Messages kept for notifications are shown as their text, in this language.
        for (const QString &key : job.result.keys()) {
            if (!key.endsWith(QLatin1String("_msg")))
                continue;
            shown.remove(key);
            if (const auto text = StoredText::fromJsonObject(job.result.value(key).toObject()))
                shown.insert(key.chopped(4), text->toString());
        }
        for (auto it = shown.begin(); it != shown.end(); ++it) {
            if (it.value().isString() && it.value().toString().size() > 2000)
                it.value() = tr("(%1 characters, not shown)").arg(it.value().toString().size());
        }
        lines << QString() << tr("Result:")
              << QString::fromUtf8(QJsonDocument(shown).toJson(QJsonDocument::Indented)).trimmed();
    } else if (job.state == JobState::Succeeded)
        lines << QString() << tr("The job returned no result.");

    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"jobResultDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Job %1: %2").arg(job.id).arg(title));
    auto *text = new QPlainTextEdit(lines.join(QLatin1Char('\n')), dialog);
    text->setObjectName(u"jobResultText"_s);
    text->setReadOnly(true);
    text->setAccessibleName(tr("Job result"));
    text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text, 1);
    layout->addWidget(buttons);
    dialog->resize(560, 380);
    dialog->open();
}

void JobsDock::showFailure(const QString &what, const QString &detail)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Jobs"), what, QMessageBox::Ok, this);
    box->setObjectName(u"jobActionFailedBox"_s);
    box->setInformativeText(detail);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QCoro::Task<> JobsDock::cancelJob(qint64 id)
{
    QPointer<JobsDock> self(this);
    // A named future, not a temporary: GCC 12 destroys temporaries of a co_await
    // expression twice (GCC bug 100611).
    auto future = m_executor.write([id, titles = m_tasks](Database &db) {
        return JobStore(db, JobClock::system(), titles).requestCancel(id);
    });
    const Result<JobState> result = co_await future;
    if (!self)
        co_return;
    if (!result) {
        const DbError error = result.error();
        showFailure(error.code == DbError::Code::InvalidState ? tr("Job %1 has already finished.").arg(id)
                                                              : tr("Job %1 could not be cancelled.").arg(id),
                    error.text());
        m_model->refreshJob(id);
        co_return;
    }
    // The database says so already; this saves the runner waiting for its heartbeat.
    if (result.value() == JobState::Running && m_engine && m_engine->runningJobs().contains(id))
        m_engine->cancelRunning(id);
    m_model->refreshJob(id);
}

QCoro::Task<> JobsDock::retryJob(qint64 id)
{
    QPointer<JobsDock> self(this);
    auto future =
        m_executor.write([id, actor = m_actor](Database &db) { return JobStore(db).retry(id, actor); });
    const Result<Job> result = co_await future;
    if (!self)
        co_return;
    if (!result) {
        const DbError error = result.error();
        showFailure(error.code == DbError::Code::InvalidState
                        ? tr("Job %1 can only be retried after it failed or was cancelled.").arg(id)
                        : tr("Job %1 could not be queued again.").arg(id),
                    error.text());
        m_model->refreshJob(id);
        co_return;
    }
    if (m_engine)
        m_engine->wake();
    m_model->refreshJob(id);
}
