#include "models/db/dbexecutor.h"

#include <QDeadlineTimer>
#include <QThread>

#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <functional>
#include <memory>

namespace {
// The pool threads' nice value: the window's thread (0) gets about three times their
// share of a core when both want one, and is woken ahead of them.
constexpr int kPoolNice = 5;

// Runs `work` once on every thread of `pool`: one task per thread, each waiting (up to a
// second) until all have started, so no thread takes two of them.
void onEveryThread(QThreadPool &pool, const std::function<void()> &work)
{
    const int threads = pool.maxThreadCount();
    auto started = std::make_shared<std::atomic<int>>(0);
    for (int i = 0; i < threads; ++i) {
        pool.start([started, threads, work] {
            started->fetch_add(1);
            const QDeadlineTimer deadline(1000);
            while (started->load() < threads && !deadline.hasExpired())
                QThread::msleep(1);
            work();
        });
    }
}
} // namespace

DbExecutor::DbExecutor(Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    m_readPool.setObjectName(QStringLiteral("residesk-db-read"));
    // Four readers: the dashboard asks its cards in parallel (one read each) while a page
    // loads its rows; each reader keeps its own connection.
    m_readPool.setMaxThreadCount(4);
    m_readPool.setExpiryTimeout(-1);
    m_writePool.setObjectName(QStringLiteral("residesk-db-write"));
    m_writePool.setMaxThreadCount(1);
    m_writePool.setExpiryTimeout(-1);
    // After a lost hold on an SQLite file every connection must close before any
    // reopens (Database::verifyHold): these threads may sit idle, so visit them now.
    connect(&m_db, &Database::connectionLost, this, [this] {
        if (!m_db.isRejoining())
            return;
        const auto close = [this] {
            m_db.closeThreadConnection();
        };
        onEveryThread(m_readPool, close);
        onEveryThread(m_writePool, close);
    });
}

DbExecutor::~DbExecutor()
{
    waitForDone();
}

void DbExecutor::yieldToForeground()
{
    // Linux keeps a nice value per thread (setpriority on a thread id); QThread's
    // priorities do nothing under the normal scheduler but IdlePriority, which would
    // starve the window's reads whenever something else keeps the machine busy.
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
#ifdef Q_OS_LINUX
    const id_t thread = id_t(gettid());
    errno = 0;
    const int current = getpriority(PRIO_PROCESS, thread);
    if (errno == 0 && current < kPoolNice)
        setpriority(PRIO_PROCESS, thread, kPoolNice);
#endif
}

void DbExecutor::waitForDone()
{
    m_writePool.waitForDone();
    m_readPool.waitForDone();
}
