#pragma once

#include <QCoreApplication>

class CommandContext;
class CommandRegistry;
struct Command;

// The registrar sync on the command line: `sync residents [URL]` queues (and with
// --wait runs and reports) a residents.sync job; `sync settings` shows or changes the
// office's sync settings; `sync flagged` lists the residents the last export did not
// list and `sync review ID…` clears their flags.
class SyncCommands
{
    Q_DECLARE_TR_FUNCTIONS(SyncCommands)
public:
    static void registerCommands(CommandRegistry &registry);
    // "sync residents" takes an optional URL; "sync review" flag ids.
    static qsizetype argumentCount(const Command &command);

private:
    static int syncResidents(CommandContext &context);
    static int settings(CommandContext &context);
    static int flagged(CommandContext &context);
    static int review(CommandContext &context);
};
