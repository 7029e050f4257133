#include "models/core/auditlog.h"
#include "models/db/transaction.h"
#include "models/lab/reportrepository.h"
#include "tasks/jobstore.h"
#include "tests/models/lab/labtestutil.h"
#include "tests/support/testdatabase.h"

#include <QCryptographicHash>
#include <QSemaphore>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using S = Protocol::State;

class TestReportRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    qint64 m_client = 0;

    Database &db() { return m_t->db(); }
    ReportRepository reports() { return ReportRepository(db(), LabTest::actor(u"vet"_s)); }

    // A protocol in `state` and its draft report (revision 1).
    Report draftOf(S state, Protocol *protocol = nullptr)
    {
        const Protocol p = LabTest::protocolIn(db(), m_client, state);
        if (protocol)
            *protocol = p;
        const Result<Report> draft = reports().currentDraft(p.id);
        if (!draft)
            qWarning("no draft: %s", qPrintable(draft.error().message));
        return draft ? draft.value() : Report{};
    }

    static QList<Report::ResultRow> someResults(int n, const QString &prefix = u"Analyte"_s)
    {
        QList<Report::ResultRow> rows;
        for (int i = 0; i < n; ++i)
            rows.append({0, u"%1 %2"_s.arg(prefix).arg(i), QString::number(i * 1.5), u"mmol/L"_s,
                         u"1.0-9.0"_s, i % 3 == 0 ? Report::Flag::High : Report::Flag::None});
        return rows;
    }

    static QByteArray fakePdf(const QString &text) { return "%PDF-1.4\n% " + text.toUtf8() + "\n%%EOF\n"; }

    // A real job row, as the window enqueues it with beginFinalize.
    static qint64 enqueueJob(Database &database)
    {
        JobRequest request;
        request.kind = u"report.finalize"_s;
        const Result<EnqueueResult> queued = JobStore(database).enqueue(request, LabTest::actor());
        if (!queued) {
            qWarning("enqueue: %s", qPrintable(queued.error().detail));
            return 0;
        }
        return queued->id;
    }

    // Edited, then finalized by job `jobId` (begin + complete); returns the finalized report.
    Result<Report> finalize(const Report &draft, qint64 jobId, const QString &text)
    {
        const Result<Report> held = reports().beginFinalize(draft.id, draft.version, jobId);
        if (!held)
            return held.error();
        return reports().completeFinalize(
            draft.id, jobId, fakePdf(text), u"Dr. Elena Fischer"_s,
            QDateTime(QDate(2026, 11, 2), QTime(9, 30), Qt::UTC).toMSecsSinceEpoch());
    }

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

    void noResultsBeforeTheSampleIsReceived()
    {
        Report draft = draftOf(S::Submitted);
        QVERIFY(draft.id > 0);
        QCOMPARE(draft.revision, 1);
        QCOMPARE(draft.state, Report::State::Draft);
        draft.results = someResults(3);
        const Result<Report> r = reports().updateDraft(draft);
        QCOMPARE(r.error().code, DbError::Code::InvalidState);
        QVERIFY2(r.error().message.contains(u"results cannot be entered before the sample is received"_s),
                 qPrintable(r.error().message));
        QCOMPARE(reports().beginFinalize(draft.id, draft.version, 5).error().code,
                 DbError::Code::InvalidState);
        Report cancelled = draftOf(S::Cancelled);
        cancelled.findings = u"x"_s;
        QCOMPARE(reports().updateDraft(cancelled).error().code, DbError::Code::InvalidState);
    }

    void updateDraftReplacesResults()
    {
        Report draft = draftOf(S::Received);
        draft.findings = u"Mild anaemia."_s;
        draft.results = someResults(12);
        const Result<Report> saved = reports().updateDraft(draft);
        QVERIFY2(saved, qPrintable(saved.error().text() + saved.error().detail));
        QCOMPARE(saved->version, draft.version + 1);
        QCOMPARE(saved->findings, u"Mild anaemia."_s);
        QCOMPARE(saved->results.size(), 12);
        QCOMPARE(saved->results[4].position, 5);
        QCOMPARE(saved->results[3].flag, Report::Flag::High);
        QCOMPARE(saved->resultCount, 12);

        Report edit = saved.value();
        edit.results = someResults(2, u"Other"_s);
        const Result<Report> again = reports().updateDraft(edit);
        QVERIFY(again);
        QCOMPARE(again->results.size(), 2);
        QCOMPARE(again->results[0].analyte, u"Other 0"_s);
        QCOMPARE(LabTest::queryValue(db(), u"SELECT COUNT(*) FROM report_results WHERE report_id = ?"_s,
                                     {draft.id})
                     .toInt(),
                 2);

        // Stale copy: conflict, nothing written.
        QCOMPARE(reports().updateDraft(saved.value()).error().code, DbError::Code::Conflict);
        // Validation names the row.
        edit = again.value();
        edit.results[1].analyte = u" "_s;
        const Result<Report> invalid = reports().updateDraft(edit);
        QCOMPARE(invalid.error().code, DbError::Code::Validation);
        QVERIFY(invalid.error().text().contains(u"Result row 2"_s));
        // Its creation with the protocol, and the two saves.
        QCOMPARE(AuditLog(db()).forEntity(u"report"_s, draft.id)->size(), 3);
    }

    void finalizeStepByStep()
    {
        Protocol protocol;
        Report draft = draftOf(S::Received, &protocol);
        draft.findings = u"Within normal limits."_s;
        draft.results = someResults(20);
        draft = reports().updateDraft(draft).value();

        const qint64 job = enqueueJob(db());
        QCOMPARE(reports().beginFinalize(draft.id, draft.version - 1, job).error().code,
                 DbError::Code::Conflict);
        const Result<Report> held = reports().beginFinalize(draft.id, draft.version, job);
        QVERIFY2(held, qPrintable(held.error().text() + held.error().detail));
        QCOMPARE(held->finalizingJobId, job);
        QVERIFY(held->isFinalizing());
        QVERIFY(!held->isEditable());

        // While held: no edit, no second hold, no amendment.
        Report edit = held.value();
        edit.findings = u"changed"_s;
        const Result<Report> refused = reports().updateDraft(edit);
        QCOMPARE(refused.error().code, DbError::Code::InvalidState);
        QVERIFY2(refused.error().message.contains(u"being finalized"_s), qPrintable(refused.error().message));
        const Result<Report> second = reports().beginFinalize(draft.id, held->version, job + 1);
        QCOMPARE(second.error().code, DbError::Code::InvalidState);
        QVERIFY2(second.error().message.contains(u"already being finalized"_s),
                 qPrintable(second.error().message));
        QCOMPARE(reports().amend(draft.id).error().code, DbError::Code::InvalidState);
        // Only the holding job completes.
        QCOMPARE(reports().completeFinalize(draft.id, job + 1, fakePdf(u"x"_s), u"Dr. X"_s, 1).error().code,
                 DbError::Code::InvalidState);

        const qint64 auditBefore = AuditLog(db()).count().value();
        const QByteArray pdf = fakePdf(u"revision 1"_s);
        const qint64 signedAt = QDateTime(QDate(2026, 11, 2), QTime(9, 30), Qt::UTC).toMSecsSinceEpoch();
        const Result<Report> done =
            reports().completeFinalize(draft.id, job, pdf, u"Dr. Elena Fischer"_s, signedAt);
        QVERIFY2(done, qPrintable(done.error().text() + done.error().detail));
        QCOMPARE(done->state, Report::State::Finalized);
        // On PostgreSQL the database signs with the role that finalized, whatever the
        // client sent.
        QCOMPARE(done->signedBy,
                 TestDatabase::actorFor(TestDatabase::Person::Admin, u"Dr. Elena Fischer"_s, Actor::Role::Vet)
                     .username);
        QCOMPARE(done->signedAt.toMSecsSinceEpoch(), signedAt);
        QCOMPARE(done->finalizingJobId, qint64(0));
        QCOMPARE(done->finalizedJobId, job);
        QCOMPARE(done->results.size(), 20);
        const Result<StoredPdf> stored = reports().pdf(draft.id);
        QVERIFY(stored);
        QCOMPARE(stored->content, pdf);
        QCOMPARE(stored->size, qint64(pdf.size()));
        QCOMPARE(stored->sha256,
                 QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex()));

        // The report held and finalized, the protocol received → in_analysis → finalized,
        // each step audited with the job.
        const Result<Protocol> finalProtocol = ProtocolRepository(db(), LabTest::actor()).get(protocol.id);
        QCOMPARE(finalProtocol->state, S::Finalized);
        const QList<AuditEntry> byJob = AuditLog(db()).forJob(job).value();
        QCOMPARE(byJob.size(), 4);
        QCOMPARE(byJob[0].entity, u"report"_s);
        QCOMPARE(byJob[0].action, u"hold"_s);
        QCOMPARE(byJob[1].entity, u"report"_s);
        QCOMPARE(byJob[1].action, u"finalize"_s);
        QCOMPARE(byJob[1].before.value(u"state"_s).toString(), u"draft"_s);
        QCOMPARE(byJob[1].after.value(u"signed_by"_s).toString(), done->signedBy);
        QCOMPARE(byJob[2].entity, u"protocol"_s);
        QCOMPARE(byJob[2].after.value(u"state"_s).toString(), u"in_analysis"_s);
        QCOMPARE(byJob[3].after.value(u"state"_s).toString(), u"finalized"_s);
        QCOMPARE(AuditLog(db()).count().value(), auditBefore + 3);

        // A retried job completing again: the same report, nothing written.
        const Result<Report> retried = reports().completeFinalize(draft.id, job, fakePdf(u"other bytes"_s),
                                                                  u"Someone else"_s, signedAt + 5000);
        QVERIFY2(retried, qPrintable(retried.error().text()));
        QCOMPARE(retried.value(), done.value());
        QCOMPARE(reports().pdf(draft.id)->content, pdf);
        QCOMPARE(AuditLog(db()).count().value(), auditBefore + 3);
    }

    void finalizedReportIsImmutable()
    {
        Report draft = draftOf(S::InAnalysis);
        draft.results = someResults(4);
        draft = reports().updateDraft(draft).value();
        const Result<Report> done = finalize(draft, 11, u"final"_s);
        QVERIFY2(done, qPrintable(done.error().text() + done.error().detail));
        const qint64 auditBefore = AuditLog(db()).count().value();

        Report edit = done.value();
        edit.findings = u"rewritten"_s;
        const Result<Report> update = reports().updateDraft(edit);
        QCOMPARE(update.error().code, DbError::Code::InvalidState);
        QVERIFY2(update.error().message.contains(u"is finalized"_s) &&
                     update.error().message.contains(u"Amend"_s),
                 qPrintable(update.error().message));
        edit = done.value();
        edit.results = someResults(1);
        QCOMPARE(reports().updateDraft(edit).error().code, DbError::Code::InvalidState);
        QCOMPARE(reports().beginFinalize(done->id, done->version, 12).error().code,
                 DbError::Code::InvalidState);
        QCOMPARE(reports().completeFinalize(done->id, 12, fakePdf(u"x"_s), u"Dr. X"_s, 1).error().code,
                 DbError::Code::InvalidState);
        QCOMPARE(reports().abortFinalize(done->id, 11).error().code, DbError::Code::InvalidState);
        QCOMPARE(reports().get(done->id).value(), done.value());
        QCOMPARE(reports().pdf(done->id)->content, fakePdf(u"final"_s));
        QCOMPARE(AuditLog(db()).count().value(), auditBefore);
        // A draft has no PDF.
        const Report other = draftOf(S::Received);
        QCOMPARE(reports().pdf(other.id).error().code, DbError::Code::NotFound);
    }

    void amendAndSupersede()
    {
        Protocol protocol;
        Report draft = draftOf(S::Received, &protocol);
        draft.findings = u"First opinion."_s;
        draft.results = someResults(6);
        draft = reports().updateDraft(draft).value();
        const Report first = finalize(draft, 21, u"revision 1"_s).value();
        QVERIFY(first.isFinalized());

        const Result<Report> amended = reports().amend(first.id);
        QVERIFY2(amended, qPrintable(amended.error().text() + amended.error().detail));
        QCOMPARE(amended->revision, 2);
        QCOMPARE(amended->state, Report::State::Draft);
        QCOMPARE(amended->supersedesId, first.id);
        QCOMPARE(amended->findings, first.findings);
        QCOMPARE(amended->results, first.results);
        // One draft at a time; a draft cannot be amended.
        QCOMPARE(reports().amend(first.id).error().code, DbError::Code::InvalidState);
        QCOMPARE(reports().amend(amended->id).error().code, DbError::Code::InvalidState);
        // The amendment is edited while the protocol stays finalized.
        Report fix = amended.value();
        fix.findings = u"Corrected: the potassium value was mistyped."_s;
        fix.results[2].value = u"4.4"_s;
        const Result<Report> fixed = reports().updateDraft(fix);
        QVERIFY2(fixed, qPrintable(fixed.error().text()));
        QCOMPARE(reports().get(first.id).value(), first); // the old one untouched

        const Result<Report> second = finalize(fixed.value(), 22, u"revision 2"_s);
        QVERIFY2(second, qPrintable(second.error().text() + second.error().detail));
        QCOMPARE(second->revision, 2);
        const Report old = reports().get(first.id).value();
        QCOMPARE(old.state, Report::State::Finalized);
        QCOMPARE(old.supersededById, second->id);
        QCOMPARE(old.findings, first.findings);
        QCOMPARE(old.results, first.results);
        QCOMPARE(ProtocolRepository(db(), LabTest::actor()).get(protocol.id)->state, S::Finalized);

        const QList<Report> history = reports().history(protocol.id).value();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history[0].id, first.id);
        QCOMPARE(history[1].id, second->id);
        QCOMPARE(reports().pdf(first.id)->content, fakePdf(u"revision 1"_s));
        QCOMPARE(reports().pdf(second->id)->content, fakePdf(u"revision 2"_s));
        QCOMPARE(reports().latestFinalized(protocol.id)->id, second->id);
        QCOMPARE(reports().currentDraft(protocol.id).error().code, DbError::Code::NotFound);
        // Only the latest finalized revision can be amended.
        QCOMPARE(reports().amend(first.id).error().code, DbError::Code::InvalidState);
        const Result<Report> third = reports().amend(second->id);
        QVERIFY(third);
        QCOMPARE(third->revision, 3);
        // The database keeps one draft per protocol by itself, too.
        const VoidResult raw = SqlStatement::run(
            db(),
            u"INSERT INTO reports (protocol_id, revision, state, created_by, updated_by) VALUES (?, 9, 'draft', 'x', 'x')"_s,
            {protocol.id});
        QCOMPARE(raw.error().code, DbError::Code::Duplicate);
        const QList<AuditEntry> audit = AuditLog(db()).forEntity(u"report"_s, first.id).value();
        QCOMPARE(audit.last().action, u"supersede"_s);
    }

    void abortReleasesTheHold()
    {
        Report draft = draftOf(S::Received);
        const Result<Report> held = reports().beginFinalize(draft.id, draft.version, 31);
        QVERIFY(held);
        QCOMPARE(reports().abortFinalize(draft.id, 32).error().code, DbError::Code::InvalidState);
        const Result<Report> released = reports().abortFinalize(draft.id, 31);
        QVERIFY2(released, qPrintable(released.error().text()));
        QCOMPARE(released->finalizingJobId, qint64(0));
        QVERIFY(released->isEditable());
        QVERIFY(reports().abortFinalize(draft.id, 31)); // again: nothing to release, not an error
        // The aborted job cannot complete any more.
        QCOMPARE(reports().completeFinalize(draft.id, 31, fakePdf(u"x"_s), u"Dr. X"_s, 1).error().code,
                 DbError::Code::InvalidState);
        Report edit = reports().get(draft.id).value();
        edit.findings = u"editable again"_s;
        QVERIFY(reports().updateDraft(edit));
    }

    void completeFailsCleanlyWhenTheProtocolWasCancelled()
    {
        Protocol protocol;
        const Report draft = draftOf(S::Received, &protocol);
        QVERIFY(reports().beginFinalize(draft.id, draft.version, 41));
        QVERIFY(ProtocolRepository(db(), LabTest::actor()).transition(protocol.id, S::Cancelled));
        const Result<Report> r = reports().completeFinalize(draft.id, 41, fakePdf(u"x"_s), u"Dr. X"_s, 1);
        QCOMPARE(r.error().code, DbError::Code::InvalidState);
        QVERIFY(r.error().message.contains(u"cancelled"_s));
        // Nothing of the attempt stayed: no PDF, still held (the job aborts next).
        QCOMPARE(reports().pdf(draft.id).error().code, DbError::Code::NotFound);
        QCOMPARE(reports().get(draft.id)->state, Report::State::Draft);
        QVERIFY(reports().abortFinalize(draft.id, 41));
    }

    void finalizeTwiceAtOnceFinalizesOnce()
    {
        // Two desktops (two Databases) click "Finalize" on the same report at once:
        // each enqueues its job and takes the report in one transaction; exactly one wins.
        std::unique_ptr<Database> other = m_t->openAnother();
        for (int round = 0; round < 8; ++round) {
            const Report draft = draftOf(S::Received);
            QVERIFY(draft.id > 0);
            QSemaphore go;
            QSemaphore ready;
            struct Outcome
            {
                bool won = false;
                DbError error;
                qint64 job = 0;
            } outcomes[2];
            auto click = [&](int index, Database *database) {
                ready.release();
                go.acquire();
                Transaction tx(*database);
                const qint64 job = enqueueJob(*database);
                const Result<Report> held =
                    ReportRepository(*database, LabTest::actor()).beginFinalize(draft.id, draft.version, job);
                if (held && tx.commit()) {
                    outcomes[index].won = true;
                    outcomes[index].job = job;
                } else {
                    outcomes[index].error = held.error();
                    tx.rollback(); // the losing click queues no job
                }
                database->closeThreadConnection();
            };
            std::unique_ptr<QThread> a(QThread::create(click, 0, &db()));
            std::unique_ptr<QThread> b(QThread::create(click, 1, other.get()));
            a->start();
            b->start();
            ready.acquire(2);
            go.release(2);
            QVERIFY(a->wait(60000));
            QVERIFY(b->wait(60000));
            QCOMPARE(int(outcomes[0].won) + int(outcomes[1].won), 1);
            const Outcome &winner = outcomes[0].won ? outcomes[0] : outcomes[1];
            const Outcome &loser = outcomes[0].won ? outcomes[1] : outcomes[0];
            QVERIFY2(loser.error.code == DbError::Code::InvalidState ||
                         loser.error.code == DbError::Code::Conflict,
                     qPrintable(loser.error.codeName() + u" "_s + loser.error.message + loser.error.detail));
            const Report now = reports().get(draft.id).value();
            QCOMPARE(now.finalizingJobId, winner.job);
            QCOMPARE(LabTest::queryValue(db(), u"SELECT COUNT(*) FROM jobs WHERE kind = 'report.finalize'"_s)
                         .toInt(),
                     round + 1);
            // The winner's job completes; it finalizes once.
            const Result<Report> done =
                reports().completeFinalize(draft.id, winner.job, fakePdf(u"race"_s), u"Dr. X"_s, 1000);
            QVERIFY2(done, qPrintable(done.error().text()));
            QCOMPARE(LabTest::queryValue(db(), u"SELECT COUNT(*) FROM report_pdfs WHERE report_id = ?"_s,
                                         {draft.id})
                         .toInt(),
                     1);
        }
    }

    void pageAndCount()
    {
        QList<Report> drafts;
        for (int i = 0; i < 9; ++i)
            drafts.append(draftOf(S::Received));
        for (int i = 0; i < 3; ++i)
            QVERIFY(finalize(drafts[i], 100 + i, u"p"_s));
        ReportFilter filter;
        QCOMPARE(reports().count(filter).value(), qint64(9));
        filter.state = Report::State::Finalized;
        QCOMPARE(reports().count(filter).value(), qint64(3));
        filter.state = Report::State::Draft;
        QCOMPARE(reports().count(filter).value(), qint64(6));
        filter = {};
        filter.search = drafts[4].protocolNumber;
        QCOMPARE(reports().count(filter).value(), qint64(1));
        for (int column = 0; column < ReportRepository::ColumnCount; ++column) {
            PageRequest request;
            request.sortColumn = column;
            request.order = Qt::DescendingOrder;
            request.limit = 4;
            QSet<qint64> seen;
            for (int guard = 0; guard < 10; ++guard) {
                const Result<QList<Report>> page = reports().page({}, request);
                QVERIFY2(page, qPrintable(page.error().detail));
                for (const Report &r : page.value())
                    seen.insert(r.id);
                if (page->size() < request.limit)
                    break;
                request.hasCursor = true;
                request.afterValue = ReportRepository::sortValue(page->last(), column);
                request.afterId = page->last().id;
            }
            QCOMPARE(seen.size(), 9);
        }
    }
};

QTEST_GUILESS_MAIN(TestReportRepository)
#include "tst_reportrepository.moc"
