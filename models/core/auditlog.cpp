#include "models/core/auditlog.h"

#include "models/db/database.h"
#include "models/db/sqlstatement.h"
#include "models/housing/sqlhelpers_p.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace HousingSql;

namespace {

QJsonObject jsonObject(const QVariant &text)
{
    if (text.isNull())
        return {};
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

const QString kSelect =
    QStringLiteral("SELECT id, at, username, entity, entity_id, action, before, after, job_id, "
                   "session_login, record_key FROM audit_entries");

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

Where filterWhere(const AuditFilter &filter)
{
    Where where;
    if (!filter.entity.trimmed().isEmpty())
        where.add(u"entity = ?"_s, {AuditLog::entityOf(filter.entity.trimmed())});
    if (!filter.username.trimmed().isEmpty())
        where.add(u"username = ?"_s, {filter.username.trimmed()});
    if (const QString record = filter.record.trimmed(); !record.isEmpty()) {
        bool numeric = false;
        const qint64 id = record.toLongLong(&numeric);
        if (numeric)
            where.add(u"entity_id = ?"_s, {id});
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
    SqlStatement st(m_db, kSelect + where + tail);
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
        if (!e.before.isEmpty() && !e.after.isEmpty()) {
            // A change: only what it changed (see AuditEntry).
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

Result<QList<AuditEntry>> AuditLog::forEntity(const QString &entity, qint64 entityId)
{
    return query(u" WHERE entity = ? AND entity_id = ?"_s, {entity, entityId});
}

Result<QList<AuditEntry>> AuditLog::forJob(qint64 jobId)
{
    return query(u" WHERE job_id = ?"_s, {jobId});
}

Result<qint64> AuditLog::count(const QString &entity)
{
    SqlStatement st(m_db, entity.isEmpty()
                              ? QStringLiteral("SELECT COUNT(*) FROM audit_entries")
                              : QStringLiteral("SELECT COUNT(*) FROM audit_entries WHERE entity = ?"));
    if (!entity.isEmpty())
        st.bind(entity);
    if (auto r = st.exec(); !r)
        return r.error();
    return st.next() ? st.value(0).toLongLong() : qint64(0);
}

Result<QList<AuditEntry>> AuditLog::page(const AuditFilter &filter, const PageRequest &request)
{
    const QString sortExpr = sortExpression(request.sortColumn);
    Where where = filterWhere(filter);
    if (request.hasCursor) {
        if (sortExpr == u"id"_s) {
            where.add(request.order == Qt::DescendingOrder ? u"id < ?"_s : u"id > ?"_s, {request.afterId});
        } else {
            where.addCursor(sortExpr, u"id"_s, request);
        }
    }
    QVariantList values = where.values;
    values << qMax(1, request.limit);
    const QString order = sortExpr == u"id"_s ? (request.order == Qt::DescendingOrder ? u" ORDER BY id DESC"_s
                                                                                      : u" ORDER BY id"_s)
                                              : orderBy(sortExpr, u"id"_s, request.order);
    return query(where.sql(), values, order + u" LIMIT ?"_s);
}

Result<qint64> AuditLog::count(const AuditFilter &filter)
{
    const Where where = filterWhere(filter);
    return scalarCount(m_db, u"SELECT COUNT(*) FROM audit_entries"_s + where.sql(), where.values);
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
