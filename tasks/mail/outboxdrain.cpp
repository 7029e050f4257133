#include "tasks/mail/outboxdrain.h"

using namespace Qt::StringLiterals;

QJsonObject OutboxTally::toJson() const
{
    return {{u"sent"_s, sent}, {u"failed"_s, failed}, {u"requeued"_s, requeued}, {u"uncertain"_s, uncertain}};
}

OutboxTally OutboxTally::fromJson(const QJsonObject &o)
{
    return {o.value(u"sent"_s).toInt(), o.value(u"failed"_s).toInt(), o.value(u"requeued"_s).toInt(),
            o.value(u"uncertain"_s).toInt()};
}

StoredText OutboxTally::summaryText(const OutboxDrainTexts &texts) const
{
    return StoredText(texts.context, texts.summary).arg(sent).arg(failed).arg(requeued).arg(uncertain);
}

void OutboxTally::addTo(QJsonObject &result, const OutboxDrainTexts &texts) const
{
    const StoredText summary = summaryText(texts);
    result.insert(u"summary"_s, summary.toString());
    result.insert(u"summary_msg"_s, summary.toJsonObject());
}

namespace OutboxDrain {

QString clockText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

} // namespace OutboxDrain
