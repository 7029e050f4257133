#pragma once

#include "models/db/result.h"
#include "tasks/jobclock.h"
#include "tasks/sync/registrarsyncsettings.h"

#include <QCoreApplication>

#include <optional>

class Database;

// The SQL of the registrar sync (migration 0016): its settings, the state of the last
// applied export per URL, and the recurring job that runs it. On the calling thread's
// connection (DbExecutor from the GUI thread); joins the caller's transaction.
//
//   RegistrarSyncStore store(db);
//   RegistrarSyncSettings s = store.settings().value();
//   s.url = u"https://registrar.example.edu/residents.csv"_s;
//   s.schedule = u"0 6 * * *"_s;
//   if (auto saved = store.save(s); !saved) show(saved.error());
class RegistrarSyncStore
{
    Q_DECLARE_TR_FUNCTIONS(RegistrarSyncStore)
public:
    // What was applied last from one URL.
    struct State
    {
        QString etag;
        QString lastModified;
        QString sha256; // hex, of the body
        qint64 rows = 0;
        qint64 appliedAt = 0;
        qint64 jobId = 0;
    };

    explicit RegistrarSyncStore(Database &db, const JobClock &clock = JobClock::system());

    // The settings (version 0 and defaults when none were saved).
    Result<RegistrarSyncSettings> settings();
    // Validates and saves the settings (the version must be the one read: a stale one
    // is a conflict) and makes the recurring job residents.sync follow the schedule
    // (disabled when it is empty), in one transaction. The saved settings.
    Result<RegistrarSyncSettings> save(const RegistrarSyncSettings &settings);

    Result<std::optional<State>> state(const QString &url);
    VoidResult saveState(const QString &url, const State &state);

private:
    VoidResult schedule(const QString &cron);

    Database &m_db;
    const JobClock &m_clock;
};
