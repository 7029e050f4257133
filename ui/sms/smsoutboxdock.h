#pragma once

#include "models/core/actor.h"
#include "tasks/sms/smsoutbox.h"

#include <QCoroTask>
#include <QDockWidget>
#include <QPointer>

class DbExecutor;
class JobEngine;
class SmsOutboxTableModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTimer;
struct WindowServices;

// The "Text messages" dock of the main window, the SMS outbox as the Outbox dock shows
// e-mail: every text message Residesk sends, newest first (any column sorts), with its
// number, resident, state, attempts, the gateway's last error and its times; a filter by
// state and a search; and what a person may do, as `residesk sms` does: "Send now"
// (queue a drain), "Retry" on a failed message, and on an uncertain one "Mark as sent"
// (it arrived) or "Send again" (both recorded with who and when). It reloads when the
// SMS outbox changes (event bus) and, while messages wait or are being sent, every 5 s
// (SQLite sends no events between processes). Toggled from View ▸ Text messages; its
// place is kept by the window's saveState (object name "smsOutboxDock").
//
// GUI thread only; the services outlive it. All data work goes through the executor.
//
//   auto *texts = new SmsOutboxDock(services, window);
//   window->addDockWidget(Qt::BottomDockWidgetArea, texts);
//   texts->start();     // once the schema is migrated
class SmsOutboxDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit SmsOutboxDock(const WindowServices &services, QWidget *parent = nullptr);
    ~SmsOutboxDock() override;

    void start();
    void reload();
    // Confirmation boxes before "Send again" and "Mark as sent" (tests turn them off).
    void setConfirmDecisions(bool confirm) { m_confirm = confirm; }

    SmsOutboxTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QComboBox *stateFilter() const { return m_filter; }
    // The selected message's id (0 when none).
    qint64 currentId() const;
    void selectMessage(qint64 id);

    void sendNow();
    void retryCurrent();
    void markCurrentSent();
    void resendCurrent();

Q_SIGNALS:
    // A reload finished (rows are in the model).
    void loaded();
    // A retry, decision or "Send now" was written (empty error) or refused.
    void actionDone(const QString &error);

private:
    void updateActions();
    void showFailure(const QString &what, const DbError &error);
    QCoro::Task<> load();
    QCoro::Task<> resolve(qint64 id, int version, SmsOutbox::Resolution resolution);
    QCoro::Task<> retry(qint64 id, int version);
    QCoro::Task<> drainNow();

    DbExecutor &m_executor;
    QPointer<JobEngine> m_engine;
    Actor m_actor;
    SmsOutboxTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
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
