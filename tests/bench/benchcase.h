#pragma once

#include <QString>

// What a benchmark case gets from the command line.
struct BenchOptions
{
    QString databaseUrl;   // empty: a temporary SQLite file
    int runs = 5;
    bool json = false;
};
