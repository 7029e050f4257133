#include "models/db/databaseconfig.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>
#include <QtGlobal>

namespace {
DbError urlError(const QString &message)
{
    return DbError(DbError::Code::InvalidUrl, message);
}
} // namespace

Result<DatabaseConfig> DatabaseConfig::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return urlError(tr("The database URL is empty."));

    const QUrl url(trimmed, QUrl::TolerantMode);
    if (!url.isValid())
        return urlError(tr("The database URL \"%1\" is not a valid URL: %2").arg(trimmed, url.errorString()));

    const QString scheme = url.scheme().toLower();
    DatabaseConfig config;
    if (scheme == QLatin1String("sqlite")) {
        config.backend = Backend::SQLite;
        if (!url.host().isEmpty())
            return urlError(tr("The SQLite URL \"%1\" names a host; use sqlite:///absolute/path.db "
                               "(three slashes).").arg(trimmed));
        const QString path = url.path();
        if (path.isEmpty() || !QDir::isAbsolutePath(path) || path.endsWith(QLatin1Char('/')))
            return urlError(tr("The SQLite URL \"%1\" needs an absolute file path, as in "
                               "sqlite:///absolute/path.db.").arg(trimmed));
        config.path = QDir::cleanPath(path);
        return config;
    }

    if (scheme == QLatin1String("postgresql") || scheme == QLatin1String("postgres")) {
        config.backend = Backend::PostgreSQL;
        config.host = url.host();
        if (config.host.isEmpty())
            return urlError(tr("The PostgreSQL URL \"%1\" has no host, as in "
                               "postgresql://user@host:5432/dbname.").arg(trimmed));
        // QUrl turns an unparsable port into an invalid URL; a port out of range gives -1 there too.
        config.port = url.port(5432);
        if (config.port <= 0 || config.port > 65535)
            return urlError(tr("The PostgreSQL URL \"%1\" has an invalid port.").arg(trimmed));
        config.user = url.userName();
        if (config.user.isEmpty())
            return urlError(tr("The PostgreSQL URL \"%1\" has no user name, as in "
                               "postgresql://user@host:5432/dbname.").arg(trimmed));
        if (!url.password().isEmpty())
            return urlError(tr("The PostgreSQL URL must not contain a password; set RESIDESK_DB_PASSWORD "
                               "instead."));
        QString name = url.path();
        if (name.startsWith(QLatin1Char('/')))
            name.remove(0, 1);
        if (name.isEmpty() || name.contains(QLatin1Char('/')))
            return urlError(tr("The PostgreSQL URL \"%1\" needs a database name, as in "
                               "postgresql://user@host:5432/dbname.").arg(trimmed));
        config.databaseName = name;

        const QUrlQuery query(url);
        static const QStringList sslModes{QStringLiteral("disable"), QStringLiteral("allow"),
                                          QStringLiteral("prefer"), QStringLiteral("require"),
                                          QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
        for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
            if (key == QLatin1String("sslmode")) {
                if (!sslModes.contains(value))
                    return urlError(tr("The sslmode \"%1\" is not one of: %2.")
                                        .arg(value, sslModes.join(QStringLiteral(", "))));
                config.sslMode = value;
            } else if (key == QLatin1String("connect_timeout")) {
                bool ok = false;
                const int seconds = value.toInt(&ok);
                if (!ok || seconds < 1)
                    return urlError(tr("The connect_timeout \"%1\" is not a number of seconds.").arg(value));
                config.connectTimeoutSeconds = seconds;
            } else {
                return urlError(tr("The PostgreSQL URL option \"%1\" is not known (known: sslmode, "
                                   "connect_timeout).").arg(key));
            }
        }
        config.password = qEnvironmentVariable("RESIDESK_DB_PASSWORD");
        return config;
    }

    return urlError(tr("The database URL \"%1\" must start with sqlite:/// or postgresql://.").arg(trimmed));
}

QString DatabaseConfig::defaultUrl()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share/residesk");
    return QStringLiteral("sqlite://") + QDir::cleanPath(dir + QStringLiteral("/residesk.db"));
}

QString DatabaseConfig::resolveUrl(const QString &commandLineValue)
{
    if (!commandLineValue.isEmpty())
        return commandLineValue;
    const QString env = qEnvironmentVariable("RESIDESK_DATABASE");
    if (!env.isEmpty())
        return env;
    return defaultUrl();
}

QString DatabaseConfig::displayUrl() const
{
    if (isSQLite())
        return QStringLiteral("sqlite://") + path;
    QString url = QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(databaseName);
    if (!sslMode.isEmpty())
        url += QStringLiteral("?sslmode=") + sslMode;
    return url;
}
