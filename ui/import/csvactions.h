#pragma once

#include "models/core/actor.h"
#include "models/io/csvexporter.h"

#include <QCoroTask>
#include <QList>
#include <QObject>
#include <QPointer>

class DbExecutor;
class QAction;
class JobEngine;
class QMenu;
class QWidget;
class ResidentImportDialog;

// The File menu's CSV actions: Import residents… (a file dialog, then
// ResidentImportDialog) and Export residents… / Export rooms… / Export protocols… (a save dialog, then
// the export on the executor's read pool, never on the GUI thread; message() says
// when it is done or why it failed). Owned by the main window; GUI thread only.
//
//   auto *csv = new CsvActions(executor, engine, actor, window);
//   csv->addTo(fileMenu);
//   connect(csv, &CsvActions::message, window, [&](const QString &m) { statusBar()->showMessage(m); });
class CsvActions : public QObject
{
    Q_OBJECT
public:
    CsvActions(DbExecutor &executor, JobEngine *engine, Actor actor, QWidget *window);

    void addTo(QMenu *menu);
    // Shows only what the role may use: residents and rooms for housing staff,
    // protocols for the lab (PostgreSQL refuses the rest anyway).
    void setRights(bool housing, bool lab);

    // Opens the import dialog on `path` (the menu action asks for the file first).
    ResidentImportDialog *openImport(const QString &path);
    // Exports a table to `path`; emits message() and exportFinished() at the end.
    QCoro::Task<> exportTo(CsvExporter::Table table, QString path);

Q_SIGNALS:
    void jobQueued(qint64 id);
    void message(const QString &text);
    void exportFinished(bool ok);

private:
    void chooseExportFile(CsvExporter::Table table);

    DbExecutor &m_executor;
    QPointer<JobEngine> m_engine;
    Actor m_actor;
    QWidget *m_window;
    QList<QAction *> m_housingActions;
    QAction *m_protocolsAction = nullptr;
};
