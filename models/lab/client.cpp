#include "models/lab/client.h"

QString Client::kindCode(Kind kind)
{
    switch (kind) {
    case Kind::Farm:
        return QStringLiteral("farm");
    case Kind::Owner:
        return QStringLiteral("owner");
    case Kind::Clinic:
        return QStringLiteral("clinic");
    }
    return QStringLiteral("owner");
}

std::optional<Client::Kind> Client::kindFromCode(const QString &code)
{
    for (Kind k : allKinds()) {
        if (kindCode(k) == code)
            return k;
    }
    return std::nullopt;
}

QString Client::kindLabel(Kind kind)
{
    switch (kind) {
    case Kind::Farm:
        return tr("Farm");
    case Kind::Owner:
        return tr("Owner");
    case Kind::Clinic:
        return tr("Clinic");
    }
    return {};
}

QList<Client::Kind> Client::allKinds()
{
    return {Kind::Farm, Kind::Owner, Kind::Clinic};
}
