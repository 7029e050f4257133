#include "tests/bench/scaleuniversitycase.h"

#include "models/core/actor.h"
#include "models/db/database.h"
#include "models/db/events.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "tasks/jobstore.h"
#include "tasks/reports/reporttasks.h"
#include "tests/bench/benchdatabase.h"
#include "tests/bench/benchstats.h"
#include "tests/bench/enginethroughputcase.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QThread>
#include <QTimer>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kDefaultJobs = 100000;
constexpr int kDefaultListeners = 200;
constexpr int kDefaultWorkers = 4;
constexpr int kConcurrency = 4;
// The threads of this process the listeners' signals are emitted on (each EventBus
// also has its own listening thread, as in the window).
constexpr int kDispatchThreads = 4;
constexpr int kDemoResidents = 300;
constexpr int kEnqueueChunk = 2000;
// Latencies are counted per millisecond up to this; longer ones in the last bucket.
constexpr int kHistogramMs = 10000;
constexpr int kSampleMs = 250;
constexpr int kListenTimeoutMs = 120000;
// Give up when the listeners receive nothing for this long while workers run, or for
// kQuietAfterWorkersMs after the last worker exited (then the missing events are losses).
constexpr int kStallMs = 180000;
constexpr int kQuietAfterWorkersMs = 15000;
// Connections a worker may open: its engine's thread, a runner thread each, its listener
// and a few for start-up looks (measured: see the breakdown printed at the peak).
constexpr int kConnectionsPerWorker = kConcurrency + 4;

const QString kKinds = u"diag.noop,diag.sleep,report.occupancy"_s;

// One in twenty of each: 1 report, 5 sleeps, 14 no-ops (5 %, 25 %, 70 %), interleaved.
JobRequest requestFor(qint64 i, const QDate &today)
{
    const int slot = int(i % 20);
    if (slot == 0) {
        const QDate from(today.year(), today.month(), 1);
        return ReportTasks::request(QString::fromLatin1(ReportTasks::kOccupancy), from,
                                    from.addMonths(1).addDays(-1));
    }
    JobRequest request;
    if (slot <= 5) {
        request.kind = u"diag.sleep"_s;
        request.payload = {{u"steps"_s, 1}, {u"ms"_s, 10}};
    } else {
        request.kind = u"diag.noop"_s;
    }
    return request;
}

using Histogram = std::vector<quint32>;

void add(Histogram &h, qint64 ms)
{
    h[size_t(std::clamp<qint64>(ms, 0, kHistogramMs))] += 1;
}

qint64 count(const Histogram &h)
{
    qint64 n = 0;
    for (const quint32 c : h)
        n += c;
    return n;
}

// Nearest rank, in ms; -1 for no samples.
double percentile(const Histogram &h, double p)
{
    const qint64 n = count(h);
    if (n == 0)
        return -1;
    const qint64 rank = qMax<qint64>(1, qint64(std::ceil(p * double(n))));
    qint64 seen = 0;
    for (size_t ms = 0; ms < h.size(); ++ms) {
        seen += h[ms];
        if (seen >= rank)
            return double(ms);
    }
    return double(kHistogramMs);
}

struct Shared
{
    qint64 firstId = 0;
    qint64 jobs = 0;
    std::atomic<int> listening{0};
    std::atomic<qint64> ends{0};   // terminal events of our jobs received, all listeners
    std::atomic<qint64> events{0}; // events of our jobs received, all listeners
};

// One listening client: its EventBus (own connection) and what it received. Touched
// only on its dispatch thread while the run lasts.
struct Listener
{
    std::unique_ptr<EventBus> bus;
    std::vector<quint8> starts; // per job: running events without a total (a claim)
    std::vector<quint8> ends;   // per job: terminal events
    Histogram progress = Histogram(kHistogramMs + 1);
    Histogram all = Histogram(kHistogramMs + 1);
    qint64 negative = 0;     // receive time before "at" (clock trouble)
    qint64 retried = 0;      // events with attempts other than 1
    qint64 notSucceeded = 0; // terminal events other than succeeded
    qint64 lastEndMs = 0;
    qint64 batches = 0; // runs of events with the same "at": about one per NOTIFY
    qint64 lastAt = -1;

    // One event as the bus delivers it (one NOTIFY): every job in it arrived at once.
    void receive(Shared &shared, const QList<JobChange> &changes)
    {
        const qint64 receivedMs = QDateTime::currentMSecsSinceEpoch();
        qint64 received = 0, ended = 0;
        for (const JobChange &change : changes) {
            const qint64 index = change.id - shared.firstId;
            if (index < 0 || index >= shared.jobs)
                continue;
            if (change.state == u"queued")
                continue; // not the workers'
            if (change.at != lastAt) {
                ++batches;
                lastAt = change.at;
            }
            const qint64 latency = receivedMs - change.at;
            if (latency < 0)
                ++negative;
            add(all, latency);
            if (change.attempts != 1)
                ++retried;
            const auto bump = [](quint8 &c) {
                c = quint8(qMin(255, c + 1));
            };
            if (change.state == u"running") {
                if (change.total > 0)
                    add(progress, latency);
                else
                    bump(starts[size_t(index)]);
            } else {
                bump(ends[size_t(index)]);
                if (change.state != u"succeeded")
                    ++notSucceeded;
                lastEndMs = qMax(lastEndMs, receivedMs);
                ++ended;
            }
            ++received;
        }
        if (ended)
            shared.ends.fetch_add(ended, std::memory_order_relaxed);
        if (received)
            shared.events.fetch_add(received, std::memory_order_relaxed);
    }
};

// CPU ticks of the server's processes: the postmaster's own and its reaped children's,
// plus its live children's (backends, checkpointer, WAL writer, …).
struct ProcStat
{
    qint64 ppid = -1;
    qint64 utime = 0, stime = 0, cutime = 0, cstime = 0;
};

bool readProcStat(qint64 pid, ProcStat *out)
{
    QFile file(u"/proc/%1/stat"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = file.readAll();
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0)
        return false;
    const QList<QByteArray> f = text.mid(close + 2).split(' ');
    // f[0] is field 3 (state): ppid is field 4, utime..cstime fields 14..17.
    if (f.size() < 15)
        return false;
    out->ppid = f.at(1).toLongLong();
    out->utime = f.at(11).toLongLong();
    out->stime = f.at(12).toLongLong();
    out->cutime = f.at(13).toLongLong();
    out->cstime = f.at(14).toLongLong();
    return true;
}

QByteArray procComm(qint64 pid)
{
    QFile file(u"/proc/%1/comm"_s.arg(pid));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray();
}

// Seconds of CPU of the server (postmaster `pid`); -1 when it cannot be read.
double serverCpuSeconds(qint64 postmaster)
{
    ProcStat master;
    if (postmaster <= 0 || !readProcStat(postmaster, &master))
        return -1;
    qint64 ticks = master.utime + master.stime + master.cutime + master.cstime;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        ProcStat child;
        if (numeric && pid != postmaster && readProcStat(pid, &child) && child.ppid == postmaster)
            ticks += child.utime + child.stime;
    }
    return double(ticks) / double(sysconf(_SC_CLK_TCK));
}

struct ConnectionPeak
{
    int clients = 0;
    int active = 0; // the most running a statement at one sample
    QString breakdown;
};

bool sampleConnections(Database &db, ConnectionPeak *peak, QString *error)
{
    SqlStatement st(db, u"SELECT COALESCE(NULLIF(application_name, ''), '(none)'), COUNT(*), "
                        "COUNT(*) FILTER (WHERE state = 'active') FROM pg_stat_activity "
                        "WHERE backend_type = 'client backend' GROUP BY 1 ORDER BY 2 DESC"_s);
    if (const VoidResult r = st.exec(); !r) {
        *error = r.error().message;
        return false;
    }
    int clients = 0;
    int active = 0;
    QStringList parts;
    while (st.next()) {
        clients += st.value(1).toInt();
        active += st.value(2).toInt();
        parts << u"%1 %2"_s.arg(st.value(0).toString()).arg(st.value(1).toInt());
    }
    peak->active = qMax(peak->active, active);
    if (clients > peak->clients) {
        peak->clients = clients;
        peak->breakdown = parts.join(u", "_s);
    }
    return true;
}

// A thread of this process on which a share of the listeners' EventBus objects live
// (and emit their signals).
class DispatchThread
{
public:
    DispatchThread()
    {
        m_context = new QObject;
        m_context->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
        m_thread.start();
    }
    ~DispatchThread()
    {
        m_thread.quit();
        m_thread.wait();
    }
    // Runs `f` on the thread and waits for it.
    template<typename F> void run(F f)
    {
        QMetaObject::invokeMethod(m_context, f, Qt::BlockingQueuedConnection);
    }

private:
    QThread m_thread;
    QObject *m_context;
};

bool scalar(Database &db, const QString &sql, QVariant *out, QString *error)
{
    SqlStatement st(db, sql);
    if (const VoidResult r = st.exec(); !r) {
        *error = r.error().message;
        return false;
    }
    if (!st.next()) {
        *error = u"no result: "_s + sql;
        return false;
    }
    *out = st.value(0);
    return true;
}

struct RunFigures
{
    double claimRate = 0; // jobs/s
    double wallS = 0;
    double progressP50 = -1, progressP99 = -1;
    double allP50 = -1, allP99 = -1;
    qint64 progressSamples = 0, allSamples = 0;
    qint64 notifies = 0; // about: NOTIFYs of job events the first listener received
    ConnectionPeak connections;
    double serverCores = -1, workerCores = 0, listenerCores = 0;
    double listenerUsPerEvent = 0; // this process's CPU per job event received by a listener
    int errors = 0;
};

class Run
{
public:
    Run(Database &db, const QString &url, const QString &creator, qint64 postmaster, qint64 jobs,
        int listeners, int workers, const QStringList &workerArgs)
        : m_db(db)
        , m_url(url)
        , m_creator(creator)
        , m_postmaster(postmaster)
        , m_jobs(jobs)
        , m_listenerCount(listeners)
        , m_workerCount(workers)
        , m_workerArgs(workerArgs)
    {}

    bool execute(RunFigures *figures, QString *error)
    {
        if (!queueJobs(error) || !startListeners(error))
            return false;
        const bool ok = runWorkers(figures, error);
        QElapsedTimer stopping;
        stopping.start();
        stopListeners();
        std::fprintf(stderr, "listeners stopped in %.1f s\n", double(stopping.elapsed()) / 1000);
        if (!ok)
            return false;
        check(figures);
        return true;
    }

private:
    bool queueJobs(QString *error)
    {
        QElapsedTimer timer;
        timer.start();
        if (!EngineBench::clearJobs(m_db, error))
            return false;
        JobStore store(m_db);
        const Actor actor{m_creator, Actor::Role::Admin};
        const QDate today = QDate::currentDate();
        qint64 lastId = 0;
        for (qint64 from = 0; from < m_jobs; from += kEnqueueChunk) {
            Transaction tx(m_db);
            if (!tx.ok()) {
                *error = tx.error().message;
                return false;
            }
            for (qint64 i = from; i < qMin(m_jobs, from + kEnqueueChunk); ++i) {
                const Result<EnqueueResult> queued = store.enqueue(requestFor(i, today), actor);
                if (!queued) {
                    *error = queued.error().message;
                    return false;
                }
                if (i == 0)
                    m_shared.firstId = queued->id;
                if (queued->id != lastId + 1 && i > 0) {
                    *error = u"job ids are not consecutive (%1 after %2): is something else queueing jobs?"_s
                                 .arg(queued->id)
                                 .arg(lastId);
                    return false;
                }
                lastId = queued->id;
            }
            if (const VoidResult committed = tx.commit(); !committed) {
                *error = committed.error().message;
                return false;
            }
        }
        m_shared.jobs = m_jobs;
        for (const QString &sql : {u"VACUUM ANALYZE jobs"_s, u"VACUUM ANALYZE notifications"_s}) {
            if (const VoidResult r = SqlStatement::run(m_db, sql); !r) {
                *error = r.error().message;
                return false;
            }
        }
        std::fprintf(stderr, "queued %lld jobs (ids %lld to %lld) in %.1f s\n",
                     static_cast<long long>(m_jobs), static_cast<long long>(m_shared.firstId),
                     static_cast<long long>(lastId), double(timer.elapsed()) / 1000);
        return true;
    }

    bool startListeners(QString *error)
    {
        QElapsedTimer timer;
        timer.start();
        for (int t = 0; t < kDispatchThreads; ++t)
            m_threads.push_back(std::make_unique<DispatchThread>());
        m_listeners.resize(size_t(m_listenerCount));
        for (int i = 0; i < m_listenerCount; ++i) {
            Listener *l = &m_listeners[size_t(i)];
            l->starts.assign(size_t(m_jobs), 0);
            l->ends.assign(size_t(m_jobs), 0);
            m_threads[size_t(i % kDispatchThreads)]->run([this, l] {
                l->bus = std::make_unique<EventBus>(m_db);
                QObject::connect(
                    l->bus.get(), &EventBus::listening, l->bus.get(),
                    [this] { m_shared.listening.fetch_add(1); }, Qt::DirectConnection);
                QObject::connect(
                    l->bus.get(), &EventBus::jobsChanged, l->bus.get(),
                    [this, l](const QList<JobChange> &changes) { l->receive(m_shared, changes); },
                    Qt::DirectConnection);
                l->bus->start();
            });
        }
        while (m_shared.listening.load() < m_listenerCount && timer.elapsed() < kListenTimeoutMs) {
            QThread::msleep(50);
        }
        if (m_shared.listening.load() < m_listenerCount) {
            *error =
                u"only %1 of %2 listeners subscribed within %3 s (see the warnings above; max_connections?)"_s
                    .arg(m_shared.listening.load())
                    .arg(m_listenerCount)
                    .arg(kListenTimeoutMs / 1000);
            return false;
        }
        QVariant listening;
        if (!scalar(m_db,
                    u"SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = '%1'"_s.arg(
                        QString::fromLatin1(Events::listenerApplicationName)),
                    &listening, error))
            return false;
        std::fprintf(stderr, "%d listeners LISTENing on %lld connections (%.1f s)\n", m_listenerCount,
                     listening.toLongLong(), double(timer.elapsed()) / 1000);
        return true;
    }

    void stopListeners()
    {
        for (int i = 0; i < m_listenerCount; ++i) {
            Listener *l = &m_listeners[size_t(i)];
            m_threads[size_t(i % kDispatchThreads)]->run([l] { l->bus.reset(); });
        }
        m_threads.clear();
    }

    bool runWorkers(RunFigures *figures, QString *error)
    {
        const double serverBefore = serverCpuSeconds(m_postmaster);
        const double selfBefore = EngineBench::rusageSeconds(RUSAGE_SELF);
        const double childrenBefore = EngineBench::rusageSeconds(RUSAGE_CHILDREN);
        m_releasedMs = QDateTime::currentMSecsSinceEpoch();
        QElapsedTimer wall;
        wall.start();

        std::vector<std::unique_ptr<QProcess>> workers;
        for (int i = 0; i < m_workerCount; ++i) {
            auto worker = std::make_unique<QProcess>();
            worker->setStandardOutputFile(QProcess::nullDevice());
            worker->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            worker->start(EngineBench::residentBinary(),
                          QStringList{u"--database"_s, m_url, u"worker"_s, u"--once"_s, u"--kinds"_s, kKinds,
                                      u"--concurrency"_s, QString::number(kConcurrency)} +
                              m_workerArgs);
            workers.push_back(std::move(worker));
        }
        const auto killAll = [&workers] {
            for (const auto &w : workers) {
                if (w->state() != QProcess::NotRunning) {
                    w->kill();
                    w->waitForFinished();
                }
            }
        };

        const qint64 target = m_jobs * m_listenerCount;
        QEventLoop loop;
        QTimer tick;
        tick.setInterval(kSampleMs);
        qint64 lastEvents = -1;
        QElapsedTimer sinceEvent;
        sinceEvent.start();
        qint64 workersDoneMs = -1;
        QString failure;
        bool done = false;
        QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
            QString sampleError;
            if (!sampleConnections(m_db, &figures->connections, &sampleError))
                std::fprintf(stderr, "note: pg_stat_activity: %s\n", qPrintable(sampleError));
            const qint64 events = m_shared.events.load();
            if (events != lastEvents) {
                lastEvents = events;
                sinceEvent.restart();
            }
            bool running = false;
            for (const auto &w : workers) {
                if (w->state() != QProcess::NotRunning) {
                    running = true;
                } else if (w->error() == QProcess::FailedToStart || w->exitStatus() != QProcess::NormalExit ||
                           w->exitCode() != 0) {
                    failure =
                        u"a worker failed (%1, exit code %2)"_s.arg(w->errorString()).arg(w->exitCode());
                }
            }
            if (!running && workersDoneMs < 0)
                workersDoneMs = wall.elapsed();
            if (!failure.isEmpty()) {
                loop.quit();
            } else if (!running && m_shared.ends.load() >= target) {
                done = true;
                loop.quit();
            } else if (!running && wall.elapsed() - workersDoneMs > kQuietAfterWorkersMs &&
                       sinceEvent.elapsed() > kQuietAfterWorkersMs) {
                done = true; // events are missing: check() reports them
                loop.quit();
            } else if (sinceEvent.elapsed() > kStallMs) {
                failure = u"no event reached the listeners for %1 s (%2 of %3 job ends received)"_s
                              .arg(kStallMs / 1000)
                              .arg(m_shared.ends.load())
                              .arg(target);
                loop.quit();
            }
        });
        tick.start();
        QTimer progress;
        progress.setInterval(10000);
        QObject::connect(&progress, &QTimer::timeout, &loop, [&] {
            std::fprintf(stderr, "  %.0f s: %lld of %lld job ends received by the listeners\n",
                         double(wall.elapsed()) / 1000, static_cast<long long>(m_shared.ends.load()),
                         static_cast<long long>(target));
        });
        progress.start();
        loop.exec();
        tick.stop();
        progress.stop();
        if (!done) {
            killAll();
            *error = failure;
            return false;
        }
        const double cpuWallS = double(wall.elapsed()) / 1000;
        std::fprintf(stderr, "workers exited after %.1f s, the listeners had every end after %.1f s\n",
                     double(workersDoneMs) / 1000, cpuWallS);
        const double serverAfter = serverCpuSeconds(m_postmaster);
        const double selfAfter = EngineBench::rusageSeconds(RUSAGE_SELF);
        const double childrenAfter = EngineBench::rusageSeconds(RUSAGE_CHILDREN);
        // Late duplicates would show now; the figures above do not include this wait.
        QThread::msleep(1000);
        figures->serverCores =
            serverBefore >= 0 && serverAfter >= 0 ? (serverAfter - serverBefore) / cpuWallS : -1;
        figures->workerCores = (childrenAfter - childrenBefore) / cpuWallS;
        figures->listenerCores = (selfAfter - selfBefore) / cpuWallS;
        figures->listenerUsPerEvent =
            (selfAfter - selfBefore) * 1e6 / double(qMax<qint64>(1, m_shared.events.load()));
        return true;
    }

    void check(RunFigures *figures)
    {
        Histogram progress(kHistogramMs + 1, 0);
        Histogram all(kHistogramMs + 1, 0);
        qint64 missingStarts = 0, duplicateStarts = 0, missingEnds = 0, duplicateEnds = 0;
        qint64 negative = 0, retried = 0, notSucceeded = 0, lastEndMs = 0;
        for (const Listener &l : m_listeners) {
            lastEndMs = qMax(lastEndMs, l.lastEndMs);
            for (size_t j = 0; j < size_t(m_jobs); ++j) {
                missingStarts += l.starts[j] == 0;
                duplicateStarts += l.starts[j] > 1;
                missingEnds += l.ends[j] == 0;
                duplicateEnds += l.ends[j] > 1;
            }
            for (size_t ms = 0; ms <= size_t(kHistogramMs); ++ms) {
                progress[ms] += l.progress[ms];
                all[ms] += l.all[ms];
            }
            negative += l.negative;
            retried += l.retried;
            notSucceeded += l.notSucceeded;
        }
        figures->wallS = double(qMax<qint64>(1, lastEndMs - m_releasedMs)) / 1000;
        figures->notifies = m_listeners.empty() ? 0 : m_listeners.front().batches;
        figures->progressSamples = count(progress);
        figures->allSamples = count(all);
        figures->progressP50 = percentile(progress, 0.5);
        figures->progressP99 = percentile(progress, 0.99);
        figures->allP50 = percentile(all, 0.5);
        figures->allP99 = percentile(all, 0.99);

        const auto problem = [figures](const QString &text) {
            std::fprintf(stderr, "ERROR: %s\n", qPrintable(text));
            ++figures->errors;
        };
        if (missingStarts || duplicateStarts || missingEnds || duplicateEnds)
            problem(
                u"listeners: %1 job starts missed, %2 seen twice or more; %3 job ends missed, %4 seen twice "
                "or more (over %5 listeners × %6 jobs)"_s.arg(missingStarts)
                    .arg(duplicateStarts)
                    .arg(missingEnds)
                    .arg(duplicateEnds)
                    .arg(m_listenerCount)
                    .arg(m_jobs));
        if (retried || notSucceeded)
            problem(u"listeners: %1 events with attempts other than 1, %2 ends other than succeeded"_s
                        .arg(retried)
                        .arg(notSucceeded));
        if (negative)
            std::fprintf(stderr, "note: %lld events arrived before their \"at\" (counted as 0 ms)\n",
                         static_cast<long long>(negative));

        // The jobs table: each job ran once and succeeded.
        SqlStatement st(m_db,
                        u"SELECT COUNT(*), COUNT(*) FILTER (WHERE state = 'succeeded'), "
                        "COUNT(*) FILTER (WHERE state = 'succeeded' AND attempts = 1), MIN(started_at), "
                        "MAX(finished_at) FROM jobs WHERE id BETWEEN ? AND ?"_s);
        st.bind(m_shared.firstId).bind(m_shared.firstId + m_jobs - 1);
        if (const VoidResult r = st.exec(); !r || !st.next()) {
            problem(u"cannot read the jobs: %1"_s.arg(r ? u"no row"_s : r.error().message));
            return;
        }
        const qint64 rows = st.value(0).toLongLong();
        const qint64 succeeded = st.value(1).toLongLong();
        const qint64 once = st.value(2).toLongLong();
        const qint64 spanMs = st.value(4).toLongLong() - st.value(3).toLongLong();
        st.finish();
        if (rows != m_jobs || succeeded != m_jobs || once != m_jobs)
            problem(u"jobs table: %1 of %2 jobs there, %3 succeeded, %4 succeeded at the first attempt"_s
                        .arg(rows)
                        .arg(m_jobs)
                        .arg(succeeded)
                        .arg(once));
        figures->claimRate = double(m_jobs) * 1000.0 / double(qMax<qint64>(1, spanMs));

        SqlStatement kinds(m_db,
                           u"SELECT kind, COUNT(*), AVG(finished_at - started_at) FROM jobs WHERE id BETWEEN "
                           "? AND ? GROUP BY kind ORDER BY kind"_s);
        kinds.bind(m_shared.firstId).bind(m_shared.firstId + m_jobs - 1);
        if (kinds.exec()) {
            QStringList parts;
            while (kinds.next())
                parts << u"%1 %2 (mean %3 ms)"_s.arg(kinds.value(0).toString())
                             .arg(kinds.value(1).toLongLong())
                             .arg(kinds.value(2).toDouble(), 0, 'f', 1);
            std::fprintf(stderr, "jobs: %s\n", qPrintable(parts.join(u", "_s)));
        }
    }

    Database &m_db;
    QString m_url;
    QString m_creator;
    qint64 m_postmaster;
    qint64 m_jobs;
    int m_listenerCount;
    int m_workerCount;
    QStringList m_workerArgs;
    Shared m_shared;
    qint64 m_releasedMs = 0;
    std::vector<Listener> m_listeners;
    std::vector<std::unique_ptr<DispatchThread>> m_threads;
};

} // namespace

int ScaleUniversityCase::run(const BenchOptions &options)
{
    QLoggingCategory::setFilterRules(u"residesk.*.info=false\nresidesk.*.debug=false"_s);
    const Result<DatabaseConfig> given = DatabaseConfig::parse(options.databaseUrl);
    if (options.databaseUrl.isEmpty() || !given || !given->isPostgreSQL()) {
        std::fprintf(stderr, "residesk-bench: %s needs a PostgreSQL database (--database postgresql://...)\n",
                     qPrintable(name()));
        return 2;
    }
    const qint64 jobs = options.jobs > 0 ? options.jobs : kDefaultJobs;
    const int listeners = options.listeners > 0 ? options.listeners : kDefaultListeners;
    if (options.processes.size() > 1) {
        std::fprintf(stderr, "residesk-bench: %s takes one worker process count (--processes N)\n",
                     qPrintable(name()));
        return 2;
    }
    const int workers = options.processes.isEmpty() ? kDefaultWorkers : options.processes.constFirst();
    const int runs = options.runsSet ? options.runs : 1;
    if (!QFile::exists(EngineBench::residentBinary())) {
        std::fprintf(stderr, "residesk-bench: no residesk binary at %s (build it, or set RESIDESK_BINARY)\n",
                     qPrintable(EngineBench::residentBinary()));
        return 1;
    }

    QString error;
    BenchDatabase bench;
    if (!bench.prepare(options.databaseUrl, kDemoResidents, &error)) {
        std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
        return 1;
    }
    Database db(given.value());

    // The server: enough connections? its durability settings; where its processes are.
    QVariant maxConnections, reserved, fsync, syncCommit, sharedBuffers, creator, backendPid;
    if (!scalar(db, u"SELECT CAST(current_setting('max_connections') AS int)"_s, &maxConnections, &error) ||
        !scalar(db, u"SELECT CAST(current_setting('superuser_reserved_connections') AS int)"_s, &reserved,
                &error) ||
        !scalar(db, u"SELECT current_setting('fsync')"_s, &fsync, &error) ||
        !scalar(db, u"SELECT current_setting('synchronous_commit')"_s, &syncCommit, &error) ||
        !scalar(db, u"SELECT current_setting('shared_buffers')"_s, &sharedBuffers, &error) ||
        !scalar(db, u"SELECT session_user"_s, &creator, &error) ||
        !scalar(db, u"SELECT pg_backend_pid()"_s, &backendPid, &error)) {
        std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
        return 1;
    }
    const int needed = listeners + workers * kConnectionsPerWorker + 10;
    const int usable = maxConnections.toInt() - reserved.toInt();
    std::fprintf(
        stderr,
        "server: max_connections %d (%d reserved), fsync %s, synchronous_commit %s, shared_buffers %s; "
        "this machine: %d cores\n",
        maxConnections.toInt(), reserved.toInt(), qPrintable(fsync.toString()),
        qPrintable(syncCommit.toString()), qPrintable(sharedBuffers.toString()), QThread::idealThreadCount());
    if (usable < needed) {
        std::fprintf(
            stderr,
            "residesk-bench: %s needs about %d connections (%d listeners, %d workers × %d, this process "
            "and some room); the server allows %d (max_connections %d). Start it with e.g. "
            "max_connections = %d; the test fixture: RESIDESK_PG_OPTIONS='-c max_connections=%d -c "
            "fsync=on -c synchronous_commit=on -c full_page_writes=on' sh tests/support/pgfixture.sh "
            "start DIR\n",
            qPrintable(name()), needed, listeners, workers, kConnectionsPerWorker, usable,
            maxConnections.toInt(), needed + 100, needed + 100);
        return 1;
    }
    if (fsync.toString() != u"on"_s || syncCommit.toString() != u"on"_s)
        std::fprintf(stderr,
                     "note: fsync or synchronous_commit is off: commits are cheaper than on a real server\n");
    qint64 postmaster = -1;
    {
        ProcStat backend;
        if (readProcStat(backendPid.toLongLong(), &backend) && procComm(backend.ppid) == "postgres" &&
            procComm(backendPid.toLongLong()) == "postgres")
            postmaster = backend.ppid;
        else
            std::fprintf(stderr,
                         "note: the server's processes are not visible here: its CPU is not measured\n");
    }

    BenchStats claim{name() + u".claim_rate"_s, u"jobs/s"_s, {}};
    BenchStats wall{name() + u".wall"_s, u"s"_s, {}};
    BenchStats p50{name() + u".p50"_s, u"ms"_s, {}};
    BenchStats allP99{name() + u".all_events_p99"_s, u"ms"_s, {}};
    BenchStats peak{name() + u".peak_connections"_s, u"connections"_s, {}};
    BenchStats serverCpu{name() + u".server_cpu"_s, u"cores"_s, {}};
    BenchStats workerCpu{name() + u".worker_cpu"_s, u"cores"_s, {}};
    BenchStats listenerCpu{name() + u".listener_cpu"_s, u"cores"_s, {}};
    BenchStats perEvent{name() + u".listener_cpu_per_event"_s, u"us"_s, {}};
    BenchStats p99{name(), u"ms"_s, {}}; // the target: p99 <= 250 ms
    int errors = 0;
    const QString workersUrl = EngineBench::workerUrl(db, bench.url(), options.workerUser);
    for (int i = 0; i < runs; ++i) {
        std::fprintf(stderr, "run %d of %d: %lld jobs, %d listeners, %d workers × %d\n", i + 1, runs,
                     static_cast<long long>(jobs), listeners, workers, kConcurrency);
        RunFigures f;
        {
            Run run(db, workersUrl, creator.toString(), postmaster, jobs, listeners, workers,
                    options.workerArgs);
            if (!run.execute(&f, &error)) {
                std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
                EngineBench::clearJobs(db, &error);
                return 1;
            }
        }
        errors += f.errors;
        std::fprintf(
            stderr,
            "run %d: %.0f jobs/s claimed, wall %.1f s; progress→listener p50 %.0f ms, p99 %.0f ms "
            "(%lld samples); all worker events p50 %.0f ms, p99 %.0f ms (%lld samples); about %lld NOTIFYs "
            "of job events (%.0f a second) to each listener; peak %d client connections (%s), at most %d "
            "active; CPU (cores): server %.2f, workers %.2f, listeners "
            "%.2f (%.1f µs of this process's CPU per job event received)%s\n",
            i + 1, f.claimRate, f.wallS, f.progressP50, f.progressP99,
            static_cast<long long>(f.progressSamples), f.allP50, f.allP99,
            static_cast<long long>(f.allSamples), static_cast<long long>(f.notifies),
            double(f.notifies) / f.wallS, f.connections.clients, qPrintable(f.connections.breakdown),
            f.connections.active, f.serverCores, f.workerCores, f.listenerCores, f.listenerUsPerEvent,
            f.errors ? " — ERRORS above" : "");
        claim.samples.append(f.claimRate);
        wall.samples.append(f.wallS);
        p50.samples.append(f.progressP50);
        p99.samples.append(f.progressP99);
        allP99.samples.append(f.allP99);
        peak.samples.append(f.connections.clients);
        if (f.serverCores >= 0)
            serverCpu.samples.append(f.serverCores);
        workerCpu.samples.append(f.workerCores);
        listenerCpu.samples.append(f.listenerCores);
        perEvent.samples.append(f.listenerUsPerEvent);
    }
    EngineBench::clearJobs(db, &error);
    for (const BenchStats *stats :
         {&claim, &wall, &p50, &allP99, &peak, &serverCpu, &workerCpu, &listenerCpu, &perEvent})
        stats->print(options.json);
    const QString summary =
        u"%1: %2 jobs, %3 listeners, %4 workers: %5 jobs/s, progress→listener p50 %6 ms p99 %7 ms (target <= "
        u"250), "
        "peak %8 connections, server %9 cores, %10"_s.arg(name())
            .arg(jobs)
            .arg(listeners)
            .arg(workers)
            .arg(claim.median(), 0, 'f', 0)
            .arg(p50.median(), 0, 'f', 0)
            .arg(p99.median(), 0, 'f', 0)
            .arg(peak.median(), 0, 'f', 0)
            .arg(serverCpu.samples.isEmpty() ? u"?"_s : QString::number(serverCpu.median(), 'f', 2))
            .arg(errors ? u"ERRORS: %1 (see above)"_s.arg(errors)
                        : u"each job ran once, every event seen once"_s);
    std::fprintf(options.json ? stderr : stdout, "%s\n", qPrintable(summary));
    p99.print(options.json);
    return errors ? 1 : 0;
}
