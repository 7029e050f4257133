// The real window, signed in on PostgreSQL as a housing clerk and as a vet: it opens
// (the start-up asks the server what the person may do and installs the recurring jobs
// only for administrators), loads only the pages the role may read (no "permission
// denied" from a page the role may not see), and ends cleanly on SIGTERM.
#include "tests/app/clirunner.h"
#include "tests/support/testdatabase.h"

#include <QProcess>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using Person = TestDatabase::Person;

class TestGuiRoles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        QVERIFY2(TestDatabase::isPostgreSQL(), "people and roles exist on PostgreSQL only");
    }

    void windowOpensForEachRole_data()
    {
        QTest::addColumn<int>("person");
        QTest::newRow("housing") << int(Person::Housing);
        QTest::newRow("vet") << int(Person::Vet);
        QTest::newRow("admin") << int(Person::Admin);
    }

    void windowOpensForEachRole()
    {
        QFETCH(int, person);
        QProcess window;
        QProcessEnvironment env = CliRunner::environment();
        env.insert(u"RESIDESK_DB_PASSWORD"_s, TestDatabase::password(Person(person)));
        env.insert(u"QT_LOGGING_RULES"_s, u"*.debug=false"_s);
        window.setProcessEnvironment(env);
        window.start(CliRunner::binary(), {u"--database"_s, m_t->urlAs(Person(person))});
        QVERIFY(window.waitForStarted(10000));
        // Long enough to migrate-check, ask the rights, start the engine and load pages.
        QVERIFY2(!window.waitForFinished(12000), window.readAllStandardError().constData());
        ::kill(pid_t(window.processId()), SIGTERM);
        QVERIFY(window.waitForFinished(30000));
        const QString err = QString::fromUtf8(window.readAllStandardError());
        QCOMPARE(window.exitStatus(), QProcess::NormalExit);
        QVERIFY2(window.exitCode() == 0, qPrintable(err));
        QVERIFY2(!err.contains(u"permission denied"_s, Qt::CaseInsensitive), qPrintable(err));
        QVERIFY2(!err.contains(u"may not"_s), qPrintable(err));
        QVERIFY2(!err.contains(TestDatabase::password(Person(person))), "the password reached the output");
    }

private:
    std::unique_ptr<TestDatabase> m_t;
};

QTEST_GUILESS_MAIN(TestGuiRoles)
#include "tst_guiroles.moc"
