#include "models/backup/databasebackup.h"

#include "models/backup/backupfile.h"
#include "models/backup/schemainspector.h"
#include "models/db/database.h"
#include "models/db/sqlstatement.h"

#include <QDateTime>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace {

constexpr int kFetchRows = 2000;

// Ends the read transaction however write() returns.
struct ReadTransaction
{
    Database &db;
    bool open = false;
    ~ReadTransaction()
    {
        if (open)
            SqlStatement::run(db, u"ROLLBACK"_s);
    }
};

BackupValue encode(const QVariant &v, PortableType type, bool pg)
{
    BackupValue out;
    if (v.isNull())
        return out;
    if (pg) {
        switch (type) {
        case PortableType::Integer:
            out.tag = BackupValue::Tag::Integer;
            out.integer = v.toLongLong();
            return out;
        case PortableType::Boolean:
            out.tag = BackupValue::Tag::Boolean;
            out.integer = v.toBool() ? 1 : 0;
            return out;
        case PortableType::Real:
            out.tag = BackupValue::Tag::Real;
            out.real = v.toDouble();
            return out;
        case PortableType::Bytes:
            out.tag = BackupValue::Tag::Bytes;
            out.bytes = v.toByteArray();
            return out;
        case PortableType::Timestamp:
            out.tag = BackupValue::Tag::Timestamp;
            out.bytes = v.toString().toUtf8();
            return out;
        case PortableType::Date:
            out.tag = BackupValue::Tag::Date;
            out.bytes = v.toString().toUtf8();
            return out;
        case PortableType::Text:
        case PortableType::Numeric:
            out.tag = BackupValue::Tag::Text;
            out.bytes = v.toString().toUtf8();
            return out;
        }
    }
    // SQLite: the value's own storage class decides (a column's type is only advice).
    switch (v.typeId()) {
    case QMetaType::QByteArray:
        out.tag = BackupValue::Tag::Bytes;
        out.bytes = v.toByteArray();
        break;
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::ULongLong:
    case QMetaType::UInt:
        out.tag = BackupValue::Tag::Integer;
        out.integer = v.toLongLong();
        break;
    case QMetaType::Double:
        out.tag = BackupValue::Tag::Real;
        out.real = v.toDouble();
        break;
    default:
        out.tag = type == PortableType::Date ? BackupValue::Tag::Date : BackupValue::Tag::Text;
        out.bytes = v.toString().toUtf8();
    }
    return out;
}

} // namespace

Result<DatabaseBackup::Summary> DatabaseBackup::write(Database &db, const QString &path, const Options &options)
{
    const bool pg = db.isPostgreSQL();
    ReadTransaction tx{db};
    if (auto r = SqlStatement::run(db, pg ? u"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"_s : u"BEGIN"_s); !r)
        return r.error();
    tx.open = true;

    // The first read fixes the snapshot (SQLite: the read transaction starts here).
    SqlStatement version(db, u"SELECT COALESCE(MAX(version), 0) FROM schema_migrations"_s);
    if (auto r = version.exec(); !r)
        return r.error();
    BackupManifest head;
    head.schemaVersion = version.next() ? version.value(0).toInt() : 0;
    head.sourceBackend = pg ? u"postgresql"_s : u"sqlite"_s;
    head.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    version.finish();

    const Result<QList<SchemaTable>> tables = SchemaInspector::tables(db);
    if (!tables)
        return tables.error();

    // Estimated totals for progress (PostgreSQL's statistics; SQLite counts).
    qint64 total = 0;
    for (const SchemaTable &t : tables.value()) {
        SqlStatement count(db, pg ? u"SELECT GREATEST(reltuples, 0)::bigint FROM pg_class WHERE oid = to_regclass(?)"_s
                                  : u"SELECT COUNT(*) FROM "_s + SchemaInspector::quoted(t.name));
        if (pg)
            count.bind(u"public."_s + SchemaInspector::quoted(t.name));
        if (auto r = count.exec(); !r)
            return r.error();
        if (count.next())
            total += count.value(0).toLongLong();
    }

    BackupFileWriter file;
    QString error;
    if (!file.open(path, &error))
        return DbError(DbError::Code::QueryFailed, error);
    const auto fail = [&](const DbError &e) -> Result<Summary> {
        file.cancel();
        return e;
    };

    qint64 done = 0;
    for (const SchemaTable &t : tables.value()) {
        if (options.cancelled && options.cancelled->load()) {
            file.cancel();
            Summary s;
            s.cancelled = true;
            return s;
        }
        qint64 sequence = 0;
        if (t.hasSequence) {
            SqlStatement seq(db, pg ? u"SELECT residesk_backup_sequence(?)"_s
                                    : u"SELECT seq FROM sqlite_sequence WHERE name = ?"_s);
            seq.bind(t.name);
            if (auto r = seq.exec(); !r)
                return fail(r.error());
            if (seq.next())
                sequence = seq.value(0).toLongLong();
        }
        file.beginTable(t.name, t.columns, sequence);
        const bool skipJob = options.skipJobId > 0 && t.name == u"jobs" && !t.columns.isEmpty()
                             && t.columns.first().name == u"id";
        const int columns = int(t.columns.size());
        QList<BackupValue> row(columns);
        qint64 fetched = 0;
        const auto take = [&](SqlStatement &st) -> VoidResult {
            while (st.next()) {
                ++fetched;
                for (int c = 0; c < columns; ++c)
                    row[c] = encode(st.value(c), t.columns[c].type, pg);
                if (skipJob && row[0].integer == options.skipJobId)
                    continue;
                if (!file.addRow(row, &error))
                    return DbError(DbError::Code::QueryFailed, error);
                if ((++done & 1023) == 0 && options.progress)
                    options.progress(done, qMax(done, total), t.name);
            }
            return {};
        };

        if (pg) {
            if (auto r = SqlStatement::run(db, u"SELECT residesk_backup_open(?, 'residesk_backup_rows')"_s, {t.name});
                !r)
                return fail(r.error());
            for (;;) {
                SqlStatement fetch(db, u"FETCH %1 FROM residesk_backup_rows"_s.arg(kFetchRows));
                if (auto r = fetch.exec(); !r)
                    return fail(r.error());
                fetched = 0;
                if (auto r = take(fetch); !r)
                    return fail(r.error());
                if (fetched < kFetchRows)
                    break;
                if (options.cancelled && options.cancelled->load())
                    break;
            }
            if (auto r = SqlStatement::run(db, u"CLOSE residesk_backup_rows"_s); !r)
                return fail(r.error());
        } else {
            QStringList names;
            for (const BackupColumn &c : t.columns)
                names.append(SchemaInspector::quoted(c.name));
            QStringList order;
            for (const QString &k : t.primaryKey)
                order.append(SchemaInspector::quoted(k));
            SqlStatement select(db, u"SELECT %1 FROM %2%3"_s.arg(
                                        names.join(u", "_s), SchemaInspector::quoted(t.name),
                                        order.isEmpty() ? QString() : u" ORDER BY "_s + order.join(u", "_s)));
            if (auto r = select.exec(); !r)
                return fail(r.error());
            if (auto r = take(select); !r)
                return fail(r.error());
        }
        if (!file.endTable(&error))
            return fail(DbError(DbError::Code::QueryFailed, error));
        if (options.progress)
            options.progress(done, qMax(done, total), t.name);
    }
    if (options.cancelled && options.cancelled->load()) {
        file.cancel();
        Summary s;
        s.cancelled = true;
        return s;
    }
    SqlStatement::run(db, u"COMMIT"_s);
    tx.open = false;

    if (!file.finish(head, &error))
        return DbError(DbError::Code::QueryFailed, error);
    Summary summary;
    summary.manifest = head;
    summary.manifest.tables = file.tables();
    summary.bytes = file.bytesWritten();
    return summary;
}
