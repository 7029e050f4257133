#pragma once

#include "models/core/actor.h"
#include "models/db/connectionmonitor.h"
#include "models/db/dbexecutor.h"
#include "models/db/events.h"
#include "tasks/jobengine.h"
#include "tasks/taskregistry.h"
#include "tests/support/testdatabase.h"
#include "ui/mainwindow.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>

// The real main window over real services, for GUI tests (offscreen, on the backend
// of RESIDESK_TEST_BACKEND): it builds what the composition root builds, in the same
// order, and tears it down in reverse — the engine stopped as on quit (running jobs
// reach a checkpoint), then the window, the bus and the executor's threads.
//
// GUI thread only; one per test function. The members are public so that a test can
// reach the database or the engine directly (seed rows, enqueue jobs, count rows).
//
//     WindowHarness h;
//     QString error;
//     QVERIFY2(h.start(&error), qPrintable(error));   // database, services, window
//     h.showPage(u"Residents"_s);
//     auto *table = h.child<QTableView>(u"recordTable"_s);
class WindowHarness
{
public:
    static constexpr int kTimeoutMs = 60000;

    WindowHarness();
    ~WindowHarness();
    WindowHarness(const WindowHarness &) = delete;
    WindowHarness &operator=(const WindowHarness &) = delete;

    // The user the window runs as (an administrator, so every action is allowed).
    static Actor tester();
    // An engine as tests want it: one or more jobs at once, quick polling, no
    // recurring jobs (they would add jobs the test did not ask for).
    static JobEngineOptions testEngineOptions(int concurrency = 1);

    // A fresh test database (unless `t` is already set, e.g. seeded by the test), the
    // executor, the connection monitor, every task kind, the event bus and — when
    // `engine` is given — a job engine. No window yet.
    bool createServices(QString *error, std::optional<JobEngineOptions> engine = testEngineOptions());
    // The window over those services: `beforeShow` may pick a page or connect spies;
    // then shown, exposed, the event bus listening, the engine and the window started,
    // and the window active.
    bool openWindow(QString *error, const std::function<void(MainWindow &)> &beforeShow = {});
    // Both, as most tests want them.
    bool start(QString *error, std::optional<JobEngineOptions> engine = testEngineOptions());
    // The window as `residesk --diagnostics` opens it (Tools ▸ Run diagnostic job);
    // set before openWindow().
    bool diagnostics = false;
    // Opens the window on its Residents page and waits until its first rows are shown.
    bool openOnResidents(QString *error);

    // Selects the sidebar page with this (translated) title; false if there is none.
    bool showPage(const QString &title);
    template<class T> T *child(const QString &objectName) const;

    Actor actor = tester(); // who the window runs as (set before openWindow)
    std::unique_ptr<TestDatabase> t;
    // When set before createServices(): the services use this Database (a person signed
    // in through the sign-in dialog, say) instead of t->db(). Owned by the test.
    Database *database = nullptr;
    std::unique_ptr<DbExecutor> executor;
    std::unique_ptr<ConnectionMonitor> monitor;
    TaskRegistry tasks;
    std::unique_ptr<EventBus> events;
    std::unique_ptr<JobEngine> engine;
    std::unique_ptr<MainWindow> window;
};

template<class T> T *WindowHarness::child(const QString &objectName) const
{
    return window ? window->findChild<T *>(objectName) : nullptr;
}
