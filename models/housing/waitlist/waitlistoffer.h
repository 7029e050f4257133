#pragma once

#include "models/housing/room.h"

#include <QCoreApplication>
#include <QDate>
#include <QMetaType>
#include <QString>

#include <optional>

// A freed bed offered to the first waiting resident of a list: room, days
// [from, to) (a null `to` is open-ended), and a deadline to answer.
//   pending → accepted (allocationId: the reservation it became) / declined / expired /
//   withdrawn (the resident was taken off the list).
// A value type; the fields after `version` are filled by WaitlistRepository's reads.
struct WaitlistOffer
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(WaitlistOffer)
public:
    enum class State { Pending, Accepted, Declined, Expired, Withdrawn };
    Q_ENUM(State)

    qint64 id = 0;
    qint64 entryId = 0;
    qint64 roomId = 0;
    QDate from;
    QDate to; // null: open-ended
    State state = State::Pending;
    qint64 offeredAt = 0;  // ms since the epoch
    qint64 deadlineAt = 0; // ms since the epoch
    qint64 answeredAt = 0; // 0 while pending
    qint64 allocationId = 0;
    qint64 jobId = 0; // the waitlist.offer job that made it
    int version = 0;

    // Read-only.
    qint64 residentId = 0;
    QString residentStudentId;
    QString residentFirstName;
    QString residentLastName;
    QString residentEmail;
    qint64 buildingId = 0;
    QString buildingCode;
    QString buildingName;
    QString roomNumber;
    Room::Type roomType = Room::Type::Single;

    QString residentLabel() const;
    QString roomLabel() const; // "NH-101"

    static QString stateCode(State state);
    static std::optional<State> stateFromCode(const QString &code);
    static QString stateLabel(State state); // translated
};
Q_DECLARE_METATYPE(WaitlistOffer)

// A bed that became free in a room from a day on: what a waitlist.offer job offers.
struct FreedBed
{
    qint64 roomId = 0;
    QDate from;
};
