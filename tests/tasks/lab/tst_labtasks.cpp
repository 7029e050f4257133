// The lab's jobs (tasks/lab) run by a real JobEngine on the backend chosen by
// RESIDESK_TEST_BACKEND: report.finalize end to end (the stored PDF checked with qpdf
// and pdftotext, the report and protocol finalized, audit entries, one e-mail with the
// PDF attached, the cached copy, the notification), retries after failures injected
// at each step (never finalized or e-mailed twice, the same signed time), a permanent
// failure and a cancel (the report is a draft again), two desktops finalizing at once
// (one job), rendering on the CPU pool; workorder.prerender (a change queues it, a run
// makes the next open a cache hit, a newer change renders again, a stale job skips).
#include "models/core/auditlog.h"
#include "models/db/sqlstatement.h"
#include "models/lab/reportrepository.h"
#include "models/lab/workorderrepository.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "tasks/lab/labservices.h"
#include "tasks/lab/labtasks.h"
#include "tasks/lab/reportfinalizer.h"
#include "tasks/lab/workorderservice.h"
#include "tasks/notificationstore.h"
#include "tasks/pdf/pdfcache.h"
#include "tasks/pdf/pdfrenderer.h"
#include "tasks/taskcatalog.h"
#include "tasks/taskregistry.h"
#include "tests/models/lab/labtestutil.h"
#include "tests/support/auditperson.h"
#include "tests/support/testdatabase.h"
#include "tests/tasks/pdf/pdftools.h"

#include <QGuiApplication>
#include <QMutex>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeout = 60000;

Actor vet()
{
    // On PostgreSQL the test signs in as the vet, and a worker runs the vet's jobs as
    // the vet: the report is signed with the vet's login.
    return TestDatabase::actorFor(TestDatabase::Person::Vet, u"dr.ruiz"_s, Actor::Role::Vet);
}

// Where the finalize task ran its steps (set by the hooks on runner and pool threads).
struct ThreadProbe
{
    QMutex mutex;
    QList<QThread *> runnerThreads;
    QList<QThread *> renderThreads;
    QList<QDateTime> signedTimes;
    std::atomic<int> renders = 0;
};

} // namespace

class TestLabTasks : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PdfCache> m_cache;
    TaskRegistry m_registry;

    qint64 m_clientId = 0;

    JobEngineOptions options() const
    {
        JobEngineOptions o;
        o.concurrency = 2;
        o.pollIntervalMs = 50;
        o.leaseMs = 10000;
        o.backoffBaseMs = 20; // retries at once
        o.shutdownGraceMs = 5000;
        o.runRecurring = false;
        // Not mail.send: the e-mails stay in the outbox, where the test reads them.
        o.kinds = QStringList{u"report.finalize"_s, u"workorder.prerender"_s};
        return o;
    }

    Job job(qint64 id)
    {
        const Result<Job> j = JobStore(m_t->db()).get(id);
        return j ? j.value() : Job{};
    }

    // Runs an engine until the job has ended.
    bool runUntilFinished(qint64 id)
    {
        JobEngine engine(m_t->dbAs(TestDatabase::Person::Worker), m_registry, options());
        engine.start();
        const bool finished = QTest::qWaitFor([&] { return job(id).isFinished(); }, kTimeout);
        QSignalSpy stopped(&engine, &JobEngine::stopped);
        engine.stop();
        if (engine.isStarted())
            stopped.wait(10000);
        return finished;
    }

    // A received protocol whose draft has findings and three result rows.
    Report draftWithResults(qint64 clientId)
    {
        const Protocol p = LabTest::protocolIn(m_t->db(), clientId, Protocol::State::Received);
        Result<Report> draft = ReportRepository(m_t->db(), vet()).currentDraft(p.id);
        if (!draft)
            return {};
        Report edited = draft.value();
        edited.findings = u"Mild anaemia; no parasites seen."_s;
        edited.results = {{0, u"Haemoglobin"_s, u"9.8"_s, u"g/dL"_s, u"12.0–18.0"_s, Report::Flag::Low},
                          {0, u"Leukocytes"_s, u"7.1"_s, u"10^9/L"_s, u"4.0–12.0"_s, Report::Flag::None},
                          {0, u"Glucose"_s, u"positive"_s, QString(), QString(), Report::Flag::Abnormal}};
        const Result<Report> saved = ReportRepository(m_t->db(), vet()).updateDraft(edited);
        if (!saved) {
            qWarning() << saved.error().text();
            return {};
        }
        return saved.value();
    }

    qint64 finalize(const Report &report)
    {
        const Result<ReportFinalizer::Queued> queued =
            ReportFinalizer(m_t->db(), vet()).enqueue(report.id, report.version);
        if (!queued) {
            qWarning() << queued.error().text();
            return 0;
        }
        return queued->jobId;
    }

    // What the test checks, read by an administrator (who may read the audit trail and
    // every job).
    qint64 scalar(const QString &sql, const QVariantList &values = {})
    {
        return LabTest::queryValue(m_t->dbAs(TestDatabase::Person::Admin), sql, values).toLongLong();
    }

    qint64 emailsFor(qint64 reportId)
    {
        return scalar(
            u"SELECT COUNT(*) FROM outbox_emails WHERE related_entity = 'report' AND related_id = ?"_s,
            {reportId});
    }

    int auditCount(const QString &entity, qint64 id, const QString &action)
    {
        // The audit trail is for administrators to read.
        const Result<QList<AuditEntry>> entries =
            AuditLog(m_t->dbAs(TestDatabase::Person::Admin)).forEntity(entity, id);
        if (!entries)
            return -1;
        int n = 0;
        for (const AuditEntry &e : entries.value())
            n += e.action == action ? 1 : 0;
        return n;
    }

    static void
    installProbe(ThreadProbe &probe,
                 std::function<std::optional<LabTasks::InjectedFailure>(const QString &, int)> failAt = {})
    {
        LabTasks::FinalizeHooks hooks;
        hooks.render = [&probe](const ReportDocument &doc) {
            {
                QMutexLocker lock(&probe.mutex);
                probe.renderThreads.append(QThread::currentThread());
                probe.signedTimes.append(doc.signedAt);
            }
            ++probe.renders;
            return PdfRenderer::renderReport(doc);
        };
        hooks.failAt = [&probe, failAt](const QString &point,
                                        int attempt) -> std::optional<LabTasks::InjectedFailure> {
            if (point == u"start") {
                QMutexLocker lock(&probe.mutex);
                probe.runnerThreads.append(QThread::currentThread());
            }
            return failAt ? failAt(point, attempt) : std::nullopt;
        };
        LabTasks::setFinalizeHooks(std::move(hooks));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_t = TestDatabase::create(&error, true, TestDatabase::Person::Vet);
        QVERIFY2(m_t, qPrintable(error));
        TaskCatalog::registerAll(m_registry);
        m_dir = std::make_unique<QTemporaryDir>();
        m_cache = std::make_unique<PdfCache>(m_dir->filePath(u"pdf"_s));
        LabServices::setPdfCache(m_cache.get());
        QVERIFY(PdfRenderer::warmUp());
        m_clientId = LabTest::makeClient(m_t->db());
        QVERIFY(m_clientId > 0);
    }
    void cleanupTestCase()
    {
        LabServices::setPdfCache(nullptr);
        m_t.reset();
    }
    void init()
    {
        QVERIFY(m_t);
        // Earlier tests' jobs (e-mail drains, pre-renders) stay out of this one's way
        // (removing jobs is for administrators and workers).
        QVERIFY(SqlStatement::run(m_t->dbAs(TestDatabase::Person::Admin), u"DELETE FROM jobs"_s));
        LabTasks::setFinalizeHooks({});
    }
    void cleanup() { LabTasks::setFinalizeHooks({}); }

    void finalizeEndToEnd()
    {
        ThreadProbe probe;
        installProbe(probe);
        const Report draft = draftWithResults(m_clientId);
        QVERIFY(draft.id > 0);
        const qint64 jobId = finalize(draft);
        QVERIFY(jobId > 0);
        // Held for the job at once: nobody can edit it meanwhile.
        const Result<Report> held = ReportRepository(m_t->db(), vet()).get(draft.id);
        QVERIFY(held);
        QCOMPARE(held->finalizingJobId, jobId);
        QVERIFY(!held->isEditable());

        QVERIFY(runUntilFinished(jobId));
        const Job done = job(jobId);
        QCOMPARE(JobStates::code(done.state), u"succeeded"_s);
        QCOMPARE(done.attempts, 1);

        // The report and its protocol.
        const Result<Report> report = ReportRepository(m_t->db(), vet()).get(draft.id);
        QVERIFY(report);
        QVERIFY(report->isFinalized());
        QCOMPARE(report->signedBy, vet().username);
        QCOMPARE(report->finalizedJobId, jobId);
        QCOMPARE(report->finalizingJobId, 0);
        const Result<Protocol> protocol = ProtocolRepository(m_t->db(), vet()).get(draft.protocolId);
        QVERIFY(protocol);
        QCOMPARE(protocol->state, Protocol::State::Finalized);

        // The stored PDF: sound, with the protocol, the client, every row and the signer.
        const Result<StoredPdf> pdf = ReportRepository(m_t->db(), vet()).pdf(draft.id);
        QVERIFY(pdf);
        PdfTools tools;
        const QString problem = tools.check(pdf->content);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QString error;
        const QString text = tools.pages(pdf->content, &error).join(u'\n');
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(text.contains(report->protocolNumber), qPrintable(text));
        QVERIFY2(text.contains(u"Hillside Dairy"_s), qPrintable(text));
        for (const QString &cell :
             {u"Haemoglobin"_s, u"9.8"_s, u"Leukocytes"_s, u"7.1"_s, u"Glucose"_s, u"positive"_s})
            QVERIFY2(text.contains(cell), qPrintable(cell + u" missing in:\n"_s + text));
        QVERIFY2(text.contains(vet().username), qPrintable(text));
        QVERIFY2(!text.contains(u"DRAFT"_s), qPrintable(text));

        // Audit: the report's hold (when the vet queued the job), its finalize and the
        // protocol's two steps, all for the job.
        QCOMPARE(auditCount(u"report"_s, draft.id, u"hold"_s), 1);
        QCOMPARE(auditCount(u"report"_s, draft.id, u"finalize"_s), 1);
        QCOMPARE(auditCount(u"protocol"_s, draft.protocolId, u"transition"_s),
                 3); // received, in analysis, finalized
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_entries WHERE job_id = ?"_s, {jobId}), 4);
        // What the worker did, it did for the vet: the database records the vet as the
        // person and the worker's login as the session (SQLite: its one person).
        {
            SqlStatement who(m_t->dbAs(TestDatabase::Person::Admin),
                             u"SELECT username, session_login, COUNT(*) FROM audit_entries WHERE job_id = ? "
                             "AND action <> 'hold' GROUP BY username, session_login"_s);
            who.bind(jobId);
            QVERIFY(who.exec());
            QVERIFY(who.next());
            QCOMPARE(who.value(0).toString(), auditPerson(TestDatabase::Person::Vet));
            QCOMPARE(who.value(1).toString(), auditPerson(TestDatabase::Person::Worker));
            QCOMPARE(who.value(2).toInt(), 3);
            QVERIFY(!who.next());
        }

        // One e-mail to the client, the PDF attached.
        QCOMPARE(emailsFor(draft.id), 1);
        SqlStatement mail(m_t->db(), u"SELECT e.to_address, e.subject, e.dedupe_key, a.content, a.filename "
                                     "FROM outbox_emails e JOIN outbox_attachments a ON a.email_id = e.id "
                                     "WHERE e.related_entity = 'report' AND e.related_id = ?"_s);
        mail.bind(draft.id);
        QVERIFY(mail.exec());
        QVERIFY(mail.next());
        QCOMPARE(mail.value(0).toString(), u"office@hillside.example.org"_s);
        QVERIFY(mail.value(1).toString().contains(report->protocolNumber));
        QCOMPARE(mail.value(2).toString(), u"report-finalized/%1"_s.arg(draft.id));
        QCOMPARE(mail.value(3).toByteArray(), pdf->content);
        QVERIFY(mail.value(4).toString().endsWith(u".pdf"_s));
        QVERIFY(!mail.next());

        // The cached copy: the first view needs no rendering and no database.
        const auto cached = m_cache->lookupLocal(
            PdfCacheKey::report(draft.id, report->contentVersion(), PdfRenderer::templateVersion()));
        QVERIFY(cached);
        QCOMPARE(cached->bytes, pdf->content);

        // The creator's notification names the protocol and opens the report.
        const Result<QList<Notification>> notes = NotificationStore(m_t->db()).list(vet().username);
        QVERIFY(notes);
        bool found = false;
        for (const Notification &n : notes.value()) {
            if (n.jobId != jobId)
                continue;
            found = true;
            QCOMPARE(n.title, u"Report %1 finalized"_s.arg(report->protocolNumber));
            QCOMPARE(n.link, u"report:%1"_s.arg(draft.id));
        }
        QVERIFY(found);

        // Rendered once, on a pool thread: neither the runner thread nor the main thread.
        QCOMPARE(probe.renders.load(), 1);
        QCOMPARE(probe.runnerThreads.size(), 1);
        QCOMPARE(probe.renderThreads.size(), 1);
        QVERIFY(probe.renderThreads.first() != probe.runnerThreads.first());
        QVERIFY(probe.renderThreads.first() != qApp->thread());
        QVERIFY(probe.runnerThreads.first() != qApp->thread());
    }

    void retryNeverFinalizesTwice_data()
    {
        QTest::addColumn<QString>("point");
        QTest::newRow("after rendering") << u"rendered"_s;
        QTest::newRow("inside the transaction, before the commit") << u"completed"_s;
        QTest::newRow("after the commit, before the job ends") << u"committed"_s;
    }
    void retryNeverFinalizesTwice()
    {
        QFETCH(QString, point);
        ThreadProbe probe;
        installProbe(probe,
                     [point](const QString &at, int attempt) -> std::optional<LabTasks::InjectedFailure> {
                         if (at == point && attempt == 1)
                             return LabTasks::InjectedFailure{u"injected at %1"_s.arg(at), true};
                         return std::nullopt;
                     });
        const Report draft = draftWithResults(m_clientId);
        QVERIFY(draft.id > 0);
        const qint64 jobId = finalize(draft);
        QVERIFY(jobId > 0);
        QVERIFY(runUntilFinished(jobId));
        const Job done = job(jobId);
        QCOMPARE(JobStates::code(done.state), u"succeeded"_s);
        QCOMPARE(done.attempts, 2);

        const Result<Report> report = ReportRepository(m_t->db(), vet()).get(draft.id);
        QVERIFY(report);
        QVERIFY(report->isFinalized());
        QCOMPARE(emailsFor(draft.id), 1);
        QCOMPARE(auditCount(u"report"_s, draft.id, u"finalize"_s), 1);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM report_pdfs WHERE report_id = ?"_s, {draft.id}), 1);
        // Every rendering signed the time of the first attempt.
        QVERIFY(!probe.signedTimes.isEmpty());
        for (const QDateTime &t : probe.signedTimes)
            QCOMPARE(t, probe.signedTimes.first());
        QCOMPARE(report->signedAt.toMSecsSinceEpoch(), probe.signedTimes.first().toMSecsSinceEpoch());
        // After the commit nothing is rendered again: the retry only fills the cache.
        QCOMPARE(probe.renders.load(), point == u"committed" ? 1 : 2);
        QVERIFY(m_cache->lookupLocal(
            PdfCacheKey::report(draft.id, report->contentVersion(), PdfRenderer::templateVersion())));
    }

    void failureLeavesTheReportDraft_data()
    {
        QTest::addColumn<bool>("retryable");
        QTest::newRow("permanent failure") << false;
        QTest::newRow("every attempt fails") << true;
    }
    void failureLeavesTheReportDraft()
    {
        QFETCH(bool, retryable);
        const QString reason = u"The signing key is revoked"_s;
        ThreadProbe probe;
        installProbe(probe,
                     [reason, retryable](const QString &at, int) -> std::optional<LabTasks::InjectedFailure> {
                         if (at == u"rendered")
                             return LabTasks::InjectedFailure{reason, retryable};
                         return std::nullopt;
                     });
        const Report draft = draftWithResults(m_clientId);
        QVERIFY(draft.id > 0);
        const qint64 jobId = finalize(draft);
        QVERIFY(jobId > 0);
        QVERIFY(runUntilFinished(jobId));
        const Job done = job(jobId);
        QCOMPARE(JobStates::code(done.state), u"failed"_s);
        QCOMPARE(done.attempts, retryable ? LabTasks::kFinalizeMaxAttempts : 1);
        QVERIFY2(done.error.contains(reason), qPrintable(done.error));

        const Result<Report> report = ReportRepository(m_t->db(), vet()).get(draft.id);
        QVERIFY(report);
        QCOMPARE(report->state, Report::State::Draft);
        QVERIFY(report->isEditable());
        QCOMPARE(emailsFor(draft.id), 0);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM report_pdfs WHERE report_id = ?"_s, {draft.id}), 0);
        const Result<Protocol> protocol = ProtocolRepository(m_t->db(), vet()).get(draft.protocolId);
        QVERIFY(protocol);
        QCOMPARE(protocol->state, Protocol::State::Received);

        // Editable again, and it can be finalized again.
        LabTasks::setFinalizeHooks({});
        const qint64 again = finalize(report.value());
        QVERIFY(again > 0);
        QVERIFY(runUntilFinished(again));
        QCOMPARE(JobStates::code(job(again).state), u"succeeded"_s);
    }

    void clientWithoutEmailIsSkippedWithAReason()
    {
        Client c;
        c.name = u"Walk-in Owner"_s;
        c.kind = Client::Kind::Owner;
        const Result<Client> client = ClientRepository(m_t->db(), vet()).create(c);
        QVERIFY(client);
        const Report draft = draftWithResults(client->id);
        QVERIFY(draft.id > 0);
        const qint64 jobId = finalize(draft);
        QVERIFY(runUntilFinished(jobId));
        const Job done = job(jobId);
        QCOMPARE(JobStates::code(done.state), u"succeeded"_s);
        QVERIFY(done.result.value(u"email_skipped"_s).toString().contains(u"Walk-in Owner"_s));
        QCOMPARE(emailsFor(draft.id), 0);
        // The reason stays with the job (its result and checkpoint); the audit trail holds
        // the changes of records (the database writes it), here the finalize.
        QCOMPARE(auditCount(u"report"_s, draft.id, u"finalize"_s), 1);
    }

    void twoDesktopsQueueOneJob()
    {
        const Report draft = draftWithResults(m_clientId);
        QVERIFY(draft.id > 0);
        std::unique_ptr<Database> other = m_t->openAnother();
        QVERIFY(other);
        QSemaphore go;
        const auto attempt = [&go, draft](Database *db) {
            go.acquire();
            const Result<ReportFinalizer::Queued> r =
                ReportFinalizer(*db, vet()).enqueue(draft.id, draft.version);
            return r ? QString() : r.error().message;
        };
        QThreadPool pool;
        auto first = QtConcurrent::run(&pool, attempt, &m_t->db());
        auto second = QtConcurrent::run(&pool, attempt, other.get());
        go.release(2);
        first.waitForFinished();
        second.waitForFinished();
        pool.waitForDone();
        const QStringList errors{first.result(), second.result()};
        QCOMPARE(errors.count(QString()), 1);
        const QString refusal = errors.first().isEmpty() ? errors.last() : errors.first();
        QVERIFY2(refusal.contains(u"already being finalized"_s) || refusal.contains(u"changed"_s),
                 qPrintable(refusal));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM jobs WHERE kind = 'report.finalize'"_s), 1);

        // A later click, with the current version, is refused with the same words.
        const Result<Report> now = ReportRepository(m_t->db(), vet()).get(draft.id);
        QVERIFY(now);
        const Result<ReportFinalizer::Queued> third =
            ReportFinalizer(m_t->db(), vet()).enqueue(draft.id, now->version);
        QVERIFY(!third);
        QVERIFY2(third.error().message.contains(u"already being finalized"_s),
                 qPrintable(third.error().message));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM jobs WHERE kind = 'report.finalize'"_s), 1);
    }

    void cancellingUnlocksTheReport_data()
    {
        QTest::addColumn<bool>("whileRunning");
        QTest::newRow("queued") << false;
        QTest::newRow("running") << true;
    }
    void cancellingUnlocksTheReport()
    {
        QFETCH(bool, whileRunning);
        const Report draft = draftWithResults(m_clientId);
        QVERIFY(draft.id > 0);
        const qint64 jobId = finalize(draft);
        QVERIFY(jobId > 0);
        if (!whileRunning) {
            // Cancelled before any engine claims it: the task never runs.
            const Result<JobState> state = JobStore(m_t->db()).requestCancel(jobId);
            QVERIFY(state);
            QCOMPARE(JobStates::code(state.value()), u"cancelled"_s);
            const Result<ReportFinalizer::Released> released =
                ReportFinalizer(m_t->db(), vet()).releaseIfJobEnded(draft.id);
            QVERIFY(released);
            QVERIFY(released->released);
            QVERIFY(released->report.isEditable());
        } else {
            // The rendering waits until the cancel is requested.
            QSemaphore rendering;
            QSemaphore resume;
            LabTasks::FinalizeHooks hooks;
            hooks.render = [&rendering, &resume](const ReportDocument &doc) {
                rendering.release();
                resume.acquire();
                return PdfRenderer::renderReport(doc);
            };
            LabTasks::setFinalizeHooks(hooks);
            JobEngine engine(m_t->dbAs(TestDatabase::Person::Worker), m_registry, options());
            engine.start();
            QVERIFY(QTest::qWaitFor([&] { return rendering.tryAcquire(); }, kTimeout));
            const Result<JobState> state = JobStore(m_t->db()).requestCancel(jobId);
            QVERIFY(state);
            engine.cancelRunning(jobId);
            resume.release();
            QVERIFY(QTest::qWaitFor([&] { return job(jobId).isFinished(); }, kTimeout));
            QSignalSpy stopped(&engine, &JobEngine::stopped);
            engine.stop();
            if (engine.isStarted())
                stopped.wait(10000);
            QCOMPARE(JobStates::code(job(jobId).state), u"cancelled"_s);
        }
        const Result<Report> report = ReportRepository(m_t->db(), vet()).get(draft.id);
        QVERIFY(report);
        QCOMPARE(report->state, Report::State::Draft);
        QVERIFY(report->isEditable());
        QCOMPARE(emailsFor(draft.id), 0);
        // And it can be finalized again.
        const qint64 again = finalize(report.value());
        QVERIFY(again > 0);
    }

    void stuckHoldOfAnEndedJobIsReleasedOnTheNextClick()
    {
        const Report draft = draftWithResults(m_clientId);
        const qint64 jobId = finalize(draft);
        QVERIFY(jobId > 0);
        QVERIFY(JobStore(m_t->db()).requestCancel(jobId));
        // The window that clicked is gone; another one finalizes with the copy it read.
        const Result<Report> seen = ReportRepository(m_t->db(), vet()).get(draft.id);
        QVERIFY(seen);
        QVERIFY(seen->isFinalizing());
        const Result<ReportFinalizer::Queued> queued =
            ReportFinalizer(m_t->db(), vet()).enqueue(draft.id, seen->version);
        QVERIFY2(queued, qPrintable(queued.error().text()));
        QVERIFY(queued->jobId != jobId);
    }

    void refusalsNameTheReport()
    {
        // Not received: refused, nothing queued.
        const Protocol submitted = LabTest::protocolIn(m_t->db(), m_clientId, Protocol::State::Submitted);
        const Result<Report> draft = ReportRepository(m_t->db(), vet()).currentDraft(submitted.id);
        QVERIFY(draft);
        const Result<ReportFinalizer::Queued> refused =
            ReportFinalizer(m_t->db(), vet()).enqueue(draft->id, draft->version);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(submitted.number), qPrintable(refused.error().message));
        QVERIFY2(refused.error().message.contains(u"received"_s), qPrintable(refused.error().message));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM jobs WHERE kind = 'report.finalize'"_s), 0);
    }

    // --- workorder.prerender ---------------------------------------------------------

    void workOrderChangePrerenders()
    {
        const Protocol p = LabTest::protocolIn(m_t->db(), m_clientId, Protocol::State::Received);
        Result<WorkOrder> order = WorkOrderRepository(m_t->db(), vet()).getByProtocol(p.id);
        QVERIFY(order);
        WorkOrder edited = order.value();
        edited.assignedVet = u"dr.ruiz"_s;
        edited.analyses = {{0, u"HEM-CBC"_s, u"Complete blood count"_s, u"EDTA tube 1"_s}};
        Result<WorkOrder> saved = WorkOrderService(m_t->db(), vet()).update(edited);
        QVERIFY2(saved, qPrintable(saved.error().text()));
        // The change and its pre-render committed together.
        QList<qint64> jobs = LabTest::queryIds(
            m_t->db(), u"SELECT id FROM jobs WHERE kind = 'workorder.prerender' AND state = 'queued'"_s);
        QCOMPARE(jobs.size(), 1);
        QCOMPARE(job(jobs.first()).payload.value(u"version"_s).toInt(), saved->version);
        QVERIFY(runUntilFinished(jobs.first()));
        QCOMPARE(JobStates::code(job(jobs.first()).state), u"succeeded"_s);
        QCOMPARE(job(jobs.first()).result.value(u"rendered"_s).toBool(), true);

        // Opening it now is a cache hit: nothing is rendered.
        const PdfCacheKey key =
            PdfCacheKey::workOrder(saved->id, saved->version, PdfRenderer::templateVersion());
        std::atomic<int> renders = 0;
        const Result<PdfCacheEntry> opened = m_cache->getOrRender(m_t->db(), key, [&renders] {
            ++renders;
            return QByteArray();
        });
        QVERIFY(opened);
        QCOMPARE(renders.load(), 0);
        QCOMPARE(opened->source, PdfCacheEntry::Source::LocalDisk);
        PdfTools tools;
        QString error;
        const QString text = tools.pages(opened->bytes, &error).join(u'\n');
        QVERIFY2(text.contains(u"Complete blood count"_s), qPrintable(text + error));

        // A second change renders the new version ahead of time too.
        edited = saved.value();
        edited.analyses.append({0, u"BIO-GLU"_s, u"Glucose"_s, u"serum"_s});
        saved = WorkOrderService(m_t->db(), vet()).update(edited);
        QVERIFY(saved);
        jobs = LabTest::queryIds(
            m_t->db(), u"SELECT id FROM jobs WHERE kind = 'workorder.prerender' AND state = 'queued'"_s);
        QCOMPARE(jobs.size(), 1);
        QVERIFY(runUntilFinished(jobs.first()));
        QCOMPARE(job(jobs.first()).result.value(u"rendered"_s).toBool(), true);
        const PdfCacheKey newer =
            PdfCacheKey::workOrder(saved->id, saved->version, PdfRenderer::templateVersion());
        const auto hit = m_cache->lookupLocal(newer);
        QVERIFY(hit);
        QVERIFY(!m_cache->lookupLocal(key)); // the older version is gone
        QVERIFY(tools.pages(hit->bytes, &error).join(u'\n').contains(u"Glucose"_s));
    }

    void staleJobIsSkipped()
    {
        const Protocol p = LabTest::protocolIn(m_t->db(), m_clientId, Protocol::State::Received);
        Result<WorkOrder> order = WorkOrderRepository(m_t->db(), vet()).getByProtocol(p.id);
        QVERIFY(order);
        WorkOrder edited = order.value();
        edited.notes = u"first"_s;
        const Result<WorkOrder> first = WorkOrderService(m_t->db(), vet()).update(edited);
        QVERIFY(first);
        edited = first.value();
        edited.notes = u"second"_s;
        const Result<WorkOrder> second = WorkOrderService(m_t->db(), vet()).update(edited);
        QVERIFY(second);
        const QList<qint64> jobs = LabTest::queryIds(
            m_t->db(), u"SELECT id FROM jobs WHERE kind = 'workorder.prerender' ORDER BY id"_s);
        QCOMPARE(jobs.size(), 2);
        // One engine runs both (oldest first); the first is stale by then.
        QVERIFY(runUntilFinished(jobs.last()));
        QVERIFY(job(jobs.first()).isFinished() || runUntilFinished(jobs.first()));
        const Job stale = job(jobs.first());
        QCOMPARE(JobStates::code(stale.state), u"succeeded"_s);
        QCOMPARE(stale.result.value(u"skipped"_s).toString(), u"stale"_s);
        const Job current = job(jobs.last());
        QCOMPARE(current.result.value(u"rendered"_s).toBool(), true);
        QVERIFY(m_cache->lookupLocal(
            PdfCacheKey::workOrder(second->id, second->version, PdfRenderer::templateVersion())));
        QVERIFY(!m_cache->lookupLocal(
            PdfCacheKey::workOrder(first->id, first->version, PdfRenderer::templateVersion())));
    }

    void newProtocolPrerendersItsWorkOrder()
    {
        Protocol p;
        p.clientId = m_clientId;
        p.species = u"Ovine"_s;
        const Result<Protocol> created = WorkOrderService(m_t->db(), vet()).createProtocol(p);
        QVERIFY2(created, qPrintable(created.error().text()));
        const QList<qint64> jobs = LabTest::queryIds(
            m_t->db(), u"SELECT id FROM jobs WHERE kind = 'workorder.prerender' AND state = 'queued'"_s);
        QCOMPARE(jobs.size(), 1);
        QVERIFY(runUntilFinished(jobs.first()));
        QCOMPARE(JobStates::code(job(jobs.first()).state), u"succeeded"_s);
    }
};

int main(int argc, char **argv)
{
    // The renderer needs the font database of a QGuiApplication (offscreen here).
    QGuiApplication app(argc, argv);
    TestLabTasks test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_labtasks.moc"
