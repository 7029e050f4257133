// The jobs and notifications UI driven through the real main window, offscreen, with
// its real job engine and event bus, on SQLite and PostgreSQL: a heavy job mix keeps
// the event loop ticking (a freeze check, not a speed target) while the status bar,
// the jobs dock and the notification centre follow it; a notification opens its job;
// Cancel and Retry from the dock; the progress column naming the counts once; Tools ▸
// Run diagnostic job; and a resident written by another client appears in the open
// residents page by itself.

#include "models/db/dbexecutor.h"
#include "models/housing/residentrepository.h"
#include "models/itemmodels/recordtablemodel.h"
#include "tasks/itemmodels/jobstablemodel.h"
#include "tasks/itemmodels/notificationsmodel.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "tasks/taskregistry.h"
#include "tests/support/windowharness.h"
#include "ui/jobs/jobsdock.h"
#include "ui/mainwindow.h"
#include "ui/notifications/notificationcentre.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QElapsedTimer>
#include <QFrame>
#include <QListView>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QToolButton>

#include <ctime>

using namespace Qt::StringLiterals;

namespace {
constexpr int kTimeout = 30000;
constexpr int kJobsTimeout = 180000;
// A freeze check, not a speed target: a loaded CI machine must still pass.
constexpr qint64 kFreezeMs = 500;

Actor tester()
{
    return WindowHarness::tester();
}

struct Harness : WindowHarness
{
    JobsDock *dock() const { return window->findChild<JobsDock *>(u"jobsDock"_s); }
    NotificationCentre *bell() const
    {
        return window->findChild<NotificationCentre *>(u"notificationCentre"_s);
    }
    QProgressBar *statusProgress() const { return window->findChild<QProgressBar *>(u"jobStatusProgress"_s); }

    qint64 enqueue(const QString &kind, const QJsonObject &payload, int priority = 0)
    {
        JobRequest request;
        request.kind = kind;
        request.payload = payload;
        request.priority = priority;
        request.notifyCreator = true;
        const Result<EnqueueResult> queued = JobStore(t->db()).enqueue(request, tester());
        if (!queued)
            qWarning() << "enqueue failed:" << queued.error().text();
        return queued ? queued->id : 0;
    }

    Result<Job> stored(qint64 id) { return JobStore(t->db()).get(id); }
};

bool activate(QWidget &w)
{
    w.activateWindow();
    return QTest::qWaitForWindowActive(&w);
}

QString cell(JobsTableModel *model, qint64 id, int column)
{
    const int row = model->rowOf(id);
    return row < 0 ? QString() : model->index(row, column).data().toString();
}

// With RESIDESK_SCREENSHOT_DIR set, saves a picture of the widget there.
void screenshot(QWidget *widget, const char *name)
{
    const QString dir = qEnvironmentVariable("RESIDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + QLatin1Char('/') + QLatin1String(name) + u".png"_s);
}

qint64 threadCpuUs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

// Counts the ticks of a 5 ms timer and keeps the longest gap between two of them
// (with the CPU time this thread used in it: a gap with little CPU time means the
// thread was waiting for a core, not busy), and what the window showed meanwhile.
class StallMeter : public QObject
{
public:
    explicit StallMeter(Harness &h)
        : m_h(h)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
    }

    void start()
    {
        m_clock.start();
        m_last = 0;
        m_lastCpu = threadCpuUs();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }

    int ticks = 0;
    qint64 longestGapMs = 0;
    qint64 longestGapCpuMs = 0;
    bool sawStatusProgress = false;
    bool sawProgressText = false;

private:
    void tick()
    {
        const qint64 now = m_clock.elapsed();
        const qint64 cpu = threadCpuUs();
        if (now - m_last > longestGapMs) {
            longestGapMs = now - m_last;
            longestGapCpuMs = (cpu - m_lastCpu) / 1000;
        }
        m_last = now;
        m_lastCpu = cpu;
        ++ticks;
        if (QProgressBar *bar = m_h.statusProgress(); bar && bar->isVisible())
            sawStatusProgress = true;
        if (!sawProgressText) {
            JobsTableModel *model = m_h.dock()->model();
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->index(row, JobsTableModel::ProgressColumn).data().toString().contains(u" of "_s))
                    sawProgressText = true;
            }
        }
    }

    Harness &m_h;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_lastCpu = 0;
};

} // namespace

class TestJobsGui : public QObject
{
    Q_OBJECT

private:
    bool startWindow(Harness &h, bool withEngine, QString *error);

private Q_SLOTS:
    void initTestCase();
    void jobMixThroughTheWindow();
    void diagnosticMenuRunsAJob();
    void residentFromAnotherClientAppears();
};

void TestJobsGui::initTestCase()
{
    QCoreApplication::setOrganizationName(u"Residesk"_s);
    QCoreApplication::setApplicationName(u"Residesk"_s);
}

bool TestJobsGui::startWindow(Harness &h, bool withEngine, QString *error)
{
    std::optional<JobEngineOptions> engine;
    if (withEngine) {
        engine = JobEngineOptions::desktop(); // as the application runs it
        engine->shutdownGraceMs = 5000;
        engine->runRecurring = false;
    }
    return h.createServices(error, engine) && h.openOnResidents(error);
}

void TestJobsGui::jobMixThroughTheWindow()
{
    Harness h;
    QString error;
    QVERIFY2(startWindow(h, true, &error), qPrintable(error));
    MainWindow &w = *h.window;
    JobsDock *dock = h.dock();
    NotificationCentre *bell = h.bell();
    QVERIFY(dock);
    QVERIFY(bell);
    QVERIFY(h.statusProgress());
    QCOMPARE(bell->unreadCount(), 0);
    dock->show();

    // A long wait job first (to cancel while it runs: 6,000 steps of 100 ms, far beyond
    // the test's timeout, so it is still running whenever the test gets to it), a
    // failure, then heavy CPU work and more waiting: two runners, so most of them queue.
    const QString reason = u"The printer is on fire"_s;
    const qint64 longSleep = h.enqueue(u"diag.sleep"_s, {{u"steps"_s, 6000}, {u"ms"_s, 100}}, 10);
    const qint64 failing = h.enqueue(u"diag.fail"_s, {{u"message"_s, reason}, {u"retryable"_s, false}}, 5);
    QList<qint64> others;
    for (int i = 0; i < 4; ++i)
        others << h.enqueue(u"diag.cpu"_s, {{u"steps"_s, 30}, {u"work"_s, 8000}});
    for (int i = 0; i < 2; ++i)
        others << h.enqueue(u"diag.sleep"_s, {{u"steps"_s, 15}, {u"ms"_s, 100}});
    QVERIFY(longSleep > 0 && failing > 0 && !others.contains(0));
    h.engine->wake();

    StallMeter meter(h);
    meter.start();
    QElapsedTimer phase;
    phase.start();

    JobsTableModel *jobs = dock->model();
    const QString cancelled = JobStates::label(JobState::Cancelled);
    const QString failed = JobStates::label(JobState::Failed);

    // The failure reaches the dock with its reason, and the bell.
    QTRY_COMPARE_WITH_TIMEOUT(cell(jobs, failing, JobsTableModel::StateColumn), failed, kJobsTimeout);
    // The event says "failed" and carries the reason.
    QTRY_COMPARE_WITH_TIMEOUT(cell(jobs, failing, JobsTableModel::ErrorColumn), reason, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(bell->unreadCount() >= 1, kTimeout);

    // The long wait job runs with progress: cancel it from the dock.
    QTRY_VERIFY_WITH_TIMEOUT(jobs->rowOf(longSleep) >= 0 &&
                                 jobs->jobAt(jobs->rowOf(longSleep)).state == JobState::Running &&
                                 jobs->jobAt(jobs->rowOf(longSleep)).progressDone >= 2,
                             kJobsTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(!cell(jobs, longSleep, JobsTableModel::RemainingColumn).isEmpty(), kTimeout);
    screenshot(&w, "jobs-running");
    dock->showJob(longSleep);
    QTRY_COMPARE_WITH_TIMEOUT(dock->currentJob().id, longSleep, kTimeout);
    auto *cancelButton = dock->findChild<QToolButton *>(u"jobsCancelButton"_s);
    QVERIFY(cancelButton);
    QTRY_VERIFY_WITH_TIMEOUT(cancelButton->isEnabled(), kTimeout);
    QTest::mouseClick(cancelButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(cell(jobs, longSleep, JobsTableModel::StateColumn), cancelled, kTimeout);
    QCOMPARE(cell(jobs, longSleep, JobsTableModel::ErrorColumn), QString()); // never an error

    // Everything else ends; the window kept ticking all along. The progress column says
    // the counts once ("30 of 30", not "30 of 30 — step 30 of 30").
    for (qint64 id : std::as_const(others)) {
        QTRY_COMPARE_WITH_TIMEOUT(cell(jobs, id, JobsTableModel::StateColumn),
                                  JobStates::label(JobState::Succeeded), kJobsTimeout);
        const int steps = others.indexOf(id) < 4 ? 30 : 15;
        QTRY_COMPARE_WITH_TIMEOUT(cell(jobs, id, JobsTableModel::ProgressColumn), u"%1 of %1"_s.arg(steps),
                                  kTimeout);
    }
    meter.stop();
    qInfo("event loop: %d ticks in %.1f s, longest gap %lld ms (%lld ms of it on the CPU)", meter.ticks,
          double(phase.elapsed()) / 1000, static_cast<long long>(meter.longestGapMs),
          static_cast<long long>(meter.longestGapCpuMs));
    QVERIFY2(meter.ticks > 100, qPrintable(u"only %1 ticks"_s.arg(meter.ticks)));
    QVERIFY2(meter.longestGapMs < kFreezeMs,
             qPrintable(u"the event loop stalled %1 ms"_s.arg(meter.longestGapMs)));
    QVERIFY(meter.sawStatusProgress);
    QVERIFY(meter.sawProgressText);
    QTRY_VERIFY_WITH_TIMEOUT(!h.statusProgress()->isVisible(), kTimeout); // nothing runs any more

    // One notification per finished job (the cancelled one included); the failure's carries its reason.
    QTRY_COMPARE_WITH_TIMEOUT(bell->unreadCount(), 2 + int(others.size()), kTimeout);
    NotificationsModel *inbox = bell->model();
    int failureRow = -1;
    for (int row = 0; row < inbox->rowCount(); ++row) {
        if (inbox->notificationAt(row).jobId == failing)
            failureRow = row;
    }
    QVERIFY(failureRow >= 0);
    const Notification failure = inbox->notificationAt(failureRow);
    QVERIFY2(failure.body.contains(reason), qPrintable(failure.body));
    QCOMPARE(failure.readAt, 0);

    // Clicking it shows the dock at the failed job and marks it read.
    dock->hide();
    QVERIFY(activate(w));
    QTest::mouseClick(bell, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(bell->popup()->isVisible(), kTimeout);
    screenshot(bell->popup(), "notifications");
    QListView *list = bell->list();
    const QModelIndex index = inbox->index(inbox->rowOf(failure.id));
    list->scrollTo(index);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
    QTRY_VERIFY_WITH_TIMEOUT(!bell->popup()->isVisible(), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(dock->isVisible(), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(dock->currentJob().id, failing, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(bell->unreadCount(), 1 + int(others.size()), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(h.stored(failing).ok(), kTimeout);
    // Marking it read is an asynchronous write: wait for it to land.
    const auto storedAsRead = [&] {
        const Result<QList<Notification>> stored = NotificationStore(h.t->db()).list(tester().username);
        if (!stored.ok())
            return false;
        for (const Notification &n : stored.value()) {
            if (n.id == failure.id && n.readAt > 0)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(storedAsRead(), kTimeout);

    // Retry from the dock: the job is queued again (and, failing on purpose, fails again).
    QSignalSpy events(h.events.get(), &EventBus::jobEvent);
    auto *retryButton = dock->findChild<QToolButton *>(u"jobsRetryButton"_s);
    QVERIFY(retryButton);
    QTRY_VERIFY_WITH_TIMEOUT(retryButton->isEnabled(), kTimeout);
    QVERIFY(!dock->findChild<QToolButton *>(u"jobsCancelButton"_s)->isEnabled());
    QTest::mouseClick(retryButton, Qt::LeftButton);
    auto queuedAgain = [&] {
        for (const QList<QVariant> &args : std::as_const(events)) {
            const QJsonObject event = args.constFirst().toJsonObject();
            if (event.value(u"id"_s).toInteger() == failing &&
                event.value(u"state"_s).toString() == u"queued")
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(queuedAgain(), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(h.stored(failing).ok() && h.stored(failing)->state == JobState::Failed &&
                                 h.stored(failing)->attempts == 1,
                             kJobsTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(cell(jobs, failing, JobsTableModel::StateColumn), failed, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(bell->unreadCount(), 2 + int(others.size()), kTimeout);

    // Open result: a read-only dialog with the error.
    dock->showJob(failing);
    QTRY_COMPARE_WITH_TIMEOUT(dock->currentJob().id, failing, kTimeout);
    dock->findChild<QAction *>(u"jobsOpenResultAction"_s)->trigger();
    QDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (dialog = dock->findChild<QDialog *>(u"jobResultDialog"_s)) && dialog->isVisible(), kTimeout);
    QVERIFY(dialog->findChild<QWidget *>(u"jobResultText"_s));
    dialog->close();
    QVERIFY(!w.findChild<QWidget *>(u"jobActionFailedBox"_s));
}

void TestJobsGui::diagnosticMenuRunsAJob()
{
    Harness h;
    QString error;
    h.diagnostics = true; // residesk --diagnostics
    QVERIFY2(startWindow(h, true, &error), qPrintable(error));
    MainWindow &w = *h.window;
    auto *action = w.findChild<QAction *>(u"actionDiagFail"_s);
    QVERIFY(action);
    action->trigger();
    JobsDock *dock = h.dock();
    QTRY_VERIFY_WITH_TIMEOUT(dock->isVisible(), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(dock->currentJob().id > 0, kTimeout);
    const qint64 id = dock->currentJob().id;
    QCOMPARE(dock->currentJob().kind, u"diag.fail"_s);
    QTRY_COMPARE_WITH_TIMEOUT(cell(dock->model(), id, JobsTableModel::StateColumn),
                              JobStates::label(JobState::Failed), kJobsTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(!cell(dock->model(), id, JobsTableModel::ErrorColumn).isEmpty(), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(h.bell()->unreadCount(), 1, kTimeout);
    const Result<Job> stored = h.stored(id);
    QVERIFY(stored.ok());
    QCOMPARE(stored->createdBy, tester().username);
    QVERIFY(stored->notifyCreator);

    // The dock's filter shows only the failed ones.
    auto *filter = dock->findChild<QComboBox *>(u"jobsStateFilter"_s);
    QVERIFY(filter);
    filter->setCurrentIndex(filter->findData(int(JobState::Succeeded)));
    QTRY_COMPARE_WITH_TIMEOUT(dock->model()->rowCount(), 0, kTimeout);
    filter->setCurrentIndex(filter->findData(int(JobState::Failed)));
    QTRY_COMPARE_WITH_TIMEOUT(dock->model()->rowCount(), 1, kTimeout);

    // Ctrl+J hides and shows the dock.
    QVERIFY(activate(w));
    QTest::keyClick(&w, Qt::Key_J, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!dock->isVisible(), kTimeout);
    QTest::keyClick(&w, Qt::Key_J, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(dock->isVisible(), kTimeout);
}

void TestJobsGui::residentFromAnotherClientAppears()
{
    Harness h;
    QString error;
    QVERIFY2(startWindow(h, false, &error), qPrintable(error));
    MainWindow &w = *h.window;
    QWidget *page = w.findChild<QWidget *>(u"residentsPage"_s);
    QVERIFY(page);
    auto *view = page->findChild<QTableView *>(u"tableView"_s);
    QVERIFY(view);
    QCOMPARE(view->model()->rowCount(), 0);

    // On PostgreSQL another desktop is another Database (its NOTIFY reaches this
    // window's listener). On SQLite events are in-process, per Database: the other
    // writer is this process's own Database used outside the window (as a job does).
    const bool pg = h.t->db().isPostgreSQL();
    std::unique_ptr<Database> another = pg ? h.t->openAnother() : nullptr;
    Database &writerDb = pg ? *another : h.t->db();
    auto add = [&](const QString &studentId, const QString &first) {
        Resident r;
        r.studentId = studentId;
        r.firstName = first;
        r.lastName = u"Other"_s;
        r.email = studentId.toLower() + u"@example.edu"_s;
        return ResidentRepository(writerDb, tester()).create(r);
    };

    const Result<Resident> first = add(u"S9001"_s, u"Ada"_s);
    QVERIFY2(first.ok(), qPrintable(first.error().text()));
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, 5000);

    // The current row stays current when the page refreshes by itself.
    view->setCurrentIndex(view->model()->index(0, 0));
    const Result<Resident> second = add(u"S9002"_s, u"Bea"_s);
    QVERIFY2(second.ok(), qPrintable(second.error().text()));
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 2, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(view->currentIndex().data(RecordTableModel::IdRole).toLongLong(), first->id,
                              5000);
    if (another)
        another->closeThreadConnection();
}

QTEST_MAIN(TestJobsGui)
#include "tst_jobsgui.moc"
