#include "tasks/mail/mailsettings.h"

#include "models/core/keychain.h"
#include "models/db/databaseconfig.h"
#include "models/housing/residentrepository.h"

#include <QSettings>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

// "Name <address>" or "address".
void parseFrom(const QString &text, QString *name, QString *address)
{
    const QString t = text.trimmed();
    const qsizetype open = t.lastIndexOf(u'<');
    if (open >= 0 && t.endsWith(u'>')) {
        *address = t.mid(open + 1, t.size() - open - 2).trimmed();
        QString n = t.left(open).trimmed();
        if (n.size() >= 2 && n.startsWith(u'"') && n.endsWith(u'"'))
            n = n.mid(1, n.size() - 2);
        *name = n;
    } else {
        *address = t;
        name->clear();
    }
}

} // namespace

int MailSettings::effectivePort() const
{
    if (port > 0)
        return port;
    switch (security) {
    case Security::None:
        return 25;
    case Security::StartTls:
        return 587;
    case Security::Tls:
        return 465;
    }
    return 587;
}

QString MailSettings::url() const
{
    const QString scheme = security == Security::Tls ? u"smtps"_s : u"smtp"_s;
    QString h = host;
    if (h.contains(u':') && !h.startsWith(u'['))
        h = u'[' + h + u']'; // an IPv6 literal
    return u"%1://%2:%3"_s.arg(scheme, h).arg(effectivePort());
}

QStringList MailSettings::missing() const
{
    QStringList out;
    if (host.trimmed().isEmpty())
        out << tr("the SMTP server host");
    if (fromAddress.trimmed().isEmpty())
        out << tr("the sender address");
    else if (!ResidentRepository::isValidEmail(fromAddress.trimmed()))
        out << tr("a valid sender address (\"%1\" is not one)").arg(fromAddress);
    if (!user.isEmpty() && password.isEmpty())
        out << tr("the password of the SMTP user \"%1\"").arg(user);
    return out;
}

QString MailSettings::securityCode(Security security)
{
    switch (security) {
    case Security::None:
        return u"none"_s;
    case Security::StartTls:
        return u"starttls"_s;
    case Security::Tls:
        return u"tls"_s;
    }
    return u"starttls"_s;
}

std::optional<MailSettings::Security> MailSettings::securityFromCode(const QString &code)
{
    const QString c = code.trimmed().toLower();
    if (c == u"none"_s)
        return Security::None;
    if (c == u"starttls"_s)
        return Security::StartTls;
    if (c == u"tls"_s || c == u"ssl"_s)
        return Security::Tls;
    return std::nullopt;
}

std::optional<MailSettings> MailSettings::fromEnvironment(QString *error)
{
    const QString urlText = qEnvironmentVariable("RESIDESK_SMTP_URL").trimmed();
    if (urlText.isEmpty())
        return std::nullopt;
    MailSettings s;
    s.source = Source::Environment;
    QString problem;
    const QUrl url(urlText, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        problem =
            tr("RESIDESK_SMTP_URL \"%1\" is not a URL like smtp://user@host:587 or smtps://user@host:465.")
                .arg(DatabaseConfig::redacted(urlText)); // never the password it may hold
    } else if (url.scheme() == u"smtp"_s) {
        s.security = Security::StartTls;
        const QString wanted = QUrlQuery(url).queryItemValue(u"security"_s);
        if (!wanted.isEmpty()) {
            const std::optional<Security> security = securityFromCode(wanted);
            if (!security || *security == Security::Tls)
                problem = tr("RESIDESK_SMTP_URL: security=%1 is not valid for smtp:// (use none or starttls; "
                             "smtps:// for implicit TLS).")
                              .arg(wanted);
            else
                s.security = *security;
        }
    } else if (url.scheme() == u"smtps"_s) {
        s.security = Security::Tls;
    } else {
        problem =
            tr("RESIDESK_SMTP_URL must start with smtp:// or smtps://, not \"%1://\".").arg(url.scheme());
    }
    s.host = url.host();
    s.port = url.port(0);
    s.user = url.userName(QUrl::FullyDecoded);
    s.password = qEnvironmentVariable("RESIDESK_SMTP_PASSWORD");
    if (s.password.isEmpty())
        s.password = url.password(QUrl::FullyDecoded);
    parseFrom(qEnvironmentVariable("RESIDESK_MAIL_FROM"), &s.fromName, &s.fromAddress);
    s.caFile = qEnvironmentVariable("RESIDESK_SMTP_CA_FILE");
    const QString timeout = qEnvironmentVariable("RESIDESK_SMTP_TIMEOUT").trimmed();
    if (!timeout.isEmpty()) {
        bool ok = false;
        const double seconds = timeout.toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 3600)
            problem = tr("RESIDESK_SMTP_TIMEOUT must be a number of seconds from 0 to 3600, not \"%1\".")
                          .arg(timeout);
        else
            s.timeoutMs = int(seconds * 1000);
    }
    const QString rate = qEnvironmentVariable("RESIDESK_MAIL_RATE").trimmed();
    if (!rate.isEmpty()) {
        bool ok = false;
        s.ratePerMinute = rate.toInt(&ok);
        if (!ok || s.ratePerMinute < 0)
            problem =
                tr("RESIDESK_MAIL_RATE must be a whole number of messages per minute, not \"%1\".").arg(rate);
    }
    if (error)
        *error = problem;
    return s;
}

MailSettings MailSettings::fromSettings(QSettings &settings)
{
    MailSettings s;
    settings.beginGroup(u"mail"_s);
    s.host = settings.value(u"host"_s).toString();
    s.port = settings.value(u"port"_s, 0).toInt();
    s.security = securityFromCode(settings.value(u"security"_s, u"starttls"_s).toString())
                     .value_or(Security::StartTls);
    s.user = settings.value(u"user"_s).toString();
    s.fromAddress = settings.value(u"from_address"_s).toString();
    s.fromName = settings.value(u"from_name"_s).toString();
    s.ratePerMinute = qMax(0, settings.value(u"rate_per_minute"_s, 0).toInt());
    s.caFile = settings.value(u"ca_file"_s).toString();
    settings.endGroup();
    if (!s.host.isEmpty())
        s.source = Source::Settings;
    return s;
}

void MailSettings::saveTo(QSettings &settings) const
{
    settings.beginGroup(u"mail"_s);
    settings.setValue(u"host"_s, host.trimmed());
    settings.setValue(u"port"_s, port);
    settings.setValue(u"security"_s, securityCode(security));
    settings.setValue(u"user"_s, user.trimmed());
    settings.setValue(u"from_address"_s, fromAddress.trimmed());
    settings.setValue(u"from_name"_s, fromName.trimmed());
    settings.setValue(u"rate_per_minute"_s, ratePerMinute);
    settings.setValue(u"ca_file"_s, caFile);
    settings.endGroup();
    settings.sync();
}

QString MailSettings::keychainKey() const
{
    return u"smtp:%1@%2"_s.arg(user.trimmed(), host.trimmed().toLower());
}

QString MailSettings::keychainService()
{
    return Keychain::service();
}

QString MailSettingsLoad::problem() const
{
    if (!error.isEmpty() && missing.isEmpty())
        return error;
    QString text =
        tr("E-mail cannot be sent: the mail settings lack %1. Set them in Settings ▸ E-mail… (or "
           "RESIDESK_SMTP_URL, RESIDESK_SMTP_PASSWORD and RESIDESK_MAIL_FROM for a worker); the e-mails "
           "stay queued.")
            .arg(missing.join(u", "_s));
    if (!error.isEmpty())
        text += u' ' + error;
    return text;
}

QCoro::Task<MailSettingsLoad> MailSettings::load()
{
    MailSettingsLoad loaded;
    QString envError;
    if (std::optional<MailSettings> env = fromEnvironment(&envError)) {
        loaded.settings = *env;
        loaded.error = envError;
        loaded.missing = env->missing();
        co_return loaded;
    }
    QSettings settings(u"Residesk"_s, u"Residesk"_s); // as the window stores it
    loaded.settings = fromSettings(settings);
    if (!loaded.settings.user.isEmpty() && !loaded.settings.host.isEmpty()) {
        auto reading = readPassword(loaded.settings.keychainKey());
        const Secret secret = co_await reading;
        if (secret.error.isEmpty())
            loaded.settings.password = secret.value;
        else
            loaded.error =
                tr("The password could not be read from the system keychain: %1").arg(secret.error);
    }
    loaded.missing = loaded.settings.missing();
    co_return loaded;
}

QCoro::Task<MailSettings::Secret> MailSettings::readPassword(QString key)
{
    const Keychain::Secret reply = co_await Keychain::read(std::move(key));
    co_return Secret{reply.value, reply.error, reply.notFound};
}

QCoro::Task<QString> MailSettings::storePassword(QString key, QString password)
{
    co_return co_await Keychain::store(std::move(key), std::move(password));
}

QCoro::Task<QString> MailSettings::deletePassword(QString key)
{
    co_return co_await Keychain::remove(std::move(key));
}
