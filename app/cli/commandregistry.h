#pragma once

#include "app/cli/command.h"

#include <QList>
#include <QStringList>

// The table of commands. Command groups (housingcommands.h, ...) add their entries;
// CommandLine looks commands up by the words the user typed.
class CommandRegistry
{
public:
    void add(Command command);

    // The command whose words are the longest prefix of `positional`, or null.
    const Command *find(const QStringList &positional) const;
    const QList<Command> &commands() const { return m_commands; }
    // Options of all commands that take a value (to find the command words in argv
    // before the command's own options are known to the parser).
    QStringList valueOptionNames() const;

private:
    QList<Command> m_commands;
};
