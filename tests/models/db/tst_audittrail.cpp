#include "models/core/auditlog.h"
#include "models/db/database.h"
#include "models/db/sqlstatement.h"
#include "models/db/threadjob.h"
#include "tests/models/lab/labtestutil.h"
#include "tests/support/auditperson.h"
#include "tests/support/testdatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using Person = TestDatabase::Person;

// The audit trail written by the database (resources/migrations/0012_audit*.sql): one
// row per changed record, with the person who made the change, whatever made it; and
// nobody may write, change or delete the trail themselves.
class TestAuditTrail : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;

    Database &admin() { return m_t->dbAs(Person::Admin); }

    static qint64 insertId(Database &db, const QString &sql, const QVariantList &values)
    {
        SqlStatement st(db, sql);
        for (const QVariant &v : values)
            st.bind(v);
        if (auto r = st.exec(); !r) {
            qWarning() << r.error().text() << r.error().detail;
            return 0;
        }
        return st.next() ? st.value(0).toLongLong() : 0;
    }

    QList<AuditEntry> trail(const QString &entity, const QString &record)
    {
        AuditFilter filter;
        filter.entity = entity;
        filter.record = record;
        PageRequest request;
        request.limit = 100;
        const Result<QList<AuditEntry>> rows = AuditLog(admin()).page(filter, request);
        if (!rows) {
            qWarning() << rows.error().text() << rows.error().detail;
            return {};
        }
        return rows.value();
    }

private Q_SLOTS:
    void init()
    {
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
    }

    void cleanup() { m_t.reset(); }

    // Insert, update and delete, each made by the person whose work it is, through
    // plain SQL on that person's own connection.
    void everyChangeNamesItsPerson_data()
    {
        QTest::addColumn<Person>("person");
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QString>("insertSql");
        QTest::addColumn<QVariantList>("insertValues"); // the second is `field`'s
        QTest::addColumn<QString>("updateSql");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("newValue");

        QTest::newRow("a building, by housing staff")
            << Person::Housing << u"buildings"_s << u"building"_s
            << u"INSERT INTO buildings (code, name, address, floors, created_by, updated_by) "
               "VALUES (?, ?, ?, ?, 'x', 'x') RETURNING id"_s
            << QVariantList{u"AU"_s, u"Audit Hall"_s, u"1 Ledger Way"_s, 3}
            << u"UPDATE buildings SET name = ?, version = version + 1 WHERE id = ?"_s << u"name"_s
            << u"Audit House"_s;
        QTest::newRow("a client, by a vet")
            << Person::Vet << u"clients"_s << u"client"_s
            << u"INSERT INTO clients (kind, name, created_by, updated_by) VALUES (?, ?, 'x', 'x') RETURNING id"_s
            << QVariantList{u"farm"_s, u"Ledger Farm"_s}
            << u"UPDATE clients SET name = ?, version = version + 1 WHERE id = ?"_s << u"name"_s
            << u"Ledger Dairy"_s;
        QTest::newRow("a person, by an administrator")
            << Person::Admin << u"people"_s << u"person"_s
            << u"INSERT INTO people (login, full_name) VALUES (?, ?) RETURNING login"_s
            << QVariantList{u"rt_ledger"_s, u"Lee Ledger"_s}
            << u"UPDATE people SET full_name = ? WHERE login = ?"_s << u"full_name"_s << u"Lee L. Ledger"_s;
    }

    void everyChangeNamesItsPerson()
    {
        QFETCH(Person, person);
        QFETCH(QString, table);
        QFETCH(QString, entity);
        QFETCH(QString, insertSql);
        QFETCH(QVariantList, insertValues);
        QFETCH(QString, updateSql);
        QFETCH(QString, field);
        QFETCH(QString, newValue);
        Database &db = m_t->dbAs(person);
        const qint64 before = AuditLog(admin()).count().value();

        QString key;
        {
            SqlStatement st(db, insertSql);
            for (const QVariant &v : insertValues)
                st.bind(v);
            const VoidResult inserted = st.exec();
            QVERIFY2(inserted, qPrintable(inserted.error().text() + inserted.error().detail));
            QVERIFY(st.next());
            key = st.value(0).toString();
        }
        QVERIFY(SqlStatement::run(db, updateSql, {newValue, key}));
        QVERIFY(SqlStatement::run(db,
                                  u"DELETE FROM "_s + table +
                                      (entity == u"person"_s ? u" WHERE login = ?"_s : u" WHERE id = ?"_s),
                                  {key}));

        QCOMPARE(AuditLog(admin()).count().value(), before + 3);
        const QList<AuditEntry> rows = trail(table, key); // the table's name finds its entity
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).action, u"create"_s);
        QCOMPARE(rows.at(1).action, u"update"_s);
        QCOMPARE(rows.at(2).action, u"delete"_s);
        for (const AuditEntry &e : rows) {
            QCOMPARE(e.entity, entity);
            QCOMPARE(e.recordText(), key);
            QCOMPARE(e.username, auditPerson(person));
            QCOMPARE(e.sessionLogin, auditPerson(person));
            QCOMPARE(e.jobId, qint64(0));
            QVERIFY(qAbs(e.atMs - QDateTime::currentMSecsSinceEpoch()) < 60000);
        }
        QVERIFY(rows.at(0).before.isEmpty());
        QCOMPARE(rows.at(0).after.value(field).toString(), insertValues.at(1).toString());
        QCOMPARE(rows.at(1).before.value(field).toString(), insertValues.at(1).toString());
        QCOMPARE(rows.at(1).after.value(field).toString(), newValue);
        QCOMPARE(rows.at(2).before.value(field).toString(), newValue);
        QVERIFY(rows.at(2).after.isEmpty());
        // The person filter finds them; another person's does not.
        AuditFilter byPerson;
        byPerson.username = auditPerson(person);
        byPerson.entity = entity;
        QCOMPARE(AuditLog(admin()).count(byPerson).value(), qint64(3));
        if (TestDatabase::isPostgreSQL()) {
            byPerson.username = TestDatabase::login(person == Person::Vet ? Person::Housing : Person::Vet);
            QCOMPARE(AuditLog(admin()).count(byPerson).value(), qint64(0));
        }
    }

    // An update's entry holds the columns it changed but not the bookkeeping (version,
    // updated_at, updated_by: its own time and person say when and by whom), on both
    // backends through AuditLog; PostgreSQL's trail does not store them (migration
    // 0033), SQLite's stores whole rows. An update of only those still has its entry.
    void updatesLeaveOutBookkeeping()
    {
        const qint64 id =
            insertId(m_t->dbAs(Person::Housing),
                     u"INSERT INTO buildings (code, name, address, floors, created_by, updated_by) "
                     "VALUES ('BK', 'Book Hall', '2 Ledger Way', 2, 'x', 'x') RETURNING id"_s,
                     {});
        QVERIFY(id > 0);
        // Another person (PostgreSQL stamps updated_by with the acting role; SQLite keeps
        // what the statement says) and another time: every bookkeeping column changes.
        QVERIFY(SqlStatement::run(admin(),
                                  u"UPDATE buildings SET name = 'Book House', floors = floors + 1, "
                                  "version = version + 1, updated_at = '2030-01-02 03:04:05', "
                                  "updated_by = 'rt_bookkeeper' WHERE id = ?"_s,
                                  {id}));
        QVERIFY(SqlStatement::run(
            admin(),
            u"UPDATE buildings SET version = version + 1, updated_at = '2031-01-02 03:04:05', "
            "updated_by = 'rt_bookkeeper' WHERE id = ?"_s,
            {id}));

        const QList<AuditEntry> rows = trail(u"building"_s, QString::number(id));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).action, u"create"_s);
        QVERIFY(rows.at(0).after.contains(u"version"_s)); // a create keeps the whole row
        QVERIFY(rows.at(0).after.contains(u"updated_by"_s));
        const AuditEntry &changed = rows.at(1);
        QCOMPARE(changed.action, u"update"_s);
        QCOMPARE(changed.before, (QJsonObject{{u"name"_s, u"Book Hall"_s}, {u"floors"_s, 2}}));
        QCOMPARE(changed.after, (QJsonObject{{u"name"_s, u"Book House"_s}, {u"floors"_s, 3}}));
        const AuditEntry &bookkeeping = rows.at(2);
        QCOMPARE(bookkeeping.action, u"update"_s);
        QVERIFY(bookkeeping.before.isEmpty());
        QVERIFY(bookkeeping.after.isEmpty());
        QVERIFY(bookkeeping.id > changed.id);

        // What the trail stores.
        SqlStatement stored(admin(), u"SELECT before, after FROM audit_entries WHERE entity = 'building' "
                                     "AND entity_id = ? AND action = 'update' ORDER BY id"_s);
        stored.bind(id);
        QVERIFY(stored.exec());
        QVERIFY(stored.next());
        const QString before = stored.value(0).toString();
        const QString after = stored.value(1).toString();
        QVERIFY(stored.next());
        if (TestDatabase::isPostgreSQL()) {
            // The changed columns in the table's order, as to_json writes them.
            QCOMPARE(before, uR"({"name":"Book Hall","floors":2})"_s);
            QCOMPARE(after, uR"({"name":"Book House","floors":3})"_s);
            QCOMPARE(stored.value(0).toString(), u"{}"_s);
            QCOMPARE(stored.value(1).toString(), u"{}"_s);
        } else {
            for (const QString &row :
                 {before, after, stored.value(0).toString(), stored.value(1).toString()}) {
                const QJsonObject whole = QJsonDocument::fromJson(row.toUtf8()).object();
                QVERIFY2(whole.contains(u"version"_s) && whole.contains(u"updated_at"_s) &&
                             whole.contains(u"updated_by"_s) && whole.contains(u"address"_s),
                         qPrintable(row));
            }
        }
        QVERIFY(!stored.next());
    }

    // One statement changing many rows: one audit row each, told apart by the state
    // they moved to (forward: transition, back: restore), with the job named by the
    // thread (the engine's residesk.job_id on PostgreSQL).
    void bulkChangesAreSetBasedAndNameTheJob()
    {
        const qint64 client = LabTest::makeClient(admin());
        QVERIFY(client > 0);
        QList<qint64> ids;
        for (int i = 0; i < 5; ++i) {
            const Protocol p = LabTest::makeProtocol(admin(), client);
            QVERIFY(p.id > 0);
            ids << p.id;
        }
        {
            const ThreadJobScope job(admin(), 31337);
            QVERIFY(job.ok());
            QCOMPARE(ThreadJob::current(), qint64(31337));
            QVERIFY(SqlStatement::run(admin(),
                                      u"UPDATE protocols SET state = 'received', received_at = submitted_at, "
                                      "version = version + 1 WHERE client_id = ?"_s,
                                      {client}));
        }
        QCOMPARE(ThreadJob::current(), qint64(0));
        QVERIFY(SqlStatement::run(admin(),
                                  u"UPDATE protocols SET state = 'submitted', received_at = NULL, "
                                  "version = version + 1 WHERE client_id = ?"_s,
                                  {client}));
        const QList<AuditEntry> byJob = AuditLog(admin()).forJob(31337).value();
        QCOMPARE(byJob.size(), ids.size());
        for (const AuditEntry &e : byJob) {
            QCOMPARE(e.entity, u"protocol"_s);
            QCOMPARE(e.action, u"transition"_s);
            QVERIFY(ids.contains(e.entityId));
            QCOMPARE(e.before.value(u"state"_s).toString(), u"submitted"_s);
            QCOMPARE(e.after.value(u"state"_s).toString(), u"received"_s);
            QCOMPARE(e.username, auditPerson(Person::Admin));
        }
        if (TestDatabase::isPostgreSQL()) // one statement, one trigger call, one time
            QCOMPARE(byJob.first().atMs, byJob.last().atMs);
        for (qint64 id : ids) {
            const QList<AuditEntry> history = AuditLog(admin()).forEntity(u"protocol"_s, id).value();
            QCOMPARE(history.size(), 3); // create, transition, restore
            QCOMPARE(history.last().action, u"restore"_s);
            QCOMPARE(history.last().jobId, qint64(0));
        }
    }

    // One statement of more records than one batch of PostgreSQL's trail holds (65,536,
    // migration 0031): every record still has its entry, an id of its own, its history,
    // and pages in both orders reach every entry once.
    void largeStatementsKeepEveryRecord()
    {
        constexpr qint64 kRecords = 70000;
        const qint64 before = AuditLog(admin()).count(u"client"_s).value();
        QVERIFY(SqlStatement::run(admin(),
                                  u"WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g "
                                  "WHERE n < 70000) INSERT INTO clients (code, name, kind, created_by, "
                                  "updated_by) SELECT 'L' || n, 'Large ' || n, 'farm', 'x', 'x' FROM g"_s));
        QVERIFY(SqlStatement::run(admin(), u"UPDATE clients SET phone = '5550100' WHERE code LIKE 'L%'"_s));
        QCOMPARE(AuditLog(admin()).count(u"client"_s).value(), before + 2 * kRecords);
        SqlStatement ids(admin(),
                         u"SELECT COUNT(DISTINCT id), COUNT(*) FROM audit_entries WHERE entity = 'client'"_s);
        QVERIFY(ids.exec() && ids.next());
        QCOMPARE(ids.value(0).toLongLong(), ids.value(1).toLongLong());
        if (TestDatabase::isPostgreSQL()) {
            SqlStatement full(admin(), u"SELECT COUNT(*) FROM audit_batches WHERE entity = 'client' "
                                       "AND cardinality(entity_ids) = 65536"_s);
            QVERIFY(full.exec() && full.next());
            QCOMPARE(full.value(0).toLongLong(), qint64(2)); // the insert's and the update's first
        }
        SqlStatement last(admin(), u"SELECT id FROM clients WHERE code = 'L70000'"_s);
        QVERIFY(last.exec() && last.next());
        const QList<AuditEntry> history =
            AuditLog(admin()).forEntity(u"client"_s, last.value(0).toLongLong()).value();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.first().action, u"create"_s);
        QCOMPARE(history.last().action, u"update"_s);
        QCOMPARE(history.last().after.value(u"phone"_s).toString(), u"5550100"_s);
        QVERIFY(history.first().id < history.last().id);

        AuditFilter filter;
        filter.entity = u"client"_s;
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            PageRequest request;
            request.order = order;
            request.limit = 9000;
            QSet<qint64> seen;
            qint64 previous = order == Qt::AscendingOrder ? 0 : std::numeric_limits<qint64>::max();
            for (;;) {
                const Result<QList<AuditEntry>> page = AuditLog(admin()).page(filter, request);
                QVERIFY2(page, qPrintable(page.error().text() + page.error().detail));
                if (page->isEmpty())
                    break;
                for (const AuditEntry &e : page.value()) {
                    QVERIFY(order == Qt::AscendingOrder ? e.id > previous : e.id < previous);
                    previous = e.id;
                    seen.insert(e.id);
                }
                request.hasCursor = true;
                request.afterId = page->last().id;
                request.afterValue = AuditLog::sortValue(page->last(), AuditLog::Time);
            }
            QCOMPARE(qint64(seen.size()), before + 2 * kRecords);
        }
    }

    // Paging through the trail by any column, newest first by default.
    void pagesInEveryOrder()
    {
        const qint64 client = LabTest::makeClient(admin());
        for (int i = 0; i < 7; ++i)
            QVERIFY(LabTest::makeProtocol(admin(), client).id > 0);
        AuditFilter filter;
        const qint64 total = AuditLog(admin()).count(filter).value();
        QVERIFY(total >= 22); // a client; a protocol, its work order and its report, 7 times
        for (int column = 0; column < AuditLog::ColumnCount; ++column) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                PageRequest request;
                request.sortColumn = column;
                request.order = order;
                request.limit = 5;
                QSet<qint64> seen;
                for (;;) {
                    const Result<QList<AuditEntry>> page = AuditLog(admin()).page(filter, request);
                    QVERIFY2(page, qPrintable(page.error().text() + page.error().detail));
                    if (page->isEmpty())
                        break;
                    for (const AuditEntry &e : page.value())
                        seen.insert(e.id);
                    request.hasCursor = true;
                    request.afterValue = AuditLog::sortValue(page->last(), column);
                    request.afterId = page->last().id;
                }
                QCOMPARE(qint64(seen.size()), total);
            }
        }
        filter.fromMs = QDateTime::currentMSecsSinceEpoch() + 60000;
        QCOMPARE(AuditLog(admin()).count(filter).value(), qint64(0));
        filter.fromMs = QDateTime::currentMSecsSinceEpoch() - 60000;
        QCOMPARE(AuditLog(admin()).count(filter).value(), total);
    }

    // PostgreSQL: no person may write, change or delete the trail (42501), however
    // they try. SQLite: a program without Residesk's audit functions cannot change the
    // audited tables at all (its change would go unrecorded).
    void nobodyWritesTheTrail_data()
    {
        QTest::addColumn<Person>("person");
        QTest::newRow("admin") << Person::Admin;
        QTest::newRow("housing") << Person::Housing;
        QTest::newRow("vet") << Person::Vet;
        QTest::newRow("worker") << Person::Worker;
    }

    void nobodyWritesTheTrail()
    {
        QFETCH(Person, person);
        // An entry to aim at.
        QVERIFY(LabTest::makeClient(admin()) > 0);
        const qint64 entries = AuditLog(admin()).count().value();
        QVERIFY(entries > 0);
        if (!TestDatabase::isPostgreSQL()) {
            // Another process (closing a second connection here would drop this
            // process's SQLite locks: models/db/databasefileguard.h).
            QProcess python;
            python.start(u"/usr/bin/python3"_s,
                         {u"-c"_s,
                          u"import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\n"
                          "c.execute(\"UPDATE clients SET name = 'Unrecorded'\")\nc.commit()\n"_s,
                          m_t->config().path});
            QVERIFY(python.waitForFinished(30000));
            QVERIFY(python.exitCode() != 0);
            const QString error = QString::fromUtf8(python.readAllStandardError());
            QVERIFY2(error.contains(u"no such function: residesk_audit_"_s), qPrintable(error));
            QCOMPARE(AuditLog(admin()).count().value(), entries);
            return;
        }
        Database &db = m_t->dbAs(person);
        const QStringList attempts{
            u"INSERT INTO audit_entries (at, username, entity, entity_id, action) VALUES (1, 'x', 'client', 1, 'x')"_s,
            u"UPDATE audit_entries SET username = 'someone else'"_s, u"DELETE FROM audit_entries"_s,
            u"TRUNCATE audit_entries"_s,
            // Where PostgreSQL keeps the trail (0031).
            u"INSERT INTO audit_batches (at, username, entity, entity_ids, actions) "
            "VALUES (1, 'x', 'client', '{1}', '{x}')"_s,
            u"UPDATE audit_batches SET username = 'someone else'"_s, u"DELETE FROM audit_batches"_s,
            u"TRUNCATE audit_batches"_s};
        for (const QString &sql : attempts) {
            const VoidResult r = SqlStatement::run(db, sql);
            QVERIFY2(!r, qPrintable(sql));
            // PostgreSQL keeps the trail in a table shown through a view (0031): a view
            // is never truncated (42809), whoever asks.
            const QString code = sql == u"TRUNCATE audit_entries"_s ? u"42809"_s : u"42501"_s;
            QVERIFY2((r.error().text() + r.error().detail).contains(code),
                     qPrintable(sql + u": "_s + r.error().text() + r.error().detail));
        }
        QCOMPARE(AuditLog(admin()).count().value(), entries);
    }
};

QTEST_GUILESS_MAIN(TestAuditTrail)
#include "tst_audittrail.moc"
