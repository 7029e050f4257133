#pragma once

#include "models/core/actor.h"
#include "tasks/mail/outbox.h"

#include <QCoroTask>
#include <QDockWidget>
#include <QPointer>

class DbExecutor;
class JobEngine;
class OutboxTableModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;
struct WindowServices;

// The "Outbox" dock of the main window: every e-mail Residesk sends, newest first,
// with its recipient, state, attempts and the server's answer; a filter by state and
// a search; and what a person may do: "Send now" (queue a drain), "Retry" on a failed
// e-mail, and on an uncertain one "Mark as sent" (it arrived, checked with the
// recipient) or "Send again" (both recorded with who and when). It reloads when the
// outbox changes (event bus) and, while e-mails wait or are being sent, every 5 s
// (SQLite sends no events between processes). Toggled from View ▸ Outbox; its place
// is kept by the window's saveState (object name "outboxDock").
//
// GUI thread only; the services outlive it. All data work goes through the executor.
//
//   auto *outbox = new OutboxDock(services, window);
//   window->addDockWidget(Qt::BottomDockWidgetArea, outbox);
//   outbox->start();     // once the schema is migrated
class OutboxDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit OutboxDock(const WindowServices &services, QWidget *parent = nullptr);
    ~OutboxDock() override;

    void start();
    void reload();
    // Confirmation boxes before "Send again" and "Mark as sent" (tests turn them off).
    void setConfirmDecisions(bool confirm) { m_confirm = confirm; }

    OutboxTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QComboBox *stateFilter() const { return m_filter; }
    // The selected e-mail's id (0 when none).
    qint64 currentId() const;
    void selectEmail(qint64 id);

    void sendNow();
    void retryCurrent();
    void markCurrentSent();
    void resendCurrent();

Q_SIGNALS:
    // A reload finished (rows are in the model).
    void loaded();

private:
    void updateActions();
    void showFailure(const QString &what, const DbError &error);
    QCoro::Task<> load();
    QCoro::Task<> resolve(qint64 id, int version, Outbox::Resolution resolution);
    QCoro::Task<> retry(qint64 id, int version);
    QCoro::Task<> drainNow();

    DbExecutor &m_executor;
    QPointer<JobEngine> m_engine;
    Actor m_actor;
    OutboxTableModel *m_model;
    QTableView *m_view;
    QComboBox *m_filter;
    QLineEdit *m_search;
    QLabel *m_counts;
    QPushButton *m_sendNow;
    QPushButton *m_retry;
    QPushButton *m_markSent;
    QPushButton *m_resend;
    QTimer *m_poll;
    bool m_started = false;
    bool m_loading = false;
    bool m_reloadAgain = false;
    bool m_confirm = true;
};
