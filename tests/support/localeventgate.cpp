#include "tests/support/localeventgate.h"

#include "models/db/database.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

struct LocalEventGate::State
{
    Match match;
    QThread *owner = nullptr;
    mutable QMutex mutex;
    QWaitCondition changed;
    bool open = false;
    bool parked = false;
    quint64 parks = 0;    // parks so far; each parked thread waits for its own number
    quint64 released = 0; // parks let go so far
    QJsonObject event;
};

LocalEventGate::LocalEventGate(Database &db, Match match)
    : m_state(std::make_shared<State>())
{
    m_state->match = std::move(match);
    m_state->owner = QThread::currentThread();
    // A direct connection: the slot runs on the publishing thread, whatever thread the
    // gate lives on. The state is shared, so a slot still running while the gate goes
    // away never touches freed memory.
    QObject::connect(
        &db, &Database::localEvent, &m_context,
        [state = m_state](const QJsonObject &event) {
            if (QThread::currentThread() == state->owner)
                return;
            QMutexLocker lock(&state->mutex);
            if (state->open || !state->match(event))
                return;
            while (state->parked && !state->open) // one thread at a time
                state->changed.wait(&state->mutex);
            if (state->open)
                return;
            state->parked = true;
            state->event = event;
            const quint64 ticket = ++state->parks;
            state->changed.wakeAll();
            while (state->released < ticket && !state->open)
                state->changed.wait(&state->mutex);
        },
        Qt::DirectConnection);
}

LocalEventGate::~LocalEventGate()
{
    open(); // m_context goes next, and the connection with it
}

bool LocalEventGate::isParked() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->parked;
}

QJsonObject LocalEventGate::parkedEvent() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->parked ? m_state->event : QJsonObject();
}

void LocalEventGate::release()
{
    QMutexLocker lock(&m_state->mutex);
    if (!m_state->parked)
        return;
    m_state->parked = false;
    m_state->released = m_state->parks;
    m_state->changed.wakeAll();
}

void LocalEventGate::open()
{
    QMutexLocker lock(&m_state->mutex);
    m_state->open = true;
    m_state->parked = false;
    m_state->released = m_state->parks;
    m_state->changed.wakeAll();
}
