// Several real processes on one SQLite file at once — the window (offscreen, with a
// file dialog showing the database's folder: what broke SQLite's locks, see
// models/db/databasefileguard.h), two command lines writing (an import, an import
// queued for a worker), one reading and closing over and over, and workers running
// what is queued — for a bounded time; the window then ends as if killed. Every write a
// process reported as committed must be in the file.
// SQLite only: the file, its locks and its write-ahead log are what is tested.
#include "tests/app/clirunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using CliRunner::Run;

namespace {

constexpr int kWindowWritesMs = 8000;

// Runs one command after another in the background while `keepGoing` says so; each
// finished run goes to `done` (its index and result).
class Lane : public QObject
{
public:
    using Next = std::function<QStringList(int)>;
    using Done = std::function<void(int, const Run &)>;

    Lane(Next next, Done done, std::function<bool()> keepGoing)
        : m_next(std::move(next))
        , m_done(std::move(done))
        , m_keepGoing(std::move(keepGoing))
    {}

    void start() { launch(); }
    bool running() const { return m_process != nullptr; }
    int runs() const { return m_index; }

private:
    void launch()
    {
        if (!m_keepGoing()) {
            m_process.reset();
            return;
        }
        m_process = CliRunner::start(m_next(m_index));
        QProcess *p = m_process.get();
        connect(p, &QProcess::finished, this, [this, p](int code, QProcess::ExitStatus status) {
            Run r;
            r.exitCode = status == QProcess::NormalExit ? code : -2;
            r.out = p->readAllStandardOutput();
            r.err = p->readAllStandardError();
            m_done(m_index++, r);
            QTimer::singleShot(0, this, [this] { launch(); });
        });
    }

    Next m_next;
    Done m_done;
    std::function<bool()> m_keepGoing;
    std::unique_ptr<QProcess> m_process;
    int m_index = 0;
};

QString writeCsv(const QString &path, const QStringList &ids)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("student_id,first_name,last_name,email\n");
    for (const QString &id : ids)
        f.write(u"%1,Cli,Writer,%2@example.edu\n"_s.arg(id, id.toLower()).toUtf8());
    return path;
}

QStringList idsFor(const QString &prefix, int run)
{
    return {u"%1%2x1"_s.arg(prefix).arg(run), u"%1%2x2"_s.arg(prefix).arg(run),
            u"%1%2x3"_s.arg(prefix).arg(run)};
}

} // namespace

class TestSqliteProcesses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void committedWritesSurviveEveryProcess()
    {
        QVERIFY2(!CliRunner::binary().isEmpty(), "RESIDESK_BINARY is not set");
        const QString writer = qEnvironmentVariable("RESIDESK_WINDOW_WRITER");
        QVERIFY2(QFile::exists(writer), "RESIDESK_WINDOW_WRITER does not name the window writer");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString dbPath = dir.filePath(u"residesk.db"_s);
        const QString url = u"sqlite://"_s + dbPath;
        const auto cli = [&url](const QStringList &args) {
            return QStringList{u"--database"_s, url} + args;
        };

        const Run migrated = CliRunner::run(cli({u"migrate"_s}));
        QVERIFY2(migrated.exitCode == 0, qPrintable(migrated.errText()));

        const QString logPath = dir.filePath(u"window.log"_s);
        QProcess window;
        window.setProcessEnvironment(CliRunner::environment());
        window.start(writer, {url, QString::number(kWindowWritesMs), logPath});
        QVERIFY(window.waitForStarted(10000));
        const auto windowRunning = [&window] {
            return window.state() != QProcess::NotRunning;
        };

        QSet<QString> committed; // every student id a process said it committed
        QStringList problems;
        QHash<qint64, QStringList> queuedJobs; // job id → the ids its file holds

        // An import that writes itself.
        Lane importer(
            [&](int i) {
                return cli({u"import"_s, u"residents"_s,
                            writeCsv(dir.filePath(u"c%1.csv"_s.arg(i)), idsFor(u"C"_s, i)), u"--json"_s});
            },
            [&](int i, const Run &r) {
                const QJsonObject out = CliRunner::jsonObject(r.out);
                const qint64 created =
                    out.value(u"created"_s)
                        .toInteger(out.value(u"counts"_s).toObject().value(u"created"_s).toInteger(-1));
                if (r.exitCode == 0 && created == 3) {
                    for (const QString &id : idsFor(u"C"_s, i))
                        committed.insert(id);
                } else {
                    problems << u"import %1: exit %2, %3 %4"_s.arg(i)
                                    .arg(r.exitCode)
                                    .arg(r.outText(), r.errText());
                }
            },
            windowRunning);
        // An import queued for the worker, alternating with listing the jobs.
        Lane enqueuer(
            [&](int i) {
                if (i % 2 == 1)
                    return cli({u"jobs"_s, u"list"_s, u"--json"_s});
                return cli({u"import"_s, u"residents"_s,
                            writeCsv(dir.filePath(u"q%1.csv"_s.arg(i)), idsFor(u"Q"_s, i)), u"--enqueue"_s,
                            u"--json"_s});
            },
            [&](int i, const Run &r) {
                if (r.exitCode != 0) {
                    problems << u"enqueuer %1: exit %2, %3"_s.arg(i).arg(r.exitCode).arg(r.errText());
                    return;
                }
                if (i % 2 == 0)
                    queuedJobs.insert(CliRunner::jsonObject(r.out).value(u"job_id"_s).toInteger(),
                                      idsFor(u"Q"_s, i));
            },
            windowRunning);
        // Reads, opening and closing the file over and over (what deleted the log).
        Lane reader(
            [&](int i) {
                return cli({i % 2 ? u"protocols"_s : u"residents"_s, u"list"_s, u"--json"_s});
            },
            [&](int i, const Run &r) {
                if (r.exitCode != 0)
                    problems << u"reader %1: exit %2, %3"_s.arg(i).arg(r.exitCode).arg(r.errText());
            },
            windowRunning);
        // Workers that run what is queued and end, one after another (so that at times
        // only the window has the file open).
        Lane workers(
            [&](int) {
                return cli({u"worker"_s, u"--once"_s});
            },
            [&](int i, const Run &r) {
                if (r.exitCode != 0)
                    problems << u"worker %1: exit %2, %3"_s.arg(i).arg(r.exitCode).arg(r.errText());
            },
            windowRunning);
        importer.start();
        enqueuer.start();
        reader.start();
        workers.start();

        // The event loop runs meanwhile: it drives the lanes.
        QTRY_VERIFY_WITH_TIMEOUT(!windowRunning(), kWindowWritesMs + 120000);
        QCOMPARE(window.exitStatus(), QProcess::NormalExit);
        QCOMPARE(window.exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            !importer.running() && !enqueuer.running() && !reader.running() && !workers.running(), 120000);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

        // Workers run what is still queued; a job the window was running when it was
        // killed waits for its lease to run out (30 s) first.
        QVERIFY(!queuedJobs.isEmpty());
        QHash<qint64, QString> states;
        QElapsedTimer waited;
        waited.start();
        for (;;) {
            const Run drained = CliRunner::run(cli({u"worker"_s, u"--once"_s}));
            QVERIFY2(drained.exitCode == 0, qPrintable(drained.errText()));
            bool allEnded = true;
            for (auto it = queuedJobs.cbegin(); it != queuedJobs.cend(); ++it) {
                const Run shown =
                    CliRunner::run(cli({u"jobs"_s, u"show"_s, QString::number(it.key()), u"--json"_s}));
                const QString state = CliRunner::jsonObject(shown.out).value(u"state"_s).toString();
                states.insert(it.key(), shown.exitCode == 0 ? state : QString());
                allEnded = allEnded && (state.isEmpty() || state == u"succeeded"_s || state == u"failed"_s ||
                                        state == u"cancelled"_s);
            }
            if (allEnded || waited.elapsed() > 120000)
                break;
            QTest::qWait(1000);
        }
        QStringList lostJobs; // queued, reported committed, and not in the file
        for (auto it = queuedJobs.cbegin(); it != queuedJobs.cend(); ++it) {
            const QString state = states.value(it.key());
            if (state.isEmpty()) {
                lostJobs << QString::number(it.key());
                continue;
            }
            QVERIFY2(state == u"succeeded"_s, qPrintable(u"job %1 ended %2"_s.arg(it.key()).arg(state)));
            for (const QString &id : it.value())
                committed.insert(id);
        }
        QVERIFY2(lostJobs.isEmpty(),
                 qPrintable(u"queued jobs missing from the file: "_s + lostJobs.join(u' ')));

        // The window's report.
        QFile log(logPath);
        QVERIFY(log.open(QIODevice::ReadOnly));
        int windowCommits = 0;
        QStringList windowFailures;
        QString hold;
        for (const QByteArray &line : log.readAll().split('\n')) {
            if (line.startsWith("committed ")) {
                committed.insert(QString::fromUtf8(line.mid(10)));
                ++windowCommits;
            } else if (line.startsWith("failed ")) {
                windowFailures << QString::fromUtf8(line);
            } else if (line.startsWith("hold ")) {
                hold = QString::fromUtf8(line.mid(5));
            }
        }
        // Enough of each happened at once for the test to mean something.
        QVERIFY2(windowCommits >= 20, qPrintable(u"only %1 window writes"_s.arg(windowCommits)));
        QVERIFY2(importer.runs() >= 3 && reader.runs() >= 3 && queuedJobs.size() >= 2,
                 qPrintable(u"imports %1, reads %2, queued %3"_s.arg(importer.runs())
                                .arg(reader.runs())
                                .arg(queuedJobs.size())));
        // The window never lost its hold on the file, so no write of it had to be refused.
        QVERIFY2(windowFailures.isEmpty(), qPrintable(windowFailures.join(u'\n')));
        QCOMPARE(hold, u"held"_s);

        // Every committed write is in the file, as a new process finds it.
        QSet<QString> found;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
            db.setDatabaseName(dbPath);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"SELECT student_id FROM residents"_s));
            while (q.next())
                found.insert(q.value(0).toString());
            db.close();
        }
        QSqlDatabase::removeDatabase(u"check"_s);
        QStringList missing;
        for (const QString &id : std::as_const(committed)) {
            if (!found.contains(id))
                missing << id;
        }
        missing.sort();
        QVERIFY2(missing.isEmpty(),
                 qPrintable(u"%1 of %2 committed writes are missing: %3"_s.arg(missing.size())
                                .arg(committed.size())
                                .arg(missing.mid(0, 40).join(u' '))));
    }
};

QTEST_GUILESS_MAIN(TestSqliteProcesses)
#include "tst_sqliteprocesses.moc"
