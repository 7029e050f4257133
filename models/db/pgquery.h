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

    // Keeps the statement prepared on the connection (a named server-side statement,
    // planned once per connection, then by PostgreSQL's plan cache), for a statement a
    // thread runs many times outside a transaction. Inside one, or where the server
    // cannot keep it (a pooler in transaction mode before PgBouncer 1.21), it runs
    // unnamed as usual.
    void setKeepPlan(bool keep) { m_keepPlan = keep; }

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
    bool m_keepPlan = false;
};

// COPY … FROM STDIN through libpq on the PGconn of an open QPSQL connection, inside the
// transaction that connection has open: refused outside one (PgQuery::exec sets a
// thread's job and acting role at a transaction's BEGIN; a COPY inside it runs with
// them). The data, in the format the statement names (text by default), goes in pieces
// of any size at row boundaries or not; libpq sends it as it goes, so the server works
// on rows while the next are made. Bulk writes: no statement per batch, no parameter,
// the server parses each value once.
//
// Thread and lifetime: as PgQuery. A copy started and neither finished nor failed is
// ended with an error by the destructor: the server refuses its rows and the
// transaction is aborted.
//
//   PgCopyIn copy(QSqlDatabase::database(name));
//   if (!copy.start("COPY public.t (a, b) FROM STDIN"))
//       return copy.lastError();
//   for (...) if (!copy.put(lines)) return copy.lastError();
//   if (!copy.finish()) return copy.lastError();
class PgCopyIn
{
public:
    explicit PgCopyIn(QSqlDatabase db);
    ~PgCopyIn();
    PgCopyIn(const PgCopyIn &) = delete;
    PgCopyIn &operator=(const PgCopyIn &) = delete;

    bool start(const QByteArray &sql);
    bool put(const QByteArray &data);
    // Ends the data; true when the server took it all (rows() says how many rows).
    bool finish();
    qint64 rows() const { return m_rows; }
    QSqlError lastError() const { return m_error; }

private:
    void fail(const QString &driverText, pg_result *result);

    QSqlDatabase m_db;
    bool m_active = false;
    qint64 m_rows = 0;
    QSqlError m_error;
};
