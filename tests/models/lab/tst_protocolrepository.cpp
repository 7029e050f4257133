#include "models/core/auditlog.h"
#include "models/db/transaction.h"
#include "models/lab/protocolrepository.h"
#include "tests/models/lab/labtestutil.h"
#include "tests/support/auditperson.h"
#include "tests/support/testdatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Qt::StringLiterals;
using S = Protocol::State;

Q_DECLARE_METATYPE(Protocol::State)

class TestProtocolRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    qint64 m_client = 0;

    Database &db() { return m_t->db(); }
    ProtocolRepository repo() { return ProtocolRepository(db(), LabTest::actor()); }

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

    void createAssignsNumberWorkOrderAndDraft()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        const Protocol p = LabTest::makeProtocol(db(), m_client);
        QVERIFY(p.id > 0);
        const int year = QDateTime::currentDateTimeUtc().date().year();
        QCOMPARE(p.number, ProtocolRepository::formatNumber(year, 1));
        QCOMPARE(p.number, u"P-%1-000001"_s.arg(year));
        QCOMPARE(p.state, S::Submitted);
        QCOMPARE(p.version, 1);
        QCOMPARE(p.clientName, u"Hillside Dairy"_s);
        QVERIFY(!p.receivedAt.isValid());
        QVERIFY2(p.submittedAt >= before && p.submittedAt <= QDateTime::currentDateTimeUtc().addSecs(1),
                 qPrintable(p.submittedAt.toString(Qt::ISODateWithMs)));
        const Protocol second = LabTest::makeProtocol(db(), m_client);
        QCOMPARE(second.number, u"P-%1-000002"_s.arg(year));
        QCOMPARE(
            LabTest::queryValue(db(), u"SELECT COUNT(*) FROM work_orders WHERE protocol_id = ?"_s, {p.id})
                .toInt(),
            1);
        QCOMPARE(
            LabTest::queryValue(
                db(), u"SELECT revision FROM reports WHERE protocol_id = ? AND state = 'draft'"_s, {p.id})
                .toInt(),
            1);
        const Result<Protocol> byNumber = repo().getByNumber(p.number);
        QVERIFY(byNumber);
        QCOMPARE(byNumber->id, p.id);
        QCOMPARE(repo().getByNumber(u"P-1999-000001"_s).error().code, DbError::Code::NotFound);
        const Result<QList<AuditEntry>> audit = AuditLog(db()).forEntity(u"protocol"_s, p.id);
        QVERIFY(audit);
        QCOMPARE(audit->size(), 1);
        QCOMPARE(audit->first().action, u"create"_s);
        QCOMPARE(audit->first().after.value(u"number"_s).toString(), p.number);
    }

    void createValidates()
    {
        Protocol p;
        p.clientId = 0;
        p.species = u"  "_s;
        p.sampleCount = 0;
        const Result<Protocol> r = repo().create(p);
        QCOMPARE(r.error().code, DbError::Code::Validation);
        QStringList fields;
        for (const FieldError &f : r.error().fields)
            fields << f.field;
        QVERIFY(fields.contains(u"client_id"_s));
        QVERIFY(fields.contains(u"species"_s));
        QVERIFY(fields.contains(u"sample_count"_s));
        p.clientId = 987654;
        p.species = u"Ovine"_s;
        p.sampleCount = 1;
        const Result<Protocol> missing = repo().create(p);
        QCOMPARE(missing.error().code, DbError::Code::Validation);
        QVERIFY(missing.error().message.contains(u"987654"_s));
        // The database keeps the invariant too.
        const VoidResult raw =
            SqlStatement::run(db(),
                              u"INSERT INTO protocols (number, number_year, number_seq, client_id, species, "
                              u"sample_count, created_by, "
                              "updated_by) VALUES ('P-X', 2000, 1, ?, 'Ovine', 0, 'x', 'x')"_s,
                              {m_client});
        QCOMPARE(raw.error().code, DbError::Code::ConstraintViolation);
    }

    void transitions_data()
    {
        QTest::addColumn<S>("from");
        QTest::addColumn<S>("to");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("phrase");
        // Independent of canTransition(): the table the lab asked for.
        const QList<QPair<S, S>> allowed{{S::Submitted, S::Received},   {S::Received, S::InAnalysis},
                                         {S::InAnalysis, S::Finalized}, {S::Submitted, S::Cancelled},
                                         {S::Received, S::Cancelled},   {S::InAnalysis, S::Cancelled}};
        for (S from : Protocol::allStates()) {
            for (S to : Protocol::allStates()) {
                const bool ok = allowed.contains({from, to});
                QString phrase;
                if (!ok) {
                    if (from == to)
                        phrase = u"is already"_s;
                    else if (to == S::Cancelled)
                        phrase = u"it cannot be cancelled"_s;
                    else
                        phrase = u"it cannot"_s;
                }
                QTest::addRow("%s -> %s", qPrintable(Protocol::stateCode(from)),
                              qPrintable(Protocol::stateCode(to)))
                    << from << to << ok << phrase;
            }
        }
    }

    void transitions()
    {
        QFETCH(S, from);
        QFETCH(S, to);
        QFETCH(bool, allowed);
        QFETCH(QString, phrase);
        QCOMPARE(ProtocolRepository::canTransition(from, to), allowed);
        const Protocol p = LabTest::protocolIn(db(), m_client, from);
        QVERIFY(p.id > 0);
        QCOMPARE(p.state, from);
        const qint64 auditBefore = AuditLog(db()).count(u"protocol"_s).value();

        const Result<Protocol> r = repo().transition(p.id, to, p.version, 77);
        const Result<Protocol> now = repo().get(p.id);
        QVERIFY(now);
        if (!allowed) {
            QVERIFY(!r);
            QCOMPARE(r.error().code, DbError::Code::InvalidState);
            QVERIFY2(r.error().message.contains(p.number), qPrintable(r.error().message));
            QVERIFY2(r.error().message.contains(Protocol::stateLabel(from).toLower()),
                     qPrintable(r.error().message));
            QVERIFY2(r.error().message.contains(phrase), qPrintable(r.error().message));
            QCOMPARE(now.value(), p); // nothing changed
            QCOMPARE(AuditLog(db()).count(u"protocol"_s).value(), auditBefore);
            return;
        }
        QVERIFY2(r, qPrintable(r.error().text() + r.error().detail));
        QCOMPARE(r->state, to);
        QCOMPARE(r->version, p.version + 1);
        QCOMPARE(now.value(), r.value());
        if (to == S::Received)
            QVERIFY(r->receivedAt.isValid());
        else
            QCOMPARE(r->receivedAt, p.receivedAt); // kept from before (or still unset)
        const Result<QList<AuditEntry>> audit = AuditLog(db()).forEntity(u"protocol"_s, p.id);
        QVERIFY(audit);
        QCOMPARE(AuditLog(db()).count(u"protocol"_s).value(), auditBefore + 1);
        const AuditEntry &e = audit->last();
        QCOMPARE(e.action, u"transition"_s);
        QCOMPARE(e.username, auditPerson());
        QCOMPARE(e.jobId, qint64(77));
        QCOMPARE(e.before.value(u"state"_s).toString(), Protocol::stateCode(from));
        QCOMPARE(e.after.value(u"state"_s).toString(), Protocol::stateCode(to));
        // Without the bookkeeping (version, updated_at, updated_by: AuditLog, migration 0033).
        QVERIFY(!e.before.contains(u"version"_s));
        QVERIFY(!e.after.contains(u"version"_s));
        // A change keeps the columns it changed: received_at only when it was set now.
        const bool receivedNow = r->receivedAt != p.receivedAt;
        QCOMPARE(e.after.contains(u"received_at"_s), receivedNow);
        QCOMPARE(e.before.contains(u"received_at"_s), receivedNow);
        if (receivedNow)
            QVERIFY(!e.after.value(u"received_at"_s).toString().isEmpty());
        QVERIFY(!e.after.contains(u"number"_s)); // unchanged
        QVERIFY(qAbs(e.atMs - QDateTime::currentMSecsSinceEpoch()) < 60000);
    }

    void refusalMessageIsExact()
    {
        const Protocol p = LabTest::protocolIn(db(), m_client, S::Finalized);
        const Result<Protocol> r = repo().transition(p.id, S::Cancelled);
        QCOMPARE(r.error().message, u"Protocol %1 is finalized; it cannot be cancelled."_s.arg(p.number));
    }

    void staleVersionIsAConflict()
    {
        const Protocol p = LabTest::makeProtocol(db(), m_client);
        QVERIFY(repo().transition(p.id, S::Received, p.version));
        const Result<Protocol> stale = repo().transition(p.id, S::Cancelled, p.version);
        QCOMPARE(stale.error().code, DbError::Code::Conflict);
        QVERIFY(repo().transition(p.id, S::Cancelled, ProtocolRepository::AnyVersion));
        QCOMPARE(repo().transition(424242, S::Received).error().code, DbError::Code::NotFound);
    }

    void transitionJoinsTheCallersTransaction()
    {
        const Protocol p = LabTest::makeProtocol(db(), m_client);
        {
            Transaction tx(db());
            QVERIFY(tx.ok());
            QVERIFY(repo().transition(p.id, S::Received, p.version));
            // The caller decides: rolled back, the change and its audit entry are gone.
            tx.rollback();
        }
        QCOMPARE(repo().get(p.id)->state, S::Submitted);
        QCOMPARE(AuditLog(db()).forEntity(u"protocol"_s, p.id)->size(), 1); // the create only
    }

    void updateDescriptiveFields()
    {
        Protocol p = LabTest::makeProtocol(db(), m_client);
        p.species = u"Ovine"_s;
        p.sampleCount = 5;
        const Result<Protocol> updated = repo().update(p);
        QVERIFY2(updated, qPrintable(updated.error().text()));
        QCOMPARE(updated->species, u"Ovine"_s);
        QCOMPARE(updated->version, p.version + 1);
        QCOMPARE(repo().update(p).error().code, DbError::Code::Conflict); // stale
        const Protocol done = LabTest::protocolIn(db(), m_client, S::Cancelled);
        Protocol edit = done;
        edit.species = u"Equine"_s;
        QCOMPARE(repo().update(edit).error().code, DbError::Code::InvalidState);
    }

    void numbersAreUniqueUnderConcurrency()
    {
        // Two desktops (two Databases, two connections) create protocols at the same time.
        constexpr int perThread = 25;
        std::unique_ptr<Database> other = m_t->openAnother();
        std::atomic<int> ready{0};
        QList<Protocol> created[2];
        QString failures[2];
        auto worker = [&](int index, Database *database) {
            ++ready;
            while (ready.load() < 2)
                QThread::yieldCurrentThread();
            for (int i = 0; i < perThread; ++i) {
                Protocol p;
                p.clientId = m_client;
                p.species = u"Porcine"_s;
                const Result<Protocol> r = ProtocolRepository(*database, LabTest::actor()).create(p);
                if (!r) {
                    failures[index] += r.error().text() + r.error().detail + u"\n"_s;
                    continue;
                }
                created[index].append(r.value());
            }
            database->closeThreadConnection();
        };
        std::unique_ptr<QThread> a(QThread::create(worker, 0, &db()));
        std::unique_ptr<QThread> b(QThread::create(worker, 1, other.get()));
        a->start();
        b->start();
        QVERIFY(a->wait(120000));
        QVERIFY(b->wait(120000));
        QVERIFY2(failures[0].isEmpty() && failures[1].isEmpty(), qPrintable(failures[0] + failures[1]));
        QSet<QString> numbers;
        for (const auto &list : created) {
            for (const Protocol &p : list)
                numbers.insert(p.number);
        }
        QCOMPARE(numbers.size(), 2 * perThread);
        const int year = QDateTime::currentDateTimeUtc().date().year();
        for (int seq = 1; seq <= 2 * perThread; ++seq)
            QVERIFY2(numbers.contains(ProtocolRepository::formatNumber(year, seq)),
                     qPrintable(QString::number(seq)));
    }

    void transitionManyMixed()
    {
        const Protocol submitted = LabTest::makeProtocol(db(), m_client);
        const Protocol received = LabTest::protocolIn(db(), m_client, S::Received);
        const Protocol finalized = LabTest::protocolIn(db(), m_client, S::Finalized);
        const Protocol cancelled = LabTest::protocolIn(db(), m_client, S::Cancelled);
        const Protocol second = LabTest::makeProtocol(db(), m_client);
        const qint64 missing = 9999999;
        const qint64 auditBefore = AuditLog(db()).count().value();
        const QList<qint64> ids{submitted.id, received.id,  finalized.id, missing,
                                cancelled.id, submitted.id, second.id};

        const Result<QList<TransitionOutcome>> r = repo().transitionMany(ids, S::Received, 4242);
        QVERIFY2(r, qPrintable(r.error().text() + r.error().detail));
        QCOMPARE(r->size(), ids.size());
        using K = TransitionOutcome::Kind;
        const QList<TransitionOutcome> &o = r.value();
        QCOMPARE(o[0].kind, K::Changed);
        QCOMPARE(o[0].number, submitted.number);
        QCOMPARE(o[0].before.state, S::Submitted);
        QCOMPARE(o[0].before.version, submitted.version);
        QVERIFY(!o[0].before.receivedAt.isValid());
        QCOMPARE(o[0].after.state, S::Received);
        QCOMPARE(o[0].after.version, submitted.version + 1);
        QVERIFY(o[0].after.receivedAt.isValid());
        QCOMPARE(o[0].after.toJson().value(u"state"_s).toString(), u"received"_s);
        // The audit entry holds the same state and time of receipt as the outcome (not the
        // version: bookkeeping, which a change's entry leaves out; AuditLog, migration 0033).
        const QList<AuditEntry> entries = AuditLog(db()).forEntity(u"protocol"_s, submitted.id).value();
        QCOMPARE(entries.last().action, u"transition"_s);
        QCOMPARE(entries.last().jobId, qint64(4242));
        for (const auto &[row, snapshot] : {std::pair{entries.last().before, o[0].before.toJson()},
                                            std::pair{entries.last().after, o[0].after.toJson()}}) {
            QCOMPARE(row.value(u"state"_s), snapshot.value(u"state"_s));
            QVERIFY(!row.contains(u"version"_s));
            QCOMPARE(QDateTime::fromString(row.value(u"received_at"_s).toString(), Qt::ISODateWithMs),
                     QDateTime::fromString(snapshot.value(u"received_at"_s).toString(), Qt::ISODateWithMs));
        }
        QCOMPARE(QJsonDocument::fromJson(o[0].after.toJsonText().toUtf8()).object(), o[0].after.toJson());
        QCOMPARE(o[0].after.toJson().value(u"received_at"_s).toString(),
                 o[0].after.receivedAt.toString(Qt::ISODateWithMs));
        QCOMPARE(o[1].kind, K::Skipped);
        QVERIFY2(o[1].reason.contains(u"already received"_s), qPrintable(o[1].reason));
        QCOMPARE(o[2].kind, K::Failed);
        QCOMPARE(o[2].error.code, DbError::Code::InvalidState);
        QVERIFY2(o[2].reason.contains(finalized.number) && o[2].reason.contains(u"finalized"_s),
                 qPrintable(o[2].reason));
        QCOMPARE(o[3].kind, K::Failed);
        QCOMPARE(o[3].error.code, DbError::Code::NotFound);
        QCOMPARE(o[4].kind, K::Failed);
        QCOMPARE(o[4].error.code, DbError::Code::InvalidState);
        QCOMPARE(o[5].kind, K::Changed); // listed twice: changed once
        QCOMPARE(o[6].kind, K::Changed);

        QCOMPARE(repo().get(submitted.id)->state, S::Received);
        QCOMPARE(repo().get(submitted.id)->version, submitted.version + 1);
        QVERIFY(repo().get(second.id)->receivedAt.isValid());
        // What the outcome (and the audit) says is what the database holds.
        QCOMPARE(repo().get(submitted.id)->receivedAt, o[0].after.receivedAt);
        QCOMPARE(repo().get(second.id)->receivedAt, o[6].after.receivedAt);
        QCOMPARE(repo().get(received.id).value(), received);
        QCOMPARE(repo().get(finalized.id).value(), finalized);
        QCOMPARE(repo().get(cancelled.id).value(), cancelled);
        QCOMPARE(AuditLog(db()).count().value(), auditBefore + 2);
        const Result<QList<AuditEntry>> byJob = AuditLog(db()).forJob(4242);
        QCOMPARE(byJob->size(), 2);
    }

    void transitionManyChunksAndRollsBackWithTheCaller()
    {
        // More ids than one chunk; all in the caller's transaction.
        constexpr int count = ProtocolRepository::MaxChunk + 40;
        QList<qint64> ids;
        {
            Transaction tx(db());
            for (int i = 0; i < count; ++i) {
                const Protocol p = LabTest::makeProtocol(db(), m_client);
                QVERIFY(p.id > 0);
                ids.append(p.id);
            }
            QVERIFY(tx.commit());
        }
        {
            Transaction tx(db());
            const Result<QList<TransitionOutcome>> r = repo().transitionMany(ids, S::Cancelled);
            QVERIFY(r);
            QCOMPARE(r->size(), count);
            for (const TransitionOutcome &o : r.value())
                QCOMPARE(o.kind, TransitionOutcome::Kind::Changed);
            tx.rollback();
        }
        QCOMPARE(
            LabTest::queryValue(db(), u"SELECT COUNT(*) FROM protocols WHERE state = 'cancelled'"_s).toInt(),
            0);
        const Result<QList<TransitionOutcome>> r = repo().transitionMany(ids, S::Received);
        QVERIFY(r);
        QCOMPARE(LabTest::queryValue(db(), u"SELECT COUNT(*) FROM protocols WHERE state = 'received' "
                                           "AND received_at IS NOT NULL"_s)
                     .toInt(),
                 count);
        QCOMPARE(
            LabTest::queryValue(db(), u"SELECT COUNT(*) FROM audit_entries WHERE action = 'transition'"_s)
                .toInt(),
            count);
    }

    void pageFilterAndSort()
    {
        const qint64 otherClient =
            LabTest::makeClient(db(), u"Riverside Veterinary Clinic"_s, Client::Kind::Clinic);
        QList<Protocol> all;
        for (int i = 0; i < 30; ++i) {
            Protocol p;
            p.clientId = i % 3 == 0 ? otherClient : m_client;
            p.species = i % 2 ? u"Canine"_s : u"Feline"_s;
            p.animalId = u"CHIP-%1"_s.arg(i, 3, 10, QLatin1Char('0'));
            p.submittedAt = QDateTime(QDate(2026, 3, 1).addDays(i), QTime(10, 0), Qt::UTC);
            const Result<Protocol> stored = repo().create(p);
            QVERIFY(stored);
            all.append(stored.value());
        }
        QVERIFY(repo().transitionMany({all[1].id, all[2].id, all[3].id}, S::Received));

        ProtocolFilter filter;
        QCOMPARE(repo().count(filter).value(), qint64(30));
        filter.state = S::Received;
        QCOMPARE(repo().count(filter).value(), qint64(3));
        filter = {};
        filter.clientId = otherClient;
        QCOMPARE(repo().count(filter).value(), qint64(10));
        filter = {};
        filter.search = u"riverside"_s; // client name
        QCOMPARE(repo().count(filter).value(), qint64(10));
        filter.search = u"chip-01"_s; // animal id, case-insensitive
        QCOMPARE(repo().count(filter).value(), qint64(10));
        filter.search = all[7].number;
        QCOMPARE(repo().count(filter).value(), qint64(1));
        // A bulk job's walk over a selection: ascending ids in chunks.
        filter = {};
        filter.clientId = m_client;
        QList<qint64> walked;
        for (qint64 after = 0;;) {
            const Result<QList<qint64>> ids = repo().idsAfter(filter, after, 7);
            QVERIFY(ids);
            walked += ids.value();
            if (ids->size() < 7)
                break;
            after = ids->last();
        }
        QCOMPARE(walked,
                 LabTest::queryIds(db(), u"SELECT id FROM protocols WHERE client_id = ? ORDER BY id"_s,
                                   {m_client}));
        QCOMPARE(walked.size(), 20);
        filter = {};
        filter.submittedFrom = QDate(2026, 3, 5);
        filter.submittedTo = QDate(2026, 3, 9);
        QCOMPARE(repo().count(filter).value(), qint64(5));

        // Keyset paging in every column and both orders serves every row once, in order.
        for (int column = 0; column < ProtocolRepository::ColumnCount; ++column) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                PageRequest request;
                request.sortColumn = column;
                request.order = order;
                request.limit = 7;
                QList<Protocol> served;
                for (int guard = 0; guard < 20; ++guard) {
                    const Result<QList<Protocol>> page = repo().page({}, request);
                    QVERIFY2(page, qPrintable(page.error().detail));
                    served += page.value();
                    if (page->size() < request.limit)
                        break;
                    request.hasCursor = true;
                    request.afterValue = ProtocolRepository::sortValue(page->last(), column);
                    request.afterId = page->last().id;
                }
                QCOMPARE(served.size(), 30);
                QSet<qint64> ids;
                for (int i = 0; i < served.size(); ++i) {
                    ids.insert(served[i].id);
                    if (i > 0 && column == ProtocolRepository::SubmittedAt) {
                        const bool inOrder = order == Qt::AscendingOrder
                                                 ? served[i - 1].submittedAt <= served[i].submittedAt
                                                 : served[i - 1].submittedAt >= served[i].submittedAt;
                        QVERIFY(inOrder);
                    }
                }
                QCOMPARE(ids.size(), 30);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestProtocolRepository)
#include "tst_protocolrepository.moc"
