#include "tasks/pdf/pdfrenderer.h"
#include "tests/support/pdfsamples.h"
#include "tests/tasks/pdf/pdftools.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QThreadPool>

using namespace Qt::StringLiterals;

// Work orders rendered by PdfRenderer, checked with the real qpdf, pdfinfo and pdftotext.
//
// Page counts follow from WorkOrderPdfLayout's geometry (points): the body runs from 84
// to 786; on page 1 the title (30), details (4 x 13), table heading (24) and table
// header (16) put the first row at 206, so page 1 holds (786 - 206) / 14 = 41 one-line
// rows and every further page (786 - 100) / 14 = 49; the notes (heading 24 + lines of
// 13) follow. Hence 3 analyses: 1 page; 300 analyses: 41 + 5 x 49 + 14: 7 pages.
class TestWorkOrderPdf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        for (const QString &tool : {u"qpdf"_s, u"pdfinfo"_s, u"pdftotext"_s})
            QVERIFY2(!QStandardPaths::findExecutable(tool).isEmpty(),
                     qPrintable(u"%1 is missing (Debian packages qpdf and poppler-utils)"_s.arg(tool)));
    }

    void pages_data()
    {
        QTest::addColumn<int>("analyses");
        QTest::addColumn<int>("expectedPages");
        QTest::addColumn<int>("firstPageRows");

        QTest::newRow("3 analyses") << 3 << 1 << 3;
        QTest::newRow("300 analyses") << 300 << 7 << 41;
    }

    void pages()
    {
        QFETCH(int, analyses);
        QFETCH(int, expectedPages);
        QFETCH(int, firstPageRows);

        const WorkOrderDocument doc = PdfSamples::workOrder(analyses);
        // Rendered on a pool thread, as the engine does.
        QThreadPool pool;
        auto future = PdfRenderer::renderWorkOrderAsync(pool, doc);
        const QByteArray pdf = future.result();
        QVERIFY(pdf.startsWith("%PDF-"));

        PdfTools tools;
        const QString problems = tools.check(pdf);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        QString error;
        const QMap<QString, QString> info = tools.info(pdf, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(info.value(u"Pages"_s).toInt(), expectedPages);
        QCOMPARE(info.value(u"Title"_s), u"Work order %1 version 3"_s.arg(doc.protocolNumber));
        QCOMPARE(info.value(u"Author"_s), doc.lab.name);
        QCOMPARE(info.value(u"Creator"_s), doc.lab.name);

        const QStringList pages = tools.pages(pdf, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(pages.size(), expectedPages);

        static const QRegularExpression header(u"Code\\s+Analysis\\s+Sample"_s);
        static const QRegularExpression row(
            u"^\\s*(AN-\\d{4})\\s{2,}(\\S(?:.*?\\S)?)\\s{2,}(\\S.*\\S)\\s*$"_s);
        QSet<QString> found;
        for (int p = 0; p < pages.size(); ++p) {
            const QString &page = pages.at(p);
            const QString where = u"page %1"_s.arg(p + 1);
            QVERIFY2(page.contains(doc.lab.name), qPrintable(where));
            QVERIFY2(page.count(doc.protocolNumber) >= 2, qPrintable(where));
            QVERIFY2(page.contains(doc.clientName), qPrintable(where));
            QVERIFY2(page.contains(u"Canine / CHIP-941000024"_s), qPrintable(where));
            QVERIFY2(page.contains(u"Page %1 of %2"_s.arg(p + 1).arg(expectedPages)), qPrintable(where));
            int rowsHere = 0;
            for (const QString &line : page.split(u'\n')) {
                const QRegularExpressionMatch m = row.match(line);
                if (m.hasMatch()) {
                    ++rowsHere;
                    found.insert(m.captured(1) + u'|' + m.captured(2) + u'|' + m.captured(3));
                }
            }
            if (p == 0)
                QCOMPARE(rowsHere, firstPageRows);
            QVERIFY2(page.contains(header) == (rowsHere > 0), qPrintable(where));
        }
        for (const AnalysisRow &analysis : doc.analyses)
            QVERIFY2(found.contains(analysis.code + u'|' + analysis.name + u'|' + analysis.sample),
                     qPrintable(analysis.code));
        QCOMPARE(found.size(), analyses);

        const QString first = pages.constFirst();
        QVERIFY(first.contains(QRegularExpression(u"Assigned vet\\s+Dr\\. Jürgen Ødegaard"_s)));
        QVERIFY(first.contains(QRegularExpression(u"Version\\s+3"_s)));
        QVERIFY(first.contains(u"Created"_s));
        const QString last = pages.constLast();
        QVERIFY(last.contains(u"Notes"_s));
        QVERIFY(last.contains(u"Keep the serum at 4 °C"_s));
        if (analyses > 5)
            QVERIFY(pages.join(QString()).contains(u"Cortisol ± ACTH stimulation"_s));
    }

    void unassignedAndEmpty()
    {
        WorkOrderDocument doc = PdfSamples::workOrder(0);
        doc.assignedVet.clear();
        doc.notes.clear();
        const QByteArray pdf = PdfRenderer::renderWorkOrder(doc);
        PdfTools tools;
        QVERIFY(tools.check(pdf).isEmpty());
        QString error;
        const QStringList pages = tools.pages(pdf, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(pages.size(), 1);
        QVERIFY(pages.first().contains(u"not assigned"_s));
        QVERIFY(pages.first().contains(u"No analyses requested."_s));
        QVERIFY(!pages.first().contains(u"Notes"_s));
    }
};

QTEST_MAIN(TestWorkOrderPdf)
#include "tst_workorderpdf.moc"
