// Signing in through the window (PostgreSQL only, offscreen, inside its own D-Bus
// session with an unlocked GNOME keyring: tests/support/keyringsession.sh, which fails
// rather than skips when it cannot start one): a wrong password keeps the dialog open
// with a message naming the user; the right one opens the window as that person and
// "Remember password" puts it in the system keychain; a remembered password that works
// asks nothing, one that stopped working asks with the reason; "Sign in as someone
// else" asks even so; signing in without "Remember" forgets a remembered password.
#include "models/db/database.h"
#include "models/db/pgsignin.h"
#include "tests/support/testdatabase.h"
#include "tests/support/windowharness.h"
#include "ui/mainwindow.h"
#include "ui/signin/signindialog.h"
#include "ui/signin/signinflow.h"
#include "ui/widgets/elidedlabel.h"

#include <QAction>
#include <QCheckBox>
#include <QCoroTask>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString kWrongPassword = u"not-the-pw-3b7c20"_s;
constexpr int kTimeoutMs = 30000;
} // namespace

class TestSignInGui : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    QTemporaryFile m_emptyPgpass;

    // rt_housing, no password: the dialog, the keychain or libpq must find one.
    DatabaseConfig housing() const
    {
        DatabaseConfig config = DatabaseConfig::parse(m_t->urlAs(TestDatabase::Person::Housing)).value();
        config.password.clear();
        config.passwordFromEnvironment = false;
        return config;
    }
    static QString housingPassword() { return TestDatabase::password(TestDatabase::Person::Housing); }

    static bool attempt(SignInDialog &dialog, const QString &password, bool remember)
    {
        dialog.findChild<QLineEdit *>(u"signInPassword"_s)->setText(password);
        dialog.findChild<QCheckBox *>(u"signInRemember"_s)->setChecked(remember);
        QSignalSpy finished(&dialog, &SignInDialog::attemptFinished);
        QTest::mouseClick(dialog.findChild<QPushButton *>(u"signInButton"_s), Qt::LeftButton);
        return finished.wait(kTimeoutMs) && finished.count() == 1;
    }

    static QString message(SignInDialog &dialog)
    {
        return dialog.findChild<QLabel *>(u"signInMessage"_s)->text();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(TestDatabase::isPostgreSQL(), "tst_signingui runs on PostgreSQL only");
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "no D-Bus session: run this test through tests/support/keyringsession.sh (ctest does)");
        qunsetenv("RESIDESK_DB_PASSWORD");
        qunsetenv("RESIDESK_USER");
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        // Only the dialog and the keychain may supply passwords here, not the suite's pgpass.
        QVERIFY(m_emptyPgpass.open());
        qputenv("PGPASSFILE", m_emptyPgpass.fileName().toLocal8Bit());
        const QString forgotten = QCoro::waitFor(PgSignIn::forget(housing()));
        QVERIFY2(forgotten.isEmpty(), qPrintable(forgotten));
    }

    void wrongPasswordKeepsTheDialogOpen()
    {
        SignInDialog dialog(housing());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.findChild<QLineEdit *>(u"signInUser"_s)->text(), u"rt_housing"_s);

        QVERIFY(attempt(dialog, kWrongPassword, true));
        QCOMPARE(message(dialog),
                 u"The password for rt_housing was not accepted by %1."_s.arg(housing().serverName()));
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected)); // not accepted (yet)
        QVERIFY(!message(dialog).contains(kWrongPassword));
        // A refused password is never remembered.
        const Keychain::Secret secret =
            QCoro::waitFor(PgSignIn::rememberedPassword(housing(), std::chrono::seconds(10)));
        QVERIFY2(secret.notFound, qPrintable(secret.error));

        // An empty password may be tried: the server says it wants one.
        QVERIFY(attempt(dialog, QString(), false));
        QCOMPARE(message(dialog),
                 u"The server %1 wants a password for rt_housing."_s.arg(housing().serverName()));
        QVERIFY(dialog.isVisible());
    }

    void rightPasswordOpensTheWindowAsThatPerson()
    {
        SignInDialog dialog(housing());
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(attempt(dialog, housingPassword(), true));
        QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, kTimeoutMs);
        QCOMPARE(dialog.sessionUser(), u"rt_housing"_s);
        QCOMPARE(dialog.signedInConfig().user, u"rt_housing"_s);

        // Remembered in the keychain.
        const Keychain::Secret secret =
            QCoro::waitFor(PgSignIn::rememberedPassword(housing(), std::chrono::seconds(10)));
        QVERIFY2(secret.error.isEmpty(), qPrintable(secret.error));
        QVERIFY(secret.value == housingPassword());

        // The window over that sign-in works as rt_housing.
        Database database(dialog.signedInConfig());
        WindowHarness h;
        h.database = &database;
        h.actor = Actor{dialog.sessionUser(), Actor::Role::Housing};
        QString error;
        QVERIFY2(h.createServices(&error, std::nullopt), qPrintable(error));
        QVERIFY2(h.openOnResidents(&error), qPrintable(error));
        QCOMPARE(database.sessionUser(), u"rt_housing"_s);
        auto *identity = h.child<ElidedLabel>(u"statusIdentity"_s);
        QVERIFY(identity);
        QVERIFY2(identity->text().startsWith(u"Signed in as rt_housing"_s), qPrintable(identity->text()));
        QVERIFY(h.child<QAction>(u"actionSignInAsSomeoneElse"_s));
    }

    void rememberedPasswordAsksNothing()
    {
        QCOMPARE(QCoro::waitFor(PgSignIn::remember(housing(), housingPassword())), QString());
        SignInFlow flow(housing(), false);
        QSignalSpy finished(&flow, &SignInFlow::finished);
        QSignalSpy shown(&flow, &SignInFlow::dialogShown);
        flow.start();
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(shown.count(), 0);
        QCOMPARE(flow.sessionUser(), u"rt_housing"_s);
        QVERIFY(flow.config().password == housingPassword());
    }

    void staleRememberedPasswordAsksWithTheReason()
    {
        QCOMPARE(QCoro::waitFor(PgSignIn::remember(housing(), kWrongPassword)), QString());
        SignInFlow flow(housing(), false);
        QSignalSpy finished(&flow, &SignInFlow::finished);
        QSignalSpy shown(&flow, &SignInFlow::dialogShown);
        flow.start();
        QVERIFY(shown.wait(kTimeoutMs));
        SignInDialog *dialog = flow.dialog();
        QVERIFY(dialog);
        QCOMPARE(message(*dialog),
                 u"The password for rt_housing was not accepted by %1."_s.arg(housing().serverName()));
        QVERIFY(dialog->findChild<QCheckBox *>(u"signInRemember"_s)->isChecked());
        QCOMPARE(finished.count(), 0);

        // The right one, remembered again.
        QVERIFY(attempt(*dialog, housingPassword(), true));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        QCOMPARE(finished.first().first().toBool(), true);
        const Keychain::Secret secret =
            QCoro::waitFor(PgSignIn::rememberedPassword(housing(), std::chrono::seconds(10)));
        QVERIFY(secret.value == housingPassword());
    }

    void signInAsSomeoneElseAsksEvenSo()
    {
        SignInFlow flow(housing(), true);
        QSignalSpy finished(&flow, &SignInFlow::finished);
        QSignalSpy shown(&flow, &SignInFlow::dialogShown);
        flow.start();
        QVERIFY(shown.count() == 1 || shown.wait(kTimeoutMs));
        SignInDialog *dialog = flow.dialog();
        QVERIFY(dialog);
        QVERIFY(message(*dialog).isEmpty());

        // Another person, without "Remember": signed in as rt_vet.
        dialog->findChild<QLineEdit *>(u"signInUser"_s)->setText(u"rt_vet"_s);
        QVERIFY(attempt(*dialog, TestDatabase::password(TestDatabase::Person::Vet), false));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(flow.sessionUser(), u"rt_vet"_s);
        QCOMPARE(flow.config().user, u"rt_vet"_s);
    }

    void withoutRememberForgets()
    {
        SignInDialog dialog(housing());
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.show();
        QVERIFY(attempt(dialog, housingPassword(), false));
        QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, kTimeoutMs);
        const Keychain::Secret secret =
            QCoro::waitFor(PgSignIn::rememberedPassword(housing(), std::chrono::seconds(10)));
        QVERIFY2(secret.notFound, qPrintable(secret.error));
    }

    void quitEndsTheFlow()
    {
        SignInFlow flow(housing(), true);
        QSignalSpy finished(&flow, &SignInFlow::finished);
        flow.start();
        QTRY_VERIFY_WITH_TIMEOUT(flow.dialog(), kTimeoutMs);
        QTest::mouseClick(flow.dialog()->findChild<QPushButton *>(u"signInQuit"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        QCOMPARE(finished.first().first().toBool(), false);
    }
};

QTEST_MAIN(TestSignInGui)
#include "tst_signingui.moc"
