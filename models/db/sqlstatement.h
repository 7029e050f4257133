#pragma once

#include "models/db/result.h"

#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <memory>

class Database;
class PgQuery;

// A prepared statement on the calling thread's connection. Values are always bound,
// never spliced into the text. Failures are logged (driver code, text, statement),
// mapped to a DbError, and reported to the Database so a lost connection is noticed.
// On PostgreSQL it runs through libpq's extended protocol (PgQuery: one round trip,
// values as parameters); on SQLite through QSqlQuery.
//
//   SqlStatement st(db, u"SELECT name FROM buildings WHERE id = ?"_s);
//   st.bind(id);
//   if (auto r = st.exec(); !r) return r.error();
//   while (st.next()) ...
class SqlStatement
{
public:
    SqlStatement(Database &db, const QString &sql);
    ~SqlStatement();

    SqlStatement &bind(const QVariant &value);
    // PostgreSQL: keep the statement prepared on the connection (PgQuery::setKeepPlan).
    SqlStatement &keepPlan();
    VoidResult exec();
    bool next();
    QVariant value(int index) const;
    int numRowsAffected() const;
    int columnCount() const;
    // Lets go of the result before the statement ends (the rows not read are dropped).
    void finish();

    // Runs a statement without results. Without values the fixed text is executed
    // directly (needed for BEGIN, COMMIT, DDL on PostgreSQL); never pass user text.
    static VoidResult run(Database &db, const QString &sql, const QVariantList &values = {});

private:
    Database &m_db;
    QString m_sql;
    // Declared before m_query: the query's construction may fill it.
    DbError m_prepareError;
    QSqlQuery m_query;             // SQLite
    std::unique_ptr<PgQuery> m_pg; // PostgreSQL
    QByteArray m_pgSql;            // the text with $1, $2, … for libpq
    QVariantList m_values;
    qsizetype m_bound = 0; // values bound since the last exec()
    bool m_prepared = false;
};
