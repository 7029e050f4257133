#pragma once

#include <QWidget>

class JobsTableModel;
class QProgressBar;
class QToolButton;
struct WindowServices;

// The status-bar summary of running jobs: "2 jobs running" and a small progress bar
// of their overall progress (done over total of the jobs that report a total; a busy
// bar when none does). Its parts are hidden while nothing runs (the widget keeps its
// fixed place, so that the window never relayouts for it). Clicking it (or pressing the
// button) emits clicked(); the window shows the jobs dock. It follows its own
// JobsTableModel of running jobs, so the dock's filter does not change it.
//
// GUI thread only; the services outlive it.
//
//   auto *jobs = new JobStatusIndicator(services, window);
//   window->statusBar()->addPermanentWidget(jobs);
//   connect(jobs, &JobStatusIndicator::clicked, dock, &JobsDock::show);
//   jobs->start();   // once the schema is migrated
class JobStatusIndicator : public QWidget
{
    Q_OBJECT
public:
    explicit JobStatusIndicator(const WindowServices &services, QWidget *parent = nullptr);

    void start();
    JobsTableModel *model() const { return m_model; }
    QProgressBar *progressBar() const { return m_bar; }

Q_SIGNALS:
    void clicked();

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void refresh();

    JobsTableModel *m_model;
    QToolButton *m_button;
    QProgressBar *m_bar;
};
