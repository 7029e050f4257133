// Issue 15: the recipient's language set in the window, offscreen, on SQLite and
// PostgreSQL. Maintenance ▸ Technicians…: an administrator adds a technician (skills,
// working days and hours, Español) and edits it (back to the office default); a bad
// e-mail address is refused at its field and changes nothing. A vet reads the list
// but may not change it (PostgreSQL lets vets read technicians only). Protocols ▸
// Edit client…: the vet changes the current protocol's client's e-mail and language
// (vets and administrators may; PostgreSQL says so); a bad address changes nothing.
#include "models/core/recipientlanguage.h"
#include "models/db/sqlstatement.h"
#include "models/lab/clientrepository.h"
#include "models/maintenance/technicianrepository.h"
#include "tests/support/bulkfixtures.h"
#include "tests/support/windowharness.h"
#include "ui/lab/clientdialog.h"
#include "ui/lab/labui.h"
#include "ui/lab/protocolspage.h"
#include "ui/maintenance/maintenancepage.h"
#include "ui/maintenance/maintenanceui.h"
#include "ui/maintenance/techniciandialog.h"
#include "ui/maintenance/techniciansdialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeout = WindowHarness::kTimeoutMs;

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

// The stored language: "" for NULL (the office's default), "?" when there is no row.
QString storedLanguage(Database &db, const QString &table, qint64 id)
{
    SqlStatement st(db, u"SELECT language FROM "_s + table + u" WHERE id = ?"_s);
    st.bind(id);
    if (!st.exec() || !st.next())
        return u"?"_s;
    return st.value(0).isNull() ? QString() : st.value(0).toString();
}

QString messageOf(QDialog *dialog)
{
    auto *label = dialog->findChild<QLabel *>(u"messageLabel"_s);
    return label && label->isVisible() ? label->text() : QString();
}

QString fieldErrorOf(QDialog *dialog, const QString &key)
{
    auto *label = dialog->findChild<QLabel *>(u"error_"_s + key);
    return label && !label->isHidden() ? label->text() : QString();
}

// The conflict question a save of `dialog` opened.
QMessageBox *conflictBox(QDialog *dialog)
{
    auto *box = dialog->findChild<QMessageBox *>(u"conflictBox"_s);
    return box && box->isVisible() ? box : nullptr;
}

// Saves and answers the conflict question with the button of that name.
bool saveAndAnswer(QDialog *dialog, const QString &button)
{
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
    if (!QTest::qWaitFor([dialog] { return conflictBox(dialog) != nullptr; }, kTimeout))
        return false;
    QPointer<QMessageBox> box = conflictBox(dialog);
    auto *answer = box->findChild<QPushButton *>(button);
    if (!answer)
        return false;
    answer->click();
    return QTest::qWaitFor([&box] { return box.isNull(); }, kTimeout);
}

TechniciansDialog *openTechnicians(WindowHarness &h)
{
    if (!h.showPage(u"Maintenance"_s))
        return nullptr;
    auto *page = h.window->findChild<MaintenancePage *>(u"maintenancePage"_s);
    if (!page || !page->techniciansButton()->isVisible())
        return nullptr;
    QTest::mouseClick(page->techniciansButton(), Qt::LeftButton);
    return h.window->findChild<TechniciansDialog *>(u"techniciansDialog"_s);
}

} // namespace

class TestRecipientLanguageGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void techniciansAddedAndEdited()
    {
        WindowHarness h;
        QString error;
        QVERIFY2(h.start(&error, std::nullopt), qPrintable(error));
        TechniciansDialog *list = openTechnicians(h);
        QVERIFY(list);
        QTRY_VERIFY_WITH_TIMEOUT(list->isVisible(), kTimeout);
        QVERIFY(list->addButton()->isVisible());
        QVERIFY(!list->editButton()->isEnabled()); // nothing chosen yet
        QSignalSpy listed(list, &TechniciansDialog::loaded);

        // Add…: a new technician in Spanish.
        QTest::mouseClick(list->addButton(), Qt::LeftButton);
        QPointer<TechnicianDialog> add = list->findChild<TechnicianDialog *>(u"technicianDialog"_s);
        QVERIFY(add && add->isLoaded());
        QSignalSpy saved(add, &TechnicianDialog::saved);
        QTest::keyClicks(add->nameEdit(), u"Eva Sanz"_s);
        QTest::keyClicks(add->emailEdit(), u"eva@example.edu"_s);
        add->skillBox(Maintenance::Category::Electrical)->setChecked(true);
        add->skillBox(Maintenance::Category::Heating)->setChecked(true);
        for (int day = 1; day <= 7; ++day)
            add->dayBox(day)->setChecked(day == 2 || day == 4 || day == 6);
        add->startsBox()->setCurrentIndex(add->startsBox()->findData(7 * 60 + 30));
        add->endsBox()->setCurrentIndex(add->endsBox()->findData(24 * 60));
        add->languageBox()->setCurrentIndex(add->languageBox()->findData(u"es"_s));
        QCOMPARE(add->languageBox()->currentText(), u"Español"_s);
        QTest::mouseClick(add->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kTimeout);
        const Technician eva = saved.at(0).at(0).value<Technician>();
        QVERIFY(eva.id > 0);
        Database &db = h.t->db();
        QCOMPARE(storedLanguage(db, u"maintenance_technicians"_s, eva.id), u"es"_s);
        const Result<Technician> stored = TechnicianRepository(db, WindowHarness::tester()).get(eva.id);
        QVERIFY(stored);
        QCOMPARE(stored->name, u"Eva Sanz"_s);
        QCOMPARE(stored->email, u"eva@example.edu"_s);
        QCOMPARE(stored->skills, (QList<Maintenance::Category>{Maintenance::Category::Electrical,
                                                               Maintenance::Category::Heating}));
        QCOMPARE(stored->workingDays, (QList<int>{2, 4, 6}));
        QCOMPARE(stored->dayStarts, 7 * 60 + 30);
        QCOMPARE(stored->dayEnds, 24 * 60);
        QVERIFY(stored->active);
        // The list shows it, chosen.
        QTRY_VERIFY_WITH_TIMEOUT(listed.count() > 0 && list->technicians().size() == 1, kTimeout);
        QCOMPARE(list->table()->item(0, 0)->text(), u"Eva Sanz"_s);
        QCOMPARE(list->table()->item(0, 5)->text(), u"Español"_s);
        QCOMPARE(list->table()->item(0, 4)->text(), u"07:30–24:00"_s);
        QCOMPARE(list->table()->currentRow(), 0);
        QVERIFY(list->editButton()->isEnabled());

        // Edit…: a bad address is refused at its field; nothing changes.
        QTRY_VERIFY_WITH_TIMEOUT(!add, kTimeout); // closed on save, deleted
        QTest::mouseClick(list->editButton(), Qt::LeftButton);
        auto *edit = list->findChild<TechnicianDialog *>(u"technicianDialog"_s);
        QVERIFY(edit);
        QTRY_VERIFY_WITH_TIMEOUT(edit->isLoaded(), kTimeout);
        QCOMPARE(edit->nameEdit()->text(), u"Eva Sanz"_s);
        QCOMPARE(edit->languageBox()->currentData().toString(), u"es"_s);
        QVERIFY(edit->dayBox(4)->isChecked() && !edit->dayBox(1)->isChecked());
        QCOMPARE(edit->endsBox()->currentData().toInt(), 24 * 60);
        QSignalSpy editSaved(edit, &TechnicianDialog::saved);
        edit->emailEdit()->selectAll();
        QTest::keyClicks(edit->emailEdit(), u"eva at example"_s);
        edit->languageBox()->setCurrentIndex(edit->languageBox()->findData(QString()));
        QTest::mouseClick(edit->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
        QVERIFY2(fieldErrorOf(edit, u"email"_s).contains(u"eva at example"_s),
                 qPrintable(fieldErrorOf(edit, u"email"_s)));
        QVERIFY2(!messageOf(edit).isEmpty(), "no message");
        QVERIFY(edit->isVisible());
        QCOMPARE(editSaved.count(), 0);
        QCOMPARE(storedLanguage(db, u"maintenance_technicians"_s, eva.id), u"es"_s);
        QCOMPARE(scalar(db, u"SELECT email FROM maintenance_technicians WHERE id = ?"_s, {eva.id}).toString(),
                 u"eva@example.edu"_s);
        // Corrected: the address and the office's default (NULL) are stored.
        edit->emailEdit()->selectAll();
        QTest::keyClicks(edit->emailEdit(), u"eva.sanz@example.edu"_s);
        QTest::mouseClick(edit->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(editSaved.count(), 1, kTimeout);
        QCOMPARE(storedLanguage(db, u"maintenance_technicians"_s, eva.id), QString());
        QCOMPARE(scalar(db, u"SELECT email FROM maintenance_technicians WHERE id = ?"_s, {eva.id}).toString(),
                 u"eva.sanz@example.edu"_s);
        QTRY_COMPARE_WITH_TIMEOUT(list->table()->item(0, 1)->text(), u"eva.sanz@example.edu"_s, kTimeout);
        QCOMPARE(list->table()->item(0, 5)->text(), RecipientLanguage::defaultLabel());

        // A name the data layer refuses (too long): the dialog stays, the row is unchanged.
        TechnicianDialog *again = list->editTechnician(0);
        QVERIFY(again);
        QTRY_VERIFY_WITH_TIMEOUT(again->isLoaded(), kTimeout);
        again->nameEdit()->setText(QString(201, u'x'));
        QSignalSpy againSaved(again, &TechnicianDialog::saved);
        QTest::mouseClick(again->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
        QVERIFY(!fieldErrorOf(again, u"name"_s).isEmpty());
        QCOMPARE(againSaved.count(), 0);
        QCOMPARE(scalar(db, u"SELECT name FROM maintenance_technicians WHERE id = ?"_s, {eva.id}).toString(),
                 u"Eva Sanz"_s);
        again->reject();
    }

    void vetReadsTechniciansAndEditsClients()
    {
        WindowHarness h;
        QString error;
        h.t = TestDatabase::create(&error, true, TestDatabase::Person::Vet);
        QVERIFY2(h.t, qPrintable(error));
        // Housing staff keep the technicians; the lab's client and protocol exist.
        Database &housing = h.t->dbAs(TestDatabase::Person::Housing);
        Technician pia;
        pia.name = u"Pia Roth"_s;
        pia.email = u"pia@example.edu"_s;
        pia.skills = {Maintenance::Category::Plumbing};
        pia.language = u"en"_s;
        const Result<Technician> stored =
            TechnicianRepository(housing, TestDatabase::actorFor(TestDatabase::Person::Housing, u"alice"_s,
                                                                 Actor::Role::Housing))
                .add(pia);
        QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().text()));
        Database &db = h.t->db(); // the vet
        const qint64 client =
            BulkFixtures::addClient(db, u"Hillside Dairy"_s, u"office@hillside.example.org"_s);
        QVERIFY(client > 0);
        QCOMPARE(BulkFixtures::addProtocols(db, client, 3).size(), 3);
        h.actor = TestDatabase::actorFor(TestDatabase::Person::Vet, u"vera"_s, Actor::Role::Vet);
        QVERIFY2(h.createServices(&error, std::nullopt), qPrintable(error));
        QVERIFY2(h.openWindow(&error,
                              [](MainWindow &w) {
                                  w.setRights({false, false, true});
                              }),
                 qPrintable(error));

        // Technicians…: the vet reads the list, and may not add or edit.
        TechniciansDialog *list = openTechnicians(h);
        QVERIFY(list);
        QTRY_COMPARE_WITH_TIMEOUT(list->technicians().size(), 1, kTimeout);
        QCOMPARE(list->table()->item(0, 0)->text(), u"Pia Roth"_s);
        QCOMPARE(list->table()->item(0, 5)->text(), u"English"_s);
        QVERIFY(!list->isWritable());
        QVERIFY(list->addButton()->isHidden());
        QVERIFY(list->editButton()->isHidden());
        QVERIFY(!list->addTechnician());
        QVERIFY(!list->editTechnician(0));
        list->close();

        // Protocols ▸ Edit client…
        QVERIFY(h.showPage(u"Protocols"_s));
        auto *lab = h.window->findChild<LabUi *>(u"labUi"_s);
        QVERIFY(lab);
        ProtocolsPage *page = lab->protocolsPage();
        QTRY_VERIFY_WITH_TIMEOUT(page->view()->model() && page->view()->model()->rowCount() == 3, kTimeout);
        page->view()->setCurrentIndex(page->view()->model()->index(0, 0));
        QTRY_VERIFY_WITH_TIMEOUT(page->editClientAction->isEnabled(), kTimeout);
        page->editClientAction->trigger();
        QPointer<ClientDialog> dialog = h.window->findChild<ClientDialog *>(u"clientDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), kTimeout);
        QCOMPARE(dialog->emailEdit()->text(), u"office@hillside.example.org"_s);
        QCOMPARE(dialog->languageBox()->currentData().toString(), QString()); // the office's default
        QSignalSpy saved(dialog, &ClientDialog::saved);

        // A bad address is refused at its field; nothing is stored.
        dialog->emailEdit()->selectAll();
        QTest::keyClicks(dialog->emailEdit(), u"office@"_s);
        dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findData(u"es"_s));
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
        QVERIFY2(!fieldErrorOf(dialog, u"email"_s).isEmpty(), "no field error");
        QVERIFY(dialog->isVisible());
        QCOMPARE(saved.count(), 0);
        QCOMPARE(storedLanguage(db, u"clients"_s, client), QString());

        // Corrected: stored, in Spanish.
        dialog->emailEdit()->selectAll();
        QTest::keyClicks(dialog->emailEdit(), u"oficina@hillside.example.es"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kTimeout);
        QCOMPARE(storedLanguage(db, u"clients"_s, client), u"es"_s);
        const Result<Client> now = ClientRepository(db, h.actor).get(client);
        QVERIFY(now);
        QCOMPARE(now->email, u"oficina@hillside.example.es"_s);
        QCOMPARE(now->language, u"es"_s);
        QCOMPARE(now->name, u"Hillside Dairy"_s);

        // Opened again, it shows what is stored; back to English.
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, kTimeout); // closed on save, deleted
        page->editClientAction->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(h.window->findChild<ClientDialog *>(u"clientDialog"_s), kTimeout);
        dialog = h.window->findChild<ClientDialog *>(u"clientDialog"_s);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), kTimeout);
        QCOMPARE(dialog->languageBox()->currentText(), u"Español"_s);
        QSignalSpy savedAgain(dialog, &ClientDialog::saved);
        dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findData(u"en"_s));
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(savedAgain.count(), 1, kTimeout);
        QCOMPARE(storedLanguage(db, u"clients"_s, client), u"en"_s);
    }

    // Someone else saved first: Save asks Reload / Overwrite / Cancel. Cancel keeps the
    // typed values and says so in the dialog's own words; Reload shows the stored values
    // (loaded() again); Overwrite saves the typed values over theirs. A client that
    // cannot be read says so, and Save then does nothing.
    void savingOverSomeoneElse()
    {
        WindowHarness h;
        QString error;
        QVERIFY2(h.start(&error, std::nullopt), qPrintable(error));
        Database &db = h.t->db();
        Technician tom;
        tom.name = u"Tom Berg"_s;
        tom.email = u"tom@example.edu"_s;
        tom.skills = {Maintenance::Category::Plumbing};
        const Result<Technician> added = TechnicianRepository(db, WindowHarness::tester()).add(tom);
        QVERIFY2(added, qPrintable(added ? QString() : added.error().text()));
        std::unique_ptr<Database> other = h.t->openAnother();
        QVERIFY(other);
        const auto theySave = [&other, id = added->id](const QString &email) {
            TechnicianRepository technicians(*other, Actor{u"colleague"_s, Actor::Role::Admin});
            Result<Technician> t = technicians.get(id);
            if (!t)
                return false;
            t->email = email;
            return bool(technicians.update(t.value()));
        };

        QPointer<TechnicianDialog> technician =
            new TechnicianDialog(*h.executor, h.actor, added->id, h.window.get());
        QSignalSpy loaded(technician, &TechnicianDialog::loaded);
        QSignalSpy saved(technician, &TechnicianDialog::saved);
        QSignalSpy created(technician, &TechnicianDialog::created);
        technician->open();
        QTRY_VERIFY_WITH_TIMEOUT(technician->isLoaded(), kTimeout);
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(messageOf(technician), QString());
        QVERIFY(theySave(u"tom.berg@example.edu"_s));

        // Cancel: nothing stored, the typed name kept.
        technician->nameEdit()->setText(u"Tom Berger"_s);
        QTest::mouseClick(technician->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(conflictBox(technician), kTimeout);
        QCOMPARE(conflictBox(technician)->text(),
                 u"Someone else saved technician Tom Berg since you opened it."_s);
        conflictBox(technician)->findChild<QPushButton *>(u"cancelButton"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(
            messageOf(technician),
            u"Not saved: this technician was changed by someone else. Your changes are kept."_s, kTimeout);
        QCOMPARE(technician->nameEdit()->text(), u"Tom Berger"_s);
        QCOMPARE(saved.count(), 0);
        QCOMPARE(
            scalar(db, u"SELECT name FROM maintenance_technicians WHERE id = ?"_s, {added->id}).toString(),
            u"Tom Berg"_s);

        // Reload: their values in the form.
        QVERIFY(saveAndAnswer(technician, u"reloadButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, kTimeout);
        QCOMPARE(messageOf(technician), u"Showing the values stored now. Review them and save again."_s);
        QCOMPARE(technician->nameEdit()->text(), u"Tom Berg"_s);
        QCOMPARE(technician->emailEdit()->text(), u"tom.berg@example.edu"_s);
        QCOMPARE(saved.count(), 0);

        // Overwrite: ours over a second change of theirs.
        technician->nameEdit()->setText(u"Tom Berger"_s);
        QVERIFY(theySave(u"t.berg@example.edu"_s));
        QVERIFY(saveAndAnswer(technician, u"overwriteButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kTimeout);
        QCOMPARE(saved.at(0).at(0).value<Technician>().name, u"Tom Berger"_s);
        QCOMPARE(created.count(), 0); // an edit, not a new one
        QCOMPARE(
            scalar(db, u"SELECT name FROM maintenance_technicians WHERE id = ?"_s, {added->id}).toString(),
            u"Tom Berger"_s);
        QCOMPARE(
            scalar(db, u"SELECT email FROM maintenance_technicians WHERE id = ?"_s, {added->id}).toString(),
            u"tom.berg@example.edu"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!technician, kTimeout); // closed on save, deleted

        // A new technician: created() with its id, then saved().
        QPointer<TechnicianDialog> add = new TechnicianDialog(*h.executor, h.actor, 0, h.window.get());
        QVERIFY(add->isLoaded());
        QSignalSpy addCreated(add, &TechnicianDialog::created);
        QSignalSpy addSaved(add, &TechnicianDialog::saved);
        add->open();
        QTest::keyClicks(add->nameEdit(), u"Ida Lund"_s);
        QTest::keyClicks(add->emailEdit(), u"ida@example.edu"_s);
        add->skillBox(Maintenance::Category::Electrical)->setChecked(true);
        QTest::mouseClick(add->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(addSaved.count(), 1, kTimeout);
        QCOMPARE(addCreated.count(), 1);
        QCOMPARE(addCreated.at(0).at(0).toLongLong(), addSaved.at(0).at(0).value<Technician>().id);
        QTRY_VERIFY_WITH_TIMEOUT(!add, kTimeout);

        // A client: Cancel and Reload in its own words.
        const qint64 clientId =
            BulkFixtures::addClient(db, u"Hillside Dairy"_s, u"office@hillside.example.org"_s);
        QVERIFY(clientId > 0);
        QPointer<ClientDialog> client = new ClientDialog(*h.executor, h.actor, clientId, h.window.get());
        QSignalSpy clientSaved(client, &ClientDialog::saved);
        client->open();
        // Until it is read it says so, not "Saving…" (the read is delivered by the event loop).
        QVERIFY(!client->isLoaded());
        QCOMPARE(client->findChild<QLabel *>(u"messageLabel"_s)->text(), u"Loading…"_s);
        QTRY_VERIFY_WITH_TIMEOUT(client->isLoaded(), kTimeout);
        {
            ClientRepository clients(*other, Actor{u"colleague"_s, Actor::Role::Admin});
            Result<Client> theirs = clients.get(clientId);
            QVERIFY(theirs);
            theirs->phone = u"+34 600 000 000"_s;
            QVERIFY(clients.update(theirs.value()));
        }
        client->emailEdit()->setText(u"dairy@hillside.example.org"_s);
        QTest::mouseClick(client->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(conflictBox(client), kTimeout);
        QCOMPARE(conflictBox(client)->text(),
                 u"Someone else saved client Hillside Dairy since you opened it."_s);
        conflictBox(client)->findChild<QPushButton *>(u"cancelButton"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(
            messageOf(client),
            u"Not saved: this client was changed by someone else. Your changes are kept."_s, kTimeout);
        QCOMPARE(client->emailEdit()->text(), u"dairy@hillside.example.org"_s);
        QVERIFY(saveAndAnswer(client, u"reloadButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(messageOf(client),
                                  u"Showing the values stored now. Review them and save again."_s, kTimeout);
        QCOMPARE(client->emailEdit()->text(), u"office@hillside.example.org"_s);
        QCOMPARE(client->phoneEdit()->text(), u"+34 600 000 000"_s);
        QCOMPARE(clientSaved.count(), 0);
        client->reject();

        // A client that is not there: said, and Save does nothing.
        QPointer<ClientDialog> missing =
            new ClientDialog(*h.executor, h.actor, clientId + 1000, h.window.get());
        QSignalSpy missingSaved(missing, &ClientDialog::saved);
        missing->open();
        QTRY_VERIFY_WITH_TIMEOUT(messageOf(missing).startsWith(u"The client cannot be loaded: "_s), kTimeout);
        QVERIFY(!missing->isLoaded());
        QVERIFY(missing->findChild<QPushButton *>(u"saveButton"_s)->isEnabled());
        QTest::mouseClick(missing->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
        QVERIFY(missing->isVisible());
        QCOMPARE(missingSaved.count(), 0);
        QVERIFY(messageOf(missing).startsWith(u"The client cannot be loaded: "_s));
        missing->reject();
    }
};

QTEST_MAIN(TestRecipientLanguageGui)
#include "tst_recipientlanguagegui.moc"
