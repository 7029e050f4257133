#include "tasks/storedtext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Nested messages deeper than this are refused when read (a stored value is data).
constexpr int kMaxDepth = 8;

struct Marker
{
    qsizetype at = 0;
    qsizetype length = 0;
    int number = 0;
    bool localized = false;
};

// The %1 … %99 markers of `text` (also %L1 …), as QString::arg() reads them.
QList<Marker> markers(const QString &text)
{
    QList<Marker> found;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != u'%')
            continue;
        qsizetype j = i + 1;
        const bool localized = j < text.size() && text.at(j) == u'L';
        if (localized)
            ++j;
        int number = 0;
        qsizetype digits = 0;
        while (j < text.size() && digits < 2 && text.at(j).isDigit()) {
            number = number * 10 + text.at(j).digitValue();
            ++j;
            ++digits;
        }
        if (digits == 0 || number == 0)
            continue;
        found.append({i, j - i, number, localized});
        i = j - 1;
    }
    return found;
}

std::optional<StoredText> fromObject(const QJsonObject &object, int depth);

} // namespace

StoredText::StoredText(const char *context, const char *source, int n)
    : m_context(QString::fromUtf8(context))
    , m_source(QString::fromUtf8(source))
    , m_n(n < 0 ? -1 : n)
{}

StoredText::StoredText(const QString &verbatim)
    : m_source(verbatim)
{}

StoredText &StoredText::arg(const QString &text)
{
    Arg a;
    a.kind = Arg::Kind::Text;
    a.text = text;
    m_args.append(std::move(a));
    return *this;
}

StoredText &StoredText::arg(qint64 number)
{
    Arg a;
    a.kind = Arg::Kind::Integer;
    a.number = number;
    m_args.append(std::move(a));
    return *this;
}

StoredText &StoredText::argNumber(qint64 number)
{
    Arg a;
    a.kind = Arg::Kind::Number;
    a.number = number;
    m_args.append(std::move(a));
    return *this;
}

StoredText &StoredText::arg(const StoredText &nested)
{
    Arg a;
    a.kind = Arg::Kind::Nested;
    a.nested = std::make_shared<const StoredText>(nested);
    m_args.append(std::move(a));
    return *this;
}

QString StoredText::toString() const
{
    if (isVerbatim())
        return m_source;
    const QByteArray context = m_context.toUtf8();
    const QByteArray source = m_source.toUtf8();
    const QString translated =
        QCoreApplication::translate(context.constData(), source.constData(), nullptr, m_n);
    if (m_args.isEmpty())
        return translated;

    // One pass, as chained QString::arg() calls would fill it (the first argument takes
    // the lowest marker number, and so on), without reading markers inside the texts
    // put in.
    const QList<Marker> found = markers(translated);
    QList<int> numbers;
    for (const Marker &m : found) {
        if (!numbers.contains(m.number))
            numbers.append(m.number);
    }
    std::sort(numbers.begin(), numbers.end());
    const QLocale locale;
    QString out;
    out.reserve(translated.size() + 32);
    qsizetype from = 0;
    for (const Marker &m : found) {
        const qsizetype index = numbers.indexOf(m.number);
        if (index >= m_args.size())
            continue; // more markers than arguments: left as written, like QString::arg
        out += QStringView(translated).mid(from, m.at - from);
        const Arg &a = m_args.at(index);
        switch (a.kind) {
        case Arg::Kind::Text:
            out += a.text;
            break;
        case Arg::Kind::Integer:
            out += m.localized ? locale.toString(a.number) : QString::number(a.number);
            break;
        case Arg::Kind::Number:
            out += locale.toString(a.number);
            break;
        case Arg::Kind::Nested:
            out += a.nested ? a.nested->toString() : QString();
            break;
        }
        from = m.at + m.length;
    }
    out += QStringView(translated).mid(from);
    return out;
}

QJsonObject StoredText::toJsonObject() const
{
    if (isEmpty())
        return {};
    if (isVerbatim())
        return {{u"t"_s, m_source}};
    QJsonObject object{{u"c"_s, m_context}, {u"s"_s, m_source}};
    if (m_n >= 0)
        object.insert(u"n"_s, m_n);
    if (!m_args.isEmpty()) {
        QJsonArray args;
        for (const Arg &a : m_args) {
            switch (a.kind) {
            case Arg::Kind::Text:
                args.append(a.text);
                break;
            case Arg::Kind::Integer:
                args.append(QJsonObject{{u"i"_s, a.number}});
                break;
            case Arg::Kind::Number:
                args.append(QJsonObject{{u"l"_s, a.number}});
                break;
            case Arg::Kind::Nested:
                args.append(a.nested ? a.nested->toJsonObject() : QJsonObject());
                break;
            }
        }
        object.insert(u"a"_s, args);
    }
    return object;
}

QString StoredText::toJson() const
{
    if (isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(toJsonObject()).toJson(QJsonDocument::Compact));
}

namespace {

std::optional<StoredText> fromObject(const QJsonObject &object, int depth)
{
    if (depth > kMaxDepth)
        return std::nullopt;
    if (object.value(u"t"_s).isString()) {
        const QString text = object.value(u"t"_s).toString();
        if (text.isEmpty())
            return std::nullopt;
        return StoredText(text);
    }
    const QJsonValue context = object.value(u"c"_s);
    const QJsonValue source = object.value(u"s"_s);
    if (!context.isString() || !source.isString() || context.toString().isEmpty() ||
        source.toString().isEmpty())
        return std::nullopt;
    int n = -1;
    if (object.contains(u"n"_s)) {
        if (!object.value(u"n"_s).isDouble())
            return std::nullopt;
        n = qMax(0, object.value(u"n"_s).toInt());
    }
    StoredText text(context.toString().toUtf8().constData(), source.toString().toUtf8().constData(), n);
    const QJsonValue args = object.value(u"a"_s);
    if (!args.isUndefined() && !args.isArray())
        return std::nullopt;
    for (const QJsonValue &value : args.toArray()) {
        if (value.isString()) {
            text.arg(value.toString());
            continue;
        }
        if (!value.isObject())
            return std::nullopt;
        const QJsonObject arg = value.toObject();
        if (arg.value(u"i"_s).isDouble()) {
            text.arg(arg.value(u"i"_s).toInteger());
        } else if (arg.value(u"l"_s).isDouble()) {
            text.argNumber(arg.value(u"l"_s).toInteger());
        } else {
            const std::optional<StoredText> nested = fromObject(arg, depth + 1);
            if (!nested)
                return std::nullopt;
            text.arg(*nested);
        }
    }
    return text;
}

} // namespace

std::optional<StoredText> StoredText::fromJsonObject(const QJsonObject &object)
{
    return fromObject(object, 0);
}

std::optional<StoredText> StoredText::fromJson(const QString &json)
{
    if (json.trimmed().isEmpty())
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return fromObject(document.object(), 0);
}

QString StoredText::display(const QString &json, const QString &fallback)
{
    if (json.isEmpty())
        return fallback;
    const std::optional<StoredText> text = fromJson(json);
    return text ? text->toString() : fallback;
}

bool StoredText::Arg::operator==(const Arg &other) const
{
    if (kind != other.kind)
        return false;
    switch (kind) {
    case Kind::Text:
        return text == other.text;
    case Kind::Integer:
    case Kind::Number:
        return number == other.number;
    case Kind::Nested:
        if (!nested || !other.nested)
            return nested == other.nested;
        return *nested == *other.nested;
    }
    return false;
}

bool StoredText::operator==(const StoredText &other) const
{
    return m_context == other.m_context && m_source == other.m_source && m_n == other.m_n &&
           m_args == other.m_args;
}
