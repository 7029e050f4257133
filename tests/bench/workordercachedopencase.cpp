#include "tests/bench/workordercachedopencase.h"

#include "models/db/database.h"
#include "models/db/dbexecutor.h"
#include "tasks/pdf/pdfcache.h"
#include "tests/bench/benchdatabase.h"
#include "tests/bench/benchstats.h"
#include "ui/pdf/pdfpageview.h"
#include "ui/pdf/pdfviewerwindow.h"

#include <QApplication>
#include <QBuffer>
#include <QCoroFuture>
#include <QCoroSignal>
#include <QCoroTask>
#include <QCoroTimer>
#include <QElapsedTimer>
#include <QPageSize>
#include <QPainter>
#include <QPdfPageRenderer>
#include <QPdfWriter>
#include <QPointer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeoutMs = 120000;
constexpr int kRows = 60;

// A work order as the renderer lays it out: header, client block, a table of requested
// analyses over three A4 pages (repeated header row), footer with page x/y.
QByteArray makeWorkOrderPdf()
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(300);
    writer.setTitle(u"Work order WO-2024-00042"_s);
    QPainter painter(&writer);
    QFont font(u"DejaVu Sans"_s, 9);
    font.setHintingPreference(QFont::PreferNoHinting);
    painter.setFont(font);
    const int width = writer.width();
    const int rowHeight = 55;
    const int pages = 3;
    int row = 0;
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        painter.fillRect(QRect(0, 0, width, 160), QColor(30, 60, 110));
        painter.setPen(Qt::white);
        painter.drawText(QRect(30, 0, width, 160), Qt::AlignVCenter,
                         u"Veterinary Diagnostic Lab - Work order WO-2024-00042"_s);
        painter.setPen(Qt::black);
        int y = 220;
        if (page == 0) {
            for (const QString &line : {u"Client: Hillside Dairy Farm, 14 Meadow Lane"_s,
                                        u"Protocol P-2024-1187 - Bovine - 12 samples (serum, milk)"_s,
                                        u"Assigned vet: Dr. A. Moreno - received 2024-03-04 09:12"_s}) {
                painter.drawText(30, y, line);
                y += rowHeight;
            }
            y += rowHeight;
        }
        const QStringList headers{u"Sample"_s, u"Animal"_s, u"Analysis"_s, u"Method"_s, u"Status"_s};
        const int column = (width - 60) / int(headers.size());
        painter.fillRect(QRect(30, y - 40, width - 60, rowHeight), QColor(220, 226, 235));
        for (int c = 0; c < headers.size(); ++c)
            painter.drawText(30 + c * column + 10, y, headers.at(c));
        y += rowHeight;
        const int perPage = page == 0 ? kRows / pages - 4 : kRows / pages + 2;
        for (int i = 0; i < perPage; ++i, ++row) {
            const QStringList cells{u"S-%1"_s.arg(1000 + row), u"AR-%1"_s.arg(77000 + row * 13),
                                    row % 3 ? u"Haematology"_s : u"Biochemistry"_s,
                                    row % 2 ? u"Automated count"_s : u"Photometry"_s, u"pending"_s};
            for (int c = 0; c < cells.size(); ++c)
                painter.drawText(30 + c * column + 10, y, cells.at(c));
            painter.drawLine(30, y + 15, width - 30, y + 15);
            y += rowHeight;
        }
        painter.drawText(QRect(30, writer.height() - 100, width - 60, 80), Qt::AlignRight,
                         u"Page %1 of %2"_s.arg(page + 1).arg(pages));
    }
    painter.end();
    return bytes;
}

struct Timing
{
    double lookupMs = 0;     // co_await lookupAsync: read pool hop, file read, SHA-256
    double loadMs = 0;       // PdfViewerWindow::openBytes: window, QPdfDocument::load, show
    double firstPaintMs = 0; // the viewport's first paint (the blank page frame)
    double renderedMs = 0;   // QPdfPageRenderer delivered the first page image
    double totalMs = 0;      // that image painted
};

QCoro::Task<> openRuns(DbExecutor &executor, PdfCache &cache, PdfCacheKey key, int runs)
{
    for (int i = -1; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        Timing t;
        auto future = cache.lookupAsync(executor, key);
        const Result<std::optional<PdfCacheEntry>> hit = co_await future;
        if (!hit || !hit.value() || hit.value()->source != PdfCacheEntry::Source::LocalDisk) {
            std::fprintf(stderr, "child: the work order is not in the local cache\n");
            QCoreApplication::exit(2);
            co_return;
        }
        t.lookupMs = double(timer.nsecsElapsed()) / 1e6;

        // The application's way: a new window on the bytes, shown at once.
        QPointer<PdfViewerWindow> window =
            PdfViewerWindow::openBytes(hit.value()->bytes, u"Work order WO-2024-00042"_s);
        t.loadMs = double(timer.nsecsElapsed()) / 1e6;
        if (!window->hasDocument()) {
            std::fprintf(stderr, "child: the viewer refused the PDF: %s\n", qPrintable(window->errorText()));
            QCoreApplication::exit(2);
            co_return;
        }
        // Nothing below can miss a signal: painting and rendered pages arrive through
        // the event loop, after this coroutine suspends.
        bool painted = false;
        QObject::connect(window, &PdfViewerWindow::firstPagePainted, window, [&] {
            t.totalMs = double(timer.nsecsElapsed()) / 1e6;
            painted = true;
        });
        if (auto *renderer = window->view()->findChild<QPdfPageRenderer *>()) {
            QObject::connect(renderer, &QPdfPageRenderer::pageRendered, window, [&](int page, QSize size) {
                if (qEnvironmentVariableIntValue("RESIDESK_BENCH_TRACE"))
                    std::fprintf(stderr, "child: page %d rendered at %dx%d, %.2f ms\n", page, size.width(),
                                 size.height(), double(timer.nsecsElapsed()) / 1e6);
                if (t.renderedMs == 0)
                    t.renderedMs = double(timer.nsecsElapsed()) / 1e6;
            });
        }
        struct FirstPaint : QObject
        {
            QElapsedTimer *timer;
            Timing *timing;
            bool eventFilter(QObject *, QEvent *event) override
            {
                if (event->type() == QEvent::Paint && timing->firstPaintMs == 0)
                    timing->firstPaintMs = double(timer->nsecsElapsed()) / 1e6;
                return false;
            }
        };
        FirstPaint firstPaint;
        firstPaint.timer = &timer;
        firstPaint.timing = &t;
        window->view()->viewport()->installEventFilter(&firstPaint);

        if (!painted) {
            auto paintedSignal = qCoro(window.data(), &PdfViewerWindow::firstPagePainted,
                                       std::chrono::milliseconds(kTimeoutMs));
            co_await paintedSignal;
        }
        if (!painted) {
            std::fprintf(stderr, "child: the first page was not painted within %d ms\n", kTimeoutMs);
            QCoreApplication::exit(3);
            co_return;
        }
        window->view()->viewport()->removeEventFilter(&firstPaint);
        std::printf(
            "open warmup=%d total_ms=%.3f lookup_ms=%.3f load_ms=%.3f first_paint_ms=%.3f rendered_ms=%.3f\n",
            i < 0 ? 1 : 0, t.totalMs, t.lookupMs, t.loadMs, t.firstPaintMs, t.renderedMs);
        std::fflush(stdout);
        window->close();
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
    Database database(config.value());
    DbExecutor executor(database);
    PdfCache cache(cacheDir);
    const PdfCacheKey key = PdfCacheKey::workOrder(42, 7, 1);
    // The precondition, not measured: the pre-render job already put it in the cache.
    {
        QElapsedTimer render;
        render.start();
        const QByteArray pdf = makeWorkOrderPdf();
        std::fprintf(stderr, "child: work order PDF: %lld bytes, rendered in %.1f ms\n",
                     static_cast<long long>(pdf.size()), double(render.nsecsElapsed()) / 1e6);
        auto stored = executor.write([&cache, key, pdf](Database &db) { return cache.store(db, key, pdf); });
        stored.waitForFinished();
        if (!stored.result()) {
            std::fprintf(stderr, "child: cannot store the PDF: %s\n",
                         qPrintable(stored.result().error().text()));
            return 2;
        }
    }
    QTimer::singleShot(0, &app, [&executor, &cache, key, runs] { openRuns(executor, cache, key, runs); });
    const int code = app.exec();
    executor.waitForDone();
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
    BenchStats lookup{name() + u".lookup"_s, u"ms"_s, {}};
    BenchStats load{name() + u".load"_s, u"ms"_s, {}};
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
                std::fprintf(stderr,
                             "%s %.2f ms (lookup done at %.2f, window shown at %.2f, first paint at %.2f, "
                             "page image at %.2f)\n",
                             warmup ? "warm-up (first open in the process):" : "run:",
                             fields.value("total_ms"), fields.value("lookup_ms"), fields.value("load_ms"),
                             fields.value("first_paint_ms"), fields.value("rendered_ms"));
            if (warmup)
                continue;
            total.samples.append(fields.value("total_ms"));
            lookup.samples.append(fields.value("lookup_ms"));
            load.samples.append(fields.value("load_ms"));
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
    lookup.print(options.json);
    load.print(options.json);
    firstPaint.print(options.json);
    rendered.print(options.json);
    total.print(options.json);
    return 0;
}
