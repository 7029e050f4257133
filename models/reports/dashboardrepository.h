#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QString>

class Database;

// The dashboard's figures that no other repository gives, one small read each, on the
// calling thread's connection (the dashboard runs each card's read on a pool thread of
// its own). Occupancy and free beds come from AllocationRepository::occupancy, open
// maintenance from MaintenanceRepository::countsByPriority, jobs from JobStore.
class DashboardRepository
{
    Q_DECLARE_TR_FUNCTIONS(DashboardRepository)
public:
    DashboardRepository(Database &db, Actor actor);

    struct Movements
    {
        QDate weekStart;      // Monday
        QDate weekEnd;        // Sunday
        int arrivals = 0;     // stays (not cancelled) starting this week
        int departures = 0;   // stays (not cancelled) whose check-out day (ends_on) is this week
        int arrivalsToday = 0;
        int departuresToday = 0;
    };
    // The week (Monday to Sunday) that holds `today`.
    Result<Movements> movements(const QDate &today);

    // Protocols per state code (submitted, received, in_analysis, finalized, cancelled).
    Result<QHash<QString, int>> protocolsByState();

private:
    Database &m_db;
    Actor m_actor;
};
