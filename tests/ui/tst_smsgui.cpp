// Text messages in the real main window, offscreen, with its job engine and event bus,
// the system keychain (its own D-Bus session: tests/support/keyringsession.sh) and a
// real HTTP gateway (tests/support/smsgateway.py), on SQLite and PostgreSQL (as the test
// administrator, never a superuser):
//  - the "Text messages" dock (View ▸ Text messages, a shortcut of its own) shows queued,
//    sent, failed and uncertain messages, filters and sorts them; "Retry" puts a failed
//    message back in the queue in the database and "Mark as sent" decides an uncertain
//    one; "Send now" sends what waits through the gateway;
//  - Settings ▸ Text messages… saves what it shows (the secret in the keychain, never in
//    the settings file), shows it again, refuses a URL it cannot use, and its "Send test
//    message" reaches the gateway with that secret, or says why not;
//  - the resident dialog edits "Messages by" and the phone, and names a phone number
//    libphonenumber refuses.
#include "models/core/keychain.h"
#include "models/db/events.h"
#include "models/db/sqlstatement.h"
#include "models/housing/residentrepository.h"
#include "tasks/jobengine.h"
#include "tasks/sms/smsoutbox.h"
#include "tests/support/smsgatewayprocess.h"
#include "tests/support/windowharness.h"
#include "ui/dialogs/residentdialog.h"
#include "ui/mainwindow.h"
#include "ui/sms/smsoutboxdock.h"
#include "ui/sms/smsoutboxtablemodel.h"
#include "ui/sms/smssettingsdialog.h"

#include <QAction>
#include <QComboBox>
#include <QCoroTask>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr int kTimeout = 60000;
// The gateway's token; /auth accepts exactly "Bearer " + this.
const QString kSecret = u"tok-gui-7f3a91"_s;

Actor tester()
{
    return WindowHarness::tester();
}

struct Harness : WindowHarness
{
    bool start(QString *error) { return WindowHarness::start(error, testEngineOptions(2)); }

    SmsOutboxDock *dock() const { return window->findChild<SmsOutboxDock *>(u"smsOutboxDock"_s); }
    QAction *action(const QString &name) const { return window->findChild<QAction *>(name); }

    qint64 enqueue(const QString &to, const QString &name = {})
    {
        SmsMessage m;
        m.toNumber = to;
        m.toName = name;
        m.text = u"Water off tomorrow, "_s + to;
        const Result<SmsOutbox::Enqueued> r = SmsOutbox(t->db()).enqueue(m, tester());
        if (!r)
            qWarning("enqueue: %s", qPrintable(r.error().text()));
        return r ? r->id : 0;
    }

    SmsRecord message(qint64 id)
    {
        const Result<SmsRecord> r = SmsOutbox(t->db()).get(id);
        return r ? r.value() : SmsRecord{};
    }

    // Stops the engine the window started with, as a closed worker would be.
    bool stopEngine()
    {
        QSignalSpy stopped(engine.get(), &JobEngine::stopped);
        engine->stop();
        return QTest::qWaitFor([&] { return stopped.count() > 0 || !engine->isStarted(); }, kTimeout);
    }

    void startNewEngine()
    {
        engine = std::make_unique<JobEngine>(t->db(), tasks, engine->options());
        engine->setEventBus(events.get());
        engine->start();
    }
};

void clearSmsEnvironment()
{
    for (const char *name : {"RESIDESK_SMS_URL", "RESIDESK_SMS_AUTH", "RESIDESK_SMS_USER",
                             "RESIDESK_SMS_TOKEN", "RESIDESK_SMS_TEMPLATE", "RESIDESK_SMS_CONTENT_TYPE",
                             "RESIDESK_SMS_TIMEOUT", "RESIDESK_SMS_RATE", "RESIDESK_SMS_FROM"})
        qunsetenv(name);
}

void retype(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

SmsSettingsDialog *openSettings(Harness &h)
{
    h.action(u"actionSmsSettings"_s)->trigger();
    SmsSettingsDialog *dialog = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            dialog = h.window->findChild<SmsSettingsDialog *>();
            return dialog && dialog->isVisible();
        },
        kTimeout);
    return shown ? dialog : nullptr;
}

} // namespace

class TestSmsGui : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config; // this test's own settings file
    std::unique_ptr<SmsGatewayProcess> m_gateway;

    QString settingsFile() const { return m_config.filePath(u"Residesk/Residesk.conf"_s); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        // The settings this test writes stay in a folder of its own: other tests (and the
        // other backend's run) read the shared test home's.
        qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "no D-Bus session: run this test through tests/support/keyringsession.sh (ctest does)");
        // Numbers without a country code are read as in the United States.
        qputenv("RESIDESK_SMS_REGION", "US");
    }

    void init()
    {
        clearSmsEnvironment();
        m_gateway = std::make_unique<SmsGatewayProcess>();
        QString error;
        QVERIFY2(m_gateway->start(u"Bearer "_s + kSecret, &error), qPrintable(error));
    }

    void cleanup()
    {
        m_gateway.reset();
        clearSmsEnvironment();
        QSettings(u"Residesk"_s, u"Residesk"_s).remove(u"sms"_s);
        QCoro::waitFor(Keychain::remove(u"sms:127.0.0.1"_s));
    }

    void dockShowsRetriesAndDecides()
    {
        Harness h;
        QString error;
        QVERIFY2(h.start(&error), qPrintable(error));
        // The messages exist while no engine runs: one queued, one sent, one the gateway
        // refused, one whose answer never came (as a refusing gateway and a dead worker
        // would have left them).
        QVERIFY(h.stopEngine());
        const qint64 queued = h.enqueue(u"+1 202 555 0141"_s, u"Ana Ruiz"_s);
        const qint64 sent = h.enqueue(u"+1 202 555 0142"_s);
        const qint64 failed = h.enqueue(u"+1 202 555 0143"_s);
        const qint64 uncertain = h.enqueue(u"+1 202 555 0144"_s);
        QVERIFY(queued > 0 && sent > 0 && failed > 0 && uncertain > 0);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(SqlStatement::run(h.t->db(),
                                  u"UPDATE sms_outbox SET state = 'sent', attempts = 1, sent_at = ?, "
                                  "gateway_reply = 'HTTP 200: queued', version = version + 1 WHERE id = ?"_s,
                                  {now, sent}));
        QVERIFY(
            SqlStatement::run(h.t->db(),
                              u"UPDATE sms_outbox SET state = 'failed', attempts = 1, version = version + 1, "
                              "last_error = 'HTTP 400: invalid number' WHERE id = ?"_s,
                              {failed}));
        QVERIFY(SqlStatement::run(h.t->db(),
                                  u"UPDATE sms_outbox SET state = 'uncertain', attempts = 1, "
                                  "version = version + 1, last_error = 'no answer after the request' "
                                  "WHERE id = ?"_s,
                                  {uncertain}));
        QVERIFY(SqlStatement::run(h.t->db(), u"DELETE FROM jobs"_s));
        QVERIFY(Events::publishRecordsChanged(h.t->db(), u"sms_outbox"_s));

        // View ▸ Text messages, with a shortcut no other action of the window has.
        SmsOutboxDock *dock = h.dock();
        QVERIFY(dock);
        QVERIFY(!dock->isVisible());
        QAction *toggle = h.action(u"actionTextMessages"_s);
        QVERIFY(toggle);
        QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
        for (QAction *other : h.window->findChildren<QAction *>()) {
            if (other != toggle)
                QVERIFY2(!other->shortcuts().contains(toggle->shortcut()), qPrintable(other->objectName()));
        }
        toggle->trigger();
        QVERIFY(dock->isVisible());
        dock->setConfirmDecisions(false);

        SmsOutboxTableModel *model = dock->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, kTimeout);
        const auto cell = [model](qint64 id, int column) {
            return model->index(model->rowOf(id), column).data().toString();
        };
        // A load may have read the rows between the updates above: wait for the last one's.
        QTRY_VERIFY_WITH_TIMEOUT(cell(failed, SmsOutboxTableModel::StateColumn) == u"Failed"_s &&
                                     cell(uncertain, SmsOutboxTableModel::StateColumn) == u"Uncertain"_s &&
                                     cell(sent, SmsOutboxTableModel::StateColumn) == u"Sent"_s,
                                 kTimeout);
        QCOMPARE(cell(queued, SmsOutboxTableModel::ToColumn), u"+12025550141"_s);
        QCOMPARE(cell(queued, SmsOutboxTableModel::ResidentColumn), u"Ana Ruiz"_s);
        QCOMPARE(cell(queued, SmsOutboxTableModel::StateColumn), u"Queued"_s);
        QCOMPARE(cell(sent, SmsOutboxTableModel::StateColumn), u"Sent"_s);
        QVERIFY(!cell(sent, SmsOutboxTableModel::SentColumn).isEmpty());
        QCOMPARE(cell(uncertain, SmsOutboxTableModel::StateColumn), u"Uncertain"_s);
        QVERIFY2(cell(failed, SmsOutboxTableModel::ErrorColumn).contains(u"invalid number"_s),
                 qPrintable(cell(failed, SmsOutboxTableModel::ErrorColumn)));
        QCOMPARE(cell(failed, SmsOutboxTableModel::AttemptsColumn), u"1 of 8"_s);
        QVERIFY(!cell(queued, SmsOutboxTableModel::CreatedColumn).isEmpty());

        // Newest first; any column sorts.
        QSortFilterProxyModel *proxy = dock->proxy();
        const auto firstId = [proxy] {
            return proxy->index(0, 0).data(SmsOutboxTableModel::IdRole).toLongLong();
        };
        QCOMPARE(firstId(), uncertain);
        dock->view()->sortByColumn(SmsOutboxTableModel::ToColumn, Qt::AscendingOrder);
        QCOMPARE(firstId(), queued);
        dock->view()->sortByColumn(SmsOutboxTableModel::StateColumn, Qt::AscendingOrder); // Failed first
        QCOMPARE(firstId(), failed);
        dock->view()->sortByColumn(SmsOutboxTableModel::IdColumn, Qt::DescendingOrder);

        // Only the failed one under "Failed"; "Retry" is offered for it alone.
        auto *retry = dock->findChild<QPushButton *>(u"smsOutboxRetry"_s);
        auto *markSent = dock->findChild<QPushButton *>(u"smsOutboxMarkSent"_s);
        auto *resend = dock->findChild<QPushButton *>(u"smsOutboxResend"_s);
        QVERIFY(retry && markSent && resend);
        QComboBox *filter = dock->stateFilter();
        filter->setCurrentIndex(filter->findData(int(OutboxState::Failed)));
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == 1 && model->rowOf(failed) == 0, kTimeout);
        dock->selectMessage(failed);
        QCOMPARE(dock->currentId(), failed);
        QVERIFY(retry->isEnabled());
        QVERIFY(!markSent->isEnabled());
        QVERIFY(!resend->isEnabled());
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(h.message(failed).state, OutboxState::Queued, kTimeout);
        QCOMPARE(h.message(failed).attempts, 0);
        // The panel follows: nothing is failed any more.
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, kTimeout);

        // The uncertain one: it did arrive.
        filter->setCurrentIndex(filter->findData(int(OutboxState::Uncertain)));
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == 1 && model->rowOf(uncertain) == 0, kTimeout);
        dock->selectMessage(uncertain);
        QVERIFY(markSent->isEnabled());
        QVERIFY(resend->isEnabled());
        QVERIFY(!retry->isEnabled());
        QTest::mouseClick(markSent, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(h.message(uncertain).state, OutboxState::Sent, kTimeout);
        QCOMPARE(h.message(uncertain).resolution, u"marked_sent"_s);
        QCOMPARE(h.message(uncertain).resolvedBy, tester().username);
        QCOMPARE(m_gateway->posts().size(), 0); // marking sends nothing

        // "Send now": an engine with a gateway sends what waits, the retried one too.
        qputenv("RESIDESK_SMS_URL", m_gateway->url(u"ok"_s).toUtf8());
        qputenv("RESIDESK_SMS_TOKEN", kSecret.toUtf8());
        h.startNewEngine();
        QSignalSpy done(dock, &SmsOutboxDock::actionDone);
        QTest::mouseClick(dock->findChild<QPushButton *>(u"smsOutboxSendNow"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, kTimeout);
        QCOMPARE(done.first().first().toString(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(h.message(failed).state, OutboxState::Sent, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(h.message(queued).state, OutboxState::Sent, kTimeout);
        QStringList numbers;
        for (const QJsonObject &post : m_gateway->posts())
            numbers << QJsonDocument::fromJson(post.value(u"body"_s).toString().toUtf8())
                           .object()
                           .value(u"to"_s)
                           .toString();
        numbers.sort();
        QCOMPARE(numbers, (QStringList{u"+12025550141"_s, u"+12025550143"_s}));
        filter->setCurrentIndex(filter->findData(int(OutboxState::Sent)));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, kTimeout);
    }

    void settingsDialogSavesWhatItShows()
    {
        Harness h;
        QString error;
        QVERIFY2(h.start(&error), qPrintable(error));
        // Settings ▸ Text messages… is offered to whoever is offered Settings ▸ E-mail….
        for (const MainWindow::Rights rights :
             {MainWindow::Rights{false, false, true}, MainWindow::Rights{false, true, false},
              MainWindow::Rights{true, true, true}}) {
            h.window->setRights(rights);
            QCOMPARE(h.action(u"actionSmsSettings"_s)->isVisible(),
                     h.action(u"actionMailSettings"_s)->isVisible());
        }

        SmsSettingsDialog *dialog = openSettings(h);
        QVERIFY(dialog);
        QVERIFY(!dialog->findChild<QLabel *>(u"smsEnvironmentNote"_s));
        const auto edit = [&dialog](const char *name) {
            return dialog->findChild<QLineEdit *>(QString::fromLatin1(name));
        };
        retype(edit("smsUrl"), m_gateway->url(u"auth"_s));
        auto *auth = dialog->findChild<QComboBox *>(u"smsAuth"_s);
        auth->setCurrentIndex(auth->findData(u"bearer"_s));
        QVERIFY(edit("smsSecret")->isEnabled());
        QVERIFY(!edit("smsUser")->isEnabled());
        retype(edit("smsSecret"), kSecret);
        auto *contentType = dialog->findChild<QComboBox *>(u"smsContentType"_s);
        contentType->setCurrentIndex(contentType->findData(u"form"_s));
        QCOMPARE(edit("smsTemplate")->text(), u"to={to}&text={text}"_s); // the form's own template
        retype(edit("smsTemplate"), u"From={from}&To={to}&Body={text}"_s);
        retype(edit("smsSender"), u"+12025550100"_s);
        dialog->findChild<QSpinBox *>(u"smsTimeout"_s)->setValue(10);
        retype(edit("smsTestTo"), u"(202) 555-0143"_s);

        // "Send test message": saved, queued, sent by this window's engine, with the
        // token from the keychain.
        QSignalSpy queued(dialog, &SmsSettingsDialog::testQueued);
        QSignalSpy finished(dialog, &SmsSettingsDialog::testFinished);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"smsTestButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(queued.count(), 1, kTimeout);
        QCOMPARE(queued.first().at(2).toString(), QString());
        const qint64 id = queued.first().at(0).toLongLong();
        QVERIFY(id > 0);
        QVERIFY(dialog->isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeout);
        QCOMPARE(finished.first().at(1).toString(), u"sent"_s);
        QVERIFY(!dialog->isBusy());
        QVERIFY(!dialog->findChild<QProgressBar *>(u"smsTestProgress"_s)->isVisible());
        QVERIFY2(dialog->statusText().contains(u"sent to +12025550143"_s), qPrintable(dialog->statusText()));
        QCOMPARE(h.message(id).state, OutboxState::Sent);
        const QList<QJsonObject> posts = m_gateway->posts();
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.first().value(u"path"_s).toString(), u"/auth"_s);
        QCOMPARE(posts.first().value(u"authorization"_s).toString(), u"Bearer "_s + kSecret);
        QVERIFY2(posts.first().value(u"body"_s).toString().startsWith(
                     u"From=%2B12025550100&To=%2B12025550143&Body=This%20is%20a%20test"_s),
                 qPrintable(posts.first().value(u"body"_s).toString()));

        // What it showed is what was saved: the settings file has everything but the
        // secret, the keychain the secret under the key the command line uses.
        {
            QSettings s(u"Residesk"_s, u"Residesk"_s);
            QCOMPARE(s.value(u"sms/url"_s).toString(), m_gateway->url(u"auth"_s));
            QCOMPARE(s.value(u"sms/auth"_s).toString(), u"bearer"_s);
            QCOMPARE(s.value(u"sms/content_type"_s).toString(), u"form"_s);
            QCOMPARE(s.value(u"sms/body_template"_s).toString(), u"From={from}&To={to}&Body={text}"_s);
            QCOMPARE(s.value(u"sms/sender"_s).toString(), u"+12025550100"_s);
            QCOMPARE(s.value(u"sms/timeout_ms"_s).toInt(), 10000);
        }
        QFile file(settingsFile());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QByteArray stored = file.readAll();
        QVERIFY(stored.contains(m_gateway->url(u"auth"_s).toUtf8()));
        QVERIFY(!stored.contains(kSecret.toUtf8()));
        const Keychain::Secret secret = QCoro::waitFor(Keychain::read(u"sms:127.0.0.1"_s));
        QVERIFY2(secret.error.isEmpty(), qPrintable(secret.error));
        QCOMPARE(secret.value, kSecret);

        // Opened again, it shows what was saved, the secret read back from the keychain.
        dialog->reject();
        QTRY_VERIFY_WITH_TIMEOUT(!h.window->findChild<SmsSettingsDialog *>(), kTimeout);
        dialog = openSettings(h);
        QVERIFY(dialog);
        QCOMPARE(edit("smsUrl")->text(), m_gateway->url(u"auth"_s));
        auth = dialog->findChild<QComboBox *>(u"smsAuth"_s);
        QVERIFY(auth);
        QCOMPARE(auth->currentData().toString(), u"bearer"_s);
        QCOMPARE(dialog->findChild<QComboBox *>(u"smsContentType"_s)->currentData().toString(), u"form"_s);
        QCOMPARE(edit("smsTemplate")->text(), u"From={from}&To={to}&Body={text}"_s);
        QCOMPARE(edit("smsSender")->text(), u"+12025550100"_s);
        QCOMPARE(edit("smsTestTo")->text(), u"(202) 555-0143"_s);
        QCOMPARE(dialog->findChild<QSpinBox *>(u"smsTimeout"_s)->value(), 10);
        QTRY_COMPARE_WITH_TIMEOUT(edit("smsSecret")->text(), kSecret, kTimeout);

        // A URL the gateway cannot take is not saved, and the dialog says why.
        retype(edit("smsUrl"), u"ftp://sms.example.org/send"_s);
        QSignalSpy saved(dialog, &SmsSettingsDialog::saved);
        dialog->save(true);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kTimeout);
        QVERIFY2(saved.first().first().toString().contains(u"http://"_s),
                 qPrintable(saved.first().first().toString()));
        QVERIFY(dialog->isVisible());
        QCOMPARE(QSettings(u"Residesk"_s, u"Residesk"_s).value(u"sms/url"_s).toString(),
                 m_gateway->url(u"auth"_s));

        // A test the gateway refuses: the dialog says so, with the gateway's reason.
        retype(edit("smsUrl"), m_gateway->url(u"bad"_s));
        QSignalSpy refused(dialog, &SmsSettingsDialog::testFinished);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"smsTestButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, kTimeout);
        QCOMPARE(refused.first().at(1).toString(), u"failed"_s);
        QVERIFY2(dialog->statusText().contains(u"refused"_s) && dialog->statusText().contains(u"400"_s),
                 qPrintable(dialog->statusText()));
        QCOMPARE(m_gateway->posts().size(), 2);

        // A number libphonenumber refuses never reaches the outbox.
        retype(edit("smsTestTo"), u"555-01"_s);
        QSignalSpy notQueued(dialog, &SmsSettingsDialog::testQueued);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"smsTestButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(notQueued.count(), 1, kTimeout);
        QCOMPARE(notQueued.first().at(0).toLongLong(), 0);
        QVERIFY2(dialog->statusText().contains(u"\"555-01\""_s), qPrintable(dialog->statusText()));
        dialog->reject();
    }

    void residentDialogEditsContactAndPhone()
    {
        Harness h;
        QString error;
        QVERIFY2(h.createServices(&error, WindowHarness::testEngineOptions()), qPrintable(error));
        Resident r;
        r.studentId = u"S7001"_s;
        r.firstName = u"Ana"_s;
        r.lastName = u"Ruiz"_s;
        r.email = u"ana@example.edu"_s;
        const Result<Resident> created = ResidentRepository(h.t->db(), tester()).create(r);
        QVERIFY2(created, created ? "" : qPrintable(created.error().text()));
        QVERIFY2(h.openOnResidents(&error), qPrintable(error));
        auto *page = h.window->findChild<QWidget *>(u"residentsPage"_s);
        auto *view = page ? page->findChild<QTableView *>(u"tableView"_s) : nullptr;
        QVERIFY(view);
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, kTimeout);
        view->setCurrentIndex(view->model()->index(0, 0));
        h.action(u"actionEdit"_s)->trigger();
        QPointer<ResidentDialog> dialog;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = h.window->findChild<ResidentDialog *>()) && dialog->isVisible(),
                                 kTimeout);
        auto *contactBy = dialog->findChild<QComboBox *>(u"field_contact_by"_s);
        auto *phone = dialog->findChild<QLineEdit *>(u"field_phone"_s);
        QVERIFY(contactBy && phone);
        QCOMPARE(contactBy->count(), 3); // e-mail, text messages, both
        QCOMPARE(contactBy->currentData().value<Resident::ContactBy>(), Resident::ContactBy::Email);

        // A number libphonenumber refuses: named under the phone field, nothing saved.
        retype(phone, u"555-01"_s);
        auto *phoneError = dialog->findChild<QLabel *>(u"error_phone"_s);
        QVERIFY(phoneError);
        QTRY_VERIFY_WITH_TIMEOUT(phoneError->isVisible(), kTimeout);
        QVERIFY2(phoneError->text().contains(u"phone number \"555-01\""_s), qPrintable(phoneError->text()));
        auto *save = dialog->findChild<QPushButton *>(u"saveButton"_s);
        QTest::mouseClick(save, Qt::LeftButton);
        QTest::qWait(300);
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(ResidentRepository(h.t->db(), tester()).get(created->id)->phone, QString());

        retype(phone, u"(202) 555-0188"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!phoneError->isVisible(), kTimeout);
        contactBy->setCurrentIndex(contactBy->findData(QVariant::fromValue(Resident::ContactBy::Sms)));
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, kTimeout);
        const Result<Resident> stored = ResidentRepository(h.t->db(), tester()).get(created->id);
        QVERIFY(stored);
        QCOMPARE(stored->phone, u"+12025550188"_s);
        QCOMPARE(stored->contactBy, Resident::ContactBy::Sms);
    }
};

QTEST_MAIN(TestSmsGui)
#include "tst_smsgui.moc"
