// File ▸ Import residents through the real window, offscreen, on SQLite and PostgreSQL:
// a file whose headers need mapping goes through the mapping dialog (preview, mapping,
// dry run that writes nothing, import as a job), the rejected row is listed and saved
// as CSV, and the residents appear in the residents page. Then File ▸ Export residents.
#include "models/db/dbexecutor.h"
#include "models/db/sqlstatement.h"
#include "models/io/csvreader.h"
#include "models/io/csvrecord.h"
#include "tasks/jobengine.h"
#include "tests/support/windowharness.h"
#include "ui/import/csvactions.h"
#include "ui/import/residentimportdialog.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

namespace {
constexpr int kTimeout = 60000;

struct Harness : WindowHarness
{
    qint64 residents()
    {
        SqlStatement st(t->db(), u"SELECT COUNT(*) FROM residents"_s);
        return st.exec() && st.next() ? st.value(0).toLongLong() : -1;
    }
};

bool select(QComboBox *combo, const QString &text)
{
    const int index = combo ? combo->findText(text) : -1;
    if (index < 0)
        return false;
    combo->setCurrentIndex(index);
    return true;
}
} // namespace

class TestImportGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"Residesk"_s);
        QCoreApplication::setApplicationName(u"Residesk"_s);
    }

    void mapCheckImportAndSeeTheResidents()
    {
        Harness h;
        QString error;
        QVERIFY2(h.createServices(&error) && h.openOnResidents(&error), qPrintable(error));
        MainWindow &w = *h.window;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"registrar.csv"_s);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("Matrikel;Vorname;Nachname;E-Mail;Phone;Bemerkung\n"
                       "M-001;Ana;Lopez;ana@example.edu;+34 612 345 678;x\n"
                       "M-002;Ben;Ng;ben@example.edu;;y\n"
                       "M-003;Chloé;Martin;chloe@example.edu;;\n"
                       "M-004;Dan;Ortiz;not-an-address;;z\n");
        }

        auto *csv = w.findChild<CsvActions *>(u"csvActions"_s);
        QVERIFY(csv);
        QPointer<ResidentImportDialog> dialog = csv->openImport(path);
        QVERIFY(dialog);
        // The preview (read on a worker thread): the header and the first rows, with their
        // line numbers.
        auto *preview = dialog->findChild<QTableWidget *>(u"previewTable"_s);
        QVERIFY(preview);
        QTRY_COMPARE_WITH_TIMEOUT(preview->columnCount(), 6, kTimeout);
        QCOMPARE(preview->rowCount(), 4);
        QCOMPARE(preview->horizontalHeaderItem(0)->text(), u"Matrikel"_s);
        QCOMPARE(preview->item(2, 1)->text(), u"Chloé"_s);
        QCOMPARE(preview->verticalHeaderItem(0)->text(), u"2"_s);

        // Phone matched by name; the others need mapping, and Import is refused until then.
        const auto combo = [&](const char *key) {
            return dialog->findChild<QComboBox *>(u"mapping_"_s + QLatin1String(key));
        };
        QCOMPARE(combo("phone")->currentText(), u"Phone"_s);
        QCOMPARE(combo("student_id")->currentData().toString(), QString());
        auto *check = dialog->findChild<QPushButton *>(u"dryRunButton"_s);
        auto *summary = dialog->findChild<QLabel *>(u"summaryLabel"_s);
        QSignalSpy checked(dialog.data(), &ResidentImportDialog::dryRunFinished);
        // (The signals may come before the click returns: the work can finish at once.)
        QTest::mouseClick(check, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 1, kTimeout);
        QVERIFY2(
            summary->text().contains(u"the file has no column student_id, first_name, last_name, email"_s),
            qPrintable(summary->text()));

        QVERIFY(select(combo("student_id"), u"Matrikel"_s));
        QVERIFY(select(combo("first_name"), u"Vorname"_s));
        QVERIFY(select(combo("last_name"), u"Nachname"_s));
        QVERIFY(select(combo("email"), u"E-Mail"_s));

        // The dry run: counts, the rejected row, nothing written.
        QTest::mouseClick(check, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 2, kTimeout);
        QVERIFY2(summary->text().contains(u"3 to create, 0 to update, 0 unchanged, 1 rejected"_s),
                 qPrintable(summary->text()));
        auto *rejected = dialog->findChild<QTableWidget *>(u"rejectedTable"_s);
        QCOMPARE(rejected->rowCount(), 1);
        QCOMPARE(rejected->item(0, 0)->data(Qt::DisplayRole).toLongLong(), 5);
        QCOMPARE(rejected->item(0, 1)->text(),
                 u"line 5: The e-mail address \"not-an-address\" is not valid."_s);
        QCOMPARE(h.residents(), 0);

        // Import: a job, followed to its end.
        QSignalSpy imported(dialog.data(), &ResidentImportDialog::importFinished);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"importButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(imported.count(), 1, kTimeout);
        QVERIFY2(summary->text().contains(u"Imported: 3 created, 0 updated, 0 unchanged, 1 rejected."_s),
                 qPrintable(summary->text()));
        QVERIFY(dialog->jobId() > 0);
        QCOMPARE(rejected->rowCount(), 1);
        QCOMPARE(h.residents(), 3);

        // The rejected rows saved as CSV: line, reason, then the row as the file had it.
        const QString saved = dir.filePath(u"rejected.csv"_s);
        dialog->saveRejectedTo(saved);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(saved), kTimeout);
        QFile savedFile(saved);
        QVERIFY(savedFile.open(QIODevice::ReadOnly));
        CsvReader reader(&savedFile);
        CsvRecord record;
        QVERIFY(reader.readNext(record));
        QCOMPARE(record.field(2), u"Matrikel"_s);
        QVERIFY(reader.readNext(record));
        QCOMPARE(record.fields(),
                 (QStringList{u"5"_s, u"line 5: The e-mail address \"not-an-address\" is not valid."_s,
                              u"M-004"_s, u"Dan"_s, u"Ortiz"_s, u"not-an-address"_s, QString(), u"z"_s}));

        // The residents page shows them (it reloads on the import's change event).
        QWidget *page = w.findChild<QWidget *>(u"residentsPage"_s);
        QVERIFY(page);
        auto *view = page->findChild<QTableView *>(u"tableView"_s);
        QVERIFY(view);
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 3, kTimeout);
        QStringList ids;
        for (int r = 0; r < 3; ++r)
            ids.append(view->model()->index(r, 0).data().toString());
        ids.sort();
        QCOMPARE(ids, (QStringList{u"M-001"_s, u"M-002"_s, u"M-003"_s}));
        dialog->close();

        // File ▸ Export residents, off the GUI thread, with a status message at the end.
        const QString exported = dir.filePath(u"export.csv"_s);
        QSignalSpy exportDone(csv, &CsvActions::exportFinished);
        csv->exportTo(CsvExporter::Table::Residents, exported);
        QTRY_COMPARE_WITH_TIMEOUT(exportDone.count(), 1, kTimeout);
        QCOMPARE(exportDone.first().first().toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(w.statusBar()->currentMessage().contains(u"Exported 3 residents"_s),
                                 kTimeout);
        QFile exportFile(exported);
        QVERIFY(exportFile.open(QIODevice::ReadOnly));
        QCOMPARE(exportFile.readLine(),
                 "student_id,first_name,last_name,email,phone,status,contact_by,language\r\n"_ba);
        QCOMPARE(exportFile.readLine(), "M-001,Ana,Lopez,ana@example.edu,+34612345678,active,email,\r\n"_ba);
    }
};

QTEST_MAIN(TestImportGui)
#include "tst_importgui.moc"
