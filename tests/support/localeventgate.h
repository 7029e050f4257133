#pragma once

#include <QJsonObject>
#include <QObject>

#include <functional>
#include <memory>

class Database;

// Holds a thread that publishes a matching event on SQLite until the test lets it go,
// so that a test can act while a job stands at a known point (between two of its
// chunks, say) instead of guessing from the outside how far the job has got.
//
// On SQLite Events::publish() emits Database::localEvent() on the publishing thread
// before it returns; this gate's slot runs there and parks that thread. On PostgreSQL
// events travel by NOTIFY and nothing parks: hold a job with a row lock there. Events
// published on the thread that made the gate (the test's own) never park. Park only
// where the publisher has no transaction open: while it is parked, its write lock
// would make every write of the test wait.
//
// The match runs on the publishing thread: capture values, not the test's objects.
//
//   LocalEventGate gate(db, [id](const QJsonObject &e) { return isReportOf(e, id); });
//   engine.start();
//   QTRY_VERIFY(gate.isParked());
//   ... act while the job waits ...
//   gate.open(); // the job goes on, and parks no more
class LocalEventGate
{
public:
    using Match = std::function<bool(const QJsonObject &event)>;

    LocalEventGate(Database &db, Match match);
    // Opens the gate (a parked thread goes on) and disconnects.
    ~LocalEventGate();
    LocalEventGate(const LocalEventGate &) = delete;
    LocalEventGate &operator=(const LocalEventGate &) = delete;

    bool isParked() const;
    // The event the parked thread published (empty when none is parked).
    QJsonObject parkedEvent() const;
    // Lets the parked thread go on; the next matching event parks again.
    void release();
    // Lets the parked thread go on and parks nothing more.
    void open();

private:
    struct State;
    std::shared_ptr<State> m_state;
    QObject m_context;
};
