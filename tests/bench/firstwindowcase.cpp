#include "tests/bench/firstwindowcase.h"

#include "models/core/actor.h"
#include "models/db/connectionmonitor.h"
#include "models/db/database.h"
#include "models/db/dbexecutor.h"
#include "models/db/migrator.h"
#include "models/db/events.h"
#include "tasks/taskregistry.h"
#include "tests/bench/benchdatabase.h"
#include "tests/bench/benchstats.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCoroFuture>
#include <QCoroTask>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTimer>

#include <cstdio>

namespace {

constexpr int kResidents = 100000;
constexpr int kTimeoutMs = 120000;

qint64 rssKib()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

QCoro::Task<> startWindow(DbExecutor &executor, MainWindow &window)
{
    // A named future, not a temporary: GCC 12 destroys temporaries of a co_await
    // expression twice (GCC bug 100611).
    auto future = executor.write([](Database &db) { return Migrator(db).migrate(); });
    const Result<int> migrated = co_await future;
    if (!migrated) {
        std::fprintf(stderr, "child: migration failed: %s\n", qPrintable(migrated.error().message));
        QCoreApplication::exit(2);
        co_return;
    }
    window.start();
}

struct Sample
{
    double ms = -1;
    double rssMiB = -1;
};

Sample runChild(const QString &url, QString *error)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);

    QElapsedTimer timer;
    timer.start();
    process.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child-first-window"), url});
    Sample sample;
    QByteArray buffer;
    while (sample.ms < 0) {
        if (!process.waitForReadyRead(kTimeoutMs)) {
            *error = QStringLiteral("the child did not report its first window (%1)").arg(process.errorString());
            process.kill();
            process.waitForFinished();
            return {};
        }
        buffer += process.readAllStandardOutput();
        const qsizetype at = buffer.indexOf("ready rss_kib=");
        if (at >= 0 && buffer.indexOf('\n', at) > at) {
            sample.ms = double(timer.nsecsElapsed()) / 1e6;
            const QByteArray line = buffer.mid(at, buffer.indexOf('\n', at) - at);
            sample.rssMiB = double(line.mid(int(qstrlen("ready rss_kib="))).toLongLong()) / 1024;
        }
    }
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
    }
    return sample;
}

} // namespace

int FirstWindowCase::child(int argc, char **argv, const QString &url)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Residesk"));
    QCoreApplication::setApplicationName(QStringLiteral("residesk-bench"));

    const Result<DatabaseConfig> config = DatabaseConfig::parse(url);
    if (!config) {
        std::fprintf(stderr, "child: %s\n", qPrintable(config.error().message));
        return 2;
    }
    Database database(config.value());
    DbExecutor executor(database);
    ConnectionMonitor monitor(executor);
    // The window's job and event services, idle here: this case measures the first rows.
    TaskRegistry tasks;
    EventBus events(database);
    MainWindow window({.executor = executor,
                       .monitor = monitor,
                       .events = events,
                       .engine = nullptr,
                       .tasks = tasks,
                       .actor = Actor::systemUser()});
    QObject::connect(&window, &MainWindow::residentsShown, &app, [] {
        std::printf("ready rss_kib=%lld\n", static_cast<long long>(rssKib()));
        std::fflush(stdout);
        QCoreApplication::exit(0);
    });
    QTimer::singleShot(kTimeoutMs, &app, [] {
        std::fprintf(stderr, "child: no residentsShown() within %d ms\n", kTimeoutMs);
        QCoreApplication::exit(3);
    });
    window.show();
    QTimer::singleShot(0, &window, [&executor, &window] { startWindow(executor, window); });
    const int code = app.exec();
    executor.waitForDone();
    return code;
}

int FirstWindowCase::run(const BenchOptions &options)
{
    BenchDatabase db;
    QString error;
    if (!db.prepare(options.databaseUrl, kResidents, &error)) {
        std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
        return 1;
    }
    BenchStats time{name(), QStringLiteral("ms"), {}};
    BenchStats rss{name() + QStringLiteral(".rss"), QStringLiteral("MiB"), {}};
    for (int i = -1; i < options.runs; ++i) {   // run -1 is the warm-up
        const Sample sample = runChild(db.url(), &error);
        if (sample.ms < 0) {
            std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
            return 1;
        }
        if (!options.json)
            std::fprintf(stderr, "%s %.1f ms, %.1f MiB\n", i < 0 ? "warm-up:" : "run:", sample.ms, sample.rssMiB);
        if (i >= 0) {
            time.samples.append(sample.ms);
            rss.samples.append(sample.rssMiB);
        }
    }
    rss.print(options.json);
    time.print(options.json);
    return 0;
}
