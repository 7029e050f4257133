#include "models/core/auditlog.h"
#include "models/lab/clientrepository.h"
#include "models/lab/workorderrepository.h"
#include "tests/models/lab/labtestutil.h"
#include "tests/support/testdatabase.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using S = Protocol::State;

// Work orders and the clients they belong to.
class TestWorkOrderRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    qint64 m_client = 0;

    Database &db() { return m_t->db(); }
    WorkOrderRepository orders() { return WorkOrderRepository(db(), LabTest::actor()); }
    ClientRepository clients() { return ClientRepository(db(), LabTest::actor()); }

private Q_SLOTS:
    void init()
    {
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        m_client = LabTest::makeClient(db());
        QVERIFY(m_client > 0);
    }

    void cleanup() { m_t.reset(); }

    void clientsCreateUpdateAndValidate()
    {
        Client c;
        c.code = u"ACC-17"_s;
        c.name = u"  Old Mill Veterinary Clinic "_s;
        c.kind = Client::Kind::Clinic;
        c.email = u"front.desk@oldmill.example.org"_s;
        const Result<Client> stored = clients().create(c);
        QVERIFY2(stored, qPrintable(stored.error().text()));
        QCOMPARE(stored->name, u"Old Mill Veterinary Clinic"_s);
        QCOMPARE(stored->version, 1);
        QCOMPARE(clients().findByCode(u"ACC-17"_s)->id, stored->id);
        QCOMPARE(clients().create(c).error().code, DbError::Code::Duplicate);

        Client bad;
        bad.name = u""_s;
        bad.email = u"not an address"_s;
        const Result<Client> invalid = clients().create(bad);
        QCOMPARE(invalid.error().code, DbError::Code::Validation);
        QCOMPARE(invalid.error().fields.size(), 2);

        Client edit = stored.value();
        edit.phone = u"+1 555 0101"_s;
        const Result<Client> updated = clients().update(edit);
        QVERIFY(updated);
        QCOMPARE(updated->version, 2);
        QCOMPARE(clients().update(edit).error().code, DbError::Code::Conflict);
        QCOMPARE(AuditLog(db()).forEntity(u"client"_s, stored->id)->size(), 2);

        // The audit trail keeps text that JSON must escape.
        Client odd;
        odd.name = u"Farm \"Quote\" \\ Back\tslash — ñ"_s;
        const Result<Client> oddStored = clients().create(odd);
        QVERIFY(oddStored);
        const QList<AuditEntry> oddAudit = AuditLog(db()).forEntity(u"client"_s, oddStored->id).value();
        QCOMPARE(oddAudit.size(), 1);
        QCOMPARE(oddAudit.first().after.value(u"name"_s).toString(), odd.name);
        QVERIFY(oddAudit.first().before.isEmpty());

        ListFilter filter;
        QCOMPARE(clients().count(filter).value(), qint64(3));
        filter.status = u"clinic"_s;
        QCOMPARE(clients().count(filter).value(), qint64(1));
        filter.status = u"owner"_s;
        QCOMPARE(clients().count(filter).value(), qint64(1));
        filter = {};
        filter.search = u"hillside"_s;
        QCOMPARE(clients().count(filter).value(), qint64(1));
        PageRequest request;
        request.sortColumn = ClientRepository::Name;
        const Result<QList<Client>> page = clients().page(request);
        QCOMPARE(page->size(), 3);
        QCOMPARE(page->at(1).name, u"Hillside Dairy"_s); // after "Farm …", before "Old Mill …"
    }

    void updateReplacesAnalysesAndBumpsVersion()
    {
        const Protocol p = LabTest::makeProtocol(db(), m_client);
        const Result<WorkOrder> wo = orders().getByProtocol(p.id);
        QVERIFY2(wo, qPrintable(wo.error().text()));
        QCOMPARE(wo->protocolNumber, p.number);
        QCOMPARE(wo->analyses.size(), 0);
        QCOMPARE(wo->version, 1);

        WorkOrder edit = wo.value();
        edit.assignedVet = u"efischer"_s;
        edit.notes = u"Urgent: herd outbreak."_s;
        edit.analyses = {{0, u"HEM-CBC"_s, u"Complete blood count"_s, u"S1-S2, EDTA blood"_s},
                         {0, u"BIO-MET"_s, u"Metabolic profile"_s, u"S1-S2, serum"_s},
                         {7, u"SER-BVD"_s, u"BVD antigen ELISA"_s, u""_s}};
        const Result<WorkOrder> saved = orders().update(edit);
        QVERIFY2(saved, qPrintable(saved.error().text() + saved.error().detail));
        QCOMPARE(saved->version, 2);
        QCOMPARE(saved->contentVersion(), 2);
        QCOMPARE(saved->analyses.size(), 3);
        QCOMPARE(saved->analyses[2].position, 3);
        QCOMPARE(saved->analyses[1].code, u"BIO-MET"_s);
        QCOMPARE(saved->analysisCount, 3);
        QCOMPARE(orders().get(saved->id).value(), saved.value());

        // Only the analyses change: the content version still moves.
        WorkOrder again = saved.value();
        again.analyses.removeFirst();
        const Result<WorkOrder> fewer = orders().update(again);
        QVERIFY(fewer);
        QCOMPARE(fewer->version, 3);
        QCOMPARE(fewer->analyses.first().code, u"BIO-MET"_s);
        QCOMPARE(fewer->analyses.first().position, 1);

        QCOMPARE(orders().update(saved.value()).error().code, DbError::Code::Conflict);
        WorkOrder invalid = fewer.value();
        invalid.analyses.append({0, u""_s, u"No code"_s, u""_s});
        const Result<WorkOrder> refused = orders().update(invalid);
        QCOMPARE(refused.error().code, DbError::Code::Validation);
        QVERIFY2(refused.error().text().contains(u"Analysis 3"_s), qPrintable(refused.error().text()));
        // Its creation with the protocol, and the two updates.
        QCOMPARE(AuditLog(db()).forEntity(u"work_order"_s, wo->id)->size(), 3);
    }

    void finalizedProtocolsWorkOrderIsFrozen()
    {
        const Protocol p = LabTest::protocolIn(db(), m_client, S::Finalized);
        WorkOrder wo = orders().getByProtocol(p.id).value();
        QCOMPARE(wo.protocolState, S::Finalized);
        wo.notes = u"late note"_s;
        const Result<WorkOrder> r = orders().update(wo);
        QCOMPARE(r.error().code, DbError::Code::InvalidState);
        QVERIFY(r.error().message.contains(p.number));
    }

    void pageAndFilter()
    {
        QList<Protocol> protocols;
        for (int i = 0; i < 12; ++i)
            protocols.append(LabTest::makeProtocol(db(), m_client, i % 2 ? u"Equine"_s : u"Canine"_s));
        for (int i = 0; i < 4; ++i) {
            WorkOrder wo = orders().getByProtocol(protocols[i].id).value();
            wo.assignedVet = u"cnakamura"_s;
            QVERIFY(orders().update(wo));
        }
        QVERIFY(ProtocolRepository(db(), LabTest::actor())
                    .transitionMany({protocols[10].id, protocols[11].id}, S::Received));
        WorkOrderFilter filter;
        QCOMPARE(orders().count(filter).value(), qint64(12));
        filter.assignedVet = u"cnakamura"_s;
        QCOMPARE(orders().count(filter).value(), qint64(4));
        filter = {};
        filter.protocolState = S::Received;
        QCOMPARE(orders().count(filter).value(), qint64(2));
        filter = {};
        filter.search = u"equine"_s;
        QCOMPARE(orders().count(filter).value(), qint64(6));
        for (int column = 0; column < WorkOrderRepository::ColumnCount; ++column) {
            PageRequest request;
            request.sortColumn = column;
            request.limit = 5;
            QSet<qint64> seen;
            for (int guard = 0; guard < 10; ++guard) {
                const Result<QList<WorkOrder>> page = orders().page({}, request);
                QVERIFY2(page, qPrintable(page.error().detail));
                for (const WorkOrder &w : page.value()) {
                    QVERIFY(w.analyses.isEmpty());
                    seen.insert(w.id);
                }
                if (page->size() < request.limit)
                    break;
                request.hasCursor = true;
                request.afterValue = WorkOrderRepository::sortValue(page->last(), column);
                request.afterId = page->last().id;
            }
            QCOMPARE(seen.size(), 12);
        }
    }
};

QTEST_GUILESS_MAIN(TestWorkOrderRepository)
#include "tst_workorderrepository.moc"
