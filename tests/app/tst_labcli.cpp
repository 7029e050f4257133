// The lab's command line, end to end: the built `residesk` binary (seed-demo
// --protocols, protocols list, reports list) on a fresh database of the backend the run
// asks for (RESIDESK_TEST_BACKEND).
#include "models/db/sqlstatement.h"
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
        // The demo lab's mix of states: received ones have their time of receipt.
        const QString state = first.value(u"state"_s).toString();
        QVERIFY2(
            QStringList({u"submitted"_s, u"received"_s, u"in_analysis"_s, u"cancelled"_s}).contains(state),
            qPrintable(state));
        QCOMPARE(first.value(u"received_at"_s).isNull(), state == u"submitted" || state == u"cancelled");
        QVERIFY(!first.value(u"client"_s).toString().isEmpty());
    }

    void protocolsListByState()
    {
        // The demo lab has received protocols already; three more that were waiting,
        // received through the data layer, then listed by state.
        const auto listed = [this](const QString &state) {
            return CliRunner::jsonArray(
                CliRunner::run(args({u"protocols"_s, u"list"_s, u"--state"_s, state, u"--json"_s})).out);
        };
        const qsizetype before = listed(u"received"_s).size();
        QList<qint64> ids;
        QStringList numbers;
        {
            SqlStatement st(
                m_t->db(),
                u"SELECT id, number FROM protocols WHERE state = 'submitted' ORDER BY id LIMIT 3"_s);
            QVERIFY(st.exec());
            while (st.next()) {
                ids.append(st.value(0).toLongLong());
                numbers.append(st.value(1).toString());
            }
        }
        QCOMPARE(ids.size(), 3);
        QVERIFY(
            ProtocolRepository(m_t->db(), Actor{u"admin"_s}).transitionMany(ids, Protocol::State::Received));
        const QJsonArray rows = listed(u"received"_s);
        QCOMPARE(rows.size(), before + 3);
        int found = 0;
        for (const QJsonValue &v : rows) {
            const QJsonObject row = v.toObject();
            if (!numbers.contains(row.value(u"number"_s).toString()))
                continue;
            ++found;
            QCOMPARE(row.value(u"version"_s).toInt(), 2);
            QVERIFY(!row.value(u"received_at"_s).toString().isEmpty());
        }
        QCOMPARE(found, 3);
        const CliRunner::Run text =
            CliRunner::run(args({u"protocols"_s, u"list"_s, u"--state"_s, u"received"_s}));
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.outText().startsWith(u"ID"_s));
        QCOMPARE(text.outText().count(u"P-2026-"_s), before + 3);
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
