#pragma once

#include <QCoreApplication>

class CommandContext;
class CommandRegistry;
struct Command;

// Backups on the command line: `backup FILE [--wait]` (a database.backup job),
// `backup verify FILE`, `backup schedule …` (the scheduled backups' settings) and
// `restore FILE` (in this process, into an empty database). See models/backup.
class BackupCommands
{
    Q_DECLARE_TR_FUNCTIONS(BackupCommands)
public:
    static void registerCommands(CommandRegistry &registry);
    static qsizetype argumentCount(const Command &command);

private:
    static int backup(CommandContext &context);
    static int verify(CommandContext &context);
    static int schedule(CommandContext &context);
    static int restore(CommandContext &context);
};
