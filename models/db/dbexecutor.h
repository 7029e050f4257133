#pragma once

#include "models/db/database.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>

// Runs data-layer work off the calling (GUI) thread, so that a slow or remote
// database never freezes the window. Each pool thread keeps its own connection
// (Database::connection()); threads do not expire, so connections are reused.
//
// Writes go to a single-thread pool and therefore run in the order they were
// issued (an edit and its undo never overtake each other); reads go to a small
// pool of their own. The work is a callable taking Database& and returning a
// value (usually a Result<T>); the caller co_awaits the QFuture, held in a named
// local (GCC 12 destroys temporaries of a co_await expression twice, bug 100611):
//
//   auto future = executor.write([res, actor](Database &db) {
//       return ResidentRepository(db, actor).update(res);
//   });
//   const Result<Resident> r = co_await future;
//
// The pool threads run at a lower scheduling priority than the thread that made the
// executor (nice +5 on Linux): decoding a large result set never keeps the GUI thread
// from a core on a busy machine.
//
// Lifetime: owned by the composition root, destroyed before the Database (the
// destructor waits for running work).
class DbExecutor : public QObject
{
    Q_OBJECT
public:
    explicit DbExecutor(Database &db, QObject *parent = nullptr);
    ~DbExecutor() override;

    Database &database() { return m_db; }

    template<typename F> auto read(F &&work) -> QFuture<std::invoke_result_t<F, Database &>>
    {
        return QtConcurrent::run(&m_readPool, [this, work = std::forward<F>(work)]() mutable {
            yieldToForeground();
            return work(m_db);
        });
    }

    template<typename F> auto write(F &&work) -> QFuture<std::invoke_result_t<F, Database &>>
    {
        return QtConcurrent::run(&m_writePool, [this, work = std::forward<F>(work)]() mutable {
            yieldToForeground();
            return work(m_db);
        });
    }

    // Waits for all queued work (tests and shutdown).
    void waitForDone();

private:
    // Lowers the calling pool thread's priority, once per thread.
    static void yieldToForeground();

    Database &m_db;
    QThreadPool m_readPool;
    QThreadPool m_writePool;
};
