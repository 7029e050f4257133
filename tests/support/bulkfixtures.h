#pragma once

// Fast fixtures for the bulk protocol tests and benchmarks: a client and thousands of
// protocols written by one set-based statement each (the demo seeder creates work
// orders and reports too and takes seconds per thousand). Test-only SQL.

#include "models/db/database.h"
#include "models/db/sqlstatement.h"

#include <QList>
#include <QString>
#include <QVariant>

namespace BulkFixtures {

// A client; an empty `email` is a client without an address. Returns its id (0 on failure).
inline qint64 addClient(Database &db, const QString &name, const QString &email)
{
    SqlStatement st(db, QStringLiteral("INSERT INTO clients (name, kind, email, created_by, updated_by) "
                                       "VALUES (?, 'farm', ?, 'fixture', 'fixture') RETURNING id"));
    st.bind(name).bind(email.isNull() ? QStringLiteral("") : email); // a null QString binds as NULL
    if (auto r = st.exec(); !r || !st.next()) {
        qWarning("cannot add a client: %s", qPrintable(r ? QStringLiteral("no id") : r.error().detail));
        return 0;
    }
    return st.value(0).toLongLong();
}

// `count` submitted protocols of `clientId`, numbered "T-<n>" (year 1990, so that
// ProtocolRepository::create keeps its own numbers). Returns their ids, ascending.
inline QList<qint64> addProtocols(Database &db, qint64 clientId, int count)
{
    QList<qint64> ids;
    SqlStatement base(
        db, QStringLiteral("SELECT COALESCE(MAX(number_seq), 0) FROM protocols WHERE number_year = 1990"));
    if (auto r = base.exec(); !r || !base.next())
        return ids;
    const qint64 first = base.value(0).toLongLong();
    base.finish();
    const auto run = SqlStatement::run(
        db,
        QStringLiteral(
            "WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ?) "
            "INSERT INTO protocols (number, number_year, number_seq, client_id, species, animal_id, "
            "sample_count, sample_type, state, version, created_by, updated_by) "
            "SELECT 'T-' || (n + ?), 1990, n + ?, ?, 'Bovine', 'A' || n, 1, 'serum', 'submitted', 1, "
            "'fixture', 'fixture' FROM seq"),
        {count, first, first, clientId});
    if (!run) {
        qWarning("cannot add protocols: %s", qPrintable(run.error().detail));
        return ids;
    }
    SqlStatement st(db, QStringLiteral("SELECT id FROM protocols WHERE number_year = 1990 AND number_seq > ? "
                                       "ORDER BY id"));
    st.bind(first);
    if (auto r = st.exec(); !r)
        return ids;
    while (st.next())
        ids.append(st.value(0).toLongLong());
    return ids;
}

} // namespace BulkFixtures
