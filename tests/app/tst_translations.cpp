// The Spanish translation as the application loads it: the .qm that lrelease builds
// from translations/residesk_es.ts, installed with QTranslator the way
// GuiApplication::installTranslations() does. Checks that known strings (and plural
// forms) come out in Spanish under the context the code translates with, and that no
// finished translation in the .ts loses or adds a placeholder (%1, %L1, %n,
// {first_name}) or a keyboard accelerator. Messages still unfinished (new strings not
// translated yet) are not failures here; lrelease reports them.
#include "models/housing/building.h"
#include "models/housing/buildingrepository.h"
#include "ui/dialogs/entitydialog.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
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
        QTest::newRow("builtin task helper") << u"BuiltinTasks"_s << u"step %1 of %2"_s << u"paso %1 de %2"_s;
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
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("expected");
        QTest::newRow("1") << 1 << u"1 residente recibirá este correo."_s;
        QTest::newRow("0") << 0 << u"0 residentes recibirán este correo."_s;
        QTest::newRow("5") << 5 << u"5 residentes recibirán este correo."_s;
    }

    void pluralForms()
    {
        QFETCH(int, n);
        QFETCH(QString, expected);
        QCOMPARE(QCoreApplication::translate("ResidentMailingDialog", "%n resident(s) will get this e-mail.",
                                             nullptr, n),
                 expected);
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
    QList<TsMessage> m_messages;
    QTranslator m_translator;
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
