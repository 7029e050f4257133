#include "models/core/auditlog.h"

#include "models/db/database.h"
#include "models/db/sqlstatement.h"
#include "models/housing/sqlhelpers_p.h"

#include <QJsonDocument>
#include <QStringList>

using namespace Qt::StringLiterals;
using namespace HousingSql;

namespace {

QJsonObject jsonObject(const QVariant &text)
{
    if (text.isNull())
        return {};
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

const QString kColumns =
    QStringLiteral("SELECT id, at, username, entity, entity_id, action, before, after, job_id, "
                   "session_login, record_key FROM ");

// SQLite: a table of one row per record. PostgreSQL: batches of one statement's records
// (migration 0031) unnested here rather than through the view audit_entries, so that a
// filter or an order can use the batches' own columns and indexes: `batch` and `ord`
// order the entries as their ids do (an entry's id is its batch's plus its place in
// it); batch_ids and batch_keys find a record's batches through their GIN index.
const QString kSqliteFrom = QStringLiteral("audit_entries");
const QString kPgFrom =
    QStringLiteral("(SELECT b.id + e.ord - 1 AS id, b.id AS batch, e.ord, b.at, b.username, b.entity, "
                   "e.entity_id, e.action, "
                   "e.before, e.after, b.job_id, b.session_login, e.record_key, b.entity_ids AS batch_ids, "
                   "b.record_keys AS batch_keys "
                   "FROM audit_batches b CROSS JOIN LATERAL unnest(b.entity_ids, b.actions, b.befores, "
                   "b.afters, b.record_keys) "
                   "WITH ORDINALITY AS e(entity_id, action, before, after, record_key, ord)) a");
// The bookkeeping columns a change entry leaves out: every update changes them, and the
// entry's own time and person say when and by whom. PostgreSQL's UPDATE triggers leave
// out the same ones when they write before and after (migration 0033_audit_update_text);
// SQLite's triggers, maintenance's (whole rows) and entries from before 0033 hold them.
const QStringList kBookkeeping{u"version"_s, u"updated_at"_s, u"updated_by"_s};
// How many entries a batch holds at most, and so how far its id is from its entries'
// (migration 0031).
constexpr qint64 kBatchSpan = 65536;

// Table → entity, as the triggers name them (0012_audit*.sql).
const QList<QPair<QString, QString>> &tableEntities()
{
    static const QList<QPair<QString, QString>> map{
        {u"buildings"_s, u"building"_s},     {u"rooms"_s, u"room"_s},
        {u"residents"_s, u"resident"_s},     {u"allocations"_s, u"allocation"_s},
        {u"clients"_s, u"client"_s},         {u"protocols"_s, u"protocol"_s},
        {u"work_orders"_s, u"work_order"_s}, {u"work_order_analyses"_s, u"work_order_analysis"_s},
        {u"reports"_s, u"report"_s},         {u"report_results"_s, u"report_result"_s},
        {u"people"_s, u"person"_s}};
    return map;
}

// Fixed SQL per sort column: nothing from the caller reaches the text.
QString sortExpression(int column)
{
    switch (column) {
    case AuditLog::Person:
        return u"username"_s;
    case AuditLog::Login:
        return u"COALESCE(session_login, '')"_s;
    case AuditLog::Entity:
        return u"entity"_s;
    case AuditLog::Record:
        return u"entity_id"_s;
    case AuditLog::Action:
        return u"action"_s;
    case AuditLog::Job:
        return u"COALESCE(job_id, 0)"_s;
    case AuditLog::Time:
    default:
        return u"id"_s; // ids grow with time
    }
}

// Whether the filter reads a record's own columns, not only its batch's (PostgreSQL: a
// count without it adds up the batches' lengths instead of unnesting them).
bool filtersRecords(const AuditFilter &filter)
{
    return !filter.record.trimmed().isEmpty();
}

Where filterWhere(const AuditFilter &filter, bool pg)
{
    Where where;
    if (!filter.entity.trimmed().isEmpty())
        where.add(u"entity = ?"_s, {AuditLog::entityOf(filter.entity.trimmed())});
    if (!filter.username.trimmed().isEmpty())
        where.add(u"username = ?"_s, {filter.username.trimmed()});
    if (const QString record = filter.record.trimmed(); !record.isEmpty()) {
        bool numeric = false;
        const qint64 id = record.toLongLong(&numeric);
        if (numeric && pg)
            where.add(u"entity_id = ? AND batch_ids @> ARRAY[CAST(? AS bigint)]"_s, {id, id});
        else if (numeric)
            where.add(u"entity_id = ?"_s, {id});
        else if (pg)
            where.add(u"record_key = ? AND batch_keys @> ARRAY[CAST(? AS text)]"_s, {record, record});
        else
            where.add(u"record_key = ?"_s, {record});
    }
    if (filter.fromMs > 0)
        where.add(u"at >= ?"_s, {filter.fromMs});
    if (filter.toMs > 0)
        where.add(u"at < ?"_s, {filter.toMs});
    if (filter.jobId > 0)
        where.add(u"job_id = ?"_s, {filter.jobId});
    return where;
}

} // namespace

AuditLog::AuditLog(Database &db)
    : m_db(db)
{}

QString AuditLog::entityOf(const QString &tableOrEntity)
{
    for (const auto &[table, entity] : tableEntities()) {
        if (table == tableOrEntity)
            return entity;
    }
    return tableOrEntity;
}

QStringList AuditLog::entities()
{
    QStringList list;
    for (const auto &pair : tableEntities())
        list << pair.second;
    return list;
}

Result<QList<AuditEntry>> AuditLog::query(const QString &where, const QVariantList &values,
                                          const QString &tail)
{
    SqlStatement st(m_db, kColumns + (m_db.isPostgreSQL() ? kPgFrom : kSqliteFrom) + where + tail);
    for (const QVariant &v : values)
        st.bind(v);
    if (auto r = st.exec(); !r)
        return r.error();
    QList<AuditEntry> entries;
    while (st.next()) {
        AuditEntry e;
        e.id = st.value(0).toLongLong();
        e.atMs = st.value(1).toLongLong();
        e.username = st.value(2).toString();
        e.entity = st.value(3).toString();
        e.entityId = st.value(4).toLongLong();
        e.action = st.value(5).toString();
        e.before = jsonObject(st.value(6));
        e.after = jsonObject(st.value(7));
        if (!st.value(6).isNull() && !st.value(7).isNull()) {
            // A change: only what it changed, without the bookkeeping (see AuditEntry).
            for (const QString &key : kBookkeeping) {
                e.before.remove(key);
                e.after.remove(key);
            }
            for (const QString &key : e.before.keys()) {
                if (e.after.contains(key) && e.after.value(key) == e.before.value(key)) {
                    e.before.remove(key);
                    e.after.remove(key);
                }
            }
        }
        e.jobId = st.value(8).isNull() ? 0 : st.value(8).toLongLong();
        e.sessionLogin = st.value(9).toString();
        e.recordKey = st.value(10).toString();
        entries.append(e);
    }
    return entries;
}

QString AuditLog::idOrder(Qt::SortOrder order) const
{
    const bool descending = order == Qt::DescendingOrder;
    if (m_db.isPostgreSQL())
        return descending ? u" ORDER BY batch DESC, ord DESC"_s : u" ORDER BY batch, ord"_s;
    return descending ? u" ORDER BY id DESC"_s : u" ORDER BY id"_s;
}

Result<QList<AuditEntry>> AuditLog::forEntity(const QString &entity, qint64 entityId)
{
    AuditFilter filter;
    filter.entity = entity;
    filter.record = QString::number(entityId);
    const Where where = filterWhere(filter, m_db.isPostgreSQL());
    return query(where.sql(), where.values, idOrder(Qt::AscendingOrder));
}

Result<QList<AuditEntry>> AuditLog::forJob(qint64 jobId)
{
    return query(u" WHERE job_id = ?"_s, {jobId}, idOrder(Qt::AscendingOrder));
}

Result<qint64> AuditLog::count(const QString &entity)
{
    AuditFilter filter;
    filter.entity = entity;
    return count(filter);
}

Result<QList<AuditEntry>> AuditLog::page(const AuditFilter &filter, const PageRequest &request)
{
    const bool pg = m_db.isPostgreSQL();
    const QString sortExpr = sortExpression(request.sortColumn);
    Where where = filterWhere(filter, pg);
    if (request.hasCursor) {
        if (sortExpr == u"id"_s) {
            const bool descending = request.order == Qt::DescendingOrder;
            where.add(descending ? u"id < ?"_s : u"id > ?"_s, {request.afterId});
            // The batches before the cursor's: by the batches' key, at their index.
            if (pg)
                where.add(descending ? u"batch < ?"_s : u"batch > ?"_s,
                          {descending ? request.afterId : request.afterId - kBatchSpan});
        } else {
            where.addCursor(sortExpr, u"id"_s, request);
        }
    }
    QVariantList values = where.values;
    values << qMax(1, request.limit);
    const QString order =
        sortExpr == u"id"_s ? idOrder(request.order) : orderBy(sortExpr, u"id"_s, request.order);
    return query(where.sql(), values, order + u" LIMIT ?"_s);
}

Result<qint64> AuditLog::count(const AuditFilter &filter)
{
    const bool pg = m_db.isPostgreSQL();
    const Where where = filterWhere(filter, pg);
    if (pg && !filtersRecords(filter)) {
        // Every condition is a batch's: its records counted without unnesting them.
        return scalarCount(
            m_db, u"SELECT COALESCE(SUM(cardinality(entity_ids)), 0) FROM audit_batches"_s + where.sql(),
            where.values);
    }
    return scalarCount(m_db, u"SELECT COUNT(*) FROM "_s + (pg ? kPgFrom : kSqliteFrom) + where.sql(),
                       where.values);
}

QVariant AuditLog::sortValue(const AuditEntry &entry, int column)
{
    switch (column) {
    case Person:
        return entry.username;
    case Login:
        return entry.sessionLogin;
    case Entity:
        return entry.entity;
    case Record:
        return entry.entityId;
    case Action:
        return entry.action;
    case Job:
        return entry.jobId;
    case Time:
    default:
        return entry.id;
    }
}
