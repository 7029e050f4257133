#include "app/gui/guiapplication.h"

#include "app/cli/globaloptions.h"
#include "app/cli/unixsignals.h"
#include "app/gui/shutdownwatchdog.h"
#include "app/gui/startupprobe.h"
#include "app/i18n/translationloader.h"
#include "installer/applicationicon.h"
#include "models/core/actor.h"
#include "models/db/connectionmonitor.h"
#include "models/db/database.h"
#include "models/db/databaseconfig.h"
#include "models/db/dbexecutor.h"
#include "models/db/events.h"
#include "models/db/migrator.h"
#include "models/db/sqlstatement.h"
#include "models/housing/demoseeder.h"
#include "models/housing/residentrepository.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "tasks/lab/labservices.h"
#include "tasks/pdf/pdfcache.h"
#include "tasks/pdf/pdfrenderer.h"
#include "tasks/taskcatalog.h"
#include "tasks/taskregistry.h"
#include "ui/mainwindow.h"
#include "ui/signin/signinflow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoroFuture>
#include <QCoroTask>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProcess>
#include <QThread>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

// What the signed-in person's groups allow, as the server says (PostgreSQL: the
// privileges of residesk_admin, _housing, _vet; SQLite: the one person may do all).
struct Prepared
{
    int applied = 0;
    MainWindow::Rights rights;
};

// Migrates, asks the server what the person may do, installs the built-in recurring
// jobs (an administrator's or a worker's task on PostgreSQL: nobody else may), and with
// --demo fills an empty database with the default demo data. Runs on the executor's
// write thread.
Result<Prepared> prepareDatabase(Database &db, bool demo, const Actor &actor)
{
    Result<int> applied = Migrator(db).migrate();
    if (!applied)
        return applied.error();
    Prepared prepared{.applied = applied.value(), .rights = {}};
    if (db.isPostgreSQL()) {
        SqlStatement st(db, u"SELECT pg_has_role(session_user, 'residesk_admin', 'USAGE'), "
                            "pg_has_role(session_user, 'residesk_housing', 'USAGE'), "
                            "pg_has_role(session_user, 'residesk_vet', 'USAGE')"_s);
        if (const VoidResult asked = st.exec(); !asked)
            return asked.error();
        if (!st.next())
            return DbError(DbError::Code::QueryFailed,
                           GuiApplication::tr("The server did not say who you are."));
        prepared.rights.admin = st.value(0).toBool();
        prepared.rights.housing = prepared.rights.admin || st.value(1).toBool();
        prepared.rights.lab = prepared.rights.admin || st.value(2).toBool();
    }
    if (prepared.rights.admin) {
        for (const RecurringJob &job : TaskCatalog::defaultRecurring()) {
            if (const VoidResult installed = JobStore(db).upsertRecurring(job); !installed)
                return installed.error();
        }
    }
    if (!demo || !prepared.rights.housing)
        return prepared;
    const Result<qint64> residents = ResidentRepository(db, actor).count(ListFilter{});
    if (!residents)
        return residents.error();
    if (residents.value() == 0) {
        const auto seeded = DemoSeeder(db, actor).seed(DemoSeeder::Options{});
        if (!seeded)
            return seeded.error();
    }
    return prepared;
}

// The schema is ready: the event bus listens, the engine starts claiming jobs and the
// window loads its pages.
QCoro::Task<> startUp(DbExecutor &executor, EventBus &events, JobEngine &engine, MainWindow &window,
                      bool demo, Actor actor)
{
    // A named future, not a temporary: GCC 12 destroys temporaries of a co_await
    // expression twice (GCC bug 100611).
    auto future = executor.write([demo, actor](Database &db) { return prepareDatabase(db, demo, actor); });
    const Result<Prepared> prepared = co_await future;
    if (!prepared) {
        QMessageBox::critical(&window, GuiApplication::tr("Residesk"),
                              GuiApplication::tr("Residesk cannot use the database %1.\n\n%2")
                                  .arg(executor.database().config().displayUrl(), prepared.error().text()));
        QCoreApplication::exit(1);
        co_return;
    }
    // Pages and actions the person's role may use; recurring jobs are fired by the
    // engines of administrators and workers only (nobody else may queue them).
    window.setRights(prepared->rights);
    engine.setRunRecurring(engine.options().runRecurring && prepared->rights.admin);
    events.start();
    // Before the engine can render anything on a pool thread: the renderer's one-time
    // font set-up registers a font, which emits a signal from the registering thread,
    // so it is done here, on the GUI thread (some tens of milliseconds, once).
    PdfRenderer::warmUp();
    engine.start();
    window.start();
}

// The window closed: stop claiming, let running jobs stop at a checkpoint (they are
// released, not failed, so another worker or the next start resumes them), then
// quit once the engine says it stopped, or after its grace period. The event loop
// keeps running meanwhile.
void stopAndQuit(JobEngine &engine)
{
    if (!engine.isStarted()) {
        QCoreApplication::quit();
        return;
    }
    QObject::connect(&engine, &JobEngine::stopped, qApp, [] { QCoreApplication::quit(); });
    QTimer::singleShot(engine.options().shutdownGraceMs + 2000, qApp, [] { QCoreApplication::quit(); });
    engine.stop();
}

} // namespace

void GuiApplication::installTranslations(QApplication &app)
{
    auto *qtTranslator = new QTranslator(&app);
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (qtTranslator->load(QLocale(), QStringLiteral("qt"), QStringLiteral("_"), qtDir) ||
        qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"), qtDir))
        QCoreApplication::installTranslator(qtTranslator);

    // The user's language, or the English plural forms when Residesk has no translation
    // for it.
    TranslationLoader::installForLocale(QLocale());
}

int GuiApplication::run(int argc, char **argv)
{
    QApplication app(argc, argv);
    GlobalOptions::setApplicationIdentity();
    QApplication::setWindowIcon(ApplicationIcon::icon());
    // The desktop entry (residesk.desktop): Wayland compositors take the icon from it.
    QGuiApplication::setDesktopFileName(QStringLiteral("residesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("Residesk"));
    installTranslations(app);

    QCommandLineParser parser;
    parser.addOptions(GlobalOptions::all());
    parser.addOption(GlobalOptions::demo());
    parser.addOption(GlobalOptions::signIn());
    parser.addOption(GlobalOptions::diagnostics());
    if (!parser.parse(GlobalOptions::withoutQtGuiOptions(QCoreApplication::arguments()))) {
        std::fprintf(stderr, "residesk: %s\nresidesk: see: residesk --help\n",
                     qPrintable(parser.errorText()));
        return 2;
    }

    const QString url = DatabaseConfig::resolveUrl(parser.value(GlobalOptions::databaseName()));
    const Result<DatabaseConfig> config = DatabaseConfig::parse(url);
    if (!config) {
        QMessageBox::critical(nullptr, tr("Residesk"),
                              tr("Residesk cannot use the database %1.\n\n%2")
                                  .arg(DatabaseConfig::redacted(url), config.error().message));
        return 1;
    }

    // On PostgreSQL a person signs in first (a remembered password that works asks
    // nothing); the main event loop runs meanwhile, so nothing waits on the GUI thread.
    // SQLite has one person: the operating-system account that owns the file.
    QApplication::setQuitOnLastWindowClosed(false);
    DatabaseConfig signedIn = config.value();
    Actor actor = Actor::systemUser();
    if (signedIn.isPostgreSQL()) {
        SignInFlow flow(signedIn, parser.isSet(GlobalOptions::signInName()));
        QObject::connect(&flow, &SignInFlow::finished, &app,
                         [](bool ok) { QCoreApplication::exit(ok ? 0 : 1); });
        flow.start();
        if (app.exec() != 0)
            return 0; // Quit in the sign-in dialog
        signedIn = flow.config();
        actor.username = flow.sessionUser();
    }

    // Owned here, destroyed in reverse order: the window, the engine (joins its runner
    // threads), the event bus, the monitor, the executor (waits for running work),
    // then the database. Bus and engine start once the schema is migrated. The
    // watchdog, destroyed last, bounds all of that once the window has closed.
    ShutdownWatchdog watchdog;
    Database database(signedIn);
    DbExecutor executor(database);
    ConnectionMonitor monitor(executor);
    // One PDF cache per process, in the default location: the window opens PDFs from it
    // and this desktop's jobs (finalize, pre-render) fill it.
    PdfCache pdfCache;
    LabServices::setPdfCache(&pdfCache);
    TaskRegistry tasks;
    TaskCatalog::registerAll(tasks);
    EventBus events(database);
    JobEngine engine(database, tasks, JobEngineOptions::desktop());
    engine.setEventBus(&events);
    MainWindow window({.executor = executor,
                       .monitor = monitor,
                       .events = events,
                       .engine = &engine,
                       .tasks = tasks,
                       .actor = actor,
                       .pdfCache = &pdfCache,
                       .diagnostics = parser.isSet(GlobalOptions::diagnosticsName())});
    if (signedIn.isPostgreSQL())
        window.setWindowTitle(tr("Residesk — %1 on %2").arg(actor.username, signedIn.serverName()));
    StartupProbe::installIfRequested(window); // RESIDESK_STARTUP_PROBE only: the start-up benchmark
    window.show();

    // File ▸ Sign in as someone else…: this window closes as on Quit (jobs stop at a
    // checkpoint, connections close) and a new process asks who signs in. A fresh
    // process is what makes sure nothing of the old person's session (connections,
    // listeners, caches, the engine's claims) lives on.
    bool signInAgain = false;
    QObject::connect(&window, &MainWindow::signInAsSomeoneElseRequested, &window, [&window, &signInAgain] {
        signInAgain = true;
        if (!window.close())
            signInAgain = false;
    });
    QObject::connect(&app, &QGuiApplication::lastWindowClosed, &engine, [&engine] { stopAndQuit(engine); });

    // Logging out, `kill` or Ctrl+C in the terminal close the window as File ▸ Quit
    // does (its state is saved, jobs stop at a checkpoint); a second one quits at once.
    UnixSignals signalWatcher({SIGTERM, SIGINT, SIGHUP});
    QObject::connect(&signalWatcher, &UnixSignals::received, &window, [&window](int signalNumber) {
        static bool closing = false;
        if (closing) {
            std::fprintf(stderr, "residesk: %s again: quitting at once\n",
                         qPrintable(UnixSignals::name(signalNumber)));
            std::_Exit(1);
        }
        closing = true;
        if (!window.close())
            QCoreApplication::quit();
    });

    const bool demo = parser.isSet(GlobalOptions::demoName());
    QTimer::singleShot(0, &window, [&executor, &events, &engine, &window, demo, actor] {
        startUp(executor, events, engine, window, demo, actor);
    });

    const int code = app.exec();
    // The engine had its grace period; what is still running now (a statement the
    // database never answers) must not keep the process alive for good.
    watchdog.arm(std::chrono::milliseconds(kTeardownMs),
                 tr("the database did not let go within %n second(s) of the window closing; quitting without "
                    "waiting (queued and running jobs resume on the next start)",
                    nullptr, kTeardownMs / 1000),
                 code);
    executor.waitForDone();
    LabServices::setPdfCache(nullptr);
    if (signInAgain && code == 0) {
        QStringList arguments = QCoreApplication::arguments().mid(1);
        arguments.removeAll(u"--"_s + GlobalOptions::demoName());
        if (!arguments.contains(u"--"_s + GlobalOptions::signInName()))
            arguments << u"--"_s + GlobalOptions::signInName();
        if (!QProcess::startDetached(QCoreApplication::applicationFilePath(), arguments))
            std::fprintf(stderr, "residesk: could not start Residesk again to sign in\n");
    }
    return code;
}
