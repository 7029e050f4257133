#include "models/maintenance/maintenancerepository.h"

#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/housing/sqlhelpers_p.h"
#include "models/lab/labsql_p.h"
#include "models/maintenance/maintenancesql_p.h"

using namespace HousingSql;
using namespace MaintenanceSql;
using namespace Qt::StringLiterals;

namespace {

const QString kTable = u"maintenance_requests"_s;

DbError fieldError(DbError::Code code, const QString &field, const QString &message)
{
    return DbError(code, message, {}, {FieldError{field, message}});
}

} // namespace

MaintenanceRepository::MaintenanceRepository(Database &db, Actor actor)
    : m_db(db)
    , m_actor(std::move(actor))
{}

QVariant MaintenanceRepository::time(const QDateTime &t) const
{
    return LabSql::timeParam(m_db.config().backend, t);
}

QList<FieldError> MaintenanceRepository::validate(const MaintenanceRequest &r)
{
    QList<FieldError> errors;
    if (r.roomId <= 0 && r.buildingId <= 0)
        errors.append({u"room"_s, tr("Choose the room, or the building for its common area.")});
    const QString description = r.description.trimmed();
    if (description.isEmpty())
        errors.append({u"description"_s, tr("Describe the problem.")});
    else if (description.size() > 4000)
        errors.append({u"description"_s, tr("The description must be at most %1 characters long.").arg(4000)});
    if (r.reportedByStaff.size() > 100)
        errors.append({u"reported_by"_s, tr("The reporter's login must be at most %1 characters long.").arg(100)});
    return errors;
}

Result<MaintenanceRequest> MaintenanceRepository::create(const MaintenanceRequest &input, const QDateTime &nowIn)
{
    MaintenanceRequest r = input;
    r.description = r.description.trimmed();
    if (QList<FieldError> errors = validate(r); !errors.isEmpty())
        return DbError::validation(std::move(errors));
    const QDateTime now = nowIn.isValid() ? nowIn : QDateTime::currentDateTimeUtc();

    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    if (r.roomId > 0) {
        SqlStatement room(m_db, u"SELECT building_id FROM rooms WHERE id = ?"_s);
        room.bind(r.roomId);
        if (auto e = room.exec(); !e)
            return e.error();
        if (!room.next())
            return fieldError(DbError::Code::Validation, u"room"_s,
                              tr("The room (id %1) does not exist; another user may have deleted it.").arg(r.roomId));
        r.buildingId = room.value(0).toLongLong();
    } else {
        const Result<bool> found = exists(m_db, u"SELECT 1 FROM buildings WHERE id = ?"_s, {r.buildingId});
        if (!found)
            return found.error();
        if (!found.value())
            return fieldError(DbError::Code::Validation, u"building"_s,
                              tr("The building (id %1) does not exist.").arg(r.buildingId));
    }
    if (r.reportedByResidentId > 0) {
        const Result<bool> found =
            exists(m_db, u"SELECT 1 FROM residents WHERE id = ?"_s, {r.reportedByResidentId});
        if (!found)
            return found.error();
        if (!found.value())
            return fieldError(DbError::Code::Validation, u"reported_by"_s,
                              tr("The resident (id %1) who reported it does not exist.").arg(r.reportedByResidentId));
    } else if (r.reportedByStaff.isEmpty()) {
        r.reportedByStaff = m_actor.username;
    }
    const Result<ResponseTarget> due = target(r.priority);
    if (!due)
        return due.error();
    const QDateTime dueAt = MaintenanceRules::dueAt(due.value(), now.toLocalTime()).toUTC();

    SqlStatement st(m_db, u"INSERT INTO maintenance_requests (building_id, room_id, category, priority, description, "
                          "reported_by_resident_id, reported_by_staff, permission_to_enter, state, reported_at, due_at, "
                          "plan_id, plan_period, version, created_by, updated_by) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, 1, ?, ?) RETURNING id"_s);
    st.bind(r.buildingId)
        .bind(LabSql::nullableId(r.roomId))
        .bind(Maintenance::categoryCode(r.category))
        .bind(Maintenance::priorityCode(r.priority))
        .bind(r.description)
        .bind(LabSql::nullableId(r.reportedByResidentId))
        .bind(r.reportedByResidentId > 0 ? u""_s : text(r.reportedByStaff))
        .bind(r.permissionToEnter ? 1 : 0)
        .bind(time(now))
        .bind(time(dueAt))
        .bind(LabSql::nullableId(r.planId))
        .bind(r.planId > 0 ? QVariant(r.planPeriod) : QVariant(QMetaType::fromType<int>()))
        .bind(m_actor.username)
        .bind(m_actor.username);
    if (auto e = st.exec(); !e)
        return e.error();
    if (!st.next())
        return DbError(DbError::Code::QueryFailed, tr("The new maintenance request was not stored."));
    const qint64 id = st.value(0).toLongLong();
    st.finish();
    Result<MaintenanceRequest> stored = get(id);
    if (!stored)
        return stored.error();
    LabSql::announceChange(m_db, kTable);
    if (auto e = tx.commit(); !e)
        return e.error();
    return stored;
}

Result<MaintenanceRequest> MaintenanceRepository::get(qint64 id)
{
    SqlStatement st(m_db, u"SELECT "_s + kRequestColumns + u" FROM maintenance_request_list m WHERE m.id = ?"_s);
    st.bind(id);
    if (auto e = st.exec(); !e)
        return e.error();
    if (!st.next())
        return notFound(tr("Maintenance request %1 does not exist.").arg(id));
    return readRequest(st);
}

Result<QList<MaintenanceRequest>> MaintenanceRepository::list(const MaintenanceFilter &filter)
{
    Where where;
    if (filter.state)
        where.add(u"m.state = ?"_s, {Maintenance::stateCode(*filter.state)});
    if (!filter.buildingCode.trimmed().isEmpty())
        where.add(u"m.building_code = ?"_s, {filter.buildingCode.trimmed()});
    if (filter.buildingId > 0)
        where.add(u"m.building_id = ?"_s, {filter.buildingId});
    if (filter.roomId > 0)
        where.add(u"m.room_id = ?"_s, {filter.roomId});
    if (filter.technicianId > 0)
        where.add(u"m.technician_id = ?"_s, {filter.technicianId});
    if (filter.unfinishedOnly || filter.overdueOnly)
        where.add(u"m.state NOT IN ('done', 'cancelled')"_s, {});
    if (filter.overdueOnly)
        where.add(u"m.due_at < ?"_s, {time(filter.now.isValid() ? filter.now : QDateTime::currentDateTimeUtc())});
    where.addSearch(m_db.config().backend, {u"m.description"_s, u"m.building_code"_s, u"m.room_number"_s},
                    filter.search);
    SqlStatement st(m_db, u"SELECT "_s + kRequestColumns + u" FROM maintenance_request_list m"_s + where.sql() +
                              u" ORDER BY m.due_at, m.id LIMIT ?"_s);
    bindAll(st, where.values);
    st.bind(qMax(1, filter.limit));
    if (auto e = st.exec(); !e)
        return e.error();
    QList<MaintenanceRequest> out;
    while (st.next())
        out.append(readRequest(st));
    return out;
}

Result<MaintenanceRequest> MaintenanceRepository::lock(qint64 id)
{
    if (m_db.isPostgreSQL()) {
        SqlStatement st(m_db, u"SELECT id FROM maintenance_requests WHERE id = ? FOR NO KEY UPDATE"_s);
        st.bind(id);
        if (auto e = st.exec(); !e)
            return e.error();
        if (!st.next())
            return notFound(tr("Maintenance request %1 does not exist.").arg(id));
    }
    return get(id);
}

Result<MaintenanceRequest> MaintenanceRepository::change(qint64 id, Maintenance::State to, int expectedVersion,
                                                         const QString &set, const QVariantList &values)
{
    // Runs inside the caller's transaction, after lock().
    const QString now = Dialect::now(m_db.config().backend);
    SqlStatement st(m_db, u"UPDATE maintenance_requests SET state = ?, "_s + set +
                              u"version = version + 1, updated_at = "_s + now +
                              u", updated_by = ? WHERE id = ? AND version = ?"_s);
    st.bind(Maintenance::stateCode(to));
    for (const QVariant &v : values)
        st.bind(v);
    st.bind(m_actor.username).bind(id).bind(expectedVersion);
    if (auto e = st.exec(); !e)
        return e.error();
    if (st.numRowsAffected() == 0)
        return conflict(tr("Another user changed maintenance request %1 at the same time. Reload to see their "
                           "changes.")
                            .arg(id));
    return get(id);
}

Result<MaintenanceRequest> MaintenanceRepository::assign(qint64 id, qint64 technicianId,
                                                         std::optional<int> estimateCents, int expectedVersion)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<MaintenanceRequest> before = lock(id);
    if (!before)
        return before.error();
    if (expectedVersion != AnyVersion && before->version != expectedVersion)
        return conflict(tr("Another user changed maintenance request %1 since you opened it. Reload to see their "
                           "changes.")
                            .arg(id));
    if (!MaintenanceRules::canTransition(before->state, Maintenance::State::Assigned))
        return DbError(DbError::Code::InvalidState,
                       MaintenanceRules::refusal(id, before->state, Maintenance::State::Assigned));
    SqlStatement tech(m_db, u"SELECT active FROM maintenance_technicians WHERE id = ?"_s);
    tech.bind(technicianId);
    if (auto e = tech.exec(); !e)
        return e.error();
    if (!tech.next())
        return fieldError(DbError::Code::Validation, u"technician"_s,
                          tr("The technician (id %1) does not exist.").arg(technicianId));
    if (tech.value(0).toInt() == 0)
        return fieldError(DbError::Code::InvalidState, u"technician"_s,
                          tr("The technician (id %1) is no longer active.").arg(technicianId));
    tech.finish();
    Result<MaintenanceRequest> after =
        change(id, Maintenance::State::Assigned, before->version,
               u"technician_id = ?, estimate_cents = ?, needs_attention = 0, "_s,
               {technicianId, estimateCents ? QVariant(*estimateCents) : QVariant(QMetaType::fromType<int>())});
    if (!after)
        return after.error();
    LabSql::announceChange(m_db, kTable);
    if (auto e = tx.commit(); !e)
        return e.error();
    return after;
}

Result<MaintenanceRequest> MaintenanceRepository::schedule(qint64 id, const QDateTime &start, const QDateTime &end,
                                                           int expectedVersion)
{
    if (!start.isValid() || !end.isValid() || end <= start)
        return fieldError(DbError::Code::Validation, u"slot"_s,
                          tr("The visit's end must come after its start."));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<MaintenanceRequest> before = lock(id);
    if (!before)
        return before.error();
    if (expectedVersion != AnyVersion && before->version != expectedVersion)
        return conflict(tr("Another user changed maintenance request %1 since you opened it. Reload to see their "
                           "changes.")
                            .arg(id));
    // A scheduled request may move to another slot; otherwise it must be assigned.
    if (before->state != Maintenance::State::Scheduled &&
        !MaintenanceRules::canTransition(before->state, Maintenance::State::Scheduled))
        return DbError(DbError::Code::InvalidState,
                       MaintenanceRules::refusal(id, before->state, Maintenance::State::Scheduled));
    Result<MaintenanceRequest> after = change(id, Maintenance::State::Scheduled, before->version,
                                              u"slot_start = ?, slot_end = ?, "_s, {time(start), time(end)});
    if (!after)
        return after.error();
    LabSql::announceChange(m_db, kTable);
    if (auto e = tx.commit(); !e)
        return e.error();
    return after;
}

Result<MaintenanceRequest> MaintenanceRepository::start(qint64 id, int expectedVersion)
{
    return transition(id, Maintenance::State::InProgress, expectedVersion);
}

Result<MaintenanceRequest> MaintenanceRepository::complete(qint64 id, int expectedVersion)
{
    return transition(id, Maintenance::State::Done, expectedVersion);
}

Result<MaintenanceRequest> MaintenanceRepository::cancel(qint64 id, const QString &reason, int expectedVersion)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    Result<MaintenanceRequest> after = transition(id, Maintenance::State::Cancelled, expectedVersion);
    if (!after)
        return after.error();
    if (!reason.trimmed().isEmpty()) {
        if (auto c = addComment(id, tr("Cancelled: %1").arg(reason.trimmed())); !c)
            return c.error();
    }
    if (auto e = tx.commit(); !e)
        return e.error();
    return after;
}

Result<MaintenanceRequest> MaintenanceRepository::transition(qint64 id, Maintenance::State to, int expectedVersion)
{
    using S = Maintenance::State;
    if (to == S::Assigned || to == S::Scheduled)
        return DbError(DbError::Code::InvalidState,
                       tr("Maintenance request %1 is assigned with a technician and scheduled with a slot.").arg(id));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    Result<MaintenanceRequest> current = lock(id);
    if (!current)
        return current.error();
    if (expectedVersion != AnyVersion && current->version != expectedVersion)
        return conflict(tr("Another user changed maintenance request %1 since you opened it. Reload to see their "
                           "changes.")
                            .arg(id));
    // "done" from a scheduled or assigned request passes through in_progress: two
    // audited steps, each one checked.
    if (to == S::Done && (current->state == S::Scheduled || current->state == S::Assigned)) {
        current = change(id, S::InProgress, current->version, QString(), {});
        if (!current)
            return current.error();
    }
    if (!MaintenanceRules::canTransition(current->state, to))
        return DbError(DbError::Code::InvalidState, MaintenanceRules::refusal(id, current->state, to));
    const bool finishing = Maintenance::isFinished(to);
    const QString now = Dialect::now(m_db.config().backend);
    Result<MaintenanceRequest> after =
        change(id, to, current->version, finishing ? u"finished_at = "_s + now + u", "_s : QString(), {});
    if (!after)
        return after.error();
    if (finishing && after->tookRoomOut) {
        if (auto r = releaseRoom(after.value()); !r)
            return r.error();
        after = get(id);
        if (!after)
            return after.error();
    }
    LabSql::announceChange(m_db, kTable);
    if (auto e = tx.commit(); !e)
        return e.error();
    return after;
}

VoidResult MaintenanceRepository::setRoomStatus(qint64 roomId, const QString &status)
{
    const QString now = Dialect::now(m_db.config().backend);
    SqlStatement st(m_db, u"UPDATE rooms SET status = ?, version = version + 1, updated_at = "_s + now +
                              u", updated_by = ? WHERE id = ? AND status <> ?"_s);
    st.bind(status).bind(m_actor.username).bind(roomId).bind(status);
    if (auto e = st.exec(); !e)
        return e.error();
    LabSql::announceChange(m_db, u"rooms"_s);
    return {};
}

VoidResult MaintenanceRepository::releaseRoom(const MaintenanceRequest &request)
{
    // Back in service unless another unfinished request still holds the room out.
    const Result<qint64> others =
        scalarCount(m_db, u"SELECT COUNT(*) FROM maintenance_requests WHERE room_id = ? AND id <> ? AND "
                          "took_room_out = 1 AND state NOT IN ('done', 'cancelled')"_s,
                    {request.roomId, request.id});
    if (!others)
        return others.error();
    SqlStatement st(m_db, u"UPDATE maintenance_requests SET took_room_out = 0 WHERE id = ?"_s);
    st.bind(request.id);
    if (auto e = st.exec(); !e)
        return e.error();
    if (others.value() > 0)
        return {};
    return setRoomStatus(request.roomId, u"available"_s);
}

Result<MaintenanceRequest> MaintenanceRepository::setRoomOutOfService(qint64 id, bool out, int expectedVersion)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<MaintenanceRequest> before = lock(id);
    if (!before)
        return before.error();
    if (expectedVersion != AnyVersion && before->version != expectedVersion)
        return conflict(tr("Another user changed maintenance request %1 since you opened it. Reload to see their "
                           "changes.")
                            .arg(id));
    if (before->roomId == 0)
        return DbError(DbError::Code::InvalidState,
                       tr("Maintenance request %1 is for the common area of %2; there is no room to take out of "
                          "service.")
                           .arg(id)
                           .arg(before->buildingCode));
    if (out && Maintenance::isFinished(before->state))
        return DbError(DbError::Code::InvalidState,
                       tr("Maintenance request %1 is %2; only open work can take room %3 out of service.")
                           .arg(id)
                           .arg(Maintenance::stateLabel(before->state).toLower(), before->placeLabel()));
    if (out == before->tookRoomOut)
        return before;
    if (out) {
        SqlStatement st(m_db, u"UPDATE maintenance_requests SET took_room_out = 1, version = version + 1, "
                              "updated_by = ? WHERE id = ?"_s);
        st.bind(m_actor.username).bind(id);
        if (auto e = st.exec(); !e)
            return e.error();
        if (auto r = setRoomStatus(before->roomId, u"out_of_service"_s); !r)
            return r.error();
    } else {
        if (auto r = releaseRoom(before.value()); !r)
            return r.error();
        SqlStatement st(m_db, u"UPDATE maintenance_requests SET version = version + 1, updated_by = ? WHERE id = ?"_s);
        st.bind(m_actor.username).bind(id);
        if (auto e = st.exec(); !e)
            return e.error();
    }
    Result<MaintenanceRequest> after = get(id);
    if (!after)
        return after.error();
    LabSql::announceChange(m_db, kTable);
    if (auto e = tx.commit(); !e)
        return e.error();
    return after;
}

VoidResult MaintenanceRepository::setNeedsAttention(qint64 id, bool needsAttention)
{
    SqlStatement st(m_db, u"UPDATE maintenance_requests SET needs_attention = ? WHERE id = ? AND needs_attention <> ?"_s);
    st.bind(needsAttention ? 1 : 0).bind(id).bind(needsAttention ? 1 : 0);
    if (auto e = st.exec(); !e)
        return e.error();
    LabSql::announceChange(m_db, kTable);
    return {};
}

Result<MaintenanceComment> MaintenanceRepository::addComment(qint64 requestId, const QString &bodyIn)
{
    const QString body = bodyIn.trimmed();
    if (body.isEmpty())
        return fieldError(DbError::Code::Validation, u"comment"_s, tr("The comment is empty."));
    if (body.size() > 4000)
        return fieldError(DbError::Code::Validation, u"comment"_s,
                          tr("A comment must be at most %1 characters long.").arg(4000));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    SqlStatement st(m_db, u"INSERT INTO maintenance_comments (request_id, body, author, created_at) "
                          "VALUES (?, ?, ?, ?) RETURNING id, author"_s);
    st.bind(requestId).bind(body).bind(m_actor.username).bind(time(now));
    if (auto e = st.exec(); !e) {
        if (e.error().code == DbError::Code::ConstraintViolation)
            return notFound(tr("Maintenance request %1 does not exist.").arg(requestId));
        return e.error();
    }
    if (!st.next())
        return DbError(DbError::Code::QueryFailed, tr("The comment was not stored."));
    MaintenanceComment c{st.value(0).toLongLong(), requestId, body, st.value(1).toString(), now};
    st.finish();
    LabSql::announceChange(m_db, u"maintenance_comments"_s);
    return c;
}

Result<QList<MaintenanceComment>> MaintenanceRepository::comments(qint64 requestId)
{
    SqlStatement st(m_db, u"SELECT id, body, author, created_at FROM maintenance_comments WHERE request_id = ? "
                          "ORDER BY id"_s);
    st.bind(requestId);
    if (auto e = st.exec(); !e)
        return e.error();
    QList<MaintenanceComment> out;
    while (st.next())
        out.append({st.value(0).toLongLong(), requestId, st.value(1).toString(), st.value(2).toString(),
                    LabSql::readTime(st.value(3))});
    return out;
}

Result<MaintenanceAttachment> MaintenanceRepository::addAttachment(const MaintenanceAttachment &input)
{
    MaintenanceAttachment a = input;
    a.filename = a.filename.trimmed().section(u'/', -1);
    a.size = a.content.size();
    if (a.mimeType.isEmpty())
        a.mimeType = MaintenanceRules::detectMimeType(a.filename, a.content);
    if (a.filename.isEmpty())
        return fieldError(DbError::Code::Validation, u"attachment"_s, tr("The attachment needs a file name."));
    if (a.filename.size() > 255)
        a.filename = a.filename.right(255);
    if (const QString why = MaintenanceRules::attachmentRefusal(a.filename, a.size, a.mimeType); !why.isEmpty())
        return fieldError(DbError::Code::Validation, u"attachment"_s, why);
    a.createdAt = QDateTime::currentDateTimeUtc();
    SqlStatement st(m_db, u"INSERT INTO maintenance_attachments (request_id, filename, mime_type, size_bytes, content, "
                          "thumbnail, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id, created_by"_s);
    st.bind(a.requestId)
        .bind(a.filename)
        .bind(a.mimeType)
        .bind(a.size)
        .bind(a.content)
        .bind(a.thumbnail.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(a.thumbnail))
        .bind(time(a.createdAt))
        .bind(m_actor.username);
    if (auto e = st.exec(); !e) {
        if (e.error().code == DbError::Code::ConstraintViolation)
            return notFound(tr("Maintenance request %1 does not exist.").arg(a.requestId));
        return e.error();
    }
    if (!st.next())
        return DbError(DbError::Code::QueryFailed, tr("The attachment was not stored."));
    a.id = st.value(0).toLongLong();
    a.createdBy = st.value(1).toString();
    st.finish();
    LabSql::announceChange(m_db, u"maintenance_attachments"_s);
    return a;
}

Result<QList<MaintenanceAttachment>> MaintenanceRepository::attachments(qint64 requestId)
{
    SqlStatement st(m_db, u"SELECT id, filename, mime_type, size_bytes, thumbnail, created_at, created_by "
                          "FROM maintenance_attachments WHERE request_id = ? ORDER BY id"_s);
    st.bind(requestId);
    if (auto e = st.exec(); !e)
        return e.error();
    QList<MaintenanceAttachment> out;
    while (st.next()) {
        MaintenanceAttachment a;
        a.id = st.value(0).toLongLong();
        a.requestId = requestId;
        a.filename = st.value(1).toString();
        a.mimeType = st.value(2).toString();
        a.size = st.value(3).toLongLong();
        a.thumbnail = st.value(4).toByteArray();
        a.createdAt = LabSql::readTime(st.value(5));
        a.createdBy = st.value(6).toString();
        out.append(a);
    }
    return out;
}

Result<MaintenanceAttachment> MaintenanceRepository::attachment(qint64 id)
{
    SqlStatement st(m_db, u"SELECT request_id, filename, mime_type, size_bytes, content, thumbnail, created_at, "
                          "created_by FROM maintenance_attachments WHERE id = ?"_s);
    st.bind(id);
    if (auto e = st.exec(); !e)
        return e.error();
    if (!st.next())
        return notFound(tr("The attachment (id %1) does not exist.").arg(id));
    MaintenanceAttachment a;
    a.id = id;
    a.requestId = st.value(0).toLongLong();
    a.filename = st.value(1).toString();
    a.mimeType = st.value(2).toString();
    a.size = st.value(3).toLongLong();
    a.content = st.value(4).toByteArray();
    a.thumbnail = st.value(5).toByteArray();
    a.createdAt = LabSql::readTime(st.value(6));
    a.createdBy = st.value(7).toString();
    return a;
}

Result<QList<MaintenanceRequest>> MaintenanceRepository::flagOverdue(const QDateTime &now)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    SqlStatement st(m_db, u"UPDATE maintenance_requests SET overdue_flagged_at = ? WHERE overdue_flagged_at IS NULL "
                          "AND state NOT IN ('done', 'cancelled') AND due_at < ? RETURNING id"_s);
    st.bind(time(now)).bind(time(now));
    if (auto e = st.exec(); !e)
        return e.error();
    QList<qint64> ids;
    while (st.next())
        ids.append(st.value(0).toLongLong());
    st.finish();
    QList<MaintenanceRequest> flagged;
    for (qint64 id : ids) {
        Result<MaintenanceRequest> r = get(id);
        if (!r)
            return r.error();
        flagged.append(r.value());
    }
    if (!ids.isEmpty())
        LabSql::announceChange(m_db, kTable);
    if (auto e = tx.commit(); !e)
        return e.error();
    return flagged;
}

Result<QList<MaintenanceRepository::PriorityCount>> MaintenanceRepository::countsByPriority(const QDateTime &now)
{
    SqlStatement st(m_db, u"SELECT priority, COUNT(*), SUM(CASE WHEN due_at < ? THEN 1 ELSE 0 END) "
                          "FROM maintenance_request_list WHERE state NOT IN ('done', 'cancelled') GROUP BY priority"_s);
    st.bind(time(now));
    if (auto e = st.exec(); !e)
        return e.error();
    QList<PriorityCount> out;
    for (Maintenance::Priority p : Maintenance::priorities())
        out.append({p, 0, 0});
    while (st.next()) {
        const auto p = Maintenance::priorityFromCode(st.value(0).toString());
        if (!p)
            continue;
        PriorityCount &c = out[int(*p)];
        c.open = st.value(1).toInt();
        c.overdue = st.value(2).toInt();
    }
    return out;
}

Result<int> MaintenanceRepository::overdueCount(const QDateTime &now)
{
    const Result<qint64> n = scalarCount(m_db, u"SELECT COUNT(*) FROM maintenance_request_list WHERE state NOT IN "
                                               "('done', 'cancelled') AND due_at < ?"_s,
                                         {time(now)});
    if (!n)
        return n.error();
    return int(n.value());
}

Result<QList<ResponseTarget>> MaintenanceRepository::targets()
{
    SqlStatement st(m_db, u"SELECT priority, amount, unit, version FROM maintenance_targets"_s);
    if (auto e = st.exec(); !e)
        return e.error();
    QList<ResponseTarget> out = ResponseTarget::defaults();
    while (st.next()) {
        const auto p = Maintenance::priorityFromCode(st.value(0).toString());
        const auto u = ResponseTarget::unitFromCode(st.value(2).toString());
        if (!p || !u)
            continue;
        out[int(*p)] = ResponseTarget{*p, st.value(1).toInt(), *u, st.value(3).toInt()};
    }
    return out;
}

Result<ResponseTarget> MaintenanceRepository::target(Maintenance::Priority priority)
{
    const Result<QList<ResponseTarget>> all = targets();
    if (!all)
        return all.error();
    return all->at(int(priority));
}

VoidResult MaintenanceRepository::setTarget(const ResponseTarget &t)
{
    if (t.amount < 0 || t.amount > 1000)
        return fieldError(DbError::Code::Validation, u"amount"_s,
                          tr("A response target must be between 0 and 1000 (%1 given).").arg(t.amount));
    SqlStatement st(m_db, u"UPDATE maintenance_targets SET amount = ?, unit = ?, version = version + 1 "
                          "WHERE priority = ?"_s);
    st.bind(t.amount).bind(ResponseTarget::unitCode(t.unit)).bind(Maintenance::priorityCode(t.priority));
    if (auto e = st.exec(); !e)
        return e.error();
    return {};
}

Result<QList<MaintenanceRate>> MaintenanceRepository::rates()
{
    SqlStatement st(m_db, u"SELECT category, priority, amount_cents, minutes FROM maintenance_rates"_s);
    if (auto e = st.exec(); !e)
        return e.error();
    QList<MaintenanceRate> out;
    while (st.next()) {
        const auto c = Maintenance::categoryFromCode(st.value(0).toString());
        const auto p = Maintenance::priorityFromCode(st.value(1).toString());
        if (c && p)
            out.append({*c, *p, st.value(2).toInt(), st.value(3).toInt()});
    }
    return out;
}

VoidResult MaintenanceRepository::setRate(const MaintenanceRate &rate)
{
    if (rate.amountCents < 0)
        return fieldError(DbError::Code::Validation, u"amount"_s, tr("A rate cannot be negative."));
    if (rate.minutes < 15 || rate.minutes > 480)
        return fieldError(DbError::Code::Validation, u"minutes"_s,
                          tr("A visit lasts between 15 and 480 minutes (%1 given).").arg(rate.minutes));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    SqlStatement st(m_db, u"UPDATE maintenance_rates SET amount_cents = ?, minutes = ? WHERE category = ? AND "
                          "priority = ?"_s);
    st.bind(rate.amountCents).bind(rate.minutes).bind(Maintenance::categoryCode(rate.category))
        .bind(Maintenance::priorityCode(rate.priority));
    if (auto e = st.exec(); !e)
        return e.error();
    if (st.numRowsAffected() == 0) {
        SqlStatement ins(m_db, u"INSERT INTO maintenance_rates (category, priority, amount_cents, minutes) "
                               "VALUES (?, ?, ?, ?)"_s);
        ins.bind(Maintenance::categoryCode(rate.category)).bind(Maintenance::priorityCode(rate.priority))
            .bind(rate.amountCents).bind(rate.minutes);
        if (auto e = ins.exec(); !e)
            return e.error();
    }
    return tx.commit();
}
