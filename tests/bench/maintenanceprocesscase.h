#pragma once

#include "tests/bench/benchcase.h"

// maintenance_process_1000: 1,000 maintenance requests (50 rooms, 8 categories, 4
// priorities) submitted with their maintenance.process jobs, then processed by one
// in-process engine with one runner (kinds: maintenance.process only): technician
// chosen among 20, estimate, slot, two outbox e-mails and the staff notification per
// request. Requests per second from the first job's start to the last one's end (the
// jobs' started_at and finished_at), median over --runs. Unit "requests/s".
class MaintenanceProcessCase
{
public:
    static QString name() { return QStringLiteral("maintenance_process_1000"); }
    static QString description()
    {
        return QStringLiteral(
            "requests/s of one worker processing 1,000 maintenance requests (assign, estimate, slot, e-mails)");
    }
    static int run(const BenchOptions &options);
};
