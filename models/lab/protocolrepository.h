#pragma once

#include "models/core/actor.h"
#include "models/core/listquery.h"
#include "models/db/result.h"
#include "models/lab/protocol.h"

#include <QDate>
#include <QJsonObject>
#include <QList>

#include <optional>

class Database;

// What a protocol list shows: every field is optional (empty / 0 / null: any).
struct ProtocolFilter
{
    std::optional<Protocol::State> state;
    qint64 clientId = 0;
    QDate submittedFrom; // inclusive, UTC calendar date
    QDate submittedTo;   // inclusive, UTC calendar date
    QString search;      // case-insensitive substring of the number, animal id or client name

    bool operator==(const ProtocolFilter &) const = default;
};
Q_DECLARE_METATYPE(ProtocolFilter)

// The outcome of one protocol in a batch transition (transitionMany): one bad item
// never stops the others.
struct TransitionOutcome
{
    enum class Kind { Changed, Skipped, Failed };
    // The fields a transition changes, as in its audit entry.
    struct Snapshot
    {
        Protocol::State state = Protocol::State::Submitted;
        int version = 0;
        QDateTime receivedAt; // UTC; null if not received
        // {"received_at": "…Z" | null, "state": "received", "version": 4}
        QJsonObject toJson() const;
        // The same as compact JSON text (written without QJsonObject: a bulk change
        // renders thousands of these).
        QString toJsonText() const;
    };

    qint64 id = 0;
    QString number; // empty if the protocol does not exist
    Kind kind = Kind::Failed;
    QString reason;  // Skipped / Failed: translated, names the protocol and its state
    DbError error;   // Failed: the error (InvalidState, NotFound)
    Snapshot before; // Changed: before …
    Snapshot after;  // … and after
};

// One protocol for ProtocolRepository::restoreStates(): the state (and received_at) it
// had before a bulk change, to be put back if the protocol still has the version that
// change left it with.
struct RestoreItem
{
    qint64 id = 0;
    int expectedVersion = 0;                            // the version the change left (its after_version)
    Protocol::State state = Protocol::State::Submitted; // what to put back …
    QDateTime receivedAt;                               // … with this received_at (null: none)
};

// Protocols in the database, with the lab's state machine. Runs on the calling
// thread with that thread's connection (from the GUI thread, go through DbExecutor).
// Every write joins the caller's open Transaction (as a savepoint) or runs in one of
// its own, writes its audit entries in the same transaction and announces a
// records-changed event for "protocols".
//
//   ProtocolRepository repo(db, actor);
//   Result<Protocol> p = repo.create({.clientId = farm.id, .species = u"Bovine"_s});
//   Result<Protocol> r = repo.transition(p->id, Protocol::State::Received, p->version);
//
// The state machine (checked here, whatever the caller):
//   submitted → received → in_analysis → finalized; cancelled from any state but finalized.
// A refused change is DbError::InvalidState with a message that names the number, the
// state and the requested one ("Protocol P-2026-000123 is finalized; it cannot be
// cancelled."). Becoming received sets received_at.
//
// Bulk use (a job changing thousands of protocols): call transitionMany() with chunks
// of about 500 ids, each chunk in its own transaction together with the job's
// checkpoint. Each chunk costs a handful of set-based statements, not a round trip per
// protocol (see tests/bench: lab_bulk_transition_10k).
class ProtocolRepository
{
    Q_DECLARE_TR_FUNCTIONS(ProtocolRepository)
public:
    // Sort columns; ProtocolsTableModel shows its columns in this order.
    enum Column { Number, Client, Species, AnimalId, Samples, State, SubmittedAt, ReceivedAt, ColumnCount };

    // transition(): skip the version check (batch use, where no copy was read).
    static constexpr int AnyVersion = -1;
    // transitionMany(): ids per statement; larger lists are split (same transaction).
    static constexpr int MaxChunk = 500;

    ProtocolRepository(Database &db, Actor actor);

    // Field keys: "client_id", "species", "animal_id", "sample_count", "sample_type".
    static QList<FieldError> validate(const Protocol &protocol);
    static bool canTransition(Protocol::State from, Protocol::State to);
    // The translated reason why from → to is refused; empty if allowed.
    static QString refusal(const QString &number, Protocol::State from, Protocol::State to);

    Result<Protocol> get(qint64 id);
    Result<Protocol> getByNumber(const QString &number);

    // Validates and inserts a protocol in state submitted, with the next number of the
    // current (UTC) year "P-<year>-<seq>", an empty work order and an empty draft
    // report (revision 1), all in one transaction. submittedAt defaults to now. Two
    // clients creating at once never get the same number: a duplicate retries with
    // the next one (up to 20 times).
    Result<Protocol> create(const Protocol &protocol);
    // Updates the descriptive fields (client, species, animal id, samples) of a
    // protocol that is not finalized or cancelled, if its version still matches
    // (Conflict otherwise). The state changes only through transition().
    Result<Protocol> update(const Protocol &protocol);

    // Moves one protocol to `to`, checking the state machine and, unless AnyVersion,
    // the version (Conflict if stale). Bumps the version, sets received_at on
    // received, writes one audit entry (entity "protocol", action "transition",
    // before/after {"state","version","received_at"}) with `jobId` (0: none).
    Result<Protocol> transition(qint64 id, Protocol::State to, int expectedVersion = AnyVersion,
                                qint64 jobId = 0);

    // Moves many protocols to `to` at once; returns one outcome per id, in order:
    //  - Changed: moved (before/after as in the audit entry);
    //  - Skipped: already in `to` ("Protocol P-… is already received."); nothing written;
    //  - Failed: not allowed from its state (InvalidState) or not found (NotFound).
    // The whole call is one transaction (the caller's, if open); the Result fails only
    // for a database error, which leaves nothing changed. Rows are locked (PostgreSQL
    // FOR UPDATE) so that concurrent changes wait instead of being overwritten.
    Result<QList<TransitionOutcome>> transitionMany(const QList<qint64> &ids, Protocol::State to,
                                                    qint64 jobId = 0);

    // Puts protocols back as a bulk change found them: the undo of a job that changed
    // them. This is the one way around the state machine (received → submitted is no
    // transition anyone may make by hand), so it only takes what a job recorded, checks
    // each protocol's version and audits every restore (entity "protocol", action
    // "restore", before/after as for a transition, with `jobId`: the undo job). One
    // outcome per item, in order:
    //  - Changed: restored to item.state and item.receivedAt, version bumped;
    //  - Skipped: the protocol changed since (its version is not item.expectedVersion):
    //    "Protocol P-… changed since (version 7, not 5); it stays in analysis.";
    //  - Failed: it no longer exists (NotFound).
    // One transaction (the caller's, if open), set-based per MaxChunk items; the Result
    // fails only for a database error, which leaves nothing changed.
    Result<QList<TransitionOutcome>> restoreStates(const QList<RestoreItem> &items, qint64 jobId);

    // The ids matching `filter` above `afterId`, ascending, at most `limit`: how a bulk
    // job walks a selection in chunks, checkpointing the last id it finished.
    //   qint64 after = checkpoint.value("after").toInteger();
    //   auto ids = repo.idsAfter(filter, after, 500);  // then transitionMany(ids, …)
    Result<QList<qint64>> idsAfter(const ProtocolFilter &filter, qint64 afterId, int limit);

    // Keyset paging as in the housing repositories; request.filter (a ListFilter) is
    // not used: `filter` says what is shown.
    Result<QList<Protocol>> page(const ProtocolFilter &filter, const PageRequest &request);
    Result<qint64> count(const ProtocolFilter &filter);
    // The sort value of `protocol` for `column`, as used in a PageRequest cursor.
    static QVariant sortValue(const Protocol &protocol, int column);

    // The number for year and sequence: "P-2026-000123".
    static QString formatNumber(int year, int seq);

private:
    struct Locked;
    Result<QList<Locked>> lockRows(const QList<qint64> &ids);
    VoidResult apply(const QList<Locked> &rows, Protocol::State to, qint64 jobId,
                     QList<TransitionOutcome> *outcomes);
    VoidResult restore(const QList<QPair<Locked, RestoreItem>> &rows, qint64 jobId,
                       QList<TransitionOutcome> *outcomes);
    // The outcome of one changed row, appended to `outcomes` (if any).
    void recordOutcome(const Locked &row, const TransitionOutcome::Snapshot &after,
                       QList<TransitionOutcome> *outcomes);

    Database &m_db;
    Actor m_actor;
};
