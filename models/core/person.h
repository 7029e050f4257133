#pragma once

#include <QMetaType>
#include <QString>

// One person who signs in to Residesk: on PostgreSQL a login role of that name, member
// of one group (role: "admin", "housing", "vet" or "worker"), with a profile row in
// `people` (full name, title, e-mail).
struct Person
{
    QString login;
    QString fullName;
    QString title;
    QString email;
    QString role;
    bool canLogin = true;

    // The name that signs reports: the full name, else the login.
    QString displayName() const { return fullName.trimmed().isEmpty() ? login : fullName.trimmed(); }
};
Q_DECLARE_METATYPE(Person)
