#include "tests/bench/importpeakrsscase.h"

#include "models/db/database.h"
#include "models/db/sqlstatement.h"
#include "tests/bench/benchstats.h"
#include "tests/bench/enginethroughputcase.h"
#include "tests/bench/importresidentscase.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

extern char **environ;

using namespace Qt::StringLiterals;

namespace {
constexpr int kRows = 1000000;

// Runs the binary with `args` (stdout to /dev/null); its exit code and rusage.
int spawnAndWait(const QList<QByteArray> &args, rusage *usage)
{
    QList<QByteArray> argv{EngineBench::residentBinary().toLocal8Bit()};
    argv += args;
    std::vector<char *> pointers;
    for (QByteArray &a : argv)
        pointers.push_back(a.data());
    pointers.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int rc =
        posix_spawn(&pid, argv.constFirst().constData(), &actions, nullptr, pointers.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        return -1;
    int status = 0;
    if (wait4(pid, &status, 0, usage) != pid)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -2;
}
} // namespace

int ImportPeakRssCase::run(const BenchOptions &options)
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(u"residents-1m.csv"_s);
    if (!dir.isValid() || !ImportBench::writeResidentsFile(csv, kRows)) {
        std::fprintf(stderr, "%s: cannot write the CSV file\n", qPrintable(name()));
        return 1;
    }
    BenchStats stats{name(), u"MiB"_s, {}};
    for (int run = 1; run <= options.runs; ++run) { // no warm-up: each run is a new process
        QString url = options.databaseUrl;
        if (url.isEmpty())
            url = u"sqlite://%1/import-%2.db"_s.arg(dir.path()).arg(run);
        rusage ignored{};
        if (spawnAndWait({"--database", url.toUtf8(), "migrate"}, &ignored) != 0) {
            std::fprintf(stderr, "%s: cannot migrate %s\n", qPrintable(name()), qPrintable(url));
            return 1;
        }
        if (!options.databaseUrl.isEmpty()) {
            Database db(DatabaseConfig::parse(url).value());
            for (const QString &sql : {u"DELETE FROM import_rejections"_s, u"DELETE FROM residents"_s,
                                       u"VACUUM ANALYZE residents"_s})
                SqlStatement::run(db, sql);
        }
        QElapsedTimer wall;
        wall.start();
        rusage usage{};
        const int code = spawnAndWait(
            {"--database", url.toUtf8(), "import", "residents", csv.toLocal8Bit(), "--json"}, &usage);
        if (code != 0) {
            std::fprintf(stderr, "%s: the import exited with %d\n", qPrintable(name()), code);
            return 1;
        }
        const double mib = double(usage.ru_maxrss) / 1024;
        stats.samples.append(mib);
        if (!options.json)
            std::printf("%s run %d: %.1f MiB peak RSS, %.1f s\n", qPrintable(name()), run, mib,
                        double(wall.elapsed()) / 1000);
    }
    stats.print(options.json);
    return 0;
}
