#include "models/housing/allocation/depositrepository.h"

#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/housing/allocation/allocationrepository.h"
#include "models/housing/sqlhelpers_p.h"
#include "models/lab/labsql_p.h"

using namespace HousingSql;
using namespace Qt::StringLiterals;

namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, allocation_id, state, required_cents, paid_cents, paid_on, reference, version, updated_by "
    "FROM allocation_deposits");

Deposit readDeposit(const SqlStatement &st)
{
    Deposit d;
    d.id = st.value(0).toLongLong();
    d.allocationId = st.value(1).toLongLong();
    d.state = Deposit::stateFromCode(st.value(2).toString()).value_or(Deposit::State::Required);
    d.requiredCents = st.value(3).toLongLong();
    d.paidCents = st.value(4).isNull() ? 0 : st.value(4).toLongLong();
    const QVariant paidOn = st.value(5);
    d.paidOn = paidOn.isNull() ? QDate()
               : paidOn.metaType() == QMetaType::fromType<QDate>()
                   ? paidOn.toDate()
                   : QDate::fromString(paidOn.toString().left(10), Qt::ISODate);
    d.reference = st.value(6).toString();
    d.version = st.value(7).toInt();
    d.updatedBy = st.value(8).toString();
    return d;
}

DbError fieldError(DbError::Code code, const QString &field, const QString &message)
{
    return DbError(code, message, {}, {FieldError{field, message}});
}

} // namespace

// The allocation as read under its lock, and its deposit.
struct DepositRepository::Target
{
    Allocation allocation;
    std::optional<Deposit> deposit;
};

DepositRepository::DepositRepository(Database &db, Actor actor)
    : m_db(db)
    , m_actor(std::move(actor))
{}

Result<std::optional<Deposit>> DepositRepository::find(qint64 allocationId)
{
    SqlStatement st(m_db, kSelect + u" WHERE allocation_id = ?"_s);
    st.bind(allocationId);
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return std::optional<Deposit>();
    return std::optional<Deposit>(readDeposit(st));
}

Result<QHash<qint64, Deposit>> DepositRepository::findMany(const QList<qint64> &allocationIds)
{
    QHash<qint64, Deposit> out;
    if (allocationIds.isEmpty())
        return out;
    const auto backend = m_db.config().backend;
    SqlStatement st(m_db, kSelect + u" WHERE "_s + Dialect::inIdList(backend, u"allocation_id"_s));
    st.bind(Dialect::idListValue(backend, allocationIds));
    if (auto r = st.exec(); !r)
        return r.error();
    while (st.next()) {
        const Deposit d = readDeposit(st);
        out.insert(d.allocationId, d);
    }
    return out;
}

Result<DepositRepository::Target> DepositRepository::lockTarget(qint64 allocationId)
{
    SqlStatement lock(m_db, u"SELECT id FROM allocations WHERE id = ?"_s +
                                (m_db.isPostgreSQL() ? u" FOR NO KEY UPDATE"_s : QString()));
    lock.bind(allocationId);
    if (auto r = lock.exec(); !r)
        return r.error();
    if (!lock.next())
        return notFound(tr("The allocation (id %1) does not exist.").arg(allocationId));
    lock.finish();
    Target target;
    const Result<Allocation> a = AllocationRepository(m_db, m_actor).get(allocationId);
    if (!a)
        return a.error();
    target.allocation = a.value();
    const Result<std::optional<Deposit>> d = find(allocationId);
    if (!d)
        return d.error();
    target.deposit = d.value();
    return target;
}

Result<Deposit> DepositRepository::store(const Target &target, const Deposit &changed)
{
    const QString now = Dialect::now(m_db.config().backend);
    const QVariant paidCents = changed.state == Deposit::State::Paid ? QVariant(changed.paidCents)
                                                                     : QVariant(QMetaType::fromType<qlonglong>());
    const QVariant paidOn = changed.state == Deposit::State::Paid ? QVariant(changed.paidOn.toString(Qt::ISODate))
                                                                  : QVariant(QMetaType::fromType<QString>());
    const QVariant reference = changed.state == Deposit::State::Paid ? QVariant(changed.reference)
                                                                     : QVariant(QMetaType::fromType<QString>());
    if (!target.deposit) {
        SqlStatement st(m_db, u"INSERT INTO allocation_deposits (allocation_id, state, required_cents, paid_cents, "
                              "paid_on, reference, version, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)"_s);
        st.bind(target.allocation.id).bind(Deposit::stateCode(changed.state)).bind(changed.requiredCents);
        st.bind(paidCents).bind(paidOn).bind(reference).bind(m_actor.username).bind(m_actor.username);
        if (auto r = st.exec(); !r)
            return r.error();
    } else {
        SqlStatement st(m_db, u"UPDATE allocation_deposits SET state = ?, required_cents = ?, paid_cents = ?, "
                              "paid_on = ?, reference = ?, version = version + 1, updated_at = "_s +
                                  now + u", updated_by = ? WHERE id = ? AND version = ?"_s);
        st.bind(Deposit::stateCode(changed.state)).bind(changed.requiredCents).bind(paidCents).bind(paidOn);
        st.bind(reference).bind(m_actor.username).bind(target.deposit->id).bind(target.deposit->version);
        if (auto r = st.exec(); !r)
            return r.error();
        if (st.numRowsAffected() == 0)
            return conflict(tr("Another user changed the deposit of allocation %1 at the same time.")
                                .arg(target.allocation.id));
    }
    const Result<std::optional<Deposit>> stored = find(target.allocation.id);
    if (!stored)
        return stored.error();
    if (!stored->has_value())
        return DbError(DbError::Code::QueryFailed, tr("The deposit was not stored."));
    LabSql::announceChange(m_db, u"allocations"_s);
    return stored->value();
}

Result<Deposit> DepositRepository::require(qint64 allocationId, qint64 cents)
{
    if (cents <= 0)
        return fieldError(DbError::Code::Validation, u"amount"_s,
                          tr("The deposit must be an amount above zero, such as 250.00."));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<Target> t = lockTarget(allocationId);
    if (!t)
        return t.error();
    const Allocation &a = t->allocation;
    if (a.state != Allocation::State::Reserved)
        return DbError(DbError::Code::InvalidState,
                       tr("Allocation %1 (%2 in room %3) is %4; only a reservation can require a deposit.")
                           .arg(a.id)
                           .arg(a.residentLabel(), a.roomLabel(), Allocation::stateLabel(a.state).toLower()));
    if (t->deposit && t->deposit->isSettled())
        return DbError(DbError::Code::InvalidState,
                       tr("The deposit of allocation %1 (%2 in room %3) is already %4.")
                           .arg(a.id)
                           .arg(a.residentLabel(), a.roomLabel(), t->deposit->summary()));
    Deposit changed;
    changed.state = Deposit::State::Required;
    changed.requiredCents = cents;
    const Result<Deposit> stored = store(t.value(), changed);
    if (!stored)
        return stored.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return stored;
}

Result<Deposit> DepositRepository::recordPayment(qint64 allocationId, qint64 cents, const QDate &paidOn,
                                                 const QString &reference)
{
    QList<FieldError> errors;
    if (cents <= 0)
        errors.append({u"amount"_s, tr("The amount paid must be above zero, such as 250.00.")});
    if (!paidOn.isValid())
        errors.append({u"paid_on"_s, tr("The day of the payment is required.")});
    if (reference.trimmed().isEmpty())
        errors.append({u"reference"_s, tr("The payment's reference (receipt or transfer number) is required.")});
    else if (reference.trimmed().size() > 100)
        errors.append({u"reference"_s, tr("The reference must be at most %1 characters long.").arg(100)});
    if (!errors.isEmpty())
        return DbError::validation(std::move(errors));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<Target> t = lockTarget(allocationId);
    if (!t)
        return t.error();
    const Allocation &a = t->allocation;
    if (!a.isActive())
        return DbError(DbError::Code::InvalidState,
                       tr("Allocation %1 (%2 in room %3) is %4; its deposit can no longer be paid.")
                           .arg(a.id)
                           .arg(a.residentLabel(), a.roomLabel(), Allocation::stateLabel(a.state).toLower()));
    if (t->deposit && t->deposit->isSettled())
        return DbError(DbError::Code::InvalidState,
                       tr("The deposit of allocation %1 (%2 in room %3) is already %4.")
                           .arg(a.id)
                           .arg(a.residentLabel(), a.roomLabel(), t->deposit->summary()));
    const qint64 required = t->deposit ? t->deposit->requiredCents : cents;
    if (cents < required)
        return fieldError(DbError::Code::Validation, u"amount"_s,
                          tr("The payment of %1 is less than the deposit of %2 that allocation %3 requires.")
                              .arg(Deposit::amountText(cents), Deposit::amountText(required))
                              .arg(a.id));
    Deposit changed;
    changed.state = Deposit::State::Paid;
    changed.requiredCents = required;
    changed.paidCents = cents;
    changed.paidOn = paidOn;
    changed.reference = reference.trimmed();
    const Result<Deposit> stored = store(t.value(), changed);
    if (!stored)
        return stored.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return stored;
}

Result<Deposit> DepositRepository::waive(qint64 allocationId)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<Target> t = lockTarget(allocationId);
    if (!t)
        return t.error();
    const Allocation &a = t->allocation;
    if (!t->deposit)
        return DbError(DbError::Code::InvalidState,
                       tr("Allocation %1 (%2 in room %3) requires no deposit; there is nothing to waive.")
                           .arg(a.id)
                           .arg(a.residentLabel(), a.roomLabel()));
    if (t->deposit->isSettled())
        return DbError(DbError::Code::InvalidState,
                       tr("The deposit of allocation %1 (%2 in room %3) is already %4.")
                           .arg(a.id)
                           .arg(a.residentLabel(), a.roomLabel(), t->deposit->summary()));
    Deposit changed = t->deposit.value();
    changed.state = Deposit::State::Waived;
    const Result<Deposit> stored = store(t.value(), changed);
    if (!stored)
        return stored.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return stored;
}
