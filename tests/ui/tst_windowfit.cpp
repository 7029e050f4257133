// The main window fits a 1,366 × 768 laptop screen, in English and in Spanish, with
// every page and panel shown: its minimum size (what its layouts ask for, with the
// longest translated labels) leaves room for a title bar and a desktop panel, a resize
// to the screen is not refused, and no sidebar title is cut off. Page tool bars that
// run out of room put their actions into a "»" menu instead of widening the window.

#include "app/i18n/translationloader.h"
#include "tests/support/windowharness.h"
#include "ui/lab/protocolspage.h"
#include "ui/widgets/guidewindow.h"

#include <QCoreApplication>
#include <QDockWidget>
#include <QImage>
#include <QListWidget>
#include <QScopeGuard>
#include <QStackedWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
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

    void userGuideInTheWindowsLanguage_data() { fitsALaptop_data(); }

    void userGuideInTheWindowsLanguage()
    {
        // Help ▸ User guide (F1): the guide in the window's language, every picture of it
        // embedded and shown.
        QFETCH(QString, language);
        QTranslator *translator =
            TranslationLoader::installForLocale(QLocale(language), QStringLiteral(RESIDESK_QM_DIR));
        QVERIFY(translator);
        const auto uninstall = qScopeGuard([translator] {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        });
        WindowHarness h;
        QString error;
        QVERIFY2(h.start(&error), qPrintable(error));
        auto *action = h.child<QAction>(u"actionUserGuide"_s);
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::HelpContents));
        action->trigger();
        GuideWindow *guide = nullptr;
        QTRY_VERIFY((guide = h.window->findChild<GuideWindow *>(u"guideWindow"_s)) && guide->isVisible());
        const QString text = guide->browser()->toPlainText();
        QVERIFY2(text.startsWith(language == u"es" ? u"Guía de uso de Residesk"_s : u"Residesk user guide"_s),
                 qPrintable(text.left(80)));
        QStringList images;
        for (QTextBlock block = guide->browser()->document()->begin(); block.isValid();
             block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                if (it.fragment().charFormat().isImageFormat())
                    images << it.fragment().charFormat().toImageFormat().name();
            }
        }
        QVERIFY2(images.size() >= 10, qPrintable(images.join(u", "_s)));
        for (const QString &name : std::as_const(images)) {
            QVERIFY2(name.contains(u"images/%1/"_s.arg(language)), qPrintable(name));
            const QVariant image = guide->browser()->loadResource(QTextDocument::ImageResource, QUrl(name));
            QVERIFY2(image.isValid() && !image.value<QImage>().isNull(), qPrintable(name));
        }
        // As wide as the text at most.
        const QImage first = guide->browser()
                                 ->loadResource(QTextDocument::ImageResource, QUrl(images.first()))
                                 .value<QImage>();
        QVERIFY(first.width() < 1366);
        QTest::keyClick(guide, Qt::Key_Escape);
        QTRY_VERIFY(!h.window->findChild<GuideWindow *>(u"guideWindow"_s));
    }
};

QTEST_MAIN(TestWindowFit)
#include "tst_windowfit.moc"
