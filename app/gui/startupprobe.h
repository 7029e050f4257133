#pragma once

#include <QObject>

class MainWindow;

// How long the window takes to start, measured by the application itself for the
// start-up benchmark (residesk-bench residents_100k_first_window). Off unless the
// environment variable RESIDESK_STARTUP_PROBE names a file: then, once the residents
// page has its first rows (MainWindow::residentsShown) and has painted them, the
// probe writes to that file
//   painted_monotonic_ns=N      CLOCK_MONOTONIC at that moment (comparable across processes)
//   since_process_start_ms=X    since the kernel started the process (/proc/self/stat, 10 ms steps)
//   rss_kib=N hwm_kib=N         VmRSS and VmHWM from /proc/self/status
// one per line, and closes the window as File ▸ Quit does. The residents page must be
// the one the window opens on (the default, without remembered settings).
//
//   MainWindow window(...);
//   StartupProbe::installIfRequested(window);   // nothing at all without the variable
class StartupProbe : public QObject
{
    Q_OBJECT
public:
    static void installIfRequested(MainWindow &window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    StartupProbe(MainWindow &window, QString path);
    void residentsShown();
    void painted();

    MainWindow &m_window;
    const QString m_path;
    bool m_waitingForPaint = false;
};
