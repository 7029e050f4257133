// The in-app PDF viewer (ui/pdf/pdfviewerwindow.h), offscreen through the real
// widgets: loading, page navigation, zoom modes, save as, printing, the error page and
// the first painted page. No database.
#include "ui/pdf/pdfpageview.h"
#include "ui/pdf/pdfviewerwindow.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QFile>
#include <QLabel>
#include <QPageSize>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfWriter>
#include <QPointer>
#include <QPrinter>
#include <QProcess>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// A work-order-like document: a black title bar and a table on every page.
QByteArray makePdf(int pages, const QString &title = u"Work order 42"_s)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(150);
        writer.setTitle(title);
        QPainter painter(&writer);
        for (int page = 0; page < pages; ++page) {
            if (page > 0)
                writer.newPage();
            painter.fillRect(QRect(80, 80, 1000, 120), Qt::black);
            painter.drawText(100, 260, u"%1 - page %2 of %3"_s.arg(title).arg(page + 1).arg(pages));
            for (int row = 0; row < 30; ++row)
                painter.drawText(100, 320 + row * 40,
                                 u"Sample %1   Haematology   pending"_s.arg(page * 30 + row));
        }
    }
    return bytes;
}

int darkPixels(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    int dark = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            dark += qGray(line[x]) < 40 ? 1 : 0;
    }
    return dark;
}

QString run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class TestPdfViewer : public QObject
{
    Q_OBJECT

private:
    QByteArray m_pdf;

    // A shown, active window on the test document.
    std::unique_ptr<PdfViewerWindow> openWindow(const QString &title = u"Work order 42"_s)
    {
        auto window = std::make_unique<PdfViewerWindow>();
        window->resize(700, 800);
        if (!window->setPdf(m_pdf, title))
            return nullptr;
        window->show();
        QApplication::setActiveWindow(window.get());
        if (!QTest::qWaitForWindowActive(window.get()))
            return nullptr;
        return window;
    }

private Q_SLOTS:
    void initTestCase() { m_pdf = makePdf(3); }

    void init() { QSettings(u"Residesk"_s, u"Residesk"_s).remove(u"pdfviewer"_s); }

    void opensAMultiPageDocumentAndPaintsTheFirstPage()
    {
        PdfViewerWindow window;
        window.resize(700, 800);
        QSignalSpy loaded(&window, &PdfViewerWindow::documentLoaded);
        QSignalSpy painted(&window, &PdfViewerWindow::firstPagePainted);
        QVERIFY(window.setPdf(m_pdf, u"Work order 42"_s));
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.at(0).at(0).toInt(), 3);
        QVERIFY(window.hasDocument());
        QCOMPARE(window.pageCount(), 3);
        QCOMPARE(window.currentPage(), 0);
        QVERIFY(window.windowTitle().contains(u"Work order 42"_s));
        QCOMPARE(window.view()->pageMode(), QPdfView::PageMode::MultiPage);
        auto *spin = window.findChild<QSpinBox *>(u"pageSpinBox"_s);
        QVERIFY(spin);
        QCOMPARE(spin->value(), 1);
        QCOMPARE(spin->maximum(), 3);
        QVERIFY(window.findChild<QLabel *>(u"pageCountLabel"_s)->text().contains(u'3'));

        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(painted.size(), 1, 30000);
        QVERIFY(window.view()->paintedPageCount() >= 1);
        // The page's content is on screen, not only the white page frame.
        const QImage shot = window.view()->viewport()->grab().toImage();
        QVERIFY2(darkPixels(shot) > 1000, qPrintable(u"only %1 dark pixels"_s.arg(darkPixels(shot))));
        // Continuous scrolling: the document is taller than the window.
        QVERIFY(window.view()->verticalScrollBar()->maximum() > 2 * window.view()->viewport()->height());
    }

    void titleComesFromTheDocumentUnlessGiven()
    {
        PdfViewerWindow window;
        QVERIFY(window.setPdf(makePdf(1, u"Report 7 (amended)"_s)));
        QCOMPARE(window.documentTitle(), u"Report 7 (amended)"_s);
        QVERIFY(window.windowTitle().contains(u"Report 7 (amended)"_s));
        QVERIFY(window.setPdf(m_pdf, u"Given title"_s));
        QCOMPARE(window.documentTitle(), u"Given title"_s);
    }

    void pageNavigation()
    {
        auto window = openWindow();
        QVERIFY(window);
        auto *spin = window->findChild<QSpinBox *>(u"pageSpinBox"_s);
        auto *previous = window->findChild<QAction *>(u"previousPageAction"_s);
        auto *next = window->findChild<QAction *>(u"nextPageAction"_s);
        QVERIFY(!previous->isEnabled());
        QVERIFY(next->isEnabled());

        window->nextPage();
        QTRY_COMPARE(window->currentPage(), 1);
        QCOMPARE(spin->value(), 2);
        QVERIFY(previous->isEnabled());
        window->lastPage();
        QTRY_COMPARE(window->currentPage(), 2);
        QCOMPARE(spin->value(), 3);
        QVERIFY(!next->isEnabled());
        window->previousPage();
        QTRY_COMPARE(window->currentPage(), 1);
        window->firstPage();
        QTRY_COMPARE(window->currentPage(), 0);

        // The "x of y" box.
        spin->setValue(3);
        QTRY_COMPARE(window->currentPage(), 2);

        // The keyboard: PgUp/PgDn, Home/End.
        QTest::keyClick(window->view(), Qt::Key_Home);
        QTRY_COMPARE(window->currentPage(), 0);
        QTest::keyClick(window->view(), Qt::Key_PageDown);
        QTRY_COMPARE(window->currentPage(), 1);
        QTest::keyClick(window->view(), Qt::Key_End);
        QTRY_COMPARE(window->currentPage(), 2);
        QTest::keyClick(window->view(), Qt::Key_PageUp);
        QTRY_COMPARE(window->currentPage(), 1);

        // Scrolling moves the current page too (continuous pages).
        window->view()->verticalScrollBar()->setValue(0);
        QTRY_COMPARE(window->currentPage(), 0);
        QCOMPARE(spin->value(), 1);
    }

    void zoomAndFitModes()
    {
        auto window = openWindow();
        QVERIFY(window);
        PdfPageView *view = window->view();
        // The default is fit width.
        QCOMPARE(view->zoomMode(), QPdfView::ZoomMode::FitToWidth);
        const qreal fittedWidth = view->effectiveZoom();

        window->actualSize();
        QCOMPARE(view->zoomMode(), QPdfView::ZoomMode::Custom);
        QCOMPARE(view->zoomFactor(), 1.0);
        const int actualHeight = view->verticalScrollBar()->maximum();
        window->zoomIn();
        QCOMPARE(view->zoomFactor(), 1.1);
        QVERIFY(view->verticalScrollBar()->maximum() > actualHeight);
        window->zoomOut();
        window->zoomOut();
        QCOMPARE(view->zoomFactor(), 0.9);
        QVERIFY(view->verticalScrollBar()->maximum() < actualHeight);
        auto *label = window->findChild<QLabel *>(u"zoomLabel"_s);
        QVERIFY(label->text().contains(u"90"_s));

        // Ctrl++ and Ctrl+- .
        QTest::keyClick(view, Qt::Key_Plus, Qt::ControlModifier);
        QCOMPARE(view->zoomFactor(), 1.0);
        QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(view->zoomFactor(), 0.9);

        window->fitPage();
        QCOMPARE(view->zoomMode(), QPdfView::ZoomMode::FitInView);
        const qreal fittedPage = view->effectiveZoom();
        // A portrait page in a 700 x 800 window: the whole page is smaller than its width.
        QVERIFY2(fittedPage < fittedWidth, qPrintable(u"%1 vs %2"_s.arg(fittedPage).arg(fittedWidth)));
        window->fitWidth();
        QCOMPARE(view->effectiveZoom(), fittedWidth);
        // Fit width follows the window, and so does the zoom shown.
        window->resize(900, 800);
        QTRY_VERIFY(view->effectiveZoom() > fittedWidth);
        QTRY_COMPARE(label->text(), u"%1 %"_s.arg(qRound(view->effectiveZoom() * 100)));
        QVERIFY2(qRound(view->effectiveZoom() * 100) > 50, qPrintable(label->text()));
        // Zooming in from a fitted zoom starts from what is shown.
        const qreal shown = view->effectiveZoom();
        window->zoomIn();
        QVERIFY(view->zoomFactor() > shown);
    }

    void escapeCloses()
    {
        auto window = openWindow();
        QVERIFY(window);
        QVERIFY(window->isVisible());
        QTest::keyClick(window->view(), Qt::Key_Escape);
        QTRY_VERIFY(!window->isVisible());
    }

    void zoomModeAndGeometryAreRemembered()
    {
        {
            auto window = openWindow();
            QVERIFY(window);
            window->fitPage();
            window->resize(640, 720);
            window->close();
        }
        {
            PdfViewerWindow again;
            QCOMPARE(again.view()->zoomMode(), QPdfView::ZoomMode::FitInView);
            QCOMPARE(again.size(), QSize(640, 720));
            again.actualSize();
            again.zoomIn();
            again.close();
        }
        PdfViewerWindow third;
        QCOMPARE(third.view()->zoomMode(), QPdfView::ZoomMode::Custom);
        QCOMPARE(third.view()->zoomFactor(), 1.1);
    }

    void saveAsWritesTheSameBytes()
    {
        auto window = openWindow();
        QVERIFY(window);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"work order 42.pdf"_s);
        QVERIFY(window->saveTo(path));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), m_pdf);
        QVERIFY(!window->saveTo(dir.filePath(u"missing/folder/x.pdf"_s)));
        QVERIFY(window->errorText().contains(u"missing"_s));

        // A document opened from a file is saved byte for byte too.
        PdfViewerWindow fromFile;
        QVERIFY(fromFile.loadFile(path));
        QCOMPARE(fromFile.pageCount(), 3);
        QCOMPARE(fromFile.documentTitle(), u"work order 42"_s);
        const QString copy = dir.filePath(u"copy.pdf"_s);
        QVERIFY(fromFile.saveTo(copy));
        QFile copied(copy);
        QVERIFY(copied.open(QIODevice::ReadOnly));
        QCOMPARE(copied.readAll(), m_pdf);
    }

    void invalidBytesShowTheErrorView_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("text") << QByteArray("this is not a PDF");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated PDF") << makePdf(2).left(300);
    }
    void invalidBytesShowTheErrorView()
    {
        QFETCH(QByteArray, bytes);
        PdfViewerWindow window;
        QSignalSpy failed(&window, &PdfViewerWindow::loadFailed);
        QVERIFY(!window.setPdf(bytes, u"Broken"_s));
        QCOMPARE(failed.size(), 1);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *error = window.findChild<QLabel *>(u"pdfErrorView"_s);
        QVERIFY(error);
        QVERIFY(error->isVisible());
        QVERIFY(!window.view()->isVisible());
        QVERIFY(!window.errorText().isEmpty());
        QVERIFY(error->text().contains(window.errorText().toHtmlEscaped()));
        QCOMPARE(window.pageCount(), 0);
        QVERIFY(!window.findChild<QAction *>(u"saveAsAction"_s)->isEnabled());
        QVERIFY(!window.findChild<QAction *>(u"printAction"_s)->isEnabled());

        // A good document afterwards replaces the error page.
        QVERIFY(window.setPdf(m_pdf));
        QVERIFY(window.view()->isVisible());
        QVERIFY(window.findChild<QAction *>(u"saveAsAction"_s)->isEnabled());
    }

    void missingFileShowsTheErrorView()
    {
        PdfViewerWindow window;
        QVERIFY(!window.loadFile(u"/nonexistent/work-order.pdf"_s));
        QCOMPARE(window.findChild<QStackedWidget *>(u"pdfViewerStack"_s)->currentWidget()->objectName(),
                 u"pdfErrorView"_s);
        QVERIFY(window.errorText().contains(u"work-order.pdf"_s));
    }

    void printsEveryPage()
    {
        auto window = openWindow();
        QVERIFY(window);
        QTemporaryDir dir;
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(dir.filePath(u"printed.pdf"_s));
        printer.setResolution(150);
        QFuture<bool> printing = window->printTo(&printer);
        QTRY_VERIFY_WITH_TIMEOUT(printing.isFinished(), 60000);
        QVERIFY(printing.result());
        const QString info = run(u"pdfinfo"_s, {dir.filePath(u"printed.pdf"_s)});
        QVERIFY2(info.contains(QRegularExpression(u"Pages:\\s+3\\b"_s)), qPrintable(info));
        // The printed pages carry the content (pdftotext sees no text in page images,
        // so look at the rendered first page).
        QPdfDocument printed;
        QCOMPARE(printed.load(dir.filePath(u"printed.pdf"_s)), QPdfDocument::Error::None);
        QVERIFY(darkPixels(printed.render(0, QSize(595, 842))) > 1000);
    }

    void severalWindowsStayOpen()
    {
        QPointer<PdfViewerWindow> first = PdfViewerWindow::openBytes(m_pdf, u"First"_s);
        QPointer<PdfViewerWindow> second = PdfViewerWindow::openBytes(makePdf(1), u"Second"_s);
        QVERIFY(first && second);
        QVERIFY(first->isVisible() && second->isVisible());
        QVERIFY(!first->isModal() && !second->isModal());
        QCOMPARE(first->pageCount(), 3);
        QCOMPARE(second->pageCount(), 1);
        first->close();
        QTRY_VERIFY(!first); // deleted on close
        QVERIFY(second && second->isVisible());
        second->close();
        QTRY_VERIFY(!second);
    }
};

QTEST_MAIN(TestPdfViewer)
#include "tst_pdfviewer.moc"
