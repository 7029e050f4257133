#include "tasks/i18n/messagetranslator.h"

#include "models/core/recipientlanguage.h"

#include <QDir>
#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcMessages, "residesk.i18n")

// The translators of the process, one per language, made on first use. They are never
// deleted: a MessageTranslator copied to another thread may still point at one.
struct Translators
{
    QMutex mutex;
    QString directory = u":/i18n"_s;
    QHash<QString, const QTranslator *> loaded; // language → translator (nullptr: none found)
    QList<const QTranslator *> retired;         // loaded from an earlier directory
};

Translators &translators()
{
    static Translators instance;
    return instance;
}

const QTranslator *translatorFor(const QString &language)
{
    Translators &t = translators();
    const QMutexLocker lock(&t.mutex);
    if (const auto it = t.loaded.constFind(language); it != t.loaded.constEnd())
        return it.value();
    auto *translator = new QTranslator;
    const QString file = u"residesk_"_s + language;
    if (!translator->load(file, t.directory)) {
        // English still reads right (its sources are English), without plural forms.
        qCWarning(lcMessages).noquote() << "no translation" << file << "in" << t.directory
                                        << "- messages in this language are written in English";
        delete translator;
        translator = nullptr;
    }
    t.loaded.insert(language, translator);
    return translator;
}

// What QCoreApplication::translate() does after its translators: %n and %Ln become the
// count.
QString fillCount(QString text, int n, const QLocale &locale)
{
    if (n < 0)
        return text;
    QString out;
    out.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'%' && i + 1 < text.size() && text.at(i + 1) == u'n') {
            out += QString::number(n);
            ++i;
        } else if (c == u'%' && i + 2 < text.size() && text.at(i + 1) == u'L' && text.at(i + 2) == u'n') {
            out += locale.toString(n);
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

MessageTranslator::MessageTranslator(const QString &language)
    : m_language(RecipientLanguage::effective(language))
    , m_locale(m_language)
    , m_translator(translatorFor(m_language))
{}

QString MessageTranslator::translate(const char *context, const char *source, const char *disambiguation,
                                     int n) const
{
    QString text;
    if (m_translator)
        text = m_translator->translate(context, source, disambiguation, n);
    if (text.isEmpty()) // not translated (English has plural forms only)
        text = QString::fromUtf8(source);
    return fillCount(std::move(text), n, m_locale);
}

QString MessageTranslator::dateTime(const QDateTime &utc) const
{
    return m_locale.toString(utc.toLocalTime(), QLocale::ShortFormat);
}

QString MessageTranslator::time(const QDateTime &utc) const
{
    return m_locale.toString(utc.toLocalTime().time(), QLocale::ShortFormat);
}

QString MessageTranslator::date(const QDate &date) const
{
    return m_locale.toString(date, QLocale::ShortFormat);
}

QString MessageTranslator::number(qint64 value) const
{
    return m_locale.toString(value);
}

QString MessageTranslator::searchDirectory()
{
    Translators &t = translators();
    const QMutexLocker lock(&t.mutex);
    return t.directory;
}

void MessageTranslator::setSearchDirectory(const QString &directory)
{
    Translators &t = translators();
    const QMutexLocker lock(&t.mutex);
    if (directory == t.directory)
        return;
    t.directory = directory;
    for (const QTranslator *translator : std::as_const(t.loaded))
        if (translator)
            t.retired.append(translator);
    t.loaded.clear();
}
