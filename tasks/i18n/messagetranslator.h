#pragma once

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QString>

class QTranslator;

// Writes a message in its recipient's language (RecipientLanguage, models/core/
// recipientlanguage.h: "en", "es", or empty for the office's default), whatever
// language the process runs in: a worker runs in English, a window in its user's
// language, and the resident, client or technician reads their own.
//
// It never installs anything: QCoreApplication::translate() uses the translators
// installed on the application (the window's language), so this asks the project's
// translation for the language directly (QTranslator::translate with the context, the
// English source and the plural count) and falls back to the English source. The
// translators are loaded once per language and process (residesk_<lang>.qm from
// searchDirectory(), ":/i18n" where the executable embeds them) and kept for the life of
// the process; loading is guarded by a mutex and translating only reads, so any thread
// may use it (tasks run on runner threads). A value type, cheap to copy.
//
// The texts stay where lupdate finds them: mark each source with the context it is
// translated under, as tr() would file it.
//
//   const MessageTranslator to(resident.language);      // "es"
//   m.subject = to.translate("MaintenanceTasks",
//                            QT_TRANSLATE_NOOP("MaintenanceTasks", "Your maintenance request %1: visit on
//                            %2"))
//                   .arg(id).arg(to.dateTime(slotStart));  // "Su solicitud … visita el 7/12/26 14:00"
class MessageTranslator
{
public:
    // `language` as stored: empty or unknown is the office's default.
    explicit MessageTranslator(const QString &language = {});

    // "en" or "es": the language the messages are written in.
    QString language() const { return m_language; }
    // Dates, times and numbers of that language.
    QLocale locale() const { return m_locale; }
    // False when the language's translation file was not found (the messages then read
    // in English; a warning is logged once per language).
    bool hasTranslation() const { return m_translator != nullptr; }

    // tr() in this language: `source` as lupdate extracted it under `context`; `n` >= 0
    // chooses the plural form and fills in %n (and %Ln, grouped in this locale). The
    // English source when there is no translation.
    QString translate(const char *context, const char *source, const char *disambiguation = nullptr,
                      int n = -1) const;

    // Local time, in this language's short formats ("12/7/26 2:00 PM" / "7/12/26 14:00").
    QString dateTime(const QDateTime &utc) const;
    QString time(const QDateTime &utc) const;
    QString date(const QDate &date) const;
    // Grouped as this language groups digits ("4,800" / "4800").
    QString number(qint64 value) const;

    // Where residesk_<language>.qm is looked for; ":/i18n" (embedded in the residesk
    // executable) unless set. Set it before messages are written (tests that link the
    // libraries only point it at the build folder); languages loaded earlier are
    // loaded again from the new place.
    static QString searchDirectory();
    static void setSearchDirectory(const QString &directory);

private:
    QString m_language;
    QLocale m_locale;
    const QTranslator *m_translator = nullptr; // kept for the life of the process
};
