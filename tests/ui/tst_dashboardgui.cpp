// The dashboard's cards on the real window and services, on both backends: every card
// fills from its own read while a 5 ms timer keeps ticking on the GUI thread; a card
// whose read fails says so in words while the others fill; a records event from another
// desktop reloads them; a click on a figure opens the page behind it.
#include "models/db/events.h"
#include "models/db/sqlstatement.h"
#include "models/maintenance/maintenance.h"
#include "tasks/jobstore.h"
#include "tests/models/reports/reportseed.h"
#include "tests/support/windowharness.h"
#include "ui/pages/dashboardcard.h"
#include "ui/pages/dashboardpage.h"
#include "ui/reports/reportsui.h"
#include "ui/widgets/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

class TestDashboardGui : public QObject
{
    Q_OBJECT
private:
    struct Ticks
    {
        int count = 0;
        QList<int> atCard; // the tick count when each card answered
    };

    static bool seed(WindowHarness &h, QString *error)
    {
        h.t = TestDatabase::create(error);
        if (!h.t)
            return false;
        std::unique_ptr<Database> installer = h.t->openAsInstaller();
        ReportSeed::housing(*installer, 60, 3);
        ReportSeed::maintenance(*installer);
        ReportSeed::lab(*installer);
        return true;
    }

    // Opens the window with a 5 ms timer ticking and waits until every card answered.
    static bool openAndWait(WindowHarness &h, Ticks &ticks, QTimer &timer, QSignalSpy **finished,
                            QString *error)
    {
        static std::unique_ptr<QSignalSpy> spy;
        timer.setInterval(5);
        QObject::connect(&timer, &QTimer::timeout, &timer, [&ticks] { ++ticks.count; });
        const bool ok = h.openWindow(error, [&](MainWindow &w) {
            spy = std::make_unique<QSignalSpy>(w.dashboardPage(), &DashboardPage::allCardsFinished);
            QObject::connect(w.dashboardPage(), &DashboardPage::cardFinished, &timer,
                             [&ticks](const QString &, bool) { ticks.atCard << ticks.count; });
            timer.start();
        });
        if (!ok)
            return false;
        *finished = spy.get();
        if (!QTest::qWaitFor([&] { return spy->count() >= 1; }, WindowHarness::kTimeoutMs)) {
            *error = u"the cards did not all answer"_s;
            return false;
        }
        return true;
    }

    static DashboardCard *card(WindowHarness &h, const QString &key)
    {
        return h.child<DashboardCard>(key + u"Card"_s);
    }
    static QString text(WindowHarness &h, const QString &name)
    {
        auto *label = h.child<QLabel>(name);
        return label ? label->text() : u"(no label %1)"_s.arg(name);
    }

private Q_SLOTS:
    void cardsFillInParallelWhileTheLoopTicks()
    {
        WindowHarness h;
        QString error;
        QVERIFY2(seed(h, &error), qPrintable(error));
        QVERIFY2(h.createServices(&error), qPrintable(error));
        Ticks ticks;
        QTimer timer;
        QSignalSpy *finished = nullptr;
        QVERIFY2(openAndWait(h, ticks, timer, &finished, &error), qPrintable(error));
        DashboardPage *page = h.window->dashboardPage();
        const QStringList shown = page->shownCards();
        QCOMPARE(shown.size(), 6);
        for (const QString &key : shown) {
            QVERIFY2(card(h, key)->state() == DashboardCard::State::Filled,
                     qPrintable(key + u": "_s + card(h, key)->statusText()));
        }
        // The GUI thread kept running while the reads ran: the timer ticked throughout.
        QCOMPARE(ticks.atCard.size(), 6);
        QVERIFY2(ticks.count > 0, "the 5 ms timer never ticked while the cards loaded");

        QVERIFY2(text(h, u"freeBedsCount"_s).contains(u"free-beds:"_s),
                 qPrintable(text(h, u"freeBedsCount"_s)));
        const QString maintenance = text(h, u"maintenanceCounts"_s);
        // The one open seeded request (high priority, due in April 2026) is overdue: in red.
        // Overdue work in the problem colour (ui/widgets/theme.h).
        QVERIFY2(maintenance.contains(Theme::error(h.window->palette()).name()) &&
                     maintenance.contains(u"1 overdue"_s),
                 qPrintable(maintenance));
        const QString protocols = text(h, u"protocolsCounts"_s);
        QVERIFY2(protocols.contains(u"protocols:state=finalized\" style=\"text-decoration: none;\">4<"_s),
                 qPrintable(protocols));
        QVERIFY2(text(h, u"arrivalsCount"_s).contains(u"allocations:arrivals"_s),
                 qPrintable(text(h, u"arrivalsCount"_s)));
        QVERIFY2(text(h, u"jobsRunning"_s).contains(u"running"_s), qPrintable(text(h, u"jobsRunning"_s)));

        // Every card fits the page of a 1,366 × 768 window (the sidebar takes 190 points,
        // the menu, toolbar and status bar about 110): nothing of the dashboard needs more.
        auto *scroll = h.child<QScrollArea>(u"dashboardScroll"_s);
        QVERIFY(scroll && scroll->widget());
        const QSize needed = scroll->widget()->minimumSizeHint();
        QVERIFY2(needed.width() <= 1366 - 190 - 40 && needed.height() <= 768 - 110 - 80,
                 qPrintable(u"%1 x %2"_s.arg(needed.width()).arg(needed.height())));
        QVERIFY(page->minimumSizeHint().width() <= 1366 - 190);
    }

    // Reports ▸ Occupancy…: the job runs on the window's engine, notifies its creator
    // with a link, and the link opens the PDF in the viewer.
    void aReportStartedInTheWindowOpensFromItsNotification()
    {
        WindowHarness h;
        QString error;
        QVERIFY2(seed(h, &error), qPrintable(error));
        QVERIFY2(h.start(&error), qPrintable(error));
        ReportsUi *reports = h.window->reportsUi();
        QSignalSpy queued(reports, &ReportsUi::queued);
        reports->queue(u"occupancy"_s, QDate(2026, 1, 1), QDate(2026, 12, 31), u"pdf"_s);
        QTRY_COMPARE_WITH_TIMEOUT(queued.count(), 1, WindowHarness::kTimeoutMs);
        const qint64 id = queued.at(0).at(0).toLongLong();
        Job job;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     const Result<Job> j = JobStore(h.t->db()).get(id);
                                     job = j ? j.value() : Job{};
                                     return job.isFinished();
                                 }()),
                                 WindowHarness::kTimeoutMs);
        QCOMPARE(job.state, JobState::Succeeded);
        SqlStatement note(h.t->db(), u"SELECT COUNT(*) FROM notifications WHERE link = ?"_s);
        note.bind(u"usage-report:%1"_s.arg(id));
        QVERIFY(note.exec() && note.next());
        QCOMPARE(note.value(0).toInt(), 1);
        QSignalSpy opened(reports, &ReportsUi::pdfOpened);
        QVERIFY(reports->openLink(u"usage-report:%1"_s.arg(id)));
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, WindowHarness::kTimeoutMs);
        auto *viewer = opened.at(0).at(1).value<QWidget *>();
        QVERIFY(viewer);
        QVERIFY2(viewer->windowTitle().contains(u"Occupancy 2026-01-01"_s),
                 qPrintable(viewer->windowTitle()));
        viewer->close();
    }

    void aFailingCardSaysSoWhileTheOthersFill()
    {
        WindowHarness h;
        QString error;
        QVERIFY2(seed(h, &error), qPrintable(error));
        {
            // The maintenance card's source is gone (as after a broken upgrade).
            std::unique_ptr<Database> installer = h.t->openAsInstaller();
            const QString sql =
                TestDatabase::isPostgreSQL()
                    ? u"ALTER VIEW maintenance_request_list RENAME TO maintenance_request_list_gone"_s
                    : u"DROP VIEW maintenance_request_list"_s;
            QVERIFY(SqlStatement::run(*installer, sql));
        }
        QVERIFY2(h.createServices(&error), qPrintable(error));
        Ticks ticks;
        QTimer timer;
        QSignalSpy *finished = nullptr;
        QVERIFY2(openAndWait(h, ticks, timer, &finished, &error), qPrintable(error));
        QCOMPARE(card(h, u"maintenance"_s)->state(), DashboardCard::State::Failed);
        QVERIFY2(card(h, u"maintenance"_s)->statusText().startsWith(u"Could not be loaded: "_s),
                 qPrintable(card(h, u"maintenance"_s)->statusText()));
        for (const QString &key : {u"occupancy"_s, u"freeBeds"_s, u"movements"_s, u"protocols"_s, u"jobs"_s})
            QVERIFY2(card(h, key)->state() == DashboardCard::State::Filled, qPrintable(key));
    }

    // On PostgreSQL a vet may not read housing: shown everything (rights not yet told),
    // the housing cards say the server refused, the others fill. The embedded file has one
    // person, who reads every card.
    void aRoleThatMayNotReadATableSeesWhy()
    {
        WindowHarness h;
        QString error;
        QVERIFY2(seed(h, &error), qPrintable(error));
        h.database = &h.t->dbAs(TestDatabase::Person::Vet);
        h.actor = TestDatabase::actorFor(TestDatabase::Person::Vet, u"vera"_s, Actor::Role::Vet);
        QVERIFY2(h.createServices(&error), qPrintable(error));
        Ticks ticks;
        QTimer timer;
        QSignalSpy *finished = nullptr;
        QVERIFY2(openAndWait(h, ticks, timer, &finished, &error), qPrintable(error));
        const bool pg = TestDatabase::isPostgreSQL();
        for (const QString &key : {u"occupancy"_s, u"freeBeds"_s, u"movements"_s}) {
            QCOMPARE(card(h, key)->state(), pg ? DashboardCard::State::Failed : DashboardCard::State::Filled);
            if (pg)
                QVERIFY2(card(h, key)->statusText().contains(u"may not"_s),
                         qPrintable(card(h, key)->statusText()));
        }
        // Vets read the maintenance list (PostgreSQL grants it to everyone), and the lab's.
        QCOMPARE(card(h, u"maintenance"_s)->state(), DashboardCard::State::Filled);
        QCOMPARE(card(h, u"protocols"_s)->state(), DashboardCard::State::Filled);
        QCOMPARE(card(h, u"jobs"_s)->state(), DashboardCard::State::Filled);

        // Told the role, the window shows the vet only what they may read.
        h.window->setRights({false, false, true});
        QCOMPARE(h.window->dashboardPage()->shownCards(), (QStringList{u"jobs"_s, u"protocols"_s}));
    }

    void cardsFollowChangesFromElsewhereAndOpenThePageBehind()
    {
        WindowHarness h;
        QString error;
        QVERIFY2(seed(h, &error), qPrintable(error));
        QVERIFY2(h.createServices(&error), qPrintable(error));
        Ticks ticks;
        QTimer timer;
        QSignalSpy *finished = nullptr;
        QVERIFY2(openAndWait(h, ticks, timer, &finished, &error), qPrintable(error));
        QVERIFY(text(h, u"maintenanceCounts"_s).contains(u"1 overdue in all"_s));

        // Another desktop adds an overdue request and says so.
        std::unique_ptr<Database> other = h.t->openAnother();
        {
            std::unique_ptr<Database> installer = h.t->openAsInstaller();
            ReportSeed::insert(
                *installer,
                u"INSERT INTO maintenance_requests (building_id, category, priority, description, "
                "reported_at, due_at, created_by, updated_by) SELECT min(id), 'locks', 'emergency', "
                "'door', ?, ?, 'x', 'x' FROM buildings"_s,
                {ReportSeed::t(*installer, ReportSeed::local(2026, 1, 5, 9)),
                 ReportSeed::t(*installer, ReportSeed::local(2026, 1, 5, 17))});
        }
        for (int i = 0; i < 5; ++i)
            QVERIFY(Events::publishRecordsChanged(*other, u"maintenance_requests"_s));
        QTRY_VERIFY_WITH_TIMEOUT(text(h, u"maintenanceCounts"_s).contains(u"2 overdue in all"_s),
                                 WindowHarness::kTimeoutMs);

        // A click on a figure: the page behind it, and the window's signal.
        QSignalSpy links(h.window.get(), &MainWindow::dashboardLinkActivated);
        auto *freeBeds = h.child<QLabel>(u"freeBedsCount"_s);
        Q_EMIT freeBeds->linkActivated(u"free-beds:"_s);
        auto *sidebar = h.child<QListWidget>(u"sidebar"_s);
        QCOMPARE(sidebar->currentItem()->text(), u"Free beds"_s);
        auto *maintenance = h.child<QLabel>(u"maintenanceCounts"_s);
        Q_EMIT maintenance->linkActivated(u"maintenance:overdue&priority=emergency"_s);
        QCOMPARE(links.count(), 2);
        QCOMPARE(links.at(1).at(0).toString(), u"maintenance"_s);
        const QVariantMap filter = links.at(1).at(1).toMap();
        QCOMPARE(filter.value(u"priority"_s).toString(), u"emergency"_s);
        QCOMPARE(filter.value(u"overdue"_s).toBool(), true);
        // The Maintenance page, showing what the figure counted.
        QCOMPARE(sidebar->currentItem()->text(), u"Maintenance"_s);
        QCOMPARE(h.child<QComboBox>(u"maintenancePriorityFilter"_s)->currentData().toInt(),
                 int(Maintenance::Priority::Emergency));
        QVERIFY(h.child<QCheckBox>(u"maintenanceOverdueFilter"_s)->isChecked());
    }
};

QTEST_MAIN(TestDashboardGui)
#include "tst_dashboardgui.moc"
