#pragma once

#include "models/db/databaseconfig.h"
#include "models/db/result.h"

#include <QAtomicInt>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QThreadStorage>

class QSqlDatabase;
class QSqlError;

// The shared database: hands each thread its own QSqlDatabase connection, opened
// lazily and named after the thread; a connection never leaves the thread that
// opened it. Thread-safe; lives as long as the application (create it before and
// destroy it after every thread pool that uses it).
//
//   Database db(DatabaseConfig::parse(url).value());
//   Result<QSqlDatabase> conn = db.connection();   // this thread's connection
//
// A connection error on any thread closes that thread's connection (the next call
// reopens it) and emits connectionLost(); ConnectionMonitor watches for the return.
class Database : public QObject
{
    Q_OBJECT
public:
    explicit Database(DatabaseConfig config, QObject *parent = nullptr);
    ~Database() override;

    const DatabaseConfig &config() const { return m_config; }
    bool isPostgreSQL() const { return m_config.isPostgreSQL(); }

    // The calling thread's connection, opened on first use. SQLite connections get
    // foreign keys on, WAL and a busy timeout.
    Result<QSqlDatabase> connection();
    // Opens the calling thread's connection now (for start-up checks).
    VoidResult open();
    // Closes the calling thread's connection; the next connection() reopens it.
    void closeThreadConnection();
    // Reopens this thread's connection and runs SELECT 1.
    VoidResult ping();

    // Called by SqlStatement for every failed statement: a connection problem closes
    // this thread's connection and is announced through connectionLost().
    void noteError(const DbError &error);

    // On SQLite in WAL mode: fails (ConnectionLost) when this process no longer holds
    // SQLite's lock on the database file, or its write-ahead log was deleted (see
    // models/db/databasefileguard.h); then every thread's connection is closed on its
    // next use and none reopens until all are closed (at most kRejoinMs), so that
    // SQLite takes its locks afresh. Transaction calls it after BEGIN and before COMMIT
    // of every write, SqlStatement before every write outside a transaction. Elsewhere
    // (PostgreSQL, a file system where the hold cannot be seen) it always succeeds.
    VoidResult verifyHold();
    static constexpr int kRejoinMs = 15000;
    // True while connections are being closed after a lost hold (see verifyHold()).
    bool isRejoining() const;
    // Connections of this Database open now, on all threads.
    int openConnectionCount() const { return m_openConnections.loadAcquire(); }

    // PostgreSQL: the role this Database signs in as (session_user, read from the
    // server once); empty on SQLite and before the first connection.
    QString sessionUser() const;

    // In-process event delivery on SQLite (see tasks/events.h); callable from any thread.
    // Inside a Transaction on this thread the event waits for its commit (see
    // models/db/transaction.h).
    void emitLocalEvent(const QJsonObject &event);
    // What tells this Database's events from those of other processes (or of other
    // Database objects) on the same SQLite file: unique, fixed for its lifetime.
    QString origin() const { return m_origin; }

Q_SIGNALS:
    // Emitted from whichever thread saw the problem; connect with a context object.
    void connectionLost(const QString &message);
    // Emitted from the publishing thread; connect with a context object.
    void localEvent(const QJsonObject &event);

private:
    QString threadConnectionName() const;
    void forget(const QString &name);
    void closeOwn(QSqlDatabase &db);
    VoidResult setUpSqlite(QSqlDatabase &db);

    enum class HoldCheck { Uncalibrated, On, Off };

    DatabaseConfig m_config;
    quint64 m_instance;
    QString m_origin;
    mutable QMutex m_mutex;
    QSet<QString> m_names;
    QSet<QObject *> m_inThread; // ThreadConnection::inThread of every thread
    QString m_sessionUser;      // guarded by m_mutex
    // Bumped on every connection problem: every thread then reopens its connection on
    // next use instead of failing once more on a dead socket.
    QAtomicInt m_generation = 0;
    QAtomicInt m_openConnections = 0;
    // While a lost hold is being repaired: the time (ms since the epoch) after which
    // connections reopen even if some old one is still open; 0 when not rejoining.
    QAtomicInteger<qint64> m_rejoinUntil = 0;
    QAtomicInt m_holdCheck = int(HoldCheck::Uncalibrated);
    struct ThreadConnection;
    QThreadStorage<ThreadConnection *> m_local;
};
