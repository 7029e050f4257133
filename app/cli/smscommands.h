#pragma once

#include <QCoreApplication>

class CommandContext;
class CommandRegistry;
struct Command;

// Text messages on the command line: `sms outbox` (list), `sms send` (drain now,
// --wait), `sms resolve ID --sent|--resend`, `sms retry ID`, `sms test --to NUMBER`
// and `sms settings` (show or change the gateway settings of this machine). Data goes
// through SmsOutbox; sending is the sms.send job's (a worker, the window, or --wait).
class SmsCommands
{
    Q_DECLARE_TR_FUNCTIONS(SmsCommands)
public:
    static void registerCommands(CommandRegistry &registry);
    static qsizetype argumentCount(const Command &command);

private:
    static int outbox(CommandContext &context);
    static int send(CommandContext &context);
    static int resolve(CommandContext &context);
    static int retry(CommandContext &context);
    static int test(CommandContext &context);
    static int settings(CommandContext &context);
};
