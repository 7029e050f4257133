#include "models/core/recipientlanguage.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace {

QString officeDefaultFromSettings()
{
    const QString env = RecipientLanguage::normalized(qEnvironmentVariable("RESIDESK_OFFICE_LANGUAGE"));
    if (RecipientLanguage::isKnown(env))
        return env;
    const QSettings settings(u"Residesk"_s, u"Residesk"_s); // where the mail settings live
    const QString stored =
        RecipientLanguage::normalized(settings.value(u"mail/default_language"_s).toString());
    if (RecipientLanguage::isKnown(stored))
        return stored;
    return u"en"_s;
}

} // namespace

QStringList RecipientLanguage::codes()
{
    return {u"en"_s, u"es"_s};
}

bool RecipientLanguage::isKnown(const QString &code)
{
    return code == u"en"_s || code == u"es"_s;
}

QString RecipientLanguage::normalized(const QString &code)
{
    const QString trimmed = code.trimmed().toLower();
    return trimmed.isEmpty() ? QString() : trimmed;
}

std::optional<FieldError> RecipientLanguage::check(const QString &code, const QString &field)
{
    const QString value = normalized(code);
    if (value.isEmpty() || isKnown(value))
        return std::nullopt;
    return FieldError{field,
                      tr("The language \"%1\" is not one of %2; leave it empty for the office's default.")
                          .arg(code.trimmed(), codes().join(u", "_s))};
}

QString RecipientLanguage::nativeName(const QString &code)
{
    // Each language in its own words, the same in every window.
    if (code == u"en"_s)
        return u"English"_s;
    if (code == u"es"_s)
        return u"Español"_s;
    return {};
}

QString RecipientLanguage::defaultLabel()
{
    return tr("Office default (%1)").arg(nativeName(officeDefault()));
}

QString RecipientLanguage::officeDefault()
{
    static const QString language = officeDefaultFromSettings();
    return language;
}

QString RecipientLanguage::effective(const QString &code)
{
    const QString value = normalized(code);
    return isKnown(value) ? value : officeDefault();
}

QVariant RecipientLanguage::sqlValue(const QString &code)
{
    const QString value = normalized(code);
    return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
}

QString RecipientLanguage::fromSql(const QVariant &value)
{
    return value.isNull() ? QString() : normalized(value.toString());
}
