// The command line, end to end: runs the built `residesk` binary with QProcess against
// a fresh database of the backend the run asks for (RESIDESK_TEST_BACKEND).
#include "models/db/database.h"
#include "tests/support/testdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString errText() const { return QString::fromUtf8(err); }
    QString outText() const { return QString::fromUtf8(out); }
};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QString m_binary;

    Run run(const QStringList &args, int timeoutMs = 120000)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("RESIDESK_DATABASE"));
        p.setProcessEnvironment(env);
        p.start(m_binary, args);
        Run r;
        if (!p.waitForStarted(10000)) {
            r.err = p.errorString().toUtf8();
            return r;
        }
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            r.err = "timed out";
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    std::unique_ptr<TestDatabase> freshDatabase(bool migrate)
    {
        QString error;
        auto db = TestDatabase::create(&error, migrate);
        if (!db)
            qWarning("TestDatabase: %s", qPrintable(error));
        return db;
    }

    static QJsonArray parseArray(const Run &r)
    {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        if (error.error != QJsonParseError::NoError || !doc.isArray()) {
            qWarning("not a JSON array: %s (%s)", qPrintable(error.errorString()),
                     r.out.left(300).constData());
            return {};
        }
        return doc.array();
    }

    static QJsonObject lastJsonObject(const Run &r)
    {
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        return QJsonDocument::fromJson(lines.constLast()).object();
    }

    static void verifyKeys(const QJsonArray &rows, const QStringList &keys)
    {
        QVERIFY(!rows.isEmpty());
        for (const QJsonValue &row : rows) {
            QVERIFY(row.isObject());
            QStringList actual = row.toObject().keys();
            QStringList expected = keys;
            actual.sort();
            expected.sort();
            QCOMPARE(actual, expected);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_binary = qEnvironmentVariable("RESIDESK_BINARY");
        QVERIFY2(!m_binary.isEmpty(), "RESIDESK_BINARY is not set (run through ctest)");
        QVERIFY2(QFile::exists(m_binary), qPrintable(m_binary));
    }

    void version()
    {
        const Run r = run({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.outText().trimmed(), QStringLiteral("residesk 0.1.0"));
    }

    void helpListsCommands()
    {
        const Run r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *command : {"migrate", "seed-demo", "residents list", "buildings list", "rooms list"})
            QVERIFY2(r.out.contains(command), command);
        QVERIFY(r.out.contains("--database"));
    }

    void commandHelp()
    {
        const Run r = run({QStringLiteral("seed-demo"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--residents"));
        QVERIFY(r.out.contains("--seed"));
        const Run list = run({QStringLiteral("residents"), QStringLiteral("list"), QStringLiteral("--help")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.contains("student_id"));
    }

    void unknownCommand()
    {
        const Run r = run({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QStringLiteral("frobnicate")), r.err.constData());
        QVERIFY(r.out.isEmpty());

        const Run group = run({QStringLiteral("residents")});
        QCOMPARE(group.exitCode, 2);
        QVERIFY2(group.errText().contains(QStringLiteral("residents list")), group.err.constData());
    }

    void badOption()
    {
        const Run r = run({QStringLiteral("migrate"), QStringLiteral("--bogus")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QStringLiteral("bogus")), r.err.constData());

        // An option of another command is not accepted either.
        const Run other =
            run({QStringLiteral("migrate"), QStringLiteral("--residents"), QStringLiteral("5")});
        QCOMPARE(other.exitCode, 2);

        const Run noValue = run({QStringLiteral("migrate"), QStringLiteral("--database")});
        QCOMPARE(noValue.exitCode, 2);

        const Run badNumber =
            run({QStringLiteral("seed-demo"), QStringLiteral("--residents"), QStringLiteral("many")});
        QCOMPARE(badNumber.exitCode, 2);
        QVERIFY2(badNumber.errText().contains(QStringLiteral("--residents")), badNumber.err.constData());

        const Run extra = run({QStringLiteral("migrate"), QStringLiteral("now")});
        QCOMPARE(extra.exitCode, 2);
    }

    void badUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("problem");
        QTest::newRow("scheme") << QStringLiteral("mysql://x") << QStringLiteral("must start with");
        QTest::newRow("relative sqlite")
            << QStringLiteral("sqlite://relative") << QStringLiteral("sqlite:///");
        // Without a user libpq's default signs in; a password never belongs in the URL, and
        // the message repeats the URL without it.
        QTest::newRow("password") << QStringLiteral("postgresql://u:hunter2@host/db")
                                  << QStringLiteral("RESIDESK_DB_PASSWORD");
        QTest::newRow("password and bad port") << QStringLiteral("postgresql://u:hunter2@h:abc/db")
                                               << QStringLiteral("postgresql://u:***@h:abc/db");
        QTest::newRow("port") << QStringLiteral("postgresql://u@h:99999/db") << QStringLiteral("port");
        QTest::newRow("sslmode") << QStringLiteral("postgresql://u@h/db?sslmode=bogus")
                                 << QStringLiteral("sslmode");
    }

    void badUrl()
    {
        QFETCH(QString, url);
        QFETCH(QString, problem);
        const Run r = run({QStringLiteral("--database"), url, QStringLiteral("migrate")});
        QCOMPARE(r.exitCode, 1);
        const QString err = r.errText().trimmed();
        QVERIFY2(err.startsWith(QStringLiteral("residesk: cannot connect to the database")), qPrintable(err));
        QVERIFY2(err.contains(problem, Qt::CaseInsensitive), qPrintable(err));
        QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err));
        QVERIFY2(!err.contains(QStringLiteral("hunter2")), "the message shows the password");
    }

    void unreachablePostgreSQL()
    {
        quint16 port = 0;
        {
            QTcpServer server;
            QVERIFY(server.listen(QHostAddress::LocalHost));
            port = server.serverPort();
        } // closed again: nothing listens there now
        const QString url = QStringLiteral("postgresql://residesk@127.0.0.1:%1/residesk").arg(port);
        const Run r =
            run({QStringLiteral("residents"), QStringLiteral("list"), QStringLiteral("--database"), url});
        QCOMPARE(r.exitCode, 1);
        const QString err = r.errText().trimmed();
        QVERIFY2(
            err.startsWith(
                QStringLiteral(
                    "residesk: cannot connect to the database postgresql://residesk@127.0.0.1:%1/residesk: ")
                    .arg(port)),
            qPrintable(err));
        QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err));
        QVERIFY(r.out.isEmpty());
    }

    void migrateTwice()
    {
        auto db = freshDatabase(false);
        QVERIFY(db);
        const Run first = run(
            {QStringLiteral("--database"), db->url(), QStringLiteral("migrate"), QStringLiteral("--json")});
        QCOMPARE(first.exitCode, 0);
        const QJsonObject a = lastJsonObject(first);
        QVERIFY2(a.value(QStringLiteral("applied")).toInt() >= 1, first.out.constData());
        const int version = a.value(QStringLiteral("version")).toInt();
        QVERIFY(version >= 1);

        // Global options after the command work too.
        const Run second = run(
            {QStringLiteral("migrate"), QStringLiteral("--json"), QStringLiteral("--database"), db->url()});
        QCOMPARE(second.exitCode, 0);
        const QJsonObject b = lastJsonObject(second);
        QCOMPARE(b.value(QStringLiteral("applied")).toInt(-1), 0);
        QCOMPARE(b.value(QStringLiteral("version")).toInt(), version);

        const Run text = run({QStringLiteral("--database"), db->url(), QStringLiteral("migrate")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("up to date"), text.out.constData());
    }

    void migrateRefusesNewerSchema()
    {
        auto db = freshDatabase(true);
        QVERIFY(db);
        const Run seeded = run({QStringLiteral("--database"), db->url(), QStringLiteral("seed-demo"),
                                QStringLiteral("--residents"), QStringLiteral("10")});
        QCOMPARE(seeded.exitCode, 0);

        const auto scalar = [&db](const QString &sql) -> qint64 {
            const Result<QSqlDatabase> conn = db->db().connection();
            if (!conn)
                return -1;
            QSqlQuery q(conn.value());
            if (!q.exec(sql) || !q.next())
                return -1;
            return q.value(0).toLongLong();
        };
        {
            // A newer Residesk's installer migrated it.
            auto installer = db->openAsInstaller();
            const Result<QSqlDatabase> conn = installer->connection();
            QVERIFY(conn);
            QSqlQuery q(conn.value());
            QVERIFY2(q.exec(QStringLiteral(
                         "INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')")),
                     qPrintable(q.lastError().text()));
        }
        const qint64 residentsBefore = scalar(QStringLiteral("SELECT COUNT(*) FROM residents"));
        const qint64 migrationsBefore = scalar(QStringLiteral("SELECT COUNT(*) FROM schema_migrations"));
        QCOMPARE(residentsBefore, qint64(10));

        const Run r = run({QStringLiteral("--database"), db->url(), QStringLiteral("migrate")});
        QCOMPARE(r.exitCode, 1);
        const QString err = r.errText().trimmed();
        QVERIFY2(err.contains(QStringLiteral("newer")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("999")), qPrintable(err));
        QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err));

        // seed-demo migrates first and is refused the same way.
        const Run seed = run({QStringLiteral("--database"), db->url(), QStringLiteral("seed-demo"),
                              QStringLiteral("--residents"), QStringLiteral("20")});
        QCOMPARE(seed.exitCode, 1);

        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM residents")), residentsBefore);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM schema_migrations")), migrationsBefore);
        QCOMPARE(scalar(QStringLiteral("SELECT MAX(version) FROM schema_migrations")), qint64(999));
    }

    void seedAndListResidents()
    {
        auto db = freshDatabase(false);
        QVERIFY(db);
        const Run seeded = run({QStringLiteral("--database"), db->url(), QStringLiteral("seed-demo"),
                                QStringLiteral("--residents"), QStringLiteral("50"), QStringLiteral("--seed"),
                                QStringLiteral("7"), QStringLiteral("--json")});
        QCOMPARE(seeded.exitCode, 0);
        const QJsonObject summary = lastJsonObject(seeded);
        QCOMPARE(summary.value(QStringLiteral("residents")).toInt(), 50);
        QVERIFY(summary.value(QStringLiteral("buildings")).toInt() > 0);
        QVERIFY(summary.value(QStringLiteral("rooms")).toInt() > 0);

        const Run list = run({QStringLiteral("--database"), db->url(), QStringLiteral("residents"),
                              QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray rows = parseArray(list);
        QCOMPARE(rows.size(), 50);
        verifyKeys(rows, {QStringLiteral("id"), QStringLiteral("student_id"), QStringLiteral("first_name"),
                          QStringLiteral("last_name"), QStringLiteral("email"), QStringLiteral("phone"),
                          QStringLiteral("status")});
        QSet<QString> studentIds;
        for (const QJsonValue &row : rows) {
            const QJsonObject o = row.toObject();
            QVERIFY(o.value(QStringLiteral("id")).toInteger() > 0);
            QVERIFY(!o.value(QStringLiteral("email")).toString().isEmpty());
            const QString status = o.value(QStringLiteral("status")).toString();
            QVERIFY2(status == QLatin1String("active") || status == QLatin1String("inactive") ||
                         status == QLatin1String("graduated"),
                     qPrintable(status));
            studentIds.insert(o.value(QStringLiteral("student_id")).toString());
        }
        QCOMPARE(studentIds.size(), 50);

        // The text table: a header and one line per resident, columns aligned.
        const Run text = run(
            {QStringLiteral("residents"), QStringLiteral("list"), QStringLiteral("--database"), db->url()});
        QCOMPARE(text.exitCode, 0);
        const QStringList lines = text.outText().trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 51);
        QVERIFY(lines.constFirst().contains(QStringLiteral("STUDENT ID")));
        const qsizetype emailColumn = lines.constFirst().indexOf(QStringLiteral("EMAIL"));
        QVERIFY(emailColumn > 0);
        QVERIFY(lines.at(1).mid(emailColumn).contains(QLatin1Char('@')));
    }

    void seedIsDeterministic()
    {
        QByteArray outputs[2];
        for (QByteArray &output : outputs) {
            auto db = freshDatabase(false);
            QVERIFY(db);
            const Run seeded = run({QStringLiteral("--database"), db->url(), QStringLiteral("seed-demo"),
                                    QStringLiteral("--residents"), QStringLiteral("40"),
                                    QStringLiteral("--seed"), QStringLiteral("3")});
            QCOMPARE(seeded.exitCode, 0);
            const Run list = run({QStringLiteral("--database"), db->url(), QStringLiteral("residents"),
                                  QStringLiteral("list"), QStringLiteral("--json")});
            QCOMPARE(list.exitCode, 0);
            QCOMPARE(parseArray(list).size(), 40);
            output = list.out;
        }
        QCOMPARE(outputs[0], outputs[1]);
    }

    void buildingsAndRooms()
    {
        auto db = freshDatabase(false);
        QVERIFY(db);
        QCOMPARE(run({QStringLiteral("--database"), db->url(), QStringLiteral("seed-demo"),
                      QStringLiteral("--residents"), QStringLiteral("5")})
                     .exitCode,
                 0);

        const Run buildings = run({QStringLiteral("--database"), db->url(), QStringLiteral("buildings"),
                                   QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(buildings.exitCode, 0);
        const QJsonArray b = parseArray(buildings);
        verifyKeys(b, {QStringLiteral("id"), QStringLiteral("code"), QStringLiteral("name"),
                       QStringLiteral("address"), QStringLiteral("floors")});

        const Run rooms = run({QStringLiteral("--database"), db->url(), QStringLiteral("rooms"),
                               QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(rooms.exitCode, 0);
        const QJsonArray r = parseArray(rooms);
        verifyKeys(r, {QStringLiteral("id"), QStringLiteral("building_id"), QStringLiteral("building_code"),
                       QStringLiteral("number"), QStringLiteral("floor"), QStringLiteral("type"),
                       QStringLiteral("capacity"), QStringLiteral("status")});
        QSet<qint64> buildingIds;
        for (const QJsonValue &v : b)
            buildingIds.insert(v.toObject().value(QStringLiteral("id")).toInteger());
        QSet<qint64> roomIds;
        for (const QJsonValue &v : r) {
            const QJsonObject o = v.toObject();
            QVERIFY(buildingIds.contains(o.value(QStringLiteral("building_id")).toInteger()));
            roomIds.insert(o.value(QStringLiteral("id")).toInteger());
        }
        QCOMPARE(roomIds.size(), r.size()); // paging neither repeats nor skips

        const Run text =
            run({QStringLiteral("--database"), db->url(), QStringLiteral("rooms"), QStringLiteral("list")});
        QCOMPARE(text.exitCode, 0);
        QCOMPARE(text.outText().trimmed().split(QLatin1Char('\n')).size(), r.size() + 1);
    }

    void emptyDatabaseLists()
    {
        auto db = freshDatabase(true);
        QVERIFY(db);
        const Run list = run({QStringLiteral("--database"), db->url(), QStringLiteral("residents"),
                              QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(list.out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(doc.isArray());
        QCOMPARE(doc.array().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
