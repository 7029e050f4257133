#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"
#include "models/housing/allocation/deposit.h"

#include <QHash>
#include <QList>

#include <optional>

class Database;

// Deposits on reservations (table allocation_deposits). Thread and transaction rules as
// AllocationRepository's: the calling thread's connection, joins an open Transaction,
// the database writes the audit trail (entity "deposit"), a records-changed event for
// "allocations" is announced. The rules:
//  - require(): a reserved allocation gets (or changes) the amount it requires; refused
//    once the deposit is paid or waived;
//  - recordPayment(): amount (at least the amount required), day and reference of a
//    reserved or checked-in allocation's deposit; without a requirement the payment
//    is the requirement;
//  - waive(): administrators only. PostgreSQL refuses anybody else (trigger
//    residesk_deposit_waiver, 0015_waitlist.postgresql.sql): the refusal comes back
//    as DbError::PermissionDenied naming the rule;
//  - AllocationRepository::checkIn() refuses while a deposit is required.
//
//   DepositRepository deposits(db, actor);
//   deposits.require(allocation.id, 25000);                       // 250.00
//   deposits.recordPayment(allocation.id, 25000, QDate::currentDate(), u"TX-881"_s);
class DepositRepository
{
    Q_DECLARE_TR_FUNCTIONS(DepositRepository)
public:
    DepositRepository(Database &db, Actor actor);

    // The allocation's deposit, if it requires one.
    Result<std::optional<Deposit>> find(qint64 allocationId);
    // The deposits of many allocations at once (allocations without one are absent).
    Result<QHash<qint64, Deposit>> findMany(const QList<qint64> &allocationIds);

    Result<Deposit> require(qint64 allocationId, qint64 cents);
    Result<Deposit> recordPayment(qint64 allocationId, qint64 cents, const QDate &paidOn, const QString &reference);
    Result<Deposit> waive(qint64 allocationId);

private:
    struct Target;
    Result<Target> lockTarget(qint64 allocationId);
    Result<Deposit> store(const Target &target, const Deposit &changed);

    Database &m_db;
    Actor m_actor;
};
