#include "app/cli/commandline.h"

#include "app/cli/allocationcommands.h"
#include "app/cli/auditcommands.h"
#include "app/cli/backupcommands.h"
#include "app/cli/bulkcommands.h"
#include "app/cli/command.h"
#include "app/cli/commandcontext.h"
#include "app/cli/commandregistry.h"
#include "app/cli/databasecommands.h"
#include "app/cli/globaloptions.h"
#include "app/cli/housingcommands.h"
#include "app/cli/importcommands.h"
#include "app/cli/jobcommands.h"
#include "app/cli/labcommands.h"
#include "app/cli/mailcommands.h"
#include "app/cli/maintenancecommands.h"
#include "app/cli/smscommands.h"
#include "app/cli/synccommands.h"
#include "app/cli/usagereportcommands.h"
#include "app/cli/usercommands.h"
#include "app/cli/waitlistcommands.h"
#include "app/i18n/translationloader.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QLoggingCategory>

#include <cstdio>

namespace {

void writeTo(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

QString optionName(const QString &arg)
{
    return GlobalOptions::optionName(arg);
}

// The words that are not options or option values, given the options that take a value.
QStringList positionalWords(const QStringList &args, const QStringList &valueOptions)
{
    QStringList words;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--")) {
            words += args.mid(i + 1);
            break;
        }
        if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            if (!arg.contains(QLatin1Char('=')) && valueOptions.contains(optionName(arg)))
                ++i;
            continue;
        }
        words += arg;
    }
    return words;
}

QString formatOptions(const QList<QCommandLineOption> &options)
{
    QList<QPair<QString, QString>> rows;
    qsizetype width = 0;
    for (const QCommandLineOption &option : options) {
        if (option.flags() & QCommandLineOption::HiddenFromHelp)
            continue;
        QStringList names;
        for (const QString &n : option.names())
            names += (n.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + n;
        QString left = names.join(QStringLiteral(", "));
        if (!option.valueName().isEmpty())
            left += QStringLiteral(" <%1>").arg(option.valueName());
        width = qMax(width, left.size());
        rows.append({left, option.description()});
    }
    QString text;
    for (const auto &[left, description] : rows)
        text += QStringLiteral("  %1  %2\n").arg(left.leftJustified(width), description);
    return text;
}

} // namespace

bool CommandLine::isCommandLine(int argc, char **argv)
{
    // Options the window understands: ours, and Qt's own GUI options (-platform ...).
    QStringList guiValueOptions = GlobalOptions::qtGuiValueOptions();
    guiValueOptions += GlobalOptions::databaseName();
    QStringList guiFlags = GlobalOptions::qtGuiFlags();
    guiFlags += GlobalOptions::demoName();
    guiFlags += GlobalOptions::signInName();
    guiFlags += GlobalOptions::diagnosticsName();
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (!arg.startsWith(QLatin1Char('-')) || arg == QLatin1String("-") || arg == QLatin1String("--"))
            return true; // a command word
        const QString name = optionName(arg);
        if (guiValueOptions.contains(name)) {
            if (!arg.contains(QLatin1Char('=')))
                ++i;
            continue;
        }
        if (guiFlags.contains(name))
            continue;
        return true; // --help, --version, --json, or an unknown option (a usage error)
    }
    return false;
}

void CommandLine::printError(const QString &message)
{
    writeTo(stderr, QStringLiteral("residesk: ") + message + QLatin1Char('\n'));
}

void CommandLine::registerCommands(CommandRegistry &registry)
{
    DatabaseCommands::registerCommands(registry);
    HousingCommands::registerCommands(registry);
    JobCommands::registerCommands(registry);
    LabCommands::registerCommands(registry);
    ImportCommands::registerCommands(registry);
    MailCommands::registerCommands(registry);
    SmsCommands::registerCommands(registry);
    AllocationCommands::registerCommands(registry);
    BulkCommands::registerCommands(registry);
    UserCommands::registerCommands(registry);
    MaintenanceCommands::registerCommands(registry);
    AuditCommands::registerCommands(registry);
    WaitlistCommands::registerCommands(registry);
    SyncCommands::registerCommands(registry);
    BackupCommands::registerCommands(registry);
    UsageReportCommands::registerCommands(registry);
}

QString CommandLine::helpText(const CommandRegistry &registry)
{
    QString text =
        tr("Usage: residesk [--database <url>] <command> [options]\n"
           "       residesk [--database <url>] [--demo] [--sign-in] [--diagnostics]   (no command: open the "
           "window)\n\n"
           "Residesk: housing office administration.\n\nCommands:\n");
    qsizetype width = 0;
    for (const Command &command : registry.commands())
        width = qMax(width, command.name().size());
    for (const Command &command : registry.commands())
        text += QStringLiteral("  %1  %2\n").arg(command.name().leftJustified(width), command.summary);
    text += tr("\nGlobal options:\n") + formatOptions(GlobalOptions::all());
    text += tr("\nWindow options (no command):\n") +
            formatOptions({GlobalOptions::demo(), GlobalOptions::signIn(), GlobalOptions::diagnostics()});
    text += tr("\n\"residesk <command> --help\" describes a command. Exit codes: 0 success, 1 failure, "
               "2 bad usage.\n");
    return text;
}

QString CommandLine::commandHelpText(const Command &command)
{
    QString text =
        tr("Usage: residesk [global options] %1%2\n\n%3\n")
            .arg(command.name(), command.options.isEmpty() ? QString() : tr(" [options]"), command.summary);
    if (!command.description.isEmpty())
        text += QLatin1Char('\n') + command.description + QLatin1Char('\n');
    if (!command.options.isEmpty())
        text += tr("\nOptions:\n") + formatOptions(command.options);
    text += tr("\nGlobal options:\n") + formatOptions(GlobalOptions::all());
    return text;
}

int CommandLine::run(int argc, char **argv)
{
    // A QGuiApplication, not a QCoreApplication: jobs run here (worker, --wait) may
    // render PDFs, which needs the font database. The command line never shows a
    // window, so it always uses the offscreen platform and needs no display.
    // Qt's start-up notes on stderr (an unset XDG_RUNTIME_DIR …) would break the
    // promise of one line per failure, so they are muted while the application starts.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QLoggingCategory::setFilterRules(QStringLiteral("default.warning=false"));
    QGuiApplication app(argc, argv);
    GlobalOptions::setApplicationIdentity();
    // English whatever the locale, so scripts can read the output; the English plural
    // forms turn "%n row(s)" into "1 row" / "2 rows".
    TranslationLoader::installEnglish();
    // The data layer logs driver details as warnings (the job engine its steps as info);
    // a command reports each failure itself in one line, so those stay quiet unless
    // QT_LOGGING_RULES asks for them.
    QLoggingCategory::setFilterRules(
        QStringLiteral("residesk.*.warning=false\nresidesk.*.info=false\nresidesk.*.debug=false"));

    CommandRegistry registry;
    registerCommands(registry);

    const QStringList args = QCoreApplication::arguments();
    QStringList valueOptions = registry.valueOptionNames();
    for (const QCommandLineOption &option : GlobalOptions::all()) {
        if (!option.valueName().isEmpty())
            valueOptions += option.names();
    }
    const QStringList words = positionalWords(args, valueOptions);
    const Command *command = registry.find(words);

    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    parser.addOptions(GlobalOptions::all());
    if (command)
        parser.addOptions(command->options);
    else {
        parser.addOption(GlobalOptions::demo()); // accepted so "--demo" with a typo'd command reads well
        parser.addOption(GlobalOptions::signIn());
        parser.addOption(GlobalOptions::diagnostics());
    }

    if (!parser.parse(args)) {
        printError(parser.errorText());
        printError(command ? tr("see: residesk %1 --help").arg(command->name()) : tr("see: residesk --help"));
        return ExitUsage;
    }
    if (parser.isSet(GlobalOptions::versionName())) {
        writeTo(stdout, QStringLiteral("residesk %1\n").arg(QCoreApplication::applicationVersion()));
        return ExitSuccess;
    }
    if (parser.isSet(GlobalOptions::helpName())) {
        writeTo(stdout, command ? commandHelpText(*command) : helpText(registry));
        return ExitSuccess;
    }
    if (!command) {
        if (words.isEmpty()) {
            printError(tr("no command given (the window starts without options other than --database and "
                          "--demo); see: residesk --help"));
            return ExitUsage;
        }
        QStringList candidates;
        for (const Command &c : registry.commands()) {
            if (c.words.constFirst() == words.constFirst())
                candidates += c.name();
        }
        if (!candidates.isEmpty())
            printError(tr("\"%1\" needs a subcommand: %2")
                           .arg(words.join(QLatin1Char(' ')), candidates.join(QStringLiteral(", "))));
        else
            printError(tr("unknown command \"%1\"; see: residesk --help").arg(words.join(QLatin1Char(' '))));
        return ExitUsage;
    }
    // A command takes its own words plus its positional arguments ("jobs show ID").
    const qsizetype arguments =
        JobCommands::argumentCount(*command) + ImportCommands::argumentCount(*command) +
        MailCommands::argumentCount(*command) + SmsCommands::argumentCount(*command) +
        AllocationCommands::argumentCount(*command) + BulkCommands::argumentCount(*command) +
        LabCommands::argumentCount(*command) + UserCommands::argumentCount(*command) +
        MaintenanceCommands::argumentCount(*command) + WaitlistCommands::argumentCount(*command) +
        SyncCommands::argumentCount(*command) + BackupCommands::argumentCount(*command);
    if (words.size() > command->words.size() + arguments) {
        printError(tr("unexpected argument \"%1\" for \"%2\"; see: residesk %2 --help")
                       .arg(words.at(command->words.size() + arguments), command->name()));
        return ExitUsage;
    }

    CommandContext context(parser, *command, GlobalOptions::databaseName());
    const int code = command->handler(context);
    std::fflush(stdout);
    return code;
}
