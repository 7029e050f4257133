#pragma once

#include "models/core/actor.h"
#include "ui/outbox/outboxchannel.h"

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
class QSortFilterProxyModel;
class QTableView;
class QTimer;
struct WindowServices;

// An outbox dock of the main window, one per channel (OutboxChannel): View ▸ Outbox for
// e-mail (object name "outboxDock", ui/mail/mailoutboxchannel.h) and View ▸ Text messages
// for text messages ("smsOutboxDock", ui/sms/smsoutboxchannel.h). Every message Residesk
// sends on that channel, newest first (a channel may let any column sort, and keeps the
// person's choice), with its recipient, state, attempts and the server's or gateway's
// answer; a filter by state and a search; and what a person may do: "Send now" (queue a
// drain), "Retry" on a failed message, and on an uncertain one "Mark as sent" (it
// arrived, checked with the recipient) or "Send again" (both recorded with who and
// when). It reloads when the channel's table changes (event bus) and, while messages
// wait or are being sent, every 5 s (SQLite sends no events between processes). Its
// place is kept by the window's saveState (its object name).
//
// GUI thread only; the services outlive it. All data work goes through the executor.
//
//   auto *outbox = new OutboxDock(mailOutboxChannel(), services, window);
//   window->addDockWidget(Qt::BottomDockWidgetArea, outbox);
//   outbox->start();     // once the schema is migrated
class OutboxDock : public QDockWidget
{
    Q_OBJECT
public:
    OutboxDock(OutboxChannel channel, const WindowServices &services, QWidget *parent = nullptr);
    ~OutboxDock() override;

    void start();
    void reload();
    // Confirmation boxes before "Send again" and "Mark as sent" (tests turn them off).
    void setConfirmDecisions(bool confirm) { m_confirm = confirm; }

    OutboxTableModel *model() const { return m_model; }
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
    void setUpSorting();
    void updateActions();
    // The current row's id and version when it is in `state`.
    std::optional<std::pair<qint64, int>> currentIn(OutboxState state) const;
    void showFailure(const QString &what, const DbError &error);
    QCoro::Task<> load();
    QCoro::Task<> decide(qint64 id, int version, OutboxDecision decision);
    QCoro::Task<> retry(qint64 id, int version);
    QCoro::Task<> drainNow();

    const OutboxChannel m_channel;
    DbExecutor &m_executor;
    QPointer<JobEngine> m_engine;
    Actor m_actor;
    OutboxTableModel *m_model;
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
