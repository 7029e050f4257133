#include "tasks/sms/smssettings.h"

#include "models/core/keychain.h"
#include "models/core/phonenumber.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace {

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression re(u"\\{([A-Za-z_][A-Za-z0-9_]*)\\}"_s);
    return re;
}

// JSON string content, without the quotes.
QByteArray jsonEscaped(const QString &text)
{
    const QByteArray quoted = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    // ["…"] → …
    return quoted.mid(2, quoted.size() - 4);
}

} // namespace

QString SmsSettings::authCode(Auth auth)
{
    switch (auth) {
    case Auth::None:
        return u"none"_s;
    case Auth::Bearer:
        return u"bearer"_s;
    case Auth::Basic:
        return u"basic"_s;
    }
    return u"none"_s;
}

std::optional<SmsSettings::Auth> SmsSettings::authFromCode(const QString &code)
{
    for (Auth a : {Auth::None, Auth::Bearer, Auth::Basic}) {
        if (authCode(a) == code.trimmed().toLower())
            return a;
    }
    return std::nullopt;
}

QString SmsSettings::contentTypeCode(ContentType type)
{
    return type == ContentType::Form ? u"form"_s : u"json"_s;
}

std::optional<SmsSettings::ContentType> SmsSettings::contentTypeFromCode(const QString &code)
{
    const QString c = code.trimmed().toLower();
    if (c == u"json"_s)
        return ContentType::Json;
    if (c == u"form"_s)
        return ContentType::Form;
    return std::nullopt;
}

QString SmsSettings::defaultTemplate(ContentType type)
{
    return type == ContentType::Form ? u"to={to}&text={text}"_s
                                     : u"{\"to\": \"{to}\", \"text\": \"{text}\"}"_s;
}

QStringList SmsSettings::placeholders()
{
    return {u"to"_s, u"text"_s, u"name"_s, u"from"_s};
}

QByteArray SmsSettings::renderBody(const QString &to, const QString &text, const QString &name) const
{
    const auto escaped = [&](const QString &value) {
        return contentType == ContentType::Json ? jsonEscaped(value) : QUrl::toPercentEncoding(value);
    };
    QByteArray out;
    qsizetype at = 0;
    auto it = placeholderPattern().globalMatch(bodyTemplate);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString key = m.captured(1);
        if (!placeholders().contains(key))
            continue; // text of the template (problems() refuses unknown names)
        out += QStringView(bodyTemplate).mid(at, m.capturedStart() - at).toUtf8();
        out += escaped(key == u"to"_s ? to : key == u"text"_s ? text : key == u"from"_s ? sender : name);
        at = m.capturedEnd();
    }
    out += QStringView(bodyTemplate).mid(at).toUtf8();
    return out;
}

QByteArray SmsSettings::mimeType() const
{
    return contentType == ContentType::Form ? "application/x-www-form-urlencoded" : "application/json";
}

QString SmsSettings::authorization() const
{
    switch (auth) {
    case Auth::None:
        return {};
    case Auth::Bearer:
        return u"Bearer "_s + secret.trimmed();
    case Auth::Basic:
        return u"Basic "_s + QString::fromLatin1((user + u':' + secret).toUtf8().toBase64());
    }
    return {};
}

QStringList SmsSettings::problems() const
{
    QStringList out;
    if (url.isEmpty())
        out << tr("the gateway URL");
    else if (!url.isValid() || url.host().isEmpty() ||
             (url.scheme() != u"http"_s && url.scheme() != u"https"_s))
        out << tr("a gateway URL that starts with http:// or https:// (\"%1\" does not)")
                   .arg(url.toString(QUrl::RemoveUserInfo));
    if (auth == Auth::Basic && user.trimmed().isEmpty())
        out << tr("the gateway user (basic authentication)");
    if (auth != Auth::None && secret.isEmpty())
        out << (auth == Auth::Bearer ? tr("the gateway token") : tr("the gateway password"));
    QStringList unknown;
    auto it = placeholderPattern().globalMatch(bodyTemplate);
    bool hasTo = false;
    bool hasText = false;
    bool hasFrom = false;
    while (it.hasNext()) {
        const QString key = it.next().captured(1);
        hasTo = hasTo || key == u"to"_s;
        hasText = hasText || key == u"text"_s;
        hasFrom = hasFrom || key == u"from"_s;
        // In a JSON template a word in braces is JSON only with quotes around it, which
        // the pattern does not match; anything else is a placeholder we do not know.
        if (!placeholders().contains(key) && !unknown.contains(u'{' + key + u'}'))
            unknown << u'{' + key + u'}';
    }
    if (!unknown.isEmpty())
        out << tr("a body template with known placeholders only ({to}, {text}, {name}, {from}; not %1)")
                   .arg(unknown.join(u", "_s));
    if (!hasTo || !hasText)
        out << tr("a body template with the placeholders {to} and {text}");
    if (hasFrom && sender.trimmed().isEmpty())
        out << tr("the sender (the body template uses {from})");
    if (contentType == ContentType::Json && unknown.isEmpty()) {
        QJsonParseError error;
        QJsonDocument::fromJson(renderBody(u"+10000000000"_s, u"\"text\"\n"_s, u"name"_s), &error);
        if (error.error != QJsonParseError::NoError)
            out << tr("a body template that is JSON (%1 at character %2)")
                       .arg(error.errorString())
                       .arg(error.offset);
    }
    if (!defaultRegion.isEmpty() && !PhoneNumber::isSupportedRegion(defaultRegion))
        out << tr("a known default region such as US or ES (not \"%1\")").arg(defaultRegion);
    return out;
}

std::optional<SmsSettings> SmsSettings::fromEnvironment(QString *error)
{
    const QString urlText = qEnvironmentVariable("RESIDESK_SMS_URL").trimmed();
    if (urlText.isEmpty())
        return std::nullopt;
    SmsSettings s;
    s.source = Source::Environment;
    QString problem;
    s.url = QUrl(urlText, QUrl::StrictMode);
    s.user = qEnvironmentVariable("RESIDESK_SMS_USER").trimmed();
    s.secret = qEnvironmentVariable("RESIDESK_SMS_TOKEN");
    const QString auth = qEnvironmentVariable("RESIDESK_SMS_AUTH").trimmed();
    if (auth.isEmpty()) {
        s.auth = s.secret.isEmpty() ? Auth::None : (s.user.isEmpty() ? Auth::Bearer : Auth::Basic);
    } else if (const std::optional<Auth> a = authFromCode(auth)) {
        s.auth = *a;
    } else {
        problem = tr("RESIDESK_SMS_AUTH must be none, bearer or basic, not \"%1\".").arg(auth);
    }
    const QString type = qEnvironmentVariable("RESIDESK_SMS_CONTENT_TYPE").trimmed();
    if (!type.isEmpty()) {
        if (const std::optional<ContentType> t = contentTypeFromCode(type))
            s.contentType = *t;
        else
            problem = tr("RESIDESK_SMS_CONTENT_TYPE must be json or form, not \"%1\".").arg(type);
    }
    const QString bodyTemplate = qEnvironmentVariable("RESIDESK_SMS_TEMPLATE");
    s.bodyTemplate = bodyTemplate.trimmed().isEmpty() ? defaultTemplate(s.contentType) : bodyTemplate;
    s.sender = qEnvironmentVariable("RESIDESK_SMS_FROM").trimmed();
    s.defaultRegion = qEnvironmentVariable("RESIDESK_SMS_REGION").trimmed().toUpper();
    const QString timeout = qEnvironmentVariable("RESIDESK_SMS_TIMEOUT").trimmed();
    if (!timeout.isEmpty()) {
        bool ok = false;
        const double seconds = timeout.toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 600)
            problem = tr("RESIDESK_SMS_TIMEOUT must be a number of seconds from 0 to 600, not \"%1\".")
                          .arg(timeout);
        else
            s.timeoutMs = qMax(1, int(seconds * 1000));
    }
    const QString rate = qEnvironmentVariable("RESIDESK_SMS_RATE").trimmed();
    if (!rate.isEmpty()) {
        bool ok = false;
        s.ratePerMinute = rate.toInt(&ok);
        if (!ok || s.ratePerMinute < 0)
            problem =
                tr("RESIDESK_SMS_RATE must be a whole number of messages per minute, not \"%1\".").arg(rate);
    }
    if (error)
        *error = problem;
    return s;
}

SmsSettings SmsSettings::fromSettings(QSettings &settings)
{
    SmsSettings s;
    settings.beginGroup(u"sms"_s);
    s.url = QUrl(settings.value(u"url"_s).toString(), QUrl::StrictMode);
    s.auth = authFromCode(settings.value(u"auth"_s, u"none"_s).toString()).value_or(Auth::None);
    s.user = settings.value(u"user"_s).toString();
    s.contentType = contentTypeFromCode(settings.value(u"content_type"_s, u"json"_s).toString())
                        .value_or(ContentType::Json);
    s.bodyTemplate = settings.value(u"body_template"_s, defaultTemplate(s.contentType)).toString();
    s.sender = settings.value(u"sender"_s).toString().trimmed();
    s.defaultRegion = settings.value(u"default_region"_s).toString().trimmed().toUpper();
    s.timeoutMs = qBound(1000, settings.value(u"timeout_ms"_s, 30000).toInt(), 600000);
    s.ratePerMinute = qMax(0, settings.value(u"rate_per_minute"_s, 0).toInt());
    settings.endGroup();
    if (!s.url.isEmpty())
        s.source = Source::Settings;
    return s;
}

void SmsSettings::saveTo(QSettings &settings) const
{
    settings.beginGroup(u"sms"_s);
    settings.setValue(u"url"_s, url.toString());
    settings.setValue(u"auth"_s, authCode(auth));
    settings.setValue(u"user"_s, user.trimmed());
    settings.setValue(u"content_type"_s, contentTypeCode(contentType));
    settings.setValue(u"body_template"_s, bodyTemplate);
    settings.setValue(u"sender"_s, sender.trimmed());
    settings.setValue(u"default_region"_s, defaultRegion.trimmed().toUpper());
    settings.setValue(u"timeout_ms"_s, timeoutMs);
    settings.setValue(u"rate_per_minute"_s, ratePerMinute);
    settings.endGroup();
    settings.sync();
}

QString SmsSettings::keychainKey() const
{
    const QString host = url.host().toLower();
    return user.trimmed().isEmpty() ? u"sms:%1"_s.arg(host) : u"sms:%1@%2"_s.arg(user.trimmed(), host);
}

QString SmsSettingsLoad::problem() const
{
    if (!error.isEmpty() && problems.isEmpty())
        return error;
    QString text = tr("Text messages cannot be sent: the SMS settings lack %1. Set them with \"residesk sms "
                      "settings\" (or RESIDESK_SMS_URL and RESIDESK_SMS_TOKEN for a worker); the messages "
                      "stay queued.")
                       .arg(problems.join(u", "_s));
    if (!error.isEmpty())
        text += u' ' + error;
    return text;
}

QCoro::Task<SmsSettingsLoad> SmsSettings::load()
{
    SmsSettingsLoad loaded;
    QString envError;
    if (std::optional<SmsSettings> env = fromEnvironment(&envError)) {
        loaded.settings = *env;
        loaded.error = envError;
        loaded.problems = env->problems();
        co_return loaded;
    }
    QSettings settings(u"Residesk"_s, u"Residesk"_s); // as the window stores its settings
    loaded.settings = fromSettings(settings);
    if (loaded.settings.auth != Auth::None && !loaded.settings.url.isEmpty()) {
        const Keychain::Secret secret = co_await Keychain::read(loaded.settings.keychainKey());
        if (secret.error.isEmpty())
            loaded.settings.secret = secret.value;
        else
            loaded.error =
                tr("The gateway's secret could not be read from the system keychain: %1").arg(secret.error);
    }
    loaded.problems = loaded.settings.problems();
    co_return loaded;
}
