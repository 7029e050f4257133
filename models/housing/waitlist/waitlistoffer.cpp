#include "models/housing/waitlist/waitlistoffer.h"

#include "models/housing/allocation/allocation.h"

using namespace Qt::StringLiterals;

namespace {
constexpr WaitlistOffer::State kStates[] = {WaitlistOffer::State::Pending, WaitlistOffer::State::Accepted,
                                            WaitlistOffer::State::Declined, WaitlistOffer::State::Expired,
                                            WaitlistOffer::State::Withdrawn};
}

QString WaitlistOffer::residentLabel() const
{
    const QString name = (residentFirstName + u' ' + residentLastName).trimmed();
    if (name.isEmpty())
        return residentStudentId;
    return residentStudentId.isEmpty() ? name : u"%1 (%2)"_s.arg(name, residentStudentId);
}

QString WaitlistOffer::roomLabel() const
{
    return Allocation::roomLabel(buildingCode, roomNumber);
}

QString WaitlistOffer::stateCode(State state)
{
    switch (state) {
    case State::Pending:
        return u"pending"_s;
    case State::Accepted:
        return u"accepted"_s;
    case State::Declined:
        return u"declined"_s;
    case State::Expired:
        return u"expired"_s;
    case State::Withdrawn:
        return u"withdrawn"_s;
    }
    return u"pending"_s;
}

std::optional<WaitlistOffer::State> WaitlistOffer::stateFromCode(const QString &code)
{
    for (const State s : kStates) {
        if (stateCode(s) == code)
            return s;
    }
    return std::nullopt;
}

QString WaitlistOffer::stateLabel(State state)
{
    switch (state) {
    case State::Pending:
        return tr("Pending");
    case State::Accepted:
        return tr("Accepted");
    case State::Declined:
        return tr("Declined");
    case State::Expired:
        return tr("Expired");
    case State::Withdrawn:
        return tr("Withdrawn");
    }
    return {};
}
