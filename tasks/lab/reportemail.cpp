#include "tasks/lab/reportemail.h"

#include "tasks/jobstore.h"
#include "tasks/mail/outbox.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {
QString timeText(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(), QLocale::ShortFormat);
}
} // namespace

Result<ReportEmail> ReportEmail::read(Database &db, const Report &report)
{
    if (!report.isFinalized() || report.finalizedJobId <= 0)
        return ReportEmail{};
    const Result<Job> job = JobStore(db).get(report.finalizedJobId);
    if (!job) {
        if (job.error().code == DbError::Code::NotFound)
            return ReportEmail{}; // pruned with the job history
        return job.error();
    }
    // The result says it once the job ended; the checkpoint as soon as it committed.
    return read(db, job->result.contains(u"email_id"_s) || job->result.contains(u"email_skipped"_s)
                        ? job->result
                        : job->checkpoint);
}

Result<ReportEmail> ReportEmail::read(Database &db, const QJsonObject &finalizeRecord)
{
    ReportEmail found;
    if (finalizeRecord.contains(u"email_skipped"_s)) {
        found.kind = Kind::Skipped;
        found.skipped = finalizeRecord.value(u"email_skipped"_s).toString();
        return found;
    }
    const qint64 emailId = finalizeRecord.value(u"email_id"_s).toInteger();
    if (emailId <= 0)
        return found;
    const Result<OutboxEmail> email = Outbox(db).get(emailId);
    if (!email) {
        if (email.error().code == DbError::Code::NotFound)
            return found;
        return email.error();
    }
    found.kind = Kind::Email;
    found.email = email.value();
    if (found.email.state == OutboxState::Queued) {
        // The newest drain: if it failed after this e-mail was queued, its reason is why
        // the e-mail is still here (a drain queued or running since has not said yet).
        JobStore::ListFilter filter;
        filter.kind = u"mail.send"_s;
        filter.limit = 1;
        const Result<QList<Job>> drains = JobStore(db).list(filter);
        if (!drains)
            return drains.error();
        if (!drains->isEmpty()) {
            const Job &drain = drains->first();
            if (drain.state == JobState::Failed && drain.finishedAt >= found.email.createdAt)
                found.drainError = drain.error;
        }
    }
    return found;
}

QString ReportEmail::text() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Skipped:
        return skipped;
    case Kind::Email:
        break;
    }
    const QString to = email.toAddress;
    switch (email.state) {
    case OutboxState::Queued:
        if (!drainError.isEmpty())
            return tr("E-mail to %1 queued, not sent: %2").arg(to, drainError);
        if (!email.lastError.isEmpty())
            return tr("E-mail to %1 queued; it is tried again at %2 (the last attempt failed: %3).")
                .arg(to, timeText(email.nextAttemptAt), email.lastError);
        return tr("E-mail to %1 queued.").arg(to);
    case OutboxState::Sending:
        return tr("E-mail to %1 being sent…").arg(to);
    case OutboxState::Sent:
        return tr("E-mail to %1 sent at %2.").arg(to, timeText(email.sentAt));
    case OutboxState::Failed:
        return tr("E-mail to %1 failed: %2 (View ▸ Outbox can send it again).")
            .arg(to, email.lastError.isEmpty() ? tr("no reason was recorded") : email.lastError);
    case OutboxState::Uncertain:
        return tr("E-mail to %1 uncertain: %2 Decide in View ▸ Outbox whether it went out.")
            .arg(to, email.lastError);
    }
    return {};
}

bool ReportEmail::needsAttention() const
{
    if (kind != Kind::Email)
        return false;
    return email.state == OutboxState::Failed || email.state == OutboxState::Uncertain ||
           (email.state == OutboxState::Queued && !drainError.isEmpty());
}
