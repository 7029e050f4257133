#include "app/i18n/translationloader.h"

#include <QCoreApplication>
#include <QTranslator>

namespace {

QTranslator *install(QTranslator *translator)
{
    if (QCoreApplication::installTranslator(translator))
        return translator;
    delete translator;
    return nullptr;
}

} // namespace

QTranslator *TranslationLoader::installForLocale(const QLocale &locale, const QString &directory)
{
    Q_ASSERT(QCoreApplication::instance());
    // QTranslator::load(QLocale, …) tries each of the locale's UI languages
    // ("es-ES", "es", …); the C locale and languages without a file find nothing.
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(locale, QStringLiteral("residesk"), QStringLiteral("_"), directory))
        return install(translator);
    delete translator;
    return installEnglish(directory);
}

QTranslator *TranslationLoader::installEnglish(const QString &directory)
{
    Q_ASSERT(QCoreApplication::instance());
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(QStringLiteral("residesk_en"), directory))
        return install(translator);
    delete translator;
    return nullptr;
}
