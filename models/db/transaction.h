#pragma once

#include "models/db/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

class Database;

// A transaction on the calling thread's connection that rolls back unless committed.
//
//   Transaction tx(db);
//   if (!tx.ok()) return tx.error();
//   ... statements ...
//   return tx.commit();
//
// On SQLite a write transaction starts with BEGIN IMMEDIATE so that two writers wait
// on the busy timeout instead of failing half-way, and both its start and its commit
// check that the process still holds the file's locks (Database::verifyHold).
//
// Nesting: a Transaction made while another one is open on this thread's connection
// of the same Database becomes a SAVEPOINT inside it. Its commit() releases the
// savepoint (the work commits with the outer transaction); its rollback (or its
// destructor without commit) undoes only its own work. So a repository method can
// open a Transaction of its own and still "join the caller's transaction" when the
// caller has one (a job that commits its work with its checkpoint).
//
// In-process events (Database::emitLocalEvent, used on SQLite) published while a
// Transaction is open wait for it, as PostgreSQL holds back a NOTIFY: they are
// delivered after the outermost COMMIT, and dropped with the work they announce on a
// rollback (a savepoint's rollback drops those published inside it). So whoever
// reloads on an event reads the committed change, never the state before it. On
// PostgreSQL the events published inside a Transaction are kept the same way and sent
// just before its COMMIT, combined (Events::sendCombined): one NOTIFY for all its job
// events, one for each other distinct event, never one per row.
class Transaction
{
public:
    enum class Mode { Write, Read };
    explicit Transaction(Database &db, Mode mode = Mode::Write);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool ok() const { return m_active; }
    DbError error() const { return m_error; }
    VoidResult commit();
    void rollback();
    // True if this is a savepoint inside an outer Transaction.
    bool isNested() const { return !m_savepoint.isEmpty(); }

    // True while a Transaction is open on the calling thread's connection of `db`.
    static bool isOpen(const Database &db);
    // How a deferred event leaves: emitted in this process after the commit
    // (Database::localEvent), or sent with NOTIFY just before it (PostgreSQL).
    enum class Delivery { Local, Notify };
    // Keeps `event` for delivery at the outermost commit when a Transaction is open on
    // the calling thread's connection of `db`; false (nothing kept) otherwise.
    static bool deferEvent(const Database &db, const QJsonObject &event, Delivery delivery = Delivery::Local);

private:
    void leave();
    void dropEvents();

    Database &m_db;
    bool m_active = false;
    bool m_entered = false;
    bool m_write = false; // the outermost write transaction (checks the hold on SQLite)
    QString m_savepoint;
    DbError m_error;
    qsizetype m_eventMark = 0; // events published before this (savepoint) began
};
