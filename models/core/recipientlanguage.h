#pragma once

#include "models/db/dberror.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

// The languages Residesk writes to the people it tells things (residents, lab clients,
// technicians): each has a preferred one in the column `language` (migration 0024),
// "en" or "es", or none (NULL, an empty QString here) for the office's default.
//
// The office's default: RESIDESK_OFFICE_LANGUAGE, else "mail/default_language" in the
// application's settings (where the mail settings live), else "en"; an unknown value
// there counts as unset. Read once per process. Pure functions otherwise; any thread.
// The messages themselves are rendered by tasks/i18n/messagetranslator.h.
//
//   if (const auto error = RecipientLanguage::check(resident.language)) errors.append(*error);
//   st.bind(RecipientLanguage::sqlValue(resident.language));       // NULL for the default
//   const QString lang = RecipientLanguage::effective(resident.language); // "en" or "es"
class RecipientLanguage
{
    Q_DECLARE_TR_FUNCTIONS(RecipientLanguage)
public:
    // Every code a recipient may have, in the order a choice offers them: "en", "es".
    static QStringList codes();
    static bool isKnown(const QString &code);
    // Trimmed and lower case ("ES " → "es"); a null or blank text is the empty default.
    static QString normalized(const QString &code);
    // Empty or a known code: nothing; otherwise a field error on `field` that names the
    // value and the codes allowed.
    static std::optional<FieldError> check(const QString &code,
                                           const QString &field = QStringLiteral("language"));
    // The language's own name ("English", "Español"), for choices; "" for an unknown code.
    static QString nativeName(const QString &code);
    // "Office default (English)", translated, for the choice that stores NULL.
    static QString defaultLabel();
    static QString officeDefault();
    // `code` when set, else the office's default.
    static QString effective(const QString &code);
    // What to bind for the column: NULL for the default, else the code.
    static QVariant sqlValue(const QString &code);
    // A column's value read back: "" for NULL.
    static QString fromSql(const QVariant &value);
};
