#include "tests/bench/finalizefeedbackcase.h"

#include "models/core/actor.h"
#include "models/db/connectionmonitor.h"
#include "models/db/database.h"
#include "models/db/dbexecutor.h"
#include "models/lab/clientrepository.h"
#include "models/lab/protocolrepository.h"
#include "models/lab/reportrepository.h"
#include "models/db/events.h"
#include "tasks/jobengine.h"
#include "tasks/lab/labservices.h"
#include "tasks/pdf/pdfcache.h"
#include "tasks/pdf/pdfrenderer.h"
#include "tasks/taskcatalog.h"
#include "tasks/taskregistry.h"
#include "tests/bench/benchdatabase.h"
#include "tests/bench/benchstats.h"
#include "ui/lab/labui.h"
#include "ui/lab/reporteditor.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCoroSignal>
#include <QCoroTask>
#include <QCoroTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QLabel>
#include <QMouseEvent>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeoutMs = 180000;
constexpr int kRows = 20;
// After the editor shows its draft, it paints and settles before the click.
constexpr int kSettleMs = 300;

Actor vet()
{
    return Actor{u"bench.vet"_s, Actor::Role::Vet};
}

// RUNS + 1 received protocols of one client, each with a draft of kRows results; their
// report ids. Set-up, not measured (the window is not shown yet).
QList<qint64> seedDrafts(Database &db, int count, QString *error)
{
    Client client;
    client.name = u"Bench Dairy"_s;
    client.kind = Client::Kind::Farm;
    client.email = u"office@bench-dairy.example.org"_s;
    const Result<Client> c = ClientRepository(db, vet()).create(client);
    if (!c) {
        *error = c.error().text();
        return {};
    }
    QList<qint64> reports;
    for (int i = 0; i < count; ++i) {
        Protocol p;
        p.clientId = c->id;
        p.species = u"Bovine"_s;
        p.animalId = u"UK%1"_s.arg(100000 + i);
        p.sampleType = u"EDTA blood"_s;
        Result<Protocol> stored = ProtocolRepository(db, vet()).create(p);
        if (stored)
            stored = ProtocolRepository(db, vet()).transition(stored->id, Protocol::State::Received,
                                                              stored->version);
        if (!stored) {
            *error = stored.error().text();
            return {};
        }
        Result<Report> draft = ReportRepository(db, vet()).currentDraft(stored->id);
        if (!draft) {
            *error = draft.error().text();
            return {};
        }
        Report edited = draft.value();
        edited.findings = u"Mild normocytic anaemia; no parasites seen."_s;
        for (int row = 0; row < kRows; ++row)
            edited.results.append({0, u"Analyte %1"_s.arg(row + 1), QString::number(4.0 + row * 0.3, 'f', 1),
                                   u"g/dL"_s, u"3.0–9.0"_s,
                                   row % 5 == 0 ? Report::Flag::High : Report::Flag::None});
        const Result<Report> saved = ReportRepository(db, vet()).updateDraft(edited);
        if (!saved) {
            *error = saved.error().text();
            return {};
        }
        reports.append(saved->id);
    }
    return reports;
}

// Notes when the status line first paints "Finalizing…" after the click.
class PaintWatch : public QObject
{
public:
    QElapsedTimer *clock = nullptr;
    qint64 paintedNs = -1;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && paintedNs < 0 && clock && clock->isValid()) {
            if (static_cast<QLabel *>(watched)->text().startsWith(u"Finalizing…"_s))
                paintedNs = clock->nsecsElapsed();
        }
        return false;
    }
};

QCoro::Task<bool> waitForMode(QPointer<ReportEditor> editor, ReportEditor::Mode mode, int timeoutMs)
{
    QElapsedTimer waited;
    waited.start();
    while (editor && editor->mode() != mode && waited.elapsed() < timeoutMs) {
        QTimer tick;
        tick.start(5);
        co_await tick;
    }
    co_return editor && editor->mode() == mode;
}

QCoro::Task<> measureRuns(LabUi *lab, QList<qint64> reports, int runs)
{
    for (int i = -1; i < runs; ++i) {
        QPointer<ReportEditor> editor = lab->openReport(reports.at(i + 1));
        auto loaded = waitForMode(editor, ReportEditor::Mode::Editing, kTimeoutMs);
        if (!co_await loaded) {
            std::fprintf(stderr, "child: report %lld did not open as an editable draft\n",
                         static_cast<long long>(reports.at(i + 1)));
            QCoreApplication::exit(2);
            co_return;
        }
        {
            QTimer settle;
            settle.setSingleShot(true);
            settle.start(kSettleMs);
            co_await settle;
        }
        auto *button = editor->findChild<QPushButton *>(u"finalizeButton"_s);
        auto *status = editor->findChild<QLabel *>(u"statusLabel"_s);
        QElapsedTimer clock;
        PaintWatch watch;
        watch.clock = &clock;
        status->installEventFilter(&watch);
        const QPointF at = QRectF(button->rect()).center();
        const QPointF global = button->mapToGlobal(at);
        QMouseEvent press(QEvent::MouseButtonPress, at, global, Qt::LeftButton, Qt::LeftButton,
                          Qt::NoModifier);
        QMouseEvent release(QEvent::MouseButtonRelease, at, global, Qt::LeftButton, Qt::NoButton,
                            Qt::NoModifier);
        clock.start();
        QApplication::sendEvent(button, &press);
        QApplication::sendEvent(button, &release);
        const double handlerMs = double(clock.nsecsElapsed()) / 1e6;
        QElapsedTimer waited;
        waited.start();
        while (watch.paintedNs < 0 && waited.elapsed() < kTimeoutMs) {
            QTimer tick;
            tick.start(0);
            co_await tick;
        }
        if (editor)
            status->removeEventFilter(&watch);
        if (watch.paintedNs < 0) {
            std::fprintf(stderr, "child: 'Finalizing…' was not painted\n");
            QCoreApplication::exit(2);
            co_return;
        }
        auto signedOff = waitForMode(editor, ReportEditor::Mode::Finalized, kTimeoutMs);
        if (!co_await signedOff) {
            std::fprintf(stderr, "child: the report was not finalized: %s\n",
                         editor ? qPrintable(editor->statusText()) : "editor gone");
            QCoreApplication::exit(2);
            co_return;
        }
        std::printf("run warmup=%d feedback_ms=%.3f handler_ms=%.3f\n", i < 0 ? 1 : 0,
                    double(watch.paintedNs) / 1e6, handlerMs);
        std::fflush(stdout);
        editor->close();
    }
    std::printf("done\n");
    std::fflush(stdout);
    QCoreApplication::exit(0);
}

QCoro::Task<> startWindow(EventBus &events, JobEngine &engine, MainWindow &window, LabUi *lab,
                          QList<qint64> reports, int runs)
{
    events.start();
    if (!events.isListening()) {
        auto listening = qCoro(&events, &EventBus::listening); // named: GCC 12 bug 100611
        co_await listening;
    }
    PdfRenderer::warmUp(); // as the composition root does, before the engine renders
    engine.start();
    window.start();
    auto runsTask = measureRuns(lab, reports, runs);
    co_await runsTask;
}

} // namespace

int FinalizeFeedbackCase::child(int argc, char **argv)
{
    if (argc < 4) {
        std::fprintf(stderr, "child: --child-finalize-feedback URL RUNS\n");
        return 2;
    }
    const QString url = QString::fromLocal8Bit(argv[2]);
    const int runs = QByteArray(argv[3]).toInt();
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    app.setQuitOnLastWindowClosed(false);
    QCoreApplication::setOrganizationName(u"Residesk"_s);
    QCoreApplication::setApplicationName(u"residesk-bench"_s);
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "child: cannot create a temporary folder\n");
        return 2;
    }

    const Result<DatabaseConfig> config = DatabaseConfig::parse(url);
    if (!config) {
        std::fprintf(stderr, "child: %s\n", qPrintable(config.error().message));
        return 2;
    }
    // In the composition root's order (destroyed in reverse).
    Database database(config.value());
    QString error;
    const QList<qint64> reports = seedDrafts(database, runs + 1, &error);
    if (reports.size() != runs + 1) {
        std::fprintf(stderr, "child: cannot make the drafts: %s\n", qPrintable(error));
        return 2;
    }
    DbExecutor executor(database);
    ConnectionMonitor monitor(executor);
    PdfCache cache(dir.filePath(u"pdf"_s));
    LabServices::setPdfCache(&cache);
    TaskRegistry tasks;
    TaskCatalog::registerAll(tasks);
    EventBus events(database);
    JobEngineOptions options = JobEngineOptions::desktop(); // as the application runs it
    options.runRecurring = false;
    options.shutdownGraceMs = 3000;
    // No SMTP server here: the client's e-mails stay in the outbox.
    options.kinds = QStringList{u"report.finalize"_s, u"workorder.prerender"_s};
    JobEngine engine(database, tasks, options);
    engine.setEventBus(&events);
    int code = 0;
    {
        MainWindow window({.executor = executor,
                           .monitor = monitor,
                           .events = events,
                           .engine = &engine,
                           .tasks = tasks,
                           .actor = vet(),
                           .pdfCache = &cache});
        auto *lab = window.findChild<LabUi *>(u"labUi"_s);
        if (!lab) {
            std::fprintf(stderr, "child: the window has no lab part\n");
            return 2;
        }
        QTimer::singleShot(kTimeoutMs * 2, &app, [] {
            std::fprintf(stderr, "child: no result within %d ms\n", kTimeoutMs * 2);
            QCoreApplication::exit(3);
        });
        window.show();
        QTimer::singleShot(
            0, &window, [&, lab, reports, runs] { startWindow(events, engine, window, lab, reports, runs); });
        code = app.exec();
        bool stopped = !engine.isStarted();
        QObject::connect(&engine, &JobEngine::stopped, &app, [&stopped] { stopped = true; });
        engine.stop();
        QElapsedTimer waited;
        waited.start();
        while (!stopped && waited.elapsed() < options.shutdownGraceMs + 2000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    executor.waitForDone();
    LabServices::setPdfCache(nullptr);
    return code;
}

int FinalizeFeedbackCase::run(const BenchOptions &options)
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
    // The editor's remembered size stays out of the user's own settings.
    env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QCoreApplication::applicationFilePath(),
                  {u"--child-finalize-feedback"_s, db.url(), QString::number(options.runs)});

    BenchStats feedback{name(), u"ms"_s, {}};
    BenchStats handler{name() + u".handler"_s, u"ms"_s, {}};
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
            if (!line.startsWith("run "))
                continue;
            QHash<QByteArray, double> fields;
            for (const QByteArray &field : line.mid(4).split(' ')) {
                const qsizetype eq = field.indexOf('=');
                fields.insert(field.left(eq), field.mid(eq + 1).toDouble());
            }
            const bool warmup = fields.value("warmup") != 0;
            if (!options.json)
                std::fprintf(stderr, "%s 'Finalizing…' painted %.2f ms after the press (handler %.2f ms)\n",
                             warmup ? "warm-up:" : "run:", fields.value("feedback_ms"),
                             fields.value("handler_ms"));
            if (warmup)
                continue;
            feedback.samples.append(fields.value("feedback_ms"));
            handler.samples.append(fields.value("handler_ms"));
        }
    }
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
    }
    if (process.exitCode() != 0 || feedback.samples.size() != options.runs) {
        std::fprintf(stderr, "residesk-bench: the child failed (exit code %d)\n", process.exitCode());
        return 1;
    }
    handler.print(options.json);
    feedback.print(options.json);
    return 0;
}
