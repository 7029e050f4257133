#include "tasks/pdf/pdfcachestore.h"

#include "models/db/database.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"

using namespace Qt::StringLiterals;

PdfCacheStore::PdfCacheStore(Database &db, const JobClock &clock)
    : m_db(db)
    , m_clock(clock)
{}

Result<std::optional<PdfCacheStore::Row>> PdfCacheStore::get(const PdfCacheKey &key)
{
    SqlStatement st(m_db, u"SELECT content, sha256, size, last_used_at FROM pdf_cache WHERE cache_key = ?"_s);
    st.bind(key.toString());
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return std::optional<Row>();
    Row row;
    row.content = st.value(0).toByteArray();
    row.sha256 = st.value(1).toString().toLatin1();
    row.size = st.value(2).toLongLong();
    row.lastUsedAt = st.value(3).toLongLong();
    return std::optional<Row>(std::move(row));
}

Result<PdfCacheStore::PutOutcome> PdfCacheStore::put(const PdfCacheKey &key, const QByteArray &content,
                                                     const QByteArray &sha256)
{
    if (!key.isValid())
        return DbError(DbError::Code::Validation,
                       tr("The PDF cache key \"%1\" is not valid.").arg(key.toString()));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    if (m_db.isPostgreSQL()) {
        // Serialises stores of one entity across desktops until the commit.
        if (auto r = SqlStatement::run(m_db, u"SELECT pg_advisory_xact_lock(hashtextextended(?, 7305862))"_s,
                                       {u"pdf_cache/%1/%2"_s.arg(key.entity).arg(key.entityId)});
            !r)
            return r.error();
    }
    SqlStatement existing(m_db, u"SELECT cache_key FROM pdf_cache WHERE entity = ? AND entity_id = ?"_s);
    existing.bind(key.entity).bind(key.entityId);
    if (auto r = existing.exec(); !r)
        return r.error();
    const QString keyText = key.toString();
    bool alreadyStored = false;
    while (existing.next()) {
        const QString other = existing.value(0).toString();
        if (other == keyText) {
            alreadyStored = true;
        } else if (const std::optional<PdfCacheKey> parsed = PdfCacheKey::parse(other);
                   parsed && parsed->supersedes(key)) {
            tx.rollback();
            return PutOutcome::NewerStored;
        }
    }
    existing.finish();
    const qint64 now = m_clock.nowMs();
    if (alreadyStored) {
        if (auto r = SqlStatement::run(m_db, u"UPDATE pdf_cache SET last_used_at = ? WHERE cache_key = ?"_s,
                                       {now, keyText});
            !r)
            return r.error();
    } else {
        if (auto r = SqlStatement::run(m_db, u"DELETE FROM pdf_cache WHERE entity = ? AND entity_id = ?"_s,
                                       {key.entity, key.entityId});
            !r)
            return r.error();
        SqlStatement insert(m_db, u"INSERT INTO pdf_cache (cache_key, entity, entity_id, content_version, "
                                  "template_version, content, sha256, size, created_at, last_used_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        insert.bind(keyText)
            .bind(key.entity)
            .bind(key.entityId)
            .bind(key.contentVersion)
            .bind(key.templateVersion);
        insert.bind(content)
            .bind(QString::fromLatin1(sha256))
            .bind(qint64(content.size()))
            .bind(now)
            .bind(now);
        if (auto r = insert.exec(); !r)
            return r.error();
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return alreadyStored ? PutOutcome::AlreadyStored : PutOutcome::Inserted;
}

VoidResult PdfCacheStore::touch(const PdfCacheKey &key)
{
    return SqlStatement::run(m_db, u"UPDATE pdf_cache SET last_used_at = ? WHERE cache_key = ?"_s,
                             {m_clock.nowMs(), key.toString()});
}

VoidResult PdfCacheStore::remove(const PdfCacheKey &key)
{
    return SqlStatement::run(m_db, u"DELETE FROM pdf_cache WHERE cache_key = ?"_s, {key.toString()});
}

Result<int> PdfCacheStore::removeEntity(const QString &entity, qint64 entityId)
{
    SqlStatement st(m_db, u"DELETE FROM pdf_cache WHERE entity = ? AND entity_id = ?"_s);
    st.bind(entity).bind(entityId);
    if (auto r = st.exec(); !r)
        return r.error();
    return st.numRowsAffected();
}

Result<int> PdfCacheStore::pruneUnusedSince(qint64 ms)
{
    SqlStatement st(m_db, u"DELETE FROM pdf_cache WHERE last_used_at < ?"_s);
    st.bind(ms);
    if (auto r = st.exec(); !r)
        return r.error();
    return st.numRowsAffected();
}
