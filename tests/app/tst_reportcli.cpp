// The lab's PDF and finalize commands, end to end through the built `residesk` binary on
// a database of the backend the run asks for (RESIDESK_TEST_BACKEND): `report finalize
// ID [--wait] [--json]`, `report pdf ID -o FILE`, `workorder pdf ID -o FILE`, their JSON,
// their refusals and exit codes.
#include "models/core/actor.h"
#include "models/db/sqlstatement.h"
#include "models/lab/clientrepository.h"
#include "models/lab/reportrepository.h"
#include "models/lab/workorderrepository.h"
#include "tasks/job.h"
#include "tasks/jobstore.h"
#include "tests/app/clirunner.h"
#include "tests/models/lab/labtestutil.h"
#include "tests/support/testdatabase.h"
#include "tests/tasks/pdf/pdftools.h"

#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestReportCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    QTemporaryDir m_dir;
    qint64 m_clientId = 0;
    Report m_queued;    // finalized without --wait
    Report m_waited;    // finalized with --wait
    Report m_submitted; // its protocol is not received

    QStringList args(const QStringList &command) const
    {
        return QStringList{u"--database"_s, m_t->url()} + command;
    }

    Report draftWithResults(qint64 clientId = 0)
    {
        const Protocol p =
            LabTest::protocolIn(m_t->db(), clientId > 0 ? clientId : m_clientId, Protocol::State::Received);
        Result<Report> draft = ReportRepository(m_t->db(), LabTest::actor()).currentDraft(p.id);
        if (!draft)
            return {};
        Report edited = draft.value();
        edited.findings = u"Within normal limits."_s;
        edited.results = {{0, u"Haematocrit"_s, u"0.41"_s, u"L/L"_s, u"0.35–0.55"_s, Report::Flag::None},
                          {0, u"Urea"_s, u"12.9"_s, u"mmol/L"_s, u"2.5–9.0"_s, Report::Flag::High}};
        const Result<Report> saved = ReportRepository(m_t->db(), LabTest::actor()).updateDraft(edited);
        return saved ? saved.value() : Report{};
    }

    QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!CliRunner::binary().isEmpty(), "RESIDESK_BINARY is not set");
        // A PDF cache of this run's own (the commands use the default location): cache
        // keys do not name the database, and other runs use the same ids.
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_dir.filePath(u"cache"_s)));
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        m_clientId = LabTest::makeClient(m_t->db());
        QVERIFY(m_clientId > 0);
        m_queued = draftWithResults();
        m_waited = draftWithResults();
        QVERIFY(m_queued.id > 0 && m_waited.id > 0);
        const Protocol p = LabTest::protocolIn(m_t->db(), m_clientId, Protocol::State::Submitted);
        const Result<Report> draft = ReportRepository(m_t->db(), LabTest::actor()).currentDraft(p.id);
        QVERIFY(draft);
        m_submitted = draft.value();
    }
    void cleanupTestCase() { m_t.reset(); }

    void finalizeQueuesAJob()
    {
        const CliRunner::Run r =
            CliRunner::run(args({u"report"_s, u"finalize"_s, QString::number(m_queued.id), u"--json"_s}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        const QJsonObject o = CliRunner::jsonObject(r.out);
        QCOMPARE(o.keys(), QStringList{u"job_id"_s});
        const qint64 jobId = o.value(u"job_id"_s).toInteger();
        const Result<Job> job = JobStore(m_t->db()).get(jobId);
        QVERIFY(job);
        QCOMPARE(job->kind, u"report.finalize"_s);
        QCOMPARE(job->payload.value(u"report_id"_s).toInteger(), m_queued.id);
        const Result<Report> held = ReportRepository(m_t->db(), LabTest::actor()).get(m_queued.id);
        QVERIFY(held);
        QCOMPARE(held->finalizingJobId, jobId);
    }

    void finalizeRefusals_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("reason");
        QTest::newRow("already being finalized") << 0 << u"already being finalized"_s;
        QTest::newRow("not received") << 1 << u"received"_s;
        QTest::newRow("no such report") << 2 << u"no report with id"_s;
    }
    void finalizeRefusals()
    {
        QFETCH(int, which);
        QFETCH(QString, reason);
        const qint64 id = which == 0 ? m_queued.id : which == 1 ? m_submitted.id : 987654;
        const qint64 jobsBefore = LabTest::queryValue(m_t->db(), u"SELECT COUNT(*) FROM jobs"_s).toLongLong();
        const CliRunner::Run r =
            CliRunner::run(args({u"report"_s, u"finalize"_s, QString::number(id), u"--json"_s}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(reason), qPrintable(r.errText()));
        QVERIFY2(r.errText().contains(QString::number(id)), qPrintable(r.errText())); // names the report
        QCOMPARE(r.errText().count(u'\n'), 1);                                        // one line
        QVERIFY(r.out.isEmpty());
        QCOMPARE(LabTest::queryValue(m_t->db(), u"SELECT COUNT(*) FROM jobs"_s).toLongLong(), jobsBefore);
    }

    void finalizeAndWait()
    {
        const CliRunner::Run r = CliRunner::run(
            args({u"report"_s, u"finalize"_s, QString::number(m_waited.id), u"--wait"_s, u"--json"_s}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        const QJsonObject o = CliRunner::jsonObject(r.out);
        QCOMPARE(o.value(u"state"_s).toString(), u"succeeded"_s);
        QCOMPARE(o.value(u"kind"_s).toString(), u"report.finalize"_s);
        QCOMPARE(o.value(u"result"_s).toObject().value(u"report_id"_s).toInteger(), m_waited.id);
        const Result<Report> report = ReportRepository(m_t->db(), LabTest::actor()).get(m_waited.id);
        QVERIFY(report);
        QVERIFY(report->isFinalized());

        // Once finalized, a second finalize is refused, naming the report and why.
        const CliRunner::Run again =
            CliRunner::run(args({u"report"_s, u"finalize"_s, QString::number(m_waited.id)}));
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.errText().contains(u"already finalized"_s), qPrintable(again.errText()));
        QVERIFY2(again.errText().contains(report->protocolNumber), qPrintable(again.errText()));
    }

    void storedPdfOfAFinalizedReport()
    {
        const QString path = m_dir.filePath(u"final.pdf"_s);
        const CliRunner::Run r = CliRunner::run(
            args({u"report"_s, u"pdf"_s, QString::number(m_waited.id), u"-o"_s, path, u"--json"_s}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        const QJsonObject o = CliRunner::jsonObject(r.out);
        QCOMPARE(o.value(u"draft"_s).toBool(), false);
        QCOMPARE(o.value(u"report_id"_s).toInteger(), m_waited.id);
        const Result<StoredPdf> stored = ReportRepository(m_t->db(), LabTest::actor()).pdf(m_waited.id);
        QVERIFY(stored);
        QCOMPARE(readFile(path), stored->content); // byte for byte
        QCOMPARE(o.value(u"sha256"_s).toString(), stored->sha256);
        QCOMPARE(o.value(u"size"_s).toInteger(), stored->size);
    }

    void draftPreview()
    {
        const Report draft = draftWithResults();
        QVERIFY(draft.id > 0);
        const QString path = m_dir.filePath(u"draft.pdf"_s);
        const CliRunner::Run r = CliRunner::run(
            args({u"report"_s, u"pdf"_s, QString::number(draft.id), u"--output"_s, path, u"--json"_s}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        QCOMPARE(CliRunner::jsonObject(r.out).value(u"draft"_s).toBool(), true);
        PdfTools tools;
        const QByteArray pdf = readFile(path);
        const QString problem = tools.check(pdf);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QString error;
        const QString text = tools.pages(pdf, &error).join(u'\n');
        QVERIFY2(text.contains(u"DRAFT"_s), qPrintable(text + error));
        QVERIFY2(text.contains(draft.protocolNumber), qPrintable(text));
        QVERIFY2(text.contains(u"Urea"_s), qPrintable(text));
        // A preview changes nothing.
        const Result<Report> after = ReportRepository(m_t->db(), LabTest::actor()).get(draft.id);
        QVERIFY(after);
        QCOMPARE(after->version, draft.version);
        QVERIFY(after->isEditable());
    }

    void workOrderPdfThroughTheCache()
    {
        const Result<WorkOrder> order =
            WorkOrderRepository(m_t->db(), LabTest::actor()).getByProtocol(m_submitted.protocolId);
        QVERIFY(order);
        WorkOrder edited = order.value();
        edited.analyses = {{0, u"PAR-FEC"_s, u"Faecal egg count"_s, u"faeces"_s}};
        const Result<WorkOrder> saved = WorkOrderRepository(m_t->db(), LabTest::actor()).update(edited);
        QVERIFY(saved);
        const QString path = m_dir.filePath(u"wo.pdf"_s);
        const QStringList command{u"workorder"_s, u"pdf"_s, QString::number(saved->id),
                                  u"-o"_s,        path,     u"--json"_s};
        const CliRunner::Run first = CliRunner::run(args(command));
        QVERIFY2(first.exitCode == 0, qPrintable(first.errText()));
        QJsonObject o = CliRunner::jsonObject(first.out);
        QCOMPARE(o.value(u"source"_s).toString(), u"rendered"_s);
        QCOMPARE(o.value(u"version"_s).toInt(), saved->version);
        const QByteArray pdf = readFile(path);
        PdfTools tools;
        QString error;
        QVERIFY(tools.check(pdf).isEmpty());
        QVERIFY2(tools.pages(pdf, &error).join(u'\n').contains(u"Faecal egg count"_s), qPrintable(error));
        // Kept: the next run (a new process) does not render it again.
        const CliRunner::Run second = CliRunner::run(args(command));
        QVERIFY2(second.exitCode == 0, qPrintable(second.errText()));
        o = CliRunner::jsonObject(second.out);
        QCOMPARE(o.value(u"source"_s).toString(), u"local_disk"_s);
        QCOMPARE(readFile(path), pdf);
        // The shared copy is in the database for other desktops.
        QCOMPARE(LabTest::queryValue(
                     m_t->db(),
                     u"SELECT COUNT(*) FROM pdf_cache WHERE entity = 'workorder' AND entity_id = ?"_s,
                     {saved->id})
                     .toInt(),
                 1);
    }

    // The signer's full name (people) signs the PDF, the CLI shows it; reports.signed_by
    // keeps the login.
    void signedReportCarriesFullName()
    {
        const QString signer = TestDatabase::isPostgreSQL() ? TestDatabase::login(TestDatabase::Person::Admin)
                                                            : Actor::systemUser().username;
        const QString fullName = u"Dr. Inés Quintana-Ruiz"_s;
        QVERIFY(SqlStatement::run(m_t->db(),
                                  u"INSERT INTO people (login, full_name, title) VALUES (?, ?, ?)"_s,
                                  {signer, fullName, u"DVM"_s}));
        const Report draft = draftWithResults();
        QVERIFY(draft.id > 0);
        CliRunner::Run r = CliRunner::run(
            args({u"report"_s, u"finalize"_s, QString::number(draft.id), u"--wait"_s, u"--json"_s}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        const Result<Report> report = ReportRepository(m_t->db(), LabTest::actor()).get(draft.id);
        QVERIFY(report);
        QCOMPARE(report->signedBy, signer);
        QCOMPARE(report->signerName, fullName);

        const QString path = m_dir.filePath(u"signed.pdf"_s);
        r = CliRunner::run(args({u"report"_s, u"pdf"_s, QString::number(draft.id), u"-o"_s, path}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        PdfTools tools;
        QString error;
        const QString text = tools.pages(readFile(path), &error).join(u'\n');
        QVERIFY2(text.contains(u"Signed by"_s), qPrintable(text + error));
        QVERIFY2(text.contains(fullName), qPrintable(text + error));

        r = CliRunner::run(args({u"reports"_s, u"list"_s, u"--state"_s, u"finalized"_s, u"--json"_s}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        bool seen = false;
        for (const QJsonValue &v : CliRunner::jsonArray(r.out)) {
            const QJsonObject o = v.toObject();
            if (o.value(u"id"_s).toInteger() != draft.id)
                continue;
            seen = true;
            QCOMPARE(o.value(u"signed_by"_s).toString(), signer);
            QCOMPARE(o.value(u"signer_name"_s).toString(), fullName);
        }
        QVERIFY(seen);
        r = CliRunner::run(args({u"reports"_s, u"list"_s, u"--state"_s, u"finalized"_s}));
        QVERIFY2(r.outText().contains(fullName), qPrintable(r.outText()));
    }

    // Issue 15: the finalized report's e-mail is written in the client's language
    // (clients.language), whoever finalizes it; the others' stays English.
    void reportEmailInTheClientsLanguage()
    {
        Client farm;
        farm.name = u"Granja El Sol"_s;
        farm.kind = Client::Kind::Farm;
        farm.email = u"oficina@granjasol.example.es"_s;
        farm.language = u"es"_s;
        const Result<Client> stored = ClientRepository(m_t->db(), LabTest::actor()).create(farm);
        QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().text()));
        QCOMPARE(stored->language, u"es"_s);
        // A language the lab does not write is refused by the data layer, naming it.
        Client other = farm;
        other.name = u"Ferme du Lac"_s;
        other.language = u"fr"_s;
        const Result<Client> refused = ClientRepository(m_t->db(), LabTest::actor()).create(other);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, DbError::Code::Validation);
        QCOMPARE(refused.error().fields.size(), 1);
        QCOMPARE(refused.error().fields.first().field, u"language"_s);
        QVERIFY2(refused.error().fields.first().message.contains(u"\"fr\""_s),
                 qPrintable(refused.error().fields.first().message));

        const Report draft = draftWithResults(stored->id);
        QVERIFY(draft.id > 0);
        const CliRunner::Run r = CliRunner::run(
            args({u"report"_s, u"finalize"_s, QString::number(draft.id), u"--wait"_s, u"--json"_s}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        const auto email = [this](qint64 reportId) {
            SqlStatement st(m_t->db(), u"SELECT subject, body_text, to_address FROM outbox_emails WHERE "
                                       "related_entity = 'report' AND related_id = ?"_s);
            st.bind(reportId);
            return st.exec() && st.next()
                       ? QStringList{st.value(0).toString(), st.value(1).toString(), st.value(2).toString()}
                       : QStringList{};
        };
        const QStringList spanish = email(draft.id);
        QCOMPARE(spanish.size(), 3);
        QCOMPARE(spanish.at(2), u"oficina@granjasol.example.es"_s);
        QCOMPARE(spanish.at(0), u"Informe "_s + draft.protocolNumber);
        const QString &body = spanish.at(1);
        QVERIFY2(body.startsWith(u"Estimado/a Granja El Sol:\n\nLe adjuntamos el informe del protocolo "_s +
                                 draft.protocolNumber + u" (Bovine, UK000111222), firmado por "_s),
                 qPrintable(body));
        // The lab's built-in name in the client's language too (no name is configured here).
        QVERIFY2(body.endsWith(u"Laboratorio de Diagnóstico Veterinario"_s), qPrintable(body));

        // The English client's report of finalizeAndWait: English.
        const QStringList english = email(m_waited.id);
        QCOMPARE(english.size(), 3);
        QCOMPARE(english.at(0), u"Report "_s + m_waited.protocolNumber);
        QVERIFY2(english.at(1).startsWith(
                     u"Dear Hillside Dairy,\n\nplease find attached the report on protocol "_s),
                 qPrintable(english.at(1)));
        QVERIFY2(english.at(1).endsWith(u"Veterinary Diagnostic Laboratory"_s), qPrintable(english.at(1)));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("pdf without -o") << QStringList{u"report"_s, u"pdf"_s, u"1"_s} << 2 << u"-o"_s;
        QTest::newRow("id not a number")
            << QStringList{u"report"_s, u"finalize"_s, u"abc"_s} << 2 << u"abc"_s;
        QTest::newRow("id missing") << QStringList{u"workorder"_s, u"pdf"_s} << 2 << u"work order id"_s;
        QTest::newRow("no such work order")
            << QStringList{u"workorder"_s, u"pdf"_s, u"987654"_s, u"-o"_s, u"/tmp/x.pdf"_s} << 1
            << u"no work order with id 987654"_s;
    }
    void usageErrors()
    {
        QFETCH(QStringList, command);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const CliRunner::Run r = CliRunner::run(args(command));
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.errText().contains(message), qPrintable(r.errText()));
    }
};

QTEST_GUILESS_MAIN(TestReportCli)
#include "tst_reportcli.moc"
