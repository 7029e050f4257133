#pragma once

#include "models/db/result.h"

class Database;

// A transaction on the calling thread's connection that rolls back unless committed.
//
//   Transaction tx(db);
//   if (!tx.ok()) return tx.error();
//   ... statements ...
//   return tx.commit();
//
// On SQLite a write transaction starts with BEGIN IMMEDIATE so that two writers wait
// on the busy timeout instead of failing half-way.
class Transaction
{
public:
    enum class Mode { Write, Read };
    explicit Transaction(Database &db, Mode mode = Mode::Write);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // Whether a Transaction is open on the calling thread's connection to `db`: lets a
    // store join its caller's transaction, or open its own when there is none.
    static bool isOpen(const Database &db);

    bool ok() const { return m_active; }
    DbError error() const { return m_error; }
    VoidResult commit();
    void rollback();

private:
    Database &m_db;
    bool m_active = false;
    DbError m_error;
};
