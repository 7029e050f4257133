#pragma once

#include "ui/windowservices.h"

#include <QCoroTask>
#include <QObject>
#include <QPointer>

class QAction;
class QMainWindow;
class QMenu;

// The window's Reports menu: Occupancy…, Maintenance…, Lab turnaround… open a
// ReportDialog and queue the report as a job for this person (it notifies them when it
// ends; see tasks/reports/reporttasks.h). openLink("usage-report:<job id>") — the
// notification's link — reads the job's result off the GUI thread and opens the PDF in
// the viewer, or asks where to save the CSV. GUI thread only; owned by the window.
class ReportsUi : public QObject
{
    Q_OBJECT
public:
    ReportsUi(const WindowServices &services, QMainWindow *window, QMenu *menu);

    // Which reports the role may start (job_kind_roles): occupancy and maintenance for
    // housing staff, turnaround for the lab; administrators all.
    void setRights(bool housing, bool lab, bool admin);
    // Opens the dialog on `report` (occupancy, maintenance, turnaround).
    void start(const QString &report);
    // Queues the report without asking (the dialog's OK, and tests).
    QCoro::Task<qint64> queue(QString report, QDate from, QDate to, QString format);
    // True when the link is a report's (and it is being opened).
    bool openLink(const QString &link);

    QAction *occupancyAction = nullptr;
    QAction *maintenanceAction = nullptr;
    QAction *turnaroundAction = nullptr;

Q_SIGNALS:
    void queued(qint64 jobId);
    void message(const QString &text);
    void failed(const QString &title, const QString &message);
    // The PDF of a finished report was shown (tests).
    void pdfOpened(qint64 jobId, QWidget *viewer);
    void csvSaved(qint64 jobId, const QString &path);

private:
    QCoro::Task<> open(qint64 jobId);
    QCoro::Task<> saveCsv(qint64 jobId, QByteArray csv, QString suggested);

    WindowServices m_services;
    QMainWindow *m_window;
    QMenu *m_menu;
};
