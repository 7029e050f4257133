#include "models/db/dbexecutor.h"
#include "models/db/sqlstatement.h"
#include "models/itemmodels/protocolstablemodel.h"
#include "models/itemmodels/reportstablemodel.h"
#include "models/itemmodels/workorderstablemodel.h"
#include "models/lab/labdemoseeder.h"
#include "models/lab/protocolrepository.h"
#include "tests/support/testdatabase.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QList<qint64> queryIds(Database &db, const QString &sql)
{
    QList<qint64> ids;
    SqlStatement st(db, sql);
    if (!st.exec())
        return ids;
    while (st.next())
        ids.append(st.value(0).toLongLong());
    return ids;
}

QList<qint64> modelIds(const RecordTableModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.idAt(row));
    return ids;
}

constexpr int kTimeout = 20000;

// Loads every page of `model` (the view's fetchMore, one page at a time).
bool loadAll(RecordTableModel &model, QSignalSpy &pages)
{
    if (!QTest::qWaitFor([&] { return pages.count() >= 1 && !model.isLoading(); }, kTimeout))
        return false;
    while (model.canFetchMore({})) {
        const qsizetype before = pages.count();
        model.fetchMore({});
        if (!QTest::qWaitFor([&] { return pages.count() > before && !model.isLoading(); }, kTimeout))
            return false;
    }
    return true;
}

} // namespace

class TestLabTableModels : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<DbExecutor> m_executor;
    static constexpr int kProtocols = 230;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        const Result<LabDemoSeeder::Summary> seeded =
            LabDemoSeeder(m_t->db(), Actor{u"seeder"_s, Actor::Role::Admin}).seed({kProtocols, 5, 0});
        QVERIFY2(seeded, qPrintable(seeded.error().text() + seeded.error().detail));
        // Every protocol waiting first (the demo's mix of states aside): the counts below
        // are this test's own. Then 40 received, 10 of them cancelled afterwards.
        QVERIFY(SqlStatement::run(m_t->db(), u"UPDATE protocols SET state = 'submitted', received_at = NULL "
                                             "WHERE state <> 'submitted'"_s));
        const QList<qint64> ids = queryIds(m_t->db(), u"SELECT id FROM protocols ORDER BY id"_s);
        QVERIFY(ProtocolRepository(m_t->db(), Actor{u"admin"_s})
                    .transitionMany(ids.mid(0, 40), Protocol::State::Received));
        QVERIFY(ProtocolRepository(m_t->db(), Actor{u"admin"_s})
                    .transitionMany(ids.mid(30, 10), Protocol::State::Cancelled));
        m_executor = std::make_unique<DbExecutor>(m_t->db());
    }

    void cleanupTestCase()
    {
        if (m_executor)
            m_executor->waitForDone();
        m_executor.reset();
        m_t.reset();
    }

    void protocolsPageThroughInOrder()
    {
        ProtocolsTableModel model(*m_executor);
        model.setPageSize(50);
        QSignalSpy pages(&model, &RecordTableModel::pageLoaded);
        QSignalSpy failures(&model, &RecordTableModel::loadFailed);
        model.reload();
        QVERIFY(loadAll(model, pages));
        QCOMPARE(model.rowCount(), kProtocols);
        QCOMPARE(pages.count(), 5);
        QTRY_COMPARE_WITH_TIMEOUT(model.totalCount(), qint64(kProtocols), kTimeout);
        QCOMPARE(model.columnCount(), int(ProtocolRepository::ColumnCount));
        QCOMPARE(modelIds(model), queryIds(m_t->db(), u"SELECT id FROM protocols ORDER BY number, id"_s));
        const Protocol first = model.protocolAt(0);
        QCOMPARE(first.number, u"P-2026-000001"_s);
        QCOMPARE(model.data(model.index(0, ProtocolRepository::Number)).toString(), first.number);
        QCOMPARE(model.data(model.index(0, ProtocolRepository::Client)).toString(), first.clientName);
        QCOMPARE(model.data(model.index(0, ProtocolRepository::State)).toString(),
                 Protocol::stateLabel(first.state));
        QCOMPARE(model.data(model.index(0, ProtocolRepository::Samples)).toInt(), first.sampleCount);
        QCOMPARE(model.data(model.index(0, 0), RecordTableModel::IdRole).toLongLong(), first.id);
        QCOMPARE(model.headerData(ProtocolRepository::AnimalId, Qt::Horizontal).toString(), u"Animal ID"_s);
        QVERIFY(failures.isEmpty());
    }

    void protocolsSortBySubmittedDescending()
    {
        ProtocolsTableModel model(*m_executor);
        model.setPageSize(60);
        QSignalSpy pages(&model, &RecordTableModel::pageLoaded);
        model.sort(ProtocolRepository::SubmittedAt, Qt::DescendingOrder);
        QVERIFY(loadAll(model, pages));
        QCOMPARE(modelIds(model),
                 queryIds(m_t->db(), u"SELECT id FROM protocols ORDER BY submitted_at DESC, id DESC"_s));
        pages.clear(); // before: a page that is ready at once arrives inside sort()
        model.sort(ProtocolRepository::ReceivedAt, Qt::AscendingOrder);
        QVERIFY(loadAll(model, pages));
        QCOMPARE(model.rowCount(), kProtocols);
        const QList<qint64> ids = modelIds(model);
        QCOMPARE(QSet<qint64>(ids.begin(), ids.end()).size(), kProtocols);
    }

    void protocolsFilter()
    {
        ProtocolsTableModel model(*m_executor);
        model.setPageSize(25);
        QSignalSpy pages(&model, &RecordTableModel::pageLoaded);
        ProtocolFilter filter;
        filter.state = Protocol::State::Received;
        model.setProtocolFilter(filter);
        QVERIFY(loadAll(model, pages));
        QCOMPARE(model.rowCount(), 30);
        QTRY_COMPARE_WITH_TIMEOUT(model.totalCount(), qint64(30), kTimeout);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.protocolAt(row).state, Protocol::State::Received);
        // The generic search box (ListFilter) narrows further.
        const QString number = model.protocolAt(3).number;
        ListFilter search;
        search.search = number;
        pages.clear();
        model.setFilter(search);
        QVERIFY(loadAll(model, pages));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.protocolAt(0).number, number);
        // By client.
        const qint64 client = model.protocolAt(0).clientId;
        filter = {};
        filter.clientId = client;
        pages.clear();
        model.setFilter({});
        model.setProtocolFilter(filter);
        QVERIFY(loadAll(model, pages));
        QCOMPARE(
            modelIds(model),
            queryIds(m_t->db(),
                     u"SELECT id FROM protocols WHERE client_id = %1 ORDER BY number, id"_s.arg(client)));
    }

    void workOrders()
    {
        WorkOrdersTableModel model(*m_executor);
        model.setPageSize(100);
        QSignalSpy pages(&model, &RecordTableModel::pageLoaded);
        model.reload();
        QVERIFY(loadAll(model, pages));
        QCOMPARE(model.rowCount(), kProtocols);
        const WorkOrder w = model.workOrderAt(10);
        QVERIFY(w.analysisCount >= 3 && w.analysisCount <= 30);
        QCOMPARE(model.data(model.index(10, WorkOrderRepository::Analyses)).toInt(), w.analysisCount);
        WorkOrderFilter filter;
        filter.protocolState = Protocol::State::Cancelled;
        pages.clear();
        model.setWorkOrderFilter(filter);
        QVERIFY(loadAll(model, pages));
        QCOMPARE(model.rowCount(), 10);
        pages.clear(); // before: a page that is ready at once arrives inside sort()
        model.sort(WorkOrderRepository::Analyses, Qt::DescendingOrder);
        QVERIFY(loadAll(model, pages));
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(model.workOrderAt(row - 1).analysisCount >= model.workOrderAt(row).analysisCount);
    }

    void reports()
    {
        ReportsTableModel model(*m_executor);
        model.setPageSize(70);
        QSignalSpy pages(&model, &RecordTableModel::pageLoaded);
        ReportFilter filter;
        filter.state = Report::State::Draft;
        model.setReportFilter(filter);
        QVERIFY(loadAll(model, pages));
        QCOMPARE(model.rowCount(), kProtocols);
        const Report r = model.reportAt(0);
        QCOMPARE(r.revision, 1);
        QVERIFY(r.resultCount >= 10);
        QCOMPARE(model.data(model.index(0, ReportRepository::State)).toString(),
                 Report::stateLabel(Report::State::Draft));
        filter.state = Report::State::Finalized;
        pages.clear();
        model.setReportFilter(filter);
        QVERIFY(QTest::qWaitFor([&] { return pages.count() >= 1 && !model.isLoading(); }, kTimeout));
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestLabTableModels)
#include "tst_labtablemodels.moc"
