#include "models/housing/allocation/allocationrepository.h"

#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/housing/allocation/depositrepository.h"
#include "models/housing/sqlhelpers_p.h"
#include "models/lab/labsql_p.h"

#include <QJsonObject>
#include <QMap>

using namespace HousingSql;
using namespace Qt::StringLiterals;

namespace {

const QString kActive = u"a.state IN ('reserved', 'checked_in')"_s;

const QString kColumns = QStringLiteral(
    "a.id, a.resident_id, a.room_id, a.starts_on, a.ends_on, a.state, a.checked_in_at, a.checked_out_at, "
    "a.notes, a.version, res.student_id, res.first_name, res.last_name, rm.building_id, b.code, b.name, "
    "rm.number, a.created_at, a.created_by, a.updated_at, a.updated_by");
const QString kFrom =
    QStringLiteral(" FROM allocations a JOIN residents res ON res.id = a.resident_id "
                   "JOIN rooms rm ON rm.id = a.room_id JOIN buildings b ON b.id = rm.building_id");
const QString kSelect = u"SELECT "_s + kColumns + kFrom;
constexpr int kColumnCount = 21;

// Dates are bound as ISO-8601 text on both backends: SQLite stores and compares them
// as text, PostgreSQL reads the literal as a DATE.
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

QString dateText(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

Allocation readAllocation(const SqlStatement &st)
{
    Allocation a;
    a.id = st.value(0).toLongLong();
    a.residentId = st.value(1).toLongLong();
    a.roomId = st.value(2).toLongLong();
    a.from = readDate(st.value(3));
    a.to = readDate(st.value(4));
    a.state = Allocation::stateFromCode(st.value(5).toString()).value_or(Allocation::State::Reserved);
    a.checkedInAt = LabSql::readTime(st.value(6));
    a.checkedOutAt = LabSql::readTime(st.value(7));
    a.notes = st.value(8).toString();
    a.version = st.value(9).toInt();
    a.residentStudentId = st.value(10).toString();
    a.residentFirstName = st.value(11).toString();
    a.residentLastName = st.value(12).toString();
    a.buildingId = st.value(13).toLongLong();
    a.buildingCode = st.value(14).toString();
    a.buildingName = st.value(15).toString();
    a.roomNumber = st.value(16).toString();
    a.createdAt = LabSql::readTime(st.value(17));
    a.createdBy = st.value(18).toString();
    a.updatedAt = LabSql::readTime(st.value(19));
    a.updatedBy = st.value(20).toString();
    return a;
}

// "(a.ends_on IS NULL OR a.ends_on > ?) AND a.starts_on < ?": the rows of `alias` (stays,
// or waitlist offers as "o": both have starts_on and ends_on) that share a day with
// [from, to); the second half only for a bounded range. Binds into `values`. `alias` is
// this file's own fixed text.
QString overlapClause(const QDate &from, const QDate &to, QVariantList &values,
                      QLatin1StringView alias = "a"_L1)
{
    values << dateParam(from);
    if (!to.isValid())
        return u"(%1.ends_on IS NULL OR %1.ends_on > ?)"_s.arg(alias);
    values << dateParam(to);
    return u"(%1.ends_on IS NULL OR %1.ends_on > ?) AND %1.starts_on < ?"_s.arg(alias);
}

QString sortExpression(int column)
{
    switch (column) {
    case AllocationRepository::StudentId:
        return u"res.student_id"_s;
    case AllocationRepository::Building:
        return u"b.code"_s;
    case AllocationRepository::RoomNumber:
        return u"rm.number"_s;
    case AllocationRepository::From:
        return u"a.starts_on"_s;
    case AllocationRepository::To:
        return u"COALESCE(a.ends_on, '9999-12-31')"_s;
    case AllocationRepository::State:
        return u"a.state"_s;
    case AllocationRepository::Resident:
    default:
        return u"res.last_name"_s;
    }
}

Allocation normalized(Allocation a)
{
    a.notes = a.notes.trimmed();
    // A null QString binds as SQL NULL; notes is NOT NULL DEFAULT ''.
    if (a.notes.isNull())
        a.notes = u""_s;
    return a;
}

DbError fieldError(DbError::Code code, const QString &field, const QString &message)
{
    return DbError(code, message, {}, {FieldError{field, message}});
}

QString untilText(const QDate &from, const QDate &to)
{
    if (!to.isValid())
        return AllocationRepository::tr("from %1 on").arg(dateText(from));
    return AllocationRepository::tr("from %1 to %2").arg(dateText(from), dateText(to));
}

} // namespace

// An allocation row as read under its lock, with its room's status.
struct AllocationRepository::Locked
{
    Allocation allocation;
    Room::Status roomStatus = Room::Status::Available;
};

// A room row as read under its lock.
struct AllocationRepository::LockedRoom
{
    qint64 id = 0;
    QString label;
    int capacity = 0;
    Room::Status status = Room::Status::Available;
};

AllocationRepository::AllocationRepository(Database &db, Actor actor)
    : m_db(db)
    , m_actor(std::move(actor))
{}

QList<FieldError> AllocationRepository::validate(const Allocation &a)
{
    QList<FieldError> errors;
    if (a.residentId <= 0)
        errors.append({u"resident_id"_s, tr("Choose the resident.")});
    if (a.roomId <= 0)
        errors.append({u"room_id"_s, tr("Choose the room.")});
    if (!a.from.isValid())
        errors.append({u"from"_s, tr("The first day is required.")});
    else if (a.from.year() < 2000 || a.from.year() > 9000)
        errors.append({u"from"_s, tr("The first day (%1) is not a plausible date.").arg(dateText(a.from))});
    if (a.to.isValid() && a.from.isValid() && a.to <= a.from)
        errors.append({u"to"_s, tr("The check-out day (%1) must come after the first day (%2).")
                                    .arg(dateText(a.to), dateText(a.from))});
    else if (a.to.isValid() && a.to.year() > 9000)
        errors.append({u"to"_s, tr("The check-out day (%1) is not a plausible date.").arg(dateText(a.to))});
    if (a.notes.trimmed().size() > 1000)
        errors.append({u"notes"_s, tr("The notes must be at most %1 characters long.").arg(1000)});
    return errors;
}

bool AllocationRepository::canTransition(Allocation::State from, Allocation::State to)
{
    using S = Allocation::State;
    switch (from) {
    case S::Reserved:
        return to == S::CheckedIn || to == S::Cancelled;
    case S::CheckedIn:
        return to == S::CheckedOut;
    case S::CheckedOut:
    case S::Cancelled:
        return false;
    }
    return false;
}

QString AllocationRepository::refusal(const Allocation &a, Allocation::State to)
{
    using S = Allocation::State;
    if (canTransition(a.state, to))
        return {};
    const QString who = a.residentLabel();
    const QString room = a.roomLabel();
    const QString state = Allocation::stateLabel(a.state).toLower();
    if (a.state == to)
        return tr("The allocation of room %1 to %2 is already %3.").arg(room, who, state);
    switch (to) {
    case S::CheckedIn:
        return tr("The allocation of room %1 to %2 is %3; only a reserved allocation can be checked in.")
            .arg(room, who, state);
    case S::CheckedOut:
        return tr("The allocation of room %1 to %2 is %3; only a checked-in allocation can be checked out.")
            .arg(room, who, state);
    case S::Cancelled:
        return a.state == S::CheckedIn
                   ? tr("The allocation of room %1 to %2 is checked in; it cannot be cancelled (check the "
                        "resident out instead).")
                         .arg(room, who)
                   : tr("The allocation of room %1 to %2 is %3; only a reserved allocation can be cancelled.")
                         .arg(room, who, state);
    case S::Reserved:
        return tr("The allocation of room %1 to %2 is %3; it cannot go back to reserved.")
            .arg(room, who, state);
    }
    return tr("The allocation of room %1 to %2 is %3; it cannot become %4.")
        .arg(room, who, state, Allocation::stateLabel(to).toLower());
}

AllocationRepository::Peak AllocationRepository::peak(const QList<std::pair<QDate, QDate>> &stays,
                                                      const QDate &from, const QDate &to)
{
    // A sweep over the days where the count changes: +1 where a stay (clipped to the
    // range) starts, -1 where it ends. A stay ending on a day and another starting on
    // it net to 0 there, so touching stays never count as overlapping; the count can
    // only rise at a start, so its maximum is found among those days.
    QMap<QDate, int> delta;
    for (const auto &[start, end] : stays) {
        const QDate s = qMax(start, from);
        QDate e = end;
        if (to.isValid())
            e = end.isValid() ? qMin(end, to) : to;
        if (e.isValid() && e <= s)
            continue;
        delta[s] += 1;
        if (e.isValid())
            delta[e] -= 1;
    }
    Peak best;
    int running = 0;
    for (auto it = delta.cbegin(); it != delta.cend(); ++it) {
        running += it.value();
        if (running > best.beds) {
            best.beds = running;
            best.day = it.key();
        }
    }
    return best;
}

Result<QHash<qint64, QString>> AllocationRepository::roomsOn(const QList<qint64> &residentIds,
                                                             const QDate &day)
{
    QHash<qint64, QString> rooms;
    if (residentIds.isEmpty())
        return rooms;
    QStringList marks(residentIds.size(), QStringLiteral("?"));
    SqlStatement st(
        m_db, QStringLiteral("SELECT a.resident_id, b.code, rm.number FROM allocations a "
                             "JOIN rooms rm ON rm.id = a.room_id JOIN buildings b ON b.id = rm.building_id "
                             "WHERE a.resident_id IN (%1) AND a.state IN ('reserved', 'checked_in') "
                             "AND a.starts_on <= ? AND (a.ends_on IS NULL OR a.ends_on > ?)")
                  .arg(marks.join(u',')));
    for (const qint64 id : residentIds)
        st.bind(id);
    const QString isoDay = day.toString(Qt::ISODate);
    st.bind(isoDay);
    st.bind(isoDay);
    if (auto r = st.exec(); !r)
        return r.error();
    while (st.next())
        rooms.insert(st.value(0).toLongLong(),
                     QStringLiteral("%1/%2").arg(st.value(1).toString(), st.value(2).toString()));
    return rooms;
}

Result<Allocation> AllocationRepository::get(qint64 id)
{
    SqlStatement st(m_db, kSelect + u" WHERE a.id = ?"_s);
    st.bind(id);
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return notFound(tr("The allocation (id %1) does not exist.").arg(id));
    return readAllocation(st);
}

Result<AllocationRepository::Peak> AllocationRepository::bedsHeld(qint64 roomId, const QDate &from,
                                                                  const QDate &to)
{
    QVariantList values{roomId};
    const QString overlap = overlapClause(from, to, values);
    SqlStatement st(m_db, u"SELECT a.starts_on, a.ends_on FROM allocations a WHERE a.room_id = ? AND "_s +
                              kActive + u" AND "_s + overlap);
    bindAll(st, values);
    if (auto r = st.exec(); !r)
        return r.error();
    QList<std::pair<QDate, QDate>> stays;
    while (st.next())
        stays.append({readDate(st.value(0)), readDate(st.value(1))});
    return peak(stays, from, to);
}

Result<AllocationRepository::Locked> AllocationRepository::lockAllocation(qint64 id)
{
    SqlStatement st(m_db, u"SELECT "_s + kColumns + u", rm.status"_s + kFrom + u" WHERE a.id = ?"_s +
                              (m_db.isPostgreSQL() ? u" FOR NO KEY UPDATE OF a"_s : QString()));
    st.bind(id);
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return notFound(tr("The allocation (id %1) does not exist.").arg(id));
    Locked locked;
    locked.allocation = readAllocation(st);
    locked.roomStatus =
        Room::statusFromCode(st.value(kColumnCount).toString()).value_or(Room::Status::Available);
    return locked;
}

Result<AllocationRepository::LockedRoom> AllocationRepository::lockRoom(qint64 roomId)
{
    SqlStatement st(m_db, u"SELECT r.id, b.code, r.number, r.capacity, r.status FROM rooms r "
                          "JOIN buildings b ON b.id = r.building_id WHERE r.id = ?"_s +
                              (m_db.isPostgreSQL() ? u" FOR NO KEY UPDATE OF r"_s : QString()));
    st.bind(roomId);
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return fieldError(
            DbError::Code::Validation, u"room_id"_s,
            tr("The room (id %1) does not exist; another user may have deleted it.").arg(roomId));
    LockedRoom room;
    room.id = st.value(0).toLongLong();
    room.label = Allocation::roomLabel(st.value(1).toString(), st.value(2).toString());
    room.capacity = st.value(3).toInt();
    room.status = Room::statusFromCode(st.value(4).toString()).value_or(Room::Status::Available);
    return room;
}

VoidResult AllocationRepository::checkPlacement(qint64 residentId, qint64 roomId, const QDate &from,
                                                const QDate &to, qint64 excludeId, bool countOffers,
                                                qint64 excludeOfferId)
{
    // The resident's row first (locks are taken allocation → resident → room).
    SqlStatement who(m_db, u"SELECT student_id, first_name, last_name FROM residents WHERE id = ?"_s +
                               (m_db.isPostgreSQL() ? u" FOR NO KEY UPDATE"_s : QString()));
    who.bind(residentId);
    if (auto r = who.exec(); !r)
        return r.error();
    if (!who.next())
        return fieldError(
            DbError::Code::Validation, u"resident_id"_s,
            tr("The resident (id %1) does not exist; another user may have deleted them.").arg(residentId));
    Allocation label;
    label.residentStudentId = who.value(0).toString();
    label.residentFirstName = who.value(1).toString();
    label.residentLastName = who.value(2).toString();
    who.finish();

    // Then the room's row: from here until commit no other writer can add a bed to it.
    const Result<LockedRoom> locked = lockRoom(roomId);
    if (!locked)
        return locked.error();
    if (locked->status != Room::Status::Available)
        return fieldError(DbError::Code::InvalidState, u"room_id"_s,
                          tr("Room %1 is %2; it cannot be allocated.")
                              .arg(locked->label, Room::statusLabel(locked->status).toLower()));

    // One bed per resident per day.
    {
        QVariantList values{residentId, excludeId};
        const QString overlap = overlapClause(from, to, values);
        SqlStatement st(m_db, u"SELECT a.starts_on, a.ends_on, a.state, b.code, rm.number FROM allocations a "
                              "JOIN rooms rm ON rm.id = a.room_id JOIN buildings b ON b.id = rm.building_id "
                              "WHERE a.resident_id = ? AND a.id <> ? AND "_s +
                                  kActive + u" AND "_s + overlap + u" ORDER BY a.starts_on"_s);
        bindAll(st, values);
        if (auto r = st.exec(); !r)
            return r.error();
        if (st.next()) {
            const QDate otherFrom = readDate(st.value(0));
            const QDate otherTo = readDate(st.value(1));
            const auto state =
                Allocation::stateFromCode(st.value(2).toString()).value_or(Allocation::State::Reserved);
            return fieldError(
                DbError::Code::ConstraintViolation, u"resident_id"_s,
                tr("%1 already holds a bed in room %2 %3 (%4); a resident can hold one bed per day.")
                    .arg(label.residentLabel(),
                         Allocation::roomLabel(st.value(3).toString(), st.value(4).toString()),
                         untilText(otherFrom, otherTo), Allocation::stateLabel(state).toLower()));
        }
    }

    // The room's capacity on every day of the stay: the most beds already held on any
    // one day of it, not merely how many stays overlap it (for capacity > 1, two stays
    // that overlap the new one but not each other hold one bed at a time).
    QVariantList values{roomId, excludeId};
    const QString overlap = overlapClause(from, to, values);
    SqlStatement st(
        m_db, u"SELECT a.starts_on, a.ends_on FROM allocations a WHERE a.room_id = ? AND a.id <> ? AND "_s +
                  kActive + u" AND "_s + overlap);
    bindAll(st, values);
    if (auto r = st.exec(); !r)
        return r.error();
    QList<std::pair<QDate, QDate>> stays;
    while (st.next())
        stays.append({readDate(st.value(0)), readDate(st.value(1))});
    const Peak busiest = peak(stays, from, to);
    if (busiest.beds + 1 > locked->capacity)
        return fieldError(DbError::Code::ConstraintViolation, u"room_id"_s,
                          tr("Room %1 is full on %2 (%3 of %4 beds taken).")
                              .arg(locked->label, dateText(busiest.day))
                              .arg(busiest.beds)
                              .arg(locked->capacity));
    if (!countOffers)
        return {};
    // Beds offered to the waitlist and not answered yet are held by their offers.
    QVariantList offerValues{roomId, excludeOfferId};
    const QString offerOverlap = overlapClause(from, to, offerValues, "o"_L1);
    SqlStatement offers(m_db, u"SELECT o.starts_on, o.ends_on, o.id, r.first_name, r.last_name, r.student_id "
                              "FROM waitlist_offers o JOIN waitlist_entries e ON e.id = o.entry_id "
                              "JOIN residents r ON r.id = e.resident_id "
                              "WHERE o.room_id = ? AND o.id <> ? AND o.state = 'pending' AND "_s +
                                  offerOverlap + u" ORDER BY o.id"_s);
    bindAll(offers, offerValues);
    if (auto r = offers.exec(); !r)
        return r.error();
    QStringList offeredTo;
    while (offers.next()) {
        stays.append({readDate(offers.value(0)), readDate(offers.value(1))});
        offeredTo.append(
            tr("%1 %2 (%3, offer %4)")
                .arg(offers.value(3).toString(), offers.value(4).toString(), offers.value(5).toString())
                .arg(offers.value(2).toLongLong()));
    }
    const Peak withOffers = peak(stays, from, to);
    if (withOffers.beds + 1 > locked->capacity)
        return fieldError(
            DbError::Code::ConstraintViolation, u"room_id"_s,
            tr("Room %1 is full on %2: its free bed was offered from the waitlist meanwhile to %3. "
               "Decline that offer first, or remove the resident from the waitlist.")
                .arg(locked->label, dateText(withOffers.day), offeredTo.join(u", "_s)));
    return {};
}

Result<Allocation> AllocationRepository::reserve(const Allocation &input, qint64 acceptingOfferId)
{
    const Allocation request = normalized(input);
    if (QList<FieldError> errors = validate(request); !errors.isEmpty())
        return DbError::validation(std::move(errors));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    if (auto r = checkPlacement(request.residentId, request.roomId, request.from, request.to, 0, true,
                                acceptingOfferId);
        !r)
        return r.error();

    SqlStatement st(
        m_db, u"INSERT INTO allocations (resident_id, room_id, starts_on, ends_on, state, notes, "
              "version, created_by, updated_by) VALUES (?, ?, ?, ?, 'reserved', ?, 1, ?, ?) RETURNING id"_s);
    st.bind(request.residentId)
        .bind(request.roomId)
        .bind(dateParam(request.from))
        .bind(dateParam(request.to));
    st.bind(request.notes).bind(m_actor.username).bind(m_actor.username);
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return DbError(DbError::Code::QueryFailed, tr("The new allocation was not stored."));
    const qint64 id = st.value(0).toLongLong();
    st.finish();
    const Result<Allocation> stored = get(id);
    if (!stored)
        return stored.error();
    LabSql::announceChange(m_db, u"allocations"_s);
    if (auto r = tx.commit(); !r)
        return r.error();
    return stored;
}

Result<Allocation> AllocationRepository::checkIn(qint64 id, int expectedVersion)
{
    return transition(id, Allocation::State::CheckedIn, expectedVersion);
}

Result<Allocation> AllocationRepository::checkOut(qint64 id, int expectedVersion)
{
    return transition(id, Allocation::State::CheckedOut, expectedVersion);
}

Result<Allocation> AllocationRepository::cancel(qint64 id, int expectedVersion)
{
    return transition(id, Allocation::State::Cancelled, expectedVersion);
}

Result<Allocation> AllocationRepository::transition(qint64 id, Allocation::State to, int expectedVersion)
{
    using S = Allocation::State;
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<Locked> locked = lockAllocation(id);
    if (!locked)
        return locked.error();
    const Allocation &before = locked->allocation;
    if (expectedVersion != AnyVersion && before.version != expectedVersion)
        return conflict(
            tr("Another user changed the allocation of room %1 to %2 since you opened it. Reload to "
               "see their changes.")
                .arg(before.roomLabel(), before.residentLabel()));
    if (!canTransition(before.state, to))
        return DbError(DbError::Code::InvalidState, refusal(before, to));
    if (to == S::CheckedIn) {
        const QDate today = QDate::currentDate();
        if (today < before.from)
            return DbError(DbError::Code::InvalidState,
                           tr("The stay of %1 in room %2 starts on %3; check-in opens on that day.")
                               .arg(before.residentLabel(), before.roomLabel(), dateText(before.from)));
        if (before.to.isValid() && today >= before.to)
            return DbError(
                DbError::Code::InvalidState,
                tr("The stay of %1 in room %2 ended on %3; it can no longer be checked in. Change its "
                   "dates or cancel it.")
                    .arg(before.residentLabel(), before.roomLabel(), dateText(before.to)));
        if (locked->roomStatus != Room::Status::Available)
            return DbError(DbError::Code::InvalidState,
                           tr("Room %1 is %2; %3 cannot check in. Move the allocation to another room.")
                               .arg(before.roomLabel(), Room::statusLabel(locked->roomStatus).toLower(),
                                    before.residentLabel()));
        // A deposit that is required must be paid or waived first (read under the
        // allocation's lock, which DepositRepository takes too).
        const Result<std::optional<Deposit>> deposit = DepositRepository(m_db, m_actor).find(id);
        if (!deposit)
            return deposit.error();
        if (deposit->has_value() && !deposit->value().isSettled())
            return DbError(
                DbError::Code::InvalidState,
                tr("Allocation %1 (%2 in room %3) cannot be checked in: its deposit of %4 is required and "
                   "neither paid nor waived. Record the payment, or have an administrator waive it.")
                    .arg(before.id)
                    .arg(before.residentLabel(), before.roomLabel(),
                         Deposit::amountText(deposit->value().requiredCents)));
    }
    const auto backend = m_db.config().backend;
    const QString now = Dialect::now(backend);
    QString set;
    QString action;
    switch (to) {
    case S::CheckedIn:
        set = u"state = 'checked_in', checked_in_at = "_s + now;
        action = u"check_in"_s;
        break;
    case S::CheckedOut:
        set = u"state = 'checked_out', checked_out_at = "_s + now;
        action = u"check_out"_s;
        break;
    case S::Cancelled:
        set = u"state = 'cancelled'"_s;
        action = u"cancel"_s;
        break;
    case S::Reserved:
        return DbError(DbError::Code::InvalidState, refusal(before, to));
    }
    SqlStatement st(m_db, u"UPDATE allocations SET "_s + set + u", version = version + 1, updated_at = "_s +
                              now + u", updated_by = ? WHERE id = ? AND version = ?"_s);
    st.bind(m_actor.username).bind(id).bind(before.version);
    if (auto r = st.exec(); !r)
        return r.error();
    if (st.numRowsAffected() == 0)
        return conflict(
            tr("Another user changed the allocation of room %1 to %2 at the same time. Reload to see "
               "their changes.")
                .arg(before.roomLabel(), before.residentLabel()));
    const Result<Allocation> after = get(id);
    if (!after)
        return after.error();
    LabSql::announceChange(m_db, u"allocations"_s);
    if (auto r = tx.commit(); !r)
        return r.error();
    return after;
}

Result<Allocation> AllocationRepository::undoTransition(qint64 id, Allocation::State undone,
                                                        int expectedVersion)
{
    using S = Allocation::State;
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<Locked> locked = lockAllocation(id);
    if (!locked)
        return locked.error();
    const Allocation &before = locked->allocation;
    if (expectedVersion != AnyVersion && before.version != expectedVersion)
        return conflict(
            tr("Another user changed the allocation of room %1 to %2 since you opened it. Reload to "
               "see their changes.")
                .arg(before.roomLabel(), before.residentLabel()));
    QString set;
    QString action;
    switch (undone) {
    case S::CheckedIn:
        set = u"state = 'reserved', checked_in_at = NULL"_s;
        action = u"undo_check_in"_s;
        break;
    case S::CheckedOut:
        set = u"state = 'checked_in', checked_out_at = NULL"_s;
        action = u"undo_check_out"_s;
        break;
    case S::Cancelled:
        set = u"state = 'reserved'"_s;
        action = u"undo_cancel"_s;
        break;
    case S::Reserved:
        return DbError(DbError::Code::InvalidState,
                       tr("A reservation is undone by cancelling it (allocation of room %1 to %2).")
                           .arg(before.roomLabel(), before.residentLabel()));
    }
    if (before.state != undone)
        return DbError(DbError::Code::InvalidState,
                       tr("The allocation of room %1 to %2 is %3 now, not %4; that step cannot be undone.")
                           .arg(before.roomLabel(), before.residentLabel(),
                                Allocation::stateLabel(before.state).toLower(),
                                Allocation::stateLabel(undone).toLower()));
    // A checked-out or cancelled stay holds no bed: holding one again is a new placement.
    if (undone != S::CheckedIn) {
        // … and its bed may have been offered to the waitlist since (waitlist.offer): the
        // offer holds it until it is answered.
        if (auto r =
                checkPlacement(before.residentId, before.roomId, before.from, before.to, before.id, true);
            !r)
            return r.error();
    }
    const QString now = Dialect::now(m_db.config().backend);
    SqlStatement st(m_db, u"UPDATE allocations SET "_s + set + u", version = version + 1, updated_at = "_s +
                              now + u", updated_by = ? WHERE id = ? AND version = ?"_s);
    st.bind(m_actor.username).bind(id).bind(before.version);
    if (auto r = st.exec(); !r)
        return r.error();
    if (st.numRowsAffected() == 0)
        return conflict(
            tr("Another user changed the allocation of room %1 to %2 at the same time. Reload to see "
               "their changes.")
                .arg(before.roomLabel(), before.residentLabel()));
    const Result<Allocation> after = get(id);
    if (!after)
        return after.error();
    LabSql::announceChange(m_db, u"allocations"_s);
    if (auto r = tx.commit(); !r)
        return r.error();
    return after;
}

Result<Allocation> AllocationRepository::move(const Allocation &input)
{
    const Allocation changed = normalized(input);
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<Locked> locked = lockAllocation(changed.id);
    if (!locked)
        return locked.error();
    const Allocation &before = locked->allocation;
    // The resident stays the same; only room, days and notes move.
    Allocation request = changed;
    request.residentId = before.residentId;
    if (QList<FieldError> errors = validate(request); !errors.isEmpty())
        return DbError::validation(std::move(errors));
    if (before.version != changed.version)
        return conflict(
            tr("Another user changed the allocation of room %1 to %2 since you opened it. Reload to "
               "see their changes.")
                .arg(before.roomLabel(), before.residentLabel()));
    if (!before.isActive())
        return DbError(DbError::Code::InvalidState,
                       tr("The allocation of room %1 to %2 is %3; it can no longer be changed.")
                           .arg(before.roomLabel(), before.residentLabel(),
                                Allocation::stateLabel(before.state).toLower()));
    if (before.state == Allocation::State::CheckedIn && request.from != before.from)
        return fieldError(DbError::Code::InvalidState, u"from"_s,
                          tr("%1 checked in to the stay that began on %2; its first day cannot change.")
                              .arg(before.residentLabel(), dateText(before.from)));
    const bool placementChanged =
        request.roomId != before.roomId || request.from != before.from || request.to != before.to;
    if (placementChanged) {
        if (auto r =
                checkPlacement(before.residentId, request.roomId, request.from, request.to, before.id, true);
            !r)
            return r.error();
    }
    SqlStatement st(m_db, u"UPDATE allocations SET room_id = ?, starts_on = ?, ends_on = ?, notes = ?, "
                          "version = version + 1, updated_at = "_s +
                              Dialect::now(m_db.config().backend) +
                              u", updated_by = ? WHERE id = ? AND version = ?"_s);
    st.bind(request.roomId).bind(dateParam(request.from)).bind(dateParam(request.to)).bind(request.notes);
    st.bind(m_actor.username).bind(before.id).bind(before.version);
    if (auto r = st.exec(); !r)
        return r.error();
    if (st.numRowsAffected() == 0)
        return conflict(
            tr("Another user changed the allocation of room %1 to %2 at the same time. Reload to see "
               "their changes.")
                .arg(before.roomLabel(), before.residentLabel()));
    const Result<Allocation> after = get(before.id);
    if (!after)
        return after.error();
    LabSql::announceChange(m_db, u"allocations"_s);
    if (auto r = tx.commit(); !r)
        return r.error();
    return after;
}

namespace {
Where filterWhere(DatabaseBackend backend, const AllocationFilter &filter)
{
    Where where;
    if (filter.buildingId > 0)
        where.add(u"rm.building_id = ?"_s, {filter.buildingId});
    if (filter.roomId > 0)
        where.add(u"a.room_id = ?"_s, {filter.roomId});
    if (filter.residentId > 0)
        where.add(u"a.resident_id = ?"_s, {filter.residentId});
    if (filter.state)
        where.add(u"a.state = ?"_s, {Allocation::stateCode(*filter.state)});
    if (filter.date.isValid())
        where.add(u"a.starts_on <= ? AND (a.ends_on IS NULL OR a.ends_on > ?)"_s,
                  {dateParam(filter.date), dateParam(filter.date)});
    where.addSearch(backend, {u"res.student_id"_s, u"res.first_name"_s, u"res.last_name"_s, u"rm.number"_s},
                    filter.search);
    return where;
}
} // namespace

Result<QList<Allocation>> AllocationRepository::page(const AllocationFilter &filter,
                                                     const PageRequest &request)
{
    const QString sortExpr = sortExpression(request.sortColumn);
    Where where = filterWhere(m_db.config().backend, filter);
    where.addCursor(sortExpr, u"a.id"_s, request);
    SqlStatement st(m_db,
                    kSelect + where.sql() + orderBy(sortExpr, u"a.id"_s, request.order) + u" LIMIT ?"_s);
    bindAll(st, where.values);
    st.bind(qMax(1, request.limit));
    if (auto r = st.exec(); !r)
        return r.error();
    QList<Allocation> rows;
    while (st.next())
        rows.append(readAllocation(st));
    return rows;
}

Result<qint64> AllocationRepository::count(const AllocationFilter &filter)
{
    const Where where = filterWhere(m_db.config().backend, filter);
    return scalarCount(m_db, u"SELECT COUNT(*)"_s + kFrom + where.sql(), where.values);
}

QVariant AllocationRepository::sortValue(const Allocation &a, int column)
{
    switch (column) {
    case StudentId:
        return a.residentStudentId;
    case Building:
        return a.buildingCode;
    case RoomNumber:
        return a.roomNumber;
    case From:
        return dateText(a.from);
    case To:
        return a.to.isValid() ? dateText(a.to) : u"9999-12-31"_s;
    case State:
        return Allocation::stateCode(a.state);
    case Resident:
    default:
        return a.residentLastName;
    }
}

Result<std::optional<Allocation>> AllocationRepository::currentForResident(qint64 residentId,
                                                                           const QDate &day)
{
    const Result<QHash<qint64, Allocation>> found = currentForResidents({residentId}, day);
    if (!found)
        return found.error();
    if (!found->contains(residentId))
        return std::optional<Allocation>();
    return std::optional<Allocation>(found->value(residentId));
}

Result<QHash<qint64, Allocation>> AllocationRepository::currentForResidents(const QList<qint64> &residentIds,
                                                                            const QDate &day)
{
    QHash<qint64, Allocation> out;
    if (residentIds.isEmpty())
        return out;
    const auto backend = m_db.config().backend;
    const QDate when = day.isValid() ? day : QDate::currentDate();
    // Checked in before reserved ('checked_in' < 'reserved'), then the earliest.
    SqlStatement st(m_db, kSelect + u" WHERE "_s + Dialect::inIdList(backend, u"a.resident_id"_s) +
                              u" AND "_s + kActive +
                              u" AND a.starts_on <= ? AND (a.ends_on IS NULL OR a.ends_on > ?) "
                              "ORDER BY a.resident_id, a.state, a.starts_on, a.id"_s);
    st.bind(Dialect::idListValue(backend, residentIds)).bind(dateParam(when)).bind(dateParam(when));
    if (auto r = st.exec(); !r)
        return r.error();
    while (st.next()) {
        const qint64 resident = st.value(1).toLongLong();
        if (!out.contains(resident))
            out.insert(resident, readAllocation(st));
    }
    return out;
}

Result<QList<RoomAvailability>> AllocationRepository::availability(qint64 buildingId, const QDate &from,
                                                                   const QDate &to)
{
    if (!from.isValid())
        return fieldError(DbError::Code::Validation, u"from"_s, tr("The first day is required."));
    QList<RoomAvailability> rooms;
    QHash<qint64, qsizetype> index;
    {
        SqlStatement st(
            m_db, u"SELECT r.id, r.building_id, b.code, r.number, r.floor, r.type, r.status, r.capacity "
                  "FROM rooms r JOIN buildings b ON b.id = r.building_id"_s +
                      (buildingId > 0 ? u" WHERE r.building_id = ?"_s : QString()) +
                      u" ORDER BY b.code, r.number, r.id"_s);
        if (buildingId > 0)
            st.bind(buildingId);
        if (auto r = st.exec(); !r)
            return r.error();
        while (st.next()) {
            RoomAvailability a;
            a.roomId = st.value(0).toLongLong();
            a.buildingId = st.value(1).toLongLong();
            a.buildingCode = st.value(2).toString();
            a.roomNumber = st.value(3).toString();
            a.floor = st.value(4).toInt();
            a.type = Room::typeFromCode(st.value(5).toString()).value_or(Room::Type::Single);
            a.status = Room::statusFromCode(st.value(6).toString()).value_or(Room::Status::Available);
            a.capacity = st.value(7).toInt();
            index.insert(a.roomId, rooms.size());
            rooms.append(a);
        }
    }
    QHash<qint64, QList<std::pair<QDate, QDate>>> stays;
    {
        QVariantList values;
        if (buildingId > 0)
            values << buildingId;
        const QString overlap = overlapClause(from, to, values);
        SqlStatement st(
            m_db, u"SELECT a.room_id, a.starts_on, a.ends_on FROM allocations a"_s +
                      (buildingId > 0 ? u" JOIN rooms rm ON rm.id = a.room_id WHERE rm.building_id = ? AND "_s
                                      : u" WHERE "_s) +
                      kActive + u" AND "_s + overlap);
        bindAll(st, values);
        if (auto r = st.exec(); !r)
            return r.error();
        while (st.next())
            stays[st.value(0).toLongLong()].append({readDate(st.value(1)), readDate(st.value(2))});
    }
    for (auto it = stays.cbegin(); it != stays.cend(); ++it) {
        const qsizetype at = index.value(it.key(), -1);
        if (at < 0)
            continue; // a room added after the first read
        const Peak p = peak(it.value(), from, to);
        rooms[at].taken = p.beds;
        rooms[at].busiestDay = p.day;
    }
    return rooms;
}

Result<QList<BuildingOccupancy>> AllocationRepository::occupancy(const QDate &day)
{
    if (!day.isValid())
        return fieldError(DbError::Code::Validation, u"date"_s, tr("The day is required."));
    QList<BuildingOccupancy> buildings;
    QHash<qint64, qsizetype> index;
    {
        SqlStatement st(m_db, u"SELECT id, code, name FROM buildings ORDER BY code, id"_s);
        if (auto r = st.exec(); !r)
            return r.error();
        while (st.next()) {
            BuildingOccupancy b;
            b.buildingId = st.value(0).toLongLong();
            b.code = st.value(1).toString();
            b.name = st.value(2).toString();
            index.insert(b.buildingId, buildings.size());
            buildings.append(b);
        }
    }
    const Result<QList<RoomAvailability>> rooms = availability(0, day, day.addDays(1));
    if (!rooms)
        return rooms.error();
    for (const RoomAvailability &room : rooms.value()) {
        const qsizetype at = index.value(room.buildingId, -1);
        if (at < 0)
            continue;
        BuildingOccupancy &b = buildings[at];
        ++b.rooms;
        b.beds += room.capacity;
        if (!room.isBookable())
            b.unavailableBeds += room.capacity;
        b.taken += room.taken;
        b.free += room.free();
    }
    SqlStatement st(
        m_db, u"SELECT rm.building_id, COUNT(*) FROM allocations a JOIN rooms rm ON rm.id = a.room_id "
              "WHERE a.state = 'checked_in' AND a.starts_on <= ? AND (a.ends_on IS NULL OR a.ends_on > ?) "
              "GROUP BY rm.building_id"_s);
    st.bind(dateParam(day)).bind(dateParam(day));
    if (auto r = st.exec(); !r)
        return r.error();
    while (st.next()) {
        const qsizetype at = index.value(st.value(0).toLongLong(), -1);
        if (at >= 0)
            buildings[at].checkedIn = st.value(1).toInt();
    }
    return buildings;
}
