// The residents.sync job against a real HTTP(S) server on loopback
// (tests/support/registrarserver.py) and a real database: the import's rules and
// report, 304 and same-bytes answers that write nothing, refusals (unreachable, TLS,
// 4xx/5xx, not CSV) that change nothing, flags for residents the export leaves out,
// authentication (basic and bearer, the secret from the environment or the keychain:
// right, wrong and missing; never shown, stored or logged, never sent to another
// server), and the settings' schedule. Runs in a D-Bus session with a keyring of its own
// (tests/support/keyringsession.sh; fails, never skips, without one).
#include "models/core/keychain.h"
#include "models/core/phonenumber.h"
#include "models/db/sqlstatement.h"
#include "models/housing/registrarflagrepository.h"
#include "tasks/import/importtasks.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "tasks/sync/registrarfetch.h"
#include "tasks/sync/registrarsyncstore.h"
#include "tasks/sync/synctasks.h"
#include "tasks/taskcatalog.h"
#include "tasks/taskregistry.h"
#include "tests/models/backup/backuptestutil.h"
#include "tests/support/registrarserver.h"
#include "tests/support/testdatabase.h"

#include <QCoroTask>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
TaskRegistry makeRegistry()
{
    TaskRegistry registry;
    TaskCatalog::registerAll(registry);
    return registry;
}

const QByteArray kHeader = "student_id,first_name,last_name,email,phone,status\n";

QByteArray validRow(int n)
{
    const QByteArray s = QByteArray::number(n);
    return "S" + s + ",First" + s + ",Last" + s + ",s" + s + "@example.edu,+1 202 555 " +
           QByteArray::number(n % 10000).rightJustified(4, '0') + ",active\n";
}

// Every case of the import's rejectedRowsNameLineAndReason (tst_residentimporter).
QByteArray importCases()
{
    return kHeader + validRow(1)                                  // line 2
           + "S2,,Last2,s2@example.edu,,active\n"                 // 3: no first name
           + "S3,First3,Last3,not-an-email,,active\n"             // 4
           + "S4,First4,Last4,s4@example.edu,,retired\n"          // 5: status
           + "S5,First5,Last5\n"                                  // 6: too few
           + "S6,First6,Last6,s6@example.edu,,active,extra\n"     // 7: too many
           + "\"S7\",\"First\n7\",Last7,s7@example.edu,,active\n" // 8-9: fine
           + "S1,Again,Last1,again@example.edu,,active\n"         // 10: duplicate
           + "S8,Jos\xE9,Last8,s8@example.edu,,active\n"          // 11: Latin-1
           + "\n"                                                 // 12: blank
           + "S9,First9,Last9,s9@example.edu,123abc,active\n"     // 13: phone
           + validRow(10);                                        // 14
}

QByteArray rows(std::initializer_list<int> numbers)
{
    QByteArray file = kHeader;
    for (int n : numbers)
        file += validRow(n);
    return file;
}

// The secrets of the authentication tests. They all end in the marker that ctest's
// FAIL_REGULAR_EXPRESSION for this test looks for (tests/tasks/sync/CMakeLists.txt): any
// output of the test that shows one fails it. So the checks below never print them.
const QString kMarker = u"-sync-secret-9d27"_s;
const QString kPassword = u"pa\\ss:w\u00f6rd"_s + kMarker; // a backslash, a colon, a non-ASCII letter
const QString kToken = u"tok.en"_s + kMarker;
const QString kWrong = u"wrong"_s + kMarker;

// Every message logged by this process (any thread), to look for secrets in.
QMutex g_logLock;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;
void keepMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const QMutexLocker lock(&g_logLock);
        g_log.append(message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}
} // namespace

class TestSyncTask : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    TaskRegistry m_registry = makeRegistry();
    QTemporaryDir m_dir;
    Actor m_actor{u"housing"_s, Actor::Role::Admin};

    Job job(qint64 id)
    {
        const Result<Job> j = JobStore(m_t->db()).get(id);
        return j ? j.value() : Job{};
    }

    qint64 scalar(const QString &sql)
    {
        SqlStatement st(m_t->db(), sql);
        return st.exec() && st.next() ? st.value(0).toLongLong() : -1;
    }

    static JobEngineOptions options()
    {
        JobEngineOptions o;
        o.concurrency = 1;
        o.pollIntervalMs = 100;
        o.runRecurring = false;
        o.backoffBaseMs = 60000;
        o.shutdownGraceMs = 5000;
        return o;
    }

    Job runToEnd(const JobRequest &request)
    {
        const Result<EnqueueResult> queued = JobStore(m_t->db()).enqueue(request, m_actor);
        if (!queued)
            return {};
        JobEngine engine(m_t->db(), m_registry, options());
        engine.start();
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(job(queued->id).isFinished(), 120000);
        }();
        return job(queued->id);
    }

    Job sync(const QString &url) { return runToEnd(SyncTasks::residentsRequest(url)); }

    // Everything a sync may write, read back: a refused or unchanged sync leaves it as it was.
    QString snapshot()
    {
        QStringList parts;
        for (const char *sql :
             {"SELECT COUNT(*) FROM residents", "SELECT COALESCE(SUM(version), 0) FROM residents",
              "SELECT COUNT(*) FROM audit_entries", "SELECT COUNT(*) FROM registrar_flags",
              "SELECT COUNT(*) FROM registrar_flags WHERE reviewed_at IS NOT NULL",
              "SELECT COUNT(*) FROM import_rejections", "SELECT COUNT(*) FROM registrar_sync_state",
              "SELECT COALESCE(MAX(applied_at), 0) FROM registrar_sync_state"})
            parts << QString::number(scalar(QString::fromLatin1(sql)));
        SqlStatement st(m_t->db(), u"SELECT url, etag, sha256 FROM registrar_sync_state ORDER BY url"_s);
        if (st.exec())
            while (st.next())
                parts << st.value(0).toString() << st.value(1).toString() << st.value(2).toString();
        return parts.join(u' ');
    }

    Resident resident(const QString &studentId)
    {
        SqlStatement st(m_t->db(), u"SELECT id, first_name, version FROM residents WHERE student_id = ?"_s);
        st.bind(studentId);
        Resident r;
        if (st.exec() && st.next()) {
            r.id = st.value(0).toLongLong();
            r.firstName = st.value(1).toString();
            r.version = st.value(2).toInt();
        }
        return r;
    }

    static QJsonObject withoutSource(QJsonObject result)
    {
        for (const char *key :
             {"url", "path", "http_status", "bytes", "not_modified", "flagged", "unflagged", "flagged_open"})
            result.remove(QLatin1String(key));
        return result;
    }

private Q_SLOTS:
    // Where a secret must never be: a job's error, result, progress or payload, any row of
    // any table (read past row-level security), any file of the test's home and settings,
    // the process's log. Says where one was found, without showing it.
    QString secretFoundIn(const QStringList &secrets)
    {
        QStringList places;
        std::unique_ptr<Database> all = m_t->openAsInstaller();
        QString error;
        const QMap<QString, QList<QStringList>> tables = BackupTestUtil::dump(*all, false, &error);
        if (!error.isEmpty())
            return u"(the tables cannot be read: "_s + error + u')';
        for (auto t = tables.cbegin(); t != tables.cend(); ++t) {
            for (const QStringList &row : t.value()) {
                for (const QString &secret : secrets) {
                    // Bytes columns come as hex: look for the secret's hex too.
                    const QString hex = QString::fromLatin1(secret.toUtf8().toHex());
                    for (const QString &value : row) {
                        if (value.contains(secret) || value.contains(hex, Qt::CaseInsensitive))
                            places.append(u"table "_s + t.key());
                    }
                }
            }
        }
        for (const QByteArray &variable : {QByteArrayLiteral("HOME"), QByteArrayLiteral("XDG_CONFIG_HOME")}) {
            const QString root = qEnvironmentVariable(variable.constData());
            if (root.isEmpty())
                continue;
            QDirIterator files(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (files.hasNext()) {
                const QString path = files.next();
                // The keyring's own files hold it (encrypted); that is where it belongs.
                if (path.contains(u"/keyrings/"_s))
                    continue;
                QFile file(path);
                if (!file.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray bytes = file.read(16 << 20);
                for (const QString &secret : secrets) {
                    if (bytes.contains(secret.toUtf8()))
                        places.append(u"file "_s + path);
                }
            }
        }
        {
            const QMutexLocker lock(&g_logLock);
            for (const QString &line : std::as_const(g_log)) {
                for (const QString &secret : secrets) {
                    if (line.contains(secret))
                        places.append(u"the log"_s);
                }
            }
        }
        places.removeDuplicates();
        return places.join(u", "_s);
    }

    static QString jobText(const Job &j)
    {
        return j.error + u' ' + QString::fromUtf8(QJsonDocument(j.result).toJson()) + u' ' +
               j.progressMessage + u' ' + QString::fromUtf8(QJsonDocument(j.payload).toJson());
    }

    static bool storeSecret(const QString &key, const QString &secret)
    {
        return QCoro::waitFor(Keychain::store(key, secret)).isEmpty();
    }

    // Settings for the server's file `name` with this authentication, saved.
    RegistrarSyncSettings authSettings(const RegistrarServer &server, const QString &name,
                                       RegistrarSyncSettings::Auth auth)
    {
        RegistrarSyncSettings settings;
        settings.url = server.url(name);
        settings.auth = auth;
        if (auth == RegistrarSyncSettings::Auth::Basic)
            settings.username = u"registrar"_s;
        const Result<RegistrarSyncSettings> saved = RegistrarSyncStore(m_t->db()).save(settings);
        return saved ? saved.value() : settings;
    }

    // A refused sync: failed, naming the URL and `cause`, nothing written, no secret shown.
    void expectRefused(const Job &j, const QString &url, const QString &cause, const QString &before)
    {
        QCOMPARE(j.state, JobState::Failed);
        QVERIFY2(j.error.contains(url), qPrintable(j.error));
        QVERIFY2(j.error.contains(cause), qPrintable(j.error));
        QCOMPARE(snapshot(), before);
        for (const QString &secret : {kPassword, kToken, kWrong})
            QVERIFY(!jobText(j).contains(secret));
    }

    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "no D-Bus session: run this test through tests/support/keyringsession.sh (ctest does)");
        g_previousHandler = qInstallMessageHandler(keepMessage);
        QVERIFY(m_dir.isValid());
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
    }
    void cleanupTestCase()
    {
        qInstallMessageHandler(g_previousHandler);
        m_t.reset();
    }
    void init()
    {
        qunsetenv("RESIDESK_SYNC_SECRET");
        for (const char *table : {"import_rejections", "notifications", "jobs", "registrar_flags",
                                  "registrar_sync_state", "residents"})
            QVERIFY(SqlStatement::run(m_t->db(), u"DELETE FROM "_s + QLatin1String(table)));
        // Nobody deletes the settings but the installer.
        std::unique_ptr<Database> installer = m_t->openAsInstaller();
        QVERIFY(SqlStatement::run(*installer, u"DELETE FROM registrar_sync_settings"_s));
        QVERIFY(SqlStatement::run(*installer, u"DELETE FROM recurring_jobs WHERE name = 'residents.sync'"_s));
    }

    void appliesTheFileWithTheImportRules()
    {
        RegistrarServer server;
        QString error;
        QVERIFY(server.put(u"residents.csv"_s, importCases()));
        QVERIFY2(server.start(&error), qPrintable(error));
        const Job synced = sync(server.url(u"residents.csv"_s));
        QVERIFY2(synced.state == JobState::Succeeded, qPrintable(synced.error));
        const QJsonObject r = synced.result;
        QCOMPARE(r.value(u"created"_s).toInteger(), 3);
        QCOMPARE(r.value(u"rejected_count"_s).toInteger(), 8);
        QCOMPARE(r.value(u"rows"_s).toInteger(), 11);
        QCOMPARE(r.value(u"not_modified"_s).toBool(), false);
        QCOMPARE(r.value(u"url"_s).toString(), server.url(u"residents.csv"_s));
        const QList<QPair<qint64, QString>> expected{
            {3, u"line 3: The first name is required."_s},
            {4, u"line 4: The e-mail address \"not-an-email\" is not valid."_s},
            {5, u"line 5: The status \"retired\" is not one of active, inactive, graduated."_s},
            {6, u"line 6: 3 fields, but the header has 6 columns"_s},
            {7,
             u"line 7: 7 fields, but the header has 6 columns (a value with a \",\" in it must be quoted)"_s},
            {10, u"line 10: the student ID \"S1\" already appears on line 2"_s},
            {11, u"line 11: not valid UTF-8 (byte 0xE9 at column 7); save the file as UTF-8"_s},
            {13, u"line 13: "_s + PhoneNumber::normalize(u"123abc"_s).error},
        };
        const QJsonArray rejected = r.value(u"rejected"_s).toArray();
        QCOMPARE(rejected.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(rejected.at(i).toObject().value(u"line"_s).toInteger(), expected.at(i).first);
            QCOMPARE(rejected.at(i).toObject().value(u"reason"_s).toString(), expected.at(i).second);
        }
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM import_rejections WHERE job_id = %1"_s.arg(synced.id)), 8);
        QCOMPARE(resident(u"S7"_s).firstName, u"First\n7"_s);

        // The import of the same bytes from a file reports exactly the same.
        QVERIFY(SqlStatement::run(m_t->db(), u"DELETE FROM residents"_s));
        const QString path = m_dir.filePath(u"same.csv"_s);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QVERIFY(file.write(importCases()) > 0);
        }
        const Job imported = runToEnd(ImportTasks::residentsRequest(path, false));
        QCOMPARE(imported.state, JobState::Succeeded);
        QCOMPARE(withoutSource(synced.result), withoutSource(imported.result));
    }

    void unchangedExportWritesNothing_data()
    {
        QTest::addColumn<bool>("validators");
        QTest::newRow("304 Not Modified") << true;
        QTest::newRow("no validators, same bytes") << false;
    }

    void unchangedExportWritesNothing()
    {
        QFETCH(bool, validators);
        RegistrarServer server;
        server.setValidators(validators);
        QString error;
        QVERIFY(server.put(u"r.csv"_s, importCases()));
        QVERIFY2(server.start(&error), qPrintable(error));
        const Job first = sync(server.url(u"r.csv"_s));
        QVERIFY2(first.state == JobState::Succeeded, qPrintable(first.error));
        QTRY_COMPARE(server.requests().size(), 1);
        const QString before = snapshot();

        const Job second = sync(server.url(u"r.csv"_s));
        QVERIFY2(second.state == JobState::Succeeded, qPrintable(second.error));
        QCOMPARE(second.result.value(u"not_modified"_s).toBool(), true);
        QCOMPARE(second.result.value(u"created"_s).toInteger(), 0);
        QCOMPARE(second.result.value(u"updated"_s).toInteger(), 0);
        QCOMPARE(snapshot(), before);
        QTRY_COMPARE(server.requests().size(), 2);
        const QJsonObject request = server.requests().last();
        if (validators) {
            // One short request: the validators went back and the answer had no body.
            QCOMPARE(request.value(u"status"_s).toInt(), 304);
            QVERIFY(request.value(u"if_none_match"_s).toString().startsWith(u'"'));
            QVERIFY(!request.value(u"if_modified_since"_s).toString().isEmpty());
            QCOMPARE(second.result.value(u"http_status"_s).toInt(), 304);
        } else {
            QCOMPARE(request.value(u"status"_s).toInt(), 200);
            QCOMPARE(request.value(u"if_none_match"_s).toString(), QString());
        }

        // A changed export is applied again.
        QVERIFY(server.put(u"r.csv"_s, importCases().replace("First10", "Tenth")));
        const Job third = sync(server.url(u"r.csv"_s));
        QVERIFY2(third.state == JobState::Succeeded, qPrintable(third.error));
        QCOMPARE(third.result.value(u"not_modified"_s).toBool(), false);
        QCOMPARE(third.result.value(u"updated"_s).toInteger(), 1);
        QCOMPARE(resident(u"S10"_s).firstName, u"Tenth"_s);
    }

    void refusedAnswersChangeNothing_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QString>("cause");
        QTest::newRow("500") << u"status/500"_s << false << u"the server answered HTTP 500"_s;
        QTest::newRow("404") << u"missing.csv"_s << false << u"the server answered HTTP 404"_s;
        QTest::newRow("HTML page") << u"login.html"_s << false << u"the answer is not CSV"_s;
        QTest::newRow("binary body")
            << u"binary.csv"_s << false
            << u"the answer is not a CSV file of residents: the file is not a CSV text "
               "file: it contains a NUL byte"_s;
        QTest::newRow("no required columns") << u"columns.csv"_s << false
                                             << u"the answer is not a CSV file of residents: the file has no "
                                                "column last_name, email"_s;
        QTest::newRow("unterminated quote")
            << u"quote.csv"_s << false << u"a quoted field starts here but its closing quote is missing"_s;
        QTest::newRow("self-signed TLS certificate") << u"r.csv"_s << true << u"TLS error: "_s;
        QTest::newRow("unreachable") << u""_s << false << u"the server cannot be reached: "_s;
    }

    void refusedAnswersChangeNothing()
    {
        QFETCH(QString, path);
        QFETCH(bool, tls);
        QFETCH(QString, cause);
        // Residents the refused export would otherwise flag, and a state it would replace.
        RegistrarServer good;
        QString error;
        QVERIFY(good.put(u"r.csv"_s, rows({1, 2, 3})));
        QVERIFY2(good.start(&error), qPrintable(error));
        QCOMPARE(sync(good.url(u"r.csv"_s)).state, JobState::Succeeded);
        const QString before = snapshot();

        RegistrarServer server;
        server.setTls(tls);
        QVERIFY(server.put(u"r.csv"_s, rows({1})));
        QVERIFY(server.put(u"login.html"_s, "<html><body>Sign in</body></html>"));
        QVERIFY(server.put(u"binary.csv"_s, QByteArray("PK\x03\x04\x00\x00\x08\x00", 8)));
        QVERIFY(server.put(u"columns.csv"_s, "student_id,first_name,mail\nS1,Ana,a@example.edu\n"));
        QVERIFY(
            server.put(u"quote.csv"_s, kHeader + validRow(1) + "S2,\"First2,Last2,s2@example.edu,,active\n"));
        QString url;
        if (path.isEmpty()) {
            QTcpServer closed; // a port nobody listens on once it is closed
            QVERIFY(closed.listen(QHostAddress::LocalHost));
            url = u"http://127.0.0.1:%1/r.csv"_s.arg(closed.serverPort());
        } else {
            QVERIFY2(server.start(&error), qPrintable(error));
            url = server.url(path);
        }
        const Job refused = sync(url);
        QCOMPARE(refused.state, JobState::Failed);
        QCOMPARE(refused.attempts, 1); // not retried: the next scheduled sync is the retry
        QVERIFY2(refused.error.startsWith(u"Registrar sync from %1 failed: "_s.arg(url)),
                 qPrintable(refused.error));
        QVERIFY2(refused.error.contains(cause), qPrintable(refused.error));
        QVERIFY2(!refused.error.contains(u"/tmp/"_s), qPrintable(refused.error));
        QCOMPARE(snapshot(), before);
    }

    void residentsNotListedAreFlaggedNotChanged()
    {
        RegistrarServer server;
        QString error;
        QVERIFY(server.put(u"r.csv"_s, rows({1, 2, 3})));
        QVERIFY2(server.start(&error), qPrintable(error));
        QCOMPARE(sync(server.url(u"r.csv"_s)).state, JobState::Succeeded);
        const Resident third = resident(u"S3"_s);

        QVERIFY(server.put(u"r.csv"_s, rows({1, 2})));
        const Job left = sync(server.url(u"r.csv"_s));
        QVERIFY2(left.state == JobState::Succeeded, qPrintable(left.error));
        QCOMPARE(left.result.value(u"flagged"_s).toInteger(), 1);
        QCOMPARE(left.result.value(u"flagged_open"_s).toInteger(), 1);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM residents"_s), 3);
        QCOMPARE(resident(u"S3"_s).version, third.version); // never changed by the sync
        RegistrarFlagRepository flags(m_t->db(), m_actor);
        const Result<QList<RegistrarFlag>> open = flags.list();
        QVERIFY(open);
        QCOMPARE(open->size(), 1);
        QCOMPARE(open->first().resident.studentId, u"S3"_s);
        QCOMPARE(open->first().jobId, left.id);

        // Staff review it: off the open list, kept while the registrar still leaves it out.
        QCOMPARE(flags.markReviewed({open->first().id}, 1000).value(), 1);
        QCOMPARE(flags.countOpen().value(), 0);
        QVERIFY(server.put(u"r.csv"_s, rows({1, 2, 4})));
        const Job again = sync(server.url(u"r.csv"_s));
        QVERIFY2(again.state == JobState::Succeeded, qPrintable(again.error));
        QCOMPARE(again.result.value(u"flagged"_s).toInteger(), 0);
        QCOMPARE(flags.countOpen().value(), 0);
        QCOMPARE(flags.list(true)->size(), 1);

        // Listed again: the flag goes.
        QVERIFY(server.put(u"r.csv"_s, rows({1, 2, 3, 4})));
        const Job back = sync(server.url(u"r.csv"_s));
        QVERIFY2(back.state == JobState::Succeeded, qPrintable(back.error));
        QCOMPARE(back.result.value(u"unflagged"_s).toInteger(), 1);
        QCOMPARE(flags.list(true)->size(), 0);
    }

    void timeout()
    {
        RegistrarServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        RegistrarSyncSettings settings;
        settings.url = server.url(u"slow/5"_s);
        settings.timeoutSeconds = 1;
        QVERIFY(RegistrarSyncStore(m_t->db()).save(settings));
        const Job late = sync({});
        QCOMPARE(late.state, JobState::Failed);
        QVERIFY2(late.error.contains(u"no answer within 1 second"_s), qPrintable(late.error));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM registrar_sync_state"_s), 0);
    }

    void basicAuthentication()
    {
        RegistrarServer server;
        server.setRequiredAuthorization(RegistrarFetch::basicAuthorization(u"registrar"_s, u"s3cret"_s));
        QString error;
        QVERIFY(server.put(u"r.csv"_s, rows({1})));
        QVERIFY2(server.start(&error), qPrintable(error));
        RegistrarSyncSettings settings;
        settings.url = server.url(u"r.csv"_s);
        settings.auth = RegistrarSyncSettings::Auth::Basic;
        settings.username = u"registrar"_s;
        QVERIFY(RegistrarSyncStore(m_t->db()).save(settings));

        qputenv("RESIDESK_SYNC_SECRET", "wrong");
        const Job refused = sync({});
        QCOMPARE(refused.state, JobState::Failed);
        QVERIFY2(refused.error.contains(u"HTTP 401"_s), qPrintable(refused.error));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM residents"_s), 0);

        qputenv("RESIDESK_SYNC_SECRET", "s3cret");
        const Job done = sync({}); // the settings' URL
        QVERIFY2(done.state == JobState::Succeeded, qPrintable(done.error));
        QCOMPARE(done.result.value(u"created"_s).toInteger(), 1);
        QVERIFY(server.requests().last().value(u"authorization"_s).toBool());
    }

    void basicAuthenticationFromTheKeychain()
    {
        RegistrarServer server;
        server.setRequiredAuthorization(RegistrarFetch::basicAuthorization(u"registrar"_s, kPassword));
        QString error;
        QVERIFY(server.put(u"r.csv"_s, rows({1, 2})));
        QVERIFY2(server.start(&error), qPrintable(error));
        const RegistrarSyncSettings settings =
            authSettings(server, u"r.csv"_s, RegistrarSyncSettings::Auth::Basic);
        QCOMPARE(settings.keychainKey(), u"registrar:registrar@127.0.0.1"_s);
        const QString url = server.url(u"r.csv"_s);
        QVERIFY(QCoro::waitFor(Keychain::remove(settings.keychainKey())).isEmpty());
        const QString before = snapshot();

        // No secret stored: refused before any request, naming where it should be.
        Job j = sync({});
        expectRefused(j, url, u"no password or token is stored for registrar:registrar@127.0.0.1"_s, before);
        QCOMPARE(server.requests().size(), 0);

        // A wrong one: the server's 401, nothing written.
        QVERIFY(storeSecret(settings.keychainKey(), kWrong));
        j = sync({});
        expectRefused(j, url, u"HTTP 401"_s, before);
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(server.requests().last().value(u"status"_s).toInt(), 401);
        QVERIFY(server.requests().last().value(u"authorization"_s).toBool());

        // No authentication configured at all, against a server that wants it: the same.
        {
            RegistrarSyncSettings none = RegistrarSyncStore(m_t->db()).settings().value();
            none.auth = RegistrarSyncSettings::Auth::None;
            QVERIFY(RegistrarSyncStore(m_t->db()).save(none));
            const QString saved = snapshot(); // the settings' change is in the audit trail
            j = sync({});
            expectRefused(j, url, u"HTTP 401"_s, saved);
            QVERIFY(!server.requests().last().value(u"authorization"_s).toBool());
            RegistrarSyncSettings basic = RegistrarSyncStore(m_t->db()).settings().value();
            basic.auth = RegistrarSyncSettings::Auth::Basic;
            QVERIFY(RegistrarSyncStore(m_t->db()).save(basic));
        }

        // The right one: fetched and applied.
        QVERIFY(storeSecret(settings.keychainKey(), kPassword));
        j = sync({});
        QVERIFY2(j.state == JobState::Succeeded, qPrintable(j.error));
        QCOMPARE(j.result.value(u"created"_s).toInteger(), 2);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM residents"_s), 2);
        QCOMPARE(server.requests().last().value(u"status"_s).toInt(), 200);
        // Unchanged since: one short request, still authenticated.
        j = sync({});
        QVERIFY2(j.state == JobState::Succeeded, qPrintable(j.error));
        QCOMPARE(j.result.value(u"not_modified"_s).toBool(), true);
        QCOMPARE(server.requests().last().value(u"status"_s).toInt(), 304);

        const QString found = secretFoundIn({kPassword, kWrong});
        QVERIFY2(found.isEmpty(), qPrintable(u"a secret was found in: "_s + found));
        QVERIFY(QCoro::waitFor(Keychain::remove(settings.keychainKey())).isEmpty());
    }

    void bearerAuthenticationFromTheKeychain()
    {
        RegistrarServer server;
        server.setRequiredAuthorization(RegistrarFetch::bearerAuthorization(kToken));
        QString error;
        QVERIFY(server.put(u"r.csv"_s, rows({1, 2, 3})));
        QVERIFY2(server.start(&error), qPrintable(error));
        const RegistrarSyncSettings settings =
            authSettings(server, u"r.csv"_s, RegistrarSyncSettings::Auth::Bearer);
        QCOMPARE(settings.keychainKey(), u"registrar:127.0.0.1"_s);
        const QString url = server.url(u"r.csv"_s);
        QVERIFY(QCoro::waitFor(Keychain::remove(settings.keychainKey())).isEmpty());
        const QString before = snapshot();

        Job j = sync({});
        expectRefused(j, url, u"no password or token is stored for registrar:127.0.0.1"_s, before);
        QCOMPARE(server.requests().size(), 0);

        QVERIFY(storeSecret(settings.keychainKey(), kWrong));
        j = sync(url); // the URL given with the job, the settings' authentication
        expectRefused(j, url, u"HTTP 401"_s, before);
        QCOMPARE(server.requests().last().value(u"status"_s).toInt(), 401);

        // The environment's secret goes before the keychain's (a worker without one).
        qputenv("RESIDESK_SYNC_SECRET", kWrong.toUtf8());
        QVERIFY(storeSecret(settings.keychainKey(), kToken));
        j = sync({});
        expectRefused(j, url, u"HTTP 401"_s, before);
        qunsetenv("RESIDESK_SYNC_SECRET");

        j = sync({});
        QVERIFY2(j.state == JobState::Succeeded, qPrintable(j.error));
        QCOMPARE(j.result.value(u"created"_s).toInteger(), 3);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM residents"_s), 3);

        const QString found = secretFoundIn({kToken, kWrong});
        QVERIFY2(found.isEmpty(), qPrintable(u"a secret was found in: "_s + found));
        QVERIFY(QCoro::waitFor(Keychain::remove(settings.keychainKey())).isEmpty());
    }

    void credentialsStayWithTheirServer()
    {
        // The registrar's server redirects to another one (another origin: the same
        // address, another port), as to a file store's signed link: followed, but the
        // credentials do not go along.
        RegistrarServer other;
        QString error;
        QVERIFY(other.put(u"r.csv"_s, rows({1})));
        QVERIFY2(other.start(&error), qPrintable(error));
        RegistrarServer server;
        server.setRequiredAuthorization(RegistrarFetch::bearerAuthorization(kToken));
        QVERIFY2(server.start(&error), qPrintable(error));
        const QString url = server.url(u"redirect?to="_s +
                                       QString::fromLatin1(QUrl::toPercentEncoding(other.url(u"r.csv"_s))));
        RegistrarSyncSettings settings;
        settings.url = url;
        settings.auth = RegistrarSyncSettings::Auth::Bearer;
        QVERIFY(RegistrarSyncStore(m_t->db()).save(settings));
        QVERIFY(storeSecret(settings.keychainKey(), kToken));

        const Job j = sync({});
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(server.requests().last().value(u"status"_s).toInt(), 302);
        QVERIFY(server.requests().last().value(u"authorization"_s).toBool());
        QVERIFY(!other.requests().isEmpty());
        for (const QJsonObject &request : other.requests())
            QVERIFY2(!request.value(u"authorization"_s).toBool(), "the token was sent to another server");
        QVERIFY2(j.state == JobState::Succeeded, qPrintable(j.error));
        QCOMPARE(j.result.value(u"created"_s).toInteger(), 1);
        QVERIFY(QCoro::waitFor(Keychain::remove(settings.keychainKey())).isEmpty());
    }

    void settingsScheduleTheRecurringJob()
    {
        // Housing staff schedule it (on PostgreSQL through the function of 0016).
        Database &housing = m_t->dbAs(TestDatabase::Person::Housing);
        RegistrarSyncStore store(housing);
        RegistrarSyncSettings s = store.settings().value();
        QCOMPARE(s.version, 0);
        s.url = u"https://registrar.example.edu/residents.csv"_s;
        s.schedule = u"0 6 * * *"_s;
        const Result<RegistrarSyncSettings> saved = store.save(s);
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().text()));
        QCOMPARE(saved->version, 1);
        QCOMPARE(scalar(u"SELECT enabled FROM recurring_jobs WHERE name = 'residents.sync'"_s), 1);
        // A stale version is a conflict, not an overwrite.
        QCOMPARE(store.save(s).error().code, DbError::Code::Conflict);
        RegistrarSyncSettings off = saved.value();
        off.schedule.clear();
        QVERIFY(store.save(off));
        QCOMPARE(scalar(u"SELECT enabled FROM recurring_jobs WHERE name = 'residents.sync'"_s), 0);
        // Bad values are named.
        RegistrarSyncSettings bad = store.settings().value();
        bad.url = u"ftp://registrar.example.edu/r.csv"_s;
        bad.schedule = u"61 * * * *"_s;
        const Result<RegistrarSyncSettings> refused = store.save(bad);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, DbError::Code::Validation);
        QCOMPARE(refused.error().fields.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestSyncTask)
#include "tst_synctask.moc"
