#include "tasks/jobclock.h"

#include <QDateTime>

qint64 JobClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

const JobClock &JobClock::system()
{
    static const JobClock clock;
    return clock;
}
