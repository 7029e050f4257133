#include "models/housing/resident.h"

QString Resident::statusCode(Status status)
{
    switch (status) {
    case Status::Active: return QStringLiteral("active");
    case Status::Inactive: return QStringLiteral("inactive");
    case Status::Graduated: return QStringLiteral("graduated");
    }
    return QStringLiteral("active");
}

std::optional<Resident::Status> Resident::statusFromCode(const QString &code)
{
    for (Status s : {Status::Active, Status::Inactive, Status::Graduated}) {
        if (statusCode(s) == code)
            return s;
    }
    return std::nullopt;
}

QString Resident::statusLabel(Status status)
{
    switch (status) {
    case Status::Active: return tr("Active");
    case Status::Inactive: return tr("Inactive");
    case Status::Graduated: return tr("Graduated");
    }
    return {};
}
