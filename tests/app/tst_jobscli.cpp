// `residesk worker` and `residesk jobs ...`, end to end: jobs are queued through
// JobStore in this process, then the real binary lists, changes and runs them.
#include "models/core/actor.h"
#include "models/db/database.h"
#include "models/db/events.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "tasks/job.h"
#include "tasks/jobstore.h"
#include "tests/app/clirunner.h"
#include "tests/support/testdatabase.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QTest>

#include <csignal>
#include <signal.h>

using namespace Qt::StringLiterals;
using CliRunner::Run;

class TestJobsCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;

    Run run(QStringList args, int timeoutMs = 120000)
    {
        args.prepend(m_t->url());
        args.prepend(u"--database"_s);
        return CliRunner::run(args, timeoutMs);
    }

    JobStore store() { return JobStore(m_t->db()); }

    qint64 enqueue(const QString &kind, const QJsonObject &payload = {}, int maxAttempts = 0,
                   int priority = 0)
    {
        JobRequest request;
        request.kind = kind;
        request.payload = payload;
        request.maxAttempts = maxAttempts;
        request.priority = priority;
        const Result<EnqueueResult> queued = store().enqueue(request, Actor::systemUser());
        if (!queued) {
            qWarning("enqueue failed: %s", qPrintable(queued.error().message));
            return 0;
        }
        return queued->id;
    }

    // A job of `kind` run to `outcome` by a pretend worker of this process.
    qint64 finishedJob(const QString &kind, const JobOutcome &outcome)
    {
        const qint64 id = enqueue(kind);
        const Result<QList<Job>> claimed = store().claim(u"test-owner"_s, {{kind, 1}}, 1, 60000);
        if (!claimed || claimed->size() != 1 || claimed->constFirst().id != id) {
            qWarning("claim of job %lld failed", static_cast<long long>(id));
            return 0;
        }
        if (const Result<Job> done = store().finish(id, u"test-owner"_s, outcome); !done) {
            qWarning("finish failed: %s", qPrintable(done.error().message));
            return 0;
        }
        return id;
    }

    Job job(qint64 id)
    {
        const Result<Job> j = store().get(id);
        return j ? j.value() : Job{};
    }

    static QList<qint64> ids(const QJsonArray &rows)
    {
        QList<qint64> list;
        for (const QJsonValue &row : rows)
            list.append(row.toObject().value(u"id"_s).toInteger());
        return list;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!CliRunner::binary().isEmpty(), "RESIDESK_BINARY is not set (run through ctest)");
        QVERIFY2(QFile::exists(CliRunner::binary()), qPrintable(CliRunner::binary()));
    }

    void init()
    {
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
    }

    void cleanup() { m_t.reset(); }

    void helpListsJobCommands()
    {
        const Run r = CliRunner::run({u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        for (const char *command :
             {"worker", "jobs list", "jobs show", "jobs cancel", "jobs retry", "jobs stats", "jobs wait"})
            QVERIFY2(r.out.contains(command), command);
        const Run worker = CliRunner::run({u"worker"_s, u"--help"_s});
        QCOMPARE(worker.exitCode, 0);
        for (const char *option : {"--concurrency", "--kinds", "--once", "--lease-seconds", "--retry-base-ms",
                                   "residesk migrate", "SIGTERM"})
            QVERIFY2(worker.out.contains(option), option);
    }

    void listAndShow()
    {
        const qint64 a = enqueue(u"diag.noop"_s);
        const qint64 b = enqueue(u"diag.sleep"_s, {{u"steps"_s, 2}, {u"ms"_s, 10}}, 0, 5);
        const qint64 c = finishedJob(u"diag.cpu"_s, JobOutcome::success({{u"answer"_s, 42}}));
        QVERIFY(a && b && c);

        const Run all = run({u"jobs"_s, u"list"_s, u"--json"_s});
        QCOMPARE(all.exitCode, 0);
        const QJsonArray rows = CliRunner::jsonArray(all.out);
        QCOMPARE(ids(rows), (QList<qint64>{c, b, a})); // newest first
        const QSet<QString> keys{u"id"_s,
                                 u"kind"_s,
                                 u"state"_s,
                                 u"progress_done"_s,
                                 u"progress_total"_s,
                                 u"progress_message"_s,
                                 u"attempts"_s,
                                 u"max_attempts"_s,
                                 u"error"_s,
                                 u"result"_s,
                                 u"priority"_s,
                                 u"unique_key"_s,
                                 u"created_by"_s,
                                 u"created_at"_s,
                                 u"started_at"_s,
                                 u"finished_at"_s,
                                 u"run_after"_s};
        for (const QJsonValue &row : rows) {
            const QStringList rowKeys = row.toObject().keys();
            const QSet<QString> present(rowKeys.cbegin(), rowKeys.cend());
            QVERIFY2(present.contains(keys), qPrintable(rowKeys.join(u", "_s)));
        }
        QCOMPARE(rows.at(0).toObject().value(u"state"_s).toString(), u"succeeded"_s);
        QCOMPARE(rows.at(1).toObject().value(u"priority"_s).toInt(), 5);

        const Run queued = run({u"jobs"_s, u"list"_s, u"--state"_s, u"queued"_s, u"--json"_s});
        QCOMPARE(queued.exitCode, 0);
        QCOMPARE(ids(CliRunner::jsonArray(queued.out)), (QList<qint64>{b, a}));

        const Run byKind = run({u"jobs"_s, u"list"_s, u"--kind"_s, u"diag.sleep"_s, u"--json"_s});
        QCOMPARE(byKind.exitCode, 0);
        QCOMPARE(ids(CliRunner::jsonArray(byKind.out)), (QList<qint64>{b}));

        const Run limited = run({u"jobs"_s, u"list"_s, u"--limit"_s, u"1"_s, u"--json"_s});
        QCOMPARE(limited.exitCode, 0);
        QCOMPARE(ids(CliRunner::jsonArray(limited.out)), (QList<qint64>{c}));

        const Run none = run({u"jobs"_s, u"list"_s, u"--state"_s, u"failed"_s, u"--json"_s});
        QCOMPARE(none.exitCode, 0);
        QCOMPARE(none.out.trimmed(), QByteArray("[]"));

        const Run text = run({u"jobs"_s, u"list"_s});
        QCOMPARE(text.exitCode, 0);
        const QStringList lines = text.outText().trimmed().split(u'\n');
        QCOMPARE(lines.size(), qsizetype(4));
        QVERIFY2(lines.at(0).startsWith(u"ID"_s) && lines.at(0).contains(u"STATE"_s),
                 qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).startsWith(QString::number(c)) && lines.at(1).contains(u"succeeded"_s),
                 qPrintable(lines.at(1)));
        QVERIFY2(lines.at(3).contains(u"diag.noop"_s) && lines.at(3).contains(u"queued"_s),
                 qPrintable(lines.at(3)));

        const Run show = run({u"jobs"_s, u"show"_s, QString::number(c), u"--json"_s});
        QCOMPARE(show.exitCode, 0);
        const QJsonObject shown = CliRunner::jsonObject(show.out);
        QCOMPARE(shown.value(u"id"_s).toInteger(), c);
        QCOMPARE(shown.value(u"kind"_s).toString(), u"diag.cpu"_s);
        QCOMPARE(shown.value(u"state"_s).toString(), u"succeeded"_s);
        QCOMPARE(shown.value(u"result"_s).toObject().value(u"answer"_s).toInt(), 42);
        QVERIFY(!shown.value(u"finished_at"_s).isNull());

        const Run showText = run({u"jobs"_s, u"show"_s, QString::number(b)});
        QCOMPARE(showText.exitCode, 0);
        QVERIFY2(showText.outText().contains(u"diag.sleep"_s), showText.out.constData());
        QVERIFY2(showText.outText().contains(u"queued"_s), showText.out.constData());
    }

    void usageAndUnknownIds()
    {
        const Run badState = run({u"jobs"_s, u"list"_s, u"--state"_s, u"sleeping"_s});
        QCOMPARE(badState.exitCode, 2);
        QVERIFY2(badState.errText().startsWith(u"residesk: "_s), badState.err.constData());
        QVERIFY2(badState.errText().contains(u"sleeping"_s), badState.err.constData());
        QVERIFY2(badState.errText().contains(u"queued, running, succeeded, failed, cancelled"_s),
                 badState.err.constData());
        QVERIFY(badState.out.isEmpty());

        const Run badLimit = run({u"jobs"_s, u"list"_s, u"--limit"_s, u"0"_s});
        QCOMPARE(badLimit.exitCode, 2);
        QVERIFY2(badLimit.errText().contains(u"--limit"_s), badLimit.err.constData());

        for (const char *command : {"show", "cancel", "retry", "wait"}) {
            const QString word = QString::fromLatin1(command);
            const Run unknown = run({u"jobs"_s, word, u"999999"_s});
            QCOMPARE(unknown.exitCode, 1);
            QCOMPARE(unknown.errText().trimmed(), u"residesk: no job with id 999999"_s);

            const Run missing = run({u"jobs"_s, word});
            QCOMPARE(missing.exitCode, 2);
            QVERIFY2(missing.errText().contains(u"job id"_s), missing.err.constData());

            const Run notNumber = run({u"jobs"_s, word, u"seven"_s});
            QCOMPARE(notNumber.exitCode, 2);
            QVERIFY2(notNumber.errText().contains(u"seven"_s), notNumber.err.constData());

            const Run extra = run({u"jobs"_s, word, u"1"_s, u"2"_s});
            QCOMPARE(extra.exitCode, 2);
        }
    }

    void cancelAndRetry()
    {
        const qint64 queued = enqueue(u"diag.noop"_s);
        const Run cancel = run({u"jobs"_s, u"cancel"_s, QString::number(queued)});
        QCOMPARE(cancel.exitCode, 0);
        QVERIFY2(cancel.err.isEmpty(), cancel.err.constData());
        QCOMPARE(job(queued).state, JobState::Cancelled);

        const Run again = run({u"jobs"_s, u"cancel"_s, QString::number(queued)});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(
            again.errText().startsWith(u"residesk: job %1 has already finished (cancelled)"_s.arg(queued)),
            again.err.constData());

        const qint64 succeeded = finishedJob(u"diag.noop"_s, JobOutcome::success());
        const Run cancelDone = run({u"jobs"_s, u"cancel"_s, QString::number(succeeded)});
        QCOMPARE(cancelDone.exitCode, 1);
        QVERIFY2(cancelDone.errText().contains(u"already finished (succeeded)"_s),
                 cancelDone.err.constData());
        QCOMPARE(job(succeeded).state, JobState::Succeeded);

        // A running job is asked to stop; it stays running until its worker sees it.
        const qint64 running = enqueue(u"diag.sleep"_s, {{u"steps"_s, 100}, {u"ms"_s, 100}});
        const Result<QList<Job>> claimed = store().claim(u"test-owner"_s, {{u"diag.sleep"_s, 1}}, 1, 60000);
        QVERIFY(claimed && claimed->size() == 1);
        const Run cancelRunning = run({u"jobs"_s, u"cancel"_s, QString::number(running), u"--json"_s});
        QCOMPARE(cancelRunning.exitCode, 0);
        const QJsonObject runningJson = CliRunner::jsonObject(cancelRunning.out);
        QCOMPARE(runningJson.value(u"state"_s).toString(), u"running"_s);
        QCOMPARE(runningJson.value(u"cancel_requested"_s).toBool(), true);
        QVERIFY(job(running).cancelRequested);

        const qint64 failed = finishedJob(u"diag.fail"_s, JobOutcome::failure(u"boom"_s, false));
        QCOMPARE(job(failed).state, JobState::Failed);
        const Run retry = run({u"jobs"_s, u"retry"_s, QString::number(failed), u"--json"_s});
        QCOMPARE(retry.exitCode, 0);
        QCOMPARE(CliRunner::jsonObject(retry.out).value(u"state"_s).toString(), u"queued"_s);
        const Job retried = job(failed);
        QCOMPARE(retried.state, JobState::Queued);
        QCOMPARE(retried.attempts, 0);

        const Run retryQueued = run({u"jobs"_s, u"retry"_s, QString::number(failed)});
        QCOMPARE(retryQueued.exitCode, 1);
        QVERIFY2(retryQueued.errText().contains(u"only failed or cancelled jobs can be retried"_s),
                 retryQueued.err.constData());

        const Run retryCancelled = run({u"jobs"_s, u"retry"_s, QString::number(queued)});
        QCOMPARE(retryCancelled.exitCode, 0);
        QCOMPARE(job(queued).state, JobState::Queued);
    }

    void stats()
    {
        QVERIFY(finishedJob(u"diag.noop"_s, JobOutcome::success()));
        QVERIFY(finishedJob(u"diag.noop"_s, JobOutcome::success()));
        QVERIFY(finishedJob(u"diag.noop"_s, JobOutcome::failure(u"no"_s, false)));
        QVERIFY(enqueue(u"diag.noop"_s));
        QVERIFY(enqueue(u"diag.sleep"_s));

        const Run r = run({u"jobs"_s, u"stats"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray rows = CliRunner::jsonArray(r.out);
        QCOMPARE(rows.size(), qsizetype(2));
        QJsonObject noop;
        for (const QJsonValue &row : rows) {
            QStringList keys = row.toObject().keys();
            keys.sort();
            QStringList expected{u"kind"_s,      u"total"_s,  u"queued"_s,    u"running"_s,
                                 u"succeeded"_s, u"failed"_s, u"cancelled"_s, u"success_rate"_s,
                                 u"median_ms"_s, u"p95_ms"_s};
            expected.sort();
            QCOMPARE(keys, expected);
            if (row.toObject().value(u"kind"_s).toString() == u"diag.noop"_s)
                noop = row.toObject();
        }
        QCOMPARE(noop.value(u"total"_s).toInt(), 4);
        QCOMPARE(noop.value(u"queued"_s).toInt(), 1);
        QCOMPARE(noop.value(u"succeeded"_s).toInt(), 2);
        QCOMPARE(noop.value(u"failed"_s).toInt(), 1);
        QVERIFY(qAbs(noop.value(u"success_rate"_s).toDouble() - 2.0 / 3.0) < 0.001);
        QVERIFY(noop.value(u"median_ms"_s).toDouble() >= 0);
        QVERIFY(noop.value(u"p95_ms"_s).toDouble() >= noop.value(u"median_ms"_s).toDouble());

        const Run text = run({u"jobs"_s, u"stats"_s});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.outText().contains(u"diag.noop"_s) && text.outText().contains(u"66.7 %"_s),
                 text.out.constData());
    }

    void workerOptions_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("named");
        QTest::newRow("concurrency 0") << QStringList{u"--concurrency"_s, u"0"_s} << u"--concurrency"_s;
        QTest::newRow("concurrency text") << QStringList{u"--concurrency"_s, u"many"_s} << u"many"_s;
        QTest::newRow("unknown kind")
            << QStringList{u"--kinds"_s, u"diag.noop,mail.sendx"_s} << u"mail.sendx"_s;
        QTest::newRow("no kind") << QStringList{u"--kinds"_s, u","_s} << u"--kinds"_s;
        QTest::newRow("lease") << QStringList{u"--lease-seconds"_s, u"0"_s} << u"--lease-seconds"_s;
        QTest::newRow("retry base") << QStringList{u"--retry-base-ms"_s, u"-5"_s} << u"--retry-base-ms"_s;
        QTest::newRow("poll") << QStringList{u"--poll-ms"_s, u"10"_s} << u"--poll-ms"_s;
        QTest::newRow("batch wait") << QStringList{u"--batch-wait-ms"_s, u"soon"_s} << u"--batch-wait-ms"_s;
    }

    void workerOptions()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, named);
        const Run r = run(QStringList{u"worker"_s, u"--once"_s} + options);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().startsWith(u"residesk: "_s), r.err.constData());
        QVERIFY2(r.errText().contains(named), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void workerRefusesOldSchema()
    {
        QString error;
        auto empty = TestDatabase::create(&error, false);
        QVERIFY2(empty, qPrintable(error));
        const Run r = CliRunner::run({u"--database"_s, empty->url(), u"worker"_s, u"--once"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(u"residesk migrate"_s), r.err.constData());
        QVERIFY2(!r.errText().trimmed().contains(u'\n'), r.err.constData());
        // Every command that reads data says the same, not what the driver makes of a
        // missing table.
        for (const QStringList &command :
             {QStringList{u"jobs"_s, u"list"_s}, QStringList{u"residents"_s, u"list"_s},
              QStringList{u"protocols"_s, u"list"_s}}) {
            const Run data = CliRunner::run(QStringList{u"--database"_s, empty->url()} + command);
            QCOMPARE(data.exitCode, 1);
            QVERIFY2(data.errText().contains(u"residesk migrate"_s), data.err.constData());
        }
    }

    void workerOnce()
    {
        const qint64 noop1 = enqueue(u"diag.noop"_s);
        const qint64 noop2 = enqueue(u"diag.noop"_s);
        const qint64 sleep = enqueue(u"diag.sleep"_s, {{u"steps"_s, 3}, {u"ms"_s, 20}});
        const qint64 retryable =
            enqueue(u"diag.fail"_s, {{u"message"_s, u"flaky"_s}, {u"retryable"_s, true}}, 3);
        const qint64 fatal =
            enqueue(u"diag.fail"_s, {{u"message"_s, u"broken"_s}, {u"retryable"_s, false}}, 3);
        QVERIFY(noop1 && noop2 && sleep && retryable && fatal);

        const Run r = run({u"worker"_s, u"--once"_s, u"--json"_s, u"--concurrency"_s, u"3"_s,
                           u"--retry-base-ms"_s, u"0"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());

        for (const qint64 id : {noop1, noop2, sleep}) {
            const Job j = job(id);
            QCOMPARE(j.state, JobState::Succeeded);
            QCOMPARE(j.attempts, 1);
        }
        QCOMPARE(job(sleep).progressDone, qint64(3));
        const Job flaky = job(retryable);
        QCOMPARE(flaky.state, JobState::Failed);
        QCOMPARE(flaky.attempts, 3); // retried up to its max attempts
        QVERIFY2(flaky.error.contains(u"flaky"_s), qPrintable(flaky.error));
        const Job broken = job(fatal);
        QCOMPARE(broken.state, JobState::Failed);
        QCOMPARE(broken.attempts, 1); // not retryable: one attempt

        // One JSON object per line: worker_started, 3 + 3 + 1 job starts and ends, stopping, worker_stopped.
        const QList<QJsonObject> lines = CliRunner::jsonLines(r.out);
        QCOMPARE(lines.size(), r.out.trimmed().count('\n') + 1);
        QCOMPARE(lines.constFirst().value(u"event"_s).toString(), u"worker_started"_s);
        QCOMPARE(lines.constLast().value(u"event"_s).toString(), u"worker_stopped"_s);
        int started = 0;
        int finished = 0;
        const QString worker = lines.constFirst().value(u"worker"_s).toString();
        QVERIFY(!worker.isEmpty());
        QHash<qint64, bool> under; // an attempt of the job started and not finished yet
        for (const QJsonObject &line : lines) {
            QCOMPARE(line.value(u"worker"_s).toString(), worker);
            const QString event = line.value(u"event"_s).toString();
            // An attempt's end comes before the next attempt of its job starts (a retry
            // claimed the moment it was recorded, too).
            const qint64 lineId = line.value(u"id"_s).toInteger();
            if (event == u"job_started"_s) {
                QVERIFY2(!under.value(lineId),
                         qPrintable(u"job %1 started again before its attempt ended"_s.arg(lineId)));
                under.insert(lineId, true);
            } else if (event == u"job_finished"_s) {
                QVERIFY2(under.value(lineId), qPrintable(u"job %1 finished without a start"_s.arg(lineId)));
                under.insert(lineId, false);
            }
            // A recurring job (the e-mail safety net) may fire when the run crosses its period.
            if (!line.value(u"kind"_s).toString().startsWith(u"diag."_s))
                continue;
            if (event == u"job_started"_s)
                ++started;
            if (event == u"job_finished"_s) {
                ++finished;
                if (line.value(u"id"_s).toInteger() == fatal) {
                    QCOMPARE(line.value(u"state"_s).toString(), u"failed"_s);
                    QVERIFY(line.value(u"error"_s).toString().contains(u"broken"_s));
                }
            }
        }
        // Each attempt's end comes before the next attempt's start (a retry claimed at once).
        QVERIFY2(started == 7 && finished == 7,
                 qPrintable(u"%1 started, %2 finished:\n%3"_s.arg(started).arg(finished).arg(
                     QString::fromUtf8(r.out))));

        // Text mode: one line per start and end.
        const qint64 more = enqueue(u"diag.noop"_s);
        const Run text = run({u"worker"_s, u"--once"_s});
        QVERIFY2(text.exitCode == 0, text.err.constData());
        QVERIFY2(text.outText().contains(u"job %1 started (diag.noop)"_s.arg(more)), text.out.constData());
        QVERIFY2(text.outText().contains(u"job %1 succeeded (diag.noop"_s.arg(more)), text.out.constData());
        QCOMPARE(job(more).state, JobState::Succeeded);
    }

    void workerKinds()
    {
        const qint64 noop = enqueue(u"diag.noop"_s);
        const qint64 sleep = enqueue(u"diag.sleep"_s, {{u"steps"_s, 1}, {u"ms"_s, 1}});
        const Run r = run({u"worker"_s, u"--once"_s, u"--kinds"_s, u"diag.sleep"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(job(sleep).state, JobState::Succeeded);
        QCOMPARE(job(noop).state, JobState::Queued);
    }

    void waitExitCodes()
    {
        const qint64 good = enqueue(u"diag.noop"_s);
        const Run ok = run({u"jobs"_s, u"wait"_s, QString::number(good), u"--json"_s});
        QVERIFY2(ok.exitCode == 0, ok.err.constData());
        const QJsonObject okJson = CliRunner::jsonObject(ok.out);
        QCOMPARE(okJson.value(u"id"_s).toInteger(), good);
        QCOMPARE(okJson.value(u"state"_s).toString(), u"succeeded"_s);
        QCOMPARE(job(good).state, JobState::Succeeded);

        const qint64 bad =
            enqueue(u"diag.fail"_s, {{u"message"_s, u"on purpose"_s}, {u"retryable"_s, false}});
        const Run failed = run({u"jobs"_s, u"wait"_s, QString::number(bad), u"--json"_s});
        QCOMPARE(failed.exitCode, 1);
        const QJsonObject failedJson = CliRunner::jsonObject(failed.out);
        QCOMPARE(failedJson.value(u"state"_s).toString(), u"failed"_s);
        QVERIFY(failedJson.value(u"error"_s).toString().contains(u"on purpose"_s));
        QVERIFY2(failed.errText().startsWith(u"residesk: job %1 (diag.fail) failed"_s.arg(bad)),
                 failed.err.constData());

        // Text mode, and an already finished job answers at once.
        const Run again = run({u"jobs"_s, u"wait"_s, QString::number(good)});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.outText().contains(u"Job %1 (diag.noop) succeeded."_s.arg(good)),
                 again.out.constData());

        const qint64 cancelled = enqueue(u"diag.noop"_s);
        QVERIFY(store().requestCancel(cancelled));
        const Run wasCancelled = run({u"jobs"_s, u"wait"_s, QString::number(cancelled)});
        QCOMPARE(wasCancelled.exitCode, 1);
        QVERIFY2(wasCancelled.errText().contains(u"cancelled"_s), wasCancelled.err.constData());
    }

    void waitTimeout()
    {
        // Queued for later: the wait gives up after its timeout, the job stays queued.
        JobRequest request;
        request.kind = u"diag.noop"_s;
        request.runAfter = QDateTime::currentMSecsSinceEpoch() + 3600 * 1000;
        const Result<EnqueueResult> queued = store().enqueue(request, Actor::systemUser());
        QVERIFY(queued);
        QElapsedTimer timer;
        timer.start();
        const Run r = run({u"jobs"_s, u"wait"_s, QString::number(queued->id), u"--timeout"_s, u"0.5"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(u"did not finish within"_s), r.err.constData());
        QVERIFY(timer.elapsed() < 30000);
        QCOMPARE(job(queued->id).state, JobState::Queued);
    }

    // Behind PgBouncer in transaction mode NOTIFY never arrives: a worker with
    // --no-listen holds no listening connection, finds jobs queued after it started by
    // polling, and learns of a cancel through its heartbeat.
    void workerPollsWithoutListening()
    {
        auto worker = CliRunner::start({u"--database"_s, m_t->url(), u"worker"_s, u"--no-listen"_s,
                                        u"--poll-ms"_s, u"100"_s, u"--lease-seconds"_s, u"3"_s, u"--json"_s});
        QVERIFY2(worker->waitForStarted(10000), qPrintable(worker->errorString()));
        const auto stopWorker = qScopeGuard([&] {
            if (worker->state() != QProcess::NotRunning) {
                worker->kill();
                worker->waitForFinished(10000);
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(worker->bytesAvailable() > 0 || worker->state() == QProcess::NotRunning,
                                 20000);
        QVERIFY2(worker->state() == QProcess::Running, worker->readAllStandardError().constData());

        const qint64 id = enqueue(u"diag.noop"_s);
        QTRY_COMPARE_WITH_TIMEOUT(job(id).state, JobState::Succeeded, 20000);
        if (m_t->db().isPostgreSQL()) {
            // This test's database only: tests running beside it on the same server listen.
            SqlStatement listeners(m_t->db(),
                                   u"SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ? "
                                   u"AND datname = current_database()"_s);
            listeners.bind(QString::fromLatin1(Events::listenerApplicationName));
            QVERIFY(listeners.exec() && listeners.next());
            QCOMPARE(listeners.value(0).toInt(), 0);
        }

        // 600 s of 100 ms steps: still running when the cancel comes.
        const qint64 sleeper = enqueue(u"diag.sleep"_s, {{u"steps"_s, 6000}, {u"ms"_s, 100}});
        QTRY_VERIFY_WITH_TIMEOUT(job(sleeper).state == JobState::Running && job(sleeper).progressDone > 0,
                                 30000);
        QCOMPARE(store().requestCancel(sleeper).value(), JobState::Running);
        QTRY_COMPARE_WITH_TIMEOUT(job(sleeper).state, JobState::Cancelled, 20000);

        QCOMPARE(::kill(pid_t(worker->processId()), SIGTERM), 0);
        QVERIFY(worker->waitForFinished(15000));
        QCOMPARE(worker->exitCode(), 0);
        bool quiet = false;
        for (const QJsonObject &line : CliRunner::jsonLines(worker->readAllStandardOutput())) {
            if (line.value(u"event"_s).toString() == u"worker_started"_s)
                quiet = !line.value(u"listen"_s).toBool(true);
        }
        QVERIFY(quiet);
    }

    void workerStopsOnSignal_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
    }

    void workerStopsOnSignal()
    {
        QFETCH(int, signalNumber);
        // 600 s of 100 ms steps: far beyond the test's timeout, so the job still runs
        // when the signal comes, however slow the machine.
        const qint64 id = enqueue(u"diag.sleep"_s, {{u"steps"_s, 6000}, {u"ms"_s, 100}});
        auto worker = CliRunner::start({u"--database"_s, m_t->url(), u"worker"_s, u"--json"_s});
        QVERIFY2(worker->waitForStarted(10000), qPrintable(worker->errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(job(id).state == JobState::Running && job(id).progressDone > 0, 30000);

        QElapsedTimer timer;
        timer.start();
        QCOMPARE(::kill(pid_t(worker->processId()), signalNumber), 0);
        QVERIFY2(worker->waitForFinished(15000), "the worker did not stop");
        const qint64 stopMs = timer.elapsed();
        QCOMPARE(worker->exitStatus(), QProcess::NormalExit);
        QVERIFY2(worker->exitCode() == 0, worker->readAllStandardError().constData());
        QVERIFY2(stopMs < 5000, qPrintable(QString::number(stopMs)));

        const Job after = job(id);
        QVERIFY2(after.state != JobState::Running, "the job was left running");
        QCOMPARE(after.state, JobState::Queued);
        QCOMPARE(after.attempts, 0); // released: no attempt spent
        QVERIFY(after.leaseOwner.isEmpty());

        const QList<QJsonObject> lines = CliRunner::jsonLines(worker->readAllStandardOutput());
        QVERIFY(!lines.isEmpty());
        bool sawStopping = false;
        for (const QJsonObject &line : lines)
            sawStopping |= line.value(u"event"_s).toString() == u"stopping"_s;
        QVERIFY(sawStopping);
        QCOMPARE(lines.constLast().value(u"event"_s).toString(), u"worker_stopped"_s);
    }
};

QTEST_GUILESS_MAIN(TestJobsCli)
#include "tst_jobscli.moc"
