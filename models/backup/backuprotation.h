#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

// Which scheduled backups of a folder to keep. Scheduled backups are named
// "residesk-YYYYMMDD-HHMMSS.rdb" (UTC); other files are never touched. Kept: the newest
// backup of each of the `keepDaily` most recent days that have one, and the newest of
// each of the `keepWeekly` most recent ISO weeks that have one (a backup may count for
// both), and always the newest of all. Pure: no file system.
//
//   const QStringList gone = BackupRotation::toDelete(QDir(folder).entryList(), 7, 4);
namespace BackupRotation {
QString fileName(const QDateTime &atUtc);
// The time in a scheduled backup's name; invalid for any other name.
QDateTime timeOf(const QString &fileName);
QStringList toDelete(const QStringList &fileNames, int keepDaily, int keepWeekly);
} // namespace BackupRotation
