#pragma once

#include "models/core/person.h"
#include "models/db/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class Database;

// People and their roles. On PostgreSQL every change goes through the SECURITY DEFINER
// functions of migration 0013 (resources/migrations/0013_people.postgresql.sql), which
// only administrators may execute: PostgreSQL refuses everybody else, and a refusal
// comes back as a DbError whose message names the missing permission. Passwords leave
// this class only as SCRAM verifiers computed by libpq on the client.
//
// On the embedded SQLite file there is one person, the operating-system account: the
// role commands are refused with sqliteRefusal(); displayName() works on both.
//
// Thread: any, on that thread's connection of `db` (like every repository). Blocking:
// call it off the GUI thread.
//
//   PeopleRepository people(db);
//   if (auto r = people.add({u"ana"_s, u"Ana Ruiz"_s, {}, {}, u"vet"_s}, password); !r)
//       show(r.error().message);
class PeopleRepository
{
    Q_DECLARE_TR_FUNCTIONS(PeopleRepository)
public:
    explicit PeopleRepository(Database &db);

    // admin, housing, vet, worker.
    static QStringList roles();
    // Why `login` cannot be a person's login (translated), or nothing when it can: the
    // same rule the server checks (lowercase letters, digits, underscores, starting with
    // a letter, at most 63 characters, not pg_… or residesk_…).
    static std::optional<QString> loginProblem(const QString &login);
    static std::optional<QString> roleProblem(const QString &role);
    // "People and roles live on PostgreSQL …" for the role commands on SQLite.
    static DbError sqliteRefusal();

    Result<QList<Person>> list();
    VoidResult add(const Person &person, const QString &password);
    VoidResult updateProfile(const Person &person);
    VoidResult setRole(const QString &login, const QString &role);
    // Takes the login away and ends the person's open sessions (migration 0021).
    VoidResult disable(const QString &login);
    // Lets a disabled person sign in again.
    VoidResult enable(const QString &login);
    VoidResult setPassword(const QString &login, const QString &password);
    VoidResult setOwnPassword(const QString &password);
    // Adds `person` unless a person of that login exists; then only their profile and
    // role are brought in line (the password stays). True when added. For demo people.
    Result<bool> ensure(const Person &person, const QString &password);
    // Whether the signed-in login may manage people (asks the server: membership in
    // residesk_admin). False on SQLite, where there are no roles to manage.
    Result<bool> canManagePeople();
    // The login signed in (session_user; the operating-system account on SQLite).
    QString currentLogin() const;
    // The full name of `login` from `people`, else the login itself (both backends).
    Result<QString> displayName(const QString &login);

private:
    VoidResult call(const QString &sql, const QVariantList &values, const QString &what,
                    const QString &login = {});
    Result<QByteArray> verifier(const QString &login, const QString &password);
    DbError explain(const DbError &error, const QString &what, const QString &login) const;

    Database &m_db;
};
