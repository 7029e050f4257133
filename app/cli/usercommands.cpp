#include "app/cli/usercommands.h"

#include "app/cli/commandcontext.h"
#include "app/cli/commandline.h"
#include "app/cli/commandregistry.h"
#include "app/cli/texttable.h"
#include "models/core/peoplerepository.h"
#include "models/db/database.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>
#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

QStringList words(const char *sub)
{
    return {u"users"_s, QString::fromLatin1(sub)};
}

// The positional argument `index` after the command's words, or empty.
QString argument(const CommandContext &context, qsizetype index)
{
    const QStringList positional = context.parser().positionalArguments();
    const qsizetype at = context.command().words.size() + index;
    return at < positional.size() ? positional.at(at) : QString();
}

// The repository's refusal, printed; the exit code (2 for what the command line got
// wrong, 1 for what the database refused).
int report(CommandContext &context, const DbError &error)
{
    if (error.code == DbError::Code::Validation) {
        for (const FieldError &f : error.fields)
            context.error(f.message);
        return CommandLine::ExitUsage;
    }
    context.error(error.message.simplified());
    return CommandLine::ExitFailure;
}

// The database, PostgreSQL only: on SQLite the refusal is printed and null returned.
Database *openPostgreSQL(CommandContext &context)
{
    Database *db = context.openDatabase();
    if (!db)
        return nullptr;
    if (!db->isPostgreSQL()) {
        context.error(PeopleRepository::sqliteRefusal().message);
        return nullptr;
    }
    return db;
}

std::string readLine()
{
    std::string line;
    std::getline(std::cin, line);
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

// One line from a terminal with its echo off (restored whatever happens).
std::string readHidden(const QString &prompt)
{
    const QByteArray text = prompt.toUtf8();
    std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
    std::fflush(stderr);
    termios old{};
    const bool hidden = tcgetattr(STDIN_FILENO, &old) == 0;
    if (hidden) {
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line = readLine();
    if (hidden)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    std::fputc('\n', stderr);
    return line;
}

QString roleText(const QString &role)
{
    if (role == u"admin"_s)
        return UserCommands::tr("admin");
    if (role == u"housing"_s)
        return UserCommands::tr("housing");
    if (role == u"vet"_s)
        return UserCommands::tr("vet");
    if (role == u"worker"_s)
        return UserCommands::tr("worker");
    return role;
}

} // namespace

void UserCommands::registerCommands(CommandRegistry &registry)
{
    const QString sqliteNote =
        tr("PostgreSQL only: on the embedded SQLite file there is one person, the operating-system account, "
           "and the command exits with 1.");
    registry.add({
        words("add"),
        tr("Add a person: a PostgreSQL login in one role (administrators only)."),
        tr("users add NAME --role admin|housing|vet|worker --full-name \"…\" [--title T] [--email E]. The "
           "password is read from standard input (asked for twice without echo on a terminal, otherwise the "
           "first line), never from the command line; it reaches the server only as a SCRAM-SHA-256 "
           "verifier. NAME: lowercase letters, digits and underscores, starting with a letter, not pg_… or "
           "residesk_…. %1")
            .arg(sqliteNote),
        {QCommandLineOption(u"role"_s, tr("The person's role: admin, housing, vet or worker."), tr("role")),
         QCommandLineOption(u"full-name"_s, tr("The full name (it signs finalized reports)."), tr("name")),
         QCommandLineOption(u"title"_s, tr("The title or position (optional)."), tr("title")),
         QCommandLineOption(u"email"_s, tr("The e-mail address (optional)."), tr("address"))},
        &UserCommands::add,
    });
    registry.add({
        words("list"),
        tr("List the people and their roles (administrators only)."),
        tr("With --json: a JSON array of objects with the keys login, full_name, title, email, role, "
           "can_login. Otherwise an aligned text table. %1")
            .arg(sqliteNote),
        {},
        &UserCommands::list,
    });
    registry.add({
        words("set-role"),
        tr("Give a person another role (administrators only)."),
        tr("users set-role NAME admin|housing|vet|worker: the person leaves their old role. %1")
            .arg(sqliteNote),
        {},
        &UserCommands::setRole,
    });
    registry.add({
        words("disable"),
        tr("Stop a person from signing in (administrators only)."),
        tr("users disable NAME: the login can no longer sign in, and the sessions it has open end now. "
           "Nobody can disable their own login. %1")
            .arg(sqliteNote),
        {},
        &UserCommands::disable,
    });
    registry.add({
        words("enable"),
        tr("Let a disabled person sign in again (administrators only)."),
        tr("users enable NAME: the login may sign in again, with the role and password it had. %1")
            .arg(sqliteNote),
        {},
        &UserCommands::enable,
    });
    registry.add({
        words("password"),
        tr("Change your own password, or (administrators) another person's."),
        tr("users password [NAME]: without NAME your own login's password. The new password is read from "
           "standard input (asked for twice without echo on a terminal, otherwise the first line). %1")
            .arg(sqliteNote),
        {},
        &UserCommands::password,
    });
}

qsizetype UserCommands::argumentCount(const Command &command)
{
    if (command.words == words("set-role"))
        return 2;
    if (command.words == words("add") || command.words == words("disable") || command.words == words("enable") ||
        command.words == words("password"))
        return 1;
    return 0;
}

std::optional<QString> UserCommands::readPassword(CommandContext &context, const QString &prompt,
                                                  bool confirm)
{
    std::string password;
    if (isatty(STDIN_FILENO)) {
        password = readHidden(prompt);
        if (confirm && !password.empty() && readHidden(tr("Again: ")) != password) {
            context.error(tr("the two passwords differ; nothing was changed"));
            return std::nullopt;
        }
    } else {
        password = readLine();
    }
    if (password.empty()) {
        context.error(tr("no password given on standard input; nothing was changed"));
        return std::nullopt;
    }
    return QString::fromUtf8(password.data(), qsizetype(password.size()));
}

int UserCommands::add(CommandContext &context)
{
    const QCommandLineParser &parser = context.parser();
    Person person;
    person.login = argument(context, 0);
    if (person.login.isEmpty())
        return context.usageError(tr("\"users add\" needs the new person's login"));
    if (const auto problem = PeopleRepository::loginProblem(person.login))
        return context.usageError(*problem);
    if (!parser.isSet(u"role"_s))
        return context.usageError(tr("\"users add\" needs --role (admin, housing, vet or worker)"));
    person.role = parser.value(u"role"_s);
    if (const auto problem = PeopleRepository::roleProblem(person.role))
        return context.usageError(*problem);
    person.fullName = parser.value(u"full-name"_s).trimmed();
    if (person.fullName.isEmpty())
        return context.usageError(tr("\"users add\" needs --full-name"));
    person.title = parser.value(u"title"_s);
    person.email = parser.value(u"email"_s);

    Database *db = openPostgreSQL(context);
    if (!db)
        return CommandLine::ExitFailure;
    const std::optional<QString> password =
        readPassword(context, tr("Password for %1: ").arg(person.login), true);
    if (!password)
        return CommandLine::ExitFailure;
    if (auto r = PeopleRepository(*db).add(person, *password); !r)
        return report(context, r.error());
    if (context.json())
        context.printJson(QJsonObject{{u"login"_s, person.login}, {u"role"_s, person.role}});
    else
        context.out(tr("Added %1 (%2) as %3.").arg(person.login, person.fullName, roleText(person.role)));
    return CommandLine::ExitSuccess;
}

int UserCommands::list(CommandContext &context)
{
    Database *db = openPostgreSQL(context);
    if (!db)
        return CommandLine::ExitFailure;
    const Result<QList<Person>> people = PeopleRepository(*db).list();
    if (!people)
        return report(context, people.error());
    if (context.json()) {
        QJsonArray rows;
        for (const Person &p : people.value())
            rows.append(QJsonObject{{u"login"_s, p.login},
                                    {u"full_name"_s, p.fullName},
                                    {u"title"_s, p.title},
                                    {u"email"_s, p.email},
                                    {u"role"_s, p.role},
                                    {u"can_login"_s, p.canLogin}});
        context.printJson(rows);
        return CommandLine::ExitSuccess;
    }
    TextTable table({tr("LOGIN"), tr("FULL NAME"), tr("TITLE"), tr("E-MAIL"), tr("ROLE"), tr("SIGN-IN")});
    for (const Person &p : people.value())
        table.addRow({p.login, p.fullName, p.title, p.email, roleText(p.role),
                      p.canLogin ? tr("yes") : tr("disabled")});
    context.out(table.toString());
    return CommandLine::ExitSuccess;
}

int UserCommands::setRole(CommandContext &context)
{
    const QString login = argument(context, 0);
    const QString role = argument(context, 1);
    if (login.isEmpty() || role.isEmpty())
        return context.usageError(tr("\"users set-role\" needs a login and a role"));
    if (const auto problem = PeopleRepository::loginProblem(login))
        return context.usageError(*problem);
    if (const auto problem = PeopleRepository::roleProblem(role))
        return context.usageError(*problem);
    Database *db = openPostgreSQL(context);
    if (!db)
        return CommandLine::ExitFailure;
    if (auto r = PeopleRepository(*db).setRole(login, role); !r)
        return report(context, r.error());
    if (context.json())
        context.printJson(QJsonObject{{u"login"_s, login}, {u"role"_s, role}});
    else
        context.out(tr("%1 is now %2.").arg(login, roleText(role)));
    return CommandLine::ExitSuccess;
}

int UserCommands::disable(CommandContext &context)
{
    const QString login = argument(context, 0);
    if (login.isEmpty())
        return context.usageError(tr("\"users disable\" needs a login"));
    if (const auto problem = PeopleRepository::loginProblem(login))
        return context.usageError(*problem);
    Database *db = openPostgreSQL(context);
    if (!db)
        return CommandLine::ExitFailure;
    if (auto r = PeopleRepository(*db).disable(login); !r)
        return report(context, r.error());
    if (context.json())
        context.printJson(QJsonObject{{u"login"_s, login}, {u"can_login"_s, false}});
    else
        context.out(tr("%1 can no longer sign in.").arg(login));
    return CommandLine::ExitSuccess;
}

int UserCommands::enable(CommandContext &context)
{
    const QString login = argument(context, 0);
    if (login.isEmpty())
        return context.usageError(tr("\"users enable\" needs a login"));
    if (const auto problem = PeopleRepository::loginProblem(login))
        return context.usageError(*problem);
    Database *db = openPostgreSQL(context);
    if (!db)
        return CommandLine::ExitFailure;
    if (auto r = PeopleRepository(*db).enable(login); !r)
        return report(context, r.error());
    if (context.json())
        context.printJson(QJsonObject{{u"login"_s, login}, {u"can_login"_s, true}});
    else
        context.out(tr("%1 can sign in again.").arg(login));
    return CommandLine::ExitSuccess;
}

int UserCommands::password(CommandContext &context)
{
    const QString login = argument(context, 0);
    if (!login.isEmpty()) {
        if (const auto problem = PeopleRepository::loginProblem(login))
            return context.usageError(*problem);
    }
    Database *db = openPostgreSQL(context);
    if (!db)
        return CommandLine::ExitFailure;
    PeopleRepository people(*db);
    const bool own = login.isEmpty() || login == db->sessionUser();
    const QString who = own ? db->sessionUser() : login;
    const std::optional<QString> password = readPassword(context, tr("New password for %1: ").arg(who), true);
    if (!password)
        return CommandLine::ExitFailure;
    const VoidResult r = own ? people.setOwnPassword(*password) : people.setPassword(login, *password);
    if (!r)
        return report(context, r.error());
    if (context.json())
        context.printJson(QJsonObject{{u"login"_s, who}, {u"password_changed"_s, true}});
    else
        context.out(tr("The password of %1 was changed.").arg(who));
    return CommandLine::ExitSuccess;
}
