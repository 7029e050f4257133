#pragma once

#include <QFrame>

class QLabel;
class QVBoxLayout;

// One card of the dashboard: a caption, a body the page fills, and a status line that
// says "Loading…" while its query runs and, when it failed, why (in words, in red).
// GUI thread only.
class DashboardCard : public QFrame
{
    Q_OBJECT
public:
    enum class State { Empty, Loading, Filled, Failed };

    DashboardCard(const QString &key, const QString &caption, QWidget *parent = nullptr);

    QString key() const { return m_key; }
    QVBoxLayout *body() const { return m_body; }
    State state() const { return m_state; }

    void setLoading();
    void setFilled();
    void setFailed(const QString &message);
    // The status line's text (empty when filled).
    QString statusText() const;

private:
    QString m_key;
    QVBoxLayout *m_body;
    QLabel *m_status;
    State m_state = State::Empty;
};
