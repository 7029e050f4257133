#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QVariant>

struct pg_conn;
struct pg_result;

// One statement run through libpq's extended protocol on the PGconn of an open QPSQL
// connection (the same session, so the same transaction as every other statement of
// that connection). Values travel as separate parameters, text or binary, one round
// trip per statement.
//
// Why not QSqlQuery: Qt's PostgreSQL driver prepares each statement with SQL PREPARE,
// runs it with EXECUTE and a text in which every value is escaped and quoted, and
// frees it with DEALLOCATE. That is three round trips per statement, and a bulk write
// that binds a few hundred kilobytes of JSON had its value escaped, copied and
// re-encoded several times on the client and scanned as a literal by the server.
//
// Values are read the way the Qt driver reads them (same QVariant types, NULLs typed),
// so SqlStatement's callers see no difference. The whole result is fetched at once:
// the connection is idle again when exec() returns.
//
// Thread: the connection's thread only (as every QSqlDatabase). Lifetime: the result
// outlives the connection; exec() looks the PGconn up again each time, so a connection
// closed since (a lost server) is reported, never touched.
//
//   PgQuery q(QSqlDatabase::database(name));
//   if (!q.exec(PgQuery::placeholdersToDollar(u"SELECT name FROM clients WHERE id = ?"_s), {id}))
//       return q.lastError();
//   while (q.next()) use(q.value(0).toString());
class PgQuery
{
public:
    explicit PgQuery(QSqlDatabase db);
    ~PgQuery();
    PgQuery(const PgQuery &) = delete;
    PgQuery &operator=(const PgQuery &) = delete;

    // Whether `db` is an open QPSQL connection whose PGconn this class can reach.
    static bool canUse(const QSqlDatabase &db);
    // The text with each `?` placeholder outside quotes replaced by $1, $2, …
    static QByteArray placeholdersToDollar(const QString &sql);
    // The SCRAM-SHA-256 verifier of `password` for the login `user`, computed here by
    // libpq (PQencryptPasswordConn) on the PGconn of `db`: what CREATE/ALTER ROLE …
    // PASSWORD is given, so the password itself never travels or lands in a log.
    // Empty when `db` is no open QPSQL connection or libpq fails.
    static QByteArray scramVerifier(const QSqlDatabase &db, const QString &user, const QString &password);

    bool exec(const QByteArray &sql, const QVariantList &values);
    bool next();
    QVariant value(int column) const;
    int numRowsAffected() const;
    int columnCount() const;
    void finish();
    QSqlError lastError() const { return m_error; }

private:
    void setError(const QString &driverText, pg_result *result);

    QSqlDatabase m_db;
    pg_result *m_result = nullptr;
    int m_row = -1;
    QSqlError m_error;
};
