#include "app/cli/databasecommands.h"

#include "app/cli/commandcontext.h"
#include "app/cli/commandline.h"
#include "app/cli/commandregistry.h"
#include "models/db/database.h"
#include "models/db/migrator.h"

#include <QJsonObject>

void DatabaseCommands::registerCommands(CommandRegistry &registry)
{
    registry.add({
        {QStringLiteral("migrate")},
        tr("Bring the database schema up to date."),
        tr("Applies the schema migrations this Residesk knows and the database lacks, in one transaction. "
           "Running it again applies nothing. A database migrated by a newer Residesk is refused and left "
           "untouched (exit code 1)."),
        {},
        &DatabaseCommands::migrate,
    });
}

int DatabaseCommands::migrateOrReport(CommandContext &context, Database &db)
{
    const Result<int> applied = Migrator(db).migrate();
    if (!applied) {
        context.error(applied.error().message.simplified());
        return -1;
    }
    return applied.value();
}

int DatabaseCommands::migrate(CommandContext &context)
{
    Database *db = context.openDatabaseToMigrate();
    if (!db)
        return CommandLine::ExitFailure;
    const int applied = migrateOrReport(context, *db);
    if (applied < 0)
        return CommandLine::ExitFailure;
    const Result<int> version = Migrator(*db).currentVersion();
    const int schemaVersion = version ? version.value() : Migrator::latestVersion();
    if (context.json()) {
        context.printJson(QJsonObject{{QStringLiteral("database"), db->config().displayUrl()},
                                      {QStringLiteral("applied"), applied},
                                      {QStringLiteral("version"), schemaVersion}});
    } else if (applied == 0) {
        context.out(tr("The database schema is up to date (version %1).").arg(schemaVersion));
    } else {
        context.out(tr("Applied %n migration(s); the database schema is at version %1.", nullptr, applied)
                        .arg(schemaVersion));
    }
    return CommandLine::ExitSuccess;
}
