#include "models/core/actor.h"

#include <QtGlobal>

Actor Actor::systemUser()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("LOGNAME");
    if (name.isEmpty())
        name = QStringLiteral("unknown");
    return Actor{name, Role::Admin};
}

QString Actor::roleCode(Role role)
{
    switch (role) {
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Housing:
        return QStringLiteral("housing");
    case Role::Vet:
        return QStringLiteral("vet");
    }
    return {};
}
