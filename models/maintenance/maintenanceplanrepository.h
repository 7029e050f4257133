#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"
#include "models/maintenance/maintenance.h"

#include <QCoreApplication>
#include <QList>

class Database;

// Preventive maintenance plans, and the creation of their requests period by period,
// on the calling thread's connection.
//
// Each period exactly once: createNextPeriod() locks the plan's row (PostgreSQL: FOR
// UPDATE, so a second worker waits and then sees the advanced last_period; SQLite: the
// write transaction), creates the requests of the period after last_period if it has
// begun, records (plan, period) in maintenance_plan_periods (its primary key refuses
// a second creation outright) and advances last_period, all in the caller's
// transaction. After downtime the caller loops until it returns nothing: every missed
// period is created, once, in order.
//
//   for (;;) {
//       Transaction tx(db);
//       auto run = plans.createNextPeriod(plan.id, today);
//       if (!run || run->period < 0) break;
//       ... queue processing for run->requestIds ...
//       tx.commit();
//   }
class MaintenancePlanRepository
{
    Q_DECLARE_TR_FUNCTIONS(MaintenancePlanRepository)
public:
    MaintenancePlanRepository(Database &db, Actor actor);

    // Field keys: "title", "scope", "room_type", "period_months", "starts_on", "description".
    static QList<FieldError> validate(const MaintenancePlan &plan);

    Result<MaintenancePlan> add(const MaintenancePlan &plan);
    Result<MaintenancePlan> get(qint64 id);
    Result<QList<MaintenancePlan>> list();
    VoidResult setActive(qint64 id, bool active);

    struct PeriodRun
    {
        int period = -1; // -1: nothing was due
        QDate periodStart;
        QList<qint64> requestIds;
    };
    // Creates the next period's requests if it has begun by `today`; see above.
    // `now`: the requests' report time.
    Result<PeriodRun> createNextPeriod(qint64 planId, const QDate &today, const QDateTime &now = {});
    // How many periods have been created for the plan (maintenance_plan_periods rows).
    Result<int> periodsCreated(qint64 planId);

private:
    Database &m_db;
    Actor m_actor;
};
