// The shared PDF cache (tasks/pdf/pdfcache.h) on the backend chosen by
// RESIDESK_TEST_BACKEND: local disk hits, the database layer, LRU eviction, corrupt
// files, a second desktop, restarts and concurrent use.
#include "models/db/dbexecutor.h"
#include "models/db/sqlstatement.h"
#include "tasks/pdf/pdfcache.h"
#include "tasks/pdf/pdfcachestore.h"
#include "tests/support/testdatabase.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

// A small multi-page PDF whose content depends on `text` (a work-order-like table).
QByteArray makePdf(const QString &text, int pages = 2)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(150);
        writer.setTitle(text);
        QPainter painter(&writer);
        for (int page = 0; page < pages; ++page) {
            if (page > 0)
                writer.newPage();
            painter.drawText(100, 100, u"%1 - page %2 of %3"_s.arg(text).arg(page + 1).arg(pages));
            for (int row = 0; row < 20; ++row)
                painter.drawText(100, 160 + row * 40, u"row %1: %2"_s.arg(row).arg(text));
        }
    }
    return bytes;
}

QVariant queryValue(Database &db, const QString &sql, const QVariantList &values = {})
{
    SqlStatement st(db, sql);
    for (const QVariant &v : values)
        st.bind(v);
    if (auto r = st.exec(); !r) {
        qWarning("%s", qPrintable(r.error().detail));
        return {};
    }
    return st.next() ? st.value(0) : QVariant();
}

qint64 rowsFor(Database &db, const PdfCacheKey &key)
{
    return queryValue(db, u"SELECT COUNT(*) FROM pdf_cache WHERE cache_key = ?"_s, {key.toString()})
        .toLongLong();
}

qint64 rowsOfEntity(Database &db, const QString &entity, qint64 id)
{
    return queryValue(db, u"SELECT COUNT(*) FROM pdf_cache WHERE entity = ? AND entity_id = ?"_s,
                      {entity, id})
        .toLongLong();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

void makeOld(const QString &path)
{
    QFile f(path);
    if (f.open(QIODevice::ReadOnly))
        f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600), QFileDevice::FileModificationTime);
}

// Runs `work` on `count` threads at once and waits for all of them.
void runConcurrently(int count, const std::function<void(int)> &work)
{
    std::atomic<int> ready = 0;
    QList<QThread *> threads;
    for (int i = 0; i < count; ++i) {
        threads << QThread::create([&ready, &work, count, i] {
            ++ready;
            while (ready.load() < count)
                QThread::yieldCurrentThread();
            work(i);
        });
    }
    for (QThread *t : std::as_const(threads))
        t->start();
    for (QThread *t : std::as_const(threads)) {
        t->wait();
        delete t;
    }
}

} // namespace

class TestPdfCache : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<QTemporaryDir> m_dir;

    Database &db() { return m_t->db(); }
    QString cacheDir() const { return m_dir->filePath(u"pdf"_s); }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
    }
    void cleanupTestCase() { m_t.reset(); }

    void init()
    {
        QVERIFY(m_t);
        QVERIFY(SqlStatement::run(db(), u"DELETE FROM pdf_cache"_s));
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    // --- keys ------------------------------------------------------------------------

    void keyText()
    {
        const PdfCacheKey key = PdfCacheKey::workOrder(42, 7, 3);
        QCOMPARE(key.toString(), u"workorder/42/v7/t3"_s);
        QVERIFY(key.isValid());
        QCOMPARE(PdfCacheKey::parse(key.toString()), key);
        QCOMPARE(key.fileBaseName().size(), 64);
        QVERIFY(key.fileBaseName() != PdfCacheKey::workOrder(42, 8, 3).fileBaseName());
        for (const QString &bad : {u""_s, u"workorder/42/7/t3"_s, u"WorkOrder/42/v7/t3"_s,
                                   u"workorder/-1/v7/t3"_s, u"../x/1/v1/t1"_s, u"workorder/42/v7/t3/extra"_s})
            QVERIFY2(!PdfCacheKey::parse(bad), qPrintable(bad));
        QVERIFY(!(PdfCacheKey{u"Work Order"_s, 1, 1, 1}.isValid()));
        QVERIFY(!PdfCacheKey::workOrder(1, -1, 1).isValid());
        QVERIFY(PdfCacheKey::workOrder(1, 2, 1).supersedes(PdfCacheKey::workOrder(1, 1, 5)));
        QVERIFY(PdfCacheKey::workOrder(1, 2, 2).supersedes(PdfCacheKey::workOrder(1, 2, 1)));
        QVERIFY(!PdfCacheKey::workOrder(1, 2, 1).supersedes(PdfCacheKey::workOrder(1, 2, 1)));
        QVERIFY(!PdfCacheKey::workOrder(1, 2, 1).supersedes(PdfCacheKey::workOrder(2, 1, 1)));
        QVERIFY(!PdfCacheKey::workOrder(1, 2, 1).supersedes(PdfCacheKey::report(1, 1, 1)));
    }

    // --- hits and misses ---------------------------------------------------------------

    void missThenHit()
    {
        PdfCache cache(cacheDir());
        const PdfCacheKey key = PdfCacheKey::workOrder(1, 1, 1);
        const Result<std::optional<PdfCacheEntry>> miss = cache.lookup(db(), key);
        QVERIFY2(miss, qPrintable(miss.error().detail));
        QVERIFY(!miss.value());

        const QByteArray pdf = makePdf(u"work order 1 v1"_s, 3);
        const VoidResult stored = cache.store(db(), key, pdf);
        QVERIFY2(stored, qPrintable(stored.error().text() + stored.error().detail));
        QCOMPARE(rowsFor(db(), key), 1);

        const Result<std::optional<PdfCacheEntry>> hit = cache.lookup(db(), key);
        QVERIFY(hit && hit.value());
        QCOMPARE(hit.value()->source, PdfCacheEntry::Source::LocalDisk);
        QCOMPARE(hit.value()->bytes, pdf);
        QCOMPARE(hit.value()->filePath, cache.localPath(key));
        QCOMPARE(hit.value()->key, key);
        QCOMPARE(readFile(hit.value()->filePath), pdf);
        QCOMPARE(cache.localUsage(), pdf.size());
        QCOMPARE(cache.localCount(), 1);

        // The cached file is a sound PDF for real tools.
        QProcess qpdf;
        qpdf.start(u"qpdf"_s, {u"--check"_s, hit.value()->filePath});
        QVERIFY(qpdf.waitForFinished(30000));
        QCOMPARE(qpdf.exitCode(), 0);

        // A local hit asks no database: it works with the row gone.
        QVERIFY(SqlStatement::run(db(), u"DELETE FROM pdf_cache"_s));
        const std::optional<PdfCacheEntry> local = cache.lookupLocal(key);
        QVERIFY(local);
        QCOMPARE(local->bytes, pdf);
    }

    void storeRejectsWhatIsNotAPdf_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("hello");
        QTest::newRow("no trailer") << makePdf(u"x"_s).chopped(8);
        QTest::newRow("no header") << makePdf(u"x"_s).mid(1);
    }
    void storeRejectsWhatIsNotAPdf()
    {
        QFETCH(QByteArray, bytes);
        PdfCache cache(cacheDir());
        const PdfCacheKey key = PdfCacheKey::workOrder(1, 1, 1);
        const VoidResult stored = cache.store(db(), key, bytes);
        QVERIFY(!stored);
        QCOMPARE(stored.error().code, DbError::Code::Validation);
        QVERIFY(stored.error().message.contains(key.toString()));
        QCOMPARE(rowsFor(db(), key), 0);
        QCOMPARE(cache.localCount(), 0);
    }

    void invalidKeyIsAnError()
    {
        PdfCache cache(cacheDir());
        const PdfCacheKey bad{u"Work Order"_s, 1, 1, 1};
        const Result<std::optional<PdfCacheEntry>> found = cache.lookup(db(), bad);
        QVERIFY(!found);
        QCOMPARE(found.error().code, DbError::Code::Validation);
        QVERIFY(!cache.store(db(), bad, makePdf(u"x"_s)));
    }

    void changedVersionIsAMissAndReplacesTheOldCopy()
    {
        PdfCache cache(cacheDir());
        const PdfCacheKey v1 = PdfCacheKey::workOrder(7, 1, 3);
        const PdfCacheKey v2 = PdfCacheKey::workOrder(7, 2, 3);
        const PdfCacheKey otherOrder = PdfCacheKey::workOrder(8, 1, 3);
        QVERIFY(cache.store(db(), v1, makePdf(u"order 7 v1"_s)));
        QVERIFY(cache.store(db(), otherOrder, makePdf(u"order 8 v1"_s)));
        QVERIFY(QFile::exists(cache.localPath(v1)));

        const Result<std::optional<PdfCacheEntry>> miss = cache.lookup(db(), v2);
        QVERIFY(miss);
        QVERIFY(!miss.value());

        const QByteArray pdf2 = makePdf(u"order 7 v2"_s);
        QVERIFY(cache.store(db(), v2, pdf2));
        QVERIFY(!QFile::exists(cache.localPath(v1)));
        QVERIFY(!QFile::exists(cache.localPath(v1).replace(u".pdf"_s, u".json"_s)));
        QCOMPARE(rowsFor(db(), v1), 0);
        QCOMPARE(rowsFor(db(), v2), 1);
        QCOMPARE(rowsOfEntity(db(), u"workorder"_s, 7), 1);
        // Other entities are untouched.
        QCOMPARE(rowsFor(db(), otherOrder), 1);
        QVERIFY(QFile::exists(cache.localPath(otherOrder)));

        const Result<std::optional<PdfCacheEntry>> old = cache.lookup(db(), v1);
        QVERIFY(old);
        QVERIFY(!old.value());
        QCOMPARE(cache.lookup(db(), v2).value()->bytes, pdf2);

        // A new template version replaces the copy too.
        const PdfCacheKey t4 = PdfCacheKey::workOrder(7, 2, 4);
        QVERIFY(cache.store(db(), t4, makePdf(u"order 7 v2 t4"_s)));
        QCOMPARE(rowsFor(db(), v2), 0);
        QCOMPARE(rowsOfEntity(db(), u"workorder"_s, 7), 1);
        QVERIFY(!QFile::exists(cache.localPath(v2)));
    }

    void olderRenderingNeverReplacesANewerSharedCopy()
    {
        PdfCache cache(cacheDir());
        const PdfCacheKey v2 = PdfCacheKey::workOrder(9, 2, 1);
        const PdfCacheKey v1 = PdfCacheKey::workOrder(9, 1, 1);
        QVERIFY(cache.store(db(), v2, makePdf(u"v2"_s)));
        // A slow desktop finishes its rendering of the older version afterwards.
        QVERIFY(cache.store(db(), v1, makePdf(u"v1"_s)));
        QCOMPARE(rowsFor(db(), v2), 1);
        QCOMPARE(rowsFor(db(), v1), 0);
    }

    void invalidateRemovesBothLayers()
    {
        PdfCache cache(cacheDir());
        const PdfCacheKey key = PdfCacheKey::report(3, 1, 1);
        QVERIFY(cache.store(db(), key, makePdf(u"report 3"_s)));
        QVERIFY(cache.invalidate(db(), u"report"_s, 3));
        QCOMPARE(rowsOfEntity(db(), u"report"_s, 3), 0);
        QVERIFY(!QFile::exists(cache.localPath(key)));
        QCOMPARE(cache.localCount(), 0);
        QVERIFY(!cache.lookup(db(), key).value());
    }

    void pruneSharedDeletesUnusedRows()
    {
        PdfCache cache(cacheDir());
        const PdfCacheKey old = PdfCacheKey::workOrder(80, 1, 1), fresh = PdfCacheKey::workOrder(81, 1, 1);
        QVERIFY(cache.store(db(), old, makePdf(u"old"_s)));
        QVERIFY(cache.store(db(), fresh, makePdf(u"fresh"_s)));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(SqlStatement::run(db(), u"UPDATE pdf_cache SET last_used_at = ? WHERE cache_key = ?"_s,
                                  {now - 100LL * 24 * 3600 * 1000, old.toString()}));
        const Result<int> pruned = cache.pruneShared(db(), now - 90LL * 24 * 3600 * 1000);
        QVERIFY(pruned);
        QCOMPARE(pruned.value(), 1);
        QCOMPARE(rowsFor(db(), old), 0);
        QCOMPARE(rowsFor(db(), fresh), 1);
        // A database hit marks the row as used (at most hourly).
        cache.clearLocal();
        QVERIFY(SqlStatement::run(db(), u"UPDATE pdf_cache SET last_used_at = ?"_s, {now - 2 * 3600 * 1000}));
        QCOMPARE(cache.lookup(db(), fresh).value()->source, PdfCacheEntry::Source::Database);
        QVERIFY(
            queryValue(db(), u"SELECT last_used_at FROM pdf_cache WHERE cache_key = ?"_s, {fresh.toString()})
                .toLongLong() >= now);
    }

    // --- the local disk's cap -----------------------------------------------------------

    void leastRecentlyUsedIsEvictedFirst()
    {
        const PdfCacheKey a = PdfCacheKey::workOrder(1, 1, 1), b = PdfCacheKey::workOrder(2, 1, 1),
                          c = PdfCacheKey::workOrder(3, 1, 1), d = PdfCacheKey::workOrder(4, 1, 1);
        const QByteArray pa = makePdf(u"A"_s), pb = makePdf(u"B"_s), pc = makePdf(u"C"_s),
                         pd = makePdf(u"D"_s);
        // Room for all four but one byte: storing D must evict exactly one entry.
        PdfCache cache(cacheDir(), pa.size() + pb.size() + pc.size() + pd.size() - 1);
        QVERIFY(cache.store(db(), a, pa));
        QVERIFY(cache.store(db(), b, pb));
        QVERIFY(cache.store(db(), c, pc));
        // A hit makes A the most recently used: B is now the oldest.
        QCOMPARE(cache.lookup(db(), a).value()->source, PdfCacheEntry::Source::LocalDisk);
        QVERIFY(cache.store(db(), d, pd));

        QVERIFY(QFile::exists(cache.localPath(a)));
        QVERIFY(!QFile::exists(cache.localPath(b)));
        QVERIFY(QFile::exists(cache.localPath(c)));
        QVERIFY(QFile::exists(cache.localPath(d)));
        QCOMPARE(cache.localCount(), 3);
        QCOMPARE(cache.localUsage(), pa.size() + pc.size() + pd.size());
        QVERIFY(cache.localUsage() <= cache.capacity());
        QCOMPARE(cache.localStats().evicted, 1);

        // The database still shares B: the next lookup copies it back (evicting C,
        // now the least recently used).
        const Result<std::optional<PdfCacheEntry>> refill = cache.lookup(db(), b);
        QVERIFY(refill && refill.value());
        QCOMPARE(refill.value()->source, PdfCacheEntry::Source::Database);
        QCOMPARE(refill.value()->bytes, pb);
        QVERIFY(!QFile::exists(cache.localPath(c)));
        QVERIFY(QFile::exists(cache.localPath(a)));

        // A smaller cap evicts at once; a PDF larger than the cap is not kept locally.
        cache.setCapacity(pb.size());
        QCOMPARE(cache.localUsage(), pb.size());
        QCOMPARE(cache.localCount(), 1);
        QVERIFY(QFile::exists(cache.localPath(b))); // the most recently used
        cache.setCapacity(100);
        QCOMPARE(cache.localCount(), 0);
        const PdfCacheKey e = PdfCacheKey::workOrder(5, 1, 1);
        QVERIFY(cache.store(db(), e, pa));
        QVERIFY(!QFile::exists(cache.localPath(e)));
        QCOMPARE(rowsFor(db(), e), 1);
        const Result<std::optional<PdfCacheEntry>> big = cache.lookup(db(), e);
        QVERIFY(big && big.value());
        QCOMPARE(big.value()->bytes, pa);
        QVERIFY(big.value()->filePath.isEmpty());
    }

    void clearLocalEmptiesTheFolder()
    {
        PdfCache cache(cacheDir());
        QVERIFY(cache.store(db(), PdfCacheKey::workOrder(1, 1, 1), makePdf(u"A"_s)));
        QVERIFY(cache.store(db(), PdfCacheKey::workOrder(2, 1, 1), makePdf(u"B"_s)));
        cache.clearLocal();
        QCOMPARE(cache.localCount(), 0);
        QCOMPARE(cache.localUsage(), 0);
        QCOMPARE(QDir(cacheDir()).entryList(QDir::Files).size(), 0);
        QCOMPARE(queryValue(db(), u"SELECT COUNT(*) FROM pdf_cache"_s).toInt(), 2);
    }

    // --- corruption ---------------------------------------------------------------------

    void corruptLocalFile_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<bool>("sharedCopyIntact");
        for (const bool shared : {false, true}) {
            const char *suffix = shared ? ", refilled from the database" : ", a miss";
            QTest::addRow("truncated%s", suffix) << u"truncated"_s << shared;
            QTest::addRow("garbage%s", suffix) << u"garbage"_s << shared;
            QTest::addRow("wrong sha256, same size%s", suffix) << u"flipped"_s << shared;
            QTest::addRow("another PDF%s", suffix) << u"other"_s << shared;
            QTest::addRow("deleted%s", suffix) << u"deleted"_s << shared;
            QTest::addRow("sidecar garbage%s", suffix) << u"sidecar"_s << shared;
        }
    }
    void corruptLocalFile()
    {
        QFETCH(QString, damage);
        QFETCH(bool, sharedCopyIntact);
        PdfCache firstCache(cacheDir());
        const PdfCacheKey key = PdfCacheKey::workOrder(11, 4, 2);
        const QByteArray pdf = makePdf(u"order 11"_s);
        QVERIFY(firstCache.store(db(), key, pdf));
        if (!sharedCopyIntact)
            QVERIFY(SqlStatement::run(db(), u"DELETE FROM pdf_cache"_s));

        const QString path = firstCache.localPath(key);
        const QString sidecar = QString(path).replace(u".pdf"_s, u".json"_s);
        QByteArray damaged = pdf;
        if (damage == u"truncated")
            damaged.truncate(pdf.size() / 2);
        else if (damage == u"garbage")
            damaged = QByteArray(pdf.size(), 'x');
        else if (damage == u"flipped")
            damaged[pdf.size() / 2] = char(damaged.at(pdf.size() / 2) ^ 0x20);
        else if (damage == u"other")
            damaged = makePdf(u"something else entirely"_s, 1);
        if (damage == u"deleted")
            QVERIFY(QFile::remove(path));
        else if (damage == u"sidecar")
            QVERIFY(writeFile(sidecar, "{not json"));
        else
            QVERIFY(writeFile(path, damaged));

        // A damaged sidecar matters when the index is read again: after a restart.
        std::unique_ptr<PdfCache> restarted;
        if (damage == u"sidecar")
            restarted = std::make_unique<PdfCache>(cacheDir());
        PdfCache &cache = restarted ? *restarted : firstCache;
        const Result<std::optional<PdfCacheEntry>> found = cache.lookup(db(), key);
        QVERIFY(found);
        if (sharedCopyIntact) {
            QVERIFY(found.value());
            QCOMPARE(found.value()->source, PdfCacheEntry::Source::Database);
            QCOMPARE(found.value()->bytes, pdf);
            QCOMPARE(readFile(path), pdf); // the local copy is whole again
            QCOMPARE(cache.lookupLocal(key)->bytes, pdf);
        } else {
            QVERIFY(!found.value());
            QVERIFY(!QFile::exists(path));
            QVERIFY(!QFile::exists(sidecar));
            QCOMPARE(cache.localCount(), 0);
            QCOMPARE(cache.localUsage(), 0);
        }
        if (damage != u"deleted" && damage != u"sidecar")
            QCOMPARE(cache.localStats().corruptRemoved, 1);
    }

    void corruptSharedCopyIsDeletedAndAMiss()
    {
        PdfCache cache(cacheDir());
        const PdfCacheKey key = PdfCacheKey::workOrder(12, 1, 1);
        QByteArray pdf = makePdf(u"order 12"_s);
        QVERIFY(cache.store(db(), key, pdf));
        cache.clearLocal();
        // Same length (the size CHECK holds), different bytes.
        pdf[pdf.size() / 2] = char(pdf.at(pdf.size() / 2) ^ 0x20);
        QVERIFY(SqlStatement::run(db(), u"UPDATE pdf_cache SET content = ? WHERE cache_key = ?"_s,
                                  {pdf, key.toString()}));
        const Result<std::optional<PdfCacheEntry>> found = cache.lookup(db(), key);
        QVERIFY(found);
        QVERIFY(!found.value());
        QCOMPARE(rowsFor(db(), key), 0);
        QCOMPARE(cache.localCount(), 0);
    }

    // --- the shared copy: another desktop --------------------------------------------

    void secondDesktopGetsThePdfFromTheDatabase()
    {
        std::atomic<int> renders = 0;
        const QByteArray pdf = makePdf(u"order 20 v3"_s, 3);
        const auto render = [&renders, pdf] {
            ++renders;
            return pdf;
        };
        const PdfCacheKey key = PdfCacheKey::workOrder(20, 3, 1);

        PdfCache first(m_dir->filePath(u"desktop1"_s));
        const Result<PdfCacheEntry> made = first.getOrRender(db(), key, render);
        QVERIFY2(made, qPrintable(made.error().text()));
        QCOMPARE(made->source, PdfCacheEntry::Source::Rendered);
        QCOMPARE(made->bytes, pdf);
        QCOMPARE(made->filePath, first.localPath(key));
        QCOMPARE(renders.load(), 1);
        QCOMPARE(first.getOrRender(db(), key, render)->source, PdfCacheEntry::Source::LocalDisk);
        QCOMPARE(renders.load(), 1);

        // Another desktop: its own connection and an empty cache folder.
        std::unique_ptr<Database> other = m_t->openAnother();
        PdfCache second(m_dir->filePath(u"desktop2"_s));
        QCOMPARE(second.localCount(), 0);
        const Result<PdfCacheEntry> shared = second.getOrRender(*other, key, render);
        QVERIFY2(shared, qPrintable(shared.error().text()));
        QCOMPARE(shared->source, PdfCacheEntry::Source::Database);
        QCOMPARE(shared->bytes, pdf);
        QCOMPARE(renders.load(), 1);
        QVERIFY(shared->filePath.startsWith(m_dir->filePath(u"desktop2"_s)));
        QCOMPARE(readFile(shared->filePath), pdf);
        // From now on from its own disk.
        QCOMPARE(second.getOrRender(*other, key, render)->source, PdfCacheEntry::Source::LocalDisk);
        QCOMPARE(renders.load(), 1);

        // The work order changes on desktop 2: desktop 1 gets the new version from the
        // database, and its old copy goes.
        const PdfCacheKey next = PdfCacheKey::workOrder(20, 4, 1);
        const QByteArray pdf4 = makePdf(u"order 20 v4"_s);
        QVERIFY(second.getOrRender(*other, next, [&renders, pdf4] {
            ++renders;
            return pdf4;
        }));
        QCOMPARE(renders.load(), 2);
        const Result<std::optional<PdfCacheEntry>> fromDb = first.lookup(db(), next);
        QVERIFY(fromDb && fromDb.value());
        QCOMPARE(fromDb.value()->source, PdfCacheEntry::Source::Database);
        QCOMPARE(fromDb.value()->bytes, pdf4);
        QVERIFY(!QFile::exists(first.localPath(key)));
        other->closeThreadConnection();
    }

    void sameKeyIsRenderedOnceAtATime()
    {
        // The pre-render job is rendering work order 40 when a vet opens it: the vet's
        // lookup waits for that rendering instead of starting another.
        PdfCache cache(cacheDir());
        const PdfCacheKey key = PdfCacheKey::workOrder(40, 2, 1);
        const QByteArray pdf = makePdf(u"order 40"_s);
        std::atomic<int> renders = 0;
        QSemaphore started;
        QSemaphore proceed;
        Database &database = db();
        Result<PdfCacheEntry> jobResult;
        Result<PdfCacheEntry> vetResult;
        std::unique_ptr<QThread> job(QThread::create([&] {
            jobResult = cache.getOrRender(database, key, [&] {
                ++renders;
                started.release();
                proceed.acquire(); // still rendering until the vet waits
                return pdf;
            });
            database.closeThreadConnection();
        }));
        job->start();
        QVERIFY(started.tryAcquire(1, 30000));
        std::unique_ptr<QThread> vet(QThread::create([&] {
            vetResult = cache.getOrRender(database, key, [&] {
                ++renders;
                return pdf;
            });
            database.closeThreadConnection();
        }));
        vet->start();
        QTRY_COMPARE_WITH_TIMEOUT(cache.waitingForRenders(), 1, 30000);
        proceed.release();
        QVERIFY(job->wait(30000));
        QVERIFY(vet->wait(30000));
        QCOMPARE(renders.load(), 1);
        QVERIFY(jobResult);
        QCOMPARE(jobResult->source, PdfCacheEntry::Source::Rendered);
        QVERIFY(vetResult);
        QCOMPARE(vetResult->source, PdfCacheEntry::Source::LocalDisk);
        QCOMPARE(vetResult->bytes, pdf);
        QCOMPARE(cache.waitingForRenders(), 0);
    }

    void unreachableDatabaseStillGivesThePdf()
    {
        // A database that cannot be opened (a folder that does not exist): the PDF is
        // still rendered, kept and shown; lookups then hit the local disk.
        const Result<DatabaseConfig> config =
            DatabaseConfig::parse(u"sqlite://"_s + m_dir->filePath(u"missing/folder/x.db"_s));
        QVERIFY(config);
        Database unreachable(config.value());
        PdfCache cache(cacheDir());
        const PdfCacheKey key = PdfCacheKey::workOrder(41, 1, 1);
        const QByteArray pdf = makePdf(u"order 41"_s);
        int renders = 0;
        const auto render = [&renders, pdf] {
            ++renders;
            return pdf;
        };
        QVERIFY(!cache.lookup(unreachable, key)); // an error: the database could not be asked
        const Result<PdfCacheEntry> made = cache.getOrRender(unreachable, key, render);
        QVERIFY2(made, qPrintable(made.error().text()));
        QCOMPARE(made->source, PdfCacheEntry::Source::Rendered);
        QCOMPARE(made->bytes, pdf);
        QCOMPARE(made->filePath, cache.localPath(key));
        const Result<PdfCacheEntry> again = cache.getOrRender(unreachable, key, render);
        QVERIFY(again);
        QCOMPARE(again->source, PdfCacheEntry::Source::LocalDisk);
        QCOMPARE(renders, 1);
        QVERIFY(!cache.store(unreachable, PdfCacheKey::workOrder(42, 1, 1), pdf));
    }

    void renderFailureIsAnErrorAndStoresNothing()
    {
        PdfCache cache(cacheDir());
        const PdfCacheKey key = PdfCacheKey::workOrder(30, 1, 1);
        const Result<PdfCacheEntry> failed = cache.getOrRender(db(), key, [] { return QByteArray(); });
        QVERIFY(!failed);
        QVERIFY(failed.error().message.contains(key.toString()));
        QCOMPARE(rowsFor(db(), key), 0);
        QCOMPARE(cache.localCount(), 0);
    }

    // --- restarts and crashes -----------------------------------------------------------

    void indexSurvivesReopening()
    {
        const PdfCacheKey a = PdfCacheKey::workOrder(1, 1, 1), b = PdfCacheKey::workOrder(2, 1, 1),
                          c = PdfCacheKey::workOrder(3, 1, 1);
        const QByteArray pa = makePdf(u"A"_s), pb = makePdf(u"B"_s), pc = makePdf(u"C"_s);
        {
            PdfCache cache(cacheDir());
            QVERIFY(cache.store(db(), a, pa));
            QVERIFY(cache.store(db(), b, pb));
            QVERIFY(cache.lookupLocal(a)); // A is now more recent than B
        }
        // Leftovers of a crash: QSaveFile's temporary file, a PDF whose sidecar was never
        // written, a sidecar whose PDF is gone. Old ones are cleaned up, a fresh one (a
        // write in progress in another process) is left alone.
        const QString stale = QDir(cacheDir()).filePath(a.fileBaseName() + u".pdf.Xy12Ab"_s);
        const QString orphan =
            QDir(cacheDir()).filePath(PdfCacheKey::workOrder(50, 1, 1).fileBaseName() + u".pdf"_s);
        const QString fresh =
            QDir(cacheDir()).filePath(PdfCacheKey::workOrder(51, 1, 1).fileBaseName() + u".pdf"_s);
        const QString lonelySidecar =
            QDir(cacheDir()).filePath(PdfCacheKey::workOrder(52, 1, 1).fileBaseName() + u".json"_s);
        QVERIFY(writeFile(stale, pa.left(100)));
        QVERIFY(writeFile(orphan, pa));
        QVERIFY(writeFile(fresh, pa));
        QVERIFY(writeFile(lonelySidecar, "{}"));
        makeOld(stale);
        makeOld(orphan);

        QVERIFY(SqlStatement::run(db(), u"DELETE FROM pdf_cache"_s)); // only the disk can answer now
        PdfCache reopened(cacheDir(), pa.size() + pb.size() + pc.size() - 1);
        QCOMPARE(reopened.localCount(), 2);
        QCOMPARE(reopened.localUsage(), pa.size() + pb.size());
        QVERIFY(!QFile::exists(stale));
        QVERIFY(!QFile::exists(orphan));
        QVERIFY(QFile::exists(fresh));
        QVERIFY(!QFile::exists(lonelySidecar));
        QVERIFY(!reopened.lookupLocal(PdfCacheKey::workOrder(51, 1, 1))); // no sidecar, no hit
        // The order of use survived too: B, not A, makes room for C.
        QVERIFY(reopened.store(db(), c, pc));
        QVERIFY(!QFile::exists(reopened.localPath(b)));
        const std::optional<PdfCacheEntry> hit = reopened.lookupLocal(a);
        QVERIFY(hit);
        QCOMPARE(hit->bytes, pa);
        QCOMPARE(hit->source, PdfCacheEntry::Source::LocalDisk);
    }

    void anotherProcessWritesTheSameFolder()
    {
        PdfCache mine(cacheDir());
        PdfCache theirs(cacheDir()); // as another process would
        const PdfCacheKey key = PdfCacheKey::workOrder(60, 1, 1);
        QCOMPARE(mine.localCount(), 0); // index read before they write
        const QByteArray pdf = makePdf(u"order 60"_s);
        QVERIFY(theirs.store(db(), key, pdf));
        QVERIFY(SqlStatement::run(db(), u"DELETE FROM pdf_cache"_s));
        const std::optional<PdfCacheEntry> hit = mine.lookupLocal(key);
        QVERIFY(hit);
        QCOMPARE(hit->bytes, pdf);
        // They render it again (different bytes, same key): still a hit here, never a
        // corrupt file.
        const QByteArray again = makePdf(u"order 60, rendered again"_s);
        QVERIFY(theirs.store(db(), key, again));
        QCOMPARE(mine.lookupLocal(key)->bytes, again);
        QCOMPARE(mine.localStats().corruptRemoved, 0);
    }

    // --- threads ------------------------------------------------------------------------

    void concurrentLookupsAndStores()
    {
        // Several runner and executor threads on one cache and one database, each with
        // its own connection: work orders 1-4 are opened again and again (getOrRender),
        // while work order 5 keeps changing (store of new versions).
        constexpr int kThreads = 6;
        constexpr int kRounds = 15;
        QHash<QString, QByteArray> pdfs;
        for (int id = 1; id <= 4; ++id)
            pdfs.insert(PdfCacheKey::workOrder(id, 1, 1).toString(), makePdf(u"order %1"_s.arg(id)));
        for (int v = 1; v <= kRounds; ++v)
            pdfs.insert(PdfCacheKey::workOrder(5, v, 1).toString(), makePdf(u"order 5 v%1"_s.arg(v)));
        qint64 largest = 0;
        for (const QByteArray &pdf : std::as_const(pdfs))
            largest = qMax<qint64>(largest, pdf.size());
        // Room for about three PDFs: eviction runs all the time too.
        PdfCache cache(cacheDir(), largest * 3);
        std::atomic<int> renders = 0;
        std::atomic<int> failures = 0;
        QMutex messagesMutex;
        QStringList messages;
        const auto fail = [&](const QString &message) {
            ++failures;
            QMutexLocker lock(&messagesMutex);
            messages << message;
        };
        Database &database = db();
        runConcurrently(kThreads, [&](int thread) {
            for (int round = 0; round < kRounds; ++round) {
                if (thread == 0) {
                    const PdfCacheKey key = PdfCacheKey::workOrder(5, round + 1, 1);
                    if (const VoidResult r = cache.store(database, key, pdfs.value(key.toString())); !r)
                        fail(r.error().text() + r.error().detail);
                    continue;
                }
                const PdfCacheKey key = PdfCacheKey::workOrder(1 + (thread + round) % 4, 1, 1);
                const QByteArray expected = pdfs.value(key.toString());
                const Result<PdfCacheEntry> entry = cache.getOrRender(database, key, [&renders, expected] {
                    ++renders;
                    return expected;
                });
                if (!entry)
                    fail(entry.error().text() + entry.error().detail);
                else if (entry->bytes != expected || entry->key != key)
                    fail(u"wrong PDF for %1"_s.arg(key.toString()));
            }
            database.closeThreadConnection();
        });
        QVERIFY2(failures.load() == 0, qPrintable(messages.join(u'\n')));
        QVERIFY(renders.load() >= 4);
        // One shared copy per entity, the newest for work order 5.
        QCOMPARE(queryValue(db(), u"SELECT COUNT(*) FROM pdf_cache"_s).toInt(), 5);
        QCOMPARE(rowsFor(db(), PdfCacheKey::workOrder(5, kRounds, 1)), 1);
        // The disk index matches the folder.
        QVERIFY(cache.localUsage() <= cache.capacity());
        qint64 onDisk = 0;
        const QFileInfoList files = QDir(cacheDir()).entryInfoList({u"*.pdf"_s}, QDir::Files);
        for (const QFileInfo &info : files)
            onDisk += info.size();
        QCOMPARE(onDisk, cache.localUsage());
        QCOMPARE(files.size(), cache.localCount());
        for (int id = 1; id <= 4; ++id) {
            const PdfCacheKey key = PdfCacheKey::workOrder(id, 1, 1);
            const Result<std::optional<PdfCacheEntry>> found = cache.lookup(db(), key);
            QVERIFY(found && found.value());
            QCOMPARE(found.value()->bytes, pdfs.value(key.toString()));
        }
    }

    void lookupAsyncFromAnExecutor()
    {
        // The GUI's way in: lookupAsync() runs on the executor's read pool.
        PdfCache cache(cacheDir());
        const PdfCacheKey key = PdfCacheKey::workOrder(70, 1, 1);
        const QByteArray pdf = makePdf(u"order 70"_s);
        QVERIFY(cache.store(db(), key, pdf));
        DbExecutor executor(db());
        QFuture<Result<std::optional<PdfCacheEntry>>> future = cache.lookupAsync(executor, key);
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 30000);
        const Result<std::optional<PdfCacheEntry>> found = future.result();
        QVERIFY(found && found.value());
        QCOMPARE(found.value()->bytes, pdf);

        QThreadPool pool;
        const PdfCacheKey missing = PdfCacheKey::workOrder(71, 1, 1);
        QFuture<Result<PdfCacheEntry>> rendered =
            cache.getOrRenderAsync(db(), &pool, missing, [pdf] { return pdf; });
        QTRY_VERIFY_WITH_TIMEOUT(rendered.isFinished(), 30000);
        QVERIFY(rendered.result());
        QCOMPARE(rendered.result()->source, PdfCacheEntry::Source::Rendered);
        QCOMPARE(rowsFor(db(), missing), 1);
        executor.waitForDone();
        pool.waitForDone();
    }
};

QTEST_MAIN(TestPdfCache)
#include "tst_pdfcache.moc"
