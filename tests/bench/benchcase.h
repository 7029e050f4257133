#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// What a benchmark case gets from the command line.
struct BenchOptions
{
    QString databaseUrl; // empty: a temporary SQLite file
    int runs = 5;
    bool runsSet = false; // --runs was given (a case may default to fewer)
    bool json = false;
    // The engine cases (engine_throughput):
    qint64 history = 0;     // finished jobs put in the jobs table before timing
    QList<int> processes;   // worker process counts to time; empty: the case's own
    QStringList workerArgs; // more arguments for each `residesk worker`
    // The person the workers sign in as (PostgreSQL); empty: the --database URL's. A real
    // worker is an ordinary person of residesk_worker, under row-level security, which a
    // superuser skips.
    QString workerUser;
    // scale_university:
    qint64 jobs = 0;   // queued jobs; 0: the case's own (100,000)
    int listeners = 0; // listening clients; 0: the case's own (200)
};
