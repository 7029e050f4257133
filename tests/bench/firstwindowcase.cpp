#include "tests/bench/firstwindowcase.h"

#include "tests/bench/benchdatabase.h"
#include "tests/bench/benchstats.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>

using namespace Qt::StringLiterals;

namespace {

constexpr int kResidents = 100000;
constexpr int kTimeoutMs = 60000;

qint64 monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

QString residesk()
{
    const QString path = qEnvironmentVariable("RESIDESK_BINARY");
    return path.isEmpty() ? QStringLiteral(RESIDESK_BENCH_BINARY) : path;
}

struct Sample
{
    double ms = -1;           // process started -> residents painted (this process's clock)
    double sinceStartMs = -1; // the same, as the probe saw it from the kernel's start time
    double rssMiB = -1;
    double peakMiB = -1;
};

Sample runApplication(const QString &url, const QString &home, int run, QString *error)
{
    const QString probe = home + u"/probe-%1"_s.arg(run);
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(u"QT_QPA_PLATFORM"_s))
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"RESIDESK_STARTUP_PROBE"_s, probe);
    // The person's settings, PDF cache and data stay out of the user's own folders.
    env.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s);
    env.insert(u"XDG_CACHE_HOME"_s, home + u"/cache"_s);
    env.insert(u"XDG_DATA_HOME"_s, home + u"/data"_s);
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedChannels);

    const qint64 startNs = monotonicNs();
    process.start(residesk(), {u"--database"_s, url});
    if (!process.waitForFinished(kTimeoutMs)) {
        *error =
            u"residesk did not start and quit within %1 ms (%2)"_s.arg(kTimeoutMs).arg(process.errorString());
        process.kill();
        process.waitForFinished();
        return {};
    }
    QFile file(probe);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0 ||
        !file.open(QIODevice::ReadOnly)) {
        *error =
            u"residesk ended with code %1 without the start-up probe's figures"_s.arg(process.exitCode());
        return {};
    }
    QHash<QByteArray, QByteArray> fields;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            fields.insert(line.left(eq), line.mid(eq + 1));
    }
    Sample sample;
    sample.ms = double(fields.value("painted_monotonic_ns").toLongLong() - startNs) / 1e6;
    sample.sinceStartMs = fields.value("since_process_start_ms").toDouble();
    sample.rssMiB = fields.value("rss_kib").toDouble() / 1024;
    sample.peakMiB = fields.value("hwm_kib").toDouble() / 1024;
    return sample;
}

} // namespace

int FirstWindowCase::run(const BenchOptions &options)
{
    BenchDatabase db;
    QString error;
    if (!db.prepare(options.databaseUrl, kResidents, &error)) {
        std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir home;
    if (!home.isValid()) {
        std::fprintf(stderr, "residesk-bench: cannot create a temporary folder\n");
        return 1;
    }
    BenchStats time{name(), u"ms"_s, {}};
    BenchStats rss{name() + u".rss"_s, u"MiB"_s, {}};
    BenchStats peak{name() + u".peak_rss"_s, u"MiB"_s, {}};
    for (int i = -1; i < options.runs; ++i) { // run -1 is the warm-up
        const Sample sample = runApplication(db.url(), home.path(), i + 1, &error);
        if (sample.ms < 0) {
            std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
            return 1;
        }
        if (!options.json)
            std::fprintf(stderr,
                         "%s %.1f ms to the residents painted (%.0f ms after the kernel's start time), "
                         "RSS %.1f MiB, peak %.1f MiB\n",
                         i < 0 ? "warm-up:" : "run:", sample.ms, sample.sinceStartMs, sample.rssMiB,
                         sample.peakMiB);
        if (i >= 0) {
            time.samples.append(sample.ms);
            rss.samples.append(sample.rssMiB);
            peak.samples.append(sample.peakMiB);
        }
    }
    rss.print(options.json);
    peak.print(options.json);
    time.print(options.json);
    return 0;
}
