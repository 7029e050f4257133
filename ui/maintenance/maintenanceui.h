#pragma once

#include "ui/windowservices.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

class MaintenancePage;
class MaintenanceRequestWindow;
class NewMaintenanceRequestDialog;
class TechniciansDialog;
class QMainWindow;

// Maintenance in the main window, made with one call so the window's own code stays
// small: the Maintenance page (the window puts it in its sidebar), one request window
// per request, the New request dialog, the Technicians dialog, and "maintenance:<id>" links of the
// notification centre. It follows records-changed events of the maintenance tables
// (and rooms, buildings, residents) from every desktop and reloads what is shown.
//
// Housing staff and administrators change requests; anyone else (vets) reads them:
// setWritable(false) hides every change (PostgreSQL refuses them anyway).
//
// GUI thread only; the services outlive it. Its file pool (attachments: reading and
// thumbnails) finishes before it is gone.
//
//   auto *maintenance = new MaintenanceUi(services, window);
//   sidebar entry: maintenance->page()
//   maintenance->setWritable(rights.housing);
//   maintenance->start();   // once the schema is migrated
class MaintenanceUi : public QObject
{
    Q_OBJECT
public:
    MaintenanceUi(const WindowServices &services, QMainWindow *window);
    ~MaintenanceUi() override;

    void start();
    MaintenancePage *page() const { return m_page; }
    void setWritable(bool writable);
    bool isWritable() const { return m_writable; }

    // "maintenance:<id>": the request's window. False for other links.
    bool openLink(const QString &link);
    // The request's window, raised if it is open already.
    MaintenanceRequestWindow *openRequest(qint64 requestId);
    MaintenanceRequestWindow *requestWindow(qint64 requestId) const;
    // The New request dialog (one at a time).
    NewMaintenanceRequestDialog *newRequest();
    // The technicians (one dialog at a time): read by anyone who sees the page, added
    // and edited where writable.
    TechniciansDialog *showTechnicians();

    DbExecutor &executor() const { return m_services.executor; }
    const Actor &actor() const { return m_services.actor; }
    QThreadPool *filePool() { return &m_filePool; }
    QWidget *window() const;
    // Asks this desktop's engine to claim now (a request's processing was queued here).
    void wakeEngine();

Q_SIGNALS:
    // For the status bar.
    void message(const QString &text);
    // A request was created here; `jobId` is its maintenance.process job.
    void requestSubmitted(qint64 requestId, qint64 jobId);

private:
    void recordsChanged(const QString &table);

    WindowServices m_services;
    QMainWindow *m_window;
    QThreadPool m_filePool;
    MaintenancePage *m_page;
    QHash<qint64, QPointer<MaintenanceRequestWindow>> m_windows;
    QPointer<NewMaintenanceRequestDialog> m_newDialog;
    QPointer<TechniciansDialog> m_techniciansDialog;
    bool m_writable = true;
    bool m_started = false;
};
