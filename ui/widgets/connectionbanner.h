#pragma once

#include <QFrame>

class ConnectionMonitor;
class QLabel;
class QPushButton;
class QTimer;

// A non-modal banner across the top of the window while the database cannot be
// reached: "The database cannot be reached. Retrying in 4 s… [Retry now]". Follows
// ConnectionMonitor: shown on connectionLost / retryScheduled (with a live
// countdown), hidden by itself on connectionRestored. GUI thread only.
class ConnectionBanner : public QFrame
{
    Q_OBJECT
public:
    explicit ConnectionBanner(ConnectionMonitor &monitor, QWidget *parent = nullptr);

private:
    void showLost(const QString &detail);
    void scheduleRetry(int delayMs, const QString &detail);
    void updateText();

    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_retry;
    QTimer *m_tick;
    qint64 m_retryAtMs = -1;
    QString m_detail;
};
