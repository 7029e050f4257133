// The main window fits a 1,366 × 768 laptop screen, in English and in Spanish, with
// every page and panel shown: its minimum size (what its layouts ask for, with the
// longest translated labels) leaves room for a title bar and a desktop panel, a resize
// to the screen is not refused, and no sidebar title is cut off. Page tool bars that
// run out of room put their actions into a "»" menu instead of widening the window.

#include "app/i18n/translationloader.h"
#include "tests/support/windowharness.h"
#include "ui/lab/protocolspage.h"

#include <QCoreApplication>
#include <QDockWidget>
#include <QListWidget>
#include <QScopeGuard>
#include <QStackedWidget>
#include <QTest>
#include <QToolBar>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {
// The screen, less a title bar and a desktop panel.
constexpr int kWidth = 1366;
constexpr int kHeight = 768 - 64;
} // namespace

class TestWindowFit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fitsALaptop_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << u"en"_s;
        QTest::newRow("Spanish") << u"es"_s;
    }

    void fitsALaptop()
    {
        QFETCH(QString, language);
        // The window's texts are translated as it is built: the translator first.
        QTranslator *translator =
            TranslationLoader::installForLocale(QLocale(language), QStringLiteral(RESIDESK_QM_DIR));
        QVERIFY(translator);
        const auto uninstall = qScopeGuard([translator] {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        });
        if (language == u"es")
            QCOMPARE(QCoreApplication::translate("MainWindow", "Residents"), u"Residentes"_s);

        WindowHarness h;
        h.diagnostics = true; // the longest Tools menu there is
        QString error;
        QVERIFY2(h.start(&error), qPrintable(error));
        MainWindow &w = *h.window;
        w.setRights({true, true, true});
        for (QDockWidget *dock : w.findChildren<QDockWidget *>())
            dock->show();

        auto *sidebar = h.child<QListWidget>(u"sidebar"_s);
        auto *stack = h.child<QStackedWidget>(u"pageStack"_s);
        QVERIFY(sidebar && stack);
        QStringList tooWide;
        for (int row = 0; row < stack->count(); ++row) {
            sidebar->setCurrentRow(row);
            QCoreApplication::processEvents();
            QWidget *page = stack->widget(row);
            const QSize pageMin = page->minimumSizeHint().expandedTo(page->minimumSize());
            qInfo("%s: %s needs %d px", qPrintable(language), qPrintable(page->objectName()),
                  pageMin.width());
            // The page beside the sidebar, within the window's margins.
            if (pageMin.width() > kWidth - sidebar->width())
                tooWide << u"%1: %2 px"_s.arg(page->objectName()).arg(pageMin.width());
            // The sidebar's title is read whole.
            const QString title = sidebar->item(row)->text();
            const int needed =
                sidebar->fontMetrics().horizontalAdvance(title) + sidebar->iconSize().width() + 44;
            QVERIFY2(needed <= sidebar->width(),
                     qPrintable(
                         u"sidebar: “%1” needs %2 px of %3"_s.arg(title).arg(needed).arg(sidebar->width())));
        }
        QVERIFY2(tooWide.isEmpty(), qPrintable(tooWide.join(u"; "_s)));

        const QSize min = w.minimumSizeHint().expandedTo(w.minimumSize());
        qInfo("%s: the window needs %d × %d px", qPrintable(language), min.width(), min.height());
        QVERIFY2(min.width() <= kWidth && min.height() <= kHeight,
                 qPrintable(u"the window needs %1 × %2 px"_s.arg(min.width()).arg(min.height())));
        w.resize(kWidth, kHeight);
        QCoreApplication::processEvents();
        QCOMPARE(w.size(), QSize(kWidth, kHeight));

        // The Protocols page's actions do not fit a narrow window beside their filters:
        // its tool bar folds the rest into its "»" menu rather than asking for more.
        auto *protocols = h.child<ProtocolsPage>(u"protocolsPage"_s);
        QVERIFY(protocols);
        auto *bar = protocols->findChild<QToolBar *>(u"pageToolBar"_s);
        QVERIFY(bar);
        QVERIFY2(bar->minimumSizeHint().width() < 200,
                 qPrintable(u"the tool bar needs %1 px"_s.arg(bar->minimumSizeHint().width())));
    }
};

QTEST_MAIN(TestWindowFit)
#include "tst_windowfit.moc"
