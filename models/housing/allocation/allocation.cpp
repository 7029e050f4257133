#include "models/housing/allocation/allocation.h"

using namespace Qt::StringLiterals;

namespace {
constexpr Allocation::State kStates[] = {Allocation::State::Reserved, Allocation::State::CheckedIn,
                                         Allocation::State::CheckedOut, Allocation::State::Cancelled};
}

QString Allocation::roomLabel() const
{
    return roomLabel(buildingCode, roomNumber);
}

QString Allocation::roomLabel(const QString &buildingCode, const QString &roomNumber)
{
    if (buildingCode.isEmpty())
        return roomNumber;
    return buildingCode + u'-' + roomNumber;
}

QString Allocation::residentLabel() const
{
    const QString name = (residentFirstName + u' ' + residentLastName).trimmed();
    if (name.isEmpty())
        return residentStudentId;
    return residentStudentId.isEmpty() ? name : u"%1 (%2)"_s.arg(name, residentStudentId);
}

QString Allocation::stateCode(State state)
{
    switch (state) {
    case State::Reserved:
        return u"reserved"_s;
    case State::CheckedIn:
        return u"checked_in"_s;
    case State::CheckedOut:
        return u"checked_out"_s;
    case State::Cancelled:
        return u"cancelled"_s;
    }
    return u"reserved"_s;
}

std::optional<Allocation::State> Allocation::stateFromCode(const QString &code)
{
    for (const State s : kStates) {
        if (stateCode(s) == code)
            return s;
    }
    return std::nullopt;
}

QString Allocation::stateLabel(State state)
{
    switch (state) {
    case State::Reserved:
        return tr("Reserved");
    case State::CheckedIn:
        return tr("Checked in");
    case State::CheckedOut:
        return tr("Checked out");
    case State::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString Allocation::codeList()
{
    QStringList codes;
    for (const State s : kStates)
        codes << stateCode(s);
    return codes.join(u", "_s);
}
