#include "models/backup/schemainspector.h"

#include "models/db/database.h"
#include "models/db/sqlstatement.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace SchemaInspector {
namespace {

PortableType pgType(const QString &t)
{
    if (t == u"int2" || t == u"int4" || t == u"int8")
        return PortableType::Integer;
    if (t == u"float4" || t == u"float8")
        return PortableType::Real;
    if (t == u"bool")
        return PortableType::Boolean;
    if (t == u"bytea")
        return PortableType::Bytes;
    if (t == u"timestamptz" || t == u"timestamp")
        return PortableType::Timestamp;
    if (t == u"date")
        return PortableType::Date;
    if (t == u"numeric")
        return PortableType::Numeric;
    return PortableType::Text;
}

// SQLite's affinity rules (sqlite.org/datatype3.html, 3.1), plus DATE and BOOLEAN,
// which the migrations name and which travel as text and integers.
PortableType sqliteType(const QString &declared)
{
    const QString t = declared.toUpper();
    if (t.contains(u"INT"))
        return PortableType::Integer;
    if (t.contains(u"CHAR") || t.contains(u"CLOB") || t.contains(u"TEXT"))
        return PortableType::Text;
    if (t.contains(u"BLOB") || t.isEmpty())
        return PortableType::Bytes;
    if (t.contains(u"REAL") || t.contains(u"FLOA") || t.contains(u"DOUB"))
        return PortableType::Real;
    if (t.startsWith(u"BOOL"))
        return PortableType::Boolean;
    if (t == u"DATE")
        return PortableType::Date;
    return PortableType::Numeric;
}

// PostgreSQL stores the audit trail a statement per row (audit_batches, migration 0031)
// and shows it as the view audit_entries, a record per row, as SQLite's table: backups
// carry the view's rows, the same on both backends.
Result<QList<SchemaTable>> readPg(Database &db)
{
    QList<SchemaTable> out;
    SqlStatement tables(db, u"SELECT c.oid::bigint, c.relname::text FROM pg_class c "
                            "JOIN pg_namespace n ON n.oid = c.relnamespace "
                            "WHERE n.nspname = 'public' AND c.relname <> 'schema_migrations' "
                            "AND ((c.relkind IN ('r', 'p') AND c.relname <> 'audit_batches') "
                            "OR (c.relkind = 'v' AND c.relname = 'audit_entries')) ORDER BY c.relname"_s);
    if (auto r = tables.exec(); !r)
        return r.error();
    QList<qint64> oids;
    while (tables.next()) {
        oids.append(tables.value(0).toLongLong());
        SchemaTable t;
        t.name = tables.value(1).toString();
        out.append(t);
    }
    for (int i = 0; i < out.size(); ++i) {
        SqlStatement cols(db, u"SELECT a.attname::text, t.typname::text, a.attidentity <> '' "
                              "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
                              "WHERE a.attrelid = ?::bigint::oid AND a.attnum > 0 AND NOT a.attisdropped "
                              "AND a.attgenerated = '' ORDER BY a.attnum"_s);
        cols.bind(oids[i]);
        if (auto r = cols.exec(); !r)
            return r.error();
        while (cols.next()) {
            out[i].columns.append({cols.value(0).toString(), pgType(cols.value(1).toString())});
            out[i].hasSequence = out[i].hasSequence || cols.value(2).toBool();
        }
        SqlStatement keys(db, u"SELECT a.attname::text FROM pg_constraint con "
                              "CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord) "
                              "JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum "
                              "WHERE con.conrelid = ?::bigint::oid AND con.contype = 'p' ORDER BY k.ord"_s);
        keys.bind(oids[i]);
        if (auto r = keys.exec(); !r)
            return r.error();
        while (keys.next())
            out[i].primaryKey.append(keys.value(0).toString());
        SqlStatement refs(db, u"SELECT DISTINCT r.relname::text FROM pg_constraint con "
                              "JOIN pg_class r ON r.oid = con.confrelid "
                              "WHERE con.conrelid = ?::bigint::oid AND con.contype = 'f' ORDER BY 1"_s);
        refs.bind(oids[i]);
        if (auto r = refs.exec(); !r)
            return r.error();
        while (refs.next())
            out[i].references.append(refs.value(0).toString());
    }
    return out;
}

Result<QList<SchemaTable>> readSqlite(Database &db)
{
    QList<SchemaTable> out;
    SqlStatement tables(
        db, u"SELECT name, sql FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite!_%' ESCAPE '!' AND name <> 'schema_migrations' ORDER BY name"_s);
    if (auto r = tables.exec(); !r)
        return r.error();
    while (tables.next()) {
        SchemaTable t;
        t.name = tables.value(0).toString();
        t.hasSequence = tables.value(1).toString().contains(u"AUTOINCREMENT"_s, Qt::CaseInsensitive);
        out.append(t);
    }
    for (SchemaTable &t : out) {
        SqlStatement cols(db, u"SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid"_s);
        cols.bind(t.name);
        if (auto r = cols.exec(); !r)
            return r.error();
        QList<QPair<int, QString>> pk;
        while (cols.next()) {
            t.columns.append({cols.value(0).toString(), sqliteType(cols.value(1).toString())});
            if (const int k = cols.value(2).toInt(); k > 0)
                pk.append({k, cols.value(0).toString()});
        }
        std::sort(pk.begin(), pk.end());
        for (const auto &k : pk)
            t.primaryKey.append(k.second);
        SqlStatement refs(db, u"SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?) ORDER BY 1"_s);
        refs.bind(t.name);
        if (auto r = refs.exec(); !r)
            return r.error();
        while (refs.next())
            t.references.append(refs.value(0).toString());
    }
    return out;
}

QList<SchemaTable> dependencyOrder(QList<SchemaTable> tables)
{
    QList<SchemaTable> ordered;
    QSet<QString> placed;
    QSet<QString> names;
    for (const SchemaTable &t : tables)
        names.insert(t.name);
    while (!tables.isEmpty()) {
        bool progress = false;
        for (qsizetype i = 0; i < tables.size(); ++i) {
            bool ready = true;
            for (const QString &ref : std::as_const(tables[i].references)) {
                if (ref != tables[i].name && names.contains(ref) && !placed.contains(ref))
                    ready = false;
            }
            if (ready) {
                placed.insert(tables[i].name);
                ordered.append(tables.takeAt(i));
                progress = true;
                break; // keep name order among the ready ones
            }
        }
        if (!progress) // a cycle: the foreign keys are checked at commit anyway
            ordered.append(tables.takeFirst());
    }
    return ordered;
}

} // namespace

Result<QList<SchemaTable>> tables(Database &db)
{
    Result<QList<SchemaTable>> read = db.isPostgreSQL() ? readPg(db) : readSqlite(db);
    if (!read)
        return read.error();
    return dependencyOrder(read.value());
}

bool isReplacedOnRestore(const QString &table)
{
    // What the schema (or the application) fills by itself: its permissions per job kind,
    // the recurring jobs, and the maintenance defaults of migration 0014.
    return table == u"job_kind_roles" || table == u"recurring_jobs" || table == u"maintenance_rates" ||
           table == u"maintenance_targets";
}

QString quoted(const QString &identifier)
{
    QString q = identifier;
    q.replace(u'"', u"\"\""_s);
    return u'"' + q + u'"';
}

} // namespace SchemaInspector
