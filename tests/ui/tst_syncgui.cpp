// The registrar sync in the real window (offscreen) on both backends: Settings ▸
// Registrar sync… saves the URL and queues a sync (Sync now) that a local HTTP server
// answers; the Residents page's "Not in registrar export…" lists the resident a later
// export left out, and Clear flag marks it reviewed.
#include "models/db/sqlstatement.h"
#include "tasks/jobstore.h"
#include "tests/support/registrarserver.h"
#include "tests/support/windowharness.h"
#include "ui/sync/registrarflagsdialog.h"
#include "ui/sync/registrarsyncdialog.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QPointer>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QByteArray rows(std::initializer_list<int> numbers)
{
    QByteArray file = "student_id,first_name,last_name,email\n";
    for (int n : numbers) {
        const QByteArray s = QByteArray::number(n);
        file += "S" + s + ",First" + s + ",Last" + s + ",s" + s + "@example.edu\n";
    }
    return file;
}
} // namespace

class TestSyncGui : public QObject
{
    Q_OBJECT

private:
    static qint64 scalar(Database &db, const QString &sql)
    {
        SqlStatement st(db, sql);
        return st.exec() && st.next() ? st.value(0).toLongLong() : -1;
    }

    // Opens Settings ▸ Registrar sync…, enters `url` and presses Sync now; waits for the job.
    static void syncThroughTheDialog(WindowHarness &h, const QString &url)
    {
        auto *action = h.child<QAction>(u"actionRegistrarSyncSettings"_s);
        QVERIFY(action);
        QVERIFY(action->isVisible());
        action->trigger();
        RegistrarSyncDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = h.window->findChild<RegistrarSyncDialog *>()) != nullptr, 10000);
        auto *edit = dialog->findChild<QLineEdit *>(u"url"_s);
        QTRY_VERIFY_WITH_TIMEOUT(edit->isEnabled() && dialog->findChild<QPushButton *>(u"syncNow"_s)->isEnabled(),
                                 WindowHarness::kTimeoutMs);
        QPointer<QLabel> status = dialog->findChild<QLabel *>(u"status"_s);
        QVERIFY(status);
        QSignalSpy queued(dialog, &RegistrarSyncDialog::queued);
        edit->setText(url);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"syncNow"_s), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(queued.size() == 1, qPrintable(status->text()), WindowHarness::kTimeoutMs);
        const qint64 id = queued.at(0).at(0).toLongLong();
        QTRY_VERIFY_WITH_TIMEOUT(JobStore(h.t->db()).get(id)->isFinished(), WindowHarness::kTimeoutMs);
        const Job job = JobStore(h.t->db()).get(id).value();
        QVERIFY2(job.state == JobState::Succeeded, qPrintable(job.error));
        QPointer<RegistrarSyncDialog> gone(dialog);
        dialog->close(); // deleted on close, later
        QTRY_VERIFY(!gone);
    }

private Q_SLOTS:
    void settingsSyncAndReview()
    {
        RegistrarServer server;
        QString error;
        QVERIFY(server.put(u"r.csv"_s, rows({1, 2, 3})));
        QVERIFY2(server.start(&error), qPrintable(error));
        WindowHarness h;
        QVERIFY2(h.start(&error), qPrintable(error));
        QVERIFY(SqlStatement::run(h.t->db(), u"DELETE FROM residents"_s));

        syncThroughTheDialog(h, server.url(u"r.csv"_s));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(scalar(h.t->db(), u"SELECT COUNT(*) FROM residents"_s), 3);
        QCOMPARE(scalar(h.t->db(), u"SELECT COUNT(*) FROM registrar_sync_settings WHERE url <> ''"_s), 1);

        QVERIFY(server.put(u"r.csv"_s, rows({1, 2})));
        syncThroughTheDialog(h, server.url(u"r.csv"_s));
        if (QTest::currentTestFailed())
            return;

        QVERIFY(h.showPage(u"Residents"_s));
        auto *action = h.child<QAction>(u"actionResidentsNotInExport"_s);
        QVERIFY(action);
        action->trigger();
        RegistrarFlagsDialog *flags = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((flags = h.window->findChild<RegistrarFlagsDialog *>()) != nullptr, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(flags->table()->rowCount(), 1, WindowHarness::kTimeoutMs);
        QCOMPARE(flags->table()->item(0, 0)->text(), u"S3"_s);
        flags->table()->selectRow(0);
        QVERIFY(flags->clearButton()->isEnabled());
        QTest::mouseClick(flags->clearButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(flags->table()->rowCount(), 0, WindowHarness::kTimeoutMs);
        QCOMPARE(scalar(h.t->db(), u"SELECT COUNT(*) FROM registrar_flags WHERE reviewed_at IS NOT NULL"_s), 1);
        QCOMPARE(scalar(h.t->db(), u"SELECT COUNT(*) FROM residents"_s), 3); // nobody deleted
        flags->close();
    }
};

QTEST_MAIN(TestSyncGui)
#include "tst_syncgui.moc"
