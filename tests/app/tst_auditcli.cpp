#include "models/db/sqlstatement.h"
#include "tests/app/clirunner.h"
#include "tests/support/auditperson.h"
#include "tests/support/testdatabase.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using Person = TestDatabase::Person;

// `residesk audit list`: the trail the database wrote, filtered by table, person,
// record and time, as text and as JSON; readable by administrators only (PostgreSQL).
class TestAuditCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    qint64 m_building = 0;
    qint64 m_client = 0;

    QStringList args(const QStringList &command, Person person = Person::Admin) const
    {
        return QStringList{u"--database"_s, m_t->urlAs(person)} + command;
    }

    QJsonArray list(const QStringList &filters)
    {
        const CliRunner::Run r =
            CliRunner::run(args(QStringList{u"audit"_s, u"list"_s, u"--json"_s} + filters));
        if (r.exitCode != 0)
            qWarning() << r.errText();
        return CliRunner::jsonArray(r.out);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        // A building by housing staff (created, renamed), a client by a vet.
        {
            SqlStatement st(m_t->dbAs(Person::Housing),
                            u"INSERT INTO buildings (code, name, address, floors, created_by, updated_by) "
                            "VALUES ('CL', 'Cli Hall', '2 Ledger Way', 2, 'x', 'x') RETURNING id"_s);
            QVERIFY(st.exec());
            QVERIFY(st.next());
            m_building = st.value(0).toLongLong();
        }
        QVERIFY(SqlStatement::run(
            m_t->dbAs(Person::Housing),
            u"UPDATE buildings SET name = 'Cli House', version = version + 1 WHERE id = ?"_s, {m_building}));
        {
            SqlStatement st(m_t->dbAs(Person::Vet),
                            u"INSERT INTO clients (name, kind, created_by, updated_by) "
                            "VALUES ('Cli Farm', 'farm', 'x', 'x') RETURNING id"_s);
            QVERIFY(st.exec());
            QVERIFY(st.next());
            m_client = st.value(0).toLongLong();
        }
    }

    void cleanupTestCase() { m_t.reset(); }

    void listsNewestFirst()
    {
        const QJsonArray all = list({});
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).toObject().value(u"entity"_s).toString(), u"client"_s);
        QCOMPARE(all.at(1).toObject().value(u"action"_s).toString(), u"update"_s);
        QCOMPARE(all.at(2).toObject().value(u"action"_s).toString(), u"create"_s);
        const QJsonObject update = all.at(1).toObject();
        QCOMPARE(update.value(u"before"_s).toObject().value(u"name"_s).toString(), u"Cli Hall"_s);
        QCOMPARE(update.value(u"after"_s).toObject().value(u"name"_s).toString(), u"Cli House"_s);
        QCOMPARE(update.value(u"user"_s).toString(), auditPerson(Person::Housing));
        QCOMPARE(update.value(u"record"_s).toString(), QString::number(m_building));
        QVERIFY(update.value(u"job_id"_s).isNull());
        QVERIFY(QDateTime::fromString(update.value(u"at"_s).toString(), Qt::ISODateWithMs).isValid());
    }

    void filters_data()
    {
        QTest::addColumn<QStringList>("filters");
        QTest::addColumn<QStringList>("expected"); // entity:action, newest first
        QTest::newRow("--table buildings") << QStringList{u"--table"_s, u"buildings"_s}
                                           << QStringList{u"building:update"_s, u"building:create"_s};
        QTest::newRow("--table client")
            << QStringList{u"--table"_s, u"client"_s} << QStringList{u"client:create"_s};
        QTest::newRow("--record of the client")
            << QStringList{u"--table"_s, u"clients"_s, u"--record"_s, u"CLIENT"_s}
            << QStringList{u"client:create"_s};
        QTest::newRow("--limit 1") << QStringList{u"--limit"_s, u"1"_s} << QStringList{u"client:create"_s};
        QTest::newRow("--since tomorrow")
            << QStringList{u"--since"_s, QDate::currentDate().addDays(2).toString(Qt::ISODate)}
            << QStringList{};
        QTest::newRow("--until tomorrow")
            << QStringList{u"--until"_s, QDate::currentDate().addDays(2).toString(Qt::ISODate)}
            << QStringList{u"client:create"_s, u"building:update"_s, u"building:create"_s};
        QTest::newRow("--job 999") << QStringList{u"--job"_s, u"999"_s} << QStringList{};
    }

    void filters()
    {
        QFETCH(QStringList, filters);
        QFETCH(QStringList, expected);
        filters.replaceInStrings(u"CLIENT"_s, QString::number(m_client));
        QStringList got;
        for (const QJsonValue &v : list(filters))
            got << v.toObject().value(u"entity"_s).toString() + u':' +
                       v.toObject().value(u"action"_s).toString();
        QCOMPARE(got, expected);
    }

    // On PostgreSQL the person filter tells housing staff from vets; on SQLite every
    // change is the one person's.
    void byPerson()
    {
        const QJsonArray housing = list({u"--user"_s, auditPerson(Person::Housing)});
        QCOMPARE(housing.size(), TestDatabase::isPostgreSQL() ? 2 : 3);
        for (const QJsonValue &v : housing)
            QCOMPARE(v.toObject().value(u"user"_s).toString(), auditPerson(Person::Housing));
        QCOMPARE(list({u"--user"_s, u"nobody-at-all"_s}).size(), 0);
    }

    void textAndUsage()
    {
        const CliRunner::Run text =
            CliRunner::run(args({u"audit"_s, u"list"_s, u"--table"_s, u"buildings"_s}));
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.outText().contains(u"ACTION"_s) && text.outText().contains(u"building"_s) &&
                     text.outText().contains(u"update"_s),
                 qPrintable(text.outText()));
        const CliRunner::Run table = CliRunner::run(args({u"audit"_s, u"list"_s, u"--table"_s, u"jobs"_s}));
        QCOMPARE(table.exitCode, 2);
        QVERIFY2(table.errText().contains(u"jobs"_s), qPrintable(table.errText()));
        const CliRunner::Run since =
            CliRunner::run(args({u"audit"_s, u"list"_s, u"--since"_s, u"yesterday"_s}));
        QCOMPARE(since.exitCode, 2);
        if (TestDatabase::isPostgreSQL()) { // only administrators read the trail
            const CliRunner::Run vet = CliRunner::run(args({u"audit"_s, u"list"_s}, Person::Vet));
            QCOMPARE(vet.exitCode, 1);
            QVERIFY2(vet.errText().contains(u"audit"_s), qPrintable(vet.errText()));
        }
    }
};

QTEST_GUILESS_MAIN(TestAuditCli)
#include "tst_auditcli.moc"
