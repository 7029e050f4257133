// Every control a person can reach in the main window has a name that a screen reader
// can say (an accessible name of its own, its text, or its label's through a buddy), on
// every page and panel; and the pages can be reached from the keyboard alone.

#include "tests/support/windowharness.h"
#include "ui/widgets/theme.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QLineEdit>
#include <QListWidget>
#include <QStackedWidget>
#include <QStyle>
#include <QTest>

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
