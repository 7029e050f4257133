// The lab's window parts driven through the real main window, offscreen, with its real
// job engine and event bus, on SQLite and PostgreSQL: the Protocols page filtered by
// state opens a report in the editor; a result is edited (and undone), saved; a save
// over someone else's change shows the conflict box; Finalize shows "Finalizing…" at
// once, before the job runs, then "Finalized by …"; the notification appears and opens
// the signed PDF in the viewer; a work order's change is pre-rendered and its PDF opens
// from the cache; the work-order dialog saves and queues the pre-render; single-row
// state changes from the page.
#include "models/db/connectionmonitor.h"
#include "models/db/dbexecutor.h"
#include "models/itemmodels/notificationsmodel.h"
#include "models/itemmodels/protocolstablemodel.h"
#include "models/itemmodels/recordfilterproxymodel.h"
#include "models/itemmodels/reportresultsmodel.h"
#include "models/itemmodels/workorderstablemodel.h"
#include "models/lab/reportrepository.h"
#include "models/lab/workorderrepository.h"
#include "tasks/events.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "tasks/lab/labservices.h"
#include "tasks/lab/labtasks.h"
#include "tasks/lab/workorderservice.h"
#include "tasks/pdf/pdfcache.h"
#include "tasks/pdf/pdfrenderer.h"
#include "tasks/taskcatalog.h"
#include "tasks/taskregistry.h"
#include "tests/models/lab/labtestutil.h"
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
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr int kTimeout = 60000;

Actor tester()
{
    return Actor{u"tester"_s, Actor::Role::Vet};
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
} // namespace

class TestLabGui : public QObject
{
    Q_OBJECT

private:
    bool startWindow(Harness &h, QString *error)
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
        // Not mail.send: no SMTP server here; the e-mails stay in the outbox.
        options.kinds = QStringList{u"report.finalize"_s, u"workorder.prerender"_s};
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
        auto *findings = editor->findChild<QPlainTextEdit *>(u"findingsEdit"_s);
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
        resume.release();
        QTRY_COMPARE_WITH_TIMEOUT(finalized.size(), 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(editor->mode(), ReportEditor::Mode::Finalized, kTimeout);
        QVERIFY2(editor->statusText().startsWith(u"Finalized by tester at"_s),
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

        // The history lists the finalized revision; Amend opens revision 2 as a draft.
        editor->findChild<QPushButton *>(u"amendButton"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(editor->mode(), ReportEditor::Mode::Editing, kTimeout);
        QCOMPARE(editor->report().revision, 2);
        QCOMPARE(editor->findChild<QListWidget *>(u"historyList"_s)->count(), 2);
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

    void bulkHooks()
    {
        Harness h;
        QString error;
        QVERIFY2(startWindow(h, &error), qPrintable(error));
        const qint64 clientId = LabTest::makeClient(h.t->db());
        QList<qint64> ids;
        for (int i = 0; i < 3; ++i)
            ids.append(LabTest::protocolIn(h.t->db(), clientId, Protocol::State::Submitted).id);
        ProtocolsPage *page = h.protocols();
        showPage(*h.window, page);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 3, kTimeout);
        auto *bulk = new QAction(u"Bulk"_s, page);
        bulk->setObjectName(u"bulkTestAction"_s);
        page->addBulkAction(bulk);
        QCOMPARE(page->bulkActions(), QList<QAction *>{bulk});
        QSignalSpy selection(page, &ProtocolsPage::selectionChanged);
        page->view()->selectAll();
        QVERIFY(selection.size() >= 1);
        QList<qint64> selected = page->selectedProtocolIds();
        std::sort(selected.begin(), selected.end());
        QCOMPARE(selected, ids);
        page->searchEdit()->setText(u"P-"_s);
        QTRY_COMPARE_WITH_TIMEOUT(page->currentFilter().search, u"P-"_s, kTimeout);
        // The client list follows the clients table (this client came after the page started).
        auto *clients = page->findChild<QComboBox *>(u"clientFilter"_s);
        QTRY_VERIFY_WITH_TIMEOUT(clients->findData(clientId) >= 0, kTimeout);
        page->setClientFilter(clientId);
        QTRY_COMPARE_WITH_TIMEOUT(page->currentFilter().clientId, clientId, kTimeout);
    }
};

QTEST_MAIN(TestLabGui)
#include "tst_labgui.moc"
