#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class CommandContext;

// One command of the `residesk` command line: a small registered entry. `words` is
// what the user types after the program name ("migrate", or "residents" "list");
// `options` are the command's own options, parsed on the same QCommandLineParser as
// the global ones (--database, --json, --help). The handler returns the exit code:
// 0 success, 1 failure, 2 bad usage (see CommandLine::ExitCode).
struct Command
{
    QStringList words;
    QString summary;     // one line, shown by `residesk --help`
    QString description; // optional, shown by `residesk <command> --help`
    QList<QCommandLineOption> options;
    std::function<int(CommandContext &)> handler;

    QString name() const { return words.join(QLatin1Char(' ')); }
};
