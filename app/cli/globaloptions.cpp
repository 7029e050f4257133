#include "app/cli/globaloptions.h"

#ifndef RESIDESK_VERSION
#error "RESIDESK_VERSION must be defined by the build (PROJECT_VERSION)"
#endif

QList<QCommandLineOption> GlobalOptions::all()
{
    return {
        QCommandLineOption({QStringLiteral("h"), helpName()},
                           tr("Show help (for a command: residesk <command> --help).")),
        QCommandLineOption({QStringLiteral("v"), versionName()}, tr("Show the version.")),
        QCommandLineOption(
            databaseName(),
            tr("The database: sqlite:///absolute/path.db or postgresql://user@host:port/dbname "
               "(default: RESIDESK_DATABASE, else the local file). The PostgreSQL user is the URL's, "
               "else RESIDESK_USER, else libpq's default; the password comes from "
               "RESIDESK_DB_PASSWORD, else the system keychain, else ~/.pgpass (PGPASSFILE)."),
            tr("url")),
        QCommandLineOption(jsonName(), tr("Print machine-readable JSON on stdout.")),
    };
}

QCommandLineOption GlobalOptions::demo()
{
    return QCommandLineOption(demoName(),
                              tr("Fill an empty database with demo data before the window opens."));
}

QCommandLineOption GlobalOptions::signIn()
{
    return QCommandLineOption(signInName(), tr("Ask who signs in to the PostgreSQL database, even if a "
                                               "remembered password works."));
}

QCommandLineOption GlobalOptions::diagnostics()
{
    return QCommandLineOption(
        diagnosticsName(), tr("Offer Tools ▸ Run diagnostic job to administrators (checks the job engine)."));
}

void GlobalOptions::setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Residesk"));
    QCoreApplication::setApplicationName(QStringLiteral("Residesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RESIDESK_VERSION));
}

const QStringList &GlobalOptions::qtGuiValueOptions()
{
    static const QStringList names{QStringLiteral("platform"),
                                   QStringLiteral("platformpluginpath"),
                                   QStringLiteral("platformtheme"),
                                   QStringLiteral("plugin"),
                                   QStringLiteral("qwindowgeometry"),
                                   QStringLiteral("qwindowicon"),
                                   QStringLiteral("qwindowtitle"),
                                   QStringLiteral("session"),
                                   QStringLiteral("style"),
                                   QStringLiteral("stylesheet"),
                                   QStringLiteral("display"),
                                   QStringLiteral("geometry"),
                                   QStringLiteral("name"),
                                   QStringLiteral("title")};
    return names;
}

const QStringList &GlobalOptions::qtGuiFlags()
{
    static const QStringList names{QStringLiteral("reverse"), QStringLiteral("widgetcount"),
                                   QStringLiteral("nograb"), QStringLiteral("dograb"),
                                   QStringLiteral("sync")};
    return names;
}

QString GlobalOptions::optionName(const QString &arg)
{
    QString name = arg;
    while (name.startsWith(QLatin1Char('-')))
        name.remove(0, 1);
    const qsizetype eq = name.indexOf(QLatin1Char('='));
    return eq >= 0 ? name.left(eq) : name;
}

QStringList GlobalOptions::withoutQtGuiOptions(const QStringList &args)
{
    QStringList result;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (i > 0 && arg.startsWith(QLatin1Char('-'))) {
            const QString name = optionName(arg);
            if (qtGuiValueOptions().contains(name)) {
                if (!arg.contains(QLatin1Char('=')))
                    ++i;
                continue;
            }
            if (qtGuiFlags().contains(name))
                continue;
        }
        result += arg;
    }
    return result;
}
