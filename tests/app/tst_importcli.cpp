// `residesk import residents` and `residesk export residents|rooms`, end to end through
// the real binary, and a `residesk worker` killed (SIGKILL) in the middle of a
// residents.import job whose successor finishes it with exact counts.
#include "models/core/actor.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/io/csvreader.h"
#include "models/io/csvrecord.h"
#include "tasks/import/importrejectionstore.h"
#include "tasks/import/importtasks.h"
#include "tasks/jobstore.h"
#include "tests/app/clirunner.h"
#include "tests/support/testdatabase.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using CliRunner::Run;

namespace {
QByteArray residentsFile(int rows, int rejectEvery)
{
    QByteArray file = "student_id,first_name,last_name,email,phone,status\n";
    for (int i = 1; i <= rows; ++i) {
        const QByteArray n = QByteArray::number(i);
        file += "S" + n + ",F" + n + ",L" + n +
                (rejectEvery > 0 && i % rejectEvery == 0 ? ",broken" : ",s" + n + "@example.edu") +
                ",,active\n";
    }
    return file;
}
} // namespace

class TestImportCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    QTemporaryDir m_dir;

    QString write(const QByteArray &bytes, const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(bytes);
        return path;
    }

    Run residesk(const QString &url, QStringList args)
    {
        return CliRunner::run(QStringList{u"--database"_s, url} + args);
    }

    qint64 scalar(Database &db, const QString &sql, const QVariantList &values = {})
    {
        SqlStatement st(db, sql);
        for (const QVariant &v : values)
            st.bind(v);
        return st.exec() && st.next() ? st.value(0).toLongLong() : -1;
    }

    // `residents list --json` without the ids (they differ between databases).
    QJsonArray residentsWithoutIds(const QString &url)
    {
        const Run r = residesk(url, {u"residents"_s, u"list"_s, u"--json"_s});
        QJsonArray out;
        for (const QJsonValue &v : CliRunner::jsonArray(r.out)) {
            QJsonObject o = v.toObject();
            o.remove(u"id"_s);
            out.append(o);
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!CliRunner::binary().isEmpty(), "RESIDESK_BINARY is not set (run through ctest)");
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
    }
    void cleanup() { m_t.reset(); }

    void importReportsCountsAndEveryRejectedRow()
    {
        const QString path =
            write(residentsFile(1200, 100) + "S5,Dup,Dup,d@example.edu,,active\n", u"r.csv"_s);
        const QString rejectedPath = m_dir.filePath(u"rejected.csv"_s);
        const Run r = residesk(
            m_t->url(), {u"import"_s, u"residents"_s, path, u"--json"_s, u"--rejected-out"_s, rejectedPath});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = CliRunner::jsonObject(r.out);
        QCOMPARE(o.value(u"created"_s).toInteger(), 1188);
        QCOMPARE(o.value(u"updated"_s).toInteger(), 0);
        QCOMPARE(o.value(u"unchanged"_s).toInteger(), 0);
        const QJsonArray rejected = o.value(u"rejected"_s).toArray();
        QCOMPARE(rejected.size(), 13);
        QCOMPARE(rejected.at(0).toObject().value(u"line"_s).toInteger(), 101);
        QCOMPARE(rejected.at(12).toObject().value(u"line"_s).toInteger(), 1202);
        QCOMPARE(rejected.at(12).toObject().value(u"reason"_s).toString(),
                 u"line 1202: the student ID \"S5\" already appears on line 6"_s);
        QCOMPARE(scalar(m_t->db(), u"SELECT COUNT(*) FROM residents"_s), 1188);

        // The rejected rows as CSV: line, reason, then the original fields.
        QFile saved(rejectedPath);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        CsvReader reader(&saved);
        CsvRecord record;
        QVERIFY(reader.readNext(record));
        QCOMPARE(record.fields(), (QStringList{u"line"_s, u"reason"_s, u"student_id"_s, u"first_name"_s,
                                               u"last_name"_s, u"email"_s, u"phone"_s, u"status"_s}));
        QVERIFY(reader.readNext(record));
        QCOMPARE(record.fields(),
                 (QStringList{u"101"_s, u"line 101: The e-mail address \"broken\" is not valid."_s, u"S100"_s,
                              u"F100"_s, u"L100"_s, u"broken"_s, QString(), u"active"_s}));
        int rows = 1;
        while (reader.readNext(record))
            ++rows;
        QCOMPARE(rows, 13);

        // Again: nothing changes. As a dry run with a changed row: nothing is written.
        const Run again = residesk(m_t->url(), {u"import"_s, u"residents"_s, path, u"--json"_s});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(CliRunner::jsonObject(again.out).value(u"unchanged"_s).toInteger(), 1188);
        QCOMPARE(CliRunner::jsonObject(again.out).value(u"created"_s).toInteger(), 0);
        const QString changed = write("student_id,first_name,last_name,email\nS1,New,L1,s1@example.edu\n"
                                      "S9999,N,N,n@example.edu\n"_ba,
                                      u"changed.csv"_s);
        const Run dry =
            residesk(m_t->url(), {u"import"_s, u"residents"_s, changed, u"--dry-run"_s, u"--json"_s});
        QVERIFY2(dry.exitCode == 0, dry.err.constData());
        const QJsonObject d = CliRunner::jsonObject(dry.out);
        QCOMPARE(d.value(u"updated"_s).toInteger(), 1);
        QCOMPARE(d.value(u"created"_s).toInteger(), 1);
        QCOMPARE(d.value(u"rejected"_s).toArray().size(), 0);
        QCOMPARE(scalar(m_t->db(), u"SELECT COUNT(*) FROM residents"_s), 1188);
        QCOMPARE(scalar(m_t->db(), u"SELECT COUNT(*) FROM residents WHERE first_name = 'New'"_s), 0);
    }

    void mappingOption()
    {
        const QString path =
            write("Matrikel;Vorname;Nachname;Mail\nM1;Ana;Lopez;ana@example.edu\n"_ba, u"m.csv"_s);
        const Run plain = residesk(m_t->url(), {u"import"_s, u"residents"_s, path});
        QCOMPARE(plain.exitCode, 1);
        QVERIFY2(
            plain.errText().contains(u"the file has no column student_id, first_name, last_name, email"_s),
            plain.err.constData());
        const Run mapped =
            residesk(m_t->url(), {u"import"_s, u"residents"_s, path, u"--map"_s, u"Matrikel=student_id"_s,
                                  u"--map"_s, u"Vorname=first_name"_s, u"--map"_s, u"Nachname=last_name"_s,
                                  u"--map"_s, u"Mail=email"_s, u"--json"_s});
        QVERIFY2(mapped.exitCode == 0, mapped.err.constData());
        QCOMPARE(CliRunner::jsonObject(mapped.out).value(u"created"_s).toInteger(), 1);
    }

    void failuresAndUsage_data()
    {
        QTest::addColumn<QByteArray>("content"); // empty: no file is written
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("not CSV") << QByteArray("\x89PNG\r\n\x1A\n\x00\x00", 10) << QStringList{} << 1
                                 << u"it contains a NUL byte at byte 8 (binary data)"_s;
        QTest::newRow("unterminated quote")
            << "student_id,first_name,last_name,email\n\"S1,a,b,c\n"_ba << QStringList{} << 1
            << u"line 2: a quoted field starts here but its closing quote is missing"_s;
        QTest::newRow("missing file") << QByteArray() << QStringList{} << 1 << u"no such file"_s;
        QTest::newRow("bad --map") << "a\n"_ba << QStringList{u"--map"_s, u"x"_s} << 2
                                   << u"--map takes COLUMN=FIELD"_s;
        QTest::newRow("unknown field in --map") << "a\n"_ba << QStringList{u"--map"_s, u"a=shoe_size"_s} << 2
                                                << u"--map: unknown field \"shoe_size\""_s;
    }

    void failuresAndUsage()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, extra);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QString path =
            content.isEmpty() ? m_dir.filePath(u"missing.csv"_s) : write(content, u"f.csv"_s);
        const Run r = residesk(m_t->url(), QStringList{u"import"_s, u"residents"_s, path} + extra);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.errText().contains(message), r.err.constData());
        if (exitCode == 1)
            QVERIFY2(r.errText().startsWith(u"residesk: "_s + path + u": "_s), r.err.constData());
        QCOMPARE(r.out, QByteArray());
        QCOMPARE(scalar(m_t->db(), u"SELECT COUNT(*) FROM residents"_s), 0);
    }

    void noFileIsBadUsage()
    {
        const Run r = residesk(m_t->url(), {u"import"_s, u"residents"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(u"\"import residents\" needs a file name"_s), r.err.constData());
        const Run e = residesk(m_t->url(), {u"export"_s, u"rooms"_s});
        QCOMPARE(e.exitCode, 2);
    }

    // The command line prints English plural forms ("1 row", "2 rows", never "row(s)"),
    // and stays English under a Spanish locale, so scripts can read it.
    void exportSaysRowOrRows()
    {
        const QString one = write(residentsFile(1, 0), u"one.csv"_s);
        Run r = residesk(m_t->url(), {u"import"_s, u"residents"_s, one});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString csv = m_dir.filePath(u"plural.csv"_s);
        r = residesk(m_t->url(), {u"export"_s, u"residents"_s, csv});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.outText(), u"Exported 1 row to %1.\n"_s.arg(csv));

        const QString two = write(residentsFile(2, 0), u"two.csv"_s);
        r = residesk(m_t->url(), {u"import"_s, u"residents"_s, two});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        {
            // A Spanish user's environment, for this run only (the child inherits ours).
            const auto setAside = [](const char *name, const char *value) {
                const std::optional<QByteArray> old =
                    qEnvironmentVariableIsSet(name) ? std::optional(qgetenv(name)) : std::nullopt;
                qputenv(name, value);
                return qScopeGuard([name, old] { old ? qputenv(name, *old) : qunsetenv(name); });
            };
            const auto lcAll = setAside("LC_ALL", "es_ES.UTF-8");
            const auto language = setAside("LANGUAGE", "es");
            r = residesk(m_t->url(), {u"export"_s, u"residents"_s, csv});
        }
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.outText(), u"Exported 2 rows to %1.\n"_s.arg(csv));
    }

    void exportImportRoundTrip()
    {
        const Run seeded = residesk(m_t->url(), {u"seed-demo"_s, u"--residents"_s, u"1500"_s});
        QVERIFY2(seeded.exitCode == 0, seeded.err.constData());
        // A resident whose fields need quoting.
        QVERIFY(SqlStatement::run(m_t->db(),
                                  u"UPDATE residents SET first_name = ?, last_name = ? WHERE student_id = "
                                  "(SELECT MIN(student_id) FROM residents)"_s,
                                  {u"Ana \"Nena\", Jr"_s, u"Müller\nSecond line"_s}));
        // Twelve residents read Spanish (the language and contact_by columns travel too).
        QVERIFY(SqlStatement::run(
            m_t->db(), u"UPDATE residents SET language = 'es' WHERE id IN (SELECT id FROM residents "
                       "ORDER BY student_id LIMIT 12)"_s));
        const qint64 sms = scalar(m_t->db(), u"SELECT COUNT(*) FROM residents WHERE contact_by <> 'email'"_s);
        const QString residentsCsv = m_dir.filePath(u"export-residents.csv"_s);
        const Run exported = residesk(m_t->url(), {u"export"_s, u"residents"_s, residentsCsv, u"--json"_s});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        QCOMPARE(CliRunner::jsonObject(exported.out).value(u"rows"_s).toInteger(), 1500);

        QString error;
        auto empty = TestDatabase::create(&error);
        QVERIFY2(empty, qPrintable(error));
        const Run imported = residesk(empty->url(), {u"import"_s, u"residents"_s, residentsCsv, u"--json"_s});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        const QJsonObject counts = CliRunner::jsonObject(imported.out);
        QCOMPARE(counts.value(u"created"_s).toInteger(), 1500);
        QCOMPARE(counts.value(u"rejected"_s).toArray().size(), 0);
        const QJsonArray before = residentsWithoutIds(m_t->url());
        QCOMPARE(before.size(), 1500);
        QCOMPARE(residentsWithoutIds(empty->url()), before);
        QCOMPARE(scalar(empty->db(), u"SELECT COUNT(*) FROM residents WHERE language = 'es'"_s), 12);
        QCOMPARE(scalar(empty->db(), u"SELECT COUNT(*) FROM residents WHERE language IS NULL"_s), 1488);
        QCOMPARE(scalar(empty->db(), u"SELECT COUNT(*) FROM residents WHERE contact_by <> 'email'"_s), sms);
        {
            SqlStatement st(empty->db(), u"SELECT language FROM residents WHERE first_name = ?"_s);
            st.bind(u"Ana \"Nena\", Jr"_s);
            QVERIFY(st.exec() && st.next());
            QCOMPARE(st.value(0).toString(), u"es"_s); // the first by student id
        }

        const QString roomsCsv = m_dir.filePath(u"export-rooms.csv"_s);
        const Run rooms = residesk(m_t->url(), {u"export"_s, u"rooms"_s, roomsCsv, u"--json"_s});
        QVERIFY2(rooms.exitCode == 0, rooms.err.constData());
        const qint64 roomCount = scalar(m_t->db(), u"SELECT COUNT(*) FROM rooms"_s);
        QVERIFY(roomCount > 0);
        QCOMPARE(CliRunner::jsonObject(rooms.out).value(u"rows"_s).toInteger(), roomCount);
        QFile file(roomsCsv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readLine(), "building_code,number,floor,type,capacity,status\r\n"_ba);

        // A file that cannot be written: exit code 1, named.
        const Run bad = residesk(m_t->url(), {u"export"_s, u"rooms"_s, u"/nonexistent-dir/rooms.csv"_s});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.errText().startsWith(u"residesk: /nonexistent-dir/rooms.csv: "_s), bad.err.constData());
    }

    void enqueueReturnsAJobId()
    {
        const QString path = write(residentsFile(10, 0), u"q.csv"_s);
        const Run r = residesk(m_t->url(), {u"import"_s, u"residents"_s, path, u"--enqueue"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const qint64 id = CliRunner::jsonObject(r.out).value(u"job_id"_s).toInteger();
        QVERIFY(id > 0);
        const Run waited = residesk(m_t->url(), {u"jobs"_s, u"wait"_s, QString::number(id), u"--json"_s});
        QVERIFY2(waited.exitCode == 0, waited.err.constData());
        QCOMPARE(
            CliRunner::jsonObject(waited.out).value(u"result"_s).toObject().value(u"created"_s).toInteger(),
            10);
    }

    void killedWorkerIsResumedWithExactCounts()
    {
        constexpr int kRows = 40000;
        constexpr int kRejectEvery = 97;
        constexpr int kChunk = 200;
        const QString path = write(residentsFile(kRows, kRejectEvery), u"big.csv"_s);
        JobRequest request = ImportTasks::residentsRequest(path, false);
        request.payload.insert(u"chunk"_s, kChunk);
        const Result<EnqueueResult> queued = JobStore(m_t->db()).enqueue(request, Actor::systemUser());
        QVERIFY(queued);
        const qint64 id = queued->id;
        const auto job = [this](qint64 id) {
            const Result<Job> j = JobStore(m_t->db()).get(id);
            return j ? j.value() : Job{};
        };

        // PostgreSQL: hold the worker in the middle with the resident of row 20,000, which
        // another session adds and does not commit: the chunk of that row waits for it, and
        // the job cannot get past it. SQLite has no such lock: kill at once after the first
        // chunk instead (the worker needs many more to finish).
        constexpr int kHeldRow = 20000;
        static_assert(kHeldRow % kRejectEvery != 0 && kHeldRow % kChunk == 0);
        std::unique_ptr<Database> other;
        std::unique_ptr<Transaction> hold;
        if (m_t->db().isPostgreSQL()) {
            other = m_t->openAnother();
            hold = std::make_unique<Transaction>(*other);
            QVERIFY(hold->ok());
            QVERIFY(SqlStatement::run(
                *other,
                u"INSERT INTO residents (student_id, first_name, last_name, email, created_by, updated_by) "
                "VALUES (?, 'Held', 'Back', 'held.back@example.edu', 'test', 'test')"_s,
                {u"S%1"_s.arg(kHeldRow)}));
        }
        auto first = CliRunner::start({u"--database"_s, m_t->url(), u"worker"_s, u"--lease-seconds"_s, u"2"_s,
                                       u"--concurrency"_s, u"1"_s, u"--json"_s});
        QVERIFY2(first->waitForStarted(10000), qPrintable(first->errorString()));
        if (hold) {
            const qint64 holder = scalar(*other, u"SELECT pg_backend_pid()"_s);
            QTRY_VERIFY_WITH_TIMEOUT(
                scalar(
                    m_t->db(),
                    u"SELECT COUNT(*) FROM pg_locks WHERE NOT granted AND ? = ANY(pg_blocking_pids(pid))"_s,
                    {holder}) > 0,
                60000);
        } else {
            QTRY_VERIFY_WITH_TIMEOUT(job(id).progressDone > 0 || first->state() == QProcess::NotRunning,
                                     60000);
        }
        first->kill(); // SIGKILL, mid-chunk or between chunks
        QVERIFY(first->waitForFinished(10000));
        hold.reset(); // rolls back: the held resident never existed
        if (other)
            other->closeThreadConnection();
        const Job orphan = job(id);
        QCOMPARE(orphan.state, JobState::Running);
        QVERIFY2(orphan.progressDone < kRows, "the import ended before the kill; make the file bigger");
        if (m_t->db().isPostgreSQL())
            QCOMPARE(orphan.checkpoint.value(u"rows"_s).toInteger(), kHeldRow - kChunk);

        QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentMSecsSinceEpoch() > orphan.leaseExpiresAt + 100, 10000);
        const Run second =
            CliRunner::run({u"--database"_s, m_t->url(), u"worker"_s, u"--once"_s, u"--json"_s});
        QVERIFY2(second.exitCode == 0, second.err.constData());

        const Job done = job(id);
        QCOMPARE(done.state, JobState::Succeeded);
        QCOMPARE(done.attempts, 2);
        const int rejected = kRows / kRejectEvery;
        QCOMPARE(done.result.value(u"created"_s).toInteger(), kRows - rejected);
        QCOMPARE(done.result.value(u"updated"_s).toInteger(), 0);
        QCOMPARE(done.result.value(u"unchanged"_s).toInteger(), 0);
        QCOMPARE(done.result.value(u"rejected_count"_s).toInteger(), rejected);
        QCOMPARE(done.result.value(u"rows"_s).toInteger(), kRows);
        QCOMPARE(scalar(m_t->db(), u"SELECT COUNT(*) FROM residents"_s), kRows - rejected);
        QCOMPARE(scalar(m_t->db(), u"SELECT COUNT(*) FROM import_rejections WHERE job_id = ?"_s, {id}),
                 rejected);
    }
};

QTEST_GUILESS_MAIN(TestImportCli)
#include "tst_importcli.moc"
