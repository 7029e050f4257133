#pragma once

#include <QCoreApplication>

class CommandContext;
class CommandRegistry;
struct Command;

// CSV on the command line: `import residents FILE` (the registrar's list, upserted by
// student id; --dry-run, --rejected-out, --map, --enqueue) and `export residents FILE`,
// `export rooms FILE`. The import runs in this process with the same ResidentImporter
// as the residents.import job (or, with --enqueue, queues that job for a worker).
class ImportCommands
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommands)
public:
    static void registerCommands(CommandRegistry &registry);
    // How many positional arguments a command takes after its words (the file: 1).
    static qsizetype argumentCount(const Command &command);

private:
    static int importResidents(CommandContext &context);
    static int exportTable(CommandContext &context);
};
