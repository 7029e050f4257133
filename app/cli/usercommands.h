#pragma once

#include <QCoreApplication>

#include <optional>

class CommandContext;
class CommandRegistry;
class QString;
struct Command;

// People and their roles on PostgreSQL: `users add|list|set-role|disable|password`,
// through PeopleRepository (the server's functions of migration 0013; PostgreSQL itself
// refuses whoever is not an administrator). Passwords are read from standard input
// (without echo on a terminal), never from the command line.
//
// On the embedded SQLite file there is one person, the operating-system account, and
// no roles to manage: every `users` command says so and exits with 1.
class UserCommands
{
    Q_DECLARE_TR_FUNCTIONS(UserCommands)
public:
    static void registerCommands(CommandRegistry &registry);
    static qsizetype argumentCount(const Command &command);

    // One password from standard input: on a terminal asked for on stderr without echo
    // (twice when `confirm`), otherwise the first line. Null (after saying why) when none.
    static std::optional<QString> readPassword(CommandContext &context, const QString &prompt, bool confirm);

private:
    static int add(CommandContext &context);
    static int list(CommandContext &context);
    static int setRole(CommandContext &context);
    static int disable(CommandContext &context);
    static int enable(CommandContext &context);
    static int password(CommandContext &context);
};
