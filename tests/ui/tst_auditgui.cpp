// The Audit page through the real window, offscreen, on SQLite and PostgreSQL: the
// trail the database wrote, newest first, filtered by person, table, record and day,
// sorted by a header click; and no such page for anyone but an administrator.

#include "models/db/sqlstatement.h"
#include "models/itemmodels/audittablemodel.h"
#include "tests/support/auditperson.h"
#include "tests/support/windowharness.h"
#include "ui/pages/auditpage.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using Person = TestDatabase::Person;

namespace {
constexpr int kTimeout = 15000;
}

class TestAuditGui : public QObject
{
    Q_OBJECT

private:
    static bool seed(TestDatabase &t)
    {
        for (const QString &code : {u"GA"_s, u"GB"_s}) {
            if (!SqlStatement::run(
                    t.dbAs(Person::Housing),
                    u"INSERT INTO buildings (code, name, address, floors, created_by, updated_by) "
                    "VALUES (?, ?, '3 Ledger Way', 2, 'x', 'x')"_s,
                    {code, u"Hall "_s + code}))
                return false;
        }
        return bool(SqlStatement::run(t.dbAs(Person::Vet),
                                      u"INSERT INTO clients (name, kind, created_by, updated_by) "
                                      "VALUES ('Gui Farm', 'farm', 'x', 'x')"_s));
    }

    // The entities of the rows the view shows, top to bottom.
    static QStringList shown(AuditPage *page)
    {
        QStringList rows;
        QAbstractItemModel *model = page->view()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            rows << model->index(row, AuditLog::Entity).data().toString();
        return rows;
    }

    static bool waitFor(AuditPage *page, const QStringList &expected)
    {
        return QTest::qWaitFor([&] { return !page->auditModel()->isLoading() && shown(page) == expected; },
                               kTimeout);
    }

private Q_SLOTS:
    void showsFiltersAndSorts()
    {
        WindowHarness h;
        QString error;
        QVERIFY2(h.createServices(&error, std::nullopt), qPrintable(error));
        QVERIFY(seed(*h.t));
        QVERIFY2(h.openWindow(&error), qPrintable(error));
        QVERIFY(h.showPage(u"Audit"_s));
        auto *page = h.child<AuditPage>(u"auditPage"_s);
        QVERIFY(page);
        QVERIFY(page->isVisible());

        // Newest first; the changes column says what the record held.
        QVERIFY2(waitFor(page, {u"client"_s, u"building"_s, u"building"_s}),
                 qPrintable(shown(page).join(u',')));
        const QModelIndex change = page->view()->model()->index(0, AuditTableModel::Changes);
        QVERIFY2(change.data().toString().contains(u"Gui Farm"_s), qPrintable(change.data().toString()));
        QCOMPARE(page->view()->model()->index(0, AuditLog::Person).data().toString(),
                 auditPerson(Person::Vet));
        QCOMPARE(page->view()->model()->index(0, AuditLog::Action).data().toString(), u"create"_s);

        // By person (on SQLite every change is the one person's).
        auto *person = h.child<QLineEdit>(u"auditPerson"_s);
        QVERIFY(person);
        person->setText(auditPerson(Person::Housing));
        QVERIFY(waitFor(page, TestDatabase::isPostgreSQL()
                                  ? QStringList{u"building"_s, u"building"_s}
                                  : QStringList{u"client"_s, u"building"_s, u"building"_s}));
        person->clear();
        // By table, then also by record.
        auto *table = h.child<QComboBox>(u"auditTable"_s);
        QVERIFY(table);
        table->setCurrentIndex(table->findData(u"building"_s));
        QVERIFY(waitFor(page, {u"building"_s, u"building"_s}));
        const QString firstBuilding = page->view()->model()->index(1, AuditLog::Record).data().toString();
        auto *record = h.child<QLineEdit>(u"auditRecord"_s);
        record->setText(firstBuilding);
        QVERIFY(waitFor(page, {u"building"_s}));
        record->clear();
        table->setCurrentIndex(0);
        QVERIFY(waitFor(page, {u"client"_s, u"building"_s, u"building"_s}));

        // Sorted by table, in the database: building before client.
        page->view()->horizontalHeader()->setSortIndicator(AuditLog::Entity, Qt::AscendingOrder);
        QVERIFY(waitFor(page, {u"building"_s, u"building"_s, u"client"_s}));

        // Days: from tomorrow on there is nothing; up to today, everything.
        auto *from = h.child<QDateEdit>(u"auditFrom"_s);
        from->setDate(QDate::currentDate().addDays(1));
        QVERIFY(waitFor(page, {}));
        from->setDate(from->minimumDate());
        auto *to = h.child<QDateEdit>(u"auditTo"_s);
        to->setDate(QDate::currentDate());
        QVERIFY(waitFor(page, {u"building"_s, u"building"_s, u"client"_s}));
    }

    void onlyForAdministrators()
    {
        WindowHarness h;
        h.actor = Actor{u"vet"_s, Actor::Role::Vet};
        QString error;
        QVERIFY2(h.start(&error, std::nullopt), qPrintable(error));
        QVERIFY(!h.showPage(u"Audit"_s));
        QVERIFY(!h.child<AuditPage>(u"auditPage"_s));
        QVERIFY(h.showPage(u"Protocols"_s));
    }
};

QTEST_MAIN(TestAuditGui)
#include "tst_auditgui.moc"
