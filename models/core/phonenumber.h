#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// Phone numbers as Residesk stores them: E.164 ("+12025550143"), parsed and checked by
// libphonenumber (Google's metadata of every numbering plan), never by rules of our own.
// A number written without its country code ("(202) 555-0143") is read in the default
// region: RESIDESK_SMS_REGION, else the "sms/default_region" of the application's
// settings (the SMS settings), else the country of the system's locale, else "US". The
// default region is looked up once per process. Pure functions otherwise; any thread.
//
//   const PhoneNumber::Parsed p = PhoneNumber::normalize(u"(202) 555-0143"_s);
//   if (!p.ok()) return error(p.error);  // names the value, translated
//   resident.phone = p.e164;             // "+12025550143"
class PhoneNumber
{
    Q_DECLARE_TR_FUNCTIONS(PhoneNumber)
public:
    struct Parsed
    {
        QString e164;  // empty when not valid
        QString error; // translated, names the value; empty: valid
        bool ok() const { return error.isEmpty(); }
    };

    // In the default region; an empty text is an error too (callers treat an empty
    // optional number before asking).
    static Parsed normalize(const QString &text);
    // `region`: an ISO 3166 two-letter code ("US", "ES"); an unknown one is an error.
    static Parsed normalize(const QString &text, const QString &region);
    static bool isValidE164(const QString &text);

    // The region numbers without a country code are read in (see above).
    static QString defaultRegion();
    // Whether libphonenumber knows the region (two letters, upper or lower case).
    static bool isSupportedRegion(const QString &region);
};
