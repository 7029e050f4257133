// What the window offers follows the person's role (MainWindow::setRights): a vet sees
// no housing pages, no resident import, export, mailing or registrar sync, and no diagnostic jobs; a
// housing clerk no lab pages and no protocol export; an administrator everything.
// PostgreSQL refuses the rest anyway (tst_permissions); the window only mirrors it.

#include "tests/support/windowharness.h"
#include "ui/lab/protocolspage.h"
#include "ui/widgets/shortcutsdialog.h"

#include <QAction>
#include <QListWidget>
#include <QMenu>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;

class TestWindowRights : public QObject
{
    Q_OBJECT

private:
    static bool visible(WindowHarness &h, const QString &name)
    {
        auto *action = h.child<QAction>(name);
        if (!action)
            qFatal("no action %s", qPrintable(name));
        return action->isVisible();
    }
    static QStringList shownPages(WindowHarness &h)
    {
        QStringList titles;
        auto *sidebar = h.child<QListWidget>(u"sidebar"_s);
        for (int row = 0; sidebar && row < sidebar->count(); ++row) {
            if (!sidebar->item(row)->isHidden())
                titles << sidebar->item(row)->text();
        }
        return titles;
    }
    static QStringList shownGoActions(WindowHarness &h)
    {
        QStringList titles;
        for (int i = 1;; ++i) {
            auto *go = h.child<QAction>(u"actionGoPage%1"_s.arg(i));
            if (!go)
                break;
            if (go->isVisible())
                titles << go->text();
        }
        return titles;
    }

private Q_SLOTS:
    void actionsFollowTheRole_data()
    {
        QTest::addColumn<bool>("admin");
        QTest::addColumn<bool>("housing");
        QTest::addColumn<bool>("lab");
        QTest::newRow("vet") << false << false << true;
        QTest::newRow("housing") << false << true << false;
        QTest::newRow("admin") << true << true << true;
    }

    void actionsFollowTheRole()
    {
        QFETCH(bool, admin);
        QFETCH(bool, housing);
        QFETCH(bool, lab);
        WindowHarness h;
        h.diagnostics = true; // residesk --diagnostics
        QString error;
        QVERIFY2(h.start(&error), qPrintable(error));
        h.window->setRights({admin, housing, lab});

        QCOMPARE(visible(h, u"actionImportResidents"_s), housing);
        QCOMPARE(visible(h, u"actionExportResidents"_s), housing);
        QCOMPARE(visible(h, u"actionExportRooms"_s), housing);
        QCOMPARE(visible(h, u"actionExportProtocols"_s), lab);
        QCOMPARE(visible(h, u"actionEmailResidents"_s), housing);
        QCOMPARE(visible(h, u"actionRegistrarSyncSettings"_s), housing);
        QCOMPARE(visible(h, u"actionRegistrarFlags"_s), housing);
        QCOMPARE(visible(h, u"actionBackUpNow"_s), admin);
        QCOMPARE(visible(h, u"actionBackupSchedule"_s), admin);
        auto *diagnostics = h.child<QMenu>(u"menuDiagnostics"_s);
        QVERIFY(diagnostics);
        QCOMPARE(diagnostics->menuAction()->isVisible(), admin);

        const QStringList pages = shownPages(h);
        QCOMPARE(pages.contains(u"Residents"_s), housing);
        QCOMPARE(pages.contains(u"Protocols"_s), lab);
        QCOMPARE(pages.contains(u"Audit"_s), admin);
        QVERIFY(pages.contains(u"Maintenance"_s)); // read-only for vets (tst_maintenancegui)
        // View ▸ <page> offers exactly the pages the sidebar shows (the Users page,
        // added later for administrators on PostgreSQL, has no such shortcut).
        QStringList goTitles = shownGoActions(h);
        for (QString &title : goTitles)
            title.remove(u'&');
        QStringList expected = pages;
        expected.removeAll(u"Users"_s);
        QCOMPARE(goTitles, expected);

        // Help ▸ Keyboard shortcuts lists the keys of this person's window: the page
        // shortcuts shown, none of the hidden ones, and the Jobs panel's.
        h.child<QAction>(u"actionKeyboardShortcuts"_s)->trigger();
        ShortcutsDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = h.window->findChild<ShortcutsDialog *>(u"shortcutsDialog"_s)) &&
                                     dialog->isVisible(),
                                 WindowHarness::kTimeoutMs);
        QStringList keys;
        for (int row = 0; row < dialog->table()->rowCount(); ++row)
            keys << dialog->table()->item(row, 1)->text();
        QVERIFY2(keys.contains(QKeySequence(Qt::CTRL | Qt::Key_J).toString(QKeySequence::NativeText)),
                 qPrintable(keys.join(u" | "_s)));
        for (int i = 1;; ++i) {
            auto *go = h.child<QAction>(u"actionGoPage%1"_s.arg(i));
            if (!go)
                break;
            if (go->shortcut().isEmpty()) {
                QVERIFY2(i > 9, qPrintable(go->text())); // Ctrl+1 … Ctrl+9 only
                continue;
            }
            QCOMPARE(keys.contains(go->shortcut().toString(QKeySequence::NativeText)), go->isVisible());
        }
        dialog->reject();
    }

    void diagnosticJobsOnlyWhenAskedFor()
    {
        // An administrator's everyday window has no diagnostic jobs in its Tools menu:
        // they come with `residesk --diagnostics` only.
        WindowHarness h;
        QString error;
        QVERIFY2(h.start(&error), qPrintable(error));
        h.window->setRights({true, true, true});
        QVERIFY(!h.child<QMenu>(u"menuDiagnostics"_s));
        QVERIFY(!h.child<QAction>(u"actionDiagFail"_s));
    }

    void protocolVerbsFollowTheRole()
    {
        // One action per verb on the Protocols page: several rows at once (a bulk change)
        // only for administrators.
        WindowHarness h;
        QString error;
        QVERIFY2(h.start(&error), qPrintable(error));
        auto *page = h.child<ProtocolsPage>(u"protocolsPage"_s);
        QVERIFY(page);
        h.window->setRights({false, false, true}); // a vet
        QVERIFY(!page->bulkAllowed());
        h.window->setRights({true, true, true});
        QVERIFY(page->bulkAllowed());
        QStringList texts;
        for (QAction *action : page->actions())
            texts << action->text().remove(u'&');
        texts.removeDuplicates();
        QCOMPARE(texts.filter(u"eceive"_s).size(), 1);
        QCOMPARE(texts.filter(u"analysis"_s).size(), 1);
        QCOMPARE(texts.filter(u"Cancel"_s).size(), 1);
        QCOMPARE(texts.filter(u"report"_s).size(), 1);
    }
};

QTEST_MAIN(TestWindowRights)
#include "tst_windowrights.moc"
