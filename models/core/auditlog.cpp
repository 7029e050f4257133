#include "models/core/auditlog.h"

#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"

#include <QDateTime>
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

namespace {

// Appends `text` as a JSON string literal, writing straight into `out`'s buffer (a bulk
// change escapes thousands of these; temporaries per character cost more than the
// database's work).
void appendJsonString(QString &out, QStringView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    const qsizetype start = out.size();
    out.resize(start + 2 + 6 * text.size()); // the worst case: every character as \u00XX
    QChar *p = out.data() + start;
    *p++ = u'"';
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'\\') {
            *p++ = u'\\';
            *p++ = c;
        } else if (u < 0x20) {
            *p++ = u'\\';
            *p++ = u'u';
            *p++ = u'0';
            *p++ = u'0';
            *p++ = QLatin1Char(hex[u >> 4]);
            *p++ = QLatin1Char(hex[u & 0xf]);
        } else {
            *p++ = c;
        }
    }
    *p++ = u'"';
    out.resize(p - out.constData());
}

QString objectText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void appendNullableString(QString &out, const QString &text)
{
    if (text.isEmpty())
        out += QLatin1String("null");
    else
        appendJsonString(out, text);
}

} // namespace

VoidResult AuditLog::writeMany(const QList<AuditEntry> &entries)
{
    // One statement and one bound JSON array (of arrays: PostgreSQL reads them several
    // times faster than objects) per kBatch entries: a bulk change of thousands of
    // records costs a few statements, not one (or thousands of parameters) per entry.
    // The array is written as text directly (a QJsonArray of QJsonObjects costs
    // several times more than the database's work).
    constexpr qsizetype kBatch = 1000;
    const auto backend = m_db.config().backend;
    static const QList<QPair<QString, QString>> columns{
        {u"at"_s, u"BIGINT"_s},        {u"username"_s, u"TEXT"_s}, {u"entity"_s, u"TEXT"_s},
        {u"entity_id"_s, u"BIGINT"_s}, {u"action"_s, u"TEXT"_s},   {u"before"_s, u"TEXT"_s},
        {u"after"_s, u"TEXT"_s},       {u"job_id"_s, u"BIGINT"_s}};
    const QString sql =
        kInsertHead +
        u" SELECT x.at, x.username, x.entity, x.entity_id, x.action, x.before, x.after, x.job_id FROM "_s +
        Dialect::jsonArrayRowsSource(backend, columns, u"x"_s);
    const qint64 now = nowMs();
    for (qsizetype start = 0; start < entries.size(); start += kBatch) {
        const qsizetype end = qMin(entries.size(), start + kBatch);
        QString rows;
        rows.reserve((end - start) * 256);
        rows += QLatin1Char('[');
        for (qsizetype i = start; i < end; ++i) {
            const AuditEntry &e = entries.at(i);
            if (i > start)
                rows += QLatin1Char(',');
            rows += QLatin1Char('[');
            rows += QString::number(e.atMs > 0 ? e.atMs : now);
            rows += QLatin1Char(',');
            appendJsonString(rows, e.username);
            rows += QLatin1Char(',');
            appendJsonString(rows, e.entity);
            rows += QLatin1Char(',');
            rows += QString::number(e.entityId);
            rows += QLatin1Char(',');
            appendJsonString(rows, e.action);
            rows += QLatin1Char(',');
            appendNullableString(rows, !e.beforeJson.isEmpty() ? e.beforeJson
                                       : e.before.isEmpty()    ? QString()
                                                               : objectText(e.before));
            rows += QLatin1Char(',');
            appendNullableString(rows, !e.afterJson.isEmpty() ? e.afterJson
                                       : e.after.isEmpty()    ? QString()
                                                              : objectText(e.after));
            rows += QLatin1Char(',');
            rows += e.jobId > 0 ? QString::number(e.jobId) : QStringLiteral("null");
            rows += QLatin1Char(']');
        }
        rows += QLatin1Char(']');
        SqlStatement st(m_db, sql);
        st.bind(rows);
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
