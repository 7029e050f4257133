#pragma once

#include <QCoreApplication>
#include <QCoroTask>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class QSettings;

// How Residesk reaches its SMS gateway: most providers take an HTTP(S) POST with a
// token. A value type, safe to copy between threads.
//
//  - url: where each message is POSTed (http:// or https://);
//  - auth: none, bearer (Authorization: Bearer <secret>) or basic (user and secret);
//  - bodyTemplate with the placeholders {to} (E.164), {text}, {name} and {from} (the
//    sender), filled in JSON-escaped when contentType is json and form-encoded when it
//    is form:
//      json: {"to": "{to}", "text": "{text}"}   form: From={from}&To={to}&Body={text}
//  - sender: the number or sender name the gateway shows ({from}); optional, needed
//    only by a template that uses {from};
//  - defaultRegion: the country numbers written without +… are read in (PhoneNumber);
//  - timeoutMs: seconds without an answer (connect, send, answer) before giving up;
//  - ratePerMinute: 0 unlimited.
//
// Where it comes from (load()), as the mail settings:
//  1. the environment, for workers and scripts, when RESIDESK_SMS_URL is set:
//       RESIDESK_SMS_URL, RESIDESK_SMS_AUTH (none|bearer|basic), RESIDESK_SMS_USER,
//       RESIDESK_SMS_TOKEN (the secret), RESIDESK_SMS_TEMPLATE, RESIDESK_SMS_FROM,
//       RESIDESK_SMS_CONTENT_TYPE (json|form), RESIDESK_SMS_REGION,
//       RESIDESK_SMS_TIMEOUT (seconds), RESIDESK_SMS_RATE (messages per minute);
//  2. otherwise the "sms" group of the application's QSettings (everything but the
//     secret) and the secret from the system keychain (service "Residesk", key
//     keychainKey()).
class SmsSettings
{
    Q_DECLARE_TR_FUNCTIONS(SmsSettings)
public:
    enum class Auth { None, Bearer, Basic };
    enum class ContentType { Json, Form };
    enum class Source { None, Environment, Settings };

    QUrl url;
    Auth auth = Auth::None;
    QString user;   // basic only
    QString secret; // the bearer token or the basic password; never in a settings file
    QString bodyTemplate = defaultTemplate(ContentType::Json);
    QString sender; // {from}
    ContentType contentType = ContentType::Json;
    QString defaultRegion; // empty: PhoneNumber::defaultRegion()
    int timeoutMs = 30000; // without an answer
    int ratePerMinute = 0; // 0: unlimited
    Source source = Source::None;

    static QString authCode(Auth auth); // "none", "bearer", "basic"
    static std::optional<Auth> authFromCode(const QString &code);
    static QString contentTypeCode(ContentType type); // "json", "form"
    static std::optional<ContentType> contentTypeFromCode(const QString &code);
    static QString defaultTemplate(ContentType type);
    static QStringList placeholders(); // "to", "text", "name", "from"

    // The request body for one message: the template with its placeholders filled in,
    // escaped for the content type.
    QByteArray renderBody(const QString &to, const QString &text, const QString &name = {}) const;
    QByteArray mimeType() const; // "application/json" / "application/x-www-form-urlencoded"
    // The Authorization header's value; empty for none.
    QString authorization() const;

    // What a sender cannot do without or gets wrong, named for people: no URL, a URL
    // that is not http(s), a missing secret or user, a template with an unknown
    // placeholder or (json) one that does not make JSON, {from} without a sender, an
    // unknown region.
    QStringList problems() const;

    static std::optional<SmsSettings> fromEnvironment(QString *error = nullptr);
    static SmsSettings fromSettings(QSettings &settings);
    void saveTo(QSettings &settings) const;

    QString keychainKey() const; // "sms:<user>@<host>" / "sms:<host>"

    // The environment first, else QSettings + the keychain. Never throws; needs a thread
    // with an event loop (the keychain).
    static QCoro::Task<struct SmsSettingsLoad> load();
};

struct SmsSettingsLoad
{
    Q_DECLARE_TR_FUNCTIONS(SmsSettingsLoad)
public:
    SmsSettings settings;
    QStringList problems; // empty: ready to send
    QString error;        // a malformed variable or a keychain failure
    bool usable() const { return problems.isEmpty() && error.isEmpty(); }
    // One translated sentence for the job's error.
    QString problem() const;
};
