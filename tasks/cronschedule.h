#pragma once

#include <QString>

#include <bitset>
#include <optional>

// A five-field cron expression, evaluated in UTC: minute hour day-of-month month
// day-of-week. Each field takes *, numbers, ranges a-b, lists a,b and steps */n or
// a-b/n; day-of-week 0-7 (0 and 7 are Sunday). When both day fields are restricted,
// a day matches either (as in cron). Also "@hourly", "@daily", "@weekly", "@monthly",
// and "@every 15m" / "@every 2h" / "@every 30s" for plain intervals.
//
//   auto s = CronSchedule::parse(u"*/15 * * * *"_s);
//   if (!s) qWarning() << error;   // parse(text, &error) names the bad field
//   qint64 next = s->nextAfter(nowMs);
class CronSchedule
{
public:
    static std::optional<CronSchedule> parse(const QString &text, QString *error = nullptr);
    // The first firing time strictly after `afterMs` (ms since the epoch, UTC).
    qint64 nextAfter(qint64 afterMs) const;
    QString text() const { return m_text; }

private:
    QString m_text;
    qint64 m_everyMs = 0; // "@every": a plain interval, aligned to the epoch
    std::bitset<60> m_minutes;
    std::bitset<24> m_hours;
    std::bitset<32> m_days;   // 1..31
    std::bitset<13> m_months; // 1..12
    std::bitset<7> m_weekdays;// 0..6, Sunday = 0
    bool m_dayRestricted = false;
    bool m_weekdayRestricted = false;
};
