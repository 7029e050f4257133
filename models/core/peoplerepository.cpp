#include "models/core/peoplerepository.h"

#include "models/core/actor.h"
#include "models/db/database.h"
#include "models/db/pgquery.h"
#include "models/db/sqlstatement.h"

#include <QRegularExpression>
#include <QSqlDatabase>

using namespace Qt::StringLiterals;

namespace {
// The SQLSTATE at the start of a DbError's detail ("[42501] ERROR: …").
QString sqlState(const DbError &error)
{
    static const QRegularExpression code(u"^\\[([0-9A-Z]{5})\\]"_s);
    const auto match = code.match(error.detail);
    return match.hasMatch() ? match.captured(1) : QString();
}

// The server's own message ("permission denied for function …"), first line only.
QString serverMessage(const DbError &error)
{
    static const QRegularExpression text(u"ERROR:\\s+([^\\n]*)"_s);
    const auto match = text.match(error.detail);
    return match.hasMatch() ? match.captured(1).trimmed() : error.message;
}
} // namespace

PeopleRepository::PeopleRepository(Database &db)
    : m_db(db)
{}

QStringList PeopleRepository::roles()
{
    return {u"admin"_s, u"housing"_s, u"vet"_s, u"worker"_s};
}

std::optional<QString> PeopleRepository::loginProblem(const QString &login)
{
    static const QRegularExpression valid(u"^[a-z][a-z0-9_]{0,62}$"_s);
    if (!valid.match(login).hasMatch())
        return tr("\"%1\" is not a valid login: use lowercase letters, digits and underscores, starting with "
                  "a "
                  "letter, at most 63 characters.")
            .arg(login);
    if (login.startsWith(u"pg_"_s) || login.startsWith(u"residesk_"_s))
        return tr("\"%1\" is not a valid login: names starting with pg_ or residesk_ are reserved.")
            .arg(login);
    return std::nullopt;
}

std::optional<QString> PeopleRepository::roleProblem(const QString &role)
{
    if (roles().contains(role))
        return std::nullopt;
    return tr("\"%1\" is not a role: use admin, housing, vet or worker.").arg(role);
}

DbError PeopleRepository::sqliteRefusal()
{
    return DbError(
        DbError::Code::InvalidState,
        tr("People and roles are managed on PostgreSQL only: the embedded SQLite file has one person, "
           "the operating-system account (%1).")
            .arg(Actor::systemUser().username));
}

QString PeopleRepository::currentLogin() const
{
    return m_db.isPostgreSQL() ? m_db.sessionUser() : Actor::systemUser().username;
}

DbError PeopleRepository::explain(const DbError &error, const QString &what, const QString &login) const
{
    if (error.isConnectionProblem())
        return error;
    const QString state = sqlState(error);
    QString message;
    if (state == u"42501"_s)
        message =
            tr("Permission denied: %1 needs membership in the residesk_admin role, which %2 does not have. "
               "Ask an administrator.")
                .arg(what, currentLogin());
    else if (state == u"42710"_s)
        message = tr("A role named %1 exists already on the PostgreSQL server.").arg(login);
    else if (state == u"42704"_s)
        message = tr("There is no person with the login %1.").arg(login);
    else if (state == u"22023"_s)
        message = tr("The database refused: %1").arg(serverMessage(error));
    else
        message = tr("The database could not complete %1: %2").arg(what, serverMessage(error));
    return DbError(state == u"42501"_s ? DbError::Code::InvalidState : error.code, message, error.detail);
}

VoidResult PeopleRepository::call(const QString &sql, const QVariantList &values, const QString &what,
                                  const QString &login)
{
    if (!m_db.isPostgreSQL())
        return sqliteRefusal();
    SqlStatement st(m_db, sql);
    for (const QVariant &v : values)
        st.bind(v);
    if (auto r = st.exec(); !r)
        return explain(r.error(), what, login);
    return {};
}

Result<QByteArray> PeopleRepository::verifier(const QString &login, const QString &password)
{
    if (password.isEmpty())
        return DbError::validation({{u"password"_s, tr("The password must not be empty.")}});
    Result<QSqlDatabase> conn = m_db.connection();
    if (!conn)
        return conn.error();
    const QByteArray v = PgQuery::scramVerifier(conn.value(), login, password);
    if (v.isEmpty())
        return DbError(DbError::Code::QueryFailed, tr("The password could not be encrypted (libpq)."));
    return v;
}

Result<QList<Person>> PeopleRepository::list()
{
    if (!m_db.isPostgreSQL())
        return sqliteRefusal();
    SqlStatement st(m_db, u"SELECT login, full_name, title, email, role, can_login FROM residesk_people()"_s);
    if (auto r = st.exec(); !r)
        return explain(r.error(), tr("listing people"), {});
    QList<Person> people;
    while (st.next()) {
        Person p;
        p.login = st.value(0).toString();
        p.fullName = st.value(1).toString();
        p.title = st.value(2).toString();
        p.email = st.value(3).toString();
        p.role = st.value(4).toString();
        p.canLogin = st.value(5).toBool();
        people.append(p);
    }
    return people;
}

VoidResult PeopleRepository::add(const Person &person, const QString &password)
{
    if (!m_db.isPostgreSQL())
        return sqliteRefusal();
    QList<FieldError> problems;
    if (const auto p = loginProblem(person.login))
        problems.append({u"login"_s, *p});
    if (const auto p = roleProblem(person.role))
        problems.append({u"role"_s, *p});
    if (person.fullName.trimmed().isEmpty())
        problems.append({u"full_name"_s, tr("A person needs a full name.")});
    if (password.isEmpty())
        problems.append({u"password"_s, tr("The password must not be empty.")});
    if (!problems.isEmpty())
        return DbError::validation(problems);
    const Result<QByteArray> v = verifier(person.login, password);
    if (!v)
        return v.error();
    return call(u"SELECT residesk_add_person(?, ?, ?, ?, ?, ?)"_s,
                {person.login, person.role, QString::fromLatin1(v.value()), person.fullName.trimmed(),
                 person.title.trimmed(), person.email.trimmed()},
                tr("adding people"), person.login);
}

VoidResult PeopleRepository::updateProfile(const Person &person)
{
    if (const auto p = loginProblem(person.login))
        return DbError::validation({{u"login"_s, *p}});
    if (person.fullName.trimmed().isEmpty())
        return DbError::validation({{u"full_name"_s, tr("A person needs a full name.")}});
    return call(u"SELECT residesk_update_person(?, ?, ?, ?)"_s,
                {person.login, person.fullName.trimmed(), person.title.trimmed(), person.email.trimmed()},
                tr("changing people"), person.login);
}

VoidResult PeopleRepository::setRole(const QString &login, const QString &role)
{
    if (const auto p = loginProblem(login))
        return DbError::validation({{u"login"_s, *p}});
    if (const auto p = roleProblem(role))
        return DbError::validation({{u"role"_s, *p}});
    return call(u"SELECT residesk_set_person_role(?, ?)"_s, {login, role}, tr("changing roles"), login);
}

VoidResult PeopleRepository::disable(const QString &login)
{
    if (const auto p = loginProblem(login))
        return DbError::validation({{u"login"_s, *p}});
    return call(u"SELECT residesk_disable_person(?)"_s, {login}, tr("disabling people"), login);
}

VoidResult PeopleRepository::enable(const QString &login)
{
    if (const auto p = loginProblem(login))
        return DbError::validation({{u"login"_s, *p}});
    return call(u"SELECT residesk_enable_person(?)"_s, {login}, tr("enabling people"), login);
}

VoidResult PeopleRepository::setPassword(const QString &login, const QString &password)
{
    if (!m_db.isPostgreSQL())
        return sqliteRefusal();
    if (const auto p = loginProblem(login))
        return DbError::validation({{u"login"_s, *p}});
    const Result<QByteArray> v = verifier(login, password);
    if (!v)
        return v.error();
    return call(u"SELECT residesk_set_person_password(?, ?)"_s, {login, QString::fromLatin1(v.value())},
                tr("setting another person's password"), login);
}

VoidResult PeopleRepository::setOwnPassword(const QString &password)
{
    if (!m_db.isPostgreSQL())
        return sqliteRefusal();
    if (auto opened = m_db.open(); !opened)
        return opened.error();
    const QString login = m_db.sessionUser();
    const Result<QByteArray> v = verifier(login, password);
    if (!v)
        return v.error();
    return call(u"SELECT residesk_set_own_password(?)"_s, {QString::fromLatin1(v.value())},
                tr("changing your password"), login);
}

Result<bool> PeopleRepository::ensure(const Person &person, const QString &password)
{
    const Result<QList<Person>> people = list();
    if (!people)
        return people.error();
    for (const Person &existing : people.value()) {
        if (existing.login != person.login)
            continue;
        if (existing.role != person.role) {
            if (auto r = setRole(person.login, person.role); !r)
                return r.error();
        }
        if (auto r = updateProfile(person); !r)
            return r.error();
        return false;
    }
    if (auto r = add(person, password); !r)
        return r.error();
    return true;
}

Result<bool> PeopleRepository::canManagePeople()
{
    if (!m_db.isPostgreSQL())
        return false;
    SqlStatement st(m_db, u"SELECT pg_has_role(session_user, 'residesk_admin', 'USAGE')"_s);
    if (auto r = st.exec(); !r)
        return r.error();
    return st.next() && st.value(0).toBool();
}

Result<QString> PeopleRepository::displayName(const QString &login)
{
    if (login.trimmed().isEmpty())
        return login;
    SqlStatement st(m_db, u"SELECT full_name FROM people WHERE login = ?"_s);
    st.bind(login);
    if (auto r = st.exec(); !r)
        return r.error();
    const QString name = st.next() ? st.value(0).toString().trimmed() : QString();
    return name.isEmpty() ? login : name;
}
