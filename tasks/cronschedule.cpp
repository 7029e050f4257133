#include "tasks/cronschedule.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QStringList>

#include <limits>

using namespace Qt::StringLiterals;

namespace {

struct FieldSpec
{
    int min;
    int max;
    QStringList names; // optional names for min, min + 1, ... (months, weekdays)
};

QString fieldName(int index)
{
    switch (index) {
    case 0: return QCoreApplication::translate("CronSchedule", "minute");
    case 1: return QCoreApplication::translate("CronSchedule", "hour");
    case 2: return QCoreApplication::translate("CronSchedule", "day-of-month");
    case 3: return QCoreApplication::translate("CronSchedule", "month");
    case 4: return QCoreApplication::translate("CronSchedule", "day-of-week");
    }
    return {};
}

const FieldSpec &spec(int index)
{
    static const FieldSpec specs[5] = {
        {0, 59, {}},
        {0, 23, {}},
        {1, 31, {}},
        {1, 12,
         {u"jan"_s, u"feb"_s, u"mar"_s, u"apr"_s, u"may"_s, u"jun"_s, u"jul"_s, u"aug"_s, u"sep"_s, u"oct"_s,
          u"nov"_s, u"dec"_s}},
        // 7 is Sunday too.
        {0, 7, {u"sun"_s, u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s, u"fri"_s, u"sat"_s}},
    };
    return specs[index];
}

bool parseNumber(const QString &text, const FieldSpec &field, int *value)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    if (ok && !text.startsWith(u'+') && !text.startsWith(u'-')) {
        *value = n;
        return true;
    }
    const qsizetype named = field.names.indexOf(text.toLower());
    if (named >= 0) {
        *value = field.min + int(named);
        return true;
    }
    return false;
}

// Parses one field into `bits` (index = value). Returns an empty string or the reason.
QString parseField(const QString &text, int index, std::bitset<64> &bits)
{
    const FieldSpec &field = spec(index);
    const QString rangeHint = QCoreApplication::translate("CronSchedule", "use %1-%2").arg(field.min).arg(field.max);
    for (const QString &item : text.split(u',')) {
        if (item.isEmpty())
            return QCoreApplication::translate("CronSchedule", "empty list item");
        QString rangePart = item;
        int step = 1;
        const qsizetype slash = item.indexOf(u'/');
        if (slash >= 0) {
            rangePart = item.left(slash);
            bool ok = false;
            const QString stepText = item.mid(slash + 1);
            step = stepText.toInt(&ok);
            if (!ok || step <= 0 || stepText.startsWith(u'+'))
                return QCoreApplication::translate("CronSchedule", "the step \"%1\" must be a positive number").arg(stepText);
        }
        int from = field.min;
        int to = field.max;
        if (rangePart == u"*") {
            if (index == 4)
                to = 6; // "*" means every day once, not Sunday twice
        } else {
            const qsizetype dash = rangePart.indexOf(u'-', 1);
            const QString fromText = dash >= 0 ? rangePart.left(dash) : rangePart;
            if (!parseNumber(fromText, field, &from))
                return QCoreApplication::translate("CronSchedule", "\"%1\" is not a number (%2)").arg(fromText, rangeHint);
            if (dash >= 0) {
                const QString toText = rangePart.mid(dash + 1);
                if (!parseNumber(toText, field, &to))
                    return QCoreApplication::translate("CronSchedule", "\"%1\" is not a number (%2)").arg(toText, rangeHint);
            } else if (slash < 0) {
                to = from; // a single value; "a/n" runs from a to the field's end
            }
            if (from < field.min || from > field.max)
                return QCoreApplication::translate("CronSchedule", "%1 is out of range (%2)").arg(from).arg(rangeHint);
            if (to < field.min || to > field.max)
                return QCoreApplication::translate("CronSchedule", "%1 is out of range (%2)").arg(to).arg(rangeHint);
            if (from > to)
                return QCoreApplication::translate("CronSchedule", "the range %1-%2 runs backwards").arg(from).arg(to);
        }
        for (int v = from; v <= to; v += step)
            bits.set(index == 4 && v == 7 ? 0 : v);
    }
    return {};
}

// "15m", "2h", "30s", "1d", also combined as "1h30m".
qint64 parseInterval(const QString &text)
{
    if (text.isEmpty())
        return 0;
    qint64 total = 0;
    qint64 number = -1;
    for (const QChar c : text) {
        if (c.isDigit()) {
            const int digit = c.digitValue();
            number = (number < 0 ? 0 : number) * 10 + digit;
            if (number > 1000000000)
                return 0;
            continue;
        }
        if (number < 0)
            return 0;
        qint64 unit = 0;
        switch (c.toLower().unicode()) {
        case 's': unit = 1000; break;
        case 'm': unit = 60 * 1000; break;
        case 'h': unit = 60 * 60 * 1000; break;
        case 'd': unit = 24 * 60 * 60 * 1000; break;
        default: return 0;
        }
        total += number * unit;
        number = -1;
    }
    if (number >= 0) // a trailing number without a unit
        return 0;
    return total;
}

int daysInMonth(int year, int month)
{
    return QDate(year, month, 1).daysInMonth();
}

constexpr qint64 kMinuteMs = 60 * 1000;

} // namespace

std::optional<CronSchedule> CronSchedule::parse(const QString &text, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<CronSchedule> {
        if (error)
            *error = message;
        return std::nullopt;
    };

    const QString simplified = text.simplified();
    CronSchedule schedule;
    schedule.m_text = simplified;
    if (simplified.isEmpty())
        return fail(QCoreApplication::translate("CronSchedule", "The schedule is empty; expected five fields (minute hour day-of-month month "
                       "day-of-week) or @hourly, @daily, @weekly, @monthly, @every <interval>."));

    QString expression = simplified;
    if (simplified.startsWith(u'@')) {
        const QString lower = simplified.toLower();
        if (lower.startsWith(u"@every")) {
            const QString interval = lower.mid(6).trimmed().remove(u' ');
            const qint64 ms = parseInterval(interval);
            if (ms < 1000)
                return fail(QCoreApplication::translate("CronSchedule", "The interval \"%1\" of \"%2\" is not valid: use a positive number with s, m, h "
                               "or d, such as @every 15m.")
                                .arg(simplified.mid(6).trimmed(), simplified));
            schedule.m_everyMs = ms;
            return schedule;
        }
        if (lower == u"@hourly")
            expression = u"0 * * * *"_s;
        else if (lower == u"@daily" || lower == u"@midnight")
            expression = u"0 0 * * *"_s;
        else if (lower == u"@weekly")
            expression = u"0 0 * * 0"_s;
        else if (lower == u"@monthly")
            expression = u"0 0 1 * *"_s;
        else if (lower == u"@yearly" || lower == u"@annually")
            expression = u"0 0 1 1 *"_s;
        else
            return fail(QCoreApplication::translate("CronSchedule", "The schedule \"%1\" is not known: use @hourly, @daily, @weekly, @monthly or "
                           "@every <interval>.")
                            .arg(simplified));
    }

    const QStringList fields = expression.split(u' ');
    if (fields.size() != 5)
        return fail(QCoreApplication::translate("CronSchedule", "The schedule \"%1\" has %2 fields; expected five: minute hour day-of-month month "
                       "day-of-week.")
                        .arg(simplified)
                        .arg(fields.size()));

    std::bitset<64> bits[5];
    for (int i = 0; i < 5; ++i) {
        const QString reason = parseField(fields[i], i, bits[i]);
        if (!reason.isEmpty())
            return fail(QCoreApplication::translate("CronSchedule", "The %1 field \"%2\" of the schedule \"%3\" is not valid: %4.")
                            .arg(fieldName(i), fields[i], simplified, reason));
    }
    for (int v = 0; v < 60; ++v)
        schedule.m_minutes[v] = bits[0][v];
    for (int v = 0; v < 24; ++v)
        schedule.m_hours[v] = bits[1][v];
    for (int v = 1; v <= 31; ++v)
        schedule.m_days[v] = bits[2][v];
    for (int v = 1; v <= 12; ++v)
        schedule.m_months[v] = bits[3][v];
    for (int v = 0; v < 7; ++v)
        schedule.m_weekdays[v] = bits[4][v];
    // As in cron: a day field that starts with "*" (including "*/2") does not restrict on
    // its own; when both are restricted a day matching either one matches.
    schedule.m_dayRestricted = !fields[2].startsWith(u'*');
    schedule.m_weekdayRestricted = !fields[4].startsWith(u'*');

    // Reject a day-of-month that no chosen month has (such as "0 0 30 2 *"): it would
    // never fire.
    if (!(schedule.m_dayRestricted && schedule.m_weekdayRestricted)) {
        bool possible = false;
        for (int month = 1; month <= 12 && !possible; ++month) {
            if (!schedule.m_months[month])
                continue;
            const int maxDay = month == 2 ? 29 : daysInMonth(2001, month);
            for (int day = 1; day <= maxDay && !possible; ++day)
                possible = schedule.m_days[day];
        }
        if (!possible)
            return fail(QCoreApplication::translate("CronSchedule", "The day-of-month field \"%1\" of the schedule \"%2\" never falls in the chosen "
                           "months (\"%3\").")
                            .arg(fields[2], simplified, fields[3]));
    }
    return schedule;
}

qint64 CronSchedule::nextAfter(qint64 afterMs) const
{
    if (m_everyMs > 0) {
        // Floor division, so that times before the epoch line up as well.
        qint64 periods = afterMs / m_everyMs;
        if (afterMs % m_everyMs != 0 && afterMs < 0)
            --periods;
        return (periods + 1) * m_everyMs;
    }

    // The first whole minute strictly after afterMs.
    qint64 start = afterMs - (((afterMs % kMinuteMs) + kMinuteMs) % kMinuteMs) + kMinuteMs;
    const QDateTime startTime = QDateTime::fromMSecsSinceEpoch(start, Qt::UTC);
    int year = startTime.date().year();
    int month = startTime.date().month();
    int day = startTime.date().day();
    int hour = startTime.time().hour();
    int minute = startTime.time().minute();

    // Skips whole months, days and hours that cannot match; a Feb 29 schedule is found
    // within 8 years (2096 → 2104), so 12 years of months bound the search.
    const int lastYear = year + 12;
    while (year <= lastYear) {
        if (!m_months[month]) {
            day = 1;
            hour = 0;
            minute = 0;
            if (++month > 12) {
                month = 1;
                ++year;
            }
            continue;
        }
        const QDate date(year, month, day);
        const bool dayOk = m_days[day];
        const bool weekdayOk = m_weekdays[date.dayOfWeek() % 7];
        const bool matches = m_dayRestricted && m_weekdayRestricted ? (dayOk || weekdayOk) : (dayOk && weekdayOk);
        if (!matches) {
            hour = 0;
            minute = 0;
            if (++day > date.daysInMonth()) {
                day = 1;
                if (++month > 12) {
                    month = 1;
                    ++year;
                }
            }
            continue;
        }
        if (!m_hours[hour]) {
            minute = 0;
            if (++hour > 23) {
                hour = 0;
                if (++day > date.daysInMonth()) {
                    day = 1;
                    if (++month > 12) {
                        month = 1;
                        ++year;
                    }
                }
            }
            continue;
        }
        if (!m_minutes[minute]) {
            if (++minute > 59) {
                minute = 0;
                if (++hour > 23) {
                    hour = 0;
                    if (++day > date.daysInMonth()) {
                        day = 1;
                        if (++month > 12) {
                            month = 1;
                            ++year;
                        }
                    }
                }
            }
            continue;
        }
        return QDateTime(date, QTime(hour, minute), Qt::UTC).toMSecsSinceEpoch();
    }
    // Unreachable for a schedule parse() accepted.
    return std::numeric_limits<qint64>::max();
}
