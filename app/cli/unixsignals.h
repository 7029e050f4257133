#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <signal.h>

#include <utility>

class QSocketNotifier;

// Turns Unix signals (SIGTERM, SIGINT, ...) into a Qt signal on the thread that
// created the watcher. The signal handler itself only writes the signal's number
// into one end of a socket pair (async-signal-safe); a QSocketNotifier on the other
// end reads it on the event loop and emits received(). The previous handlers come
// back when the watcher is destroyed. One watcher at a time per process.
//
//   UnixSignals signals({SIGTERM, SIGINT});
//   QObject::connect(&signals, &UnixSignals::received, &engine, [&](int) { engine.stop(); });
class UnixSignals : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignals(const QList<int> &signalNumbers, QObject *parent = nullptr);
    ~UnixSignals() override;

    // False when the socket pair or a handler could not be set up (errorString() says why).
    bool isValid() const { return m_valid; }
    QString errorString() const { return m_error; }

    // "SIGTERM", "SIGINT", ... ("signal 12" for others).
    static QString name(int signalNumber);

Q_SIGNALS:
    void received(int signalNumber);

private:
    void readPending();

    QSocketNotifier *m_notifier = nullptr;
    bool m_valid = false;
    QString m_error;
    QList<std::pair<int, struct sigaction>> m_previous;
};
