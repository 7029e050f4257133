#pragma once

#include "models/core/actor.h"

#include <QMainWindow>

class ConnectionMonitor;
class DbExecutor;

// The main window: a sidebar of pages (Dashboard, Buildings, Rooms, Residents),
// the edit menu with undo/redo, the connection banner, and remembered geometry.
// Built by the composition root (app/), which owns the services it is given;
// they outlive the window. GUI thread only; it never waits on the database: all
// data work goes through the DbExecutor.
//
//   MainWindow window(executor, monitor, Actor::systemUser());
//   window.show();
//   ... schema migrated ...
//   window.start();   // pages load their first rows
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(DbExecutor &executor, ConnectionMonitor &monitor, Actor actor, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The database is ready (schema migrated): pages start loading.
    void start();

Q_SIGNALS:
    // The residents page shows its first page of rows (or knows the table is empty).
    void residentsShown();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};
