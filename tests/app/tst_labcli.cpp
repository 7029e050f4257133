// The lab's command line, end to end: the built `residesk` binary (seed-demo
// --protocols, protocols list, reports list) on a fresh database of the backend the run
// asks for (RESIDESK_TEST_BACKEND).
#include "models/lab/protocolrepository.h"
#include "tests/app/clirunner.h"
#include "tests/support/testdatabase.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

class TestLabCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;

    QStringList args(const QStringList &command) const
    {
        return QStringList{u"--database"_s, m_t->url()} + command;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!CliRunner::binary().isEmpty(), "RESIDESK_BINARY is not set");
        QString error;
        m_t = TestDatabase::create(&error, false); // seed-demo migrates
        QVERIFY2(m_t, qPrintable(error));
    }

    void cleanupTestCase() { m_t.reset(); }

    void seedProtocolsOnly()
    {
        const CliRunner::Run r =
            CliRunner::run(args({u"seed-demo"_s, u"--protocols"_s, u"40"_s, u"--json"_s}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        const QJsonObject o = CliRunner::jsonObject(r.out);
        QCOMPARE(o.value(u"protocols"_s).toInt(), 40);
        QCOMPARE(o.value(u"work_orders"_s).toInt(), 40);
        QCOMPARE(o.value(u"reports"_s).toInt(), 40);
        QCOMPARE(o.value(u"clients"_s).toInt(), 5);
        QVERIFY(o.value(u"results"_s).toInt() >= 400);
        QCOMPARE(o.value(u"residents"_s).toInt(), 0); // only --protocols: no housing data
        QCOMPARE(o.value(u"buildings"_s).toInt(), 0);
    }

    void seedBothAndSayWhatWasCreated()
    {
        const CliRunner::Run r =
            CliRunner::run(args({u"seed-demo"_s, u"--residents"_s, u"12"_s, u"--protocols"_s, u"45"_s}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        QVERIFY2(r.outText().contains(u"12 residents added"_s), qPrintable(r.outText()));
        // 40 protocols existed: only 5 are added.
        QVERIFY2(r.outText().contains(u"5 protocols"_s), qPrintable(r.outText()));
        const CliRunner::Run bad = CliRunner::run(args({u"seed-demo"_s, u"--protocols"_s, u"many"_s}));
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.errText().contains(u"--protocols"_s));
    }

    void protocolsListJson()
    {
        const CliRunner::Run r = CliRunner::run(args({u"protocols"_s, u"list"_s, u"--json"_s}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        const QJsonArray rows = CliRunner::jsonArray(r.out);
        QCOMPARE(rows.size(), 45);
        const QJsonObject first = rows.first().toObject();
        for (const QString &key :
             {u"id"_s, u"number"_s, u"client"_s, u"species"_s, u"state"_s, u"animal_id"_s, u"client_id"_s,
              u"submitted_at"_s, u"received_at"_s, u"version"_s})
            QVERIFY2(first.contains(key), qPrintable(key));
        QCOMPARE(first.value(u"number"_s).toString(), u"P-2026-000001"_s);
        QCOMPARE(first.value(u"state"_s).toString(), u"submitted"_s);
        QVERIFY(first.value(u"received_at"_s).isNull());
        QVERIFY(!first.value(u"client"_s).toString().isEmpty());
    }

    void protocolsListByState()
    {
        // Receive three through the data layer, then list by state.
        const Result<Protocol> a =
            ProtocolRepository(m_t->db(), Actor{u"admin"_s}).getByNumber(u"P-2026-000003"_s);
        const Result<Protocol> b =
            ProtocolRepository(m_t->db(), Actor{u"admin"_s}).getByNumber(u"P-2026-000007"_s);
        const Result<Protocol> c =
            ProtocolRepository(m_t->db(), Actor{u"admin"_s}).getByNumber(u"P-2026-000011"_s);
        QVERIFY(a && b && c);
        QVERIFY(ProtocolRepository(m_t->db(), Actor{u"admin"_s})
                    .transitionMany({a->id, b->id, c->id}, Protocol::State::Received));
        const CliRunner::Run r =
            CliRunner::run(args({u"protocols"_s, u"list"_s, u"--state"_s, u"received"_s, u"--json"_s}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        const QJsonArray rows = CliRunner::jsonArray(r.out);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(1).toObject().value(u"number"_s).toString(), u"P-2026-000007"_s);
        QCOMPARE(rows.at(1).toObject().value(u"version"_s).toInt(), 2);
        QVERIFY(!rows.at(1).toObject().value(u"received_at"_s).toString().isEmpty());
        const CliRunner::Run text =
            CliRunner::run(args({u"protocols"_s, u"list"_s, u"--state"_s, u"received"_s}));
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.outText().startsWith(u"ID"_s));
        QCOMPARE(text.outText().count(u"P-2026-"_s), 3);
        const CliRunner::Run none =
            CliRunner::run(args({u"protocols"_s, u"list"_s, u"--state"_s, u"finalized"_s, u"--json"_s}));
        QCOMPARE(none.exitCode, 0);
        QCOMPARE(CliRunner::jsonArray(none.out).size(), 0);
    }

    void badStateIsAUsageError_data()
    {
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QString>("allowed");
        QTest::newRow("protocols") << u"protocols"_s
                                   << u"submitted, received, in_analysis, finalized, cancelled"_s;
        QTest::newRow("reports") << u"reports"_s << u"draft, finalized"_s;
    }

    void badStateIsAUsageError()
    {
        QFETCH(QString, entity);
        QFETCH(QString, allowed);
        const CliRunner::Run r =
            CliRunner::run(args({entity, u"list"_s, u"--state"_s, u"lost"_s, u"--json"_s}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(u"\"lost\""_s), qPrintable(r.errText()));
        QVERIFY2(r.errText().contains(allowed), qPrintable(r.errText()));
        QVERIFY(r.out.isEmpty());
    }

    void reportsListJson()
    {
        const CliRunner::Run r =
            CliRunner::run(args({u"reports"_s, u"list"_s, u"--state"_s, u"draft"_s, u"--json"_s}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        const QJsonArray rows = CliRunner::jsonArray(r.out);
        QCOMPARE(rows.size(), 45);
        const QJsonObject first = rows.first().toObject();
        for (const QString &key : {u"id"_s, u"protocol_id"_s, u"state"_s, u"version"_s, u"protocol_number"_s,
                                   u"row_version"_s, u"signed_by"_s, u"signed_at"_s})
            QVERIFY2(first.contains(key), qPrintable(key));
        QCOMPARE(first.value(u"version"_s).toInt(), 1); // the revision
        QCOMPARE(first.value(u"state"_s).toString(), u"draft"_s);
        QCOMPARE(first.value(u"protocol_number"_s).toString(), u"P-2026-000001"_s);
        QVERIFY(first.value(u"signed_by"_s).isNull());
        const CliRunner::Run finalized =
            CliRunner::run(args({u"reports"_s, u"list"_s, u"--state"_s, u"finalized"_s, u"--json"_s}));
        QCOMPARE(CliRunner::jsonArray(finalized.out).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLabCli)
#include "tst_labcli.moc"
