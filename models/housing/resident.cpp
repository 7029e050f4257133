#include "models/housing/resident.h"

QString Resident::statusCode(Status status)
{
    switch (status) {
    case Status::Active:
        return QStringLiteral("active");
    case Status::Inactive:
        return QStringLiteral("inactive");
    case Status::Graduated:
        return QStringLiteral("graduated");
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
    case Status::Active:
        return tr("Active");
    case Status::Inactive:
        return tr("Inactive");
    case Status::Graduated:
        return tr("Graduated");
    }
    return {};
}

QString Resident::contactByCode(ContactBy contactBy)
{
    switch (contactBy) {
    case ContactBy::Email:
        return QStringLiteral("email");
    case ContactBy::Sms:
        return QStringLiteral("sms");
    case ContactBy::Both:
        return QStringLiteral("both");
    }
    return QStringLiteral("email");
}

std::optional<Resident::ContactBy> Resident::contactByFromCode(const QString &code)
{
    for (ContactBy c : {ContactBy::Email, ContactBy::Sms, ContactBy::Both}) {
        if (contactByCode(c) == code)
            return c;
    }
    return std::nullopt;
}

QString Resident::contactByLabel(ContactBy contactBy)
{
    switch (contactBy) {
    case ContactBy::Email:
        return tr("E-mail");
    case ContactBy::Sms:
        return tr("Text message");
    case ContactBy::Both:
        return tr("E-mail and text message");
    }
    return {};
}
