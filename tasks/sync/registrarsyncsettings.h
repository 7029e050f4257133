#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

struct FieldError;

// How Residesk fetches the registrar's resident export: the URL (http or https), the
// authentication (none, HTTP basic with a user name, or a bearer token), the schedule
// (a cron expression, see CronSchedule; empty: by hand only) and the timeout (seconds
// without data before the request is given up). A value type; stored in the database
// (table registrar_sync_settings, RegistrarSyncStore) so that every desktop and worker
// sees the same. The secret (password or token) is never stored there: it comes from
// the environment variable RESIDESK_SYNC_SECRET, else the system keychain (service
// "Residesk", key keychainKey()).
class RegistrarSyncSettings
{
    Q_DECLARE_TR_FUNCTIONS(RegistrarSyncSettings)
public:
    enum class Auth { None, Basic, Bearer };

    QString url;
    Auth auth = Auth::None;
    QString username; // basic authentication
    QString schedule; // empty: no recurring sync
    int timeoutSeconds = 60;
    int version = 0; // 0: never saved

    static QString authCode(Auth auth); // "none", "basic", "bearer"
    static std::optional<Auth> authFromCode(const QString &code);

    // Field keys: "url", "auth", "username", "schedule", "timeout_seconds".
    QList<FieldError> validate() const;
    // "registrar:<user>@<host>" (basic) or "registrar:<host>" (bearer).
    QString keychainKey() const;
    static QString secretVariable(); // "RESIDESK_SYNC_SECRET"

    // A URL as messages show it: without a user name or password that it may carry.
    static QString displayUrl(const QString &url);
    static QString displayUrl(const QUrl &url);

    bool operator==(const RegistrarSyncSettings &) const = default;
};
