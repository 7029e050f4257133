#include "models/housing/room.h"

QString Room::typeCode(Type type)
{
    switch (type) {
    case Type::Single: return QStringLiteral("single");
    case Type::Double: return QStringLiteral("double");
    case Type::Triple: return QStringLiteral("triple");
    case Type::Suite: return QStringLiteral("suite");
    case Type::Studio: return QStringLiteral("studio");
    }
    return QStringLiteral("single");
}

std::optional<Room::Type> Room::typeFromCode(const QString &code)
{
    for (Type t : {Type::Single, Type::Double, Type::Triple, Type::Suite, Type::Studio}) {
        if (typeCode(t) == code)
            return t;
    }
    return std::nullopt;
}

QString Room::typeLabel(Type type)
{
    switch (type) {
    case Type::Single: return tr("Single");
    case Type::Double: return tr("Double");
    case Type::Triple: return tr("Triple");
    case Type::Suite: return tr("Suite");
    case Type::Studio: return tr("Studio");
    }
    return {};
}

QString Room::statusCode(Status status)
{
    switch (status) {
    case Status::Available: return QStringLiteral("available");
    case Status::Maintenance: return QStringLiteral("maintenance");
    case Status::OutOfService: return QStringLiteral("out_of_service");
    }
    return QStringLiteral("available");
}

std::optional<Room::Status> Room::statusFromCode(const QString &code)
{
    for (Status s : {Status::Available, Status::Maintenance, Status::OutOfService}) {
        if (statusCode(s) == code)
            return s;
    }
    return std::nullopt;
}

QString Room::statusLabel(Status status)
{
    switch (status) {
    case Status::Available: return tr("Available");
    case Status::Maintenance: return tr("Under maintenance");
    case Status::OutOfService: return tr("Out of service");
    }
    return {};
}
