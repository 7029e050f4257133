#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// A protocol: one submission of samples from a client, with its number
// ("P-2026-000123") and its place in the lab's state machine
//
//   submitted → received → in_analysis → finalized
//   any state except finalized → cancelled
//
// (ProtocolRepository::canTransition is the one place that says what is allowed).
struct Protocol
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(Protocol)
public:
    enum class State { Submitted, Received, InAnalysis, Finalized, Cancelled };
    Q_ENUM(State)

    qint64 id = 0;
    QString number; // assigned by ProtocolRepository::create
    qint64 clientId = 0;
    QString clientName; // read-only: the client's name when the row was read
    QString species;    // required
    QString animalId;   // optional: ear tag, chip, name
    int sampleCount = 1;
    QString sampleType; // "EDTA blood", "serum" …
    State state = State::Submitted;
    QDateTime submittedAt; // UTC
    QDateTime receivedAt;  // UTC; null until received
    int version = 0;

    bool operator==(const Protocol &) const = default;

    // The row version: it changes whenever the protocol changes.
    int contentVersion() const { return version; }

    static QString stateCode(State state); // "submitted", "received", "in_analysis", "finalized", "cancelled"
    static std::optional<State> stateFromCode(const QString &code);
    static QString stateLabel(State state); // translated
    static QList<State> allStates();
    static QStringList allStateCodes();
};
Q_DECLARE_METATYPE(Protocol)
