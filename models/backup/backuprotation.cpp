#include "models/backup/backuprotation.h"

#include <QRegularExpression>
#include <QTimeZone>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace BackupRotation {

QString fileName(const QDateTime &atUtc)
{
    return u"residesk-"_s + atUtc.toUTC().toString(u"yyyyMMdd-HHmmss"_s) + u".rdb"_s;
}

QDateTime timeOf(const QString &name)
{
    static const QRegularExpression pattern(u"^residesk-(\\d{8}-\\d{6})\\.rdb$"_s);
    const QRegularExpressionMatch m = pattern.match(name);
    if (!m.hasMatch())
        return {};
    QDateTime t = QDateTime::fromString(m.captured(1), u"yyyyMMdd-HHmmss"_s);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

QStringList toDelete(const QStringList &fileNames, int keepDaily, int keepWeekly)
{
    QList<QPair<QDateTime, QString>> backups;
    for (const QString &name : fileNames) {
        const QDateTime t = timeOf(name);
        if (t.isValid())
            backups.append({t, name});
    }
    std::sort(backups.begin(), backups.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QSet<QDate> days;
    QSet<int> weeks;
    QStringList gone;
    for (qsizetype i = 0; i < backups.size(); ++i) {
        const QDate day = backups[i].first.date();
        int year = 0;
        const int week = day.weekNumber(&year);
        bool keep = i == 0;
        if (!days.contains(day) && days.size() < keepDaily) {
            days.insert(day);
            keep = true;
        }
        if (!weeks.contains(year * 100 + week) && weeks.size() < keepWeekly) {
            weeks.insert(year * 100 + week);
            keep = true;
        }
        if (!keep)
            gone.append(backups[i].second);
    }
    return gone;
}

} // namespace BackupRotation
