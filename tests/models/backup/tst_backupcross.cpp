// Moving between the embedded file and a server: SQLite → PostgreSQL and PostgreSQL →
// SQLite, every table compared row by row (PostgreSQL's timestamps compared at the
// milliseconds SQLite keeps), and a SQLite database that went to PostgreSQL and back is
// the same to the byte.
#include "models/backup/databasebackup.h"
#include "models/backup/databaserestore.h"
#include "tests/models/backup/backuptestutil.h"
#include "tests/support/testdatabase.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestBackupCross : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static std::unique_ptr<TestDatabase> make(const char *backend)
    {
        qputenv("RESIDESK_TEST_BACKEND", backend);
        QString error;
        std::unique_ptr<TestDatabase> t = TestDatabase::create(&error);
        if (!t)
            qWarning() << backend << error;
        return t;
    }

    static QMap<QString, QList<QStringList>> rows(TestDatabase &t, bool millis)
    {
        std::unique_ptr<Database> all = t.openAsInstaller();
        QString error;
        auto out = BackupTestUtil::dump(*all, millis, &error);
        if (!error.isEmpty())
            qWarning() << error;
        // PostgreSQL's table of which group may queue which job (its permissions, not
        // the office's data) has no SQLite counterpart: each side keeps its own.
        out.remove(u"job_kind_roles"_s);
        return out;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void sqliteToPostgresqlAndBack()
    {
        std::unique_ptr<TestDatabase> lite = make("sqlite");
        QVERIFY(lite);
        const QString problem = BackupTestUtil::seed(lite->db(), u"somebody"_s);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString one = m_dir.filePath(u"lite.rdb"_s);
        const auto written = DatabaseBackup::write(lite->db(), one, {});
        QVERIFY2(written, qPrintable(written.error().message));

        std::unique_ptr<TestDatabase> server = make("postgresql");
        QVERIFY(server);
        const auto restored = DatabaseRestore::restore(server->db(), one);
        QVERIFY2(restored, qPrintable(restored.error().message));
        QString diff = BackupTestUtil::difference(rows(*lite, true), rows(*server, true));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));

        const QString two = m_dir.filePath(u"server.rdb"_s);
        const auto again = DatabaseBackup::write(server->db(), two, {});
        QVERIFY2(again, qPrintable(again.error().message));
        std::unique_ptr<TestDatabase> back = make("sqlite");
        QVERIFY(back);
        const auto home = DatabaseRestore::restore(back->db(), two);
        QVERIFY2(home, qPrintable(home.error().message));
        diff = BackupTestUtil::difference(rows(*lite, false), rows(*back, false));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void postgresqlToSqlite()
    {
        std::unique_ptr<TestDatabase> server = make("postgresql");
        QVERIFY(server);
        const QString problem = BackupTestUtil::seed(server->db(), TestDatabase::login(TestDatabase::Person::Vet));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString file = m_dir.filePath(u"pg.rdb"_s);
        const auto written = DatabaseBackup::write(server->db(), file, {});
        QVERIFY2(written, qPrintable(written.error().message));
        std::unique_ptr<TestDatabase> lite = make("sqlite");
        QVERIFY(lite);
        const auto restored = DatabaseRestore::restore(lite->db(), file);
        QVERIFY2(restored, qPrintable(restored.error().message));
        const QString diff = BackupTestUtil::difference(rows(*server, true), rows(*lite, true));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
};

QTEST_GUILESS_MAIN(TestBackupCross)
#include "tst_backupcross.moc"
