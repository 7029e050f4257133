#include "models/io/residentimporter.h"

#include "models/core/phonenumber.h"
#include "models/core/recipientlanguage.h"
#include "models/db/database.h"
#include "models/db/databasefileguard.h"
#include "models/db/dialect.h"
#include "models/db/events.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/housing/resident.h"
#include "models/housing/residentrepository.h"
#include "models/io/csvreader.h"
#include "models/io/csvrecord.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcImport, "residesk.import")

// Every this many records the first pass remembers where one starts, so that an
// earlier row can be re-read quickly to confirm a duplicate.
constexpr qint64 kSparseEvery = 64;

// JSON text built by hand: QJsonObject costs more than the insert itself at 1,000 rows.
void appendJsonString(QString &out, const QString &text)
{
    out += u'"';
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'\\') {
            out += u'\\';
            out += c;
        } else if (u < 0x20) {
            out += u"\\u00"_s;
            out += QChar(u"0123456789abcdef"[u >> 4]);
            out += QChar(u"0123456789abcdef"[u & 0xF]);
        } else {
            out += c;
        }
    }
    out += u'"';
}

// A JSON array of objects with the keys of Dialect::jsonRecordSource's columns below.
class JsonRows
{
public:
    void append(const Resident &r)
    {
        m_text += m_text.isEmpty() ? u"[{"_s : u",{"_s;
        const auto field = [this](const char16_t *key, const QString &value, bool first = false) {
            if (!first)
                m_text += u',';
            m_text += key;
            appendJsonString(m_text, value);
        };
        field(u"\"student_id\":", r.studentId, true);
        field(u"\"first_name\":", r.firstName);
        field(u"\"last_name\":", r.lastName);
        field(u"\"email\":", r.email);
        field(u"\"phone\":", r.phone);
        field(u"\"status\":", Resident::statusCode(r.status));
        field(u"\"contact_by\":", Resident::contactByCode(r.contactBy));
        if (r.language.isEmpty())
            m_text += u",\"language\":null"_s; // the office's default
        else
            field(u"\"language\":", r.language);
        m_text += u",\"version\":"_s + QString::number(r.version) + u'}';
        ++m_count;
    }
    void appendId(const QString &id)
    {
        m_text += m_text.isEmpty() ? u"["_s : u","_s;
        appendJsonString(m_text, id);
        ++m_count;
    }
    qsizetype size() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    QString text() const { return m_text + u']'; }

private:
    QString m_text;
    qsizetype m_count = 0;
};

quint64 idHash(const QString &id)
{
    return quint64(qHash(QStringView(id), size_t(0x5eed1d5)));
}

} // namespace

// The first pass's memory of student ids: a 64-bit hash per id with the line of its
// first row; hash hits are confirmed by re-reading the earlier row (see the class
// comment of ResidentImporter).
class ResidentImporter::DuplicateIndex
{
public:
    DuplicateIndex(const QString &path, char separator, int idColumn)
        : m_file(path)
        , m_separator(separator)
        , m_idColumn(idColumn)
    {}

    void noteRecord(qint64 number, qint64 offset, qint64 line)
    {
        if (number % kSparseEvery == 0)
            m_sparse.append({offset, line});
    }

    // Registers a row's id (in file order). False if the earlier row cannot be re-read.
    bool add(const QString &id, qint64 line)
    {
        const quint64 hash = idHash(id);
        const auto it = m_firstLine.constFind(hash);
        if (it == m_firstLine.constEnd()) {
            m_firstLine.insert(hash, line);
            return true;
        }
        if (const qint64 exact = m_collided.value(id, 0)) {
            m_duplicateOf.insert(line, exact);
            return true;
        }
        const qint64 earlier = it.value();
        QString earlierId;
        if (!readId(earlier, &earlierId))
            return false;
        if (earlierId == id)
            m_duplicateOf.insert(line, earlier);
        else
            m_collided.insert(id, line); // a true hash collision: keep this id exactly
        return true;
    }

    qint64 earlierLine(qint64 line) const { return m_duplicateOf.value(line, 0); }
    qint64 duplicates() const { return m_duplicateOf.size(); }

private:
    bool readId(qint64 line, QString *id)
    {
        if (!m_file.isOpen() && !m_file.open(QIODevice::ReadOnly))
            return false;
        if (!m_reader) {
            m_reader = std::make_unique<CsvReader>(&m_file);
            m_reader->setSeparator(m_separator);
        }
        // The last sparse entry at or before `line`.
        auto it = std::upper_bound(m_sparse.cbegin(), m_sparse.cend(), line,
                                   [](qint64 value, const Position &p) { return value < p.line; });
        if (it == m_sparse.cbegin())
            return false;
        --it;
        if (!m_reader->seek(it->offset, it->line))
            return false;
        CsvRecord record;
        while (m_reader->readNext(record)) {
            if (record.line() == line) {
                *id = record.field(m_idColumn).trimmed();
                return true;
            }
            if (record.line() > line)
                break;
        }
        return false;
    }

    QFile m_file;
    char m_separator;
    int m_idColumn;
    std::unique_ptr<CsvReader> m_reader;
    QList<Position> m_sparse;
    QHash<quint64, qint64> m_firstLine;
    QHash<QString, qint64> m_collided;
    QHash<qint64, qint64> m_duplicateOf; // later line → the first line with its id
};

struct ResidentImporter::Row
{
    qint64 line = 0;
    Resident values;
    bool hasPhone = false;
    bool hasStatus = false;
    bool hasContactBy = false;
    bool hasLanguage = false;
    QStringList fields; // as read, for a rejection found when the stored row is known
};

QStringList ResidentImporter::fieldKeys()
{
    return {u"student_id"_s, u"first_name"_s, u"last_name"_s,  u"email"_s,
            u"phone"_s,      u"status"_s,     u"contact_by"_s, u"language"_s};
}

QStringList ResidentImporter::requiredFieldKeys()
{
    return {u"student_id"_s, u"first_name"_s, u"last_name"_s, u"email"_s};
}

ResidentImporter::Counts &ResidentImporter::Counts::operator+=(const Counts &other)
{
    created += other.created;
    updated += other.updated;
    unchanged += other.unchanged;
    rejected += other.rejected;
    for (auto it = other.changedFields.cbegin(); it != other.changedFields.cend(); ++it)
        changedFields[it.key()] += it.value();
    return *this;
}

QJsonObject ResidentImporter::Counts::toJson() const
{
    QJsonObject fields;
    for (auto it = changedFields.cbegin(); it != changedFields.cend(); ++it)
        fields.insert(it.key(), it.value());
    return {{u"created"_s, created},
            {u"updated"_s, updated},
            {u"unchanged"_s, unchanged},
            {u"rejected"_s, rejected},
            {u"changed_fields"_s, fields}};
}

ResidentImporter::Counts ResidentImporter::Counts::fromJson(const QJsonObject &json)
{
    Counts counts;
    counts.created = json.value(u"created"_s).toInteger();
    counts.updated = json.value(u"updated"_s).toInteger();
    counts.unchanged = json.value(u"unchanged"_s).toInteger();
    counts.rejected = json.value(u"rejected"_s).toInteger();
    const QJsonObject fields = json.value(u"changed_fields"_s).toObject();
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        counts.changedFields.insert(it.key(), it.value().toInteger());
    return counts;
}

ResidentImporter::ResidentImporter(Database &db, Actor actor, QString path, Options options)
    : m_db(db)
    , m_actor(std::move(actor))
    , m_path(std::move(path))
    , m_options(std::move(options))
{
    m_options.chunkSize = qMax(1, m_options.chunkSize);
}

ResidentImporter::~ResidentImporter() = default;

bool ResidentImporter::fileFailure(const QString &message)
{
    m_failure.kind = Failure::Kind::File;
    m_failure.message = u"%1: %2"_s.arg(m_path, message);
    m_failure.error = {};
    return false;
}

QJsonObject ResidentImporter::fingerprint() const
{
    return {{u"size"_s, m_size}, {u"modified"_s, m_modified}};
}

bool ResidentImporter::open()
{
    m_failure = {};
    const QFileInfo info(m_path);
    if (!info.exists())
        return fileFailure(tr("no such file"));
    if (info.isDir())
        return fileFailure(tr("this is a folder, not a file"));
    if (const std::optional<QString> refused = DatabaseFileGuard::refusal(m_path))
        return fileFailure(*refused);
    m_file = std::make_unique<QFile>(m_path);
    if (!m_file->open(QIODevice::ReadOnly))
        return fileFailure(tr("cannot open the file: %1").arg(m_file->errorString()));
    m_size = info.size();
    m_modified = info.lastModified().toMSecsSinceEpoch();
    m_reader = std::make_unique<CsvReader>(m_file.get());

    CsvRecord header;
    if (!m_reader->readNext(header)) {
        if (m_reader->error() != CsvReader::Error::None)
            return fileFailure(m_reader->errorString());
        return fileFailure(tr("the file is empty; it needs a header line with the columns %1")
                               .arg(requiredFieldKeys().join(u", "_s)));
    }
    if (header.hasProblem())
        return fileFailure(tr("the header cannot be read: %1").arg(header.problem()));
    m_header.clear();
    for (int i = 0; i < header.size(); ++i)
        m_header.append(header.field(i).trimmed());
    if (!resolveColumns())
        return false;
    m_start = {m_reader->position(), m_reader->line()};
    if (!prescan())
        return false;
    return resume(m_start);
}

bool ResidentImporter::resolveColumns()
{
    m_columns.clear();
    for (const QString &key : fieldKeys())
        m_columns.insert(key, -1);
    const auto columnIndex = [this](const QString &name) {
        const QString wanted = name.trimmed();
        for (int i = 0; i < m_header.size(); ++i) {
            if (m_header.at(i).compare(wanted, Qt::CaseInsensitive) == 0)
                return i;
        }
        return -1;
    };
    QSet<int> explicitColumns;
    for (auto it = m_options.mapping.cbegin(); it != m_options.mapping.cend(); ++it) {
        const int index = columnIndex(it.key());
        if (index < 0)
            return fileFailure(
                tr("the column mapping names a column \"%1\" that the file does not have (its columns: "
                   "%2)")
                    .arg(it.key(), m_header.join(u", "_s)));
        explicitColumns.insert(index);
        const QString field = it.value().trimmed().toLower();
        if (field.isEmpty())
            continue; // ignored on purpose
        if (!m_columns.contains(field))
            return fileFailure(tr("the column mapping names an unknown field \"%1\" (fields: %2)")
                                   .arg(it.value(), fieldKeys().join(u", "_s)));
        if (m_columns.value(field) >= 0)
            return fileFailure(tr("the columns \"%1\" and \"%2\" are both mapped to %3; map only one")
                                   .arg(m_header.at(m_columns.value(field)), m_header.at(index), field));
        m_columns.insert(field, index);
    }
    // Fields not mapped explicitly: the column of the same name, unless that column is
    // mapped to something else.
    for (const QString &key : fieldKeys()) {
        if (m_columns.value(key) >= 0)
            continue;
        int found = -1;
        for (int i = 0; i < m_header.size(); ++i) {
            if (m_header.at(i).compare(key, Qt::CaseInsensitive) != 0 || explicitColumns.contains(i))
                continue;
            if (found >= 0)
                return fileFailure(tr("the column \"%1\" appears twice (columns %2 and %3)")
                                       .arg(key)
                                       .arg(found + 1)
                                       .arg(i + 1));
            found = i;
        }
        m_columns.insert(key, found);
    }
    QStringList missing;
    for (const QString &key : requiredFieldKeys()) {
        if (m_columns.value(key) < 0)
            missing.append(key);
    }
    if (!missing.isEmpty())
        return fileFailure(
            tr("the file has no column %1 (its header is: %2); rename the column or map it in the "
               "import dialog")
                .arg(missing.join(u", "_s), m_header.join(u", "_s)));
    return true;
}

bool ResidentImporter::prescan()
{
    m_duplicates =
        std::make_unique<DuplicateIndex>(m_path, m_reader->separator(), m_columns.value(u"student_id"_s));
    const int idColumn = m_columns.value(u"student_id"_s);
    const int width = int(m_header.size());
    CsvRecord record;
    qint64 count = 0;
    while (m_reader->readNext(record)) {
        m_duplicates->noteRecord(count, record.offset(), record.line());
        ++count;
        if (record.hasProblem() || record.size() != width)
            continue;
        const QString id = record.field(idColumn).trimmed();
        if (id.isEmpty())
            continue;
        if (!m_duplicates->add(id, record.line()))
            return fileFailure(tr("line %1: the file changed while it was read").arg(record.line()));
    }
    if (m_reader->error() != CsvReader::Error::None)
        return fileFailure(m_reader->errorString());
    m_totalRows = count;
    return true;
}

bool ResidentImporter::resume(Position position)
{
    if (!m_reader || !m_reader->seek(position.offset, position.line))
        return fileFailure(tr("cannot go back to byte %1 of the file").arg(position.offset));
    return true;
}

void ResidentImporter::classify(const CsvRecord &record, QList<Row> &rows, Chunk &chunk)
{
    const qint64 line = record.line();
    const auto reject = [&](const QString &reason) {
        chunk.rejected.append({line, reason, record.fields()});
        ++chunk.counts.rejected;
    };
    if (record.hasProblem())
        return reject(record.problem());
    if (record.size() != m_header.size())
        return reject(
            record.size() < m_header.size()
                ? tr("line %1: %2 fields, but the header has %3 columns")
                      .arg(line)
                      .arg(record.size())
                      .arg(m_header.size())
                : tr("line %1: %2 fields, but the header has %3 columns (a value with a \"%4\" in it must be "
                     "quoted)")
                      .arg(line)
                      .arg(record.size())
                      .arg(m_header.size())
                      .arg(QChar::fromLatin1(m_reader->separator())));
    const auto value = [&](const QString &key) {
        const int column = m_columns.value(key, -1);
        return column < 0 ? QString() : record.field(column).trimmed();
    };
    Row row;
    row.line = line;
    Resident &r = row.values;
    r.studentId = value(u"student_id"_s);
    r.firstName = value(u"first_name"_s);
    r.lastName = value(u"last_name"_s);
    r.email = value(u"email"_s);
    row.hasPhone = m_columns.value(u"phone"_s) >= 0;
    r.phone = row.hasPhone ? value(u"phone"_s) : QString();
    if (r.phone.isNull())
        r.phone = u""_s;
    if (const qint64 earlier = m_duplicates->earlierLine(line))
        return reject(tr("line %1: the student ID \"%2\" already appears on line %3")
                          .arg(QString::number(line), r.studentId, QString::number(earlier)));

    QStringList problems;
    const QString status = value(u"status"_s).toLower();
    if (!status.isEmpty()) {
        if (const std::optional<Resident::Status> s = Resident::statusFromCode(status)) {
            r.status = *s;
            row.hasStatus = true;
        } else {
            problems.append(
                tr("The status \"%1\" is not one of active, inactive, graduated.").arg(value(u"status"_s)));
        }
    }
    // The optional contact_by and language columns name the column (as the file's header
    // has it) and the value they refuse; an empty cell leaves the stored value alone.
    const auto columnName = [&](const QString &key) {
        return m_header.at(m_columns.value(key));
    };
    const QString contactBy = value(u"contact_by"_s);
    if (!contactBy.isEmpty()) {
        if (const std::optional<Resident::ContactBy> c = Resident::contactByFromCode(contactBy.toLower())) {
            r.contactBy = *c;
            row.hasContactBy = true;
        } else {
            problems.append(tr("The column \"%1\" has \"%2\", which is not one of email, sms, both.")
                                .arg(columnName(u"contact_by"_s), contactBy));
        }
    }
    const QString language = value(u"language"_s);
    if (!language.isEmpty()) {
        if (RecipientLanguage::check(language)) {
            problems.append(
                tr("The column \"%1\" has \"%2\", which is not one of %3; leave it empty for the office's "
                   "default.")
                    .arg(columnName(u"language"_s), language, RecipientLanguage::codes().join(u", "_s)));
        } else {
            r.language = RecipientLanguage::normalized(language);
            row.hasLanguage = true;
        }
    }
    for (const FieldError &error : ResidentRepository::validate(r)) {
        // Without a phone column the stored number decides whether a text can go: write()
        // checks it against the stored row.
        if (error.field == u"contact_by"_s && !row.hasPhone)
            continue;
        problems.append(error.message);
    }
    if (!problems.isEmpty())
        return reject(tr("line %1: %2").arg(line).arg(problems.join(u' ')));
    // Stored as E.164, as the repository stores it: a file with the number written
    // another way is then unchanged on a second import.
    if (!r.phone.isEmpty())
        r.phone = PhoneNumber::normalize(r.phone).e164;
    row.fields = record.fields();
    rows.append(std::move(row));
}

std::optional<ResidentImporter::Chunk> ResidentImporter::nextChunk(const InTransaction &inTransaction)
{
    m_failure = {};
    if (!m_reader) {
        fileFailure(tr("the file is not open"));
        return std::nullopt;
    }
    Chunk chunk;
    QList<Row> rows;
    rows.reserve(m_options.chunkSize);
    CsvRecord record;
    while (chunk.rows < m_options.chunkSize && m_reader->readNext(record)) {
        if (chunk.rows == 0)
            chunk.firstLine = record.line();
        chunk.lastLine = record.line();
        ++chunk.rows;
        classify(record, rows, chunk);
    }
    if (m_reader->error() != CsvReader::Error::None) {
        fileFailure(tr("%1 (the file changed after the import started?)").arg(m_reader->errorString()));
        return std::nullopt;
    }
    chunk.next = {m_reader->position(), m_reader->line()};
    if (chunk.rows == 0)
        return chunk;
    if (const VoidResult written = [&]() -> VoidResult {
            // A dry run on its own only reads; a job's dry run still writes its checkpoint.
            const bool readOnly = m_options.dryRun && !inTransaction;
            Transaction tx(m_db, readOnly ? Transaction::Mode::Read : Transaction::Mode::Write);
            if (!tx.ok())
                return tx.error();
            if (VoidResult r = write(rows, chunk); !r)
                return r;
            if (inTransaction) {
                if (VoidResult r = inTransaction(chunk); !r)
                    return r;
            }
            return tx.commit();
        }();
        !written) {
        m_failure.kind = Failure::Kind::Database;
        m_failure.error = written.error();
        m_failure.message = tr("lines %1 to %2 were not imported (rolled back): %3")
                                .arg(chunk.firstLine)
                                .arg(chunk.lastLine)
                                .arg(written.error().message);
        return std::nullopt;
    }
    // Once per chunk, after it committed (on SQLite the event is delivered at once, so
    // inside the transaction other views could reload before the rows are there).
    if (!m_options.dryRun && chunk.counts.created + chunk.counts.updated > 0) {
        if (VoidResult r = Events::publishRecordsChanged(m_db, u"residents"_s); !r)
            qCWarning(lcImport) << "cannot announce the imported residents:" << r.error().message;
    }
    return chunk;
}

VoidResult ResidentImporter::write(QList<Row> &rows, Chunk &chunk)
{
    if (rows.isEmpty())
        return {};
    const DatabaseConfig::Backend backend = m_db.config().backend;
    // One read of the existing rows of this chunk's student ids; the ids travel as one
    // bound JSON array (see Dialect::jsonTextList).
    QHash<QString, Resident> existing;
    existing.reserve(rows.size());
    {
        JsonRows ids;
        for (const Row &row : std::as_const(rows))
            ids.appendId(row.values.studentId);
        SqlStatement st(m_db, u"SELECT id, student_id, first_name, last_name, email, phone, status, version, "
                              "contact_by, language FROM residents WHERE student_id IN "_s +
                                  Dialect::jsonTextList(backend));
        st.bind(ids.text());
        if (VoidResult r = st.exec(); !r)
            return r;
        while (st.next()) {
            Resident r;
            r.id = st.value(0).toLongLong();
            r.studentId = st.value(1).toString();
            r.firstName = st.value(2).toString();
            r.lastName = st.value(3).toString();
            r.email = st.value(4).toString();
            r.phone = st.value(5).toString();
            r.status = Resident::statusFromCode(st.value(6).toString()).value_or(Resident::Status::Active);
            r.version = st.value(7).toInt();
            r.contactBy =
                Resident::contactByFromCode(st.value(8).toString()).value_or(Resident::ContactBy::Email);
            r.language = RecipientLanguage::fromSql(st.value(9));
            existing.insert(r.studentId, r);
        }
    }

    JsonRows inserts;
    JsonRows updates;
    // Text messages need a number: a row that chooses them without a phone column is
    // checked against the stored number here, as is a row that empties the number of a
    // resident who chose them.
    const auto rejectNoPhone = [&chunk](const Row &row) {
        const QString why =
            ResidentRepository::tr("Text messages need a phone number: add one, or choose e-mail.");
        chunk.rejected.append({row.line, tr("line %1: %2").arg(row.line).arg(why), row.fields});
        ++chunk.counts.rejected;
    };
    for (const Row &row : std::as_const(rows)) {
        const auto it = existing.constFind(row.values.studentId);
        if (it == existing.constEnd()) {
            if (row.values.wantsSms() && row.values.phone.isEmpty()) {
                rejectNoPhone(row);
                continue;
            }
            inserts.append(row.values); // a missing status is Active already
            ++chunk.counts.created;
            continue;
        }
        const Resident &before = it.value();
        Resident after = before;
        after.firstName = row.values.firstName;
        after.lastName = row.values.lastName;
        after.email = row.values.email;
        if (row.hasPhone)
            after.phone = row.values.phone;
        if (row.hasStatus)
            after.status = row.values.status;
        if (row.hasContactBy)
            after.contactBy = row.values.contactBy;
        if (row.hasLanguage)
            after.language = row.values.language;
        if (after == before) {
            ++chunk.counts.unchanged;
            continue;
        }
        if (after.wantsSms() && after.phone.isEmpty()) {
            rejectNoPhone(row);
            continue;
        }
        const auto changed = [&](const QString &key, bool differs) {
            if (differs)
                ++chunk.counts.changedFields[key];
        };
        changed(u"first_name"_s, after.firstName != before.firstName);
        changed(u"last_name"_s, after.lastName != before.lastName);
        changed(u"email"_s, after.email != before.email);
        changed(u"phone"_s, after.phone != before.phone);
        changed(u"status"_s, after.status != before.status);
        changed(u"contact_by"_s, after.contactBy != before.contactBy);
        changed(u"language"_s, after.language != before.language);
        updates.append(after); // with the version read above
        ++chunk.counts.updated;
    }
    // In file order, also those found here.
    std::stable_sort(chunk.rejected.begin(), chunk.rejected.end(),
                     [](const ImportRejection &a, const ImportRejection &b) { return a.line < b.line; });
    if (m_options.dryRun)
        return {};

    // Set-based writes: one statement each, the rows as one bound JSON array.
    const QList<QPair<QString, QString>> columns{
        {u"student_id"_s, u"TEXT"_s}, {u"first_name"_s, u"TEXT"_s}, {u"last_name"_s, u"TEXT"_s},
        {u"email"_s, u"TEXT"_s},      {u"phone"_s, u"TEXT"_s},      {u"status"_s, u"TEXT"_s},
        {u"contact_by"_s, u"TEXT"_s}, {u"language"_s, u"TEXT"_s},   {u"version"_s, u"INTEGER"_s}};
    if (!inserts.isEmpty()) {
        SqlStatement st(
            m_db, u"INSERT INTO residents (student_id, first_name, last_name, email, phone, status, "
                  "contact_by, language, version, created_by, updated_by) SELECT v.student_id, "
                  "v.first_name, v.last_name, v.email, v.phone, v.status, v.contact_by, v.language, 1, ?, ? "
                  "FROM "_s +
                      Dialect::jsonRecordSource(backend, columns, u"v"_s));
        st.bind(m_actor.username).bind(m_actor.username).bind(inserts.text());
        if (VoidResult r = st.exec(); !r) {
            if (r.error().code == DbError::Code::Duplicate)
                return DbError(DbError::Code::Conflict,
                               tr("another user added one of these residents while the import ran"),
                               r.error().detail);
            return r;
        }
    }
    // Each row only if its version is still the one read above: a concurrent edit makes
    // the chunk fail (and a job retry it from its checkpoint).
    if (!updates.isEmpty()) {
        SqlStatement st(m_db,
                        u"UPDATE residents AS r SET first_name = v.first_name, last_name = v.last_name, "
                        "email = v.email, phone = v.phone, status = v.status, contact_by = v.contact_by, "
                        "language = v.language, version = r.version + 1, updated_at = "_s +
                            Dialect::now(backend) + u", updated_by = ? FROM "_s +
                            Dialect::jsonRecordSource(backend, columns, u"v"_s) +
                            u" WHERE r.student_id = v.student_id AND r.version = v.version"_s);
        st.bind(m_actor.username).bind(updates.text());
        if (VoidResult r = st.exec(); !r)
            return r;
        if (st.numRowsAffected() != updates.size())
            return DbError(DbError::Code::Conflict,
                           tr("another user changed one of these residents while the import ran"));
    }
    return {};
}
