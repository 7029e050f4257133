// Maintenance through the real main window, offscreen, on SQLite and PostgreSQL: a
// request's life through the window (New request → processed by this desktop's engine
// → scheduled → in progress → done, with a comment and the room out of service and back
// in), a stale version refused, the page's filters, sorting and red overdue rows
// following another desktop's change, the vets' read-only window (and PostgreSQL
// refusing a vet's comment and upload), attachments stored several at once while a
// 5 ms timer keeps ticking, opened in the PDF viewer, a preview or a file, refused
// files with their reasons, and interrupted uploads leaving no row behind.
#include "models/db/dbexecutor.h"
#include "models/db/sqlstatement.h"
#include "models/itemmodels/maintenancefilterproxymodel.h"
#include "models/itemmodels/maintenancerequestsmodel.h"
#include "models/maintenance/maintenancerepository.h"
#include "models/maintenance/technicianrepository.h"
#include "tests/models/housing/allocationtestutil.h"
#include "tests/support/windowharness.h"
#include "ui/allocations/buildingcombobox.h"
#include "ui/maintenance/attachmentuploader.h"
#include "ui/maintenance/maintenancepage.h"
#include "ui/maintenance/maintenancerequestwindow.h"
#include "ui/maintenance/maintenanceui.h"
#include "ui/maintenance/newmaintenancerequestdialog.h"
#include "ui/pdf/pdfviewerwindow.h"

#include <QApplication>
#include <QBrush>
#include <QCheckBox>
#include <QComboBox>
#include <QCoroTask>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPdfWriter>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace AllocationTest;
using C = Maintenance::Category;
using P = Maintenance::Priority;
using S = Maintenance::State;

namespace {

constexpr int kTimeout = WindowHarness::kTimeoutMs;

QVariant scalar(Database &db, const QString &sql, const QVariantList &values = {})
{
    SqlStatement st(db, sql);
    for (const QVariant &v : values)
        st.bind(v);
    if (auto r = st.exec(); !r) {
        qWarning("%s", qPrintable(r.error().detail));
        return {};
    }
    return st.next() ? st.value(0) : QVariant();
}

int attachmentRows(Database &db, qint64 requestId)
{
    return scalar(db, u"SELECT COUNT(*) FROM maintenance_attachments WHERE request_id = ?"_s, {requestId})
        .toInt();
}

Actor staff()
{
    return TestDatabase::actorFor(TestDatabase::Person::Admin, u"tester"_s, Actor::Role::Admin);
}

Technician allHoursTechnician(Database &db, const QString &name)
{
    Technician t;
    t.name = name;
    t.email = name.toLower() + u"@example.edu"_s;
    t.skills = Maintenance::categories();
    t.workingDays = {1, 2, 3, 4, 5, 6, 7};
    t.dayStarts = 0;
    t.dayEnds = 24 * 60;
    const Result<Technician> stored = TechnicianRepository(db, staff()).add(t);
    if (!stored)
        qWarning("technician: %s", qPrintable(stored.error().text()));
    return stored ? stored.value() : Technician{};
}

MaintenanceRequest makeRequest(Database &db, qint64 roomId, qint64 buildingId, C category, P priority,
                               const QString &description, const QDateTime &reportedAt = {})
{
    MaintenanceRequest r;
    r.roomId = roomId;
    r.buildingId = buildingId;
    r.category = category;
    r.priority = priority;
    r.description = description;
    const Result<MaintenanceRequest> stored = MaintenanceRepository(db, staff()).create(r, reportedAt);
    if (!stored)
        qWarning("request: %s", qPrintable(stored.error().text()));
    return stored ? stored.value() : MaintenanceRequest{};
}

MaintenanceUi *maintenanceUi(WindowHarness &h)
{
    return h.window->findChild<MaintenanceUi *>(u"maintenanceUi"_s);
}

MaintenanceRequest stored(Database &db, qint64 id)
{
    const Result<MaintenanceRequest> r = MaintenanceRepository(db, staff()).get(id);
    return r ? r.value() : MaintenanceRequest{};
}

bool clickAndWait(QPushButton *button, MaintenanceRequestWindow *w)
{
    if (!button || !button->isVisible() || !button->isEnabled())
        return false;
    QSignalSpy changed(w, &MaintenanceRequestWindow::changed);
    QSignalSpy failed(w, &MaintenanceRequestWindow::failed);
    QTest::mouseClick(button, Qt::LeftButton);
    return QTest::qWaitFor([&] { return changed.count() + failed.count() > 0; }, kTimeout) &&
           changed.count() == 1;
}

// A photo of noise (PNG does not compress it): about width × width × 4 bytes.
QString writeNoisePng(const QString &path, int width, quint32 seed)
{
    QImage image(width, width, QImage::Format_ARGB32);
    QRandomGenerator rng(seed);
    for (int y = 0; y < width; ++y) {
        auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = rng.generate() | 0xff000000u;
    }
    image.save(path, "PNG");
    return path;
}

QString writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qWarning("cannot write %s", qPrintable(path));
    return path;
}

QString writePdf(const QString &path)
{
    QPdfWriter writer(path);
    QPainter painter(&writer);
    painter.drawText(200, 200, u"Quote for the new tap"_s);
    painter.end();
    return path;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestMaintenanceGui : public QObject
{
    Q_OBJECT

private:
    struct Place
    {
        Building building;
        Room room;
        Resident resident;
    };
    static Place seedPlace(Database &db, const QString &code = u"NH"_s)
    {
        Place p;
        p.building = building(db, code);
        p.room = room(db, p.building, u"101"_s, 2);
        p.resident = resident(db, u"S0001"_s, u"Ana"_s, u"López"_s);
        return p;
    }

    static MaintenanceRequestWindow *openLoaded(WindowHarness &h, qint64 id)
    {
        MaintenanceRequestWindow *w = maintenanceUi(h)->openRequest(id);
        if (!QTest::qWaitFor([w] { return w->isLoaded(); }, kTimeout))
            return nullptr;
        return w;
    }

private Q_SLOTS:
    void lifeCycleThroughTheWindow()
    {
        WindowHarness h;
        QString error;
        QVERIFY2(h.createServices(&error), qPrintable(error));
        const Place place = seedPlace(h.t->db());
        const Technician pia = allHoursTechnician(h.t->db(), u"Pia"_s);
        QVERIFY(place.room.id > 0 && pia.id > 0);
        QVERIFY2(h.openWindow(&error), qPrintable(error));
        QVERIFY(h.showPage(u"Maintenance"_s));
        auto *page = h.window->findChild<MaintenancePage *>(u"maintenancePage"_s);
        QVERIFY(page && page->isVisible());
        QVERIFY(page->newButton()->isVisible());

        // New request…: the same path as `maintenance add` (request and job in one go).
        QTest::mouseClick(page->newButton(), Qt::LeftButton);
        auto *dialog = h.window->findChild<NewMaintenanceRequestDialog *>(u"newMaintenanceRequestDialog"_s);
        QVERIFY(dialog);
        QSignalSpy roomsLoaded(dialog, &NewMaintenanceRequestDialog::roomsLoaded);
        QSignalSpy submitted(dialog, &NewMaintenanceRequestDialog::submitted);
        dialog->buildingBox()->setBuildingId(place.building.id);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->roomBox()->findData(place.room.id) > 0, kTimeout);
        dialog->roomBox()->setCurrentIndex(dialog->roomBox()->findData(place.room.id));
        dialog->categoryBox()->setCurrentIndex(dialog->categoryBox()->findData(int(C::Plumbing)));
        dialog->priorityBox()->setCurrentIndex(dialog->priorityBox()->findData(int(P::High)));
        dialog->descriptionEdit()->setPlainText(u"The tap in the bathroom drips."_s);
        dialog->residentEdit()->setText(u"S0001"_s);
        dialog->permissionBox()->setChecked(true);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"newRequestOk"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(submitted.count(), 1, kTimeout);
        const qint64 id = submitted.at(0).at(0).toLongLong();
        QVERIFY(id > 0 && submitted.at(0).at(1).toLongLong() > 0);

        // Processed by this desktop's engine: Pia assigned, an estimate, a visit.
        QTRY_COMPARE_WITH_TIMEOUT(stored(h.t->db(), id).state, S::Scheduled, kTimeout);
        // The page follows (records events): the request is listed as scheduled.
        MaintenanceRequestsModel *model = page->model();
        QTRY_VERIFY_WITH_TIMEOUT(
            model->rowOfId(id) >= 0 && model->request(model->rowOfId(id)).state == S::Scheduled, kTimeout);

        // Open it from the page (double-click the row).
        const QModelIndex row = page->proxy()->mapFromSource(
            model->index(model->rowOfId(id), MaintenanceRequestsModel::PlaceColumn));
        page->view()->setCurrentIndex(row);
        QTest::mouseClick(page->findChild<QPushButton *>(u"maintenanceOpenButton"_s), Qt::LeftButton);
        MaintenanceRequestWindow *w = maintenanceUi(h)->requestWindow(id);
        QVERIFY(w);
        QTRY_VERIFY_WITH_TIMEOUT(w->isLoaded(), kTimeout);
        QCOMPARE(w->request().state, S::Scheduled);
        QVERIFY(w->findChild<QLabel *>(u"detail_technician"_s)->text().contains(u"Pia"_s));
        QVERIFY(w->findChild<QLabel *>(u"detail_reporter"_s)->text().contains(u"Ana López"_s));
        QVERIFY(w->findChild<QLabel *>(u"detail_permission"_s)->text().startsWith(u"yes"_s));
        QVERIFY(!w->findChild<QLabel *>(u"detail_slot"_s)->text().contains(u"not scheduled"_s));
        // Only the changes a scheduled request allows.
        QVERIFY(!w->assignButton()->isEnabled());
        QVERIFY(w->scheduleButton()->isEnabled());
        QVERIFY(w->startButton()->isEnabled());
        QVERIFY(!w->doneButton()->isEnabled());
        QVERIFY(w->cancelButton()->isEnabled());

        // The room out of service while the work goes on.
        QVERIFY(clickAndWait(w->roomButton(), w));
        QVERIFY(w->request().tookRoomOut);
        QCOMPARE(RoomRepository(h.t->db(), staff()).get(place.room.id)->status, Room::Status::OutOfService);

        QVERIFY(clickAndWait(w->startButton(), w));
        QCOMPARE(stored(h.t->db(), id).state, S::InProgress);
        QVERIFY(!w->startButton()->isEnabled());
        QVERIFY(w->doneButton()->isEnabled());

        // A comment, through the box and the button.
        // (The processing job left the first one: whom it assigned, the visit, the estimate.)
        QTRY_VERIFY_WITH_TIMEOUT(w->comments().size() == 1 && w->comments().first().body.contains(u"Pia"_s),
                                 kTimeout);
        QVERIFY(!w->addCommentButton()->isEnabled());
        QTest::keyClicks(w->commentEdit(), u"New washer fitted."_s);
        QVERIFY(w->addCommentButton()->isEnabled());
        QTest::mouseClick(w->addCommentButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(w->commentsView()->count(), 2, kTimeout);
        QVERIFY2(w->commentsView()->item(1)->text().contains(u"New washer fitted."_s),
                 qPrintable(w->commentsView()->item(1)->text().replace(u'\n', u'|')));
        QVERIFY(w->commentEdit()->toPlainText().isEmpty());

        QVERIFY(clickAndWait(w->doneButton(), w));
        const MaintenanceRequest done = stored(h.t->db(), id);
        QCOMPARE(done.state, S::Done);
        QVERIFY(done.finishedAt.isValid());
        // Done puts the room back in service.
        QCOMPARE(RoomRepository(h.t->db(), staff()).get(place.room.id)->status, Room::Status::Available);
        for (QPushButton *b : {w->assignButton(), w->scheduleButton(), w->startButton(), w->doneButton(),
                               w->cancelButton(), w->roomButton()})
            QVERIFY2(!b->isEnabled(), qPrintable(b->objectName()));
        QCOMPARE(scalar(h.t->db(), u"SELECT COUNT(*) FROM maintenance_comments WHERE request_id = ?"_s, {id})
                     .toInt(),
                 2);

        // "Open work" no longer lists it; "Done" does.
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOfId(id) < 0, kTimeout);
        QSignalSpy loaded(page, &MaintenancePage::loaded);
        page->stateFilter()->setCurrentIndex(page->stateFilter()->findData(int(S::Done)));
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1 && model->rowOfId(id) >= 0, kTimeout);
        QCOMPARE(page->proxy()->rowCount(), 1);
    }

    void staleVersionAndRefusedStep()
    {
        WindowHarness h;
        QString error;
        QVERIFY2(h.createServices(&error, std::nullopt), qPrintable(error));
        const Place place = seedPlace(h.t->db());
        const Technician pia = allHoursTechnician(h.t->db(), u"Pia"_s);
        MaintenanceRequest r =
            makeRequest(h.t->db(), place.room.id, 0, C::Heating, P::Routine, u"Cold radiator"_s);
        QVERIFY(r.id > 0);
        QVERIFY(MaintenanceRepository(h.t->db(), staff()).assign(r.id, pia.id, 4500));
        QVERIFY2(h.openWindow(&error), qPrintable(error));
        MaintenanceRequestWindow *w = openLoaded(h, r.id);
        QVERIFY(w);
        QCOMPARE(w->request().state, S::Assigned);

        // Another desktop schedules it; this window still shows it assigned.
        std::unique_ptr<Database> elsewhere = h.t->openAnother();
        const QDateTime visit = QDateTime::currentDateTimeUtc().addDays(1);
        QVERIFY(MaintenanceRepository(*elsewhere, staff()).schedule(r.id, visit, visit.addSecs(3600)));
        QVERIFY(!QCoro::waitFor(w->startWork()));
        QVERIFY2(w->message().contains(u"Another user changed maintenance request"_s),
                 qPrintable(w->message()));
        QCOMPARE(stored(h.t->db(), r.id).state, S::Scheduled);
        // … and then shows it as it is now.
        QTRY_COMPARE_WITH_TIMEOUT(w->request().state, S::Scheduled, kTimeout);
        QVERIFY(QCoro::waitFor(w->startWork()));
        QCOMPARE(stored(h.t->db(), r.id).state, S::InProgress);

        // A step the data layer refuses reads clearly: a request in progress is not assigned.
        QVERIFY(!QCoro::waitFor(w->assign(pia.id, 100)));
        QVERIFY2(w->message().contains(u"Assign was not done"_s), qPrintable(w->message()));

        // Cancel with a reason: the reason is a comment.
        QVERIFY(QCoro::waitFor(w->cancelRequest(u"Resident moved out"_s)));
        QCOMPARE(stored(h.t->db(), r.id).state, S::Cancelled);
        QTRY_VERIFY_WITH_TIMEOUT(w->commentsView()->count() == 1 &&
                                     w->commentsView()->item(0)->text().contains(u"Resident moved out"_s),
                                 kTimeout);
    }

    void filtersSortingAndOverdue()
    {
        WindowHarness h;
        QString error;
        QVERIFY2(h.createServices(&error, std::nullopt), qPrintable(error));
        Database &db = h.t->db();
        const Place nh = seedPlace(db, u"NH"_s);
        const Building sh = building(db, u"SH"_s);
        const Room sh201 = room(db, sh, u"201"_s, 1);
        const QDateTime longAgo = QDateTime::currentDateTimeUtc().addDays(-20);
        const MaintenanceRequest late =
            makeRequest(db, nh.room.id, 0, C::Plumbing, P::High, u"Leaking pipe under the sink"_s, longAgo);
        const MaintenanceRequest fresh =
            makeRequest(db, 0, nh.building.id, C::Cleaning, P::Low, u"Stairwell dusty"_s);
        const MaintenanceRequest urgent =
            makeRequest(db, sh201.id, 0, C::Electrical, P::Emergency, u"Sparks from the socket"_s);
        const MaintenanceRequest closed =
            makeRequest(db, sh201.id, 0, C::Locks, P::Routine, u"Door lock sticks"_s);
        QVERIFY(late.id && fresh.id && urgent.id && closed.id);
        QVERIFY(MaintenanceRepository(db, staff()).cancel(closed.id, u"duplicate"_s));

        QVERIFY2(h.openWindow(&error), qPrintable(error));
        QVERIFY(h.showPage(u"Maintenance"_s));
        auto *page = h.window->findChild<MaintenancePage *>(u"maintenancePage"_s);
        MaintenanceFilterProxyModel *proxy = page->proxy();
        MaintenanceRequestsModel *model = page->model();
        QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), 3, kTimeout); // open work: not the cancelled one
        QVERIFY(page->findChild<QLabel *>(u"maintenanceCount"_s)->text().contains(u"1 overdue"_s));

        // The overdue row is red, the others are not.
        auto rowOf = [&](qint64 id) {
            return proxy->mapFromSource(model->index(model->rowOfId(id), 0)).row();
        };
        auto colour = [&](qint64 id) {
            return proxy->index(rowOf(id), MaintenanceRequestsModel::DueColumn).data(Qt::ForegroundRole);
        };
        QCOMPARE(colour(late.id).value<QBrush>().color(), QColor(0xc6, 0x28, 0x28));
        QVERIFY(!colour(urgent.id).isValid());
        QVERIFY(proxy->index(rowOf(late.id), 0).data(MaintenanceRequestsModel::OverdueRole).toBool());

        // Sorting by priority puts the emergency first; by number, the oldest first.
        page->view()->sortByColumn(MaintenanceRequestsModel::PriorityColumn, Qt::AscendingOrder);
        QCOMPARE(proxy->idAt(0), urgent.id);
        QCOMPARE(proxy->idAt(2), fresh.id);
        page->view()->sortByColumn(MaintenanceRequestsModel::IdColumn, Qt::DescendingOrder);
        QCOMPARE(proxy->idAt(0), urgent.id);
        QCOMPARE(proxy->idAt(2), late.id);

        // Each filter, then back to all.
        page->overdueFilter()->setChecked(true);
        QTRY_VERIFY_WITH_TIMEOUT(proxy->rowCount() == 1 && proxy->idAt(0) == late.id, kTimeout);
        page->overdueFilter()->setChecked(false);
        QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), 3, kTimeout);
        page->categoryFilter()->setCurrentIndex(page->categoryFilter()->findData(int(C::Electrical)));
        QCOMPARE(proxy->rowCount(), 1);
        QCOMPARE(proxy->idAt(0), urgent.id);
        page->categoryFilter()->setCurrentIndex(0);
        page->priorityFilter()->setCurrentIndex(page->priorityFilter()->findData(int(P::Low)));
        QCOMPARE(proxy->rowCount(), 1);
        QCOMPARE(proxy->idAt(0), fresh.id);
        page->priorityFilter()->setCurrentIndex(0);
        const int shIndex = page->buildingFilter()->findData(u"SH"_s);
        QVERIFY(shIndex > 0);
        page->buildingFilter()->setCurrentIndex(shIndex);
        QCOMPARE(proxy->rowCount(), 1);
        QCOMPARE(proxy->idAt(0), urgent.id);
        page->buildingFilter()->setCurrentIndex(0);
        QTest::keyClicks(page->searchEdit(), u"SINK"_s);
        QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), 1, kTimeout);
        QCOMPARE(proxy->idAt(0), late.id);
        page->searchEdit()->clear();
        QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), 3, kTimeout);
        page->stateFilter()->setCurrentIndex(page->stateFilter()->findData(int(S::Cancelled)));
        QTRY_VERIFY_WITH_TIMEOUT(proxy->rowCount() == 1 && proxy->idAt(0) == closed.id, kTimeout);
        QVERIFY(!proxy->index(0, 0).data(MaintenanceRequestsModel::OverdueRole).toBool());
        page->stateFilter()->setCurrentIndex(0);
        QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), 3, kTimeout);

        // Another desktop reports a request: the page follows its records event.
        std::unique_ptr<Database> elsewhere = h.t->openAnother();
        MaintenanceRequest r;
        r.roomId = nh.room.id;
        r.category = C::Pest;
        r.priority = P::Routine;
        r.description = u"Ants in the kitchen"_s;
        const Result<MaintenanceRequest> ants = MaintenanceRepository(*elsewhere, staff()).create(r);
        QVERIFY(ants);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOfId(ants->id) >= 0, kTimeout);
        QCOMPARE(proxy->rowCount(), 4);
        // … and its completion elsewhere drops it from the open work.
        QVERIFY(MaintenanceRepository(*elsewhere, staff()).cancel(ants->id));
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOfId(ants->id) < 0, kTimeout);
    }

    void vetsReadOnly()
    {
        WindowHarness h;
        QString error;
        h.t = TestDatabase::create(&error, true, TestDatabase::Person::Vet);
        QVERIFY2(h.t, qPrintable(error));
        // Housing staff report a request; the vet's window opens afterwards.
        Database &housing = h.t->dbAs(TestDatabase::Person::Housing);
        const Place place = seedPlace(housing);
        MaintenanceRequest r;
        r.roomId = place.room.id;
        r.category = C::Heating;
        r.priority = P::High;
        r.description = u"No heating in the lab annex"_s;
        const Result<MaintenanceRequest> heating =
            MaintenanceRepository(housing, TestDatabase::actorFor(TestDatabase::Person::Housing, u"alice"_s,
                                                                  Actor::Role::Housing))
                .create(r);
        QVERIFY2(heating, qPrintable(heating.error().text()));
        h.actor = TestDatabase::actorFor(TestDatabase::Person::Vet, u"vera"_s, Actor::Role::Vet);
        QVERIFY2(h.createServices(&error, std::nullopt), qPrintable(error));
        QVERIFY2(h.openWindow(&error,
                              [](MainWindow &w) {
                                  w.setRights({false, false, true});
                              }),
                 qPrintable(error));

        // The page is there for a vet, lists the request, and offers no change.
        QVERIFY(h.showPage(u"Maintenance"_s));
        auto *sidebar = h.window->findChild<QListWidget *>(u"sidebar"_s);
        QVERIFY(!sidebar->findItems(u"Maintenance"_s, Qt::MatchExactly).first()->isHidden());
        QVERIFY(sidebar->findItems(u"Residents"_s, Qt::MatchExactly).first()->isHidden());
        auto *page = h.window->findChild<MaintenancePage *>(u"maintenancePage"_s);
        QTRY_COMPARE_WITH_TIMEOUT(page->proxy()->rowCount(), 1, kTimeout);
        QVERIFY(page->model()->request(0).placeLabel() == u"NH/101"_s);
        QVERIFY(!page->newButton()->isVisible());
        MaintenanceRequestWindow *w = openLoaded(h, heating->id);
        QVERIFY(w);
        QVERIFY(!w->isWritable());
        for (QWidget *b : std::initializer_list<QWidget *>{
                 w->assignButton(), w->scheduleButton(), w->startButton(), w->doneButton(), w->cancelButton(),
                 w->roomButton(), w->addCommentButton(), w->commentEdit(), w->addFilesButton()})
            QVERIFY2(!b->isVisible(), qPrintable(b->objectName()));
        QVERIFY(w->findChild<QLabel *>(u"detail_description"_s)->text().contains(u"No heating"_s));
        w->close();

        if (!TestDatabase::isPostgreSQL())
            return; // one person on SQLite: nobody to refuse
        // PostgreSQL refuses a vet's changes even from a window that offered them.
        maintenanceUi(h)->setWritable(true);
        w = openLoaded(h, heating->id);
        QVERIFY(w && w->isWritable());
        QVERIFY(!QCoro::waitFor(w->addComment(u"Any news?"_s)));
        QVERIFY2(w->message().contains(u"may not"_s, Qt::CaseInsensitive) ||
                     w->message().contains(u"Permission denied"_s),
                 qPrintable(w->message()));
        QVERIFY(!w->message().contains(u"QPSQL"_s));
        QVERIFY(!QCoro::waitFor(w->startWork()));
        QVERIFY2(w->message().contains(u"Start was not done"_s), qPrintable(w->message()));
        QTemporaryDir dir;
        const QString note = writeFile(dir.filePath(u"note.txt"_s), "The annex is cold.\n");
        QSignalSpy finished(w, &MaintenanceRequestWindow::uploadsFinished);
        w->addFiles({note});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeout);
        QCOMPARE(finished.at(0).at(0).toInt(), 0);
        QVERIFY2(w->message().contains(u"note.txt was not attached"_s), qPrintable(w->message()));
        std::unique_ptr<Database> installer = h.t->openAsInstaller();
        QCOMPARE(attachmentRows(*installer, heating->id), 0);
        QCOMPARE(scalar(*installer, u"SELECT COUNT(*) FROM maintenance_comments"_s).toInt(), 0);
        QCOMPARE(stored(*installer, heating->id).state, S::Open);
    }

    void concurrentUploadsKeepTheWindowResponsive()
    {
        WindowHarness h;
        QString error;
        QVERIFY2(h.createServices(&error, std::nullopt), qPrintable(error));
        const Place place = seedPlace(h.t->db());
        const MaintenanceRequest r =
            makeRequest(h.t->db(), place.room.id, 0, C::Furniture, P::Routine, u"Broken wardrobe door"_s);
        QVERIFY2(h.openWindow(&error), qPrintable(error));
        MaintenanceRequestWindow *w = openLoaded(h, r.id);
        QVERIFY(w);

        QTemporaryDir dir;
        QStringList files;
        for (int i = 0; i < 4; ++i) // about 5.8 MB each
            files << writeNoisePng(dir.filePath(u"photo%1.png"_s.arg(i)), 1200, 7 + i);
        files << writePdf(dir.filePath(u"quote.pdf"_s));
        files << writeFile(dir.filePath(u"notes.txt"_s), "Hinge bent; replacement ordered.\n");

        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        QSignalSpy finished(w, &MaintenanceRequestWindow::uploadsFinished);
        ticker.start();
        w->addFiles(files);
        QVERIFY(w->uploader()->isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeout);
        ticker.stop();
        QCOMPARE(finished.at(0).at(0).toInt(), 6);
        QCOMPARE(finished.at(0).at(1).toInt(), 0);
        // The event loop ran all along (a blocked GUI thread would have ticked once at most).
        qInfo("5 ms timer ticks while storing 6 files (%d MB): %d",
              int(QFileInfo(files.first()).size() * 4 / (1024 * 1024)), ticks);
        QVERIFY2(ticks >= 3, qPrintable(QString::number(ticks)));
        // Files were read at the same time.
        QVERIFY2(w->uploader()->peakConcurrentReads() >= 2,
                 qPrintable(QString::number(w->uploader()->peakConcurrentReads())));

        // Every file whole in the database, photos with thumbnails.
        QCOMPARE(attachmentRows(h.t->db(), r.id), 6);
        const QList<MaintenanceAttachment> list =
            MaintenanceRepository(h.t->db(), staff()).attachments(r.id).value();
        for (const MaintenanceAttachment &listed : list) {
            const MaintenanceAttachment a =
                MaintenanceRepository(h.t->db(), staff()).attachment(listed.id).value();
            QCOMPARE(a.content, fileBytes(dir.filePath(a.filename)));
            QCOMPARE(a.size, a.content.size());
            if (a.filename.endsWith(u".png"_s)) {
                QCOMPARE(a.mimeType, u"image/png"_s);
                const QImage thumb = QImage::fromData(a.thumbnail, "PNG");
                QVERIFY(!thumb.isNull());
                QCOMPARE(qMax(thumb.width(), thumb.height()), AttachmentUploader::kThumbnailSize);
            } else {
                QVERIFY(a.thumbnail.isEmpty());
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(w->attachmentsView()->count(), 6, kTimeout);
        QVERIFY(!w->attachmentsView()->item(0)->icon().isNull());

        // Opening: the PDF in the viewer, a photo in a preview, the text saved to a file.
        auto idOf = [&](const QString &name) {
            for (const MaintenanceAttachment &a : list)
                if (a.filename == name)
                    return a.id;
            return qint64(0);
        };
        QSignalSpy opened(w, &MaintenanceRequestWindow::attachmentOpened);
        QVERIFY(QCoro::waitFor(w->openAttachment(idOf(u"quote.pdf"_s))));
        auto *viewer = qobject_cast<PdfViewerWindow *>(opened.at(0).at(0).value<QWidget *>());
        QVERIFY(viewer);
        QVERIFY(viewer->hasDocument());
        QCOMPARE(viewer->pageCount(), 1);
        viewer->close();
        QVERIFY(QCoro::waitFor(w->openAttachment(idOf(u"photo2.png"_s))));
        auto *preview = qobject_cast<QDialog *>(opened.at(1).at(0).value<QWidget *>());
        QVERIFY(preview && preview->objectName() == u"attachmentPreview"_s);
        QCOMPARE(preview->findChild<QLabel *>(u"attachmentPreviewImage"_s)->pixmap().width(), 1200);
        preview->close();
        const QString saved = dir.filePath(u"saved-notes.txt"_s);
        QVERIFY(QCoro::waitFor(w->openAttachment(idOf(u"notes.txt"_s), saved)));
        QCOMPARE(fileBytes(saved), QByteArray("Hinge bent; replacement ordered.\n"));
    }

    void refusedFilesAreNamed()
    {
        WindowHarness h;
        QString error;
        QVERIFY2(h.createServices(&error, std::nullopt), qPrintable(error));
        const Place place = seedPlace(h.t->db());
        const MaintenanceRequest r =
            makeRequest(h.t->db(), place.room.id, 0, C::Other, P::Low, u"Window stuck"_s);
        QVERIFY2(h.openWindow(&error), qPrintable(error));
        MaintenanceRequestWindow *w = openLoaded(h, r.id);
        QVERIFY(w);

        QTemporaryDir dir;
        const QString big = writeFile(dir.filePath(u"scan.txt"_s), QByteArray(11 * 1024 * 1024, 'a'));
        QByteArray program("MZ");
        program.append(QByteArray(4096, '\x90'));
        const QString exe = writeFile(dir.filePath(u"holiday.jpg"_s), "\x7f"
                                                                      "ELF\x02\x01\x01" +
                                                                          program);
        const QString empty = writeFile(dir.filePath(u"empty.png"_s), QByteArray());
        const QString good = writeFile(dir.filePath(u"ok.txt"_s), "Fine.\n");
        QSignalSpy finished(w, &MaintenanceRequestWindow::uploadsFinished);
        w->addFiles({big, exe, empty, good});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeout);
        QVERIFY2(finished.at(0).at(0).toInt() == 1 && finished.at(0).at(1).toInt() == 3,
                 qPrintable(w->message().replace(u'\n', u'|')));
        const QString message = w->message();
        QVERIFY2(message.contains(u"scan.txt is 11.0 MB; attachments may be at most 10 MB"_s),
                 qPrintable(message));
        QVERIFY2(message.contains(u"holiday.jpg is not a photo or document Residesk accepts"_s),
                 qPrintable(message));
        QVERIFY2(message.contains(u"empty.png is empty"_s), qPrintable(message));
        QCOMPARE(attachmentRows(h.t->db(), r.id), 1);
        QCOMPARE(
            scalar(h.t->db(), u"SELECT filename FROM maintenance_attachments WHERE request_id = ?"_s, {r.id})
                .toString(),
            u"ok.txt"_s);
    }

    void interruptedUploadsLeaveNoRow()
    {
        WindowHarness h;
        QString error;
        QVERIFY2(h.createServices(&error, std::nullopt), qPrintable(error));
        const Place place = seedPlace(h.t->db());
        const MaintenanceRequest r = makeRequest(h.t->db(), place.room.id, 0, C::Pest, P::Routine, u"Mice"_s);
        QVERIFY2(h.openWindow(&error), qPrintable(error));

        // A file that is gone by the time it is read: said, and the others stored.
        QTemporaryDir dir;
        const QString kept = writeFile(dir.filePath(u"droppings.txt"_s), "Behind the fridge.\n");
        const QString gone = writeFile(dir.filePath(u"trap.txt"_s), "Set two traps.\n");
        QVERIFY(QFile::remove(gone));
        MaintenanceRequestWindow *w = openLoaded(h, r.id);
        QVERIFY(w);
        QSignalSpy finished(w, &MaintenanceRequestWindow::uploadsFinished);
        w->addFiles({kept, gone});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeout);
        QCOMPARE(finished.at(0).at(0).toInt(), 1);
        QVERIFY2(w->message().contains(u"trap.txt cannot be read"_s), qPrintable(w->message()));
        QCOMPARE(attachmentRows(h.t->db(), r.id), 1);

        // The window closed while large files are read: none of them is stored, not
        // even in part, and nothing arrives later.
        QStringList large;
        for (int i = 0; i < 3; ++i)
            large << writeFile(dir.filePath(u"large%1.txt"_s.arg(i)),
                               QByteArray(9 * 1024 * 1024, char('a' + i)));
        QPointer<MaintenanceRequestWindow> closing = w;
        w->addFiles(large);
        QVERIFY(w->uploader()->isBusy());
        w->close();
        QTRY_VERIFY_WITH_TIMEOUT(!closing, kTimeout);
        maintenanceUi(h)->filePool()->waitForDone();
        h.executor->waitForDone();
        QTest::qWait(200); // anything still queued on the event loop gets its turn
        h.executor->waitForDone();
        QCOMPARE(attachmentRows(h.t->db(), r.id), 1);
        QCOMPARE(
            scalar(h.t->db(),
                   u"SELECT COUNT(*) FROM maintenance_attachments WHERE request_id = ? AND size_bytes <> ?"_s,
                   {r.id, QFileInfo(kept).size()})
                .toInt(),
            0);
    }
};

QTEST_MAIN(TestMaintenanceGui)
#include "tst_maintenancegui.moc"
