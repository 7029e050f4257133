#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

// One resident's bed in one room for the days [from, to): `to` is the day the bed is
// free again; a null `to` is open-ended. Only reserved and checked-in allocations
// hold a bed (isActive()). The state machine lives in AllocationRepository:
//   reserved → checked_in → checked_out;  reserved → cancelled.
// A value type; the fields after `version` are filled by the repository's reads.
//
//   Allocation a{.residentId = ana.id, .roomId = room.id, .from = QDate(2026, 9, 1)};
//   Result<Allocation> stored = AllocationRepository(db, actor).reserve(a);
struct Allocation
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(Allocation)
public:
    enum class State { Reserved, CheckedIn, CheckedOut, Cancelled };
    Q_ENUM(State)

    qint64 id = 0;
    qint64 residentId = 0;
    qint64 roomId = 0;
    QDate from;
    QDate to; // null: open-ended
    State state = State::Reserved;
    QDateTime checkedInAt;  // UTC; null until checked in
    QDateTime checkedOutAt; // UTC; null until checked out
    QString notes;
    int version = 0;

    // Read-only, filled by the repository's reads.
    QString residentStudentId;
    QString residentFirstName;
    QString residentLastName;
    qint64 buildingId = 0;
    QString buildingCode;
    QString buildingName;
    QString roomNumber;
    QDateTime createdAt;
    QString createdBy;
    QDateTime updatedAt;
    QString updatedBy;

    bool operator==(const Allocation &) const = default;

    // Reserved or checked in: it holds a bed on its days.
    bool isActive() const { return state == State::Reserved || state == State::CheckedIn; }
    // True if `day` lies in [from, to).
    bool covers(const QDate &day) const { return day >= from && (!to.isValid() || day < to); }
    // "A-101": building code and room number, as people name a room.
    QString roomLabel() const;
    // "Ana López (S0001)".
    QString residentLabel() const;

    // Stable codes stored in the database and used by the command line ("checked_in").
    static QString stateCode(State state);
    static std::optional<State> stateFromCode(const QString &code);
    static QString stateLabel(State state); // translated: "Checked in"
    static QString codeList();              // "reserved, checked_in, checked_out, cancelled"
    // "A-101" for a building code and room number.
    static QString roomLabel(const QString &buildingCode, const QString &roomNumber);
};
Q_DECLARE_METATYPE(Allocation)
