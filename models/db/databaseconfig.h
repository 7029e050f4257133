#pragma once

#include "models/db/databasebackend.h"
#include "models/db/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

// Where the data lives, parsed from a database URL:
//   sqlite:///absolute/path.db
//   postgresql://user@host:port/dbname?sslmode=verify-full&sslrootcert=/etc/residesk/ca.crt
// PostgreSQL sign-in:
//  - the user is the URL's, else RESIDESK_USER, else libpq's default (PGUSER, else the
//    operating-system account; see PgSignIn::effectiveUser());
//  - the password never appears in the URL: parse() takes RESIDESK_DB_PASSWORD; without
//    it the command line and the window look in the system keychain (PgSignIn), and
//    without that libpq finds its own (~/.pgpass or PGPASSFILE, or none for trust,
//    peer or Kerberos), because an empty password is simply not passed on.
struct DatabaseConfig
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseConfig)
public:
    using Backend = DatabaseBackend;

    Backend backend = Backend::SQLite;
    QString path; // SQLite file
    QString host; // PostgreSQL
    int port = 5432;
    QString user;
    QString password;
    QString databaseName;
    QString sslMode;     // empty: the driver's default ("prefer")
    QString sslRootCert; // a CA file to verify the server with (verify-ca, verify-full)
    QString sslCert;     // a client certificate and its key, for servers that ask for one
    QString sslKey;
    bool passwordFromEnvironment = false; // RESIDESK_DB_PASSWORD was set
    int connectTimeoutSeconds = 5;

    // Parses a URL. Errors name what is wrong ("the port "x" is not a number").
    static Result<DatabaseConfig> parse(const QString &url);
    // The URL to use: the command-line value if given, else RESIDESK_DATABASE, else
    // the embedded SQLite file under the application data location.
    static QString resolveUrl(const QString &commandLineValue);
    static QString defaultUrl();

    // The URL without any secret, for messages and logs.
    QString displayUrl() const;
    // A URL text as given, with any password in it replaced by "***" (for messages
    // about URLs that may not parse).
    static QString redacted(const QString &url);
    // "host:port", naming the server in messages.
    QString serverName() const;
    // libpq's connection keywords and values (host, port, dbname, user, password when
    // set, sslmode, sslrootcert, sslcert, sslkey, connect_timeout), for PQconnectStartParams.
    QList<std::pair<QByteArray, QByteArray>> libpqParameters() const;
    // Qt's QPSQL connect options for the same (everything but host, port, dbname, user
    // and password), values quoted for libpq.
    QString qpsqlConnectOptions() const;
    bool isSQLite() const { return backend == Backend::SQLite; }
    bool isPostgreSQL() const { return backend == Backend::PostgreSQL; }
};
