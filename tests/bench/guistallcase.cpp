#include "tests/bench/guistallcase.h"

#include "models/core/actor.h"
#include "models/db/connectionmonitor.h"
#include "models/db/database.h"
#include "models/db/dbexecutor.h"
#include "models/db/events.h"
#include "models/db/migrator.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/lab/clientrepository.h"
#include "models/lab/protocolrepository.h"
#include "models/lab/reportrepository.h"
#include "tasks/bulk/bulktasks.h"
#include "tasks/import/importtasks.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "tasks/lab/labservices.h"
#include "tasks/lab/reportfinalizer.h"
#include "tasks/pdf/pdfcache.h"
#include "tasks/pdf/pdfrenderer.h"
#include "tasks/taskcatalog.h"
#include "tasks/taskregistry.h"
#include "tests/bench/benchdatabase.h"
#include "tests/bench/benchstats.h"
#include "tests/bench/importresidentscase.h"
#include "tests/bench/threadtimes.h"
#include "tests/support/bulkfixtures.h"
#include "ui/lab/labui.h"
#include "ui/lab/protocolspage.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCoroFuture>
#include <QCoroSignal>
#include <QCoroTask>
#include <QCoroTimer>
#include <QElapsedTimer>
#include <QListWidget>
#include <QProcess>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

constexpr int kResidents = 100000;
constexpr int kProtocols = 10000;
constexpr int kReports = 100;
constexpr int kImportRows = 100000;
constexpr int kResultRows = 20; // per draft
// After the residents load, the window paints and settles before the work is queued:
// its first paint is residents_100k_first_window's business, not this case's.
constexpr int kSettleMs = 1000;
// The longest a run measures; what is still pending then is reported.
constexpr int kMeasureCapMs = 170000;
constexpr int kTimeoutMs = kMeasureCapMs + 120000;
// The kinds this case queues; the engine runs only these (no mail is sent here).
const QStringList kKinds{u"protocols.transition"_s, u"report.finalize"_s, u"residents.import"_s};

double scale()
{
    const double s = qEnvironmentVariable("RESIDESK_STALL_SCALE").toDouble();
    return s > 0 && s <= 1 ? s : 1;
}

int scaled(int count)
{
    return qMax(1, int(count * scale()));
}

qint64 threadCpuNs()
{
    return ThreadTimes::now().cpuNs;
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
    std::vector<qint64> gapsNs;

    void start()
    {
        gapsNs.reserve(kMeasureCapMs + 1000);
        timer.setTimerType(Qt::PreciseTimer);
        timer.setInterval(1);
        QObject::connect(&timer, &QTimer::timeout, &timer, [this] {
            const qint64 now = clock.nsecsElapsed();
            const qint64 cpu = threadCpuNs();
            if (now - lastNs > longestNs) {
                longestNs = now - lastNs;
                longestCpuNs = cpu - lastCpuNs;
            }
            gapsNs.push_back(now - lastNs);
            lastNs = now;
            lastCpuNs = cpu;
        });
        clock.start();
        lastNs = 0;
        lastCpuNs = firstCpuNs = threadCpuNs();
        timer.start();
    }

    double p99Ms()
    {
        if (gapsNs.empty())
            return 0;
        std::vector<qint64> sorted = gapsNs;
        const size_t at = std::min(sorted.size() - 1, size_t(double(sorted.size()) * 0.99));
        std::nth_element(sorted.begin(), sorted.begin() + qsizetype(at), sorted.end());
        return double(sorted[at]) / 1e6;
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

struct Work
{
    QString csv;
    qint64 clientId = 0;
    QList<qint64> reportIds;
};

// The child: migrate, start the bus, warm the renderer up, start the engine and the
// window, as GuiApplication's startUp does.
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
    PdfRenderer::warmUp();
    engine.start();
    window.start();
}

// The child, once the window has settled: queue the three pieces of work as the
// window's actions do (each its own write), measure until all of their jobs ended,
// report, stop.
QCoro::Task<> measure(DbExecutor &executor, JobEngine &engine, StallMeter &meter, Actor actor, Work work)
{
    // Protocols ▸ Receive with nothing selected: everything the filter matches.
    ProtocolFilter filter;
    filter.clientId = work.clientId;
    filter.state = Protocol::State::Submitted;
    auto bulk = executor.write([actor, filter](Database &db) -> Result<int> {
        const Result<BulkTasks::Queued> queued = BulkTasks::enqueueTransition(
            db, actor, BulkTasks::transitionRequest(Protocol::State::Received, filter));
        if (!queued)
            return queued.error();
        return 1;
    });
    // Finalize in each report editor.
    auto finalize = executor.write([actor, ids = work.reportIds](Database &db) -> Result<int> {
        for (qint64 id : ids) {
            const Result<Report> report = ReportRepository(db, actor).get(id);
            if (!report)
                return report.error();
            if (const auto queued = ReportFinalizer(db, actor).enqueue(id, report->version); !queued)
                return queued.error();
        }
        return int(ids.size());
    });
    // File ▸ Import residents….
    auto import = executor.write([actor, csv = work.csv](Database &db) -> Result<int> {
        if (const auto queued = JobStore(db).enqueue(ImportTasks::residentsRequest(csv, false), actor);
            !queued)
            return queued.error();
        return 1;
    });
    const Result<int> bulkQueued = co_await bulk;
    const Result<int> finalizeQueued = co_await finalize;
    const Result<int> importQueued = co_await import;
    for (const Result<int> *queued : {&bulkQueued, &finalizeQueued, &importQueued}) {
        if (!*queued) {
            std::fprintf(stderr, "child: enqueue failed: %s\n", qPrintable(queued->error().text()));
            QCoreApplication::exit(2);
            co_return;
        }
    }
    engine.wake();
    meter.start();
    if (qEnvironmentVariableIntValue("RESIDESK_STALL_TRACE") == 1) {
        timespec ts{};
        clock_gettime(CLOCK_MONOTONIC, &ts);
        std::fprintf(stderr, "child: measuring from monotonic %ld.%09ld s\n", long(ts.tv_sec),
                     long(ts.tv_nsec));
    }
    // Until every job of this work has ended (asked on the read pool, four times a second).
    qint64 pending = -1;
    while (pending != 0 && meter.clock.elapsed() < kMeasureCapMs) {
        QTimer tick;
        tick.setSingleShot(true);
        tick.start(250);
        co_await tick;
        auto counted = executor.read([](Database &db) -> Result<qint64> {
            SqlStatement st(db, u"SELECT COUNT(*) FROM jobs WHERE state IN ('queued', 'running') "
                                "AND kind IN (?, ?, ?)"_s);
            for (const QString &kind : kKinds)
                st.bind(kind);
            if (const VoidResult r = st.exec(); !r)
                return r.error();
            return st.next() ? st.value(0).toLongLong() : 0;
        });
        const Result<qint64> count = co_await counted;
        if (count)
            pending = count.value();
    }
    meter.timer.stop();
    const double workMs = double(meter.clock.nsecsElapsed()) / 1e6;
    // What the work did (outside the timed region): protocols received, residents
    // imported, reports finalized.
    auto checked =
        executor.read([client = work.clientId, ids = work.reportIds](Database &db) -> Result<QList<qint64>> {
            QStringList marks;
            for (qsizetype i = 0; i < ids.size(); ++i)
                marks << u"?"_s;
            QList<qint64> counts;
            for (int query = 0; query < 3; ++query) {
                SqlStatement st(
                    db, query == 0
                            ? u"SELECT COUNT(*) FROM protocols WHERE client_id = ? AND state = 'received'"_s
                        : query == 1
                            ? u"SELECT COUNT(*) FROM residents WHERE student_id LIKE 'GS%'"_s
                            : u"SELECT COUNT(*) FROM reports WHERE state <> 'draft' AND id IN (%1)"_s.arg(
                                  marks.join(u',')));
                if (query == 0)
                    st.bind(client);
                for (qint64 id : query == 2 ? ids : QList<qint64>())
                    st.bind(id);
                if (const VoidResult r = st.exec(); !r)
                    return r.error();
                counts.append(st.next() ? st.value(0).toLongLong() : -1);
            }
            return counts;
        });
    const Result<QList<qint64>> done = co_await checked;
    const QList<qint64> counts = done ? done.value() : QList<qint64>{-1, -1, -1};
    if (!done)
        std::fprintf(stderr, "child: cannot count what the work did: %s\n", qPrintable(done.error().text()));
    std::printf("received=%lld imported=%lld finalized=%lld\n", static_cast<long long>(counts.value(0)),
                static_cast<long long>(counts.value(1)), static_cast<long long>(counts.value(2)));
    std::printf(
        "stall_ms=%.2f p99_ms=%.3f ticks=%zu stall_cpu_ms=%.2f gui_cpu_ms=%.1f work_ms=%.0f pending=%lld\n",
        double(meter.longestNs) / 1e6, meter.p99Ms(), meter.gapsNs.size(), double(meter.longestCpuNs) / 1e6,
        double(threadCpuNs() - meter.firstCpuNs) / 1e6, workMs, static_cast<long long>(pending));
    std::fflush(stdout);
    QObject::connect(&engine, &JobEngine::stopped, qApp, [] { QCoreApplication::exit(0); });
    QTimer::singleShot(engine.options().shutdownGraceMs + 2000, qApp, [] { QCoreApplication::exit(0); });
    engine.stop();
}

bool fail(const QString &message)
{
    std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(message));
    return false;
}

// The parent, once per database: the client whose submitted protocols the bulk receive
// takes (seeded the first time).
qint64 benchClient(Database &db, int count)
{
    const QString name = u"Bench stall %1"_s.arg(count);
    SqlStatement st(db, u"SELECT id FROM clients WHERE name = ?"_s);
    st.bind(name);
    if (st.exec() && st.next())
        return st.value(0).toLongLong();
    st.finish();
    const qint64 client = BulkFixtures::addClient(db, name, u"lab-bench@example.org"_s);
    if (client <= 0 || BulkFixtures::addProtocols(db, client, count).size() != count)
        return 0;
    return client;
}

// The parent, before each run: the database as before the first (the bench owns it).
bool reset(Database &db, qint64 client)
{
    Transaction tx(db);
    if (auto r =
            SqlStatement::run(db,
                              u"UPDATE protocols SET state = 'submitted', received_at = NULL, version = 1 "
                              "WHERE client_id = ? AND (state <> 'submitted' OR version <> 1)"_s,
                              {client});
        !r)
        return fail(r.error().detail);
    for (const QString &sql :
         {u"DELETE FROM bulk_jobs"_s,
          // PostgreSQL keeps the trail in batches (migration 0031); audit_entries is their view.
          db.isPostgreSQL() ? u"DELETE FROM audit_batches"_s : u"DELETE FROM audit_entries"_s,
          u"DELETE FROM outbox_emails"_s, u"DELETE FROM notifications"_s, u"DELETE FROM jobs"_s,
          u"DELETE FROM import_rejections"_s, u"DELETE FROM residents WHERE student_id LIKE 'GS%'"_s}) {
        if (auto r = SqlStatement::run(db, sql); !r)
            return fail(r.error().detail);
    }
    if (auto r = tx.commit(); !r)
        return fail(r.error().detail);
    if (db.isPostgreSQL()) {
        for (const char *table : {"protocols", "bulk_jobs", "bulk_job_items", "audit_batches",
                                  "outbox_emails", "jobs", "notifications", "residents"})
            SqlStatement::run(db, u"VACUUM ANALYZE "_s + QLatin1String(table));
    }
    return true;
}

// The parent, before each run: `count` received protocols of one client, each with a
// draft of kResultRows results; their report ids.
QList<qint64> makeDrafts(Database &db, const Actor &actor, int count, QString *error)
{
    Client client;
    client.name = u"Bench stall dairy"_s;
    client.kind = Client::Kind::Farm;
    client.email = u"office@bench-dairy.example.org"_s;
    const Result<Client> c = ClientRepository(db, actor).create(client);
    if (!c) {
        *error = c.error().text();
        return {};
    }
    QList<qint64> reports;
    for (int i = 0; i < count; ++i) {
        Protocol p;
        p.clientId = c->id;
        p.species = u"Bovine"_s;
        p.animalId = u"UK%1"_s.arg(200000 + i);
        p.sampleType = u"EDTA blood"_s;
        Result<Protocol> stored = ProtocolRepository(db, actor).create(p);
        if (stored)
            stored = ProtocolRepository(db, actor).transition(stored->id, Protocol::State::Received,
                                                              stored->version);
        Result<Report> draft =
            stored ? ReportRepository(db, actor).currentDraft(stored->id) : Result<Report>(stored.error());
        if (!draft) {
            *error = draft.error().text();
            return {};
        }
        Report edited = draft.value();
        edited.findings = u"Mild normocytic anaemia; no parasites seen."_s;
        for (int row = 0; row < kResultRows; ++row)
            edited.results.append({0, u"Analyte %1"_s.arg(row + 1), QString::number(4.0 + row * 0.3, 'f', 1),
                                   u"g/dL"_s, u"3.0–9.0"_s,
                                   row % 5 == 0 ? Report::Flag::High : Report::Flag::None});
        const Result<Report> saved = ReportRepository(db, actor).updateDraft(edited);
        if (!saved) {
            *error = saved.error().text();
            return {};
        }
        reports.append(saved->id);
    }
    return reports;
}

struct Sample
{
    double stallMs = -1;
    double p99Ms = 0;
    qint64 ticks = 0;
    double stallCpuMs = 0; // the GUI thread's CPU time within the longest stall
    double guiCpuMs = 0;   // … and over the whole measurement
    double workMs = 0;     // queued to every job ended
    qint64 pending = 0;    // jobs not ended when the measurement stopped
    qint64 received = 0;   // what the work did
    qint64 imported = 0;
    qint64 finalized = 0;
};

Sample runChild(const QStringList &arguments, const QString &home, QString *error)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(u"QT_QPA_PLATFORM"_s))
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    // The window's remembered page and layout stay out of the user's own settings.
    env.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s);
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QCoreApplication::applicationFilePath(), QStringList{u"--child-gui-stall"_s} + arguments);
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
            QHash<QByteArray, QByteArray> fields;
            for (const QByteArray &field : buffer.mid(at, end - at).split(' ')) {
                const qsizetype eq = field.indexOf('=');
                fields.insert(field.left(eq), field.mid(eq + 1));
            }
            sample.stallMs = fields.value("stall_ms").toDouble();
            sample.p99Ms = fields.value("p99_ms").toDouble();
            sample.ticks = fields.value("ticks").toLongLong();
            sample.stallCpuMs = fields.value("stall_cpu_ms").toDouble();
            sample.guiCpuMs = fields.value("gui_cpu_ms").toDouble();
            sample.workMs = fields.value("work_ms").toDouble();
            sample.pending = fields.value("pending").toLongLong();
            const qsizetype did = buffer.lastIndexOf("received=", at);
            const QList<QByteArray> counts =
                did >= 0 ? buffer.mid(did, buffer.indexOf('\n', did) - did).split(' ') : QList<QByteArray>();
            sample.received = counts.value(0).mid(qstrlen("received=")).toLongLong();
            sample.imported = counts.value(1).mid(qstrlen("imported=")).toLongLong();
            sample.finalized = counts.value(2).mid(qstrlen("finalized=")).toLongLong();
        }
    }
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
    }
    return sample;
}

// Who queues the work: on PostgreSQL the desktop engine claims only its signed-in
// person's jobs, so the work is queued as the URL's login, as the window would.
Actor actorFor(const DatabaseConfig &config)
{
    Actor actor = Actor::systemUser();
    if (config.isPostgreSQL() && !config.user.isEmpty())
        actor.username = config.user;
    return actor;
}

} // namespace

int GuiStallCase::child(int argc, char **argv)
{
    if (argc < 6) {
        std::fprintf(stderr, "child: --child-gui-stall URL CSV CLIENT_ID REPORT_IDS\n");
        return 2;
    }
    Work work;
    const QString url = QString::fromLocal8Bit(argv[2]);
    work.csv = QString::fromLocal8Bit(argv[3]);
    work.clientId = QByteArray(argv[4]).toLongLong();
    for (const QByteArray &id : QByteArray(argv[5]).split(','))
        work.reportIds.append(id.toLongLong());
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TracingApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Residesk"_s);
    QCoreApplication::setApplicationName(u"residesk-bench"_s);
    QTemporaryDir cacheDir;

    const Result<DatabaseConfig> config = DatabaseConfig::parse(url);
    if (!config) {
        std::fprintf(stderr, "child: %s\n", qPrintable(config.error().message));
        return 2;
    }
    // In the composition root's order (destroyed in reverse).
    Database database(config.value());
    DbExecutor executor(database);
    ConnectionMonitor monitor(executor);
    PdfCache pdfCache(cacheDir.filePath(u"pdf"_s));
    LabServices::setPdfCache(&pdfCache);
    TaskRegistry tasks;
    TaskCatalog::registerAll(tasks);
    EventBus events(database);
    JobEngineOptions options = JobEngineOptions::desktop(); // as the application runs it
    options.runRecurring = false;
    options.shutdownGraceMs = 3000;
    options.kinds = kKinds;
    JobEngine engine(database, tasks, options);
    engine.setEventBus(&events);
    const Actor actor = actorFor(config.value());
    int code = 0;
    {
        MainWindow window({.executor = executor,
                           .monitor = monitor,
                           .events = events,
                           .engine = &engine,
                           .tasks = tasks,
                           .actor = actor,
                           .pdfCache = &pdfCache});
        // The Protocols page, as the administrator has it open.
        auto *lab = window.findChild<LabUi *>(u"labUi"_s);
        auto *stack = lab ? qobject_cast<QStackedWidget *>(lab->protocolsPage()->parentWidget()) : nullptr;
        auto *sidebar = window.findChild<QListWidget *>(u"sidebar"_s);
        if (!stack || !sidebar) {
            std::fprintf(stderr, "child: the window has no Protocols page\n");
            return 2;
        }
        sidebar->setCurrentRow(stack->indexOf(lab->protocolsPage()));
        StallMeter meter;
        bool measuring = false;
        QObject::connect(&window, &MainWindow::residentsShown, &app, [&] {
            if (std::exchange(measuring, true))
                return;
            QTimer::singleShot(kSettleMs, &engine, [&executor, &engine, &meter, actor, work] {
                measure(executor, engine, meter, actor, work);
            });
        });
        QTimer::singleShot(kTimeoutMs, &app, [] {
            std::fprintf(stderr, "child: no result within %d ms\n", kTimeoutMs);
            QCoreApplication::exit(3);
        });
        window.show();
        QTimer::singleShot(0, &window, [&] { startWindow(executor, events, engine, window); });
        code = app.exec();
    }
    executor.waitForDone();
    LabServices::setPdfCache(nullptr);
    return code;
}

int GuiStallCase::run(const BenchOptions &options)
{
    BenchDatabase bench;
    QString error;
    if (!bench.prepare(options.databaseUrl, kResidents, &error))
        return fail(error), 1;
    QTemporaryDir home;
    const QString csv = home.filePath(u"residents.csv"_s);
    const int protocols = scaled(kProtocols);
    const int reports = scaled(kReports);
    const int rows = scaled(kImportRows);
    if (!home.isValid() || !ImportBench::writeResidentsFile(csv, rows, "GS"))
        return fail(u"cannot write the residents CSV"_s), 1;
    const Result<DatabaseConfig> config = DatabaseConfig::parse(bench.url());
    if (!config)
        return fail(config.error().message), 1;
    const Actor actor = actorFor(config.value());
    std::unique_ptr<Database> db = std::make_unique<Database>(config.value());
    const qint64 client = benchClient(*db, protocols);
    if (client <= 0)
        return fail(u"cannot seed %1 protocols"_s.arg(protocols)), 1;
    if (!options.json)
        std::fprintf(stderr, "work per run: receive %d protocols, finalize %d reports, import %d residents\n",
                     protocols, reports, rows);

    BenchStats stall{name(), u"ms"_s, {}};
    BenchStats p99{name() + u".p99"_s, u"ms"_s, {}};
    BenchStats work{name() + u".work"_s, u"ms"_s, {}};
    for (int i = -1; i < options.runs; ++i) { // run -1 is the warm-up
        if (!reset(*db, client))
            return 1;
        const QList<qint64> ids = makeDrafts(*db, actor, reports, &error);
        if (ids.size() != reports)
            return fail(u"cannot make the drafts: %1"_s.arg(error)), 1;
        QStringList idText;
        for (qint64 id : ids)
            idText << QString::number(id);
        db->closeThreadConnection(); // nothing of the parent's in the child's way
        const Sample sample =
            runChild({bench.url(), csv, QString::number(client), idText.join(u',')}, home.path(), &error);
        if (sample.stallMs < 0)
            return fail(error), 1;
        if (sample.received != protocols || sample.imported != rows || sample.finalized != reports)
            std::fprintf(stderr,
                         "residesk-bench: the work did not all get done: %lld of %d protocols received, "
                         "%lld of %d residents imported, %lld of %d reports finalized\n",
                         static_cast<long long>(sample.received), protocols,
                         static_cast<long long>(sample.imported), rows,
                         static_cast<long long>(sample.finalized), reports);
        if (!options.json)
            std::fprintf(stderr,
                         "%s longest stall %.2f ms (%.2f ms of it on the CPU), p99 %.2f ms; %lld ticks and "
                         "%.0f ms of GUI-thread CPU in %.0f ms of work%s\n",
                         i < 0 ? "warm-up:" : "run:", sample.stallMs, sample.stallCpuMs, sample.p99Ms,
                         static_cast<long long>(sample.ticks), sample.guiCpuMs, sample.workMs,
                         sample.pending > 0
                             ? qPrintable(u" (%1 jobs still pending: cut off)"_s.arg(sample.pending))
                             : "");
        if (i >= 0) {
            stall.samples.append(sample.stallMs);
            p99.samples.append(sample.p99Ms);
            work.samples.append(sample.workMs);
        }
    }
    reset(*db, client);
    work.print(options.json);
    p99.print(options.json);
    stall.print(options.json);
    return 0;
}
