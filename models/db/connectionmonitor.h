#pragma once

#include <QCoroTask>
#include <QObject>
#include <QTimer>

class DbExecutor;

// Watches the database connection for the window: after Database::connectionLost
// it probes (Database::ping on the executor's read pool, never on the GUI thread)
// with exponential backoff, 0.5 s doubling up to 30 s, and announces the return.
// Lives on the GUI thread.
class ConnectionMonitor : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionMonitor(DbExecutor &executor, QObject *parent = nullptr);

    bool isConnected() const { return m_connected; }
    int nextDelayMs() const { return m_delayMs; }
    void setBackoff(int initialMs, int maximumMs);

public Q_SLOTS:
    // Probe now instead of waiting for the next attempt ("Retry now").
    void probeNow();

Q_SIGNALS:
    void connectionLost(const QString &message);
    void connectionRestored();
    // Each failed probe, with the delay until the next one.
    void retryScheduled(int delayMs, const QString &message);

private:
    void onLost(const QString &message);
    void probe();
    QCoro::Task<> runProbe();

    DbExecutor &m_executor;
    QTimer m_timer;
    bool m_connected = true;
    bool m_probing = false;
    int m_initialDelayMs = 500;
    int m_maxDelayMs = 30000;
    int m_delayMs = 500;
};
