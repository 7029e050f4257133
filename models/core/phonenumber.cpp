#include "models/core/phonenumber.h"

#include <QLocale>
#include <QSettings>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <set>
#include <string>

using namespace Qt::StringLiterals;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

// The longest text worth handing to the parser: E.164 has at most 15 digits, and a
// number written for people with spaces, brackets and an extension stays far below.
constexpr qsizetype kMaxText = 64;

QString regionFromSettings()
{
    const QString env = qEnvironmentVariable("RESIDESK_SMS_REGION").trimmed().toUpper();
    if (PhoneNumber::isSupportedRegion(env))
        return env;
    QSettings settings(u"Residesk"_s, u"Residesk"_s); // where the SMS settings live
    const QString stored = settings.value(u"sms/default_region"_s).toString().trimmed().toUpper();
    if (PhoneNumber::isSupportedRegion(stored))
        return stored;
    const QString locale = QLocale::territoryToCode(QLocale::system().territory()).toUpper();
    if (PhoneNumber::isSupportedRegion(locale))
        return locale;
    return u"US"_s;
}

} // namespace

bool PhoneNumber::isSupportedRegion(const QString &region)
{
    if (region.size() != 2)
        return false;
    static const std::set<std::string> regions = [] {
        std::set<std::string> out;
        PhoneNumberUtil::GetInstance()->GetSupportedRegions(&out);
        return out;
    }();
    return regions.count(region.toUpper().toStdString()) > 0;
}

QString PhoneNumber::defaultRegion()
{
    static const QString region = regionFromSettings();
    return region;
}

PhoneNumber::Parsed PhoneNumber::normalize(const QString &text)
{
    return normalize(text, defaultRegion());
}

PhoneNumber::Parsed PhoneNumber::normalize(const QString &text, const QString &region)
{
    Parsed out;
    const QString value = text.trimmed();
    if (value.isEmpty()) {
        out.error = tr("A phone number is required.");
        return out;
    }
    if (!isSupportedRegion(region)) {
        out.error = tr("The phone number \"%1\" cannot be read: \"%2\" is not a known region code (such as "
                       "US or ES).")
                        .arg(value, region);
        return out;
    }
    if (value.size() > kMaxText) {
        out.error = tr("The phone number \"%1\" is not valid: it is longer than %2 characters.")
                        .arg(value)
                        .arg(kMaxText);
        return out;
    }
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    i18n::phonenumbers::PhoneNumber number;
    const PhoneNumberUtil::ErrorType parsed =
        util->Parse(value.toStdString(), region.toUpper().toStdString(), &number);
    switch (parsed) {
    case PhoneNumberUtil::NO_PARSING_ERROR:
        break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        out.error = tr("The phone number \"%1\" is not valid: its country code is unknown.").arg(value);
        return out;
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN:
        out.error = tr("The phone number \"%1\" is not valid: it is too short.").arg(value);
        return out;
    case PhoneNumberUtil::TOO_LONG_NSN:
        out.error = tr("The phone number \"%1\" is not valid: it is too long.").arg(value);
        return out;
    case PhoneNumberUtil::NOT_A_NUMBER:
    default:
        out.error = tr("The phone number \"%1\" is not valid: it is not a phone number.").arg(value);
        return out;
    }
    if (!util->IsValidNumber(number)) {
        std::string regionOfNumber;
        util->GetRegionCodeForCountryCode(number.country_code(), &regionOfNumber);
        out.error = tr("The phone number \"%1\" is not valid: no such number exists in region %2.")
                        .arg(value, QString::fromStdString(regionOfNumber.empty() ? "?" : regionOfNumber));
        return out;
    }
    std::string e164;
    util->Format(number, PhoneNumberUtil::E164, &e164);
    out.e164 = QString::fromStdString(e164);
    return out;
}

bool PhoneNumber::isValidE164(const QString &text)
{
    if (!text.startsWith(u'+'))
        return false;
    const Parsed parsed = normalize(text, u"US"_s);
    return parsed.ok() && parsed.e164 == text;
}
