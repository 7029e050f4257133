#include "models/core/auditlog.h"

#include "models/core/batchinsert.h"
#include "models/db/database.h"
#include "models/db/sqlstatement.h"

#include <QDateTime>
#include <QJsonDocument>

namespace {

QVariant jsonText(const QJsonObject &object)
{
    if (object.isEmpty())
        return QVariant(QMetaType::fromType<QString>());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QVariant &text)
{
    if (text.isNull())
        return {};
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

QVariant jobValue(qint64 jobId)
{
    return jobId > 0 ? QVariant(jobId) : QVariant(QMetaType::fromType<qint64>());
}

const QString kInsertHead =
    QStringLiteral("INSERT INTO audit_entries (at, username, entity, entity_id, action, before, after, job_id)");

} // namespace

AuditLog::AuditLog(Database &db)
    : m_db(db)
{
}

qint64 AuditLog::nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

VoidResult AuditLog::write(const AuditEntry &entry)
{
    return writeMany({entry});
}

VoidResult AuditLog::writeMany(const QList<AuditEntry> &entries)
{
    BatchInsert insert(m_db, kInsertHead, 8);
    for (const AuditEntry &e : entries) {
        if (auto r = insert.add({e.atMs > 0 ? e.atMs : nowMs(), e.username, e.entity, e.entityId, e.action,
                                 jsonText(e.before), jsonText(e.after), jobValue(e.jobId)});
            !r)
            return r;
    }
    return insert.flush();
}

Result<QList<AuditEntry>> AuditLog::query(const QString &where, const QVariantList &values)
{
    SqlStatement st(m_db, QStringLiteral("SELECT id, at, username, entity, entity_id, action, before, after, job_id "
                                         "FROM audit_entries WHERE ")
                              + where + QStringLiteral(" ORDER BY id"));
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
        e.jobId = st.value(8).isNull() ? 0 : st.value(8).toLongLong();
        entries.append(e);
    }
    return entries;
}

Result<QList<AuditEntry>> AuditLog::forEntity(const QString &entity, qint64 entityId)
{
    return query(QStringLiteral("entity = ? AND entity_id = ?"), {entity, entityId});
}

Result<QList<AuditEntry>> AuditLog::forJob(qint64 jobId)
{
    return query(QStringLiteral("job_id = ?"), {jobId});
}

Result<qint64> AuditLog::count(const QString &entity)
{
    SqlStatement st(m_db, entity.isEmpty() ? QStringLiteral("SELECT COUNT(*) FROM audit_entries")
                                           : QStringLiteral("SELECT COUNT(*) FROM audit_entries WHERE entity = ?"));
    if (!entity.isEmpty())
        st.bind(entity);
    if (auto r = st.exec(); !r)
        return r.error();
    return st.next() ? st.value(0).toLongLong() : qint64(0);
}
