// `residesk allocations …`, `residesk rooms free` and `residesk residents list --building`
// end to end: the real binary against a fresh database of the run's backend.
#include "tests/app/clirunner.h"
#include "tests/models/housing/allocationtestutil.h"
#include "tests/support/testdatabase.h"

#include <QTest>

using namespace Qt::StringLiterals;
using CliRunner::Run;

class TestAllocationsCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    Resident m_ana;
    Resident m_ben;
    Resident m_cleo;
    Building m_a;
    Room m_double;

    Run run(QStringList args) const
    {
        args.prepend(m_t->url());
        args.prepend(u"--database"_s);
        return CliRunner::run(args);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!CliRunner::binary().isEmpty(), "RESIDESK_BINARY is not set (run through ctest)");
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        Database &db = m_t->db();
        m_a = AllocationTest::building(db, u"A"_s, u"Alder Hall"_s);
        const Building b = AllocationTest::building(db, u"B"_s, u"Birch Hall"_s);
        m_double = AllocationTest::room(db, m_a, u"101"_s, 2);
        AllocationTest::room(db, m_a, u"102"_s, 1, Room::Status::OutOfService);
        AllocationTest::room(db, b, u"201"_s, 3);
        m_ana = AllocationTest::resident(db, u"S0001"_s, u"Ana"_s, u"Arce"_s);
        m_ben = AllocationTest::resident(db, u"S0002"_s, u"Ben"_s, u"Bravo"_s);
        m_cleo = AllocationTest::resident(db, u"S0003"_s, u"Cleo"_s, u"Cruz"_s);
        QVERIFY(m_double.id > 0 && m_cleo.id > 0);
    }
    void cleanupTestCase() { m_t.reset(); }

    void reserveCheckInCheckOutAndTheirJson()
    {
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        const QString later = QDate::currentDate().addDays(30).toString(Qt::ISODate);
        Run r = run({u"allocations"_s, u"reserve"_s, u"--resident"_s, u"S0001"_s, u"--room"_s, u"A/101"_s,
                     u"--from"_s, today, u"--to"_s, later, u"--notes"_s, u"first year"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonObject ana = CliRunner::jsonObject(r.out);
        for (const QString &key :
             {u"id"_s, u"resident_id"_s, u"student_id"_s, u"first_name"_s, u"last_name"_s, u"building_code"_s,
              u"room"_s, u"room_id"_s, u"from"_s, u"to"_s, u"state"_s, u"checked_in_at"_s,
              u"checked_out_at"_s, u"notes"_s, u"version"_s})
            QVERIFY2(ana.contains(key), qPrintable(key));
        QCOMPARE(ana.value(u"student_id"_s).toString(), u"S0001"_s);
        QCOMPARE(ana.value(u"building_code"_s).toString(), u"A"_s);
        QCOMPARE(ana.value(u"room"_s).toString(), u"101"_s);
        QCOMPARE(ana.value(u"from"_s).toString(), today);
        QCOMPARE(ana.value(u"to"_s).toString(), later);
        QCOMPARE(ana.value(u"state"_s).toString(), u"reserved"_s);
        QVERIFY(ana.value(u"checked_in_at"_s).isNull());
        const QString anaId = QString::number(ana.value(u"id"_s).toInteger());

        // Open-ended, as text.
        r = run({u"allocations"_s, u"reserve"_s, u"--resident"_s, u"S0002"_s, u"--room"_s, u"A/101"_s,
                 u"--from"_s, today});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.outText().contains(u"Ben Bravo (S0002) in room A-101 from %1 on, reserved."_s.arg(today)),
                 r.out.constData());

        // The room is full now: exit code 1 and the repository's message.
        r = run({u"allocations"_s, u"reserve"_s, u"--resident"_s, u"S0003"_s, u"--room"_s, u"A/101"_s,
                 u"--from"_s, today});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(u"Room A-101 is full on %1 (2 of 2 beds taken)."_s.arg(today)),
                 r.err.constData());
        r = run({u"allocations"_s, u"reserve"_s, u"--resident"_s, u"S0003"_s, u"--room"_s, u"A/102"_s,
                 u"--from"_s, today});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(u"Room A-102 is out of service"_s), r.err.constData());

        r = run({u"allocations"_s, u"check-in"_s, anaId, u"--json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        ana = CliRunner::jsonObject(r.out);
        QCOMPARE(ana.value(u"state"_s).toString(), u"checked_in"_s);
        QVERIFY(!ana.value(u"checked_in_at"_s).isNull());
        QCOMPARE(ana.value(u"version"_s).toInt(), 2);

        // Forbidden moves: exit code 1, the message names resident, room and state.
        r = run({u"allocations"_s, u"cancel"_s, anaId});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(u"room A-101 to Ana Arce (S0001) is checked in"_s), r.err.constData());
        r = run({u"allocations"_s, u"check-in"_s, anaId});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(u"already checked in"_s), r.err.constData());

        r = run({u"allocations"_s, u"check-out"_s, anaId, u"--json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(CliRunner::jsonObject(r.out).value(u"state"_s).toString(), u"checked_out"_s);
        // The bed is free again.
        r = run({u"allocations"_s, u"reserve"_s, u"--resident"_s, u"S0003"_s, u"--room"_s, u"A/101"_s,
                 u"--from"_s, today, u"--json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString cleoId = QString::number(CliRunner::jsonObject(r.out).value(u"id"_s).toInteger());
        r = run({u"allocations"_s, u"cancel"_s, cleoId});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.outText().contains(u"cancelled"_s), r.out.constData());
        QCOMPARE(run({u"allocations"_s, u"check-in"_s, u"999999"_s}).exitCode, 1);
    }

    void listsFreeBedsAndResidentsByBuilding()
    {
        // After the test above: Ben holds a bed in A-101 (open-ended, reserved), Ana is
        // checked out, Cleo's reservation is cancelled.
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        Run r = run({u"allocations"_s, u"list"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(CliRunner::jsonArray(r.out).size(), 3);
        r = run(
            {u"allocations"_s, u"list"_s, u"--building"_s, u"A"_s, u"--state"_s, u"reserved"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonArray rows = CliRunner::jsonArray(r.out);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().toObject().value(u"student_id"_s).toString(), u"S0002"_s);
        QVERIFY(rows.first().toObject().value(u"to"_s).isNull());
        r = run({u"allocations"_s, u"list"_s, u"--building"_s, u"B"_s, u"--json"_s});
        QCOMPARE(r.out.trimmed(), QByteArray("[]"));
        r = run({u"allocations"_s, u"list"_s});
        QVERIFY2(r.exitCode == 0 && r.outText().contains(u"A-101"_s), r.err.constData());

        r = run({u"rooms"_s, u"free"_s, u"--building"_s, u"A"_s, u"--date"_s, today, u"--json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        rows = CliRunner::jsonArray(r.out);
        QCOMPARE(rows.size(), 2);
        const QJsonObject a101 = rows.at(0).toObject();
        for (const QString &key : {u"building_code"_s, u"room"_s, u"room_id"_s, u"type"_s, u"status"_s,
                                   u"capacity"_s, u"taken"_s, u"free"_s})
            QVERIFY2(a101.contains(key), qPrintable(key));
        QCOMPARE(a101.value(u"room"_s).toString(), u"101"_s);
        QCOMPARE(a101.value(u"taken"_s).toInt(), 1);
        QCOMPARE(a101.value(u"free"_s).toInt(), 1);
        QCOMPARE(rows.at(1).toObject().value(u"free"_s).toInt(), 0); // out of service
        r = run({u"rooms"_s, u"free"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.outText().contains(u"4 free beds in 3 rooms on %1."_s.arg(today)), r.out.constData());

        r = run({u"residents"_s, u"list"_s, u"--building"_s, u"A"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        rows = CliRunner::jsonArray(r.out);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().toObject().value(u"student_id"_s).toString(), u"S0002"_s);
        r = run({u"residents"_s, u"list"_s, u"--building"_s, u"B"_s, u"--json"_s});
        QCOMPARE(r.out.trimmed(), QByteArray("[]"));
        r = run({u"residents"_s, u"list"_s, u"--building"_s, u"NOPE"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(u"no building with the code \"NOPE\""_s), r.err.constData());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing options")
            << QStringList{u"allocations"_s, u"reserve"_s, u"--resident"_s, u"S0001"_s} << 2
            << u"needs --resident, --room and --from"_s;
        QTest::newRow("bad date") << QStringList{u"allocations"_s, u"reserve"_s, u"--resident"_s,
                                                 u"S0001"_s,       u"--room"_s,  u"A/101"_s,
                                                 u"--from"_s,      u"3/9/2026"_s}
                                  << 2 << u"--from must be a date as YYYY-MM-DD, not \"3/9/2026\""_s;
        QTest::newRow("to before from")
            << QStringList{u"allocations"_s, u"reserve"_s, u"--resident"_s, u"S0001"_s, u"--room"_s,
                           u"A/101"_s,       u"--from"_s,  u"2030-02-01"_s, u"--to"_s,  u"2030-01-01"_s}
            << 2 << u"--to (2030-01-01) must come after --from (2030-02-01)"_s;
        QTest::newRow("bad room") << QStringList{u"allocations"_s, u"reserve"_s,   u"--resident"_s,
                                                 u"S0001"_s,       u"--room"_s,    u"A101"_s,
                                                 u"--from"_s,      u"2030-01-01"_s}
                                  << 2 << u"--room must be BUILDING/NUMBER"_s;
        QTest::newRow("unknown resident")
            << QStringList{u"allocations"_s, u"reserve"_s, u"--resident"_s, u"S9999"_s,
                           u"--room"_s,      u"A/101"_s,   u"--from"_s,     u"2030-01-01"_s}
            << 1 << u"no resident with the student ID \"S9999\""_s;
        QTest::newRow("unknown room")
            << QStringList{u"allocations"_s, u"reserve"_s, u"--resident"_s, u"S0001"_s,
                           u"--room"_s,      u"A/999"_s,   u"--from"_s,     u"2030-01-01"_s}
            << 1 << u"There is no room \"999\" in building \"A\""_s;
        QTest::newRow("no id") << QStringList{u"allocations"_s, u"check-in"_s} << 2
                               << u"needs an allocation id"_s;
        QTest::newRow("bad id") << QStringList{u"allocations"_s, u"cancel"_s, u"x"_s} << 2
                                << u"an allocation id is a positive whole number"_s;
        QTest::newRow("bad state") << QStringList{u"allocations"_s, u"list"_s, u"--state"_s, u"gone"_s} << 2
                                   << u"unknown state \"gone\""_s;
        QTest::newRow("unknown building") << QStringList{u"rooms"_s, u"free"_s, u"--building"_s, u"Z"_s} << 1
                                          << u"no building with the code \"Z\""_s;
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = run(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.errText().contains(message), r.err.constData());
    }

    void helpDocumentsTheJsonKeys()
    {
        Run r = CliRunner::run({u"allocations"_s, u"list"_s, u"--help"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.outText().contains(u"checked_in_at"_s) && r.outText().contains(u"building_code"_s),
                 r.out.constData());
        r = CliRunner::run({u"rooms"_s, u"free"_s, u"--help"_s});
        QVERIFY2(r.outText().contains(u"capacity, taken, free"_s), r.out.constData());
        r = CliRunner::run({u"--help"_s});
        for (const char *command : {"allocations reserve", "allocations check-in", "allocations check-out",
                                    "allocations cancel", "allocations list", "rooms free"})
            QVERIFY2(r.out.contains(command), command);
    }
};

QTEST_GUILESS_MAIN(TestAllocationsCli)
#include "tst_allocationscli.moc"
