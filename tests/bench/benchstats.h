#pragma once

#include <QList>
#include <QString>

// Median, min and max of one measured figure, printed as text or as one JSON line:
//   {"case": ..., "unit": "ms", "median": ..., "min": ..., "max": ..., "runs": N}
struct BenchStats
{
    QString caseName;
    QString unit;
    QList<double> samples;

    double median() const;
    double min() const;
    double max() const;
    void print(bool json) const;
};
