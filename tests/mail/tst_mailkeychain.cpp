// The SMTP password in the system keychain (QtKeychain over the D-Bus secret service).
// Runs under tests/support/keyringsession.sh: its own D-Bus session with an unlocked
// GNOME keyring. Without a secret service the test fails; it never skips.
#include "tasks/mail/mailsettings.h"

#include <QCoroTask>
#include <QSettings>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

class TestMailKeychain : public QObject
{
    Q_OBJECT

private:
    MailSettings m_settings;

    static void clearMailEnvironment()
    {
        for (const char *name : {"RESIDESK_SMTP_URL", "RESIDESK_SMTP_PASSWORD", "RESIDESK_SMTP_CA_FILE",
                                 "RESIDESK_MAIL_FROM", "RESIDESK_MAIL_RATE", "RESIDESK_SMTP_TIMEOUT"})
            qunsetenv(name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "no D-Bus session: run this test through tests/support/keyringsession.sh (ctest does)");
        clearMailEnvironment();
        m_settings.host = u"smtp.example.edu"_s;
        m_settings.port = 587;
        m_settings.security = MailSettings::Security::StartTls;
        m_settings.user = u"housing-office"_s;
        m_settings.fromAddress = u"housing@example.edu"_s;
        m_settings.fromName = u"Housing Office"_s;
        m_settings.ratePerMinute = 30;
    }

    void cleanupTestCase()
    {
        QSettings settings(u"Residesk"_s, u"Residesk"_s);
        settings.remove(u"mail"_s);
    }

    void storesReadsAndDeletesThePassword()
    {
        const QString key = m_settings.keychainKey();
        QCOMPARE(key, u"smtp:housing-office@smtp.example.edu"_s);
        const QString stored = QCoro::waitFor(MailSettings::storePassword(key, u"pä$$wörd with spaces"_s));
        QVERIFY2(stored.isEmpty(), qPrintable(stored));

        const MailSettings::Secret read = QCoro::waitFor(MailSettings::readPassword(key));
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        QCOMPARE(read.value, u"pä$$wörd with spaces"_s);

        const QString deleted = QCoro::waitFor(MailSettings::deletePassword(key));
        QVERIFY2(deleted.isEmpty(), qPrintable(deleted));
        const MailSettings::Secret gone = QCoro::waitFor(MailSettings::readPassword(key));
        QVERIFY(!gone.error.isEmpty());
        QVERIFY(gone.notFound);
    }

    void loadTakesTheSettingsAndTheKeychainsPassword()
    {
        {
            QSettings settings(u"Residesk"_s, u"Residesk"_s);
            m_settings.saveTo(settings);
        }
        const QString stored =
            QCoro::waitFor(MailSettings::storePassword(m_settings.keychainKey(), u"s3cret"_s));
        QVERIFY2(stored.isEmpty(), qPrintable(stored));

        const MailSettingsLoad loaded = QCoro::waitFor(MailSettings::load());
        QVERIFY2(loaded.missing.isEmpty(), qPrintable(loaded.missing.join(u", "_s)));
        QVERIFY2(loaded.error.isEmpty(), qPrintable(loaded.error));
        QCOMPARE(loaded.settings.source, MailSettings::Source::Settings);
        QCOMPARE(loaded.settings.host, u"smtp.example.edu"_s);
        QCOMPARE(loaded.settings.user, u"housing-office"_s);
        QCOMPARE(loaded.settings.password, u"s3cret"_s);
        QCOMPARE(loaded.settings.fromName, u"Housing Office"_s);
        QCOMPARE(loaded.settings.ratePerMinute, 30);
        QCOMPARE(loaded.settings.url(), u"smtp://smtp.example.edu:587"_s);
    }

    void loadWorksOnAJobRunnerThread()
    {
        // The mail.send job loads its settings on a runner thread of the engine, which
        // has an event loop of its own; the keychain job itself runs on the main thread,
        // whose event loop QTRY keeps turning.
        MailSettingsLoad loaded;
        std::unique_ptr<QThread> thread(
            QThread::create([&loaded] { loaded = QCoro::waitFor(MailSettings::load()); }));
        thread->start();
        QTRY_VERIFY_WITH_TIMEOUT(thread->isFinished(), 60000);
        QVERIFY2(loaded.error.isEmpty(), qPrintable(loaded.error));
        QCOMPARE(loaded.settings.password, u"s3cret"_s);
    }

    void aMissingPasswordIsNamed()
    {
        const QString deleted = QCoro::waitFor(MailSettings::deletePassword(m_settings.keychainKey()));
        QVERIFY2(deleted.isEmpty(), qPrintable(deleted));
        const MailSettingsLoad loaded = QCoro::waitFor(MailSettings::load());
        QVERIFY(!loaded.missing.isEmpty());
        QVERIFY2(loaded.problem().contains(u"the password of the SMTP user \"housing-office\""_s),
                 qPrintable(loaded.problem()));
    }

    void theEnvironmentComesFirst()
    {
        qputenv("RESIDESK_SMTP_URL", "smtps://robot@mail.example.org:2465");
        qputenv("RESIDESK_SMTP_PASSWORD", "from-env");
        qputenv("RESIDESK_MAIL_FROM", "\"Lab, Vet\" <lab@example.org>");
        const MailSettingsLoad loaded = QCoro::waitFor(MailSettings::load());
        clearMailEnvironment();
        QVERIFY2(loaded.missing.isEmpty(), qPrintable(loaded.problem()));
        QCOMPARE(loaded.settings.source, MailSettings::Source::Environment);
        QCOMPARE(loaded.settings.security, MailSettings::Security::Tls);
        QCOMPARE(loaded.settings.url(), u"smtps://mail.example.org:2465"_s);
        QCOMPARE(loaded.settings.user, u"robot"_s);
        QCOMPARE(loaded.settings.password, u"from-env"_s);
        QCOMPARE(loaded.settings.fromAddress, u"lab@example.org"_s);
        QCOMPARE(loaded.settings.fromName, u"Lab, Vet"_s);

        qputenv("RESIDESK_SMTP_URL", "ftp://x");
        const MailSettingsLoad bad = QCoro::waitFor(MailSettings::load());
        clearMailEnvironment();
        QVERIFY2(bad.problem().contains(u"RESIDESK_SMTP_URL"_s), qPrintable(bad.problem()));

        // A malformed URL is named in the error, never with its password.
        qputenv("RESIDESK_SMTP_URL", "smtp://robot:s3cret-pw@mail example.org:587");
        const MailSettingsLoad malformed = QCoro::waitFor(MailSettings::load());
        clearMailEnvironment();
        QVERIFY2(malformed.problem().contains(u"is not a URL"_s), qPrintable(malformed.problem()));
        QVERIFY2(malformed.problem().contains(u"robot:***@"_s), qPrintable(malformed.problem()));
        QVERIFY2(!malformed.problem().contains(u"s3cret-pw"_s), qPrintable(malformed.problem()));
    }
};

QTEST_GUILESS_MAIN(TestMailKeychain)
#include "tst_mailkeychain.moc"
