#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>

#include <functional>

class CommandContext;
class Database;
struct Job;

// The `--wait` of commands that start work, and `residesk jobs wait ID`: waits until
// one job is finished and reports it.
//
// While waiting it runs a JobEngine in this process (every built-in kind), so the job
// runs even where no `residesk worker` does; if another worker has it, the wait
// follows it through job events (PostgreSQL) and by reading the job every 200 ms.
// Other jobs this engine claims meanwhile are released again when the wait ends.
//
//   const qint64 id = ... enqueue ...;
//   if (context.parser().isSet(JobWaiter::waitOption()))
//       return JobWaiter(context, *db).wait(id);
//
// Output: the job's JSON (Job::toJson) with --json, else one line for people; a failed
// or cancelled job is also reported on stderr ("residesk: job 42 failed: ...").
// Exit code: 0 only if the job succeeded; 1 if it failed, was cancelled, does not
// exist, the wait timed out or was interrupted (SIGINT/SIGTERM).
class JobWaiter
{
    Q_DECLARE_TR_FUNCTIONS(JobWaiter)
public:
    struct Options
    {
        int timeoutMs = 0;     // 0: no limit
        bool runEngine = true; // run the job in this process too (not only watch it)
        int pollIntervalMs = 200;
        // How the finished job is printed and what exit code that gives; empty:
        // report(). Commands with their own output shape (`protocols receive --wait`)
        // set it.
        std::function<int(CommandContext &, const Job &)> reporter = {};
    };

    JobWaiter(CommandContext &context, Database &db);
    JobWaiter(CommandContext &context, Database &db, Options options);

    // Waits for job `id`, prints it and returns the exit code.
    int wait(qint64 id);

    // Prints a finished job as `wait` does; returns 0 if it succeeded, else 1.
    static int report(CommandContext &context, const Job &job);

    // "--wait": for commands that start a job.
    static QCommandLineOption waitOption();

private:
    CommandContext &m_context;
    Database &m_db;
    Options m_options;
};
