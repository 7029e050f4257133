#pragma once

#include <QCoreApplication>

class CommandRegistry;
class CommandContext;
struct Command;

// Waitlist commands: `waitlist add|list|remove|accept|decline`, and the deposit of a
// reservation, `allocations deposit ID --require AMOUNT | --paid AMOUNT --reference R
// [--date D] | --waive`. Data through WaitlistRepository, WaitlistService (which
// queues the offer of a freed bed in the same transaction) and DepositRepository.
//
//   residesk waitlist add --resident S0001 --building NH --room-type double
//   residesk waitlist list --building NH --json
//   residesk waitlist accept 12
//   residesk allocations deposit 7 --paid 250 --reference TX-881
class WaitlistCommands
{
    Q_DECLARE_TR_FUNCTIONS(WaitlistCommands)
public:
    static void registerCommands(CommandRegistry &registry);
    static qsizetype argumentCount(const Command &command);

private:
    static int add(CommandContext &context);
    static int list(CommandContext &context);
    static int remove(CommandContext &context);
    static int accept(CommandContext &context);
    static int decline(CommandContext &context);
    static int deposit(CommandContext &context);
};
