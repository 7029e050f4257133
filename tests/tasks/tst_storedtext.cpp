// Texts stored for later display (tasks/storedtext.h): the message's JSON round trip
// and its filling in; and, on both backends, notifications, job errors and progress
// written while English is installed read back in Spanish once the Spanish translation
// is installed, while rows without a message show their text as written.
#include "models/db/sqlstatement.h"
#include "tasks/import/importtasks.h"
#include "tasks/itemmodels/jobstablemodel.h"
#include "tasks/jobclock.h"
#include "tasks/jobstore.h"
#include "tasks/maintenance/maintenancetasks.h"
#include "tasks/notificationstore.h"
#include "tasks/storedtext.h"
#include "tasks/taskregistry.h"
#include "tests/support/testdatabase.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QScopeGuard>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kStart = 1'700'000'000'000; // 2023-11-14T22:13:20Z
constexpr qint64 kLease = 30'000;

// Installs the project's Spanish translation (built from translations/residesk_es.ts)
// and the Spanish locale until it goes out of scope.
class Spanish
{
public:
    Spanish()
    {
        m_loaded = m_translator.load(QStringLiteral(RESIDESK_ES_QM));
        if (m_loaded)
            QCoreApplication::installTranslator(&m_translator);
        QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Spain));
    }
    ~Spanish()
    {
        QCoreApplication::removeTranslator(&m_translator);
        QLocale::setDefault(m_previous);
    }
    bool loaded() const { return m_loaded; }

private:
    QTranslator m_translator;
    QLocale m_previous;
    bool m_loaded = false;
};
} // namespace

class TestStoredText : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    const Actor m_alice = TestDatabase::actorFor(TestDatabase::Person::Admin, u"alice"_s, Actor::Role::Admin);

    Database &db() { return m_t->db(); }

    qint64 runningJob(JobStore &store, const QString &kind, bool notify)
    {
        JobRequest r;
        r.kind = kind;
        r.notifyCreator = notify;
        const Result<EnqueueResult> e = store.enqueue(r, m_alice);
        if (!e)
            return 0;
        const Result<QList<Job>> claimed = store.claim(u"w"_s, {{kind, 1}}, 1, kLease);
        if (!claimed || claimed->size() != 1)
            return 0;
        return e->id;
    }

    static TaskRegistry importTitles()
    {
        TaskRegistry titles;
        titles.add({u"residents.import"_s,
                    StoredText("ImportTasks", QT_TRANSLATE_NOOP("ImportTasks", "Import residents")),
                    0,
                    3,
                    {}});
        return titles;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
    void cleanupTestCase() { m_t.reset(); }

    void init()
    {
        QVERIFY(m_t);
        for (const char *table : {"notifications", "jobs"})
            QVERIFY(SqlStatement::run(db(), u"DELETE FROM "_s + QLatin1String(table)));
    }

    // --- the value -------------------------------------------------------------------

    void jsonRoundTrip_data()
    {
        QTest::addColumn<StoredText>("text");
        QTest::addColumn<QString>("english");
        QTest::newRow("plain message")
            << StoredText("JobStore", "A job needs a kind.") << u"A job needs a kind."_s;
        QTest::newRow("text and digits")
            << StoredText("JobStore", "Job %1 has already ended (%2); there is nothing to cancel.")
                   .arg(qint64(12345))
                   .arg(u"Failed"_s)
            << u"Job 12345 has already ended (Failed); there is nothing to cancel."_s;
        QTest::newRow("grouped numbers") << StoredText("BackupTasks", "%1: %2 rows, %3 bytes")
                                                .arg(u"/b.rdb"_s)
                                                .argNumber(4800)
                                                .argNumber(1234567)
                                         << u"/b.rdb: 4,800 rows, 1,234,567 bytes"_s;
        QTest::newRow("%L marker")
            << StoredText("BulkTasks", "%L1 changed, %L2 skipped, %L3 failed").arg(4800).arg(0).arg(12)
            << u"4,800 changed, 0 skipped, 12 failed"_s;
        QTest::newRow("nested title")
            << StoredText("JobStore", "%1 finished").arg(StoredText("ImportTasks", "Import residents"))
            << u"Import residents finished"_s;
        QTest::newRow("nested twice")
            << StoredText("ImportTasks", "Trial run, nothing was written: %1")
                   .arg(StoredText("ImportTasks", "%1, %2")
                            .arg(StoredText("ImportTasks", "%Ln resident(s) would be imported", 120))
                            .arg(StoredText("ImportTasks", "%Ln rejected", 2)))
            << u"Trial run, nothing was written: 120 resident(s) would be imported, 2 rejected"_s;
        QTest::newRow("plural") << StoredText("MailTasks", "%n sent", 3) << u"3 sent"_s;
        QTest::newRow("verbatim") << StoredText(u"connection refused (port 5432)"_s)
                                  << u"connection refused (port 5432)"_s;
        QTest::newRow("an argument with a marker in it")
            << StoredText("SyncTasks", "Registrar sync from %1 failed: %2").arg(u"100%1 sure"_s).arg(u"%2"_s)
            << u"Registrar sync from 100%1 sure failed: %2"_s;
    }

    void jsonRoundTrip()
    {
        QFETCH(StoredText, text);
        QFETCH(QString, english);
        QCOMPARE(text.toString(), english);
        const QString json = text.toJson();
        QVERIFY(!json.contains(u'\n'));
        const std::optional<StoredText> back = StoredText::fromJson(json);
        QVERIFY2(back, qPrintable(json));
        QVERIFY2(*back == text, qPrintable(json));
        QCOMPARE(back->toString(), english);
        QCOMPARE(back->toJson(), json);
    }

    void malformedJsonIsNoMessage_data()
    {
        QTest::addColumn<QString>("json");
        QTest::newRow("empty") << QString();
        QTest::newRow("not JSON") << u"Import residents finished"_s;
        QTest::newRow("an array") << u"[1,2]"_s;
        QTest::newRow("no context") << u"{\"s\":\"x\"}"_s;
        QTest::newRow("an argument of an unknown shape") << u"{\"c\":\"a\",\"s\":\"%1\",\"a\":[true]}"_s;
        QTest::newRow("a plural count that is no number") << u"{\"c\":\"a\",\"s\":\"%n\",\"n\":\"3\"}"_s;
    }

    void malformedJsonIsNoMessage()
    {
        QFETCH(QString, json);
        QVERIFY(!StoredText::fromJson(json));
        QCOMPARE(StoredText::display(json, u"as written"_s), u"as written"_s);
    }

    void translatedInTheCurrentLanguage()
    {
        const StoredText title =
            StoredText("JobStore", "%1 finished").arg(StoredText("ImportTasks", "Import residents"));
        const StoredText sent = StoredText("MailTasks", "%n sent", 3);
        const StoredText grouped = StoredText("BackupTasks", "%1: %2 rows, %3 bytes")
                                       .arg(u"/b.rdb"_s)
                                       .argNumber(1234567)
                                       .argNumber(1234567);
        QCOMPARE(title.toString(), u"Import residents finished"_s);
        const QString groupedJson = grouped.toJson();
        {
            Spanish spanish;
            QVERIFY2(spanish.loaded(), "residesk_es.qm was not built (target residesk_lrelease)");
            QCOMPARE(title.toString(), u"Tarea «Importar residentes» terminada"_s);
            QCOMPARE(sent.toString(), u"3 enviados"_s);
            // Grouped in the reader's locale, whatever the writer's was.
            const QString spanishNumber = QLocale(QLocale::Spanish, QLocale::Spain).toString(1234567);
            QVERIFY(spanishNumber != QLocale(QLocale::English, QLocale::UnitedStates).toString(1234567));
            QCOMPARE(StoredText::display(groupedJson, {}),
                     u"/b.rdb: %1 filas, %1 bytes"_s.arg(spanishNumber));
        }
        QCOMPARE(title.toString(), u"Import residents finished"_s);
    }

    // --- stored and read back --------------------------------------------------------

    void notificationOfAFinishedJobReadsInTheViewersLanguage()
    {
        const TaskRegistry titles = importTitles();
        ManualClock clock(kStart);
        JobStore store(db(), clock, &titles);
        const qint64 done = runningJob(store, u"residents.import"_s, true);
        QVERIFY(done > 0);
        const StoredText summary = StoredText("MailTasks", "%1 sent, %2 failed, %3 to retry, %4 uncertain")
                                       .arg(4800)
                                       .arg(1)
                                       .arg(0)
                                       .arg(0);
        QJsonObject result{{u"summary"_s, summary.toString()}, {u"summary_msg"_s, summary.toJsonObject()}};
        QVERIFY(store.finish(done, u"w"_s, JobOutcome::success(result)));
        const qint64 failed = runningJob(store, u"residents.import"_s, true);
        QVERIFY(failed > 0);
        const StoredText error =
            StoredText("JobRunner", "The job stopped with an internal error: %1").arg(u"boom"_s);
        QVERIFY(store.finish(failed, u"w"_s, JobOutcome::failure(error, false)));

        const QList<Notification> english = NotificationStore(db()).list(m_alice.username).value();
        QCOMPARE(english.size(), 2);
        // The columns keep the writer's words (psql, the command line, older clients).
        QCOMPARE(english.at(0).title, u"Import residents failed"_s);
        QCOMPARE(english.at(0).body, u"The job stopped with an internal error: boom"_s);
        QCOMPARE(english.at(1).title, u"Import residents finished"_s);
        QCOMPARE(english.at(1).body, u"4800 sent, 1 failed, 0 to retry, 0 uncertain"_s);

        Spanish spanish;
        QVERIFY2(spanish.loaded(), "residesk_es.qm was not built (target residesk_lrelease)");
        const QList<Notification> read = NotificationStore(db()).list(m_alice.username).value();
        QCOMPARE(read.at(0).titleText(), u"Tarea «Importar residentes» fallida"_s);
        QCOMPARE(read.at(0).bodyText(), u"La tarea se detuvo por un error interno: boom"_s);
        QCOMPARE(read.at(1).titleText(), u"Tarea «Importar residentes» terminada"_s);
        QCOMPARE(read.at(1).bodyText(), u"4800 enviados, 1 fallidos, 0 por reintentar, 0 inciertos"_s);
        // The stored words did not change.
        QCOMPARE(read.at(0).title, u"Import residents failed"_s);
    }

    void jobErrorAndProgressReadInTheViewersLanguage()
    {
        ManualClock clock(kStart);
        JobStore store(db(), clock);
        const StoredText rows("ImportTasks", "rows");
        const StoredText error =
            StoredText("JobRunner", "The job stopped with an internal error: %1").arg(u"x"_s);

        // One at a time (a context without an engine) …
        const qint64 single = runningJob(store, u"residents.import"_s, false);
        QVERIFY(single > 0);
        QVERIFY(store.setProgress(single, u"w"_s, 4800, 4800, rows.toString(), rows));
        const Result<Job> requeued = store.requeue(single, u"w"_s, error.toString(), kStart, error);
        QVERIFY2(requeued, qPrintable(requeued.error().text()));
        QVERIFY(requeued->errorMsg == error);
        // … and in the engine's batches (another kind: the requeued job is due again).
        const qint64 batched = runningJob(store, u"test.batched"_s, false);
        QVERIFY(batched > 0);
        QVERIFY(store.setProgressMany(u"w"_s, {JobProgress{batched, 1, 2, u"half"_s, {}}}));
        JobCompletion completion{
            batched, JobOutcome::failure(error, false), false, true, 2, 2, rows.toString(), rows};
        const Result<QList<Job>> finished = store.finishMany(u"w"_s, {completion});
        QVERIFY2(finished && finished->size() == 1, "the batch was not recorded");

        const Job one = store.get(single).value();
        const Job two = store.get(batched).value();
        QCOMPARE(one.progressMessage, u"rows"_s);
        QCOMPARE(one.error, u"The job stopped with an internal error: x"_s);
        QCOMPARE(two.state, JobState::Failed);
        QCOMPARE(two.error, u"The job stopped with an internal error: x"_s);

        Spanish spanish;
        QVERIFY2(spanish.loaded(), "residesk_es.qm was not built (target residesk_lrelease)");
        for (const Job &job : {store.get(single).value(), store.get(batched).value()}) {
            QCOMPARE(job.progressText(), u"filas"_s);
            QCOMPARE(job.errorText(), u"La tarea se detuvo por un error interno: x"_s);
        }
        // Words without a message replace the message: the view shows the words.
        const qint64 plain = runningJob(store, u"test.plain"_s, false);
        QVERIFY(store.setProgress(plain, u"w"_s, 1, 2, rows.toString(), rows));
        QVERIFY(store.setProgress(plain, u"w"_s, 2, 2, u"compacting"_s));
        QCOMPARE(store.get(plain)->progressText(), u"compacting"_s);
        // A retry clears the error and its message.
        QVERIFY(store.retry(batched, m_alice));
        QVERIFY(store.get(batched)->errorMsg.isEmpty());
        QVERIFY(store.get(batched)->errorText().isEmpty());
    }

    void importSaysWhatHappenedInASentence_data()
    {
        QTest::addColumn<qint64>("created");
        QTest::addColumn<qint64>("updated");
        QTest::addColumn<qint64>("unchanged");
        QTest::addColumn<qint64>("rejected");
        QTest::addColumn<bool>("dryRun");
        QTest::addColumn<QString>("sentence");
        // Without a translator the plural forms stay as the source writes them; the
        // English file (residesk_en.ts) gives "1 resident" / "120 residents".
        QTest::newRow("all three") << qint64(100) << qint64(20) << qint64(3) << qint64(2) << false
                                   << u"120 resident(s) imported, 3 skipped, 2 rejected"_s;
        QTest::newRow("nothing skipped") << qint64(4800) << qint64(0) << qint64(0) << qint64(2) << false
                                         << u"4,800 resident(s) imported, 2 rejected"_s;
        QTest::newRow("only imported")
            << qint64(1) << qint64(0) << qint64(0) << qint64(0) << false << u"1 resident(s) imported"_s;
        QTest::newRow("trial run")
            << qint64(5) << qint64(0) << qint64(1) << qint64(0) << true
            << u"Trial run, nothing was written: 5 resident(s) would be imported, 1 skipped"_s;
    }

    void importSaysWhatHappenedInASentence()
    {
        QFETCH(qint64, created);
        QFETCH(qint64, updated);
        QFETCH(qint64, unchanged);
        QFETCH(qint64, rejected);
        QFETCH(bool, dryRun);
        QFETCH(QString, sentence);
        ResidentImporter::Counts counts;
        counts.created = created;
        counts.updated = updated;
        counts.unchanged = unchanged;
        counts.rejected = rejected;
        const StoredText said = ImportTasks::importSummary(counts, dryRun);
        QCOMPARE(said.toString(), sentence);
        QCOMPARE(StoredText::display(said.toJson(), {}), sentence);
    }

    void jobsPanelShowsCountsAndStepInTheViewersLanguage()
    {
        Job job;
        job.state = JobState::Running;
        job.progressDone = 1234567;
        job.progressTotal = 2345678;
        job.progressMsg = StoredText("ImportTasks", "rows");
        job.progressMessage = job.progressMsg.toString();
        const QLocale english(QLocale::English, QLocale::UnitedStates);
        QCOMPARE(JobsTableModel::progressText(job, english), u"1,234,567 of 2,345,678 — rows"_s);
        Spanish spanish;
        QVERIFY2(spanish.loaded(), "residesk_es.qm was not built (target residesk_lrelease)");
        const QLocale es(QLocale::Spanish, QLocale::Spain);
        QCOMPARE(JobsTableModel::progressText(job, es),
                 u"%1 de %2 — filas"_s.arg(es.toString(1234567), es.toString(2345678)));
        // Words stored without a message are shown as written.
        job.progressMsg = {};
        job.progressMessage = u"compacting"_s;
        QCOMPARE(JobsTableModel::progressText(job, es),
                 u"%1 de %2 — compacting"_s.arg(es.toString(1234567), es.toString(2345678)));

        // Recurring jobs were queued by the schedule, said in the viewer's language; a
        // person's login stays as it is.
        QCOMPARE(JobsTableModel::creatorText(u"scheduler"_s), u"la programación"_s);
        QCOMPARE(JobsTableModel::creatorText(u"ana"_s), u"ana"_s);
    }

    void rowsWithoutAMessageShowTheirText()
    {
        // As written before messages were kept (or by psql).
        QVERIFY(SqlStatement::run(db(),
                                  u"INSERT INTO notifications (username, kind, title, body, created_at) "
                                  "VALUES (?, 'attention', 'Import residents finished', 'created: 2', ?)"_s,
                                  {m_alice.username, kStart}));
        QVERIFY(SqlStatement::run(
            db(),
            u"INSERT INTO notifications (username, kind, title, body, created_at, title_msg) "
            "VALUES (?, 'attention', 'Damaged', '', ?, 'not json')"_s,
            {m_alice.username, kStart + 1}));
        Spanish spanish;
        QVERIFY2(spanish.loaded(), "residesk_es.qm was not built (target residesk_lrelease)");
        const QList<Notification> read = NotificationStore(db()).list(m_alice.username).value();
        QCOMPARE(read.size(), 2);
        QCOMPARE(read.at(0).titleText(), u"Damaged"_s);
        QCOMPARE(read.at(1).titleText(), u"Import residents finished"_s);
        QCOMPARE(read.at(1).bodyText(), u"created: 2"_s);
    }

    void staffNotificationsCarryTheirMessages()
    {
        // On PostgreSQL through residesk_notify_housing_staff (0022), to every housing
        // clerk and administrator; on SQLite to the one person.
        ManualClock clock(kStart);
        const StoredText title =
            StoredText("JobStore", "%1 failed").arg(StoredText("ImportTasks", "Import residents"));
        const StoredText body("ImportTasks", "Reading the file…");
        const Result<int> told =
            MaintenanceTasks::notifyStaff(db(), clock, m_alice, true, title, body, u"maintenance:1"_s);
        QVERIFY2(told, qPrintable(told.error().text()));
        QVERIFY(told.value() >= 1);
        // On PostgreSQL a person reads only their own notifications.
        const bool pg = m_t->isPostgreSQL();
        const QString login = pg ? TestDatabase::login(TestDatabase::Person::Housing) : m_alice.username;
        NotificationStore reader(pg ? m_t->dbAs(TestDatabase::Person::Housing) : db());
        const QList<Notification> english = reader.list(login).value();
        QCOMPARE(english.size(), 1);
        QCOMPARE(english.at(0).title, u"Import residents failed"_s);
        QCOMPARE(english.at(0).body, u"Reading the file…"_s);
        Spanish spanish;
        QVERIFY2(spanish.loaded(), "residesk_es.qm was not built (target residesk_lrelease)");
        const QList<Notification> read = reader.list(login).value();
        QCOMPARE(read.at(0).titleText(), u"Tarea «Importar residentes» fallida"_s);
        QCOMPARE(read.at(0).bodyText(), u"Leyendo el archivo…"_s);
    }
};

QTEST_GUILESS_MAIN(TestStoredText)
#include "tst_storedtext.moc"
