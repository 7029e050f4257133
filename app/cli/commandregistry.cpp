#include "app/cli/commandregistry.h"

void CommandRegistry::add(Command command)
{
    m_commands.append(std::move(command));
}

const Command *CommandRegistry::find(const QStringList &positional) const
{
    const Command *best = nullptr;
    for (const Command &command : m_commands) {
        if (command.words.size() > positional.size())
            continue;
        if (positional.mid(0, command.words.size()) != command.words)
            continue;
        if (!best || command.words.size() > best->words.size())
            best = &command;
    }
    return best;
}

QStringList CommandRegistry::valueOptionNames() const
{
    QStringList names;
    for (const Command &command : m_commands) {
        for (const QCommandLineOption &option : command.options) {
            if (!option.valueName().isEmpty())
                names += option.names();
        }
    }
    return names;
}
