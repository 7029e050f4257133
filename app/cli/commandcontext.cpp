#include "app/cli/commandcontext.h"

#include "app/cli/command.h"
#include "app/cli/commandline.h"
#include "models/db/database.h"
#include "models/db/databaseconfig.h"
#include "models/db/migrator.h"
#include "models/db/pgsignin.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <cstdio>

namespace {
// One line: driver messages often span several.
QString oneLine(const QString &text)
{
    return text.simplified();
}
} // namespace

CommandContext::CommandContext(const QCommandLineParser &parser, const Command &command,
                               const QString &databaseOption)
    : m_parser(parser)
    , m_command(command)
    , m_databaseOption(databaseOption)
{}

CommandContext::~CommandContext() = default;

bool CommandContext::json() const
{
    return m_parser.isSet(QStringLiteral("json"));
}

Database *CommandContext::openDatabase()
{
    Database *db = openDatabaseToMigrate();
    if (!db || m_schemaChecked)
        return db;
    const Result<int> version = Migrator(*db).currentVersion();
    if (!version) {
        error(tr("cannot read the schema version of the database %1: %2")
                  .arg(db->config().displayUrl(), version.error().message.simplified()));
        return nullptr;
    }
    const int latest = Migrator::latestVersion();
    if (version.value() < latest) {
        error(tr("the database %1 has schema version %2 but this Residesk needs version %3: run "
                 "\"residesk migrate\" first")
                  .arg(db->config().displayUrl())
                  .arg(version.value())
                  .arg(latest));
        return nullptr;
    }
    if (version.value() > latest) {
        error(tr("the database %1 has schema version %2, newer than this Residesk knows (%3): use a "
                 "newer Residesk")
                  .arg(db->config().displayUrl())
                  .arg(version.value())
                  .arg(latest));
        return nullptr;
    }
    m_schemaChecked = true;
    return db;
}

Database *CommandContext::openDatabaseToMigrate()
{
    if (m_db)
        return m_db.get();
    const QString url = DatabaseConfig::resolveUrl(m_parser.value(m_databaseOption));
    const Result<DatabaseConfig> config = DatabaseConfig::parse(url);
    if (!config) {
        error(tr("cannot connect to the database %1: %2")
                  .arg(DatabaseConfig::redacted(url), oneLine(config.error().message)));
        return nullptr;
    }
    // The password: RESIDESK_DB_PASSWORD (parse() took it), else the system keychain,
    // else libpq's own (~/.pgpass, PGPASSFILE, or none for trust, peer or Kerberos).
    const DatabaseConfig signIn = PgSignIn::withRememberedPassword(config.value());
    auto db = std::make_unique<Database>(signIn);
    if (const VoidResult opened = db->open(); !opened) {
        const DbError e = opened.error();
        QString reason = e.detail.trimmed().isEmpty() ? e.message : e.detail;
        // Qt's driver does not say why libpq gave up; one more attempt through libpq
        // itself tells a refused password from the rest, in words that name the user.
        if (signIn.isPostgreSQL() && e.code == DbError::Code::ConnectionFailed) {
            const PgSignIn::Outcome outcome = PgSignIn::attempt(signIn);
            if (!outcome.ok())
                reason = outcome.message;
        }
        error(tr("cannot connect to the database %1: %2").arg(signIn.displayUrl(), oneLine(reason)));
        return nullptr;
    }
    m_db = std::move(db);
    return m_db.get();
}

void CommandContext::out(const QString &text) const
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fputc('\n', stdout);
}

void CommandContext::error(const QString &message) const
{
    CommandLine::printError(message);
}

std::optional<qint64> CommandContext::idArgument(const QString &anId, int *exitCode) const
{
    const QStringList positional = m_parser.positionalArguments();
    const qsizetype at = m_command.words.size();
    if (positional.size() <= at) {
        *exitCode = usageError(tr("\"%1\" needs %2").arg(m_command.name(), anId));
        return std::nullopt;
    }
    bool ok = false;
    const qint64 id = positional.at(at).toLongLong(&ok);
    if (!ok || id <= 0) {
        *exitCode = usageError(tr("%1 is a positive whole number, not \"%2\"").arg(anId, positional.at(at)));
        return std::nullopt;
    }
    return id;
}

int CommandContext::usageError(const QString &message) const
{
    CommandLine::printError(message);
    CommandLine::printError(tr("see: residesk %1 --help").arg(m_command.name()));
    return CommandLine::ExitUsage;
}

void CommandContext::printJson(const QJsonValue &value) const
{
    QByteArray bytes;
    if (value.isArray())
        bytes = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    else if (value.isObject())
        bytes = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    else
        bytes = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fputc('\n', stdout);
}
