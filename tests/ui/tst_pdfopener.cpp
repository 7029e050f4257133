// The window's "open PDF" path (ui/pdf/pdfopener.h) on the backend chosen by
// RESIDESK_TEST_BACKEND: a cached PDF opens without rendering, a missing one is rendered
// on the pool, stored and opened, a failed rendering is reported.
#include "models/db/dbexecutor.h"
#include "models/db/sqlstatement.h"
#include "tasks/pdf/pdfcache.h"
#include "tests/support/testdatabase.h"
#include "ui/pdf/pdfopener.h"
#include "ui/pdf/pdfviewerwindow.h"

#include <QApplication>
#include <QBuffer>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <atomic>

using namespace Qt::StringLiterals;

namespace {

QByteArray makePdf(const QString &text, int pages)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(150);
        QPainter painter(&writer);
        for (int page = 0; page < pages; ++page) {
            if (page > 0)
                writer.newPage();
            painter.drawText(100, 100, u"%1 - page %2"_s.arg(text).arg(page + 1));
        }
    }
    return bytes;
}

} // namespace

class TestPdfOpener : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DbExecutor> m_executor;
    std::unique_ptr<PdfCache> m_cache;
    QThreadPool m_pool;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        m_executor = std::make_unique<DbExecutor>(m_t->db());
    }
    void cleanupTestCase()
    {
        m_pool.waitForDone();
        m_executor.reset();
        m_t.reset();
    }

    void init()
    {
        QVERIFY(m_t);
        QVERIFY(SqlStatement::run(m_t->db(), u"DELETE FROM pdf_cache"_s));
        m_dir = std::make_unique<QTemporaryDir>();
        m_cache = std::make_unique<PdfCache>(m_dir->filePath(u"pdf"_s));
    }

    void cleanup()
    {
        m_pool.waitForDone();
        m_executor->waitForDone();
        for (QWidget *w : QApplication::topLevelWidgets())
            if (qobject_cast<PdfViewerWindow *>(w))
                delete w;
    }

    void cachedPdfOpensWithoutRendering()
    {
        const PdfCacheKey key = PdfCacheKey::workOrder(42, 3, 1);
        const QByteArray pdf = makePdf(u"work order 42"_s, 2);
        QVERIFY(m_cache->store(m_t->db(), key, pdf));
        PdfOpener opener(*m_executor, *m_cache, &m_pool);
        QSignalSpy opened(&opener, &PdfOpener::opened);
        QSignalSpy failed(&opener, &PdfOpener::failed);
        std::atomic<int> renders = 0;
        opener.open(
            key,
            [&renders, pdf] {
                ++renders;
                return pdf;
            },
            u"Work order 42"_s);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 30000);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(renders.load(), 0);
        QCOMPARE(opened.at(0).at(1).value<PdfCacheEntry::Source>(), PdfCacheEntry::Source::LocalDisk);
        QPointer<PdfViewerWindow> window = opened.at(0).at(0).value<PdfViewerWindow *>();
        QVERIFY(window);
        QVERIFY(window->isVisible());
        QCOMPARE(window->pageCount(), 2);
        QCOMPARE(window->pdf(), pdf);
        QVERIFY(window->windowTitle().contains(u"Work order 42"_s));
    }

    void missingPdfIsRenderedOnThePoolAndShared()
    {
        const PdfCacheKey key = PdfCacheKey::workOrder(43, 1, 1);
        const QByteArray pdf = makePdf(u"work order 43"_s, 3);
        PdfOpener opener(*m_executor, *m_cache, &m_pool);
        QSignalSpy opened(&opener, &PdfOpener::opened);
        std::atomic<int> renders = 0;
        std::atomic<bool> onGuiThread = false;
        QThread *gui = QThread::currentThread();
        opener.open(
            key,
            [&, pdf] {
                ++renders;
                onGuiThread = QThread::currentThread() == gui;
                return pdf;
            },
            u"Work order 43"_s);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 30000);
        QCOMPARE(renders.load(), 1);
        QVERIFY(!onGuiThread.load());
        QCOMPARE(opened.at(0).at(1).value<PdfCacheEntry::Source>(), PdfCacheEntry::Source::Rendered);
        QCOMPARE(opened.at(0).at(0).value<PdfViewerWindow *>()->pageCount(), 3);
        SqlStatement st(m_t->db(), u"SELECT COUNT(*) FROM pdf_cache WHERE cache_key = ?"_s);
        st.bind(key.toString());
        QVERIFY(st.exec());
        QVERIFY(st.next());
        QCOMPARE(st.value(0).toInt(), 1);
    }

    void failedRenderingIsReported()
    {
        const PdfCacheKey key = PdfCacheKey::workOrder(44, 1, 1);
        PdfOpener opener(*m_executor, *m_cache, &m_pool);
        QSignalSpy opened(&opener, &PdfOpener::opened);
        QSignalSpy failed(&opener, &PdfOpener::failed);
        opener.open(
            key, [] { return QByteArray(); }, u"Work order 44"_s);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 30000);
        QVERIFY(failed.at(0).at(0).toString().contains(u"Work order 44"_s));
        QCOMPARE(opened.size(), 0);
    }

    void parentGoneMeanwhileOpensNothing()
    {
        const PdfCacheKey key = PdfCacheKey::workOrder(45, 1, 1);
        QVERIFY(m_cache->store(m_t->db(), key, makePdf(u"work order 45"_s, 1)));
        PdfOpener opener(*m_executor, *m_cache, &m_pool);
        QSignalSpy opened(&opener, &PdfOpener::opened);
        auto *page = new QWidget;
        opener.open(
            key, [] { return QByteArray(); }, u"Work order 45"_s, page);
        delete page; // the page closed before the lookup came back
        m_executor->waitForDone();
        QCoreApplication::processEvents();
        QCOMPARE(opened.size(), 0);
        for (QWidget *w : QApplication::topLevelWidgets())
            QVERIFY(!qobject_cast<PdfViewerWindow *>(w));
    }
};

QTEST_MAIN(TestPdfOpener)
#include "tst_pdfopener.moc"
