#pragma once

#include "models/core/actor.h"

class ConnectionMonitor;
class DbExecutor;
class EventBus;
class JobEngine;
class PdfCache;
class TaskRegistry;

// What the composition root (app/gui, a test, a benchmark) hands the main window.
// Everything referenced is owned by the caller and outlives the window.
//
//   MainWindow window({.executor = executor, .monitor = monitor, .events = bus,
//                      .engine = &engine, .tasks = registry, .actor = actor});
struct WindowServices
{
    DbExecutor &executor;
    ConnectionMonitor &monitor;
    EventBus &events;            // started by the caller once the schema is migrated
    JobEngine *engine = nullptr; // this desktop's engine; null when it runs none
    const TaskRegistry &tasks;
    Actor actor;
    // The process's PDF cache (one per process, shared with its job engine through
    // LabServices::setPdfCache); null: LabServices::pdfCache().
    PdfCache *pdfCache = nullptr;
    // Tools ▸ Run diagnostic job for administrators (`residesk --diagnostics`): jobs that
    // wait, burn CPU or fail on purpose, to check a deployment's engine. Off by default.
    bool diagnostics = false;
};
