#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// A report on a protocol: findings and a table of results. Revision 1 is made with the
// protocol; a finalized report never changes again (its PDF is stored), and a
// correction is a new draft revision n+1 that supersedes it (ReportRepository::amend).
struct Report
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(Report)
public:
    enum class State { Draft, Finalized };
    Q_ENUM(State)

    enum class Flag { None, Low, High, Abnormal };
    Q_ENUM(Flag)

    // One row of the results table.
    struct ResultRow
    {
        int position = 0;       // 1, 2, … (assigned on write from the list order)
        QString analyte;        // required: "Haemoglobin"
        QString value;          // "13.2"
        QString unit;           // "g/dL"
        QString referenceRange; // "12.0–18.0"
        Flag flag = Flag::None;
        bool operator==(const ResultRow &) const = default;
    };

    qint64 id = 0;
    qint64 protocolId = 0;
    QString protocolNumber; // read-only, joined
    int revision = 1;       // 1, 2, … per protocol
    State state = State::Draft;
    QString findings;
    qint64 supersedesId = 0;    // 0: none (revision 1)
    qint64 supersededById = 0;  // 0: not superseded
    qint64 finalizingJobId = 0; // 0: no finalize job holds it
    qint64 finalizedJobId = 0;  // the job that finalized it (0 while draft)
    QString signedBy;           // set when finalized: the signer's login
    QString signerName;         // read-only, joined: the signer's full name (people), else the login
    QDateTime signedAt;         // UTC; set when finalized
    int version = 0;            // row version (optimistic locking)
    // Filled by ReportRepository::get and the other single-report reads; empty in
    // page() rows, which carry resultCount instead.
    QList<ResultRow> results;
    int resultCount = 0;

    bool operator==(const Report &) const = default;

    bool isFinalized() const { return state == State::Finalized; }
    bool isFinalizing() const { return finalizingJobId != 0; }
    // A draft that no finalize job holds: the only state in which it may be edited.
    bool isEditable() const { return state == State::Draft && !isFinalizing(); }
    // The version the PDF cache keys on: every change to the report bumps it.
    int contentVersion() const { return version; }

    static QString stateCode(State state); // "draft", "finalized"
    static std::optional<State> stateFromCode(const QString &code);
    static QString stateLabel(State state); // translated
    static QList<State> allStates();
    static QStringList allStateCodes();

    static QString flagCode(Flag flag); // "", "L", "H", "A"
    static std::optional<Flag> flagFromCode(const QString &code);
    static QString flagLabel(Flag flag); // translated: "", "Low", "High", "Abnormal"
};
Q_DECLARE_METATYPE(Report)
