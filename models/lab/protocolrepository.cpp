#include "models/lab/protocolrepository.h"

#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"
#include "models/db/threadjob.h"
#include "models/db/transaction.h"
#include "models/housing/sqlhelpers_p.h"
#include "models/lab/labsql_p.h"

#include <QHash>
#include <QSet>

using namespace HousingSql;
using namespace Qt::StringLiterals;

namespace {

constexpr int kNumberAttempts = 20;

const QString kSelect = QStringLiteral(
    "SELECT p.id, p.number, p.client_id, c.name, p.species, p.animal_id, p.sample_count, p.sample_type, "
    "p.state, "
    "p.submitted_at, p.received_at, p.version FROM protocols p JOIN clients c ON c.id = p.client_id");

QString sortExpression(DatabaseBackend backend, int column)
{
    switch (column) {
    case ProtocolRepository::Client:
        return QStringLiteral("c.name");
    case ProtocolRepository::Species:
        return QStringLiteral("p.species");
    case ProtocolRepository::AnimalId:
        return QStringLiteral("p.animal_id");
    case ProtocolRepository::Samples:
        return QStringLiteral("p.sample_count");
    case ProtocolRepository::State:
        return QStringLiteral("p.state");
    case ProtocolRepository::SubmittedAt:
        return QStringLiteral("p.submitted_at");
    case ProtocolRepository::ReceivedAt:
        return Dialect::timestampOrEpoch(backend, QStringLiteral("p.received_at"));
    case ProtocolRepository::Number:
    default:
        return QStringLiteral("p.number");
    }
}

Protocol readProtocol(const SqlStatement &st)
{
    Protocol p;
    p.id = st.value(0).toLongLong();
    p.number = st.value(1).toString();
    p.clientId = st.value(2).toLongLong();
    p.clientName = st.value(3).toString();
    p.species = st.value(4).toString();
    p.animalId = st.value(5).toString();
    p.sampleCount = st.value(6).toInt();
    p.sampleType = st.value(7).toString();
    p.state = Protocol::stateFromCode(st.value(8).toString()).value_or(Protocol::State::Submitted);
    p.submittedAt = LabSql::readTime(st.value(9));
    p.receivedAt = LabSql::readTime(st.value(10));
    p.version = st.value(11).toInt();
    return p;
}

Protocol normalized(Protocol p)
{
    p.species = p.species.trimmed();
    p.animalId = p.animalId.trimmed();
    p.sampleType = p.sampleType.trimmed();
    // A null QString binds as SQL NULL; the optional columns are NOT NULL DEFAULT ''.
    if (p.animalId.isNull())
        p.animalId = QStringLiteral("");
    if (p.sampleType.isNull())
        p.sampleType = QStringLiteral("");
    return p;
}

// ISO-8601 UTC with milliseconds ("2026-03-01T10:00:00.000Z", as Qt::ISODateWithMs
// writes a UTC time), formatted by hand: a bulk change writes thousands of them.
QString timeText(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    const QDateTime utc = time.timeSpec() == Qt::UTC ? time : time.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    char buffer[24];
    const auto put = [&buffer](int at, int value, int width) {
        for (int i = width - 1; i >= 0; --i) {
            buffer[at + i] = char('0' + value % 10);
            value /= 10;
        }
    };
    put(0, d.year(), 4);
    buffer[4] = '-';
    put(5, d.month(), 2);
    buffer[7] = '-';
    put(8, d.day(), 2);
    buffer[10] = 'T';
    put(11, t.hour(), 2);
    buffer[13] = ':';
    put(14, t.minute(), 2);
    buffer[16] = ':';
    put(17, t.second(), 2);
    buffer[19] = '.';
    put(20, t.msec(), 3);
    buffer[23] = 'Z';
    return QString::fromLatin1(buffer, 24);
}

QJsonValue timeJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(timeText(time)) : QJsonValue(QJsonValue::Null);
}

void addFilter(Where &where, DatabaseBackend backend, const ProtocolFilter &filter)
{
    where.addSearch(backend, {u"p.number"_s, u"p.animal_id"_s, u"c.name"_s}, filter.search);
    if (filter.state)
        where.add(u"p.state = ?"_s, {Protocol::stateCode(*filter.state)});
    if (filter.clientId > 0)
        where.add(u"p.client_id = ?"_s, {filter.clientId});
    if (filter.submittedFrom.isValid())
        where.add(u"p.submitted_at >= ?"_s,
                  {LabSql::timeParam(backend, filter.submittedFrom.startOfDay(Qt::UTC))});
    if (filter.submittedTo.isValid())
        where.add(u"p.submitted_at < ?"_s,
                  {LabSql::timeParam(backend, filter.submittedTo.addDays(1).startOfDay(Qt::UTC))});
}

} // namespace

QJsonObject TransitionOutcome::Snapshot::toJson() const
{
    return {{u"state"_s, Protocol::stateCode(state)},
            {u"version"_s, version},
            {u"received_at"_s, timeJson(receivedAt)}};
}

QString TransitionOutcome::Snapshot::toJsonText() const
{
    // Keys in QJsonDocument's (sorted) order, so that both spellings read the same.
    // State codes are plain ASCII words and the time is ISO-8601: nothing to escape.
    QString text = u"{\"received_at\":"_s;
    text += receivedAt.isValid() ? u"\""_s + timeText(receivedAt) + u"\""_s : u"null"_s;
    text += u",\"state\":\""_s + Protocol::stateCode(state) + u"\",\"version\":"_s + QString::number(version);
    text += QLatin1Char('}');
    return text;
}

// A protocol row as read under lock for a transition.
struct ProtocolRepository::Locked
{
    qint64 id = 0;
    QString number;
    Protocol::State state = Protocol::State::Submitted;
    int version = 0;
    QDateTime receivedAt;
};

ProtocolRepository::ProtocolRepository(Database &db, Actor actor)
    : m_db(db)
    , m_actor(std::move(actor))
{}

QString ProtocolRepository::formatNumber(int year, int seq)
{
    return QStringLiteral("P-%1-%2").arg(year, 4, 10, QLatin1Char('0')).arg(seq, 6, 10, QLatin1Char('0'));
}

QList<FieldError> ProtocolRepository::validate(const Protocol &protocol)
{
    QList<FieldError> errors;
    if (protocol.clientId <= 0)
        errors.append({u"client_id"_s, tr("The client is required.")});
    const QString species = protocol.species.trimmed();
    if (species.isEmpty())
        errors.append({u"species"_s, tr("The species is required.")});
    else if (species.size() > 100)
        errors.append({u"species"_s, tr("The species must be at most %1 characters long.").arg(100)});
    if (protocol.animalId.trimmed().size() > 100)
        errors.append({u"animal_id"_s, tr("The animal ID must be at most %1 characters long.").arg(100)});
    if (protocol.sampleCount < 1)
        errors.append({u"sample_count"_s,
                       tr("The number of samples must be at least 1, not %1.").arg(protocol.sampleCount)});
    if (protocol.sampleType.trimmed().size() > 100)
        errors.append({u"sample_type"_s, tr("The sample type must be at most %1 characters long.").arg(100)});
    return errors;
}

bool ProtocolRepository::canTransition(Protocol::State from, Protocol::State to)
{
    using S = Protocol::State;
    if (to == S::Cancelled)
        return from != S::Finalized && from != S::Cancelled;
    switch (from) {
    case S::Submitted:
        return to == S::Received;
    case S::Received:
        return to == S::InAnalysis;
    case S::InAnalysis:
        return to == S::Finalized;
    case S::Finalized:
    case S::Cancelled:
        return false;
    }
    return false;
}

QString ProtocolRepository::refusal(const QString &number, Protocol::State from, Protocol::State to)
{
    using S = Protocol::State;
    if (canTransition(from, to))
        return {};
    const QString state = Protocol::stateLabel(from).toLower();
    if (from == to)
        return tr("Protocol %1 is already %2.").arg(number, state);
    switch (to) {
    case S::Cancelled:
        return tr("Protocol %1 is %2; it cannot be cancelled.").arg(number, state);
    case S::Received:
        return tr("Protocol %1 is %2; it cannot be marked as received.").arg(number, state);
    case S::InAnalysis:
        return tr("Protocol %1 is %2; it cannot go into analysis.").arg(number, state);
    case S::Finalized:
        return tr("Protocol %1 is %2; it cannot be finalized.").arg(number, state);
    case S::Submitted:
        return tr("Protocol %1 is %2; it cannot go back to submitted.").arg(number, state);
    }
    return tr("Protocol %1 is %2; it cannot become %3.")
        .arg(number, state, Protocol::stateLabel(to).toLower());
}

Result<Protocol> ProtocolRepository::get(qint64 id)
{
    SqlStatement st(m_db, kSelect + u" WHERE p.id = ?"_s);
    st.bind(id);
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return notFound(tr("The protocol no longer exists."));
    return readProtocol(st);
}

Result<Protocol> ProtocolRepository::getByNumber(const QString &number)
{
    SqlStatement st(m_db, kSelect + u" WHERE p.number = ?"_s);
    st.bind(number.trimmed());
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return notFound(tr("There is no protocol with the number \"%1\".").arg(number.trimmed()));
    return readProtocol(st);
}

Result<Protocol> ProtocolRepository::create(const Protocol &input)
{
    const Protocol protocol = normalized(input);
    if (QList<FieldError> errors = validate(protocol); !errors.isEmpty())
        return DbError::validation(std::move(errors));
    const auto backend = m_db.config().backend;

    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<bool> clientExists =
        exists(m_db, u"SELECT 1 FROM clients WHERE id = ?"_s, {protocol.clientId});
    if (!clientExists)
        return clientExists.error();
    if (!clientExists.value()) {
        const QString message = tr("The client (id %1) does not exist.").arg(protocol.clientId);
        return DbError(DbError::Code::Validation, message, {}, {FieldError{u"client_id"_s, message}});
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int year = now.date().year();
    const QDateTime submittedAt = protocol.submittedAt.isValid() ? protocol.submittedAt : now;
    qint64 id = 0;
    QString number;
    if (m_db.isPostgreSQL()) {
        // Creators of the same year take their numbers one after the other: this lock is
        // held until the transaction ends, so the maximum read below includes every number
        // handed out before. Without it, two desktops creating protocols at once could
        // keep colliding on the same next number (SQLite writers are one at a time anyway).
        if (auto r = SqlStatement::run(m_db, u"SELECT pg_advisory_xact_lock(7305863, ?)"_s, {year}); !r)
            return r.error();
    }
    // Numbers written without that lock (none by this application) are still skipped.
    for (int attempt = 0; attempt < kNumberAttempts && id == 0; ++attempt) {
        SqlStatement next(m_db,
                          u"SELECT COALESCE(MAX(number_seq), 0) + 1 FROM protocols WHERE number_year = ?"_s);
        next.bind(year);
        if (auto r = next.exec(); !r)
            return r.error();
        const int seq = next.next() ? next.value(0).toInt() : 1;
        number = formatNumber(year, seq);
        // A savepoint: on PostgreSQL a failed INSERT spoils the whole transaction
        // unless it is rolled back to a point before it.
        Transaction attemptTx(m_db);
        if (!attemptTx.ok())
            return attemptTx.error();
        SqlStatement st(
            m_db, u"INSERT INTO protocols (number, number_year, number_seq, client_id, species, animal_id, "
                  "sample_count, sample_type, state, submitted_at, version, created_by, updated_by) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, 1, ?, ?) RETURNING id"_s);
        st.bind(number)
            .bind(year)
            .bind(seq)
            .bind(protocol.clientId)
            .bind(protocol.species)
            .bind(protocol.animalId);
        st.bind(protocol.sampleCount).bind(protocol.sampleType).bind(LabSql::timeParam(backend, submittedAt));
        st.bind(m_actor.username).bind(m_actor.username);
        if (auto r = st.exec(); !r) {
            if (r.error().code == DbError::Code::Duplicate) {
                // Another client took this number since we read the maximum: next one.
                attemptTx.rollback();
                continue;
            }
            return r.error();
        }
        if (!st.next())
            return DbError(DbError::Code::QueryFailed, tr("The new protocol was not stored."));
        id = st.value(0).toLongLong();
        st.finish();
        if (auto r = attemptTx.commit(); !r)
            return r.error();
    }
    if (id == 0)
        return DbError(
            DbError::Code::Conflict,
            tr("No free protocol number was found after %1 attempts; try again.").arg(kNumberAttempts));

    if (auto r = SqlStatement::run(
            m_db, u"INSERT INTO work_orders (protocol_id, created_by, updated_by) VALUES (?, ?, ?)"_s,
            {id, m_actor.username, m_actor.username});
        !r)
        return r.error();
    if (auto r = SqlStatement::run(
            m_db,
            u"INSERT INTO reports (protocol_id, revision, state, created_by, updated_by) VALUES (?, 1, 'draft', ?, ?)"_s,
            {id, m_actor.username, m_actor.username});
        !r)
        return r.error();

    Protocol stored = protocol;
    stored.id = id;
    stored.number = number;
    stored.state = Protocol::State::Submitted;
    stored.version = 1;
    LabSql::announceChange(m_db, u"protocols"_s);
    LabSql::announceChange(m_db, u"work_orders"_s);
    LabSql::announceChange(m_db, u"reports"_s);
    if (auto r = tx.commit(); !r)
        return r.error();
    return get(id);
}

Result<Protocol> ProtocolRepository::update(const Protocol &input)
{
    const Protocol protocol = normalized(input);
    if (QList<FieldError> errors = validate(protocol); !errors.isEmpty())
        return DbError::validation(std::move(errors));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<Protocol> before = get(protocol.id);
    if (!before)
        return before.error();
    if (before->version != protocol.version)
        return conflict(
            tr("Another user changed protocol %1 since you opened it. Reload to see their changes.")
                .arg(before->number));
    if (before->state == Protocol::State::Finalized || before->state == Protocol::State::Cancelled)
        return DbError(DbError::Code::InvalidState,
                       tr("Protocol %1 is %2; it cannot be changed.")
                           .arg(before->number, Protocol::stateLabel(before->state).toLower()));
    SqlStatement st(
        m_db,
        u"UPDATE protocols SET client_id = ?, species = ?, animal_id = ?, sample_count = ?, "
        "sample_type = ?, version = version + 1, updated_at = "_s +
            Dialect::now(m_db.config().backend) +
            u", updated_by = ? WHERE id = ? AND version = ? AND state NOT IN ('finalized', 'cancelled')"_s);
    st.bind(protocol.clientId).bind(protocol.species).bind(protocol.animalId).bind(protocol.sampleCount);
    st.bind(protocol.sampleType).bind(m_actor.username).bind(protocol.id).bind(protocol.version);
    if (auto r = st.exec(); !r) {
        tx.rollback();
        if (r.error().code == DbError::Code::ConstraintViolation) {
            const QString message = tr("The client (id %1) does not exist.").arg(protocol.clientId);
            return DbError(DbError::Code::Validation, message, r.error().detail,
                           {FieldError{u"client_id"_s, message}});
        }
        return r.error();
    }
    if (st.numRowsAffected() == 0)
        return conflict(
            tr("Another user changed protocol %1 since you opened it. Reload to see their changes.")
                .arg(before->number));
    const Result<Protocol> after = get(protocol.id);
    if (!after)
        return after.error();
    LabSql::announceChange(m_db, u"protocols"_s);
    if (auto r = tx.commit(); !r)
        return r.error();
    return after;
}

Result<QList<ProtocolRepository::Locked>> ProtocolRepository::lockRows(const QList<qint64> &ids)
{
    const auto backend = m_db.config().backend;
    // PostgreSQL: row locks in id order, so that two batches over overlapping ids wait
    // for each other instead of deadlocking. SQLite: the write transaction locks all.
    SqlStatement st(m_db, u"SELECT id, number, state, version, received_at FROM protocols WHERE "_s +
                              Dialect::inIdList(backend, u"id"_s) +
                              (m_db.isPostgreSQL() ? u" ORDER BY id FOR UPDATE"_s : QString()));
    st.bind(Dialect::idListValue(backend, ids));
    if (auto r = st.exec(); !r)
        return r.error();
    QList<Locked> rows;
    rows.reserve(ids.size());
    while (st.next()) {
        Locked row;
        row.id = st.value(0).toLongLong();
        row.number = st.value(1).toString();
        row.state = Protocol::stateFromCode(st.value(2).toString()).value_or(Protocol::State::Submitted);
        row.version = st.value(3).toInt();
        row.receivedAt = LabSql::readTime(st.value(4));
        rows.append(row);
    }
    return rows;
}

void ProtocolRepository::recordOutcome(const Locked &row, const TransitionOutcome::Snapshot &after,
                                       QList<TransitionOutcome> *outcomes)
{
    if (!outcomes)
        return;
    TransitionOutcome o;
    o.id = row.id;
    o.number = row.number;
    o.kind = TransitionOutcome::Kind::Changed;
    o.before = TransitionOutcome::Snapshot{row.state, row.version, row.receivedAt};
    o.after = after;
    outcomes->append(std::move(o));
}

VoidResult ProtocolRepository::apply(const QList<Locked> &rows, Protocol::State to, qint64 jobId,
                                     QList<TransitionOutcome> *outcomes)
{
    if (rows.isEmpty())
        return {};
    // The audit triggers record the job (0012_audit).
    const ThreadJobScope job(m_db, jobId);
    if (!job.ok())
        return job.error();
    const auto backend = m_db.config().backend;
    QList<qint64> ids;
    ids.reserve(rows.size());
    for (const Locked &row : rows)
        ids.append(row.id);
    // The time the change happens, read from the database once and bound: the rows'
    // new values are then known here (version + 1 under the row locks, this time) and
    // the UPDATE returns nothing, where RETURNING cost thousands of rows to read back.
    const QString now = Dialect::now(backend);
    QDateTime at;
    {
        SqlStatement clock(m_db, u"SELECT "_s + now);
        if (auto r = clock.exec(); !r)
            return r;
        if (!clock.next())
            return DbError(DbError::Code::QueryFailed, tr("The database did not say what time it is."));
        at = LabSql::readTime(clock.value(0));
    }
    const bool receives = to == Protocol::State::Received;
    // One set-based UPDATE for the whole chunk.
    SqlStatement st(m_db, u"UPDATE protocols SET state = ?, version = version + 1, updated_at = "_s + now +
                              (receives ? u", received_at = ?"_s : QString()) + u", updated_by = ? WHERE "_s +
                              Dialect::inIdList(backend, u"id"_s));
    st.bind(Protocol::stateCode(to));
    if (receives)
        st.bind(timeText(at));
    st.bind(m_actor.username).bind(Dialect::idListValue(backend, ids));
    if (auto r = st.exec(); !r)
        return r;
    if (st.numRowsAffected() != rows.size())
        return DbError(DbError::Code::QueryFailed,
                       tr("Some protocols changed while they were being updated."));

    if (outcomes) {
        outcomes->reserve(outcomes->size() + rows.size());
        for (const Locked &row : rows)
            recordOutcome(row, {to, row.version + 1, receives ? at : row.receivedAt}, outcomes);
    }
    LabSql::announceChange(m_db, u"protocols"_s);
    return {};
}

Result<Protocol> ProtocolRepository::transition(qint64 id, Protocol::State to, int expectedVersion,
                                                qint64 jobId)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<QList<Locked>> rows = lockRows({id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return notFound(tr("The protocol no longer exists."));
    const Locked &row = rows->constFirst();
    if (expectedVersion != AnyVersion && row.version != expectedVersion)
        return conflict(
            tr("Another user changed protocol %1 since you opened it. Reload to see their changes.")
                .arg(row.number));
    if (!canTransition(row.state, to))
        return DbError(DbError::Code::InvalidState, refusal(row.number, row.state, to));
    if (auto r = apply(rows.value(), to, jobId, nullptr); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return get(id);
}

Result<QList<TransitionOutcome>> ProtocolRepository::transitionMany(const QList<qint64> &ids,
                                                                    Protocol::State to, qint64 jobId)
{
    // The outcomes by id; duplicates in `ids` get the outcome of their first mention.
    QList<qint64> unique;
    unique.reserve(ids.size());
    {
        QSet<qint64> seen;
        seen.reserve(ids.size());
        for (qint64 id : ids) {
            if (!seen.contains(id)) {
                seen.insert(id);
                unique.append(id);
            }
        }
    }
    QHash<qint64, TransitionOutcome> byId;
    byId.reserve(unique.size());

    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    for (qsizetype start = 0; start < unique.size(); start += MaxChunk) {
        const QList<qint64> chunk = unique.mid(start, MaxChunk);
        const Result<QList<Locked>> locked = lockRows(chunk);
        if (!locked)
            return locked.error();
        QHash<qint64, Locked> rows;
        rows.reserve(locked->size());
        for (const Locked &row : locked.value())
            rows.insert(row.id, row);
        QList<Locked> toChange;
        toChange.reserve(chunk.size());
        for (qint64 id : chunk) {
            TransitionOutcome o;
            o.id = id;
            const auto it = rows.constFind(id);
            if (it == rows.constEnd()) {
                o.kind = TransitionOutcome::Kind::Failed;
                o.reason = tr("Protocol %1 does not exist.").arg(id);
                o.error = notFound(o.reason);
                byId.insert(id, o);
                continue;
            }
            o.number = it->number;
            if (it->state == to) {
                o.kind = TransitionOutcome::Kind::Skipped;
                o.reason = refusal(it->number, it->state, to);
                byId.insert(id, o);
            } else if (!canTransition(it->state, to)) {
                o.kind = TransitionOutcome::Kind::Failed;
                o.reason = refusal(it->number, it->state, to);
                o.error = DbError(DbError::Code::InvalidState, o.reason);
                byId.insert(id, o);
            } else {
                toChange.append(it.value());
            }
        }
        QList<TransitionOutcome> changed;
        changed.reserve(toChange.size());
        if (auto r = apply(toChange, to, jobId, &changed); !r)
            return r.error();
        for (TransitionOutcome &o : changed)
            byId.insert(o.id, std::move(o));
    }
    if (auto r = tx.commit(); !r)
        return r.error();

    QList<TransitionOutcome> outcomes;
    outcomes.reserve(ids.size());
    for (qint64 id : ids)
        outcomes.append(byId.value(id));
    return outcomes;
}

VoidResult ProtocolRepository::restore(const QList<QPair<Locked, RestoreItem>> &rows, qint64 jobId,
                                       QList<TransitionOutcome> *outcomes)
{
    if (rows.isEmpty())
        return {};
    const ThreadJobScope job(m_db, jobId);
    if (!job.ok())
        return job.error();
    const auto backend = m_db.config().backend;
    // One UPDATE … FROM a bound JSON array of [id, version, state, received_at]; the
    // version in the join makes a row that changed since its lock impossible to touch.
    static const QList<QPair<QString, QString>> columns{{u"id"_s, u"BIGINT"_s},
                                                        {u"version"_s, u"INTEGER"_s},
                                                        {u"state"_s, u"TEXT"_s},
                                                        {u"received_at"_s, u"TIMESTAMPTZ"_s}};
    QString json;
    json.reserve(rows.size() * 96);
    json += QLatin1Char('[');
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const RestoreItem &item = rows.at(i).second;
        if (i > 0)
            json += QLatin1Char(',');
        json += QLatin1Char('[') + QString::number(item.id) + QLatin1Char(',') +
                QString::number(item.expectedVersion) + u",\""_s + Protocol::stateCode(item.state) +
                u"\","_s +
                (item.receivedAt.isValid() ? u"\""_s + timeText(item.receivedAt) + u"\""_s : u"null"_s) +
                QLatin1Char(']');
    }
    json += QLatin1Char(']');
    SqlStatement st(m_db, u"UPDATE protocols SET state = x.state, received_at = x.received_at, "
                          "version = protocols.version + 1, updated_at = "_s +
                              Dialect::now(backend) + u", updated_by = ? FROM "_s +
                              Dialect::jsonArrayRowsSource(backend, columns, u"x"_s) +
                              u" WHERE protocols.id = x.id AND protocols.version = x.version "
                              "RETURNING protocols.id, protocols.version, protocols.received_at"_s);
    st.bind(m_actor.username).bind(json);
    if (auto r = st.exec(); !r)
        return r;
    struct After
    {
        int version;
        QDateTime receivedAt;
    };
    QHash<qint64, After> after;
    after.reserve(rows.size());
    while (st.next())
        after.insert(st.value(0).toLongLong(), {st.value(1).toInt(), LabSql::readTime(st.value(2))});
    st.finish();
    if (after.size() != rows.size())
        return DbError(DbError::Code::QueryFailed,
                       tr("Some protocols changed while they were being restored."));

    for (const auto &[row, item] : rows) {
        const After &a = after.value(row.id);
        recordOutcome(row, {item.state, a.version, a.receivedAt}, outcomes);
    }
    LabSql::announceChange(m_db, u"protocols"_s);
    return {};
}

Result<QList<TransitionOutcome>> ProtocolRepository::restoreStates(const QList<RestoreItem> &items,
                                                                   qint64 jobId)
{
    QHash<qint64, TransitionOutcome> byId;
    byId.reserve(items.size());
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    for (qsizetype start = 0; start < items.size(); start += MaxChunk) {
        const QList<RestoreItem> chunk = items.mid(start, MaxChunk);
        QList<qint64> ids;
        ids.reserve(chunk.size());
        for (const RestoreItem &item : chunk)
            ids.append(item.id);
        const Result<QList<Locked>> locked = lockRows(ids);
        if (!locked)
            return locked.error();
        QHash<qint64, Locked> rows;
        rows.reserve(locked->size());
        for (const Locked &row : locked.value())
            rows.insert(row.id, row);
        QList<QPair<Locked, RestoreItem>> toRestore;
        QSet<qint64> seen;
        for (const RestoreItem &item : chunk) {
            if (seen.contains(item.id) || byId.contains(item.id))
                continue; // the first mention of an id decides
            seen.insert(item.id);
            TransitionOutcome o;
            o.id = item.id;
            const auto it = rows.constFind(item.id);
            if (it == rows.constEnd()) {
                o.kind = TransitionOutcome::Kind::Failed;
                o.reason = tr("Protocol %1 does not exist.").arg(item.id);
                o.error = notFound(o.reason);
                byId.insert(item.id, o);
                continue;
            }
            o.number = it->number;
            if (it->version != item.expectedVersion) {
                o.kind = TransitionOutcome::Kind::Skipped;
                o.reason = tr("Protocol %1 changed since (version %2, not %3); it stays %4.")
                               .arg(it->number)
                               .arg(it->version)
                               .arg(item.expectedVersion)
                               .arg(Protocol::stateLabel(it->state).toLower());
                o.before = {it->state, it->version, it->receivedAt};
                o.after = o.before;
                byId.insert(item.id, o);
                continue;
            }
            toRestore.append({it.value(), item});
        }
        QList<TransitionOutcome> restored;
        restored.reserve(toRestore.size());
        if (auto r = restore(toRestore, jobId, &restored); !r)
            return r.error();
        for (TransitionOutcome &o : restored)
            byId.insert(o.id, std::move(o));
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    QList<TransitionOutcome> outcomes;
    outcomes.reserve(items.size());
    for (const RestoreItem &item : items)
        outcomes.append(byId.value(item.id));
    return outcomes;
}

Result<QList<Protocol>> ProtocolRepository::page(const ProtocolFilter &filter, const PageRequest &request)
{
    const auto backend = m_db.config().backend;
    const QString sortExpr = sortExpression(backend, request.sortColumn);
    Where where;
    addFilter(where, backend, filter);
    PageRequest cursor = request;
    if (cursor.hasCursor && (request.sortColumn == SubmittedAt || request.sortColumn == ReceivedAt)) {
        // Times compare as stored: text on SQLite; a NULL received_at sorts as the epoch.
        QDateTime t = cursor.afterValue.toDateTime();
        if (!t.isValid())
            t = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
        cursor.afterValue = LabSql::timeParam(backend, t);
    }
    where.addCursor(sortExpr, u"p.id"_s, cursor);
    SqlStatement st(m_db,
                    kSelect + where.sql() + orderBy(sortExpr, u"p.id"_s, request.order) + u" LIMIT ?"_s);
    bindAll(st, where.values);
    st.bind(qMax(1, request.limit));
    if (auto r = st.exec(); !r)
        return r.error();
    QList<Protocol> rows;
    rows.reserve(qMin(qMax(1, request.limit), 1000));
    while (st.next())
        rows.append(readProtocol(st));
    return rows;
}

Result<QList<qint64>> ProtocolRepository::idsAfter(const ProtocolFilter &filter, qint64 afterId, int limit)
{
    Where where;
    addFilter(where, m_db.config().backend, filter);
    where.add(u"p.id > ?"_s, {afterId});
    SqlStatement st(m_db, u"SELECT p.id FROM protocols p JOIN clients c ON c.id = p.client_id"_s +
                              where.sql() + u" ORDER BY p.id LIMIT ?"_s);
    bindAll(st, where.values);
    st.bind(qMax(1, limit));
    if (auto r = st.exec(); !r)
        return r.error();
    QList<qint64> ids;
    while (st.next())
        ids.append(st.value(0).toLongLong());
    return ids;
}

Result<qint64> ProtocolRepository::count(const ProtocolFilter &filter)
{
    Where where;
    addFilter(where, m_db.config().backend, filter);
    // The client join serves the search over client names.
    return scalarCount(
        m_db, u"SELECT COUNT(*) FROM protocols p JOIN clients c ON c.id = p.client_id"_s + where.sql(),
        where.values);
}

QVariant ProtocolRepository::sortValue(const Protocol &protocol, int column)
{
    switch (column) {
    case Client:
        return protocol.clientName;
    case Species:
        return protocol.species;
    case AnimalId:
        return protocol.animalId;
    case Samples:
        return protocol.sampleCount;
    case State:
        return Protocol::stateCode(protocol.state);
    case SubmittedAt:
        return protocol.submittedAt;
    case ReceivedAt:
        return protocol.receivedAt;
    case Number:
    default:
        return protocol.number;
    }
}
