#include "app/cli/unixsignals.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// [0]: written by the handler; [1]: read by the notifier. -1 while no watcher exists.
int s_fds[2] = {-1, -1};

void onSignal(int signalNumber)
{
    // Only async-signal-safe calls here: write() one byte, keep errno.
    const int savedErrno = errno;
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    if (s_fds[0] >= 0 && ::write(s_fds[0], &byte, 1) < 0) {
        // The pipe is full (many signals at once): one pending byte is enough.
    }
    errno = savedErrno;
}

} // namespace

UnixSignals::UnixSignals(const QList<int> &signalNumbers, QObject *parent)
    : QObject(parent)
{
    if (s_fds[0] >= 0) {
        m_error = tr("another signal watcher exists in this process");
        return;
    }
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, s_fds) != 0) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        s_fds[0] = s_fds[1] = -1;
        return;
    }
    m_notifier = new QSocketNotifier(qintptr(s_fds[1]), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &UnixSignals::readPending);

    for (const int signalNumber : signalNumbers) {
        struct sigaction action = {};
        action.sa_handler = &onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        struct sigaction previous = {};
        if (::sigaction(signalNumber, &action, &previous) != 0) {
            m_error = QString::fromLocal8Bit(std::strerror(errno));
            return;
        }
        m_previous.append({signalNumber, previous});
    }
    m_valid = true;
}

UnixSignals::~UnixSignals()
{
    for (const auto &[signalNumber, previous] : std::as_const(m_previous))
        ::sigaction(signalNumber, &previous, nullptr);
    delete m_notifier;
    m_notifier = nullptr;
    if (s_fds[0] >= 0) {
        ::close(s_fds[0]);
        ::close(s_fds[1]);
        s_fds[0] = s_fds[1] = -1;
    }
}

QString UnixSignals::name(int signalNumber)
{
    switch (signalNumber) {
    case SIGTERM:
        return QStringLiteral("SIGTERM");
    case SIGINT:
        return QStringLiteral("SIGINT");
    case SIGHUP:
        return QStringLiteral("SIGHUP");
    case SIGQUIT:
        return QStringLiteral("SIGQUIT");
    default:
        return QStringLiteral("signal %1").arg(signalNumber);
    }
}

void UnixSignals::readPending()
{
    unsigned char buffer[16];
    for (;;) {
        const ssize_t n = ::read(s_fds[1], buffer, sizeof buffer);
        if (n <= 0)
            break;
        for (ssize_t i = 0; i < n; ++i)
            Q_EMIT received(int(buffer[i]));
    }
}
