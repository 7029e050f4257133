// The translations as the application loads them: the .qm files that lrelease builds
// from translations/residesk_es.ts and residesk_en.ts. Checks that known strings (and
// plural forms) come out in Spanish under the context the code translates with, and
// that no finished translation in the .ts loses or adds a placeholder (%1, %L1, %n,
// {first_name}) or a keyboard accelerator. Messages still unfinished (new strings not
// translated yet) are not failures here; lrelease reports them.
// The English file holds only plural forms ("%n room(s)" -> "1 room" / "3 rooms"):
// checks that it has every numerus message of the sources, finished, that no message
// writes "(s)" without being a numerus one, and that TranslationLoader picks Spanish
// for a Spanish locale and the English plural forms for any other.
#include "app/i18n/translationloader.h"
#include "models/housing/building.h"
#include "models/housing/buildingrepository.h"
#include "ui/dialogs/entitydialog.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QString comment; // the disambiguation, if any
    bool numerus = false;
    bool finished = false;
    QStringList translations; // one, or one per plural form
    qint64 line = 0;
};

// Reads the text of the current element up to its end, turning lupdate's
// <byte value="xd"/> back into the character it stands for.
QString elementText(QXmlStreamReader &xml)
{
    QString text;
    const QString name = xml.name().toString();
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isCharacters()) {
            text += xml.text();
        } else if (xml.isStartElement() && xml.name() == u"byte") {
            bool ok = false;
            const QString value = xml.attributes().value(QLatin1StringView("value")).toString();
            const uint code = value.startsWith(u'x') ? value.mid(1).toUInt(&ok, 16) : value.toUInt(&ok);
            if (ok)
                text += QChar(char16_t(code));
        } else if (xml.isEndElement() && xml.name() == name) {
            break;
        }
    }
    return text;
}

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == u"name") {
                context = elementText(xml);
            } else if (xml.name() == u"message") {
                current = TsMessage{};
                current.context = context;
                current.numerus = xml.attributes().value(QLatin1StringView("numerus")) == u"yes";
                current.line = xml.lineNumber();
            } else if (xml.name() == u"source") {
                current.source = elementText(xml);
            } else if (xml.name() == u"comment") {
                current.comment = elementText(xml);
            } else if (xml.name() == u"translation") {
                const QStringView type = xml.attributes().value(QLatin1StringView("type"));
                current.finished = type.isEmpty();
                if (!current.numerus)
                    current.translations = {elementText(xml)};
            } else if (xml.name() == u"numerusform") {
                current.translations.append(elementText(xml));
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            messages.append(current);
        }
    }
    if (xml.hasError())
        *error = u"%1 at line %2"_s.arg(xml.errorString()).arg(xml.lineNumber());
    return messages;
}

// %1, %L1, %n, %Ln and {first_name}-style template placeholders, sorted.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(uR"(%L?(\d+|n)|\{[a-z_]+\})"_s);
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    found.sort();
    return found;
}

// Keyboard accelerators: "&" before a character, "&&" being a literal ampersand.
int accelerators(QString text)
{
    text.remove(u"&&"_s);
    static const QRegularExpression re(uR"(&\S)"_s);
    int n = 0;
    for (auto it = re.globalMatch(text); it.hasNext(); it.next())
        ++n;
    return n;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_messages = readTs(QStringLiteral(RESIDESK_ES_TS), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(m_messages.size() > 1000, qPrintable(u"only %1 messages read"_s.arg(m_messages.size())));
        QVERIFY2(m_translator.load(QStringLiteral(RESIDESK_ES_QM)),
                 "the Spanish .qm was not built (target residesk_lrelease)");
        QVERIFY(QCoreApplication::installTranslator(&m_translator));
    }

    void knownStrings_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected");
        QTest::newRow("menu") << u"MainWindow"_s << u"&File"_s << u"&Archivo"_s;
        QTest::newRow("job state") << u"JobStates"_s << u"Failed"_s << u"Fallida"_s;
        QTest::newRow("room full") << u"AllocationRepository"_s
                                   << u"Room %1 is full on %2 (%3 of %4 beds taken)."_s
                                   << u"La habitación %1 está completa el %2 (%3 de %4 plazas ocupadas)."_s;
        QTest::newRow("report pdf") << u"ReportPdfLayout"_s << u"Laboratory report"_s
                                    << u"Informe de laboratorio"_s;
        QTest::newRow("outbox") << u"OutboxDock"_s << u"Outbox"_s << u"Bandeja de salida"_s;
        // Strings of the task helpers, which lupdate only sees inside their namespace.
        QTest::newRow("builtin task helper")
            << u"BuiltinTasks"_s << u"The diagnostic job failed on purpose."_s
            << u"La tarea de diagnóstico ha fallado a propósito."_s;
        QTest::newRow("import task helper")
            << u"ImportTasks"_s << u"Reading the file…"_s << u"Leyendo el archivo…"_s;
        QTest::newRow("mail task tally")
            << u"MailTasks"_s << u"%1 sent, %2 failed, %3 to retry, %4 uncertain"_s
            << u"%1 enviados, %2 fallidos, %3 por reintentar, %4 inciertos"_s;
        // A carriage return, stored by lupdate as <byte value="xd"/>.
        QTest::newRow("carriage return") << u"HousingCommands"_s << u"\rSeeding demo %1: %2 of %3"_s
                                         << u"\rCreando %1 de demostración: %2 de %3"_s;
    }

    void knownStrings()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(QString, expected);
        QCOMPARE(QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData()),
                 expected);
    }

    void pluralForms_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("expected");
        const QString residents = u"%n resident(s) will get this e-mail."_s;
        QTest::newRow("1") << u"ResidentMailingDialog"_s << residents << 1
                           << u"1 residente recibirá este correo."_s;
        QTest::newRow("0") << u"ResidentMailingDialog"_s << residents << 0
                           << u"0 residentes recibirán este correo."_s;
        QTest::newRow("5") << u"ResidentMailingDialog"_s << residents << 5
                           << u"5 residentes recibirán este correo."_s;
        // A sentence with two counts: the second is a message of its own.
        const QString stranded = u"%n of its rooms are on higher floors."_s;
        QTest::newRow("stranded 1") << u"BuildingRepository"_s << stranded << 1
                                    << u"1 de sus habitaciones está en una planta superior."_s;
        QTest::newRow("stranded 2") << u"BuildingRepository"_s << stranded << 2
                                    << u"2 de sus habitaciones están en plantas superiores."_s;
        QTest::newRow("placeholders 1")
            << u"ResidentMailing"_s << u"Unknown placeholder(s) in the %1: %2. Known placeholders: %3."_s << 1
            << u"Marcador desconocido en el %1: %2. Marcadores conocidos: %3."_s;
    }

    void pluralForms()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(int, n);
        QFETCH(QString, expected);
        QCOMPARE(QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData(),
                                             nullptr, n),
                 expected);
    }

    // "room(s)" in a message that is not a numerus one can never read "1 room": such a
    // text must be tr("…%n room(s)…", nullptr, n). The Spanish file holds every message
    // of the sources (lupdate -no-obsolete), so this covers the whole user interface and
    // command line. Its translations do not write "plaza(s)" either.
    void parenthesizedPluralsAreNumerus()
    {
        static const QRegularExpression parenthesized(uR"(\w\((s|es|as)\))"_s);
        QStringList problems;
        for (const TsMessage &m : std::as_const(m_messages)) {
            if (!m.numerus && m.source.contains(parenthesized))
                problems.append(
                    u"line %1 (%2): \"%3\" is not a plural message (tr(…, nullptr, n))"_s.arg(m.line).arg(
                        m.context, m.source));
            for (const QString &t : m.translations) {
                if (t.contains(parenthesized))
                    problems.append(
                        u"line %1 (%2): the translation \"%3\" writes a plural in brackets"_s.arg(m.line).arg(
                            m.context, t));
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // residesk_en.ts (lupdate -pluralonly): every numerus message of the sources, each
    // finished with a singular and a plural that keep the source's placeholders and
    // accelerators and no longer say "(s)".
    void englishPluralFormsComplete()
    {
        QString error;
        const QList<TsMessage> english = readTs(QStringLiteral(RESIDESK_EN_TS), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QSet<QString> inEnglish;
        QStringList problems;
        for (const TsMessage &m : english) {
            inEnglish.insert(m.context + u'\n' + m.source);
            const QString where =
                u"residesk_en.ts line %1 (%2) \"%3\""_s.arg(m.line).arg(m.context, m.source);
            if (!m.numerus)
                problems.append(where + u": not a plural message (the file is -pluralonly)"_s);
            if (!m.finished)
                problems.append(where + u": unfinished"_s);
            if (m.translations.size() != 2) {
                problems.append(where + u": %1 forms, English has 2"_s.arg(m.translations.size()));
                continue;
            }
            if (m.source.contains(u"(s)"_s) && m.translations.at(0) == m.translations.at(1))
                problems.append(where + u": the singular and the plural are the same"_s);
            for (const QString &t : m.translations) {
                if (t.isEmpty() || t.contains(u"(s)"_s))
                    problems.append(where + u": form \"%1\""_s.arg(t));
                else if (placeholders(t) != placeholders(m.source) ||
                         accelerators(t) != accelerators(m.source))
                    problems.append(where +
                                    u": form \"%1\" changes a placeholder or an accelerator"_s.arg(t));
            }
        }
        int numerus = 0;
        for (const TsMessage &m : std::as_const(m_messages)) {
            if (!m.numerus)
                continue;
            ++numerus;
            if (!inEnglish.contains(m.context + u'\n' + m.source))
                problems.append(u"%1 \"%2\": a plural message missing from residesk_en.ts (run the target "
                                "update_translations)"_s.arg(m.context, m.source));
        }
        QVERIFY2(numerus >= 20, qPrintable(u"only %1 plural messages in residesk_es.ts"_s.arg(numerus)));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // The English plural forms as the command line installs them.
    void englishPlurals_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("expected");
        const QString exported = u"Exported %n row(s) to %1."_s;
        QTest::newRow("1 row") << u"ImportCommands"_s << exported << 1 << u"Exported 1 row to %1."_s;
        QTest::newRow("2 rows") << u"ImportCommands"_s << exported << 2 << u"Exported 2 rows to %1."_s;
        QTest::newRow("0 rows") << u"ImportCommands"_s << exported << 0 << u"Exported 0 rows to %1."_s;
        const QString stranded = u"%n of its rooms are on higher floors."_s;
        QTest::newRow("stranded 1") << u"BuildingRepository"_s << stranded << 1
                                    << u"1 of its rooms is on a higher floor."_s;
        QTest::newRow("stranded 3") << u"BuildingRepository"_s << stranded << 3
                                    << u"3 of its rooms are on higher floors."_s;
        QTest::newRow("accelerator") << u"ResidentMailingDialog"_s << u"&Queue %n e-mail(s)"_s << 1
                                     << u"&Queue 1 e-mail"_s;
        QTest::newRow("grouped") << u"FreeBedsPage"_s << u"%Ln room(s)"_s << 1234 << u"1,234 rooms"_s;
        QTest::newRow("no brackets in the source")
            << u"JobStatusIndicator"_s << u"%n jobs running"_s << 1 << u"1 job running"_s;
    }

    void englishPlurals()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(int, n);
        QFETCH(QString, expected);
        // %Ln groups digits by the default locale.
        const QLocale previous;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const auto restore = qScopeGuard([previous] { QLocale::setDefault(previous); });
        setSpanishAside();
        m_loaded = TranslationLoader::installEnglish(QStringLiteral(RESIDESK_QM_DIR));
        QVERIFY2(m_loaded, "residesk_en.qm was not built (target residesk_lrelease)");
        QCOMPARE(QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData(),
                                             nullptr, n),
                 expected);
    }

    // The window's choice: Spanish for a Spanish locale; for any other (English, the C
    // locale, a language Residesk has no translation for) the English plural forms.
    void loaderPicksByLocale_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("one");
        const QString spanish = u"1 residente recibirá este correo."_s;
        const QString english = u"1 resident will get this e-mail."_s;
        QTest::newRow("es_ES") << QLocale(QLocale::Spanish, QLocale::Spain) << u"residesk_es.qm"_s << spanish;
        QTest::newRow("es_MX") << QLocale(QLocale::Spanish, QLocale::Mexico) << u"residesk_es.qm"_s
                               << spanish;
        QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates) << u"residesk_en.qm"_s
                               << english;
        QTest::newRow("en_GB") << QLocale(QLocale::English, QLocale::UnitedKingdom) << u"residesk_en.qm"_s
                               << english;
        QTest::newRow("C") << QLocale::c() << u"residesk_en.qm"_s << english;
        QTest::newRow("fr_FR") << QLocale(QLocale::French, QLocale::France) << u"residesk_en.qm"_s << english;
        QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany) << u"residesk_en.qm"_s
                               << english;
    }

    void loaderPicksByLocale()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, file);
        QFETCH(QString, one);
        setSpanishAside();
        m_loaded = TranslationLoader::installForLocale(locale, QStringLiteral(RESIDESK_QM_DIR));
        QVERIFY(m_loaded);
        QCOMPARE(QFileInfo(m_loaded->filePath()).fileName(), file);
        QCOMPARE(QCoreApplication::translate("ResidentMailingDialog", "%n resident(s) will get this e-mail.",
                                             nullptr, 1),
                 one);
    }

    void cleanup()
    {
        // Back to the Spanish translator alone after a test that used TranslationLoader.
        if (m_loaded) {
            QCoreApplication::removeTranslator(m_loaded);
            delete m_loaded;
            m_loaded = nullptr;
        }
        if (m_spanishAside) {
            QCoreApplication::installTranslator(&m_translator);
            m_spanishAside = false;
        }
    }

    // EntityDialog is a template without Q_OBJECT: its tr() must use the context
    // "EntityDialog" that lupdate files its strings under, not RecordDialog's.
    void entityDialogContext()
    {
        QCOMPARE((EntityDialog<BuildingRepository, Building>::tr("New %1")), u"Crear %1"_s);
        QCOMPARE((EntityDialog<BuildingRepository, Building>::tr("Please correct the marked fields.")),
                 u"Corrija los campos marcados."_s);
    }

    void placeholdersAndAcceleratorsKept()
    {
        QStringList problems;
        int finished = 0;
        for (const TsMessage &m : std::as_const(m_messages)) {
            if (!m.finished)
                continue;
            ++finished;
            if (m.numerus && m.translations.size() != 2)
                problems.append(
                    u"line %1 (%2): %3 plural forms, Spanish has 2"_s.arg(m.line).arg(m.context).arg(
                        m.translations.size()));
            for (const QString &t : m.translations) {
                if (t.isEmpty())
                    problems.append(
                        u"line %1 (%2): empty translation of \"%3\""_s.arg(m.line).arg(m.context, m.source));
                else if (placeholders(t) != placeholders(m.source))
                    problems.append(
                        u"line %1 (%2): placeholders [%3] in \"%4\" but [%5] in \"%6\""_s.arg(m.line).arg(
                            m.context, placeholders(m.source).join(u' '), m.source,
                            placeholders(t).join(u' '), t));
                else if (accelerators(t) != accelerators(m.source))
                    problems.append(
                        u"line %1 (%2): %3 accelerator(s) in \"%4\" but %5 in \"%6\""_s.arg(m.line).arg(
                            m.context, QString::number(accelerators(m.source)), m.source,
                            QString::number(accelerators(t)), t));
            }
        }
        QVERIFY2(finished > 0, "no finished translation in the .ts file");
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // The .qm the application embeds says what the .ts says: catches a stale or
    // half-built .qm and a context the .ts and the code disagree on in the file.
    void qmMatchesTs()
    {
        QStringList problems;
        for (const TsMessage &m : std::as_const(m_messages)) {
            if (!m.finished || m.numerus)
                continue;
            const QByteArray comment = m.comment.toUtf8();
            const QString got =
                m_translator.translate(m.context.toUtf8().constData(), m.source.toUtf8().constData(),
                                       m.comment.isEmpty() ? nullptr : comment.constData());
            if (got != m.translations.value(0))
                problems.append(u"%1 \"%2\": the .qm gives \"%3\""_s.arg(m.context, m.source, got));
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

private:
    // Until cleanup(), the Spanish translator is not installed: the test installs what
    // TranslationLoader picks instead (m_loaded).
    void setSpanishAside()
    {
        QCoreApplication::removeTranslator(&m_translator);
        m_spanishAside = true;
    }

    QList<TsMessage> m_messages;
    QTranslator m_translator;
    QTranslator *m_loaded = nullptr; // owned by the application until cleanup() deletes it
    bool m_spanishAside = false;
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
