#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"

#include <functional>

class Database;

// Deterministic demo data: for the same seed and counts, the same buildings, rooms
// and residents (names, student ids, e-mails) every time. Inserts in batches inside
// transactions; 100,000 residents take a few seconds. Seeding into a database that
// already holds demo rows adds only what is missing (student ids and codes are stable).
class DemoSeeder
{
public:
    struct Options
    {
        int residents = 300;
        quint32 seed = 1;
        // Residents below this index are taken as done (resuming a chunked seed).
        int firstResident = 0;
        // Seed the stays (allocations) after the residents: the last chunk of a
        // chunked seed, or a seed in one go.
        bool stays = true;
    };
    struct Summary
    {
        int buildings = 0;
        int rooms = 0;
        int residents = 0;
    };

    DemoSeeder(Database &db, Actor actor);
    // progress(done, total) is called between batches.
    Result<Summary> seed(const Options &options, const std::function<void(int, int)> &progress = {});

private:
    // A few residents on waitlists (housing/waitlist), once per database.
    VoidResult seedWaitlist();
    // Stays for most active residents around `today` (see the .cpp), once per database.
    VoidResult seedAllocations(const QDate &today, quint32 seed);

    Database &m_db;
    Actor m_actor;
};
