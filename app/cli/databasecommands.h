#pragma once

#include <QCoreApplication>

class CommandRegistry;
class CommandContext;
class Database;

// Commands about the database itself: `migrate`.
class DatabaseCommands
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseCommands)
public:
    static void registerCommands(CommandRegistry &registry);

    // Migrates `db`, printing the failure ("residesk: …") if there is one. Returns
    // the number of migrations applied, or -1 on failure. Used by commands that
    // migrate first (seed-demo).
    static int migrateOrReport(CommandContext &context, Database &db);

private:
    static int migrate(CommandContext &context);
};
