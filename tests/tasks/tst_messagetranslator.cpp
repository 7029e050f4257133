// Messages in their recipient's language (tasks/i18n/messagetranslator.h) with the
// project's real translations (the .qm files the build makes): Spanish and English from
// one process whatever it has installed, plural forms, dates and numbers of the
// recipient's locale, the office's default for "no language", many threads at once,
// and the codes the data layer accepts (models/core/recipientlanguage.h).
#include "models/core/recipientlanguage.h"
#include "tasks/i18n/messagetranslator.h"

#include <QCoreApplication>
#include <QFuture>
#include <QLocale>
#include <QTest>
#include <QTranslator>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace {
const char kContext[] = "MaintenanceTasks";
const char kSubject[] = "Your maintenance request %1: visit on %2";
const char kSubjectEs[] = "Su solicitud de mantenimiento %1: visita el %2";
} // namespace

class TestMessageTranslator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Tests link the libraries only; the executable embeds the files at ":/i18n".
        MessageTranslator::setSearchDirectory(QStringLiteral(RESIDESK_QM_DIR));
        // The office's default for people without a language (set in CMakeLists.txt).
        QCOMPARE(RecipientLanguage::officeDefault(), u"es"_s);
    }

    void eachRecipientInTheirLanguage()
    {
        const MessageTranslator es(u"es"_s);
        const MessageTranslator en(u"en"_s);
        QVERIFY(es.hasTranslation());
        QVERIFY(en.hasTranslation());
        QCOMPARE(es.language(), u"es"_s);
        QCOMPARE(es.translate(kContext, kSubject), QString::fromUtf8(kSubjectEs));
        QCOMPARE(en.translate(kContext, kSubject), QString::fromUtf8(kSubject));
        // Unknown to the translation: the English source, not an empty text.
        QCOMPARE(es.translate(kContext, "Not a message of Residesk"), u"Not a message of Residesk"_s);
        // Plural forms in both languages (English's come from residesk_en.qm).
        QCOMPARE(es.translate("AllocationCommands", "%n room(s)", nullptr, 1), u"1 habitación"_s);
        QCOMPARE(es.translate("AllocationCommands", "%n room(s)", nullptr, 3), u"3 habitaciones"_s);
        QCOMPARE(en.translate("AllocationCommands", "%n room(s)", nullptr, 1), u"1 room"_s);
        QCOMPARE(en.translate("AllocationCommands", "%n room(s)", nullptr, 3), u"3 rooms"_s);
    }

    void noLanguageIsTheOfficeDefault()
    {
        QCOMPARE(MessageTranslator().language(), u"es"_s);
        QCOMPARE(MessageTranslator(u""_s).translate(kContext, kSubject), QString::fromUtf8(kSubjectEs));
        QCOMPARE(MessageTranslator(u"fr"_s).language(), u"es"_s); // never stored; read as the default
        QCOMPARE(MessageTranslator(u" EN "_s).language(), u"en"_s);
    }

    void theProcessTranslatorsAreLeftAlone()
    {
        // Nothing installed: the application's own tr() stays English after Spanish
        // messages were written ...
        QCOMPARE(MessageTranslator(u"es"_s).translate(kContext, kSubject), QString::fromUtf8(kSubjectEs));
        QCOMPARE(QCoreApplication::translate(kContext, kSubject), QString::fromUtf8(kSubject));
        // ... and a window running in Spanish still writes English to an English reader.
        QTranslator spanish;
        QVERIFY(spanish.load(u"residesk_es"_s, QStringLiteral(RESIDESK_QM_DIR)));
        QVERIFY(QCoreApplication::installTranslator(&spanish));
        QCOMPARE(QCoreApplication::translate(kContext, kSubject), QString::fromUtf8(kSubjectEs));
        QCOMPARE(MessageTranslator(u"en"_s).translate(kContext, kSubject), QString::fromUtf8(kSubject));
        QVERIFY(QCoreApplication::removeTranslator(&spanish));
    }

    void datesAndNumbersInTheRecipientsLocale()
    {
        const QDateTime at(QDate(2026, 12, 7), QTime(14, 30), Qt::UTC);
        const MessageTranslator es(u"es"_s);
        const MessageTranslator en(u"en"_s);
        QCOMPARE(es.dateTime(at), QLocale(u"es"_s).toString(at.toLocalTime(), QLocale::ShortFormat));
        QCOMPARE(en.dateTime(at), QLocale(u"en"_s).toString(at.toLocalTime(), QLocale::ShortFormat));
        QVERIFY(es.dateTime(at) != en.dateTime(at)); // 7/12/26 … and 12/7/26 …
        QCOMPARE(es.date(at.date()), u"7/12/26"_s);
        QCOMPARE(en.date(at.date()), u"12/7/26"_s);
        QCOMPARE(en.number(1234567), u"1,234,567"_s);
        QCOMPARE(es.number(1234567), QLocale(u"es"_s).toString(1234567));
        QVERIFY(es.number(1234567) != en.number(1234567));
    }

    void manyThreadsAtOnce()
    {
        // Runner threads write messages in both languages while the translators are
        // made: every text comes out right (run under TSan/ASan builds for races).
        MessageTranslator::setSearchDirectory(u"/nonexistent"_s);
        MessageTranslator::setSearchDirectory(QStringLiteral(RESIDESK_QM_DIR)); // reloaded on first use
        QList<int> work;
        for (int i = 0; i < 64; ++i)
            work << i;
        const QList<bool> ok = QtConcurrent::blockingMapped(work, [](int i) {
            for (int k = 0; k < 200; ++k) {
                const bool spanish = (i + k) % 2 == 0;
                const MessageTranslator to(spanish ? u"es"_s : u"en"_s);
                const QString text = to.translate(kContext, kSubject).arg(i).arg(k);
                const QString expected = QString::fromUtf8(spanish ? kSubjectEs : kSubject).arg(i).arg(k);
                if (text != expected)
                    return false;
            }
            return true;
        });
        QCOMPARE(ok.count(true), 64);
    }

    void codesTheDataLayerAccepts_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("english") << u"en"_s << true;
        QTest::newRow("spanish") << u"es"_s << true;
        QTest::newRow("upper case, spaces") << u" ES "_s << true;
        QTest::newRow("empty: the office default") << u""_s << true;
        QTest::newRow("french") << u"fr"_s << false;
        QTest::newRow("a locale, not a language") << u"es_ES"_s << false;
        QTest::newRow("a name") << u"Spanish"_s << false;
    }
    void codesTheDataLayerAccepts()
    {
        QFETCH(QString, code);
        QFETCH(bool, accepted);
        const std::optional<FieldError> error = RecipientLanguage::check(code);
        QCOMPARE(!error.has_value(), accepted);
        if (error) {
            QCOMPARE(error->field, u"language"_s);
            QVERIFY2(error->message.contains(u'"' + code.trimmed() + u'"'), qPrintable(error->message));
            QVERIFY2(error->message.contains(u"en, es"_s), qPrintable(error->message));
        }
    }
};

QTEST_GUILESS_MAIN(TestMessageTranslator)
#include "tst_messagetranslator.moc"
