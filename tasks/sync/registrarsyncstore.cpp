#include "tasks/sync/registrarsyncstore.h"

#include "models/db/database.h"
#include "models/db/dberror.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "tasks/cronschedule.h"
#include "tasks/jobstore.h"

using namespace Qt::StringLiterals;

namespace {
const QString kRecurringName = u"residents.sync"_s;
} // namespace

RegistrarSyncStore::RegistrarSyncStore(Database &db, const JobClock &clock)
    : m_db(db)
    , m_clock(clock)
{}

Result<RegistrarSyncSettings> RegistrarSyncStore::settings()
{
    SqlStatement st(m_db, u"SELECT url, auth, username, schedule, timeout_seconds, version "
                          "FROM registrar_sync_settings WHERE id = 1"_s);
    if (VoidResult r = st.exec(); !r)
        return r.error();
    RegistrarSyncSettings s;
    if (st.next()) {
        s.url = st.value(0).toString();
        s.auth = RegistrarSyncSettings::authFromCode(st.value(1).toString())
                     .value_or(RegistrarSyncSettings::Auth::None);
        s.username = st.value(2).toString();
        s.schedule = st.value(3).toString();
        s.timeoutSeconds = st.value(4).toInt();
        s.version = st.value(5).toInt();
    }
    return s;
}

Result<RegistrarSyncSettings> RegistrarSyncStore::save(const RegistrarSyncSettings &wanted)
{
    RegistrarSyncSettings s = wanted;
    // Empty texts, never NULL (a null QString binds as NULL).
    const auto text = [](const QString &value) { return value.isNull() ? u""_s : value.trimmed(); };
    s.url = text(s.url);
    s.username = text(s.username);
    s.schedule = text(s.schedule);
    if (const QList<FieldError> errors = s.validate(); !errors.isEmpty())
        return DbError::validation(errors);
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const qint64 now = m_clock.nowMs();
    if (s.version == 0) {
        SqlStatement st(m_db, u"INSERT INTO registrar_sync_settings (id, url, auth, username, schedule, "
                              "timeout_seconds, version, updated_at) VALUES (1, ?, ?, ?, ?, ?, 1, ?)"_s);
        st.bind(s.url).bind(RegistrarSyncSettings::authCode(s.auth)).bind(s.username).bind(s.schedule);
        st.bind(s.timeoutSeconds).bind(now);
        if (VoidResult r = st.exec(); !r) {
            if (r.error().code == DbError::Code::Duplicate)
                return DbError(DbError::Code::Conflict,
                               tr("Someone else saved the registrar sync settings meanwhile; reload them."));
            return r.error();
        }
        s.version = 1;
    } else {
        SqlStatement st(m_db, u"UPDATE registrar_sync_settings SET url = ?, auth = ?, username = ?, schedule = ?, "
                              "timeout_seconds = ?, version = version + 1, updated_at = ? "
                              "WHERE id = 1 AND version = ?"_s);
        st.bind(s.url).bind(RegistrarSyncSettings::authCode(s.auth)).bind(s.username).bind(s.schedule);
        st.bind(s.timeoutSeconds).bind(now).bind(s.version);
        if (VoidResult r = st.exec(); !r)
            return r.error();
        if (st.numRowsAffected() != 1)
            return DbError(DbError::Code::Conflict,
                           tr("Someone else saved the registrar sync settings meanwhile; reload them."));
        ++s.version;
    }
    if (VoidResult r = schedule(s.schedule); !r)
        return r.error();
    if (VoidResult r = tx.commit(); !r)
        return r.error();
    return s;
}

VoidResult RegistrarSyncStore::schedule(const QString &cron)
{
    const bool enabled = !cron.isEmpty();
    QString text = cron;
    if (!enabled) {
        // Nothing to schedule: a recurring job there already is switched off and keeps
        // its last schedule (a recurring job always has one).
        SqlStatement existing(m_db, u"SELECT schedule FROM recurring_jobs WHERE name = ?"_s);
        existing.bind(kRecurringName);
        if (VoidResult r = existing.exec(); !r)
            return r;
        if (!existing.next())
            return {};
        text = existing.value(0).toString();
    }
    const std::optional<CronSchedule> parsed = CronSchedule::parse(text);
    if (!parsed)
        return DbError(DbError::Code::Validation, tr("The schedule \"%1\" is not valid.").arg(text));
    const qint64 now = m_clock.nowMs();
    if (m_db.isPostgreSQL()) {
        // Housing staff may not write recurring_jobs; this function touches only this row.
        SqlStatement st(m_db, u"SELECT residesk_schedule_registrar_sync(?, ?, ?, ?)"_s);
        st.bind(parsed->text()).bind(parsed->nextAfter(now)).bind(enabled).bind(now);
        return st.exec();
    }
    RecurringJob job;
    job.name = kRecurringName;
    job.kind = kRecurringName;
    job.schedule = parsed->text();
    job.enabled = enabled;
    return JobStore(m_db, m_clock).upsertRecurring(job);
}

Result<std::optional<RegistrarSyncStore::State>> RegistrarSyncStore::state(const QString &url)
{
    SqlStatement st(m_db, u"SELECT etag, last_modified, sha256, rows, applied_at, job_id "
                          "FROM registrar_sync_state WHERE url = ?"_s);
    st.bind(url);
    if (VoidResult r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return std::optional<State>();
    State s;
    s.etag = st.value(0).toString();
    s.lastModified = st.value(1).toString();
    s.sha256 = st.value(2).toString();
    s.rows = st.value(3).toLongLong();
    s.appliedAt = st.value(4).toLongLong();
    s.jobId = st.value(5).toLongLong();
    return std::optional<State>(s);
}

VoidResult RegistrarSyncStore::saveState(const QString &url, const State &state)
{
    SqlStatement st(m_db, u"INSERT INTO registrar_sync_state (url, etag, last_modified, sha256, rows, applied_at, "
                          "job_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET "
                          "etag = excluded.etag, last_modified = excluded.last_modified, sha256 = excluded.sha256, "
                          "rows = excluded.rows, applied_at = excluded.applied_at, job_id = excluded.job_id"_s);
    // A missing header is an empty text, never NULL.
    const auto text = [](const QString &value) { return value.isNull() ? u""_s : value; };
    st.bind(url).bind(text(state.etag)).bind(text(state.lastModified)).bind(text(state.sha256)).bind(state.rows);
    st.bind(state.appliedAt).bind(state.jobId);
    return st.exec();
}
