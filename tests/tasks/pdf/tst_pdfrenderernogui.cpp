#include "tasks/pdf/pdfrenderer.h"
#include "tests/support/pdfsamples.h"

#include <QGuiApplication>
#include <QTest>

using namespace Qt::StringLiterals;

// PdfRenderer's contract without a QGuiApplication (a QCoreApplication only, as in a
// process that forgot to make one): no fonts, so no PDF, and it says why instead of
// crashing.
class TestPdfRendererNoGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyWithoutGuiApplication()
    {
        QVERIFY(!qobject_cast<QGuiApplication *>(QCoreApplication::instance()));
        QTest::ignoreMessage(QtWarningMsg, "PdfRenderer: rendering a PDF needs a QGuiApplication (fonts)");
        QVERIFY(!PdfRenderer::warmUp());
        QTest::ignoreMessage(QtWarningMsg, "PdfRenderer: rendering a PDF needs a QGuiApplication (fonts)");
        QVERIFY(PdfRenderer::renderReport(PdfSamples::report(5)).isEmpty());
        QTest::ignoreMessage(QtWarningMsg, "PdfRenderer: rendering a PDF needs a QGuiApplication (fonts)");
        QVERIFY(PdfRenderer::renderWorkOrder(PdfSamples::workOrder(2)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPdfRendererNoGui)
#include "tst_pdfrenderernogui.moc"
