// The window side of tst_sqliteprocesses: the real main window (offscreen) over real
// services on one SQLite file, with a file dialog showing the database's folder, that
// writes residents through the window's own executor for a while and reports each one
// the database said was committed.
//
//   sqlitewindowwriter URL DURATION_MS LOG [--plain-dialog]
//
// LOG gets one line per outcome: "committed W12", "failed W13 <message>", and at the end
// "hold held|lost|deleted|unknown"; then it ends as if killed (no clean close). --plain-dialog shows Qt's own
// file dialog instead of FileDialogs', to show what the test catches without the fix.
#include "models/core/actor.h"
#include "models/db/connectionmonitor.h"
#include "models/db/database.h"
#include "models/db/databasefileguard.h"
#include "models/db/dbexecutor.h"
#include "models/housing/residentrepository.h"
#include "models/db/events.h"
#include "tasks/jobengine.h"
#include "tasks/taskcatalog.h"
#include "tasks/taskregistry.h"
#include "tests/support/windowharness.h"
#include "ui/mainwindow.h"
#include "ui/widgets/filedialogs.h"
#include "ui/windowservices.h"

#include <QApplication>
#include <QCoroFuture>
#include <QCoroTask>
#include <QCoroTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QPointer>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

QCoro::Task<> writeFor(DbExecutor &executor, int durationMs, QFile &log)
{
    QElapsedTimer elapsed;
    elapsed.start();
    for (int n = 1; elapsed.elapsed() < durationMs; ++n) {
        Resident r;
        r.studentId = u"W%1"_s.arg(n);
        r.firstName = u"Window"_s;
        r.lastName = u"Writer %1"_s.arg(n);
        r.email = u"w%1@example.edu"_s.arg(n);
        auto future = executor.write(
            [r](Database &db) { return ResidentRepository(db, WindowHarness::tester()).create(r); });
        const Result<Resident> created = co_await future;
        const QByteArray line = created ? "committed " + r.studentId.toUtf8() + '\n'
                                        : "failed " + r.studentId.toUtf8() + ' ' +
                                              created.error().message.simplified().toUtf8() + '\n';
        log.write(line);
        log.flush();
        QTimer pause;
        pause.start(15);
        co_await pause;
    }
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: sqlitewindowwriter URL DURATION_MS LOG [--plain-dialog]\n");
        return 2;
    }
    const Result<DatabaseConfig> config = DatabaseConfig::parse(args.at(1));
    if (!config || config->isPostgreSQL()) {
        std::fprintf(stderr, "an sqlite:// URL is needed\n");
        return 2;
    }
    const int durationMs = args.at(2).toInt();
    QFile log(args.at(3));
    if (!log.open(QIODevice::WriteOnly | QIODevice::Append))
        return 1;
    const bool plainDialog = args.contains(u"--plain-dialog"_s);

    Database database(config.value());
    DbExecutor executor(database);
    ConnectionMonitor monitor(executor);
    TaskRegistry tasks;
    TaskCatalog::registerAll(tasks);
    EventBus events(database);
    JobEngine engine(database, tasks, WindowHarness::testEngineOptions());
    engine.setEventBus(&events);
    int code = 0;
    {
        MainWindow window(WindowServices{.executor = executor,
                                         .monitor = monitor,
                                         .events = events,
                                         .engine = &engine,
                                         .tasks = tasks,
                                         .actor = WindowHarness::tester()});
        window.show();
        events.start();
        engine.start();
        window.start();

        // A file dialog on the database's folder, made anew every 700 ms (each new one
        // lists the folder again), as long as the window writes.
        const QString folder = QFileInfo(config->path).absolutePath();
        QPointer<QFileDialog> dialog;
        QTimer reopen;
        const auto showDialog = [&] {
            delete dialog;
            dialog = plainDialog ? new QFileDialog(&window, u"Import residents"_s, folder)
                                 : FileDialogs::create(&window, FileDialogs::Mode::Open,
                                                       u"Import residents"_s, folder, u"All files (*)"_s);
            if (plainDialog)
                dialog->setOption(QFileDialog::DontUseNativeDialog);
            dialog->setViewMode(QFileDialog::Detail); // the Type column is shown too
            dialog->show();
        };
        QObject::connect(&reopen, &QTimer::timeout, &window, showDialog);
        reopen.start(700);
        showDialog();

        QCoro::Task<> writing = writeFor(executor, durationMs, log);
        QCoro::connect(std::move(writing), &app, [&] {
            reopen.stop();
            delete dialog;
            const DatabaseFileGuard::Hold hold = DatabaseFileGuard::hold(config->path);
            log.write(hold == DatabaseFileGuard::Hold::Held         ? "hold held\n"
                      : hold == DatabaseFileGuard::Hold::LocksLost  ? "hold lost\n"
                      : hold == DatabaseFileGuard::Hold::WalDeleted ? "hold deleted\n"
                                                                    : "hold unknown\n");
            log.flush();
            // Killed rather than closed (a crash, a power cut): whatever it reported
            // as committed must be in the file without its help.
            std::_Exit(0);
        });
        code = app.exec();
    }
    executor.waitForDone();
    return code;
}
