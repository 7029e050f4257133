// The protocols.transition job and its undo on a real engine and database: exact
// per-item outcomes over 10,000 protocols, one audit entry and one e-mail per change,
// a chunk that fails in the database, cancel in the middle, a filter frozen at enqueue,
// and the undo (restored / changed since / refused twice).
#include "models/db/dbexecutor.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/lab/protocolrepository.h"
#include "tasks/bulk/bulkactions.h"
#include "tasks/bulk/bulkjobstore.h"
#include "tasks/bulk/bulktasks.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "tasks/notificationstore.h"
#include "tasks/taskcatalog.h"
#include "tasks/taskregistry.h"
#include "tests/support/bulkfixtures.h"
#include "tests/support/localeventgate.h"
#include "tests/support/testdatabase.h"

#include <QJsonArray>
#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
TaskRegistry makeRegistry()
{
    TaskRegistry registry;
    TaskCatalog::registerAll(registry);
    return registry;
}

QString idList(const QList<qint64> &ids)
{
    QStringList parts;
    for (const qint64 id : ids)
        parts << QString::number(id);
    return parts.join(u',');
}
} // namespace

class TestBulkTransition : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    TaskRegistry m_registry = makeRegistry();
    Actor m_actor = TestDatabase::actorFor(TestDatabase::Person::Admin, u"admin"_s, Actor::Role::Admin);
    qint64 m_client = 0;       // with an e-mail address
    qint64 m_silentClient = 0; // without one

    Database &db() { return m_t->db(); }

    qint64 scalar(const QString &sql, const QVariantList &values = {})
    {
        SqlStatement st(db(), sql);
        for (const QVariant &v : values)
            st.bind(v);
        if (auto r = st.exec(); !r) {
            qWarning("%s", qPrintable(r.error().detail));
            return -1;
        }
        return st.next() ? st.value(0).toLongLong() : -1;
    }

    // Puts protocols in `state` directly (the fixtures' shortcut past the state machine).
    bool setState(const QList<qint64> &ids, const QString &state)
    {
        const auto r = SqlStatement::run(
            db(),
            u"UPDATE protocols SET state = ?, received_at = "_s + Dialect::now(db().config().backend) +
                u", version = version + 1 WHERE id IN ("_s + idList(ids) + u")"_s,
            {state});
        return bool(r);
    }

    Job job(qint64 id)
    {
        const Result<Job> j = JobStore(db()).get(id);
        return j ? j.value() : Job{};
    }

    static JobEngineOptions options()
    {
        JobEngineOptions o;
        o.concurrency = 1;
        o.pollIntervalMs = 100;
        o.runRecurring = false;
        o.backoffBaseMs = 60000;
        o.shutdownGraceMs = 5000;
        // Only the bulk kinds: the mail.send drain the e-mails ask for is not under test.
        o.kinds = {BulkTasks::transitionKind(), BulkTasks::undoKind()};
        return o;
    }

    Job runToEnd(qint64 id)
    {
        JobEngine engine(db(), m_registry, options());
        engine.start();
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(job(id).isFinished(), 180000);
        }();
        return job(id);
    }

    qint64 enqueue(const JobRequest &request)
    {
        const Result<BulkTasks::Queued> queued = BulkTasks::enqueueTransition(db(), m_actor, request);
        if (!queued)
            qWarning("enqueue: %s", qPrintable(queued.error().text()));
        return queued ? queued->jobId : 0;
    }

    QHash<BulkItem::Outcome, qint64> counts(qint64 jobId)
    {
        const auto c = BulkJobStore(db()).counts(jobId);
        return c ? c.value() : QHash<BulkItem::Outcome, qint64>{};
    }

    BulkItem item(qint64 jobId, qint64 protocolId)
    {
        BulkJobStore::ItemFilter filter;
        filter.afterProtocolId = protocolId - 1;
        filter.limit = 1;
        const auto items = BulkJobStore(db()).items(jobId, filter);
        return items && !items->isEmpty() && items->constFirst().protocolId == protocolId
                   ? items->constFirst()
                   : BulkItem{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
    }
    void cleanupTestCase() { m_t.reset(); }

    void init()
    {
        for (const char *table : {"bulk_job_items", "bulk_jobs", "outbox_emails", "notifications", "jobs",
                                  "work_orders", "reports", "protocols", "clients"})
            QVERIFY(SqlStatement::run(db(), u"DELETE FROM "_s + QLatin1String(table)));
        m_client = BulkFixtures::addClient(db(), u"Hillside Dairy"_s, u"office@hillside.example.org"_s);
        m_silentClient = BulkFixtures::addClient(db(), u"No-Mail Farm"_s, QString());
        QVERIFY(m_client > 0 && m_silentClient > 0);
    }

    void changesTenThousandWithExactOutcomes()
    {
        QList<qint64> ids = BulkFixtures::addProtocols(db(), m_client, 9900);
        ids += BulkFixtures::addProtocols(db(), m_silentClient, 100);
        QCOMPARE(ids.size(), 10000);
        // Made invalid beforehand: every 200th finalized, cancelled, already received.
        QList<qint64> finalized, cancelled, received;
        for (int i = 0; i < ids.size(); ++i) {
            if (i % 200 == 0)
                finalized << ids.at(i);
            else if (i % 200 == 50)
                cancelled << ids.at(i);
            else if (i % 200 == 100)
                received << ids.at(i);
        }
        QVERIFY(setState(finalized, u"finalized"_s));
        QVERIFY(setState(cancelled, u"cancelled"_s));
        QVERIFY(setState(received, u"received"_s));
        qint64 silentChanged = 0;
        for (int i = 9900; i < 10000; ++i)
            silentChanged += (i % 200 == 0 || i % 200 == 50 || i % 200 == 100) ? 0 : 1;
        const qint64 changed = 10000 - 150;

        const qint64 id = enqueue(BulkTasks::transitionRequest(Protocol::State::Received, ids));
        QVERIFY(id > 0);
        const Job done = runToEnd(id);
        QCOMPARE(done.state, JobState::Succeeded);
        QCOMPARE(done.result.value(u"selected"_s).toInteger(), 10000);
        QCOMPARE(done.result.value(u"changed"_s).toInteger(), changed);
        QCOMPARE(done.result.value(u"skipped"_s).toInteger(), 50);
        QCOMPARE(done.result.value(u"failed"_s).toInteger(), 100);
        QCOMPARE(done.result.value(u"no_address"_s).toInteger(), silentChanged);
        QCOMPARE(done.result.value(u"emails"_s).toInteger(), changed - silentChanged);
        QCOMPARE(done.progressDone, 10000);
        QCOMPARE(done.progressTotal, 10000);
        // The counts are the job's own; the message does not repeat them.
        QCOMPARE(done.progressMessage, u"chunk 20"_s);
        // What was selected, named: ids.
        // (no translation is installed here: the plural reads "protocol(s)")
        const QString scope = done.result.value(u"scope"_s).toString();
        QVERIFY2(scope.startsWith(QLocale().toString(10000) + u" selected protocol"_s), qPrintable(scope));
        QCOMPARE(done.result.value(u"notify_title"_s).toString(),
                 u"Bulk change to “Received” (%1) finished"_s.arg(scope));

        // Items: one per protocol, with reasons.
        const auto c = counts(id);
        QCOMPARE(c.value(BulkItem::Outcome::Changed), changed);
        QCOMPARE(c.value(BulkItem::Outcome::Skipped), 50);
        QCOMPARE(c.value(BulkItem::Outcome::Failed), 100);
        const BulkItem fin = item(id, finalized.at(3));
        QCOMPARE(fin.outcome, BulkItem::Outcome::Failed);
        QVERIFY2(fin.reason.endsWith(u" is finalized; it cannot be marked as received."_s),
                 qPrintable(fin.reason));
        const BulkItem can = item(id, cancelled.at(3));
        QCOMPARE(can.outcome, BulkItem::Outcome::Failed);
        QVERIFY2(can.reason.endsWith(u" is cancelled; it cannot be marked as received."_s),
                 qPrintable(can.reason));
        const BulkItem rec = item(id, received.at(3));
        QCOMPARE(rec.outcome, BulkItem::Outcome::Skipped);
        QVERIFY2(rec.reason.endsWith(u" is already received."_s), qPrintable(rec.reason));
        const BulkItem ok = item(id, ids.at(1));
        QCOMPARE(ok.outcome, BulkItem::Outcome::Changed);
        QCOMPARE(ok.beforeState, Protocol::State::Submitted);
        QCOMPARE(ok.afterState, Protocol::State::Received);
        QCOMPARE(ok.beforeVersion, 1);
        QCOMPARE(ok.afterVersion, 2);
        QVERIFY(ok.note.isEmpty());
        const BulkItem silent = item(id, ids.at(9901));
        QCOMPARE(silent.outcome, BulkItem::Outcome::Changed);
        QCOMPARE(silent.note, u"No e-mail sent: the client No-Mail Farm has no e-mail address."_s);

        // The protocols: every changed one once.
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM protocols WHERE state = 'received' AND version = 2 AND "
                        "received_at IS NOT NULL"_s),
                 changed + 50);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM protocols WHERE state = 'submitted'"_s), 0);
        // One audit entry per changed protocol, none for the others.
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_entries WHERE job_id = ?"_s, {id}), changed);
        QCOMPARE(scalar(u"SELECT COUNT(DISTINCT entity_id) FROM audit_entries WHERE job_id = ? AND "
                        "action = 'transition'"_s,
                        {id}),
                 changed);
        // One e-mail per changed protocol whose client has an address, naming the protocol.
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_emails"_s), changed - silentChanged);
        QCOMPARE(
            scalar(
                u"SELECT COUNT(DISTINCT related_id) FROM outbox_emails WHERE related_entity = 'protocol'"_s),
            changed - silentChanged);
        {
            SqlStatement st(db(),
                            u"SELECT e.subject, e.to_address, e.dedupe_key, p.number FROM outbox_emails e "
                            "JOIN protocols p ON p.id = e.related_id WHERE e.related_id = ?"_s);
            st.bind(ids.at(1));
            QVERIFY(st.exec());
            QVERIFY(st.next());
            QCOMPARE(st.value(0).toString(), u"Protocol %1: samples received"_s.arg(st.value(3).toString()));
            QCOMPARE(st.value(1).toString(), u"office@hillside.example.org"_s);
            QCOMPARE(st.value(2).toString(), u"protocol-received/job%1/%2"_s.arg(id).arg(ids.at(1)));
        }
        // The creator's summary, opening the item list.
        const auto notes = NotificationStore(db()).list(m_actor.username);
        QVERIFY(notes);
        QCOMPARE(notes->size(), 1);
        QCOMPARE(notes->constFirst().link, u"bulk:%1"_s.arg(id));
        QCOMPARE(notes->constFirst().body,
                 u"%1 changed, 50 skipped, 100 failed"_s.arg(QLocale().toString(changed)));
    }

    void unknownIdsFailAlone()
    {
        const QList<qint64> ids = BulkFixtures::addProtocols(db(), m_client, 5);
        const qint64 missing = ids.constLast() + 1000;
        const qint64 id =
            enqueue(BulkTasks::transitionRequest(Protocol::State::Received, ids + QList<qint64>{missing}));
        const Job done = runToEnd(id);
        QCOMPARE(done.state, JobState::Succeeded);
        QCOMPARE(done.result.value(u"changed"_s).toInteger(), 5);
        QCOMPARE(done.result.value(u"failed"_s).toInteger(), 1);
        QCOMPARE(item(id, missing).reason, u"Protocol %1 does not exist."_s.arg(missing));
    }

    // A row the database refuses (a trigger here) fails alone; the rest of its chunk
    // and the other chunks change.
    void databaseErrorOnOneRowFailsOnlyThatRow()
    {
        const QList<qint64> ids = BulkFixtures::addProtocols(db(), m_client, 300);
        const qint64 bad = ids.at(123);
        // Only the database's owner adds a trigger (here, the installer does).
        auto installer = m_t->openAsInstaller();
        if (db().isPostgreSQL()) {
            QVERIFY(SqlStatement::run(
                *installer, u"CREATE OR REPLACE FUNCTION bulk_test_refuse() RETURNS trigger AS $$ "
                            "BEGIN RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql"_s));
            QVERIFY(SqlStatement::run(
                *installer, u"CREATE TRIGGER bulk_test_refuse BEFORE UPDATE ON protocols FOR EACH ROW "
                            "WHEN (OLD.id = %1) EXECUTE FUNCTION bulk_test_refuse()"_s.arg(bad)));
        } else {
            QVERIFY(SqlStatement::run(
                db(), u"CREATE TRIGGER bulk_test_refuse BEFORE UPDATE ON protocols "
                      "WHEN OLD.id = %1 BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"_s.arg(bad)));
        }
        JobRequest request = BulkTasks::transitionRequest(Protocol::State::Received, ids);
        request.payload.insert(u"chunk"_s, 100);
        const qint64 id = enqueue(request);
        const Job done = runToEnd(id);
        QVERIFY(SqlStatement::run(*installer, u"DROP TRIGGER bulk_test_refuse"_s +
                                                  (db().isPostgreSQL() ? u" ON protocols"_s : QString())));
        QCOMPARE(done.state, JobState::Succeeded);
        QCOMPARE(done.result.value(u"changed"_s).toInteger(), 299);
        QCOMPARE(done.result.value(u"failed"_s).toInteger(), 1);
        const BulkItem failed = item(id, bad);
        QCOMPARE(failed.outcome, BulkItem::Outcome::Failed);
        QVERIFY2(failed.reason.startsWith(u"Protocol %1 could not be changed: "_s.arg(bad)),
                 qPrintable(failed.reason));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM protocols WHERE state = 'received'"_s), 299);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_entries WHERE job_id = ?"_s, {id}), 299);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_emails"_s), 299);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM bulk_job_items WHERE job_id = ?"_s, {id}), 300);
    }

    void cancelKeepsCommittedChunksAndTouchesNothingElse()
    {
        constexpr int kCount = 6000;
        constexpr int kChunk = 50;
        const QList<qint64> ids = BulkFixtures::addProtocols(db(), m_client, kCount);
        JobRequest request = BulkTasks::transitionRequest(Protocol::State::Received, ids);
        request.payload.insert(u"chunk"_s, kChunk);
        const qint64 id = enqueue(request);

        // The cancel comes while the job stands at a known chunk, held there whatever
        // the speed of the machine; it ends the job before its next chunk.
        JobEngineOptions engineOptions = options();
        // SQLite holds the runner thread in its own progress report (below), so the job
        // writes it itself rather than through the engine's batches.
        engineOptions.batchProgress = db().isPostgreSQL();
        JobEngine engine(db(), m_registry, engineOptions);
        qint64 expected = 0;
        if (db().isPostgreSQL()) {
            // A row lock on a protocol of chunk 32. Once the job waits for this session,
            // chunks 1 to 31 have committed and chunk 32 is past its cancel check.
            Transaction hold(db());
            QVERIFY(hold.ok());
            QVERIFY(SqlStatement::run(db(), u"SELECT id FROM protocols WHERE id = ? FOR UPDATE"_s,
                                      {ids.at(1550)}));
            engine.start();
            // pg_locks is read afresh by every statement (pg_stat_activity once per transaction).
            const QString waitingForThisSession = u"SELECT COUNT(*) FROM pg_locks WHERE NOT granted AND "
                                                  "pg_backend_pid() = ANY(pg_blocking_pids(pid))"_s;
            QTRY_VERIFY_WITH_TIMEOUT(scalar(waitingForThisSession) > 0, 60000);
            QCOMPARE(job(id).checkpoint.value(u"done"_s).toInteger(), 1550);
            QVERIFY(JobStore(db()).requestCancel(id));
            engine.cancelRunning(id);
            QVERIFY(hold.commit()); // chunk 32 finishes; chunk 33 is not started
            expected = 1600;
        } else {
            // No row locks: the job's runner thread is held in its own progress report,
            // which a chunk publishes after it committed and before the job looks at
            // its cancel flag again.
            // (The dock shows the counts beside it; the message names the chunk only.)
            const auto report = [](int chunk) {
                return u"chunk %1"_s.arg(chunk);
            };
            const QString beforeFirst = report(0);
            const QString afterFirst = report(1);
            LocalEventGate gate(db(), [id, beforeFirst, afterFirst](const QJsonObject &e) {
                const QString message = e.value(u"message"_s).toString();
                return e.value(u"type"_s).toString() == u"job" && e.value(u"id"_s).toInteger() == id &&
                       e.value(u"state"_s).toString() == u"running" &&
                       (message == beforeFirst || message == afterFirst);
            });
            engine.start();
            QTRY_VERIFY_WITH_TIMEOUT(gate.isParked() || job(id).isFinished(), 60000);
            QCOMPARE(gate.parkedEvent().value(u"message"_s).toString(), beforeFirst);
            // Progress is published at most ten times a second: held this long, the
            // job reports its first chunk at once instead of with a later one.
            QTest::qWait(100);
            gate.release();
            QTRY_VERIFY_WITH_TIMEOUT(gate.isParked() || job(id).isFinished(), 60000);
            QCOMPARE(gate.parkedEvent().value(u"message"_s).toString(), afterFirst);
            QCOMPARE(job(id).checkpoint.value(u"done"_s).toInteger(), kChunk);
            QVERIFY(JobStore(db()).requestCancel(id));
            engine.cancelRunning(id);
            gate.open(); // the job sees the cancel before chunk 2
            expected = kChunk;
        }
        QTRY_VERIFY_WITH_TIMEOUT(job(id).isFinished(), 60000);

        const Job done = job(id);
        QCOMPARE(done.state, JobState::Cancelled);
        QVERIFY(done.error.isEmpty());
        const qint64 committed = done.checkpoint.value(u"done"_s).toInteger();
        QCOMPARE(committed, expected);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM protocols WHERE state = 'received' AND version = 2"_s),
                 committed);
        QCOMPARE(scalar(u"SELECT MAX(id) FROM protocols WHERE state = 'received'"_s),
                 ids.at(int(committed) - 1));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM protocols WHERE state = 'submitted' AND version = 1"_s),
                 kCount - committed);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_entries WHERE job_id = ?"_s, {id}), committed);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_emails"_s), committed);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM bulk_job_items WHERE job_id = ?"_s, {id}), committed);
    }

    void filterSelectionIsFrozenAtEnqueue()
    {
        const QList<qint64> first = BulkFixtures::addProtocols(db(), m_client, 500);
        ProtocolFilter filter;
        filter.state = Protocol::State::Submitted;
        const Result<BulkTasks::Queued> queued = BulkTasks::enqueueTransition(
            db(), m_actor, BulkTasks::transitionRequest(Protocol::State::Received, filter));
        QVERIFY(queued);
        QCOMPARE(queued->selected, 500);
        // After the enqueue: 100 new submitted protocols, and 10 of the selection received by hand.
        const QList<qint64> later = BulkFixtures::addProtocols(db(), m_client, 100);
        ProtocolRepository repository(db(), m_actor);
        for (int i = 0; i < 10; ++i)
            QVERIFY(repository.transition(first.at(i * 7), Protocol::State::Received));

        const Job done = runToEnd(queued->jobId);
        QCOMPARE(done.state, JobState::Succeeded);
        QCOMPARE(done.result.value(u"selected"_s).toInteger(), 500);
        // The filter that was used, named (not "every protocol").
        QCOMPARE(done.result.value(u"scope"_s).toString(), u"state Submitted"_s);
        QCOMPARE(done.result.value(u"notify_title"_s).toString(),
                 u"Bulk change to “Received” (state Submitted) finished"_s);
        QCOMPARE(done.result.value(u"changed"_s).toInteger(), 490);
        QCOMPARE(done.result.value(u"skipped"_s).toInteger(), 10);
        QCOMPARE(done.result.value(u"failed"_s).toInteger(), 0);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM protocols WHERE state = 'submitted' AND id >= ?"_s,
                        {later.constFirst()}),
                 100);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM bulk_job_items WHERE job_id = ? AND protocol_id >= ?"_s,
                        {queued->jobId, later.constFirst()}),
                 0);
    }

    void undoRestoresAndReportsChangedSince()
    {
        const QList<qint64> ids = BulkFixtures::addProtocols(db(), m_client, 1000);
        QVERIFY(setState({ids.at(0)}, u"finalized"_s)); // fails in the change: nothing to undo
        const qint64 change = enqueue(BulkTasks::transitionRequest(Protocol::State::Received, ids));
        QCOMPARE(runToEnd(change).result.value(u"changed"_s).toInteger(), 999);
        const qint64 emails = scalar(u"SELECT COUNT(*) FROM outbox_emails"_s);
        QCOMPARE(emails, 999);
        // Ten protocols move on after the change: the undo leaves them alone.
        ProtocolRepository repository(db(), m_actor);
        for (int i = 1; i <= 10; ++i)
            QVERIFY(repository.transition(ids.at(i * 50), Protocol::State::InAnalysis));

        // An undo of a change that has not finished, or of something else, is refused.
        QCOMPARE(BulkTasks::enqueueUndo(db(), m_actor, change + 1000).error().code,
                 DbError::Code::InvalidState);

        const Result<BulkTasks::Queued> undo = BulkTasks::enqueueUndo(db(), m_actor, change);
        QVERIFY2(undo, qPrintable(undo.error().text()));
        QCOMPARE(undo->selected, 999);
        // Twice: refused while it is queued, and after it ran.
        QCOMPARE(BulkTasks::enqueueUndo(db(), m_actor, change).error().code, DbError::Code::Duplicate);
        const Job done = runToEnd(undo->jobId);
        QCOMPARE(done.state, JobState::Succeeded);
        QCOMPARE(done.result.value(u"restored"_s).toInteger(), 989);
        const QString title = done.result.value(u"notify_title"_s).toString();
        QVERIFY2(title.startsWith(u"Undo of bulk change %1 (%2 selected protocol"_s.arg(change).arg(
                     QLocale().toString(1000))),
                 qPrintable(title));
        QCOMPARE(done.result.value(u"skipped"_s).toInteger(), 10);
        QCOMPARE(done.result.value(u"failed"_s).toInteger(), 0);
        const Result<BulkTasks::Queued> again = BulkTasks::enqueueUndo(db(), m_actor, change);
        QCOMPARE(again.error().code, DbError::Code::Duplicate);
        QCOMPARE(again.error().message,
                 u"Job %1 was already undone by job %2."_s.arg(change).arg(undo->jobId));
        QCOMPARE(BulkTasks::enqueueUndo(db(), m_actor, undo->jobId).error().code,
                 DbError::Code::InvalidState);

        QCOMPARE(
            scalar(u"SELECT COUNT(*) FROM protocols WHERE state = 'submitted' AND received_at IS NULL AND "
                   "version = 3"_s),
            989);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM protocols WHERE state = 'in_analysis'"_s), 10);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM protocols WHERE state = 'finalized'"_s), 1);
        const BulkItem moved = item(undo->jobId, ids.at(50));
        QCOMPARE(moved.outcome, BulkItem::Outcome::Skipped);
        QVERIFY2(moved.reason.endsWith(u" changed since (version 3, not 2); it stays in analysis."_s),
                 qPrintable(moved.reason));
        const BulkItem restored = item(undo->jobId, ids.at(1));
        QCOMPARE(restored.outcome, BulkItem::Outcome::Changed);
        QCOMPARE(restored.beforeState, Protocol::State::Received);
        QCOMPARE(restored.afterState, Protocol::State::Submitted);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_entries WHERE job_id = ? AND action = 'restore'"_s,
                        {undo->jobId}),
                 989);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_emails"_s), emails); // the undo e-mails nothing
        // The restored protocols can be received again (a new change, new e-mails).
        const qint64 redo = enqueue(BulkTasks::transitionRequest(Protocol::State::Received, ids));
        QCOMPARE(runToEnd(redo).result.value(u"changed"_s).toInteger(), 989);
    }

    void windowHelpersQueueFollowAndUndoThroughTheExecutor()
    {
        const QList<qint64> ids = BulkFixtures::addProtocols(db(), m_client, 30);
        DbExecutor executor(db());
        const auto await = [](auto future) {
            [&] {
                QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 60000);
            }();
            return future.result();
        };
        // The selected rows.
        const Result<BulkTasks::Queued> selected = await(
            BulkActions::enqueueTransition(executor, m_actor, Protocol::State::Received, ids.mid(0, 10)));
        QVERIFY2(selected, qPrintable(selected.error().text()));
        QCOMPARE(selected->selected, 10);
        QCOMPARE(job(selected->jobId).payload.value(u"ids"_s).toArray().size(), 10);
        QVERIFY(job(selected->jobId).notifyCreator);
        // Everything matching the filter: the 20 still submitted.
        ProtocolFilter filter;
        filter.state = Protocol::State::Submitted;
        const Result<BulkTasks::Queued> filtered =
            await(BulkActions::enqueueTransition(executor, m_actor, Protocol::State::Received, filter));
        QVERIFY2(filtered, qPrintable(filtered.error().text()));
        QCOMPARE(filtered->selected, 30); // the first job has not run yet: all 30 match now
        QCOMPARE(runToEnd(selected->jobId).result.value(u"changed"_s).toInteger(), 10);
        const Job second = runToEnd(filtered->jobId);
        QCOMPARE(second.result.value(u"changed"_s).toInteger(), 20);
        QCOMPARE(second.result.value(u"skipped"_s).toInteger(), 10);

        // The per-item list, a page at a time, and by outcome.
        BulkJobStore::ItemFilter page;
        page.limit = 25;
        const Result<QList<BulkItem>> first = await(BulkActions::items(executor, filtered->jobId, page));
        QVERIFY(first);
        QCOMPARE(first->size(), 25);
        page.afterProtocolId = first->constLast().protocolId;
        QCOMPARE(await(BulkActions::items(executor, filtered->jobId, page))->size(), 5);
        BulkJobStore::ItemFilter skipped;
        skipped.outcome = BulkItem::Outcome::Skipped;
        const Result<QList<BulkItem>> skippedItems =
            await(BulkActions::items(executor, filtered->jobId, skipped));
        QCOMPARE(skippedItems->size(), 10);
        QCOMPARE(skippedItems->constFirst().protocolId, ids.constFirst());

        // And the undo.
        const Result<BulkTasks::Queued> undo =
            await(BulkActions::enqueueUndo(executor, m_actor, filtered->jobId));
        QVERIFY2(undo, qPrintable(undo.error().text()));
        QCOMPARE(undo->selected, 20);
        QCOMPARE(await(BulkActions::enqueueUndo(executor, m_actor, filtered->jobId)).error().code,
                 DbError::Code::Duplicate);
        QCOMPARE(runToEnd(undo->jobId).result.value(u"restored"_s).toInteger(), 20);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM protocols WHERE state = 'submitted'"_s), 20);
        executor.waitForDone();
    }
};

QTEST_GUILESS_MAIN(TestBulkTransition)
#include "tst_bulktransition.moc"
