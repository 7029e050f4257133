#pragma once

#include <QCoreApplication>
#include <QCoroTask>
#include <QString>
#include <QStringList>

#include <optional>

class QSettings;

// How Residesk reaches its SMTP server: host, port, security, login, sender, rate
// limit. A value type, safe to copy between threads.
//
// Where it comes from (load()):
//  1. the environment, for servers and scripts, when RESIDESK_SMTP_URL is set:
//       RESIDESK_SMTP_URL       smtp://user@host:587 (STARTTLS required),
//                               smtp://host:25?security=none (a plain local relay),
//                               smtps://user@host:465 (implicit TLS)
//       RESIDESK_SMTP_PASSWORD  the login's password
//       RESIDESK_MAIL_FROM      "Housing Office <housing@example.edu>" or an address
//       RESIDESK_SMTP_CA_FILE   a CA bundle to verify the server with (verification
//                               always stays on)
//       RESIDESK_MAIL_RATE      messages per minute (0 or unset: unlimited)
//       RESIDESK_SMTP_TIMEOUT   seconds one message may take (default 120)
//  2. otherwise the "mail" group of the application's QSettings (everything but the
//     password) and the password from the system keychain (QtKeychain, service
//     "Residesk", key keychainKey()).
//
//   auto loading = MailSettings::load();                  // on any thread with an event loop
//   const MailSettingsLoad loaded = co_await loading;
//   if (!loaded.missing.isEmpty()) fail(loaded.problem());
class MailSettings
{
    Q_DECLARE_TR_FUNCTIONS(MailSettings)
public:
    enum class Security { None, StartTls, Tls };
    enum class Source { None, Environment, Settings };

    QString host;
    int port = 0; // 0: the default of the security (25/587/465)
    Security security = Security::StartTls;
    QString user; // empty: no AUTH (a local relay)
    QString password;
    QString fromAddress;
    QString fromName;
    int ratePerMinute = 0; // 0: unlimited
    QString caFile;        // empty: the system's CA store
    int connectTimeoutMs = 15000;
    int timeoutMs = 120000; // the whole conversation, per message
    Source source = Source::None;

    int effectivePort() const;
    // "smtp://host:587" / "smtps://host:465" (no user, no password).
    QString url() const;
    // What a sender cannot do without, named for people ("the SMTP server host", …).
    QStringList missing() const;
    static QString securityCode(Security security); // "none", "starttls", "tls"
    static std::optional<Security> securityFromCode(const QString &code);

    // Parses the environment; an empty optional when RESIDESK_SMTP_URL is unset. A set
    // but malformed variable gives settings whose `error` says what is wrong.
    static std::optional<MailSettings> fromEnvironment(QString *error = nullptr);
    // The non-secret part from QSettings (group "mail").
    static MailSettings fromSettings(QSettings &settings);
    void saveTo(QSettings &settings) const;

    QString keychainKey() const;      // "smtp:<user>@<host>"
    static QString keychainService(); // "Residesk"

    // The environment first, else QSettings + the keychain. Never throws.
    static QCoro::Task<struct MailSettingsLoad> load();

    // The keychain (asynchronous; the calling thread needs an event loop, and so does
    // the application's main thread, where every keychain job runs). An empty error
    // string means success. Reading a missing entry gives an error too (notFound);
    // deleting one does not.
    struct Secret
    {
        QString value;
        QString error;
        bool notFound = false;
    };
    static QCoro::Task<Secret> readPassword(QString key);
    static QCoro::Task<QString> storePassword(QString key, QString password);
    static QCoro::Task<QString> deletePassword(QString key);
};

// What MailSettings::load() found.
struct MailSettingsLoad
{
    Q_DECLARE_TR_FUNCTIONS(MailSettingsLoad)
public:
    MailSettings settings;
    QStringList missing; // empty: ready to send
    QString error;       // a malformed variable or a keychain failure
    // One translated sentence for the job's error: what is missing and where to set it.
    QString problem() const;
};
