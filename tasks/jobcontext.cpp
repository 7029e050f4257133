#include "tasks/jobcontext.h"

#include "tasks/jobstore.h"

#include <QCoroTimer>
#include <QLoggingCategory>
#include <QTimer>

#include <chrono>

Q_DECLARE_LOGGING_CATEGORY(lcJobs)

namespace {
// At most ten progress writes (and events) a second per job.
constexpr qint64 kProgressIntervalMs = 100;
} // namespace

JobContext::JobContext(Database &db, const JobClock &clock, QThreadPool &cpuPool, Job job, QString owner,
                       JobProgressSink *progressSink)
    : m_db(db)
    , m_clock(clock)
    , m_cpuPool(cpuPool)
    , m_job(std::move(job))
    , m_owner(std::move(owner))
    , m_done(m_job.progressDone)
    , m_total(m_job.progressTotal)
    , m_message(m_job.progressMessage)
    , m_msg(m_job.progressMsg)
    , m_sink(progressSink)
{}

JobContext::~JobContext()
{
    delete m_progressTimer;
}

Actor JobContext::actor() const
{
    return Actor{m_job.createdBy, Actor::Role::Admin};
}

void JobContext::cancel(CancelReason reason)
{
    CancelReason expected = CancelReason::None;
    m_cancel.compare_exchange_strong(expected, reason);
}

void JobContext::setProgress(qint64 done, qint64 total, const StoredText &message)
{
    report(done, total, message.toString(), message.isVerbatim() ? StoredText() : message);
}

void JobContext::setProgress(qint64 done, qint64 total, const QString &message)
{
    if (message.isNull())
        report(done, total, m_message, m_msg); // the message stays
    else
        report(done, total, message, {});
}

void JobContext::report(qint64 done, qint64 total, const QString &message, const StoredText &msg)
{
    m_done = done;
    m_total = total;
    m_message = message;
    m_msg = msg;
    m_reported = true;
    if (m_sink) {
        m_sink->report({m_job.id, m_done, m_total, m_message, m_msg});
        return;
    }
    m_progressDirty = true;
    const qint64 since = m_sinceWrite.isValid() ? m_sinceWrite.elapsed() : kProgressIntervalMs;
    if (since >= kProgressIntervalMs) {
        writeProgress();
        return;
    }
    // Too soon: write the latest value when the interval is over, unless another call
    // does it first.
    if (!m_progressTimer) {
        m_progressTimer = new QTimer;
        m_progressTimer->setSingleShot(true);
        QObject::connect(m_progressTimer, &QTimer::timeout, m_progressTimer, [this] {
            if (m_progressDirty)
                writeProgress();
        });
    }
    if (!m_progressTimer->isActive())
        m_progressTimer->start(int(kProgressIntervalMs - since));
}

VoidResult JobContext::flushProgress()
{
    if (m_sink) {
        // Written here now, when the engine has not written it yet.
        const std::optional<JobProgress> pending = m_sink->take(m_job.id);
        if (!pending)
            return {};
        m_progressDirty = true;
    }
    if (m_progressTimer)
        m_progressTimer->stop();
    if (!m_progressDirty)
        return {};
    return writeProgress();
}

VoidResult JobContext::writeProgress()
{
    m_progressDirty = false;
    m_sinceWrite.start();
    VoidResult written =
        JobStore(m_db, m_clock).setProgress(m_job.id, m_owner, m_done, m_total, m_message, m_msg);
    if (!written) {
        if (written.error().code == DbError::Code::LeaseLost)
            cancel(CancelReason::LeaseLost);
        else
            qCWarning(lcJobs) << "job" << m_job.id << "progress not saved:" << written.error().message;
        return written;
    }
    m_job.progressDone = m_done;
    m_job.progressTotal = m_total;
    m_job.progressMessage = m_message;
    m_job.progressMsg = m_msg;
    return {};
}

VoidResult JobContext::saveCheckpoint(const QJsonObject &checkpoint)
{
    VoidResult saved = JobStore(m_db, m_clock).saveCheckpoint(m_job.id, m_owner, checkpoint);
    if (!saved) {
        if (saved.error().code == DbError::Code::LeaseLost)
            cancel(CancelReason::LeaseLost);
        return saved;
    }
    m_job.checkpoint = checkpoint;
    return {};
}

QCoro::Task<bool> JobContext::sleep(int ms)
{
    // Short slices, so that a cancel is noticed within 50 ms.
    QElapsedTimer elapsed;
    elapsed.start();
    while (elapsed.elapsed() < ms) {
        if (isCancelled())
            co_return false;
        const qint64 slice = qMin<qint64>(50, ms - elapsed.elapsed());
        if (slice > 0) {
            QCoro::Task<> pause =
                QCoro::sleepFor(std::chrono::milliseconds(slice)); // named: GCC 12 bug 100611
            co_await pause;
        }
    }
    co_return !isCancelled();
}
