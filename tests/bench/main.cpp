// residesk-bench: performance cases for Residesk (not a CTest test).
//   residesk-bench --list
//   residesk-bench CASE [--database URL] [--runs N] [--json]
// Each case runs once to warm up, then N times (default 5), and prints median, min
// and max; with --json the last line is {"case","unit","median","min","max","runs"}
// (times in ms, memory in MiB).
#include "models/core/localtimezone.h"
#include "tests/bench/backupcase.h"
#include "tests/bench/benchcase.h"
#include "tests/bench/bulkreceivecase.h"
#include "tests/bench/dashboardloadcase.h"
#include "tests/bench/enginenotifylatencycase.h"
#include "tests/bench/enginethroughputcase.h"
#include "tests/bench/finalizefeedbackcase.h"
#include "tests/bench/firstwindowcase.h"
#include "tests/bench/guistallcase.h"
#include "tests/bench/importpeakrsscase.h"
#include "tests/bench/importresidentscase.h"
#include "tests/bench/labbulktransitioncase.h"
#include "tests/bench/maildraincase.h"
#include "tests/bench/maintenanceprocesscase.h"
#include "tests/bench/reportoccupancycase.h"
#include "tests/bench/reportrendercase.h"
#include "tests/bench/reportthroughputcase.h"
#include "tests/bench/scaleuniversitycase.h"
#include "tests/bench/sortfiltercase.h"
#include "tests/bench/syncunchangedcase.h"
#include "tests/bench/workordercachedopencase.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>

#include <cstdio>
#include <cstring>
#include <memory>

int main(int argc, char **argv)
{
    useCachedLocalTimeZone(); // as the residesk binary does (app/main.cpp)
    if (argc >= 2 && std::strcmp(argv[1], "--child-gui-stall") == 0)
        return GuiStallCase::child(argc, argv);
    if (argc >= 2 && std::strcmp(argv[1], "--child-workorder-open") == 0)
        return WorkOrderCachedOpenCase::child(argc, argv);
    if (argc >= 2 && std::strcmp(argv[1], "--child-finalize-feedback") == 0)
        return FinalizeFeedbackCase::child(argc, argv);

    // The PDF cases render text: they need a QGuiApplication (fonts), on the offscreen
    // platform; the other cases keep their QCoreApplication.
    bool pdfCase = false;
    bool widgetCase = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        pdfCase = pdfCase || arg == ReportRenderCase::name().toLatin1() ||
                  arg == ReportThroughputCase::name().toLatin1() ||
                  arg == ReportOccupancyCase::name().toLatin1();
        widgetCase = widgetCase || arg == DashboardLoadCase::name().toLatin1();
    }
    std::unique_ptr<QCoreApplication> app;
    if (widgetCase) {
        // dashboard_load shows a window: widgets, on the offscreen platform.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(argc, argv);
    } else if (pdfCase) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setOrganizationName(QStringLiteral("Residesk"));
    QCoreApplication::setApplicationName(QStringLiteral("residesk-bench"));

    struct Case
    {
        QString name;
        int (*run)(const BenchOptions &);
        QString description = {}; // one line for --list
    };
    const QList<Case> cases{
        {FirstWindowCase::name(), &FirstWindowCase::run, FirstWindowCase::description()},
        {SortFilterCase::name(), &SortFilterCase::run,
         QStringLiteral("ms to sort and search 100,000 residents in the table model")},
        {ReportRenderCase::name(), &ReportRenderCase::run, ReportRenderCase::description()},
        {ReportThroughputCase::name(), &ReportThroughputCase::run, ReportThroughputCase::description()},
        {EngineThroughputCase::name(), &EngineThroughputCase::run, EngineThroughputCase::description()},
        {EngineNotifyLatencyCase::name(), &EngineNotifyLatencyCase::run,
         EngineNotifyLatencyCase::description()},
        {GuiStallCase::name(), &GuiStallCase::run, GuiStallCase::description()},
        {WorkOrderCachedOpenCase::name(), &WorkOrderCachedOpenCase::run,
         WorkOrderCachedOpenCase::description()},
        {LabBulkTransitionCase::name(), &LabBulkTransitionCase::run, LabBulkTransitionCase::description()},
        {ImportResidentsCase::name(), &ImportResidentsCase::run, ImportResidentsCase::description()},
        {ImportPeakRssCase::name(), &ImportPeakRssCase::run, ImportPeakRssCase::description()},
        {MailDrainCase::name(), &MailDrainCase::run, MailDrainCase::description()},
        {MaintenanceProcessCase::name(), &MaintenanceProcessCase::run, MaintenanceProcessCase::description()},
        {SyncUnchangedCase::name(), &SyncUnchangedCase::run, SyncUnchangedCase::description()},
        {BulkReceiveCase::name(50), &BulkReceiveCase::run50, BulkReceiveCase::description(50)},
        {BulkReceiveCase::name(1000), &BulkReceiveCase::run1000, BulkReceiveCase::description(1000)},
        {BulkReceiveCase::name(10000), &BulkReceiveCase::run10000, BulkReceiveCase::description(10000)},
        {FinalizeFeedbackCase::name(), &FinalizeFeedbackCase::run, FinalizeFeedbackCase::description()},
        {BackupCase::backupName(), &BackupCase::runBackup, BackupCase::backupDescription()},
        {BackupCase::restoreName(), &BackupCase::runRestore, BackupCase::restoreDescription()},
        {DashboardLoadCase::name(), &DashboardLoadCase::run, DashboardLoadCase::description()},
        {ReportOccupancyCase::name(), &ReportOccupancyCase::run, ReportOccupancyCase::description()},
        {ScaleUniversityCase::name(), &ScaleUniversityCase::run, ScaleUniversityCase::description()}};

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Residesk benchmarks."));
    parser.addHelpOption();
    const QCommandLineOption list(QStringLiteral("list"), QStringLiteral("List the cases."));
    const QCommandLineOption database(QStringLiteral("database"),
                                      QStringLiteral("The database (default: a temporary SQLite file)."),
                                      QStringLiteral("url"));
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("Measured runs (default 5)."),
                                  QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("End with one JSON line."));
    const QCommandLineOption history(
        QStringLiteral("history"),
        QStringLiteral("Engine cases: finished jobs put in the jobs table first (e.g. 1000000)."),
        QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption processes(
        QStringLiteral("processes"),
        QStringLiteral(
            "engine_throughput: worker process counts, e.g. 1,4; scale_university: one count (default 4)."),
        QStringLiteral("list"));
    const QCommandLineOption workerArg(QStringLiteral("worker-arg"),
                                       QStringLiteral("engine_throughput: one more argument for each worker "
                                                      "(repeatable), e.g. --worker-arg=--no-listen."),
                                       QStringLiteral("arg"));
    const QCommandLineOption workerUser(
        QStringLiteral("worker-user"),
        QStringLiteral("engine_throughput, scale_university: the PostgreSQL person the workers sign in as "
                       "(password from RESIDESK_DB_PASSWORD or ~/.pgpass), e.g. a residesk_worker person; "
                       "default: the --database URL's user."),
        QStringLiteral("name"));
    const QCommandLineOption jobs(QStringLiteral("jobs"),
                                  QStringLiteral("scale_university: queued jobs (default 100000)."),
                                  QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption listeners(
        QStringLiteral("listeners"),
        QStringLiteral("scale_university: listening clients, each with its own connection (default 200)."),
        QStringLiteral("n"), QStringLiteral("0"));
    parser.addOptions(
        {list, database, runs, json, history, processes, workerArg, workerUser, jobs, listeners});
    parser.addPositionalArgument(QStringLiteral("case"), QStringLiteral("The case to run (see --list)."));
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (parser.isSet(list)) {
        qsizetype width = 0;
        for (const Case &c : cases)
            width = qMax(width, c.name.size());
        for (const Case &c : cases) {
            const QString line =
                c.description.isEmpty() ? c.name : c.name.leftJustified(width + 2) + c.description;
            std::printf("%s\n", qPrintable(line));
        }
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        std::fprintf(stderr, "residesk-bench: name one case (see --list)\n");
        return 2;
    }
    BenchOptions options;
    options.databaseUrl = parser.value(database);
    options.json = parser.isSet(json);
    bool ok = false;
    options.runs = parser.value(runs).toInt(&ok);
    if (!ok || options.runs < 1) {
        std::fprintf(stderr, "residesk-bench: --runs must be a positive number\n");
        return 2;
    }
    options.runsSet = parser.isSet(runs);
    options.jobs = parser.value(jobs).toLongLong(&ok);
    if (!ok || options.jobs < 0) {
        std::fprintf(stderr, "residesk-bench: --jobs must be a number of jobs\n");
        return 2;
    }
    options.listeners = parser.value(listeners).toInt(&ok);
    if (!ok || options.listeners < 0 || options.listeners > 5000) {
        std::fprintf(stderr, "residesk-bench: --listeners must be a number from 1 to 5000\n");
        return 2;
    }
    options.history = parser.value(history).toLongLong(&ok);
    if (!ok || options.history < 0) {
        std::fprintf(stderr, "residesk-bench: --history must be a number of jobs\n");
        return 2;
    }
    for (const QString &part : parser.value(processes).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const int n = part.trimmed().toInt(&ok);
        if (!ok || n < 1 || n > 64) {
            std::fprintf(stderr, "residesk-bench: --processes takes counts from 1 to 64, e.g. 1,4\n");
            return 2;
        }
        options.processes.append(n);
    }
    options.workerArgs = parser.values(workerArg);
    options.workerUser = parser.value(workerUser);
    for (const Case &c : cases) {
        if (c.name == positional.constFirst())
            return c.run(options);
    }
    std::fprintf(stderr, "residesk-bench: unknown case \"%s\" (see --list)\n",
                 qPrintable(positional.constFirst()));
    return 2;
}
