// A million residents imported by `residesk import residents` in bounded memory: the
// test writes the file, runs the real binary as a child process and reads the child's
// peak resident set size from wait4()'s rusage (ru_maxrss). A memory bound, not a
// timing assertion. SQLite only: the same code path on PostgreSQL takes several
// minutes on a shared CI machine (residesk-bench import_1m_peak_rss measures both).
#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace Qt::StringLiterals;

namespace {
constexpr int kRows = 1000000;
constexpr qint64 kPeakRssBoundKiB = 150 * 1024;
} // namespace

class TestImportMemory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void millionRowsInBoundedMemory()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString csv = dir.filePath(u"million.csv"_s);
        {
            QFile file(csv);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QByteArray block;
            block.reserve(1 << 20);
            file.write("student_id,first_name,last_name,email,phone,status\n");
            for (int i = 1; i <= kRows; ++i) {
                const QByteArray n = QByteArray::number(i);
                block += "S" + n + ",First" + n + ",Last" + n + ",student" + n + "@example.edu,+1 202 555 " +
                         QByteArray::number(i % 10000).rightJustified(4, '0') + ",active\n";
                if (block.size() > (1 << 20) - 200) {
                    QVERIFY(file.write(block) == block.size());
                    block.clear();
                }
            }
            QVERIFY(file.write(block) == block.size());
        }
        const QString dbFile = dir.filePath(u"import.db"_s);
        const QByteArray url = (u"sqlite://"_s + dbFile).toUtf8();
        const QByteArray binary = qgetenv("RESIDESK_BINARY");
        QVERIFY2(!binary.isEmpty(), "RESIDESK_BINARY is not set (run through ctest)");

        const auto spawn = [&](const QList<QByteArray> &args, const QString &outPath, rusage *usage) {
            QList<QByteArray> argv{binary};
            argv += args;
            std::vector<char *> pointers;
            for (QByteArray &a : argv)
                pointers.push_back(a.data());
            pointers.push_back(nullptr);
            posix_spawn_file_actions_t actions;
            posix_spawn_file_actions_init(&actions);
            const QByteArray out = outPath.toLocal8Bit();
            posix_spawn_file_actions_addopen(&actions, 1, out.constData(), O_WRONLY | O_CREAT | O_TRUNC,
                                             0644);
            const QByteArray err = (outPath + u".err"_s).toLocal8Bit();
            posix_spawn_file_actions_addopen(&actions, 2, err.constData(), O_WRONLY | O_CREAT | O_TRUNC,
                                             0644);
            pid_t pid = 0;
            const int rc = posix_spawn(&pid, binary.constData(), &actions, nullptr, pointers.data(), environ);
            posix_spawn_file_actions_destroy(&actions);
            if (rc != 0)
                return -1;
            int status = 0;
            if (wait4(pid, &status, 0, usage) != pid)
                return -1;
            return WIFEXITED(status) ? WEXITSTATUS(status) : -2;
        };

        rusage usage{};
        const QString migrateOut = dir.filePath(u"migrate.out"_s);
        QCOMPARE(spawn({"--database", url, "migrate"}, migrateOut, &usage), 0);
        const QString importOut = dir.filePath(u"import.out"_s);
        const int code =
            spawn({"--database", url, "import", "residents", csv.toLocal8Bit(), "--json"}, importOut, &usage);
        QFile errFile(importOut + u".err"_s);
        QVERIFY(errFile.open(QIODevice::ReadOnly));
        QVERIFY2(code == 0, errFile.readAll().constData());
        QFile outFile(importOut);
        QVERIFY(outFile.open(QIODevice::ReadOnly));
        const QJsonObject result = QJsonDocument::fromJson(outFile.readAll()).object();
        QCOMPARE(result.value(u"created"_s).toInteger(), kRows);
        QCOMPARE(result.value(u"rejected"_s).toArray().size(), 0);
        const qint64 peakKiB = usage.ru_maxrss; // KiB on Linux
        qInfo("peak RSS of `residesk import residents` for %d rows: %.1f MiB", kRows, double(peakKiB) / 1024);
        QVERIFY2(peakKiB <= kPeakRssBoundKiB, qPrintable(u"peak RSS %1 MiB is above the bound of %2 MiB"_s
                                                             .arg(double(peakKiB) / 1024, 0, 'f', 1)
                                                             .arg(kPeakRssBoundKiB / 1024)));
    }
};

QTEST_GUILESS_MAIN(TestImportMemory)
#include "tst_importmemory.moc"
