#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class CommandRegistry;
struct Command;

// The `residesk` command line. main() asks isCommandLine() before any application
// object exists: a command word, --help or --version (or an option only the command
// line knows) selects the command line, which runs on QCoreApplication without a
// display; otherwise the window starts (GuiApplication).
//
// Exit codes are stable: 0 success, 1 failure, 2 bad usage.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
public:
    enum ExitCode { ExitSuccess = 0, ExitFailure = 1, ExitUsage = 2 };

    static bool isCommandLine(int argc, char **argv);
    static int run(int argc, char **argv);

    // "residesk: message" on stderr.
    static void printError(const QString &message);
    // Every registered command (the table that `residesk --help` lists).
    static void registerCommands(CommandRegistry &registry);

private:
    static QString helpText(const CommandRegistry &registry);
    static QString commandHelpText(const Command &command);
};
