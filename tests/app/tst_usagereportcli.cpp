#include "tests/app/clirunner.h"
#include "tests/models/reports/reportseed.h"
#include "tests/support/testdatabase.h"
#include "tests/tasks/pdf/pdftools.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// `residesk report occupancy|maintenance|turnaround` through the real binary, on seeded
// rows, on both backends: the job runs in the command's process (--wait, -o), its PDF
// passes qpdf --check and holds the figures (pdftotext), its CSV holds them too.
class TestUsageReportCli : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestDatabase> m_t;
    QTemporaryDir m_dir;
    PdfTools m_pdf;

    CliRunner::Run run(const QStringList &command)
    {
        return CliRunner::run(QStringList{u"--database"_s, m_t->url()} + command);
    }

    static QJsonObject json(const CliRunner::Run &r)
    {
        return QJsonDocument::fromJson(r.out).object();
    }

    QString pdfText(const QString &path, QString *error)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = u"cannot read "_s + path;
            return {};
        }
        const QByteArray pdf = file.readAll();
        if (const QString problem = m_pdf.check(pdf); !problem.isEmpty()) {
            *error = u"qpdf --check: "_s + problem;
            return {};
        }
        return m_pdf.pages(pdf, error).join(u'\n').simplified();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
        std::unique_ptr<Database> installer = m_t->openAsInstaller();
        ReportSeed::housing(*installer, 40, 11);
        ReportSeed::maintenance(*installer);
        ReportSeed::lab(*installer);
    }

    void occupancyPdfAndCsv()
    {
        const QString pdfPath = m_dir.filePath(u"occupancy.pdf"_s);
        const CliRunner::Run r = run({u"report"_s, u"occupancy"_s, u"--from"_s, u"2026-01-01"_s, u"--to"_s,
                                      u"2026-12-31"_s, u"-o"_s, pdfPath, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        const QJsonObject o = json(r);
        QCOMPARE(o.value(u"state"_s).toString(), u"succeeded"_s);
        QCOMPARE(o.value(u"format"_s).toString(), u"pdf"_s);
        const QJsonObject totals = o.value(u"totals"_s).toObject();
        QCOMPARE(totals.value(u"Beds"_s).toString(), u"9"_s);
        QCOMPARE(totals.value(u"Bed-nights"_s).toString(), u"3285"_s); // 9 beds × 365 nights
        const QString occupied = totals.value(u"Occupied"_s).toString();
        QVERIFY(occupied.toLongLong() > 0);
        QString error;
        const QString text = pdfText(pdfPath, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(text.contains(u"Occupancy 2026-01-01 \u2013 2026-12-31"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Total 5 9 3285 "_s + occupied), qPrintable(text));
        QVERIFY2(text.contains(u"NH Double 2 4 1460"_s), qPrintable(text));

        // The same report as CSV: the figures the PDF shows.
        const QString csvPath = m_dir.filePath(u"occupancy.csv"_s);
        const CliRunner::Run c = run({u"report"_s, u"occupancy"_s, u"--from"_s, u"2026-01-01"_s, u"--to"_s,
                                      u"2026-12-31"_s, u"-o"_s, csvPath});
        QVERIFY2(c.exitCode == 0, qPrintable(c.errText()));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QString content = QString::fromUtf8(csv.readAll());
        QVERIFY2(content.startsWith(u"Building,Room type,Rooms,Beds,Bed-nights,Occupied,Occupancy\r\n"_s),
                 qPrintable(content));
        QVERIFY2(content.contains(u"NH,double,2,4,1460,"_s), qPrintable(content));
        QVERIFY2(content.contains(u"Total,,5,9,3285,"_s + occupied + u","_s), qPrintable(content));
        QVERIFY2(c.outText().contains(u"written to"_s), qPrintable(c.outText()));
    }

    void maintenancePdfAndCsv()
    {
        const QString pdfPath = m_dir.filePath(u"maintenance.pdf"_s);
        const CliRunner::Run r = run({u"report"_s, u"maintenance"_s, u"--from"_s, u"2026-01-01"_s, u"--to"_s,
                                      u"2026-12-31"_s, u"-o"_s, pdfPath});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        QString error;
        const QString text = pdfText(pdfPath, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(text.contains(u"Plumbing NH 3 2 1 0 50.0 % 29.0 250.00"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Heating SH 2 1 0 1 100.0 % 6.0 0.00"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Total 5 3 1 1 66.7 % 10.0 250.00"_s), qPrintable(text));
        const QString csvPath = m_dir.filePath(u"maintenance.csv"_s);
        const CliRunner::Run c = run({u"report"_s, u"maintenance"_s, u"--from"_s, u"2026-01-01"_s, u"--to"_s,
                                      u"2026-12-31"_s, u"-o"_s, csvPath});
        QVERIFY2(c.exitCode == 0, qPrintable(c.errText()));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QString content = QString::fromUtf8(csv.readAll());
        QCOMPARE(content, u"Category,Building,Requests,Done,Open,Cancelled,On target,Median hours,Estimated cost\r\n"
                          "plumbing,NH,3,2,1,0,50.00,29.0,250.00\r\n"
                          "heating,SH,2,1,0,1,100.00,6.0,0.00\r\n"
                          "Total,,5,3,1,1,66.67,10.0,250.00\r\n"_s);
    }

    void turnaroundPdfAndCsv()
    {
        const QString pdfPath = m_dir.filePath(u"turnaround.pdf"_s);
        const CliRunner::Run r = run({u"report"_s, u"turnaround"_s, u"--from"_s, u"2026-01-01"_s, u"--to"_s,
                                      u"2026-12-31"_s, u"-o"_s, pdfPath, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        QCOMPARE(json(r).value(u"rows"_s).toInt(), 3);
        QString error;
        const QString text = pdfText(pdfPath, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(text.contains(u"Cattle HEM Hematology 2 36.0 36.0 48.0"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Total 3 24.0 28.0 48.0"_s), qPrintable(text));
        const QString csvPath = m_dir.filePath(u"turnaround.csv"_s);
        const CliRunner::Run c = run({u"report"_s, u"turnaround"_s, u"--from"_s, u"2026-01-01"_s, u"--to"_s,
                                      u"2026-12-31"_s, u"-o"_s, csvPath});
        QVERIFY2(c.exitCode == 0, qPrintable(c.errText()));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(csv.readAll()),
                 u"Species,Analysis,Protocols,Median hours,Mean hours,Longest hours\r\n"
                 "Cattle,BIO Biochemistry,1,48.0,48.0,48.0\r\n"
                 "Cattle,HEM Hematology,2,36.0,36.0,48.0\r\n"
                 "Dog,(none requested),1,12.0,12.0,12.0\r\n"
                 "Total,,3,24.0,28.0,48.0\r\n"_s);
    }

    void withoutWaitOnlyQueues()
    {
        const CliRunner::Run r = run({u"report"_s, u"occupancy"_s, u"--from"_s, u"2026-01-01"_s, u"--to"_s,
                                      u"2026-01-31"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        const qint64 id = json(r).value(u"job_id"_s).toInteger();
        QVERIFY(id > 0);
        const CliRunner::Run shown = run({u"jobs"_s, u"show"_s, QString::number(id), u"--json"_s});
        QVERIFY2(shown.exitCode == 0, qPrintable(shown.errText()));
        QCOMPARE(json(shown).value(u"kind"_s).toString(), u"report.occupancy"_s);
        QCOMPARE(json(shown).value(u"state"_s).toString(), u"queued"_s);
    }

    void badInputIsAUsageError_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no --from") << QStringList{u"--to"_s, u"2026-01-01"_s} << u"--from"_s;
        QTest::newRow("not a date") << QStringList{u"--from"_s, u"2026-13-01"_s, u"--to"_s, u"2026-12-31"_s}
                                    << u"2026-13-01"_s;
        QTest::newRow("backwards") << QStringList{u"--from"_s, u"2026-02-01"_s, u"--to"_s, u"2026-01-01"_s}
                                   << u"before it begins"_s;
        QTest::newRow("other file type") << QStringList{u"--from"_s, u"2026-01-01"_s, u"--to"_s, u"2026-01-31"_s,
                                                        u"-o"_s, u"x.txt"_s}
                                         << u".pdf or .csv"_s;
    }

    void badInputIsAUsageError()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliRunner::Run r = run(QStringList{u"report"_s, u"occupancy"_s} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(message), qPrintable(r.errText()));
    }
};

QTEST_GUILESS_MAIN(TestUsageReportCli)
#include "tst_usagereportcli.moc"
