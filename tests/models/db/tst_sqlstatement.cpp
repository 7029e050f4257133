#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "tests/support/testdatabase.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace Qt::StringLiterals;

// SqlStatement on the backend chosen by RESIDESK_TEST_BACKEND: bound values come back
// as they went in, placeholders inside quotes stay text, errors are mapped, and on
// PostgreSQL (where it runs through libpq, not through Qt's driver) every value reads
// exactly as Qt's driver reads it.
class TestSqlStatement : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup() { m_t.reset(); }
    void boundValuesComeBackUnchanged();
    void questionMarksInQuotesAreText();
    void aStatementRunsAgainWithNewValues();
    void rowsAffectedAndErrorsAreReported();
    void statementsShareTheTransaction();
    void eventsWaitForTheCommit();
    void valuesReadAsTheQtDriverReadsThem();

private:
    bool isPostgreSQL() const { return TestDatabase::backendName() == u"postgresql"_s; }
    std::unique_ptr<TestDatabase> m_t;
};

void TestSqlStatement::init()
{
    QString error;
    m_t = TestDatabase::create(&error, false);
    QVERIFY2(m_t, qPrintable(error));
    Database &db = m_t->db();
    const QString ddl = Dialect::translateDdl(
        db.config().backend,
        u"CREATE TABLE sample (id INTEGER PRIMARY KEY, text VARCHAR(200), big BIGINT, small "
        "INTEGER, real_value DOUBLE PRECISION, flag BOOLEAN, at {{TIMESTAMP}}(3), day DATE, "
        "bytes {{BLOB}}, note TEXT)"_s);
    const VoidResult created = SqlStatement::run(db, ddl);
    QVERIFY2(created.ok(), qPrintable(created.error().detail));
}

void TestSqlStatement::boundValuesComeBackUnchanged()
{
    Database &db = m_t->db();
    const QString text = u"O'Brien \"quoted\" back\\slash ? $1 — ñandú 🐄"_s;
    const qint64 big = Q_INT64_C(9007199254740993);
    const QDateTime at = QDateTime(QDate(2026, 11, 30), QTime(12, 34, 56, 789), Qt::UTC);
    const QByteArray bytes("\x00\x01'\\\xff tail", 10);
    SqlStatement insert(db,
                        u"INSERT INTO sample (id, text, big, small, real_value, flag, at, day, bytes, note) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    insert.bind(1).bind(text).bind(big).bind(-42).bind(0.1).bind(true).bind(at).bind(QDate(2026, 2, 28));
    insert.bind(bytes).bind(QString()); // a null string binds as NULL
    const VoidResult inserted = insert.exec();
    QVERIFY2(inserted.ok(), qPrintable(inserted.error().detail));
    QCOMPARE(insert.numRowsAffected(), 1);

    SqlStatement select(db, u"SELECT text, big, small, real_value, flag, at, day, bytes, note FROM sample "
                            "WHERE id = ? AND text = ? AND big = ?"_s);
    select.bind(1).bind(text).bind(big);
    QVERIFY(select.exec().ok());
    QVERIFY(select.next());
    QCOMPARE(select.columnCount(), 9);
    QCOMPARE(select.value(0).toString(), text);
    QCOMPARE(select.value(1).toLongLong(), big);
    QCOMPARE(select.value(2).toInt(), -42);
    QCOMPARE(select.value(3).toDouble(), 0.1);
    QCOMPARE(select.value(4).toBool(), true);
    QCOMPARE(select.value(5).toDateTime().toMSecsSinceEpoch(), at.toMSecsSinceEpoch());
    QCOMPARE(select.value(6).toDate(), QDate(2026, 2, 28));
    QCOMPARE(select.value(7).toByteArray(), bytes);
    QVERIFY(select.value(8).isNull());
    QVERIFY(!select.next());
}

void TestSqlStatement::questionMarksInQuotesAreText()
{
    Database &db = m_t->db();
    SqlStatement st(db, u"SELECT '?' || ?, \"text\" FROM sample WHERE ? = 1 UNION ALL SELECT 'a?b', 'c' "
                        "WHERE ? = 2"_s);
    st.bind(u"x"_s).bind(1).bind(2);
    const VoidResult r = st.exec();
    QVERIFY2(r.ok(), qPrintable(r.error().detail));
    QVERIFY(st.next());
    QCOMPARE(st.value(0).toString(), u"a?b"_s);
    QCOMPARE(st.value(1).toString(), u"c"_s);
    QVERIFY(!st.next());
}

void TestSqlStatement::aStatementRunsAgainWithNewValues()
{
    Database &db = m_t->db();
    // As with QSqlQuery: values bound after exec() replace the last ones, in order.
    SqlStatement insert(db, u"INSERT INTO sample (id, text) VALUES (?, ?), (?, ?)"_s);
    for (int i = 0; i < 3; ++i) {
        insert.bind(2 * i + 1).bind(u"odd %1"_s.arg(i)).bind(2 * i + 2).bind(u"even %1"_s.arg(i));
        const VoidResult r = insert.exec();
        QVERIFY2(r.ok(), qPrintable(r.error().detail));
    }
    SqlStatement select(db, u"SELECT id, text FROM sample WHERE id > ? ORDER BY id"_s);
    select.bind(0);
    QVERIFY(select.exec().ok());
    QStringList rows;
    while (select.next())
        rows << select.value(0).toString() + u' ' + select.value(1).toString();
    QCOMPARE(rows, QStringList({u"1 odd 0"_s, u"2 even 0"_s, u"3 odd 1"_s, u"4 even 1"_s, u"5 odd 2"_s,
                                u"6 even 2"_s}));
    // Run again without new values: the same values.
    QVERIFY(select.exec().ok());
    int again = 0;
    while (select.next())
        ++again;
    QCOMPARE(again, 6);
}

void TestSqlStatement::rowsAffectedAndErrorsAreReported()
{
    Database &db = m_t->db();
    for (int id = 1; id <= 3; ++id)
        QVERIFY(SqlStatement::run(db, u"INSERT INTO sample (id, text) VALUES (?, ?)"_s, {id, u"t"_s}).ok());
    SqlStatement update(db, u"UPDATE sample SET note = ? WHERE id >= ?"_s);
    update.bind(u"n"_s).bind(2);
    QVERIFY(update.exec().ok());
    QCOMPARE(update.numRowsAffected(), 2);

    const VoidResult duplicate = SqlStatement::run(db, u"INSERT INTO sample (id) VALUES (?)"_s, {1});
    QVERIFY(!duplicate.ok());
    QCOMPARE(duplicate.error().code, DbError::Code::Duplicate);

    SqlStatement broken(db, u"SELECT no_such_column FROM sample WHERE id = ?"_s);
    broken.bind(1);
    const VoidResult failed = broken.exec();
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, DbError::Code::QueryFailed);
    QVERIFY2(failed.error().detail.contains(u"no_such_column"_s), qPrintable(failed.error().detail));
    QVERIFY(!broken.next());

    // The connection goes on working after the errors.
    SqlStatement count(db, u"SELECT COUNT(*) FROM sample WHERE ? = ?"_s);
    count.bind(1).bind(1);
    QVERIFY(count.exec().ok());
    QVERIFY(count.next());
    QCOMPARE(count.value(0).toInt(), 3);
}

void TestSqlStatement::statementsShareTheTransaction()
{
    Database &db = m_t->db();
    {
        Transaction tx(db);
        QVERIFY(tx.ok());
        QVERIFY(SqlStatement::run(db, u"INSERT INTO sample (id, text) VALUES (?, ?)"_s, {7, u"gone"_s}).ok());
        SqlStatement inside(db, u"SELECT COUNT(*) FROM sample WHERE id = ?"_s);
        inside.bind(7);
        QVERIFY(inside.exec().ok() && inside.next());
        QCOMPARE(inside.value(0).toInt(), 1);
        // A refused statement inside a nested transaction leaves the outer one usable.
        {
            Transaction nested(db);
            QVERIFY(nested.ok());
            QVERIFY(!SqlStatement::run(db, u"INSERT INTO sample (id) VALUES (?)"_s, {7}).ok());
        }
        QVERIFY(SqlStatement::run(db, u"UPDATE sample SET note = ? WHERE id = ?"_s, {u"x"_s, 7}).ok());
    } // rolled back
    SqlStatement after(db, u"SELECT COUNT(*) FROM sample WHERE id = ?"_s);
    after.bind(7);
    QVERIFY(after.exec().ok() && after.next());
    QCOMPARE(after.value(0).toInt(), 0);
}

// In-process events published inside a transaction arrive after its commit (so that a
// reload they cause reads the change), and vanish with a rollback; a savepoint's
// rollback drops only its own.
void TestSqlStatement::eventsWaitForTheCommit()
{
    Database &db = m_t->db();
    QStringList seen;
    connect(&db, &Database::localEvent, this,
            [&seen](const QJsonObject &event) { seen.append(event.value(u"name"_s).toString()); });
    auto event = [](const QString &name) {
        return QJsonObject{{u"name"_s, name}};
    };

    db.emitLocalEvent(event(u"outside"_s));
    QCOMPARE(seen, QStringList{u"outside"_s});
    {
        Transaction tx(db);
        QVERIFY(tx.ok());
        db.emitLocalEvent(event(u"kept"_s));
        {
            Transaction nested(db);
            QVERIFY(nested.ok());
            db.emitLocalEvent(event(u"undone"_s));
        } // the savepoint rolls back
        {
            Transaction nested(db);
            QVERIFY(nested.ok());
            db.emitLocalEvent(event(u"released"_s));
            QVERIFY(nested.commit().ok());
        }
        QCOMPARE(seen, QStringList{u"outside"_s});
        QVERIFY(tx.commit().ok());
    }
    QCOMPARE(seen, (QStringList{u"outside"_s, u"kept"_s, u"released"_s}));
    {
        Transaction tx(db);
        QVERIFY(tx.ok());
        db.emitLocalEvent(event(u"rolled back"_s));
    }
    db.emitLocalEvent(event(u"after"_s));
    QCOMPARE(seen, (QStringList{u"outside"_s, u"kept"_s, u"released"_s, u"after"_s}));
}

void TestSqlStatement::valuesReadAsTheQtDriverReadsThem()
{
    if (!isPostgreSQL())
        QSKIP("On SQLite SqlStatement reads through Qt's driver itself; this compares the PostgreSQL path.");
    Database &db = m_t->db();
    const QString sql =
        u"SELECT 1::bigint, -2::bigint, 3::int, 4::smallint, 1.25::numeric, 2.5::float8, 'NaN'::float8, "
        u"true, false, "
        "'x'::text, 'y'::varchar(3), ''::text, NULL::bigint, NULL::int, NULL::text, NULL::timestamptz, "
        "NULL::boolean, NULL::bytea, TIMESTAMPTZ '2026-11-30 12:34:56.789+00', TIMESTAMPTZ '2026-06-01 "
        "00:00:00+00', TIMESTAMP '2026-11-30 12:34:56.7', DATE '2026-02-28', TIME '12:34:56.789', "
        "'\\x00ff27'::bytea, '{\"a\": 1}'::jsonb, 42::oid, 'ñ'::char(2)"_s;
    SqlStatement ours(db, sql);
    QVERIFY(ours.exec().ok());
    QVERIFY(ours.next());
    QSqlQuery qt(db.connection().value());
    QVERIFY2(qt.exec(sql), qPrintable(qt.lastError().text()));
    QVERIFY(qt.next());
    QCOMPARE(ours.columnCount(), qt.record().count());
    for (int i = 0; i < qt.record().count(); ++i) {
        const QVariant a = ours.value(i);
        const QVariant b = qt.value(i);
        const QByteArray where = "column " + QByteArray::number(i + 1);
        QVERIFY2(a.isNull() == b.isNull(), where.constData());
        if (b.typeId() == QMetaType::ULongLong) // Qt reads a non-negative int8 as unsigned
            QCOMPARE(a.typeId(), int(QMetaType::LongLong));
        else
            QVERIFY2(a.typeId() == b.typeId(), where + ": " + a.typeName() + " vs " + b.typeName());
        if (b.typeId() == QMetaType::Double && qIsNaN(b.toDouble()))
            QVERIFY2(qIsNaN(a.toDouble()), where.constData());
        else if (b.typeId() == QMetaType::QDateTime)
            QVERIFY2(a.toDateTime() == b.toDateTime() && a.toDateTime().toString(Qt::ISODateWithMs) ==
                                                             b.toDateTime().toString(Qt::ISODateWithMs),
                     where + ": " + a.toDateTime().toString(Qt::ISODateWithMs).toUtf8() + " vs " +
                         b.toDateTime().toString(Qt::ISODateWithMs).toUtf8());
        else
            QVERIFY2(a.toString() == b.toString() && a.toByteArray() == b.toByteArray(),
                     where + ": " + a.toString().toUtf8() + " vs " + b.toString().toUtf8());
    }
}

QTEST_GUILESS_MAIN(TestSqlStatement)
#include "tst_sqlstatement.moc"
