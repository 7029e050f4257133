#include "models/db/sqlstatement.h"
#include "models/lab/labdemoseeder.h"
#include "tests/support/testdatabase.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSqlRecord>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

Actor seeder()
{
    return Actor{u"seeder"_s, Actor::Role::Admin};
}

QVariant value(Database &db, const QString &sql, const QVariantList &values = {})
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

// A digest of every seeded value that does not depend on generated ids.
QByteArray fingerprint(Database &db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QStringList queries{
        u"SELECT code, name, kind, email, phone FROM clients ORDER BY code"_s,
        u"SELECT p.number, c.code, p.species, p.animal_id, p.sample_count, p.sample_type, p.state, "
        u"p.submitted_at "
        "FROM protocols p JOIN clients c ON c.id = p.client_id ORDER BY p.number"_s,
        u"SELECT p.number, w.assigned_vet, a.position, a.code, a.name, a.sample FROM work_order_analyses a "
        "JOIN work_orders w ON w.id = a.work_order_id JOIN protocols p ON p.id = w.protocol_id "
        "ORDER BY p.number, a.position"_s,
        u"SELECT p.number, r.revision, r.state, x.position, x.analyte, x.value, x.unit, x.reference_range, "
        u"x.flag "
        "FROM report_results x JOIN reports r ON r.id = x.report_id JOIN protocols p ON p.id = r.protocol_id "
        "ORDER BY p.number, x.position"_s};
    for (const QString &sql : queries) {
        SqlStatement st(db, sql);
        if (auto r = st.exec(); !r) {
            qWarning("%s", qPrintable(r.error().detail));
            return {};
        }
        const int columns = st.columnCount();
        while (st.next()) {
            for (int c = 0; c < columns; ++c) {
                const QVariant v = st.value(c);
                // Times compare in one form on both backends.
                const QString text = v.metaType() == QMetaType::fromType<QDateTime>()
                                         ? v.toDateTime().toUTC().toString(Qt::ISODateWithMs)
                                         : v.toString();
                hash.addData(text.toUtf8());
                hash.addData("\x1f");
            }
            hash.addData("\x1e");
        }
    }
    return hash.result().toHex();
}

} // namespace

class TestLabDemoSeeder : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<TestDatabase> fresh()
    {
        QString error;
        auto t = TestDatabase::create(&error);
        if (!t)
            qWarning("%s", qPrintable(error));
        return t;
    }

private Q_SLOTS:
    void shapeOfTheData()
    {
        auto t = fresh();
        QVERIFY(t);
        const Result<LabDemoSeeder::Summary> s = LabDemoSeeder(t->db(), seeder()).seed({150, 7, 0});
        QVERIFY2(s, qPrintable(s.error().text() + s.error().detail));
        QCOMPARE(s->protocols, 150);
        QCOMPARE(s->clients, LabDemoSeeder::clientCount(150));
        QCOMPARE(s->clients, 8);
        QCOMPARE(s->workOrders, 150);
        QCOMPARE(s->reports, 150);
        Database &db = t->db();
        // A lab's mix: most waiting to be received, some received or in analysis (with
        // their time of receipt), a few cancelled.
        const int submitted =
            value(db, u"SELECT COUNT(*) FROM protocols WHERE state = 'submitted'"_s).toInt();
        QVERIFY2(submitted >= 60 && submitted <= 110, qPrintable(QString::number(submitted)));
        for (const char *state : {"received", "in_analysis", "cancelled"})
            QVERIFY2(
                value(db, u"SELECT COUNT(*) FROM protocols WHERE state = ?"_s, {QString::fromLatin1(state)})
                        .toInt() > 0,
                state);
        QCOMPARE(
            value(db,
                  u"SELECT COUNT(*) FROM protocols WHERE (received_at IS NULL) <> (state IN ('submitted', "
                  "'cancelled'))"_s)
                .toInt(),
            0);
        QCOMPARE(value(db, u"SELECT COUNT(*) FROM protocols WHERE received_at < submitted_at"_s).toInt(), 0);
        QCOMPARE(value(db, u"SELECT COUNT(*) FROM report_results"_s).toInt(), s->results);
        QCOMPARE(value(db, u"SELECT COUNT(*) FROM work_order_analyses"_s).toInt(), s->analyses);
        QCOMPARE(value(db, u"SELECT COUNT(DISTINCT kind) FROM clients"_s).toInt(), 3);
        QVERIFY(value(db, u"SELECT COUNT(DISTINCT client_id) FROM protocols"_s).toInt() >= 5);
        // 3–30 analyses per work order, 10–300 result rows per draft report.
        QVERIFY(
            value(
                db,
                u"SELECT MIN(n) FROM (SELECT COUNT(*) AS n FROM work_order_analyses GROUP BY work_order_id) x"_s)
                .toInt() >= 3);
        QVERIFY(
            value(
                db,
                u"SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM work_order_analyses GROUP BY work_order_id) x"_s)
                .toInt() <= 30);
        QVERIFY(
            value(db, u"SELECT MIN(n) FROM (SELECT COUNT(*) AS n FROM report_results GROUP BY report_id) x"_s)
                .toInt() >= 10);
        QVERIFY(
            value(db, u"SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM report_results GROUP BY report_id) x"_s)
                .toInt() <= 300);
        QCOMPARE(value(db, u"SELECT COUNT(*) FROM reports WHERE state = 'draft' AND revision = 1"_s).toInt(),
                 150);
        // Realistic results: units, ranges and some flags of each kind.
        QVERIFY(value(db, u"SELECT COUNT(*) FROM report_results WHERE flag = 'H'"_s).toInt() > 0);
        QVERIFY(value(db, u"SELECT COUNT(*) FROM report_results WHERE flag = 'L'"_s).toInt() > 0);
        QVERIFY(value(db, u"SELECT COUNT(*) FROM report_results WHERE flag = 'A'"_s).toInt() > 0);
        QVERIFY(value(db, u"SELECT COUNT(*) FROM report_results WHERE flag = ''"_s).toInt() > s->results / 2);
        QVERIFY(value(db, u"SELECT COUNT(*) FROM report_results WHERE unit = 'g/dL'"_s).toInt() > 0);
    }

    void sameSeedSameDataAlsoInChunks()
    {
        auto one = fresh();
        auto chunked = fresh();
        auto other = fresh();
        QVERIFY(one && chunked && other);
        QVERIFY(LabDemoSeeder(one->db(), seeder()).seed({120, 3, 0}));
        // A checkpointed job: 0–49, then 50–119 (and a repeated chunk after a "crash").
        const Result<LabDemoSeeder::Summary> first = LabDemoSeeder(chunked->db(), seeder()).seed({50, 3, 0});
        QVERIFY(first);
        QCOMPARE(first->protocols, 50);
        QCOMPARE(first->clients, 5);
        const Result<LabDemoSeeder::Summary> repeated =
            LabDemoSeeder(chunked->db(), seeder()).seed({50, 3, 40});
        QVERIFY(repeated);
        QCOMPARE(repeated->protocols, 0);
        const Result<LabDemoSeeder::Summary> second =
            LabDemoSeeder(chunked->db(), seeder()).seed({120, 3, 50});
        QVERIFY(second);
        QCOMPARE(second->protocols, 70);
        QCOMPARE(first->clients + second->clients, LabDemoSeeder::clientCount(120));
        QVERIFY(LabDemoSeeder(other->db(), seeder()).seed({120, 4, 0}));

        const QByteArray a = fingerprint(one->db());
        QVERIFY(!a.isEmpty());
        QCOMPARE(fingerprint(chunked->db()), a);
        QVERIFY(fingerprint(other->db()) != a);
    }

    void seedingAgainAddsNothing()
    {
        auto t = fresh();
        QVERIFY(t);
        QVERIFY(LabDemoSeeder(t->db(), seeder()).seed({60, 9, 0}));
        const QByteArray before = fingerprint(t->db());
        const Result<LabDemoSeeder::Summary> again = LabDemoSeeder(t->db(), seeder()).seed({60, 9, 0});
        QVERIFY2(again, qPrintable(again.error().text() + again.error().detail));
        QCOMPARE(again->clients, 0);
        QCOMPARE(again->protocols, 0);
        QCOMPARE(again->results, 0);
        QCOMPARE(fingerprint(t->db()), before);
        // Growing the count adds only the new protocols.
        const Result<LabDemoSeeder::Summary> more = LabDemoSeeder(t->db(), seeder()).seed({70, 9, 0});
        QCOMPARE(more->protocols, 10);
        QCOMPARE(value(t->db(), u"SELECT COUNT(*) FROM protocols"_s).toInt(), 70);
    }

    void thousandProtocols()
    {
        // Speed is measured by the benchmarks; this prints the figure and checks the size.
        auto t = fresh();
        QVERIFY(t);
        QElapsedTimer timer;
        timer.start();
        const Result<LabDemoSeeder::Summary> s = LabDemoSeeder(t->db(), seeder()).seed({1000, 1, 0});
        QVERIFY2(s, qPrintable(s.error().text()));
        qInfo("1,000 protocols, %d analyses, %d result rows on %s in %lld ms", s->analyses, s->results,
              qPrintable(TestDatabase::backendName()), timer.elapsed());
        QCOMPARE(s->protocols, 1000);
        QVERIFY(s->results > 100000);
        QCOMPARE(value(t->db(), u"SELECT COUNT(*) FROM report_results"_s).toInt(), s->results);
    }
};

QTEST_GUILESS_MAIN(TestLabDemoSeeder)
#include "tst_labdemoseeder.moc"
