#pragma once

#include "models/core/actor.h"
#include "models/lab/protocol.h"
#include "models/lab/protocolrepository.h"

#include <QCoroTask>
#include <QObject>
#include <QPointer>

class DbExecutor;
class JobEngine;
class ProtocolsPage;
class QWidget;

// Bulk protocol changes in the window: the Protocols page's verbs (Receive, Start
// analysis, Cancel…) acting on several selected rows or, with no selection, on
// everything the page's filter matches (thousands: the count is asked for and shown
// before anything is queued) — the page says so with ProtocolsPage::bulkRequested.
// Confirmed, one job is queued through BulkActions (the write pool) and this desktop's
// engine is woken; the job shows in the Jobs panel, and its summary notification's
// link "bulk:<id>" opens the per-item list (BulkItemsDialog) through openLink().
//
// GUI thread only; owned by the window (its parent); the executor and page outlive it.
//
//   auto *bulk = new BulkUi(executor, engine, actor, protocolsPage, window);
//   if (!bulk->openLink(link)) …
class BulkUi : public QObject
{
    Q_OBJECT
public:
    BulkUi(DbExecutor &executor, JobEngine *engine, const Actor &actor, ProtocolsPage *page, QWidget *window);

    // "bulk:<job id>": the per-item list of that change. False for other links.
    bool openLink(const QString &link);

Q_SIGNALS:
    void queued(qint64 jobId, qint64 selected);
    void message(const QString &text);
    void failed(const QString &title, const QString &text);

private:
    // Asks (what, how many), then queues: the question box is window-modal and
    // opened, not exec()'d, so the event loop runs on while it is shown.
    QCoro::Task<> change(Protocol::State to);
    QCoro::Task<> enqueue(Protocol::State to, QList<qint64> ids, ProtocolFilter filter);

    DbExecutor &m_executor;
    JobEngine *m_engine;
    Actor m_actor;
    QPointer<ProtocolsPage> m_page;
    QWidget *m_window;
};
