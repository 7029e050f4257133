#pragma once

#include "models/db/databasebackend.h"
#include "models/db/result.h"

#include <QString>

// Where the data lives, parsed from a database URL:
//   sqlite:///absolute/path.db
//   postgresql://user@host:port/dbname?sslmode=require
// The PostgreSQL password never appears in the URL: it comes from RESIDESK_DB_PASSWORD
// (the system keychain comes with sign-in).
struct DatabaseConfig
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseConfig)
public:
    using Backend = DatabaseBackend;

    Backend backend = Backend::SQLite;
    QString path;        // SQLite file
    QString host;        // PostgreSQL
    int port = 5432;
    QString user;
    QString password;
    QString databaseName;
    QString sslMode;     // empty: the driver's default ("prefer")
    int connectTimeoutSeconds = 5;

    // Parses a URL. Errors name what is wrong ("the port "x" is not a number").
    static Result<DatabaseConfig> parse(const QString &url);
    // The URL to use: the command-line value if given, else RESIDESK_DATABASE, else
    // the embedded SQLite file under the application data location.
    static QString resolveUrl(const QString &commandLineValue);
    static QString defaultUrl();

    // The URL without any secret, for messages and logs.
    QString displayUrl() const;
    bool isSQLite() const { return backend == Backend::SQLite; }
    bool isPostgreSQL() const { return backend == Backend::PostgreSQL; }
};
