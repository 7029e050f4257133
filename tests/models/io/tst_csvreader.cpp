// CsvReader and CsvWriter: every RFC 4180 case, encodings, separators, line endings,
// line numbers, files that are not CSV, and the writer's round trip.
#include "models/io/csvreader.h"
#include "models/io/csvrecord.h"
#include "models/io/csvwriter.h"

#include <QBuffer>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Parsed
{
    QList<QStringList> records;
    QList<qint64> lines;
    QStringList problems; // "" for a clean record
    CsvReader::Error error = CsvReader::Error::None;
    QString errorString;
    char separator = 0;
};

Parsed parse(const QByteArray &bytes, char separator = 0, qsizetype maxRecord = 0, qsizetype readSize = 0)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    reader.setSeparator(separator);
    if (maxRecord > 0)
        reader.setMaxRecordBytes(maxRecord);
    if (readSize > 0)
        reader.setReadSize(readSize);
    Parsed parsed;
    CsvRecord record;
    while (reader.readNext(record)) {
        parsed.records.append(record.fields());
        parsed.lines.append(record.line());
        parsed.problems.append(record.problem());
    }
    parsed.error = reader.error();
    parsed.errorString = reader.errorString();
    parsed.separator = reader.separator();
    return parsed;
}

using Records = QList<QStringList>;

// A cell of expected test data: a UTF-8 literal or a QString.
struct Cell
{
    Cell(const char *utf8)
        : text(QString::fromUtf8(utf8))
    {}
    Cell(QString s)
        : text(std::move(s))
    {}
    QString text;
};

Records R(std::initializer_list<std::initializer_list<Cell>> rows)
{
    Records records;
    for (const auto &row : rows) {
        QStringList fields;
        for (const Cell &cell : row)
            fields.append(cell.text);
        records.append(fields);
    }
    return records;
}
using Lines = QList<qint64>;

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc4180_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<Records>("records");
        QTest::addColumn<Lines>("lines");

        QTest::newRow("plain fields, LF")
            << "a,b,c\n1,2,3\n"_ba << R({{"a", "b", "c"}, {"1", "2", "3"}}) << Lines{1, 2};
        QTest::newRow("CRLF") << "a,b\r\n1,2\r\n"_ba << R({{"a", "b"}, {"1", "2"}}) << Lines{1, 2};
        QTest::newRow("mixed CRLF and LF")
            << "a,b\r\n1,2\n3,4\r\n"_ba << R({{"a", "b"}, {"1", "2"}, {"3", "4"}}) << Lines{1, 2, 3};
        QTest::newRow("no line break at the end")
            << "a,b\n1,2"_ba << R({{"a", "b"}, {"1", "2"}}) << Lines{1, 2};
        QTest::newRow("CR at the very end") << "a,b\n1,2\r"_ba << R({{"a", "b"}, {"1", "2"}}) << Lines{1, 2};
        QTest::newRow("quoted fields") << "\"a\",\"b c\"\n"_ba << R({{"a", "b c"}}) << Lines{1};
        QTest::newRow("doubled quotes")
            << "\"say \"\"hi\"\"\",x\n"_ba << R({{"say \"hi\"", "x"}}) << Lines{1};
        QTest::newRow("only a doubled quote") << "\"\"\"\"\n"_ba << R({{"\""}}) << Lines{1};
        QTest::newRow("separator inside quotes") << "\"a,b\",c\n"_ba << R({{"a,b", "c"}}) << Lines{1};
        QTest::newRow("LF inside quotes") << "h\n\"line 1\nline 2\"\nnext\n"_ba
                                          << R({{"h"}, {"line 1\nline 2"}, {"next"}}) << Lines{1, 2, 4};
        QTest::newRow("CRLF inside quotes kept")
            << "\"a\r\nb\",c\r\nd,e\r\n"_ba << R({{"a\r\nb", "c"}, {"d", "e"}}) << Lines{1, 3};
        QTest::newRow("several line breaks inside quotes")
            << "id,note\n1,\"x\n\n\ny\"\n2,z\n"_ba << R({{"id", "note"}, {"1", "x\n\n\ny"}, {"2", "z"}})
            << Lines{1, 2, 6};
        QTest::newRow("empty fields") << ",,\n"_ba << R({{"", "", ""}}) << Lines{1};
        QTest::newRow("empty quoted field") << "\"\",a\n"_ba << R({{"", "a"}}) << Lines{1};
        QTest::newRow("trailing separator") << "a,\n"_ba << R({{"a", ""}}) << Lines{1};
        QTest::newRow("trailing separator at end of file") << "a,"_ba << R({{"a", ""}}) << Lines{1};
        QTest::newRow("spaces are data") << " a , b \n"_ba << R({{" a ", " b "}}) << Lines{1};
        QTest::newRow("quote inside an unquoted field is data")
            << "a\"b,c\n"_ba << R({{"a\"b", "c"}}) << Lines{1};
        QTest::newRow("blank lines skipped, lines still counted")
            << "a\n\n1\n\r\n   \n2\n\n"_ba << R({{"a"}, {"1"}, {"2"}}) << Lines{1, 3, 6};
        QTest::newRow("blank lines before the header")
            << "\n\na,b\n1,2\n"_ba << R({{"a", "b"}, {"1", "2"}}) << Lines{3, 4};
        QTest::newRow("UTF-8 byte-order mark") << "\xEF\xBB\xBFid,name\n1,Jos\xC3\xA9\n"_ba
                                               << R({{"id", "name"}, {"1", u"José"_s}}) << Lines{1, 2};
        QTest::newRow("UTF-8 without byte-order mark")
            << "name\n\xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x98\x80\n"_ba << R({{"name"}, {u"東京 😀"_s}})
            << Lines{1, 2};
        QTest::newRow("empty file") << ""_ba << R({}) << Lines{};
        QTest::newRow("only a byte-order mark") << "\xEF\xBB\xBF"_ba << R({}) << Lines{};
        QTest::newRow("only blank lines") << "\n\r\n \n"_ba << R({}) << Lines{};
        QTest::newRow("quoted field at the end without line break")
            << "a,\"b\""_ba << R({{"a", "b"}}) << Lines{1};
        QTest::newRow("quoted line break at end of file") << "a,\"b\n\""_ba << R({{"a", "b\n"}}) << Lines{1};
    }

    void rfc4180()
    {
        QFETCH(QByteArray, input);
        QFETCH(Records, records);
        QFETCH(Lines, lines);
        const Parsed parsed = parse(input);
        QCOMPARE(parsed.error, CsvReader::Error::None);
        QCOMPARE(parsed.records, records);
        QCOMPARE(parsed.lines, lines);
        for (const QString &problem : parsed.problems)
            QVERIFY2(problem.isEmpty(), qPrintable(problem));

        // The same input read a few bytes at a time (every record spans several reads, every
        // quote and CRLF falls on a read boundary somewhere) reads the same.
        for (const qsizetype readSize : {1, 2, 3, 5}) {
            const Parsed small = parse(input, 0, 0, readSize);
            QCOMPARE(small.error, CsvReader::Error::None);
            QCOMPARE(small.records, records);
            QCOMPARE(small.lines, lines);
        }
    }

    void separatorDetection_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<char>("separator");
        QTest::addColumn<Records>("records");
        QTest::newRow("comma") << "a,b\n1,2\n"_ba << ',' << R({{"a", "b"}, {"1", "2"}});
        QTest::newRow("semicolon") << "a;b;c\n1;2,5;3\n"_ba << ';' << R({{"a", "b", "c"}, {"1", "2,5", "3"}});
        QTest::newRow("semicolons inside quotes do not count")
            << "\"a;b;c\",d\n1,2\n"_ba << ',' << R({{"a;b;c", "d"}, {"1", "2"}});
        QTest::newRow("commas inside quotes do not count")
            << "\"a,b,c\";d\n1;2\n"_ba << ';' << R({{"a,b,c", "d"}, {"1", "2"}});
        QTest::newRow("header with quoted line break")
            << "\"a\nb\";c\n1;2\n"_ba << ';' << R({{"a\nb", "c"}, {"1", "2"}});
        QTest::newRow("one column: comma") << "name\nx\n"_ba << ',' << R({{"name"}, {"x"}});
        QTest::newRow("semicolon after blank lines") << "\n\na;b\n"_ba << ';' << R({{"a", "b"}});
        QTest::newRow("semicolon with byte-order mark") << "\xEF\xBB\xBF"
                                                           "a;b\n"_ba
                                                        << ';' << R({{"a", "b"}});
    }

    void separatorDetection()
    {
        QFETCH(QByteArray, input);
        QFETCH(char, separator);
        QFETCH(Records, records);
        const Parsed parsed = parse(input);
        QCOMPARE(parsed.error, CsvReader::Error::None);
        QCOMPARE(parsed.separator, separator);
        QCOMPARE(parsed.records, records);
    }

    void recordProblems_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("badRecord");
        QTest::addColumn<QString>("problem");
        QTest::addColumn<int>("recordCount");

        QTest::newRow("Latin-1 byte")
            << "id,name\n1,ok\n2,Jos\xE9\n3,ok\n"_ba << 2
            << u"line 3: not valid UTF-8 (byte 0xE9 at column 6); save the file as UTF-8"_s << 4;
        QTest::newRow("column counts characters")
            << "id,name\n1,\xC3\xA9\xC3\xA9,\xE9\n"_ba << 1
            << u"line 2: not valid UTF-8 (byte 0xE9 at column 6); save the file as UTF-8"_s << 2;
        QTest::newRow("bad byte on a continuation line of a quoted field")
            << "a,b\n1,\"x\ny\xFF\"\n"_ba << 1
            << u"line 3: not valid UTF-8 (byte 0xFF at column 2); save the file as UTF-8"_s << 2;
        QTest::newRow("overlong encoding")
            << "a\n\xC0\xAF\n"_ba << 1
            << u"line 2: not valid UTF-8 (byte 0xC0 at column 1); save the file as UTF-8"_s << 2;
        QTest::newRow("UTF-16 surrogate in UTF-8")
            << "a\nx\xED\xA0\x80\n"_ba << 1
            << u"line 2: not valid UTF-8 (byte 0xED at column 2); save the file as UTF-8"_s << 2;
        QTest::newRow("truncated sequence at the end")
            << "a\nx\xE2\x82"_ba << 1
            << u"line 2: not valid UTF-8 (byte 0xE2 at column 2); save the file as UTF-8"_s << 2;
        QTest::newRow("text after a closing quote")
            << "a,b\n\"x\"y,z\n"_ba << 1
            << u"line 2: unexpected text after a closing quote (a quote inside a quoted field must be doubled: \"\")"_s
            << 2;
        // A NUL byte after the first 64 KiB: one damaged record, not a binary file.
        QTest::newRow("NUL byte late in the file")
            << "a\n"_ba + QByteArray(70000, 'x') + "\nb\x00"_ba + "c\nd\n"
            << 2 << u"line 3: contains a NUL byte at column 2; the file is damaged or not text"_s << 4;
    }

    void recordProblems()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, badRecord);
        QFETCH(QString, problem);
        QFETCH(int, recordCount);
        const Parsed parsed = parse(input);
        QCOMPARE(parsed.error, CsvReader::Error::None);
        QCOMPARE(parsed.records.size(), recordCount);
        for (int i = 0; i < parsed.problems.size(); ++i)
            QCOMPARE(parsed.problems.at(i), i == badRecord ? problem : QString());
    }

    void notCsv_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<CsvReader::Error>("error");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("recordsBefore");

        QByteArray png("\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR", 16);
        QTest::newRow("binary file")
            << png << CsvReader::Error::Binary
            << u"the file is not a CSV text file: it contains a NUL byte at byte 8 (binary data)"_s << 0;
        QTest::newRow("UTF-16") << "\xFF\xFEi\x00"
                                   "d\x00"_ba
                                << CsvReader::Error::Utf16
                                << u"the file is encoded as UTF-16, not UTF-8; save it as \"CSV UTF-8\""_s
                                << 0;
        QTest::newRow("unterminated quote")
            << "id,note\n1,ok\n2,\"never closed\n3,x\n4,y\n"_ba << CsvReader::Error::UnterminatedQuote
            << u"line 3: a quoted field starts here but its closing quote is missing; the rest of the file "
               u"cannot "
               "be read"_s
            << 2;
        QTest::newRow("unterminated quote in the header")
            << "\"id,note\n1,ok\n"_ba << CsvReader::Error::UnterminatedQuote
            << u"line 1: a quoted field starts here but its closing quote is missing; the rest of the file "
               u"cannot "
               "be read"_s
            << 0;
    }

    void notCsv()
    {
        QFETCH(QByteArray, input);
        QFETCH(CsvReader::Error, error);
        QFETCH(QString, message);
        QFETCH(int, recordsBefore);
        const Parsed parsed = parse(input);
        QCOMPARE(parsed.error, error);
        QCOMPARE(parsed.errorString, message);
        QCOMPARE(parsed.records.size(), recordsBefore);
    }

    void recordTooLong()
    {
        // An unclosed quote in a big file stops at the record limit, not at the end of memory.
        QByteArray input = "id,note\n1,\"open\n"_ba;
        for (int i = 0; i < 20000; ++i)
            input += "2,some more text on line " + QByteArray::number(i) + "\n";
        const Parsed parsed = parse(input, 0, 64 * 1024);
        QCOMPARE(parsed.error, CsvReader::Error::RecordTooLong);
        QCOMPARE(
            parsed.errorString,
            u"line 2: a record longer than 64 KiB starts here; a quoted field is probably never closed"_s);
        QCOMPARE(parsed.records.size(), 1);
    }

    void largeFileLineNumbers()
    {
        // Many records with quoted line breaks across many 64 KiB windows.
        QByteArray input = "id,note\n"_ba;
        QList<qint64> expected{1};
        qint64 line = 2;
        for (int i = 0; i < 20000; ++i) {
            expected.append(line);
            if (i % 3 == 0) {
                input += QByteArray::number(i) + ",\"a\nb\"\r\n";
                line += 2;
            } else {
                input += QByteArray::number(i) + ",plain\n";
                line += 1;
            }
        }
        const Parsed parsed = parse(input);
        QCOMPARE(parsed.error, CsvReader::Error::None);
        QCOMPARE(parsed.lines, expected);
        QCOMPARE(parsed.records.at(1), (QStringList{u"0"_s, u"a\nb"_s}));
        QCOMPARE(parsed.records.last(), (QStringList{u"19999"_s, u"plain"_s}));
    }

    void seekResumes()
    {
        QByteArray input = "\xEF\xBB\xBFid;note\n"_ba;
        for (int i = 0; i < 5000; ++i)
            input += QByteArray::number(i) + ";\"x\ny\"\n";
        QBuffer buffer(&input);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer);
        CsvRecord record;
        QList<QPair<qint64, qint64>> positions;
        QList<QStringList> all;
        while (reader.readNext(record)) {
            all.append(record.fields());
            positions.append({reader.position(), reader.line()});
        }
        // Resume after record 2500 (the header is record 0).
        QVERIFY(reader.seek(positions.at(2500).first, positions.at(2500).second));
        QVERIFY(reader.readNext(record));
        QCOMPARE(record.fields(), all.at(2501));
        QCOMPARE(record.line(), qint64(2 + 2500 * 2));
        QCOMPARE(reader.separator(), ';');
        // Back to the start: the byte-order mark is skipped again.
        QVERIFY(reader.seek(0, 1));
        QVERIFY(reader.readNext(record));
        QCOMPARE(record.fields(), (QStringList{u"id"_s, u"note"_s}));
    }

    void utf8Validator_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("firstInvalid");
        QTest::newRow("ASCII") << "hello"_ba << -1;
        QTest::newRow("2, 3 and 4 bytes") << "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"_ba << -1;
        QTest::newRow("lone continuation") << "a\x80"_ba << 1;
        QTest::newRow("overlong 2-byte") << "\xC1\xBF"_ba << 0;
        QTest::newRow("overlong 3-byte") << "\xE0\x80\xAF"_ba << 0;
        QTest::newRow("surrogate") << "\xED\xBF\xBF"_ba << 0;
        QTest::newRow("above U+10FFFF") << "\xF4\x90\x80\x80"_ba << 0;
        QTest::newRow("F5 lead byte") << "\xF5\x80\x80\x80"_ba << 0;
        QTest::newRow("max code point") << "\xF4\x8F\xBF\xBF"_ba << -1;
        QTest::newRow("truncated") << "ab\xF0\x9F\x98"_ba << 2;
    }

    void utf8Validator()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, firstInvalid);
        QCOMPARE(CsvReader::firstInvalidUtf8(bytes.constData(), bytes.size()), qsizetype(firstInvalid));
    }

    void writerQuoting_data()
    {
        QTest::addColumn<QStringList>("fields");
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("plain") << QStringList{u"a"_s, u"b"_s} << "a,b\r\n"_ba;
        QTest::newRow("separator") << QStringList{u"a,b"_s} << "\"a,b\"\r\n"_ba;
        QTest::newRow("quote") << QStringList{u"say \"hi\""_s, u"x"_s} << "\"say \"\"hi\"\"\",x\r\n"_ba;
        QTest::newRow("line breaks") << QStringList{u"a\nb"_s, u"c\rd"_s} << "\"a\nb\",\"c\rd\"\r\n"_ba;
        QTest::newRow("non-ASCII as UTF-8") << QStringList{u"José"_s} << "Jos\xC3\xA9\r\n"_ba;
        QTest::newRow("one empty field") << QStringList{QString()} << "\"\"\r\n"_ba;
        QTest::newRow("one blank field") << QStringList{u"  "_s} << "\"  \"\r\n"_ba;
        QTest::newRow("empty fields among others") << QStringList{QString(), QString()} << ",\r\n"_ba;
        QTest::newRow("leading U+FEFF") << QStringList{u"\uFEFFa"_s}
                                        << "\"\xEF\xBB\xBF"
                                           "a\"\r\n"_ba;
    }

    void writerQuoting()
    {
        QFETCH(QStringList, fields);
        QFETCH(QByteArray, line);
        QByteArray out;
        QBuffer buffer(&out);
        buffer.open(QIODevice::WriteOnly);
        {
            CsvWriter writer(&buffer);
            QVERIFY(writer.writeRecord(fields));
            QVERIFY(writer.flush());
        }
        QCOMPARE(out, line);
        const Parsed parsed = parse(out, ',');
        QCOMPARE(parsed.records.size(), 1);
        QStringList expected;
        for (const QString &f : fields)
            expected.append(f.isNull() ? u""_s : f);
        QCOMPARE(parsed.records.constFirst(), expected);
    }

    void writerSemicolonRoundTrip()
    {
        QByteArray out;
        QBuffer buffer(&out);
        buffer.open(QIODevice::WriteOnly);
        const QList<QStringList> rows{{u"id"_s, u"note"_s}, {u"1"_s, u"a;b"_s}, {u"2"_s, u"x,y\nz"_s}};
        {
            CsvWriter writer(&buffer, ';');
            writer.writeByteOrderMark();
            for (const QStringList &row : rows)
                QVERIFY(writer.writeRecord(row));
        }
        const Parsed parsed = parse(out);
        QCOMPARE(parsed.separator, ';');
        QCOMPARE(parsed.records, rows);
        QCOMPARE(parsed.lines, (Lines{1, 2, 3}));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
