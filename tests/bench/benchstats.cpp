#include "tests/bench/benchstats.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstdio>

double BenchStats::median() const
{
    if (samples.isEmpty())
        return 0;
    QList<double> sorted = samples;
    std::sort(sorted.begin(), sorted.end());
    const qsizetype n = sorted.size();
    return n % 2 ? sorted.at(n / 2) : (sorted.at(n / 2 - 1) + sorted.at(n / 2)) / 2;
}

double BenchStats::min() const
{
    return samples.isEmpty() ? 0 : *std::min_element(samples.begin(), samples.end());
}

double BenchStats::max() const
{
    return samples.isEmpty() ? 0 : *std::max_element(samples.begin(), samples.end());
}

void BenchStats::print(bool json) const
{
    const auto round2 = [](double v) { return std::round(v * 100) / 100; };
    QByteArray line;
    if (json) {
        line = QJsonDocument(QJsonObject{{QStringLiteral("case"), caseName},
                                         {QStringLiteral("unit"), unit},
                                         {QStringLiteral("median"), round2(median())},
                                         {QStringLiteral("min"), round2(min())},
                                         {QStringLiteral("max"), round2(max())},
                                         {QStringLiteral("runs"), int(samples.size())}})
                   .toJson(QJsonDocument::Compact);
    } else {
        line = QStringLiteral("%1: median %2 %5, min %3 %5, max %4 %5 (%6 runs)")
                   .arg(caseName)
                   .arg(median(), 0, 'f', 2)
                   .arg(min(), 0, 'f', 2)
                   .arg(max(), 0, 'f', 2)
                   .arg(unit)
                   .arg(samples.size())
                   .toUtf8();
    }
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}
