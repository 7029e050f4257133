#pragma once

#include "models/db/result.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class Database;

// The event bus between clients (the database's own news: records changed, a
// notification arrived; the job store in tasks/ publishes job events through it). On PostgreSQL it is
// LISTEN/NOTIFY on one channel
// ("residesk_events"): publishing runs pg_notify() on the caller's connection, so an
// event inside a transaction is delivered when it commits, to every client, this one
// included. On SQLite publishing emits Database::localEvent() for this process, and
// writes records and notification events to the change_feed table (in the caller's
// transaction) for the other processes on the same file.
//
// Events are small JSON objects with a "type":
//   {"type":"job","id":42,"kind":"…","state":"running","done":3450,"total":10000,
//    "message":"chunk 7","at":<ms>,"by":"<creator>","error":"…"}  (error: clipped;
//    present once the job has one or has finished)
//   {"type":"jobs","at":<ms>,"j":[[id,"kind","state",done,total,attempts,cancel 0|1],…]}
//    (several jobs changed in one transaction: one NOTIFY; EventBus emits them as one
//    jobsChanged, and one jobEvent each, shaped as above without message, by and error)
//   {"type":"records","table":"residents"}
//   {"type":"notification","user":"alice"}  (user: in-process only; through NOTIFY
//    the event names nobody and every listener re-reads its own notifications)
// One job's change as EventBus::jobsChanged hands it over: the fields every job event
// carries, without a JSON object per job. `details` is the event itself when it came
// alone ("job": in this process on SQLite it also carries message, by and error);
// empty for a job of a "jobs" event.
struct JobChange
{
    qint64 id = 0;
    QString kind;
    QString state;
    qint64 done = 0;
    qint64 total = 0;
    int attempts = 0;
    bool cancel = false;
    qint64 at = 0;
    QJsonObject details;

    // The change as a "job" event (`details` when there is one).
    QJsonObject toJson() const;
};

namespace Events {
inline constexpr char channel[] = "residesk_events";
// The application_name of the listening connections on PostgreSQL, so that an
// administrator (or a test) can tell them apart in pg_stat_activity.
inline constexpr char listenerApplicationName[] = "residesk-events";

// Inside a Transaction on PostgreSQL the event waits for its commit (Transaction).
VoidResult publish(Database &db, const QJsonObject &event);
// PostgreSQL: sends `events` now: every "job" event together as "jobs" events (as few
// as fit the payload limit: one for a few dozen jobs), every other distinct event once.
VoidResult sendCombined(Database &db, const QList<QJsonObject> &events);
// PostgreSQL: the changes of many jobs (an engine's round), published as the "jobs"
// events sendCombined() would make of their "job" events, but built at once (no JSON
// object per job). Elsewhere each change is published as its "job" event (toJson()).
VoidResult publishJobs(Database &db, const QList<JobChange> &changes);
VoidResult publishRecordsChanged(Database &db, const QString &table);
VoidResult publishNotification(Database &db, const QString &username);
} // namespace Events

// Receives events for this process and turns them into signals on the thread that
// created it (the GUI thread in the window). On PostgreSQL it keeps a listening
// connection on a thread of its own and re-subscribes after the connection returns
// (emitting resynced(), since events sent meanwhile were missed); on SQLite it relays
// Database::localEvent() and reads the change_feed rows of other origins about once a
// second, on a thread of its own. Records-changed events are coalesced: at most one
// recordsChanged per table every `recordsDelayMs` (default 250 ms).
//
// Job events come twice: jobsChanged, once per event received (a "jobs" NOTIFY is one
// list, in the order sent; a "job" event a list of one), and jobEvent, once per job,
// after it. jobsChanged is the cheap one (parsed once, on the listening thread, no JSON
// object per job): a client that hears every job of a busy server should use it. The
// objects for jobEvent are only built while something is connected to it.
class EventBus : public QObject
{
    Q_OBJECT
public:
    explicit EventBus(Database &db, QObject *parent = nullptr);
    ~EventBus() override;

    // Starts listening; on PostgreSQL, listening() is emitted once subscribed.
    void start();
    bool isListening() const;
    void setRecordsDelayMs(int ms);

Q_SIGNALS:
    void listening();
    void jobsChanged(const QList<JobChange> &changes);
    void jobEvent(const QJsonObject &event);
    void recordsChanged(const QString &table);
    // `username` is empty when the event names nobody (PostgreSQL): anyone may be meant.
    void notificationEvent(const QString &username);
    // The listening connection was lost and is back: reload everything shown.
    void resynced();

private:
    class Private;
    std::unique_ptr<Private> d;
};
