#include "app/gui/shutdownwatchdog.h"

#include <cstdio>
#include <cstdlib>

void ShutdownWatchdog::arm(std::chrono::milliseconds limit, QString message, int exitCode)
{
    if (m_thread.joinable())
        return;
    m_thread = std::thread([this, limit, text = message.toLocal8Bit(), exitCode] {
        std::unique_lock lock(m_mutex);
        if (m_done.wait_for(lock, limit, [this] { return m_finished; }))
            return;
        std::fprintf(stderr, "residesk: %s\n", text.constData());
        std::fflush(stderr);
        // No destructors, no atexit handlers: they are what did not finish.
        std::_Exit(exitCode);
    });
}

ShutdownWatchdog::~ShutdownWatchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
    }
    m_done.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}
