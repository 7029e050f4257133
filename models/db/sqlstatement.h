#pragma once

#include "models/db/result.h"

#include <QSqlQuery>
#include <QString>
#include <QVariant>

class Database;

// A prepared statement on the calling thread's connection. Values are always bound,
// never spliced into the text. Failures are logged (driver code, text, statement),
// mapped to a DbError, and reported to the Database so a lost connection is noticed.
//
//   SqlStatement st(db, u"SELECT name FROM buildings WHERE id = ?"_s);
//   st.bind(id);
//   if (auto r = st.exec(); !r) return r.error();
//   while (st.next()) ...
class SqlStatement
{
public:
    SqlStatement(Database &db, const QString &sql);

    SqlStatement &bind(const QVariant &value);
    VoidResult exec();
    bool next() { return m_query.next(); }
    QVariant value(int index) const { return m_query.value(index); }
    int numRowsAffected() const { return m_query.numRowsAffected(); }
    QSqlQuery &query() { return m_query; }

    // Runs a statement without results. Without values the fixed text is executed
    // directly (needed for BEGIN, COMMIT, DDL on PostgreSQL); never pass user text.
    static VoidResult run(Database &db, const QString &sql, const QVariantList &values = {});

private:
    Database &m_db;
    QString m_sql;
    // Declared before m_query: the query's construction may fill it.
    DbError m_prepareError;
    QSqlQuery m_query;
    bool m_prepared = false;
};
