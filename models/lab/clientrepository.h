#pragma once

#include "models/core/actor.h"
#include "models/core/listquery.h"
#include "models/db/result.h"
#include "models/lab/client.h"

#include <QList>

class Database;

// The lab's clients in the database. Runs on the calling thread with that thread's
// connection (use DbExecutor from the GUI thread). Validation here and again in the
// database's constraints; update checks `version` (Conflict when stale). Writes join
// the caller's open Transaction, are audited (entity "client") and announce a
// records-changed event for "clients".
//
//   ClientRepository clients(db, actor);
//   Result<Client> farm = clients.create({.name = u"Green Acres"_s, .kind = Client::Kind::Farm});
class ClientRepository
{
    Q_DECLARE_TR_FUNCTIONS(ClientRepository)
public:
    enum Column { Name, Kind, Email, Phone, Code, ColumnCount };

    ClientRepository(Database &db, Actor actor);

    // Field keys: "code", "name", "email", "phone", "language" ("en", "es" or empty:
    // RecipientLanguage).
    static QList<FieldError> validate(const Client &client);

    Result<Client> get(qint64 id);
    Result<Client> findByCode(const QString &code);
    Result<Client> create(const Client &client);
    Result<Client> update(const Client &client);

    // ListFilter: search over name, code and e-mail; status = a kind code ("farm").
    Result<QList<Client>> page(const PageRequest &request);
    Result<qint64> count(const ListFilter &filter);
    static QVariant sortValue(const Client &client, int column);

private:
    Database &m_db;
    Actor m_actor;
};
