#include "models/backup/databaserestore.h"

#include "models/backup/backupfile.h"
#include "models/backup/schemainspector.h"
#include "models/core/batchinsert.h"
#include "models/db/database.h"
#include "models/db/pgquery.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QThread>
#include <QThreadPool>
#include <QWaitCondition>
#include <QtConcurrent/QtConcurrentRun>

#include <charconv>
#include <deque>

using namespace Qt::StringLiterals;

namespace {

// COPY data handed from the reading thread to the writing one at a time, and how many
// such pieces may wait (the memory the two threads' overlap costs).
constexpr qsizetype kCopyBlockBytes = 1 << 20;
constexpr int kQueuedBlocks = 4;

QString notEmptyText(const QString &table)
{
    return DatabaseRestore::tr(
               "The database is not empty: table %1 has rows; a backup is restored only into an "
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

void appendInteger(QByteArray &out, qint64 value)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, r.ptr - buf);
}

// 17 significant digits: the same double back, as QByteArray::number(v, 'g', 17).
void appendReal(QByteArray &out, double value)
{
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, 17);
    out.append(buf, r.ptr - buf);
}

// Bytes as bytea's hex input: "\x" and two digits a byte (`prefix` is that "\x" as the
// format at hand escapes it).
void appendHex(QByteArray &out, const char *prefix, const char *data, qsizetype size)
{
    static const char hex[] = "0123456789abcdef";
    out.append(prefix);
    const qsizetype at = out.size();
    out.resize(at + 2 * size);
    char *o = out.data() + at;
    for (qsizetype i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        *o++ = hex[c >> 4];
        *o++ = hex[c & 15];
    }
}

// One value in COPY's text format: \N for NULL; backslash, newline, carriage return and
// tab escaped.
void appendCopyValue(QByteArray &out, const BackupValueView &v, PortableType target)
{
    switch (v.tag) {
    case BackupValue::Tag::Null:
        out.append("\\N", 2);
        return;
    case BackupValue::Tag::Integer:
    case BackupValue::Tag::Boolean:
        appendInteger(out, v.integer);
        return;
    case BackupValue::Tag::Real:
        appendReal(out, v.real);
        return;
    case BackupValue::Tag::Bytes:
    case BackupValue::Tag::Text:
    case BackupValue::Tag::Timestamp:
    case BackupValue::Tag::Date:
        break;
    }
    if (target == PortableType::Bytes) {
        appendHex(out, "\\\\x", v.data, v.size);
        return;
    }
    qsizetype run = 0;
    for (qsizetype i = 0; i < v.size; ++i) {
        const char c = v.data[i];
        char escaped = 0;
        switch (c) {
        case '\\':
            escaped = '\\';
            break;
        case '\n':
            escaped = 'n';
            break;
        case '\r':
            escaped = 'r';
            break;
        case '\t':
            escaped = 't';
            break;
        default:
            continue;
        }
        out.append(v.data + run, i - run);
        out.append('\\');
        out.append(escaped);
        run = i + 1;
    }
    out.append(v.data + run, v.size - run);
}

// How a table's rows reach PostgreSQL: COPY … FROM STDIN, into the table itself where
// the restoring role may insert into it (the restore's transaction has its triggers
// off), else (the audit trail, tables with row-level security) into the temporary table
// the owner's residesk_restore_stage makes for them, which residesk_restore_staged then
// inserts into the table as the owner (migration 0028).
struct PgTablePlan
{
    int index = 0; // in the manifest
    QString name;
    QList<PortableType> types; // of the target columns, in the backup's column order
    QString quotedColumns;     // the backup's columns, in its order: "a", "b", …
    bool staged = false;       // through residesk_restore_stage / _staged
    qint64 rows = 0;
};

// A piece of a table's rows in COPY's text format, made on the reading thread, written
// on the connection's.
struct PgBlock
{
    int plan = -1;
    QByteArray data;
    qint64 rows = 0;
    bool last = false; // the table's last piece (may have no rows)
};

// The bounded hand-over between the two threads.
class PgBlockQueue
{
public:
    // Reader: false when the writer gave up.
    bool push(PgBlock block)
    {
        QMutexLocker lock(&m_mutex);
        while (!m_abandoned && m_blocks.size() >= kQueuedBlocks)
            m_changed.wait(&m_mutex);
        if (m_abandoned)
            return false;
        m_blocks.push_back(std::move(block));
        m_changed.wakeAll();
        return true;
    }
    // Reader: no more blocks (all read, or failed).
    void close()
    {
        QMutexLocker lock(&m_mutex);
        m_closed = true;
        m_changed.wakeAll();
    }
    // Writer: false when the reader closed and all was taken.
    bool pop(PgBlock &block)
    {
        QMutexLocker lock(&m_mutex);
        while (m_blocks.empty() && !m_closed)
            m_changed.wait(&m_mutex);
        if (m_blocks.empty())
            return false;
        block = std::move(m_blocks.front());
        m_blocks.pop_front();
        m_changed.wakeAll();
        return true;
    }
    // Writer: stop the reader.
    void abandon()
    {
        QMutexLocker lock(&m_mutex);
        m_abandoned = true;
        m_blocks.clear();
        m_changed.wakeAll();
    }

private:
    QMutex m_mutex;
    QWaitCondition m_changed;
    std::deque<PgBlock> m_blocks;
    bool m_closed = false;
    bool m_abandoned = false;
};

// The reading thread: every planned table's chunks decoded and encoded into blocks.
// Returns the error that stopped it (empty: all read, or the writer gave up).
QString readPgBlocks(BackupFileReader &reader, const QList<PgTablePlan> &plans, PgBlockQueue &queue)
{
    QString error;
    for (int k = 0; k < plans.size(); ++k) {
        const PgTablePlan &plan = plans.at(k);
        const int columns = int(plan.types.size());
        QByteArray data;
        qint64 rows = 0;
        bool abandoned = false;
        const auto hand = [&](bool last) {
            if (!queue.push(PgBlock{k, std::move(data), rows, last})) {
                abandoned = true;
                return false;
            }
            data = QByteArray();
            data.reserve(kCopyBlockBytes + (kCopyBlockBytes >> 2));
            rows = 0;
            return true;
        };
        data.reserve(kCopyBlockBytes + (kCopyBlockBytes >> 2));
        const bool read = reader.readChunks(
            plan.index,
            [&](const QByteArray &raw, quint32 count, qint64 at, QString *why) {
                const char *bytes = raw.constData();
                const qsizetype size = raw.size();
                qsizetype p = 0;
                BackupValueView v;
                for (quint32 r = 0; r < count; ++r) {
                    for (int c = 0; c < columns; ++c) {
                        if (!BackupCodec::readView(bytes, size, p, v)) {
                            *why = reader.damagedRow(plan.index, r + 1, at);
                            return false;
                        }
                        if (c > 0)
                            data.append('\t');
                        appendCopyValue(data, v, plan.types.at(c));
                    }
                    data.append('\n');
                    ++rows;
                    if (data.size() >= kCopyBlockBytes && !hand(false))
                        return false;
                }
                if (p != size) {
                    *why = reader.damagedRow(plan.index, 0, at);
                    return false;
                }
                return true;
            },
            &error);
        if (abandoned)
            return {};
        if (!read)
            return error;
        if (!hand(true))
            return {};
    }
    return {};
}

DbError sqlError(Database &db, const QSqlError &error, const QString &statement)
{
    DbError e = DbError::fromSql(error, statement, db.config().backend);
    db.noteError(e);
    return e;
}

// Every row of `targets` into PostgreSQL, inside the restore's transaction (begun, its
// triggers off): the file read, decoded and encoded on a thread of its own while this
// one writes, so the server works while the next rows are made.
VoidResult restorePg(Database &db, BackupFileReader &reader, const QList<SchemaTable> &targets,
                     const QHash<QString, int> &inBackup, const DatabaseRestore::Options &options,
                     qint64 &done)
{
    const BackupManifest &manifest = reader.manifest();
    const qint64 total = manifest.totalRows();
    // The tables the acting role may write itself (the restore's transaction has their
    // triggers off, so COPY stamps and audits nothing, as the owner's INSERT does not).
    QSet<QString> copyable;
    {
        SqlStatement may(
            db, u"SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relrowsecurity "
                "AND c.relname <> 'schema_migrations' AND has_table_privilege(c.oid, 'INSERT')"_s);
        if (auto r = may.exec(); !r)
            return r.error();
        while (may.next())
            copyable.insert(may.value(0).toString());
    }
    QList<PgTablePlan> plans;
    for (const SchemaTable &t : targets) {
        const int index = inBackup.value(t.name);
        const BackupTableEntry &entry = manifest.tables.at(index);
        if (entry.rows == 0)
            continue;
        QHash<QString, PortableType> targetType;
        for (const BackupColumn &c : t.columns)
            targetType.insert(c.name, c.type);
        PgTablePlan plan;
        plan.index = index;
        plan.name = t.name;
        plan.rows = entry.rows;
        QStringList quotedNames;
        for (const BackupColumn &c : entry.columns) {
            plan.types.append(targetType.value(c.name));
            quotedNames.append(SchemaInspector::quoted(c.name));
        }
        plan.quotedColumns = quotedNames.join(u", "_s);
        plan.staged = !copyable.contains(t.name);
        plans.append(plan);
    }
    if (plans.isEmpty())
        return {};

    const Result<QSqlDatabase> conn = db.connection();
    if (!conn)
        return conn.error();
    if (!PgQuery::canUse(conn.value()))
        return DbError(DbError::Code::QueryFailed,
                       DatabaseRestore::tr("no PostgreSQL connection to restore into"));

    PgBlockQueue queue;
    QThreadPool pool;
    pool.setMaxThreadCount(1);
    QFuture<QString> reading = QtConcurrent::run(&pool, [&reader, &plans, &queue] {
        QString error = readPgBlocks(reader, plans, queue);
        queue.close();
        return error;
    });
    // However this ends, the reading thread is stopped and done with the file first.
    struct Join
    {
        PgBlockQueue &queue;
        QFuture<QString> &reading;
        ~Join()
        {
            queue.abandon();
            reading.waitForFinished();
        }
    } join{queue, reading};

    static const QByteArray stageSql = "SELECT residesk_restore_stage($1)";
    static const QByteArray stagedSql = "SELECT residesk_restore_staged($1)";
    std::unique_ptr<PgCopyIn> copy;
    QByteArray copySql;
    PgBlock block;
    while (queue.pop(block)) {
        const PgTablePlan &plan = plans.at(block.plan);
        if (!copy) {
            // The table's first piece: where its rows go.
            QString into = u"public."_s + SchemaInspector::quoted(plan.name);
            if (plan.staged) {
                PgQuery stage(conn.value());
                if (!stage.exec(stageSql, {plan.name}) || !stage.next())
                    return sqlError(db, stage.lastError(), QString::fromLatin1(stageSql));
                into = u"pg_temp."_s + SchemaInspector::quoted(stage.value(0).toString());
            }
            copySql = u"COPY %1 (%2) FROM STDIN"_s.arg(into, plan.quotedColumns).toUtf8();
            copy = std::make_unique<PgCopyIn>(conn.value());
            if (!copy->start(copySql))
                return sqlError(db, copy->lastError(), QString::fromUtf8(copySql));
        }
        if (!copy->put(block.data))
            return sqlError(db, copy->lastError(), QString::fromUtf8(copySql));
        if (block.last) {
            // Only now: the reading thread found the table's checksum right.
            if (!copy->finish())
                return sqlError(db, copy->lastError(), QString::fromUtf8(copySql));
            qint64 written = copy->rows();
            copy.reset();
            if (plan.staged && written == plan.rows) {
                PgQuery staged(conn.value());
                if (!staged.exec(stagedSql, {plan.name}) || !staged.next())
                    return sqlError(db, staged.lastError(), QString::fromLatin1(stagedSql));
                written = staged.value(0).toLongLong();
            }
            if (written != plan.rows)
                return DbError(DbError::Code::QueryFailed,
                               DatabaseRestore::tr("table %1: %2 rows written of %3")
                                   .arg(plan.name)
                                   .arg(written)
                                   .arg(plan.rows));
        }
        done += block.rows;
        if (options.progress && block.rows > 0)
            options.progress(done, total, DatabaseRestore::tr("restoring %1").arg(plan.name));
    }
    const QString error = reading.result();
    if (!error.isEmpty())
        return DbError(DbError::Code::Validation, error);
    qint64 expected = 0;
    for (const PgTablePlan &plan : std::as_const(plans))
        expected += plan.rows;
    if (done != expected)
        return DbError(DbError::Code::QueryFailed,
                       DatabaseRestore::tr("%1 rows written of %2").arg(done).arg(expected));
    return {};
}

} // namespace

Result<BackupManifest> DatabaseRestore::verify(const QString &path,
                                               const std::function<void(qint64, qint64)> &progress)
{
    BackupFileReader reader;
    QString error;
    if (!reader.open(path, &error))
        return invalid(error);
    const qint64 total = reader.manifest().totalRows();
    if (!reader.verify(
            &error,
            [&](qint64 done) {
                if (progress)
                    progress(done, total);
            },
            QThread::idealThreadCount()))
        return invalid(error);
    return reader.manifest();
}

Result<DatabaseRestore::Summary> DatabaseRestore::restore(Database &db, const QString &path,
                                                          const Options &options)
{
    const bool pg = db.isPostgreSQL();
    BackupFileReader reader;
    QString error;
    if (!reader.open(path, &error))
        return invalid(error);
    const BackupManifest &manifest = reader.manifest();
    const qint64 total = manifest.totalRows();
    if (!reader.verify(
            &error,
            [&](qint64 done) {
                if (options.progress)
                    options.progress(done, total, tr("checking"));
            },
            QThread::idealThreadCount()))
        return invalid(error);

    SqlStatement version(db, u"SELECT COALESCE(MAX(version), 0) FROM schema_migrations"_s);
    if (auto r = version.exec(); !r)
        return r.error();
    const int current = version.next() ? version.value(0).toInt() : 0;
    version.finish();
    if (current != manifest.schemaVersion)
        return invalid(
            tr("%1 holds a database of schema version %2; this database is at version %3. Restore it "
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
        SqlStatement list(
            db, u"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL"_s);
        if (auto r = list.exec(); !r)
            return r.error();
        while (list.next())
            triggers.append({list.value(0).toString(), list.value(1).toString()});
        list.finish();
        for (const auto &trigger : std::as_const(triggers)) {
            if (auto r = SqlStatement::run(db, u"DROP TRIGGER "_s + SchemaInspector::quoted(trigger.first));
                !r)
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
        const BackupTableEntry &entry = manifest.tables.at(inBackup.value(t.name));
        if (entry.sequence > 0)
            sequences.insert(t.name, entry.sequence);
    }
    if (pg) {
        if (const VoidResult r = restorePg(db, reader, targets, inBackup, options, done); !r)
            return r.error();
    }

    // SQLite: through the connection's own statements, batched.
    for (const SchemaTable &t : std::as_const(targets)) {
        if (pg)
            break;
        const int index = inBackup.value(t.name);
        const BackupTableEntry &entry = manifest.tables.at(index);
        if (entry.rows == 0)
            continue;
        // Backup column i goes to target column position[i].
        QHash<QString, PortableType> targetType;
        for (const BackupColumn &c : t.columns)
            targetType.insert(c.name, c.type);
        QList<PortableType> types;
        QStringList quotedNames;
        for (const BackupColumn &c : entry.columns) {
            types.append(targetType.value(c.name));
            quotedNames.append(SchemaInspector::quoted(c.name));
        }
        const int columns = int(types.size());
        BatchInsert insert(
            db, u"INSERT INTO %1 (%2)"_s.arg(SchemaInspector::quoted(t.name), quotedNames.join(u", "_s)),
            columns);
        QVariantList values(columns);
        DbError failure;
        const bool read = reader.readTable(
            index,
            [&](const QList<BackupValue> &row, QString *) {
                for (int c = 0; c < columns; ++c)
                    values[c] = sqliteValue(row[c], types[c]);
                if (const VoidResult r = insert.add(values); !r) {
                    failure = r.error();
                    return false;
                }
                ++done;
                if (options.progress && (done & 1023) == 0)
                    options.progress(done, total, tr("restoring %1").arg(t.name));
                return true;
            },
            &error);
        if (!read)
            return failure.code != DbError::Code::None ? failure : invalid(error);
        if (const VoidResult r = insert.flush(); !r)
            return r.error();
    }

    if (pg) {
        if (auto r = SqlStatement::run(
                db, u"SELECT residesk_restore_finish(?::json)"_s,
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
