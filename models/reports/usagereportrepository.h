#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"
#include "models/reports/usagereports.h"

#include <QCoreApplication>

class Database;

// Reads the rows the period reports are computed from (UsageReports), with fixed SQL
// and bound values, on the calling thread's connection (a job's runner thread; never
// the GUI thread). What the person may not read (PostgreSQL grants) fails with the
// server's refusal.
//
//   UsageReportRepository repo(db, actor);
//   const auto rooms = repo.rooms();
//   const auto stays = repo.stays(from, to);
class UsageReportRepository
{
    Q_DECLARE_TR_FUNCTIONS(UsageReportRepository)
public:
    UsageReportRepository(Database &db, Actor actor);

    // A period is valid when both days are and from <= to, and it spans at most ten
    // years; otherwise a Validation error naming the field ("from" or "to").
    static VoidResult checkPeriod(const QDate &from, const QDate &to);

    // Every room with its building and capacity.
    Result<QList<UsageReports::RoomBeds>> rooms();
    // Stays that hold a bed on some day from..to (inclusive): not cancelled; a
    // checked-out stay ends on the day it was checked out if that came first.
    Result<QList<UsageReports::Stay>> stays(const QDate &from, const QDate &to);
    // Maintenance requests reported from..to (local days).
    Result<QList<UsageReports::MaintenanceItem>> maintenanceItems(const QDate &from, const QDate &to);
    // Protocols whose first finalized report was signed from..to (local days), one item
    // per requested analysis (one with an empty analysis when none was requested).
    Result<QList<UsageReports::TurnaroundItem>> turnaroundItems(const QDate &from, const QDate &to);

private:
    Database &m_db;
    Actor m_actor;
};
