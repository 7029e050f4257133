#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <memory>
#include <optional>
#include <type_traits>

class QJsonObject;

// A text for people that is kept now and read later, perhaps by someone else in another
// language: a notification, a job's progress step or its error. Instead of the words it
// keeps what tr() was given — the translation context, the English source text, the
// arguments and the plural count — and toString() translates it when it is shown, in
// the language installed then (the viewer's, in the window). A worker runs in English,
// so the text it stores beside the message (for psql, the command line and older
// clients) stays English; the message reads in Spanish in a Spanish window.
//
// An argument is plain text (a name, a path, an error from the database driver, shown
// as is), a whole number (shown as digits like QString::arg, or grouped in the
// viewer's locale with argNumber() or a %L1 marker: "4,800" / "4.800"), or another
// StoredText, translated with it (a job kind's title inside "%1 finished").
//
// The source text must still reach lupdate: mark it where it is written, with the
// context it is stored under.
//
//   StoredText title("ImportTasks", QT_TRANSLATE_NOOP("ImportTasks", "Import of %1 finished"));
//   title.arg(fileName);
//   StoredText rows("ImportTasks", QT_TRANSLATE_N_NOOP("ImportTasks", "%n resident(s) imported"), 120);
//   notification.titleMsg = title;        // stored as toJson(), read back with fromJson()
//   label->setText(title.toString());     // on display, in the current language
//
// A value type: cheap to copy, any thread (toString() reads the translators installed
// on the application, which Qt guards).
class StoredText
{
public:
    StoredText() = default;
    // A translatable message; `context` and `source` are copied (they may be literals or
    // not). `n` >= 0 makes it a plural form chosen by n ("%n row(s)").
    StoredText(const char *context, const char *source, int n = -1);
    // A text shown as it is, in every language (a name, a database driver's message).
    // Implicit, so that a place that only has words can still give them.
    StoredText(const QString &verbatim);

    bool isEmpty() const { return m_source.isEmpty(); }
    // A text stored as it is, not a message to translate.
    bool isVerbatim() const { return m_context.isEmpty(); }
    QString context() const { return m_context; }
    QString source() const { return m_source; }
    int count() const { return m_n; }

    StoredText &arg(const QString &text);
    // Digits, as QString::arg(qint64) writes them (ids, years); a %L marker in the source
    // groups them in the viewer's locale.
    StoredText &arg(qint64 number);
    StoredText &arg(int number) { return arg(qint64(number)); }
    // Grouped in the viewer's locale wherever it stands ("4,800" / "4.800").
    StoredText &argNumber(qint64 number);
    // Translated in the same language as this text.
    StoredText &arg(const StoredText &nested);
    // Several texts at once, as QString::arg(a, b, …) takes them.
    template<typename... Texts>
    requires(sizeof...(Texts) >= 1 && (std::is_convertible_v<const Texts &, QString> &&
                                       ...)) StoredText &arg(const QString &first, const Texts &...rest)
    {
        arg(first);
        (arg(QString(rest)), ...);
        return *this;
    }

    // Translated and filled in, in the current language.
    QString toString() const;

    // Compact JSON: {"c":context,"s":source,"n":count,"a":[args]}, each argument a JSON
    // string (text), {"i":n} (digits), {"l":n} (locale-grouped) or a nested message
    // object; a verbatim text is {"t":text}. Empty for an empty text.
    QString toJson() const;
    QJsonObject toJsonObject() const;
    // nullopt for an empty, malformed or unknown value (the caller shows its plain text).
    static std::optional<StoredText> fromJson(const QString &json);
    static std::optional<StoredText> fromJsonObject(const QJsonObject &object);

    // `json` (a stored message) translated now, else `fallback` (the stored text).
    static QString display(const QString &json, const QString &fallback);

    bool operator==(const StoredText &other) const;

private:
    struct Arg
    {
        enum class Kind { Text, Integer, Number, Nested };
        Kind kind = Kind::Text;
        QString text;
        qint64 number = 0;
        std::shared_ptr<const StoredText> nested;
        bool operator==(const Arg &other) const;
    };

    QString m_context; // empty: verbatim
    QString m_source;
    int m_n = -1;
    QList<Arg> m_args;
};
Q_DECLARE_METATYPE(StoredText)
