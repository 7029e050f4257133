// Bulk protocol changes through the real main window, offscreen, on SQLite and
// PostgreSQL: rows selected on the Protocols page, "Receive" confirmed in
// its question box, the job run by the window's engine, the summary notification
// opening the per-item list (counts, outcome filter), and Undo from that list putting
// the protocols back; then the whole filter (no selection) with the count asked first.
// The item list and the notification name what was selected (the rows, or the filter
// used); the jobs panel names the counts once.
#include "models/itemmodels/protocolstablemodel.h"
#include "models/itemmodels/recordfilterproxymodel.h"
#include "models/lab/protocolrepository.h"
#include "tasks/itemmodels/jobstablemodel.h"
#include "tasks/itemmodels/notificationsmodel.h"
#include "tasks/jobstore.h"
#include "tasks/notificationstore.h"
#include "tests/models/lab/labtestutil.h"
#include "tests/support/windowharness.h"
#include "ui/bulk/bulkitemsdialog.h"
#include "ui/bulk/bulkui.h"
#include "ui/jobs/jobsdock.h"
#include "ui/lab/protocolspage.h"
#include "ui/notifications/notificationcentre.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr int kTimeout = 60000;

QModelIndex viewIndexOf(ProtocolsPage *page, qint64 id)
{
    const int row = page->model()->rowOfId(id);
    return row < 0 ? QModelIndex() : page->proxy()->mapFromSource(page->model()->index(row, 0));
}

// The visible question box of this name, answered with `button`; false while there is none.
bool answer(const QString &objectName, QMessageBox::StandardButton button)
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        auto *box = qobject_cast<QMessageBox *>(w);
        if (box && box->isVisible() && box->objectName() == objectName) {
            box->button(button)->click();
            return true;
        }
    }
    return false;
}

QString textOf(QMessageBox *box)
{
    return box ? box->text() : QString();
}

QMessageBox *visibleBox(const QString &objectName)
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        auto *box = qobject_cast<QMessageBox *>(w);
        if (box && box->isVisible() && box->objectName() == objectName)
            return box;
    }
    return nullptr;
}

Protocol::State stateOf(Database &db, qint64 id)
{
    const Result<Protocol> p = ProtocolRepository(db, WindowHarness::tester()).get(id);
    return p ? p->state : Protocol::State::Finalized;
}
} // namespace

class TestBulkGui : public QObject
{
    Q_OBJECT

private:
    static void showProtocols(WindowHarness &h, ProtocolsPage *page, int rows)
    {
        QVERIFY(h.showPage(u"Protocols"_s));
        QTRY_VERIFY_WITH_TIMEOUT(page->isVisible(), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), rows, kTimeout);
    }

    static Job waitForJob(WindowHarness &h, qint64 id)
    {
        Job job;
        (void)QTest::qWaitFor(
            [&] {
                const Result<Job> j = JobStore(h.t->db()).get(id);
                job = j ? j.value() : Job{};
                return job.isFinished();
            },
            kTimeout);
        return job;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"Residesk"_s);
        QCoreApplication::setApplicationName(u"Residesk"_s);
    }

    void selectedRowsReceivedThenUndone()
    {
        // The protocols exist before the window opens: no late reload resets the selection.
        WindowHarness h;
        QString error;
        QVERIFY2(h.createServices(&error, WindowHarness::testEngineOptions(2)), qPrintable(error));
        Database &db = h.t->db();
        const qint64 client = LabTest::makeClient(db);
        QList<qint64> submitted;
        for (int i = 0; i < 3; ++i)
            submitted << LabTest::protocolIn(db, client, Protocol::State::Submitted).id;
        const qint64 received = LabTest::protocolIn(db, client, Protocol::State::Received).id;
        const qint64 untouched = LabTest::protocolIn(db, client, Protocol::State::Submitted).id;
        QVERIFY2(h.openWindow(&error), qPrintable(error));

        auto *page = h.window->findChild<ProtocolsPage *>(u"protocolsPage"_s);
        auto *bulk = h.window->findChild<BulkUi *>();
        QVERIFY(page && bulk);
        showProtocols(h, page, 5);
        QVERIFY(!page->receiveAction->isEnabled()); // nothing selected, no filter

        // Ctrl-click three submitted rows and the received one (again right before each
        // use: the page may still reload once, which clears a selection).
        QItemSelectionModel *selection = page->view()->selectionModel();
        const auto selectFour = [&] {
            selection->clearSelection();
            for (qint64 id : submitted + QList<qint64>{received})
                selection->select(viewIndexOf(page, id),
                                  QItemSelectionModel::Select | QItemSelectionModel::Rows);
            return page->selectedProtocolIds().size() == 4 && page->receiveAction->isEnabled();
        };
        QVERIFY(selectFour());

        // "Receive" on several rows asks first; No leaves everything as it was.
        QVERIFY(selectFour());
        page->receiveAction->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(visibleBox(u"bulkConfirmBox"_s), kTimeout);
        QVERIFY2(textOf(visibleBox(u"bulkConfirmBox"_s)).contains(u"the selected protocols (4)"_s),
                 qPrintable(textOf(visibleBox(u"bulkConfirmBox"_s))));
        QVERIFY(answer(u"bulkConfirmBox"_s, QMessageBox::No));
        QTest::qWait(200);
        QCOMPARE(stateOf(db, submitted.first()), Protocol::State::Submitted);

        QSignalSpy queued(bulk, &BulkUi::queued);
        QVERIFY(selectFour());
        page->receiveAction->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(visibleBox(u"bulkConfirmBox"_s), kTimeout);
        QVERIFY2(textOf(visibleBox(u"bulkConfirmBox"_s)).contains(u"the selected protocols (4)"_s),
                 qPrintable(textOf(visibleBox(u"bulkConfirmBox"_s))));
        QVERIFY(answer(u"bulkConfirmBox"_s, QMessageBox::Yes));
        QTRY_COMPARE_WITH_TIMEOUT(queued.size(), 1, kTimeout);
        const qint64 jobId = queued.first().first().toLongLong();
        QCOMPARE(queued.first().at(1).toLongLong(), 4);
        const Job job = waitForJob(h, jobId);
        QVERIFY2(job.state == JobState::Succeeded, qPrintable(job.error));
        for (qint64 id : submitted)
            QCOMPARE(stateOf(db, id), Protocol::State::Received);
        QCOMPARE(stateOf(db, untouched), Protocol::State::Submitted);

        // The summary notification opens the per-item list.
        NotificationCentre *bell = h.child<NotificationCentre>(u"notificationCentre"_s);
        QVERIFY(bell);
        NotificationsModel *notes = bell->model();
        qint64 noteId = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int row = 0; row < notes->rowCount(); ++row) {
                    const Notification n = notes->notificationAt(row);
                    if (n.link == u"bulk:%1"_s.arg(jobId)) {
                        noteId = n.id;
                        return n.body.contains(u"3 changed, 1 skipped, 0 failed"_s);
                    }
                }
                return false;
            }(),
            kTimeout);
        bell->openNotification(noteId);
        BulkItemsDialog *items = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((items = h.window->findChild<BulkItemsDialog *>()) != nullptr, kTimeout);
        QSignalSpy loaded(items, &BulkItemsDialog::loaded);
        QTRY_COMPARE_WITH_TIMEOUT(items->itemCount(), 4, kTimeout);
        auto *summary = items->findChild<QLabel *>(u"bulkSummary"_s);
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains(u"3 changed, 1 skipped, 0 failed"_s), kTimeout);
        // Its title names what was changed: the four rows selected, not "every protocol".
        QVERIFY2(items->windowTitle().startsWith(
                     u"Bulk change %1 to “Received”: 4 selected protocol"_s.arg(jobId)),
                 qPrintable(items->windowTitle()));
        auto *outcome = items->findChild<QComboBox *>(u"outcomeFilter"_s);
        outcome->setCurrentIndex(outcome->findData(u"skipped"_s));
        QCOMPARE(items->view()->model()->rowCount(), 1);
        QVERIFY2(items->view()->model()->index(0, 4).data().toString().contains(u"received"_s,
                                                                                Qt::CaseInsensitive),
                 qPrintable(items->view()->model()->index(0, 4).data().toString()));

        // Undo from the list: asks, queues, and the three are submitted again; the
        // received one (skipped by the change) is left alone.
        QVERIFY(items->undoButton()->isEnabled());
        QSignalSpy undone(items, &BulkItemsDialog::undoQueued);
        QSignalSpy refused(items, &BulkItemsDialog::failed);
        items->undoButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(visibleBox(u"undoConfirmBox"_s), kTimeout);
        QVERIFY(answer(u"undoConfirmBox"_s, QMessageBox::Yes));
        QTRY_VERIFY_WITH_TIMEOUT(undone.size() + refused.size() > 0, kTimeout);
        QVERIFY2(refused.isEmpty(),
                 qPrintable(refused.isEmpty() ? QString() : refused.first().at(1).toString()));
        QCOMPARE(undone.size(), 1);
        QVERIFY(!items->undoButton()->isEnabled());
        const Job undo = waitForJob(h, undone.first().first().toLongLong());
        QVERIFY2(undo.state == JobState::Succeeded, qPrintable(undo.error));
        for (qint64 id : submitted)
            QCOMPARE(stateOf(db, id), Protocol::State::Submitted);
        QCOMPARE(stateOf(db, received), Protocol::State::Received);
        // The page follows the change.
        ProtocolsTableModel *protocols = page->protocolsModel();
        QTRY_COMPARE_WITH_TIMEOUT(protocols->protocolAt(protocols->rowOfId(submitted.first())).state,
                                  Protocol::State::Submitted, kTimeout);
        items->close();
    }

    void aSelectionSurvivesARefresh()
    {
        WindowHarness h;
        QString error;
        QVERIFY2(h.createServices(&error), qPrintable(error));
        Database &db = h.t->db();
        const qint64 client = LabTest::makeClient(db);
        QList<qint64> ids;
        for (int i = 0; i < 5; ++i)
            ids << LabTest::protocolIn(db, client, Protocol::State::Submitted).id;
        QVERIFY2(h.openWindow(&error), qPrintable(error));
        auto *page = h.window->findChild<ProtocolsPage *>(u"protocolsPage"_s);
        QVERIFY(page);
        showProtocols(h, page, 5);

        // Three rows selected, the last of them current, as a Ctrl-click leaves them.
        QItemSelectionModel *selection = page->view()->selectionModel();
        const QList<qint64> chosen{ids.at(0), ids.at(2), ids.at(4)};
        for (qint64 id : chosen)
            selection->select(viewIndexOf(page, id), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        selection->setCurrentIndex(viewIndexOf(page, ids.at(4)), QItemSelectionModel::NoUpdate);
        QCOMPARE(page->selectedProtocolIds().size(), 3);

        // Another desktop (here: the test's own connection) changes an unselected row; the
        // page reloads to show it, and the same three rows are still selected.
        const Result<Protocol> changed =
            ProtocolRepository(db, WindowHarness::tester())
                .transition(ids.at(1), Protocol::State::Received, ProtocolRepository::AnyVersion);
        QVERIFY2(changed, qPrintable(changed ? QString() : changed.error().message));
        ProtocolsTableModel *protocols = page->protocolsModel();
        QTRY_COMPARE_WITH_TIMEOUT(protocols->protocolAt(protocols->rowOfId(ids.at(1))).state,
                                  Protocol::State::Received, kTimeout);
        QList<qint64> after = page->selectedProtocolIds();
        std::sort(after.begin(), after.end());
        QCOMPARE(after, chosen);
        QCOMPARE(page->model()->idAt(page->proxy()->mapToSource(page->view()->currentIndex()).row()),
                 ids.at(4));

        // Once the user picks another selection, a later refresh keeps that one.
        selection->select(viewIndexOf(page, ids.at(3)),
                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QVERIFY(ProtocolRepository(db, WindowHarness::tester())
                    .transition(ids.at(1), Protocol::State::InAnalysis, ProtocolRepository::AnyVersion));
        QTRY_COMPARE_WITH_TIMEOUT(protocols->protocolAt(protocols->rowOfId(ids.at(1))).state,
                                  Protocol::State::InAnalysis, kTimeout);
        QCOMPARE(page->selectedProtocolIds(), QList<qint64>{ids.at(3)});
    }

    void everythingTheFilterMatches()
    {
        WindowHarness h;
        QString error;
        QVERIFY2(h.createServices(&error, WindowHarness::testEngineOptions(2)), qPrintable(error));
        Database &db = h.t->db();
        const qint64 client = LabTest::makeClient(db);
        QList<qint64> submitted;
        for (int i = 0; i < 6; ++i)
            submitted << LabTest::protocolIn(db, client, Protocol::State::Submitted).id;
        const qint64 analysing = LabTest::protocolIn(db, client, Protocol::State::InAnalysis).id;
        QVERIFY2(h.openWindow(&error), qPrintable(error));

        auto *page = h.window->findChild<ProtocolsPage *>(u"protocolsPage"_s);
        auto *bulk = h.window->findChild<BulkUi *>();
        showProtocols(h, page, 7);
        page->setStateFilter(Protocol::State::Submitted);
        auto *clients = page->findChild<QComboBox *>(u"clientFilter"_s);
        QTRY_VERIFY_WITH_TIMEOUT(clients->findData(client) >= 0, kTimeout);
        page->setClientFilter(client);
        QTRY_COMPARE_WITH_TIMEOUT(page->currentFilter().clientId, client, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 6, kTimeout);
        page->view()->clearSelection();
        QTRY_VERIFY_WITH_TIMEOUT(page->receiveAction->isEnabled(), kTimeout); // a filter is active

        // No selection: the question names how many the filter matches.
        QSignalSpy queued(bulk, &BulkUi::queued);
        page->receiveAction->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(visibleBox(u"bulkConfirmBox"_s), kTimeout);
        QVERIFY2(textOf(visibleBox(u"bulkConfirmBox"_s)).contains(u"every protocol the filter matches — 6"_s),
                 qPrintable(textOf(visibleBox(u"bulkConfirmBox"_s))));
        QVERIFY(answer(u"bulkConfirmBox"_s, QMessageBox::Yes));
        QTRY_COMPARE_WITH_TIMEOUT(queued.size(), 1, kTimeout);
        QCOMPARE(queued.first().at(1).toLongLong(), 6);
        const Job job = waitForJob(h, queued.first().first().toLongLong());
        QVERIFY2(job.state == JobState::Succeeded, qPrintable(job.error));
        QCOMPARE(job.result.value(u"changed"_s).toInt(), 6);
        for (qint64 id : submitted)
            QCOMPARE(stateOf(db, id), Protocol::State::Received);
        QCOMPARE(stateOf(db, analysing), Protocol::State::InAnalysis);
        // The filtered list empties as the protocols leave "submitted".
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 0, kTimeout);

        // The jobs panel says the counts once: "6 of 6 — chunk 1", not "6 of 6 — 6 of 6 — chunk 1".
        auto *dock = h.child<JobsDock>(u"jobsDock"_s);
        QVERIFY(dock);
        dock->show();
        JobsTableModel *jobs = dock->model();
        const auto progressOf = [jobs](qint64 id) {
            const int row = jobs->rowOf(id);
            return row < 0 ? QString() : jobs->index(row, JobsTableModel::ProgressColumn).data().toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(progressOf(job.id), u"6 of 6 — chunk 1"_s, kTimeout);

        // The notification and the item list name the filter that was used.
        const QString scope = u"state Submitted, client Hillside Dairy"_s;
        const QString link = u"bulk:%1"_s.arg(job.id);
        Notification note;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const Result<QList<Notification>> stored =
                    NotificationStore(db).list(WindowHarness::tester().username);
                for (const Notification &n : stored ? stored.value() : QList<Notification>())
                    if (n.link == link)
                        note = n;
                return note.id > 0;
            }(),
            kTimeout);
        QCOMPARE(note.title, u"Bulk change to “Received” (%1) finished"_s.arg(scope));
        QVERIFY(bulk->openLink(note.link)); // what the bell does with it
        BulkItemsDialog *items = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((items = h.window->findChild<BulkItemsDialog *>()) != nullptr, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(items->itemCount(), 6, kTimeout);
        QCOMPARE(items->windowTitle(), u"Bulk change %1 to “Received”: %2"_s.arg(job.id).arg(scope));
        items->close();
    }
};

QTEST_MAIN(TestBulkGui)
#include "tst_bulkgui.moc"
