// `residesk users add|list|set-role|disable|password` and `seed-demo --demo-users`, end
// to end through the built binary. On PostgreSQL as the test people (rt_admin does the
// work, rt_housing and rt_vet are refused by PostgreSQL itself), checking what the server
// holds afterwards (pg_roles, a sign-in with the new password) and that no password ever
// shows in the output or in the server's log (statements logged for this database). On
// SQLite: every `users` command says that it is for PostgreSQL and exits with 1.
#include "models/core/peoplerepository.h"
#include "models/db/database.h"
#include "models/db/sqlstatement.h"
#include "tests/app/clirunner.h"
#include "tests/support/testdatabase.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QVariant scalar(Database &db, const QString &sql, const QVariantList &values = {})
{
    SqlStatement st(db, sql);
    for (const QVariant &v : values)
        st.bind(v);
    if (auto r = st.exec(); !r) {
        qWarning("%s", qPrintable(r.error().detail));
        return {};
    }
    return st.next() ? st.value(0) : QVariant();
}

} // namespace

class TestUsersCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<Database> m_super; // the installer's view: pg_roles, the log setting
    QStringList m_created;             // logins to drop at the end (roles belong to the server)
    QString m_prefix;                  // unique per run: roles outlive test databases
    QList<QByteArray> m_secrets;       // every password used: never in any output or log
    QByteArray m_allOutput;

    QString login(const QString &name) const { return m_prefix + name; }

    static QString secret() { return u"Pw-%1-zq"_s.arg(QRandomGenerator::global()->generate64(), 0, 36); }

    // Runs `residesk --database <as person> args…` with `input` on standard input.
    CliRunner::Run run(TestDatabase::Person person, const QStringList &args, const QString &input = {},
                       const QString &dbPassword = {}, const QString &user = {})
    {
        QString url = m_t->urlAs(person);
        if (!user.isEmpty()) {
            DatabaseConfig c = DatabaseConfig::parse(m_t->superuserUrl()).value();
            c.user = user;
            url = c.displayUrl();
        }
        QProcess p;
        QProcessEnvironment env = CliRunner::environment();
        if (!dbPassword.isEmpty())
            env.insert(u"RESIDESK_DB_PASSWORD"_s, dbPassword);
        p.setProcessEnvironment(env);
        p.start(CliRunner::binary(), QStringList{u"--database"_s, url} + args);
        CliRunner::Run r;
        if (!p.waitForStarted(10000))
            return r;
        if (!input.isNull())
            p.write(input.toUtf8());
        p.closeWriteChannel();
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        m_allOutput += r.out + r.err;
        return r;
    }

    // Signs in as `user` with `password` (libpq, SCRAM as the fixture's pg_hba asks).
    bool canSignIn(const QString &user, const QString &password, QString *who = nullptr)
    {
        DatabaseConfig c = DatabaseConfig::parse(m_t->superuserUrl()).value();
        c.user = user;
        c.password = password;
        Database db(c);
        if (!db.open())
            return false;
        if (who)
            *who = scalar(db, u"SELECT session_user"_s).toString();
        return true;
    }

    QString roleOf(const QString &user)
    {
        for (const QString &role : PeopleRepository::roles()) {
            if (scalar(*m_super,
                       u"SELECT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member "
                       "JOIN pg_roles g ON g.oid = m.roleid WHERE r.rolname = ? AND g.rolname = ?)"_s,
                       {user, u"residesk_"_s + role})
                    .toBool())
                return role;
        }
        return {};
    }

    bool roleExists(const QString &user)
    {
        return scalar(*m_super, u"SELECT COUNT(*) FROM pg_roles WHERE rolname = ?"_s, {user}).toInt() == 1;
    }

    QJsonObject listed(const QString &user)
    {
        const CliRunner::Run r = run(TestDatabase::Person::Admin, {u"users"_s, u"list"_s, u"--json"_s});
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.errText()));
        for (const QJsonValue &v : CliRunner::jsonArray(r.out)) {
            if (v.toObject().value(u"login"_s).toString() == user)
                return v.toObject();
        }
        return {};
    }

    // Adds `name` as an administrator would; its password.
    QString add(const QString &user, const QString &role, const QString &fullName = u"Test Person"_s)
    {
        const QString password = secret();
        m_secrets.append(password.toUtf8());
        m_created.append(user);
        const CliRunner::Run r = run(
            TestDatabase::Person::Admin,
            {u"users"_s, u"add"_s, user, u"--role"_s, role, u"--full-name"_s, fullName}, password + u'\n');
        if (r.exitCode != 0) {
            qWarning("users add failed: %s", qPrintable(r.errText()));
            return {};
        }
        return password;
    }

    void dropRole(const QString &user)
    {
        const QString sql =
            scalar(*m_super, u"SELECT format('DROP ROLE IF EXISTS %I', ?::text)"_s, {user}).toString();
        QVERIFY(!sql.isEmpty());
        QVERIFY(SqlStatement::run(*m_super, sql));
    }

    QString serverLog() const
    {
        const QString dir = QFileInfo(qEnvironmentVariable("RESIDESK_TEST_PG_URL_FILE")).absolutePath();
        QFile f(dir + u"/server.log"_s);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!CliRunner::binary().isEmpty(), "RESIDESK_BINARY is not set");
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        m_prefix = u"ut%1_"_s.arg(QCoreApplication::applicationPid());
        m_super = m_t->openAsInstaller();
        // Every statement of this database is logged from now on, with its parameters,
        // so that a password sent in any statement would be in the server's log.
        QVERIFY(SqlStatement::run(*m_super,
                                  u"DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET log_statement = "
                                  "''all''', current_database()); END $$"_s));
    }

    void cleanupTestCase()
    {
        if (m_super) {
            for (const QString &user : std::as_const(m_created))
                dropRole(user);
        }
        m_super.reset();
        m_t.reset();
    }

    void addListAndSignIn()
    {
        const QString user = login(u"ana"_s);
        const QString password = secret();
        m_secrets.append(password.toUtf8());
        m_created.append(user);
        const CliRunner::Run r =
            run(TestDatabase::Person::Admin,
                {u"users"_s, u"add"_s, user, u"--role"_s, u"vet"_s, u"--full-name"_s, u"Ana Ruiz"_s,
                 u"--title"_s, u"DVM"_s, u"--email"_s, u"ana@example.edu"_s},
                password + u'\n');
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        QVERIFY2(r.outText().contains(user), qPrintable(r.outText()));

        const QJsonObject row = listed(user);
        QCOMPARE(row.value(u"full_name"_s).toString(), u"Ana Ruiz"_s);
        QCOMPARE(row.value(u"title"_s).toString(), u"DVM"_s);
        QCOMPARE(row.value(u"email"_s).toString(), u"ana@example.edu"_s);
        QCOMPARE(row.value(u"role"_s).toString(), u"vet"_s);
        QCOMPARE(row.value(u"can_login"_s).toBool(), true);
        // The test people are listed too.
        QCOMPARE(listed(TestDatabase::login(TestDatabase::Person::Housing)).value(u"role"_s).toString(),
                 u"housing"_s);

        QString who;
        QVERIFY(canSignIn(user, password, &who));
        QCOMPARE(who, user);
        QVERIFY(!canSignIn(user, password + u"x"_s));
        QCOMPARE(roleOf(user), u"vet"_s);
        // A worker may run the new person's jobs as that person.
        QVERIFY(scalar(*m_super, u"SELECT pg_has_role('residesk_worker', ?, 'MEMBER')"_s, {user}).toBool());
        // The fixture's people still work.
        QVERIFY(canSignIn(TestDatabase::login(TestDatabase::Person::Worker),
                          TestDatabase::password(TestDatabase::Person::Worker)));

        // The same login again: refused, clearly.
        const CliRunner::Run again = run(
            TestDatabase::Person::Admin,
            {u"users"_s, u"add"_s, user, u"--role"_s, u"housing"_s, u"--full-name"_s, u"Other"_s}, u"x1\n"_s);
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.errText().contains(u"exists already"_s), qPrintable(again.errText()));
        QCOMPARE(roleOf(user), u"vet"_s);
    }

    void setRoleDisableAndPasswords()
    {
        const QString user = login(u"ben"_s);
        const QString first = add(user, u"housing"_s);
        QVERIFY(!first.isEmpty());
        QCOMPARE(roleOf(user), u"housing"_s);

        CliRunner::Run r = run(TestDatabase::Person::Admin, {u"users"_s, u"set-role"_s, user, u"admin"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        QCOMPARE(roleOf(user), u"admin"_s);
        QCOMPARE(listed(user).value(u"role"_s).toString(), u"admin"_s);
        r = run(TestDatabase::Person::Admin, {u"users"_s, u"set-role"_s, user, u"worker"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        QCOMPARE(roleOf(user), u"worker"_s);
        // A worker is not run as (no cycle with the worker group); back to vet, it is again.
        QVERIFY(!scalar(*m_super, u"SELECT pg_has_role('residesk_worker', ?, 'MEMBER')"_s, {user}).toBool());
        r = run(TestDatabase::Person::Admin, {u"users"_s, u"set-role"_s, user, u"vet"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        QCOMPARE(roleOf(user), u"vet"_s);
        QVERIFY(scalar(*m_super, u"SELECT pg_has_role('residesk_worker', ?, 'MEMBER')"_s, {user}).toBool());

        // An administrator sets another person's password.
        const QString second = secret();
        m_secrets.append(second.toUtf8());
        r = run(TestDatabase::Person::Admin, {u"users"_s, u"password"_s, user}, second + u'\n');
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        QVERIFY(canSignIn(user, second));
        QVERIFY(!canSignIn(user, first));

        // The person changes their own (signed in with the current one).
        const QString third = secret();
        m_secrets.append(third.toUtf8());
        r = run(TestDatabase::Person::Admin, {u"users"_s, u"password"_s}, third + u'\n', second, user);
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        QVERIFY(canSignIn(user, third));
        QVERIFY(!canSignIn(user, second));

        // Nobody disables their own login; an administrator disables another's.
        r = run(TestDatabase::Person::Admin,
                {u"users"_s, u"disable"_s, TestDatabase::login(TestDatabase::Person::Admin)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(u"your own login"_s), qPrintable(r.errText()));
        // The person has a session open meanwhile: disabling ends it.
        DatabaseConfig open = DatabaseConfig::parse(m_t->superuserUrl()).value();
        open.user = user;
        open.password = third;
        Database session(open);
        QVERIFY(session.open());
        QCOMPARE(scalar(session, u"SELECT 1"_s).toInt(), 1);
        const auto sessions = [&] {
            return scalar(*m_super, u"SELECT count(*) FROM pg_stat_activity WHERE usename = ?"_s, {user}).toInt();
        };
        QCOMPARE(sessions(), 1);
        r = run(TestDatabase::Person::Admin, {u"users"_s, u"disable"_s, user});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        QCOMPARE(listed(user).value(u"can_login"_s).toBool(), false);
        QVERIFY(!canSignIn(user, third));
        QCOMPARE(sessions(), 0);
        QVERIFY(!scalar(session, u"SELECT 1"_s).isValid());

        // Only an administrator enables; then the person signs in again as before.
        r = run(TestDatabase::Person::Housing, {u"users"_s, u"enable"_s, user});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(u"residesk_admin"_s), qPrintable(r.errText()));
        QVERIFY(!canSignIn(user, third));
        r = run(TestDatabase::Person::Admin, {u"users"_s, u"enable"_s, user, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        QVERIFY2(r.outText().contains(u"\"can_login\": true"_s) || r.outText().contains(u"\"can_login\":true"_s),
                 qPrintable(r.outText()));
        QCOMPARE(listed(user).value(u"can_login"_s).toBool(), true);
        QVERIFY(canSignIn(user, third));
        QCOMPARE(roleOf(user), u"vet"_s);
        r = run(TestDatabase::Person::Admin, {u"users"_s, u"disable"_s, user});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));

        // Someone who is no person: refused, naming them.
        r = run(TestDatabase::Person::Admin, {u"users"_s, u"set-role"_s, login(u"nobody"_s), u"vet"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(u"no person"_s), qPrintable(r.errText()));
    }

    // People an installer made by hand (a superuser's CREATE ROLE and GRANT, as the test
    // fixture makes rt_admin and the others) are managed the same way.
    void peopleMadeByTheInstaller()
    {
        const QString user = login(u"hand"_s);
        m_created.append(user);
        const QString create =
            scalar(
                *m_super,
                u"SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE residesk_vet', ?::text, ?::text)"_s,
                {user, u"SCRAM-SHA-256$4096:c2FsdA==$c3RvcmVk:c2VydmVy"_s})
                .toString();
        QVERIFY(SqlStatement::run(*m_super, create));
        QCOMPARE(listed(user).value(u"role"_s).toString(), u"vet"_s);
        QCOMPARE(listed(user).value(u"full_name"_s).toString(), QString()); // no profile yet
        const CliRunner::Run r =
            run(TestDatabase::Person::Admin, {u"users"_s, u"set-role"_s, user, u"housing"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        QCOMPARE(roleOf(user), u"housing"_s);
        QVERIFY(!scalar(*m_super, u"SELECT pg_has_role(?, 'residesk_vet', 'MEMBER')"_s, {user}).toBool());
        const QString password = secret();
        m_secrets.append(password.toUtf8());
        const CliRunner::Run pw =
            run(TestDatabase::Person::Admin, {u"users"_s, u"password"_s, user}, password + u'\n');
        QVERIFY2(pw.exitCode == 0, qPrintable(pw.errText()));
        QVERIFY(canSignIn(user, password));
    }

    void refusedByPostgreSQL_data()
    {
        QTest::addColumn<int>("person");
        QTest::addColumn<QString>("command");
        for (const auto &[person, name] : {std::pair{TestDatabase::Person::Housing, "housing"},
                                           std::pair{TestDatabase::Person::Vet, "vet"}}) {
            for (const char *command : {"add", "list", "set-role", "disable", "enable", "password"})
                QTest::addRow("%s %s", name, command) << int(person) << QString::fromLatin1(command);
        }
    }
    void refusedByPostgreSQL()
    {
        QFETCH(int, person);
        QFETCH(QString, command);
        const QString target = login(u"target_"_s + command.left(3));
        if (!roleExists(target))
            QVERIFY(!add(target, u"housing"_s).isEmpty());
        const QString newcomer = login(u"newcomer"_s);
        QStringList args{u"users"_s, command};
        if (command == u"add"_s)
            args << newcomer << u"--role"_s << u"admin"_s << u"--full-name"_s << u"New Comer"_s;
        else if (command == u"set-role"_s)
            args << target << u"admin"_s;
        else if (command != u"list"_s)
            args << target;
        const QString password = secret();
        m_secrets.append(password.toUtf8());
        const CliRunner::Run r = run(TestDatabase::Person(person), args, password + u'\n');
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(u"Permission denied"_s) && r.errText().contains(u"residesk_admin"_s) &&
                     r.errText().contains(TestDatabase::login(TestDatabase::Person(person))),
                 qPrintable(r.errText()));
        QVERIFY2(!r.errText().contains(u"QPSQL"_s) && !r.errText().contains(u"ERROR:"_s),
                 qPrintable(r.errText()));
        QCOMPARE(r.errText().count(u'\n'), 1);
        QVERIFY(r.out.isEmpty());
        // Nothing changed.
        QVERIFY(!roleExists(newcomer));
        QCOMPARE(roleOf(target), u"housing"_s);
        QVERIFY(scalar(*m_super, u"SELECT rolcanlogin FROM pg_roles WHERE rolname = ?"_s, {target}).toBool());
    }

    void ownPasswordForEverybody()
    {
        const QString user = login(u"cleo"_s);
        const QString first = add(user, u"vet"_s);
        QVERIFY(!first.isEmpty());
        const QString next = secret();
        m_secrets.append(next.toUtf8());
        const CliRunner::Run r =
            run(TestDatabase::Person::Vet, {u"users"_s, u"password"_s, user}, next + u'\n', first, user);
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText())); // their own login named: allowed
        QVERIFY(canSignIn(user, next));
    }

    void invalidNamesRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("capitals") << u"Ana"_s;
        QTest::newRow("pg_") << u"pg_ana"_s;
        QTest::newRow("residesk_") << u"residesk_ana"_s;
        QTest::newRow("digit first") << u"1ana"_s;
        QTest::newRow("dash") << u"ana-b"_s;
        QTest::newRow("quote") << u"ana\"; DROP ROLE rt_vet; --"_s;
        QTest::newRow("too long") << QString(64, u'a');
    }
    void invalidNamesRefused()
    {
        QFETCH(QString, name);
        const CliRunner::Run r =
            run(TestDatabase::Person::Admin,
                {u"users"_s, u"add"_s, name, u"--role"_s, u"vet"_s, u"--full-name"_s, u"X"_s}, u"pw-1\n"_s);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(u"not a valid login"_s), qPrintable(r.errText()));
        QVERIFY(!roleExists(name));
        QVERIFY(canSignIn(TestDatabase::login(TestDatabase::Person::Vet),
                          TestDatabase::password(TestDatabase::Person::Vet)));
        // The server checks it too, whoever calls its function directly.
        Database &admin = m_t->dbAs(TestDatabase::Person::Admin);
        const VoidResult direct =
            SqlStatement::run(admin, u"SELECT residesk_add_person(?, 'vet', ?, 'X', '', '')"_s,
                              {name, u"SCRAM-SHA-256$4096:abc$def:ghi"_s});
        QVERIFY(!direct);
        QVERIFY2(direct.error().detail.startsWith(u"[22023]"_s), qPrintable(direct.error().detail));
        QVERIFY(!roleExists(name));
    }

    void serverRefusesPlainPasswords()
    {
        const QString user = login(u"plain"_s);
        Database &admin = m_t->dbAs(TestDatabase::Person::Admin);
        const VoidResult r = SqlStatement::run(
            admin, u"SELECT residesk_add_person(?, 'vet', ?, 'X', '', '')"_s, {user, u"not-a-verifier"_s});
        QVERIFY(!r);
        QVERIFY2(r.error().detail.contains(u"SCRAM-SHA-256 verifier"_s), qPrintable(r.error().detail));
        QVERIFY(!roleExists(user));
        // And only administrators may call the functions at all.
        Database &housing = m_t->dbAs(TestDatabase::Person::Housing);
        const VoidResult refused = SqlStatement::run(housing, u"SELECT * FROM residesk_people()"_s);
        QVERIFY(!refused);
        QVERIFY2(refused.error().detail.startsWith(u"[42501]"_s), qPrintable(refused.error().detail));
    }

    void demoUsers()
    {
        const QStringList demo{u"admin"_s, u"housing"_s, u"vet"_s, u"worker"_s};
        for (const QString &user : demo) {
            dropRole(user);
            m_created.append(user);
        }
        CliRunner::Run r = run(TestDatabase::Person::Admin, {u"seed-demo"_s, u"--demo-users"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        QCOMPARE(CliRunner::jsonObject(r.out).value(u"demo_users_added"_s).toInt(), 4);
        QCOMPARE(CliRunner::jsonObject(r.out).value(u"residents"_s).toInt(), 0); // only the people
        for (const QString &user : demo) {
            QCOMPARE(roleOf(user), user);
            QVERIFY2(!listed(user).value(u"full_name"_s).toString().isEmpty(), qPrintable(user));
            QVERIFY2(canSignIn(user, u"demo"_s), qPrintable(user));
        }
        QCOMPARE(listed(u"vet"_s).value(u"full_name"_s).toString(), u"Dr. Demo Vet"_s);
        // Again: nothing added, nothing broken.
        r = run(TestDatabase::Person::Admin, {u"seed-demo"_s, u"--demo-users"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        QCOMPARE(CliRunner::jsonObject(r.out).value(u"demo_users_added"_s).toInt(), 0);
        QVERIFY(canSignIn(u"housing"_s, u"demo"_s));
        // Not for a housing person.
        r = run(TestDatabase::Person::Housing, {u"seed-demo"_s, u"--demo-users"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(u"Permission denied"_s), qPrintable(r.errText()));
    }

    // Last: everything above has run.
    void passwordsNeverShow()
    {
        QVERIFY(m_secrets.size() > 10);
        const QString log = serverLog();
        // The log does hold this database's statements (so the check below could fail).
        QVERIFY2(log.contains(u"residesk_add_person"_s),
                 "statements are not logged: the check proves nothing");
        QVERIFY(log.contains(u"SCRAM-SHA-256$"_s));
        for (const QByteArray &secret : std::as_const(m_secrets)) {
            QVERIFY2(!log.toUtf8().contains(secret), secret.constData());
            QVERIFY2(!m_allOutput.contains(secret), secret.constData());
        }
    }
};

// The embedded SQLite file: one person, no roles to manage.
class TestUsersCliSqlite : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;

    CliRunner::Run run(const QStringList &args, const QString &input)
    {
        QProcess p;
        p.setProcessEnvironment(CliRunner::environment());
        p.start(CliRunner::binary(), QStringList{u"--database"_s, m_t->url()} + args);
        CliRunner::Run r;
        if (!p.waitForStarted(10000))
            return r;
        p.write(input.toUtf8());
        p.closeWriteChannel();
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!CliRunner::binary().isEmpty(), "RESIDESK_BINARY is not set");
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
    }
    void cleanupTestCase() { m_t.reset(); }

    void sqliteSaysPostgreSQLOnly_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::newRow("list") << QStringList{u"users"_s, u"list"_s};
        QTest::newRow("add") << QStringList{u"users"_s, u"add"_s,         u"ana"_s, u"--role"_s,
                                            u"vet"_s,   u"--full-name"_s, u"Ana"_s};
        QTest::newRow("set-role") << QStringList{u"users"_s, u"set-role"_s, u"ana"_s, u"admin"_s};
        QTest::newRow("disable") << QStringList{u"users"_s, u"disable"_s, u"ana"_s};
        QTest::newRow("password") << QStringList{u"users"_s, u"password"_s};
        QTest::newRow("seed-demo --demo-users") << QStringList{u"seed-demo"_s, u"--demo-users"_s};
    }
    void sqliteSaysPostgreSQLOnly()
    {
        QFETCH(QStringList, command);
        const CliRunner::Run r = run(command, u"secret\n"_s);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(u"PostgreSQL only"_s), qPrintable(r.errText()));
        QCOMPARE(r.errText().count(u'\n'), 1);
        QVERIFY(r.out.isEmpty());
    }

    void invalidNamesRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("capitals") << u"Ana"_s;
        QTest::newRow("pg_") << u"pg_ana"_s;
        QTest::newRow("residesk_") << u"residesk_ana"_s;
    }
    void invalidNamesRefused()
    {
        QFETCH(QString, name);
        const CliRunner::Run r =
            run({u"users"_s, u"add"_s, name, u"--role"_s, u"vet"_s, u"--full-name"_s, u"X"_s}, u"pw-1\n"_s);
        QCOMPARE(r.exitCode, 2); // the command line's mistake first, on either backend
        QVERIFY2(r.errText().contains(u"not a valid login"_s), qPrintable(r.errText()));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (TestDatabase::isPostgreSQL()) {
        TestUsersCli test;
        return QTest::qExec(&test, argc, argv);
    }
    TestUsersCliSqlite test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_userscli.moc"
