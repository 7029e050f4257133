#include "tasks/import/importrejectionstore.h"

#include "models/db/database.h"
#include "models/db/sqlstatement.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {
// Rows per INSERT: a few, not hundreds (Qt's SQLite driver binds in quadratic time in
// the number of parameters of one statement; see residentimporter.cpp).
constexpr qsizetype kRowsPerStatement = 50;

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
    for (qsizetype from = 0; from < rows.size(); from += kRowsPerStatement) {
        const qsizetype count = qMin(kRowsPerStatement, rows.size() - from);
        QString sql = u"INSERT INTO import_rejections (job_id, line, reason, fields) VALUES "_s;
        for (qsizetype i = 0; i < count; ++i)
            sql += i == 0 ? u"(?, ?, ?, ?)"_s : u", (?, ?, ?, ?)"_s;
        SqlStatement st(m_db, sql);
        for (qsizetype i = from; i < from + count; ++i) {
            const ImportRejection &row = rows.at(i);
            st.bind(jobId).bind(row.line).bind(row.reason).bind(fieldsText(row.fields));
        }
        if (VoidResult r = st.exec(); !r)
            return r;
    }
    return {};
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
