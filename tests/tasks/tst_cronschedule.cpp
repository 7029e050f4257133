#include "tasks/cronschedule.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

qint64 utc(const QString &iso)
{
    QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    t.setTimeSpec(Qt::UTC);
    return t.toMSecsSinceEpoch();
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

class TestCronSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nextAfter_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QString>("expected");

        // 2024-01-01 is a Monday.
        QTest::newRow("every minute") << u"* * * * *"_s << u"2024-01-01T10:00:00"_s << u"2024-01-01T10:01:00"_s;
        QTest::newRow("strictly after, mid-minute")
            << u"* * * * *"_s << u"2024-01-01T10:00:59.999"_s << u"2024-01-01T10:01:00"_s;
        QTest::newRow("quarter hours") << u"*/15 * * * *"_s << u"2024-01-01T10:07:30"_s << u"2024-01-01T10:15:00"_s;
        QTest::newRow("quarter hours, on the dot")
            << u"*/15 * * * *"_s << u"2024-01-01T10:15:00"_s << u"2024-01-01T10:30:00"_s;
        QTest::newRow("quarter hours roll the hour")
            << u"*/15 * * * *"_s << u"2024-01-01T10:45:00"_s << u"2024-01-01T11:00:00"_s;
        QTest::newRow("daily at 02:30, tomorrow")
            << u"30 2 * * *"_s << u"2024-01-01T03:00:00"_s << u"2024-01-02T02:30:00"_s;
        QTest::newRow("daily at 02:30, today")
            << u"30 2 * * *"_s << u"2024-01-01T02:29:59"_s << u"2024-01-01T02:30:00"_s;
        QTest::newRow("year end rolls over")
            << u"59 23 31 12 *"_s << u"2024-12-31T23:59:00"_s << u"2025-12-31T23:59:00"_s;
        QTest::newRow("new year") << u"0 0 1 1 *"_s << u"2024-12-31T23:59:59"_s << u"2025-01-01T00:00:00"_s;
        QTest::newRow("31st skips 30-day months")
            << u"0 0 31 * *"_s << u"2024-04-01T00:00:00"_s << u"2024-05-31T00:00:00"_s;
        QTest::newRow("31st skips February")
            << u"0 12 31 * *"_s << u"2024-01-31T12:00:00"_s << u"2024-03-31T12:00:00"_s;
        QTest::newRow("30th skips February") << u"0 0 30 * *"_s << u"2023-02-01T00:00:00"_s << u"2023-03-30T00:00:00"_s;
        QTest::newRow("Feb 29 in a leap year")
            << u"0 0 29 2 *"_s << u"2024-01-15T00:00:00"_s << u"2024-02-29T00:00:00"_s;
        QTest::newRow("Feb 29 waits four years")
            << u"0 0 29 2 *"_s << u"2024-03-01T00:00:00"_s << u"2028-02-29T00:00:00"_s;
        QTest::newRow("Feb 29 skips 2100") << u"0 0 29 2 *"_s << u"2096-03-01T00:00:00"_s << u"2104-02-29T00:00:00"_s;
        QTest::newRow("1st and 15th") << u"0 0 1,15 * *"_s << u"2024-01-15T00:00:00"_s << u"2024-02-01T00:00:00"_s;
        QTest::newRow("weekdays at nine, over a weekend")
            << u"0 9 * * 1-5"_s << u"2024-01-05T10:00:00"_s << u"2024-01-08T09:00:00"_s;
        QTest::newRow("Sunday as 0") << u"0 0 * * 0"_s << u"2024-01-01T00:00:00"_s << u"2024-01-07T00:00:00"_s;
        QTest::newRow("Sunday as 7") << u"0 0 * * 7"_s << u"2024-01-01T00:00:00"_s << u"2024-01-07T00:00:00"_s;
        QTest::newRow("weekday names") << u"0 8 * * sat,SUN"_s << u"2024-01-01T00:00:00"_s << u"2024-01-06T08:00:00"_s;
        QTest::newRow("month names") << u"0 0 1 mar-apr *"_s << u"2024-03-01T00:00:00"_s << u"2024-04-01T00:00:00"_s;
        // Both day fields restricted: either one matches (Monday, or the 1st).
        QTest::newRow("dom or dow: the next Monday")
            << u"0 12 1 * 1"_s << u"2024-01-01T12:00:00"_s << u"2024-01-08T12:00:00"_s;
        QTest::newRow("dom or dow: the 1st, a Thursday")
            << u"0 12 1 * 1"_s << u"2024-01-29T12:00:00"_s << u"2024-02-01T12:00:00"_s;
        QTest::newRow("Friday or the 13th")
            << u"0 12 13 * 5"_s << u"2024-09-01T00:00:00"_s << u"2024-09-06T12:00:00"_s;
        // A day field starting with "*" does not restrict: then both must match.
        QTest::newRow("odd days that are Mondays")
            << u"0 12 */2 * 1"_s << u"2024-01-01T12:00:00"_s << u"2024-01-15T12:00:00"_s;
        QTest::newRow("range with a step") << u"5-20/5 * * * *"_s << u"2024-01-01T10:06:00"_s << u"2024-01-01T10:10:00"_s;
        QTest::newRow("range with a step, past its end")
            << u"5-20/5 * * * *"_s << u"2024-01-01T10:20:00"_s << u"2024-01-01T11:05:00"_s;
        QTest::newRow("start with a step") << u"7/20 * * * *"_s << u"2024-01-01T10:28:00"_s << u"2024-01-01T10:47:00"_s;
        QTest::newRow("hour list") << u"0 6,18 * * *"_s << u"2024-01-01T06:00:00"_s << u"2024-01-01T18:00:00"_s;
        QTest::newRow("every other hour") << u"0 */2 * * *"_s << u"2024-01-01T23:30:00"_s << u"2024-01-02T00:00:00"_s;
        QTest::newRow("quarterly") << u"0 0 1 */3 *"_s << u"2024-02-10T00:00:00"_s << u"2024-04-01T00:00:00"_s;
        QTest::newRow("extra spaces") << u"  0   3 *  * * "_s << u"2024-01-01T12:00:00"_s << u"2024-01-02T03:00:00"_s;
        QTest::newRow("@hourly") << u"@hourly"_s << u"2024-01-01T10:30:00"_s << u"2024-01-01T11:00:00"_s;
        QTest::newRow("@daily") << u"@daily"_s << u"2024-01-01T00:00:00"_s << u"2024-01-02T00:00:00"_s;
        QTest::newRow("@weekly: Sunday midnight") << u"@weekly"_s << u"2024-01-03T08:00:00"_s << u"2024-01-07T00:00:00"_s;
        QTest::newRow("@monthly") << u"@monthly"_s << u"2024-01-31T23:00:00"_s << u"2024-02-01T00:00:00"_s;
        QTest::newRow("@every 15m") << u"@every 15m"_s << u"2024-01-01T10:07:00"_s << u"2024-01-01T10:15:00"_s;
        QTest::newRow("@every 15m, on the dot") << u"@every 15m"_s << u"2024-01-01T10:15:00"_s << u"2024-01-01T10:30:00"_s;
        QTest::newRow("@every 2h") << u"@every 2h"_s << u"2024-01-01T01:00:00"_s << u"2024-01-01T02:00:00"_s;
        QTest::newRow("@every 30s") << u"@every 30s"_s << u"2024-01-01T10:00:10"_s << u"2024-01-01T10:00:30"_s;
        QTest::newRow("@every 1h30m") << u"@every 1h30m"_s << u"2024-01-01T00:00:00"_s << u"2024-01-01T01:30:00"_s;
    }
    void nextAfter()
    {
        QFETCH(QString, expression);
        QFETCH(QString, after);
        QFETCH(QString, expected);
        QString error;
        const std::optional<CronSchedule> s = CronSchedule::parse(expression, &error);
        QVERIFY2(s, qPrintable(error));
        QVERIFY(error.isEmpty());
        QCOMPARE(iso(s->nextAfter(utc(after))), iso(utc(expected)));
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QStringList>("mentions"); // what the error must name

        QTest::newRow("empty") << u""_s << QStringList{u"empty"_s};
        QTest::newRow("four fields") << u"* * * *"_s << QStringList{u"4 fields"_s, u"five"_s};
        QTest::newRow("six fields") << u"0 * * * * *"_s << QStringList{u"6 fields"_s};
        QTest::newRow("minute 60") << u"60 * * * *"_s << QStringList{u"minute"_s, u"60"_s, u"0-59"_s};
        QTest::newRow("hour 24") << u"0 24 * * *"_s << QStringList{u"hour"_s, u"24"_s, u"0-23"_s};
        QTest::newRow("day 0") << u"0 0 0 * *"_s << QStringList{u"day-of-month"_s, u"\"0\""_s, u"1-31"_s};
        QTest::newRow("day 32") << u"0 0 32 * *"_s << QStringList{u"day-of-month"_s, u"32"_s};
        QTest::newRow("month 13") << u"0 0 1 13 *"_s << QStringList{u"month"_s, u"13"_s, u"1-12"_s};
        QTest::newRow("weekday 8") << u"0 0 * * 8"_s << QStringList{u"day-of-week"_s, u"8"_s, u"0-7"_s};
        QTest::newRow("letters") << u"x * * * *"_s << QStringList{u"minute"_s, u"\"x\""_s};
        QTest::newRow("unknown month name") << u"0 0 1 foo *"_s << QStringList{u"month"_s, u"foo"_s};
        QTest::newRow("zero step") << u"*/0 * * * *"_s << QStringList{u"minute"_s, u"*/0"_s, u"step"_s};
        QTest::newRow("negative step") << u"0 */-2 * * *"_s << QStringList{u"hour"_s, u"step"_s};
        QTest::newRow("backwards range") << u"0 0 * * 5-1"_s << QStringList{u"day-of-week"_s, u"5-1"_s};
        QTest::newRow("negative number") << u"-5 * * * *"_s << QStringList{u"minute"_s, u"-5"_s};
        QTest::newRow("empty list item") << u"1,,2 * * * *"_s << QStringList{u"minute"_s, u"1,,2"_s};
        QTest::newRow("open range") << u"0 0 5- * *"_s << QStringList{u"day-of-month"_s, u"5-"_s};
        QTest::newRow("never: Feb 30") << u"0 0 30 2 *"_s << QStringList{u"day-of-month"_s, u"30"_s, u"never"_s};
        QTest::newRow("never: Apr 31") << u"0 0 31 4,6 *"_s << QStringList{u"day-of-month"_s, u"31"_s};
        QTest::newRow("unknown shortcut") << u"@fortnightly"_s << QStringList{u"@fortnightly"_s};
        QTest::newRow("@every without interval") << u"@every"_s << QStringList{u"@every"_s, u"interval"_s};
        QTest::newRow("@every zero") << u"@every 0m"_s << QStringList{u"0m"_s};
        QTest::newRow("@every unknown unit") << u"@every 10x"_s << QStringList{u"10x"_s};
        QTest::newRow("@every without unit") << u"@every 10"_s << QStringList{u"10"_s};
        QTest::newRow("@every under a second") << u"@every 0s"_s << QStringList{u"0s"_s};
    }
    void invalid()
    {
        QFETCH(QString, expression);
        QFETCH(QStringList, mentions);
        QString error;
        QVERIFY(!CronSchedule::parse(expression, &error));
        for (const QString &m : std::as_const(mentions))
            QVERIFY2(error.contains(m), qPrintable(u"\"%1\" not in: %2"_s.arg(m, error)));
        // Without an error string it just fails.
        QVERIFY(!CronSchedule::parse(expression));
    }

    void textIsNormalised()
    {
        QCOMPARE(CronSchedule::parse(u" */5  * * * * "_s)->text(), u"*/5 * * * *"_s);
        QCOMPARE(CronSchedule::parse(u"@every 15m"_s)->text(), u"@every 15m"_s);
    }

    void dailyFiresEveryDayOfALeapYear()
    {
        const auto s = CronSchedule::parse(u"0 0 * * *"_s);
        QVERIFY(s);
        qint64 t = utc(u"2023-12-31T23:00:00"_s);
        int fired = 0;
        while ((t = s->nextAfter(t)) < utc(u"2025-01-01T00:00:00"_s)) {
            QCOMPARE(t % (24 * 3600 * 1000), 0);
            ++fired;
        }
        QCOMPARE(fired, 366);
    }

    void rareSchedulesAreFoundQuickly()
    {
        // Feb 29 only: months, days and hours are skipped whole, not minute by minute.
        const auto s = CronSchedule::parse(u"59 23 29 2 *"_s);
        QVERIFY(s);
        QElapsedTimer timer;
        timer.start();
        qint64 t = utc(u"2001-01-01T00:00:00"_s);
        for (int i = 0; i < 200; ++i)
            t = s->nextAfter(t);
        // 200 leap days on from 2001 (2100, 2200, 2300 and 2500 are not leap years).
        QCOMPARE(iso(t), iso(utc(u"2824-02-29T23:59:00"_s)));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestCronSchedule)
#include "tst_cronschedule.moc"
