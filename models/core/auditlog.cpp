#include "models/core/auditlog.h"

#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

QJsonObject jsonObject(const QVariant &text)
{
    if (text.isNull())
        return {};
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

const QString kInsertHead = QStringLiteral(
    "INSERT INTO audit_entries (at, username, entity, entity_id, action, before, after, job_id)");

} // namespace

AuditLog::AuditLog(Database &db)
    : m_db(db)
{}

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
    // One statement and one bound JSON array per kBatch entries: a bulk change of
    // thousands of records costs a few statements, not one (or thousands of
    // parameters) per entry.
    constexpr qsizetype kBatch = 1000;
    const auto backend = m_db.config().backend;
    static const QList<QPair<QString, QString>> columns{
        {u"at"_s, u"BIGINT"_s},        {u"username"_s, u"TEXT"_s}, {u"entity"_s, u"TEXT"_s},
        {u"entity_id"_s, u"BIGINT"_s}, {u"action"_s, u"TEXT"_s},   {u"before"_s, u"TEXT"_s},
        {u"after"_s, u"TEXT"_s},       {u"job_id"_s, u"BIGINT"_s}};
    const QString sql =
        kInsertHead +
        u" SELECT x.at, x.username, x.entity, x.entity_id, x.action, x.before, x.after, x.job_id FROM "_s +
        Dialect::jsonRecordSource(backend, columns, u"x"_s);
    const qint64 now = nowMs();
    for (qsizetype start = 0; start < entries.size(); start += kBatch) {
        QJsonArray rows;
        for (qsizetype i = start; i < qMin(entries.size(), start + kBatch); ++i) {
            const AuditEntry &e = entries.at(i);
            rows.append(QJsonObject{
                {u"at"_s, e.atMs > 0 ? e.atMs : now},
                {u"username"_s, e.username},
                {u"entity"_s, e.entity},
                {u"entity_id"_s, e.entityId},
                {u"action"_s, e.action},
                {u"before"_s,
                 e.before.isEmpty()
                     ? QJsonValue(QJsonValue::Null)
                     : QJsonValue(QString::fromUtf8(QJsonDocument(e.before).toJson(QJsonDocument::Compact)))},
                {u"after"_s, e.after.isEmpty() ? QJsonValue(QJsonValue::Null)
                                               : QJsonValue(QString::fromUtf8(
                                                     QJsonDocument(e.after).toJson(QJsonDocument::Compact)))},
                {u"job_id"_s, e.jobId > 0 ? QJsonValue(e.jobId) : QJsonValue(QJsonValue::Null)}});
        }
        SqlStatement st(m_db, sql);
        st.bind(QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact)));
        if (auto r = st.exec(); !r)
            return r;
    }
    return {};
}

Result<QList<AuditEntry>> AuditLog::query(const QString &where, const QVariantList &values)
{
    SqlStatement st(
        m_db, QStringLiteral("SELECT id, at, username, entity, entity_id, action, before, after, job_id "
                             "FROM audit_entries WHERE ") +
                  where + QStringLiteral(" ORDER BY id"));
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
    SqlStatement st(m_db, entity.isEmpty()
                              ? QStringLiteral("SELECT COUNT(*) FROM audit_entries")
                              : QStringLiteral("SELECT COUNT(*) FROM audit_entries WHERE entity = ?"));
    if (!entity.isEmpty())
        st.bind(entity);
    if (auto r = st.exec(); !r)
        return r.error();
    return st.next() ? st.value(0).toLongLong() : qint64(0);
}
