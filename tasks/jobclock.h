#pragma once

#include <QtGlobal>

#include <atomic>

// Where the engine and the job store take "now" from: milliseconds since the epoch,
// UTC. The system clock in production; tests use ManualClock to step through backoff
// and schedules without sleeping. Thread-safe.
class JobClock
{
public:
    virtual ~JobClock() = default;
    virtual qint64 nowMs() const;
    static const JobClock &system();
};

// A clock that only moves when told to (tests).
class ManualClock : public JobClock
{
public:
    explicit ManualClock(qint64 startMs) : m_now(startMs) {}
    qint64 nowMs() const override { return m_now.load(); }
    void set(qint64 ms) { m_now.store(ms); }
    void advance(qint64 ms) { m_now.fetch_add(ms); }

private:
    std::atomic<qint64> m_now;
};
