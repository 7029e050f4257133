// The lab's window parts driven through the real main window, offscreen, with its real
// job engine and event bus, on SQLite and PostgreSQL: the Protocols page filtered by
// state opens a report in the editor; a result is edited (and undone), saved; a save
// over someone else's change shows the conflict box; Finalize shows "Finalizing…" at
// once, before the job runs, then "Finalized by …"; the notification appears and opens
// the signed PDF in the viewer; a work order's change is pre-rendered and its PDF opens
// from the cache; the work-order dialog saves and queues the pre-render; single-row
// state changes from the page; a finalized report's notification and window tell what
// became of its e-mail (queued, not sent for want of settings, sent, failed); the Work
// orders page follows its protocols' states and clients' names.
#include "models/db/connectionmonitor.h"
#include "models/db/dbexecutor.h"
#include "models/db/events.h"
#include "models/itemmodels/protocolstablemodel.h"
#include "models/itemmodels/recordfilterproxymodel.h"
#include "models/itemmodels/reportresultsmodel.h"
#include "models/itemmodels/workorderstablemodel.h"
#include "models/lab/reportrepository.h"
#include "models/lab/workorderrepository.h"
#include "tasks/itemmodels/notificationsmodel.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "tasks/lab/labservices.h"
#include "tasks/lab/labtasks.h"
#include "tasks/lab/reportfinalizer.h"
#include "tasks/lab/workorderservice.h"
#include "tasks/mail/outbox.h"
#include "tasks/notificationstore.h"
#include "tasks/pdf/pdfcache.h"
#include "tasks/pdf/pdfrenderer.h"
#include "tasks/taskcatalog.h"
#include "tasks/taskregistry.h"
#include "tests/models/lab/labtestutil.h"
#include "tests/support/smtpsink.h"
#include "tests/support/testdatabase.h"
#include "ui/lab/labui.h"
#include "ui/lab/protocolspage.h"
#include "ui/lab/reporteditor.h"
#include "ui/lab/workorderdialog.h"
#include "ui/lab/workorderspage.h"
#include "ui/mainwindow.h"
#include "ui/notifications/notificationcentre.h"
#include "ui/pdf/pdfopener.h"
#include "ui/pdf/pdfviewerwindow.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QToolButton>

#include <atomic>

using namespace Qt::StringLiterals;

namespace {
constexpr int kTimeout = 60000;

Actor tester()
{
    // On PostgreSQL the window signs in as the test administrator: the database signs
    // reports with that login.
    return TestDatabase::actorFor(TestDatabase::Person::Admin, u"tester"_s, Actor::Role::Vet);
}

struct Harness
{
    std::unique_ptr<TestDatabase> t;
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<PdfCache> cache;
    std::unique_ptr<DbExecutor> executor;
    std::unique_ptr<ConnectionMonitor> monitor;
    TaskRegistry tasks;
    std::unique_ptr<EventBus> events;
    std::unique_ptr<JobEngine> engine;
    std::unique_ptr<MainWindow> window;

    ~Harness()
    {
        LabTasks::setFinalizeHooks({});
        if (engine && engine->isStarted()) {
            QSignalSpy stopped(engine.get(), &JobEngine::stopped);
            engine->stop();
            stopped.wait(engine->options().shutdownGraceMs + 2000);
        }
        for (QWidget *w : QApplication::topLevelWidgets())
            if (qobject_cast<PdfViewerWindow *>(w))
                delete w;
        window.reset();
        engine.reset();
        events.reset();
        monitor.reset();
        if (executor)
            executor->waitForDone();
        executor.reset();
        LabServices::setPdfCache(nullptr);
    }

    LabUi *lab() const { return window->findChild<LabUi *>(u"labUi"_s); }
    ProtocolsPage *protocols() const { return lab()->protocolsPage(); }
    WorkOrdersPage *workOrders() const { return lab()->workOrdersPage(); }
    NotificationCentre *bell() const
    {
        return window->findChild<NotificationCentre *>(u"notificationCentre"_s);
    }
    Result<Job> job(qint64 id) { return JobStore(t->db()).get(id); }
};

// The row of `id` in a page's table, as the view shows it (proxy index), once loaded.
QModelIndex viewIndexOf(RecordPage *page, qint64 id)
{
    const int row = page->model()->rowOfId(id);
    return row < 0 ? QModelIndex() : page->proxy()->mapFromSource(page->model()->index(row, 0));
}

template<typename T> T *visibleTopLevel()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *found = qobject_cast<T *>(w); found && found->isVisible())
            return found;
    return nullptr;
}

QMessageBox *openBox(QWidget *parent, const QString &name)
{
    for (QMessageBox *box : parent->findChildren<QMessageBox *>(name))
        if (box->isVisible())
            return box;
    return nullptr;
}

void clearMailEnvironment()
{
    for (const char *name : {"RESIDESK_SMTP_URL", "RESIDESK_SMTP_PASSWORD", "RESIDESK_SMTP_CA_FILE",
                             "RESIDESK_MAIL_FROM", "RESIDESK_MAIL_RATE", "RESIDESK_SMTP_TIMEOUT"})
        qunsetenv(name);
}

// The tester's stored notification that links to `link`, once there is one.
Notification noteFor(Database &db, const QString &link)
{
    const Result<QList<Notification>> stored = NotificationStore(db).list(tester().username);
    for (const Notification &n : stored ? stored.value() : QList<Notification>())
        if (n.link == link)
            return n;
    return {};
}

// The newest mail.send job, if any.
Job newestDrain(Database &db)
{
    JobStore::ListFilter filter;
    filter.kind = u"mail.send"_s;
    filter.limit = 1;
    const Result<QList<Job>> drains = JobStore(db).list(filter);
    return drains && !drains->isEmpty() ? drains->first() : Job{};
}
} // namespace

class TestLabGui : public QObject
{
    Q_OBJECT

private:
    // `mailKinds`: the engine also runs mail.send (no server unless the test sets one).
    bool startWindow(Harness &h, QString *error, bool mailKinds = false)
    {
        h.t = TestDatabase::create(error);
        if (!h.t)
            return false;
        h.dir = std::make_unique<QTemporaryDir>();
        h.cache = std::make_unique<PdfCache>(h.dir->filePath(u"pdf"_s));
        LabServices::setPdfCache(h.cache.get());
        PdfRenderer::warmUp(); // as the composition root does, on the GUI thread
        h.executor = std::make_unique<DbExecutor>(h.t->db());
        h.monitor = std::make_unique<ConnectionMonitor>(*h.executor);
        TaskCatalog::registerAll(h.tasks);
        h.events = std::make_unique<EventBus>(h.t->db());
        JobEngineOptions options = JobEngineOptions::desktop();
        options.shutdownGraceMs = 5000;
        options.runRecurring = false;
        options.pollIntervalMs = 200;
        // Not mail.send unless asked for: no SMTP server here; the e-mails stay in the outbox.
        options.kinds = QStringList{u"report.finalize"_s, u"workorder.prerender"_s};
        if (mailKinds)
            options.kinds.append(u"mail.send"_s);
        h.engine = std::make_unique<JobEngine>(h.t->db(), h.tasks, options);
        h.engine->setEventBus(h.events.get());
        h.window = std::make_unique<MainWindow>(WindowServices{.executor = *h.executor,
                                                               .monitor = *h.monitor,
                                                               .events = *h.events,
                                                               .engine = h.engine.get(),
                                                               .tasks = h.tasks,
                                                               .actor = tester(),
                                                               .pdfCache = h.cache.get()});
        MainWindow &w = *h.window;
        w.show();
        if (!QTest::qWaitForWindowExposed(&w)) {
            *error = u"window not exposed"_s;
            return false;
        }
        h.events->start();
        if (!QTest::qWaitFor([&] { return h.events->isListening(); }, kTimeout)) {
            *error = u"the event bus is not listening"_s;
            return false;
        }
        h.engine->start();
        w.start();
        return true;
    }

    // A received protocol whose draft has two result rows; and a submitted one.
    static Report seedDraft(Database &db, qint64 clientId)
    {
        const Protocol p = LabTest::protocolIn(db, clientId, Protocol::State::Received);
        Result<Report> draft = ReportRepository(db, tester()).currentDraft(p.id);
        if (!draft)
            return {};
        Report edited = draft.value();
        edited.findings = u"Mild anaemia."_s;
        edited.results = {{0, u"Haemoglobin"_s, u"9.8"_s, u"g/dL"_s, u"12.0–18.0"_s, Report::Flag::Low},
                          {0, u"Leukocytes"_s, u"7.1"_s, u"10^9/L"_s, u"4.0–12.0"_s, Report::Flag::None}};
        const Result<Report> saved = ReportRepository(db, tester()).updateDraft(edited);
        return saved ? saved.value() : Report{};
    }

    static void showPage(MainWindow &w, QWidget *page)
    {
        auto *sidebar = w.findChild<QListWidget *>(u"sidebar"_s);
        auto *stack = w.findChild<QStackedWidget *>(u"pageStack"_s);
        sidebar->setCurrentRow(stack->indexOf(page));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"Residesk"_s);
        QCoreApplication::setApplicationName(u"Residesk"_s);
    }

    void reportFromOpenToFinalized()
    {
        Harness h;
        QString error;
        QVERIFY2(startWindow(h, &error), qPrintable(error));
        MainWindow &w = *h.window;
        const qint64 clientId = LabTest::makeClient(h.t->db());
        const Report draft = seedDraft(h.t->db(), clientId);
        QVERIFY(draft.id > 0);
        LabTest::protocolIn(h.t->db(), clientId, Protocol::State::Submitted);

        // The Protocols page, filtered by state: only the received protocol.
        ProtocolsPage *page = h.protocols();
        QVERIFY(page);
        showPage(w, page);
        QTRY_VERIFY_WITH_TIMEOUT(page->isVisible(), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->totalCount(), 2, kTimeout);
        auto *state = page->findChild<QComboBox *>(u"stateFilter"_s);
        QVERIFY(state);
        state->setCurrentIndex(state->findData(u"received"_s));
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->totalCount(), 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 1, kTimeout);
        QCOMPARE(page->currentFilter().state, std::optional(Protocol::State::Received));
        page->view()->setCurrentIndex(viewIndexOf(page, draft.protocolId));
        page->view()->selectRow(0);
        QCOMPARE(page->selectedProtocolIds(), QList<qint64>{draft.protocolId});
        QVERIFY(page->receiveAction->isEnabled() == false); // already received
        QVERIFY(page->startAnalysisAction->isEnabled());

        // Open its report (Ctrl+E) in the editor.
        page->openReportAction->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(h.lab()->reportEditor(draft.id) != nullptr, kTimeout);
        QPointer<ReportEditor> editor = h.lab()->reportEditor(draft.id);
        QTRY_COMPARE_WITH_TIMEOUT(editor->mode(), ReportEditor::Mode::Editing, kTimeout);
        QCOMPARE(editor->reportId(), draft.id);
        QCOMPARE(editor->resultsModel()->rowCount(), 2);

        // Findings typed into the editor: undone and redone by the text field.
        auto *findings = editor->findChild<QPlainTextEdit *>(u"findingsEdit"_s);
        QCOMPARE(findings->toPlainText(), u"Mild anaemia."_s);
        QVERIFY(!findings->isReadOnly());
        findings->moveCursor(QTextCursor::End);
        QTest::keyClicks(findings, u" Regenerative."_s);
        QCOMPARE(findings->toPlainText(), u"Mild anaemia. Regenerative."_s);
        QVERIFY(editor->isDirty());
        findings->undo();
        QCOMPARE(findings->toPlainText(), u"Mild anaemia."_s);
        findings->redo();
        QCOMPARE(findings->toPlainText(), u"Mild anaemia. Regenerative."_s);

        // Edit a result (as the view's editor does), undo and redo it, then save.
        ReportResultsModel *results = editor->resultsModel();
        QVERIFY(results->setData(results->index(0, ReportResultsModel::Value), u"10.4"_s));
        QCOMPARE(editor->undoStack()->count(), 1);
        QVERIFY(editor->isDirty());
        editor->undoStack()->undo();
        QCOMPARE(results->index(0, ReportResultsModel::Value).data().toString(), u"9.8"_s);
        editor->undoStack()->redo();
        QCOMPARE(results->index(0, ReportResultsModel::Value).data().toString(), u"10.4"_s);
        QVERIFY(results->setData(results->index(1, ReportResultsModel::Flag), int(Report::Flag::High)));
        editor->findChild<QPushButton *>(u"saveButton"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(editor->statusText(), u"Saved."_s, kTimeout);
        QVERIFY(!editor->isDirty());
        Result<Report> stored = ReportRepository(h.t->db(), tester()).get(draft.id);
        QVERIFY(stored);
        QCOMPARE(stored->findings, u"Mild anaemia. Regenerative."_s);
        QCOMPARE(stored->results.at(0).value, u"10.4"_s);
        QCOMPARE(stored->results.at(1).flag, Report::Flag::High);

        // Validation names the row and the field; nothing is written.
        editor->addRow();
        QTRY_COMPARE(results->rowCount(), 3);
        editor->findChild<QPushButton *>(u"saveButton"_s)->click();
        auto *message = editor->findChild<QLabel *>(u"messageLabel"_s);
        QTRY_VERIFY(message->isVisible());
        QVERIFY2(message->text().contains(u"row 3"_s) && message->text().contains(u"analyte"_s),
                 qPrintable(message->text()));
        editor->undoStack()->undo(); // the empty row goes again
        QCOMPARE(results->rowCount(), 2);

        // Someone else saves meanwhile: our save shows the conflict box; Reload shows theirs.
        {
            std::unique_ptr<Database> other = h.t->openAnother();
            Report theirs = stored.value();
            theirs.findings = u"Changed on another desktop."_s;
            QVERIFY(ReportRepository(*other, Actor{u"colleague"_s, Actor::Role::Vet}).updateDraft(theirs));
        }
        QVERIFY(results->setData(results->index(1, ReportResultsModel::Value), u"7.9"_s));
        editor->findChild<QPushButton *>(u"saveButton"_s)->click();
        QMessageBox *conflict = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((conflict = openBox(editor, u"conflictBox"_s)) != nullptr, kTimeout);
        conflict->findChild<QPushButton *>(u"reloadButton"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(findings->toPlainText(), u"Changed on another desktop."_s, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(editor->mode(), ReportEditor::Mode::Editing, kTimeout);
        QCOMPARE(results->index(1, ReportResultsModel::Value).data().toString(), u"7.1"_s);

        // Finalize: the rendering waits until the test has seen "Finalizing…".
        QSemaphore rendering;
        QSemaphore resume;
        LabTasks::FinalizeHooks hooks;
        hooks.render = [&rendering, &resume](const ReportDocument &doc) {
            rendering.release();
            resume.acquire();
            return PdfRenderer::renderReport(doc);
        };
        LabTasks::setFinalizeHooks(hooks);
        QSignalSpy started(h.engine.get(), &JobEngine::jobStarted);
        QSignalSpy finalized(editor.data(), &ReportEditor::finalized);
        auto *finalize = editor->findChild<QPushButton *>(u"finalizeButton"_s);
        // What the editor showed, in order: the locked "Finalizing…" state comes before
        // the job is queued (the database round trip), and the job runs after that.
        QStringList steps;
        auto *busy = editor->findChild<QProgressBar *>(u"busyIndicator"_s);
        const QMetaObject::Connection c1 =
            connect(editor.data(), &ReportEditor::modeChanged, this, [&](ReportEditor::Mode mode) {
                if (mode == ReportEditor::Mode::Finalizing)
                    steps << u"locked: %1, busy %2, read-only %3, jobs started %4"_s.arg(editor->statusText())
                                 .arg(busy->isVisibleTo(editor))
                                 .arg(findings->isReadOnly())
                                 .arg(started.size());
            });
        const QMetaObject::Connection c2 =
            connect(editor.data(), &ReportEditor::finalizeQueued, this, [&] { steps << u"queued"_s; });
        finalize->click();
        QVERIFY(!steps.isEmpty());
        QCOMPARE(steps.first(), u"locked: Finalizing…, busy 1, read-only 1, jobs started 0"_s);
        QVERIFY(!finalize->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(steps.contains(u"queued"_s), kTimeout);
        disconnect(c1);
        disconnect(c2);
        // The job runs; the editor stays locked meanwhile.
        QVERIFY(QTest::qWaitFor([&] { return rendering.tryAcquire(); }, kTimeout));
        QCOMPARE(editor->mode(), ReportEditor::Mode::Finalizing);
        QVERIFY(editor->statusText().startsWith(u"Finalizing…"_s));
        QVERIFY(!editor->findChild<QPushButton *>(u"saveButton"_s)->isEnabled());
        QVERIFY(findings->isReadOnly());
        QVERIFY(results->isReadOnly());
        QVERIFY(!(results->flags(results->index(0, ReportResultsModel::Value)) & Qt::ItemIsEditable));
        QVERIFY(!results->setData(results->index(0, ReportResultsModel::Value), u"1.0"_s));
        editor->addRow();
        QCOMPARE(results->rowCount(), 2);
        resume.release();
        QTRY_COMPARE_WITH_TIMEOUT(finalized.size(), 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(editor->mode(), ReportEditor::Mode::Finalized, kTimeout);
        QVERIFY2(editor->statusText().startsWith(u"Finalized by %1 at"_s.arg(tester().username)),
                 qPrintable(editor->statusText()));
        QVERIFY(findings->isReadOnly());
        QVERIFY(editor->findChild<QPushButton *>(u"amendButton"_s)->isEnabled());
        stored = ReportRepository(h.t->db(), tester()).get(draft.id);
        QVERIFY(stored->isFinalized());

        // The notification says so and opens the signed PDF in the viewer.
        NotificationCentre *bell = h.bell();
        QTRY_VERIFY_WITH_TIMEOUT(bell->unreadCount() >= 1, kTimeout);
        NotificationsModel *notes = bell->model();
        qint64 noteId = 0;
        for (int row = 0; row < notes->rowCount(); ++row) {
            const Notification n = notes->notificationAt(row);
            if (n.link == u"report:%1"_s.arg(draft.id)) {
                noteId = n.id;
                QCOMPARE(n.title, u"Report %1 finalized"_s.arg(stored->protocolNumber));
            }
        }
        QVERIFY(noteId > 0);
        QSignalSpy pdfOpened(h.lab()->pdfOpener(), &PdfOpener::opened);
        bell->openNotification(noteId);
        QTRY_COMPARE_WITH_TIMEOUT(pdfOpened.size(), 1, kTimeout);
        QPointer<PdfViewerWindow> viewer = pdfOpened.at(0).at(0).value<PdfViewerWindow *>();
        QVERIFY(viewer);
        QVERIFY(viewer->isVisible());
        QVERIFY(viewer->pageCount() >= 1);
        QVERIFY(viewer->windowTitle().contains(stored->protocolNumber));
        // The job put it in the cache: no rendering, no database copy needed.
        QCOMPARE(pdfOpened.at(0).at(1).value<PdfCacheEntry::Source>(), PdfCacheEntry::Source::LocalDisk);
        const Result<StoredPdf> signedPdf = ReportRepository(h.t->db(), tester()).pdf(draft.id);
        QVERIFY(signedPdf);
        QCOMPARE(viewer->pdf(), signedPdf->content);

        // The Protocols page follows the job's change (a records event): the protocol is
        // finalized now, so the "received" filter no longer lists it.
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->totalCount(), 0, kTimeout);
        page->setStateFilter(Protocol::State::Finalized);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 1, kTimeout);
        QCOMPARE(page->model()->idAt(0), draft.protocolId);

        // From the report's own window: the finalized revision's PDF (the history).
        auto *history = editor->findChild<QListWidget *>(u"historyList"_s);
        QCOMPARE(history->count(), 1);
        history->setCurrentRow(0);
        editor->findChild<QPushButton *>(u"openRevisionButton"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(pdfOpened.size(), 2, kTimeout);
        auto *revisionViewer = pdfOpened.at(1).at(0).value<PdfViewerWindow *>();
        QVERIFY(revisionViewer && revisionViewer->isVisible());
        QCOMPARE(revisionViewer->pdf(), signedPdf->content);

        // The history lists the finalized revision; Amend opens revision 2 as a draft.
        editor->findChild<QPushButton *>(u"amendButton"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(editor->mode(), ReportEditor::Mode::Editing, kTimeout);
        QCOMPARE(editor->report().revision, 2);
        QCOMPARE(history->count(), 2);

        // Preview: the draft as shown, in the viewer, nothing written.
        QSignalSpy preview(editor.data(), &ReportEditor::previewOpened);
        editor->findChild<QPushButton *>(u"previewButton"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(preview.size(), 1, kTimeout);
        auto *previewViewer = preview.at(0).at(0).value<PdfViewerWindow *>();
        QVERIFY(previewViewer && previewViewer->isVisible());
        QVERIFY(previewViewer->pageCount() >= 1);
        QVERIFY(previewViewer->pdf().startsWith("%PDF"));
    }

    // Finalize fails (the job's rendering step refuses, not retryable): the editor comes
    // back as an editable draft and says why; Finalize again succeeds, once.
    void failedFinalizeLeavesDraft()
    {
        Harness h;
        QString error;
        QVERIFY2(startWindow(h, &error), qPrintable(error));
        const qint64 clientId = LabTest::makeClient(h.t->db());
        const Report draft = seedDraft(h.t->db(), clientId);
        QVERIFY(draft.id > 0);

        std::atomic<bool> failing = true;
        LabTasks::FinalizeHooks hooks;
        hooks.failAt = [&failing](const QString &point, int) -> std::optional<LabTasks::InjectedFailure> {
            if (point == u"start" && failing)
                return LabTasks::InjectedFailure{u"the report template cannot be read"_s, false};
            return std::nullopt;
        };
        LabTasks::setFinalizeHooks(hooks);

        ReportEditor *opened = h.lab()->openReport(draft.id);
        QVERIFY(opened);
        QPointer<ReportEditor> editor = opened;
        QTRY_COMPARE_WITH_TIMEOUT(editor->mode(), ReportEditor::Mode::Editing, kTimeout);
        QSignalSpy failed(editor.data(), &ReportEditor::finalizeFailed);
        QSignalSpy queued(editor.data(), &ReportEditor::finalizeQueued);
        auto *finalize = editor->findChild<QPushButton *>(u"finalizeButton"_s);
        auto *findings = editor->findChild<QPlainTextEdit *>(u"findingsEdit"_s);
        finalize->click();
        // At once: locked and saying so.
        QCOMPARE(editor->mode(), ReportEditor::Mode::Finalizing);
        QCOMPARE(editor->statusText(), u"Finalizing…"_s);
        QVERIFY(findings->isReadOnly());
        QTRY_COMPARE_WITH_TIMEOUT(queued.size(), 1, kTimeout);
        const qint64 jobId = queued.at(0).at(0).toLongLong();

        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kTimeout);
        QVERIFY2(failed.at(0).at(0).toString().contains(u"the report template cannot be read"_s),
                 qPrintable(failed.at(0).at(0).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(editor->mode(), ReportEditor::Mode::Editing, kTimeout);
        QVERIFY2(editor->statusText().startsWith(u"Not finalized: "_s) &&
                     editor->statusText().contains(u"the report template cannot be read"_s),
                 qPrintable(editor->statusText()));
        QVERIFY(!findings->isReadOnly());
        QVERIFY(finalize->isEnabled());
        QCOMPARE(h.job(jobId)->state, JobState::Failed);
        Result<Report> stored = ReportRepository(h.t->db(), tester()).get(draft.id);
        QVERIFY(stored);
        QVERIFY(!stored->isFinalized());
        QVERIFY(!stored->isFinalizing());
        QVERIFY(!ReportRepository(h.t->db(), tester()).pdf(draft.id));

        // Once the cause is gone, Finalize again: finalized, with its signer, once.
        failing = false;
        QSignalSpy finalized(editor.data(), &ReportEditor::finalized);
        finalize->click();
        QCOMPARE(editor->mode(), ReportEditor::Mode::Finalizing);
        QTRY_COMPARE_WITH_TIMEOUT(finalized.size(), 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(editor->mode(), ReportEditor::Mode::Finalized, kTimeout);
        QVERIFY2(editor->statusText().startsWith(u"Finalized by %1 at"_s.arg(tester().username)),
                 qPrintable(editor->statusText()));
        stored = ReportRepository(h.t->db(), tester()).get(draft.id);
        QVERIFY(stored->isFinalized());
        QCOMPARE(stored->signedBy, tester().username);
        const Result<QList<Report>> revisions =
            ReportRepository(h.t->db(), tester()).history(draft.protocolId);
        QVERIFY(revisions);
        QCOMPARE(revisions->size(), 1);
        QCOMPARE(queued.size(), 2);
        QVERIFY(queued.at(1).at(0).toLongLong() != jobId);
    }

    // The Protocols page's filters (state, client, submitted dates) and multi-select,
    // each checked against what the page lists.
    void protocolFilters()
    {
        Harness h;
        QString error;
        QVERIFY2(startWindow(h, &error), qPrintable(error));
        Database &db = h.t->db();
        const qint64 dairy = LabTest::makeClient(db, u"Hillside Dairy"_s);
        const qint64 clinic = LabTest::makeClient(db, u"Riverside Clinic"_s, Client::Kind::Clinic);
        const auto protocolOn = [&db](qint64 clientId, const QDate &submitted, Protocol::State state) {
            Protocol p;
            p.clientId = clientId;
            p.species = u"Bovine"_s;
            p.sampleType = u"EDTA blood"_s;
            p.submittedAt = QDateTime(submitted, QTime(10, 0), Qt::UTC);
            Result<Protocol> stored = ProtocolRepository(db, tester()).create(p);
            if (!stored)
                return qint64(0);
            p = stored.value();
            for (Protocol::State step : LabTest::pathTo(state)) {
                stored = ProtocolRepository(db, tester()).transition(p.id, step, p.version);
                if (!stored)
                    return qint64(0);
                p = stored.value();
            }
            return p.id;
        };
        const qint64 dairyReceived = protocolOn(dairy, QDate(2024, 3, 1), Protocol::State::Received);
        const qint64 dairySubmitted = protocolOn(dairy, QDate(2024, 3, 10), Protocol::State::Submitted);
        const qint64 clinicReceived = protocolOn(clinic, QDate(2024, 3, 20), Protocol::State::Received);
        const qint64 clinicCancelled = protocolOn(clinic, QDate(2024, 4, 2), Protocol::State::Cancelled);
        QVERIFY(dairyReceived && dairySubmitted && clinicReceived && clinicCancelled);

        ProtocolsPage *page = h.protocols();
        showPage(*h.window, page);
        const auto listed = [page] {
            QList<qint64> ids;
            for (int row = 0; row < page->model()->rowCount(); ++row)
                ids.append(page->model()->idAt(row));
            std::sort(ids.begin(), ids.end());
            return ids;
        };
        using Ids = QList<qint64>;
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 4, kTimeout);

        page->setStateFilter(Protocol::State::Received);
        QTRY_COMPARE_WITH_TIMEOUT(listed(), (Ids{dairyReceived, clinicReceived}), kTimeout);
        // The client list follows the clients table (they came after the page started).
        auto *clients = page->findChild<QComboBox *>(u"clientFilter"_s);
        QTRY_VERIFY_WITH_TIMEOUT(clients->findData(clinic) >= 0 && clients->findData(dairy) >= 0, kTimeout);
        clients->setCurrentIndex(clients->findData(clinic));
        QTRY_COMPARE_WITH_TIMEOUT(listed(), Ids{clinicReceived}, kTimeout);
        QCOMPARE(page->currentFilter().clientId, clinic);
        QCOMPARE(page->currentFilter().state, std::optional(Protocol::State::Received));
        page->setStateFilter(std::nullopt);
        QTRY_COMPARE_WITH_TIMEOUT(listed(), (Ids{clinicReceived, clinicCancelled}), kTimeout);

        // Dates: both ends inclusive; either may be open.
        page->setClientFilter(0);
        auto *from = page->findChild<QDateEdit *>(u"submittedFromFilter"_s);
        auto *to = page->findChild<QDateEdit *>(u"submittedToFilter"_s);
        from->setDate(QDate(2024, 3, 10));
        to->setDate(QDate(2024, 3, 20));
        QTRY_COMPARE_WITH_TIMEOUT(listed(), (Ids{dairySubmitted, clinicReceived}), kTimeout);
        QCOMPARE(page->currentFilter().submittedFrom, QDate(2024, 3, 10));
        QCOMPARE(page->currentFilter().submittedTo, QDate(2024, 3, 20));
        page->setSubmittedRange({}, QDate(2024, 3, 9));
        QTRY_COMPARE_WITH_TIMEOUT(listed(), Ids{dairyReceived}, kTimeout);
        QVERIFY(!page->currentFilter().submittedFrom.isValid());
        page->setSubmittedRange(QDate(2024, 3, 11), {});
        QTRY_COMPARE_WITH_TIMEOUT(listed(), (Ids{clinicReceived, clinicCancelled}), kTimeout);
        // All three at once.
        page->setStateFilter(Protocol::State::Cancelled);
        page->setClientFilter(clinic);
        QTRY_COMPARE_WITH_TIMEOUT(listed(), Ids{clinicCancelled}, kTimeout);
        page->setClientFilter(dairy);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->totalCount(), 0, kTimeout);

        // Multi-select: Ctrl-click two rows of the unfiltered list.
        page->setStateFilter(std::nullopt);
        page->setClientFilter(0);
        page->setSubmittedRange({}, {});
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 4, kTimeout);
        QCOMPARE(page->currentFilter(), ProtocolFilter{});
        QTableView *view = page->view();
        const auto clickRow = [view](int row, Qt::KeyboardModifiers modifiers) {
            const QRect cell = view->visualRect(view->model()->index(row, 0));
            QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers, cell.center());
        };
        clickRow(0, Qt::NoModifier);
        clickRow(2, Qt::ControlModifier);
        QList<qint64> selected = page->selectedProtocolIds();
        QCOMPARE(selected.size(), 2);
        Ids expected{page->model()->idAt(page->proxy()->mapToSource(view->model()->index(0, 0)).row()),
                     page->model()->idAt(page->proxy()->mapToSource(view->model()->index(2, 0)).row())};
        std::sort(selected.begin(), selected.end());
        std::sort(expected.begin(), expected.end());
        QCOMPARE(selected, expected);
        auto *count = page->findChild<QLabel *>(u"countLabel"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(count->text().contains(u"2 selected"_s), qPrintable(count->text()),
                                  kTimeout);
    }

    void protocolStateChangesAndConflicts()
    {
        Harness h;
        QString error;
        QVERIFY2(startWindow(h, &error), qPrintable(error));
        const qint64 clientId = LabTest::makeClient(h.t->db());
        const Protocol p = LabTest::protocolIn(h.t->db(), clientId, Protocol::State::Submitted);
        ProtocolsPage *page = h.protocols();
        showPage(*h.window, page);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 1, kTimeout);
        page->view()->setCurrentIndex(viewIndexOf(page, p.id));
        QVERIFY(page->receiveAction->isEnabled());
        QSignalSpy changed(page, &ProtocolsPage::protocolChanged);
        page->receiveAction->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, kTimeout);
        QCOMPARE(ProtocolRepository(h.t->db(), tester()).get(p.id)->state, Protocol::State::Received);

        // A stale row: someone else moved it meanwhile.
        QTRY_VERIFY_WITH_TIMEOUT(page->currentProtocol().state == Protocol::State::Received, kTimeout);
        const Protocol shown = page->currentProtocol();
        QVERIFY(ProtocolRepository(h.t->db(), Actor{u"colleague"_s, Actor::Role::Vet})
                    .transition(p.id, Protocol::State::InAnalysis, shown.version));
        // The page has not reloaded yet (or reloads into the same state): force the stale copy.
        page->startAnalysisAction->setEnabled(true);
        if (page->currentProtocol().version == shown.version) {
            page->startAnalysisAction->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(openBox(page, u"conflictBox"_s) != nullptr, kTimeout);
            openBox(page, u"conflictBox"_s)->findChild<QPushButton *>(u"reloadButton"_s)->click();
        }
        QTRY_VERIFY_WITH_TIMEOUT(page->currentProtocol().state == Protocol::State::InAnalysis, kTimeout);
    }

    // A finalized report's notification says what the outbox says of its e-mail — queued,
    // never "e-mailed" — and the report's window follows the e-mail: queued and stopped by
    // the drain's reason (no mail settings), sent once a server is set, failed with the
    // server's reason for a refused address.
    void finalizedReportFollowsItsEmail()
    {
        clearMailEnvironment();
        QSettings(u"Residesk"_s, u"Residesk"_s).remove(u"mail"_s);
        struct Cleanup
        {
            ~Cleanup() { clearMailEnvironment(); }
        } cleanup;
        Harness h;
        QString error;
        QVERIFY2(startWindow(h, &error, true), qPrintable(error));
        Database &db = h.t->db();
        const QString address = u"office@hillside.example.org"_s; // LabTest::makeClient's
        const Report draft = seedDraft(db, LabTest::makeClient(db));
        QVERIFY(draft.id > 0);

        ReportEditor *opened = h.lab()->openReport(draft.id);
        QVERIFY(opened);
        QPointer<ReportEditor> editor = opened;
        QTRY_COMPARE_WITH_TIMEOUT(editor->mode(), ReportEditor::Mode::Editing, kTimeout);
        QCOMPARE(editor->emailText(), QString()); // a draft sends nothing
        editor->findChild<QPushButton *>(u"finalizeButton"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(editor->mode(), ReportEditor::Mode::Finalized, kTimeout);

        // The notification: signed, and the e-mail queued (the drain may already have
        // given up on it, and then it says why) — not sent.
        const QString link = u"report:%1"_s.arg(draft.id);
        QTRY_VERIFY_WITH_TIMEOUT(noteFor(db, link).id > 0, kTimeout);
        const Notification note = noteFor(db, link);
        QVERIFY2(note.body.startsWith(u"Signed by %1. E-mail to %2 queued"_s.arg(tester().username, address)),
                 qPrintable(note.body));
        QVERIFY2(!note.body.contains(u"E-mailed"_s), qPrintable(note.body));

        // No mail settings: the drain fails, the e-mail stays queued, and the report's
        // window says so with the drain's reason.
        QTRY_COMPARE_WITH_TIMEOUT(newestDrain(db).state, JobState::Failed, kTimeout);
        const QString reason = newestDrain(db).error;
        QVERIFY(!reason.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(editor->emailText(),
                                  u"E-mail to %1 queued, not sent: %2"_s.arg(address, reason), kTimeout);
        const Result<Job> finalizeJob = h.job(editor->report().finalizedJobId);
        QVERIFY(finalizeJob);
        const qint64 emailId = finalizeJob->result.value(u"email_id"_s).toInteger();
        QCOMPARE(finalizeJob->result.value(u"email_state"_s).toString(), u"queued"_s);
        QCOMPARE(Outbox(db).get(emailId)->state, OutboxState::Queued);

        // A server now (as Settings ▸ E-mail or the environment would give it), and a
        // drain: the window follows the outbox to "sent".
        SmtpSink sink;
        QVERIFY2(sink.start(&error), qPrintable(error));
        sink.exportToEnvironment();
        QVERIFY(Outbox::ensureDrain(db, JobClock::system(), tester()));
        h.engine->wake();
        QTRY_COMPARE_WITH_TIMEOUT(Outbox(db).get(emailId)->state, OutboxState::Sent, kTimeout);
        QTRY_VERIFY2_WITH_TIMEOUT(editor->emailText().startsWith(u"E-mail to %1 sent at "_s.arg(address)),
                                  qPrintable(editor->emailText()), kTimeout);
        QCOMPARE(sink.messages().size(), 1);

        // A client whose server refuses the address: the e-mail fails, with the reason.
        Client refusing;
        refusing.name = u"Refusing Farm"_s;
        refusing.kind = Client::Kind::Farm;
        refusing.email = u"refused.office@example.org"_s;
        const Result<Client> stored = ClientRepository(db, tester()).create(refusing);
        QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().text()));
        const Report second = seedDraft(db, stored->id);
        QVERIFY(second.id > 0);
        QPointer<ReportEditor> other = h.lab()->openReport(second.id);
        QVERIFY(other);
        QTRY_COMPARE_WITH_TIMEOUT(other->mode(), ReportEditor::Mode::Editing, kTimeout);
        other->findChild<QPushButton *>(u"finalizeButton"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(other->mode(), ReportEditor::Mode::Finalized, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(h.job(other->report().finalizedJobId) &&
                                     h.job(other->report().finalizedJobId)->result.contains(u"email_id"_s),
                                 kTimeout);
        const qint64 refusedId =
            h.job(other->report().finalizedJobId)->result.value(u"email_id"_s).toInteger();
        QTRY_COMPARE_WITH_TIMEOUT(Outbox(db).get(refusedId)->state, OutboxState::Failed, kTimeout);
        const QString refusal = Outbox(db).get(refusedId)->lastError;
        QVERIFY(refusal.contains(u"550"_s));
        QTRY_COMPARE_WITH_TIMEOUT(
            other->emailText(),
            u"E-mail to refused.office@example.org failed: %1 (View ▸ Outbox can send it "
            "again)."_s.arg(refusal),
            kTimeout);
        // The first report's line is unchanged by the other's e-mail.
        QVERIFY2(editor->emailText().startsWith(u"E-mail to %1 sent at "_s.arg(address)),
                 qPrintable(editor->emailText()));
    }

    // The Work orders page shows each protocol's state and client: it follows those tables
    // too. A report's finalization (a job) moves its protocol to "finalized", a client is
    // renamed on another desktop: the open list shows both without a change of filter.
    void workOrdersFollowProtocolsAndClients()
    {
        Harness h;
        QString error;
        QVERIFY2(startWindow(h, &error), qPrintable(error));
        Database &db = h.t->db();
        const qint64 clientId = LabTest::makeClient(db);
        const Report draft = seedDraft(db, clientId);
        QVERIFY(draft.id > 0);
        const Protocol waiting = LabTest::protocolIn(db, clientId, Protocol::State::Received);
        WorkOrdersPage *page = h.workOrders();
        showPage(*h.window, page);
        WorkOrdersTableModel *orders = page->workOrdersModel();
        QTRY_COMPARE_WITH_TIMEOUT(orders->rowCount(), 2, kTimeout);
        const auto orderOf = [orders](qint64 protocolId) {
            for (int row = 0; row < orders->rowCount(); ++row)
                if (orders->workOrderAt(row).protocolId == protocolId)
                    return orders->workOrderAt(row);
            return WorkOrder{};
        };
        QCOMPARE(orderOf(draft.protocolId).protocolState, Protocol::State::Received);

        // The report is finalized by its job (queued here as the Finalize button would).
        const Result<ReportFinalizer::Queued> queued =
            ReportFinalizer(db, tester()).enqueue(draft.id, draft.version);
        QVERIFY2(queued, qPrintable(queued ? QString() : queued.error().text()));
        h.engine->wake();
        QTRY_COMPARE_WITH_TIMEOUT(h.job(queued->jobId)->state, JobState::Succeeded, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(orderOf(draft.protocolId).protocolState, Protocol::State::Finalized,
                                  kTimeout);
        QCOMPARE(orderOf(waiting.id).protocolState, Protocol::State::Received);

        // Filtered by "received": the finalized one is not listed; another desktop starts
        // the analysis of the other, and it leaves the list too.
        auto *state = page->findChild<QComboBox *>(u"stateFilter"_s);
        state->setCurrentIndex(state->findData(u"received"_s));
        QTRY_COMPARE_WITH_TIMEOUT(orders->rowCount(), 1, kTimeout);
        QCOMPARE(orders->workOrderAt(0).protocolId, waiting.id);
        std::unique_ptr<Database> elsewhere = h.t->openAnother();
        const Actor colleague{u"colleague"_s, Actor::Role::Vet};
        QVERIFY(
            ProtocolRepository(*elsewhere, colleague).transition(waiting.id, Protocol::State::InAnalysis));
        QTRY_COMPARE_WITH_TIMEOUT(orders->rowCount(), 0, kTimeout);

        // A client renamed elsewhere while the Protocols page is shown: it shows the new
        // name at once, and the Work orders page (hidden meanwhile) when shown again.
        state->setCurrentIndex(state->findData(QString()));
        QTRY_COMPARE_WITH_TIMEOUT(orders->rowCount(), 2, kTimeout);
        ProtocolsPage *protocols = h.protocols();
        showPage(*h.window, protocols);
        ProtocolsTableModel *protocolRows = protocols->protocolsModel();
        const auto clientShown = [protocolRows](qint64 protocolId) {
            const int row = protocolRows->rowOfId(protocolId);
            return row < 0 ? QString() : protocolRows->protocolAt(row).clientName;
        };
        QTRY_COMPARE_WITH_TIMEOUT(clientShown(waiting.id), u"Hillside Dairy"_s, kTimeout);
        Result<Client> client = ClientRepository(*elsewhere, colleague).get(clientId);
        QVERIFY(client);
        client->name = u"Hillside Dairy Co-op"_s;
        QVERIFY(ClientRepository(*elsewhere, colleague).update(client.value()));
        QTRY_COMPARE_WITH_TIMEOUT(clientShown(waiting.id), u"Hillside Dairy Co-op"_s, kTimeout);
        showPage(*h.window, page);
        QTRY_COMPARE_WITH_TIMEOUT(orderOf(waiting.id).clientName, u"Hillside Dairy Co-op"_s, kTimeout);
    }

    void workOrderPdfFromTheCache()
    {
        Harness h;
        QString error;
        QVERIFY2(startWindow(h, &error), qPrintable(error));
        const qint64 clientId = LabTest::makeClient(h.t->db());
        const Protocol p = LabTest::protocolIn(h.t->db(), clientId, Protocol::State::Received);
        const Result<WorkOrder> order = WorkOrderRepository(h.t->db(), tester()).getByProtocol(p.id);
        QVERIFY(order);

        WorkOrdersPage *page = h.workOrders();
        showPage(*h.window, page);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 1, kTimeout);
        page->view()->setCurrentIndex(viewIndexOf(page, order->id));

        // Edit in the dialog: vet and an analysis; saving queues the pre-render, which
        // this desktop's engine runs.
        page->editAction->trigger();
        WorkOrderDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = h.window->findChild<WorkOrderDialog *>()) != nullptr, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), kTimeout);
        dialog->findChild<QLineEdit *>(u"field_assigned_vet"_s)->setText(u"dr.ruiz"_s);
        dialog->findChild<QPushButton *>(u"addAnalysisButton"_s)->click();
        QTableWidget *analyses = dialog->analysesTable();
        QCOMPARE(analyses->rowCount(), 1);
        analyses->item(0, 0)->setText(u"HEM-CBC"_s);
        analyses->item(0, 1)->setText(u"Complete blood count"_s);
        QSignalSpy saved(dialog, &WorkOrderDialog::saved);
        dialog->findChild<QPushButton *>(u"saveButton"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, kTimeout);
        const WorkOrder after = saved.at(0).at(0).value<WorkOrder>();
        QCOMPARE(after.assignedVet, u"dr.ruiz"_s);
        const PdfCacheKey key =
            PdfCacheKey::workOrder(after.id, after.version, PdfRenderer::templateVersion());
        QTRY_VERIFY_WITH_TIMEOUT(h.cache->lookupLocal(key).has_value(), kTimeout);

        // Open PDF: straight from the cache.
        QTRY_VERIFY_WITH_TIMEOUT(page->currentWorkOrder().version == after.version, kTimeout);
        QSignalSpy opened(h.lab()->pdfOpener(), &PdfOpener::opened);
        page->openPdfAction->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, kTimeout);
        QCOMPARE(opened.at(0).at(1).value<PdfCacheEntry::Source>(), PdfCacheEntry::Source::LocalDisk);
        auto *viewer = opened.at(0).at(0).value<PdfViewerWindow *>();
        QVERIFY(viewer && viewer->pageCount() >= 1);

        // From the Protocols page too (Ctrl+Shift+W).
        ProtocolsPage *protocols = h.protocols();
        showPage(*h.window, protocols);
        QTRY_COMPARE_WITH_TIMEOUT(protocols->model()->rowCount(), 1, kTimeout);
        protocols->view()->setCurrentIndex(viewIndexOf(protocols, p.id));
        protocols->workOrderPdfAction->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 2, kTimeout);
        QCOMPARE(opened.at(1).at(1).value<PdfCacheEntry::Source>(), PdfCacheEntry::Source::LocalDisk);
    }

    // The work order dialog when someone else saved first: Cancel keeps the typed values
    // in its own words, Reload shows theirs (loaded() again), Overwrite saves ours over
    // theirs through the service.
    void workOrderSavedOverSomeoneElse()
    {
        Harness h;
        QString error;
        QVERIFY2(startWindow(h, &error), qPrintable(error));
        const qint64 clientId = LabTest::makeClient(h.t->db());
        const Protocol p = LabTest::protocolIn(h.t->db(), clientId, Protocol::State::Received);
        const Result<WorkOrder> order = WorkOrderRepository(h.t->db(), tester()).getByProtocol(p.id);
        QVERIFY(order);
        std::unique_ptr<Database> elsewhere = h.t->openAnother();
        const Actor colleague{u"colleague"_s, Actor::Role::Vet};
        const auto theySave = [&](const QString &vet) {
            Result<WorkOrder> theirs = WorkOrderRepository(*elsewhere, colleague).get(order->id);
            if (!theirs)
                return false;
            theirs->assignedVet = vet;
            return bool(WorkOrderRepository(*elsewhere, colleague).update(theirs.value()));
        };
        const auto storedVet = [&] {
            const Result<WorkOrder> now = WorkOrderRepository(h.t->db(), tester()).get(order->id);
            return now ? now->assignedVet : u"?"_s;
        };
        const auto message = [](QDialog *dialog) {
            auto *label = dialog->findChild<QLabel *>(u"messageLabel"_s);
            return label && label->isVisible() ? label->text() : QString();
        };

        WorkOrdersPage *page = h.workOrders();
        showPage(*h.window, page);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 1, kTimeout);
        page->view()->setCurrentIndex(viewIndexOf(page, order->id));
        page->editAction->trigger();
        QPointer<WorkOrderDialog> dialog;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = h.window->findChild<WorkOrderDialog *>()) != nullptr, kTimeout);
        QSignalSpy loaded(dialog.data(), &WorkOrderDialog::loaded);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), kTimeout);
        QSignalSpy saved(dialog.data(), &WorkOrderDialog::saved);
        auto *vet = dialog->findChild<QLineEdit *>(u"field_assigned_vet"_s);
        auto *save = dialog->findChild<QPushButton *>(u"saveButton"_s);
        QVERIFY(vet && save);
        const auto answer = [&](const QString &button) {
            save->click();
            if (!QTest::qWaitFor([&] { return openBox(dialog, u"conflictBox"_s) != nullptr; }, kTimeout))
                return false;
            QPointer<QMessageBox> box = openBox(dialog, u"conflictBox"_s);
            if (box->text() != u"Someone else saved the work order of protocol %1 since you opened it."_s.arg(
                                   order->protocolNumber))
                return false;
            box->findChild<QPushButton *>(button)->click();
            return QTest::qWaitFor([&box] { return box.isNull(); }, kTimeout);
        };

        // Cancel: nothing stored, the typed vet kept.
        QVERIFY(theySave(u"dr.lee"_s));
        vet->setText(u"dr.ruiz"_s);
        QVERIFY(answer(u"cancelButton"_s));
        QCOMPARE(message(dialog),
                 u"Not saved: this work order was changed by someone else. Your changes are kept."_s);
        QCOMPARE(vet->text(), u"dr.ruiz"_s);
        QCOMPARE(storedVet(), u"dr.lee"_s);

        // Reload: theirs in the form.
        const int loads = loaded.count();
        QVERIFY(answer(u"reloadButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), loads + 1, kTimeout);
        QCOMPARE(message(dialog), u"Showing the values stored now. Review them and save again."_s);
        QCOMPARE(vet->text(), u"dr.lee"_s);

        // Overwrite: ours over their second change.
        vet->setText(u"dr.ruiz"_s);
        QVERIFY(theySave(u"dr.kim"_s));
        QVERIFY(answer(u"overwriteButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, kTimeout);
        QCOMPARE(saved.at(0).at(0).value<WorkOrder>().assignedVet, u"dr.ruiz"_s);
        QCOMPARE(storedVet(), u"dr.ruiz"_s);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), kTimeout); // closed on save, deleted
    }

    // One action per verb, on the selection or the filter: the selected ids, the filter
    // as a value that a job payload can carry, and the verbs enabled on several rows or
    // a filter only where bulk changes are allowed (administrators).
    void verbsActOnTheSelectionOrTheFilter()
    {
        Harness h;
        QString error;
        QVERIFY2(startWindow(h, &error), qPrintable(error));
        const qint64 clientId = LabTest::makeClient(h.t->db());
        const qint64 otherClient = LabTest::makeClient(h.t->db(), u"Riverside Clinic"_s);
        QList<qint64> ids;
        for (int i = 0; i < 3; ++i)
            ids.append(LabTest::protocolIn(h.t->db(), clientId, Protocol::State::Submitted).id);
        const qint64 other = LabTest::protocolIn(h.t->db(), otherClient, Protocol::State::Submitted).id;
        ProtocolsPage *page = h.protocols();
        h.window->setRights({true, true, true});
        QVERIFY(page->bulkAllowed());
        showPage(*h.window, page);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 4, kTimeout);
        QAction *bulk = page->receiveAction;
        page->view()->selectionModel()->clear(); // no current row, nothing selected
        // Nothing selected, no filter: nothing to act on.
        QVERIFY(!page->hasBulkScope());
        QVERIFY(!bulk->isEnabled());
        // On the toolbar …
        bool onToolbar = false;
        for (QToolButton *button : page->findChildren<QToolButton *>())
            onToolbar = onToolbar || button->defaultAction() == bulk;
        QVERIFY(onToolbar);
        // … and once in the table's context menu.
        Q_EMIT page->view()->customContextMenuRequested(QPoint(5, 5));
        QMenu *menu = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((menu = page->findChild<QMenu *>(u"protocolsContextMenu"_s)) != nullptr,
                                 kTimeout);
        QCOMPARE(menu->actions().count(bulk), 1);
        menu->close();

        QSignalSpy selection(page, &ProtocolsPage::selectionChanged);
        page->view()->selectAll();
        QVERIFY(selection.size() >= 1);
        QList<qint64> selected = page->selectedProtocolIds();
        std::sort(selected.begin(), selected.end());
        QCOMPARE(selected, (QList<qint64>{ids.at(0), ids.at(1), ids.at(2), other}));
        QVERIFY(bulk->isEnabled());
        QVERIFY2(bulk->toolTip().contains(u"4 selected"_s), qPrintable(bulk->toolTip()));
        // Not where bulk changes are not allowed: one protocol at a time.
        page->setBulkAllowed(false);
        QVERIFY(!bulk->isEnabled());
        page->setBulkAllowed(true);
        QVERIFY(bulk->isEnabled());
        page->view()->selectionModel()->clear();
        QVERIFY(page->selectedProtocolIds().isEmpty());
        QVERIFY(!bulk->isEnabled());

        // A filter alone is a scope too.
        QSignalSpy filterChanged(page, &ProtocolsPage::filterChanged);
        auto *clients = page->findChild<QComboBox *>(u"clientFilter"_s);
        QTRY_VERIFY_WITH_TIMEOUT(clients->findData(clientId) >= 0, kTimeout);
        page->setClientFilter(clientId);
        QTRY_COMPARE_WITH_TIMEOUT(page->currentFilter().clientId, clientId, kTimeout);
        // (the count and the rows are read in parallel: either may arrive first)
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->totalCount(), 3, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(filterChanged.size() >= 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 3, kTimeout);
        QVERIFY(bulk->isEnabled());
        page->searchEdit()->setText(u"P-"_s);
        QTRY_COMPARE_WITH_TIMEOUT(page->currentFilter().search, u"P-"_s, kTimeout);

        // The filter is a plain value: a job (on another thread, another connection)
        // finds exactly what the page lists.
        const ProtocolFilter filter = page->currentFilter();
        QCOMPARE(filter.clientId, clientId);
        QVERIFY(!filter.state.has_value());
        std::unique_ptr<Database> elsewhere = h.t->openAnother();
        const Result<QList<qint64>> matching =
            ProtocolRepository(*elsewhere, tester()).idsAfter(filter, 0, 100);
        QVERIFY(matching);
        QList<qint64> found = matching.value();
        std::sort(found.begin(), found.end());
        QCOMPARE(found, ids);

        // Back to no filter: disabled again.
        page->searchEdit()->clear();
        page->setClientFilter(0);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->totalCount(), 4, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(page->currentFilter(), ProtocolFilter{}, kTimeout);
        // (the search box applies its text after a pause: the list reloads once more)
        QTRY_VERIFY_WITH_TIMEOUT(!bulk->isEnabled(), kTimeout);
        QVERIFY(!page->hasBulkScope());
    }
};

QTEST_MAIN(TestLabGui)
#include "tst_labgui.moc"
