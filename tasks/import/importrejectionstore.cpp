#include "tasks/import/importrejectionstore.h"

#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {
QString fieldsText(const QStringList &fields)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(fields)).toJson(QJsonDocument::Compact));
}

QStringList fieldsFromText(const QString &text)
{
    QStringList fields;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array())
        fields.append(v.toString());
    return fields;
}
} // namespace

ImportRejectionStore::ImportRejectionStore(Database &db)
    : m_db(db)
{}

VoidResult ImportRejectionStore::add(qint64 jobId, const QList<ImportRejection> &rows)
{
    if (rows.isEmpty())
        return {};
    // One statement, the rows as one bound JSON array (see Dialect::jsonRecordSource).
    QJsonArray array;
    for (const ImportRejection &row : rows)
        array.append(QJsonObject{
            {u"line"_s, row.line}, {u"reason"_s, row.reason}, {u"fields"_s, fieldsText(row.fields)}});
    SqlStatement st(
        m_db, u"INSERT INTO import_rejections (job_id, line, reason, fields) SELECT ?, v.line, v.reason, "
              "v.fields FROM "_s +
                  Dialect::jsonRecordSource(m_db.config().backend,
                                            {{u"line"_s, u"BIGINT"_s}, {u"reason"_s, u"TEXT"_s}, {u"fields"_s, u"TEXT"_s}},
                                            u"v"_s));
    st.bind(jobId).bind(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
    return st.exec();
}

Result<QList<ImportRejection>> ImportRejectionStore::page(qint64 jobId, qint64 afterLine, int limit)
{
    SqlStatement st(m_db, u"SELECT line, reason, fields FROM import_rejections WHERE job_id = ? AND line > ? "
                          "ORDER BY line LIMIT ?"_s);
    st.bind(jobId).bind(afterLine).bind(qMax(1, limit));
    if (VoidResult r = st.exec(); !r)
        return r.error();
    QList<ImportRejection> rows;
    while (st.next())
        rows.append(
            {st.value(0).toLongLong(), st.value(1).toString(), fieldsFromText(st.value(2).toString())});
    return rows;
}

Result<qint64> ImportRejectionStore::count(qint64 jobId)
{
    SqlStatement st(m_db, u"SELECT COUNT(*) FROM import_rejections WHERE job_id = ?"_s);
    st.bind(jobId);
    if (VoidResult r = st.exec(); !r)
        return r.error();
    return st.next() ? st.value(0).toLongLong() : qint64(0);
}
