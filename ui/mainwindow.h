#pragma once

#include "ui/windowservices.h"

#include <QCoroTask>
#include <QMainWindow>
#include <QVariantMap>

struct JobRequest;
class QMenu;
class DashboardPage;
class ReportsUi;
class UsersPage;

// The main window: a sidebar of pages (Dashboard, Buildings, Rooms, Residents, and the
// lab's Protocols and Work orders with their report editors: ui/lab/labui.h),
// Maintenance (ui/maintenance/maintenanceui.h: read-only for vets),
// the administrators' Users page on PostgreSQL (ui/people/userspage.h),
// the edit menu with undo/redo, the connection banner, the jobs dock (View ▸ Jobs,
// Ctrl+J), the status-bar job indicator, the notification bell in the toolbar,
// Tools ▸ Run diagnostic job (only with WindowServices::diagnostics), and remembered geometry and dock
// layout. Pages reload when the event bus says another client changed their table. Built by the composition
// root (app/), which owns the services it is given; they outlive the window. GUI thread only; it never waits
// on the database: all data work goes through the DbExecutor.
//
//   MainWindow window({.executor = executor, .monitor = monitor, .events = bus,
//                      .engine = &engine, .tasks = registry, .actor = Actor::systemUser()});
//   window.show();
//   ... schema migrated, bus and engine started ...
//   window.start();   // pages, jobs and notifications load
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // What the signed-in person's role may use (on SQLite, and until told: everything).
    struct Rights
    {
        bool admin = true;
        bool housing = true; // buildings, rooms, residents, allocations
        bool lab = true;     // protocols, work orders, reports
    };
    // Hides the pages and actions the role may not use (PostgreSQL refuses them anyway).
    void setRights(const Rights &rights);
    Rights rights() const;
    explicit MainWindow(const WindowServices &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The database is ready (schema migrated): pages start loading.
    void start();
    // The administrators' Users page (PostgreSQL, a member of residesk_admin as the
    // server says), or null: not (yet) shown.
    UsersPage *usersPage() const;
    DashboardPage *dashboardPage() const;
    ReportsUi *reportsUi() const;
    // What a click on a dashboard figure does: the Free beds, Allocations, Protocols
    // (filtered by state) or Maintenance page (open work of a priority, overdue only),
    // the Jobs dock; then dashboardLinkActivated.
    void openDashboardLink(const QString &target, const QVariantMap &filter);

Q_SIGNALS:
    // A dashboard figure was clicked: target "free-beds", "allocations" {arrivals or
    // departures, from, to}, "maintenance" {priority, overdue}, "protocols" {state}, "jobs"
    // {state}.
    void dashboardLinkActivated(const QString &target, const QVariantMap &filter);
    // start() asked the server whether this login manages people; `shown`: the Users
    // page is in the sidebar.
    void usersPageDecided(bool shown);
    // The residents page shows its first page of rows (or knows the table is empty).
    void residentsShown();
    // File ▸ Sign in as someone else… (PostgreSQL only): the application restarts with
    // the sign-in dialog once this window has closed.
    void signInAsSomeoneElseRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // Tools ▸ Run diagnostic job: enqueues for this user, with a notification at the end.
    QCoro::Task<> enqueueJob(JobRequest request);
    void addDiagnosticsMenu(QMenu *toolsMenu);
    // Adds the Users page when the server says the signed-in login is an administrator.
    QCoro::Task<> showUsersPageIfAllowed();

    struct Private;
    std::unique_ptr<Private> d;
};
