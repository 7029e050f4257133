#pragma once

#include "models/core/keychain.h"
#include "models/db/databaseconfig.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QString>

#include <chrono>

// Signing in to PostgreSQL as a person: one connection attempt through libpq that says
// why it failed (wrong password, a password needed, TLS refused, …) in words people
// understand, and the password's place in the system keychain.
//
// Where the password comes from, in this order (the command line, workers, the window):
//   1. RESIDESK_DB_PASSWORD (DatabaseConfig::parse() reads it);
//   2. the system keychain, service "Residesk", key keychainKey() ("Remember password"
//      in the window's sign-in dialog puts it there);
//   3. libpq's own: ~/.pgpass or PGPASSFILE, or no password at all when pg_hba.conf
//      says trust, peer or gss: an empty password is not passed on.
// Whatever pg_hba.conf asks for is libpq's business; only the outcome is classified.
//
// attempt() blocks (up to the connect timeout): call it off the GUI thread, or use
// attemptAsync(), which runs it on Qt's global thread pool. Its connection is its own,
// closed before it returns. Messages never contain the password.
//
//   auto trying = PgSignIn::attemptAsync(config);
//   const PgSignIn::Outcome outcome = co_await trying;
//   if (!outcome.ok()) dialog->showError(outcome.message);
class PgSignIn
{
    Q_DECLARE_TR_FUNCTIONS(PgSignIn)
public:
    enum class Result {
        SignedIn,
        WrongPassword,  // the server refused the password (or there is no such role)
        PasswordNeeded, // the server wants a password and none was given or found
        Refused,        // anything else: server down, TLS refused, no pg_hba.conf line, …
    };

    struct Outcome
    {
        Result result = Result::Refused;
        QString sessionUser; // on SignedIn: who the server says this is
        QString message;     // translated, for people; names the user and the server
        QString detail;      // libpq's own text, for logs
        bool ok() const { return result == Result::SignedIn; }
    };

    // One connection attempt with exactly this configuration (user, password, TLS
    // options); on success reads session_user and disconnects.
    static Outcome attempt(const DatabaseConfig &config);
    static QCoro::Task<Outcome> attemptAsync(DatabaseConfig config);

    // The user libpq signs in as: the configuration's, else libpq's default (PGUSER,
    // else the operating-system account).
    static QString effectiveUser(const DatabaseConfig &config);
    // "postgresql:<user>@<host>:<port>/<dbname>": the keychain key of the password.
    static QString keychainKey(const DatabaseConfig &config);

    // The remembered password for this configuration's user, server and database
    // (notFound when there is none; another error when the keychain cannot be reached).
    static QCoro::Task<Keychain::Secret> rememberedPassword(DatabaseConfig config,
                                                            std::chrono::milliseconds timeout);
    static QCoro::Task<QString> remember(DatabaseConfig config, QString password);
    static QCoro::Task<QString> forget(DatabaseConfig config);

    // For the command line and workers (blocking; the main thread, before any work):
    // when the configuration has no password from the environment, the keychain's, if
    // any (a keychain that cannot be reached is passed over quietly: libpq's own means
    // come next).
    static DatabaseConfig withRememberedPassword(DatabaseConfig config);
};
