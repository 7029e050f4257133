// Room allocations through the real main window, offscreen, on SQLite and PostgreSQL:
// a reservation through the New allocation dialog (resident search, room list with
// free beds), the Free beds page dropping by one, undo / redo of the reservation,
// check-in and check-out with their keyboard shortcuts, residents by building, and the
// clash message when another desktop takes the last bed while the dialog is open; the
// undo of one's own check-in (and of the reservation before it), and its refusal after
// another desktop's change.
#include "models/db/dbexecutor.h"
#include "models/housing/allocation/allocationstablemodel.h"
#include "models/itemmodels/recordfilterproxymodel.h"
#include "models/itemmodels/residentstablemodel.h"
#include "tests/models/housing/allocationtestutil.h"
#include "tests/support/windowharness.h"
#include "ui/allocations/allocationdialog.h"
#include "ui/allocations/allocationspage.h"
#include "ui/allocations/buildingcombobox.h"
#include "ui/allocations/freebedspage.h"
#include "ui/commands/undocontext.h"
#include "ui/mainwindow.h"
#include "ui/pages/residentspage.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr int kTimeout = 20000;

Actor tester()
{
    return Actor{u"tester"_s, Actor::Role::Housing};
}

// The housing office's view: no engine, a housing (not admin) user.
struct Harness : WindowHarness
{
    Harness() { actor = tester(); }
    bool start(QString *error) { return createServices(error, std::nullopt) && openWindow(error); }
};

QLabel *errorLabel(QWidget *dialog, const QString &key)
{
    return dialog->findChild<QLabel *>(u"error_"_s + key);
}

bool itemEnabled(QComboBox *combo, int index)
{
    auto *model = qobject_cast<QStandardItemModel *>(combo->model());
    return model && index >= 0 && model->item(index)->isEnabled();
}

// Opens New allocation on the page and waits until its residents are listed.
AllocationDialog *openNewDialog(MainWindow &w, AllocationsPage *page)
{
    page->newAction->trigger();
    AllocationDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = w.findChild<AllocationDialog *>()) && dialog->isVisible(); },
                         kTimeout))
        return nullptr;
    return dialog;
}

// Types `search`, waits for one resident, chooses the building and waits for its rooms.
bool fillDialog(AllocationDialog *dialog, const QString &search, qint64 buildingId)
{
    QSignalSpy residents(dialog, &AllocationDialog::residentsLoaded);
    QSignalSpy rooms(dialog, &AllocationDialog::roomsLoaded);
    dialog->residentSearch()->setFocus();
    QTest::keyClicks(dialog->residentSearch(), search);
    if (!QTest::qWaitFor([&] { return dialog->residentCombo()->count() == 1 && !residents.isEmpty(); },
                         kTimeout))
        return false;
    dialog->buildingCombo()->setBuildingId(buildingId);
    return QTest::qWaitFor([&] { return dialog->roomCombo()->count() > 0; }, kTimeout);
}
} // namespace

class TestAllocationsGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"Residesk"_s);
        QCoreApplication::setApplicationName(u"Residesk"_s);
    }

    void reserveCheckInCheckOutAndAClash()
    {
        Harness h;
        QString error;
        h.t = TestDatabase::create(&error);
        QVERIFY2(h.t, qPrintable(error));
        Database &db = h.t->db();
        const Building alder = AllocationTest::building(db, u"A"_s, u"Alder Hall"_s);
        const Room a101 = AllocationTest::room(db, alder, u"101"_s, 2);
        const Room a102 = AllocationTest::room(db, alder, u"102"_s, 1);
        AllocationTest::resident(db, u"S0001"_s, u"Ana"_s, u"Arce"_s);
        const Resident ben = AllocationTest::resident(db, u"S0002"_s, u"Ben"_s, u"Bravo"_s);
        const Resident cleo = AllocationTest::resident(db, u"S0003"_s, u"Cleo"_s, u"Cruz"_s);
        QVERIFY2(h.start(&error), qPrintable(error));
        MainWindow &w = *h.window;

        auto *freeBeds = w.findChild<FreeBedsPage *>(u"freeBedsPage"_s);
        auto *page = w.findChild<AllocationsPage *>(u"allocationsPage"_s);
        QVERIFY(freeBeds && page);
        QTRY_COMPARE_WITH_TIMEOUT(freeBeds->freeBeds(), 3, kTimeout);
        h.showPage(u"Allocations"_s);
        QTRY_VERIFY_WITH_TIMEOUT(page->isVisible(), kTimeout);

        // New allocation: Ben into A-101, which shows 2 of 2 beds free.
        QPointer<AllocationDialog> dialog = openNewDialog(w, page);
        QVERIFY(dialog);
        QVERIFY(fillDialog(dialog, u"Bravo"_s, alder.id));
        QVERIFY2(dialog->residentCombo()->currentText().contains(u"S0002"_s),
                 qPrintable(dialog->residentCombo()->currentText()));
        const int at101 = dialog->roomIndex(a101.id);
        QVERIFY(at101 >= 0);
        QVERIFY2(dialog->roomCombo()->itemText(at101).contains(u"2 of 2 beds free"_s),
                 qPrintable(dialog->roomCombo()->itemText(at101)));
        dialog->roomCombo()->setCurrentIndex(at101);
        QSignalSpy saved(dialog.data(), &AllocationDialog::saved);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, kTimeout);

        // The free beds drop by one; the list shows the reservation.
        QTRY_COMPARE_WITH_TIMEOUT(freeBeds->freeBeds(), 2, kTimeout);
        AllocationsTableModel *model = page->allocationsModel();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, kTimeout);
        QCOMPARE(model->allocationAt(0).residentId, ben.id);
        QCOMPARE(model->allocationAt(0).state, Allocation::State::Reserved);

        // Undo cancels the reservation, redo books the bed again.
        w.findChild<QAction *>(u"actionUndo"_s)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(freeBeds->freeBeds(), 3, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(model->allocationAt(0).state, Allocation::State::Cancelled, kTimeout);
        w.findChild<QAction *>(u"actionRedo"_s)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(freeBeds->freeBeds(), 2, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, kTimeout);

        // Check in with Ctrl+I on the reserved row, check out with Ctrl+Shift+I.
        const auto selectRow = [&](Allocation::State state) {
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->allocationAt(row).state == state) {
                    page->view()->setCurrentIndex(page->proxy()->mapFromSource(model->index(row, 0)));
                    return true;
                }
            }
            return false;
        };
        w.activateWindow(); // back from the dialog
        QVERIFY(QTest::qWaitForWindowActive(&w));
        page->view()->setFocus();
        // Selected again until it holds: a late reload (the redo's change announced by
        // the bus) may reset the current row once more.
        QTRY_VERIFY_WITH_TIMEOUT(selectRow(Allocation::State::Reserved) && page->checkInAction->isEnabled(),
                                 kTimeout);
        QSignalSpy transitions(page, &AllocationsPage::transitionFinished);
        QTest::keyClick(page->view(), Qt::Key_I, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(transitions.count(), 1, kTimeout);
        QCOMPARE(transitions.first().first().toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(selectRow(Allocation::State::CheckedIn), kTimeout);

        // Ben is in Alder Hall today: the residents page's building filter finds him.
        auto *residents = w.findChild<ResidentsPage *>(u"residentsPage"_s);
        auto *inBuilding = residents->findChild<BuildingComboBox *>(u"buildingFilter"_s);
        QTRY_VERIFY_WITH_TIMEOUT(inBuilding->findData(alder.id) >= 0, kTimeout);
        inBuilding->setBuildingId(alder.id);
        QTRY_COMPARE_WITH_TIMEOUT(residents->residentsModel()->totalCount(), qint64(1), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(residents->residentsModel()->rowCount(), 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(residents->residentsModel()->residentAt(0).id, ben.id, kTimeout);

        page->view()->setFocus();
        QTRY_VERIFY_WITH_TIMEOUT(selectRow(Allocation::State::CheckedIn) && page->checkOutAction->isEnabled(),
                                 kTimeout);
        QTest::keyClick(page->view(), Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(transitions.count(), 2, kTimeout);
        QCOMPARE(transitions.at(1).first().toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(selectRow(Allocation::State::CheckedOut), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(freeBeds->freeBeds(), 3, kTimeout);
        // A hidden page reloads when it is shown again.
        h.showPage(u"Residents"_s);
        QTRY_COMPARE_WITH_TIMEOUT(residents->residentsModel()->totalCount(), qint64(0), kTimeout);
        h.showPage(u"Allocations"_s);

        // A clash: Cleo is about to take A-102's only bed when another desktop takes it.
        dialog = openNewDialog(w, page);
        QVERIFY(dialog);
        QVERIFY(fillDialog(dialog, u"Cruz"_s, alder.id));
        const int at102 = dialog->roomIndex(a102.id);
        QVERIFY(itemEnabled(dialog->roomCombo(), at102));
        dialog->roomCombo()->setCurrentIndex(at102);
        const std::unique_ptr<Database> otherDesktop = h.t->openAnother();
        const Resident ana = ResidentRepository(*otherDesktop, tester()).findByStudentId(u"S0001"_s).value();
        QVERIFY(AllocationRepository(*otherDesktop, Actor{u"bob"_s, Actor::Role::Housing})
                    .reserve(AllocationTest::stay(ana.id, a102.id, QDate::currentDate())));
        QSignalSpy roomsReloaded(dialog.data(), &AllocationDialog::roomsLoaded);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
        const QString clash = u"Room A-102 is full on %1 (1 of 1 beds taken)."_s.arg(
            QDate::currentDate().toString(Qt::ISODate));
        QTRY_COMPARE_WITH_TIMEOUT(errorLabel(dialog, u"room_id"_s)->text(), clash, kTimeout);
        QVERIFY(errorLabel(dialog, u"room_id"_s)->isVisible());
        auto *message = dialog->findChild<QLabel *>(u"messageLabel"_s);
        QVERIFY2(message->text().contains(clash), qPrintable(message->text()));
        QVERIFY(dialog->isVisible()); // the values stay for another choice
        // The room list is read again: A-102 is full now.
        QTRY_VERIFY_WITH_TIMEOUT(!roomsReloaded.isEmpty(), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(!itemEnabled(dialog->roomCombo(), dialog->roomIndex(a102.id)), kTimeout);
        QCOMPARE(AllocationRepository(db, tester()).currentForResident(cleo.id).value().has_value(), false);
        dialog->reject();
    }

    // Edit ▸ Undo right after one's own check-in takes the check-in back (nobody else was
    // involved: no "another user changed" refusal), and a second Undo the reservation
    // before it. After a real change by another desktop, the undo fails and says so.
    void undoOfOwnCheckIn()
    {
        Harness h;
        QString error;
        h.t = TestDatabase::create(&error);
        QVERIFY2(h.t, qPrintable(error));
        Database &db = h.t->db();
        const Building alder = AllocationTest::building(db, u"A"_s, u"Alder Hall"_s);
        const Room a101 = AllocationTest::room(db, alder, u"101"_s, 2);
        const Resident ben = AllocationTest::resident(db, u"S0002"_s, u"Ben"_s, u"Bravo"_s);
        const Resident cleo = AllocationTest::resident(db, u"S0003"_s, u"Cleo"_s, u"Cruz"_s);
        // Cleo's reservation exists before the window opens (it is not on its undo stack).
        const Result<Allocation> cleos =
            AllocationRepository(db, tester())
                .reserve(AllocationTest::stay(cleo.id, a101.id, QDate::currentDate()));
        QVERIFY2(cleos, qPrintable(cleos ? QString() : cleos.error().text()));
        QVERIFY2(h.start(&error), qPrintable(error));
        MainWindow &w = *h.window;
        auto *page = w.findChild<AllocationsPage *>(u"allocationsPage"_s);
        auto *context = w.findChild<UndoContext *>();
        QAction *undo = w.findChild<QAction *>(u"actionUndo"_s);
        QVERIFY(page && context && undo);
        QSignalSpy failures(context, &UndoContext::failed);
        h.showPage(u"Allocations"_s);
        QTRY_VERIFY_WITH_TIMEOUT(page->isVisible(), kTimeout);
        AllocationsTableModel *model = page->allocationsModel();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, kTimeout);
        const auto stateOf = [&db](qint64 id) {
            const Result<Allocation> a = AllocationRepository(db, tester()).get(id);
            return a ? a->state : Allocation::State::Cancelled;
        };

        // Ben's reservation through New allocation.
        QPointer<AllocationDialog> dialog = openNewDialog(w, page);
        QVERIFY(dialog);
        QVERIFY(fillDialog(dialog, u"Bravo"_s, alder.id));
        dialog->roomCombo()->setCurrentIndex(dialog->roomIndex(a101.id));
        QSignalSpy saved(dialog.data(), &AllocationDialog::saved);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kTimeout);
        const qint64 bens = saved.first().first().value<Allocation>().id;
        QVERIFY(bens > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, kTimeout);

        // His check-in with Ctrl+I on his row.
        const auto selectRow = [&](qint64 id) {
            const int row = model->rowOfId(id);
            if (row < 0)
                return false;
            page->view()->setCurrentIndex(page->proxy()->mapFromSource(model->index(row, 0)));
            return page->view()->currentIndex().isValid();
        };
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        page->view()->setFocus();
        QTRY_VERIFY_WITH_TIMEOUT(selectRow(bens) && page->checkInAction->isEnabled(), kTimeout);
        QSignalSpy transitions(page, &AllocationsPage::transitionFinished);
        QTest::keyClick(page->view(), Qt::Key_I, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(transitions.count(), 1, kTimeout);
        QCOMPARE(transitions.at(0).first().toBool(), true);
        QCOMPARE(stateOf(bens), Allocation::State::CheckedIn);

        // Edit ▸ Undo names the check-in and takes it back.
        QCOMPARE(context->undoStack()->undoText(), u"Check in Ben Bravo (S0002)"_s);
        undo->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(bens), Allocation::State::Reserved, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(model->allocationAt(model->rowOfId(bens)).state,
                                  Allocation::State::Reserved, kTimeout);
        QVERIFY2(failures.isEmpty(),
                 qPrintable(failures.isEmpty() ? QString() : failures.first().at(1).toString()));
        // And the reservation before it, though the check-in and its undo changed the
        // allocation since it was made: both were this window's own.
        QCOMPARE(context->undoStack()->undoText(), u"New allocation of room A-101 to Ben Bravo (S0002)"_s);
        undo->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(bens), Allocation::State::Cancelled, kTimeout);
        QVERIFY2(failures.isEmpty(),
                 qPrintable(failures.isEmpty() ? QString() : failures.first().at(1).toString()));

        // Cleo checks in here; another desktop checks her out; the undo of the check-in
        // is refused with that reason, and her allocation stays as the other desktop left it.
        page->view()->setFocus();
        QTRY_VERIFY_WITH_TIMEOUT(selectRow(cleos->id) && page->checkInAction->isEnabled(), kTimeout);
        QTest::keyClick(page->view(), Qt::Key_I, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(transitions.count(), 2, kTimeout);
        QCOMPARE(transitions.at(1).first().toBool(), true);
        const std::unique_ptr<Database> otherDesktop = h.t->openAnother();
        QVERIFY(
            AllocationRepository(*otherDesktop, Actor{u"bob"_s, Actor::Role::Housing}).checkOut(cleos->id));
        undo->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(failures.size(), 1, kTimeout);
        QCOMPARE(failures.first().at(0).toString(), u"Undo Check in Cleo Cruz (S0003)"_s);
        QCOMPARE(failures.first().at(1).toString(),
                 u"Another user changed the allocation of room A-101 to Cleo Cruz (S0003) after your change; "
                 "it was left as they made it. Reload to see their changes."_s);
        QCOMPARE(stateOf(cleos->id), Allocation::State::CheckedOut);
    }
};

QTEST_MAIN(TestAllocationsGui)
#include "tst_allocationsgui.moc"
