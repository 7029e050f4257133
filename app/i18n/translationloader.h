#pragma once

#include <QLocale>
#include <QString>

class QTranslator;

// Installs Residesk's own translations on the running application: the .qm files that
// translations/CMakeLists.txt builds and embeds at ":/i18n" (residesk_es.qm, and
// residesk_en.qm, which holds nothing but the English plural forms).
//
// Why English needs a translation at all: the sources are English and write a count as
// "%n room(s)"; only a translator turns a numerus message into "1 room" / "3 rooms". So
// whenever no other Residesk translation applies (an English or C/POSIX locale, or a
// language Residesk has no translation for), the English plural forms are installed.
// The window and the command line both load through here, so they cannot disagree.
//
// Thread and lifetime: call on the main thread once the Q(Core)Application exists and
// before any text is translated. The translators are children of the application and
// stay installed as long as it lives.
//
// Usage:
//   QApplication app(argc, argv);
//   TranslationLoader::installForLocale(QLocale()); // the window: the user's language
//   TranslationLoader::installEnglish();            // the command line: stable English
class TranslationLoader
{
public:
    // Where the build embeds the .qm files.
    static QString resourceDirectory() { return QStringLiteral(":/i18n"); }

    // Installs residesk_<language> for the first of the locale's UI languages that has
    // one, else the English plural forms. Returns the installed translator (owned by
    // the application), or nullptr if not even the English file was found.
    static QTranslator *installForLocale(const QLocale &locale,
                                         const QString &directory = resourceDirectory());

    // Installs the English plural forms only (the command line: its output stays
    // English whatever the locale, so scripts can read it).
    static QTranslator *installEnglish(const QString &directory = resourceDirectory());
};
