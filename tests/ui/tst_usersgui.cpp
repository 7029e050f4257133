// The window's Users page: shown to administrators on PostgreSQL (the server says who
// is one), hidden from everybody else and on SQLite; its changes run off the GUI thread
// through the server's functions, and PostgreSQL's refusals read clearly on the page.
#include "models/core/peoplerepository.h"
#include "models/db/sqlstatement.h"
#include "tests/support/windowharness.h"
#include "ui/people/userspage.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QPushButton>
#include <QTableView>
#include <QCoreApplication>
#include <QCoroTask>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Selects the row of `login` on the Users page; false while it is not listed.
bool selectLogin(UsersPage *page, const QString &login)
{
    auto *view = page->findChild<QTableView *>(u"usersView"_s);
    QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data().toString() == login) {
            view->selectRow(row);
            return page->currentLogin() == login;
        }
    }
    return false;
}

QVariant scalar(Database &db, const QString &sql, const QVariantList &values = {})
{
    SqlStatement st(db, sql);
    for (const QVariant &v : values)
        st.bind(v);
    if (auto r = st.exec(); !r)
        return {};
    return st.next() ? st.value(0) : QVariant();
}

// Opens the window as `person`; the spy records usersPageDecided.
bool openAs(WindowHarness &h, TestDatabase::Person person, std::unique_ptr<QSignalSpy> &spy, QString *error)
{
    h.t = TestDatabase::create(error, true, person);
    if (!h.t || !h.createServices(error, std::nullopt))
        return false;
    return h.openWindow(error, [&spy](MainWindow &w) {
        spy = std::make_unique<QSignalSpy>(&w, &MainWindow::usersPageDecided);
    });
}

} // namespace

class TestUsersGui : public QObject
{
    Q_OBJECT

private:
    QStringList m_created;
    std::unique_ptr<Database> m_super;

    bool canSignIn(const WindowHarness &h, const QString &user, const QString &password)
    {
        DatabaseConfig c = DatabaseConfig::parse(h.t->superuserUrl()).value();
        c.user = user;
        c.password = password;
        Database db(c);
        return bool(db.open());
    }

private Q_SLOTS:
    void cleanupTestCase()
    {
        if (!m_super)
            return;
        for (const QString &user : std::as_const(m_created)) {
            const QString sql =
                scalar(*m_super, u"SELECT format('DROP ROLE IF EXISTS %I', ?::text)"_s, {user}).toString();
            SqlStatement::run(*m_super, sql);
        }
        m_super.reset();
    }

    void administratorsManagePeople()
    {
        WindowHarness h;
        std::unique_ptr<QSignalSpy> decided;
        QString error;
        QVERIFY2(openAs(h, TestDatabase::Person::Admin, decided, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(decided->count(), 1, WindowHarness::kTimeoutMs);
        QCOMPARE(decided->at(0).at(0).toBool(), true);
        QVERIFY(h.showPage(QCoreApplication::translate("MainWindow", "Users")));
        UsersPage *page = h.window->usersPage();
        QVERIFY(page);
        QCOMPARE(h.window->findChild<QStackedWidget *>(u"pageStack"_s)->currentWidget(), page);
        // The test people are there (an administrator lists them all).
        QTRY_VERIFY_WITH_TIMEOUT(page->rowCount() >= 4, WindowHarness::kTimeoutMs);
        if (!m_super)
            m_super = h.t->openAsInstaller();

        const QString user = u"ug%1_dora"_s.arg(QCoreApplication::applicationPid());
        m_created.append(user);
        QSignalSpy loaded(page, &UsersPage::loaded);
        const int before = page->rowCount();
        QVERIFY2(QCoro::waitFor(
                     page->addPerson({user, u"Dora Díaz"_s, u"Técnica"_s, {}, u"vet"_s}, u"pw-dora-1"_s)),
                 qPrintable(page->message()));
        QVERIFY2(page->message().contains(user), qPrintable(page->message()));
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1 && page->rowCount() == before + 1,
                                 WindowHarness::kTimeoutMs);
        QVERIFY(canSignIn(h, user, u"pw-dora-1"_s));

        QVERIFY2(QCoro::waitFor(page->setRole(user, u"housing"_s)), qPrintable(page->message()));
        QVERIFY(scalar(*m_super, u"SELECT pg_has_role(?, 'residesk_housing', 'MEMBER')"_s, {user}).toBool());
        QVERIFY(!scalar(*m_super, u"SELECT pg_has_role(?, 'residesk_vet', 'MEMBER')"_s, {user}).toBool());

        QVERIFY2(QCoro::waitFor(page->setPassword(user, u"pw-dora-2"_s)), qPrintable(page->message()));
        QVERIFY(canSignIn(h, user, u"pw-dora-2"_s));
        QVERIFY(!canSignIn(h, user, u"pw-dora-1"_s));

        QVERIFY2(QCoro::waitFor(page->disable(user)), qPrintable(page->message()));
        QVERIFY(!canSignIn(h, user, u"pw-dora-2"_s));
        // Her row now offers Enable, which lets her in again.
        QTRY_VERIFY_WITH_TIMEOUT(page->findChild<QPushButton *>(u"disableButton"_s) &&
                                     selectLogin(page, user) &&
                                     page->findChild<QPushButton *>(u"disableButton"_s)->text() == u"&Enable"_s,
                                 WindowHarness::kTimeoutMs);
        QVERIFY2(QCoro::waitFor(page->enable(user)), qPrintable(page->message()));
        QVERIFY(canSignIn(h, user, u"pw-dora-2"_s));
        QTRY_VERIFY_WITH_TIMEOUT(selectLogin(page, user) &&
                                     page->findChild<QPushButton *>(u"disableButton"_s)->text() == u"&Disable"_s,
                                 WindowHarness::kTimeoutMs);

        // A mistake is shown on the page, not thrown at the person.
        QVERIFY(!QCoro::waitFor(page->addPerson({u"Bad Name"_s, u"X"_s, {}, {}, u"vet"_s}, u"pw"_s)));
        QVERIFY2(page->message().contains(u"not a valid login"_s), qPrintable(page->message()));
    }

    void othersSeeNoUsersPage_data()
    {
        QTest::addColumn<int>("person");
        QTest::newRow("housing") << int(TestDatabase::Person::Housing);
        QTest::newRow("vet") << int(TestDatabase::Person::Vet);
    }
    void othersSeeNoUsersPage()
    {
        QFETCH(int, person);
        WindowHarness h;
        std::unique_ptr<QSignalSpy> decided;
        QString error;
        QVERIFY2(openAs(h, TestDatabase::Person(person), decided, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(decided->count(), 1, WindowHarness::kTimeoutMs);
        QCOMPARE(decided->at(0).at(0).toBool(), false);
        QVERIFY(!h.window->usersPage());
        QVERIFY(!h.showPage(QCoreApplication::translate("MainWindow", "Users")));

        // Even a Users page built by hand gets nothing past PostgreSQL, and says why.
        UsersPage page(*h.executor);
        QSignalSpy loaded(&page, &UsersPage::loaded);
        page.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, WindowHarness::kTimeoutMs);
        QCOMPARE(page.rowCount(), 0);
        QVERIFY2(page.message().contains(u"Permission denied"_s), qPrintable(page.message()));
        const QString user = u"ug%1_eve"_s.arg(QCoreApplication::applicationPid());
        QVERIFY(!QCoro::waitFor(page.addPerson({user, u"Eve"_s, {}, {}, u"admin"_s}, u"pw-eve"_s)));
        QVERIFY2(page.message().contains(u"Permission denied"_s) &&
                     page.message().contains(u"residesk_admin"_s) &&
                     page.message().contains(TestDatabase::login(TestDatabase::Person(person))),
                 qPrintable(page.message()));
        QVERIFY(!page.message().contains(u"QPSQL"_s));
        std::unique_ptr<Database> super = h.t->openAsInstaller();
        QCOMPARE(scalar(*super, u"SELECT COUNT(*) FROM pg_roles WHERE rolname = ?"_s, {user}).toInt(), 0);
    }
};

// The embedded SQLite file: one person, no Users page.
class TestUsersGuiSqlite : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noUsersPage()
    {
        WindowHarness h;
        std::unique_ptr<QSignalSpy> decided;
        QString error;
        QVERIFY2(openAs(h, TestDatabase::Person::Admin, decided, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(decided->count(), 1, WindowHarness::kTimeoutMs);
        QCOMPARE(decided->at(0).at(0).toBool(), false);
        QVERIFY(!h.window->usersPage());
        QVERIFY(!h.showPage(QCoreApplication::translate("MainWindow", "Users")));
        QVERIFY(h.showPage(QCoreApplication::translate("MainWindow", "Residents"))); // the sidebar is there
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (TestDatabase::isPostgreSQL()) {
        TestUsersGui test;
        return QTest::qExec(&test, argc, argv);
    }
    TestUsersGuiSqlite test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_usersgui.moc"
