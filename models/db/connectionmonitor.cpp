#include "models/db/connectionmonitor.h"

#include "models/db/dbexecutor.h"

#include <QCoroFuture>
#include <QPointer>

ConnectionMonitor::ConnectionMonitor(DbExecutor &executor, QObject *parent)
    : QObject(parent)
    , m_executor(executor)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionMonitor::probe);
    connect(&executor.database(), &Database::connectionLost, this, &ConnectionMonitor::onLost, Qt::QueuedConnection);
}

void ConnectionMonitor::setBackoff(int initialMs, int maximumMs)
{
    m_initialDelayMs = initialMs;
    m_maxDelayMs = maximumMs;
    m_delayMs = initialMs;
}

void ConnectionMonitor::onLost(const QString &message)
{
    if (!m_connected)
        return;
    m_connected = false;
    m_delayMs = m_initialDelayMs;
    Q_EMIT connectionLost(message);
    if (!m_probing)
        m_timer.start(m_delayMs);
}

void ConnectionMonitor::probeNow()
{
    if (m_connected || m_probing)
        return;
    m_timer.stop();
    probe();
}

void ConnectionMonitor::probe()
{
    if (m_probing)
        return;
    m_probing = true;
    runProbe();
}

QCoro::Task<> ConnectionMonitor::runProbe()
{
    // The probe runs on the read pool; the window may close meanwhile, so `this` is guarded.
    QPointer<ConnectionMonitor> self(this);
    // A named future, not a temporary: GCC 12 destroys temporaries of a co_await
    // expression twice (GCC bug 100611).
    auto future = m_executor.read([](Database &db) { return db.ping(); });
    const VoidResult result = co_await future;
    if (!self)
        co_return;
    m_probing = false;
    if (result) {
        m_connected = true;
        m_delayMs = m_initialDelayMs;
        Q_EMIT connectionRestored();
        co_return;
    }
    const int delay = m_delayMs;
    m_delayMs = std::min(m_delayMs * 2, m_maxDelayMs);
    Q_EMIT retryScheduled(delay, result.error().message);
    m_timer.start(delay);
}
