#include "tasks/mail/outboxemail.h"

#include <QDateTime>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace OutboxStates {

QString code(OutboxState state)
{
    switch (state) {
    case OutboxState::Queued:
        return u"queued"_s;
    case OutboxState::Sending:
        return u"sending"_s;
    case OutboxState::Sent:
        return u"sent"_s;
    case OutboxState::Failed:
        return u"failed"_s;
    case OutboxState::Uncertain:
        return u"uncertain"_s;
    }
    return u"queued"_s;
}

std::optional<OutboxState> fromCode(const QString &code)
{
    for (OutboxState state : all()) {
        if (OutboxStates::code(state) == code)
            return state;
    }
    return std::nullopt;
}

QString label(OutboxState state)
{
    switch (state) {
    case OutboxState::Queued:
        return QCoreApplication::translate("OutboxStates", "Queued");
    case OutboxState::Sending:
        return QCoreApplication::translate("OutboxStates", "Sending");
    case OutboxState::Sent:
        return QCoreApplication::translate("OutboxStates", "Sent");
    case OutboxState::Failed:
        return QCoreApplication::translate("OutboxStates", "Failed");
    case OutboxState::Uncertain:
        return QCoreApplication::translate("OutboxStates", "Uncertain");
    }
    return {};
}

QList<OutboxState> all()
{
    return {OutboxState::Queued, OutboxState::Sending, OutboxState::Sent, OutboxState::Failed,
            OutboxState::Uncertain};
}

QString codeList()
{
    QStringList codes;
    for (OutboxState state : all())
        codes += code(state);
    return codes.join(u", "_s);
}

} // namespace OutboxStates

namespace {
QJsonValue isoTime(qint64 ms)
{
    if (ms <= 0)
        return QJsonValue::Null;
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonValue nullable(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}
} // namespace

QJsonObject OutboxEmail::toJson() const
{
    return {
        {u"id"_s, id},
        {u"to"_s, toAddress},
        {u"to_name"_s, toName},
        {u"subject"_s, subject},
        {u"state"_s, OutboxStates::code(state)},
        {u"attempts"_s, attempts},
        {u"max_attempts"_s, maxAttempts},
        {u"error"_s, lastError},
        {u"reply"_s, serverReply},
        {u"message_id"_s, messageId},
        {u"dedupe_key"_s, nullable(dedupeKey)},
        {u"related_entity"_s, nullable(relatedEntity)},
        {u"related_id"_s, relatedId > 0 ? QJsonValue(relatedId) : QJsonValue(QJsonValue::Null)},
        {u"resolution"_s, nullable(resolution)},
        {u"resolved_by"_s, nullable(resolvedBy)},
        {u"resolved_at"_s, isoTime(resolvedAt)},
        {u"attachments"_s, attachmentCount},
        {u"created_by"_s, createdBy},
        {u"created_at"_s, isoTime(createdAt)},
        {u"sent_at"_s, isoTime(sentAt)},
        {u"next_attempt_at"_s,
         state == OutboxState::Queued ? isoTime(nextAttemptAt) : QJsonValue(QJsonValue::Null)},
        {u"version"_s, version},
    };
}
