#pragma once

#include "tests/bench/benchcase.h"

// report_occupancy_year: the report.occupancy job over a whole year of 20,000 stays
// (HousingBenchSeed, on 20,000 demo residents): from its claim to its end (the job
// row's finished_at − started_at: read the rooms and stays, compute, render the PDF,
// write the CSV and the result), run by a JobEngine in this process. Target <= 1 s.
class ReportOccupancyCase
{
public:
    static QString name() { return QStringLiteral("report_occupancy_year"); }
    static QString description()
    {
        return QStringLiteral("ms: the occupancy report job (read, compute, PDF, CSV) over a year of 20,000 stays");
    }
    static int run(const BenchOptions &options);
};
