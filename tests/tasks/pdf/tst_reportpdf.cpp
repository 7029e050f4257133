#include "tasks/pdf/pdfrenderer.h"
#include "tests/support/pdfsamples.h"
#include "tests/tasks/pdf/pdftools.h"

#include <QCoroFuture>
#include <QCoroTask>
#include <QImage>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace {

const QRegularExpression kTableHeader(u"Analyte\\s+Value\\s+Unit\\s+Reference range\\s+Flag"_s);

// The (cell, next cell) pairs of a page's table lines: "Hemoglobin 17      60.2   g/dL …"
// gives ("Hemoglobin 17", "60.2"). Cells are separated by two spaces or more.
QSet<QString> rowsOn(const QString &page)
{
    static const QRegularExpression row(u"^\\s*(\\S(?:.*?\\S)?)\\s{2,}(\\S+)"_s);
    QSet<QString> rows;
    for (const QString &line : page.split(u'\n')) {
        const QRegularExpressionMatch m = row.match(line);
        if (m.hasMatch())
            rows.insert(m.captured(1) + u'|' + m.captured(2));
    }
    return rows;
}

QString signedText(const QDateTime &when)
{
    return when.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
}

} // namespace

// Lab reports rendered by PdfRenderer, checked with the real qpdf, pdfinfo, pdftotext and
// pdftoppm.
//
// Page counts follow from ReportPdfLayout's geometry (points): the body runs from 84 to
// 786. On page 1 of a finalized revision-1 report with a one-line findings text the
// title (26 + 4), details (4 x 13 + sample 13), findings (heading 24 + one line 13),
// results heading (24) and table header (16) put the first row at 256, so page 1 holds
// (786 - 256) / 14 = 37 one-line rows; every further page has its table header at 84
// and holds (786 - 100) / 14 = 49. After the table the legend (16) and the signature
// block (50) must fit: after at most 47 rows on a page the legend does, after at most
// 44 both do; otherwise they move to a new page. A draft or an amended report has one
// note line more (15 pt), so its page 1 holds 36 rows. Hence:
//   10 rows: 1 page;  86 rows: 37 + 49 (page full) + legend and signature: 3 pages;
//   200 rows: 37 + 49 + 49 + 49 + 16: 5 pages;  2,000 rows: 37 + 40 x 49 + 3: 42 pages;
//   draft, 200 rows: 36 + 49 + 49 + 49 + 17: 5 pages.
class TestReportPdf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        for (const QString &tool : {u"qpdf"_s, u"pdfinfo"_s, u"pdftotext"_s, u"pdftoppm"_s})
            QVERIFY2(!QStandardPaths::findExecutable(tool).isEmpty(),
                     qPrintable(u"%1 is missing (Debian packages qpdf and poppler-utils)"_s.arg(tool)));
    }

    void pages_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<bool>("draft");
        QTest::addColumn<int>("expectedPages");
        QTest::addColumn<int>("firstPageRows");

        QTest::newRow("10 rows") << 10 << false << 1 << 10;
        QTest::newRow("86 rows: signature on a page of its own") << 86 << false << 3 << 37;
        QTest::newRow("200 rows") << 200 << false << 5 << 37;
        QTest::newRow("2,000 rows") << 2000 << false << 42 << 37;
        QTest::newRow("draft, 200 rows") << 200 << true << 5 << 36;
    }

    void pages()
    {
        QFETCH(int, rows);
        QFETCH(bool, draft);
        QFETCH(int, expectedPages);
        QFETCH(int, firstPageRows);

        const ReportDocument doc = PdfSamples::report(rows, draft);
        const QByteArray pdf = PdfRenderer::renderReport(doc);
        QVERIFY(pdf.startsWith("%PDF-"));

        PdfTools tools;
        const QString problems = tools.check(pdf);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));

        QString error;
        const QMap<QString, QString> info = tools.info(pdf, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(info.value(u"Pages"_s).toInt(), expectedPages);
        QCOMPARE(info.value(u"Title"_s), u"Report %1 revision 1"_s.arg(doc.protocolNumber));
        QCOMPARE(info.value(u"Author"_s), draft ? doc.lab.name : doc.signer);
        QCOMPARE(info.value(u"Creator"_s), doc.lab.name);
        QCOMPARE(info.value(u"Page size"_s), u"595 x 842 pts (A4)"_s);

        const QStringList pages = tools.pages(pdf, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(pages.size(), expectedPages);

        QSet<QString> found;
        for (int p = 0; p < pages.size(); ++p) {
            const QString &page = pages.at(p);
            const QString where = u"page %1"_s.arg(p + 1);
            QVERIFY2(page.contains(u"Veterinary Diagnostic Laboratory"_s), qPrintable(where));
            QVERIFY2(page.count(doc.protocolNumber) >= 2, qPrintable(where)); // header and footer
            QVERIFY2(page.contains(doc.clientName), qPrintable(where));
            QVERIFY2(page.contains(u"Bovine / ES-0412-7781"_s), qPrintable(where));
            QVERIFY2(page.contains(u"Page %1 of %2"_s.arg(p + 1).arg(expectedPages)), qPrintable(where));
            QCOMPARE(page.contains(u"DRAFT"_s), draft);

            const QSet<QString> onPage = rowsOn(page);
            int rowsHere = 0;
            for (const ResultRow &row : doc.results) {
                const QString key = row.analyte + u'|' + row.value;
                if (onPage.contains(key)) {
                    ++rowsHere;
                    found.insert(key);
                }
            }
            if (p == 0)
                QCOMPARE(rowsHere, firstPageRows);
            // The header row is on every page with rows, and only there.
            QVERIFY2(page.contains(kTableHeader) == (rowsHere > 0), qPrintable(where));
        }
        QCOMPARE(found.size(), rows); // every row's analyte and value, each on its line

        const QString last = pages.constLast();
        if (draft) {
            QVERIFY(pages.constFirst().contains(u"DRAFT: not signed"_s));
            QVERIFY(!pages.join(QString()).contains(u"Signed by"_s));
            QVERIFY(!pages.join(QString()).contains(u"Inés Müller"_s));
        } else {
            QVERIFY(last.contains(QRegularExpression(u"Signed by\\s+Dra\\. Inés Müller"_s)));
            QVERIFY(last.contains(QRegularExpression(u"Signed on\\s+"_s + signedText(doc.signedAt))));
            QCOMPARE(pages.join(QString()).count(u"Signed by"_s), 1);
        }
    }

    void draftWatermark()
    {
        // The diagonal watermark is drawn as outlines (text extraction would read its
        // letters in between the rows): count pixels of its exact grey (0xe4) in a
        // rendering of page 2; anti-aliased text edges hit that grey only by chance.
        const auto watermarkPixels = [](const QByteArray &pdf, QString *error) {
            PdfTools tools;
            const QImage image = QImage::fromData(tools.png(pdf, 2, 60, error));
            int count = 0;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    if (qAbs(c.red() - 0xe4) <= 1 && qAbs(c.green() - 0xe4) <= 1 &&
                        qAbs(c.blue() - 0xe4) <= 1)
                        ++count;
                }
            }
            return count;
        };
        QString error;
        const int draft = watermarkPixels(PdfRenderer::renderReport(PdfSamples::report(120, true)), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const int finalized =
            watermarkPixels(PdfRenderer::renderReport(PdfSamples::report(120, false)), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(draft > 1000 && draft > 10 * finalized,
                 qPrintable(u"watermark grey pixels: draft %1, finalized %2"_s.arg(draft).arg(finalized)));
    }

    void amendedRevision()
    {
        ReportDocument doc = PdfSamples::report(12, false, 2);
        const QByteArray pdf = PdfRenderer::renderReport(doc);
        PdfTools tools;
        QVERIFY(tools.check(pdf).isEmpty());
        QString error;
        QCOMPARE(tools.info(pdf, &error).value(u"Title"_s),
                 u"Report %1 revision 2"_s.arg(doc.protocolNumber));
        const QStringList pages = tools.pages(pdf, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(pages.size(), 1);
        QVERIFY(pages.first().contains(u"Amended report (revision 2, supersedes revision 1)"_s));
        QVERIFY(pages.first().contains(QRegularExpression(u"Revision\\s+2"_s)));
        QVERIFY(pages.first().contains(u"Signed by"_s));

        // Revision 1 carries no amendment note.
        doc.revision = 1;
        const QStringList original = tools.pages(PdfRenderer::renderReport(doc), &error);
        QVERIFY(!original.join(QString()).contains(u"Amended"_s));
    }

    void longFindingsSpanPages()
    {
        // 900 numbered words in 6 paragraphs: more than a page of findings. Each token
        // is one word, so wrapping never splits one.
        ReportDocument doc = PdfSamples::report(30);
        QStringList paragraphs;
        for (int p = 0; p < 6; ++p) {
            QStringList words;
            for (int w = 0; w < 150; ++w)
                words.append(u"w%1"_s.arg(p * 150 + w, 3, 10, QLatin1Char('0')) +
                             (w % 9 == 8 ? u"."_s : QString()));
            paragraphs.append(words.join(u' '));
        }
        doc.findings = paragraphs.join(u'\n');
        const QByteArray pdf = PdfRenderer::renderReport(doc);
        PdfTools tools;
        QVERIFY(tools.check(pdf).isEmpty());
        QString error;
        const QStringList pages = tools.pages(pdf, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(pages.size() >= 2);
        QVERIFY(pages.at(0).contains(u"w000"_s));
        QVERIFY(pages.at(1).contains(u"w899"_s) || pages.size() > 2);
        // Every word, once and in order, across the page break.
        const QString all = pages.join(u'\n');
        qsizetype at = 0;
        for (int w = 0; w < 900; ++w) {
            const QString token = u"w%1"_s.arg(w, 3, 10, QLatin1Char('0'));
            const qsizetype next = all.indexOf(token, at);
            QVERIFY2(next >= 0, qPrintable(u"%1 missing or out of order"_s.arg(token)));
            QCOMPARE(all.count(token), 1);
            at = next;
        }
        // The findings started on page 1 and went on on page 2, above the results.
        const qsizetype resultsAt = pages.at(1).indexOf(u"Results"_s);
        QVERIFY(pages.at(1).indexOf(u"w"_s) >= 0);
        QVERIFY(resultsAt < 0 || pages.at(1).indexOf(QRegularExpression(u"w\\d{3}"_s)) < resultsAt);
        // All 30 rows are still there.
        QSet<QString> found;
        for (const QString &page : pages)
            found.unite(rowsOn(page));
        for (const ResultRow &row : std::as_const(doc.results))
            QVERIFY2(found.contains(row.analyte + u'|' + row.value), qPrintable(row.analyte));
    }

    void longCellText()
    {
        ReportDocument doc = PdfSamples::report(5);
        // Wraps to the 4 lines a cell may have and ends in "…".
        QStringList words;
        for (int i = 0; i < 60; ++i)
            words.append(u"segment%1"_s.arg(i));
        doc.results[1].analyte = words.join(u' ');
        // One unbroken token wider than its column is cut, not lost.
        doc.results[2].value = u"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"_s;
        doc.results[3].referenceRange = u"reference\trange\nwith control characters"_s;
        const QByteArray pdf = PdfRenderer::renderReport(doc);
        PdfTools tools;
        QVERIFY(tools.check(pdf).isEmpty());
        QString error;
        const QStringList pages = tools.pages(pdf, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(pages.size(), 1);
        const QString page = pages.first();
        QVERIFY(page.contains(QRegularExpression(u"segment0 segment1 segment2\\S*\\s+4\\.7\\s"_s)));
        QVERIFY(page.contains(u"…"_s));
        QVERIFY(!page.contains(u"segment59"_s));
        // The cut value: every character still there, over two or more lines.
        QString valueColumn;
        for (const QString &line : page.split(u'\n')) {
            const QRegularExpressionMatch m = QRegularExpression(u"[0-9A-Z]{6,}"_s).match(line);
            if (m.hasMatch())
                valueColumn += m.captured(0);
        }
        QVERIFY2(valueColumn.contains(doc.results[2].value), qPrintable(valueColumn));
        QVERIFY(page.contains(u"reference range"_s)); // tab and line break became spaces
        QVERIFY(page.contains(u"control characters"_s));
        // The rows after the long ones are intact.
        const QSet<QString> rows = rowsOn(page);
        QVERIFY(rows.contains(doc.results[4].analyte + u'|' + doc.results[4].value));
    }

    void nonAsciiText()
    {
        ReportDocument doc = PdfSamples::report(4);
        doc.results[0] = {u"Glucosa (suero, é/ü)"_s, u"5,4"_s, u"µmol/L"_s, u"± 0,2 at 37 °C"_s,
                          ResultFlag::High};
        doc.results[1] = {u"Ωmega-3 index"_s, u"≥ 8"_s, u"%"_s, u"4–8"_s, ResultFlag::None};
        // Text that needs shaping (combining marks, Hebrew) takes Qt's shaping path.
        doc.findings =
            u"Muestra naïve: cafe\u0301 y ni\u00f1o; Hebrew \u05e9\u05dc\u05d5\u05dd; Ærø Łódź Ñandú."_s;
        doc.clientName = u"Granja Los Álamos, Peña & Söhne"_s;
        const QByteArray pdf = PdfRenderer::renderReport(doc);
        PdfTools tools;
        QVERIFY(tools.check(pdf).isEmpty());
        QString error;
        const QStringList pages = tools.pages(pdf, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString page = pages.join(QString());
        // pdftotext -layout drops a space narrower than its character grid ("≥8").
        QVERIFY(page.contains(QRegularExpression(u"Ωmega-3 index\\s+≥ ?8\\s"_s)));
        for (const QString &text : {u"Glucosa (suero, é/ü)"_s, u"µmol/L"_s, u"± 0,2 at 37 °C"_s,
                                    u"Ωmega-3 index"_s, u"4–8"_s, u"Granja Los Álamos, Peña & Söhne"_s,
                                    u"Dra. Inés Müller"_s, u"naïve"_s, u"café"_s, u"Ærø Łódź Ñandú."_s})
            QVERIFY2(page.contains(text), qPrintable(text));
        QVERIFY(page.contains(u"\u05e9\u05dc\u05d5\u05dd"_s) || page.contains(u"\u05dd\u05d5\u05dc\u05e9"_s));
        QCOMPARE(tools.info(pdf, &error).value(u"Author"_s), u"Dra. Inés Müller"_s);
    }

    void coAwaitOnThePool()
    {
        // The engine's way: a coroutine on this (GUI) thread co_awaits the render on a
        // pool; it suspends at once and resumes here, on this thread, with the PDF.
        QThreadPool pool;
        const ReportDocument doc = PdfSamples::report(2000);
        QByteArray pdf;
        QThread *resumedOn = nullptr;
        bool done = false;
        const auto render = [&]() -> QCoro::Task<> {
            auto future = PdfRenderer::renderReportAsync(pool, doc);
            pdf = co_await future;
            resumedOn = QThread::currentThread();
            done = true;
        };
        QCoro::Task<> task = render();
        QVERIFY(!done); // suspended: the event loop is free while the pool renders
        QTRY_VERIFY_WITH_TIMEOUT(done, 120000);
        QCOMPARE(resumedOn, QThread::currentThread());
        PdfTools tools;
        QVERIFY(tools.check(pdf).isEmpty());
        QString error;
        QCOMPARE(tools.info(pdf, &error).value(u"Pages"_s).toInt(), 42);
    }

    void flagLetters()
    {
        QCOMPARE(resultFlagFromLetter(u""), ResultFlag::None);
        QCOMPARE(resultFlagFromLetter(u"L"), ResultFlag::Low);
        QCOMPARE(resultFlagFromLetter(u"H"), ResultFlag::High);
        QCOMPARE(resultFlagFromLetter(u"A"), ResultFlag::Abnormal);
        QCOMPARE(resultFlagFromLetter(u"h"), ResultFlag::None);
        QCOMPARE(char(ResultFlag::High), 'H');
    }

    void emptyReport()
    {
        ReportDocument doc;
        doc.protocolNumber = u"P-EMPTY"_s;
        const QByteArray pdf = PdfRenderer::renderReport(doc);
        PdfTools tools;
        QVERIFY(tools.check(pdf).isEmpty());
        QString error;
        const QStringList pages = tools.pages(pdf, &error);
        QCOMPARE(pages.size(), 1);
        QVERIFY(pages.first().contains(u"No results."_s));
        QVERIFY(pages.first().contains(u"No findings recorded."_s));
        QVERIFY(pages.first().contains(u"Page 1 of 1"_s));
    }

    void concurrentRendersMatchSerial()
    {
        // Eight different reports rendered at once on pool threads (first, so that the
        // one-time font set-up races too), then one by one on this thread: the same text.
        QList<ReportDocument> docs;
        for (int i = 0; i < 8; ++i) {
            ReportDocument doc = PdfSamples::report(30 + 25 * i, i % 3 == 0, 1 + i % 2);
            doc.protocolNumber = u"P-2026-T%1"_s.arg(i);
            docs.append(doc);
        }
        QThreadPool pool;
        pool.setMaxThreadCount(4);
        QMutex mutex;
        QSet<QThread *> threads;
        QList<QFuture<QByteArray>> futures;
        for (const ReportDocument &doc : std::as_const(docs)) {
            futures.append(QtConcurrent::run(&pool, [doc, &mutex, &threads] {
                {
                    QMutexLocker locker(&mutex);
                    threads.insert(QThread::currentThread());
                }
                return PdfRenderer::renderReport(doc);
            }));
        }
        // renderReportAsync runs on the pool too.
        auto asyncFuture = PdfRenderer::renderReportAsync(pool, docs.first());
        QList<QByteArray> concurrent;
        for (QFuture<QByteArray> &future : futures)
            concurrent.append(future.result());
        const QByteArray async = asyncFuture.result();

        QVERIFY(!threads.isEmpty());
        QVERIFY(!threads.contains(QThread::currentThread()));

        PdfTools tools;
        QString error;
        for (qsizetype i = 0; i < docs.size(); ++i) {
            const QByteArray serial = PdfRenderer::renderReport(docs.at(i));
            QVERIFY(tools.check(concurrent.at(i)).isEmpty());
            const QStringList a = tools.pages(concurrent.at(i), &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            const QStringList b = tools.pages(serial, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY(!a.isEmpty());
            QCOMPARE(a, b);
            QVERIFY(a.join(QString()).contains(docs.at(i).protocolNumber));
        }
        QCOMPARE(tools.pages(async, &error), tools.pages(PdfRenderer::renderReport(docs.first()), &error));
    }
};

QTEST_MAIN(TestReportPdf)
#include "tst_reportpdf.moc"
