#include "tasks/bulk/bulkjobstore.h"

#include "models/core/jsontext.h"
#include "models/core/recipientlanguage.h"
#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/lab/protocolrepository.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Ids per read when a filter's selection is frozen.
constexpr int kSelectionPage = 20000;

// A selection as stored: a JSON array of ids ("[3,4,9]").
QString selectionText(const QList<qint64> &ids)
{
    QString text;
    text.reserve(ids.size() * 8 + 2);
    text += QLatin1Char('[');
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i > 0)
            text += QLatin1Char(',');
        text += QString::number(ids.at(i));
    }
    text += QLatin1Char(']');
    return text;
}

// The ids of a stored selection above `afterId` (it is written in ascending order).
QList<qint64> parseSelection(QStringView text, qint64 afterId)
{
    QList<qint64> ids;
    qint64 value = 0;
    bool inNumber = false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= u'0' && u <= u'9') {
            value = value * 10 + (u - u'0');
            inNumber = true;
        } else if (inNumber) {
            if (value > afterId)
                ids.append(value);
            value = 0;
            inNumber = false;
        }
    }
    if (inNumber && value > afterId)
        ids.append(value);
    return ids;
}

// ISO-8601 UTC with milliseconds, as Dialect::now() writes times on SQLite.
QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s) + QLatin1Char('Z');
}

QDateTime readTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.metaType() == QMetaType::fromType<QDateTime>())
        return value.toDateTime().toUTC();
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

std::optional<Protocol::State> readState(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return Protocol::stateFromCode(value.toString());
}

} // namespace

BulkJobStore::BulkJobStore(Database &db)
    : m_db(db)
{}

Result<qint64> BulkJobStore::registerChange(qint64 jobId, Protocol::State to, const QList<qint64> &ids)
{
    QList<qint64> unique = ids;
    std::sort(unique.begin(), unique.end());
    unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
    if (auto r = SqlStatement::run(
            m_db,
            u"INSERT INTO bulk_jobs (job_id, to_state, undo_of, selection, selected, created_at) "
            "VALUES (?, ?, NULL, ?, ?, ?)"_s,
            {jobId, Protocol::stateCode(to), selectionText(unique), qint64(unique.size()),
             QDateTime::currentMSecsSinceEpoch()});
        !r)
        return r.error();
    return qint64(unique.size());
}

Result<qint64> BulkJobStore::registerChange(qint64 jobId, Protocol::State to, const ProtocolFilter &filter)
{
    // The repository walks the filter by ascending id (keyset pages, so a protocol
    // is read once even if rows change between pages); the ids it finds now are the
    // selection. Callers hold a transaction, so the job and its selection appear together.
    QList<qint64> ids;
    {
        ProtocolRepository protocols(m_db, Actor::systemUser());
        qint64 after = 0;
        for (;;) {
            const Result<QList<qint64>> page = protocols.idsAfter(filter, after, kSelectionPage);
            if (!page)
                return page.error();
            ids += page.value();
            if (page->size() < kSelectionPage)
                break;
            after = page->constLast();
        }
    }
    return registerChange(jobId, to, ids);
}

VoidResult BulkJobStore::registerUndo(qint64 jobId, qint64 undoOf, qint64 selected)
{
    Transaction tx(m_db); // a savepoint inside the caller's: a duplicate leaves it usable
    if (!tx.ok())
        return tx.error();
    if (auto r = SqlStatement::run(
            m_db,
            u"INSERT INTO bulk_jobs (job_id, to_state, undo_of, selection, selected, created_at) "
            "VALUES (?, NULL, ?, '[]', ?, ?)"_s,
            {jobId, undoOf, selected, QDateTime::currentMSecsSinceEpoch()});
        !r) {
        tx.rollback();
        if (r.error().code != DbError::Code::Duplicate)
            return r;
        const Result<std::optional<BulkJobInfo>> original = info(undoOf);
        const qint64 by = original && original.value() ? original.value()->undoneBy : 0;
        return DbError(DbError::Code::Duplicate,
                       by > 0 ? tr("Job %1 was already undone by job %2.").arg(undoOf).arg(by)
                              : tr("Job %1 was already undone.").arg(undoOf),
                       r.error().detail);
    }
    return tx.commit();
}

Result<std::optional<BulkJobInfo>> BulkJobStore::info(qint64 jobId)
{
    SqlStatement st(m_db, u"SELECT b.job_id, b.to_state, b.undo_of, b.selected, "
                          "(SELECT u.job_id FROM bulk_jobs u WHERE u.undo_of = b.job_id) "
                          "FROM bulk_jobs b WHERE b.job_id = ?"_s);
    st.bind(jobId);
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return std::optional<BulkJobInfo>();
    BulkJobInfo info;
    info.jobId = st.value(0).toLongLong();
    info.to = readState(st.value(1));
    info.undoOf = st.value(2).isNull() ? 0 : st.value(2).toLongLong();
    info.selected = st.value(3).toLongLong();
    info.undoneBy = st.value(4).isNull() ? 0 : st.value(4).toLongLong();
    return std::optional<BulkJobInfo>(info);
}

Result<QList<qint64>> BulkJobStore::selection(qint64 jobId, qint64 afterId)
{
    SqlStatement st(m_db, u"SELECT selection FROM bulk_jobs WHERE job_id = ?"_s);
    st.bind(jobId);
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return QList<qint64>();
    return parseSelection(st.value(0).toString(), afterId);
}

Result<QHash<qint64, BulkJobStore::Recipient>> BulkJobStore::recipients(const QList<qint64> &protocolIds)
{
    QHash<qint64, Recipient> out;
    if (protocolIds.isEmpty())
        return out;
    const auto backend = m_db.config().backend;
    SqlStatement st(
        m_db, u"SELECT p.id, p.number, p.species, p.animal_id, c.name, c.email, c.language FROM protocols p "
              "JOIN clients c ON c.id = p.client_id WHERE "_s +
                  Dialect::inIdList(backend, u"p.id"_s));
    st.bind(Dialect::idListValue(backend, protocolIds));
    if (auto r = st.exec(); !r)
        return r.error();
    out.reserve(protocolIds.size());
    while (st.next()) {
        Recipient r;
        r.protocolId = st.value(0).toLongLong();
        r.number = st.value(1).toString();
        r.species = st.value(2).toString();
        r.animalId = st.value(3).toString();
        r.clientName = st.value(4).toString();
        r.email = st.value(5).toString().trimmed();
        r.language = RecipientLanguage::fromSql(st.value(6));
        out.insert(r.protocolId, r);
    }
    return out;
}

VoidResult BulkJobStore::addItems(const QList<BulkItem> &items)
{
    static const QList<QPair<QString, QString>> columns{{u"job_id"_s, u"BIGINT"_s},
                                                        {u"protocol_id"_s, u"BIGINT"_s},
                                                        {u"protocol_number"_s, u"TEXT"_s},
                                                        {u"outcome"_s, u"TEXT"_s},
                                                        {u"reason"_s, u"TEXT"_s},
                                                        {u"note"_s, u"TEXT"_s},
                                                        {u"before_state"_s, u"TEXT"_s},
                                                        {u"after_state"_s, u"TEXT"_s},
                                                        {u"before_version"_s, u"INTEGER"_s},
                                                        {u"after_version"_s, u"INTEGER"_s},
                                                        {u"before_received_at"_s, u"TIMESTAMPTZ"_s}};
    const QString sql =
        u"INSERT INTO bulk_job_items (job_id, protocol_id, protocol_number, outcome, reason, note, "
        u"before_state, "
        "after_state, before_version, after_version, before_received_at) SELECT x.job_id, x.protocol_id, "
        "x.protocol_number, x.outcome, x.reason, x.note, x.before_state, x.after_state, x.before_version, "
        "x.after_version, x.before_received_at FROM "_s +
        Dialect::jsonArrayRowsSource(m_db.config().backend, columns, u"x"_s);
    constexpr qsizetype kBatch = 2000;
    for (qsizetype start = 0; start < items.size(); start += kBatch) {
        const qsizetype end = qMin(items.size(), start + kBatch);
        QString rows;
        rows.reserve((end - start) * 200);
        rows += QLatin1Char('[');
        for (qsizetype i = start; i < end; ++i) {
            const BulkItem &item = items.at(i);
            if (i > start)
                rows += QLatin1Char(',');
            // In the order of `columns`.
            rows += QLatin1Char('[');
            rows += QString::number(item.jobId);
            rows += QLatin1Char(',');
            rows += QString::number(item.protocolId);
            rows += QLatin1Char(',');
            JsonText::appendString(rows, item.number);
            rows += QLatin1String(",\"");
            rows += BulkItem::outcomeCode(item.outcome);
            rows += QLatin1String("\",");
            JsonText::appendString(rows, item.reason);
            rows += QLatin1Char(',');
            JsonText::appendString(rows, item.note);
            rows += QLatin1Char(',');
            JsonText::appendStringOrNull(rows, item.beforeState ? Protocol::stateCode(*item.beforeState)
                                                                : QString());
            rows += QLatin1Char(',');
            JsonText::appendStringOrNull(rows,
                                         item.afterState ? Protocol::stateCode(*item.afterState) : QString());
            rows += QLatin1Char(',');
            rows += item.beforeVersion > 0 ? QString::number(item.beforeVersion) : QStringLiteral("null");
            rows += QLatin1Char(',');
            rows += item.afterVersion > 0 ? QString::number(item.afterVersion) : QStringLiteral("null");
            rows += QLatin1Char(',');
            JsonText::appendStringOrNull(
                rows, item.beforeReceivedAt.isValid() ? timeText(item.beforeReceivedAt) : QString());
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

Result<QList<BulkItem>> BulkJobStore::items(qint64 jobId, const ItemFilter &filter)
{
    QString sql =
        u"SELECT job_id, protocol_id, protocol_number, outcome, reason, note, before_state, after_state, "
        "before_version, after_version, before_received_at FROM bulk_job_items "
        "WHERE job_id = ? AND protocol_id > ?"_s;
    if (filter.outcome)
        sql += u" AND outcome = ?"_s;
    sql += u" ORDER BY protocol_id LIMIT ?"_s;
    SqlStatement st(m_db, sql);
    st.bind(jobId).bind(filter.afterProtocolId);
    if (filter.outcome)
        st.bind(BulkItem::outcomeCode(*filter.outcome));
    st.bind(qMax(1, filter.limit));
    if (auto r = st.exec(); !r)
        return r.error();
    QList<BulkItem> items;
    while (st.next()) {
        BulkItem item;
        item.jobId = st.value(0).toLongLong();
        item.protocolId = st.value(1).toLongLong();
        item.number = st.value(2).toString();
        item.outcome = BulkItem::outcomeFromCode(st.value(3).toString()).value_or(BulkItem::Outcome::Failed);
        item.reason = st.value(4).toString();
        item.note = st.value(5).toString();
        item.beforeState = readState(st.value(6));
        item.afterState = readState(st.value(7));
        item.beforeVersion = st.value(8).isNull() ? 0 : st.value(8).toInt();
        item.afterVersion = st.value(9).isNull() ? 0 : st.value(9).toInt();
        item.beforeReceivedAt = readTime(st.value(10));
        items.append(std::move(item));
    }
    return items;
}

Result<QHash<BulkItem::Outcome, qint64>> BulkJobStore::counts(qint64 jobId)
{
    SqlStatement st(m_db,
                    u"SELECT outcome, COUNT(*) FROM bulk_job_items WHERE job_id = ? GROUP BY outcome"_s);
    st.bind(jobId);
    if (auto r = st.exec(); !r)
        return r.error();
    QHash<BulkItem::Outcome, qint64> counts;
    for (const BulkItem::Outcome o :
         {BulkItem::Outcome::Changed, BulkItem::Outcome::Skipped, BulkItem::Outcome::Failed})
        counts.insert(o, 0);
    while (st.next()) {
        if (const auto o = BulkItem::outcomeFromCode(st.value(0).toString()))
            counts.insert(*o, st.value(1).toLongLong());
    }
    return counts;
}
