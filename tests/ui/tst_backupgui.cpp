// Backups in the real main window, offscreen, on SQLite and PostgreSQL: Settings ▸
// Scheduled backups… shows and saves the schedule that `residesk backup schedule` and
// the workers share (the recurring job), refuses a folder that is not one and leaves
// the stored schedule as it was; Tools ▸ Back up now… queues a backup job that the
// window's own engine runs into the chosen file.
#include "tasks/backup/backuptasks.h"
#include "tasks/jobstore.h"
#include "tests/support/windowharness.h"
#include "ui/backup/backupscheduledialog.h"
#include "ui/backup/backupui.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QCheckBox>
#include <QCoroTask>
#include <QFileInfo>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>

using namespace Qt::StringLiterals;

namespace {

std::optional<BackupTasks::Schedule> storedSchedule(Database &db)
{
    const Result<QList<RecurringJob>> all = JobStore(db).recurring();
    if (!all)
        return std::nullopt;
    for (const RecurringJob &job : all.value()) {
        if (job.name == BackupTasks::scheduleName())
            return BackupTasks::scheduleFrom(job);
    }
    return BackupTasks::Schedule{};
}

BackupScheduleDialog *openSchedule(WindowHarness &h)
{
    h.child<QAction>(u"actionBackupSchedule"_s)->trigger();
    BackupScheduleDialog *dialog = nullptr;
    QTest::qWaitFor(
        [&] {
            for (BackupScheduleDialog *d : h.window->findChildren<BackupScheduleDialog *>())
                if (d->isVisible())
                    dialog = d;
            return dialog != nullptr;
        },
        WindowHarness::kTimeoutMs);
    return dialog;
}

} // namespace

class TestBackupGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"Residesk"_s);
        QCoreApplication::setApplicationName(u"Residesk"_s);
    }

    void scheduleSavedAndRefused()
    {
        WindowHarness h;
        QString error;
        QVERIFY2(h.start(&error), qPrintable(error));
        QVERIFY(h.child<QAction>(u"actionBackupSchedule"_s)->isVisible());
        QTemporaryDir folder;
        QVERIFY(folder.isValid());

        BackupScheduleDialog *dialog = openSchedule(h);
        QVERIFY(dialog);
        // Loaded: "Loading…" gives way to nothing.
        QTRY_VERIFY_WITH_TIMEOUT(dialog->status().isEmpty(), WindowHarness::kTimeoutMs);
        QVERIFY(!dialog->enabledBox()->isChecked());
        QVERIFY(!dialog->folderEdit()->isEnabled());

        // On, with a folder that is not one: refused, said, nothing stored.
        dialog->enabledBox()->setChecked(true);
        QVERIFY(dialog->folderEdit()->isEnabled());
        dialog->folderEdit()->setText(folder.filePath(u"missing"_s));
        QVERIFY(!QCoro::waitFor(dialog->save()));
        QVERIFY2(dialog->status().contains(u"missing"_s) && dialog->status().contains(u"not a folder"_s),
                 qPrintable(dialog->status()));
        QVERIFY(dialog->isVisible());
        QCOMPARE(storedSchedule(h.t->db())->enabled, false);

        // A real folder, a time and what to keep: stored as the command line reads it.
        dialog->folderEdit()->setText(folder.path());
        dialog->timeEdit()->setTime(QTime(3, 15));
        dialog->keepDailyBox()->setValue(5);
        dialog->keepWeeklyBox()->setValue(2);
        QVERIFY2(QCoro::waitFor(dialog->save()), qPrintable(dialog->status()));
        const std::optional<BackupTasks::Schedule> s = storedSchedule(h.t->db());
        QVERIFY(s);
        QVERIFY(s->enabled);
        QCOMPARE(QFileInfo(s->folder).canonicalFilePath(), QFileInfo(folder.path()).canonicalFilePath());
        QCOMPARE(s->time, QTime(3, 15));
        QCOMPARE(s->keepDaily, 5);
        QCOMPARE(s->keepWeekly, 2);
        dialog->reject();

        // Opened again: what was stored.
        dialog = openSchedule(h);
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->status().isEmpty(), WindowHarness::kTimeoutMs);
        QVERIFY(dialog->enabledBox()->isChecked());
        QCOMPARE(dialog->timeEdit()->time(), QTime(3, 15));
        QCOMPARE(dialog->keepDailyBox()->value(), 5);
        QCOMPARE(dialog->keepWeeklyBox()->value(), 2);
        // Off again.
        dialog->enabledBox()->setChecked(false);
        QVERIFY2(QCoro::waitFor(dialog->save()), qPrintable(dialog->status()));
        QCOMPARE(storedSchedule(h.t->db())->enabled, false);
        dialog->reject();
    }

    void backUpNowRunsOnTheWindowsEngine()
    {
        WindowHarness h;
        QString error;
        QVERIFY2(h.start(&error), qPrintable(error));
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const QString path = folder.filePath(u"office.rdb"_s);
        auto *backup = h.window->findChild<BackupUi *>(u"backupUi"_s);
        QVERIFY(backup);
        QSignalSpy queued(backup, &BackupUi::queued);
        QCoro::waitFor(backup->queueBackup(path));
        QCOMPARE(queued.size(), 1);
        const qint64 id = queued.at(0).at(0).toLongLong();
        QTRY_VERIFY_WITH_TIMEOUT(JobStore(h.t->db()).get(id).value().isFinished(), WindowHarness::kTimeoutMs);
        const Job job = JobStore(h.t->db()).get(id).value();
        QVERIFY2(job.state == JobState::Succeeded, qPrintable(job.error));
        QVERIFY(QFileInfo(path).size() > 0);
    }
};

QTEST_MAIN(TestBackupGui)
#include "tst_backupgui.moc"
