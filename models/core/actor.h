#pragma once

#include <QMetaType>
#include <QString>

// Who is acting on the data. Every repository is constructed with one, so that
// permissions and the audit trail are enforced in the data layer, not in the window.
// Until sign-in exists, the operating-system user acts as an administrator.
struct Actor
{
    enum class Role { Admin, Housing, Vet };

    QString username;
    Role role = Role::Admin;

    // The operating-system user running the process (USER / LOGNAME, else "unknown").
    static Actor systemUser();
    static QString roleCode(Role role);
};
Q_DECLARE_METATYPE(Actor)
