#include "app/cli/jobwaiter.h"

#include "app/cli/commandcontext.h"
#include "app/cli/commandline.h"
#include "app/cli/unixsignals.h"
#include "models/db/database.h"
#include "models/db/events.h"
#include "tasks/job.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "tasks/taskcatalog.h"
#include "tasks/taskregistry.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// Progress on a terminal: one line rewritten in place ("\r"), never in --json mode
// and never into a file or a pipe.
class ProgressLine
{
public:
    explicit ProgressLine(bool enabled)
        : m_enabled(enabled)
    {}
    ~ProgressLine() { finish(); }

    void show(qint64 id, qint64 done, qint64 total, const QString &message)
    {
        if (!m_enabled || total <= 0)
            return;
        QString text = JobWaiter::tr("job %1: %2 of %3").arg(id).arg(done).arg(total);
        if (!message.isEmpty())
            text += u"  "_s + message;
        if (text == m_last)
            return;
        const QString padded = text.leftJustified(m_last.size());
        m_last = text;
        const QByteArray bytes = '\r' + padded.toUtf8();
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
        std::fflush(stderr);
    }
    void finish()
    {
        if (!m_last.isEmpty()) {
            std::fputc('\n', stderr);
            std::fflush(stderr);
            m_last.clear();
        }
    }

private:
    bool m_enabled;
    QString m_last;
};

int lookupFailure(CommandContext &context, qint64 id, const DbError &error)
{
    if (error.code == DbError::Code::NotFound)
        context.error(JobWaiter::tr("no job with id %1").arg(id));
    else
        context.error(JobWaiter::tr("cannot read job %1: %2").arg(id).arg(error.message.simplified()));
    return CommandLine::ExitFailure;
}

} // namespace

JobWaiter::JobWaiter(CommandContext &context, Database &db)
    : JobWaiter(context, db, Options{})
{}

JobWaiter::JobWaiter(CommandContext &context, Database &db, Options options)
    : m_context(context)
    , m_db(db)
    , m_options(options)
{}

QCommandLineOption JobWaiter::waitOption()
{
    return QCommandLineOption(u"wait"_s,
                              tr("Wait until the job is finished (running it in this process if no "
                                 "worker takes it); exit code 0 only if it succeeded."));
}

int JobWaiter::report(CommandContext &context, const Job &job)
{
    if (context.json())
        context.printJson(job.toJson());
    switch (job.state) {
    case JobState::Succeeded:
        if (!context.json()) {
            context.out(tr("Job %1 (%2) succeeded.").arg(job.id).arg(job.kind));
            if (!job.result.isEmpty())
                context.out(
                    tr("Result: %1")
                        .arg(QString::fromUtf8(QJsonDocument(job.result).toJson(QJsonDocument::Compact))));
        }
        std::fflush(stdout);
        return CommandLine::ExitSuccess;
    case JobState::Failed:
        std::fflush(stdout);
        context.error(tr("job %1 (%2) failed after %n attempt(s): %3", nullptr, job.attempts)
                          .arg(job.id)
                          .arg(job.kind, job.error.simplified()));
        return CommandLine::ExitFailure;
    case JobState::Cancelled:
        std::fflush(stdout);
        context.error(tr("job %1 (%2) was cancelled").arg(job.id).arg(job.kind));
        return CommandLine::ExitFailure;
    case JobState::Queued:
    case JobState::Running:
        break;
    }
    std::fflush(stdout);
    context.error(
        tr("job %1 (%2) has not finished: it is %3").arg(job.id).arg(job.kind, JobStates::code(job.state)));
    return CommandLine::ExitFailure;
}

int JobWaiter::wait(qint64 id)
{
    JobStore store(m_db);
    const Result<Job> first = store.get(id);
    if (!first)
        return lookupFailure(m_context, id, first.error());
    if (first->isFinished())
        return m_options.reporter ? m_options.reporter(m_context, first.value())
                                  : report(m_context, first.value());

    TaskRegistry registry;
    TaskCatalog::registerAll(registry);
    EventBus bus(m_db);
    std::unique_ptr<JobEngine> engine;
    if (m_options.runEngine) {
        JobEngineOptions engineOptions;
        engineOptions.runRecurring = false; // a wait runs what is queued, not the schedules
        engine = std::make_unique<JobEngine>(m_db, registry, engineOptions);
        engine->setEventBus(&bus);
    }
    UnixSignals signalWatcher({SIGINT, SIGTERM});
    ProgressLine progress(!m_context.json() && isatty(fileno(stderr)));

    QEventLoop loop;
    std::optional<Job> finished;
    QString failure; // why the wait ended without the job finished
    bool ending = false;
    const auto end = [&] {
        if (ending)
            return;
        ending = true;
        if (engine && engine->isStarted())
            engine->stop(); // releases whatever else it runs; stopped() ends the loop
        else
            loop.quit();
    };
    const auto check = [&] {
        if (ending)
            return;
        const Result<Job> current = store.get(id);
        if (!current) {
            if (current.error().code == DbError::Code::NotFound) {
                failure = tr("job %1 was deleted while waiting for it").arg(id);
                end();
            }
            return; // a connection problem: the next poll tries again
        }
        progress.show(id, current->progressDone, current->progressTotal, current->progressMessage);
        if (current->isFinished()) {
            finished = current.value();
            end();
        }
    };

    if (engine) {
        QObject::connect(engine.get(), &JobEngine::jobFinished, &loop, [&](qint64 jobId, JobState) {
            if (jobId == id)
                check();
        });
        QObject::connect(engine.get(), &JobEngine::stopped, &loop, [&] { loop.quit(); });
    }
    QObject::connect(&bus, &EventBus::jobEvent, &loop, [&](const QJsonObject &event) {
        if (event.value(u"id"_s).toInteger() != id)
            return;
        const std::optional<JobState> state = JobStates::fromCode(event.value(u"state"_s).toString());
        if (state && JobStates::isFinished(*state))
            check();
        else
            progress.show(id, event.value(u"done"_s).toInteger(), event.value(u"total"_s).toInteger(),
                          event.value(u"message"_s).toString());
    });
    QTimer poll;
    poll.setInterval(qMax(10, m_options.pollIntervalMs));
    QObject::connect(&poll, &QTimer::timeout, &loop, check);
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&] {
        failure = tr("job %1 did not finish within %2 s; it goes on without this wait")
                      .arg(id)
                      .arg(double(m_options.timeoutMs) / 1000);
        end();
    });
    int interruptedBy = 0; // the signal that ended the wait
    QObject::connect(&signalWatcher, &UnixSignals::received, &loop, [&](int signalNumber) {
        if (interruptedBy) {
            // A second signal: do not wait for running jobs any longer (their leases expire).
            progress.finish();
            CommandLine::printError(tr("%1 again: quitting at once").arg(UnixSignals::name(signalNumber)));
            std::_Exit(CommandLine::ExitFailure);
        }
        if (ending)
            return;
        interruptedBy = signalNumber;
        end();
    });

    bus.start();
    if (engine)
        engine->start();
    poll.start();
    if (m_options.timeoutMs > 0)
        timeout.start(m_options.timeoutMs);
    QTimer::singleShot(0, &loop, check); // it may have finished before the bus listened
    loop.exec();
    poll.stop();
    timeout.stop();
    progress.finish();

    if (finished)
        return m_options.reporter ? m_options.reporter(m_context, finished.value())
                                  : report(m_context, finished.value());
    if (interruptedBy) {
        const QString signalName = UnixSignals::name(interruptedBy);
        const Result<Job> now = store.get(id);
        failure = now ? tr("interrupted by %1; job %2 is %3")
                            .arg(signalName)
                            .arg(id)
                            .arg(JobStates::code(now->state))
                      : tr("interrupted by %1 while waiting for job %2").arg(signalName).arg(id);
    }
    m_context.error(failure);
    return CommandLine::ExitFailure;
}
