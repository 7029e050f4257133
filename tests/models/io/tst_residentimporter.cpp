// ResidentImporter against a real database (SQLite and PostgreSQL): rejected rows with
// their lines and reasons, dry runs, idempotent re-imports, updates, column matching,
// files refused as a whole, and a chunk that fails and is resumed with exact totals.
#include "models/core/phonenumber.h"
#include "models/db/sqlstatement.h"
#include "models/housing/residentrepository.h"
#include "models/io/residentimporter.h"
#include "tests/support/testdatabase.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QByteArray kHeader = "student_id,first_name,last_name,email,phone,status\n";

QByteArray validRow(int i)
{
    return QByteArray("S%1,First%1,Last%1,s%1@example.edu,+1 202 555 %2,active\n")
        .replace("%1", QByteArray::number(i))
        .replace("%2", QByteArray::number(i % 10000).rightJustified(4, '0'));
}

struct Run
{
    bool opened = false;
    QString failure;
    ResidentImporter::Counts counts;
    QList<ImportRejection> rejected;
    qint64 rows = 0;
};

} // namespace

class TestResidentImporter : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    QTemporaryDir m_dir;
    Actor m_actor{u"importer"_s, Actor::Role::Admin};

    QString write(const QByteArray &bytes, const QString &name = u"residents.csv"_s)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(bytes);
        return path;
    }

    Run run(const QString &path, ResidentImporter::Options options = {})
    {
        Run result;
        ResidentImporter importer(m_t->db(), m_actor, path, options);
        result.opened = importer.open();
        if (!result.opened) {
            result.failure = importer.failure().message;
            return result;
        }
        for (;;) {
            const std::optional<ResidentImporter::Chunk> chunk = importer.nextChunk();
            if (!chunk) {
                result.failure = importer.failure().message;
                return result;
            }
            if (chunk->rows == 0)
                break;
            result.counts += chunk->counts;
            result.rows += chunk->rows;
            result.rejected += chunk->rejected;
        }
        return result;
    }

    qint64 residentCount()
    {
        SqlStatement st(m_t->db(), u"SELECT COUNT(*) FROM residents"_s);
        return st.exec() && st.next() ? st.value(0).toLongLong() : -1;
    }

    Resident resident(const QString &studentId)
    {
        const Result<Resident> r = ResidentRepository(m_t->db(), m_actor).findByStudentId(studentId);
        return r ? r.value() : Resident{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_t = TestDatabase::create(&error);
        QVERIFY2(m_t, qPrintable(error));
    }
    void cleanupTestCase() { m_t.reset(); }
    void init() { QVERIFY(SqlStatement::run(m_t->db(), u"DELETE FROM residents"_s)); }

    void rejectedRowsNameLineAndReason()
    {
        const QByteArray file = kHeader + validRow(1)                                  // line 2
                                + "S2,,Last2,s2@example.edu,,active\n"                 // 3: no first name
                                + "S3,First3,Last3,not-an-email,,active\n"             // 4
                                + "S4,First4,Last4,s4@example.edu,,retired\n"          // 5: status
                                + "S5,First5,Last5\n"                                  // 6: too few
                                + "S6,First6,Last6,s6@example.edu,,active,extra\n"     // 7: too many
                                + "\"S7\",\"First\n7\",Last7,s7@example.edu,,active\n" // 8-9: fine
                                + "S1,Again,Last1,again@example.edu,,active\n"         // 10: duplicate
                                + "S8,Jos\xE9,Last8,s8@example.edu,,active\n"          // 11: Latin-1
                                + "\n"                                                 // 12: blank
                                + "S9,First9,Last9,s9@example.edu,123abc,active\n"     // 13: phone
                                + validRow(10);                                        // 14
        const Run r = run(write(file));
        QVERIFY2(r.opened, qPrintable(r.failure));
        QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
        QCOMPARE(r.counts.created, 3);
        QCOMPARE(r.counts.rejected, 8);
        QCOMPARE(r.rows, 11);
        const QList<QPair<qint64, QString>> expected{
            {3, u"line 3: The first name is required."_s},
            {4, u"line 4: The e-mail address \"not-an-email\" is not valid."_s},
            {5, u"line 5: The status \"retired\" is not one of active, inactive, graduated."_s},
            {6, u"line 6: 3 fields, but the header has 6 columns"_s},
            {7,
             u"line 7: 7 fields, but the header has 6 columns (a value with a \",\" in it must be quoted)"_s},
            {10, u"line 10: the student ID \"S1\" already appears on line 2"_s},
            {11, u"line 11: not valid UTF-8 (byte 0xE9 at column 7); save the file as UTF-8"_s},
            {13, u"line 13: "_s + PhoneNumber::normalize(u"123abc"_s).error},
        };
        QCOMPARE(r.rejected.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(r.rejected.at(i).line, expected.at(i).first);
            QCOMPARE(r.rejected.at(i).reason, expected.at(i).second);
        }
        // The original fields travel with the rejection (for "Save as CSV").
        QCOMPARE(r.rejected.at(3).fields, (QStringList{u"S5"_s, u"First5"_s, u"Last5"_s}));
        QCOMPARE(residentCount(), 3);
        QCOMPARE(resident(u"S7"_s).firstName, u"First\n7"_s);
        QCOMPARE(resident(u"S1"_s).firstName, u"First1"_s); // the first line owns the id
        QCOMPARE(resident(u"S1"_s).phone, u"+12025550001"_s);
        QCOMPARE(resident(u"S1"_s).version, 1);
    }

    void duplicateOfARejectedRowIsRejectedToo()
    {
        const QByteArray file = kHeader + "S1,First1,Last1,bad-email,,active\n" + validRow(1);
        const Run r = run(write(file));
        QVERIFY(r.opened);
        QCOMPARE(r.counts.rejected, 2);
        QCOMPARE(r.rejected.at(1).reason, u"line 3: the student ID \"S1\" already appears on line 2"_s);
        QCOMPARE(residentCount(), 0);
    }

    void duplicatesAcrossChunks()
    {
        QByteArray file = kHeader;
        for (int i = 1; i <= 250; ++i)
            file += validRow(i);
        file += validRow(7);   // line 252
        file += validRow(200); // line 253
        ResidentImporter::Options options;
        options.chunkSize = 16;
        const Run r = run(write(file), options);
        QVERIFY(r.opened);
        QCOMPARE(r.counts.created, 250);
        QCOMPARE(r.counts.rejected, 2);
        QCOMPARE(r.rejected.at(0).reason, u"line 252: the student ID \"S7\" already appears on line 8"_s);
        QCOMPARE(r.rejected.at(1).reason, u"line 253: the student ID \"S200\" already appears on line 201"_s);
        QCOMPARE(residentCount(), 250);
    }

    void dryRunWritesNothing()
    {
        QVERIFY(run(write(kHeader + validRow(1) + validRow(2))).opened);
        const QByteArray file = kHeader + validRow(1) +
                                "S2,Changed,Last2,s2@example.edu,+1 202 555 0002,inactive\n" + validRow(3) +
                                "S4,,x,y,,\n";
        ResidentImporter::Options options;
        options.dryRun = true;
        const Run r = run(write(file), options);
        QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
        QCOMPARE(r.counts.created, 1);
        QCOMPARE(r.counts.updated, 1);
        QCOMPARE(r.counts.unchanged, 1);
        QCOMPARE(r.counts.rejected, 1);
        QCOMPARE(r.counts.changedFields.value(u"first_name"_s), 1);
        QCOMPARE(r.counts.changedFields.value(u"status"_s), 1);
        QCOMPARE(residentCount(), 2);
        QCOMPARE(resident(u"S2"_s).firstName, u"First2"_s);
        QCOMPARE(resident(u"S2"_s).version, 1);
    }

    void reimportChangesNothing()
    {
        QByteArray file = kHeader;
        for (int i = 1; i <= 2500; ++i)
            file += validRow(i);
        const QString path = write(file);
        const Run first = run(path);
        QCOMPARE(first.counts.created, 2500);
        const Run second = run(path);
        QVERIFY2(second.failure.isEmpty(), qPrintable(second.failure));
        QCOMPARE(second.counts.created, 0);
        QCOMPARE(second.counts.updated, 0);
        QCOMPARE(second.counts.unchanged, 2500);
        QCOMPARE(residentCount(), 2500);
        SqlStatement st(m_t->db(), u"SELECT MAX(version) FROM residents"_s);
        QVERIFY(st.exec() && st.next());
        QCOMPARE(st.value(0).toInt(), 1);

        // Every row changed: updated in full batches and a last partial one per chunk.
        QByteArray changed = kHeader;
        for (int i = 1; i <= 2500; ++i)
            changed += validRow(i).replace("@example.edu", "@new.example.edu");
        const Run third = run(write(changed, u"changed.csv"_s));
        QCOMPARE(third.counts.updated, 2500);
        QCOMPARE(third.counts.changedFields.value(u"email"_s), 2500);
        SqlStatement versions(m_t->db(),
                              u"SELECT MIN(version), MAX(version), COUNT(*) FROM residents WHERE email "
                              "LIKE '%@new.example.edu'"_s);
        QVERIFY(versions.exec() && versions.next());
        QCOMPARE(versions.value(0).toInt(), 2);
        QCOMPARE(versions.value(1).toInt(), 2);
        QCOMPARE(versions.value(2).toInt(), 2500);
    }

    void updatesAreDetectedAndBumpTheVersion()
    {
        QVERIFY(run(write(kHeader + validRow(1) + validRow(2) + validRow(3))).opened);
        const QByteArray changed = kHeader + validRow(1) +
                                   "S2,First2,Last2,new2@example.edu,+1 202 555 0002,active\n" +
                                   "S3,First3,Last3,s3@example.edu,+1 202 555 0003,GRADUATED\n";
        const Run r = run(write(changed));
        QCOMPARE(r.counts.updated, 2);
        QCOMPARE(r.counts.unchanged, 1);
        QCOMPARE(r.counts.changedFields.value(u"email"_s), 1);
        QCOMPARE(r.counts.changedFields.value(u"status"_s), 1);
        QCOMPARE(resident(u"S1"_s).version, 1);
        QCOMPARE(resident(u"S2"_s).email, u"new2@example.edu"_s);
        QCOMPARE(resident(u"S2"_s).version, 2);
        QCOMPARE(resident(u"S3"_s).status, Resident::Status::Graduated);
        QCOMPARE(resident(u"S3"_s).version, 2);
    }

    void specialCharactersArriveIntact()
    {
        // Quotes, backslashes, apostrophes, tabs, line breaks and non-ASCII travel to the
        // database (as JSON text, see Dialect::jsonRecordSource) unchanged, on insert and update.
        const QByteArray file = kHeader + "S1,\"Ana \"\"Nena\"\"\",O'Brien \\ Jr,ana@example.edu,,active\n" +
                                "S2,\"Tab\there\",\"Line\nbreak\",b@example.edu,,active\n" +
                                "S3,Zoë \xF0\x9F\x98\x80,\xE6\x9D\xB1,c@example.edu,,active\n";
        QCOMPARE(run(write(file)).counts.created, 3);
        QCOMPARE(resident(u"S1"_s).firstName, u"Ana \"Nena\""_s);
        QCOMPARE(resident(u"S1"_s).lastName, u"O'Brien \\ Jr"_s);
        QCOMPARE(resident(u"S2"_s).firstName, u"Tab\there"_s);
        QCOMPARE(resident(u"S2"_s).lastName, u"Line\nbreak"_s);
        QCOMPARE(resident(u"S3"_s).firstName, u"Zoë 😀"_s);
        QCOMPARE(resident(u"S3"_s).lastName, u"東"_s);
        const Run again = run(write(file));
        QCOMPARE(again.counts.unchanged, 3);
        const Run changed = run(write(kHeader + "S1,\"Ana \\\"\"x\",O'Brien,ana@example.edu,,active\n"));
        QCOMPARE(changed.counts.updated, 1);
        QCOMPARE(resident(u"S1"_s).firstName, u"Ana \\\"x"_s);
    }

    void missingOptionalColumnsKeepStoredValues()
    {
        QVERIFY(run(write(kHeader + "S1,Ana,Lopez,ana@example.edu,+34 612 345 678,inactive\n")).opened);
        // No phone and no status column; an empty status cell means the same.
        const Run r = run(write("student_id,first_name,last_name,email\nS1,Ana,Lopez,ana@example.edu\n"
                                "S2,Ben,Ng,ben@example.edu\n"_ba));
        QCOMPARE(r.counts.unchanged, 1);
        QCOMPARE(r.counts.created, 1);
        QCOMPARE(resident(u"S1"_s).phone, u"+34612345678"_s);
        QCOMPARE(resident(u"S1"_s).status, Resident::Status::Inactive);
        QCOMPARE(resident(u"S2"_s).status, Resident::Status::Active);
        const Run empty = run(write(kHeader + "S1,Ana,Lopez,ana@example.edu,+34 612 345 678,\n"));
        QCOMPARE(empty.counts.unchanged, 1);
    }

    void badLanguageOrContactByIsRejectedAndChangesNothing()
    {
        QVERIFY(run(write(kHeader + validRow(1))).opened);
        const Resident before = resident(u"S1"_s);
        QCOMPARE(before.version, 1);
        const QByteArray file = "student_id,first_name,last_name,email,phone,status,contact_by,language\n"
                                "S1,Changed,Last1,s1@example.edu,+1 202 555 0001,active,sms,fr\n"       // 2
                                "S2,First2,Last2,s2@example.edu,+1 202 555 0002,active,sms-only,es\n"   // 3
                                "S3,First3,Last3,s3@example.edu,+1 202 555 0003,active,BOTH,Spanish\n"; // 4
        const Run r = run(write(file));
        QVERIFY2(r.opened && r.failure.isEmpty(), qPrintable(r.failure));
        QCOMPARE(r.counts.rejected, 3);
        QCOMPARE(r.counts.created + r.counts.updated + r.counts.unchanged, 0);
        const QStringList expected{
            u"line 2: The column \"language\" has \"fr\", which is not one of en, es; leave it empty for the "
            "office's default."_s,
            u"line 3: The column \"contact_by\" has \"sms-only\", which is not one of email, sms, both."_s,
            u"line 4: The column \"language\" has \"Spanish\", which is not one of en, es; leave it empty "
            u"for "
            "the office's default."_s,
        };
        QCOMPARE(r.rejected.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(r.rejected.at(i).line, qint64(i + 2));
            QCOMPARE(r.rejected.at(i).reason, expected.at(i));
        }
        QCOMPARE(r.rejected.at(1).fields.value(6), u"sms-only"_s); // the row as the file had it
        // Nothing changed: no new resident, the existing one as it was.
        QCOMPARE(residentCount(), 1);
        QCOMPARE(resident(u"S1"_s), before);

        // A mapped column is named as the file calls it.
        ResidentImporter::Options options;
        options.mapping = {{u"Idioma"_s, u"language"_s}, {u"Avisos"_s, u"contact_by"_s}};
        const Run mapped = run(write("student_id,first_name,last_name,email,Avisos,Idioma\n"
                                     "S1,First1,Last1,s1@example.edu,fax,de\n"_ba),
                               options);
        QCOMPARE(mapped.rejected.size(), 1);
        QCOMPARE(
            mapped.rejected.at(0).reason,
            u"line 2: The column \"Avisos\" has \"fax\", which is not one of email, sms, both. The column "
            "\"Idioma\" has \"de\", which is not one of en, es; leave it empty for the office's default."_s);
        QCOMPARE(resident(u"S1"_s), before);
    }

    void languageAndContactByAreImported()
    {
        const QByteArray header = "student_id,first_name,last_name,email,phone,status,contact_by,language\n";
        const Run first =
            run(write(header + "S1,Ana,Lopez,ana@example.edu,+1 202 555 0001,active,email,es\n" +
                      "S2,Ben,Ng,ben@example.edu,+1 202 555 0002,active,SMS,EN\n" +
                      "S3,Cai,Wu,cai@example.edu,,active,,\n"));
        QVERIFY2(first.failure.isEmpty(), qPrintable(first.failure));
        QCOMPARE(first.counts.created, 3);
        QCOMPARE(resident(u"S1"_s).language, u"es"_s);
        QCOMPARE(resident(u"S2"_s).language, u"en"_s);
        QCOMPARE(resident(u"S2"_s).contactBy, Resident::ContactBy::Sms);
        QVERIFY(resident(u"S3"_s).language.isEmpty()); // the office's default (NULL)
        QCOMPARE(resident(u"S3"_s).contactBy, Resident::ContactBy::Email);
        SqlStatement nulls(m_t->db(), u"SELECT COUNT(*) FROM residents WHERE language IS NULL"_s);
        QVERIFY(nulls.exec() && nulls.next());
        QCOMPARE(nulls.value(0).toInt(), 1);

        // Changes are counted per field; an empty cell leaves the stored value alone.
        const Run second = run(write(header + "S1,Ana,Lopez,ana@example.edu,+1 202 555 0001,active,both,\n" +
                                     "S2,Ben,Ng,ben@example.edu,+1 202 555 0002,active,,es\n" +
                                     "S3,Cai,Wu,cai@example.edu,,active,,\n"));
        QCOMPARE(second.counts.updated, 2);
        QCOMPARE(second.counts.unchanged, 1);
        QCOMPARE(second.counts.changedFields.value(u"contact_by"_s), 1);
        QCOMPARE(second.counts.changedFields.value(u"language"_s), 1);
        QCOMPARE(resident(u"S1"_s).contactBy, Resident::ContactBy::Both);
        QCOMPARE(resident(u"S1"_s).language, u"es"_s);
        QCOMPARE(resident(u"S2"_s).contactBy, Resident::ContactBy::Sms);
        QCOMPARE(resident(u"S2"_s).language, u"es"_s);

        // Text messages need a number: without a phone column the stored one decides.
        const Run third = run(write("student_id,first_name,last_name,email,contact_by\n"
                                    "S2,Ben,Ng,ben@example.edu,both\n"      // has a number: fine
                                    "S3,Cai,Wu,cai@example.edu,sms\n"       // has none
                                    "S4,Dee,Ko,dee@example.edu,sms\n"_ba)); // new, none
        QCOMPARE(third.counts.updated, 1);
        QCOMPARE(third.counts.rejected, 2);
        const QString why =
            ResidentRepository::tr("Text messages need a phone number: add one, or choose e-mail.");
        QCOMPARE(third.rejected.at(0).line, 3);
        QCOMPARE(third.rejected.at(0).reason, u"line 3: "_s + why);
        QCOMPARE(third.rejected.at(0).fields,
                 (QStringList{u"S3"_s, u"Cai"_s, u"Wu"_s, u"cai@example.edu"_s, u"sms"_s}));
        QCOMPARE(third.rejected.at(1).reason, u"line 4: "_s + why);
        QCOMPARE(resident(u"S3"_s).contactBy, Resident::ContactBy::Email);
        QCOMPARE(resident(u"S4"_s).id, 0); // not created
        QCOMPARE(resident(u"S2"_s).contactBy, Resident::ContactBy::Both);
    }

    void headerMatching_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QStringList>("mapping"); // column=field pairs
        QTest::newRow("case and spaces ignored")
            << " Student_ID ;FIRST_NAME; last_name ;Email;Notes\nS1;Ana;Lopez;ana@example.edu;x\n"_ba
            << QStringList{};
        QTest::newRow("columns in another order, unknown ones ignored")
            << "email,notes,last_name,first_name,student_id\nana@example.edu,n,Lopez,Ana,S1\n"_ba
            << QStringList{};
        QTest::newRow("explicit mapping")
            << "Matrikel,Vorname,Nachname,E-Mail,student_id\nS1,Ana,Lopez,ana@example.edu,ignored\n"_ba
            << QStringList{u"matrikel=student_id"_s, u"Vorname=first_name"_s, u"Nachname=last_name"_s,
                           u"E-Mail=email"_s, u"student_id="_s};
        QTest::newRow("byte-order mark and CRLF") << "\xEF\xBB\xBFstudent_id,first_name,last_name,email\r\n"
                                                     "S1,Ana,Lopez,ana@example.edu\r\n"_ba
                                                  << QStringList{};
    }

    void headerMatching()
    {
        QFETCH(QByteArray, file);
        QFETCH(QStringList, mapping);
        ResidentImporter::Options options;
        for (const QString &pair : mapping)
            options.mapping.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
        const Run r = run(write(file), options);
        QVERIFY2(r.opened && r.failure.isEmpty(), qPrintable(r.failure));
        QCOMPARE(r.counts.created, 1);
        const Resident ana = resident(u"S1"_s);
        QCOMPARE(ana.firstName, u"Ana"_s);
        QCOMPARE(ana.lastName, u"Lopez"_s);
        QCOMPARE(ana.email, u"ana@example.edu"_s);
    }

    void fileRefusedAsAWhole_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("message"); // after "<path>: "
        QTest::newRow("missing required column") << "student_id,first_name,mail\nS1,Ana,a@example.edu\n"_ba
                                                 << u"the file has no column last_name, email (its header "
                                                    u"is: student_id, first_name, mail); rename the "
                                                    "column or map it in the import dialog"_s;
        QTest::newRow("empty") << ""_ba
                               << u"the file is empty; it needs a header line with the columns student_id, "
                                  "first_name, last_name, email"_s;
        QTest::newRow("binary")
            << QByteArray("PK\x03\x04\x00\x00\x08\x00", 8)
            << u"the file is not a CSV text file: it contains a NUL byte at byte 4 (binary data)"_s;
        QTest::newRow("unterminated quote at the end")
            << kHeader + validRow(1) + "S2,\"First2,Last2,s2@example.edu,,active\n" + validRow(3)
            << u"line 3: a quoted field starts here but its closing quote is missing; the rest of the file "
               u"cannot "
               "be read"_s;
        QTest::newRow("a column twice") << "student_id,first_name,last_name,email,EMAIL\n"_ba
                                        << u"the column \"email\" appears twice (columns 4 and 5)"_s;
    }

    void fileRefusedAsAWhole()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, message);
        const QString path = write(file);
        const Run r = run(path);
        QVERIFY(!r.opened);
        QCOMPARE(r.failure, path + u": "_s + message);
        QCOMPARE(residentCount(), 0); // nothing written, not even the rows before the problem
    }

    void missingFileIsNamed()
    {
        const QString path = m_dir.filePath(u"nope.csv"_s);
        const Run r = run(path);
        QVERIFY(!r.opened);
        QCOMPARE(r.failure, path + u": no such file"_s);
    }

    void failedChunkRollsBackAndResumeGivesExactTotals()
    {
        QByteArray file = kHeader;
        for (int i = 1; i <= 95; ++i)
            file += i % 10 == 0 ? "S" + QByteArray::number(i) + ",,x,bad,,\n" : validRow(i);
        const QString path = write(file);
        ResidentImporter::Options options;
        options.chunkSize = 10;

        // The reference: one clean run into an empty table.
        const Run clean = run(path, options);
        QVERIFY(clean.failure.isEmpty());
        QVERIFY(SqlStatement::run(m_t->db(), u"DELETE FROM residents"_s));

        // A run whose third chunk fails inside its transaction (as a lost lease or a
        // database error would), with a checkpoint saved in each committed chunk.
        ResidentImporter::Position saved;
        ResidentImporter::Counts savedCounts;
        int chunks = 0;
        {
            ResidentImporter importer(m_t->db(), m_actor, path, options);
            QVERIFY(importer.open());
            for (;;) {
                ResidentImporter::Counts running = savedCounts;
                const auto chunk = importer.nextChunk([&](const ResidentImporter::Chunk &c) -> VoidResult {
                    if (++chunks == 3)
                        return DbError(DbError::Code::ConnectionLost, u"simulated failure"_s);
                    running += c.counts;
                    saved = c.next;
                    savedCounts = running;
                    return {};
                });
                if (!chunk) {
                    QCOMPARE(importer.failure().kind, ResidentImporter::Failure::Kind::Database);
                    QCOMPARE(importer.failure().message,
                             u"lines 22 to 31 were not imported (rolled back): simulated failure"_s);
                    break;
                }
                QVERIFY(chunk->rows > 0);
            }
        }
        QCOMPARE(residentCount(), 18); // two chunks of 10 rows, each with one rejected
        QCOMPARE(savedCounts.created, 18);

        // A new importer (a new attempt) resumes from the saved position.
        ResidentImporter importer(m_t->db(), m_actor, path, options);
        QVERIFY(importer.open());
        QVERIFY(importer.resume(saved));
        ResidentImporter::Counts total = savedCounts;
        for (;;) {
            const auto chunk = importer.nextChunk();
            QVERIFY(chunk);
            if (chunk->rows == 0)
                break;
            total += chunk->counts;
        }
        QCOMPARE(total, clean.counts);
        QCOMPARE(total.created, 86);
        QCOMPARE(total.rejected, 9);
        QCOMPARE(residentCount(), 86);
    }
};

QTEST_GUILESS_MAIN(TestResidentImporter)
#include "tst_residentimporter.moc"
