#include "tests/bench/threadtimes.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>

#include <fcntl.h>
#include <unistd.h>

ThreadTimes ThreadTimes::now()
{
    ThreadTimes t;
    // schedstat: "<on-cpu ns> <waiting-for-a-core ns> <timeslices>", read again through
    // the descriptor each thread keeps open (a meter reads it every millisecond). Without
    // it (a kernel built without schedstats), the CPU time alone from the thread's clock.
    thread_local const int fd = ::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        char buffer[96];
        const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
        if (n > 0) {
            buffer[n] = '\0';
            char *end = nullptr;
            t.cpuNs = std::strtoll(buffer, &end, 10);
            t.waitNs = std::strtoll(end, nullptr, 10);
            if (t.cpuNs > 0)
                return t;
        }
    }
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    t.cpuNs = qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
    t.waitNs = 0;
    return t;
}
