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
    QTest::newRow("sqlite path with space") << u"sqlite:///tmp/my data/r.db"_s << false << u"/tmp/my data/r.db"_s
                                            << QString() << 5432 << QString() << QString() << QString();
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
    QTest::newRow("pg no user") << u"postgresql://host/db"_s << u"no user"_s;
    QTest::newRow("pg no database") << u"postgresql://u@host:5432/"_s << u"database name"_s;
    QTest::newRow("pg bad port") << u"postgresql://u@h:99999/db"_s << u"port"_s;
    QTest::newRow("pg port not a number") << u"postgresql://u@h:abc/db"_s << u"not a valid URL"_s;
    QTest::newRow("pg password in url") << u"postgresql://u:secret@h/db"_s << u"RESIDESK_DB_PASSWORD"_s;
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
    QVERIFY(!r.error().message.contains(u"secret"_s));
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

void TestDatabaseConfig::resolveOrder()
{
    qputenv("RESIDESK_DATABASE", "sqlite:///from/env.db");
    QCOMPARE(DatabaseConfig::resolveUrl(u"sqlite:///from/cli.db"_s), u"sqlite:///from/cli.db"_s);
    QCOMPARE(DatabaseConfig::resolveUrl(QString()), u"sqlite:///from/env.db"_s);
    qunsetenv("RESIDESK_DATABASE");
    const QString fallback = DatabaseConfig::resolveUrl(QString());
    QVERIFY2(fallback.startsWith(u"sqlite:///"_s) && fallback.endsWith(u"/residesk.db"_s), qPrintable(fallback));
    QVERIFY(DatabaseConfig::parse(fallback).ok());
}

QTEST_GUILESS_MAIN(TestDatabaseConfig)
#include "tst_databaseconfig.moc"
