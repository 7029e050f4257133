// The Waitlists page and the deposits of the Allocations page through the real main
// window, offscreen, on SQLite and PostgreSQL, with the window's own job engine: a
// check-out on the Allocations page offers the bed to the first waiting resident (the
// engine's waitlist.offer job), the Waitlists page shows the order, the offer and its
// deadline; Accept offer makes the reservation; check-in is refused with a message
// naming the reservation and the missing deposit until its payment is recorded; the
// waiver is an administrator's action only.
#include "models/housing/allocation/allocationstablemodel.h"
#include "models/housing/waitlist/waitlistrepository.h"
#include "models/itemmodels/recordfilterproxymodel.h"
#include "tests/models/housing/allocationtestutil.h"
#include "tests/support/windowharness.h"
#include "ui/allocations/allocationspage.h"
#include "ui/allocations/buildingcombobox.h"
#include "ui/allocations/depositdialog.h"
#include "ui/allocations/waitlistadddialog.h"
#include "ui/allocations/waitlistpage.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr int kTimeout = 30000;

bool selectAllocation(AllocationsPage *page, qint64 id)
{
    auto *model = page->allocationsModel();
    const int row = model->rowOfId(id);
    if (row < 0)
        return false;
    page->view()->setCurrentIndex(page->proxy()->mapFromSource(model->index(row, 0)));
    return page->view()->currentIndex().isValid();
}

DepositDialog *fillDeposit(MainWindow &w, const QString &amount, const QString &reference = {})
{
    DepositDialog *dialog = nullptr;
    // The one on screen (an earlier one may still wait for its deletion).
    const auto shown = [&] {
        for (DepositDialog *d : w.findChildren<DepositDialog *>()) {
            if (d->isVisible())
                dialog = d;
        }
        return dialog != nullptr;
    };
    if (!QTest::qWaitFor(shown, kTimeout))
        return nullptr;
    dialog->findChild<QLineEdit *>(u"depositAmount"_s)->setText(amount);
    if (!reference.isEmpty())
        dialog->findChild<QLineEdit *>(u"depositReference"_s)->setText(reference);
    return dialog;
}
} // namespace

class TestWaitlistGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"Residesk"_s);
        QCoreApplication::setApplicationName(u"Residesk"_s);
    }

    void offerAcceptAndTheDepositRule()
    {
        WindowHarness h;
        QString error;
        h.t = TestDatabase::create(&error);
        QVERIFY2(h.t, qPrintable(error));
        Database &db = h.t->db();
        const Actor seeder = AllocationTest::actor();
        const Building nh = AllocationTest::building(db, u"NH"_s, u"North Hall"_s);
        const Room r101 = AllocationTest::room(db, nh, u"101"_s, 1);
        const Resident holder = AllocationTest::resident(db, u"S0001"_s, u"Hal"_s, u"Holt"_s);
        const Resident ana = AllocationTest::resident(db, u"S0002"_s, u"Ana"_s, u"Arce"_s);
        const Resident ben = AllocationTest::resident(db, u"S0003"_s, u"Ben"_s, u"Bravo"_s);
        AllocationRepository allocations(db, seeder);
        Allocation held =
            allocations.reserve(AllocationTest::stay(holder.id, r101.id, QDate::currentDate())).value();
        held = allocations.checkIn(held.id, held.version).value();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(WaitlistRepository(db, seeder).add(ana.id, nh.id, Room::Type::Single, now - 2000));
        QVERIFY(WaitlistRepository(db, seeder).add(ben.id, nh.id, Room::Type::Single, now - 1000));
        QVERIFY2(h.start(&error), qPrintable(error));
        MainWindow &w = *h.window;

        auto *waitlist = w.findChild<WaitlistPage *>(u"waitlistPage"_s);
        auto *page = w.findChild<AllocationsPage *>(u"allocationsPage"_s);
        QVERIFY(waitlist && page);
        QVERIFY(h.showPage(u"Waitlists"_s));
        QTRY_COMPARE_WITH_TIMEOUT(waitlist->entries().size(), 2, kTimeout);
        QCOMPARE(waitlist->entries().at(0).residentId, ana.id);
        QCOMPARE(waitlist->view()->item(0, 1)->text(), u"1"_s);
        QCOMPARE(waitlist->view()->item(1, 1)->text(), u"2"_s);
        QCOMPARE(waitlist->entries().at(0).offerId, 0);

        // Check-out on the Allocations page: the engine offers the bed to Ana.
        QVERIFY(h.showPage(u"Allocations"_s));
        QTRY_VERIFY_WITH_TIMEOUT(selectAllocation(page, held.id) && page->checkOutAction->isEnabled(),
                                 kTimeout);
        QSignalSpy transitions(page, &AllocationsPage::transitionFinished);
        page->checkOutAction->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(transitions.size(), 1, kTimeout);
        QVERIFY(transitions.first().first().toBool());
        QVERIFY(h.showPage(u"Waitlists"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!waitlist->entries().isEmpty() && waitlist->entries().at(0).offerId > 0,
                                 kTimeout);
        const WaitlistEntry offered = waitlist->entries().at(0);
        QCOMPARE(offered.residentId, ana.id);
        QCOMPARE(waitlist->view()->item(0, 5)->text(), u"NH-101"_s);
        QVERIFY(!waitlist->view()->item(0, 7)->text().isEmpty()); // answer by …
        QVERIFY(waitlist->entries().at(1).offerId == 0);

        // Accept: a reservation for Ana; Ben is first now.
        waitlist->view()->selectRow(0);
        QTRY_VERIFY_WITH_TIMEOUT(waitlist->acceptButton()->isEnabled(), kTimeout);
        QSignalSpy answered(waitlist, &WaitlistPage::actionFinished);
        QTest::mouseClick(waitlist->acceptButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, kTimeout);
        QVERIFY(answered.first().first().toBool());
        QTRY_COMPARE_WITH_TIMEOUT(waitlist->entries().size(), 1, kTimeout);
        QCOMPARE(waitlist->entries().at(0).residentId, ben.id);
        const qint64 reservation = WaitlistRepository(db, seeder).offer(offered.offerId)->allocationId;
        QVERIFY(reservation > 0);

        // The deposit: required, check-in refused with a clear message, paid, checked in.
        QVERIFY(h.showPage(u"Allocations"_s));
        QTRY_VERIFY_WITH_TIMEOUT(
            selectAllocation(page, reservation) && page->requireDepositAction->isEnabled(), kTimeout);
        QVERIFY(page->waiveDepositAction->isVisible()); // an administrator's window
        QSignalSpy deposits(page, &AllocationsPage::depositChanged);
        page->requireDepositAction->trigger();
        DepositDialog *dialog = fillDeposit(w, u"250"_s);
        QVERIFY(dialog);
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(deposits.size(), 1, kTimeout);
        QVERIFY(deposits.first().first().toBool());
        QTRY_VERIFY_WITH_TIMEOUT(selectAllocation(page, reservation) &&
                                     page->depositLabel()->text().contains(u"250.00"_s),
                                 kTimeout);

        transitions.clear();
        QTRY_VERIFY_WITH_TIMEOUT(page->checkInAction->isEnabled(), kTimeout);
        page->checkInAction->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(transitions.size(), 1, kTimeout);
        QVERIFY(!transitions.first().first().toBool());
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = w.findChild<QMessageBox *>(u"failureBox"_s)) != nullptr, kTimeout);
        for (const QString &part :
             {u"Allocation %1"_s.arg(reservation), u"deposit of 250.00"_s, u"neither paid nor waived"_s})
            QVERIFY2(box->informativeText().contains(part), qPrintable(box->informativeText()));
        box->close();

        // A payment without a reference is not taken by the dialog.
        QTRY_VERIFY_WITH_TIMEOUT(selectAllocation(page, reservation) && page->payDepositAction->isEnabled(),
                                 kTimeout);
        page->payDepositAction->trigger();
        dialog = fillDeposit(w, u"250.00"_s);
        QVERIFY(dialog);
        dialog->accept();
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->findChild<QLabel *>(u"depositError"_s)->isVisible());
        dialog->findChild<QLineEdit *>(u"depositReference"_s)->setText(u"TX-77"_s);
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(deposits.size(), 2, kTimeout);
        QVERIFY(deposits.at(1).first().toBool());
        QTRY_VERIFY_WITH_TIMEOUT(selectAllocation(page, reservation) &&
                                     page->depositLabel()->text().contains(u"TX-77"_s),
                                 kTimeout);

        transitions.clear();
        QTRY_VERIFY_WITH_TIMEOUT(selectAllocation(page, reservation) && page->checkInAction->isEnabled(),
                                 kTimeout);
        page->checkInAction->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(transitions.size(), 1, kTimeout);
        QVERIFY(transitions.first().first().toBool());
    }

    void addToWaitlistFromTheWindow()
    {
        WindowHarness h;
        QString error;
        h.t = TestDatabase::create(&error);
        QVERIFY2(h.t, qPrintable(error));
        Database &db = h.t->db();
        const Building nh = AllocationTest::building(db, u"NH"_s, u"North Hall"_s);
        AllocationTest::room(db, nh, u"101"_s, 1);
        const Resident ana = AllocationTest::resident(db, u"S0002"_s, u"Ana"_s, u"Arce"_s);
        AllocationTest::resident(db, u"S0003"_s, u"Ben"_s, u"Bravo"_s);
        QVERIFY2(h.start(&error), qPrintable(error));
        MainWindow &w = *h.window;
        auto *waitlist = w.findChild<WaitlistPage *>(u"waitlistPage"_s);
        QVERIFY(waitlist);
        QVERIFY(h.showPage(u"Waitlists"_s));
        QTRY_VERIFY_WITH_TIMEOUT(waitlist->addButton()->isVisible() && waitlist->addButton()->isEnabled(),
                                 kTimeout);

        const auto open = [&]() -> WaitlistAddDialog * {
            WaitlistAddDialog *dialog = nullptr;
            QTest::mouseClick(waitlist->addButton(), Qt::LeftButton);
            const bool shown = QTest::qWaitFor(
                [&] {
                    for (WaitlistAddDialog *d : w.findChildren<WaitlistAddDialog *>())
                        if (d->isVisible())
                            dialog = d;
                    return dialog != nullptr;
                },
                kTimeout);
            return shown ? dialog : nullptr;
        };

        // Nothing chosen: each missing field is named, nothing stored, the dialog stays.
        WaitlistAddDialog *dialog = open();
        QVERIFY(dialog);
        QSignalSpy residents(dialog, &WaitlistAddDialog::residentsLoaded);
        QVERIFY(residents.wait(kTimeout) || dialog->residentCombo()->count() > 0);
        dialog->accept();
        auto *buildingError = dialog->findChild<QLabel *>(u"error_building_id"_s);
        auto *typeError = dialog->findChild<QLabel *>(u"error_room_type"_s);
        QVERIFY(buildingError && typeError);
        QTRY_VERIFY_WITH_TIMEOUT(!buildingError->text().isEmpty() && !typeError->text().isEmpty(), kTimeout);
        QVERIFY(dialog->isVisible());
        QVERIFY(WaitlistRepository(db, AllocationTest::actor()).entries({}).value().isEmpty());

        // Ana, found by her name, on the list for single rooms in North Hall.
        dialog->residentSearch()->setText(u"Arce"_s);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->residentCombo()->count() == 1 &&
                                     dialog->residentCombo()->currentData().toLongLong() == ana.id,
                                 kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->buildingCombo()->findData(nh.id) > 0, kTimeout);
        dialog->buildingCombo()->setBuildingId(nh.id);
        dialog->roomTypeCombo()->setCurrentIndex(dialog->roomTypeCombo()->findData(u"single"_s));
        QSignalSpy saved(dialog, &WaitlistAddDialog::saved);
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(waitlist->entries().size(), 1, kTimeout);
        QCOMPARE(waitlist->entries().at(0).residentId, ana.id);
        QCOMPARE(waitlist->view()->currentRow(), 0);
        QVERIFY(waitlist->removeButton()->isEnabled());

        // Twice on one list: refused with her position, the form kept.
        waitlist->roomTypeFilter()->setCurrentIndex(waitlist->roomTypeFilter()->findData(u"single"_s));
        dialog = open();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->roomTypeCombo()->currentData().toString() == u"single"_s, kTimeout);
        dialog->residentSearch()->setText(u"S0002"_s);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->residentCombo()->count() == 1 &&
                                     dialog->residentCombo()->currentData().toLongLong() == ana.id,
                                 kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->buildingCombo()->findData(nh.id) > 0, kTimeout);
        dialog->buildingCombo()->setBuildingId(nh.id);
        dialog->accept();
        auto *message = dialog->findChild<QLabel *>(u"messageLabel"_s);
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(u"already on the waitlist"_s), kTimeout);
        QVERIFY2(message->text().contains(u"position 1"_s), qPrintable(message->text()));
        QVERIFY(dialog->isVisible());
        QCOMPARE(WaitlistRepository(db, AllocationTest::actor()).entries({}).value().size(), 1);
        dialog->reject();
    }

    void housingStaffDoNotWaive()
    {
        WindowHarness h;
        h.actor = TestDatabase::actorFor(TestDatabase::Person::Housing, u"clerk"_s, Actor::Role::Housing);
        QString error;
        QVERIFY2(h.createServices(&error, std::nullopt) && h.openWindow(&error), qPrintable(error));
        auto *page = h.window->findChild<AllocationsPage *>(u"allocationsPage"_s);
        QVERIFY(page);
        QVERIFY(!page->waiveDepositAction->isVisible());
        QVERIFY(h.showPage(u"Waitlists"_s));
    }
};

QTEST_MAIN(TestWaitlistGui)
#include "tst_waitlistgui.moc"
