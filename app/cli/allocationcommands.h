#pragma once

#include <QCoreApplication>

class CommandRegistry;
class CommandContext;
struct Command;

// Room allocation commands: `allocations list|reserve|check-in|check-out|cancel` and
// `rooms free`. All data goes through AllocationRepository (no SQL here); refusals
// (a full room, a forbidden state change) print the repository's message and exit 1.
//
//   residesk allocations reserve --resident S0001 --room NH/101 --from 2026-09-01 --to 2027-07-01
//   residesk allocations check-in 7
//   residesk rooms free --building NH --date 2026-09-03 --json
class AllocationCommands
{
    Q_DECLARE_TR_FUNCTIONS(AllocationCommands)
public:
    static void registerCommands(CommandRegistry &registry);
    // Positional arguments after the command words (the allocation id of check-in …).
    static qsizetype argumentCount(const Command &command);

private:
    static int list(CommandContext &context);
    static int reserve(CommandContext &context);
    static int checkIn(CommandContext &context);
    static int checkOut(CommandContext &context);
    static int cancel(CommandContext &context);
    static int freeBeds(CommandContext &context);
};
