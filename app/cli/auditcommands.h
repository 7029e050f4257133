#pragma once

#include <QCoreApplication>

class CommandContext;
class CommandRegistry;

// The audit trail on the command line: `audit list`, filtered by table, person, record
// and time, newest first. Reads through AuditLog; on PostgreSQL only administrators
// (and workers) may read the trail.
class AuditCommands
{
    Q_DECLARE_TR_FUNCTIONS(AuditCommands)
public:
    static void registerCommands(CommandRegistry &registry);

private:
    static int list(CommandContext &context);
};
