#include "ui/lab/reporteditor.h"

#include "models/db/dbexecutor.h"
#include "models/db/events.h"
#include "models/db/transaction.h"
#include "models/itemmodels/reportresultsmodel.h"
#include "models/lab/reportrepository.h"
#include "tasks/jobstore.h"
#include "tasks/lab/labdocuments.h"
#include "tasks/lab/reportemail.h"
#include "tasks/lab/reportfinalizer.h"
#include "tasks/pdf/pdfrenderer.h"
#include "ui/lab/flagdelegate.h"
#include "ui/lab/labui.h"
#include "ui/lab/resulteditcommand.h"
#include "ui/pdf/pdfviewerwindow.h"
#include "ui/widgets/theme.h"

#include <QAction>
#include <QCloseEvent>
#include <QCoroFuture>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

QSettings settings()
{
    return QSettings(u"Residesk"_s, u"Residesk"_s);
}

QString timeText(const QDateTime &t)
{
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}
} // namespace

// What one load reads, in one trip to the read pool.
struct ReportEditor::Loaded
{
    LabDocuments::ReportSources sources;
    QList<Report> history;
    std::optional<Job> job; // the finalize job that holds the report
};

ReportEditor::ReportEditor(LabUi &lab, qint64 reportId, QWidget *parent)
    : QDialog(parent)
    , m_lab(lab)
    , m_reportId(reportId)
    , m_results(new ReportResultsModel(this))
    , m_undo(new QUndoStack(this))
    , m_jobPoll(new QTimer(this))
    , m_emailPoll(new QTimer(this))
{
    setObjectName(u"reportEditor"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowFlag(Qt::Window);
    setWindowFlag(Qt::WindowMaximizeButtonHint);
    setWindowTitle(tr("Report"));
    buildUi();

    // Missed events (a reconnect, a busy bus) must not leave the editor locked: while
    // finalizing, the job is also read every two seconds.
    m_jobPoll->setInterval(2000);
    connect(m_jobPoll, &QTimer::timeout, this, [this] { checkJob(); });
    connect(&m_lab.events(), &EventBus::jobsChanged, this, [this](const QList<JobChange> &changes) {
        for (const JobChange &change : changes)
            jobChanged(change);
    });
    connect(&m_lab.events(), &EventBus::resynced, this, [this] {
        if (m_mode != Mode::Saving)
            reload();
    });
    // A finalized report's e-mail, as the outbox has it: every change to the outbox
    // (sent, failed, marked as sent …) is read again.
    connect(&m_lab.events(), &EventBus::recordsChanged, this, [this](const QString &table) {
        if (table == u"outbox_emails")
            readEmail();
    });
    // The events may come before what they announce is committed (or not at all, after
    // a reconnect): while the e-mail is queued or being sent, it is also read now and then.
    m_emailPoll->setInterval(5000);
    connect(m_emailPoll, &QTimer::timeout, this, [this] { readEmail(); });
    connect(m_results, &ReportResultsModel::cellEdited, this,
            [this](int row, int column, const QVariant &before, const QVariant &after) {
                m_undo->push(ResultEditCommand::cell(m_results, row, column, before, after));
            });
    load();
}

ReportEditor::~ReportEditor() = default;

void ReportEditor::buildUi()
{
    m_header = new QLabel(this);
    m_header->setObjectName(u"headerLabel"_s);
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);

    m_findings = new QPlainTextEdit(this);
    m_findings->setObjectName(u"findingsEdit"_s);
    m_findings->setPlaceholderText(tr("Findings and interpretation…"));
    m_findings->setTabChangesFocus(true);

    m_view = new QTableView(this);
    m_view->setObjectName(u"resultsView"_s);
    m_view->setModel(m_results);
    m_view->setItemDelegateForColumn(ReportResultsModel::Flag, new FlagDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_view->setAlternatingRowColors(true);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setDefaultSectionSize(140);
    m_view->horizontalHeader()->resizeSection(ReportResultsModel::Analyte, 220);

    const auto button = [this](const QString &text, const char *name) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QString::fromLatin1(name));
        b->setAutoDefault(false);
        return b;
    };
    QPushButton *add = button(tr("&Add row"), "addRowButton");
    QPushButton *remove = button(tr("&Remove row"), "removeRowButton");
    QPushButton *up = button(tr("Move &up"), "moveUpButton");
    QPushButton *down = button(tr("Move &down"), "moveDownButton");
    add->setToolTip(tr("Insert a result row below the current one (Insert)"));
    remove->setToolTip(tr("Remove the current result row (Ctrl+Delete)"));
    up->setToolTip(tr("Move the current row up (Alt+Up)"));
    down->setToolTip(tr("Move the current row down (Alt+Down)"));
    connect(add, &QPushButton::clicked, this, &ReportEditor::addRow);
    connect(remove, &QPushButton::clicked, this, &ReportEditor::removeRow);
    connect(up, &QPushButton::clicked, this, &ReportEditor::moveRowUp);
    connect(down, &QPushButton::clicked, this, &ReportEditor::moveRowDown);
    m_rowButtons = {add, remove, up, down};
    QPushButton *undo = button(tr("Undo"), "undoButton");
    QPushButton *redo = button(tr("Redo"), "redoButton");
    connect(undo, &QPushButton::clicked, m_undo, &QUndoStack::undo);
    connect(redo, &QPushButton::clicked, m_undo, &QUndoStack::redo);
    connect(m_undo, &QUndoStack::canUndoChanged, undo, &QWidget::setEnabled);
    connect(m_undo, &QUndoStack::canRedoChanged, redo, &QWidget::setEnabled);
    undo->setEnabled(false);
    redo->setEnabled(false);
    m_rowButtons += {undo, redo};

    // Shortcuts inside the editor.
    const auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *action = new QAction(this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    shortcut(QKeySequence::Save, &ReportEditor::save);
    shortcut(QKeySequence::Print, &ReportEditor::preview);
    shortcut(QKeySequence(Qt::Key_Insert), &ReportEditor::addRow);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete), &ReportEditor::removeRow);
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Up), &ReportEditor::moveRowUp);
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Down), &ReportEditor::moveRowDown);
    // Ctrl+Z / Ctrl+Shift+Z on the table; like the buttons, only while the draft may be
    // edited (a locked report's rows must not change under "Finalizing…").
    auto *undoAction = new QAction(tr("Undo"), this);
    undoAction->setShortcut(QKeySequence::Undo);
    connect(undoAction, &QAction::triggered, this, [this] {
        if (m_mode == Mode::Editing)
            m_undo->undo();
    });
    auto *redoAction = new QAction(tr("Redo"), this);
    redoAction->setShortcut(QKeySequence::Redo);
    connect(redoAction, &QAction::triggered, this, [this] {
        if (m_mode == Mode::Editing)
            m_undo->redo();
    });
    m_view->addActions({undoAction, redoAction});
    for (QAction *a : {undoAction, redoAction})
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    auto *rowButtons = new QHBoxLayout;
    for (QWidget *b : m_rowButtons)
        rowButtons->addWidget(b);
    rowButtons->addStretch();

    m_status = new QLabel(this);
    m_status->setObjectName(u"statusLabel"_s);
    m_status->setWordWrap(true);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(u"busyIndicator"_s);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_email = new QLabel(this);
    m_email->setObjectName(u"emailLabel"_s);
    m_email->setWordWrap(true);
    m_email->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_email->hide();
    m_message = new QLabel(this);
    m_message->setObjectName(u"messageLabel"_s);
    m_message->setWordWrap(true);
    m_message->hide();
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_busy);
    statusRow->addWidget(m_status, 1);

    m_history = new QListWidget(this);
    m_history->setObjectName(u"historyList"_s);
    m_history->setMaximumHeight(110);
    m_openRevisionButton = button(tr("Open revision &PDF"), "openRevisionButton");
    m_openRevisionButton->setEnabled(false);
    const auto openRevision = [this] {
        const QListWidgetItem *item = m_history->currentItem();
        if (!item)
            return;
        const qint64 id = item->data(Qt::UserRole).toLongLong();
        if (item->data(Qt::UserRole + 1).toBool())
            m_lab.openReportPdf(id);
        else if (id == m_report.id)
            preview();
        else
            m_lab.openReport(id);
    };
    connect(m_openRevisionButton, &QPushButton::clicked, this, openRevision);
    connect(m_history, &QListWidget::itemActivated, this, openRevision);
    connect(m_history, &QListWidget::currentItemChanged, this,
            [this](QListWidgetItem *item) { m_openRevisionButton->setEnabled(item != nullptr); });

    m_saveButton = button(tr("&Save"), "saveButton");
    m_previewButton = button(tr("Pre&view"), "previewButton");
    m_finalizeButton = button(tr("&Finalize…"), "finalizeButton");
    m_finalizeButton->setText(tr("&Finalize"));
    m_amendButton = button(tr("A&mend"), "amendButton");
    QPushButton *close = button(tr("Close"), "closeButton");
    m_saveButton->setToolTip(tr("Save the findings and results (Ctrl+S)"));
    m_previewButton->setToolTip(tr("Show the report as it is now, as a draft PDF (Ctrl+P)"));
    m_finalizeButton->setToolTip(
        tr("Sign the report: its PDF is stored and an e-mail with it is queued for the client"));
    m_amendButton->setToolTip(tr("Start a corrected revision of this finalized report"));
    connect(m_saveButton, &QPushButton::clicked, this, &ReportEditor::save);
    connect(m_previewButton, &QPushButton::clicked, this, &ReportEditor::preview);
    connect(m_finalizeButton, &QPushButton::clicked, this, &ReportEditor::finalize);
    connect(m_amendButton, &QPushButton::clicked, this, &ReportEditor::amend);
    connect(close, &QPushButton::clicked, this, &QWidget::close);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_previewButton);
    buttons->addWidget(m_finalizeButton);
    buttons->addWidget(m_amendButton);
    buttons->addStretch();
    buttons->addWidget(close);

    auto *findingsLabel = new QLabel(tr("F&indings:"), this);
    findingsLabel->setBuddy(m_findings);
    auto *resultsLabel = new QLabel(tr("Res&ults:"), this);
    resultsLabel->setBuddy(m_view);
    auto *historyLabel = new QLabel(tr("Revisions:"), this);
    historyLabel->setBuddy(m_history);
    // A table or list is named by its label for screen readers (a buddy names only
    // simple controls): the label's text without its mnemonic and colon.
    for (const auto &[label, view] : {std::pair<QLabel *, QWidget *>{resultsLabel, m_view},
                                      std::pair<QLabel *, QWidget *>{historyLabel, m_history}}) {
        QString name = label->text();
        name.remove(QRegularExpression(u"&(?!&)"_s));
        view->setAccessibleName(name.trimmed().remove(QRegularExpression(u"[:：]$"_s)));
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(findingsLabel);
    layout->addWidget(m_findings, 1);
    layout->addWidget(resultsLabel);
    layout->addWidget(m_view, 3);
    layout->addLayout(rowButtons);
    layout->addLayout(statusRow);
    layout->addWidget(m_email);
    layout->addWidget(m_message);
    layout->addWidget(historyLabel);
    auto *historyRow = new QHBoxLayout;
    historyRow->addWidget(m_history, 1);
    historyRow->addWidget(m_openRevisionButton, 0, Qt::AlignTop);
    layout->addLayout(historyRow);
    layout->addLayout(buttons);

    const QSettings s = settings();
    if (!restoreGeometry(s.value(u"lab/reportEditor/geometry"_s).toByteArray()))
        resize(900, 760);
    m_view->horizontalHeader()->restoreState(s.value(u"lab/reportEditor/results"_s).toByteArray());
    setMode(Mode::Loading);
}

bool ReportEditor::isDirty() const
{
    return !m_undo->isClean() || m_findings->document()->isModified();
}

QString ReportEditor::statusText() const
{
    return m_status->text();
}

QString ReportEditor::emailText() const
{
    return m_email->isHidden() ? QString() : m_email->text();
}

void ReportEditor::markClean()
{
    m_undo->clear();
    m_findings->document()->setModified(false);
}

void ReportEditor::setStatus(const QString &text, bool busy, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? Theme::errorStyle(palette()) : QString());
    m_busy->setVisible(busy);
}

void ReportEditor::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? Theme::errorStyle(palette()) : QString());
    m_message->setVisible(!text.isEmpty());
}

void ReportEditor::setMode(Mode mode)
{
    m_mode = mode;
    const bool editing = mode == Mode::Editing;
    const bool draft = m_report.id > 0 && !m_report.isFinalized();
    m_findings->setReadOnly(!editing);
    m_results->setReadOnly(!editing);
    for (QWidget *b : std::as_const(m_rowButtons))
        b->setEnabled(editing);
    if (editing) {
        m_rowButtons.at(4)->setEnabled(m_undo->canUndo());
        m_rowButtons.at(5)->setEnabled(m_undo->canRedo());
    }
    m_saveButton->setEnabled(editing);
    m_finalizeButton->setEnabled(editing);
    m_previewButton->setEnabled(draft && mode != Mode::Loading);
    m_amendButton->setVisible(m_report.isFinalized());
    m_amendButton->setEnabled(mode == Mode::Finalized && m_report.supersededById == 0);
    if (mode == Mode::Finalizing)
        m_jobPoll->start();
    else
        m_jobPoll->stop();
    Q_EMIT modeChanged(mode);
}

Report ReportEditor::values() const
{
    Report r = m_report;
    r.findings = m_findings->toPlainText();
    r.results = m_results->rows();
    return r;
}

void ReportEditor::reload()
{
    load();
}

QCoro::Task<> ReportEditor::load(QString messageAfter, bool messageIsError)
{
    QPointer<ReportEditor> self(this);
    const qint64 id = reportId();
    const Actor actor = m_lab.actor();
    auto work = [id](Database &db) -> Result<Loaded> {
        Loaded loaded;
        Result<LabDocuments::ReportSources> sources = LabDocuments::loadReport(db, id);
        if (!sources)
            return sources.error();
        loaded.sources = std::move(sources).value();
        Result<QList<Report>> history =
            ReportRepository(db, Actor{}).history(loaded.sources.report.protocolId);
        if (!history)
            return history.error();
        loaded.history = std::move(history).value();
        if (const qint64 jobId = loaded.sources.report.finalizingJobId; jobId > 0) {
            if (const Result<Job> job = JobStore(db).get(jobId))
                loaded.job = job.value();
        }
        return loaded;
    };
    auto future = m_lab.executor().read(std::move(work)); // named: GCC 12 bug 100611
    Result<Loaded> read = co_await future;
    if (!self)
        co_return;
    if (!read) {
        setStatus(tr("The report cannot be loaded: %1").arg(read.error().message), false, true);
        if (m_report.id == 0)
            setMode(Mode::Locked);
        co_return;
    }
    // A hold whose job has ended (cancelled before it ran, failed by the engine) is
    // released, so the report does not stay locked.
    if (read->job && read->job->isFinished()) {
        auto release = [id, actor](Database &db) {
            return ReportFinalizer(db, actor).releaseIfJobEnded(id);
        };
        auto released = m_lab.executor().write(std::move(release)); // named: GCC 12 bug 100611
        const Result<ReportFinalizer::Released> r = co_await released;
        if (!self)
            co_return;
        if (r && r->released) {
            load(messageAfter, messageIsError);
            co_return;
        }
    }
    display(read.value());
    if (!messageAfter.isEmpty())
        setStatus(messageAfter, false, messageIsError);
    Q_EMIT loaded();
}

void ReportEditor::display(const Loaded &loaded)
{
    const Report &r = loaded.sources.report;
    m_report = r;
    m_protocol = loaded.sources.protocol;
    m_client = loaded.sources.client;
    setWindowTitle(tr("Report %1 — revision %2").arg(r.protocolNumber).arg(r.revision));
    m_header->setText(
        tr("<b>%1</b> · %2 · %3%4<br>Revision %5 · %6 · protocol %7")
            .arg(r.protocolNumber.toHtmlEscaped(), m_client.name.toHtmlEscaped(),
                 m_protocol.species.toHtmlEscaped(),
                 m_protocol.animalId.isEmpty() ? QString() : u" · "_s + m_protocol.animalId.toHtmlEscaped())
            .arg(r.revision)
            .arg(Report::stateLabel(r.state), Protocol::stateLabel(m_protocol.state).toLower()));
    {
        const QSignalBlocker blocker(m_findings);
        m_findings->setPlainText(r.findings);
    }
    m_results->setRows(r.results);
    markClean();

    m_history->clear();
    for (const Report &rev : loaded.history) {
        QString text = rev.isFinalized() ? tr("Revision %1 · finalized by %2 at %3")
                                               .arg(rev.revision)
                                               .arg(rev.signerName, timeText(rev.signedAt))
                                         : tr("Revision %1 · draft").arg(rev.revision);
        if (rev.supersededById != 0)
            text += tr(" · superseded");
        if (rev.id == r.id)
            text += tr(" · shown");
        auto *item = new QListWidgetItem(text, m_history);
        item->setData(Qt::UserRole, rev.id);
        item->setData(Qt::UserRole + 1, rev.isFinalized());
    }

    setMessage({});
    m_jobId = r.finalizingJobId;
    if (r.isFinalized()) {
        QString text = tr("Finalized by %1 at %2.").arg(r.signerName, timeText(r.signedAt));
        if (r.supersededById != 0)
            text += u' ' + tr("Superseded by a later revision.");
        setStatus(text, false);
        setMode(Mode::Finalized);
        readEmail();
        return;
    }
    showEmail({});
    if (r.isFinalizing()) {
        const QString state = loaded.job ? loaded.job->progressText() : QString();
        setStatus(state.isEmpty() ? tr("Finalizing… (job %1)").arg(r.finalizingJobId)
                                  : tr("Finalizing… %1").arg(state),
                  true);
        setMode(Mode::Finalizing);
        return;
    }
    using S = Protocol::State;
    const S p = m_protocol.state;
    const bool editable =
        p == S::Received || p == S::InAnalysis || (r.supersedesId != 0 && p == S::Finalized);
    if (!editable) {
        m_lockReason =
            p == S::Submitted
                ? tr("Protocol %1 is submitted: results can be entered once the sample is received.")
                      .arg(r.protocolNumber)
                : tr("Protocol %1 is %2; its report cannot be changed.")
                      .arg(r.protocolNumber, Protocol::stateLabel(p).toLower());
        setStatus(m_lockReason, false);
        setMode(Mode::Locked);
        return;
    }
    setStatus(tr("Draft."), false);
    setMode(Mode::Editing);
}

void ReportEditor::addRow()
{
    if (m_mode != Mode::Editing)
        return;
    const int current = m_view->currentIndex().row();
    const int row = current >= 0 ? current + 1 : m_results->rowCount();
    m_undo->push(ResultEditCommand::insert(m_results, row, {}));
    const QModelIndex index = m_results->index(row, ReportResultsModel::Analyte);
    m_view->setCurrentIndex(index);
    m_view->edit(index);
}

void ReportEditor::removeRow()
{
    if (m_mode != Mode::Editing)
        return;
    const int row = m_view->currentIndex().row();
    if (row >= 0)
        m_undo->push(ResultEditCommand::remove(m_results, row));
}

void ReportEditor::moveRow(int delta)
{
    if (m_mode != Mode::Editing)
        return;
    const QModelIndex current = m_view->currentIndex();
    const int to = current.row() + delta;
    if (!current.isValid() || to < 0 || to >= m_results->rowCount())
        return;
    m_undo->push(ResultEditCommand::move(m_results, current.row(), to));
    m_view->setCurrentIndex(m_results->index(to, current.column()));
}

void ReportEditor::moveRowUp()
{
    moveRow(-1);
}

void ReportEditor::moveRowDown()
{
    moveRow(1);
}

void ReportEditor::save()
{
    if (m_mode == Mode::Editing)
        runSave(false);
}

QCoro::Task<> ReportEditor::runSave(bool overwrite)
{
    const Report report = values();
    if (const QList<FieldError> errors = ReportRepository::validate(report); !errors.isEmpty()) {
        QStringList lines;
        for (const FieldError &e : errors)
            lines << e.message;
        setMessage(tr("Not saved: please correct these rows.\n%1").arg(lines.join(u'\n')), true);
        co_return;
    }
    QPointer<ReportEditor> self(this);
    setMode(Mode::Saving);
    setStatus(tr("Saving…"), true);
    const Actor actor = m_lab.actor();
    auto work = [report, actor, overwrite](Database &db) -> Result<Report> {
        Report toSave = report;
        if (overwrite) {
            const Result<Report> current = ReportRepository(db, actor).get(report.id);
            if (!current)
                return current.error();
            toSave.version = current->version;
        }
        return ReportRepository(db, actor).updateDraft(toSave);
    };
    auto future = m_lab.executor().write(std::move(work)); // named: GCC 12 bug 100611
    const Result<Report> stored = co_await future;
    if (!self)
        co_return;
    if (!stored) {
        setMode(Mode::Editing);
        setStatus(tr("Draft."), false);
        const DbError &e = stored.error();
        if (e.code == DbError::Code::Conflict) {
            askConflict();
        } else if (e.isConnectionProblem()) {
            setMessage(
                tr("Not saved: the database cannot be reached. Your changes are kept; try again when the "
                   "connection returns."),
                true);
        } else {
            setMessage(tr("Not saved: %1").arg(e.text()), true);
            if (e.code == DbError::Code::InvalidState)
                load(tr("Not saved: %1").arg(e.message), true);
        }
        co_return;
    }
    m_report.version = stored->version;
    m_report.results = stored->results;
    markClean();
    setMessage({});
    setMode(Mode::Editing);
    setStatus(tr("Saved."), false);
    Q_EMIT saved();
}

void ReportEditor::askConflict()
{
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Changed by someone else"),
                        tr("Someone else saved report %1 since you opened it.").arg(m_report.protocolNumber),
                        QMessageBox::NoButton, this);
    box->setObjectName(u"conflictBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        tr("Reload shows the stored values (your edits are replaced); Overwrite saves your "
           "values over theirs."));
    QPushButton *reload = box->addButton(tr("Reload"), QMessageBox::ActionRole);
    reload->setObjectName(u"reloadButton"_s);
    QPushButton *overwrite = box->addButton(tr("Overwrite"), QMessageBox::DestructiveRole);
    overwrite->setObjectName(u"overwriteButton"_s);
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(u"cancelButton"_s);
    box->setDefaultButton(cancel);
    connect(box, &QMessageBox::finished, this, [this, box, reload, overwrite] {
        if (box->clickedButton() == reload)
            load(tr("Showing the values stored now."));
        else if (box->clickedButton() == overwrite)
            runSave(true);
        else
            setMessage(tr("Not saved: the report was changed by someone else. Your changes are kept."), true);
    });
    box->open();
}

void ReportEditor::finalize()
{
    if (m_mode != Mode::Editing)
        return;
    // Feedback first: the editor locks and says so before anything else happens (no
    // database round trip, no validation that could take long), then the work starts.
    setMessage({});
    setStatus(tr("Finalizing…"), true);
    setMode(Mode::Finalizing);
    m_jobPoll->stop(); // no job yet
    runFinalize();
}

QCoro::Task<> ReportEditor::runFinalize()
{
    QPointer<ReportEditor> self(this);
    const Report report = values();
    const bool dirty = isDirty();
    if (dirty) {
        if (const QList<FieldError> errors = ReportRepository::validate(report); !errors.isEmpty()) {
            QStringList lines;
            for (const FieldError &e : errors)
                lines << e.message;
            setMode(Mode::Editing);
            setStatus(tr("Draft."), false);
            setMessage(tr("Not finalized: please correct these rows.\n%1").arg(lines.join(u'\n')), true);
            co_return;
        }
    }
    const Actor actor = m_lab.actor();
    // Unsaved edits are saved in the same transaction that queues the job: what is
    // signed is what the vet sees.
    auto work = [report, dirty, actor](Database &db) -> Result<ReportFinalizer::Queued> {
        Transaction tx(db);
        if (!tx.ok())
            return tx.error();
        int version = report.version;
        if (dirty) {
            const Result<Report> stored = ReportRepository(db, actor).updateDraft(report);
            if (!stored)
                return stored.error();
            version = stored->version;
        }
        Result<ReportFinalizer::Queued> queued = ReportFinalizer(db, actor).enqueue(report.id, version);
        if (!queued)
            return queued.error();
        if (auto r = tx.commit(); !r)
            return r.error();
        return queued;
    };
    auto future = m_lab.executor().write(std::move(work)); // named: GCC 12 bug 100611
    const Result<ReportFinalizer::Queued> queued = co_await future;
    if (!self)
        co_return;
    if (!queued) {
        const DbError &e = queued.error();
        setMode(Mode::Editing);
        setStatus(tr("Draft."), false);
        if (e.code == DbError::Code::Conflict) {
            setMessage(tr("Not finalized: someone else changed the report meanwhile."), true);
            askConflict();
        } else {
            setMessage(tr("Not finalized: %1").arg(e.text()), true);
            Q_EMIT finalizeFailed(e.message);
            if (e.code == DbError::Code::InvalidState)
                load(tr("Not finalized: %1").arg(e.message), true);
        }
        co_return;
    }
    m_jobId = queued->jobId;
    m_report.version = queued->report.version;
    m_report.finalizingJobId = queued->jobId;
    markClean();
    setStatus(tr("Finalizing… (job %1 queued)").arg(m_jobId), true);
    setMode(Mode::Finalizing);
    m_lab.wakeEngine();
    Q_EMIT finalizeQueued(m_jobId);
}

void ReportEditor::jobChanged(const JobChange &change)
{
    // A drain that ended may say why a queued e-mail is still queued (no mail settings,
    // the server refused the login): its failure changes no outbox row.
    if (change.kind == u"mail.send"_s) {
        const std::optional<JobState> state = JobStates::fromCode(change.state);
        if (state && JobStates::isFinished(*state))
            readEmail();
        return;
    }
    if (m_jobId == 0 || change.id != m_jobId)
        return;
    // Message and error travel only with a job's event of its own (in this process).
    const bool hasError = change.details.contains(u"error"_s);
    if (change.state == u"running") {
        const QString message = change.details.value(u"message"_s).toString();
        setStatus(message.isEmpty() ? tr("Finalizing…") : tr("Finalizing… %1").arg(message), true);
    } else if (change.state == u"queued" && hasError) {
        setStatus(tr("Finalizing… (trying again after: %1)").arg(change.details.value(u"error"_s).toString()),
                  true);
    }
    // Through NOTIFY (PostgreSQL) an event carries no error text: a job queued again
    // after an attempt is read from its row for the reason.
    const bool retryWithoutReason = change.state == u"queued" && !hasError && change.attempts > 0;
    if ((change.state != u"running" && change.state != u"queued") || retryWithoutReason)
        checkJob();
}

QCoro::Task<> ReportEditor::checkJob()
{
    if (m_checking) {
        m_checkAgain = true; // the read under way may predate the newest event
        co_return;
    }
    if (m_jobId == 0 || m_mode != Mode::Finalizing)
        co_return;
    m_checking = true;
    m_checkAgain = false;
    QPointer<ReportEditor> self(this);
    const qint64 jobId = m_jobId;
    auto work = [jobId](Database &db) {
        return JobStore(db).get(jobId);
    };
    auto future = m_lab.executor().read(std::move(work)); // named: GCC 12 bug 100611
    const Result<Job> job = co_await future;
    if (!self)
        co_return;
    m_checking = false;
    if (!job || m_jobId != jobId)
        co_return;
    if (!job->isFinished()) {
        if (job->state == JobState::Queued && !job->error.isEmpty())
            setStatus(tr("Finalizing… (trying again after: %1)").arg(job->errorText()), true);
        if (m_checkAgain)
            checkJob();
        co_return;
    }
    m_jobId = 0;
    switch (job->state) {
    case JobState::Succeeded:
        load();
        Q_EMIT finalized();
        break;
    case JobState::Failed: {
        const QString reason = job->errorText().isEmpty() ? tr("the job failed") : job->errorText();
        load(tr("Not finalized: %1").arg(reason), true);
        Q_EMIT finalizeFailed(reason);
        break;
    }
    case JobState::Cancelled:
        // load() releases the hold of a cancelled job that never ran.
        load(tr("Finalizing was cancelled; the report is a draft again."));
        Q_EMIT finalizeFailed(tr("cancelled"));
        break;
    default:
        break;
    }
}

QCoro::Task<> ReportEditor::readEmail()
{
    if (!m_report.isFinalized())
        co_return;
    QPointer<ReportEditor> self(this);
    const Report report = m_report;
    const int read = ++m_emailReads; // a later read wins over one still under way
    auto work = [report](Database &db) {
        return ReportEmail::read(db, report);
    };
    auto future = m_lab.executor().read(std::move(work)); // named: GCC 12 bug 100611
    const Result<ReportEmail> email = co_await future;
    if (!self || read != m_emailReads || m_report.id != report.id)
        co_return;
    if (!email) {
        showEmail(tr("The state of the e-mail to the client cannot be read: %1").arg(email.error().message),
                  true);
        m_emailPoll->start(); // read again
        co_return;
    }
    showEmail(email->text(), email->needsAttention());
    const bool settled = email->kind != ReportEmail::Kind::Email || email->email.state == OutboxState::Sent ||
                         email->email.state == OutboxState::Failed ||
                         email->email.state == OutboxState::Uncertain;
    if (settled)
        m_emailPoll->stop();
    else if (!m_emailPoll->isActive())
        m_emailPoll->start();
}

void ReportEditor::showEmail(const QString &text, bool attention)
{
    if (text.isEmpty()) {
        ++m_emailReads; // a read under way is of no use any more
        m_emailPoll->stop();
    }
    m_email->setText(text);
    m_email->setStyleSheet(attention ? Theme::errorStyle(palette()) : QString());
    m_email->setVisible(!text.isEmpty());
    if (!text.isEmpty())
        Q_EMIT emailShown(text);
}

void ReportEditor::amend()
{
    if (m_mode == Mode::Finalized && m_report.supersededById == 0)
        runAmend();
}

QCoro::Task<> ReportEditor::runAmend()
{
    QPointer<ReportEditor> self(this);
    const qint64 from = m_report.id;
    const Actor actor = m_lab.actor();
    setStatus(tr("Starting a new revision…"), true);
    auto work = [from, actor](Database &db) {
        return ReportRepository(db, actor).amend(from);
    };
    auto future = m_lab.executor().write(std::move(work)); // named: GCC 12 bug 100611
    const Result<Report> amended = co_await future;
    if (!self)
        co_return;
    if (!amended) {
        setStatus(tr("Not amended: %1").arg(amended.error().message), false, true);
        co_return;
    }
    m_reportId = amended->id;
    m_report = Report{};
    m_report.id = amended->id;
    Q_EMIT reportChanged(from, amended->id);
    load(tr("Revision %1 is a new draft; correct it and finalize it.").arg(amended->revision));
}

void ReportEditor::preview()
{
    if (m_report.id > 0 && !m_report.isFinalized() && m_mode != Mode::Loading)
        runPreview();
}

QCoro::Task<> ReportEditor::runPreview()
{
    QPointer<ReportEditor> self(this);
    ReportDocument doc = LabDocuments::reportDocument(values(), m_protocol, m_client);
    doc.draft = true;
    m_previewButton->setEnabled(false);
    auto future = QtConcurrent::run(m_lab.renderPool(), [doc] { return PdfRenderer::renderReport(doc); });
    const QByteArray pdf = co_await future; // named future: GCC 12 bug 100611
    if (!self)
        co_return;
    m_previewButton->setEnabled(m_report.id > 0 && !m_report.isFinalized());
    if (pdf.isEmpty()) {
        setMessage(tr("The preview cannot be rendered: no usable font was found."), true);
        co_return;
    }
    PdfViewerWindow *window = PdfViewerWindow::openBytes(
        pdf, tr("Preview of report %1 (revision %2)").arg(m_report.protocolNumber).arg(m_report.revision),
        this);
    Q_EMIT previewOpened(window);
}

void ReportEditor::saveSettings() const
{
    QSettings s = settings();
    s.setValue(u"lab/reportEditor/geometry"_s, saveGeometry());
    s.setValue(u"lab/reportEditor/results"_s, m_view->horizontalHeader()->saveState());
}

void ReportEditor::closeEvent(QCloseEvent *event)
{
    if (isDirty() && m_mode == Mode::Editing) {
        const auto answer =
            QMessageBox::question(this, tr("Unsaved changes"),
                                  tr("Report %1 has changes that are not saved. Close it and lose them?")
                                      .arg(m_report.protocolNumber),
                                  QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            event->ignore();
            return;
        }
    }
    saveSettings();
    QDialog::closeEvent(event);
}
