#pragma once

#include "models/housing/room.h"

#include <QCoreApplication>
#include <QDate>
#include <QMetaType>
#include <QString>

#include <optional>

// A resident waiting for a bed of one room type in one building. Entries of one list
// are served in the order they joined (joinedAt, then id); a resident is on a list at
// most once while waiting or holding an offer. The states:
//   waiting → offered (an offer is pending) → placed (accepted: a reservation);
//   offered → declined / expired (the offer lapsed: the entry leaves the list);
//   waiting or offered → removed (taken off the list).
// A value type; the fields after `version` are filled by WaitlistRepository's reads.
struct WaitlistEntry
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(WaitlistEntry)
public:
    enum class State { Waiting, Offered, Placed, Declined, Expired, Removed };
    Q_ENUM(State)

    qint64 id = 0;
    qint64 residentId = 0;
    qint64 buildingId = 0;
    Room::Type roomType = Room::Type::Single;
    State state = State::Waiting;
    qint64 joinedAt = 0; // ms since the epoch
    qint64 leftAt = 0;   // ms since the epoch; 0 while on the list
    QString notes;
    int version = 0;

    // Read-only.
    int position = 0; // 1 for the first on its list; 0 once it left the list
    QString residentStudentId;
    QString residentFirstName;
    QString residentLastName;
    QString residentEmail;
    QString buildingCode;
    // The pending offer, if any (offerId 0: none).
    qint64 offerId = 0;
    QString offerRoomNumber;
    QDate offerFrom;
    QDate offerTo;
    qint64 offerDeadlineAt = 0;

    bool onList() const { return state == State::Waiting || state == State::Offered; }
    // "Ana López (S0001)".
    QString residentLabel() const;

    static QString stateCode(State state);
    static std::optional<State> stateFromCode(const QString &code);
    static QString stateLabel(State state); // translated
};
Q_DECLARE_METATYPE(WaitlistEntry)
