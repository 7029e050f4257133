#include "tests/bench/workordercachedopencase.h"

#include "models/core/actor.h"
#include "models/db/database.h"
#include "models/db/dbexecutor.h"
#include "models/lab/clientrepository.h"
#include "models/lab/workorderrepository.h"
#include "tasks/lab/labdocuments.h"
#include "tasks/lab/labservices.h"
#include "tasks/lab/workorderservice.h"
#include "tasks/pdf/pdfcache.h"
#include "tasks/pdf/pdfrenderer.h"
#include "tests/bench/benchdatabase.h"
#include "tests/bench/benchstats.h"
#include "ui/pdf/pdfopener.h"
#include "ui/pdf/pdfpageview.h"
#include "ui/pdf/pdfviewerwindow.h"

#include <QApplication>
#include <QCoroFuture>
#include <QCoroSignal>
#include <QCoroTask>
#include <QCoroTimer>
#include <QElapsedTimer>
#include <QPdfPageRenderer>
#include <QPointer>
#include <QProcess>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeoutMs = 120000;
// The demo data's largest work order (models/lab/labdemoseeder.cpp: 3 to 30 analyses).
constexpr int kAnalyses = 30;

Actor vet()
{
    return Actor{u"bench.vet"_s, Actor::Role::Vet};
}

// A protocol of a bench client with its work order filled in as the lab does (vet,
// notes, kAnalyses analyses), through WorkOrderService as the window changes it; then
// its PDF rendered and cached the way the workorder.prerender job does
// (tasks/lab/workorderprerendertask.cpp): LabDocuments' document, PdfRenderer, and
// PdfCache::getOrRender. Set-up, not timed. Runs on the executor's write thread.
struct Prepared
{
    PdfCacheKey key;
    qint64 workOrderId = 0;
    int version = 0;
    QString protocolNumber;
    qint64 bytes = 0;
    double renderMs = 0;
};

Result<Prepared> prepareWorkOrder(Database &db, PdfCache &cache)
{
    Client client;
    client.name = u"Hillside Dairy Farm"_s;
    client.kind = Client::Kind::Farm;
    client.email = u"office@hillside-dairy.example.org"_s;
    const Result<Client> c = ClientRepository(db, vet()).create(client);
    if (!c)
        return c.error();
    Protocol protocol;
    protocol.clientId = c->id;
    protocol.species = u"Bovine"_s;
    protocol.animalId = u"UK 123456 700042"_s;
    protocol.sampleCount = 12;
    protocol.sampleType = u"serum, milk"_s;
    const Result<Protocol> created = WorkOrderService(db, vet()).createProtocol(protocol);
    if (!created)
        return created.error();
    Result<WorkOrder> order = WorkOrderRepository(db, vet()).getByProtocol(created->id);
    if (!order)
        return order.error();
    WorkOrder edited = order.value();
    edited.assignedVet = vet().username;
    edited.notes = u"Herd screening before the spring turnout.\nSamples 1–6 serum, 7–12 milk; keep the milk "
                   u"samples chilled."_s;
    for (int i = 0; i < kAnalyses; ++i)
        edited.analyses.append(
            {0, u"AN-%1"_s.arg(i + 1, 2, 10, QLatin1Char('0')),
             i % 3 ? u"Haematology panel %1"_s.arg(i + 1) : u"Biochemistry profile %1"_s.arg(i + 1),
             u"tube %1, %2"_s.arg(i % 12 + 1).arg(i % 12 < 6 ? u"serum"_s : u"milk"_s)});
    const Result<WorkOrder> saved = WorkOrderService(db, vet()).update(edited);
    if (!saved)
        return saved.error();

    // As workorder.prerender renders it (that job's code, minus the job).
    const Result<LabDocuments::WorkOrderSources> sources = LabDocuments::loadWorkOrder(db, saved->id);
    if (!sources)
        return sources.error();
    Prepared prepared;
    prepared.workOrderId = saved->id;
    prepared.version = sources->order.contentVersion();
    prepared.protocolNumber = sources->order.protocolNumber;
    prepared.key =
        PdfCacheKey::workOrder(prepared.workOrderId, prepared.version, PdfRenderer::templateVersion());
    const WorkOrderDocument doc =
        LabDocuments::workOrderDocument(sources->order, sources->protocol, sources->client);
    QElapsedTimer timer;
    timer.start();
    const Result<PdfCacheEntry> made =
        cache.getOrRender(db, prepared.key, [doc] { return PdfRenderer::renderWorkOrder(doc); });
    if (!made)
        return made.error();
    prepared.renderMs = double(timer.nsecsElapsed()) / 1e6;
    prepared.bytes = made->size();
    return prepared;
}

struct Timing
{
    double openedMs = 0;     // PdfOpener::opened: cache lookup on the read pool, window, document load, show
    double firstPaintMs = 0; // the viewport's first paint (the blank page frame)
    double renderedMs = 0;   // QPdfPageRenderer delivered the first page image
    double totalMs = 0;      // that image painted
};

// Notes the viewport's first paint.
class FirstPaint : public QObject
{
public:
    FirstPaint(QElapsedTimer &timer, Timing &timing)
        : m_timer(timer)
        , m_timing(timing)
    {}

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_timing.firstPaintMs == 0)
            m_timing.firstPaintMs = double(m_timer.nsecsElapsed()) / 1e6;
        return false;
    }

private:
    QElapsedTimer &m_timer;
    Timing &m_timing;
};

// Opens the work order RUNS + 1 times as the Work orders page's "Open PDF" does
// (LabUi::openWorkOrderPdf: PdfOpener with the same render function for a miss).
QCoro::Task<> openRuns(DbExecutor &executor, PdfCache &cache, Prepared prepared, int runs)
{
    QThreadPool renderPool;
    PdfOpener opener(executor, cache, &renderPool);
    Database *db = &executor.database();
    const qint64 id = prepared.workOrderId;
    const int version = prepared.version;
    for (int i = -1; i < runs; ++i) {
        QElapsedTimer timer;
        Timing t;
        bool painted = false;
        bool fromDisk = false;
        FirstPaint firstPaint(timer, t);
        QPointer<PdfViewerWindow> shown;
        // Connected before the open: the window is instrumented the moment it exists,
        // before the event loop can paint it.
        const QMetaObject::Connection connection = QObject::connect(
            &opener, &PdfOpener::opened, &opener, [&](PdfViewerWindow *window, PdfCacheEntry::Source source) {
                t.openedMs = double(timer.nsecsElapsed()) / 1e6;
                fromDisk = source == PdfCacheEntry::Source::LocalDisk;
                shown = window;
                QObject::connect(window, &PdfViewerWindow::firstPagePainted, window, [&] {
                    if (!painted)
                        t.totalMs = double(timer.nsecsElapsed()) / 1e6;
                    painted = true;
                });
                if (auto *renderer = window->view()->findChild<QPdfPageRenderer *>()) {
                    QObject::connect(renderer, &QPdfPageRenderer::pageRendered, window, [&](int, QSize) {
                        if (t.renderedMs == 0)
                            t.renderedMs = double(timer.nsecsElapsed()) / 1e6;
                    });
                }
                window->view()->viewport()->installEventFilter(&firstPaint);
            });

        timer.start();
        auto opening = opener.open(
            prepared.key, [db, id, version] { return LabDocuments::renderWorkOrder(*db, id, version); },
            u"Work order %1"_s.arg(prepared.protocolNumber));
        PdfViewerWindow *window = co_await opening; // named future: GCC 12 bug 100611
        QObject::disconnect(connection);
        if (!window || !window->hasDocument() || !fromDisk) {
            std::fprintf(stderr, "child: the work order did not open from this desktop's cache\n");
            QCoreApplication::exit(2);
            co_return;
        }
        if (!painted) {
            auto paintedSignal =
                qCoro(window, &PdfViewerWindow::firstPagePainted, std::chrono::milliseconds(kTimeoutMs));
            co_await paintedSignal;
        }
        if (!painted || !shown) {
            std::fprintf(stderr, "child: the first page was not painted within %d ms\n", kTimeoutMs);
            QCoreApplication::exit(3);
            co_return;
        }
        window->view()->viewport()->removeEventFilter(&firstPaint);
        std::printf("open warmup=%d total_ms=%.3f opened_ms=%.3f first_paint_ms=%.3f rendered_ms=%.3f\n",
                    i < 0 ? 1 : 0, t.totalMs, t.openedMs, t.firstPaintMs, t.renderedMs);
        std::fflush(stdout);
        window->close(); // deleted on close
        // Let the window go and the machine settle before the next open.
        QTimer settle;
        settle.setSingleShot(true);
        settle.start(30);
        co_await settle;
    }
    std::printf("done\n");
    std::fflush(stdout);
    QCoreApplication::exit(0);
}

} // namespace

int WorkOrderCachedOpenCase::child(int argc, char **argv)
{
    if (argc < 5) {
        std::fprintf(stderr, "child: --child-workorder-open URL CACHE_DIR RUNS\n");
        return 2;
    }
    const QString url = QString::fromLocal8Bit(argv[2]);
    const QString cacheDir = QString::fromLocal8Bit(argv[3]);
    const int runs = QByteArray(argv[4]).toInt();
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // Each open closes its window; in the application the main window stays.
    app.setQuitOnLastWindowClosed(false);
    QCoreApplication::setOrganizationName(u"Residesk"_s);
    QCoreApplication::setApplicationName(u"residesk-bench"_s);

    const Result<DatabaseConfig> config = DatabaseConfig::parse(url);
    if (!config) {
        std::fprintf(stderr, "child: %s\n", qPrintable(config.error().message));
        return 2;
    }
    // In the composition root's order: the cache is the process's, the renderer warmed
    // up on the GUI thread.
    Database database(config.value());
    DbExecutor executor(database);
    PdfCache cache(cacheDir);
    LabServices::setPdfCache(&cache);
    PdfRenderer::warmUp();
    auto preparing = executor.write([&cache](Database &db) { return prepareWorkOrder(db, cache); });
    preparing.waitForFinished(); // set-up, before the event loop runs
    const Result<Prepared> prepared = preparing.result();
    if (!prepared) {
        std::fprintf(stderr, "child: cannot prepare the work order: %s\n",
                     qPrintable(prepared.error().text()));
        return 2;
    }
    std::fprintf(stderr,
                 "child: work order %s (%d analyses): %lld-byte PDF, rendered and cached in %.1f ms\n",
                 qPrintable(prepared->protocolNumber), kAnalyses, static_cast<long long>(prepared->bytes),
                 prepared->renderMs);
    QTimer::singleShot(
        0, &app, [&executor, &cache, p = prepared.value(), runs] { openRuns(executor, cache, p, runs); });
    const int code = app.exec();
    executor.waitForDone();
    LabServices::setPdfCache(nullptr);
    return code;
}

int WorkOrderCachedOpenCase::run(const BenchOptions &options)
{
    BenchDatabase db;
    QString error;
    if (!db.prepare(options.databaseUrl, 0, &error)) {
        std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "residesk-bench: cannot create a temporary folder\n");
        return 1;
    }
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(u"QT_QPA_PLATFORM"_s))
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    // The viewer's remembered size and zoom stay out of the user's own settings.
    env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(
        QCoreApplication::applicationFilePath(),
        {u"--child-workorder-open"_s, db.url(), dir.filePath(u"pdf"_s), QString::number(options.runs)});

    BenchStats total{name(), u"ms"_s, {}};
    BenchStats opened{name() + u".opened"_s, u"ms"_s, {}};
    BenchStats firstPaint{name() + u".first_paint"_s, u"ms"_s, {}};
    BenchStats rendered{name() + u".rendered"_s, u"ms"_s, {}};
    QByteArray buffer;
    bool done = false;
    while (!done) {
        if (!process.waitForReadyRead(kTimeoutMs)) {
            std::fprintf(stderr, "residesk-bench: the child stopped reporting (%s)\n",
                         qPrintable(process.errorString()));
            process.kill();
            process.waitForFinished();
            return 1;
        }
        buffer += process.readAllStandardOutput();
        qsizetype end;
        while ((end = buffer.indexOf('\n')) >= 0) {
            const QByteArray line = buffer.left(end);
            buffer.remove(0, end + 1);
            if (line == "done") {
                done = true;
                break;
            }
            if (!line.startsWith("open "))
                continue;
            QHash<QByteArray, double> fields;
            for (const QByteArray &field : line.mid(5).split(' ')) {
                const qsizetype eq = field.indexOf('=');
                fields.insert(field.left(eq), field.mid(eq + 1).toDouble());
            }
            const bool warmup = fields.value("warmup") != 0;
            if (!options.json)
                std::fprintf(
                    stderr,
                    "%s %.2f ms (looked up, loaded and shown at %.2f, first paint at %.2f, page "
                    "image at %.2f)\n",
                    warmup ? "warm-up (first open in the process):" : "run:", fields.value("total_ms"),
                    fields.value("opened_ms"), fields.value("first_paint_ms"), fields.value("rendered_ms"));
            if (warmup)
                continue;
            total.samples.append(fields.value("total_ms"));
            opened.samples.append(fields.value("opened_ms"));
            firstPaint.samples.append(fields.value("first_paint_ms"));
            rendered.samples.append(fields.value("rendered_ms"));
        }
    }
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
    }
    if (process.exitCode() != 0 || total.samples.size() != options.runs) {
        std::fprintf(stderr, "residesk-bench: the child failed (exit code %d)\n", process.exitCode());
        return 1;
    }
    opened.print(options.json);
    firstPaint.print(options.json);
    rendered.print(options.json);
    total.print(options.json);
    return 0;
}
