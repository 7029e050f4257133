#pragma once

#include <QString>

class Database;

// Rows the dashboard and report benchmarks need beyond the demo residents: a bench
// building "BQ" with 5,000 double rooms, `allocations` stays in `year` (each room's two
// beds hold four stays of 85 days, one a quarter; every state but cancelled) and
// `requests` maintenance requests in BQ (open, done, cancelled; some overdue). Marked
// (notes / description "bench-seed") and only topped up, so a reused database is not
// seeded twice. False with `error` set on failure.
namespace HousingBenchSeed {
bool seed(Database &db, int allocations, int requests, int year, QString *error);
}
