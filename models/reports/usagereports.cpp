#include "models/reports/usagereports.h"

#include "models/housing/room.h"
#include "models/maintenance/maintenance.h"

#include <QHash>
#include <QLocale>
#include <QMap>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace UsageReports {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("UsageReports", text);
}

QString number(qint64 n)
{
    return QLocale::c().toString(n);
}

QString decimal(double v, int digits = 1)
{
    return QLocale::c().toString(v, 'f', digits);
}

QString percentText(double v)
{
    return decimal(v) + u" %"_s;
}

QString money(qint64 cents)
{
    return decimal(double(cents) / 100.0, 2);
}

double hoursBetween(const QDateTime &a, const QDateTime &b)
{
    return double(a.msecsTo(b)) / 3600000.0;
}

QString roomTypeLabel(const QString &code)
{
    const auto type = Room::typeFromCode(code);
    return type ? Room::typeLabel(*type) : code;
}

QString categoryLabel(const QString &code)
{
    const auto c = Maintenance::categoryFromCode(code);
    return c ? Maintenance::categoryLabel(*c) : code;
}

} // namespace

QString periodText(const QDate &from, const QDate &to)
{
    return from.toString(Qt::ISODate) + u" \u2013 "_s + to.toString(Qt::ISODate);
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
}

qint64 nightsWithin(const Stay &stay, const QDate &from, const QDate &to)
{
    if (!stay.from.isValid() || !from.isValid() || !to.isValid())
        return 0;
    const QDate start = std::max(stay.from, from);
    const QDate endExclusive = stay.to.isValid() ? std::min(stay.to, to.addDays(1)) : to.addDays(1);
    return std::max<qint64>(0, start.daysTo(endExclusive));
}

OccupancyReport occupancy(const QDate &from, const QDate &to, const QList<RoomBeds> &rooms,
                          const QList<Stay> &stays)
{
    OccupancyReport report;
    report.from = from;
    report.to = to;
    report.days = int(std::max<qint64>(0, from.daysTo(to) + 1));
    QHash<qint64, qint64> nightsByRoom;
    nightsByRoom.reserve(rooms.size());
    for (const Stay &stay : stays)
        nightsByRoom[stay.roomId] += nightsWithin(stay, from, to);
    QMap<std::pair<QString, QString>, OccupancyRow> groups;
    for (const RoomBeds &room : rooms) {
        OccupancyRow &row = groups[{room.buildingCode, room.roomType}];
        row.buildingCode = room.buildingCode;
        row.buildingName = room.buildingName;
        row.roomType = room.roomType;
        ++row.rooms;
        row.beds += room.capacity;
        row.bedNights += qint64(room.capacity) * report.days;
        row.bedNightsOccupied += nightsByRoom.value(room.roomId);
    }
    report.total.buildingCode = tr("Total");
    for (const OccupancyRow &row : std::as_const(groups)) {
        report.rows.append(row);
        report.total.rooms += row.rooms;
        report.total.beds += row.beds;
        report.total.bedNights += row.bedNights;
        report.total.bedNightsOccupied += row.bedNightsOccupied;
    }
    return report;
}

ReportTable occupancyTable(const OccupancyReport &report)
{
    ReportTable t;
    t.title = tr("Occupancy %1").arg(periodText(report.from, report.to));
    t.details << tr("Period: %1 (%2 days)").arg(periodText(report.from, report.to)).arg(report.days)
              << tr("Bed-nights occupied: nights of reserved, checked-in and checked-out stays within the period.");
    t.columns << tr("Building") << tr("Room type") << tr("Rooms") << tr("Beds") << tr("Bed-nights")
              << tr("Occupied") << tr("Occupancy");
    t.numeric = {false, false, true, true, true, true, true};
    const auto cells = [](const OccupancyRow &r, const QString &building, const QString &type, bool csv) {
        return QStringList{building,
                           type,
                           number(r.rooms),
                           number(r.beds),
                           number(r.bedNights),
                           number(r.bedNightsOccupied),
                           csv ? decimal(r.percent(), 2) : percentText(r.percent())};
    };
    for (const OccupancyRow &r : report.rows) {
        t.rows << cells(r, r.buildingCode, roomTypeLabel(r.roomType), false);
        t.csvRows << cells(r, r.buildingCode, r.roomType, true);
    }
    t.totals = cells(report.total, tr("Total"), QString(), false);
    t.csvTotals = cells(report.total, tr("Total"), QString(), true);
    t.emptyText = tr("There are no rooms.");
    return t;
}

MaintenanceReport maintenance(const QDate &from, const QDate &to, const QList<MaintenanceItem> &items)
{
    MaintenanceReport report;
    report.from = from;
    report.to = to;
    QMap<std::pair<int, QString>, MaintenanceRow> groups;
    QMap<std::pair<int, QString>, QList<double>> hours;
    QList<double> allHours;
    const auto account = [](MaintenanceRow &row, const MaintenanceItem &item, QList<double> &h) {
        ++row.requests;
        if (item.state == u"done") {
            ++row.done;
            const double took = hoursBetween(item.reportedAt, item.finishedAt);
            h.append(took);
            if (item.finishedAt <= item.dueAt)
                ++row.doneOnTarget;
        } else if (item.state == u"cancelled") {
            ++row.cancelled;
        } else {
            ++row.open;
        }
        if (item.state != u"cancelled")
            row.estimatedCents += item.estimateCents.value_or(0);
    };
    for (const MaintenanceItem &item : items) {
        const auto category = Maintenance::categoryFromCode(item.category);
        const int order = category ? int(*category) : 99;
        const std::pair<int, QString> key{order, item.buildingCode};
        MaintenanceRow &row = groups[key];
        row.category = item.category;
        row.buildingCode = item.buildingCode;
        account(row, item, hours[key]);
        account(report.total, item, allHours);
    }
    for (auto it = groups.begin(); it != groups.end(); ++it) {
        MaintenanceRow row = it.value();
        const QList<double> &h = hours.value(it.key());
        row.medianHoursToDone = h.isEmpty() ? -1 : median(h);
        report.rows.append(row);
    }
    report.total.category = tr("Total");
    report.total.medianHoursToDone = allHours.isEmpty() ? -1 : median(allHours);
    return report;
}

ReportTable maintenanceTable(const MaintenanceReport &report)
{
    ReportTable t;
    t.title = tr("Maintenance %1").arg(periodText(report.from, report.to));
    t.details << tr("Period: %1; requests reported within it.").arg(periodText(report.from, report.to))
              << tr("Time to completion: from the report to done; on target: done by the priority's due time. "
                    "Estimated cost: requests not cancelled.");
    t.columns << tr("Category") << tr("Building") << tr("Requests") << tr("Done") << tr("Open")
              << tr("Cancelled") << tr("On target") << tr("Median hours") << tr("Estimated cost");
    t.numeric = {false, false, true, true, true, true, true, true, true};
    const auto cells = [](const MaintenanceRow &r, const QString &category, bool csv) {
        const QString onTarget = r.done > 0 ? (csv ? decimal(r.onTargetPercent(), 2) : percentText(r.onTargetPercent()))
                                            : QString();
        return QStringList{category,
                           r.buildingCode,
                           number(r.requests),
                           number(r.done),
                           number(r.open),
                           number(r.cancelled),
                           onTarget,
                           r.medianHoursToDone >= 0 ? decimal(r.medianHoursToDone) : QString(),
                           money(r.estimatedCents)};
    };
    for (const MaintenanceRow &r : report.rows) {
        t.rows << cells(r, categoryLabel(r.category), false);
        t.csvRows << cells(r, r.category, true);
    }
    t.totals = cells(report.total, tr("Total"), false);
    t.csvTotals = cells(report.total, tr("Total"), true);
    t.emptyText = tr("No maintenance requests were reported in this period.");
    return t;
}

TurnaroundReport turnaround(const QDate &from, const QDate &to, const QList<TurnaroundItem> &items)
{
    TurnaroundReport report;
    report.from = from;
    report.to = to;
    QMap<std::pair<QString, QString>, QList<double>> groups;
    QHash<qint64, double> perProtocol;
    for (const TurnaroundItem &item : items) {
        if (!item.receivedAt.isValid() || !item.finalizedAt.isValid())
            continue;
        const double h = hoursBetween(item.receivedAt, item.finalizedAt);
        groups[{item.species, item.analysis}].append(h);
        perProtocol.insert(item.protocolId, h);
    }
    const auto fill = [](TurnaroundRow &row, const QList<double> &h) {
        row.protocols = int(h.size());
        row.medianHours = median(h);
        double sum = 0;
        for (double v : h) {
            sum += v;
            row.maxHours = std::max(row.maxHours, v);
        }
        row.meanHours = h.isEmpty() ? 0 : sum / double(h.size());
    };
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        TurnaroundRow row;
        row.species = it.key().first;
        row.analysis = it.key().second;
        fill(row, it.value());
        report.rows.append(row);
    }
    report.total.species = tr("Total");
    fill(report.total, perProtocol.values());
    return report;
}

ReportTable turnaroundTable(const TurnaroundReport &report)
{
    ReportTable t;
    t.title = tr("Lab turnaround %1").arg(periodText(report.from, report.to));
    t.details << tr("Period: %1; protocols whose first report was finalized within it.")
                     .arg(periodText(report.from, report.to))
              << tr("Turnaround: from receipt of the samples to the signature of the first finalized report, in "
                    "hours. The total counts each protocol once.");
    t.columns << tr("Species") << tr("Analysis") << tr("Protocols") << tr("Median hours") << tr("Mean hours")
              << tr("Longest hours");
    t.numeric = {false, false, true, true, true, true};
    const auto cells = [](const TurnaroundRow &r, const QString &species) {
        return QStringList{species,
                           r.analysis.isEmpty() && species != tr("Total") ? tr("(none requested)") : r.analysis,
                           number(r.protocols),
                           decimal(r.medianHours),
                           decimal(r.meanHours),
                           decimal(r.maxHours)};
    };
    for (const TurnaroundRow &r : report.rows)
        t.rows << cells(r, r.species);
    t.csvRows = t.rows;
    t.totals = cells(report.total, tr("Total"));
    t.totals[1].clear();
    t.csvTotals = t.totals;
    t.emptyText = tr("No protocol was finalized in this period.");
    return t;
}

} // namespace UsageReports
