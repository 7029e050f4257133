// E-mail in the real main window, offscreen, with its job engine and event bus and a
// real SMTP server (tests/support/smtpsink.py), on SQLite and PostgreSQL: the Outbox
// dock (filter, "Send again" on an uncertain e-mail, "Retry" on a failed one),
// Tools ▸ E-mail residents… (placeholder errors, preview, queue, queue again) and
// Settings ▸ E-mail… (save, test e-mail through the outbox).
#include "models/db/dbexecutor.h"
#include "models/db/sqlstatement.h"
#include "models/housing/residentrepository.h"
#include "tasks/jobengine.h"
#include "tasks/mail/outbox.h"
#include "tests/models/housing/allocationtestutil.h"
#include "tests/support/smtpsink.h"
#include "tests/support/windowharness.h"
#include "ui/allocations/buildingcombobox.h"
#include "ui/mail/mailsettingsdialog.h"
#include "ui/mail/residentmailingdialog.h"
#include "ui/mainwindow.h"
#include "ui/outbox/outboxdock.h"
#include "ui/outbox/outboxtablemodel.h"

#include <QAction>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr int kTimeout = 60000;

Actor tester()
{
    return WindowHarness::tester();
}

struct Harness : WindowHarness
{
    bool start(QString *error) { return WindowHarness::start(error, testEngineOptions(2)); }

    OutboxDock *dock() const { return window->findChild<OutboxDock *>(u"outboxDock"_s); }
    QAction *action(const QString &name) const { return window->findChild<QAction *>(name); }

    qint64 enqueue(const QString &to)
    {
        OutboxMessage m;
        m.toAddress = to;
        m.subject = u"Notice for "_s + to;
        m.bodyText = u"Hello"_s;
        const Result<Outbox::Enqueued> r = Outbox(t->db()).enqueue(m, tester());
        return r ? r->id : 0;
    }

    OutboxEmail email(qint64 id)
    {
        const Result<OutboxEmail> e = Outbox(t->db()).get(id);
        return e ? e.value() : OutboxEmail{};
    }
};

void clearMailEnvironment()
{
    for (const char *name : {"RESIDESK_SMTP_URL", "RESIDESK_SMTP_PASSWORD", "RESIDESK_SMTP_CA_FILE",
                             "RESIDESK_MAIL_FROM", "RESIDESK_MAIL_RATE", "RESIDESK_SMTP_TIMEOUT"})
        qunsetenv(name);
}

} // namespace

class TestMailGui : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SmtpSink> m_sink;

private Q_SLOTS:
    void init()
    {
        clearMailEnvironment();
        m_sink = std::make_unique<SmtpSink>();
        QString error;
        QVERIFY2(m_sink->start(&error), qPrintable(error));
        m_sink->exportToEnvironment();
    }

    void cleanup()
    {
        m_sink.reset();
        clearMailEnvironment();
        QSettings(u"Residesk"_s, u"Residesk"_s).remove(u"mail"_s);
    }

    void outboxDockDecisions()
    {
        Harness h;
        QString error;
        // The e-mails exist before the engine starts: one uncertain, one failed (as a
        // dead worker and a refusing server would have left them).
        QVERIFY2(h.start(&error), qPrintable(error));
        QSignalSpy stopped(h.engine.get(), &JobEngine::stopped);
        h.engine->stop();
        QTRY_VERIFY_WITH_TIMEOUT(stopped.count() == 1 || !h.engine->isStarted(), kTimeout);
        const qint64 uncertain = h.enqueue(u"ana@example.org"_s);
        const qint64 failed = h.enqueue(u"ben@example.org"_s);
        QVERIFY(SqlStatement::run(
            h.t->db(),
            u"UPDATE outbox_emails SET state = 'uncertain', attempts = 1, version = version + 1, "
            "last_error = 'connection lost after the body' WHERE id = ?"_s,
            {uncertain}));
        QVERIFY(SqlStatement::run(
            h.t->db(),
            u"UPDATE outbox_emails SET state = 'failed', attempts = 1, version = version + 1, "
            "last_error = '550 5.1.1 mailbox unavailable' WHERE id = ?"_s,
            {failed}));
        SqlStatement::run(h.t->db(), u"DELETE FROM jobs"_s);
        // As a repository would: the open lists reload (one may have read the rows
        // between the enqueue and these updates).
        QVERIFY(Events::publishRecordsChanged(h.t->db(), u"outbox_emails"_s));

        OutboxDock *dock = h.dock();
        QVERIFY(dock);
        QVERIFY(!dock->isVisible());
        h.action(u"actionOutbox"_s)->trigger();
        QVERIFY(dock->isVisible());
        dock->setConfirmDecisions(false);
        QTRY_COMPARE_WITH_TIMEOUT(dock->model()->rowCount(), 2, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(dock->model()
                                     ->index(dock->model()->rowOf(failed), OutboxTableModel::ErrorColumn)
                                     .data()
                                     .toString()
                                     .contains(u"550 5.1.1"_s),
                                 kTimeout);

        // Only the uncertain one under "Uncertain"; its decisions are offered.
        auto *send = dock->findChild<QPushButton *>(u"outboxResend"_s);
        auto *markSent = dock->findChild<QPushButton *>(u"outboxMarkSent"_s);
        auto *retry = dock->findChild<QPushButton *>(u"outboxRetry"_s);
        QSignalSpy loaded(dock, &OutboxDock::loaded);
        dock->stateFilter()->setCurrentIndex(dock->stateFilter()->findData(int(OutboxState::Uncertain)));
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0 && dock->model()->rowCount() == 1 &&
                                     dock->model()->rowOf(uncertain) == 0,
                                 kTimeout);
        dock->selectMessage(uncertain);
        QVERIFY(send->isEnabled());
        QVERIFY(markSent->isEnabled());
        QVERIFY(!retry->isEnabled());

        h.engine = std::make_unique<JobEngine>(h.t->db(), h.tasks, h.engine->options());
        h.engine->setEventBus(h.events.get());
        h.engine->start();
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(h.email(uncertain).state, OutboxState::Sent, kTimeout);
        QCOMPARE(h.email(uncertain).resolution, u"resent"_s);
        QCOMPARE(h.email(uncertain).resolvedBy, WindowHarness::tester().username);
        QCOMPARE(m_sink->deliveries(h.email(uncertain).messageId), 1);

        // The list keeps its rows until the new filter's rows arrive: wait for those (the
        // "Uncertain" list may still show one row, the e-mail sent meanwhile).
        dock->stateFilter()->setCurrentIndex(dock->stateFilter()->findData(int(OutboxState::Failed)));
        QTRY_VERIFY_WITH_TIMEOUT(dock->model()->rowCount() == 1 && dock->model()->rowOf(failed) == 0,
                                 kTimeout);
        dock->selectMessage(failed);
        QVERIFY(retry->isEnabled());
        QVERIFY(!send->isEnabled());
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(h.email(failed).state, OutboxState::Sent, kTimeout);
        QCOMPARE(m_sink->messages().size(), 2);

        // The dock follows by itself.
        dock->stateFilter()->setCurrentIndex(dock->stateFilter()->findData(int(OutboxState::Sent)));
        QTRY_COMPARE_WITH_TIMEOUT(dock->model()->rowCount(), 2, kTimeout);
    }

    void residentMailingWithPreview()
    {
        Harness h;
        QString error;
        QVERIFY2(h.start(&error), qPrintable(error));
        ResidentRepository residents(h.t->db(), tester());
        for (int i = 0; i < 4; ++i) {
            Resident r;
            r.studentId = u"S9%1"_s.arg(i, 4, 10, QLatin1Char('0'));
            r.firstName = i == 0 ? u"Zoë"_s : u"First%1"_s.arg(i);
            r.lastName = u"Last%1"_s.arg(i);
            r.email = u"s%1@students.example.edu"_s.arg(i);
            QVERIFY(residents.create(r));
        }

        h.action(u"actionEmailResidents"_s)->trigger();
        ResidentMailingDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = h.window->findChild<ResidentMailingDialog *>()) != nullptr,
                                 kTimeout);
        QVERIFY(dialog->buildingFilter()->isEnabled());

        dialog->setTemplate(u"Hello {nickname}"_s, u"Dear {first_name}, see {room}."_s);
        dialog->preview();
        QVERIFY2(dialog->errorText().contains(u"{nickname}"_s), qPrintable(dialog->errorText()));
        // {room} is known: only {nickname} is named.
        QVERIFY2(dialog->errorText().contains(u"Unknown placeholder(s) in the subject: {nickname}."_s),
                 qPrintable(dialog->errorText()));
        QVERIFY2(!dialog->errorText().contains(u"in the text"_s), qPrintable(dialog->errorText()));

        dialog->setTemplate(u"Water off, {first_name}"_s, u"Dear {first_name} {last_name} ({student_id}),\n"
                                                          "the water is off tomorrow.\n"_s);
        QSignalSpy previewed(dialog, &ResidentMailingDialog::previewed);
        dialog->preview();
        QTRY_COMPARE_WITH_TIMEOUT(previewed.count(), 1, kTimeout);
        QCOMPARE(previewed.first().first().toLongLong(), 4);
        QVERIFY2(dialog->previewText().contains(u"Dear Zoë Last0 (S90000)"_s),
                 qPrintable(dialog->previewText()));
        QVERIFY(dialog->previewText().contains(u"Water off, Zoë"_s));

        QSignalSpy queued(dialog, &ResidentMailingDialog::queued);
        auto *queue = dialog->findChild<QPushButton *>(u"mailingQueueButton"_s);
        QVERIFY(queue->isEnabled());
        QTest::mouseClick(queue, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(queued.count(), 1, kTimeout);
        QCOMPARE(queued.first().at(0).toInt(), 4);
        QCOMPARE(queued.first().at(2).toString(), QString());

        // The same mailing again: nothing new.
        dialog->preview();
        QTRY_COMPARE_WITH_TIMEOUT(previewed.count(), 2, kTimeout);
        QTest::mouseClick(queue, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(queued.count(), 2, kTimeout);
        QCOMPARE(queued.at(1).at(0).toInt(), 0);
        QCOMPARE(queued.at(1).at(1).toInt(), 4);

        QTRY_COMPARE_WITH_TIMEOUT(m_sink->messages().size(), 4, kTimeout);
        QVERIFY(h.dock()->isVisible()); // shown after queueing
    }

    // The building field picks the residents holding a bed there today; {room} and
    // {building} are filled from that bed.
    void residentMailingByBuilding()
    {
        Harness h;
        QString error;
        QVERIFY2(h.start(&error), qPrintable(error));
        Database &db = h.t->db();
        const Building alder = AllocationTest::building(db, u"AL"_s, u"Alder Hall"_s);
        const Room a101 = AllocationTest::room(db, alder, u"101"_s, 2);
        const Resident ana = AllocationTest::resident(db, u"S0001"_s, u"Ana"_s, u"Arce"_s);
        AllocationTest::resident(db, u"S0002"_s, u"Ben"_s, u"Bravo"_s);
        QVERIFY(AllocationRepository(db, tester())
                    .reserve(AllocationTest::stay(ana.id, a101.id, QDate::currentDate())));

        h.action(u"actionEmailResidents"_s)->trigger();
        ResidentMailingDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = h.window->findChild<ResidentMailingDialog *>()) != nullptr,
                                 kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->buildingFilter()->findData(alder.id) >= 0, kTimeout);
        dialog->buildingFilter()->setBuildingId(alder.id);
        dialog->setTemplate(u"Heating in {building}"_s,
                            u"Dear {first_name}, room {room} gets a new radiator.\n"_s);
        QSignalSpy previewed(dialog, &ResidentMailingDialog::previewed);
        dialog->preview();
        QTRY_COMPARE_WITH_TIMEOUT(previewed.count(), 1, kTimeout);
        QCOMPARE(previewed.first().first().toLongLong(), 1);
        QVERIFY2(dialog->previewText().contains(u"Heating in Alder Hall"_s),
                 qPrintable(dialog->previewText()));
        QVERIFY2(dialog->previewText().contains(u"Dear Ana, room 101 gets a new radiator."_s),
                 qPrintable(dialog->previewText()));

        QSignalSpy queued(dialog, &ResidentMailingDialog::queued);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"mailingQueueButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(queued.count(), 1, kTimeout);
        QCOMPARE(queued.first().at(0).toInt(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_sink->messages().size(), 1, kTimeout);
        const QJsonObject sent = m_sink->messages().first();
        QCOMPARE(sent.value(u"rcpt_tos"_s).toArray().first().toString(), ana.email);
        QCOMPARE(sent.value(u"subject"_s).toString(), u"Heating in Alder Hall"_s);
    }

    void settingsDialogSavesAndSendsATest()
    {
        Harness h;
        QString error;
        QVERIFY2(h.start(&error), qPrintable(error));
        h.action(u"actionMailSettings"_s)->trigger();
        MailSettingsDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = h.window->findChild<MailSettingsDialog *>()) != nullptr, kTimeout);
        QVERIFY(dialog->findChild<QLabel *>(u"mailEnvironmentNote"_s)); // RESIDESK_SMTP_URL wins here
        dialog->findChild<QLineEdit *>(u"mailHost"_s)->setText(u"smtp.example.edu"_s);
        dialog->findChild<QLineEdit *>(u"mailFromAddress"_s)->setText(u"housing@example.edu"_s);
        dialog->findChild<QLineEdit *>(u"mailFromName"_s)->setText(u"Housing Office"_s);
        dialog->findChild<QLineEdit *>(u"mailTestTo"_s)->setText(u"tester@example.org"_s);

        QSignalSpy tested(dialog, &MailSettingsDialog::testQueued);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"mailTestButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 1, kTimeout);
        QCOMPARE(tested.first().at(2).toString(), QString());
        const qint64 id = tested.first().at(0).toLongLong();
        QVERIFY(id > 0);
        {
            QSettings s(u"Residesk"_s, u"Residesk"_s);
            QCOMPARE(s.value(u"mail/host"_s).toString(), u"smtp.example.edu"_s);
            QCOMPARE(s.value(u"mail/from_name"_s).toString(), u"Housing Office"_s);
            QVERIFY(!s.contains(u"mail/password"_s)); // never in the settings file
        }
        // Through the outbox, sent by the engine (to the sink the environment names).
        QTRY_COMPARE_WITH_TIMEOUT(h.email(id).state, OutboxState::Sent, kTimeout);
        QCOMPARE(m_sink->messages().size(), 1);
        QCOMPARE(m_sink->messages().first().value(u"subject"_s).toString(), u"Residesk test e-mail"_s);
    }
};

QTEST_MAIN(TestMailGui)
#include "tst_mailgui.moc"
