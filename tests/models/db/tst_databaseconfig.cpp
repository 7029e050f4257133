#include "models/db/databaseconfig.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestDatabaseConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesValidUrls_data();
    void parsesValidUrls();
    void rejectsInvalidUrls_data();
    void rejectsInvalidUrls();
    void passwordComesFromEnvironment();
    void userFromUrlElseResideskUser();
    void tlsOptions();
    void redactsPasswords();
    void resolveOrder();
};

void TestDatabaseConfig::parsesValidUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("postgres");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("dbname");
    QTest::addColumn<QString>("sslmode");

    QTest::newRow("sqlite absolute") << u"sqlite:///var/lib/residesk/data.db"_s << false
                                     << u"/var/lib/residesk/data.db"_s << QString() << 5432 << QString()
                                     << QString() << QString();
    QTest::newRow("sqlite path with space")
        << u"sqlite:///tmp/my data/r.db"_s << false << u"/tmp/my data/r.db"_s << QString() << 5432
        << QString() << QString() << QString();
    QTest::newRow("postgresql full") << u"postgresql://housing@db.campus.edu:6543/residesk?sslmode=require"_s
                                     << true << QString() << u"db.campus.edu"_s << 6543 << u"housing"_s
                                     << u"residesk"_s << u"require"_s;
    QTest::newRow("postgresql default port") << u"postgresql://u@127.0.0.1/r"_s << true << QString()
                                             << u"127.0.0.1"_s << 5432 << u"u"_s << u"r"_s << QString();
    QTest::newRow("postgres scheme alias") << u"postgres://u@h:5/r?sslmode=disable"_s << true << QString()
                                           << u"h"_s << 5 << u"u"_s << u"r"_s << u"disable"_s;
}

void TestDatabaseConfig::parsesValidUrls()
{
    QFETCH(QString, url);
    QFETCH(bool, postgres);
    const Result<DatabaseConfig> r = DatabaseConfig::parse(url);
    QVERIFY2(r.ok(), qPrintable(r.error().message));
    QCOMPARE(r->isPostgreSQL(), postgres);
    QTEST(r->path, "path");
    QTEST(r->host, "host");
    if (postgres) {
        QTEST(r->port, "port");
        QTEST(r->user, "user");
        QTEST(r->databaseName, "dbname");
        QTEST(r->sslMode, "sslmode");
    }
}

void TestDatabaseConfig::rejectsInvalidUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("empty") << QString() << u"empty"_s;
    QTest::newRow("unknown scheme") << u"mysql://u@h/db"_s << u"sqlite:///"_s;
    QTest::newRow("no scheme") << u"/tmp/x.db"_s << u"must start with"_s;
    QTest::newRow("sqlite relative") << u"sqlite://relative.db"_s << u"host"_s;
    QTest::newRow("sqlite no path") << u"sqlite://"_s << u"absolute"_s;
    QTest::newRow("sqlite folder") << u"sqlite:///tmp/"_s << u"absolute"_s;
    QTest::newRow("pg no host") << u"postgresql:///db"_s << u"no host"_s;
    QTest::newRow("pg no database") << u"postgresql://u@host:5432/"_s << u"database name"_s;
    QTest::newRow("pg bad port") << u"postgresql://u@h:99999/db"_s << u"port"_s;
    QTest::newRow("pg port not a number") << u"postgresql://u@h:abc/db"_s << u"not a valid URL"_s;
    QTest::newRow("pg password in url") << u"postgresql://u:secret@h/db"_s << u"RESIDESK_DB_PASSWORD"_s;
    QTest::newRow("pg password and bad port") << u"postgresql://u:secret@h:abc/db"_s << u"u:***@h"_s;
    QTest::newRow("pg password and no host") << u"postgresql://u:secret@/db"_s << u"no host"_s;
    QTest::newRow("pg password and no database")
        << u"postgresql://u:secret@h/"_s << u"RESIDESK_DB_PASSWORD"_s;
    QTest::newRow("password and unknown scheme") << u"mysql://u:secret@h/db"_s << u"mysql://u:***@h/db"_s;
    QTest::newRow("pg empty sslrootcert") << u"postgresql://u@h/db?sslrootcert="_s << u"sslrootcert"_s;
    QTest::newRow("pg bad sslmode") << u"postgresql://u@h/db?sslmode=bogus"_s << u"bogus"_s;
    QTest::newRow("pg unknown option") << u"postgresql://u@h/db?color=red"_s << u"color"_s;
    QTest::newRow("pg bad timeout") << u"postgresql://u@h/db?connect_timeout=soon"_s << u"soon"_s;
}

void TestDatabaseConfig::rejectsInvalidUrls()
{
    QFETCH(QString, url);
    QFETCH(QString, mentions);
    const Result<DatabaseConfig> r = DatabaseConfig::parse(url);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, DbError::Code::InvalidUrl);
    QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
    // The message never leaks a password.
    QVERIFY2(!r.error().message.contains(u"secret"_s),
             qPrintable(r.error().message.replace(u"secret"_s, u"s-e-c-r-e-t"_s)));
}

void TestDatabaseConfig::passwordComesFromEnvironment()
{
    qputenv("RESIDESK_DB_PASSWORD", "s3cret");
    const Result<DatabaseConfig> r = DatabaseConfig::parse(u"postgresql://u@h/db"_s);
    qunsetenv("RESIDESK_DB_PASSWORD");
    QVERIFY(r.ok());
    QCOMPARE(r->password, u"s3cret"_s);
    QVERIFY(!r->displayUrl().contains(u"s3cret"_s));
    QCOMPARE(r->displayUrl(), u"postgresql://u@h:5432/db"_s);
}

void TestDatabaseConfig::userFromUrlElseResideskUser()
{
    qputenv("RESIDESK_USER", "ann");
    const Result<DatabaseConfig> fromEnv = DatabaseConfig::parse(u"postgresql://db.example.edu/r"_s);
    const Result<DatabaseConfig> fromUrl = DatabaseConfig::parse(u"postgresql://bob@db.example.edu/r"_s);
    qunsetenv("RESIDESK_USER");
    const Result<DatabaseConfig> neither = DatabaseConfig::parse(u"postgresql://db.example.edu/r"_s);
    QVERIFY(fromEnv && fromUrl && neither);
    QCOMPARE(fromEnv->user, u"ann"_s);
    QCOMPARE(fromEnv->displayUrl(), u"postgresql://ann@db.example.edu:5432/r"_s);
    QCOMPARE(fromUrl->user, u"bob"_s);  // the URL's user wins
    QCOMPARE(neither->user, QString()); // libpq's default
    QCOMPARE(neither->displayUrl(), u"postgresql://db.example.edu:5432/r"_s);
    QVERIFY(!neither->passwordFromEnvironment);
}

void TestDatabaseConfig::tlsOptions()
{
    const Result<DatabaseConfig> r =
        DatabaseConfig::parse(u"postgresql://u@h/db?sslmode=verify-full&sslrootcert=/etc/residesk/"
                              u"ca.crt&sslcert=/home/u/my%20cert.crt"
                              "&sslkey=/home/u/it's.key"_s);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QCOMPARE(r->sslMode, u"verify-full"_s);
    QCOMPARE(r->sslRootCert, u"/etc/residesk/ca.crt"_s);
    QCOMPARE(r->sslCert, u"/home/u/my cert.crt"_s);
    QCOMPARE(r->sslKey, u"/home/u/it's.key"_s);
    QCOMPARE(r->displayUrl(), u"postgresql://u@h:5432/db?sslmode=verify-full&sslrootcert=/etc/residesk/ca.crt"
                              "&sslcert=/home/u/my cert.crt&sslkey=/home/u/it's.key"_s);
    // Quoted for libpq's connection string (QPSQL turns ';' into spaces).
    QCOMPARE(r->qpsqlConnectOptions(),
             u"connect_timeout=5;sslmode=verify-full;sslrootcert='/etc/residesk/ca.crt';"
             "sslcert='/home/u/my cert.crt';sslkey='/home/u/it\\'s.key'"_s);
    bool sawRoot = false;
    for (const auto &[key, value] : r->libpqParameters()) {
        QVERIFY(key != "password"); // none given
        if (key == "sslrootcert") {
            QCOMPARE(value, QByteArray("/etc/residesk/ca.crt"));
            sawRoot = true;
        }
    }
    QVERIFY(sawRoot);
}

void TestDatabaseConfig::redactsPasswords()
{
    QCOMPARE(DatabaseConfig::redacted(u"postgresql://ann:s3cret@db:5432/r"_s),
             u"postgresql://ann:***@db:5432/r"_s);
    QCOMPARE(DatabaseConfig::redacted(u"x postgresql://ann:p@ss:w@rd@db/r y"_s),
             u"x postgresql://ann:***@db/r y"_s);
    QCOMPARE(DatabaseConfig::redacted(u"postgresql://ann@db:5432/r"_s), u"postgresql://ann@db:5432/r"_s);
    QCOMPARE(DatabaseConfig::redacted(u"sqlite:///tmp/a:b@c.db"_s), u"sqlite:///tmp/a:b@c.db"_s);
}

void TestDatabaseConfig::resolveOrder()
{
    qputenv("RESIDESK_DATABASE", "sqlite:///from/env.db");
    QCOMPARE(DatabaseConfig::resolveUrl(u"sqlite:///from/cli.db"_s), u"sqlite:///from/cli.db"_s);
    QCOMPARE(DatabaseConfig::resolveUrl(QString()), u"sqlite:///from/env.db"_s);
    qunsetenv("RESIDESK_DATABASE");
    const QString fallback = DatabaseConfig::resolveUrl(QString());
    QVERIFY2(fallback.startsWith(u"sqlite:///"_s) && fallback.endsWith(u"/residesk.db"_s),
             qPrintable(fallback));
    QVERIFY(DatabaseConfig::parse(fallback).ok());
}

QTEST_GUILESS_MAIN(TestDatabaseConfig)
#include "tst_databaseconfig.moc"
