#include "tasks/sync/registrarsyncsettings.h"

#include "models/db/dberror.h"
#include "tasks/cronschedule.h"

using namespace Qt::StringLiterals;

QString RegistrarSyncSettings::authCode(Auth auth)
{
    switch (auth) {
    case Auth::None:
        return u"none"_s;
    case Auth::Basic:
        return u"basic"_s;
    case Auth::Bearer:
        return u"bearer"_s;
    }
    return u"none"_s;
}

std::optional<RegistrarSyncSettings::Auth> RegistrarSyncSettings::authFromCode(const QString &code)
{
    const QString c = code.trimmed().toLower();
    if (c == u"none"_s || c.isEmpty())
        return Auth::None;
    if (c == u"basic"_s)
        return Auth::Basic;
    if (c == u"bearer"_s)
        return Auth::Bearer;
    return std::nullopt;
}

QList<FieldError> RegistrarSyncSettings::validate() const
{
    QList<FieldError> errors;
    const QUrl parsed(url.trimmed(), QUrl::StrictMode);
    if (!url.trimmed().isEmpty()) {
        if (!parsed.isValid() || (parsed.scheme() != u"http"_s && parsed.scheme() != u"https"_s) ||
            parsed.host().isEmpty())
            errors.append({u"url"_s, tr("The registrar export URL \"%1\" is not an http:// or https:// address.")
                                         .arg(displayUrl(url.trimmed()))});
        else if (!parsed.password().isEmpty())
            errors.append({u"url"_s, tr("The registrar export URL must not hold a password; choose basic "
                                        "authentication and keep the password in the keychain.")});
        else if (url.size() > 2000)
            errors.append({u"url"_s, tr("The registrar export URL must be at most %1 characters long.").arg(2000)});
    } else if (!schedule.trimmed().isEmpty()) {
        errors.append({u"url"_s, tr("A scheduled registrar sync needs the export's URL.")});
    }
    if (auth == Auth::Basic && username.trimmed().isEmpty())
        errors.append({u"username"_s, tr("Basic authentication needs a user name.")});
    if (username.size() > 200)
        errors.append({u"username"_s, tr("The user name must be at most %1 characters long.").arg(200)});
    if (!schedule.trimmed().isEmpty()) {
        QString error;
        if (!CronSchedule::parse(schedule.trimmed(), &error))
            errors.append({u"schedule"_s, tr("The schedule \"%1\" is not valid: %2").arg(schedule.trimmed(), error)});
        else if (schedule.trimmed().size() > 100)
            errors.append({u"schedule"_s, tr("The schedule must be at most %1 characters long.").arg(100)});
    }
    if (timeoutSeconds < 1 || timeoutSeconds > 3600)
        errors.append({u"timeout_seconds"_s, tr("The timeout must be between 1 and 3600 seconds.")});
    return errors;
}

QString RegistrarSyncSettings::keychainKey() const
{
    const QString host = QUrl(url.trimmed()).host();
    if (auth == Auth::Basic)
        return u"registrar:%1@%2"_s.arg(username.trimmed(), host);
    return u"registrar:%1"_s.arg(host);
}

QString RegistrarSyncSettings::secretVariable()
{
    return u"RESIDESK_SYNC_SECRET"_s;
}

QString RegistrarSyncSettings::displayUrl(const QString &url)
{
    return displayUrl(QUrl(url));
}

QString RegistrarSyncSettings::displayUrl(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo);
}
