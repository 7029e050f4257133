#pragma once

#include <QCoreApplication>

class CommandRegistry;
struct Command;

// Maintenance commands: `maintenance add|list|show|done`, `technicians add|list` and
// `plans add|list`. Data goes through the maintenance repositories and
// MaintenanceTasks::submit (the request and its processing job in one transaction);
// refusals print the data layer's message and exit 1.
//
//   residesk maintenance add --room NH/101 --category plumbing --priority high --description "Leak" --wait
//   residesk maintenance list --overdue --json
//   residesk technicians add --name "Pia Ruiz" --email pia@example.edu --skills plumbing,heating
//   residesk plans add --title "Filters" --room-type double --category heating --every 3 --from 2026-01-01
class MaintenanceCommands
{
    Q_DECLARE_TR_FUNCTIONS(MaintenanceCommands)
public:
    static void registerCommands(CommandRegistry &registry);
    static qsizetype argumentCount(const Command &command);
};
