// A bounded fuzz test of CsvReader: seeded mutations of valid CSV and random bytes, a
// fixed number of rounds (stopping early after ~20 s on a slow machine). For every
// input: no crash, no hang, and invariants hold:
//  - records start on increasing lines >= 1 and at increasing offsets inside the input;
//  - reading a few bytes at a time gives exactly what reading 64 KiB at a time gives;
//  - the clean records, written with CsvWriter and read again, come back unchanged.
#include "models/io/csvreader.h"
#include "models/io/csvrecord.h"
#include "models/io/csvwriter.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Outcome
{
    QList<QStringList> records;
    QList<qint64> lines;
    QList<qint64> offsets;
    QList<qint64> ends;
    QStringList problems;
    CsvReader::Error error = CsvReader::Error::None;
    QString errorString;
    char separator = 0;
};

Outcome read(const QByteArray &bytes, char separator, qsizetype readSize)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    reader.setSeparator(separator);
    if (readSize > 0)
        reader.setReadSize(readSize);
    Outcome o;
    CsvRecord record;
    // A hang shows up as more records than the input has bytes.
    while (o.records.size() <= bytes.size() && reader.readNext(record)) {
        o.records.append(record.fields());
        o.lines.append(record.line());
        o.offsets.append(record.offset());
        o.ends.append(record.endOffset());
        o.problems.append(record.problem());
    }
    o.error = reader.error();
    o.errorString = reader.errorString();
    o.separator = reader.separator();
    return o;
}

const QList<QByteArray> kSeeds{
    "student_id,first_name,last_name,email\nS1,Ana,Lopez,ana@example.edu\nS2,\"Ben, Jr\",Smith,b@example.edu\n"_ba,
    "a;b;c\r\n1;\"x\r\ny\";3\r\n\r\n4;5;6"_ba,
    "\xEF\xBB\xBFid,name\n1,Jos\xC3\xA9\n2,\"say \"\"hi\"\"\"\n"_ba,
    "h\n\"multi\nline\nfield\",\n,\n\"\"\n"_ba,
    "x,y\n\xE6\x9D\xB1,\xF0\x9F\x98\x80\n"_ba,
};

// Bytes that matter to the parser, plus a few ordinary and non-ASCII ones.
const QByteArray kAlphabet("\",;\r\n \tab1\xC3\xA9\xE9\xFF\xEF\xBB\xBF\x00\x80", 20);

QByteArray mutate(QByteArray input, QRandomGenerator &random)
{
    const int edits = 1 + random.bounded(6);
    for (int i = 0; i < edits; ++i) {
        const int at = input.isEmpty() ? 0 : random.bounded(int(input.size()) + 1);
        switch (random.bounded(5)) {
        case 0:
            input.insert(at, kAlphabet.at(random.bounded(int(kAlphabet.size()))));
            break;
        case 1:
            if (!input.isEmpty() && at < input.size())
                input.remove(at, 1 + random.bounded(qMin(8, int(input.size() - at))));
            break;
        case 2:
            if (at < input.size())
                input[at] = kAlphabet.at(random.bounded(int(kAlphabet.size())));
            break;
        case 3:
            if (!input.isEmpty()) {
                const int from = random.bounded(int(input.size()));
                input.insert(at, input.mid(from, 1 + random.bounded(16)));
            }
            break;
        case 4:
            input.insert(at, QByteArray(1 + random.bounded(4), '"'));
            break;
        }
    }
    return input;
}

QByteArray randomBytes(QRandomGenerator &random)
{
    QByteArray bytes(random.bounded(300), Qt::Uninitialized);
    const bool fromAlphabet = random.bounded(2) == 0;
    for (char &c : bytes)
        c = fromAlphabet ? kAlphabet.at(random.bounded(int(kAlphabet.size()))) : char(random.bounded(256));
    return bytes;
}

} // namespace

class TestCsvFuzz : public QObject
{
    Q_OBJECT

private:
    void check(const QByteArray &input, QRandomGenerator &random)
    {
        const Outcome whole = read(input, 0, 0);
        QVERIFY2(whole.records.size() <= input.size(),
                 "more records than bytes: the reader does not advance");
        const qint64 maxLine = 1 + input.count('\n');
        for (qsizetype i = 0; i < whole.records.size(); ++i) {
            QVERIFY(whole.lines.at(i) >= 1);
            QVERIFY(whole.lines.at(i) <= maxLine);
            QVERIFY(whole.offsets.at(i) >= 0);
            QVERIFY(whole.ends.at(i) > whole.offsets.at(i));
            QVERIFY(whole.ends.at(i) <= input.size());
            QVERIFY(!whole.records.at(i).isEmpty());
            if (i > 0) {
                QVERIFY(whole.lines.at(i) > whole.lines.at(i - 1));
                QVERIFY(whole.offsets.at(i) >= whole.ends.at(i - 1));
            }
        }
        if (whole.error != CsvReader::Error::None)
            QVERIFY(!whole.errorString.isEmpty());

        // Read in tiny pieces: the same result.
        const Outcome pieces = read(input, 0, 1 + random.bounded(7));
        QCOMPARE(pieces.records, whole.records);
        QCOMPARE(pieces.lines, whole.lines);
        QCOMPARE(pieces.problems, whole.problems);
        QCOMPARE(pieces.error, whole.error);
        QCOMPARE(pieces.separator, whole.separator);

        // Written and read again: the clean records come back unchanged.
        QList<QStringList> clean;
        for (qsizetype i = 0; i < whole.records.size(); ++i) {
            if (whole.problems.at(i).isEmpty())
                clean.append(whole.records.at(i));
        }
        const char separator = whole.separator ? whole.separator : ',';
        QByteArray written;
        {
            QBuffer buffer(&written);
            buffer.open(QIODevice::WriteOnly);
            CsvWriter writer(&buffer, separator);
            for (const QStringList &record : std::as_const(clean))
                QVERIFY(writer.writeRecord(record));
            QVERIFY(writer.flush());
        }
        const Outcome again = read(written, separator, 1 + random.bounded(64));
        QCOMPARE(again.error, CsvReader::Error::None);
        QCOMPARE(again.records, clean);
        for (const QString &problem : again.problems)
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

private Q_SLOTS:
    void fuzz()
    {
        constexpr int kRounds = 150000;
        constexpr int kMinRounds = 5000;
        constexpr qint64 kBudgetMs = 20000;
        QRandomGenerator random(20261130);
        QElapsedTimer elapsed;
        elapsed.start();
        int round = 0;
        // At least kMinRounds; beyond that the time budget may cut the run short on a slow
        // machine (it bounds the test's run time; nothing asserts on time).
        for (; round < kRounds && (round < kMinRounds || elapsed.elapsed() < kBudgetMs); ++round) {
            QByteArray input = random.bounded(4) == 0
                                   ? randomBytes(random)
                                   : mutate(kSeeds.at(random.bounded(int(kSeeds.size()))), random);
            // Now and then a long input, so that records cross the reader's 64 KiB window.
            if (round % 1000 == 999) {
                QByteArray big;
                while (big.size() < 150000)
                    big += mutate(kSeeds.at(random.bounded(int(kSeeds.size()))), random);
                input = big;
            }
            check(input, random);
            if (QTest::currentTestFailed()) {
                qWarning("failing input (round %d): %s", round, input.toPercentEncoding().constData());
                return;
            }
        }
        qInfo("%d rounds in %lld ms", round, elapsed.elapsed());
    }
};

QTEST_GUILESS_MAIN(TestCsvFuzz)
#include "tst_csvfuzz.moc"
