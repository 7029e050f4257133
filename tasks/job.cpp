#include "tasks/job.h"

#include <QDateTime>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace JobStates {

QString code(JobState state)
{
    switch (state) {
    case JobState::Queued: return u"queued"_s;
    case JobState::Running: return u"running"_s;
    case JobState::Succeeded: return u"succeeded"_s;
    case JobState::Failed: return u"failed"_s;
    case JobState::Cancelled: return u"cancelled"_s;
    }
    return u"queued"_s;
}

std::optional<JobState> fromCode(const QString &code)
{
    for (JobState state : all()) {
        if (JobStates::code(state) == code)
            return state;
    }
    return std::nullopt;
}

QString label(JobState state)
{
    switch (state) {
    case JobState::Queued: return QCoreApplication::translate("JobStates", "Queued");
    case JobState::Running: return QCoreApplication::translate("JobStates", "Running");
    case JobState::Succeeded: return QCoreApplication::translate("JobStates", "Succeeded");
    case JobState::Failed: return QCoreApplication::translate("JobStates", "Failed");
    case JobState::Cancelled: return QCoreApplication::translate("JobStates", "Cancelled");
    }
    return {};
}

bool isFinished(JobState state)
{
    return state == JobState::Succeeded || state == JobState::Failed || state == JobState::Cancelled;
}

QList<JobState> all()
{
    return {JobState::Queued, JobState::Running, JobState::Succeeded, JobState::Failed, JobState::Cancelled};
}

} // namespace JobStates

namespace {
QJsonValue isoTime(qint64 ms)
{
    if (ms <= 0)
        return QJsonValue::Null;
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}
} // namespace

QJsonObject Job::toJson() const
{
    return {
        {u"id"_s, id},
        {u"kind"_s, kind},
        {u"state"_s, JobStates::code(state)},
        {u"progress_done"_s, progressDone},
        {u"progress_total"_s, progressTotal},
        {u"progress_message"_s, progressMessage},
        {u"attempts"_s, attempts},
        {u"max_attempts"_s, maxAttempts},
        {u"priority"_s, priority},
        {u"error"_s, error.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(error)},
        {u"result"_s, result.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(result)},
        {u"payload"_s, payload},
        {u"unique_key"_s, uniqueKey.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(uniqueKey)},
        {u"cancel_requested"_s, cancelRequested},
        {u"created_by"_s, createdBy},
        {u"created_at"_s, isoTime(createdAt)},
        {u"started_at"_s, isoTime(startedAt)},
        {u"finished_at"_s, isoTime(finishedAt)},
        {u"run_after"_s, isoTime(runAfter)},
    };
}

QJsonObject JobKindStats::toJson() const
{
    return {
        {u"kind"_s, kind},
        {u"total"_s, total},
        {u"queued"_s, queued},
        {u"running"_s, running},
        {u"succeeded"_s, succeeded},
        {u"failed"_s, failed},
        {u"cancelled"_s, cancelled},
        {u"success_rate"_s, successRate},
        {u"median_ms"_s, medianMs},
        {u"p95_ms"_s, p95Ms},
    };
}
