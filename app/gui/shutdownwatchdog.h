#pragma once

#include <QString>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

// Makes sure the window path ends once the window has closed, whatever state the
// database is in: after arm(), the process exits on its own if it has not finished
// tearing down within the limit (a database that hangs every statement, a job that
// never reaches a checkpoint). Nothing durable is lost by that: jobs are rows whose
// lease runs out, and work that did not commit never counted.
//
// Declare it before everything it guards (it is destroyed last); arm() once the event
// loop has ended. Not copyable; the watching thread exists only while armed.
//
//   ShutdownWatchdog watchdog;
//   Database database(...);  ... app.exec();
//   watchdog.arm(std::chrono::seconds(15));   // the destructors below must end by then
class ShutdownWatchdog
{
public:
    ShutdownWatchdog() = default;
    ~ShutdownWatchdog();
    ShutdownWatchdog(const ShutdownWatchdog &) = delete;
    ShutdownWatchdog &operator=(const ShutdownWatchdog &) = delete;

    // From now on the process has `limit` to reach this object's destructor; if it does
    // not, `message` goes to standard error and the process exits with `exitCode`.
    void arm(std::chrono::milliseconds limit, QString message, int exitCode = 0);

private:
    std::mutex m_mutex;
    std::condition_variable m_done;
    bool m_finished = false;
    std::thread m_thread;
};
