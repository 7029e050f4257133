#pragma once

#include "models/reports/reporttable.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// The reports over a period, as pure functions of the rows UsageReportRepository reads:
// values in, figures and a ReportTable out. A period is the days `from` to `to`, both
// included. Thread-safe (no state); run them on any thread.
//
//   const OccupancyReport r = UsageReports::occupancy(from, to, rooms, stays);
//   const ReportTable table = UsageReports::occupancyTable(r);
namespace UsageReports {

// --- Occupancy -----------------------------------------------------------------------
struct RoomBeds
{
    qint64 roomId = 0;
    QString buildingCode;
    QString buildingName;
    QString roomType; // code: single, double, …
    int capacity = 0;
};
// One stay that holds a bed: reserved or checked in for [from, to) (to null: open-ended),
// or checked out, ending on the earlier of its `to` and the day it was checked out.
struct Stay
{
    qint64 roomId = 0;
    QDate from;
    QDate to; // exclusive; null: open-ended
};
struct OccupancyRow
{
    QString buildingCode;
    QString buildingName;
    QString roomType;
    int rooms = 0;
    int beds = 0;
    qint64 bedNights = 0;         // beds × days of the period
    qint64 bedNightsOccupied = 0; // nights held by stays within the period
    double percent() const { return bedNights > 0 ? 100.0 * double(bedNightsOccupied) / double(bedNights) : 0; }
};
struct OccupancyReport
{
    QDate from;
    QDate to;
    int days = 0;
    QList<OccupancyRow> rows; // by building code, then room type
    OccupancyRow total;
};
// The nights of [stay.from, stay.to) that fall on days from..to (inclusive).
qint64 nightsWithin(const Stay &stay, const QDate &from, const QDate &to);
OccupancyReport occupancy(const QDate &from, const QDate &to, const QList<RoomBeds> &rooms,
                          const QList<Stay> &stays);
ReportTable occupancyTable(const OccupancyReport &report);

// --- Maintenance ---------------------------------------------------------------------
struct MaintenanceItem
{
    QString buildingCode;
    QString category; // code
    QString state;    // code
    QDateTime reportedAt;
    QDateTime dueAt;
    QDateTime finishedAt; // done or cancelled; null otherwise
    std::optional<int> estimateCents;
};
struct MaintenanceRow
{
    QString category;
    QString buildingCode;
    int requests = 0;
    int done = 0;
    int cancelled = 0;
    int open = 0;
    int doneOnTarget = 0;           // done by its due time
    double medianHoursToDone = -1;  // -1: none done
    qint64 estimatedCents = 0;
    double onTargetPercent() const { return done > 0 ? 100.0 * doneOnTarget / done : 0; }
};
struct MaintenanceReport
{
    QDate from;
    QDate to;
    QList<MaintenanceRow> rows; // by category (the fixed order), then building
    MaintenanceRow total;
};
// Requests reported within the period (the caller reads those).
MaintenanceReport maintenance(const QDate &from, const QDate &to, const QList<MaintenanceItem> &items);
ReportTable maintenanceTable(const MaintenanceReport &report);

// --- Lab turnaround ------------------------------------------------------------------
struct TurnaroundItem
{
    qint64 protocolId = 0;
    QString species;
    QString analysis; // "CODE name"; a protocol without analyses: empty
    QDateTime receivedAt;
    QDateTime finalizedAt; // the first finalized revision's signing time
};
struct TurnaroundRow
{
    QString species;
    QString analysis;
    int protocols = 0;
    double medianHours = 0;
    double meanHours = 0;
    double maxHours = 0;
};
struct TurnaroundReport
{
    QDate from;
    QDate to;
    QList<TurnaroundRow> rows; // by species, then analysis
    TurnaroundRow total;       // distinct protocols
};
// Protocols finalized within the period (the caller reads those), one item per analysis.
TurnaroundReport turnaround(const QDate &from, const QDate &to, const QList<TurnaroundItem> &items);
ReportTable turnaroundTable(const TurnaroundReport &report);

// The median of `values` (sorted here); 0 for none.
double median(QList<double> values);
// "2026-01-01 – 2026-12-31"
QString periodText(const QDate &from, const QDate &to);

} // namespace UsageReports
