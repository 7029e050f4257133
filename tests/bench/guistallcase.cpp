#include "tests/bench/guistallcase.h"

#include "models/core/actor.h"
#include "models/db/connectionmonitor.h"
#include "models/db/database.h"
#include "models/db/dbexecutor.h"
#include "models/db/migrator.h"
#include "models/db/events.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "tasks/taskcatalog.h"
#include "tasks/taskregistry.h"
#include "tests/bench/benchdatabase.h"
#include "tests/bench/benchstats.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCoroFuture>
#include <QCoroSignal>
#include <QCoroTask>
#include <QElapsedTimer>
#include <QProcess>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <ctime>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

constexpr int kResidents = 100000;
constexpr int kMeasureMs = 4000;
// After the residents page shows, the window paints it and settles before the jobs
// start: that first paint is residents_100k_first_window's business, not this case's.
constexpr int kSettleMs = 1000;
constexpr int kTimeoutMs = 180000;

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// The gaps between the ticks of a 1 ms timer on the GUI thread, with the CPU time the
// thread used: a long gap with little CPU time in it was a wait for a core (a loaded
// machine), not work on the GUI thread.
struct StallMeter
{
    QTimer timer;
    QElapsedTimer clock;
    qint64 lastNs = 0;
    qint64 longestNs = 0;
    qint64 lastCpuNs = 0;
    qint64 firstCpuNs = 0;
    qint64 longestCpuNs = 0; // CPU time of the GUI thread within the longest gap
    int ticks = 0;

    void start()
    {
        timer.setTimerType(Qt::PreciseTimer);
        timer.setInterval(1);
        QObject::connect(&timer, &QTimer::timeout, &timer, [this] {
            const qint64 now = clock.nsecsElapsed();
            const qint64 cpu = threadCpuNs();
            if (now - lastNs > longestNs) {
                longestNs = now - lastNs;
                longestCpuNs = cpu - lastCpuNs;
            }
            lastNs = now;
            lastCpuNs = cpu;
            ++ticks;
        });
        clock.start();
        lastNs = 0;
        lastCpuNs = firstCpuNs = threadCpuNs();
        timer.start();
    }
};

// With RESIDESK_STALL_TRACE=1 the child names every event that kept the GUI thread
// busy for more than 5 ms, by QEvent::Type (what to look at when the figure goes up;
// 77 is UpdateRequest, painting; 180 a future's result, a co_await resuming).
class TracingApplication : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!m_trace || m_depth > 0)
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer timer;
        timer.start();
        const qint64 cpu = threadCpuNs();
        const int type = event->type();
        const QByteArray what =
            receiver->metaObject()->className() + QByteArray(" ") + receiver->objectName().toUtf8();
        const bool result = QApplication::notify(receiver, event);
        --m_depth;
        if (const qint64 ns = timer.nsecsElapsed(); ns > 5000000)
            std::fprintf(stderr, "child: %.1f ms (%.1f ms on the CPU) in event %d to %s\n", double(ns) / 1e6,
                         double(threadCpuNs() - cpu) / 1e6, type, what.constData());
        return result;
    }

private:
    const bool m_trace = qEnvironmentVariableIntValue("RESIDESK_STALL_TRACE") == 1;
    int m_depth = 0;
};

QList<JobRequest> jobMix()
{
    QList<JobRequest> mix;
    auto add = [&mix](const QString &kind, const QJsonObject &payload) {
        JobRequest request;
        request.kind = kind;
        request.payload = payload;
        request.notifyCreator = true;
        mix.append(request);
    };
    for (int i = 0; i < 3; ++i)
        add(u"diag.cpu"_s, {{u"steps"_s, 40}, {u"work"_s, 4000}});
    for (int i = 0; i < 2; ++i)
        add(u"diag.sleep"_s, {{u"steps"_s, 40}, {u"ms"_s, 50}});
    add(u"diag.fail"_s, {{u"message"_s, u"gui_max_stall: failing on purpose"_s}, {u"retryable"_s, false}});
    add(u"diag.noop"_s, {});
    return mix;
}

// The child: migrate, start the bus, the engine and the window as the application does.
QCoro::Task<> startWindow(DbExecutor &executor, EventBus &events, JobEngine &engine, MainWindow &window)
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
    events.start();
    if (!events.isListening())
        co_await qCoro(&events, &EventBus::listening);
    engine.start();
    window.start();
}

// The child, once the residents page shows: enqueue the mix, measure, report, stop.
QCoro::Task<> measure(DbExecutor &executor, JobEngine &engine, StallMeter &meter, Actor actor)
{
    auto future = executor.write([actor](Database &db) -> Result<int> {
        int count = 0;
        for (const JobRequest &request : jobMix()) {
            const Result<EnqueueResult> queued = JobStore(db).enqueue(request, actor);
            if (!queued)
                return queued.error();
            ++count;
        }
        return count;
    });
    const Result<int> queued = co_await future;
    if (!queued) {
        std::fprintf(stderr, "child: enqueue failed: %s\n", qPrintable(queued.error().text()));
        QCoreApplication::exit(2);
        co_return;
    }
    engine.wake();
    meter.start();
    if (qEnvironmentVariableIntValue("RESIDESK_STALL_TRACE") == 1) {
        timespec ts{};
        clock_gettime(CLOCK_MONOTONIC, &ts);
        std::fprintf(stderr, "child: measuring from monotonic %ld.%09ld s\n", long(ts.tv_sec),
                     long(ts.tv_nsec));
    }
    QTimer::singleShot(kMeasureMs, &engine, [&engine, &meter] {
        meter.timer.stop();
        std::printf("stall_ms=%.2f ticks=%d stall_cpu_ms=%.2f gui_cpu_ms=%.1f\n",
                    double(meter.longestNs) / 1e6, meter.ticks, double(meter.longestCpuNs) / 1e6,
                    double(threadCpuNs() - meter.firstCpuNs) / 1e6);
        std::fflush(stdout);
        QObject::connect(&engine, &JobEngine::stopped, qApp, [] { QCoreApplication::exit(0); });
        QTimer::singleShot(engine.options().shutdownGraceMs + 2000, qApp, [] { QCoreApplication::exit(0); });
        engine.stop();
    });
}

// The parent, before each run: what an earlier run left queued is cancelled.
bool cancelLeftovers(const QString &url, QString *error)
{
    const Result<DatabaseConfig> config = DatabaseConfig::parse(url);
    if (!config) {
        *error = config.error().message;
        return false;
    }
    Database db(config.value());
    JobStore store(db);
    for (JobState state : {JobState::Queued, JobState::Running}) {
        JobStore::ListFilter filter;
        filter.state = state;
        filter.limit = 10000;
        const Result<QList<Job>> jobs = store.list(filter);
        if (!jobs) {
            *error = jobs.error().text();
            return false;
        }
        for (const Job &job : jobs.value())
            store.requestCancel(job.id);
    }
    db.closeThreadConnection();
    return true;
}

struct Sample
{
    double stallMs = -1;
    int ticks = 0;
    double stallCpuMs = 0; // the GUI thread's CPU time within the longest stall
    double guiCpuMs = 0;   // … and over the whole measurement
};

Sample runChild(const QString &url, QString *error)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(u"QT_QPA_PLATFORM"_s))
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QCoreApplication::applicationFilePath(), {u"--child-gui-stall"_s, url});
    Sample sample;
    QByteArray buffer;
    while (sample.stallMs < 0) {
        if (!process.waitForReadyRead(kTimeoutMs)) {
            *error = u"the child did not report its stall (%1)"_s.arg(process.errorString());
            process.kill();
            process.waitForFinished();
            return {};
        }
        buffer += process.readAllStandardOutput();
        const qsizetype at = buffer.indexOf("stall_ms=");
        const qsizetype end = at >= 0 ? buffer.indexOf('\n', at) : -1;
        if (end > at) {
            const QList<QByteArray> fields = buffer.mid(at, end - at).split(' ');
            sample.stallMs = fields.value(0).mid(qstrlen("stall_ms=")).toDouble();
            sample.ticks = fields.value(1).mid(qstrlen("ticks=")).toInt();
            sample.stallCpuMs = fields.value(2).mid(qstrlen("stall_cpu_ms=")).toDouble();
            sample.guiCpuMs = fields.value(3).mid(qstrlen("gui_cpu_ms=")).toDouble();
        }
    }
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
    }
    return sample;
}

} // namespace

int GuiStallCase::child(int argc, char **argv, const QString &url)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TracingApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Residesk"_s);
    QCoreApplication::setApplicationName(u"residesk-bench"_s);

    const Result<DatabaseConfig> config = DatabaseConfig::parse(url);
    if (!config) {
        std::fprintf(stderr, "child: %s\n", qPrintable(config.error().message));
        return 2;
    }
    // In the composition root's order (destroyed in reverse).
    Database database(config.value());
    DbExecutor executor(database);
    ConnectionMonitor monitor(executor);
    TaskRegistry tasks;
    TaskCatalog::registerAll(tasks);
    EventBus events(database);
    JobEngineOptions options = JobEngineOptions::desktop(); // as the application runs it
    options.runRecurring = false;
    options.shutdownGraceMs = 3000;
    JobEngine engine(database, tasks, options);
    engine.setEventBus(&events);
    const Actor actor = Actor::systemUser();
    MainWindow window({.executor = executor,
                       .monitor = monitor,
                       .events = events,
                       .engine = &engine,
                       .tasks = tasks,
                       .actor = actor});
    StallMeter meter;
    bool measuring = false;
    QObject::connect(&window, &MainWindow::residentsShown, &app, [&] {
        if (std::exchange(measuring, true))
            return;
        QTimer::singleShot(kSettleMs, &engine,
                           [&executor, &engine, &meter, actor] { measure(executor, engine, meter, actor); });
    });
    QTimer::singleShot(kTimeoutMs, &app, [] {
        std::fprintf(stderr, "child: no result within %d ms\n", kTimeoutMs);
        QCoreApplication::exit(3);
    });
    window.show();
    QTimer::singleShot(0, &window, [&] { startWindow(executor, events, engine, window); });
    const int code = app.exec();
    executor.waitForDone();
    return code;
}

int GuiStallCase::run(const BenchOptions &options)
{
    BenchDatabase db;
    QString error;
    if (!db.prepare(options.databaseUrl, kResidents, &error)) {
        std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
        return 1;
    }
    BenchStats stall{name(), u"ms"_s, {}};
    for (int i = -1; i < options.runs; ++i) { // run -1 is the warm-up
        if (!cancelLeftovers(db.url(), &error)) {
            std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
            return 1;
        }
        const Sample sample = runChild(db.url(), &error);
        if (sample.stallMs < 0) {
            std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
            return 1;
        }
        if (!options.json)
            std::fprintf(
                stderr,
                "%s longest stall %.2f ms (%.2f ms of it on the CPU); %d ticks and %.0f ms of GUI-thread "
                "CPU in %d ms\n",
                i < 0 ? "warm-up:" : "run:", sample.stallMs, sample.stallCpuMs, sample.ticks, sample.guiCpuMs,
                kMeasureMs);
        if (i >= 0)
            stall.samples.append(sample.stallMs);
    }
    cancelLeftovers(db.url(), &error);
    stall.print(options.json);
    return 0;
}
