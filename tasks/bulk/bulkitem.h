#pragma once

#include "models/lab/protocol.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>

struct TransitionOutcome;

// The outcome of one protocol in a bulk job (table bulk_job_items): changed — for an
// undo job: restored — with the state and version before and after; skipped with the
// reason (nothing to do: "already received", "changed since"); or failed with the
// error. `note` says what else happened ("no e-mail: the client has no address").
// A value type; any thread.
//
//   BulkItem item = BulkItem::fromOutcome(jobId, outcome);
//   item.note = BulkItem::tr("No e-mail sent: …");
struct BulkItem
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(BulkItem)
public:
    enum class Outcome { Changed, Skipped, Failed };
    Q_ENUM(Outcome)

    qint64 jobId = 0;
    qint64 protocolId = 0;
    QString number; // empty if the protocol does not exist
    Outcome outcome = Outcome::Failed;
    QString reason; // skipped / failed: translated, names the protocol
    QString note;
    std::optional<Protocol::State> beforeState;
    std::optional<Protocol::State> afterState;
    int beforeVersion = 0; // 0: not known (a failed item)
    int afterVersion = 0;
    QDateTime beforeReceivedAt; // UTC; what an undo puts back

    static QString outcomeCode(Outcome outcome); // "changed", "skipped", "failed"
    static std::optional<Outcome> outcomeFromCode(const QString &code);
    // Translated: "Changed" ("Restored" for the items of an undo), "Skipped", "Failed".
    static QString outcomeLabel(Outcome outcome, bool undo = false);
    static QStringList outcomeCodes();

    // From what ProtocolRepository::transitionMany or restoreStates reported.
    static BulkItem fromOutcome(qint64 jobId, const TransitionOutcome &outcome);

    // {"protocol_id", "number", "outcome", "reason", "note", "before_state", "after_state",
    //  "before_version", "after_version"} (states and versions null when unknown).
    QJsonObject toJson() const;
};
Q_DECLARE_METATYPE(BulkItem)
