#include "models/backup/databaserestore.h"

#include "models/backup/backupfile.h"
#include "models/backup/schemainspector.h"
#include "models/core/batchinsert.h"
#include "models/db/database.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"

#include <QHash>
#include <QRegularExpression>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

constexpr int kPgBatchRows = 1000;
constexpr qsizetype kPgBatchBytes = 8 << 20;

QString notEmptyText(const QString &table)
{
    return DatabaseRestore::tr("The database is not empty: table %1 has rows; a backup is restored only into an "
                               "empty database.")
        .arg(table);
}

DbError invalid(const QString &message)
{
    return DbError(DbError::Code::Validation, message);
}

// "2026-12-07T02:31:20.123456Z" (PostgreSQL, microseconds) as SQLite keeps times:
// "2026-12-07T02:31:20.123Z".
QString sqliteTime(const QByteArray &text)
{
    if (text.size() == 27 && text.at(19) == '.' && text.endsWith('Z'))
        return QString::fromLatin1(text.left(23)) + u'Z';
    return QString::fromUtf8(text);
}

QVariant sqliteValue(const BackupValue &v, PortableType target)
{
    switch (v.tag) {
    case BackupValue::Tag::Null:
        return {};
    case BackupValue::Tag::Integer:
    case BackupValue::Tag::Boolean:
        return QVariant(qlonglong(v.integer));
    case BackupValue::Tag::Real:
        return QVariant(v.real);
    case BackupValue::Tag::Bytes:
        return target == PortableType::Bytes ? QVariant(v.bytes) : QVariant(QString::fromUtf8(v.bytes));
    case BackupValue::Tag::Timestamp:
        return sqliteTime(v.bytes);
    case BackupValue::Tag::Text:
    case BackupValue::Tag::Date:
        return target == PortableType::Bytes ? QVariant(v.bytes) : QVariant(QString::fromUtf8(v.bytes));
    }
    return {};
}

void appendJsonString(QByteArray &out, const QByteArray &utf8)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out.append('\\');
            out.append(ch);
        } else if (c < 0x20) {
            out.append("\\u00", 4);
            out.append(hex[c >> 4]);
            out.append(hex[c & 15]);
        } else {
            out.append(ch);
        }
    }
    out.append('"');
}

// One value as json_populate_recordset reads it for a column of type `target`.
void appendPgValue(QByteArray &out, const BackupValue &v, PortableType target)
{
    switch (v.tag) {
    case BackupValue::Tag::Null:
        out.append("null");
        return;
    case BackupValue::Tag::Integer:
    case BackupValue::Tag::Boolean:
        if (target == PortableType::Bytes || target == PortableType::Text || target == PortableType::Timestamp
            || target == PortableType::Date)
            appendJsonString(out, QByteArray::number(v.integer));
        else
            out.append(QByteArray::number(v.integer)); // "1"/"0" also reads as a boolean
        return;
    case BackupValue::Tag::Real:
        out.append(QByteArray::number(v.real, 'g', 17));
        return;
    case BackupValue::Tag::Bytes:
    case BackupValue::Tag::Text:
    case BackupValue::Tag::Timestamp:
    case BackupValue::Tag::Date:
        if (target == PortableType::Bytes) {
            out.append("\"\\\\x", 4);
            out.append(v.bytes.toHex());
            out.append('"');
        } else {
            appendJsonString(out, v.bytes);
        }
        return;
    }
}

} // namespace

Result<BackupManifest> DatabaseRestore::verify(const QString &path, const std::function<void(qint64, qint64)> &progress)
{
    BackupFileReader reader;
    QString error;
    if (!reader.open(path, &error))
        return invalid(error);
    const qint64 total = reader.manifest().totalRows();
    if (!reader.verify(&error, [&](qint64 done) {
            if (progress)
                progress(done, total);
        }))
        return invalid(error);
    return reader.manifest();
}

Result<DatabaseRestore::Summary> DatabaseRestore::restore(Database &db, const QString &path, const Options &options)
{
    const bool pg = db.isPostgreSQL();
    BackupFileReader reader;
    QString error;
    if (!reader.open(path, &error))
        return invalid(error);
    const BackupManifest &manifest = reader.manifest();
    const qint64 total = manifest.totalRows();
    if (!reader.verify(&error, [&](qint64 done) {
            if (options.progress)
                options.progress(done, total, tr("checking"));
        }))
        return invalid(error);

    SqlStatement version(db, u"SELECT COALESCE(MAX(version), 0) FROM schema_migrations"_s);
    if (auto r = version.exec(); !r)
        return r.error();
    const int current = version.next() ? version.value(0).toInt() : 0;
    version.finish();
    if (current != manifest.schemaVersion)
        return invalid(tr("%1 holds a database of schema version %2; this database is at version %3. Restore it "
                          "into a database migrated by the same Residesk version that wrote it.")
                           .arg(path)
                           .arg(manifest.schemaVersion)
                           .arg(current));

    const Result<QList<SchemaTable>> tables = SchemaInspector::tables(db);
    if (!tables)
        return tables.error();
    QHash<QString, int> inBackup;
    for (int i = 0; i < manifest.tables.size(); ++i)
        inBackup.insert(manifest.tables.at(i).name, i);
    // Tables the schema or the application fill by themselves (PostgreSQL's
    // job_kind_roles has no SQLite counterpart) may be on one side only: the target's
    // own rows stay then. Any other table must be on both sides, with the same columns.
    QList<SchemaTable> targets;
    QSet<QString> matched;
    for (const SchemaTable &t : tables.value()) {
        const auto found = inBackup.constFind(t.name);
        if (found == inBackup.cend()) {
            if (SchemaInspector::isReplacedOnRestore(t.name))
                continue;
            return invalid(tr("%1 has no table %2, which this database has").arg(path, t.name));
        }
        QSet<QString> have;
        for (const BackupColumn &c : t.columns)
            have.insert(c.name);
        QSet<QString> stored;
        for (const BackupColumn &c : manifest.tables.at(*found).columns)
            stored.insert(c.name);
        if (have != stored)
            return invalid(tr("table %1 has other columns in %2 than in this database").arg(t.name, path));
        targets.append(t);
        matched.insert(t.name);
    }
    for (const BackupTableEntry &t : manifest.tables) {
        if (!matched.contains(t.name) && !SchemaInspector::isReplacedOnRestore(t.name))
            return invalid(tr("%1 has a table %2, which this database does not have").arg(path, t.name));
    }

    // From here on: one transaction; any failure rolls everything back.
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    QList<QPair<QString, QString>> triggers; // SQLite: name, its CREATE statement
    if (pg) {
        if (auto r = SqlStatement::run(db, u"SELECT residesk_restore_begin()"_s); !r) {
            static const QRegularExpression notEmpty(u"not empty: table (\\w+) has rows"_s);
            const QRegularExpressionMatch m = notEmpty.match(r.error().detail + r.error().message);
            if (m.hasMatch())
                return DbError(DbError::Code::InvalidState, notEmptyText(m.captured(1)), r.error().detail);
            return r.error();
        }
    } else {
        for (const SchemaTable &t : tables.value()) {
            if (SchemaInspector::isReplacedOnRestore(t.name))
                continue;
            SqlStatement any(db, u"SELECT EXISTS (SELECT 1 FROM %1)"_s.arg(SchemaInspector::quoted(t.name)));
            if (auto r = any.exec(); !r)
                return r.error();
            if (any.next() && any.value(0).toBool())
                return DbError(DbError::Code::InvalidState, notEmptyText(t.name));
        }
        // The audit triggers would record every restored row as a change made now, by
        // whoever restores: the stored trail is restored instead. They are schema text
        // from this file's own catalogue, dropped and created again in this transaction.
        SqlStatement list(db, u"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL"_s);
        if (auto r = list.exec(); !r)
            return r.error();
        while (list.next())
            triggers.append({list.value(0).toString(), list.value(1).toString()});
        list.finish();
        for (const auto &trigger : std::as_const(triggers)) {
            if (auto r = SqlStatement::run(db, u"DROP TRIGGER "_s + SchemaInspector::quoted(trigger.first)); !r)
                return r.error();
        }
        if (auto r = SqlStatement::run(db, u"PRAGMA defer_foreign_keys = ON"_s); !r)
            return r.error();
    }

    for (const SchemaTable &t : std::as_const(targets)) {
        if (SchemaInspector::isReplacedOnRestore(t.name)) {
            // PostgreSQL: as the owner (an administrator may not delete every one of them).
            const VoidResult cleared =
                pg ? SqlStatement::run(db, u"SELECT residesk_restore_clear(?)"_s, {t.name})
                   : SqlStatement::run(db, u"DELETE FROM "_s + SchemaInspector::quoted(t.name));
            if (!cleared)
                return cleared.error();
        }
    }

    qint64 done = 0;
    QJsonObject sequences;
    for (const SchemaTable &t : std::as_const(targets)) {
        const int index = inBackup.value(t.name);
        const BackupTableEntry &entry = manifest.tables.at(index);
        if (entry.sequence > 0)
            sequences.insert(t.name, entry.sequence);
        if (entry.rows == 0)
            continue;
        // Backup column i goes to target column position[i].
        QHash<QString, PortableType> targetType;
        for (const BackupColumn &c : t.columns)
            targetType.insert(c.name, c.type);
        QList<PortableType> types;
        QStringList names;
        for (const BackupColumn &c : entry.columns) {
            types.append(targetType.value(c.name));
            names.append(c.name);
        }
        const int columns = int(types.size());
        const auto report = [&] {
            if (options.progress && (done & 1023) == 0)
                options.progress(done, total, tr("restoring %1").arg(t.name));
        };

        if (pg) {
            QList<QByteArray> keys;
            for (const QString &n : std::as_const(names)) {
                QByteArray k;
                appendJsonString(k, n.toUtf8());
                k.append(':');
                keys.append(k);
            }
            QByteArray batch;
            int batchRows = 0;
            const auto flush = [&]() -> VoidResult {
                if (batchRows == 0)
                    return {};
                batch.append(']');
                const VoidResult r = SqlStatement::run(db, u"SELECT residesk_restore_rows(?, ?::json)"_s,
                                                       {t.name, QString::fromUtf8(batch)});
                batch.clear();
                batchRows = 0;
                return r;
            };
            DbError failure;
            const bool read = reader.readTable(index, [&](const QList<BackupValue> &row, QString *) {
                batch.append(batchRows == 0 ? '[' : ',');
                batch.append('{');
                for (int c = 0; c < columns; ++c) {
                    if (c > 0)
                        batch.append(',');
                    batch.append(keys[c]);
                    appendPgValue(batch, row[c], types[c]);
                }
                batch.append('}');
                ++batchRows;
                ++done;
                report();
                if (batchRows >= kPgBatchRows || batch.size() >= kPgBatchBytes) {
                    if (const VoidResult r = flush(); !r) {
                        failure = r.error();
                        return false;
                    }
                }
                return true;
            }, &error);
            if (!read)
                return failure.code != DbError::Code::None ? failure : invalid(error);
            if (const VoidResult r = flush(); !r)
                return r.error();
        } else {
            QStringList quotedNames;
            for (const QString &n : std::as_const(names))
                quotedNames.append(SchemaInspector::quoted(n));
            BatchInsert insert(db,
                               u"INSERT INTO %1 (%2)"_s.arg(SchemaInspector::quoted(t.name), quotedNames.join(u", "_s)),
                               columns);
            QVariantList values(columns);
            DbError failure;
            const bool read = reader.readTable(index, [&](const QList<BackupValue> &row, QString *) {
                for (int c = 0; c < columns; ++c)
                    values[c] = sqliteValue(row[c], types[c]);
                if (const VoidResult r = insert.add(values); !r) {
                    failure = r.error();
                    return false;
                }
                ++done;
                report();
                return true;
            }, &error);
            if (!read)
                return failure.code != DbError::Code::None ? failure : invalid(error);
            if (const VoidResult r = insert.flush(); !r)
                return r.error();
        }
    }

    if (pg) {
        if (auto r = SqlStatement::run(db, u"SELECT residesk_restore_finish(?::json)"_s,
                                       {QString::fromUtf8(QJsonDocument(sequences).toJson(QJsonDocument::Compact))});
            !r)
            return r.error();
    } else {
        for (const auto &trigger : std::as_const(triggers)) {
            if (auto r = SqlStatement::run(db, trigger.second); !r)
                return r.error();
        }
        for (const SchemaTable &t : std::as_const(targets)) {
            const qint64 seq = sequences.value(t.name).toInteger();
            if (!t.hasSequence || seq <= 0)
                continue;
            SqlStatement up(db, u"UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?"_s);
            up.bind(seq).bind(t.name);
            if (auto r = up.exec(); !r)
                return r.error();
            if (up.numRowsAffected() == 0) {
                if (auto r = SqlStatement::run(db, u"INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)"_s,
                                               {t.name, seq});
                    !r)
                    return r.error();
            }
        }
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    if (options.progress)
        options.progress(done, total, tr("restored"));
    Summary summary;
    summary.manifest = manifest;
    summary.rows = done;
    return summary;
}
