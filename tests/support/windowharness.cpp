#include "tests/support/windowharness.h"

#include "models/db/connectionmonitor.h"
#include "models/db/dbexecutor.h"
#include "models/db/events.h"
#include "tasks/taskcatalog.h"
#include "ui/mainwindow.h"
#include "ui/windowservices.h"

#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

WindowHarness::WindowHarness() = default;

WindowHarness::~WindowHarness()
{
    if (engine && engine->isStarted()) {
        // As the application does on quit: running jobs stop at a checkpoint.
        QSignalSpy stopped(engine.get(), &JobEngine::stopped);
        engine->stop();
        stopped.wait(engine->options().shutdownGraceMs + 2000);
    }
    window.reset();
    engine.reset();
    events.reset();
    monitor.reset();
    if (executor)
        executor->waitForDone();
    executor.reset();
}

Actor WindowHarness::tester()
{
    // On PostgreSQL the window signs in as the test administrator, and the database
    // knows it by that login.
    return TestDatabase::actorFor(TestDatabase::Person::Admin, u"tester"_s, Actor::Role::Admin);
}

JobEngineOptions WindowHarness::testEngineOptions(int concurrency)
{
    JobEngineOptions options;
    options.concurrency = concurrency;
    options.pollIntervalMs = 200;
    options.shutdownGraceMs = 5000;
    options.runRecurring = false;
    return options;
}

bool WindowHarness::createServices(QString *error, std::optional<JobEngineOptions> engineOptions)
{
    if (!t && !database) {
        t = TestDatabase::create(error);
        if (!t)
            return false;
    }
    Database &db = database ? *database : t->db();
    executor = std::make_unique<DbExecutor>(db);
    monitor = std::make_unique<ConnectionMonitor>(*executor);
    TaskCatalog::registerAll(tasks);
    events = std::make_unique<EventBus>(db);
    if (engineOptions) {
        engine = std::make_unique<JobEngine>(db, tasks, *engineOptions);
        engine->setEventBus(events.get());
    }
    return true;
}

bool WindowHarness::openWindow(QString *error, const std::function<void(MainWindow &)> &beforeShow)
{
    window = std::make_unique<MainWindow>(WindowServices{.executor = *executor,
                                                         .monitor = *monitor,
                                                         .events = *events,
                                                         .engine = engine.get(),
                                                         .tasks = tasks,
                                                         .actor = actor,
                                                         .diagnostics = diagnostics});
    if (beforeShow)
        beforeShow(*window);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get())) {
        *error = u"window not exposed"_s;
        return false;
    }
    // As the composition root does once the schema is migrated.
    events->start();
    if (!QTest::qWaitFor([&] { return events->isListening(); }, kTimeoutMs)) {
        *error = u"the event bus is not listening"_s;
        return false;
    }
    if (engine)
        engine->start();
    window->start();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get())) {
        *error = u"window not active"_s;
        return false;
    }
    return true;
}

bool WindowHarness::start(QString *error, std::optional<JobEngineOptions> engineOptions)
{
    return createServices(error, std::move(engineOptions)) && openWindow(error);
}

bool WindowHarness::openOnResidents(QString *error)
{
    std::unique_ptr<QSignalSpy> shown;
    const bool opened = openWindow(error, [&](MainWindow &w) {
        w.findChild<QListWidget *>(u"sidebar"_s)->setCurrentRow(3); // Residents
        shown = std::make_unique<QSignalSpy>(&w, &MainWindow::residentsShown);
    });
    if (!opened)
        return false;
    if (!QTest::qWaitFor([&] { return shown->count() == 1; }, kTimeoutMs)) {
        *error = u"residentsShown() not emitted"_s;
        return false;
    }
    return true;
}

bool WindowHarness::showPage(const QString &title)
{
    auto *sidebar = child<QListWidget>(u"sidebar"_s);
    const QList<QListWidgetItem *> items =
        sidebar ? sidebar->findItems(title, Qt::MatchExactly) : QList<QListWidgetItem *>();
    if (items.isEmpty())
        return false;
    sidebar->setCurrentItem(items.first());
    return true;
}
