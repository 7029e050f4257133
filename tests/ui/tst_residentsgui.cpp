// The residents page driven through the real window and dialogs, offscreen, on
// SQLite and PostgreSQL: create (with an inline validation error first), edit,
// undo / redo, delete with confirmation and its undo (then the edit's and the
// creation's), and a conflicting edit.

#include "models/db/connectionmonitor.h"
#include "models/db/dbexecutor.h"
#include "models/db/events.h"
#include "models/db/migrator.h"
#include "models/db/sqlstatement.h"
#include "models/housing/residentrepository.h"
#include "models/itemmodels/recordtablemodel.h"
#include "tasks/taskregistry.h"
#include "tests/support/testdatabase.h"
#include "ui/dialogs/residentdialog.h"
#include "ui/mainwindow.h"
#include "ui/pages/recordpage.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <memory>

namespace {
constexpr int kTimeout = 15000;

// Owns the services in the order the composition root does: database, executor,
// monitor, event bus, window (destroyed in reverse). No job engine here.
struct Harness
{
    std::unique_ptr<TestDatabase> t;
    std::unique_ptr<DbExecutor> executor;
    std::unique_ptr<ConnectionMonitor> monitor;
    TaskRegistry tasks;
    std::unique_ptr<EventBus> events;
    std::unique_ptr<MainWindow> window;

    void makeWindow(const Actor &actor)
    {
        executor = std::make_unique<DbExecutor>(t->db());
        monitor = std::make_unique<ConnectionMonitor>(*executor);
        events = std::make_unique<EventBus>(t->db());
        window = std::make_unique<MainWindow>(WindowServices{.executor = *executor,
                                                             .monitor = *monitor,
                                                             .events = *events,
                                                             .engine = nullptr,
                                                             .tasks = tasks,
                                                             .actor = actor});
    }

    ~Harness()
    {
        window.reset();
        events.reset();
        monitor.reset();
        if (executor)
            executor->waitForDone();
        executor.reset();
    }
};

Actor tester()
{
    return Actor{QStringLiteral("tester"), Actor::Role::Admin};
}

QTableView *residentsView(MainWindow &w)
{
    QWidget *page = w.findChild<QWidget *>(QStringLiteral("residentsPage"));
    return page ? page->findChild<QTableView *>(QStringLiteral("tableView")) : nullptr;
}

QLineEdit *field(QWidget *dialog, const char *key)
{
    return dialog->findChild<QLineEdit *>(QStringLiteral("field_") + QLatin1String(key));
}

void retype(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

// With RESIDESK_SCREENSHOT_DIR set, saves a picture of the widget there (for reviewing the look).
void screenshot(QWidget *widget, const char *name)
{
    const QString dir = qEnvironmentVariable("RESIDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png"));
}

bool activate(QWidget &w)
{
    w.activateWindow();
    return QTest::qWaitForWindowActive(&w);
}
} // namespace

class TestResidentsGui : public QObject
{
    Q_OBJECT

private:
    // Builds the window on a fresh database and waits for the residents page.
    bool startWindow(Harness &h, QString *error);
    Result<Resident> stored(Harness &h, const QString &studentId)
    {
        return ResidentRepository(h.t->db(), tester()).findByStudentId(studentId);
    }

private Q_SLOTS:
    void initTestCase();
    void firstStartOnAnEmptyDatabase();
    void createEditUndoDelete();
    void conflictingEditOverwrites();
    void dialogSavesTheLanguage();
};

void TestResidentsGui::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Residesk"));
    QCoreApplication::setApplicationName(QStringLiteral("Residesk"));
}

// The composition root shows the window before the schema exists (a fresh install
// migrates in the background): no page may query the database before start().
void TestResidentsGui::firstStartOnAnEmptyDatabase()
{
    Harness h;
    QString error;
    h.t = TestDatabase::create(&error, /*migrate=*/false);
    QVERIFY2(h.t, qPrintable(error));
    h.makeWindow(tester());
    MainWindow &w = *h.window;
    const QList<RecordTableModel *> models = w.findChildren<RecordTableModel *>();
    QVERIFY(models.size() >= 3);
    QList<std::shared_ptr<QSignalSpy>> failures;
    for (RecordTableModel *model : models)
        failures.append(std::make_shared<QSignalSpy>(model, &RecordTableModel::loadFailed));
    QSignalSpy shown(&w, &MainWindow::residentsShown);
    w.findChild<QListWidget *>(QStringLiteral("sidebar"))->setCurrentRow(3); // Residents
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTest::qWait(300); // the event loop runs with the window shown and no schema yet

    const Result<int> migrated = Migrator(h.t->db()).migrate();
    QVERIFY2(migrated, qPrintable(migrated.error().text()));
    w.start();
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, kTimeout);
    for (const auto &spy : std::as_const(failures))
        QCOMPARE(spy->count(), 0);
    const QLabel *count = w.findChild<QWidget *>(QStringLiteral("residentsPage"))
                              ->findChild<QLabel *>(QStringLiteral("countLabel"));
    QVERIFY(count);
    QVERIFY2(!count->text().contains(QStringLiteral("could not")), qPrintable(count->text()));
}

bool TestResidentsGui::startWindow(Harness &h, QString *error)
{
    h.t = TestDatabase::create(error);
    if (!h.t)
        return false;
    h.makeWindow(tester());
    MainWindow &w = *h.window;
    w.findChild<QListWidget *>(QStringLiteral("sidebar"))->setCurrentRow(3); // Residents
    QSignalSpy shown(&w, &MainWindow::residentsShown);
    w.show();
    if (!QTest::qWaitForWindowExposed(&w)) {
        *error = QStringLiteral("window not exposed");
        return false;
    }
    w.start();
    if (!QTest::qWaitFor([&] { return shown.count() == 1; }, kTimeout)) {
        *error = QStringLiteral("residentsShown() not emitted");
        return false;
    }
    return true;
}

void TestResidentsGui::createEditUndoDelete()
{
    Harness h;
    QString error;
    QVERIFY2(startWindow(h, &error), qPrintable(error));
    MainWindow &w = *h.window;
    QTableView *view = residentsView(w);
    QVERIFY(view);
    QCOMPARE(view->model()->rowCount(), 0);
    // An empty list says what to do first.
    auto *page = w.findChild<RecordPage *>(QStringLiteral("residentsPage"));
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(page->emptyListText().startsWith(QStringLiteral("No residents yet")), kTimeout);

    // New resident (Ctrl+N) through the dialog.
    QVERIFY(activate(w));
    QTest::keyClick(&w, Qt::Key_N, Qt::ControlModifier);
    QPointer<ResidentDialog> dialog;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = w.findChild<ResidentDialog *>()) && dialog->isVisible(), kTimeout);
    QVERIFY(dialog->isNew());
    QTest::keyClicks(field(dialog, "student_id"), QStringLiteral("S1001"));
    QTest::keyClicks(field(dialog, "first_name"), QStringLiteral("Ana"));
    QTest::keyClicks(field(dialog, "last_name"), QStringLiteral("Lopez"));
    QTest::keyClicks(field(dialog, "email"), QStringLiteral("ana@"));

    // The invalid e-mail shows inline as it is typed, and Save keeps the dialog open.
    auto *emailError = dialog->findChild<QLabel *>(QStringLiteral("error_email"));
    QVERIFY(emailError);
    QVERIFY(emailError->isVisible());
    QVERIFY(!emailError->text().isEmpty());
    QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("error_first_name"))->isVisible());
    screenshot(dialog, "resident-dialog-invalid");
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveButton"));
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(dialog && dialog->isVisible());
    QTest::qWait(200);
    QVERIFY(dialog && dialog->isVisible());
    QCOMPARE(stored(h, QStringLiteral("S1001")).error().code, DbError::Code::NotFound);
    QCOMPARE(field(dialog, "first_name")->text(), QStringLiteral("Ana")); // nothing typed is lost

    retype(field(dialog, "email"), QStringLiteral("ana@example.edu"));
    QVERIFY(!emailError->isVisible());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(stored(h, QStringLiteral("S1001")).ok(), kTimeout);
    QCOMPARE(stored(h, QStringLiteral("S1001"))->email, QStringLiteral("ana@example.edu"));
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, kTimeout);
    // The new resident is the current, selected row; the empty-list text is gone.
    QTRY_VERIFY_WITH_TIMEOUT(view->currentIndex().row() == 0 && view->selectionModel()->isRowSelected(0, {}),
                             kTimeout);
    QCOMPARE(page->emptyListText(), QString());

    screenshot(&w, "main-window");

    // Edit through the dialog.
    view->setCurrentIndex(view->model()->index(0, 0));
    w.findChild<QAction *>(QStringLiteral("actionEdit"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT((dialog = w.findChild<ResidentDialog *>()) && dialog->isVisible(), kTimeout);
    QVERIFY(!dialog->isNew());
    QCOMPARE(field(dialog, "first_name")->text(), QStringLiteral("Ana"));
    retype(field(dialog, "first_name"), QStringLiteral("Anna"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(stored(h, QStringLiteral("S1001"))->firstName, QStringLiteral("Anna"),
                              kTimeout);

    // Undo / redo with the keyboard.
    QVERIFY(activate(w));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(stored(h, QStringLiteral("S1001"))->firstName, QStringLiteral("Ana"), kTimeout);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(stored(h, QStringLiteral("S1001"))->firstName, QStringLiteral("Anna"),
                              kTimeout);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(stored(h, QStringLiteral("S1001"))->firstName, QStringLiteral("Ana"), kTimeout);
    QTest::keyClick(view, Qt::Key_Y, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(stored(h, QStringLiteral("S1001"))->firstName, QStringLiteral("Anna"),
                              kTimeout);

    // Delete with confirmation, then undo.
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->index(0, 1).data().toString(), QStringLiteral("Anna"), kTimeout);
    // The table has caught up with the last redo (not an older reload showing the same name).
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->index(0, 0).data(RecordTableModel::VersionRole).toInt(),
                              stored(h, QStringLiteral("S1001"))->version, kTimeout);
    view->setCurrentIndex(view->model()->index(0, 0));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Delete);
    QPointer<QMessageBox> confirm;
    QTRY_VERIFY_WITH_TIMEOUT((confirm = w.findChild<QMessageBox *>(QStringLiteral("deleteConfirmBox"))) &&
                                 confirm->isVisible(),
                             kTimeout);
    QVERIFY2(confirm->text().contains(QStringLiteral("Anna Lopez")), qPrintable(confirm->text()));
    QTest::mouseClick(confirm->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(stored(h, QStringLiteral("S1001")).error().code, DbError::Code::NotFound,
                              kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 0, kTimeout);

    QVERIFY(activate(w));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(stored(h, QStringLiteral("S1001")).ok(), kTimeout);
    QCOMPARE(stored(h, QStringLiteral("S1001"))->firstName, QStringLiteral("Anna"));
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, kTimeout);
    QVERIFY(!w.findChild<QMessageBox *>(QStringLiteral("failureBox")));

    // On down the stack: the edit, then the creation. Each expects the version this
    // window's own last write left (the restore made a new one), not the one its command
    // saw: no "another user changed" refusal with no other user.
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(stored(h, QStringLiteral("S1001"))->firstName, QStringLiteral("Ana"), kTimeout);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(stored(h, QStringLiteral("S1001")).error().code, DbError::Code::NotFound,
                              kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 0, kTimeout);
    QVERIFY(!w.findChild<QMessageBox *>(QStringLiteral("failureBox")));
}

void TestResidentsGui::conflictingEditOverwrites()
{
    Harness h;
    QString error;
    h.t = TestDatabase::create(&error);
    QVERIFY2(h.t, qPrintable(error));
    Resident seed;
    seed.studentId = QStringLiteral("S2002");
    seed.firstName = QStringLiteral("Bo");
    seed.lastName = QStringLiteral("Berg");
    seed.email = QStringLiteral("bo@example.edu");
    const Result<Resident> created = ResidentRepository(h.t->db(), tester()).create(seed);
    QVERIFY2(created.ok(), qPrintable(created.error().text()));

    // startWindow() would make a new database: build the rest by hand on this one.
    h.makeWindow(tester());
    MainWindow &w = *h.window;
    w.findChild<QListWidget *>(QStringLiteral("sidebar"))->setCurrentRow(3);
    QSignalSpy shown(&w, &MainWindow::residentsShown);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.start();
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, kTimeout);
    QTableView *view = residentsView(w);
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, kTimeout);

    view->setCurrentIndex(view->model()->index(0, 0));
    w.findChild<QAction *>(QStringLiteral("actionEdit"))->trigger();
    QPointer<ResidentDialog> dialog;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = w.findChild<ResidentDialog *>()) && dialog->isVisible(), kTimeout);

    // Someone else changes the row on another desktop.
    {
        std::unique_ptr<Database> other = h.t->openAnother();
        Resident theirs = created.value();
        theirs.phone = QStringLiteral("+1 202 555 0100");
        const Result<Resident> updated = ResidentRepository(*other, tester()).update(theirs);
        QVERIFY2(updated.ok(), qPrintable(updated.error().text()));
        other->closeThreadConnection();
    }

    retype(field(dialog, "last_name"), QStringLiteral("Bergman"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QPointer<QMessageBox> box;
    QTRY_VERIFY_WITH_TIMEOUT((box = dialog->findChild<QMessageBox *>(QStringLiteral("conflictBox"))) &&
                                 box->isVisible(),
                             kTimeout);
    QVERIFY2(box->text().contains(QStringLiteral("changed by someone else")), qPrintable(box->text()));
    screenshot(box, "conflict-box");
    QCOMPARE(stored(h, QStringLiteral("S2002"))->lastName, QStringLiteral("Berg"));
    QVERIFY(dialog->isVisible());
    QCOMPARE(field(dialog, "last_name")->text(), QStringLiteral("Bergman"));

    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("overwriteButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(stored(h, QStringLiteral("S2002"))->lastName, QStringLiteral("Bergman"),
                              kTimeout);
    QVERIFY(stored(h, QStringLiteral("S2002"))->version >= 3);
}

// Issue 15: the resident's language (the notices they get) is chosen in the dialog,
// stored, shown again, and set back to the office's default.
void TestResidentsGui::dialogSavesTheLanguage()
{
    Harness h;
    QString error;
    QVERIFY2(startWindow(h, &error), qPrintable(error));
    MainWindow &w = *h.window;
    QTableView *view = residentsView(w);
    QVERIFY(view);

    QVERIFY(activate(w));
    QTest::keyClick(&w, Qt::Key_N, Qt::ControlModifier);
    QPointer<ResidentDialog> dialog;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = w.findChild<ResidentDialog *>()) && dialog->isVisible(), kTimeout);
    QTest::keyClicks(field(dialog, "student_id"), QStringLiteral("S3001"));
    QTest::keyClicks(field(dialog, "first_name"), QStringLiteral("Lucia"));
    QTest::keyClicks(field(dialog, "last_name"), QStringLiteral("Gil"));
    QTest::keyClicks(field(dialog, "email"), QStringLiteral("lucia@example.edu"));
    auto *language = dialog->findChild<QComboBox *>(QStringLiteral("field_language"));
    QVERIFY(language);
    // The office's default first (stored as no language), then each language by its own name.
    QCOMPARE(language->count(), 3);
    QCOMPARE(language->currentIndex(), 0);
    QVERIFY(language->itemData(0).toString().isEmpty());
    QCOMPARE(language->itemText(2), QStringLiteral("Español"));
    language->setCurrentIndex(language->findData(QStringLiteral("es")));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(stored(h, QStringLiteral("S3001")).ok(), kTimeout);
    QCOMPARE(stored(h, QStringLiteral("S3001"))->language, QStringLiteral("es"));

    // Opened again, it shows Spanish; back to the default stores no language.
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, kTimeout);
    view->setCurrentIndex(view->model()->index(0, 0));
    w.findChild<QAction *>(QStringLiteral("actionEdit"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT((dialog = w.findChild<ResidentDialog *>()) && dialog->isVisible(), kTimeout);
    language = dialog->findChild<QComboBox *>(QStringLiteral("field_language"));
    QCOMPARE(language->currentData().toString(), QStringLiteral("es"));
    language->setCurrentIndex(0);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(stored(h, QStringLiteral("S3001"))->language.isEmpty(), kTimeout);
    SqlStatement st(h.t->db(), QStringLiteral("SELECT COUNT(*) FROM residents WHERE language IS NULL"));
    QVERIFY(st.exec() && st.next());
    QCOMPARE(st.value(0).toInt(), 1);
}

QTEST_MAIN(TestResidentsGui)
#include "tst_residentsgui.moc"
