#pragma once

#include "models/core/actor.h"
#include "tasks/job.h"

#include <QCoroTask>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QPointer>

class DbExecutor;
class JobEngine;
class JobsTableModel;
class QAction;
class QComboBox;
class QSortFilterProxyModel;
class QTableView;
class TaskRegistry;
struct WindowServices;

// The "Jobs" dock of the main window: every job, newest first (a JobsTableModel kept
// current by the event bus), a filter by state, header sorting of the loaded rows,
// progress bars, and the actions on the selected job: Cancel (queued or running),
// Retry (failed or cancelled) and Open result (finished; a read-only dialog with the
// result or the error). Actions run through the executor; a failure is explained in
// a message box. Toggled from View ▸ Jobs (Ctrl+J) and by the status-bar indicator;
// its place is kept by the window's saveState (object name "jobsDock").
//
// GUI thread only; the services outlive it.
//
//   auto *jobs = new JobsDock(services, window);
//   window->addDockWidget(Qt::BottomDockWidgetArea, jobs);
//   jobs->start();          // once the schema is migrated
//   jobs->showJob(42);      // from a notification
class JobsDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit JobsDock(const WindowServices &services, QWidget *parent = nullptr);
    ~JobsDock() override;

    void start();
    JobsTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

    // Shows and raises the dock and selects the job (clearing a state filter that
    // hides it, loading older pages while it is not among the loaded rows).
    void showJob(qint64 id);
    // The selected job (id 0 when none).
    Job currentJob() const;

    void cancelCurrent();
    void retryCurrent();
    void openCurrentResult();

private:
    void updateActions();
    void applyFilter();
    void trySelectPending();
    void selectRow(int sourceRow);
    void showFailure(const QString &what, const QString &detail);
    QCoro::Task<> cancelJob(qint64 id);
    QCoro::Task<> retryJob(qint64 id);

    DbExecutor &m_executor;
    QPointer<JobEngine> m_engine;
    Actor m_actor;
    const TaskRegistry *m_tasks;
    JobsTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QComboBox *m_filter;
    QAction *m_cancelAction;
    QAction *m_retryAction;
    QAction *m_openAction;
    qint64 m_pendingSelect = 0; // showJob() of a job not loaded yet
    QElapsedTimer m_pendingSince;
    int m_pendingPages = 0;
};
