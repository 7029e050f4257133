#include "models/housing/registrarflagrepository.h"

#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace {

// The ids as one bound JSON array of strings (Dialect::jsonTextList); ids compare as
// their decimal text, the same on both backends.
QString idList(const QList<qint64> &ids)
{
    QString text = u"["_s;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i > 0)
            text += u',';
        text += u'"' + QString::number(ids.at(i)) + u'"';
    }
    return text + u']';
}

} // namespace

RegistrarFlagRepository::RegistrarFlagRepository(Database &db, Actor actor)
    : m_db(db)
    , m_actor(std::move(actor))
{}

Result<QList<RegistrarFlag>> RegistrarFlagRepository::list(bool includeReviewed)
{
    SqlStatement st(m_db, u"SELECT f.id, f.flagged_at, f.job_id, f.reviewed_at, f.reviewed_by, r.id, r.student_id, "
                          "r.first_name, r.last_name, r.email, r.phone, r.status, r.version "
                          "FROM registrar_flags f JOIN residents r ON r.id = f.resident_id "_s +
                              (includeReviewed ? u""_s : u"WHERE f.reviewed_at IS NULL "_s) +
                              u"ORDER BY r.student_id, f.id"_s);
    if (VoidResult r = st.exec(); !r)
        return r.error();
    QList<RegistrarFlag> out;
    while (st.next()) {
        RegistrarFlag flag;
        flag.id = st.value(0).toLongLong();
        flag.flaggedAt = st.value(1).toLongLong();
        flag.jobId = st.value(2).toLongLong();
        flag.reviewedAt = st.value(3).toLongLong();
        flag.reviewedBy = st.value(4).toString();
        Resident &r = flag.resident;
        r.id = st.value(5).toLongLong();
        r.studentId = st.value(6).toString();
        r.firstName = st.value(7).toString();
        r.lastName = st.value(8).toString();
        r.email = st.value(9).toString();
        r.phone = st.value(10).toString();
        r.status = Resident::statusFromCode(st.value(11).toString()).value_or(Resident::Status::Active);
        r.version = st.value(12).toInt();
        out.append(flag);
    }
    return out;
}

Result<qint64> RegistrarFlagRepository::countOpen()
{
    SqlStatement st(m_db, u"SELECT COUNT(*) FROM registrar_flags WHERE reviewed_at IS NULL"_s);
    if (VoidResult r = st.exec(); !r)
        return r.error();
    return st.next() ? st.value(0).toLongLong() : 0;
}

Result<int> RegistrarFlagRepository::markReviewed(const QList<qint64> &flagIds, qint64 nowMs)
{
    if (flagIds.isEmpty())
        return 0;
    SqlStatement st(m_db, u"UPDATE registrar_flags SET reviewed_at = ?, reviewed_by = ? "
                          "WHERE reviewed_at IS NULL AND CAST(id AS TEXT) IN "_s +
                              Dialect::jsonTextList(m_db.config().backend));
    st.bind(nowMs).bind(m_actor.username).bind(idList(flagIds));
    if (VoidResult r = st.exec(); !r)
        return r.error();
    return st.numRowsAffected();
}

Result<RegistrarFlagRepository::Applied> RegistrarFlagRepository::apply(const QList<qint64> &missing, qint64 jobId,
                                                                        qint64 nowMs)
{
    const DatabaseConfig::Backend backend = m_db.config().backend;
    const QString ids = idList(missing);
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    Applied applied;
    SqlStatement unflag(m_db, u"DELETE FROM registrar_flags WHERE CAST(resident_id AS TEXT) NOT IN "_s +
                                  Dialect::jsonTextList(backend));
    unflag.bind(ids);
    if (VoidResult r = unflag.exec(); !r)
        return r.error();
    applied.unflagged = unflag.numRowsAffected();
    if (!missing.isEmpty()) {
        SqlStatement flag(m_db, u"INSERT INTO registrar_flags (resident_id, flagged_at, job_id) "
                                "SELECT r.id, ?, ? FROM residents r WHERE CAST(r.id AS TEXT) IN "_s +
                                    Dialect::jsonTextList(backend) +
                                    u" AND NOT EXISTS (SELECT 1 FROM registrar_flags f WHERE f.resident_id = r.id)"_s);
        flag.bind(nowMs).bind(jobId).bind(ids);
        if (VoidResult r = flag.exec(); !r)
            return r.error();
        applied.flagged = flag.numRowsAffected();
    }
    if (VoidResult r = tx.commit(); !r)
        return r.error();
    return applied;
}
