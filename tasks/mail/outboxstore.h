#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"
#include "tasks/jobclock.h"
#include "tasks/mail/outboxemail.h"

#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class Database;
class SqlStatement;
struct EnqueueResult;

// The state machine that every outbox shares, on one table: the e-mail outbox
// (outbox_emails, tasks/mail/outbox.h) and the SMS outbox (sms_outbox,
// tasks/sms/smsoutbox.h) differ in what a message is and how it is sent, not in how it
// goes through its states. The states (OutboxState), the drain protocol that sends each
// message at most once across crashes (orphans judged 'uncertain' and never sent again
// by themselves; claims; the attempt committed before the send, the outcome after, only
// by that very attempt), a person's decisions (retry, resolveUncertain), the lists and
// the drain jobs' keys are written down in tasks/mail/outbox.h; this class holds their
// SQL once, for the table and the texts a Spec names. The outboxes keep their own
// interfaces and forward to it (OutboxRecords<Record> reads the rows as their records).
//
// SQL on the calling thread's connection: an executor, runner or worker thread, never
// the GUI thread. A value-like helper; the Spec must outlive it (a static one).
class OutboxStore
{
public:
    // What one outbox is. Fixed text only: no SQL is ever built from what a person typed.
    struct Spec
    {
        QString table;             // "outbox_emails"
        QString jobKind;           // the drain's kind, "mail.send"
        QString columns;           // what reads a record (SELECT and RETURNING), in its reader's order
        QString replyColumn;       // where recordSent keeps the accepting reply ("server_reply")
        QStringList searchColumns; // what list()'s search looks in
        // The drain jobs' unique keys: now; a retry drain; the successor a running retry
        // drain schedules; the drain after a running one (see Outbox::ensureDrain).
        const char *drainKey = nullptr;
        const char *retryDrainKey = nullptr;
        const char *retryAgainDrainKey = nullptr;
        const char *afterRunningDrainKey = nullptr;
        // The texts, in the translation context `context` (marked with QT_TRANSLATE_NOOP
        // where the Spec is written).
        const char *context = nullptr;
        struct Texts
        {
            const char *notFound = nullptr;      // %1: id
            const char *notUncertain = nullptr;  // %1: id, %2: its state
            const char *decideStale = nullptr;   // %1: id (another version than the person saw)
            const char *decideChanged = nullptr; // %1: id (changed between the read and the write)
            const char *notFailed = nullptr;     // %1: id, %2: its state
            const char *retryStale = nullptr;    // %1: id
            const char *retryChanged = nullptr;  // %1: id
            const char *orphaned = nullptr;      // the last error of an orphan judged uncertain
            const char *senderName = nullptr;    // %1: the longest name
            const char *notSending = nullptr;    // %1: id (the outcome of a lost attempt)
        } texts;
        const char *noun = nullptr; // in the log: "e-mail"
        const QLoggingCategory &(*log)() = nullptr;
    };

    struct ListFilter
    {
        std::optional<OutboxState> state;
        QString search;      // the Spec's searchColumns, case-insensitive
        qint64 beforeId = 0; // keyset paging: only ids below this; 0 = from the newest
        int limit = 200;
    };
    enum class Resolution { MarkSent, Resend };
    // One attempt on record (step 3 of the protocol): which message, who sends it, since when.
    struct Attempt
    {
        qint64 id = 0;
        QString owner;
        qint64 jobId = 0;
        qint64 startedAt = 0;
    };
    // Gets each row a statement returns, on the columns of the Spec.
    using Reader = std::function<void(const SqlStatement &)>;

    OutboxStore(Database &db, const JobClock &clock, const Spec &spec);

    // NotFound when there is no message `id`.
    VoidResult get(qint64 id, const Reader &read);
    // Newest first.
    VoidResult list(const ListFilter &filter, const Reader &read);
    Result<QHash<OutboxState, int>> countByState();
    // In their own transaction, with a drain where the message is queued again; see
    // Outbox::resolveUncertain and Outbox::retry. The changed row goes to `read`.
    VoidResult resolveUncertain(qint64 id, Resolution resolution, const Actor &actor, int expectedVersion,
                                const Reader &read);
    VoidResult retry(qint64 id, const Actor &actor, int expectedVersion, const Reader &read);

    // The drain protocol, steps 1 to 4 (tasks/mail/outbox.h).
    Result<int> markOrphansUncertain(const QString &self);
    // The claimed rows go to `read`, in no particular order.
    VoidResult claimDue(const QString &owner, int limit, qint64 claimMs, const Reader &read);
    VoidResult releaseClaims(const QString &owner, const QList<qint64> &ids, qint64 notBefore);
    Result<std::optional<Attempt>> beginAttempt(qint64 id, const QString &owner, qint64 jobId);
    VoidResult recordSent(const Attempt &attempt, const QString &reply, const Reader &read);
    VoidResult recordTransient(const Attempt &attempt, const QString &error, qint64 retryAt,
                               const Reader &read);
    VoidResult recordFailed(const Attempt &attempt, const QString &error, const Reader &read);
    VoidResult recordUncertain(const Attempt &attempt, const QString &error, const Reader &read);
    VoidResult recordDeferred(const Attempt &attempt, const QString &error, qint64 retryAt,
                              const Reader &read);

    Result<int> makeWaitingDue();
    Result<int> countDue(const QString &self);
    Result<qint64> nextAttemptAt();
    Result<qint64> nextDrainAt(const QString &self);

    // Tells the open lists that the table changed (with the caller's transaction).
    VoidResult announce();

    static Result<EnqueueResult> ensureDrain(Database &db, const JobClock &clock, const Actor &actor,
                                             qint64 runAfter, const Spec &spec);
    static Result<qint64> ensurePendingDrain(Database &db, const JobClock &clock, const Actor &actor,
                                             const Spec &spec);

    // A text of the Spec, translated; %1 … filled by the caller.
    QString text(const char *source) const;

private:
    // A person's change of one message in state `from` (a decision, a retry), in its own
    // transaction: the message must still be in that state, at `expectedVersion` when
    // that is not 0; then `setSql` (its values first, then updated_at's) with the claim
    // cleared, and a drain when it is queued again.
    struct Change
    {
        OutboxState from = OutboxState::Failed;
        const char *notInState = nullptr; // texts of the Spec: %1 id, %2 its state
        const char *stale = nullptr;
        const char *changed = nullptr;
        QString setSql;
        QVariantList setValues;
        bool queued = false;
    };
    VoidResult change(qint64 id, int expectedVersion, const Change &c, const Actor &actor,
                      const Reader &read);
    // The state and version of message `id` (NotFound).
    Result<QPair<OutboxState, int>> stateOf(qint64 id);
    VoidResult query(const QString &sql, const QVariantList &values, const Reader &read);
    VoidResult recordOutcome(const Attempt &attempt, const QString &setSql, const QVariantList &setValues,
                             const Reader &read);
    QString claimable() const;

    Database &m_db;
    const JobClock &m_clock;
    const Spec &m_spec;
};

// An OutboxStore whose rows are read as `Record` (OutboxEmail, SmsRecord) by `read`.
// What the outboxes forward to.
template<typename Record> class OutboxRecords
{
public:
    using ReadFn = Record (*)(const SqlStatement &);

    OutboxRecords(Database &db, const JobClock &clock, const OutboxStore::Spec &spec, ReadFn read)
        : m_store(db, clock, spec)
        , m_read(read)
    {}

    OutboxStore &store() { return m_store; }

    Result<Record> get(qint64 id)
    {
        return one([&](const OutboxStore::Reader &r) { return m_store.get(id, r); });
    }
    Result<QList<Record>> list(const OutboxStore::ListFilter &filter)
    {
        return all([&](const OutboxStore::Reader &r) { return m_store.list(filter, r); });
    }
    Result<Record> resolveUncertain(qint64 id, OutboxStore::Resolution resolution, const Actor &actor,
                                    int expectedVersion)
    {
        return one([&](const OutboxStore::Reader &r) {
            return m_store.resolveUncertain(id, resolution, actor, expectedVersion, r);
        });
    }
    Result<Record> retry(qint64 id, const Actor &actor, int expectedVersion)
    {
        return one(
            [&](const OutboxStore::Reader &r) { return m_store.retry(id, actor, expectedVersion, r); });
    }
    Result<QList<Record>> claimDue(const QString &owner, int limit, qint64 claimMs)
    {
        Result<QList<Record>> claimed =
            all([&](const OutboxStore::Reader &r) { return m_store.claimDue(owner, limit, claimMs, r); });
        if (claimed) {
            std::sort(claimed->begin(), claimed->end(), [](const Record &a, const Record &b) {
                return a.nextAttemptAt != b.nextAttemptAt ? a.nextAttemptAt < b.nextAttemptAt : a.id < b.id;
            });
        }
        return claimed;
    }
    Result<Record> recordSent(const OutboxStore::Attempt &attempt, const QString &reply)
    {
        return one([&](const OutboxStore::Reader &r) { return m_store.recordSent(attempt, reply, r); });
    }
    Result<Record> recordTransient(const OutboxStore::Attempt &attempt, const QString &error, qint64 retryAt)
    {
        return one([&](const OutboxStore::Reader &r) {
            return m_store.recordTransient(attempt, error, retryAt, r);
        });
    }
    Result<Record> recordFailed(const OutboxStore::Attempt &attempt, const QString &error)
    {
        return one([&](const OutboxStore::Reader &r) { return m_store.recordFailed(attempt, error, r); });
    }
    Result<Record> recordUncertain(const OutboxStore::Attempt &attempt, const QString &error)
    {
        return one([&](const OutboxStore::Reader &r) { return m_store.recordUncertain(attempt, error, r); });
    }
    Result<Record> recordDeferred(const OutboxStore::Attempt &attempt, const QString &error, qint64 retryAt)
    {
        return one(
            [&](const OutboxStore::Reader &r) { return m_store.recordDeferred(attempt, error, retryAt, r); });
    }

private:
    template<typename Step> Result<QList<Record>> all(Step &&step)
    {
        QList<Record> rows;
        if (VoidResult r = step([&rows, this](const SqlStatement &st) { rows.append(m_read(st)); }); !r)
            return r.error();
        return rows;
    }
    // The store answers with an error, or with the one row it read or changed.
    template<typename Step> Result<Record> one(Step &&step)
    {
        Result<QList<Record>> rows = all(std::forward<Step>(step));
        if (!rows)
            return rows.error();
        if (rows->isEmpty())
            return DbError(DbError::Code::QueryFailed, QStringLiteral("The outbox returned no row."));
        return rows->first();
    }

    OutboxStore m_store;
    ReadFn m_read;
};
