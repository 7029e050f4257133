#pragma once

#include <QCoreApplication>
#include <QCoroTask>
#include <QString>

#include <chrono>

// The system keychain (QtKeychain over the D-Bus secret service, Keychain Access, the
// Windows credential store), service "Residesk": where the database and SMTP passwords
// live, never in a settings file.
//
// Asynchronous: every QtKeychain job runs on the application's main thread (QtKeychain
// and libsecret keep per-thread D-Bus state that does not survive jobs on short-lived or
// several threads); the caller co_awaits from any thread whose event loop runs, and so
// must the main thread's. A job that does not answer within `timeout` is reported as a
// failure, so a hanging secret service never hangs a job, a command or the window.
//
//   const Keychain::Secret secret = co_await Keychain::read(u"postgresql:ann@db:5432/r"_s);
//   if (secret.error.isEmpty()) use(secret.value);
class Keychain
{
    Q_DECLARE_TR_FUNCTIONS(Keychain)
public:
    static constexpr std::chrono::milliseconds kDefaultTimeout{20000};

    struct Secret
    {
        QString value;
        QString error;         // empty: success
        bool notFound = false; // the error is "no such entry"
    };

    static QString service(); // "Residesk"

    // Reading a missing entry is an error too (notFound).
    static QCoro::Task<Secret> read(QString key, std::chrono::milliseconds timeout = kDefaultTimeout);
    // An empty string means success.
    static QCoro::Task<QString> store(QString key, QString value,
                                      std::chrono::milliseconds timeout = kDefaultTimeout);
    // Deleting a missing entry succeeds.
    static QCoro::Task<QString> remove(QString key, std::chrono::milliseconds timeout = kDefaultTimeout);
};
