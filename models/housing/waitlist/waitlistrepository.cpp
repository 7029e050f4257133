#include "models/housing/waitlist/waitlistrepository.h"

#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/housing/allocation/allocationrepository.h"
#include "models/housing/sqlhelpers_p.h"
#include "models/lab/labsql_p.h"

#include <QDateTime>
#include <QHash>
#include <QMap>

using namespace HousingSql;
using namespace Qt::StringLiterals;

namespace {

const QString kOfferColumns = QStringLiteral(
    "o.id, o.entry_id, o.room_id, o.starts_on, o.ends_on, o.state, o.offered_at, o.deadline_at, "
    "o.answered_at, o.allocation_id, o.job_id, o.version, e.resident_id, res.student_id, res.first_name, "
    "res.last_name, res.email, rm.building_id, b.code, b.name, rm.number, rm.type");
const QString kOfferFrom =
    QStringLiteral(" FROM waitlist_offers o JOIN waitlist_entries e ON e.id = o.entry_id "
                   "JOIN residents res ON res.id = e.resident_id JOIN rooms rm ON rm.id = o.room_id "
                   "JOIN buildings b ON b.id = rm.building_id");

const QString kEntrySelect = QStringLiteral(
    "SELECT e.id, e.resident_id, e.building_id, e.room_type, e.state, e.joined_at, e.left_at, e.notes, "
    "e.version, res.student_id, res.first_name, res.last_name, res.email, b.code, o.id, rm.number, "
    "o.starts_on, o.ends_on, o.deadline_at "
    "FROM waitlist_entries e JOIN residents res ON res.id = e.resident_id "
    "JOIN buildings b ON b.id = e.building_id "
    "LEFT JOIN waitlist_offers o ON o.entry_id = e.id AND o.state = 'pending' "
    "LEFT JOIN rooms rm ON rm.id = o.room_id");

QVariant dateParam(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
}

QDate readDate(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.metaType() == QMetaType::fromType<QDate>())
        return value.toDate();
    return QDate::fromString(value.toString().left(10), Qt::ISODate);
}

qint64 readLong(const QVariant &value)
{
    return value.isNull() ? 0 : value.toLongLong();
}

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm"_s);
}

WaitlistOffer readOffer(const SqlStatement &st)
{
    WaitlistOffer o;
    o.id = st.value(0).toLongLong();
    o.entryId = st.value(1).toLongLong();
    o.roomId = st.value(2).toLongLong();
    o.from = readDate(st.value(3));
    o.to = readDate(st.value(4));
    o.state = WaitlistOffer::stateFromCode(st.value(5).toString()).value_or(WaitlistOffer::State::Pending);
    o.offeredAt = readLong(st.value(6));
    o.deadlineAt = readLong(st.value(7));
    o.answeredAt = readLong(st.value(8));
    o.allocationId = readLong(st.value(9));
    o.jobId = readLong(st.value(10));
    o.version = st.value(11).toInt();
    o.residentId = st.value(12).toLongLong();
    o.residentStudentId = st.value(13).toString();
    o.residentFirstName = st.value(14).toString();
    o.residentLastName = st.value(15).toString();
    o.residentEmail = st.value(16).toString();
    o.buildingId = st.value(17).toLongLong();
    o.buildingCode = st.value(18).toString();
    o.buildingName = st.value(19).toString();
    o.roomNumber = st.value(20).toString();
    o.roomType = Room::typeFromCode(st.value(21).toString()).value_or(Room::Type::Single);
    return o;
}

WaitlistEntry readEntry(const SqlStatement &st)
{
    WaitlistEntry e;
    e.id = st.value(0).toLongLong();
    e.residentId = st.value(1).toLongLong();
    e.buildingId = st.value(2).toLongLong();
    e.roomType = Room::typeFromCode(st.value(3).toString()).value_or(Room::Type::Single);
    e.state = WaitlistEntry::stateFromCode(st.value(4).toString()).value_or(WaitlistEntry::State::Waiting);
    e.joinedAt = readLong(st.value(5));
    e.leftAt = readLong(st.value(6));
    e.notes = st.value(7).toString();
    e.version = st.value(8).toInt();
    e.residentStudentId = st.value(9).toString();
    e.residentFirstName = st.value(10).toString();
    e.residentLastName = st.value(11).toString();
    e.residentEmail = st.value(12).toString();
    e.buildingCode = st.value(13).toString();
    e.offerId = readLong(st.value(14));
    e.offerRoomNumber = st.value(15).toString();
    e.offerFrom = readDate(st.value(16));
    e.offerTo = readDate(st.value(17));
    e.offerDeadlineAt = readLong(st.value(18));
    return e;
}

QString listLabel(const QString &buildingCode, Room::Type type)
{
    return WaitlistRepository::tr("%1 rooms in %2").arg(Room::typeLabel(type).toLower(), buildingCode);
}

} // namespace

WaitlistRepository::WaitlistRepository(Database &db, Actor actor)
    : m_db(db)
    , m_actor(std::move(actor))
{}

QDate WaitlistRepository::firstFullDay(const QList<std::pair<QDate, QDate>> &stays, int capacity,
                                       const QDate &from)
{
    // A sweep over the days where the count changes (as AllocationRepository::peak):
    // the first day on which the beds held reach the capacity.
    QMap<QDate, int> delta;
    for (const auto &[start, end] : stays) {
        const QDate s = qMax(start, from);
        if (end.isValid() && end <= s)
            continue;
        delta[s] += 1;
        if (end.isValid())
            delta[end] -= 1;
    }
    if (capacity <= 0)
        return from;
    int running = 0;
    for (auto it = delta.cbegin(); it != delta.cend(); ++it) {
        running += it.value();
        if (running >= capacity)
            return it.key();
    }
    return {};
}

Result<WaitlistEntry> WaitlistRepository::add(qint64 residentId, qint64 buildingId, Room::Type roomType,
                                              qint64 nowMs, const QString &notes)
{
    QList<FieldError> errors;
    if (residentId <= 0)
        errors.append({u"resident_id"_s, tr("Choose the resident.")});
    if (buildingId <= 0)
        errors.append({u"building_id"_s, tr("Choose the building.")});
    if (notes.trimmed().size() > 1000)
        errors.append({u"notes"_s, tr("The notes must be at most %1 characters long.").arg(1000)});
    if (!errors.isEmpty())
        return DbError::validation(std::move(errors));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    SqlStatement who(m_db, u"SELECT student_id, first_name, last_name FROM residents WHERE id = ?"_s);
    who.bind(residentId);
    if (auto r = who.exec(); !r)
        return r.error();
    if (!who.next())
        return DbError(
            DbError::Code::Validation, tr("The resident (id %1) does not exist.").arg(residentId), {},
            {FieldError{u"resident_id"_s, tr("The resident (id %1) does not exist.").arg(residentId)}});
    WaitlistEntry label;
    label.residentStudentId = who.value(0).toString();
    label.residentFirstName = who.value(1).toString();
    label.residentLastName = who.value(2).toString();
    who.finish();
    SqlStatement where(m_db, u"SELECT code FROM buildings WHERE id = ?"_s);
    where.bind(buildingId);
    if (auto r = where.exec(); !r)
        return r.error();
    if (!where.next())
        return DbError(
            DbError::Code::Validation, tr("The building (id %1) does not exist.").arg(buildingId), {},
            {FieldError{u"building_id"_s, tr("The building (id %1) does not exist.").arg(buildingId)}});
    const QString code = where.value(0).toString();
    where.finish();

    const Result<QList<WaitlistEntry>> list = entries({buildingId, roomType, false});
    if (!list)
        return list.error();
    for (const WaitlistEntry &e : list.value()) {
        if (e.residentId == residentId)
            return DbError(DbError::Code::Duplicate,
                           tr("%1 is already on the waitlist for %2 (position %3).")
                               .arg(label.residentLabel(), listLabel(code, roomType))
                               .arg(e.position));
    }
    SqlStatement st(m_db,
                    u"INSERT INTO waitlist_entries (resident_id, building_id, room_type, state, joined_at, "
                    "notes, version, created_by, updated_by) VALUES (?, ?, ?, 'waiting', ?, ?, 1, ?, ?) "
                    "RETURNING id"_s);
    st.bind(residentId).bind(buildingId).bind(Room::typeCode(roomType)).bind(nowMs);
    st.bind(notes.trimmed().isNull() ? u""_s : notes.trimmed()).bind(m_actor.username).bind(m_actor.username);
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return DbError(DbError::Code::QueryFailed, tr("The waitlist entry was not stored."));
    const qint64 id = st.value(0).toLongLong();
    st.finish();
    Result<WaitlistEntry> stored = entry(id);
    if (!stored)
        return stored.error();
    LabSql::announceChange(m_db, u"waitlist"_s);
    if (auto r = tx.commit(); !r)
        return r.error();
    return stored;
}

Result<WaitlistEntry> WaitlistRepository::entry(qint64 id)
{
    SqlStatement st(m_db, kEntrySelect + u" WHERE e.id = ?"_s);
    st.bind(id);
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return notFound(tr("The waitlist entry (id %1) does not exist.").arg(id));
    WaitlistEntry e = readEntry(st);
    st.finish();
    if (e.onList()) {
        // Its position: the entries of its list that joined before it, plus one.
        SqlStatement before(m_db,
                            u"SELECT COUNT(*) FROM waitlist_entries WHERE building_id = ? AND room_type = ? "
                            "AND state IN ('waiting', 'offered') AND (joined_at < ? OR (joined_at = ? AND "
                            "id < ?))"_s);
        before.bind(e.buildingId)
            .bind(Room::typeCode(e.roomType))
            .bind(e.joinedAt)
            .bind(e.joinedAt)
            .bind(e.id);
        if (auto r = before.exec(); !r)
            return r.error();
        if (before.next())
            e.position = before.value(0).toInt() + 1;
    }
    return e;
}

Result<QList<WaitlistEntry>> WaitlistRepository::entries(const Filter &filter)
{
    Where where;
    if (filter.buildingId > 0)
        where.add(u"e.building_id = ?"_s, {filter.buildingId});
    if (filter.roomType)
        where.add(u"e.room_type = ?"_s, {Room::typeCode(*filter.roomType)});
    if (!filter.includeLeft)
        where.add(u"e.state IN ('waiting', 'offered')"_s, {});
    SqlStatement st(m_db,
                    kEntrySelect + where.sql() +
                        u" ORDER BY b.code, e.building_id, e.room_type, "
                        "CASE WHEN e.state IN ('waiting', 'offered') THEN 0 ELSE 1 END, e.joined_at, e.id"_s);
    bindAll(st, where.values);
    if (auto r = st.exec(); !r)
        return r.error();
    QList<WaitlistEntry> rows;
    QHash<QString, int> positions;
    while (st.next()) {
        WaitlistEntry e = readEntry(st);
        if (e.onList())
            e.position = ++positions[QString::number(e.buildingId) + u'/' + Room::typeCode(e.roomType)];
        rows.append(e);
    }
    return rows;
}

Result<WaitlistOffer> WaitlistRepository::offer(qint64 id)
{
    SqlStatement st(m_db, u"SELECT "_s + kOfferColumns + kOfferFrom + u" WHERE o.id = ?"_s);
    st.bind(id);
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return notFound(tr("The waitlist offer (id %1) does not exist.").arg(id));
    return readOffer(st);
}

Result<QList<WaitlistOffer>> WaitlistRepository::offers(bool pendingOnly, qint64 buildingId)
{
    Where where;
    if (pendingOnly)
        where.add(u"o.state = 'pending'"_s, {});
    if (buildingId > 0)
        where.add(u"rm.building_id = ?"_s, {buildingId});
    SqlStatement st(m_db, u"SELECT "_s + kOfferColumns + kOfferFrom + where.sql() +
                              u" ORDER BY o.deadline_at, o.id"_s);
    bindAll(st, where.values);
    if (auto r = st.exec(); !r)
        return r.error();
    QList<WaitlistOffer> rows;
    while (st.next())
        rows.append(readOffer(st));
    return rows;
}

Result<std::optional<WaitlistOffer>> WaitlistRepository::offerOfJob(qint64 jobId)
{
    SqlStatement st(m_db, u"SELECT "_s + kOfferColumns + kOfferFrom + u" WHERE o.job_id = ?"_s);
    st.bind(jobId);
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return std::optional<WaitlistOffer>();
    return std::optional<WaitlistOffer>(readOffer(st));
}

Result<std::optional<WaitlistOffer>> WaitlistRepository::offerBed(const FreedBed &bed, qint64 nowMs,
                                                                  qint64 deadlineAt, qint64 jobId)
{
    using None = std::optional<WaitlistOffer>;
    if (deadlineAt <= nowMs)
        return DbError(DbError::Code::Validation, tr("The deadline to answer must lie after the offer."));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    if (jobId > 0) {
        const Result<None> made = offerOfJob(jobId);
        if (!made || made->has_value())
            return made; // this job's offer exists already: made once
    }
    const bool pg = m_db.isPostgreSQL();
    // The room's row first: offers of one room are made one after another.
    SqlStatement room(m_db, u"SELECT capacity, status, type, building_id FROM rooms WHERE id = ?"_s +
                                (pg ? u" FOR NO KEY UPDATE"_s : QString()));
    room.bind(bed.roomId);
    if (auto r = room.exec(); !r)
        return r.error();
    if (!room.next())
        return None(); // the room is gone: nothing to offer
    const int capacity = room.value(0).toInt();
    const auto status = Room::statusFromCode(room.value(1).toString()).value_or(Room::Status::Available);
    const QString type = room.value(2).toString();
    const qint64 buildingId = room.value(3).toLongLong();
    room.finish();
    if (status != Room::Status::Available)
        return None();

    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs).date();
    const QDate from = qMax(bed.from.isValid() ? bed.from : today, today);
    QList<std::pair<QDate, QDate>> taken;
    {
        SqlStatement st(m_db,
                        u"SELECT starts_on, ends_on FROM allocations WHERE room_id = ? AND state IN "
                        "('reserved', 'checked_in') AND (ends_on IS NULL OR ends_on > ?) "
                        "UNION ALL SELECT starts_on, ends_on FROM waitlist_offers WHERE room_id = ? AND "
                        "state = 'pending' AND (ends_on IS NULL OR ends_on > ?)"_s);
        st.bind(bed.roomId).bind(dateParam(from)).bind(bed.roomId).bind(dateParam(from));
        if (auto r = st.exec(); !r)
            return r.error();
        while (st.next())
            taken.append({readDate(st.value(0)), readDate(st.value(1))});
    }
    const QDate full = firstFullDay(taken, capacity, from);
    if (full.isValid() && full <= from)
        return None(); // no bed of this room is free that day (booked or promised meanwhile)

    // The first waiting resident; one that another transaction is offering a bed just
    // now is skipped, not waited for.
    qint64 entryId = 0;
    {
        SqlStatement st(m_db, u"SELECT id FROM waitlist_entries WHERE building_id = ? AND room_type = ? AND "
                              "state = 'waiting' ORDER BY joined_at, id LIMIT 1"_s +
                                  (pg ? u" FOR UPDATE SKIP LOCKED"_s : QString()));
        st.bind(buildingId).bind(type);
        if (auto r = st.exec(); !r)
            return r.error();
        if (!st.next())
            return None();
        entryId = st.value(0).toLongLong();
    }
    const QString now = Dialect::now(m_db.config().backend);
    SqlStatement insert(m_db, u"INSERT INTO waitlist_offers (entry_id, room_id, starts_on, ends_on, state, "
                              "offered_at, deadline_at, job_id, version, created_by, updated_by) "
                              "VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, 1, ?, ?) RETURNING id"_s);
    insert.bind(entryId)
        .bind(bed.roomId)
        .bind(dateParam(from))
        .bind(dateParam(full))
        .bind(nowMs)
        .bind(deadlineAt);
    insert.bind(LabSql::nullableId(jobId)).bind(m_actor.username).bind(m_actor.username);
    if (auto r = insert.exec(); !r)
        return r.error();
    if (!insert.next())
        return DbError(DbError::Code::QueryFailed, tr("The waitlist offer was not stored."));
    const qint64 offerId = insert.value(0).toLongLong();
    insert.finish();
    if (auto r = SqlStatement::run(m_db,
                                   u"UPDATE waitlist_entries SET state = 'offered', version = version + 1, "
                                   "updated_at = "_s +
                                       now + u", updated_by = ? WHERE id = ?"_s,
                                   {m_actor.username, entryId});
        !r)
        return r.error();
    const Result<WaitlistOffer> made = offer(offerId);
    if (!made)
        return made.error();
    LabSql::announceChange(m_db, u"waitlist"_s);
    if (auto r = tx.commit(); !r)
        return r.error();
    return None(made.value());
}

Result<WaitlistOffer> WaitlistRepository::lockPendingOffer(qint64 offerId, qint64 nowMs, bool refuseLate)
{
    SqlStatement st(m_db, u"SELECT "_s + kOfferColumns + kOfferFrom + u" WHERE o.id = ?"_s +
                              (m_db.isPostgreSQL() ? u" FOR UPDATE OF o"_s : QString()));
    st.bind(offerId);
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return notFound(tr("The waitlist offer (id %1) does not exist.").arg(offerId));
    const WaitlistOffer o = readOffer(st);
    st.finish();
    if (o.state != WaitlistOffer::State::Pending)
        return DbError(
            DbError::Code::InvalidState,
            tr("The offer %1 of room %2 to %3 is %4; only a pending offer can be answered.")
                .arg(o.id)
                .arg(o.roomLabel(), o.residentLabel(), WaitlistOffer::stateLabel(o.state).toLower()));
    if (refuseLate && nowMs > o.deadlineAt)
        return DbError(DbError::Code::InvalidState,
                       tr("The offer %1 of room %2 to %3 expired at %4; it can no longer be accepted.")
                           .arg(o.id)
                           .arg(o.roomLabel(), o.residentLabel(), timeText(o.deadlineAt)));
    return o;
}

VoidResult WaitlistRepository::endOffer(const WaitlistOffer &o, WaitlistOffer::State offerState,
                                        WaitlistEntry::State entryState, qint64 nowMs, qint64 allocationId)
{
    const QString now = Dialect::now(m_db.config().backend);
    SqlStatement st(m_db, u"UPDATE waitlist_offers SET state = ?, answered_at = ?, allocation_id = ?, "
                          "version = version + 1, updated_at = "_s +
                              now + u", updated_by = ? WHERE id = ? AND state = 'pending'"_s);
    st.bind(WaitlistOffer::stateCode(offerState)).bind(nowMs).bind(LabSql::nullableId(allocationId));
    st.bind(m_actor.username).bind(o.id);
    if (auto r = st.exec(); !r)
        return r.error();
    if (st.numRowsAffected() == 0)
        return conflict(tr("Another user answered the offer %1 of room %2 to %3 at the same time.")
                            .arg(o.id)
                            .arg(o.roomLabel(), o.residentLabel()));
    st.finish();
    return SqlStatement::run(m_db,
                             u"UPDATE waitlist_entries SET state = ?, left_at = ?, version = version + 1, "
                             "updated_at = "_s +
                                 now + u", updated_by = ? WHERE id = ?"_s,
                             {WaitlistEntry::stateCode(entryState), nowMs, m_actor.username, o.entryId});
}

Result<Allocation> WaitlistRepository::accept(qint64 offerId, qint64 nowMs)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<WaitlistOffer> o = lockPendingOffer(offerId, nowMs, true);
    if (!o)
        return o.error();
    Allocation stay;
    stay.residentId = o->residentId;
    stay.roomId = o->roomId;
    stay.from = o->from;
    stay.to = o->to;
    stay.notes = tr("From waitlist offer %1.").arg(o->id);
    const Result<Allocation> reserved = AllocationRepository(m_db, m_actor).reserve(stay, o->id);
    if (!reserved)
        return reserved.error();
    if (auto r = endOffer(o.value(), WaitlistOffer::State::Accepted, WaitlistEntry::State::Placed, nowMs,
                          reserved->id);
        !r)
        return r.error();
    LabSql::announceChange(m_db, u"waitlist"_s);
    if (auto r = tx.commit(); !r)
        return r.error();
    return reserved;
}

Result<FreedBed> WaitlistRepository::decline(qint64 offerId, qint64 nowMs)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<WaitlistOffer> o = lockPendingOffer(offerId, nowMs, false);
    if (!o)
        return o.error();
    if (auto r = endOffer(o.value(), WaitlistOffer::State::Declined, WaitlistEntry::State::Declined, nowMs);
        !r)
        return r.error();
    LabSql::announceChange(m_db, u"waitlist"_s);
    if (auto r = tx.commit(); !r)
        return r.error();
    return FreedBed{o->roomId, o->from};
}

Result<QList<FreedBed>> WaitlistRepository::expireDue(qint64 nowMs)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QList<qint64> due;
    {
        SqlStatement st(m_db, u"SELECT id FROM waitlist_offers WHERE state = 'pending' AND deadline_at <= ? "
                              "ORDER BY deadline_at, id"_s +
                                  (m_db.isPostgreSQL() ? u" FOR UPDATE SKIP LOCKED"_s : QString()));
        st.bind(nowMs);
        if (auto r = st.exec(); !r)
            return r.error();
        while (st.next())
            due.append(st.value(0).toLongLong());
    }
    QList<FreedBed> beds;
    for (const qint64 id : std::as_const(due)) {
        const Result<WaitlistOffer> o = offer(id);
        if (!o)
            return o.error();
        if (auto r = endOffer(o.value(), WaitlistOffer::State::Expired, WaitlistEntry::State::Expired, nowMs);
            !r)
            return r.error();
        beds.append({o->roomId, o->from});
    }
    if (!beds.isEmpty())
        LabSql::announceChange(m_db, u"waitlist"_s);
    if (auto r = tx.commit(); !r)
        return r.error();
    return beds;
}

Result<std::optional<FreedBed>> WaitlistRepository::remove(qint64 entryId, qint64 nowMs)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    SqlStatement lock(m_db, u"SELECT state FROM waitlist_entries WHERE id = ?"_s +
                                (m_db.isPostgreSQL() ? u" FOR UPDATE"_s : QString()));
    lock.bind(entryId);
    if (auto r = lock.exec(); !r)
        return r.error();
    if (!lock.next())
        return notFound(tr("The waitlist entry (id %1) does not exist.").arg(entryId));
    lock.finish();
    const Result<WaitlistEntry> e = entry(entryId);
    if (!e)
        return e.error();
    if (!e->onList())
        return DbError(DbError::Code::InvalidState,
                       tr("%1 is no longer on the waitlist for %2 (%3).")
                           .arg(e->residentLabel(), listLabel(e->buildingCode, e->roomType),
                                WaitlistEntry::stateLabel(e->state).toLower()));
    std::optional<FreedBed> bed;
    const QString now = Dialect::now(m_db.config().backend);
    if (e->offerId > 0) {
        const Result<WaitlistOffer> o = lockPendingOffer(e->offerId, nowMs, false);
        if (!o)
            return o.error();
        if (auto r =
                endOffer(o.value(), WaitlistOffer::State::Withdrawn, WaitlistEntry::State::Removed, nowMs);
            !r)
            return r.error();
        bed = FreedBed{o->roomId, o->from};
    } else if (auto r = SqlStatement::run(m_db,
                                          u"UPDATE waitlist_entries SET state = 'removed', left_at = ?, "
                                          "version = version + 1, updated_at = "_s +
                                              now + u", updated_by = ? WHERE id = ?"_s,
                                          {nowMs, m_actor.username, entryId});
               !r) {
        return r.error();
    }
    LabSql::announceChange(m_db, u"waitlist"_s);
    if (auto r = tx.commit(); !r)
        return r.error();
    return bed;
}
