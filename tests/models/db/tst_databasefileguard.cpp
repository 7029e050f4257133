// The SQLite database file is SQLite's alone in a Residesk process
// (models/db/databasefileguard.h): files a person names are refused when they are the
// database or one of its companions; closing any other descriptor of the file drops
// SQLite's locks (the cause, reproduced here), and a write after that is refused
// loudly instead of going into a write-ahead log another process deleted; every
// connection then reconnects and writes go on. SQLite only: these are its files.
#include "models/core/actor.h"
#include "models/db/database.h"
#include "models/db/databasefileguard.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/io/csvpreview.h"
#include "models/io/residentimporter.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <memory>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// What another process finds in the file: the number of rows of `table`, read with
// Python's sqlite3 (a plain SQLite process that opens, reads and closes the file, as a
// `residesk … list` does), or -1 with the reason in `error`.
int rowsSeenByAnotherProcess(const QString &path, const QString &table, QString *error)
{
    QProcess p;
    p.start(u"/usr/bin/python3"_s,
            {u"-c"_s,
             u"import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\n"
             u"print(c.execute('SELECT count(*) FROM ' + sys.argv[2]).fetchone()[0])\nc.close()"_s,
             path, table});
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        *error = QString::fromUtf8(p.readAllStandardError());
        return -1;
    }
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed().toInt();
}

VoidResult insertRow(Database &db, int value)
{
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    if (const VoidResult r = SqlStatement::run(db, u"INSERT INTO t (x) VALUES (?)"_s, {value}); !r)
        return r;
    return tx.commit();
}

// Reads and closes the file outside SQLite, as Qt's file dialog did.
void touchOutsideSqlite(const QString &path)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    f.read(16);
    f.close();
}

// A thread with an event loop and a connection of its own, idle (as a job runner is).
class IdleConnectionThread : public QThread
{
public:
    explicit IdleConnectionThread(Database &db)
        : m_db(db)
    {}

protected:
    void run() override
    {
        SqlStatement st(m_db, u"SELECT count(*) FROM t"_s);
        if (st.exec())
            st.next();
        exec();
    }

private:
    Database &m_db;
};

} // namespace

class TestDatabaseFileGuard : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    QString m_path;

private Q_SLOTS:
    void init()
    {
        DatabaseFileGuard::clearForTests();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(u"residesk.db"_s);
        const Result<DatabaseConfig> config = DatabaseConfig::parse(u"sqlite://"_s + m_path);
        QVERIFY(config);
        m_db = std::make_unique<Database>(config.value());
        QVERIFY(SqlStatement::run(*m_db, u"CREATE TABLE t (x INTEGER)"_s));
        QVERIFY(insertRow(*m_db, 1));
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void refusesTheDatabaseAndItsCompanions_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("refused");
        QTest::newRow("the database") << u"residesk.db"_s << true;
        QTest::newRow("its write-ahead log") << u"residesk.db-wal"_s << true;
        QTest::newRow("its shared memory") << u"residesk.db-shm"_s << true;
        QTest::newRow("its rollback journal, not there") << u"residesk.db-journal"_s << true;
        QTest::newRow("through the folder's other name") << u"sub/../residesk.db"_s << true;
        QTest::newRow("a symbolic link to it") << u"link.db"_s << true;
        QTest::newRow("a hard link to it") << u"hard.db"_s << true;
        QTest::newRow("another file beside it") << u"residents.csv"_s << false;
        QTest::newRow("a name that only starts like it") << u"residesk.db.csv"_s << false;
    }

    void refusesTheDatabaseAndItsCompanions()
    {
        QFETCH(QString, name);
        QFETCH(bool, refused);
        QVERIFY(QDir(m_dir->path()).mkdir(u"sub"_s));
        QVERIFY(QFile::link(m_path, m_dir->filePath(u"link.db"_s)));
        QCOMPARE(::link(QFile::encodeName(m_path).constData(),
                        QFile::encodeName(m_dir->filePath(u"hard.db"_s)).constData()),
                 0);
        const std::optional<QString> why = DatabaseFileGuard::refusal(m_dir->filePath(name));
        QCOMPARE(why.has_value(), refused);
        if (refused)
            QVERIFY2(why->contains(QFileInfo(name).fileName()) && why->contains(u"choose another file"_s),
                     qPrintable(*why));
    }

    void importAndPreviewRefuseTheDatabase()
    {
        const CsvPreview preview = CsvPreview::load(m_path, 10);
        QVERIFY2(preview.error.contains(u"the database file Residesk is using"_s), qPrintable(preview.error));
        ResidentImporter importer(*m_db, Actor::systemUser(), m_path, {});
        QVERIFY(!importer.open());
        QCOMPARE(importer.failure().kind, ResidentImporter::Failure::Kind::File);
        QVERIFY2(importer.failure().message.contains(u"the database file Residesk is using"_s),
                 qPrintable(importer.failure().message));
        // Nothing opened the file outside SQLite: the hold is intact.
        QCOMPARE(DatabaseFileGuard::hold(m_path), DatabaseFileGuard::Hold::Held);
    }

    // The cause, at its root: the process holds SQLite's lock while its connection is
    // open; opening and closing the file (or its -shm) by other means drops it.
    void closingAnyDescriptorDropsTheLocks_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("the database") << QString();
        QTest::newRow("its shared memory") << u"-shm"_s;
    }

    void closingAnyDescriptorDropsTheLocks()
    {
        QFETCH(QString, suffix);
        QCOMPARE(DatabaseFileGuard::hold(m_path), DatabaseFileGuard::Hold::Held);
        touchOutsideSqlite(m_path + suffix);
        QCOMPARE(DatabaseFileGuard::hold(m_path), DatabaseFileGuard::Hold::LocksLost);
    }

    // Without its locks this process looks gone to others: the next process that
    // closes deletes the log this process writes into. The write is refused instead,
    // nothing is written, and once every connection has closed writes work again.
    void aLostHoldRefusesWritesThenReconnects_data()
    {
        QTest::addColumn<bool>("inTransaction");
        QTest::newRow("a transaction") << true;
        QTest::newRow("a statement of its own") << false;
    }

    void aLostHoldRefusesWritesThenReconnects()
    {
        QFETCH(bool, inTransaction);
        QSignalSpy lost(m_db.get(), &Database::connectionLost);
        touchOutsideSqlite(m_path);
        QString error;
        QCOMPARE(rowsSeenByAnotherProcess(m_path, u"t"_s, &error), 1);
        QVERIFY2(!QFile::exists(m_path + u"-wal"_s), "the other process should have deleted the log");
        QCOMPARE(DatabaseFileGuard::hold(m_path), DatabaseFileGuard::Hold::WalDeleted);

        const VoidResult refused = inTransaction
                                       ? insertRow(*m_db, 2)
                                       : SqlStatement::run(*m_db, u"INSERT INTO t (x) VALUES (?)"_s, {2});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, DbError::Code::ConnectionLost);
        QVERIFY2(refused.error().message.contains(u"Nothing was written"_s),
                 qPrintable(refused.error().message));
        QVERIFY(refused.error().message.contains(QDir::toNativeSeparators(m_path)));
        QCOMPARE(lost.count(), 1);
        QCOMPARE(rowsSeenByAnotherProcess(m_path, u"t"_s, &error), 1);

        // This thread's was the only connection: the next write reconnects (SQLite takes
        // its locks afresh) and commits where others see it.
        QVERIFY(insertRow(*m_db, 3));
        QCOMPARE(DatabaseFileGuard::hold(m_path), DatabaseFileGuard::Hold::Held);
        QVERIFY(!m_db->isRejoining());
        QCOMPARE(rowsSeenByAnotherProcess(m_path, u"t"_s, &error), 2);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // Connections on other threads are closed too (an idle thread with an event loop
    // is asked to), and none reopens before all are closed.
    void reconnectingWaitsForEveryThread()
    {
        IdleConnectionThread idle(*m_db);
        idle.start();
        auto stop = qScopeGuard([&idle] {
            idle.quit();
            idle.wait();
        });
        QTRY_COMPARE(m_db->openConnectionCount(), 2);
        touchOutsideSqlite(m_path);
        QVERIFY(!insertRow(*m_db, 2));
        QVERIFY(m_db->isRejoining());
        // The idle thread closes its connection through its event loop; then this one
        // reconnects.
        QTRY_COMPARE(m_db->openConnectionCount(), 0);
        QVERIFY(insertRow(*m_db, 3));
        QCOMPARE(DatabaseFileGuard::hold(m_path), DatabaseFileGuard::Hold::Held);
        stop.dismiss();
        idle.quit();
        QVERIFY(idle.wait(10000));
        QString error;
        QCOMPARE(rowsSeenByAnotherProcess(m_path, u"t"_s, &error), 2);
    }
};

QTEST_GUILESS_MAIN(TestDatabaseFileGuard)
#include "tst_databasefileguard.moc"
