#pragma once

#include <QCoreApplication>

class CommandContext;
class CommandRegistry;
class Database;
struct Command;

// The durable job queue on the command line: `worker` (runs jobs without a window)
// and `jobs list|show|cancel|retry|stats|wait`. All data goes through JobStore.
class JobCommands
{
    Q_DECLARE_TR_FUNCTIONS(JobCommands)
public:
    static void registerCommands(CommandRegistry &registry);

    // How many positional arguments a command takes after its words ("jobs show ID":
    // 1). CommandLine accepts that many extra words.
    static qsizetype argumentCount(const Command &command);

private:
    static int worker(CommandContext &context);
    static int list(CommandContext &context);
    static int show(CommandContext &context);
    static int cancel(CommandContext &context);
    static int retry(CommandContext &context);
    static int stats(CommandContext &context);
    static int wait(CommandContext &context);
};
