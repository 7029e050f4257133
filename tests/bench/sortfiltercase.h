#pragma once

#include "tests/bench/benchcase.h"

// residents_100k_sort_filter: in process, a ResidentsTableModel on 100,000 residents;
// each run sorts by last name descending and searches "son", timed until the first
// page of the new query is loaded.
class SortFilterCase
{
public:
    static QString name() { return QStringLiteral("residents_100k_sort_filter"); }
    static int run(const BenchOptions &options);
};
