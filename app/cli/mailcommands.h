#pragma once

#include <QCoreApplication>

class CommandContext;
class CommandRegistry;
struct Command;

// The e-mail outbox on the command line: `mail outbox` (list), `mail send` (drain now,
// --wait), `mail resolve ID --sent|--resend` (a person's decision on an uncertain
// e-mail), `mail retry ID` (a failed one), `mail test --to ADDRESS` (a test e-mail
// through the outbox) and `mail residents` (a bulk e-mail to residents from a
// template). All data goes through Outbox and ResidentMailing; sending is the
// mail.send job's (a worker, the window, or this process with --wait).
class MailCommands
{
    Q_DECLARE_TR_FUNCTIONS(MailCommands)
public:
    static void registerCommands(CommandRegistry &registry);
    // Positional arguments after the command's words ("mail resolve ID": 1).
    static qsizetype argumentCount(const Command &command);

private:
    static int outbox(CommandContext &context);
    static int send(CommandContext &context);
    static int resolve(CommandContext &context);
    static int retry(CommandContext &context);
    static int test(CommandContext &context);
    static int residents(CommandContext &context);
};
