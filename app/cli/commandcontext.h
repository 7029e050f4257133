#pragma once

#include "models/core/actor.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

#include <memory>

class Database;
class QCommandLineParser;
class QJsonValue;
struct Command;

// What a command handler gets: the parsed command line, the output channels and the
// database named by --database / RESIDESK_DATABASE / the default file.
class CommandContext
{
    Q_DECLARE_TR_FUNCTIONS(CommandContext)
public:
    CommandContext(const QCommandLineParser &parser, const Command &command, const QString &databaseOption);
    ~CommandContext();

    const QCommandLineParser &parser() const { return m_parser; }
    const Command &command() const { return m_command; }
    bool json() const;
    Actor actor() const { return Actor::systemUser(); }

    // Opens the database and checks that its schema is the one this build knows (a
    // command never migrates by itself: "run residesk migrate first"). On failure prints
    // one line on stderr ("residesk: cannot connect to the database …: …") and returns null.
    Database *openDatabase();
    // Opens the database whatever its schema version: for the commands that migrate it.
    Database *openDatabaseToMigrate();

    // Output: plain text lines on stdout; errors as "residesk: message" on stderr.
    void out(const QString &text) const;
    void error(const QString &message) const;
    // A usage error for this command: message plus a hint, returns ExitCode::Usage.
    int usageError(const QString &message) const;
    // The record id right after the command's words ("jobs show 42"), a positive whole
    // number. `anId` names it for people, translated ("a job id"). Null after a usage
    // error (printed, with *exitCode set).
    std::optional<qint64> idArgument(const QString &anId, int *exitCode) const;
    // Prints a JSON value (compact, one line) on stdout.
    void printJson(const QJsonValue &value) const;

private:
    const QCommandLineParser &m_parser;
    const Command &m_command;
    QString m_databaseOption;
    std::unique_ptr<Database> m_db;
    bool m_schemaChecked = false;
};
