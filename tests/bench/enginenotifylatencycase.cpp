#include "tests/bench/enginenotifylatencycase.h"

#include "models/core/actor.h"
#include "models/db/database.h"
#include "models/db/events.h"
#include "tasks/jobstore.h"
#include "tests/bench/benchstats.h"
#include "tests/bench/enginethroughputcase.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int kSteps = 30;
constexpr int kStepMs = 100;
constexpr int kTimeoutMs = 60000;

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype rank = qsizetype(std::ceil(p * double(values.size())));
    return values.at(qBound<qsizetype>(0, rank - 1, values.size() - 1));
}

// Runs the event loop until `done` is set or the timeout passes; false on timeout.
bool spin(QEventLoop &loop, const bool &done, int timeoutMs)
{
    if (done)
        return true;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&loop] { loop.quit(); });
    timeout.start(timeoutMs);
    loop.exec();
    return done;
}

} // namespace

int EngineNotifyLatencyCase::run(const BenchOptions &options)
{
    const Result<DatabaseConfig> given = DatabaseConfig::parse(options.databaseUrl);
    if (options.databaseUrl.isEmpty() || !given || !given->isPostgreSQL()) {
        std::fprintf(stderr, "residesk-bench: %s needs a PostgreSQL database (--database postgresql://...): on "
                             "SQLite, events do not leave the process that made them\n",
                     qPrintable(name()));
        return 2;
    }
    QTemporaryDir dir;
    QString error;
    const QString url = EngineBench::prepareDatabase(options, dir.path(), &error);
    if (url.isEmpty()) {
        std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
        return 1;
    }
    Database db(given.value());
    if (!EngineBench::clearJobs(db, &error)) {
        std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
        return 1;
    }

    QEventLoop loop;
    EventBus bus(db);
    bool listening = false;
    QObject::connect(&bus, &EventBus::listening, &loop, [&] {
        listening = true;
        loop.quit();
    });
    bus.start();
    if (!bus.isListening() && !spin(loop, listening, kTimeoutMs)) {
        std::fprintf(stderr, "residesk-bench: the event bus did not start listening\n");
        return 1;
    }

    QProcess worker;
    worker.setStandardOutputFile(QProcess::nullDevice());
    worker.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    worker.start(EngineBench::residentBinary(),
                 {u"--database"_s, url, u"worker"_s, u"--kinds"_s, u"diag.sleep"_s, u"--concurrency"_s, u"1"_s});
    if (!worker.waitForStarted(10000)) {
        std::fprintf(stderr, "residesk-bench: cannot start %s: %s\n", qPrintable(EngineBench::residentBinary()),
                     qPrintable(worker.errorString()));
        return 1;
    }
    const auto stopWorker = [&worker] {
        worker.terminate();   // SIGTERM: the worker stops cleanly
        if (!worker.waitForFinished(15000)) {
            worker.kill();
            worker.waitForFinished();
        }
    };

    BenchStats medians{name(), u"ms"_s, {}};
    BenchStats p95s{name() + u".p95"_s, u"ms"_s, {}};
    for (int i = -1; i < options.runs; ++i) {   // run -1 is the warm-up
        JobRequest request;
        request.kind = u"diag.sleep"_s;
        request.payload = {{u"steps"_s, kSteps}, {u"ms"_s, kStepMs}};
        const Result<EnqueueResult> queued = JobStore(db).enqueue(request, Actor::systemUser());
        if (!queued) {
            std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(queued.error().message));
            stopWorker();
            return 1;
        }
        const qint64 id = queued->id;
        QList<double> latencies;
        bool finished = false;
        const QMetaObject::Connection connection =
            QObject::connect(&bus, &EventBus::jobEvent, &loop, [&](const QJsonObject &event) {
                const qint64 receivedMs = QDateTime::currentMSecsSinceEpoch();
                if (event.value(u"id"_s).toInteger() != id)
                    return;
                const QString state = event.value(u"state"_s).toString();
                if (state == u"queued"_s)
                    return;   // this process's own enqueue, not the worker's
                latencies.append(double(receivedMs - event.value(u"at"_s).toInteger()));
                if (state != u"running"_s) {
                    finished = true;
                    loop.quit();
                }
            });
        const bool ok = spin(loop, finished, kTimeoutMs);
        QObject::disconnect(connection);
        if (!ok || latencies.isEmpty()) {
            std::fprintf(stderr, "residesk-bench: job %lld did not finish within %d s (%lld events)\n",
                         static_cast<long long>(id), kTimeoutMs / 1000, static_cast<long long>(latencies.size()));
            stopWorker();
            return 1;
        }
        const double median = percentile(latencies, 0.5);
        const double p95 = percentile(latencies, 0.95);
        if (!options.json)
            std::fprintf(stderr, "%s %lld events, median %.1f ms, p95 %.1f ms, max %.1f ms\n",
                         i < 0 ? "warm-up:" : "run:", static_cast<long long>(latencies.size()), median, p95,
                         percentile(latencies, 1.0));
        if (i >= 0) {
            medians.samples.append(median);
            p95s.samples.append(p95);
        }
    }
    stopWorker();
    EngineBench::clearJobs(db, &error);
    p95s.print(options.json);
    medians.print(options.json);
    return 0;
}
