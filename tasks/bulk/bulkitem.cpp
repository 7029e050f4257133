#include "tasks/bulk/bulkitem.h"

#include "models/lab/protocolrepository.h"

using namespace Qt::StringLiterals;

QString BulkItem::outcomeCode(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Changed:
        return u"changed"_s;
    case Outcome::Skipped:
        return u"skipped"_s;
    case Outcome::Failed:
        break;
    }
    return u"failed"_s;
}

std::optional<BulkItem::Outcome> BulkItem::outcomeFromCode(const QString &code)
{
    for (Outcome o : {Outcome::Changed, Outcome::Skipped, Outcome::Failed}) {
        if (outcomeCode(o) == code)
            return o;
    }
    return std::nullopt;
}

QString BulkItem::outcomeLabel(Outcome outcome, bool undo)
{
    switch (outcome) {
    case Outcome::Changed:
        return undo ? tr("Restored") : tr("Changed");
    case Outcome::Skipped:
        return tr("Skipped");
    case Outcome::Failed:
        break;
    }
    return tr("Failed");
}

QStringList BulkItem::outcomeCodes()
{
    return {u"changed"_s, u"skipped"_s, u"failed"_s};
}

BulkItem BulkItem::fromOutcome(qint64 jobId, const TransitionOutcome &o)
{
    BulkItem item;
    item.jobId = jobId;
    item.protocolId = o.id;
    item.number = o.number;
    item.reason = o.reason;
    switch (o.kind) {
    case TransitionOutcome::Kind::Changed:
        item.outcome = Outcome::Changed;
        item.beforeState = o.before.state;
        item.afterState = o.after.state;
        item.beforeVersion = o.before.version;
        item.afterVersion = o.after.version;
        item.beforeReceivedAt = o.before.receivedAt;
        break;
    case TransitionOutcome::Kind::Skipped:
        item.outcome = Outcome::Skipped;
        // A restore that was skipped reports where the protocol stands now.
        if (o.before.version > 0) {
            item.beforeState = o.before.state;
            item.beforeVersion = o.before.version;
        }
        break;
    case TransitionOutcome::Kind::Failed:
        item.outcome = Outcome::Failed;
        if (item.reason.isEmpty())
            item.reason = o.error.message;
        break;
    }
    return item;
}

QJsonObject BulkItem::toJson() const
{
    const auto state = [](const std::optional<Protocol::State> &s) {
        return s ? QJsonValue(Protocol::stateCode(*s)) : QJsonValue(QJsonValue::Null);
    };
    const auto version = [](int v) {
        return v > 0 ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
    };
    return {{u"protocol_id"_s, protocolId},
            {u"number"_s, number},
            {u"outcome"_s, outcomeCode(outcome)},
            {u"reason"_s, reason},
            {u"note"_s, note},
            {u"before_state"_s, state(beforeState)},
            {u"after_state"_s, state(afterState)},
            {u"before_version"_s, version(beforeVersion)},
            {u"after_version"_s, version(afterVersion)}};
}
