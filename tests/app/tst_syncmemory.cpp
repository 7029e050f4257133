// `residesk sync residents URL --wait` applies a 100,000-row export in bounded memory:
// the test serves a file of about 110 MB (each row carries a 1,000-byte column the
// import ignores) from a real HTTP server, runs the real binary as a child process and
// reads the child's peak resident set size from wait4()'s rusage (ru_maxrss). A body
// held whole in memory would alone exceed the bound. A memory bound, not a timing
// assertion.
#include "models/db/sqlstatement.h"
#include "tests/support/registrarserver.h"
#include "tests/support/testdatabase.h"

#include <QByteArray>
#include <QFile>
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
constexpr int kRows = 100000;
constexpr int kPadding = 1000;
constexpr qint64 kPeakRssBoundKiB = 90 * 1024;
} // namespace

class TestSyncMemory : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;

    // Runs the binary with `args`, stdout to `outPath`; the exit code (-1: not run).
    static int spawn(const QList<QByteArray> &args, const QString &outPath, rusage *usage)
    {
        const QByteArray binary = qgetenv("RESIDESK_BINARY");
        QList<QByteArray> argv{binary};
        argv += args;
        std::vector<char *> pointers;
        for (QByteArray &a : argv)
            pointers.push_back(a.data());
        pointers.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        const QByteArray out = outPath.toLocal8Bit();
        posix_spawn_file_actions_addopen(&actions, 1, out.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const QByteArray err = (outPath + u".err"_s).toLocal8Bit();
        posix_spawn_file_actions_addopen(&actions, 2, err.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        pid_t pid = 0;
        const int rc = posix_spawn(&pid, binary.constData(), &actions, nullptr, pointers.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        if (rc != 0)
            return -1;
        int status = 0;
        if (wait4(pid, &status, 0, usage) != pid)
            return -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -2;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qgetenv("RESIDESK_BINARY").isEmpty(), "RESIDESK_BINARY is not set (run through ctest)");
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
    }
    void cleanupTestCase() { m_t.reset(); }

    void hundredThousandRowsInBoundedMemory()
    {
        // Written in blocks: the test process itself never holds the body either (a
        // spawned child's peak counts what its parent held when it was spawned).
        RegistrarServer server;
        qint64 bodyBytes = 0;
        {
            QFile file(server.filePath(u"residents.csv"_s));
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QByteArray block = "student_id,first_name,last_name,email,status,notes\n";
            const QByteArray padding(kPadding, 'x');
            for (int i = 1; i <= kRows; ++i) {
                const QByteArray n = QByteArray::number(i);
                block += "S" + n + ",First" + n + ",Last" + n + ",student" + n + "@example.edu,active," + padding +
                         "\n";
                if (block.size() > (1 << 20)) {
                    QCOMPARE(file.write(block), block.size());
                    bodyBytes += block.size();
                    block.clear();
                }
            }
            QCOMPARE(file.write(block), block.size());
            bodyBytes += block.size();
        }
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray database = m_t->url().toUtf8();
        const QByteArray url = server.url(u"residents.csv"_s).toUtf8();
        rusage usage{};
        const QString out = dir.filePath(u"sync.out"_s);
        const int code = spawn({"--database", database, "sync", "residents", url, "--wait", "--json"}, out, &usage);
        QFile errFile(out + u".err"_s);
        QVERIFY(errFile.open(QIODevice::ReadOnly));
        QVERIFY2(code == 0, errFile.readAll().constData());
        QFile outFile(out);
        QVERIFY(outFile.open(QIODevice::ReadOnly));
        const QJsonObject result = QJsonDocument::fromJson(outFile.readAll()).object();
        QCOMPARE(result.value(u"created"_s).toInteger(), kRows);
        QCOMPARE(result.value(u"rejected_count"_s).toInteger(), 0);
        QCOMPARE(result.value(u"bytes"_s).toInteger(), bodyBytes);
        const qint64 peakKiB = usage.ru_maxrss; // KiB on Linux
        qInfo("peak RSS of `residesk sync residents` for %d rows (%.1f MB body): %.1f MiB", kRows,
              double(bodyBytes) / 1e6, double(peakKiB) / 1024);
        QVERIFY2(peakKiB <= kPeakRssBoundKiB, qPrintable(u"peak RSS %1 MiB is above the bound of %2 MiB"_s
                                                             .arg(double(peakKiB) / 1024, 0, 'f', 1)
                                                             .arg(kPeakRssBoundKiB / 1024)));
        SqlStatement count(m_t->db(), u"SELECT COUNT(*) FROM residents"_s);
        QVERIFY(count.exec() && count.next());
        QCOMPARE(count.value(0).toLongLong(), kRows);

        // The same file again: one conditional request, nothing written.
        rusage again{};
        QCOMPARE(spawn({"--database", database, "sync", "residents", url, "--wait", "--json"}, out, &again), 0);
        QVERIFY(outFile.seek(0));
        outFile.close();
        QVERIFY(outFile.open(QIODevice::ReadOnly));
        const QJsonObject second = QJsonDocument::fromJson(outFile.readAll()).object();
        QCOMPARE(second.value(u"not_modified"_s).toBool(), true);
        QCOMPARE(second.value(u"http_status"_s).toInt(), 304);
    }
};

QTEST_GUILESS_MAIN(TestSyncMemory)
#include "tst_syncmemory.moc"
