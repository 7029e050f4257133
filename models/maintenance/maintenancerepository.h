#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"
#include "models/maintenance/maintenance.h"
#include "models/maintenance/maintenancerules.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

#include <optional>

class Database;

// What a request list shows; every field is optional.
struct MaintenanceFilter
{
    std::optional<Maintenance::State> state;
    QString buildingCode;     // "NH"
    qint64 buildingId = 0;
    qint64 roomId = 0;
    qint64 technicianId = 0;
    bool unfinishedOnly = false; // neither done nor cancelled
    bool overdueOnly = false;    // unfinished and due before `now`
    QDateTime now;               // for overdueOnly; null: the current time
    QString search;              // description, building code or room number
    int limit = 5000;
};

// Maintenance requests, their comments and attachments, and the shared settings
// (response targets, rates), in the database. Runs on the calling thread with that
// thread's connection (from the GUI thread, go through DbExecutor). Every write joins
// the caller's open Transaction (as a savepoint) or runs in one of its own, and
// announces a records-changed event for "maintenance_requests"; the database's
// triggers write the audit trail (entity "maintenance_request", actions create,
// assign, schedule, start, complete, cancel, update).
//
// The state machine (MaintenanceRules::canTransition) is checked here under the
// request's row lock, whatever the caller; a refused change is InvalidState with a
// message naming the request and both states, and changes nothing.
//
//   MaintenanceRepository repo(db, actor);
//   Result<MaintenanceRequest> r = repo.create({.roomId = room.id, .category = Plumbing,
//                                               .priority = High, .description = u"Leak"_s});
//   repo.assign(r->id, tech.id, 9000, r->version);
//
// Processing (technician, estimate, slot, e-mails) is the maintenance.process job's
// (tasks/maintenance), queued with the request by MaintenanceTasks::submit.
class MaintenanceRepository
{
    Q_DECLARE_TR_FUNCTIONS(MaintenanceRepository)
public:
    static constexpr int AnyVersion = -1;

    MaintenanceRepository(Database &db, Actor actor);

    // Field keys: "room", "building", "description", "reported_by".
    static QList<FieldError> validate(const MaintenanceRequest &request);

    // Stores an open request for request.roomId (its building is the room's) or, with
    // no room, for request.buildingId's common area; due from the priority's target.
    // `now`: the report time (null: the current time).
    Result<MaintenanceRequest> create(const MaintenanceRequest &request, const QDateTime &now = {});
    Result<MaintenanceRequest> get(qint64 id);
    Result<QList<MaintenanceRequest>> list(const MaintenanceFilter &filter);

    // open → assigned, with the estimate (none: keep empty).
    Result<MaintenanceRequest> assign(qint64 id, qint64 technicianId, std::optional<int> estimateCents,
                                      int expectedVersion = AnyVersion);
    // assigned → scheduled (or a scheduled one moved to another slot).
    Result<MaintenanceRequest> schedule(qint64 id, const QDateTime &start, const QDateTime &end,
                                        int expectedVersion = AnyVersion);
    Result<MaintenanceRequest> start(qint64 id, int expectedVersion = AnyVersion);
    // in_progress → done; a room it took out of service is back in service unless
    // another unfinished request still holds it out.
    Result<MaintenanceRequest> complete(qint64 id, int expectedVersion = AnyVersion);
    // Any unfinished state → cancelled (the reason becomes a comment); the room as complete().
    Result<MaintenanceRequest> cancel(qint64 id, const QString &reason = {}, int expectedVersion = AnyVersion);
    // Moves forward to `to` along the allowed steps (the command line's "done").
    Result<MaintenanceRequest> transition(qint64 id, Maintenance::State to, int expectedVersion = AnyVersion);

    // Takes the request's room out of service (out = true) or puts it back; refused
    // for a common-area or finished request.
    Result<MaintenanceRequest> setRoomOutOfService(qint64 id, bool out, int expectedVersion = AnyVersion);
    VoidResult setNeedsAttention(qint64 id, bool needsAttention);

    Result<MaintenanceComment> addComment(qint64 requestId, const QString &body);
    Result<QList<MaintenanceComment>> comments(qint64 requestId);

    // Checks (MaintenanceRules::attachmentRefusal: a Validation error on "attachment"
    // naming the file) and stores one file with its thumbnail in one statement.
    Result<MaintenanceAttachment> addAttachment(const MaintenanceAttachment &attachment);
    // Without their content (thumbnails included).
    Result<QList<MaintenanceAttachment>> attachments(qint64 requestId);
    Result<MaintenanceAttachment> attachment(qint64 id); // with content

    // Flags every unfinished request due before `now` that was not flagged yet (each
    // once, also with several workers: a conditional UPDATE); returns them.
    Result<QList<MaintenanceRequest>> flagOverdue(const QDateTime &now);

    // For dashboards and reports: unfinished requests per priority, and how many of
    // them are overdue at `now`.
    struct PriorityCount
    {
        Maintenance::Priority priority;
        int open = 0;
        int overdue = 0;
    };
    Result<QList<PriorityCount>> countsByPriority(const QDateTime &now);
    Result<int> overdueCount(const QDateTime &now);

    // Settings shared by every desktop and worker.
    Result<QList<ResponseTarget>> targets();
    Result<ResponseTarget> target(Maintenance::Priority priority);
    VoidResult setTarget(const ResponseTarget &target);
    Result<QList<MaintenanceRate>> rates();
    VoidResult setRate(const MaintenanceRate &rate);

private:
    struct Locked;
    Result<MaintenanceRequest> lock(qint64 id);
    Result<MaintenanceRequest> change(qint64 id, Maintenance::State to, int expectedVersion, const QString &set,
                                      const QVariantList &values);
    VoidResult releaseRoom(const MaintenanceRequest &request);
    VoidResult setRoomStatus(qint64 roomId, const QString &status);
    QVariant time(const QDateTime &t) const;

    Database &m_db;
    Actor m_actor;
};
