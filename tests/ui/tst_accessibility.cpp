// Every control a person can reach in the main window has a name that a screen reader
// can say (an accessible name of its own, its text, or its label's through a buddy), on
// every page and panel; and the pages can be reached from the keyboard alone. The same
// for every dialog and window of the application (ui/**/*dialog*, the maintenance
// request window, the PDF viewer, the report editor, the sign-in dialog, …), each
// opened on demo data: a name for every control, and every control reached by Tab.

#include "models/db/databaseconfig.h"
#include "models/db/sqlstatement.h"
#include "models/housing/allocation/allocation.h"
#include "models/housing/demoseeder.h"
#include "models/lab/labdemoseeder.h"
#include "tasks/bulk/bulktasks.h"
#include "tests/support/windowharness.h"
#include "ui/allocations/allocationdialog.h"
#include "ui/allocations/depositdialog.h"
#include "ui/allocations/waitlistadddialog.h"
#include "ui/backup/backupscheduledialog.h"
#include "ui/bulk/bulkitemsdialog.h"
#include "ui/commands/undocontext.h"
#include "ui/dialogs/buildingdialog.h"
#include "ui/dialogs/residentdialog.h"
#include "ui/dialogs/roomdialog.h"
#include "ui/import/residentimportdialog.h"
#include "ui/lab/clientdialog.h"
#include "ui/lab/labui.h"
#include "ui/lab/reporteditor.h"
#include "ui/lab/workorderdialog.h"
#include "ui/mail/mailsettingsdialog.h"
#include "ui/mail/residentmailingdialog.h"
#include "ui/maintenance/maintenancerequestwindow.h"
#include "ui/maintenance/maintenanceui.h"
#include "ui/maintenance/newmaintenancerequestdialog.h"
#include "ui/maintenance/techniciandialog.h"
#include "ui/maintenance/techniciansdialog.h"
#include "ui/pdf/pdfviewerwindow.h"
#include "ui/reports/reportdialog.h"
#include "ui/signin/signindialog.h"
#include "ui/sms/smssettingsdialog.h"
#include "ui/sync/registrarflagsdialog.h"
#include "ui/sync/registrarsyncdialog.h"
#include "ui/widgets/guidewindow.h"
#include "ui/widgets/shortcutsdialog.h"
#include "ui/widgets/theme.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPainter>
#include <QPdfWriter>
#include <QPointer>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace {

bool interactive(const QWidget *w)
{
    // A spin box's or combo box's own line edit is part of it, which carries the name.
    const QWidget *parent = w->parentWidget();
    if (qobject_cast<const QAbstractSpinBox *>(parent) || qobject_cast<const QComboBox *>(parent))
        return false;
    return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QLineEdit *>(w) ||
           qobject_cast<const QComboBox *>(w) || qobject_cast<const QAbstractSpinBox *>(w) ||
           qobject_cast<const QAbstractItemView *>(w);
}

// Where a widget is, for the failure message: its object names up to the window.
QString pathOf(const QWidget *w)
{
    QStringList names;
    for (const QObject *o = w; o; o = o->parent())
        names.prepend(o->objectName().isEmpty() ? QString::fromLatin1(o->metaObject()->className())
                                                : o->objectName());
    return names.join(u'/');
}

QString nameOf(QWidget *widget)
{
    QAccessibleInterface *face = QAccessible::queryAccessibleInterface(widget);
    return face ? face->text(QAccessible::Name).trimmed() : QString();
}

// Reached by Tab unless it is part of something that is (a line edit's clear button, a
// table's corner button) or
// a tool bar's button (tool bars are reached by their actions' shortcuts and menus, as
// in every Qt application); headers are not controls of their own.
bool tabExempt(const QWidget *w)
{
    if (qobject_cast<const QHeaderView *>(w) || qobject_cast<const QLineEdit *>(w->parentWidget()) ||
        qobject_cast<const QAbstractItemView *>(w->parentWidget())) // a table's corner button
        return true;
    return qobject_cast<const QAbstractButton *>(w) && qobject_cast<const QToolBar *>(w->parentWidget());
}

// The problems of one dialog's visible controls: "<path>: no accessible name" and
// "<path>: not reached by Tab".
QStringList problemsOf(QWidget *top)
{
    QStringList problems;
    for (QWidget *widget : top->findChildren<QWidget *>()) {
        if (!widget->isVisible() || !interactive(widget))
            continue;
        if (widget->focusPolicy() != Qt::NoFocus && nameOf(widget).isEmpty())
            problems << pathOf(widget) + u": no accessible name"_s;
        if (widget->isEnabled() && !(widget->focusPolicy() & Qt::TabFocus) && !tabExempt(widget))
            problems << pathOf(widget) + u": not reached by Tab"_s;
    }
    return problems;
}

// A small real PDF, for the viewer.
QByteArray samplePdf()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        QPainter painter(&writer);
        painter.drawText(200, 200, u"Accessibility sample"_s);
    }
    return buffer.data();
}

qint64 firstId(Database &db, const QString &table)
{
    SqlStatement st(db, u"SELECT MIN(id) FROM "_s + table);
    return st.exec() && st.next() ? st.value(0).toLongLong() : 0;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyControlHasAName()
    {
        WindowHarness h;
        h.diagnostics = true;
        QString error;
        QVERIFY2(h.start(&error), qPrintable(error));
        MainWindow &w = *h.window;
        w.setRights({true, true, true});
        for (QDockWidget *dock : w.findChildren<QDockWidget *>())
            dock->show();
        auto *sidebar = h.child<QListWidget>(u"sidebar"_s);
        auto *stack = h.child<QStackedWidget>(u"pageStack"_s);
        QVERIFY(sidebar && stack);

        QStringList unnamed;
        const auto walk = [&unnamed](const QWidget *top) {
            for (QWidget *widget : top->findChildren<QWidget *>()) {
                if (!widget->isVisible() || !interactive(widget) || widget->focusPolicy() == Qt::NoFocus)
                    continue;
                QAccessibleInterface *face = QAccessible::queryAccessibleInterface(widget);
                const QString name = face ? face->text(QAccessible::Name).trimmed() : QString();
                if (name.isEmpty() && !unnamed.contains(pathOf(widget)))
                    unnamed << pathOf(widget);
            }
        };
        auto *newAction = h.child<QAction>(u"actionNew"_s);
        QVERIFY(newAction);
        for (int row = 0; row < stack->count(); ++row) {
            sidebar->setCurrentRow(row);
            QCoreApplication::processEvents();
            walk(&w);
            // The page's New dialog too (buildings, rooms, residents, allocations).
            if (!newAction->isEnabled())
                continue;
            const QList<QDialog *> before = w.findChildren<QDialog *>();
            newAction->trigger();
            QDialog *dialog = nullptr;
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    for (QDialog *d : w.findChildren<QDialog *>())
                        if (d->isVisible() && !before.contains(d))
                            dialog = d;
                    return dialog != nullptr;
                }(),
                WindowHarness::kTimeoutMs);
            walk(dialog);
            dialog->close();
            QCoreApplication::processEvents();
        }
        for (const QString &path : std::as_const(unnamed))
            qWarning("no accessible name: %s", qPrintable(path));
        QVERIFY2(unnamed.isEmpty(),
                 qPrintable(u"%1 controls have no accessible name (listed above)"_s.arg(unnamed.size())));
    }

    void everyDialogHasNamesAndTabStops()
    {
        WindowHarness h;
        QString error;
        QVERIFY2(h.createServices(&error, std::nullopt), qPrintable(error));
        Database &db = h.t->db();
        DemoSeeder::Options housing;
        housing.residents = 40;
        QVERIFY(DemoSeeder(db, WindowHarness::tester()).seed(housing));
        LabDemoSeeder::Options lab;
        lab.protocols = 20;
        QVERIFY(LabDemoSeeder(db, WindowHarness::tester()).seed(lab));
        QVERIFY2(h.openWindow(&error), qPrintable(error));
        MainWindow &w = *h.window;
        w.setRights({true, true, true});
        const WindowServices services{.executor = *h.executor,
                                      .monitor = *h.monitor,
                                      .events = *h.events,
                                      .engine = nullptr,
                                      .tasks = h.tasks,
                                      .actor = h.actor};
        auto *context = w.findChild<UndoContext *>();
        auto *maintenance = w.findChild<MaintenanceUi *>(u"maintenanceUi"_s);
        auto *labUi = w.findChild<LabUi *>(u"labUi"_s);
        QVERIFY(context && maintenance && labUi);
        const qint64 requestId = firstId(db, u"maintenance_requests"_s);
        const qint64 clientId = firstId(db, u"clients"_s);
        const qint64 workOrderId = firstId(db, u"work_orders"_s);
        const qint64 reportId = firstId(db, u"reports"_s);
        QVERIFY(requestId > 0 && clientId > 0 && workOrderId > 0 && reportId > 0);
        // A bulk change of two protocols, queued (no engine runs it): its items dialog.
        const Result<BulkTasks::Queued> bulk = BulkTasks::enqueueTransition(
            db, WindowHarness::tester(),
            BulkTasks::transitionRequest(Protocol::State::Received,
                                         {firstId(db, u"protocols"_s), firstId(db, u"protocols"_s) + 1}));
        QVERIFY(bulk);
        QTemporaryDir dir;
        const QString csv = dir.filePath(u"residents.csv"_s);
        {
            QFile file(csv);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("student_id,first_name,last_name,email\nS9001,Ana,Ruiz,ana@example.edu\n");
        }
        const Result<DatabaseConfig> remote =
            DatabaseConfig::parse(u"postgresql://ann@db.example.edu:5432/residesk"_s);
        QVERIFY(remote);

        // Each: how to make it, and the signal that says it has loaded (if it loads). A
        // dialog whose read finished before its constructor awaited it has said so
        // already (QCoro goes on at once): the wait for the signal is bounded and not an
        // assertion; the controls are all made by the constructors, loading fills them.
        struct Case
        {
            QString name;
            std::function<QWidget *()> make;
            const char *loaded = nullptr;
        };
        const QList<Case> cases{
            {u"BuildingDialog"_s,
             [&] {
                 return new BuildingDialog(*context, Building{}, &w);
             }},
            {u"RoomDialog"_s,
             [&] {
                 return new RoomDialog(*context, Room{}, &w);
             }},
            {u"ResidentDialog"_s,
             [&] {
                 return new ResidentDialog(*context, Resident{}, &w);
             }},
            {u"AllocationDialog"_s,
             [&] {
                 return new AllocationDialog(*context, Allocation{}, &w);
             }},
            {u"WaitlistAddDialog"_s,
             [&] {
                 return new WaitlistAddDialog(*context, &w);
             }},
            {u"DepositDialog (require)"_s,
             [&] {
                 return new DepositDialog(DepositDialog::Mode::Require, u"Allocation 1"_s, &w);
             }},
            {u"DepositDialog (payment)"_s,
             [&] {
                 return new DepositDialog(DepositDialog::Mode::Payment, u"Allocation 1"_s, &w);
             }},
            {u"BackupScheduleDialog"_s, [&] { return new BackupScheduleDialog(services, &w); },
             SIGNAL(loaded())},
            {u"BulkItemsDialog"_s, [&] { return new BulkItemsDialog(*h.executor, h.actor, bulk->jobId, &w); },
             SIGNAL(loaded())},
            {u"ResidentImportDialog"_s,
             [&] {
                 return new ResidentImportDialog(*h.executor, nullptr, h.actor, csv, &w);
             }},
            {u"MailSettingsDialog"_s,
             [&] {
                 return new MailSettingsDialog(services, &w);
             }},
            {u"ResidentMailingDialog"_s,
             [&] {
                 return new ResidentMailingDialog(services, &w);
             }},
            {u"SmsSettingsDialog"_s,
             [&] {
                 return new SmsSettingsDialog(services, &w);
             }},
            {u"RegistrarFlagsDialog"_s, [&] { return new RegistrarFlagsDialog(services, &w); },
             SIGNAL(loaded(int))},
            {u"RegistrarSyncDialog"_s, [&] { return new RegistrarSyncDialog(services, &w); },
             SIGNAL(loaded())},
            {u"NewMaintenanceRequestDialog"_s,
             [&] {
                 return new NewMaintenanceRequestDialog(*maintenance, &w);
             }},
            {u"MaintenanceRequestWindow"_s,
             [&] {
                 return new MaintenanceRequestWindow(*maintenance, requestId, &w);
             }},
            {u"TechniciansDialog"_s, [&] { return new TechniciansDialog(*h.executor, h.actor, &w); },
             SIGNAL(loaded())},
            {u"TechnicianDialog"_s,
             [&] {
                 return new TechnicianDialog(*h.executor, h.actor, 0, &w);
             }},
            {u"ClientDialog"_s, [&] { return new ClientDialog(*h.executor, h.actor, clientId, &w); },
             SIGNAL(loaded())},
            {u"WorkOrderDialog"_s, [&] { return new WorkOrderDialog(*context, workOrderId, &w); },
             SIGNAL(loaded())},
            {u"ReportEditor"_s, [&] { return new ReportEditor(*labUi, reportId, &w); }, SIGNAL(loaded())},
            {u"PdfViewerWindow"_s,
             [&] {
                 return new PdfViewerWindow(samplePdf(), u"Sample"_s, &w);
             }},
            {u"ReportDialog"_s,
             [&] {
                 return new ReportDialog({u"occupancy"_s, u"maintenance"_s, u"turnaround"_s}, u"occupancy"_s,
                                         &w);
             }},
            {u"SignInDialog"_s,
             [&] {
                 return new SignInDialog(remote.value(), &w);
             }},
            {u"GuideWindow"_s,
             [&] {
                 return new GuideWindow(&w);
             }},
            {u"ShortcutsDialog"_s,
             [&] {
                 return new ShortcutsDialog(w.menuBar(), &w);
             }},
        };
        QStringList problems;
        for (const Case &c : cases) {
            QPointer<QWidget> dialog = c.make();
            QVERIFY2(dialog, qPrintable(c.name));
            std::unique_ptr<QSignalSpy> loaded;
            if (c.loaded)
                loaded = std::make_unique<QSignalSpy>(dialog.data(), c.loaded);
            dialog->show();
            QVERIFY2(QTest::qWaitForWindowExposed(dialog), qPrintable(c.name));
            // Some load before the constructor returns (their signal came already): the
            // controls exist from construction either way, so the wait is not checked.
            if (loaded)
                (void)QTest::qWaitFor([&loaded] { return loaded->count() > 0; }, 5000);
            QCoreApplication::processEvents();
            for (const QString &problem : problemsOf(dialog))
                problems << c.name + u": "_s + problem;
            dialog->close();
            delete dialog.data();
            QCoreApplication::processEvents();
        }
        for (const QString &problem : std::as_const(problems))
            qWarning("%s", qPrintable(problem));
        QVERIFY2(problems.isEmpty(),
                 qPrintable(u"%1 problems in the dialogs (listed above)"_s.arg(problems.size())));
    }

    void problemTextReadsOnLightAndDarkPalettes()
    {
        // The one colour of our own (errors, overdue work) against the window and the
        // base colour of the style's light palette and of a dark one: 4.5:1 or more.
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
        dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        const QPalette light = QApplication::style()->standardPalette();
        QVERIFY(!Theme::isDark(light));
        QVERIFY(Theme::isDark(dark));
        for (const QPalette &palette : {light, dark}) {
            for (const QPalette::ColorRole role : {QPalette::Window, QPalette::Base}) {
                const double ratio = Theme::contrast(Theme::error(palette), palette.color(role));
                QVERIFY2(ratio >= 4.5,
                         qPrintable(
                             u"%1 on %2: %3:1"_s.arg(Theme::error(palette).name(), palette.color(role).name())
                                 .arg(ratio, 0, 'f', 2)));
            }
        }
        // The dashboard's chart and the window's own colours follow the palette: a window
        // built under a dark palette shows its problem texts in the light colour.
        QCOMPARE(Theme::errorStyle(dark), u"color: %1;"_s.arg(Theme::error(dark).name()));
        QVERIFY(Theme::error(dark) != Theme::error(light));
    }

    void pagesAreReachedFromTheKeyboard()
    {
        // View ▸ <page> (Ctrl+1 …) for each page of the sidebar.
        WindowHarness h;
        QString error;
        QVERIFY2(h.start(&error), qPrintable(error));
        auto *stack = h.child<QStackedWidget>(u"pageStack"_s);
        for (int i = 1; i <= 9; ++i) {
            auto *go = h.child<QAction>(u"actionGoPage%1"_s.arg(i));
            QVERIFY2(go, qPrintable(u"no View action for page %1"_s.arg(i)));
            QTest::keySequence(h.window.get(), go->shortcut());
            QTRY_COMPARE(stack->currentIndex(), i - 1);
        }
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
