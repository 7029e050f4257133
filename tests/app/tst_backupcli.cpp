// Backups through the real `residesk` binary: an office's embedded file backed up
// (`backup FILE --wait`), checked (`backup verify`) and restored (`restore FILE`) into
// an empty database of this run's backend (PostgreSQL: moving to a shared server);
// a second restore into it and a damaged file refused with exit code 1.
#include "tests/app/clirunner.h"
#include "tests/support/testdatabase.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestBackupCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString officeUrl() const { return u"sqlite://"_s + m_dir.filePath(u"office.db"_s); }

    static QJsonObject lastJson(const CliRunner::Run &run)
    {
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        return QJsonDocument::fromJson(lines.isEmpty() ? QByteArray() : lines.last()).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const CliRunner::Run migrate = CliRunner::run({u"--database"_s, officeUrl(), u"migrate"_s});
        QVERIFY2(migrate.exitCode == 0, qPrintable(migrate.errText()));
        const CliRunner::Run seed = CliRunner::run(
            {u"--database"_s, officeUrl(), u"seed-demo"_s, u"--residents"_s, u"40"_s, u"--protocols"_s, u"5"_s});
        QVERIFY2(seed.exitCode == 0, qPrintable(seed.errText()));
    }

    void movesAnOfficeIntoAnEmptyDatabase()
    {
        const QString file = m_dir.filePath(u"office.rdb"_s);
        const CliRunner::Run backup =
            CliRunner::run({u"--database"_s, officeUrl(), u"backup"_s, file, u"--wait"_s, u"--json"_s});
        QVERIFY2(backup.exitCode == 0, qPrintable(backup.errText()));
        const QJsonObject job = lastJson(backup);
        QCOMPARE(job.value(u"state"_s).toString(), u"succeeded"_s);
        const qint64 rows = job.value(u"result"_s).toObject().value(u"rows"_s).toInteger();
        QVERIFY(rows > 40);

        const CliRunner::Run verify = CliRunner::run({u"backup"_s, u"verify"_s, file, u"--json"_s});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.errText()));
        QCOMPARE(lastJson(verify).value(u"rows"_s).toInteger(), rows);
        QCOMPARE(lastJson(verify).value(u"source"_s).toString(), u"sqlite"_s);

        QString error;
        std::unique_ptr<TestDatabase> target = TestDatabase::create(&error);
        QVERIFY2(target, qPrintable(error));
        const CliRunner::Run restore = CliRunner::run({u"--database"_s, target->url(), u"restore"_s, file, u"--json"_s});
        QVERIFY2(restore.exitCode == 0, qPrintable(restore.errText()));
        QCOMPARE(lastJson(restore).value(u"restored"_s).toInteger(), rows);

        const CliRunner::Run list =
            CliRunner::run({u"--database"_s, target->url(), u"residents"_s, u"list"_s, u"--json"_s});
        QVERIFY2(list.exitCode == 0, qPrintable(list.errText()));
        QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 40);

        // Not twice: the database is no longer empty.
        const CliRunner::Run again = CliRunner::run({u"--database"_s, target->url(), u"restore"_s, file});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.errText().contains(u"not empty"_s), qPrintable(again.errText()));
    }

    void damagedFileRefused()
    {
        const QString file = m_dir.filePath(u"office.rdb"_s);
        QVERIFY(QFile::exists(file));
        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        bytes[bytes.size() / 3] = char(bytes[bytes.size() / 3] ^ 0x40);
        const QString damaged = m_dir.filePath(u"damaged.rdb"_s);
        QFile out(damaged);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        out.close();

        const CliRunner::Run verify = CliRunner::run({u"backup"_s, u"verify"_s, damaged});
        QCOMPARE(verify.exitCode, 1);
        QVERIFY2(verify.errText().contains(u"damaged"_s), qPrintable(verify.errText()));

        QString error;
        std::unique_ptr<TestDatabase> target = TestDatabase::create(&error);
        QVERIFY2(target, qPrintable(error));
        const CliRunner::Run restore = CliRunner::run({u"--database"_s, target->url(), u"restore"_s, damaged});
        QCOMPARE(restore.exitCode, 1);
        QVERIFY2(restore.errText().contains(u"nothing was written"_s), qPrintable(restore.errText()));
        QVERIFY2(restore.errText().contains(u"table "_s), qPrintable(restore.errText()));
        const CliRunner::Run list =
            CliRunner::run({u"--database"_s, target->url(), u"residents"_s, u"list"_s, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBackupCli)
#include "tst_backupcli.moc"
