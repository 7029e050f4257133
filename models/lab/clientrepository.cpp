#include "models/lab/clientrepository.h"

#include "models/core/recipientlanguage.h"
#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/housing/residentrepository.h"
#include "models/housing/sqlhelpers_p.h"
#include "models/lab/labsql_p.h"

using namespace HousingSql;
using namespace Qt::StringLiterals;

namespace {

const QString kSelect =
    QStringLiteral("SELECT id, code, name, kind, email, phone, version, language FROM clients");

QString sortExpression(int column)
{
    switch (column) {
    case ClientRepository::Kind:
        return u"kind"_s;
    case ClientRepository::Email:
        return u"email"_s;
    case ClientRepository::Phone:
        return u"phone"_s;
    case ClientRepository::Code:
        return u"COALESCE(code, '')"_s;
    case ClientRepository::Name:
    default:
        return u"name"_s;
    }
}

Client readClient(const SqlStatement &st)
{
    Client c;
    c.id = st.value(0).toLongLong();
    c.code = st.value(1).toString();
    c.name = st.value(2).toString();
    c.kind = Client::kindFromCode(st.value(3).toString()).value_or(Client::Kind::Owner);
    c.email = st.value(4).toString();
    c.phone = st.value(5).toString();
    c.version = st.value(6).toInt();
    c.language = RecipientLanguage::fromSql(st.value(7));
    return c;
}

Client normalized(Client c)
{
    c.code = c.code.trimmed();
    c.name = c.name.trimmed();
    c.email = c.email.trimmed();
    c.phone = c.phone.trimmed();
    c.language = RecipientLanguage::normalized(c.language);
    if (c.email.isNull())
        c.email = u""_s;
    if (c.phone.isNull())
        c.phone = u""_s;
    return c;
}

QVariant codeValue(const QString &code)
{
    return code.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(code);
}

DbError duplicateCode(const QString &code)
{
    const QString message = ClientRepository::tr("A client with the code \"%1\" already exists.").arg(code);
    return DbError(DbError::Code::Duplicate, message, {}, {FieldError{u"code"_s, message}});
}

void addFilter(Where &where, DatabaseBackend backend, const ListFilter &filter)
{
    where.addSearch(backend, {u"name"_s, u"code"_s, u"email"_s}, filter.search);
    if (!filter.status.isEmpty())
        where.add(u"kind = ?"_s, {filter.status});
}

} // namespace

ClientRepository::ClientRepository(Database &db, Actor actor)
    : m_db(db)
    , m_actor(std::move(actor))
{}

QList<FieldError> ClientRepository::validate(const Client &client)
{
    QList<FieldError> errors;
    if (client.code.trimmed().size() > 32)
        errors.append({u"code"_s, tr("The client code must be at most %1 characters long.").arg(32)});
    const QString name = client.name.trimmed();
    if (name.isEmpty())
        errors.append({u"name"_s, tr("The client's name is required.")});
    else if (name.size() > 200)
        errors.append({u"name"_s, tr("The client's name must be at most %1 characters long.").arg(200)});
    const QString email = client.email.trimmed();
    if (!email.isEmpty() && !ResidentRepository::isValidEmail(email))
        errors.append({u"email"_s, tr("The e-mail address \"%1\" is not valid.").arg(email)});
    if (client.phone.trimmed().size() > 40)
        errors.append({u"phone"_s, tr("The phone number must be at most %1 characters long.").arg(40)});
    if (const auto language = RecipientLanguage::check(client.language))
        errors.append(*language);
    return errors;
}

Result<Client> ClientRepository::get(qint64 id)
{
    SqlStatement st(m_db, kSelect + u" WHERE id = ?"_s);
    st.bind(id);
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return notFound(tr("The client no longer exists."));
    return readClient(st);
}

Result<Client> ClientRepository::findByCode(const QString &code)
{
    SqlStatement st(m_db, kSelect + u" WHERE code = ?"_s);
    st.bind(code.trimmed());
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return notFound(tr("There is no client with the code \"%1\".").arg(code.trimmed()));
    return readClient(st);
}

Result<Client> ClientRepository::create(const Client &input)
{
    const Client client = normalized(input);
    if (QList<FieldError> errors = validate(client); !errors.isEmpty())
        return DbError::validation(std::move(errors));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    SqlStatement st(m_db,
                    u"INSERT INTO clients (code, name, kind, email, phone, language, version, created_by, "
                    "updated_by) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id"_s);
    st.bind(codeValue(client.code)).bind(client.name).bind(Client::kindCode(client.kind)).bind(client.email);
    st.bind(client.phone).bind(RecipientLanguage::sqlValue(client.language));
    st.bind(m_actor.username).bind(m_actor.username);
    if (auto r = st.exec(); !r) {
        // Rolled back before the statement is freed (PostgreSQL refuses to free it in
        // a failed transaction).
        tx.rollback();
        if (r.error().code == DbError::Code::Duplicate)
            return duplicateCode(client.code);
        return r.error();
    }
    if (!st.next())
        return DbError(DbError::Code::QueryFailed, tr("The new client was not stored."));
    const qint64 id = st.value(0).toLongLong();
    st.finish();
    Client stored = client;
    stored.id = id;
    stored.version = 1;
    LabSql::announceChange(m_db, u"clients"_s);
    if (auto r = tx.commit(); !r)
        return r.error();
    return get(id);
}

Result<Client> ClientRepository::update(const Client &input)
{
    const Client client = normalized(input);
    if (QList<FieldError> errors = validate(client); !errors.isEmpty())
        return DbError::validation(std::move(errors));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<Client> before = get(client.id);
    if (!before)
        return before.error();
    SqlStatement st(
        m_db, u"UPDATE clients SET code = ?, name = ?, kind = ?, email = ?, phone = ?, language = ?, "
              "version = version + 1, updated_at = "_s +
                  Dialect::now(m_db.config().backend) + u", updated_by = ? WHERE id = ? AND version = ?"_s);
    st.bind(codeValue(client.code)).bind(client.name).bind(Client::kindCode(client.kind)).bind(client.email);
    st.bind(client.phone).bind(RecipientLanguage::sqlValue(client.language));
    st.bind(m_actor.username).bind(client.id).bind(client.version);
    if (auto r = st.exec(); !r) {
        // Rolled back before the statement is freed (PostgreSQL refuses to free it in
        // a failed transaction).
        tx.rollback();
        if (r.error().code == DbError::Code::Duplicate)
            return duplicateCode(client.code);
        return r.error();
    }
    if (st.numRowsAffected() == 0)
        return conflict(
            tr("Another user changed the client \"%1\" since you opened it. Reload to see their changes.")
                .arg(before->name));
    const Result<Client> after = get(client.id);
    if (!after)
        return after.error();
    LabSql::announceChange(m_db, u"clients"_s);
    if (auto r = tx.commit(); !r)
        return r.error();
    return after;
}

Result<QList<Client>> ClientRepository::page(const PageRequest &request)
{
    const QString sortExpr = sortExpression(request.sortColumn);
    Where where;
    addFilter(where, m_db.config().backend, request.filter);
    where.addCursor(sortExpr, u"id"_s, request);
    SqlStatement st(m_db, kSelect + where.sql() + orderBy(sortExpr, u"id"_s, request.order) + u" LIMIT ?"_s);
    bindAll(st, where.values);
    st.bind(qMax(1, request.limit));
    if (auto r = st.exec(); !r)
        return r.error();
    QList<Client> rows;
    while (st.next())
        rows.append(readClient(st));
    return rows;
}

Result<qint64> ClientRepository::count(const ListFilter &filter)
{
    Where where;
    addFilter(where, m_db.config().backend, filter);
    return scalarCount(m_db, u"SELECT COUNT(*) FROM clients"_s + where.sql(), where.values);
}

QVariant ClientRepository::sortValue(const Client &client, int column)
{
    switch (column) {
    case Kind:
        return Client::kindCode(client.kind);
    case Email:
        return client.email;
    case Phone:
        return client.phone;
    case Code:
        return client.code.isNull() ? u""_s : client.code;
    case Name:
    default:
        return client.name;
    }
}
