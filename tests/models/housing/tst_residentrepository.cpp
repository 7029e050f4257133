#include "models/db/sqlstatement.h"
#include "models/housing/residentrepository.h"
#include "tests/models/housing/housingtestutil.h"
#include "tests/support/testdatabase.h"

#include <QTest>

using namespace Qt::StringLiterals;

using namespace HousingTest;

class TestResidentRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    Actor m_alice =
        TestDatabase::actorFor(TestDatabase::Person::Housing, QStringLiteral("alice"), Actor::Role::Housing);
    Actor m_bob =
        TestDatabase::actorFor(TestDatabase::Person::Admin, QStringLiteral("bob"), Actor::Role::Housing);

    static Resident make(int i)
    {
        Resident r;
        r.studentId = QStringLiteral("T%1").arg(i, 6, 10, QLatin1Char('0'));
        r.firstName = QStringLiteral("First%1").arg(i % 7);
        r.lastName = QStringLiteral("Last%1").arg(i % 5);
        r.email = QStringLiteral("person%1@example.edu").arg(i);
        r.phone = i % 3 == 0 ? QString() : QStringLiteral("+34 612 345 %1").arg(i, 3, 10, QLatin1Char('0'));
        r.status = static_cast<Resident::Status>(i % 3);
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // One database for the suite (creating a PostgreSQL database per test is slow);
        // every test starts from empty tables.
        QString error;
        m_t = TestDatabase::create(&error, true, TestDatabase::Person::Housing);
        QVERIFY2(m_t, qPrintable(error));
    }
    void cleanupTestCase() { m_t.reset(); }

    void init()
    {
        QVERIFY(m_t);
        for (const char *table : {"rooms", "residents", "buildings"})
            QVERIFY(SqlStatement::run(m_t->db(), QStringLiteral("DELETE FROM ") + QLatin1String(table)));
    }

    void createGetUpdate()
    {
        ResidentRepository repo(m_t->db(), m_alice);
        Resident in = make(1);
        in.firstName = QStringLiteral("  Ana ");
        const Result<Resident> created = repo.create(in);
        QVERIFY2(created, qPrintable(created.error().text()));
        QVERIFY(created->id > 0);
        QCOMPARE(created->version, 1);
        QCOMPARE(created->firstName, QStringLiteral("Ana"));
        QCOMPARE(created->studentId, in.studentId);
        QCOMPARE(created->email, in.email);
        QCOMPARE(created->status, in.status);

        const Result<Resident> got = repo.get(created->id);
        QVERIFY(got);
        QCOMPARE(got.value(), created.value());
        const Result<Resident> byStudent = repo.findByStudentId(in.studentId);
        QVERIFY(byStudent);
        QCOMPARE(byStudent->id, created->id);

        QCOMPARE(queryValue(m_t->db(), QStringLiteral("SELECT created_by FROM residents WHERE id = ?"),
                            {created->id})
                     .toString(),
                 m_alice.username);

        ResidentRepository bobRepo(m_t->dbAs(TestDatabase::Person::Admin), m_bob);
        Resident changed = created.value();
        changed.lastName = QStringLiteral("Ortega");
        changed.status = Resident::Status::Graduated;
        const Result<Resident> updated = bobRepo.update(changed);
        QVERIFY2(updated, qPrintable(updated.error().text()));
        QCOMPARE(updated->version, 2);
        QCOMPARE(updated->lastName, QStringLiteral("Ortega"));
        QCOMPARE(updated->status, Resident::Status::Graduated);
        QCOMPARE(queryValue(m_t->db(), QStringLiteral("SELECT updated_by FROM residents WHERE id = ?"),
                            {created->id})
                     .toString(),
                 m_bob.username);
        QCOMPARE(queryValue(m_t->db(), QStringLiteral("SELECT created_by FROM residents WHERE id = ?"),
                            {created->id})
                     .toString(),
                 m_alice.username);
        QVERIFY(!queryValue(m_t->db(), QStringLiteral("SELECT updated_at FROM residents WHERE id = ?"),
                            {created->id})
                     .isNull());
    }

    void validation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("student id missing") << QStringLiteral("student_id") << QStringLiteral("   ");
        QTest::newRow("student id too long") << QStringLiteral("student_id") << QString(33, QLatin1Char('1'));
        QTest::newRow("first name missing") << QStringLiteral("first_name") << QString();
        QTest::newRow("last name missing") << QStringLiteral("last_name") << QStringLiteral(" ");
        QTest::newRow("e-mail missing") << QStringLiteral("email") << QString();
        QTest::newRow("phone with letters") << QStringLiteral("phone") << QStringLiteral("call me");
        QTest::newRow("phone too short") << QStringLiteral("phone") << QStringLiteral("12");
    }
    void validation()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        Resident r = make(1);
        if (field == QLatin1String("student_id"))
            r.studentId = value;
        else if (field == QLatin1String("first_name"))
            r.firstName = value;
        else if (field == QLatin1String("last_name"))
            r.lastName = value;
        else if (field == QLatin1String("email"))
            r.email = value;
        else if (field == QLatin1String("phone"))
            r.phone = value;
        ResidentRepository repo(m_t->db(), m_alice);
        const Result<Resident> created = repo.create(r);
        QVERIFY(!created);
        QCOMPARE(created.error().code, DbError::Code::Validation);
        QVERIFY2(hasField(created.error(), field), qPrintable(created.error().text()));
        QCOMPARE(created.error().fields.size(), 1);
        QCOMPARE(repo.count({}).value(), qint64(0));

        // Update validates too.
        const Result<Resident> stored = repo.create(make(2));
        QVERIFY(stored);
        Resident changed = r;
        changed.id = stored->id;
        changed.version = stored->version;
        const Result<Resident> updated = repo.update(changed);
        QVERIFY(!updated);
        QCOMPARE(updated.error().code, DbError::Code::Validation);
        QVERIFY(hasField(updated.error(), field));
    }

    void invalidEmail_data()
    {
        QTest::addColumn<QString>("email");
        QTest::newRow("no at") << QStringLiteral("plainaddress");
        QTest::newRow("no local part") << QStringLiteral("@example.com");
        QTest::newRow("no domain dot") << QStringLiteral("ana@localhost");
        QTest::newRow("space inside") << QStringLiteral("ana maria@example.com");
        QTest::newRow("two ats") << QStringLiteral("ana@@example.com");
        QTest::newRow("double dot in domain") << QStringLiteral("ana@example..com");
        QTest::newRow("leading dot") << QStringLiteral(".ana@example.com");
        QTest::newRow("trailing dot in local") << QStringLiteral("ana.@example.com");
        QTest::newRow("domain starts with hyphen") << QStringLiteral("ana@-example.com");
        QTest::newRow("one-letter tld") << QStringLiteral("ana@example.c");
        QTest::newRow("comma") << QStringLiteral("ana,b@example.com");
    }
    void invalidEmail()
    {
        QFETCH(QString, email);
        QVERIFY(!ResidentRepository::isValidEmail(email));
        Resident r = make(1);
        r.email = email;
        const QList<FieldError> errors = ResidentRepository::validate(r);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().field, QStringLiteral("email"));
        QVERIFY2(errors.first().message.contains(email), qPrintable(errors.first().message));
        const Result<Resident> created = ResidentRepository(m_t->db(), m_alice).create(r);
        QCOMPARE(created.error().code, DbError::Code::Validation);
    }

    void validEmail_data()
    {
        QTest::addColumn<QString>("email");
        QTest::newRow("plain") << QStringLiteral("ana@example.com");
        QTest::newRow("dotted local and subdomain") << QStringLiteral("ana.maria.3@students.example.edu");
        QTest::newRow("plus tag") << QStringLiteral("ana+housing@example.co.uk");
        QTest::newRow("apostrophe") << QStringLiteral("o'brien@example.ie");
        QTest::newRow("hyphenated domain") << QStringLiteral("x@my-uni.example.org");
    }
    void validEmail()
    {
        QFETCH(QString, email);
        QVERIFY(ResidentRepository::isValidEmail(email));
        Resident r = make(1);
        r.email = email;
        const Result<Resident> created = ResidentRepository(m_t->db(), m_alice).create(r);
        QVERIFY2(created, qPrintable(created.error().text()));
        QCOMPARE(created->email, email);
    }

    void duplicateStudentId()
    {
        ResidentRepository repo(m_t->db(), m_alice);
        const Result<Resident> first = repo.create(make(1));
        QVERIFY(first);
        Resident again = make(2);
        again.studentId = QStringLiteral(" %1 ").arg(first->studentId);
        const Result<Resident> dup = repo.create(again);
        QVERIFY(!dup);
        QCOMPARE(dup.error().code, DbError::Code::Duplicate);
        QVERIFY(hasField(dup.error(), QStringLiteral("student_id")));
        QVERIFY2(dup.error().message.contains(first->studentId), qPrintable(dup.error().message));

        const Result<Resident> second = repo.create(make(2));
        QVERIFY(second);
        Resident clash = second.value();
        clash.studentId = first->studentId;
        const Result<Resident> updated = repo.update(clash);
        QCOMPARE(updated.error().code, DbError::Code::Duplicate);
        QVERIFY(hasField(updated.error(), QStringLiteral("student_id")));

        // Keeping one's own student id is not a duplicate.
        Resident same = second.value();
        same.firstName = QStringLiteral("Renamed");
        QVERIFY(repo.update(same));
    }

    void databaseMapsUniqueViolation()
    {
        // What a lost race looks like: the database's unique key refuses the row.
        ResidentRepository repo(m_t->db(), m_alice);
        QVERIFY(repo.create(make(1)));
        const VoidResult r = SqlStatement::run(
            m_t->db(),
            QStringLiteral(
                "INSERT INTO residents (student_id, first_name, last_name, email, created_by, updated_by) "
                "VALUES (?, 'A', 'B', 'a@example.com', 'x', 'x')"),
            {make(1).studentId});
        QVERIFY(!r);
        QCOMPARE(r.error().code, DbError::Code::Duplicate);
    }

    void databaseConstraints_data()
    {
        QTest::addColumn<QString>("studentId");
        QTest::addColumn<QString>("firstName");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("status");
        QTest::newRow("blank student id") << QStringLiteral("  ") << QStringLiteral("A")
                                          << QStringLiteral("a@example.com") << QStringLiteral("active");
        QTest::newRow("blank first name") << QStringLiteral("S1") << QStringLiteral(" ")
                                          << QStringLiteral("a@example.com") << QStringLiteral("active");
        QTest::newRow("e-mail without at") << QStringLiteral("S1") << QStringLiteral("A")
                                           << QStringLiteral("nope") << QStringLiteral("active");
        QTest::newRow("e-mail with space") << QStringLiteral("S1") << QStringLiteral("A")
                                           << QStringLiteral("a b@example.com") << QStringLiteral("active");
        QTest::newRow("unknown status") << QStringLiteral("S1") << QStringLiteral("A")
                                        << QStringLiteral("a@example.com") << QStringLiteral("expelled");
    }
    void databaseConstraints()
    {
        QFETCH(QString, studentId);
        QFETCH(QString, firstName);
        QFETCH(QString, email);
        QFETCH(QString, status);
        const VoidResult r =
            SqlStatement::run(m_t->db(),
                              QStringLiteral("INSERT INTO residents (student_id, first_name, last_name, "
                                             "email, status, created_by, updated_by) "
                                             "VALUES (?, ?, 'Last', ?, ?, 'x', 'x')"),
                              {studentId, firstName, email, status});
        QVERIFY(!r);
        QCOMPARE(r.error().code, DbError::Code::ConstraintViolation);
        QCOMPARE(queryValue(m_t->db(), QStringLiteral("SELECT COUNT(*) FROM residents")).toInt(), 0);
    }

    void conflictAndOverwrite()
    {
        ResidentRepository mine(m_t->db(), m_alice);
        std::unique_ptr<Database> other = m_t->openAnother();
        ResidentRepository theirs(*other, m_bob);

        const Result<Resident> created = mine.create(make(1));
        QVERIFY(created);
        Resident theirCopy = theirs.get(created->id).value();
        theirCopy.firstName = QStringLiteral("Theirs");
        QVERIFY(theirs.update(theirCopy));

        Resident myCopy = created.value();
        myCopy.firstName = QStringLiteral("Mine");
        const Result<Resident> stale = mine.update(myCopy);
        QVERIFY(!stale);
        QCOMPARE(stale.error().code, DbError::Code::Conflict);
        QVERIFY(!stale.error().message.isEmpty());
        QCOMPARE(mine.get(created->id)->firstName, QStringLiteral("Theirs"));

        const VoidResult staleRemove = mine.remove(created->id, myCopy.version);
        QCOMPARE(staleRemove.error().code, DbError::Code::Conflict);

        const Result<Resident> overwritten = mine.update(myCopy, ResidentRepository::OnConflict::Overwrite);
        QVERIFY2(overwritten, qPrintable(overwritten.error().text()));
        QCOMPARE(overwritten->firstName, QStringLiteral("Mine"));
        QCOMPARE(overwritten->version, 3);
        QCOMPARE(theirs.get(created->id)->firstName, QStringLiteral("Mine"));
    }

    void removeRestoreNotFound()
    {
        ResidentRepository repo(m_t->db(), m_alice);
        const Result<Resident> created = repo.create(make(1));
        QVERIFY(created);
        QVERIFY(repo.remove(created->id, created->version));
        QCOMPARE(repo.get(created->id).error().code, DbError::Code::NotFound);
        QCOMPARE(repo.remove(created->id, created->version).error().code, DbError::Code::NotFound);
        QCOMPARE(repo.update(created.value()).error().code, DbError::Code::NotFound);
        QCOMPARE(repo.update(created.value(), ResidentRepository::OnConflict::Overwrite).error().code,
                 DbError::Code::NotFound);
        QCOMPARE(repo.get(987654).error().code, DbError::Code::NotFound);
        QCOMPARE(repo.findByStudentId(QStringLiteral("nobody")).error().code, DbError::Code::NotFound);

        const Result<Resident> restored = repo.restore(created.value());
        QVERIFY2(restored, qPrintable(restored.error().text() + restored.error().detail));
        QCOMPARE(restored->id, created->id);
        QCOMPARE(restored->studentId, created->studentId);
        QCOMPARE(restored->email, created->email);
        QCOMPARE(repo.get(created->id)->lastName, created->lastName);
        QCOMPARE(repo.restore(created.value()).error().code, DbError::Code::Duplicate);

        // New rows do not collide with the restored id (PostgreSQL identity columns).
        const Result<Resident> next = repo.create(make(2));
        QVERIFY2(next, qPrintable(next.error().text() + next.error().detail));
        QVERIFY(next->id != created->id);
    }

    void paging_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("expr");
        QTest::addColumn<bool>("descending");
        const QList<std::pair<int, QString>> columns{
            {ResidentRepository::StudentId, QStringLiteral("student_id")},
            {ResidentRepository::FirstName, QStringLiteral("first_name")},
            {ResidentRepository::LastName, QStringLiteral("last_name")},
            {ResidentRepository::Email, QStringLiteral("email")},
            {ResidentRepository::Phone, QStringLiteral("phone")},
            {ResidentRepository::Status, QStringLiteral("status")}};
        for (const auto &[column, expr] : columns) {
            QTest::addRow("%s asc", qPrintable(expr)) << column << expr << false;
            QTest::addRow("%s desc", qPrintable(expr)) << column << expr << true;
        }
    }
    void paging()
    {
        QFETCH(int, column);
        QFETCH(QString, expr);
        QFETCH(bool, descending);
        ResidentRepository repo(m_t->db(), m_alice);
        for (int i = 0; i < 53; ++i)
            QVERIFY(repo.create(make(i)));
        bool ok = false;
        const Qt::SortOrder order = descending ? Qt::DescendingOrder : Qt::AscendingOrder;
        const QList<qint64> ids = pageThrough(repo, column, order, 7, {}, &ok);
        QVERIFY(ok);
        QCOMPARE(ids.size(), 53);
        QVERIFY(allDistinct(ids));
        const QString dir = descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
        const QList<qint64> expected =
            queryIds(m_t->db(), QStringLiteral("SELECT id FROM residents ORDER BY ") + expr + dir +
                                    QStringLiteral(", id") + dir);
        QCOMPARE(ids, expected);
    }

    // Strings that would break out of SQL text, in every text field and in the search
    // filter: stored and read back verbatim, found only as text, tables intact.
    void injectionStringsAreJustText()
    {
        ResidentRepository repo(m_t->db(), m_alice);
        const QStringList evil{
            u"Robert'); DROP TABLE residents;--"_s,
            u"x' OR '1'='1"_s,
            u"\\'; SELECT pg_sleep(5); --"_s,
            u"$$; DELETE FROM buildings; $$"_s,
            u"\"; UPDATE residents SET status = 'graduated'; --"_s,
        };
        QList<qint64> ids;
        for (int i = 0; i < evil.size(); ++i) {
            Resident r = make(200 + i);
            r.firstName = evil.at(i);
            r.lastName = evil.at(i);
            const Result<Resident> created = repo.create(r);
            QVERIFY2(created, qPrintable(created.error().text()));
            ids << created->id;
        }
        for (int i = 0; i < evil.size(); ++i) {
            const Result<Resident> back = repo.get(ids.at(i));
            QVERIFY(back.ok());
            QCOMPARE(back->firstName, evil.at(i));
            QCOMPARE(back->lastName, evil.at(i));
            ListFilter f;
            f.search = evil.at(i);
            const Result<qint64> found = repo.count(f);
            QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.error().text()));
            QCOMPARE(found.value(), qint64(1)); // itself, as text
        }
        ListFilter all;
        const Result<qint64> total = repo.count(all);
        QVERIFY(total.ok());
        QCOMPARE(total.value(), qint64(evil.size()));
        QVERIFY(SqlStatement::run(m_t->db(), u"SELECT count(*) FROM buildings"_s).ok()); // still there
    }

    void searchAndFilter()
    {
        ResidentRepository repo(m_t->db(), m_alice);
        for (int i = 0; i < 20; ++i)
            QVERIFY(repo.create(make(i)));
        Resident special = make(100);
        special.studentId = QStringLiteral("X_1");
        special.lastName = QStringLiteral("McLaren");
        special.email = QStringLiteral("ten%off@example.com");
        QVERIFY(repo.create(special));

        const auto countFor = [&](const QString &search, const QString &status = {}) {
            ListFilter f;
            f.search = search;
            f.status = status;
            const Result<qint64> c = repo.count(f);
            PageRequest request;
            request.filter = f;
            request.limit = 1000;
            const auto page = repo.page(request);
            if (!c || !page || c.value() != page->size())
                return qint64(-1);
            return c.value();
        };
        QCOMPARE(countFor({}), qint64(21));
        QCOMPARE(countFor(QStringLiteral("mclaren")), qint64(1));
        QCOMPARE(countFor(QStringLiteral("MCLAR")), qint64(1));
        QCOMPARE(countFor(QStringLiteral("last1")), qint64(4)); // i % 5 == 1 among 0..19
        QCOMPARE(countFor(QStringLiteral("%")), qint64(1));     // the wildcard is literal
        QCOMPARE(countFor(QStringLiteral("_")), qint64(1));
        QCOMPARE(countFor(QStringLiteral("person1")), qint64(11)); // person1, person10..19
        QCOMPARE(countFor(QStringLiteral("T000003")), qint64(1));
        QCOMPARE(countFor(QStringLiteral("nothing like this")), qint64(0));
        QCOMPARE(countFor({}, QStringLiteral("graduated")), qint64(6)); // i % 3 == 2 among 0..19
        QCOMPARE(countFor(QStringLiteral("last1"), QStringLiteral("active")), qint64(1)); // i = 6
    }
};

QTEST_GUILESS_MAIN(TestResidentRepository)
#include "tst_residentrepository.moc"
