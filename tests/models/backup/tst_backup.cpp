// Backup and restore on one backend (SQLite → SQLite, PostgreSQL → PostgreSQL), every
// table compared row by row; damaged and cut-off files and non-empty databases refused
// with nothing written; on PostgreSQL only administrators (and workers, for scheduled
// backups) may back up, only administrators restore.
#include "models/backup/backupfile.h"
#include "models/backup/databasebackup.h"
#include "models/backup/databaserestore.h"
#include "models/db/transaction.h"
#include "tests/models/backup/backuptestutil.h"
#include "tests/support/testdatabase.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestBackup : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_source;
    QTemporaryDir m_dir;
    QString m_file;

    // What a superuser sees on PostgreSQL (past row-level security); the file on SQLite.
    static QMap<QString, QList<QStringList>> everything(TestDatabase &t)
    {
        std::unique_ptr<Database> all = t.openAsInstaller();
        QString error;
        auto rows = BackupTestUtil::dump(*all, false, &error);
        if (!error.isEmpty())
            qWarning() << "dump:" << error;
        return rows;
    }

    static QString failure(const VoidResult &r)
    {
        return r ? QString() : r.error().message + r.error().detail;
    }

    static qint64 count(Database &db, const QString &table)
    {
        SqlStatement st(db, u"SELECT COUNT(*) FROM "_s + table);
        return st.exec() && st.next() ? st.value(0).toLongLong() : -1;
    }

    QString copyWith(const std::function<void(QByteArray &)> &change, const QString &name)
    {
        QFile in(m_file);
        if (!in.open(QIODevice::ReadOnly))
            return {};
        QByteArray bytes = in.readAll();
        change(bytes);
        const QString path = m_dir.filePath(name);
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        out.write(bytes);
        return path;
    }

    // A fresh, migrated, empty database, which must still be empty after `path` was refused.
    void refusedLeavesEmpty(const QString &path, const QString &expected)
    {
        QString error;
        std::unique_ptr<TestDatabase> target = TestDatabase::create(&error);
        QVERIFY2(target, qPrintable(error));
        const Result<DatabaseRestore::Summary> r = DatabaseRestore::restore(target->db(), path);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().message));
        for (const char *table : {"residents", "audit_entries", "reports", "report_pdfs", "jobs"})
            QCOMPARE(count(target->db(), QLatin1String(table)), 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_source = TestDatabase::create(&error);
        QVERIFY2(m_source, qPrintable(error));
        const QString problem =
            BackupTestUtil::seed(m_source->db(), TestDatabase::login(TestDatabase::Person::Housing));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_file = m_dir.filePath(u"source.rdb"_s);
        const Result<DatabaseBackup::Summary> written = DatabaseBackup::write(m_source->db(), m_file, {});
        QVERIFY2(written, qPrintable(written.error().message));
        QVERIFY(written->manifest.totalRows() > 1000);
    }
    void cleanupTestCase() { m_source.reset(); }

    void manifestDescribesEveryTable()
    {
        BackupFileReader reader;
        QString error;
        QVERIFY2(reader.open(m_file, &error), qPrintable(error));
        const BackupManifest &m = reader.manifest();
        QCOMPARE(m.sourceBackend, TestDatabase::backendName());
        QVERIFY(m.schemaVersion >= 17);
        QStringList names;
        for (const BackupTableEntry &t : m.tables) {
            names.append(t.name);
            QCOMPARE(t.checksum.size(), 64);
        }
        // Discovered from the schema, parents before children.
        QVERIFY(names.contains(u"notifications"_s));
        QVERIFY(!names.contains(u"schema_migrations"_s));
        QVERIFY(names.indexOf(u"buildings"_s) < names.indexOf(u"rooms"_s));
        QVERIFY(names.indexOf(u"protocols"_s) < names.indexOf(u"reports"_s));
        QVERIFY(names.indexOf(u"reports"_s) < names.indexOf(u"report_pdfs"_s));
        QVERIFY(names.indexOf(u"outbox_emails"_s) < names.indexOf(u"outbox_attachments"_s));
        // Every row of the other person's notification is in (row-level security did not hide it).
        for (const BackupTableEntry &t : m.tables) {
            if (t.name == u"notifications")
                QCOMPARE(t.rows, 1);
            if (t.name == u"residents")
                QCOMPARE(t.rows, 120);
        }
        QVERIFY2(reader.verify(&error), qPrintable(error));
    }

    void roundTripKeepsEveryRow()
    {
        QString error;
        std::unique_ptr<TestDatabase> target = TestDatabase::create(&error);
        QVERIFY2(target, qPrintable(error));
        const Result<DatabaseRestore::Summary> restored = DatabaseRestore::restore(target->db(), m_file);
        QVERIFY2(restored, qPrintable(restored.error().message));
        const QString diff = BackupTestUtil::difference(everything(*m_source), everything(*target));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));

        // The restore wrote no audit entries and kept creators and signers; the
        // triggers work again afterwards, and new ids continue after the restored ones.
        QCOMPARE(count(target->db(), u"audit_entries"_s), count(m_source->db(), u"audit_entries"_s));
        const qint64 audits = count(target->db(), u"audit_entries"_s);
        QVERIFY(SqlStatement::run(target->db(),
                                  u"INSERT INTO buildings (code, name, floors, created_by, updated_by) "
                                  "VALUES ('NEW', 'New', 1, 'x', 'x')"_s));
        QCOMPARE(count(target->db(), u"audit_entries"_s), audits + 1);
        SqlStatement ids(target->db(), u"SELECT (SELECT id FROM buildings WHERE code = 'NEW') > "
                                       "(SELECT MAX(id) FROM buildings WHERE code <> 'NEW')"_s);
        QVERIFY(ids.exec() && ids.next());
        QVERIFY(ids.value(0).toBool());
        if (TestDatabase::isPostgreSQL()) {
            SqlStatement by(target->db(), u"SELECT created_by FROM buildings WHERE code = 'NEW'"_s);
            QVERIFY(by.exec() && by.next());
            QCOMPARE(by.value(0).toString(), TestDatabase::login(TestDatabase::Person::Admin));
            // The indexes the restore built again after the audit rows (0028; the trail's
            // batches, 0031) are the same.
            const auto indexes = [](Database &db) {
                SqlStatement st(db, u"SELECT string_agg(indexdef, '; ' ORDER BY indexname) FROM pg_indexes "
                                    "WHERE schemaname = 'public' AND tablename = 'audit_batches'"_s);
                return st.exec() && st.next() ? st.value(0).toString() : QString();
            };
            QVERIFY(indexes(target->db()).contains(u"audit_batches_username_idx"_s));
            QVERIFY(indexes(target->db()).contains(u"USING gin (entity_ids)"_s));
            QCOMPARE(indexes(target->db()), indexes(m_source->db()));
        }
    }

    void damagedByteRefused()
    {
        BackupFileReader reader;
        QString error;
        QVERIFY(reader.open(m_file, &error));
        BackupTableEntry residents;
        for (const BackupTableEntry &t : reader.manifest().tables)
            if (t.name == u"residents")
                residents = t;
        QVERIFY(residents.length > 100);
        const qint64 at = residents.offset + residents.length / 2;
        const QString path = copyWith([&](QByteArray &b) { b[at] = char(b[at] ^ 0x10); }, u"damaged.rdb"_s);
        refusedLeavesEmpty(path, u"table residents"_s);
        // A damaged manifest too.
        const qint64 size = reader.fileSize();
        const QString manifest = copyWith(
            [&](QByteArray &b) { b[size - BackupFormat::kTrailerSize - 20] ^= 0x01; }, u"manifest.rdb"_s);
        refusedLeavesEmpty(manifest, u"manifest"_s);
    }

    void firstDamagedTableIsTheOneNamed()
    {
        // Damage in two tables, the later (in the file) larger than the earlier: the
        // checks run on several threads, largest table first, and still name the table a
        // check in file order would have found first.
        BackupFileReader reader;
        QString error;
        QVERIFY(reader.open(m_file, &error));
        const QList<BackupTableEntry> &tables = reader.manifest().tables;
        qsizetype first = -1;
        qsizetype second = -1;
        for (qsizetype i = 0; i < tables.size() && second < 0; ++i) {
            for (qsizetype j = i + 1; j < tables.size() && second < 0; ++j) {
                if (tables.at(i).length >= 64 && tables.at(j).length > tables.at(i).length) {
                    first = i;
                    second = j;
                }
            }
        }
        QVERIFY(first >= 0 && second > first);
        const BackupTableEntry a = tables.at(first);
        const BackupTableEntry b = tables.at(second);
        const QString path = copyWith(
            [&](QByteArray &bytes) {
                bytes[a.offset + a.length / 2] ^= 0x04;
                bytes[b.offset + b.length / 2] ^= 0x04;
            },
            u"twice.rdb"_s);
        BackupFileReader damaged;
        QVERIFY(damaged.open(path, &error));
        for (int threads : {1, 2, 4}) {
            QString why;
            QVERIFY(!damaged.verify(&why, {}, threads));
            QVERIFY2(why.contains(u"table "_s + a.name + u" "_s), qPrintable(why));
        }
        refusedLeavesEmpty(path, u"table "_s + a.name + u" "_s);
    }

    void fileChangedAfterItsCheckIsRefused()
    {
        // The writing pass computes every table's checksum again as it reads: a file
        // changed after verify() is refused at the end of the damaged table.
        const QString path = copyWith([](QByteArray &) {}, u"changing.rdb"_s);
        BackupFileReader reader;
        QString error;
        QVERIFY(reader.open(path, &error));
        QVERIFY2(reader.verify(&error, {}, 2), qPrintable(error));
        int index = -1;
        for (int i = 0; i < reader.manifest().tables.size(); ++i)
            if (reader.manifest().tables.at(i).name == u"residents")
                index = i;
        QVERIFY(index >= 0);
        const BackupTableEntry residents = reader.manifest().tables.at(index);
        qint64 rows = 0;
        QVERIFY2(reader.readChunks(
                     index,
                     [&](const QByteArray &, quint32 count, qint64, QString *) {
                         rows += count;
                         return true;
                     },
                     &error),
                 qPrintable(error));
        QCOMPARE(rows, residents.rows);
        {
            // In place, as another program would: the reader's open handle sees it.
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            const qint64 at = residents.offset + 8 + 4; // inside the first chunk's data
            QVERIFY(file.seek(at));
            const QByteArray old = file.read(1);
            QVERIFY(file.seek(at));
            QCOMPARE(file.write(QByteArray(1, char(old.at(0) ^ 0x01))), 1);
        }
        error.clear();
        QVERIFY(!reader.readChunks(
            index, [](const QByteArray &, quint32, qint64, QString *) { return true; }, &error));
        QVERIFY2(error.contains(u"table residents"_s), qPrintable(error));
    }

    void truncatedFileRefused()
    {
        const QString half = copyWith([](QByteArray &b) { b.truncate(b.size() / 2); }, u"half.rdb"_s);
        refusedLeavesEmpty(half, u"truncated"_s);
        const QString lastByte = copyWith([](QByteArray &b) { b.chop(1); }, u"chopped.rdb"_s);
        refusedLeavesEmpty(lastByte, u"truncated"_s);
    }

    void nonEmptyDatabaseRefused()
    {
        const qint64 before = count(m_source->db(), u"residents"_s);
        const qint64 audits = count(m_source->db(), u"audit_entries"_s);
        const Result<DatabaseRestore::Summary> r = DatabaseRestore::restore(m_source->db(), m_file);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(u"not empty"_s), qPrintable(r.error().message));
        QCOMPARE(count(m_source->db(), u"residents"_s), before);
        QCOMPARE(count(m_source->db(), u"audit_entries"_s), audits);
        // Still all its triggers (the refused restore changed nothing).
        QVERIFY(SqlStatement::run(m_source->db(), u"UPDATE residents SET phone = '1' WHERE id = 1"_s));
        QCOMPARE(count(m_source->db(), u"audit_entries"_s), audits + 1);
    }

    void onlyAdministratorsBackUpAndRestore()
    {
        if (!TestDatabase::isPostgreSQL()) {
            // The embedded file has one person, who may do everything: a backup as them works.
            QVERIFY(DatabaseBackup::write(m_source->db(), m_dir.filePath(u"one.rdb"_s), {}));
            return;
        }
        for (const TestDatabase::Person person : {TestDatabase::Person::Housing, TestDatabase::Person::Vet}) {
            Database &db = m_source->dbAs(person);
            const Result<DatabaseBackup::Summary> r =
                DatabaseBackup::write(db, m_dir.filePath(u"no.rdb"_s), {});
            QVERIFY(!r);
            QCOMPARE(r.error().code, DbError::Code::PermissionDenied);
            QVERIFY(!QFile::exists(m_dir.filePath(u"no.rdb"_s)));
        }
        QVERIFY(DatabaseBackup::write(m_source->dbAs(TestDatabase::Person::Worker),
                                      m_dir.filePath(u"w.rdb"_s), {}));

        QString error;
        std::unique_ptr<TestDatabase> target = TestDatabase::create(&error);
        QVERIFY2(target, qPrintable(error));
        for (const TestDatabase::Person person :
             {TestDatabase::Person::Housing, TestDatabase::Person::Vet, TestDatabase::Person::Worker}) {
            const Result<DatabaseRestore::Summary> r = DatabaseRestore::restore(target->dbAs(person), m_file);
            QVERIFY(!r);
            QCOMPARE(r.error().code, DbError::Code::PermissionDenied);
        }
        QCOMPARE(count(target->db(), u"residents"_s), 0);
        // Nobody reaches the restore's writes without residesk_restore_begin() in the
        // same transaction, not even an administrator (audit entries cannot be forged).
        const VoidResult forged = SqlStatement::run(
            target->db(), u"SELECT residesk_restore_rows('audit_entries', '[{\"id\":1}]')"_s);
        QVERIFY(!forged);
        QCOMPARE(count(target->db(), u"audit_entries"_s), 0);

        // The COPY way in (0028): the owner's temporary staging table, moved into the
        // table only by the owner's function, only inside a restore. A housing role may
        // call neither function; an administrator neither without residesk_restore_begin()
        // in the same transaction, in an empty database or not.
        for (const QString &sql : {u"SELECT residesk_restore_stage('audit_entries')"_s,
                                   u"SELECT residesk_restore_staged('audit_entries')"_s}) {
            const VoidResult housing = SqlStatement::run(target->dbAs(TestDatabase::Person::Housing), sql);
            QVERIFY(!housing);
            QCOMPARE(housing.error().code, DbError::Code::PermissionDenied);
            for (Database *db : {&target->db(), &m_source->db()}) {
                const VoidResult admin = SqlStatement::run(*db, sql);
                QVERIFY(!admin);
                QVERIFY2(failure(admin).contains(u"no restore was begun"_s), qPrintable(failure(admin)));
            }
        }
        QCOMPARE(count(target->db(), u"audit_entries"_s), 0);
        {
            Database &db = target->db();
            Transaction tx(db);
            QVERIFY(tx.ok());
            QVERIFY(SqlStatement::run(db, u"SELECT residesk_restore_begin()"_s));
            SqlStatement nameOf(
                db, u"SELECT 'residesk_restore_rows_' || 'public.audit_entries'::regclass::oid"_s);
            QVERIFY(nameOf.exec() && nameOf.next());
            const QString name = nameOf.value(0).toString();
            nameOf.finish();
            const QString forgedRow = u"INSERT INTO pg_temp.%1 (id, at, username, entity, entity_id, action) "
                                      "VALUES (1, 0, 'forger', 'residents', 1, 'delete')"_s;
            {
                // A temporary table of the administrator's own under the staging name is
                // not the owner's: its rows are refused.
                Transaction own(db);
                QVERIFY(own.ok());
                QVERIFY(SqlStatement::run(
                    db, u"CREATE TEMPORARY TABLE pg_temp.%1 (LIKE public.audit_entries)"_s.arg(name)));
                QVERIFY(SqlStatement::run(db, forgedRow.arg(name)));
                const VoidResult r =
                    SqlStatement::run(db, u"SELECT residesk_restore_staged('audit_entries')"_s);
                QVERIFY(!r);
                QVERIFY2(failure(r).contains(u"no rows of table audit_entries were staged"_s),
                         qPrintable(failure(r)));
            }
            SqlStatement stage(db, u"SELECT residesk_restore_stage('audit_entries')"_s);
            QVERIFY(stage.exec() && stage.next());
            QCOMPARE(stage.value(0).toString(), name);
            stage.finish();
            QVERIFY(SqlStatement::run(db, forgedRow.arg(name)));
            // Only INSERT on the staging table; neither the schema's own table nor another
            // table's name reaches it.
            for (const QString &sql : {u"DELETE FROM pg_temp.%1"_s.arg(name),
                                       u"ALTER TABLE pg_temp.%1 ADD COLUMN x int"_s.arg(name),
                                       u"SELECT residesk_restore_staged('residents')"_s,
                                       u"SELECT residesk_restore_stage('schema_migrations')"_s,
                                       u"SELECT residesk_restore_stage('audit_entries')"_s}) {
                Transaction inner(db);
                QVERIFY(inner.ok());
                QVERIFY2(!SqlStatement::run(db, sql), qPrintable(sql));
            }
            SqlStatement moved(db, u"SELECT residesk_restore_staged('audit_entries')"_s);
            QVERIFY(moved.exec() && moved.next());
            QCOMPARE(moved.value(0).toLongLong(), 1);
            moved.finish();
            QCOMPARE(count(db, u"audit_entries"_s), 1);
            QVERIFY(!SqlStatement::run(db, u"SELECT residesk_restore_staged('audit_entries')"_s));
        }
        QCOMPARE(count(target->db(), u"audit_entries"_s), 0);

        // A restore begun and never finished is refused at the commit (0030): the
        // triggers (audit, stamps, checks) and foreign keys it turned off stay on.
        const auto disabledTriggers = [&] {
            SqlStatement st(target->db(),
                            u"SELECT COUNT(*) FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid "
                            "JOIN pg_namespace n ON n.oid = c.relnamespace "
                            "WHERE n.nspname = 'public' AND NOT tg.tgisinternal AND tg.tgenabled = 'D'"_s);
            return st.exec() && st.next() ? st.value(0).toLongLong() : qint64(-1);
        };
        QCOMPARE(disabledTriggers(), 0);
        {
            Database &db = target->db();
            Transaction tx(db);
            QVERIFY(tx.ok());
            QVERIFY(SqlStatement::run(db, u"SELECT residesk_restore_begin()"_s));
            QVERIFY(disabledTriggers() > 0);
            const VoidResult committed = tx.commit();
            QVERIFY(!committed);
            QVERIFY2(failure(committed).contains(u"not finished"_s), qPrintable(failure(committed)));
        }
        QCOMPARE(disabledTriggers(), 0);
        {
            // Checking the deferred constraints early does not get round it.
            Database &db = target->db();
            Transaction tx(db);
            QVERIFY(tx.ok());
            QVERIFY(SqlStatement::run(db, u"SELECT residesk_restore_begin()"_s));
            QVERIFY(!SqlStatement::run(db, u"SET CONSTRAINTS ALL IMMEDIATE"_s));
        }
        QCOMPARE(disabledTriggers(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
