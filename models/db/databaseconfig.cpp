#include "models/db/databaseconfig.h"

#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>
#include <QtGlobal>

namespace {
// QUrl's error text quotes the URL and its user info (with any password) too.
QString redactedUrlError(QString text)
{
    static const QRegularExpression userInfo(QStringLiteral("userinfo = \"[^\"]*\""));
    text.replace(userInfo, QStringLiteral("userinfo = \"***\""));
    return DatabaseConfig::redacted(text);
}

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

    // Every message shows the URL without a password someone may have put into it.
    const QString shown = redacted(trimmed);
    const QUrl url(trimmed, QUrl::TolerantMode);
    if (!url.isValid())
        return urlError(tr("The database URL \"%1\" is not a valid URL: %2")
                            .arg(shown, redactedUrlError(url.errorString())));

    const QString scheme = url.scheme().toLower();
    DatabaseConfig config;
    if (scheme == QLatin1String("sqlite")) {
        config.backend = Backend::SQLite;
        if (!url.host().isEmpty())
            return urlError(tr("The SQLite URL \"%1\" names a host; use sqlite:///absolute/path.db "
                               "(three slashes).")
                                .arg(shown));
        const QString path = url.path();
        if (path.isEmpty() || !QDir::isAbsolutePath(path) || path.endsWith(QLatin1Char('/')))
            return urlError(tr("The SQLite URL \"%1\" needs an absolute file path, as in "
                               "sqlite:///absolute/path.db.")
                                .arg(shown));
        config.path = QDir::cleanPath(path);
        return config;
    }

    if (scheme == QLatin1String("postgresql") || scheme == QLatin1String("postgres")) {
        config.backend = Backend::PostgreSQL;
        config.host = url.host();
        if (config.host.isEmpty())
            return urlError(tr("The PostgreSQL URL \"%1\" has no host, as in "
                               "postgresql://user@host:5432/dbname.")
                                .arg(shown));
        // QUrl turns an unparsable port into an invalid URL; a port out of range gives -1 there too.
        config.port = url.port(5432);
        if (config.port <= 0 || config.port > 65535)
            return urlError(tr("The PostgreSQL URL \"%1\" has an invalid port.").arg(shown));
        // The URL's user wins; RESIDESK_USER names one for URLs shared by many people;
        // without either libpq signs in as its default (PGUSER, else the OS account).
        config.user = url.userName(QUrl::FullyDecoded);
        if (config.user.isEmpty())
            config.user = qEnvironmentVariable("RESIDESK_USER").trimmed();
        if (!url.password().isEmpty())
            return urlError(tr("The PostgreSQL URL must not contain a password; set RESIDESK_DB_PASSWORD, "
                               "keep it in the system keychain (the window's sign-in) or in ~/.pgpass "
                               "instead."));
        QString name = url.path();
        if (name.startsWith(QLatin1Char('/')))
            name.remove(0, 1);
        if (name.isEmpty() || name.contains(QLatin1Char('/')))
            return urlError(tr("The PostgreSQL URL \"%1\" needs a database name, as in "
                               "postgresql://user@host:5432/dbname.")
                                .arg(shown));
        config.databaseName = name;

        const QUrlQuery query(url);
        static const QStringList sslModes{QStringLiteral("disable"),   QStringLiteral("allow"),
                                          QStringLiteral("prefer"),    QStringLiteral("require"),
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
            } else if (key == QLatin1String("sslrootcert") || key == QLatin1String("sslcert") ||
                       key == QLatin1String("sslkey")) {
                // libpq's special value "system" (its default CA store) is a file name here too.
                if (value.isEmpty())
                    return urlError(tr("The PostgreSQL URL option %1 needs a file name.").arg(key));
                if (value.contains(QLatin1Char(';')))
                    return urlError(tr("The file name of %1 must not contain \";\".").arg(key));
                (key == QLatin1String("sslrootcert") ? config.sslRootCert
                 : key == QLatin1String("sslcert")   ? config.sslCert
                                                     : config.sslKey) = value;
            } else {
                return urlError(tr("The PostgreSQL URL option \"%1\" is not known (known: sslmode, "
                                   "sslrootcert, sslcert, sslkey, connect_timeout).")
                                    .arg(key));
            }
        }
        config.password = qEnvironmentVariable("RESIDESK_DB_PASSWORD");
        config.passwordFromEnvironment = !config.password.isEmpty();
        return config;
    }

    return urlError(tr("The database URL \"%1\" must start with sqlite:/// or postgresql://.").arg(shown));
}

QString DatabaseConfig::redacted(const QString &url)
{
    // scheme://user:password@host → scheme://user:***@host, also in text QUrl rejects.
    // Rather too much than too little: everything up to the last '@' of the word goes.
    static const QRegularExpression password(QStringLiteral("(://[^/?#@\\s]*?:)\\S*@"));
    QString out = url.trimmed();
    out.replace(password, QStringLiteral("\\1***@"));
    return out;
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
    // Built from the parts, never from the text given: a password cannot slip through.
    QString url = QStringLiteral("postgresql://%1%2:%3/%4")
                      .arg(user.isEmpty() ? QString() : user + QLatin1Char('@'), host)
                      .arg(port)
                      .arg(databaseName);
    QStringList options;
    if (!sslMode.isEmpty())
        options << QStringLiteral("sslmode=") + sslMode;
    if (!sslRootCert.isEmpty())
        options << QStringLiteral("sslrootcert=") + sslRootCert;
    if (!sslCert.isEmpty())
        options << QStringLiteral("sslcert=") + sslCert;
    if (!sslKey.isEmpty())
        options << QStringLiteral("sslkey=") + sslKey;
    if (!options.isEmpty())
        url += QLatin1Char('?') + options.join(QLatin1Char('&'));
    return url;
}

QString DatabaseConfig::serverName() const
{
    return QStringLiteral("%1:%2").arg(host).arg(port);
}

QList<std::pair<QByteArray, QByteArray>> DatabaseConfig::libpqParameters() const
{
    QList<std::pair<QByteArray, QByteArray>> out;
    const auto add = [&out](const char *key, const QString &value) {
        if (!value.isEmpty())
            out.append({QByteArray(key), value.toUtf8()});
    };
    add("host", host);
    add("port", QString::number(port));
    add("dbname", databaseName);
    add("user", user);
    add("password", password);
    add("sslmode", sslMode);
    add("sslrootcert", sslRootCert);
    add("sslcert", sslCert);
    add("sslkey", sslKey);
    add("connect_timeout", QString::number(connectTimeoutSeconds));
    return out;
}

QString DatabaseConfig::qpsqlConnectOptions() const
{
    // QPSQL appends these to libpq's connection string after turning ';' into spaces;
    // values are quoted as libpq reads them ('…' with \\ and \' escaped).
    const auto quoted = [](QString value) {
        value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        value.replace(QLatin1Char('\''), QStringLiteral("\\'"));
        return QLatin1Char('\'') + value + QLatin1Char('\'');
    };
    QStringList options{QStringLiteral("connect_timeout=%1").arg(connectTimeoutSeconds)};
    if (!sslMode.isEmpty())
        options << QStringLiteral("sslmode=") + sslMode;
    if (!sslRootCert.isEmpty())
        options << QStringLiteral("sslrootcert=") + quoted(sslRootCert);
    if (!sslCert.isEmpty())
        options << QStringLiteral("sslcert=") + quoted(sslCert);
    if (!sslKey.isEmpty())
        options << QStringLiteral("sslkey=") + quoted(sslKey);
    return options.join(QLatin1Char(';'));
}
