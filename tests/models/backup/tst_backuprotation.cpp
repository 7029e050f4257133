// Which scheduled backups rotation keeps: data-driven over folders of names.
#include "models/backup/backuprotation.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestBackupRotation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesRoundTrip()
    {
        const QDateTime t(QDate(2026, 12, 7), QTime(2, 30, 5), Qt::UTC);
        QCOMPARE(BackupRotation::fileName(t), u"residesk-20261207-023005.rdb"_s);
        QCOMPARE(BackupRotation::timeOf(BackupRotation::fileName(t)), t);
        QVERIFY(!BackupRotation::timeOf(u"residesk-20261207-023005.rdb.part"_s).isValid());
        QVERIFY(!BackupRotation::timeOf(u"notes.txt"_s).isValid());
    }

    void toDelete_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<int>("daily");
        QTest::addColumn<int>("weekly");
        QTest::addColumn<QStringList>("gone");
        const auto n = [](const char *stamp) { return u"residesk-%1.rdb"_s.arg(QLatin1String(stamp)); };

        QTest::newRow("nothing to rotate") << QStringList{n("20261207-023000")} << 7 << 4 << QStringList{};
        QTest::newRow("older days beyond the daily count")
            << QStringList{n("20261207-023000"), n("20261206-023000"), n("20261205-023000"), n("20261204-023000")}
            << 2 << 0 << QStringList{n("20261205-023000"), n("20261204-023000")};
        QTest::newRow("two on one day: the newer kept")
            << QStringList{n("20261207-120000"), n("20261207-023000"), n("20261206-023000")} << 7 << 0
            << QStringList{n("20261207-023000")};
        // 2026-12-07 is a Monday (week 50); 12-06 Sunday and 11-30 Monday (week 49);
        // 11-23 (week 48); 11-16 (week 47).
        QTest::newRow("weekly keeps the newest of each week")
            << QStringList{n("20261207-023000"), n("20261206-023000"), n("20261130-023000"), n("20261123-023000"),
                           n("20261116-023000")}
            << 1 << 3 << QStringList{n("20261130-023000"), n("20261116-023000")};
        QTest::newRow("other files are never touched")
            << QStringList{u"notes.txt"_s, u"office.rdb"_s, n("20261207-023000"), n("20261201-023000")} << 1 << 0
            << QStringList{n("20261201-023000")};
        QTest::newRow("the newest is always kept") << QStringList{n("20261207-023000"), n("20261206-023000")} << 1 << 0
                                                   << QStringList{n("20261206-023000")};
        QTest::newRow("order of the listing does not matter")
            << QStringList{n("20261205-023000"), n("20261207-023000"), n("20261206-023000")} << 2 << 0
            << QStringList{n("20261205-023000")};
        QTest::newRow("a year's boundary: ISO weeks")
            << QStringList{n("20270104-010000"), n("20270103-010000"), n("20261228-010000")} << 1 << 2
            << QStringList{n("20261228-010000")};
    }

    void toDelete()
    {
        QFETCH(QStringList, files);
        QFETCH(int, daily);
        QFETCH(int, weekly);
        QFETCH(QStringList, gone);
        QStringList actual = BackupRotation::toDelete(files, daily, weekly);
        actual.sort();
        gone.sort();
        QCOMPARE(actual, gone);
    }
};

QTEST_GUILESS_MAIN(TestBackupRotation)
#include "tst_backuprotation.moc"
