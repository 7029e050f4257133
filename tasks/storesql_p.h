#pragma once

// Small helpers shared by the stores of the engine and its outboxes (JobStore,
// NotificationStore, Outbox, SmsOutbox): NULL handling of bound values, clipping stored
// text, placeholder lists and LIKE patterns. Every piece of SQL they help build is
// fixed text; values are always bound.

#include <QMetaType>
#include <QString>
#include <QVariant>

namespace StoreSql {

// A bound QString() is SQL NULL; NOT NULL text columns get "" instead.
inline QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

// NULL for an empty text, an unset id; the value otherwise.
inline QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

inline QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

// A nullable integer column read back: 0 for NULL.
inline qint64 nullableInt(const QVariant &value)
{
    return value.isNull() ? 0 : value.toLongLong();
}

// At most `max` characters, without splitting a surrogate pair.
inline QString clipped(const QString &text, qsizetype max)
{
    if (text.size() <= max)
        return text;
    qsizetype n = max;
    if (n > 0 && text.at(n - 1).isHighSurrogate())
        --n;
    return text.left(n);
}

// "?, ?, ?" for an IN list of `count` bound values.
inline QString placeholders(qsizetype count)
{
    QString out;
    out.reserve(count * 3);
    for (qsizetype i = 0; i < count; ++i)
        out += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    return out;
}

// The bound value for `lower(col) LIKE ? ESCAPE '!'`: the trimmed search lower-cased,
// LIKE's wildcards and the escape character escaped, wrapped in %.
inline QString likePattern(const QString &search)
{
    QString escaped;
    for (const QChar c : search.trimmed().toLower()) {
        if (c == u'!' || c == u'%' || c == u'_')
            escaped += u'!';
        escaped += c;
    }
    return u'%' + escaped + u'%';
}

} // namespace StoreSql
