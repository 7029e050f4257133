#pragma once

#include <QtGlobal>

// What the calling thread has done with its time so far, from Linux's
// /proc/thread-self/schedstat: nanoseconds on a CPU, and nanoseconds runnable but
// waiting for a core. A gap between two readings minus both is the time the thread was
// blocked (a lock, a synchronous call, I/O): the three tell a stall caused by work on the
// thread from one caused by a busy machine or by waiting on something.
struct ThreadTimes
{
    qint64 cpuNs = 0;
    qint64 waitNs = 0;

    static ThreadTimes now();
    ThreadTimes operator-(const ThreadTimes &earlier) const
    {
        return {cpuNs - earlier.cpuNs, waitNs - earlier.waitNs};
    }
};
