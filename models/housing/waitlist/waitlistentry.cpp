#include "models/housing/waitlist/waitlistentry.h"

using namespace Qt::StringLiterals;

namespace {
constexpr WaitlistEntry::State kStates[] = {WaitlistEntry::State::Waiting,  WaitlistEntry::State::Offered,
                                            WaitlistEntry::State::Placed,   WaitlistEntry::State::Declined,
                                            WaitlistEntry::State::Expired,  WaitlistEntry::State::Removed};
}

QString WaitlistEntry::residentLabel() const
{
    const QString name = (residentFirstName + u' ' + residentLastName).trimmed();
    if (name.isEmpty())
        return residentStudentId;
    return residentStudentId.isEmpty() ? name : u"%1 (%2)"_s.arg(name, residentStudentId);
}

QString WaitlistEntry::stateCode(State state)
{
    switch (state) {
    case State::Waiting:
        return u"waiting"_s;
    case State::Offered:
        return u"offered"_s;
    case State::Placed:
        return u"placed"_s;
    case State::Declined:
        return u"declined"_s;
    case State::Expired:
        return u"expired"_s;
    case State::Removed:
        return u"removed"_s;
    }
    return u"waiting"_s;
}

std::optional<WaitlistEntry::State> WaitlistEntry::stateFromCode(const QString &code)
{
    for (const State s : kStates) {
        if (stateCode(s) == code)
            return s;
    }
    return std::nullopt;
}

QString WaitlistEntry::stateLabel(State state)
{
    switch (state) {
    case State::Waiting:
        return tr("Waiting");
    case State::Offered:
        return tr("Offered a bed");
    case State::Placed:
        return tr("Placed");
    case State::Declined:
        return tr("Declined");
    case State::Expired:
        return tr("Offer expired");
    case State::Removed:
        return tr("Removed");
    }
    return {};
}
