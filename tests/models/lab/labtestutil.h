#pragma once

// Small helpers shared by the lab tests: a client and protocols in a given state.

#include "models/core/actor.h"
#include "models/db/database.h"
#include "models/db/sqlstatement.h"
#include "models/lab/clientrepository.h"
#include "models/lab/protocolrepository.h"

#include <QList>
#include <QString>
#include <QTest>

namespace LabTest {

inline Actor actor(const QString &name = QStringLiteral("labtester"))
{
    return Actor{name, Actor::Role::Vet};
}

inline QVariant queryValue(Database &db, const QString &sql, const QVariantList &values = {})
{
    SqlStatement st(db, sql);
    for (const QVariant &v : values)
        st.bind(v);
    if (auto r = st.exec(); !r) {
        qWarning("%s", qPrintable(r.error().detail));
        return {};
    }
    return st.next() ? st.value(0) : QVariant();
}

inline QList<qint64> queryIds(Database &db, const QString &sql, const QVariantList &values = {})
{
    QList<qint64> ids;
    SqlStatement st(db, sql);
    for (const QVariant &v : values)
        st.bind(v);
    if (auto r = st.exec(); !r) {
        qWarning("%s", qPrintable(r.error().detail));
        return ids;
    }
    while (st.next())
        ids.append(st.value(0).toLongLong());
    return ids;
}

inline qint64 makeClient(Database &db, const QString &name = QStringLiteral("Hillside Dairy"),
                         Client::Kind kind = Client::Kind::Farm)
{
    Client c;
    c.name = name;
    c.kind = kind;
    c.email = QStringLiteral("office@hillside.example.org");
    const Result<Client> stored = ClientRepository(db, actor()).create(c);
    if (!stored) {
        qWarning("cannot create a client: %s %s", qPrintable(stored.error().text()),
                 qPrintable(stored.error().detail));
        return 0;
    }
    return stored->id;
}

inline Protocol makeProtocol(Database &db, qint64 clientId, const QString &species = QStringLiteral("Bovine"),
                             const QString &animalId = QStringLiteral("UK000111222"))
{
    Protocol p;
    p.clientId = clientId;
    p.species = species;
    p.animalId = animalId;
    p.sampleCount = 2;
    p.sampleType = QStringLiteral("EDTA blood");
    const Result<Protocol> stored = ProtocolRepository(db, actor()).create(p);
    if (!stored) {
        qWarning("cannot create a protocol: %s %s", qPrintable(stored.error().text()),
                 qPrintable(stored.error().detail));
        return {};
    }
    return stored.value();
}

// The path through the state machine to `state` from submitted.
inline QList<Protocol::State> pathTo(Protocol::State state)
{
    using S = Protocol::State;
    switch (state) {
    case S::Submitted:
        return {};
    case S::Received:
        return {S::Received};
    case S::InAnalysis:
        return {S::Received, S::InAnalysis};
    case S::Finalized:
        return {S::Received, S::InAnalysis, S::Finalized};
    case S::Cancelled:
        return {S::Cancelled};
    }
    return {};
}

// A new protocol moved to `state`; id 0 on failure.
inline Protocol protocolIn(Database &db, qint64 clientId, Protocol::State state)
{
    Protocol p = makeProtocol(db, clientId);
    if (p.id == 0)
        return p;
    for (Protocol::State step : pathTo(state)) {
        const Result<Protocol> moved = ProtocolRepository(db, actor()).transition(p.id, step, p.version);
        if (!moved) {
            qWarning("cannot move %s to %s: %s", qPrintable(p.number), qPrintable(Protocol::stateCode(step)),
                     qPrintable(moved.error().message));
            return {};
        }
        p = moved.value();
    }
    return p;
}

} // namespace LabTest
