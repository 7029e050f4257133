#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"

#include <functional>

class Database;

// Deterministic demo data for the lab: clients (farms, owners, clinics; about one per
// 20 protocols, at least 5) and protocols in state submitted, each with a work order
// of 3–30 analyses and a draft report of 10–300 result rows (realistic analytes, units,
// reference ranges, some flagged low/high/abnormal).
//
// The same seed gives the same data, also when seeded in chunks: protocol i draws
// from a random generator of its own (seeded by the seed and i), and its client and
// number ("P-2026-<i+1>") depend on i only. Seeding into a database that holds demo
// rows adds only what is missing (client codes and protocol numbers are stable keys;
// a protocol and its work order, analyses, report and results commit together).
//
// Runs on the calling thread with its connection; batched prepared inserts in one
// transaction per 250 protocols: 1,000 protocols (about 150,000 result rows) take a
// few seconds on SQLite.
//
//   LabDemoSeeder seeder(db, actor);
//   auto summary = seeder.seed({.protocols = 1000, .seed = 1});
//   // in chunks (a checkpointed job): {.protocols = 500, .firstProtocol = 0}, then
//   // {.protocols = 1000, .firstProtocol = 500}
class LabDemoSeeder
{
public:
    struct Options
    {
        int protocols = 100; // protocols 0 … protocols-1
        quint32 seed = 1;
        // Protocols below this index are taken as done (resuming a chunked seed).
        int firstProtocol = 0;
    };
    // What was added (rows that existed already are not counted).
    struct Summary
    {
        int clients = 0;
        int protocols = 0;
        int workOrders = 0;
        int analyses = 0;
        int reports = 0;
        int results = 0;
    };

    // The demo protocols' number year.
    static constexpr int DemoYear = 2026;

    LabDemoSeeder(Database &db, Actor actor);
    // progress(done, total) is called between batches.
    Result<Summary> seed(const Options &options, const std::function<void(int, int)> &progress = {});

    // How many clients `protocols` demo protocols use.
    static int clientCount(int protocols);

private:
    Database &m_db;
    Actor m_actor;
};
